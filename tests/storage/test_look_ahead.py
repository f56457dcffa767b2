"""The first look taken by a child process (jobboard.storage.look_ahead): the same look as the
one taken in-process, none for what it should not read, and a child that hangs is stopped.
Nothing here is timed (bench/startup.py measures what it saves)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from jobboard.core.model import ALL_STATUSES
from jobboard.storage.first_look import built_look, first_look, top_records
from jobboard.storage.look_ahead import LARGE_BOARD_BYTES, LookAhead
from jobboard.storage.store import BoardStore
from tests.helpers.boards import make_board

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "boards"
COLUMNS = ("applied", "interviewed", "silent", "rejected")
WAIT = 60.0  # seconds: a deadline for a child on a busy machine, never a measure


def records_of(path: Path) -> dict:
    return json.loads(path.read_text())["applications"]


def taken(path: Path, statuses=ALL_STATUSES, cards: int = 12):  # noqa: ANN001, ANN201
    ahead = LookAhead.start(path, statuses, cards, smallest=0)
    assert ahead is not None
    try:
        return ahead.top(WAIT)
    finally:
        ahead.close()


def test_the_child_picks_what_the_first_look_in_process_picks(big_board):
    top = taken(big_board)
    assert top == top_records(records_of(big_board), ALL_STATUSES, 12)
    assert built_look(top, COLUMNS, 5) == first_look(records_of(big_board), COLUMNS, 5)
    assert top.total == 600


def test_only_a_large_board_is_worth_a_child(big_board, tmp_path):
    small = tmp_path / "small.json"
    make_board(20, small)
    assert small.stat().st_size < LARGE_BOARD_BYTES <= big_board.stat().st_size
    assert LookAhead.start(small, COLUMNS, 12) is None
    assert LookAhead.start(tmp_path / "none.json", COLUMNS, 12, smallest=0) is None
    ahead = LookAhead.start(big_board, COLUMNS, 12)
    assert ahead is not None
    ahead.close()


@pytest.mark.parametrize("name", ["v2.json", "invalid.json", "truncated.json", "newer-schema.json", "empty.json"])
def test_no_look_from_the_child_for_a_board_the_full_read_must_upgrade_or_refuse(name, tmp_path):
    path = tmp_path / "board.json"
    path.write_bytes((FIXTURES / name).read_bytes())
    assert taken(path) is None


def test_a_child_that_hangs_is_stopped_and_gives_no_look():
    hung = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(60)"], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL
    )
    ahead = LookAhead(hung, COLUMNS, 12)
    assert ahead.top(0.2) is None
    ahead.close()
    assert hung.returncode is not None


def test_the_child_loads_neither_the_dates_nor_the_terminal_nor_tinydb(big_board):
    code = textwrap.dedent(
        """
        import json, sys
        from pathlib import Path
        from jobboard.storage.look_ahead import look

        top = look(Path(sys.argv[1]), ["applied"], 5)
        print(json.dumps({"total": top.total, "modules": sorted(sys.modules)}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(big_board)], capture_output=True, text=True, check=True, timeout=WAIT
    )
    found = json.loads(result.stdout)
    assert found["total"] == 600
    loaded = [name for name in ("pendulum", "textual", "tinydb", "jobboard.core.model") if name in found["modules"]]
    assert loaded == []


def test_the_board_opens_on_the_childs_first_look_and_then_reads_the_whole_board(big_board, tmp_path):
    """BoardPreload with a child: the look it shows is the in-process one, and the full read
    that follows (its own parse) hands over every application."""
    from jobboard.tui.preload import BoardPreload

    path = tmp_path / "board.json"
    path.write_bytes(big_board.read_bytes())
    ahead = LookAhead.start(path, ALL_STATUSES, 12, smallest=0)
    preload = BoardPreload(BoardStore(path), COLUMNS, 5, ahead)
    look = preload.first_look.result(WAIT)
    assert look == first_look(records_of(path), COLUMNS, 5)
    preload.first_paint.set()
    assert len(preload.take_board(WAIT)) == 600
    assert ahead is not None and ahead.process.returncode is not None  # reaped
