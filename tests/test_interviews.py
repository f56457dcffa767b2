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
