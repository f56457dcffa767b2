"""The board file: a TinyDB JSON file that is written atomically, under a lock, never in place.

Stock TinyDB rewrites its file in place, so a crash mid-write leaves half a board. Here every
write goes to a temporary file in the same folder, is flushed and fsynced, and replaces the
board with ``os.replace`` (atomic on POSIX), then the folder is fsynced so the rename itself
survives a power cut. Reads are cached and re-read only when the file's (mtime, size, inode)
changes. Every read-modify-write holds ``board.json.lock`` with ``flock``, so the TUI and a CLI
command in another terminal never lose each other's changes; the kernel drops the lock when a
process dies, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from jobboard import backups, migrations
from jobboard.model import Application
from jobboard.safefile import atomic_write, describe_os_error

APPLICATIONS = "applications"
META = "meta"
META_DOC_ID = 1
LOCK_TIMEOUT_SECONDS = 10.0


class BoardError(Exception):
    """Something is wrong with the board file; the message is one sentence for the user."""


def _stat_key(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def check_board_shape(data: Any, path: Path) -> None:
    """Raise BoardError unless ``data`` looks like a board jobboard wrote."""
    if not isinstance(data, dict):
        raise BoardError(f"{path} is not a jobboard board (its top level is not an object).")
    meta = data.get(META)
    if not isinstance(meta, dict) or not isinstance(meta.get(str(META_DOC_ID)), dict):
        raise BoardError(f"{path} is not a jobboard board (it has no '{META}' table).")
    version = meta[str(META_DOC_ID)].get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise BoardError(f"{path} is not a jobboard board (its schema_version is missing).")
    if version > migrations.SCHEMA_VERSION:
        raise BoardError(
            f"{path} was made by a newer jobboard (schema {version}, this one reads up to "
            f"{migrations.SCHEMA_VERSION}); upgrade jobboard to open it."
        )
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise BoardError(f"{path} is not a jobboard board (table '{name}' is malformed).")


class AtomicJSONStorage(Storage):
    """A TinyDB storage that caches reads and replaces the file atomically on write."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._key: tuple[int, int, int] | None = None
        self._data: dict[str, Any] | None = None
        # Bumped whenever the data changes (a fresh read or a write): TinyDB edits the cached
        # dict in place, so identity alone cannot tell a changed board from the same one.
        self.generation = 0
        # Called with every board freshly read from disk, so a bad entry is found before any write.
        self.on_load: Callable[[dict[str, Any]], Any] | None = None

    def read(self) -> dict[str, Any] | None:
        key = _stat_key(self.path)
        if key is None:
            self._key, self._data = None, None
            return None
        if key == self._key and self._data is not None:
            return self._data
        try:
            raw = self.path.read_bytes()
        except OSError as error:
            raise BoardError(f"cannot read {self.path}: {error.strerror}.") from error
        if not raw.strip():
            raise BoardError(f"{self.path} is empty; restore a backup or move it away.")
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as error:
            where = f" (line {error.lineno}, column {error.colno})" if hasattr(error, "lineno") else ""
            raise BoardError(f"{self.path} is not valid JSON{where}; restore a backup or fix it.") from error
        check_board_shape(data, self.path)
        self._key, self._data = key, data
        self.generation += 1
        if self.on_load is not None:
            try:
                self.on_load(data)  # a board we cannot fully read must never be written
            except BoardError:
                self._key, self._data = None, None
                raise
        return data

    def write(self, data: dict[str, Any]) -> None:
        try:
            # Serialise first: if this fails, nothing on disk has been touched.
            text = json.dumps(data, ensure_ascii=False, indent=1)
        except (TypeError, ValueError) as error:
            self._key, self._data = None, None  # TinyDB changed the cached dict in place
            raise BoardError(f"could not save {self.path}: {error}.") from error
        try:
            backups.keep_daily_backup(self.path)
            atomic_write(self.path, text.encode("utf-8"))
        except OSError as error:
            self._key, self._data = None, None
            raise BoardError(describe_os_error(self.path, error)) from error
        self._key, self._data = _stat_key(self.path), data
        self.generation += 1

    def close(self) -> None:
        pass


