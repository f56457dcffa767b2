"""The built wheel carries the shipped themes, and an installed jobboard finds and loads them.

Slow-ish (a build and a fresh virtual environment, a few seconds with a warm uv cache) but it runs
everywhere uv does: it is skipped only when uv itself is missing, and says so.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(path.name for path in (ROOT / "themes").glob("*.toml"))


def uv() -> str:
    found = shutil.which("uv")
    if found is None:
        reason = "uv is not on PATH, so the wheel cannot be built here"
        print(reason)
        pytest.skip(reason)
    return found


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True)


def checked(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, f"{' '.join(result.args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An sdist and a wheel built from it, as `uv build` makes them (so both carry the themes)."""
    out = tmp_path_factory.mktemp("dist")
    checked(run(uv(), "build", "--out-dir", out, cwd=ROOT))
    return out


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The python of a fresh virtual environment with only the built wheel (and its dependencies)."""
    folder = tmp_path_factory.mktemp("venv")
    venv = folder / "venv"
    checked(run(uv(), "venv", "--quiet", "--python", sys.executable, venv, cwd=folder))
    python = venv / "bin" / "python"
    wheel = next(dist.glob("*.whl"))
    offline = run(uv(), "pip", "install", "--quiet", "--offline", "--python", python, wheel, cwd=folder)
    if offline.returncode != 0:
        online = run(uv(), "pip", "install", "--quiet", "--python", python, wheel, cwd=folder)
        if online.returncode != 0:
            # No cache and no index: install the wheel alone and borrow this environment's
            # dependencies through a .pth file (searched after the venv's own site-packages).
            print(f"installing dependencies failed, borrowing them:\n{online.stderr}")
            checked(run(uv(), "pip", "install", "--quiet", "--no-deps", "--python", python, wheel, cwd=folder))
            site = checked(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=folder))
            Path(site.stdout.strip(), "borrowed-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def test_the_wheel_holds_every_shipped_theme_under_jobboard_themes(dist: Path) -> None:
    assert len(SHIPPED) >= 4
    with zipfile.ZipFile(next(dist.glob("*.whl"))) as wheel:
        inside = {Path(name).name for name in wheel.namelist() if name.startswith("jobboard/_themes/")}
        assert set(SHIPPED) <= inside
        for name in SHIPPED:
            assert wheel.read(f"jobboard/_themes/{name}") == (ROOT / "themes" / name).read_bytes()


def test_the_sdist_holds_the_themes_folder(dist: Path) -> None:
    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        inside = {Path(name).name for name in sdist.getnames() if Path(name).parent.name == "themes"}
    assert set(SHIPPED) <= inside


def test_an_installed_jobboard_finds_and_loads_every_shipped_theme(installed: Path, tmp_path: Path) -> None:
    code = (
        "import json, jobboard, jobboard.tui.themes as t\n"
        "themes, problems = t.load_all(None)\n"
        "print(json.dumps({'package': jobboard.__file__, 'folder': str(t.shipped_themes_folder()),\n"
        "                  'names': [theme.name for theme in themes], 'problems': problems}))\n"
    )
    # Run from an empty folder so the checkout cannot shadow the installed package.
    report = json.loads(checked(run(installed, "-c", code, cwd=tmp_path)).stdout)
    venv = installed.parent.parent
    assert Path(report["package"]).is_relative_to(venv), report
    assert Path(report["folder"]).is_relative_to(venv) and Path(report["folder"]).name == "_themes"
    assert report["problems"] == []
    assert sorted(f"{name}.toml" for name in report["names"]) == SHIPPED


def test_an_installed_jobboard_lists_its_themes(installed: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        **{v: str(tmp_path / v) for v in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME")},
    }
    code = "from jobboard.cli import themes as cli_themes\nfrom jobboard.cli.main import main\nmain(['themes'])\n"
    result = checked(run(installed, "-c", code, cwd=tmp_path, env=env))
    assert "* jobboard-dark" in result.stdout
    for name in SHIPPED:
        assert Path(name).stem in result.stdout
