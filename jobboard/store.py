"""The board file: a TinyDB JSON file that is written atomically, under a lock, never in place.

Stock TinyDB rewrites its file in place, so a crash mid-write leaves half a board. Here every
change is one write: the whole board goes to a temporary file in the same folder, is flushed
and fsynced, and replaces the board with ``os.replace`` (atomic on POSIX); then the folder is
fsynced so the rename itself survives a power cut.

Every read-modify-write holds ``board.json.lock`` with ``flock`` and applies the change to the
board as it is on disk at that moment, so the TUI and CLI commands in other terminals never
lose each other's changes. The kernel drops a flock when its process dies, so a crash never
leaves a stale lock. The lock file also holds a write counter that every writer bumps, so a
cached read is trusted only while both the file's (mtime, size, inode) and that counter are
unchanged: a reused inode with the same size within one clock tick cannot fool the cache.
"""

from __future__ import annotations

import fcntl
import gc
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

# jobboard.backups is imported where a copy is made: it needs pendulum (~50 ms to import), which
# a command that only reads the board (`jobboard list --json`) never uses otherwise.
from jobboard import migrations
from jobboard.first_look import FirstLook, first_look
from jobboard.model import ALL_STATUSES, RECORD_ERRORS, Application, canonical_record
from jobboard.safefile import atomic_write, describe_os_error, remove_stale_temp_files

APPLICATIONS = "applications"
META = "meta"
META_DOC_ID = 1
WRITE_BATCH = 2000  # lines per write call when saving
LOCK_TIMEOUT_SECONDS = 10.0
COUNTER_WIDTH = 20  # the lock file's write counter: fixed width, rewritten in place
ENTRY_HINT = "restore a backup or fix that entry"
FIX_HINT = "restore a backup (`jobboard backups` lists them) or fix it"

Data = dict[str, Any]
Key = tuple[int | None, tuple[int, int, int, int]]

# json.dumps(record, ensure_ascii=False), with one encoder for every record of a board.
_encode_record = json.JSONEncoder(ensure_ascii=False).encode


class BoardError(Exception):
    """Something is wrong with the board file; the message is one sentence for the user."""


# -- what is on disk ---------------------------------------------------------------------------


