"""The board's paste box (M): an email's text read, logged with ctrl+s, undone with u."""

from __future__ import annotations

from pathlib import Path

import pendulum

from jobboard.core.model import new_application
from jobboard.core.people import Person
from jobboard.storage.store import BoardStore
from jobboard.tui.paste_mail import PasteMailScreen
from tests.helpers.tui import loaded, make_app, wait_for

MAIL = Path(__file__).resolve().parents[1] / "fixtures" / "mail"


def acme_board(path: Path) -> None:
    people = [Person("Jörg", email="jobs@initech.example")]
    BoardStore(path).add(
        lambda app_id: new_application(app_id, "Initech", "QA Lead", applied_on=pendulum.date(2026, 11, 1)).copy(
            people=people
        )
    )


async def test_a_pasted_rejection_moves_the_card_and_u_takes_it_back(board_path: Path, frozen) -> None:  # noqa: ANN001
    acme_board(board_path)
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        (card_id,) = app.board
        await pilot.press("M")
        await wait_for(pilot, lambda: isinstance(app.screen, PasteMailScreen), "the paste box")
        app.screen.query_one("#mail-text").load_text((MAIL / "rejection-b64.eml").read_text(encoding="utf-8"))
        await wait_for(pilot, lambda: app.screen.proposal is not None, "the message read")
        shown = str(app.screen.query_one("#mail-reading").render())
        assert "Read: a rejection" in shown and "Would log: the move to Rejected on 2026-11-13" in shown
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.board[card_id].status == "rejected", "the move to Rejected")
        await pilot.press("u")
        await wait_for(pilot, lambda: app.board[card_id].status == "applied", "the move undone")
        await app.writer.flush()
    assert BoardStore(board_path).get(card_id).status == "applied"


async def test_text_with_no_headers_logs_nothing(board_path: Path, frozen) -> None:  # noqa: ANN001
    acme_board(board_path)
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("M")
        await wait_for(pilot, lambda: isinstance(app.screen, PasteMailScreen), "the paste box")
        app.screen.query_one("#mail-text").load_text("hello there, no headers")
        await wait_for(
            pilot, lambda: "no email headers" in str(app.screen.query_one("#mail-reading").render()), "a refusal"
        )
        await pilot.press("ctrl+s")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, PasteMailScreen), "the box closed")
        (card,) = app.board.values()
        assert card.status == "applied" and len(card.events) == len(BoardStore(board_path).applications()[0].events)
