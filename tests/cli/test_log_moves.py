"""`jobboard log` moves the card where the facts put it (docs/rules.md), or not with --no-move."""

from __future__ import annotations

import json

from tests.helpers.cli import run_cli


def test_log_interview_moves_an_applied_card_and_says_so(board_path, capsys, frozen):
    db = ["--db", str(board_path)]
    assert run_cli(*db, "add", "Monzo", "Backend Engineer", "--applied", "2026-11-02")[0] == 0
    code, out, _ = run_cli(*db, "log", "1", "interview", "--date", "2026-11-13")
    assert code == 0 and "Moved Monzo to Interviewed" in out
    code, out, _ = run_cli(*db, "log", "1", "interview", "--date", "2026-11-13", "--time", "10:00")
    assert "merged" in out
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
    code, out, _ = run_cli(*db, "log", "1", "interview", "--date", "2026-11-13", "--no-move")
    assert code == 0 and "Moved" not in out
    code, out, _ = run_cli(*db, "list", "--json")
    assert json.loads(out)[0]["status"] == "applied"
