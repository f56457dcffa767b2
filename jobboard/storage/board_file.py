"""The board's file as a TinyDB storage: read only when it changed, written atomically.

TinyDB reads and writes a whole database through its ``Storage`` interface, the extension point
it documents for storing data another way. ``BoardFile`` is that storage for jobboard:

- A write goes to a temporary file in the same folder, is fsynced and replaces the board in one
  rename (``safefile.atomic_write``), so a crash leaves the old board or the new one, never a
  mix. The first write of a day keeps a copy in the backups folder first.
- A read parses the file only when it changed since the last read: the file's (mtime, size,
  inode, device) and the write counter in the lock file (bumped by every write) must both be
  unchanged for the cached board to be trusted.
- What is read is checked for a board's shape, and an older schema is upgraded in memory; the
  first write after that keeps a ``before-schema-N`` copy of the file as it was.
- ``batch()`` holds the writes of several TinyDB operations (a new card and the id counter) and
  makes them one write of the file.

Locking is the store's job (``BoardStore.lock_file``); the storage bumps the counter in the lock
file the store hands it while it holds the lock.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from jobboard.storage import migrations
from jobboard.storage.safefile import (
    Refused,
    atomic_write,
    check_replaceable,
    describe_os_error,
    read_regular_stat,
    real_file,
    remove_stale_temp_files,
)

APPLICATIONS = "applications"
META = "meta"
META_DOC_ID = "1"
COUNTER_WIDTH = 20  # the lock file's write counter: fixed width, rewritten in place
FIX_HINT = "restore a backup (`jobboard backups` lists them) or fix it"

Data = dict[str, Any]
Key = tuple[int | None, tuple[int, int, int, int]]


class BoardError(Exception):
    """Something is wrong with the board file; the message is one sentence for the user."""


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold off Python's cycle collector while a board is parsed or built: tens of thousands
    of new dicts and applications set it off again and again, and none of them forms a cycle
    it would need to free."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def stat_key(path: Path) -> tuple[int, int, int, int] | None:
    """(mtime, size, inode, device) of ``path``, or None when there is no file."""
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise BoardError(f"cannot read {path}: {error.strerror}; check the file's permissions.") from error
    return (st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev)


def read_counter(lock_path: Path) -> int | None:
    """The lock file's write counter: 0 before any counted write, None when it is unreadable."""
    try:
        with open(lock_path, "rb") as handle:
            text = handle.read(COUNTER_WIDTH)
    except FileNotFoundError:
        return 0  # the same as the empty file the first lock creates: no needless re-read
    except OSError:
        return None
    if not text:
        return 0
    return int(text) if text.isdigit() else None


# The longest id: a board's ids count up from 1, and past 15 digits a number no longer fits
# the 64-bit integers the file's writer (orjson) and TinyDB's keys can hold.
MAX_ID_DIGITS = 15


def is_id(app_id: object) -> bool:
    """True for an application id as the board stores it: a positive number of at most
    ``MAX_ID_DIGITS`` digits, no leading zero."""
    return (
        isinstance(app_id, str)
        and app_id.isascii()
        and app_id.isdigit()
        and not app_id.startswith("0")
        and len(app_id) <= MAX_ID_DIGITS
    )


def check_board_shape(data: Any, path: Path, hint: str = FIX_HINT) -> None:
    """Raise BoardError unless ``data`` looks like a board jobboard wrote (or an older one)."""

    def refuse(what: str) -> BoardError:
        return BoardError(f"{path} is not a jobboard board ({what}); {hint}.")

    if not isinstance(data, dict):
        raise refuse("its top level is not an object")
    meta = data.get(META)
    if not isinstance(meta, dict) or not isinstance(meta.get(META_DOC_ID), dict):
        raise refuse(f"it has no '{META}' table")
    version = meta[META_DOC_ID].get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refuse("its schema_version is missing")
    if version > migrations.SCHEMA_VERSION:
        raise BoardError(
            f"{path} was made by a newer jobboard (schema {version}, this one reads up to "
            f"{migrations.SCHEMA_VERSION}); upgrade jobboard to open it."
        )
    next_id = meta[META_DOC_ID].get("next_id", 1)
    if not isinstance(next_id, int) or isinstance(next_id, bool) or not 1 <= next_id <= 10**MAX_ID_DIGITS:
        raise refuse(f"its next_id is not a positive whole number of at most {MAX_ID_DIGITS} digits")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise refuse(f"table '{name}' is malformed")
    for doc_id in data.get(APPLICATIONS, {}):
        if not is_id(doc_id):
            raise BoardError(
                f"{path} holds an application (entry {_shown(doc_id)}) jobboard cannot read: its key "
                f"'{_shown(doc_id)}' is not a positive number of at most {MAX_ID_DIGITS} digits; {hint}."
            )


