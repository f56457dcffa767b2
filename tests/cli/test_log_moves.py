"""`jobboard log` moves the card where the facts put it (docs/rules.md), or not with --no-move."""

from __future__ import annotations

import json

from tests.helpers.cli import run_cli


def test_log_interview_moves_an_applied_card_and_says_so(board_path, capsys, frozen):
    db = ["--db", str(board_path)]
    assert run_cli(*db, "add", "Monzo", "Backend Engineer", "--applied", "2026-11-02")[0] == 0
    code, _, err = run_cli(*db, "log", "1", "interview", "--date", "2026-11-13")
    assert code == 0 and err == (
        "Logged interview on Fri 13 Nov 2026 on 1 (Monzo — Backend Engineer); "
        "moved it to Interviewed (--no-move keeps the column).\n"
    )
    code, _, err = run_cli(*db, "log", "1", "interview", "--date", "2026-11-13", "--time", "10:00")
    assert err == (
        "1 (Monzo — Backend Engineer) already had that interview on Fri 13 Nov 2026 10:00; "
        "its details were merged into it.\n"
    )
    code, out, _ = run_cli(*db, "next", "1", "--json")
    step = json.loads(out)
    assert step["rule"] in ("send_thank_you", "check_in_after_interview")
    code, out, _ = run_cli(*db, "list", "--json")
    card = json.loads(out)[0]
    assert card["status"] == "interviewed"
    assert [e["kind"] for e in card["events"]].count("interview") == 1


def test_log_no_move_keeps_the_column(board_path, capsys, frozen):
    db = ["--db", str(board_path)]
    assert run_cli(*db, "add", "Monzo", "Backend Engineer", "--applied", "2026-11-02")[0] == 0
    code, out, err = run_cli(*db, "log", "1", "interview", "--date", "2026-11-13", "--no-move")
    assert code == 0 and out == "" and err == "Logged interview on Fri 13 Nov 2026 on 1 (Monzo — Backend Engineer).\n"
    code, out, _ = run_cli(*db, "list", "--json")
    assert json.loads(out)[0]["status"] == "applied"


def test_log_says_what_it_logged_on_which_card_and_the_day_it_read(board_path, frozen):
    db = ["--db", str(board_path)]
    assert run_cli(*db, "add", "Monzo", "Backend Engineer", "--applied", "2026-11-02")[0] == 0
    code, out, err = run_cli(*db, "log", "1", "follow-up", "--date", "3 days ago", "--note", "pinged")
    assert (code, out) == (0, "")
    assert err == "Logged follow up on Fri 13 Nov 2026 on 1 (Monzo — Backend Engineer).\n"
    # The frozen day is a Monday: "next tuesday" is tomorrow, and the line says so.
    code, _, err = run_cli(*db, "log", "1", "interview", "--date", "next tuesday", "--time", "14:30", "--no-move")
    assert err == "Logged interview on Tue 17 Nov 2026 14:30 on 1 (Monzo — Backend Engineer).\n"


def test_log_help_lists_every_kind(board_path):
    from jobboard.core.model import EVENT_KINDS

    code, out, _ = run_cli("log", "--help")
    words = " ".join(out.split())
    assert code == 0 and "..." not in out
    assert all(kind in words for kind in EVENT_KINDS if kind != "status")
    assert "withdrawal_sent" in words and "feedback_received" in words