class BoardStore:
    """The applications on one board file, with locked, atomic changes.

    Every change method re-reads the file under the lock, applies the change to what is on
    disk now (not to a stale copy), and writes it back, so concurrent processes compose.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path).expanduser()
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._db = TinyDB(self.path, storage=AtomicJSONStorage)
        self._storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        # TinyDB's query cache would hide other processes' writes; we never use queries.
        self._applications = self._db.table(APPLICATIONS, cache_size=0)
        self._meta = self._db.table(META, cache_size=0)
        self._parsed_generation = -1
        self._storage.on_load = self._parse
        self._parsed: list[Application] = []

    # -- reading ---------------------------------------------------------------------------

    def check(self) -> None:
        """Raise BoardError if the file exists but is not a board this jobboard can open."""
        data = self._storage.read()
        if data is not None:
            self._parse(data)

    def applications(self) -> list[Application]:
        """Every application on the board, in the order they were added."""
        data = self._storage.read()
        if data is None:
            return []
        return list(self._parse(data))

    def get(self, app_id: str) -> Application:
        self.check()
        record = self._applications.get(doc_id=int(app_id)) if app_id.isdigit() else None
        if record is not None:
            return self._from_record(app_id, record)
        raise BoardError(f"no application with id '{app_id}' on {self.path}; `jobboard list` shows the ids.")

    def changed_on_disk(self) -> bool:
        """True when another process has written the file since we last read it."""
        return _stat_key(self.path) != self._storage._key

    def _parse(self, data: dict[str, Any]) -> list[Application]:
        if self._storage.generation == self._parsed_generation:
            return self._parsed
        if migrations.version_of(data) != migrations.SCHEMA_VERSION:
            data = migrations.upgraded(data)  # in memory only; written on the next change
        parsed = [self._from_record(doc_id, record) for doc_id, record in data.get(APPLICATIONS, {}).items()]
        self._parsed_generation, self._parsed = self._storage.generation, parsed
        return parsed

    def _from_record(self, doc_id: Any, record: dict[str, Any]) -> Application:
        try:
            return Application.from_record(record)
        except (KeyError, ValueError, TypeError, AttributeError) as error:
            raise BoardError(
                f"{self.path} holds an application (entry {doc_id}) jobboard cannot read: "
                f"{error}; restore a backup or fix that entry."
            ) from error

    # -- changing --------------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the board's lock file for one read-modify-write (the file is checked and,
        when it is an older schema, upgraded after a backup)."""
        with self.lock_file():
            self._upgrade_if_needed()
            yield

    @contextmanager
    def lock_file(self) -> Iterator[None]:
        """Hold the board's lock file without reading the board (restore uses this)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.lock_path, "a+b")  # noqa: SIM115 - closed below
        except OSError as error:
            raise BoardError(describe_os_error(self.path, error)) from error
        try:
            deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError as error:
                    if time.monotonic() > deadline:
                        raise BoardError(
                            f"{self.lock_path} is held by another jobboard for over "
                            f"{LOCK_TIMEOUT_SECONDS:.0f} seconds; close it and retry."
                        ) from error
                    time.sleep(0.01)
            yield
        finally:
            handle.close()  # closing releases the flock

    def _upgrade_if_needed(self) -> None:
        data = self._storage.read()
        if data is None:
            self._meta.insert(
                Document({"schema_version": migrations.SCHEMA_VERSION, "next_id": 1}, META_DOC_ID)
            )
        elif migrations.version_of(data) != migrations.SCHEMA_VERSION:
            backups.backup_now(self.path, reason=f"before-schema-{migrations.SCHEMA_VERSION}")
            self._storage.write(migrations.upgraded(data))

    def _allocate_id(self) -> str:
        # Bump the counter before the application is written: a crash in between skips an id,
        # which is harmless, but can never hand the same id out twice.
        meta = self._meta.get(doc_id=META_DOC_ID)
        next_id = int(meta.get("next_id", 1)) if meta else 1
        existing = [int(doc_id) for doc_id in (self._storage.read() or {}).get(APPLICATIONS, {})]
        next_id = max([next_id, *(n + 1 for n in existing)])
        self._meta.update({"next_id": next_id + 1}, doc_ids=[META_DOC_ID])
        return str(next_id)

    def add(self, build: Callable[[str], Application]) -> Application:
        """Create an application: ``build`` receives the new id and returns the application."""
        with self.locked():
            application = build(self._allocate_id())
            self._applications.insert(Document(application.to_record(), int(application.id)))
            return application

    def add_many(self, builds: list[Callable[[str], Application]]) -> list[Application]:
        """Create many applications in one write (imports, the demo board, benchmarks)."""
        with self.locked():
            first = int(self._allocate_id())
            count = len(builds)
            if count > 1:
                self._meta.update({"next_id": first + count}, doc_ids=[META_DOC_ID])
            created = [build(str(first + offset)) for offset, build in enumerate(builds)]
            self._applications.insert_multiple(Document(app.to_record(), int(app.id)) for app in created)
            return created

    def update(self, app_id: str, change: Callable[[Application], Application]) -> Application:
        """Apply ``change`` to the application as it is on disk now, and save the result."""
        with self.locked():
            current = self.get(app_id)
            changed = change(current)
            self._put(changed)
            return changed

    def put(self, application: Application) -> None:
        """Save ``application`` as given (undo/redo restore whole snapshots), adding it back if
        it was deleted. Its id keeps its number, so ids are still never reused."""
        with self.locked():
            self._put(application)

    def _put(self, application: Application) -> None:
        record = application.to_record()
        doc_id = int(application.id)

        def replace_document(document: dict[str, Any]) -> None:
            document.clear()
            document.update(record)

        if self._applications.contains(doc_id=doc_id):
            self._applications.update(replace_document, doc_ids=[doc_id])
        else:
            self._applications.insert(Document(record, doc_id))

    def delete(self, app_id: str) -> Application:
        with self.locked():
            application = self.get(app_id)
            self._applications.remove(doc_ids=[int(app_id)])
            return application
