"""The editable timeline: numbered events, edits and deletes with the shared date checks, in the
core, `jobboard events` and the board's timeline editor (t), each change undoable on the board."""

from __future__ import annotations

import json

import pendulum
import pytest
from textual.widgets import Input, OptionList, Static

from jobboard.config.settings import Settings
from jobboard.core import timeline
from jobboard.core.model import Application, Event
from jobboard.core.validation import DateRefused, Refused
from jobboard.storage.store import BoardStore
from jobboard.tui.app import JobBoardApp
from tests.helpers.cli import run_cli
from tests.helpers.tui import loaded

D = pendulum.date
TODAY = D(2026, 11, 16)


def card() -> Application:
    return Application(
        id="1",
        company="Acme",
        role="Dev",
        status="rejected",
        applied_on=D(2026, 11, 2),
        events=[
            Event("applied", D(2026, 11, 2)),
            Event("status", D(2026, 11, 3), status="interviewed"),
            Event("interview", D(2026, 11, 5), "went well", None, "14:30", "technical", ("Anna Schmidt",)),
            Event("follow_up", D(2026, 11, 4)),
            Event("status", D(2026, 11, 12), status="rejected"),
        ],
    )


def test_events_are_numbered_oldest_first_and_described():
    lines = [(n, e.date.isoformat(), timeline.describe(e)) for n, e in timeline.numbered(card())]
    assert lines == [
        (1, "2026-11-02", "Applied"),
        (2, "2026-11-03", "Moved to Interviewed"),
        (3, "2026-11-04", "Followed up"),
        (4, "2026-11-05", "Interview 14:30 (technical) with Anna Schmidt — went well"),
        (5, "2026-11-12", "Moved to Rejected"),
    ]


def test_an_edit_is_checked_like_any_new_date():
    changed = timeline.edited(card(), 4, TODAY, date=D(2026, 11, 6), time="15:00", note="")
    interview = changed.events_of("interview")[0]
    assert (interview.date, interview.time, interview.note) == (D(2026, 11, 6), "15:00", "")
    with pytest.raises(DateRefused, match="a follow-up can't be dated 2026-11-20, after today"):
        timeline.edited(card(), 3, TODAY, date=D(2026, 11, 20))
    with pytest.raises(DateRefused, match="before the application's applied date"):
        timeline.edited(card(), 3, TODAY, date=D(2026, 11, 1))
    with pytest.raises(Refused, match="only an interview has a time"):
        timeline.edited(card(), 3, TODAY, time="10:00")
    with pytest.raises(Refused, match="Acme has no event 6; its timeline has events 1 to 5"):
        timeline.edited(card(), 6, TODAY, note="x")


def test_editing_the_applied_event_moves_the_applied_date_within_the_log():
    assert timeline.edited(card(), 1, TODAY, date=D(2026, 11, 1)).applied_on == D(2026, 11, 1)
    with pytest.raises(DateRefused, match="the move to Interviewed is logged on 2026-11-03, before it"):
        timeline.edited(card(), 1, TODAY, date=D(2026, 11, 4))


def test_re_dating_a_move_keeps_the_column_and_the_log_agreeing():
    # The move to Interviewed re-dated after the rejection is now the latest: the card follows.
    assert timeline.edited(card(), 2, TODAY, date=D(2026, 11, 13)).status == "interviewed"


def test_deleting_the_move_that_made_the_column_moves_the_card_back():
    assert timeline.deleted(card(), 5).status == "interviewed"  # the column it came from
    assert timeline.deleted(card(), 2).status == "rejected"  # an earlier move: history only
    assert timeline.deleted(timeline.deleted(card(), 5), 2).status == "applied"
    with pytest.raises(Refused, match="the applied event can't be deleted"):
        timeline.deleted(card(), 1)


# --- jobboard events ---------------------------------------------------------------------------


@pytest.fixture
def board(board_path, frozen):
    BoardStore(board_path).add(lambda i: card().copy(id=i))
    return board_path


def test_events_lists_edits_and_deletes(board, capsys):
    db = ["--db", str(board)]
    code, out, _ = run_cli(*db, "events", "1")
    assert (
        code == 0
        and out.splitlines()[3] == "  4  2026-11-05  Interview 14:30 (technical) with Anna Schmidt — went well"
    )
    code, out, _ = run_cli(*db, "events", "1", "--json")
    assert json.loads(out)[3] == {
        "n": 4, "kind": "interview", "date": "2026-11-05", "note": "went well",
        "time": "14:30", "interview_kind": "technical", "with": ["Anna Schmidt"],
    }  # fmt: skip
    code, _, err = run_cli(*db, "events", "edit", "1", "4", "--time", "9:15", "--note", "")
    assert code == 0 and err == "Changed event 4: 2026-11-05  Interview 09:15 (technical) with Anna Schmidt\n"
    code, _, err = run_cli(*db, "events", "delete", "1", "5", "--yes")
    assert code == 0 and err.endswith("Moved to Rejected; the card is now in interviewed\n")
    assert BoardStore(board).get("1").status == "interviewed"


