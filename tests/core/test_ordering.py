"""Cards in a column by urgency (overdue, due, upcoming, then the rest newest first), `s`
cycling urgency / applied date / company and remembered, the same order in `jobboard list`, and
the `/` filter reaching contacts, emails and the source."""

from __future__ import annotations

import pendulum

from jobboard.config.settings import Settings
from jobboard.config.state_file import remembered_sort
from jobboard.core.etiquette import next_step
from jobboard.core.model import Application, Event, new_application
from jobboard.core.ordering import SORTS, next_sort, sort_key, urgency_key
from jobboard.storage.store import BoardStore
from jobboard.tui.app import JobBoardApp
from tests.helpers.cli import run_cli
from tests.helpers.tui import loaded

D = pendulum.date
TODAY = D(2026, 11, 16)  # the frozen fixture's Monday


def applied(app_id: str, company: str, on: pendulum.Date, *events: Event, **fields: str) -> Application:
    made = new_application(app_id, company, "Dev", applied_on=on, **fields)
    return made.copy(events=[*made.events, *events])


BOARD = [
    applied("1", "Waiting Co", D(2026, 11, 2), Event("snooze", D(2026, 11, 30))),  # upcoming, the 30th
    applied("2", "Overdue Co", D(2026, 11, 2)),  # follow-up due the 9th: overdue by a week
    applied("3", "Due Co", D(2026, 11, 9)),  # follow-up due today
    applied("4", "Soon Co", D(2026, 11, 13)),  # follow-up due the 20th
    applied("5", "Very Late Co", D(2026, 10, 30)),  # follow-up due the 6th: most overdue
]


def test_urgency_is_overdue_then_due_then_upcoming():
    by_urgency = sorted(BOARD, key=lambda a: urgency_key(a, next_step(a, TODAY, words=False)))
    assert [a.company for a in by_urgency] == ["Very Late Co", "Overdue Co", "Due Co", "Soon Co", "Waiting Co"]
    assert [a.company for a in sorted(BOARD, key=lambda a: sort_key("applied", a))] == [
        "Soon Co", "Due Co", "Overdue Co", "Waiting Co", "Very Late Co",
    ]  # fmt: skip
    assert [a.company for a in sorted(BOARD, key=lambda a: sort_key("company", a))] == sorted(a.company for a in BOARD)


def test_the_rest_come_newest_first():
    rejected = [
        applied(str(n), f"Co {n}", D(2026, 10, n), Event("status", D(2026, 10, 20), status="rejected"))
        for n in (1, 5, 3)
    ]
    courtesies = [Event("acknowledged", D(2026, 10, 20)), Event("feedback_requested", D(2026, 10, 21))]
    done = [a.copy(status="rejected", events=[*a.events, *courtesies]) for a in rejected]
    steps = {a.id: next_step(a, TODAY, words=False) for a in done}
    assert {s.rule for s in steps.values()} == {"wait"}
    assert [a.id for a in sorted(done, key=lambda a: urgency_key(a, steps[a.id]))] == ["5", "3", "1"]


def test_s_cycles_the_order():
    assert [next_sort(s) for s in SORTS] == ["applied", "company", "urgency"]
    assert next_sort("nonsense") == "urgency"


async def test_s_on_the_board_cycles_and_is_remembered(board_path, frozen):
    BoardStore(board_path).add_many([lambda i, a=a: a.copy(id=i) for a in BOARD])
    app = JobBoardApp(BoardStore(board_path), Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        column = app.board_screen.column_views[0]

        def shown() -> list[str]:
            return [card.company for card in column.cards]

        assert shown() == ["Very Late Co", "Overdue Co", "Due Co", "Soon Co", "Waiting Co"]
        assert app.board_screen.selected.company == "Very Late Co"  # the most urgent, selected
        await pilot.press("s")
        assert shown() == ["Soon Co", "Due Co", "Overdue Co", "Waiting Co", "Very Late Co"]
        await pilot.press("s")
        assert shown() == sorted(a.company for a in BOARD)
        assert remembered_sort() == "company"
    # The next start, and the command line, use the order chosen.
    app = JobBoardApp(BoardStore(board_path), Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert [card.company for card in app.board_screen.column_views[0].cards] == sorted(a.company for a in BOARD)


def test_list_uses_the_boards_order(board_path, capsys, frozen):
    BoardStore(board_path).add_many([lambda i, a=a: a.copy(id=i) for a in BOARD])
    code, out, _ = run_cli("--db", str(board_path), "list")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["5", "2", "3", "4", "1"]
    code, out, _ = run_cli("--db", str(board_path), "list", "--sort", "company")
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["3", "2", "4", "5", "1"]


async def test_the_filter_searches_contacts_emails_and_the_source(board_path, frozen):
    BoardStore(board_path).add_many(
        [
            lambda i: new_application(i, "Acme", "Dev", contact="Dana Whitfield"),
            lambda i: new_application(i, "Globex", "Dev", email="hiring@globex.example"),
            lambda i: new_application(i, "Initech", "Dev", source="Referral from Sam"),
            lambda i: new_application(i, "Hooli", "Dev"),
        ]
    )
    app = JobBoardApp(BoardStore(board_path), Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        column = app.board_screen.column_views[0]
        for needle, company in (("whitfield", "Acme"), ("globex.example", "Globex"), ("referral", "Initech")):
            await pilot.press("slash", *needle)
            await pilot.pause()
            assert [card.company for card in column.cards] == [company]
            await pilot.press("escape")
            await pilot.pause()
