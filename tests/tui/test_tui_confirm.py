"""A question before a delete shows its keys (y, n, escape) and says what was kept when it is
cancelled: enter on the focused Cancel button deletes nothing, and says so."""

from __future__ import annotations

from textual.widgets import Button, Static

from jobboard.storage.store import BoardStore
from jobboard.tui.screens import ConfirmScreen
from tests.helpers.tui import loaded, make_app, select_company, selected, wait_for


def shown_text(screen) -> str:
    return "\n".join(str(static.render()) for static in screen.query(Static))


async def test_d_in_the_timeline_then_enter_keeps_the_event_and_says_so(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Initech")  # its newest event, the interview, may go
        events = list(selected(app).events)
        await pilot.press("t", "d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        assert "y: delete · n or escape: cancel" in shown_text(app.screen)
        assert [str(b.label) for b in app.screen.query(Button)] == ["Delete (y)", "Cancel (n)"]
        await pilot.press("enter")  # Cancel has the focus
        await wait_for(pilot, lambda: app.notes, "a word on what happened")
        assert app.notes == [f": Kept event {len(events)}: nothing was deleted."]
        assert selected(app).events == events
        await pilot.press("d", "y")
        await app.flush()
        assert len(BoardStore(demo_board).get(selected(app).id).events) == len(events) - 1


async def test_d_on_the_board_then_n_keeps_the_card_and_says_so(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        company = selected(app).company
        await pilot.press("d", "n")
        await wait_for(pilot, lambda: app.notes, "a word on what happened")
        assert app.notes == [f": Kept {company}: nothing was deleted."]
