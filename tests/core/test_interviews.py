"""Interviews with a time, a kind and people: logged from the CLI, shown on the card ahead of
them, in the agenda's "coming up" part, and in the ICS export as timed events."""

from __future__ import annotations

import pendulum
import pytest

from jobboard.storage.store import BoardStore
from tests.helpers.cli import run_cli

D = pendulum.date


@pytest.fixture
def board(board_path, capsys, frozen):
    assert run_cli("--db", str(board_path), "add", "Acme", "Dev", "--applied", "2026-11-02")[0] == 0
    return board_path


def test_log_an_interview_with_time_kind_and_people(board, capsys):
    argv = ["log", "1", "interview", "--date", "in 3 days", "--time", "9:30", "--kind", "onsite"]
    code, _, _ = run_cli("--db", str(board), *argv, "--with", "Dr. Anna Schmidt", "--with", " Bo  Li ")
    assert code == 0
    interview = BoardStore(board).get("1").events_of("interview")[-1]
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
    code, out, err = run_cli("--db", str(board), "log", "1", *argv)
    assert (code, out) == (2, "") and message in err and err.count("\n") == 1
    assert board.read_bytes() == before


def test_interview_ahead_and_how_a_card_says_when():
    from jobboard.core.model import Event, new_application
    from jobboard.core.timeline import interview_ahead, interview_time

    today = D(2026, 11, 16)
    card = new_application("1", "Acme", "Dev", applied_on=D(2026, 11, 2))
    assert interview_ahead(card, today) is None
    card.events += [
        Event("interview", D(2026, 11, 10)),  # past
        Event("interview", D(2026, 12, 3), time="14:00"),
        Event("interview", D(2026, 11, 24), time="09:30"),
    ]
    ahead = interview_ahead(card, today)
    assert ahead.date == D(2026, 11, 24) and interview_time(ahead, today) == "Tue 24 Nov 09:30"
    assert interview_time(Event("interview", today, time="14:00"), today) == "today 14:00"
    assert interview_time(Event("interview", D(2026, 11, 17)), today) == "tomorrow"
    assert interview_time(Event("interview", D(2027, 1, 5)), today) == "Tue 5 Jan 2027"


async def test_a_card_shows_its_interview_ahead(board, frozen):
    from jobboard.config.settings import Settings
    from jobboard.tui.app import JobBoardApp
    from tests.helpers.tui import loaded

    store = BoardStore(board)
    from jobboard.core.model import Event

    store.update("1", lambda a: a.with_event(Event("interview", D(2026, 12, 3), time="14:00")))
    app = JobBoardApp(BoardStore(board), Settings())
    async with app.run_test(size=(160, 40)) as pilot:  # five columns: the date and time need 15 cells
        await loaded(pilot)
        view = app.board_screen.query_one("Board")
        text = "\n".join(line.text for line in view.render_lines(view.size.region))
        assert "Thu 3 Dec 14:00" in text  # "interview" too where the column is wide enough


def test_coming_up_lists_interviews_and_steps_of_the_next_seven_days():
    from jobboard.core.coming_up import coming_up
    from jobboard.core.etiquette import next_step
    from jobboard.core.model import Event, new_application

    today = D(2026, 11, 16)
    acme = new_application("1", "Acme", "Dev", applied_on=D(2026, 11, 13))  # follow-up due the 20th
    globex = new_application("2", "Globex", "Dev", applied_on=D(2026, 11, 2))
    globex.events += [
        Event("heard_back", D(2026, 11, 12)),
        Event("interview", D(2026, 11, 18), time="14:00", interview_kind="phone", people=("Dana",)),
        Event("interview", D(2026, 11, 30)),  # beyond the 7 days
    ]
    late = new_application("3", "Hooli", "Dev", applied_on=D(2026, 11, 2))  # overdue: in the due part
    entries = coming_up([acme, globex, late], today, lambda a: next_step(a, today, words=False))
    assert [(c.date, c.time, c.application.company, c.what) for c in entries] == [
        (D(2026, 11, 17), "", "Globex", "Prepare for the Globex interview"),
        (D(2026, 11, 18), "14:00", "Globex", "Interview (phone) with Dana"),
        (D(2026, 11, 20), "", "Acme", "Follow up with Acme"),
    ]


async def test_the_agenda_shows_what_is_coming_up_below_what_is_due(demo_board, frozen):
    from textual.widgets import OptionList

    from jobboard.config.settings import Settings
    from jobboard.tui.app import JobBoardApp
    from tests.helpers.tui import DEMO_COLUMNS, loaded

    app = JobBoardApp(BoardStore(demo_board), Settings(), columns=DEMO_COLUMNS)
    async with app.run_test(size=(140, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        options = app.screen.query_one(OptionList)
        lines = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        heading = lines.index("Coming up in the next 7 days")
        assert heading > 0 and all("due today" in line or "overdue" in line for line in lines[: heading - 1])
        assert any("Interview" in line and "Initech" in line for line in lines[heading + 1 :])
        options.highlighted = heading + 1
        await pilot.press("enter")
        await pilot.pause()
        company = lines[heading + 1].split("  ·  ")[-1].split(" — ")[0]
        assert app.board_screen.selected.company == company  # enter jumps to that card
