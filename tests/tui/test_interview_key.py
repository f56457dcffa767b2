"""On the board, `i` on an Applied card logs the interview and moves the card to Interviewed in
one change (one `u` takes back both); the same interview again is merged (docs/rules.md)."""

from __future__ import annotations

import pendulum

from jobboard.config.settings import Settings
from jobboard.core.model import new_application
from jobboard.storage.store import BoardStore
from jobboard.tui.app import JobBoardApp
from tests.helpers.tui import loaded
from tests.tui.test_tui_moves import answer

D = pendulum.date
COLUMNS = ("applied", "interviewed", "silent", "rejected")


async def test_i_on_an_applied_card_moves_it_and_u_undoes_both(board_path, frozen):
    BoardStore(board_path).add(lambda i: new_application(i, "Monzo", "Dev", applied_on=D(2026, 11, 2)))
    app = JobBoardApp(BoardStore(board_path), Settings(), columns=COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("i")
        assert type(app.screen).__name__ == "AskInterviewScreen"
        await answer(pilot, "2026-11-13", "10:00")
        monzo = app.board["1"]
        assert monzo.status == "interviewed"
        assert [(e.kind, e.date) for e in monzo.events[-2:]] == [
            ("interview", D(2026, 11, 13)),
            ("status", D(2026, 11, 13)),
        ]
        assert app.step_for(monzo).rule != "follow_up"

        await pilot.press("i")  # the same day again, no time: the same interview
        await answer(pilot, "2026-11-13")
        assert len(app.board["1"].events_of("interview")) == 1

        await pilot.press("u")  # takes back the merge
        await pilot.press("u")  # takes back the interview and the move together
        monzo = app.board["1"]
        assert monzo.status == "applied" and not monzo.events_of("interview")
        await app.flush()
        assert BoardStore(board_path).get("1").events == monzo.events
