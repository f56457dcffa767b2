"""Finding 3 of issue 28 in the TUI: a board's link or address opens only once it is checked.

An older board may hold a ``javascript:`` posting link or an email that smuggles a ``Bcc:``;
``o`` and ``m`` refuse them with a notice instead of handing them to the opener (docs/data.md).
"""

from __future__ import annotations

import pendulum

from jobboard.config.settings import Settings
from jobboard.core.model import new_application
from jobboard.core.people import Person
from jobboard.storage.store import BoardStore
from tests.helpers.tui import NotedApp, loaded, wait_for


def hostile_board(board_path, **fields) -> NotedApp:  # noqa: ANN001, ANN003
    applied = pendulum.date(2026, 11, 2)
    BoardStore(board_path).add(lambda i: new_application(i, "Acme", "Dev", applied_on=applied, **fields))
    return NotedApp(BoardStore(board_path), Settings())


async def test_o_never_opens_a_javascript_link(board_path, frozen):
    app = hostile_board(board_path, url="javascript:alert(document.cookie)")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        await wait_for(pilot, lambda: any("not a web address" in said for said in app.notes), "the refusal")
        assert app.opened == []


async def test_m_never_opens_a_mailto_with_a_smuggled_recipient(board_path, frozen):
    dana = Person("Dana", "recruiter", "dana@acme.example\r\nBcc: evil@attacker.example")
    app = hostile_board(board_path, people=[dana])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("m")
        await wait_for(pilot, lambda: any("not an email address" in said for said in app.notes), "the refusal")
        assert app.opened == []
