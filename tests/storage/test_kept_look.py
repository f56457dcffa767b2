"""The first look kept for the next start (jobboard.storage.kept_look): the same look the child
would take, used only while the board file has the key it was kept with, and never a problem
when it is missing, stale or broken. Nothing here is timed (bench/startup.py measures it)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from jobboard.core.model import ALL_STATUSES, Event
from jobboard.storage.first_look import built_look, top_records
from jobboard.storage.kept_look import KeptLook, kept_look_path
from jobboard.storage.store import BoardStore
from tests.helpers.boards import make_board

COLUMNS = ("applied", "interviewed", "silent", "rejected")


@pytest.fixture
def board(big_board: Path, tmp_path: Path) -> Path:
    path = tmp_path / "board" / "board.json"
    path.parent.mkdir()
    shutil.copy2(big_board, path)
    return path


def kept(board: Path, cards: int = 30) -> bool:
    return BoardStore(board).keep_first_look(ALL_STATUSES, cards)


def test_a_kept_look_is_what_the_child_would_have_taken(board, isolated_home):
    assert kept(board)
    look = KeptLook.load(board, ALL_STATUSES, 20)
    assert look is not None and look.cards == 30 and set(look.statuses) == set(ALL_STATUSES)
    records = json.loads(board.read_text())["applications"]
    assert look.top(0) == top_records(records, ALL_STATUSES, 30)
    assert built_look(look.top(0), COLUMNS, 5) is not None
    assert kept_look_path(board).is_file()
    assert kept_look_path(board).is_relative_to(isolated_home / "cache")  # the test's own cache folder


def test_any_write_since_makes_it_stale(board):
    assert kept(board)
    BoardStore(board).update("1", lambda a: a.with_event(Event("note", a.applied_on, note="from a script")))
    assert KeptLook.load(board, ALL_STATUSES, 20) is None
    assert kept(board)  # kept again as the file is now
    assert KeptLook.load(board, ALL_STATUSES, 20) is not None


def test_a_look_with_too_few_cards_or_without_a_column_is_not_used(board):
    assert kept(board, cards=10)
    assert KeptLook.load(board, ALL_STATUSES, 11) is None
    assert KeptLook.load(board, ("applied", "someday"), 5) is None
    assert KeptLook.load(board, ("applied",), 10) is not None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[]",
        b'{"format": 1}',
        b'{"format": 1, "look": [1, 2, 3], "key": [], "cards": 5, "board": ""}',
    ],
    ids=["empty", "garbage", "a list", "no look", "wrong shape"],
)
def test_a_broken_kept_look_is_ignored(board, content):
    assert kept(board)
    kept_look_path(board).write_bytes(content)
    assert KeptLook.load(board, ALL_STATUSES, 20) is None


def test_a_kept_look_moved_to_another_board_is_not_used(board, tmp_path):
    assert kept(board)
    other = tmp_path / "other" / "board.json"
    other.parent.mkdir()
    shutil.copy2(board, other)  # same bytes, same times: another file all the same
    kept_look_path(other).write_bytes(kept_look_path(board).read_bytes())
    assert KeptLook.load(other, ALL_STATUSES, 20) is None


def test_a_small_board_keeps_none(tmp_path):
    small = tmp_path / "small.json"
    make_board(20, small)
    assert not kept(small)
    assert not kept_look_path(small).exists()
    assert KeptLook.load(small, ALL_STATUSES, 5) is None


def test_a_cache_folder_that_cannot_be_written_keeps_none(board, tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert not kept(board)
    assert KeptLook.load(board, ALL_STATUSES, 5) is None


def test_a_kept_look_that_cannot_replace_its_file_leaves_nothing_behind(board):
    """Something else (here a folder) where the kept look goes: not kept, and no half-written
    temporary file is left in the cache folder."""
    target = kept_look_path(board)
    target.mkdir(parents=True)
    assert not kept(board)
    assert [path.name for path in target.parent.iterdir()] == [target.name]
    assert KeptLook.load(board, ALL_STATUSES, 5) is None
