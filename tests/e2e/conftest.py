"""Fixtures of the browser tests (tests/e2e/test_serve*.py): a headless Chromium, a demo board."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from jobboard.core.demo import demo_builds
from jobboard.storage.store import BoardStore
from tests.e2e.test_serve import CHROMIUM_ARGS, chromium_path


@pytest.fixture
def browser(tmp_path: Path):
    """A headless Chromium with a new, empty profile, that reaches nothing but this machine."""
    executable = chromium_path()
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path / "chromium-profile",
            executable_path=executable,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 800},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def board(tmp_path: Path) -> Path:
    """The demo job hunt as of today: the served board reads the real clock, as a user's does."""
    path = tmp_path / "board" / "board.json"
    BoardStore(path).add_many(demo_builds(pendulum.today().date()))
    return path
