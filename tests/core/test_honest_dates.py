"""Honest dates (docs/rules.md, "How events get their dates"): one validation, shared by the CLI,
the form and the importer. Only an interview or a snooze may be dated ahead; nothing before the
applied date; a move to the column a card is in logs nothing and says so.
"""

from __future__ import annotations

import pendulum
import pytest

from jobboard.core.model import EVENT_KINDS, Application, Event, new_application
from jobboard.core.validation import AlreadyThere, DateRefused, check_date, check_new, moved
from jobboard.formats.importing import import_rows
from jobboard.storage.store import BoardStore
from jobboard.tui.forms import check_fields
from tests.helpers.cli import run_cli

D = pendulum.date
TODAY = D(2026, 11, 16)  # the frozen fixture's date
APPLIED = D(2026, 11, 2)


def card(status: str = "applied", *events: Event) -> Application:
    return Application(
        id="1",
        company="Acme",
        role="Dev",
        status=status,
        applied_on=APPLIED,
        events=[Event("applied", APPLIED), *events],
    )


# --- the rule itself ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [k for k in EVENT_KINDS if k not in ("applied",)])
def test_only_interviews_and_snoozes_may_be_dated_ahead(kind):
    tomorrow = TODAY.add(days=1)
    if kind in ("interview", "snooze"):
        check_date(kind, tomorrow, APPLIED, TODAY)
    else:
        with pytest.raises(DateRefused, match="after today .*only interviews and snoozes may be dated ahead"):
            check_date(kind, tomorrow, APPLIED, TODAY, status="rejected")
    check_date(kind, TODAY, APPLIED, TODAY, status="rejected")  # today is always fine


@pytest.mark.parametrize("kind", ["follow_up", "heard_back", "interview", "thank_you", "snooze", "status", "note"])
def test_nothing_before_the_applied_date(kind):
    check_date(kind, APPLIED, APPLIED, TODAY, status="rejected")
    with pytest.raises(DateRefused, match=r"2026-11-01: that is before the application's applied date \(2026-11-02\)"):
        check_date(kind, APPLIED.subtract(days=1), APPLIED, TODAY, status="rejected")


def test_talking_to_the_team_may_come_before_applying():
    check_date("contacted_team", APPLIED.subtract(days=10), APPLIED, TODAY)


def test_a_move_to_the_column_it_is_in_logs_nothing():
    with pytest.raises(AlreadyThere, match="Acme is already in Applied; nothing was logged"):
        moved(card(), "applied", TODAY, TODAY)


def test_leaving_the_wishlist_for_applied_sets_the_applied_date():
    wish = new_application("1", "Acme", "Dev", status="wishlist", applied_on=D(2026, 11, 3), moved_on=D(2026, 11, 3))
    sent = moved(wish, "applied", TODAY, TODAY)
    assert sent.applied_on == TODAY
    assert [(e.kind, e.date, e.status) for e in sent.events] == [
        ("status", D(2026, 11, 3), "wishlist"),  # the day it was saved stays in the log
        ("applied", TODAY, None),
        ("status", TODAY, "applied"),
    ]
    # ...so the follow-up counts from the day it went out, not from the wishlist date.
    from jobboard.core.etiquette import next_step

    assert next_step(sent, TODAY).due == D(2026, 11, 23)


def test_a_card_added_to_a_later_column_is_dated_the_day_it_is_recorded(frozen):
    added = new_application("1", "Acme", "Dev", status="rejected", applied_on=APPLIED)
    assert added.events[-1] == Event("status", TODAY, status="rejected")
    check_new(added, TODAY)
    ahead = new_application("1", "Acme", "Dev", status="rejected", applied_on=APPLIED, moved_on=TODAY.add(days=1))
    with pytest.raises(DateRefused):
        check_new(ahead, TODAY)


# --- the CLI: one line, exit 1 or 2, the file byte for byte as it was ----------------------------


