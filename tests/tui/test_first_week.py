"""The first week as a new user lives it (issue 31): fast typing in the form, where a new card
lands, the side panel from the keyboard, the 80x24 footer, the form's and P's layout."""

from __future__ import annotations

from textual.widgets import Input, Select

from jobboard.tui.forms import ApplicationForm
from tests.helpers.tui import DEMO_COLUMNS, burst, loaded, make_app


async def test_a_burst_with_a_tab_fills_company_then_role(board_path, frozen):
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, ApplicationForm)
        await burst(pilot, "Newco", "tab", "Platform Engineer", "tab", "shift+tab", "shift+tab")
        assert app.screen.query_one("#field-company", Input).value == "Newco"
        assert app.screen.query_one("#field-role", Input).value == "Platform Engineer"
        assert app.focused is app.screen.query_one("#field-company", Input)
