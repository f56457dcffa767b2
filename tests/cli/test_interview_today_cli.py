"""`next` and `show` read the time of day: an interview later today is still to prepare for
(time frozen at 10:00 on Mon 16 Nov 2026; docs/rules.md, "An interview later today")."""

from __future__ import annotations

import json

import pendulum

from jobboard.core.model import Application, Event
from jobboard.storage.store import BoardStore
from tests.helpers.cli import run_cli


def booked(board_path, day, at: str) -> list[str]:
    card = Application(
        "1", "Monzo", "Backend Engineer", status="interviewed", applied_on=day.subtract(days=10),
        events=[
            Event("applied", day.subtract(days=10)),
            Event("status", day.subtract(days=3), status="interviewed"),
            Event("interview", day, time=at, interview_kind="phone"),
        ],
        created=pendulum.datetime(2026, 11, 6, 9),
    )  # fmt: skip
    BoardStore(board_path).add(lambda app_id: card.copy(id=app_id))
    return ["--db", str(board_path)]


def test_next_and_show_prepare_for_an_interview_later_today(board_path, frozen):
    db = booked(board_path, pendulum.today().date(), "23:59")
    code, out, _ = run_cli(*db, "next", "1")
    assert code == 0 and "Next: Prepare for the Monzo interview (due today)" in out, out
    code, out, _ = run_cli(*db, "show", "1")
    assert "Next: Prepare for the Monzo interview (due today)" in out and "Last contact: 2026-11-06" in out, out
    code, out, _ = run_cli(*db, "next", "--json")
    assert [(r["rule"], r["state"]) for r in json.loads(out)] == [("prepare_interview", "due")]


def test_an_interview_that_began_this_morning_is_thanked_for(board_path, frozen):
    db = booked(board_path, pendulum.today().date(), "00:01")
    code, out, _ = run_cli(*db, "next", "1")
    assert code == 0 and "Next: Send Monzo a thank-you note (tomorrow)" in out, out