@pytest.fixture
def board(board_path, capsys, frozen):
    code, _, _ = run_cli("--db", str(board_path), "add", "Acme", "Dev", "--applied", "2026-11-02")
    assert code == 0
    return board_path


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (
            ["log", "1", "follow_up", "--date", "in 3 days"],
            1,
            "a follow-up can't be dated 2026-11-19, after today (2026-11-16): only interviews and snoozes may be "
            "dated ahead; the board is unchanged.",
        ),
        (
            ["log", "1", "heard_back", "--date", "2026-11-01"],
            1,
            "an answer (heard_back) can't be dated 2026-11-01: that is before the application's applied date "
            "(2026-11-02); the board is unchanged.",
        ),
        (
            ["move", "1", "rejected", "--date", "2026-10-30"],
            1,
            "the move to Rejected can't be dated 2026-10-30: that is before the application's applied date "
            "(2026-11-02); the board is unchanged.",
        ),
        (["move", "1", "silent", "--date", "tomorrow"], 1, "the move to Silent can't be dated 2026-11-17"),
        (
            ["add", "Globex", "Dev", "--status", "interviewed", "--applied", "2026-11-10", "--moved", "2026-11-09"],
            1,
            "the move to Interviewed can't be dated 2026-11-09: that is before the application's applied date",
        ),
        (["add", "Globex", "Dev", "--applied", "tomorrow"], 1, "the applied date can't be 2026-11-17"),
        (["add", "Globex", "Dev", "--moved", "2026-11-09"], 2, "--moved dates a card added to a later column"),
        (["log", "1", "follow_up", "--date", "2026-13-01"], 2, "is not a real calendar date"),
    ],
)
def test_a_refused_date_is_one_line_and_the_file_is_unchanged(board, capsys, argv, code, message):
    before = board.read_bytes()
    got, out, err = run_cli("--db", str(board), *argv)
    assert got == code
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("jobboard: ") and message in err
    assert board.read_bytes() == before


def test_a_move_to_the_current_column_says_so_and_logs_nothing(board, capsys):
    before = board.read_bytes()
    code, out, err = run_cli("--db", str(board), "move", "1", "applied")
    assert (code, out, err) == (0, "", "jobboard: Acme is already in Applied; nothing was logged.\n")
    assert board.read_bytes() == before


def test_interviews_and_snoozes_may_be_ahead(board, capsys):
    assert run_cli("--db", str(board), "log", "1", "interview", "--date", "in 5 days")[0] == 0
    assert run_cli("--db", str(board), "log", "1", "snooze", "--date", "2026-11-30")[0] == 0
    kinds = [(e.kind, e.date) for e in BoardStore(board).get("1").events if e.kind != "status"]
    assert kinds[-2:] == [("interview", D(2026, 11, 21)), ("snooze", D(2026, 11, 30))]


def test_add_moved_dates_the_move_and_keeps_the_applied_date(board, capsys):
    argv = ["add", "Globex", "Dev", "--status", "rejected", "--applied", "2026-10-01", "--moved", "2026-10-20"]
    assert run_cli("--db", str(board), *argv)[0] == 0
    globex = BoardStore(board).get("2")
    assert globex.applied_on == D(2026, 10, 1)
    assert [(e.kind, e.date) for e in globex.events] == [("applied", D(2026, 10, 1)), ("status", D(2026, 10, 20))]
    assert (
        run_cli("--db", str(board), "add", "Initech", "Dev", "--status", "silent", "--applied", "2026-10-01")[0]
        == 0
    )
    assert BoardStore(board).get("3").events[-1].date == TODAY  # without --moved: the day it was recorded