def _shown(key: str) -> str:
    """A key as a message shows it: a very long one by its start and its length."""
    return key if len(key) <= 24 else f"{key[:12]}... ({len(key)} characters)"


def decode(raw: bytes) -> Any:
    """The JSON value in ``raw``: orjson parses a large board in about half the standard
    parser's time; whatever orjson refuses (not UTF-8, a 65-bit integer, NaN, broken JSON)
    the standard parser decides, so what opens and what an error names stay the same."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw)


def parse_board_bytes(raw: bytes, path: Path, hint: str = FIX_HINT) -> Data:
    """The board in ``raw`` (the bytes of ``path``), or BoardError saying what is wrong."""
    if not raw.strip():
        raise BoardError(f"{path} is empty; {hint}.")
    try:
        with paused_gc():
            data = decode(raw)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        where = f" (line {error.lineno}, column {error.colno})" if isinstance(error, json.JSONDecodeError) else ""
        raise BoardError(f"{path} is not valid JSON{where}; {hint}.") from error
    check_board_shape(data, path, hint)
    return data


def upgraded(data: Data, path: Path) -> Data:
    """``data`` in this jobboard's schema (the same object when it already is)."""
    if migrations.version_of(data) == migrations.SCHEMA_VERSION:
        return data
    try:
        return migrations.upgraded(data)
    except migrations.MigrationError as error:
        raise BoardError(
            f"{path} is an older board that cannot be upgraded: {error}; the file is unchanged, "
            "report this with a copy of the file."
        ) from error


def encode(data: Data, lines: dict[str, tuple[Data, bytes]] | None = None) -> bytes:
    """The board as JSON with one application per line: readable and diff-friendly for the
    user who owns the file, and still a plain TinyDB JSON database.

    ``lines`` holds each application's line as last encoded, with the record it was made from;
    a record that is the same object is not encoded again, and the dict is brought up to date.
    """
    fresh: dict[str, tuple[Data, bytes]] = {}
    chunks: list[bytes] = [b"{"]
    for position, (name, table) in enumerate(data.items()):
        chunks.append(b",\n " if position else b"\n ")
        chunks.append(orjson.dumps(name))
        chunks.append(b": {")
        for index, (doc_id, record) in enumerate(table.items()):
            chunks.append(b",\n  " if index else b"\n  ")
            hit = lines.get(doc_id) if lines is not None and name == APPLICATIONS else None
            if hit is not None and hit[0] is record:
                line = hit[1]
            else:
                line = orjson.dumps(str(doc_id)) + b": " + orjson.dumps(record)
            if name == APPLICATIONS:
                fresh[doc_id] = (record, line)
            chunks.append(line)
        chunks.append(b"\n }" if table else b"}")
    chunks.append(b"\n}\n")
    if lines is not None:
        lines.clear()
        lines.update(fresh)
    return b"".join(chunks)


