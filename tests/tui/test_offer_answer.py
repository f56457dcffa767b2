"""f on "answer the offer" asks how you answered and logs it (docs/rules.md, "Offers")."""

from __future__ import annotations

import pendulum

from jobboard.storage.store import BoardStore
from jobboard.tui.offer_answer import AskOfferAnswerScreen
from tests.helpers.tui import DEMO_COLUMNS, loaded, make_app, select_company, selected


async def test_f_on_an_offer_asks_the_outcome_and_logs_it(demo_board, frozen):
    app = make_app(demo_board, (*DEMO_COLUMNS, "offer"))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Wonka Industries")
        assert app.step_for(selected(app)).rule == "respond_to_offer"
        before = len(selected(app).events)
        await pilot.press("f")
        assert isinstance(app.screen, AskOfferAnswerScreen)
        await pilot.press("escape")  # not answered yet: nothing logged
        assert app.screen is app.board_screen and len(selected(app).events) == before
        await pilot.press("f", "c")
        await app.flush()
        await pilot.pause()
        card = BoardStore(demo_board).get(selected(app).id)
        last = card.events[-1]
        assert (last.kind, last.outcome, last.date) == ("offer_answered", "countered", pendulum.date(2026, 11, 16))
        assert card.status == "offer" and app.step_for(selected(app)).rule == "wait"
        await pilot.press("u")  # one u takes the answer back
        await app.flush()
        await pilot.pause()
        assert len(BoardStore(demo_board).get(card.id).events) == before
