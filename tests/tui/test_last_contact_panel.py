"""The side panel's "Last contact" line under the step (time frozen on Mon 16 Nov 2026)."""

from __future__ import annotations

from jobboard.tui.panel import SidePanel
from tests.helpers.tui import DEMO_COLUMNS, loaded, make_app, select_company, selected, wait_for


async def test_the_panel_says_when_you_were_last_in_touch_and_follows_the_log(demo_board, frozen):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        panel = app.board_screen.query_one(SidePanel)
        await select_company(pilot, "Acme Robotics")  # applied on Wed 4 Nov, nothing since
        await wait_for(pilot, lambda: "Last contact: Wed 4 Nov" in panel.text, "Acme's last contact")
        lines = panel.text.splitlines()
        assert lines.index("Last contact: Wed 4 Nov") == lines.index("NEXT STEP") + 3  # under the step's when
        await pilot.press("b", "enter")  # they answered today
        assert selected(app).events[-1].kind == "heard_back"
        await wait_for(pilot, lambda: "Last contact: Mon 16 Nov" in panel.text, "the answer as the last contact")
        await pilot.press("u")
        await wait_for(pilot, lambda: "Last contact: Wed 4 Nov" in panel.text, "the undo to take it back")


async def test_a_wishlist_card_has_no_last_contact_line(demo_board, frozen):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        panel = app.board_screen.query_one(SidePanel)
        await select_company(pilot, "Northwind Labs")
        await wait_for(pilot, lambda: "Northwind Labs" in panel.text, "the Wishlist card in the panel")
        assert selected(app).status == "wishlist" and "Last contact" not in panel.text
