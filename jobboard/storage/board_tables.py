"""The board's two TinyDB tables, made on the first change: reading a board needs no TinyDB.

``BoardStorage`` is the storage TinyDB documents as its extension point, with the board's
``BoardFile`` behind it: TinyDB's reads and writes are the file's (cached, checked, atomic).
Reads that only look (the first screen, `jobboard list`) take the file's records directly, so
importing TinyDB waits for the first change (or ``BoardStore.prepare_for_writes``).
"""

from __future__ import annotations

from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from jobboard.storage.board_file import BoardFile
from jobboard.storage.board_json import APPLICATIONS, META

__all__ = ["BoardStorage", "Document", "board_tables"]


class BoardStorage(Storage):
    """TinyDB's storage of one board: every read and write goes to its ``BoardFile``."""

    def __init__(self, file: BoardFile) -> None:
        self.file = file

    def read(self) -> dict[str, Any] | None:
        return self.file.read()

    def write(self, data: dict[str, Any]) -> None:
        self.file.write(data)


def board_tables(file: BoardFile) -> tuple[Table, Table]:
    """The applications and meta tables of ``file``; no query cache, as the file can change
    under them (another jobboard, a sync tool)."""
    database = TinyDB(file, storage=BoardStorage)
    return database.table(APPLICATIONS, cache_size=0), database.table(META, cache_size=0)
