"""The board's file: read only when it changed, written atomically.

TinyDB reads and writes a whole database through its ``Storage`` interface, the extension point
it documents for storing data another way; jobboard's (jobboard.storage.board_tables) hands
every read and write to a ``BoardFile``, which is also what the store reads directly:

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

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson

from jobboard.storage import migrations
from jobboard.storage.board_json import BoardError, Data, encode, in_current_schema, parse_board_bytes
from jobboard.storage.safefile import (
    FileRefused,
    atomic_write,
    check_replaceable,
    describe_os_error,
    read_regular_stat,
    real_file,
    remove_stale_temp_files,
)

COUNTER_WIDTH = 20  # the lock file's write counter: fixed width, rewritten in place

Key = tuple[int | None, tuple[int, int, int, int]]


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


class BoardFile:
    """One board file, read and written as the module's docstring says; TinyDB reaches it
    through jobboard.storage.board_tables.BoardStorage."""

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
        # The board in memory is out of date: let it go before the new one is parsed, so the
        # two never fill memory together (a failed read below drops it all the same).
        self.forget()
        try:
            raw, st = read_regular_stat(self.path)  # st: the key of exactly the bytes read
        except FileNotFoundError:
            self.forget()
            return None
        except FileRefused as error:
            raise BoardError(f"cannot open {error}; choose a board file with --db.") from error
        except OSError as error:
            raise BoardError(f"cannot read {self.path}: {error.strerror}; check the file's permissions.") from error
        try:
            on_disk = parse_board_bytes(raw, self.path)
            data = in_current_schema(on_disk, self.path)
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
