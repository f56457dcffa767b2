"""Shared fixtures: every test gets its own folders, and never sees the user's real board."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from jobboard.core.demo import demo_builds
from jobboard.storage.store import BoardStore

# A Monday, so business-day arithmetic in the demo is easy to check by hand.
FROZEN_NOW = pendulum.datetime(2026, 11, 16, 10, 0, 0, tz="UTC")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every platformdirs folder and jobboard variable at tmp_path."""
    home = tmp_path / "home"
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    # Work in a scratch folder, so a test that exports (x in the TUI) never writes into the repo.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JOBBOARD_DB", raising=False)
    monkeypatch.delenv("JOBBOARD_CONFIG", raising=False)
    return home


@pytest.fixture
def frozen():
    with pendulum.travel_to(FROZEN_NOW, freeze=True):
        yield FROZEN_NOW


@pytest.fixture(scope="session")
def big_board(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A realistic board of 600 applications (bench/make_board.py), over the 256 KB from which
    a first look comes from a child process or is kept. Shared: copy it before changing it."""
    from tests.helpers.boards import make_board

    path = tmp_path_factory.mktemp("big-board") / "board.json"
    make_board(600, path)
    return path


@pytest.fixture
def board_path(tmp_path: Path) -> Path:
    return tmp_path / "board" / "board.json"


@pytest.fixture
def demo_board(board_path: Path, frozen) -> Path:
    """The demo job hunt, written as of the frozen date."""
    BoardStore(board_path).add_many(demo_builds(frozen.date()))
    return board_path


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The whole program in tmux, Chromium or a fresh wheel is slow: `-m "not slow"` skips it."""
    e2e = Path(__file__).parent / "e2e"
    for item in items:
        if e2e in Path(item.path).parents:
            item.add_marker(pytest.mark.slow)
