"""What the board looks like, as SVG snapshots (time frozen, so ages and due dates are stable).

Update them after an intended change with: uv run pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest

from jobboard.config.settings import Settings
from jobboard.storage.store import BoardStore
from jobboard.tui.app import JobBoardApp
from tests.helpers.tui import loaded

DEMO_COLUMNS = ("wishlist", "applied", "interviewed", "silent", "rejected")


def test_demo_board(demo_board, snap_compare):
    app = JobBoardApp(BoardStore(demo_board), Settings(), columns=DEMO_COLUMNS)
    assert snap_compare(app, terminal_size=(120, 40), run_before=loaded)


def test_demo_board_at_80x24_without_panel(demo_board, snap_compare):
    async def hide_panel(pilot):
        await loaded(pilot)
        await pilot.press("p")

    app = JobBoardApp(BoardStore(demo_board), Settings())
    assert snap_compare(app, terminal_size=(80, 24), run_before=hide_panel)


SHIPPED_THEMES = ("jobboard-dark", "jobboard-light", "jobboard-high-contrast", "jobboard-colorblind")


@pytest.mark.parametrize("theme", SHIPPED_THEMES)
def test_demo_board_in_each_shipped_theme(demo_board, snap_compare, theme):
    app = JobBoardApp(BoardStore(demo_board), Settings(), columns=DEMO_COLUMNS, theme=theme)
    assert app.theme == theme
    assert snap_compare(app, terminal_size=(120, 40), run_before=loaded)