def test_the_old_events_options_still_work_and_say_the_new_spelling(board, capsys):
    db = ["--db", str(board)]
    code, _, err = run_cli(*db, "events", "1", "--edit", "4", "--note", "")
    assert code == 0 and err.splitlines()[0] == (
        "jobboard: `events ID --edit N` is now `events edit ID N`; the old spelling goes in the next release."
    )
    code, _, err = run_cli(*db, "events", "1", "--delete", "5", "--yes")
    assert code == 0 and "`events delete ID N`" in err and "Deleted event 5" in err
    assert len(BoardStore(board).get("1").events) == 4
    code, _, err = run_cli(*db, "events", "1", "--delete", "4")  # refused: the new command's help
    assert code == 2 and err.splitlines()[1].endswith("events delete --help`)")
    assert len(BoardStore(board).get("1").events) == 4


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["edit", "1", "3", "--date", "tomorrow"], 1, "a follow-up can't be dated 2026-11-17, after today"),
        (["edit", "1", "3", "--date", "2026-10-01"], 1, "before the application's applied date"),
        (["edit", "1", "9", "--note", "x"], 1, "Acme has no event 9; its timeline has events 1 to 5"),
        (["edit", "1", "3", "--time", "10:00"], 1, "only an interview has a time"),
        (["edit", "1", "4", "--time", "25:00"], 2, "'25:00' is not a time of day"),
        (["edit", "1", "4"], 2, "say what to change in the event"),
        (["delete", "1", "1", "--yes"], 1, "the applied event can't be deleted"),
        (["delete", "1", "2"], 2, "deleting an event needs --yes"),
        (["1", "--date", "today"], 2, "--date, --time and --note change an event"),
        (["1", "--edit", "2", "--delete", "3"], 2, "either --edit N or --delete N"),
    ],
)
def test_a_refused_edit_is_one_line_and_the_file_is_unchanged(board, capsys, argv, code, message):
    before = board.read_bytes()
    got, out, err = run_cli("--db", str(board), "events", *argv)
    assert (got, out) == (code, "") and message in err and err.count("\n") == 1
    assert board.read_bytes() == before


# --- the board's timeline editor ---------------------------------------------------------------


async def test_the_timeline_editor_edits_and_deletes_with_undo(board, frozen):
    app = JobBoardApp(BoardStore(board), Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("l", "l", "l", "l")  # Rejected (after Offer and Silent)
        assert app.board_screen.selected.id == "1"
        await pilot.press("t")
        events = app.screen.query_one(OptionList)
        assert events.option_count == 5 and events.highlighted == 0  # the newest: the rejection
        await pilot.press("down", "enter")  # the interview
        form = app.screen
        assert form.query_one("#event-time", Input).value == "14:30"
        form.query_one("#event-date", Input).value = "2026-11-01"
        await pilot.press("ctrl+s")
        assert "before the application's applied date" in str(form.query_one("#event-error", Static).render())
        form.query_one("#event-date", Input).value = "2026-11-06"
        form.query_one("#event-time", Input).value = "10:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        interview = app.board["1"].events_of("interview")[0]
        assert (interview.date, interview.time) == (D(2026, 11, 6), "10:00")
        await pilot.press("home", "d")  # the rejection: delete it, after a confirm
        await pilot.press("y")
        await pilot.pause()
        assert app.board["1"].status == "interviewed"
        await app.flush()
        assert BoardStore(board).get("1").status == "interviewed"
        await pilot.press("escape", "u")  # undo on the board: the rejection is back
        assert app.board["1"].status == "rejected"
        await pilot.press("u")  # and the edit is undone too
        assert app.board["1"].events == card().events
        await app.flush()
        assert BoardStore(board).get("1").events == card().events


def test_an_interview_ahead_is_said_shorter_and_shorter_keeping_its_time_whole():
    interview_times = timeline.interview_times
    today = pendulum.date(2026, 10, 16)
    ahead = Event("interview", pendulum.date(2026, 10, 20), time="14:00")
    assert interview_times(ahead, today) == ["Tue 20 Oct 14:00", "20 Oct 14:00", "14:00"]
    assert interview_times(ahead._replace(date=pendulum.date(2026, 10, 17)), today) == ["tomorrow 14:00", "14:00"]
    assert interview_times(ahead._replace(time=None), today) == ["Tue 20 Oct"]
