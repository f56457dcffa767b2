"""The board: a TinyDB database of applications, changed under a lock, one change at a time.

The file lives in a ``BoardFile`` (atomic writes, a read cache, schema upgrades); this module
reads its checked records directly and changes it through TinyDB's tables and documents
(jobboard.storage.board_tables, made on the first change). Every change takes
``board.json.lock`` with ``flock``, reads the board as it is on disk at that moment, applies
only the fields and entries that change, and writes once, so the TUI and commands run in other
terminals never lose each other's changes. The kernel drops a flock when its process dies, so
a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from jobboard.core.changes import CardChange
from jobboard.core.model import ALL_STATUSES, Application
from jobboard.formats.records import RECORD_ERRORS, application_from_record, application_record, canonical_record
from jobboard.storage import migrations
from jobboard.storage.board_file import BoardFile
from jobboard.storage.board_json import (
    APPLICATIONS,
    META,
    META_DOC_ID,
    BoardError,
    decode,
    encode,
    in_current_schema,
    is_id,
    parse_board_bytes,
    paused_gc,
)
from jobboard.storage.first_look import FirstLook, first_look
from jobboard.storage.safefile import check_replaceable, describe_os_error, real_file

if TYPE_CHECKING:
    from tinydb.table import Document, Table

__all__ = ["BoardError", "BoardStore", "CardGone"]

LOCK_TIMEOUT_SECONDS = 10.0
ENTRY_HINT = "restore a backup or fix that entry"

Data = dict[str, Any]


class CardGone(BoardError):
    """The card a change was made to is not on the board as that card any more: deleted
    elsewhere, or its id now another card's (an id is a position; ``created`` says which card).
    Trying again cannot help, unlike a held lock or a full disk."""


class BoardStore:
    """The applications on one board file, with locked changes applied to the file as it is."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path).expanduser()
        self.file = BoardFile(self.path)
        self.lock_path = self.file.lock_path
        self._tables: tuple[Table, Table] | None = None  # TinyDB's, made for the first change
        # The board as last read or written (by the file's generation): every entry checked,
        # and, once anyone asks for them (the TUI does), the applications built from it and
        # then kept in step with each change. A one-off command that only lists records or
        # adds one never pays for building the whole board.
        self._checked_generation = -1
        self._records: dict[str, Data] | None = {}
        self._built_generation = -1
        self._applications: dict[str, Application] = {}
        self._built_from: dict[str, int] = {}  # by id: the hash of the record each was built from
        self._keeps_applications = False
        self._lock_owner: int | None = None

    # -- reading ---------------------------------------------------------------------------

    def check(self) -> None:
        """Raise BoardError if the file exists but is not a board this jobboard can open."""
        self._read(build=False)

    def applications(self) -> list[Application]:
        """Every application on the board, in the order they were added."""
        return list(self._built().values())

    def records(self) -> list[Data]:
        """Every application as ``application_record`` gives it, in the order they were
        added, each checked, without building the applications (``list --json``)."""
        records = self._read(build=False)
        if records is None:
            return [application_record(application) for application in self._applications.values()]
        return list(records.values())

    def get(self, app_id: str) -> Application:
        application = self._built().get(app_id) if is_id(app_id) else None
        if application is None:
            raise BoardError(f"no application with id '{app_id}' on {self.path}; `jobboard list` shows the ids.")
        return application

    def _one(self, app_id: str) -> Application:
        """One application as on disk now, built alone when the board is only checked (a
        command that changes one card need not build thousands)."""
        records = self._read(build=self._keeps_applications)
        if records is None or not is_id(app_id) or app_id not in records:
            return self.get(app_id)
        return application_from_record(records[app_id])

    def first_look(self, statuses: Iterable[str], per_column: int) -> FirstLook | None:
        """What the first screen shows (see jobboard.storage.first_look), from the parsed file before
        its entries are checked; the full read that must follow reuses the parse. None when
        there is no board yet."""
        data = self.file.read()
        if data is None:
            return None
        return first_look(data.get(APPLICATIONS, {}), statuses, per_column)

    def keep_first_look(self, statuses: Iterable[str], per_column: int) -> bool:
        """Keep the first look of the file as last read or written here, for the next start
        (jobboard.storage.kept_look); False when there was none to keep."""
        from jobboard.storage.kept_look import keep_look

        data = self.file.read()
        key = self.file.key
        return keep_look(self.path, key[1] if key else None, data, tuple(statuses), per_column)

    def prepare_for_writes(self) -> None:
        """Read and check the board now, and make its tables, so the first change does not
        wait for either."""
        self._read(build=self._keeps_applications)
        self._board_tables()

    def _board_tables(self) -> tuple[Table, Table]:
        if self._tables is None:
            from jobboard.storage.board_tables import board_tables

            self._tables = board_tables(self.file)
        return self._tables

    @property
    def table(self) -> Table:
        """The applications, as TinyDB changes them (jobboard.storage.board_tables)."""
        return self._board_tables()[0]

    @property
    def meta(self) -> Table:
        """The board's id counter and schema version, as TinyDB changes them."""
        return self._board_tables()[1]

    @property
    def disk_reads(self) -> int:
        """How many times the file was read because it had changed (see BoardFile)."""
        return self.file.disk_reads

    def changed_on_disk(self) -> bool:
        """True when another process has written the file since we last read it."""
        return self.file.changed_on_disk()

    def _read(self, build: bool) -> dict[str, Data] | None:
        """The board's records by id, every entry checked (read again only when the file
        changed), and with ``build`` its applications built instead (building checks each
        entry as well). None when the records were not made because the applications were.
        A board with an entry we cannot read raises BoardError and is dropped from memory, so
        it is never written back."""
        data = self.file.read()
        generation = self.file.generation
        if generation == self._built_generation or (not build and generation == self._checked_generation):
            return self._records
        try:
            with paused_gc():
                # The file's records as parsed (its keys and shape checked there), each read into
                # a new record or application: none of them is kept or changed here.
                documents = (data or {}).get(APPLICATIONS, {}).items()
                if build:
                    built_from: dict[str, int] = {}
                    self._applications = _read_entries(self.path, documents, self._rebuild(built_from))
                    self._built_from = built_from
                    self._records, self._built_generation = None, self.file.generation
                else:
                    self._records = _read_entries(self.path, documents, canonical_record)
                generation = self.file.generation
                self._checked_generation = generation
        except BoardError:
            self.file.refuse()
            self._checked_generation = self._built_generation = -1
            raise
        return self._records

    def _rebuild(self, built_from: dict[str, int]) -> Callable[[Data], Application]:
        """application_from_record, except that a record the same, byte for byte, as the one an
        application in memory was built from gives that application again: after another
        process changed one card of thousands, one card is built, not the whole board. The
        hash of each record is noted in ``built_from``."""
        kept, known = self._applications, self._built_from

        def build(record: Data) -> Application:
            try:
                text = orjson.dumps(record)
            except orjson.JSONEncodeError:  # what only the standard parser reads (a 65-bit integer)
                return application_from_record(record)
            app_id, key = record["id"], hash(text)
            built_from[app_id] = key
            application = kept.get(app_id)
            # The same bytes, and bytes that read back as this very record: orjson writes NaN,
            # which only the standard parser reads, as null.
            if application is not None and known.get(app_id) == key and orjson.loads(text) == record:
                return application
            return application_from_record(record)

        return build

    def _ids(self) -> Iterable[str]:
        """The ids on the board as last read or written."""
        return self._records if self._records is not None else self._applications

    def _built(self) -> dict[str, Application]:
        self._keeps_applications = True
        self._read(build=True)
        return self._applications

    # -- locking ---------------------------------------------------------------------------

    @contextmanager
    def lock_file(self) -> Iterator[None]:
        """Hold the board's lock file without reading the board (restore uses this).

        Re-entrant within one thread, so a change made while the lock is held does not wait for
        itself."""
        me = threading.get_ident()
        if self._lock_owner == me:
            yield
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as error:
            raise BoardError(describe_os_error(self.path, error)) from error
        try:
            self._acquire(fd)
            self._lock_owner, self.file.lock_fd = me, fd
            try:
                yield
            finally:
                self._lock_owner, self.file.lock_fd = None, None
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
    def _change(self) -> Iterator[dict[str, Application | None]]:
        """Lock, read the board as it is now, let the caller change it through the tables, and
        write the file once. The caller notes each application it set (or None for one it
        removed) in the dict it is given, to keep what is in memory in step."""
        touched: dict[str, Application | None] = {}
        with self.lock_file():
            self._read(build=self._keeps_applications)  # every entry readable, or BoardError
            built = self._built_generation == self.file.generation
            with self.file.batch():
                if not self.meta.contains(doc_id=int(META_DOC_ID)):
                    fresh = {"schema_version": migrations.SCHEMA_VERSION, "next_id": 1}
                    self.meta.insert(_document(fresh, META_DOC_ID))
                yield touched
            self._after_write(touched, built)

    def _after_write(self, touched: dict[str, Application | None], built: bool) -> None:
        """Keep the checked board in step with what was just written, without reading or
        building the whole board again."""
        generation = self.file.generation
        for app_id, application in touched.items():
            self._built_from.pop(app_id, None)  # what is in memory now was not read from a record
            if built:
                if application is None:
                    self._applications.pop(app_id, None)
                else:
                    self._applications[app_id] = application
            elif self._records is not None:
                if application is None:
                    self._records.pop(app_id, None)
                else:
                    self._records[app_id] = application_record(application)
        self._checked_generation = generation
        if built:
            self._built_generation = generation

    def _next_id(self) -> int:
        """The first id never handed out on this board (the counter stays past every id)."""
        stored: Mapping[str, Any] = self.meta.get(doc_id=int(META_DOC_ID)) or {}
        highest = max(map(int, self._ids()), default=0)
        return max(int(stored.get("next_id", 1)), highest + 1)

    def _count_ids_to(self, next_id: int) -> None:
        self.meta.update({"next_id": next_id}, doc_ids=[int(META_DOC_ID)])

    def add(self, build: Callable[[str], Application]) -> Application:
        """Create an application: ``build`` receives the new id and returns the application."""
        return self.add_many([build])[0]

    def add_many(self, builds: list[Callable[[str], Application]]) -> list[Application]:
        """Create many applications in one write (imports, the demo board, benchmarks)."""
        if not builds:
            return []
        with self._change() as touched:
            first = self._next_id()
            created = [build(str(first + offset)) for offset, build in enumerate(builds)]
            for expected, application in zip(range(first, first + len(created)), created, strict=True):
                if application.id != str(expected):
                    raise ValueError(f"a new application must keep the id it was given ({expected})")
            self.table.insert_multiple(_document(application_record(a), a.id) for a in created)
            self._count_ids_to(first + len(created))
            touched.update((a.id, a) for a in created)
        return created

    def update(self, app_id: str, change: Callable[[Application], Application]) -> Application:
        """Apply ``change`` to the application as it is on disk now, and save the fields that
        it changed."""
        with self._change() as touched:
            changed = change(self._one(app_id))
            if changed.id != app_id:
                raise ValueError(f"a change must keep the application's id ({app_id}), not {changed.id}")
            self._write_fields(app_id, application_record(changed))
            touched[app_id] = changed
        return changed

    def apply(self, app_id: str, change: CardChange, created: Any = None) -> tuple[Application, list[str]]:
        """Make ``change`` to the application as it is on disk now (see jobboard.core.changes):
        the application as saved, and the fields left alone because they had been changed
        elsewhere. CardGone when the application is no longer on the board, or (given the
        ``created`` time of the card the change was made to) when its id is another card's."""
        with self._change() as touched:
            changed, conflicts = change.applied_to(self._same_card(app_id, created))
            self._write_fields(app_id, application_record(changed))
            touched[app_id] = changed
        return changed, conflicts

    def put_back(self, application: Application) -> None:
        """Bring back a deleted application as it was (undoing a delete or redoing an add). Its
        id keeps its number, so ids are still never reused; one that is on the board already
        is refused rather than overwritten."""
        if not is_id(application.id):
            raise ValueError(f"'{application.id}' is not an application id (a positive whole number)")
        with self._change() as touched:
            if self.table.contains(doc_id=int(application.id)):
                raise BoardError(f"application {application.id} is on {self.path} already; nothing saved.")
            self.table.insert(_document(application_record(application), application.id))
            self._count_ids_to(max(self._next_id(), int(application.id) + 1))
            touched[application.id] = application

    def _write_fields(self, app_id: str, record: Data) -> None:
        """Change, in the stored entry, only the fields whose values differ from ``record``."""
        stored: Mapping[str, Any] = self.table.get(doc_id=int(app_id)) or {}
        fields = {name: value for name, value in record.items() if stored.get(name) != value}
        gone = [name for name in stored if name not in record]
        if not fields and not gone:
            return

        def apply(entry: MutableMapping[str, Any]) -> None:
            self.file.edited(app_id)
            entry.update(fields)
            for name in gone:
                del entry[name]

        self.table.update(apply, doc_ids=[int(app_id)])

    def _same_card(self, app_id: str, created: Any) -> Application:
        """The application ``app_id`` as it is on disk, when it is the card created at
        ``created`` (any card, when None); CardGone otherwise."""
        if not self.table.contains(doc_id=int(app_id)):
            raise CardGone(f"application {app_id} is no longer on {self.path} (deleted elsewhere); not saved.")
        application = self._one(app_id)
        if created is not None and application.created != created:
            raise CardGone(
                f"application {app_id} on {self.path} is another card now ({application.company}, added "
                f"elsewhere after a restore or a delete); {app_id} was left as it is."
            )
        return application

    def delete(self, app_id: str, created: Any = None) -> Application:
        """Take an application off the board: the card as it was on disk (with what was
        changed elsewhere). Given ``created``, only the card created then (see _same_card)."""
        with self._change() as touched:
            application = self._same_card(app_id, created) if created is not None else self._one(app_id)
            self._count_ids_to(self._next_id())  # remember the id before it leaves the table
            self.table.remove(doc_ids=[int(app_id)])
            touched[app_id] = None
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
        data = in_current_schema(parse_board_bytes(raw, backup, hint), backup)
        entry_hint = "the board is unchanged, choose another backup"
        _read_entries(backup, data.get(APPLICATIONS, {}).items(), canonical_record, entry_hint)
        from jobboard.storage import backups

        with self.lock_file():
            handed_out = self._ids_handed_out()
            try:
                check_replaceable(real_file(self.path))  # a read-only board: refused before any copy
                saved = backups.backup_now(self.path, reason="before-restore")
            except OSError as error:
                raise BoardError(describe_os_error(self.path, error)) from error
            self.file.replace_file(_counting_from(raw, handed_out))
        return saved

    def _ids_handed_out(self) -> int:
        """The board's id counter as it is now (1 when the board cannot be read: a restore
        is how a broken board is mended)."""
        if not self.path.exists():
            return 1
        try:
            self._read(build=False)
            return self._next_id()
        except (BoardError, OSError):
            return 1