def test_moving_from_wishlist_to_applied_sets_the_applied_date(board_path, capsys, frozen, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('columns = ["wishlist", "applied", "interviewed", "silent", "rejected"]\n')
    db = ["--db", str(board_path), "--config", str(config)]
    assert run_cli(*db, "add", "Acme", "Dev", "--status", "wishlist", "--applied", "2026-11-01")[0] == 0
    assert run_cli(*db, "move", "1", "applied")[0] == 0
    acme = BoardStore(board_path).get("1")
    assert acme.applied_on == TODAY and acme.status == "applied"


# --- the form --------------------------------------------------------------------------------


def raw(**values: str) -> dict[str, str]:
    return {"company": "Acme", "role": "Dev", "status": "applied", "applied": "2026-11-02", **values}


def test_the_form_dates_a_card_added_to_a_later_column():
    fields, errors = check_fields(raw(status="interviewed", since="2026-11-10"), TODAY)
    assert errors == {} and fields.moved_on == D(2026, 11, 10)
    fields, errors = check_fields(raw(status="interviewed", since=""), TODAY)
    assert errors == {} and fields.moved_on is None  # the day it is saved


@pytest.mark.parametrize(
    ("since", "error"),
    [
        ("2026-11-01", "The move to Interviewed can't be dated 2026-11-01: that is before the application's applied"),
        ("tomorrow", "The move to Interviewed can't be dated 2026-11-17, after today"),
    ],
)
def test_the_form_refuses_a_dishonest_since_inline(since, error):
    fields, errors = check_fields(raw(status="interviewed", since=since), TODAY)
    assert fields is None and errors["since"].startswith(error)


def test_the_form_checks_only_the_dates_the_user_changed():
    # A card with a follow-up logged before its applied date (by an older jobboard).
    old = card("applied", Event("follow_up", D(2026, 10, 30)))
    fields, errors = check_fields(raw(notes="still keen"), TODAY, editing=old)
    assert errors == {}
    fields, errors = check_fields(
        raw(applied="2026-11-05"), TODAY, editing=card("applied", Event("heard_back", APPLIED.add(days=1)))
    )
    assert "an answer (heard_back) is logged on 2026-11-03, before it" in errors["applied"]


# --- the importer ----------------------------------------------------------------------------


def imported(text: str):
    counter = iter(range(1, 100))
    return import_rows(text, existing=[], today=TODAY, allocate_id=lambda: str(next(counter)))


def test_an_import_dates_moves_from_a_status_date_column():
    result = imported(
        "Company,Role,Status,Date Applied,Date Rejected\n"
        "Acme,Dev,Rejected,2026-03-02,2026-03-20\n"
        "Globex,Dev,Silent,2026-04-01,\n"
    )
    assert result.ok and result.columns["Date Rejected"] == "status_date"
    acme, globex = result.applications
    assert acme.events[-1] == Event("status", D(2026, 3, 20), status="rejected")
    assert globex.events[-1] == Event("status", D(2026, 4, 1), status="silent")  # blank: the applied date
    # Old history is quiet: the acknowledgement and the feedback request have lapsed.
    from jobboard.core.etiquette import next_step

    assert next_step(acme, TODAY).rule == "wait"


def test_an_import_logs_the_interview_date():
    result = imported("Company,Role,Status,Applied,Interview Date\nAcme,Dev,Interviewing,2026-05-04,2026-05-12\n")
    assert result.ok
    (acme,) = result.applications
    assert [(e.kind, e.date) for e in acme.events] == [
        ("applied", D(2026, 5, 4)),
        ("status", D(2026, 5, 12)),
        ("interview", D(2026, 5, 12)),
    ]
    from jobboard.core.etiquette import next_step

    assert next_step(acme, TODAY).rule == "move_to_silent"  # no thank-you months late


def test_an_import_names_every_dishonest_row_and_adds_nothing():
    result = imported(
        "Company,Role,Status,Applied,Last Updated\n"
        "Acme,Dev,Rejected,2026-05-04,2026-05-01\n"
        "Globex,Dev,Applied,2026-12-01,\n"
        "Initech,Dev,Silent,2026-05-04,2026-06-01\n"
    )
    assert result.applications == []
    assert [str(e) for e in result.errors] == [
        "line 2: the move to Rejected can't be dated 2026-05-01: that is before the application's applied date "
        "(2026-05-04)",
        "line 3: the applied date can't be 2026-12-01, after today (2026-11-16): only interviews and snoozes "
        "may be dated ahead",
    ]
