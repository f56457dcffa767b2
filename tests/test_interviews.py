"""Interviews with a time, a kind and people: logged from the CLI, shown on the card ahead of
them, in the agenda's "coming up" part, and in the ICS export as timed events."""

from __future__ import annotations

import pendulum
import pytest

from jobboard.store import BoardStore
from tests.test_cli import run

D = pendulum.date


@pytest.fixture
def board(board_path, capsys, frozen):
    assert run(capsys, "--db", str(board_path), "add", "Acme", "Dev", "--applied", "2026-11-02")[0] == 0
    return board_path


def test_log_an_interview_with_time_kind_and_people(board, capsys):
    argv = ["log", "1", "interview", "--date", "in 3 days", "--time", "9:30", "--kind", "onsite"]
    code, _, _ = run(capsys, "--db", str(board), *argv, "--with", "Dr. Anna Schmidt", "--with", " Bo  Li ")
    assert code == 0
    interview = BoardStore(board).get("1").events[-1]
    assert (interview.date, interview.time, interview.interview_kind, interview.people) == (
        D(2026, 11, 19), "09:30", "onsite", ("Dr. Anna Schmidt", "Bo Li"),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["interview", "--time", "25:00"], "'25:00' is not a time of day"),
        (["interview", "--kind", "lunch"], "'lunch' is not one of"),
        (["follow_up", "--with", "Dana"], "--time, --kind and --with describe an interview"),
    ],
)
def test_bad_interview_details_are_one_line_and_change_nothing(board, capsys, argv, message):
    before = board.read_bytes()
    code, out, err = run(capsys, "--db", str(board), "log", "1", *argv)
    assert (code, out) == (2, "") and message in err and err.count("\n") == 1
    assert board.read_bytes() == before


def test_interview_ahead_and_how_a_card_says_when():
    from jobboard.model import Event, new_application
    from jobboard.timeline import interview_ahead, when_text

    today = D(2026, 11, 16)
    card = new_application("1", "Acme", "Dev", applied_on=D(2026, 11, 2))
    assert interview_ahead(card, today) is None
    card.events += [
        Event("interview", D(2026, 11, 10)),  # past
        Event("interview", D(2026, 12, 3), time="14:00"),
        Event("interview", D(2026, 11, 24), time="09:30"),
    ]
    ahead = interview_ahead(card, today)
    assert ahead.date == D(2026, 11, 24) and when_text(ahead, today) == "Tue 24 Nov 09:30"
    assert when_text(Event("interview", today, time="14:00"), today) == "today 14:00"
    assert when_text(Event("interview", D(2026, 11, 17)), today) == "tomorrow"
    assert when_text(Event("interview", D(2027, 1, 5)), today) == "Tue 5 Jan 2027"


async def test_a_card_shows_its_interview_ahead(board, frozen):
    from jobboard.settings import Settings
    from jobboard.tui.app import JobBoardApp
    from tests.test_tui_board import loaded

    store = BoardStore(board)
    from jobboard.model import Event

    store.update("1", lambda a: a.with_event(Event("interview", D(2026, 12, 3), time="14:00")))
    app = JobBoardApp(BoardStore(board), Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        view = app.board_screen.query_one("Board")
        text = "\n".join(line.text for line in view.render_lines(view.size.region))
        assert "Thu 3 Dec 14:00" in text  # "interview" too where the column is wide enough
