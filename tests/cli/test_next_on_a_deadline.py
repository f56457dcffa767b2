"""`jobboard next` on an offer's deadline day: the offer first, housekeeping last and never
overdue (docs/rules.md, "Tiers" and "States")."""

from __future__ import annotations

import json

from tests.helpers.cli import recorded_when_applied, run_cli


def test_the_offer_comes_first_on_its_deadline_and_housekeeping_is_ready(board_path, capsys, frozen):
    db = ["--db", str(board_path)]
    # Today is frozen on Mon 16 Nov 2026. A card applied to in August has gone quiet long ago,
    # one has a follow-up overdue by a week, and an offer's deadline is today.
    assert run_cli(*db, "add", "Adyen", "SRE", "--applied", "2026-08-03")[0] == 0
    assert run_cli(*db, "add", "Monzo", "Dev", "--applied", "2026-11-02")[0] == 0
    assert run_cli(*db, "add", "Stripe", "Backend", "--applied", "2026-10-01")[0] == 0
    assert run_cli(*db, "offer", "3", "--deadline", "2026-11-16")[0] == 0
    recorded_when_applied(board_path)  # a board kept since August
    code, out, _ = run_cli(*db, "next", "--json")
    steps = json.loads(out)
    assert code == 0
    assert [(s["company"], s["rule"], s["state"]) for s in steps] == [
        ("Stripe", "respond_to_offer", "due"),
        ("Monzo", "follow_up", "overdue"),
        ("Adyen", "move_to_silent", "ready"),
    ]
    assert steps[0]["title"] == "Answer Stripe's offer today"
    code, out, _ = run_cli(*db, "next")
    lines = out.splitlines()
    assert lines[0] == "2 need action: 1 due today, 1 overdue."  # the ready Silent move is not counted
    assert "due today" in lines[1] and "overdue" not in lines[1]  # never "overdue by ... today"
    assert "Stripe" in lines[1] and "When you have a minute:" in out
    assert out.index("When you have a minute:") < out.index("Move Adyen to Silent")
    assert "overdue" not in out.split("When you have a minute:")[1]


def test_cards_recorded_today_with_old_dates_are_due_today_not_overdue(board_path, capsys, frozen):
    """An old sheet typed in or imported today (docs/rules.md, "The day it was recorded"):
    what fell due long ago is due today, and `next --date` before today says what it said then."""
    db = ["--db", str(board_path)]
    assert run_cli(*db, "add", "Monzo", "Dev", "--applied", "2026-11-02")[0] == 0
    assert run_cli(*db, "add", "Globex", "Data", "--applied", "2026-10-01")[0] == 0
    assert run_cli(*db, "move", "2", "rejected", "--date", "2026-10-20")[0] == 0
    code, out, _ = run_cli(*db, "next", "--json")
    steps = {s["company"]: (s["rule"], s["due"], s["state"]) for s in json.loads(out)}
    # Globex's acknowledgement lapsed on 3 Nov; asking for feedback is open until 19 Nov.
    assert steps == {"Monzo": ("follow_up", "2026-11-16", "due"), "Globex": ("request_feedback", "2026-11-16", "due")}
    code, out, _ = run_cli(*db, "next")
    assert "overdue" not in out and out.splitlines()[0] == "2 need action: 2 due today."
    code, out, _ = run_cli(*db, "next", "--date", "2026-11-12", "--json")
    assert ("Monzo", "2026-11-09", "overdue") in [(s["company"], s["due"], s["state"]) for s in json.loads(out)]
    code, out, _ = run_cli(*db, "next", "--date", "2026-11-18", "--json")
    assert ("Monzo", "2026-11-16", "overdue") in [(s["company"], s["due"], s["state"]) for s in json.loads(out)]