def _counting_from(raw: bytes, handed_out: int) -> bytes:
    """A backup's bytes to restore, its id counter kept at ``handed_out`` (the board's) when the
    copy counts from lower: an older copy would hand out again ids a screen, a script or your
    notes still know as other cards'. The copy as it is when its counter is already as high."""
    data = decode(raw)
    meta = data[META][META_DOC_ID]
    if meta.get("next_id", 1) >= handed_out:
        return raw
    meta["next_id"] = handed_out
    return encode(data)


def _read_entries(
    path: Path, records: Iterable[tuple[str, Data]], read: Callable[[Data], Any], hint: str = ENTRY_HINT
) -> dict[str, Any]:
    """Each entry of an applications table, by id, as ``read`` (``application_from_record`` or
    ``canonical_record``) makes it, once its id and status are checked; BoardError naming the
    first entry that cannot be read."""
    entries: dict[str, Any] = {}
    doc_id = None
    try:
        for doc_id, record in records:
            if record.get("id") != doc_id:
                raise ValueError(f"its id {record.get('id')!r} does not match its key '{doc_id}'")
            if record.get("status") not in ALL_STATUSES:
                raise ValueError(f"status {record.get('status')!r} is not one of {', '.join(ALL_STATUSES)}")
            entries[doc_id] = read(record)
    except RECORD_ERRORS as error:
        raise BoardError(
            f"{path} holds an application (entry {doc_id}) jobboard cannot read: {error}; {hint}."
        ) from error
    return entries


def _document(record: Data, doc_id: str) -> Document:
    """``record`` as TinyDB inserts it, under its id; TinyDB is imported with the first change
    (jobboard.storage.board_tables)."""
    from jobboard.storage.board_tables import Document

    return Document(record, doc_id=int(doc_id))