def _stat_key(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise BoardError(f"cannot read {path}: {error.strerror}; check the file's permissions.") from error
    return (st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev)


def _read_counter(lock_path: Path) -> int | None:
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


def check_board_shape(data: Any, path: Path, hint: str = FIX_HINT) -> None:
    """Raise BoardError unless ``data`` looks like a board jobboard wrote (or an older one)."""

    def refuse(what: str) -> BoardError:
        return BoardError(f"{path} is not a jobboard board ({what}); {hint}.")

    if not isinstance(data, dict):
        raise refuse("its top level is not an object")
    meta = data.get(META)
    if not isinstance(meta, dict) or not isinstance(meta.get(str(META_DOC_ID)), dict):
        raise refuse(f"it has no '{META}' table")
    version = meta[str(META_DOC_ID)].get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refuse("its schema_version is missing")
    if version > migrations.SCHEMA_VERSION:
        raise BoardError(
            f"{path} was made by a newer jobboard (schema {version}, this one reads up to "
            f"{migrations.SCHEMA_VERSION}); upgrade jobboard to open it."
        )
    next_id = meta[str(META_DOC_ID)].get("next_id", 1)
    if not isinstance(next_id, int) or isinstance(next_id, bool) or next_id < 1:
        raise refuse("its next_id is not a positive whole number")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise refuse(f"table '{name}' is malformed")


def parse_board_bytes(raw: bytes, path: Path, hint: str = FIX_HINT) -> Data:
    """The board in ``raw`` (the bytes of ``path``), or BoardError saying what is wrong."""
    if not raw.strip():
        raise BoardError(f"{path} is empty; {hint}.")
    try:
        data = _decode(raw)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        where = f" (line {error.lineno}, column {error.colno})" if hasattr(error, "lineno") else ""
        raise BoardError(f"{path} is not valid JSON{where}; {hint}.") from error
    check_board_shape(data, path, hint)
    return data


def _decode(raw: bytes) -> Any:
    """The JSON value in ``raw``. orjson parses a large board in about half the time the
    standard parser takes (~35 against ~70 ms at 10,000 applications); for anything it
    refuses (a file that is not UTF-8, an integer past 64 bits, a lone surrogate, NaN, broken
    JSON) the standard parser decides, so what opens and the line and column a broken file's
    message names are exactly what they would be without orjson."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw)


class AtomicJSONStorage(Storage):
    """A TinyDB storage that caches reads and replaces the file atomically on write."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._key: Key | None = None
        self._data: Data | None = None
        # Bumped whenever the data changes (a fresh read or a write).
        self.generation = 0
        # Each application's encoded line, by id, with the record it was made from.
        self._encoded: dict[str, tuple[Data, str]] = {}
        # Bumped only by reads that found the file changed by someone else: the TUI uses it to
        # notice, after its own save, that the save also carried another process's changes.
        self.disk_reads = 0
        # The open lock file while this process holds the lock (set by BoardStore.lock_file).
        self.lock_fd: int | None = None

    def current_key(self) -> Key | None:
        stat = _stat_key(self.path)
        return None if stat is None else (_read_counter(self.lock_path), stat)

    def forget(self) -> None:
        self._key, self._data = None, None

    def read(self) -> Data | None:
        key = self.current_key()
        if key is None:
            self.forget()
            return None
        if key == self._key and self._data is not None:
            return self._data
        try:
            with open(self.path, "rb") as handle:
                st = os.fstat(handle.fileno())  # the key of exactly the bytes we read
                raw = handle.read()
        except FileNotFoundError:
            self.forget()
            return None
        except OSError as error:
            raise BoardError(f"cannot read {self.path}: {error.strerror}; check the file's permissions.") from error
        with paused_gc():
            data = parse_board_bytes(raw, self.path)
        self._key = (key[0], (st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev))
        self._data = data
        self.generation += 1
        self.disk_reads += 1
        return data

    def write(self, data: Data) -> None:
        """Replace the board with ``data``; on any failure the file on disk is as it was."""
        try:
            # Serialise first: if this fails, nothing on disk has been touched.
            payload = self._encode(data)
        except UnicodeEncodeError as error:
            raise BoardError(
                f"could not save {self.path}: some text is not valid Unicode ({error.reason}); "
                "the board is unchanged, retype that text."
            ) from error
        except (TypeError, ValueError) as error:
            raise BoardError(f"could not save {self.path}: {error}; the board is unchanged.") from error
        from jobboard import backups

        try:
            backups.keep_daily_backup(self.path)
            self._bump_counter()  # before: a reader that sees the new counter re-reads later
            atomic_write(self.path, payload)
            self._bump_counter()  # after: a reader that read the old file sees a new counter
        except OSError as error:
            self.forget()
            raise BoardError(describe_os_error(self.path, error)) from error
        remove_stale_temp_files(self.path)
        stat = _stat_key(self.path)
        self._key = None if stat is None else (_read_counter(self.lock_path), stat)
        self._data = data
        self.generation += 1

    def _encode(self, data: Data) -> list[bytes]:
        """The board as JSON with one application per line, as chunks to write in turn.

        One line per application is readable and diff-friendly for the user who owns the
        file; only changed applications are re-encoded (records are replaced whole, never
        edited in place, so identity tells what changed); and writing the chunks one by one
        never builds a second copy of a large board in memory.
        """
        cache = self._encoded
        fresh: dict[str, tuple[Data, bytes]] = {}
        chunks: list[bytes] = [b"{"]
        for position, (name, table) in enumerate(data.items()):
            chunks.append(f"{',' if position else ''}\n {json.dumps(name)}: {{".encode())
            for index, (doc_id, record) in enumerate(table.items()):
                hit = cache.get(doc_id) if name == APPLICATIONS else None
                if hit is not None and hit[0] is record:
                    line = hit[1]
                else:
                    line = f"  {json.dumps(doc_id)}: {_encode_record(record)}".encode()
                if name == APPLICATIONS:
                    fresh[doc_id] = (record, line)
                chunks.append(b",\n" if index else b"\n")
                chunks.append(line)
            chunks.append(b"\n }" if table else b"}")
        chunks.append(b"\n}\n")
        self._encoded = fresh
        # Joined in batches: one write call per line is slow when the TUI's repaint holds the
        # GIL at the same time, and one joined copy of a large board costs memory.
        return [b"".join(chunks[start : start + WRITE_BATCH]) for start in range(0, len(chunks), WRITE_BATCH)]

    def _bump_counter(self) -> None:
        if self.lock_fd is None:
            return
        text = os.pread(self.lock_fd, COUNTER_WIDTH, 0)
        count = int(text) if text.isdigit() else 0
        os.pwrite(self.lock_fd, str(count + 1).zfill(COUNTER_WIDTH).encode(), 0)

    def close(self) -> None:
        pass


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold off Python's cycle collector while a board is read: building tens of thousands of
    dicts and applications otherwise sets it off again and again (a third of a large load),
    and nothing built here forms a cycle that needs it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_record(doc_id: str, record: Data) -> None:
    """Raise ValueError when ``record`` does not belong under ``doc_id`` or has a status this
    jobboard does not know; the fields' types are checked as it is read (from_record)."""
    if not _is_id(doc_id):
        raise ValueError(f"its key '{doc_id}' is not a positive number")
    if record.get("id") != doc_id:
        raise ValueError(f"its id {record.get('id')!r} does not match its key '{doc_id}'")
    if record.get("status") not in ALL_STATUSES:
        raise ValueError(f"status {record.get('status')!r} is not one of {', '.join(ALL_STATUSES)}")


class BoardStore:
    """The applications on one board file, with locked, atomic changes.

    Every change method takes the lock, re-reads the file if anyone wrote it since we last
    looked, applies the change to what is on disk now (not to a stale copy), and writes the
    whole board back once, so concurrent processes compose and a crash loses nothing saved.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path).expanduser()
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        # TinyDB gives the file its format; the store edits the tables itself so that each
        # change is one read under the lock and one atomic write.
        self._db = TinyDB(self.path, storage=AtomicJSONStorage)
        self._storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        # What has been done with the board as read (by the storage's generation): every entry
        # checked, and the applications built from them. Building costs several times more
        # than checking, so a one-off command that only passes records on or adds one checks
        # the board without building it; once anyone asks for the applications (the TUI
        # does), they are built and then kept in step with every change.
        self._checked_generation = -1
        self._parsed_generation = -1
        self._parsed: dict[str, Application] = {}
        self._keeps_applications = False
        self._lock_owner: int | None = None
        self._lock_depth = 0

    # -- reading ---------------------------------------------------------------------------

    def check(self) -> None:
        """Raise BoardError if the file exists but is not a board this jobboard can open."""
        self._load()

    def applications(self) -> list[Application]:
        """Every application on the board, in the order they were added."""
        return list(self._load().values())

    def first_look(self, statuses: Iterable[str], per_column: int) -> FirstLook | None:
        """What the first screen shows (see jobboard.first_look), from the file as parsed,
        before its entries are checked: the full read that must follow (``applications``)
        reuses the parse. None when there is no board yet or it needs upgrading first."""
        data = self._storage.read()
        if data is None or migrations.version_of(data) != migrations.SCHEMA_VERSION:
            return None
        return first_look(data.get(APPLICATIONS, {}), statuses, per_column)

    def records(self) -> list[Data]:
        """Every application as ``Application.to_record()`` gives it, in the order they were
        added, with every entry checked as ``applications()`` does, but without building the
        applications: for commands that only pass the board's data on (``list --json``)."""
        data = self._read(build=False)
        if data is None:
            return []
        return list(self._canonical_records(data).values())

    def entries(self) -> list[tuple[str, Data]]:
        """The board's application entries as stored, (key, record) in the order they were
        added, not yet checked: ``build`` checks and builds any run of them. For a command
        that works through a large board in parts, in more than one process."""
        data = self._storage.read()
        if data is None:
            return []
        return list(self._current_schema(data).get(APPLICATIONS, {}).items())

    def build(self, entries: Iterable[tuple[str, Data]]) -> list[Application]:
        """The applications of ``entries`` (from ``entries``), each checked as
        ``applications`` checks it: BoardError naming the first that cannot be read, and the
        board as read is then not kept (as in ``_read``), so it can never be written back."""
        try:
            return list(_read_entries(self.path, dict(entries), Application.from_record).values())
        except BoardError:
            self._storage.forget()
            raise

    def get(self, app_id: str) -> Application:
        application = self._load().get(app_id) if _is_id(app_id) else None
        if application is None:
            raise BoardError(f"no application with id '{app_id}' on {self.path}; `jobboard list` shows the ids.")
        return application

    def prepare_for_writes(self) -> None:
        """Encode the board as it is now, so the first save re-encodes only what changed (a
        long-running TUI calls this off the UI thread after loading a large board)."""
        data = self._read(build=self._keeps_applications)
        if data is not None:
            self._storage._encode(data)

    @property
    def disk_reads(self) -> int:
        """How many times the file was read because it had changed (see the storage)."""
        return self._storage.disk_reads

    def changed_on_disk(self) -> bool:
        """True when another process has written the file since we last read it."""
        return self._storage.current_key() != self._storage._key

    def _read(self, build: bool) -> Data | None:
        """The board as it is on disk (read again only when it changed), with every entry
        checked, and with ``build`` its applications built too. A board with an entry we
        cannot read raises BoardError, is not kept, and so can never be written back."""
        data = self._storage.read()
        if data is None:
            return None
        generation = self._storage.generation
        try:
            if build:
                self._parse(data)
            elif generation not in (self._checked_generation, self._parsed_generation):
                self._canonical_records(data)
        except BoardError:
            self._storage.forget()
            raise
        return data

    def _load(self) -> dict[str, Application]:
        self._keeps_applications = True
        data = self._read(build=True)
        if data is None:
            self._parsed_generation, self._parsed = self._storage.generation, {}
        return self._parsed

    def _parse(self, data: Data) -> dict[str, Application]:
        if self._storage.generation == self._parsed_generation:
            return self._parsed
        data = self._current_schema(data)  # in memory only; written on the next change
        parsed = _read_entries(self.path, data.get(APPLICATIONS, {}), Application.from_record)
        self._parsed_generation = self._checked_generation = self._storage.generation
        self._parsed = parsed
        return parsed

    def _canonical_records(self, data: Data) -> dict[str, Data]:
        records = _read_entries(self.path, self._current_schema(data).get(APPLICATIONS, {}), canonical_record)
        self._checked_generation = self._storage.generation
        return records

    def _current_schema(self, data: Data) -> Data:
        return _upgraded(data, self.path)

    # -- locking ---------------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the board's lock file for one read-modify-write (the file is checked and,
        when it is an older schema, upgraded after a backup)."""
        with self.lock_file():
            with self._change() as board:
                board.touch()  # an older schema is written back upgraded; otherwise nothing is
            yield

    @contextmanager
    def lock_file(self) -> Iterator[None]:
        """Hold the board's lock file without reading the board (restore uses this).

        Re-entrant within one thread, so a change made inside ``locked()`` does not wait for
        itself."""
        me = threading.get_ident()
        if self._lock_owner == me:
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as error:
            raise BoardError(describe_os_error(self.path, error)) from error
        try:
            self._acquire(fd)
            self._lock_owner, self._lock_depth, self._storage.lock_fd = me, 1, fd
            try:
                yield
            finally:
                self._lock_owner, self._lock_depth, self._storage.lock_fd = None, 0, None
        finally:
            os.close(fd)  # closing releases the flock

    def _acquire(self, fd: int) -> None:
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError as error:
                if time.monotonic() > deadline:
                    raise BoardError(
                        f"{self.lock_path} is held by another jobboard for over "
                        f"{LOCK_TIMEOUT_SECONDS:.0f} seconds; close it and retry."
                    ) from error
                time.sleep(0.01)
            except OSError as error:
                raise BoardError(
                    f"cannot lock {self.lock_path}: {error.strerror}; keep the board on a local "
                    "or synced folder that supports file locks."
                ) from error

    # -- changing --------------------------------------------------------------------------

    @contextmanager
    def _change(self) -> Iterator[_Draft]:
        """Lock, read the board as it is now, let the caller edit a draft, write it once."""
        with self.lock_file():
            data = self._read(build=self._keeps_applications)  # every entry readable, or BoardError
            draft = _Draft(data, self._current_schema(data) if data is not None else None)
            yield draft
            if draft.changed:
                self._commit(draft)

    def _commit(self, draft: _Draft) -> None:
        if draft.upgrading:
            from jobboard import backups

            try:
                backups.backup_now(self.path, reason=migrations.backup_reason())
            except OSError as error:
                raise BoardError(describe_os_error(self.path, error)) from error
        built = self._parsed_generation == self._storage.generation  # from the board being changed
        self._storage.write(draft.data)
        # What was written is the board as checked plus the applications we were given.
        self._checked_generation = self._storage.generation
        if draft.upgrading or not built:
            # Nothing to keep in step: the applications are built from the new board if asked for.
            return
        # Keep the applications in step without building the whole board again.
        parsed = dict(self._parsed)
        for doc_id, application in draft.touched.items():
            if application is None:
                parsed.pop(doc_id, None)
            else:
                parsed[doc_id] = application
        order = draft.data[APPLICATIONS]
        self._parsed_generation = self._storage.generation
        self._parsed = {doc_id: parsed[doc_id] for doc_id in order}

    def add(self, build: Callable[[str], Application]) -> Application:
        """Create an application: ``build`` receives the new id and returns the application."""
        return self.add_many([build])[0]

    def add_many(self, builds: list[Callable[[str], Application]]) -> list[Application]:
        """Create many applications in one write (imports, the demo board, benchmarks)."""
        if not builds:
            return []
        with self._change() as board:
            first = board.next_id()
            created = [build(str(first + offset)) for offset, build in enumerate(builds)]
            for expected, application in zip(range(first, first + len(created)), created, strict=True):
                if application.id != str(expected):
                    raise ValueError(f"a new application must keep the id it was given ({expected})")
                board.set(application)
            return created

    def update(self, app_id: str, change: Callable[[Application], Application]) -> Application:
        """Apply ``change`` to the application as it is on disk now, and save the result."""
        with self._change() as board:
            changed = change(self.get(app_id))
            if changed.id != app_id:
                raise ValueError(f"a change must keep the application's id ({app_id}), not {changed.id}")
            board.set(changed)
            return changed

    def put(self, application: Application) -> None:
        """Save ``application`` as given (undo/redo restore whole snapshots), adding it back if
        it was deleted. Its id keeps its number, so ids are still never reused."""
        with self._change() as board:
            board.set(application)

    def delete(self, app_id: str) -> Application:
        with self._change() as board:
            application = self.get(app_id)
            board.remove(app_id)
            return application

    def restore(self, backup: Path) -> Path | None:
        """Make ``backup`` the board, after keeping a copy of the current file (returned).

        The backup must be a board this jobboard can open; otherwise nothing changes."""
        backup = Path(backup)
        try:
            raw = backup.read_bytes()  # read once: what is checked is what is written
        except OSError as error:
            raise BoardError(f"cannot read {backup}: {error.strerror}; the board is unchanged.") from error
        hint = "the board is unchanged, choose another backup (`jobboard backups` lists them)"
        data = _upgraded(parse_board_bytes(raw, backup, hint), backup)
        entry_hint = "the board is unchanged, choose another backup"
        _read_entries(backup, data.get(APPLICATIONS, {}), canonical_record, entry_hint)
        from jobboard import backups

        with self.lock_file():
            try:
                saved = backups.backup_now(self.path, reason="before-restore")
                self._storage._bump_counter()
                atomic_write(self.path, raw)
                self._storage._bump_counter()
            except OSError as error:
                raise BoardError(describe_os_error(self.path, error)) from error
            finally:
                self._storage.forget()
            remove_stale_temp_files(self.path)
        return saved


def _upgraded(data: Data, path: Path) -> Data:
    if migrations.version_of(data) == migrations.SCHEMA_VERSION:
        return data
    try:
        return migrations.upgraded(data)
    except migrations.MigrationError as error:
        raise BoardError(
            f"{path} is an older board that cannot be upgraded: {error}; the file is unchanged, "
            "report this with a copy of the file."
        ) from error


def _read_entries(path: Path, records: Data, read: Callable[[Data], Any], hint: str = ENTRY_HINT) -> dict[str, Any]:
    """Each entry of an applications table, by id, as ``read`` (``Application.from_record`` or
    ``canonical_record``) makes it, once its key and status are checked; BoardError naming
    the first entry that cannot be read."""
    entries: dict[str, Any] = {}
    doc_id = None
    try:
        with paused_gc():  # thousands of new dicts and objects; see paused_gc
            for doc_id, record in records.items():
                _check_record(str(doc_id), record)
                entries[doc_id] = read(record)
    except RECORD_ERRORS as error:
        raise BoardError(
            f"{path} holds an application (entry {doc_id}) jobboard cannot read: {error}; {hint}."
        ) from error
    return entries


def _is_id(app_id: str) -> bool:
    return isinstance(app_id, str) and app_id.isascii() and app_id.isdigit() and not app_id.startswith("0")


class _Draft:
    """The board being changed under the lock: a shallow copy, so a failed write leaves the
    cached board as it was. Records are replaced whole, never edited in place."""

    def __init__(self, on_disk: Data | None, current: Data | None) -> None:
        self.upgrading = on_disk is not None and current is not on_disk
        self.changed = False
        self._next_id: int | None = None
        if current is None:
            self.data: Data = {META: {str(META_DOC_ID): {"schema_version": migrations.SCHEMA_VERSION, "next_id": 1}}}
        else:
            self.data = dict(current)
            self.data[META] = dict(current[META])
            self.data[META][str(META_DOC_ID)] = dict(current[META][str(META_DOC_ID)])
        self.data[APPLICATIONS] = dict(self.data.get(APPLICATIONS, {}))
        self.touched: dict[str, Application | None] = {}

    @property
    def meta(self) -> Data:
        return self.data[META][str(META_DOC_ID)]

    def touch(self) -> None:
        """Write the board even if nothing else changes (an upgrade being saved)."""
        self.changed = self.changed or self.upgrading

    def next_id(self) -> int:
        """The first id never handed out on this board."""
        if self._next_id is None:
            # map() keeps the scan in C: it runs on every save of a board of any size.
            highest = max(map(int, self.data[APPLICATIONS]), default=0)
            self._next_id = max(int(self.meta.get("next_id", 1)), highest + 1)
        return self._next_id

    def set(self, application: Application) -> None:
        if not _is_id(application.id):
            raise ValueError(f"'{application.id}' is not an application id (a positive whole number)")
        self.data[APPLICATIONS][application.id] = application.to_record()
        # Ids are never reused: the counter always stays past every id ever stored.
        self._next_id = max(self.next_id(), int(application.id) + 1)
        self.meta["next_id"] = self._next_id
        self.touched[application.id] = application
        self.changed = True

    def remove(self, app_id: str) -> None:
        self.meta["next_id"] = self.next_id()  # remember the id before it leaves the table
        del self.data[APPLICATIONS][app_id]
        self.touched[app_id] = None
        self.changed = True
