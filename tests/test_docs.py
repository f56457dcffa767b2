"""The docs say what the code is: every module is on the architecture page, every link lands."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "jobboard"


def modules() -> list[str]:
    """Each module as the architecture page names it: `name.py` under its layer's heading."""
    return sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.name not in ("__init__.py", "__main__.py")
    )


def test_every_module_is_on_the_architecture_page() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    sections = re.split(r"(?m)^### ", page)
    named: set[str] = set()
    for section in sections[1:]:
        layer = section.split()[0].rstrip("/")
        for name in re.findall(r"`([\w/]+\.py)`", section):
            named.add(name if layer == "web.py" else f"{layer}/{name}")
    named |= {name for name in re.findall(r"`jobboard/([\w/]+\.py)`", page)}
    missing = [module for module in modules() if module not in named]
    assert missing == [], f"docs/architecture.md does not name: {missing}"


def test_the_readme_stays_short_and_its_links_land() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 300
    for page in ("README.md", *(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))):
        text = (ROOT / page).read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#:]+)\)", text):
            assert (ROOT / page).parent.joinpath(target).exists(), f"{page} links to {target}, which is not there"
