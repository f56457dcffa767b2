"""A large board's first look, kept from the last time jobboard had it open, for the next start.

A child process parsing the whole board (jobboard.storage.look_ahead) is the slowest part of a
large board's start: ~110-150 ms at 10,000 applications, more with captured postings. So when
the board closes, its first look (the counts and each column's top records, exactly what the
child would hand over) is written to the cache folder with the key of the board file it came
from (modification time, size, inode, device). The next start reads that small file instead,
if the board file still has that key: written by anyone since, by jobboard or a sync tool, it
has another, and the child takes the look as before.

It is only ever a first look: the full read that follows replaces it and the keys wait for
that read, so a kept look that is wrong in some way no check caught shows for a moment and
changes nothing. A kept look that cannot be read or does not have the expected shape is
ignored; one that cannot be written is not written. Small boards have none.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from jobboard.config.settings import kept_looks_folder
from jobboard.storage import migrations
from jobboard.storage.board_file import stat_key
from jobboard.storage.board_json import APPLICATIONS, BoardError
from jobboard.storage.first_look import TopRecords, top_records, top_records_from
from jobboard.storage.look_ahead import LARGE_BOARD_BYTES
from jobboard.storage.safefile import atomic_write

FORMAT = 1
LARGEST_BYTES = 32 * 1024 * 1024  # a kept look is the top cards only; a larger file is not one

FileKey = tuple[int, int, int, int]  # st_mtime_ns, st_size, st_ino, st_dev: board_file.stat_key


def kept_look_path(board: Path) -> Path:
    """The kept look's file for ``board``: named by its absolute path, one per board. Two
    checksums, not a cryptographic hash: zlib is loaded already (hashlib would cost ~2 ms of
    every start), and a look found under another board's name is refused by its own path."""
    raw = os.fsencode(os.path.abspath(board))
    name = f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"
    return kept_looks_folder() / f"{name}.json"


def keep_look(board: Path, key: FileKey | None, data: Any, statuses: Sequence[str], cards: int) -> bool:
    """Write the first look of ``data`` (a parsed board, read as the file was at ``key``) for the
    next start; False when there is nothing to keep (a small or older board) or it could not
    be written."""
    if key is None or key[1] < LARGE_BOARD_BYTES or not isinstance(data, dict):
        return False
    if migrations.version_of(data) != migrations.SCHEMA_VERSION:
        return False
    top = top_records(data.get(APPLICATIONS, {}), statuses, cards)
    if top is None:
        return False
    kept = {"format": FORMAT, "board": os.path.abspath(board), "key": list(key), "cards": cards, "look": list(top)}
    target = kept_look_path(board)
    try:
        atomic_write(target, orjson.dumps(kept))
    except (OSError, TypeError, orjson.JSONEncodeError):
        return False
    return True


class KeptLook:
    """A kept first look that matches the board file as it is now; used as the look-ahead
    child is (``statuses``, ``cards``, ``top``, ``close``)."""

    def __init__(self, top: TopRecords, statuses: tuple[str, ...], cards: int) -> None:
        self._top = top
        self.statuses = statuses
        self.cards = cards

    @classmethod
    def load(cls, board: Path, statuses: Sequence[str], cards: int) -> KeptLook | None:
        """The look kept for ``board`` if the file still has the key it was kept with, and the
        look has ``statuses`` and at least ``cards`` cards a column; None otherwise."""
        try:
            key = stat_key(board)
            if key is None or key[1] < LARGE_BOARD_BYTES:
                return None
            path = kept_look_path(board)
            if path.stat().st_size > LARGEST_BYTES:
                return None
            kept = orjson.loads(path.read_bytes())
            top = top_records_from(kept["look"])
            fits = (
                top is not None
                and kept["format"] == FORMAT
                and kept["board"] == os.path.abspath(board)
                and tuple(kept["key"]) == key
                and isinstance(kept["cards"], int)
                and kept["cards"] >= cards
                and set(statuses) <= set(top.counts)
            )
        except (BoardError, OSError, TypeError, KeyError, orjson.JSONDecodeError):
            return None
        return cls(top, tuple(top.counts), kept["cards"]) if fits and top is not None else None

    def top(self, timeout: float) -> TopRecords:  # noqa: ARG002 - the child's signature: nothing to wait for
        return self._top

    def close(self) -> None:
        """Nothing to stop (the child's signature)."""