class BoardFile(Storage):
    """The TinyDB storage of one board file (see the module's docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        real = real_file(self.path)  # two links to one board share its lock
        self.lock_path = real.with_name(real.name + ".lock")
        self.lock_fd: int | None = None  # the open lock file while the store holds the lock
        self.generation = 0  # bumped whenever the board in memory changes (a read or a write)
        self.disk_reads = 0  # reads that found the file changed by someone else
        self.upgrading = False  # the board in memory was upgraded from an older schema
        self.key: Key | None = None  # what the cached board was read or written as
        self.refused_key: Key | None = None  # the file as last refused (unreadable)
        self.data: Data | None = None
        self.pending = False  # a write held back by batch()
        # Each application's line as last written, by id, with the record it was made from.
        self.lines: dict[str, tuple[Data, bytes]] = {}
        self.batch_depth = 0

    def current_key(self) -> Key | None:
        stat = stat_key(self.path)
        return None if stat is None else (read_counter(self.lock_path), stat)

    def changed_on_disk(self) -> bool:
        """True when the file is not the one last read or written here (nor the one last
        refused: a broken file is not read again and again until it changes)."""
        current = self.current_key()
        return current != self.key and (current is None or current != self.refused_key)

    def refuse(self) -> None:
        """Drop the cached board, remembering the file as one that could not be read."""
        self.refused_key = self.key
        self.forget()

    def forget(self) -> None:
        """Drop the cached board: the next read parses the file again."""
        if self.data is not None:
            self.generation += 1  # what was read from it no longer holds
        self.key, self.data, self.upgrading = None, None, False
        self.lines.clear()

    def edited(self, doc_id: str) -> None:
        """Note that the entry ``doc_id`` was changed in place (TinyDB's update does that), so
        its line is encoded again on the next save."""
        self.lines.pop(doc_id, None)

    def read(self) -> Data | None:
        if self.pending:
            return self.data  # mid-batch, under the lock: the board being changed
        key = self.current_key()
        if key is None:
            self.forget()
            return None
        if key == self.key and self.data is not None:
            return self.data
        try:
            raw, st = read_regular_stat(self.path)  # st: the key of exactly the bytes read
        except FileNotFoundError:
            self.forget()
            return None
        except Refused as error:
            raise BoardError(f"cannot open {error}; choose a board file with --db.") from error
        except OSError as error:
            raise BoardError(f"cannot read {self.path}: {error.strerror}; check the file's permissions.") from error
        try:
            on_disk = parse_board_bytes(raw, self.path)
            data = upgraded(on_disk, self.path)
        except BoardError:
            self.forget()
            self.refused_key = (key[0], (st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev))
            raise
        self.key = (key[0], (st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev))
        self.data, self.upgrading = data, data is not on_disk
        self.generation += 1
        self.disk_reads += 1
        return data

    def write(self, data: Data) -> None:
        """Replace the board with ``data`` (at the end of the batch, inside one)."""
        self.data = data
        if self.batch_depth:
            self.pending = True
            return
        self.save()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make every write inside one write of the file, when the block ends without an error.
        On an error nothing is written and the cached board, which TinyDB changes in place, is
        dropped."""
        self.batch_depth += 1
        try:
            yield
        except BaseException:
            if self.pending:
                self.pending = False
                self.forget()
            raise
        finally:
            self.batch_depth -= 1
        if self.batch_depth == 0 and self.pending:
            self.pending = False
            self.save()

    def save(self) -> None:
        """Write the board in memory to the file; on any failure the file is as it was."""
        assert self.data is not None
        try:
            payload = encode(self.data, self.lines)  # first: if this fails, nothing on disk was touched
        except orjson.JSONEncodeError as error:
            self.forget()
            raise BoardError(
                f"could not save {self.path}: some text is not valid Unicode ({error}); "
                "the board is unchanged, retype that text."
            ) from error
        from jobboard.storage import backups  # needs pendulum: only loaded by commands that write

        try:
            check_replaceable(real_file(self.path))  # before any copy is kept: nothing written
            read_as_good = self.key is not None and self.key == self.current_key()  # the file parsed here
            if self.upgrading:
                backups.backup_now(self.path, reason=migrations.backup_reason(), checked=read_as_good)
            backups.keep_daily_backup(self.path, checked=read_as_good)
            self.bump_counter()  # before: a reader that sees the new counter re-reads later
            atomic_write(real_file(self.path), payload)  # through a symlink, never over it
            self.bump_counter()  # after: a reader that read the old file sees a new counter
        except OSError as error:
            self.forget()
            raise BoardError(describe_os_error(self.path, error)) from error
        remove_stale_temp_files(self.path)
        self.upgrading = False
        stat = stat_key(self.path)
        self.key = None if stat is None else (read_counter(self.lock_path), stat)
        self.generation += 1

    def replace_file(self, raw: bytes) -> None:
        """Put ``raw`` in place of the board (a restore), under the lock the store holds."""
        try:
            self.bump_counter()
            atomic_write(real_file(self.path), raw)
            self.bump_counter()
        except OSError as error:
            raise BoardError(describe_os_error(self.path, error)) from error
        finally:
            self.forget()
        remove_stale_temp_files(self.path)

    def bump_counter(self) -> None:
        if self.lock_fd is None:
            return
        text = os.pread(self.lock_fd, COUNTER_WIDTH, 0)
        count = int(text) if text.isdigit() else 0
        os.pwrite(self.lock_fd, str(count + 1).zfill(COUNTER_WIDTH).encode(), 0)

    def close(self) -> None:
        """Nothing stays open between reads and writes."""
