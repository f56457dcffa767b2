"""The store: its API, the read cache, and disk trouble (read-only folder, full disk, dead lock)."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pendulum
import pytest

from jobboard.core.model import Event, new_application
from jobboard.formats.records import application_record
from jobboard.storage import board_file
from jobboard.storage import store as store_module
from jobboard.storage.store import BoardError, BoardStore

ROOT = Path(__file__).resolve().parents[2]
DAY = pendulum.date(2026, 11, 16)


def add(store: BoardStore, company: str = "Acme", role: str = "Dev", **fields):
    return store.add(lambda app_id: new_application(app_id, company, role, applied_on=DAY, **fields))


def files_in(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


@pytest.fixture
def board(tmp_path) -> BoardStore:
    store = BoardStore(tmp_path / "board.json")
    add(store, "Acme", "Backend Engineer")
    add(store, "Globex", "Data Engineer")
    return store


# -- the API ------------------------------------------------------------------------------------


def test_reading_a_missing_board_is_empty_and_creates_nothing(tmp_path):
    store = BoardStore(tmp_path / "new" / "board.json")
    assert store.applications() == []
    store.check()
    assert not store.changed_on_disk()
    assert not (tmp_path / "new").exists()


def test_add_get_update_put_delete(board):
    assert [a.id for a in board.applications()] == ["1", "2"]
    moved = board.update("1", lambda a: a.moved_to("interviewed", DAY))
    assert board.get("1") == moved and moved.status == "interviewed"
    gone = board.delete("2")
    assert [a.id for a in board.applications()] == ["1"]
    board.put_back(gone)  # undo of a delete brings it back with its own id
    assert board.get("2") == gone
    with pytest.raises(BoardError, match="on .* already"):
        board.put_back(moved)  # never written over the card on the board
    fresh = BoardStore(board.path)
    assert fresh.applications() == board.applications()


def test_records_are_the_applications_as_records_without_building_them(board, monkeypatch):
    expected = [application_record(a) for a in board.applications()]
    assert board.records() == expected
    fresh = BoardStore(board.path)
    monkeypatch.setattr("jobboard.storage.store.application_from_record", None)  # records() must not need it
    assert fresh.records() == expected
    assert BoardStore(board.path.with_name("missing.json")).records() == []


def test_a_store_that_writes_before_it_reads_sees_every_change(board):
    """A one-off command checks the board without building its applications before a write;
    asked for them afterwards, the same store still has them all, up to date."""
    fresh = BoardStore(board.path)
    added = add(fresh, "Initech", "SRE")
    assert [a.id for a in fresh.applications()] == ["1", "2", "3"]
    moved = BoardStore(board.path).update("1", lambda a: a.moved_to("silent", DAY))
    assert fresh.get("1") == moved and fresh.get("3") == added
    assert fresh.applications() == BoardStore(board.path).applications()


def test_a_bad_entry_is_refused_by_every_way_in_and_nothing_is_written(board):
    data = json.loads(board.path.read_text())
    data["applications"]["2"]["tags"] = "python"
    board.path.write_text(json.dumps(data))
    before = snapshot(board.path)
    for attempt in (
        lambda store: store.records(),
        lambda store: store.applications(),
        lambda store: add(store),
        lambda store: store.update("1", lambda a: a.moved_to("silent", DAY)),
    ):
        with pytest.raises(BoardError, match=r"entry 2\) jobboard cannot read: 'tags' is not a list of text"):
            attempt(BoardStore(board.path))
        with pytest.raises(BoardError):
            attempt(board)  # also a store that had read the board before it went bad
    assert snapshot(board.path) == before


def test_ids_are_never_reused(board):
    board.delete("2")
    assert add(board).id == "3"
    board.delete("3")
    board.delete("1")
    assert add(board).id == "4"
    assert BoardStore(board.path).applications()[0].id == "4"


def test_add_many_is_one_write_with_consecutive_ids(tmp_path, monkeypatch):
    store = BoardStore(tmp_path / "board.json")
    writes = []
    real = board_file.atomic_write
    monkeypatch.setattr(board_file, "atomic_write", lambda p, b: (writes.append(p), real(p, b)))
    created = store.add_many([lambda i, n=n: new_application(i, f"Co {n}", "Dev") for n in range(50)])
    assert [a.id for a in created] == [str(n) for n in range(1, 51)]
    assert writes == [store.path]
    assert store.add_many([]) == [] and writes == [store.path]


@pytest.mark.parametrize("bad_id", ["0", "007", "abc", "", "٣", "-1", "1.0"])
def test_unknown_or_malformed_ids_are_one_sentence(board, bad_id):
    before = snapshot(board.path)
    with pytest.raises(BoardError, match="no application with id"):
        board.get(bad_id)
    with pytest.raises(BoardError, match="no application with id"):
        board.update(bad_id, lambda a: a)
    with pytest.raises(BoardError, match="no application with id"):
        board.delete(bad_id)
    assert snapshot(board.path) == before


def test_a_failing_build_or_change_writes_nothing(board):
    before = snapshot(board.path)

    def broken(_):
        raise ValueError("company must not be empty")

    with pytest.raises(ValueError):
        board.add(broken)
    with pytest.raises(ValueError):
        board.update("1", broken)
    assert snapshot(board.path) == before
    assert add(board).id == "3"  # the failed add did not use up an id either


def test_text_that_cannot_be_saved_is_refused_and_changes_nothing(board):
    """A lone surrogate (what a non-UTF-8 shell argument decodes to) cannot be written as UTF-8."""
    before = snapshot(board.path)
    with pytest.raises(BoardError, match="not valid Unicode") as caught:
        add(board, "Acme \udcff", "Dev")
    assert str(board.path) in str(caught.value)
    with pytest.raises(BoardError, match="not valid Unicode"):
        board.update("1", lambda a: a.copy(notes="\ud800"))
    assert snapshot(board.path) == before
    assert [a.company for a in board.applications()] == ["Acme", "Globex"]  # the cache is clean too


def test_update_inside_the_held_lock_does_not_wait_for_itself(board):
    with board.lock_file():
        board.update("1", lambda a: a.with_event(Event("follow_up", DAY)))
    assert [e.kind for e in board.get("1").events] == ["applied", "follow_up"]


def test_a_replaced_file_keeps_its_permissions(board):
    os.chmod(board.path, 0o640)
    add(board)
    assert board.path.stat().st_mode & 0o777 == 0o640


# -- the read cache -----------------------------------------------------------------------------


def test_reads_are_cached_until_the_file_changes(board, monkeypatch):
    board.applications()
    generation = board.file.generation
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda f, *a, **k: (opened.append(str(f)), real_open(f, *a, **k))[1])
    for _ in range(5):
        board.applications()
        board.get("1")
    assert board.file.generation == generation
    assert str(board.path) not in opened


def test_a_change_by_another_store_on_the_same_path_is_seen(board):
    other = BoardStore(board.path)
    other.update("2", lambda a: a.moved_to("silent", DAY))
    assert board.changed_on_disk()
    assert board.get("2").status == "silent"
    assert not board.changed_on_disk()
    other.delete("1")
    assert [a.id for a in board.applications()] == ["2"]


def test_the_write_counter_catches_a_change_the_stat_cannot_see(board):
    """A reused inode, the same size and the same clock tick would fool (mtime, size, inode);
    the lock file's write counter does not."""
    board.applications()
    BoardStore(board.path).update("1", lambda a: a.moved_to("silent", DAY))
    counter, _stat = board.file.key
    # Pretend the new file has exactly the stat we cached: only the counter differs now.
    board.file.key = (counter, board_file.stat_key(board.path))
    assert board.changed_on_disk()
    assert board.get("1").status == "silent"


def test_a_file_replaced_by_hand_is_seen(board):
    board.applications()
    text = board.path.read_text().replace("Globex", "Globex Corp")
    board.path.write_text(text)  # an editor or a sync tool: no lock, no counter
    assert board.changed_on_disk()
    assert board.get("2").company == "Globex Corp"


# -- disk trouble -------------------------------------------------------------------------------


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def assert_one_sentence(error: BoardError, *needles: str) -> None:
    message = str(error)
    assert "\n" not in message and message.endswith(".")
    for needle in needles:
        assert needle in message, message


def test_a_read_only_folder_is_a_clear_error(board, monkeypatch):
    before = snapshot(board.path)
    running_as_root = os.geteuid() == 0
    if running_as_root:
        # chmod does not stop root; make creating the temp file fail the way it would.
        def refuse(*args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    else:
        board.path.parent.chmod(0o555)
    try:
        with pytest.raises(BoardError) as caught:
            board.update("1", lambda a: a.moved_to("silent", DAY))
    finally:
        board.path.parent.chmod(0o755)
    assert_one_sentence(caught.value, "could not save", str(board.path), "not writable", "unchanged")
    assert snapshot(board.path) == before
    assert no_temp_files(board.path.parent)
    assert board.get("1").status == "applied"


def test_a_read_only_file_system_is_a_clear_error(board, monkeypatch):
    before = snapshot(board.path)

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", read_only)
    with pytest.raises(BoardError) as caught:
        add(board)
    assert_one_sentence(caught.value, "read-only file system", str(board.path))
    assert snapshot(board.path) == before
    assert no_temp_files(board.path.parent)


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_a_full_disk_is_a_clear_error(board, monkeypatch, failing):
    before = snapshot(board.path)
    board.applications()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "fsync":
        monkeypatch.setattr(os, "fsync", full)
    else:
        real_fdopen = os.fdopen

        class FullFile:
            def __init__(self, handle):
                self.handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

            def write(self, data):
                self.handle.write(data[: len(data) // 2])
                full()

        monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullFile(real_fdopen(fd, mode)))
    with pytest.raises(BoardError) as caught:
        board.update("1", lambda a: a.moved_to("silent", DAY))
    assert_one_sentence(caught.value, "disk is full", str(board.path), "unchanged")
    assert snapshot(board.path) == before
    assert no_temp_files(board.path.parent)
    monkeypatch.undo()
    assert board.get("1").status == "applied"
    board.update("1", lambda a: a.moved_to("silent", DAY))  # and the next save works
    assert BoardStore(board.path).get("1").status == "silent"


def test_a_full_disk_while_keeping_the_daily_backup_changes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "board.json"
    with pendulum.travel_to(pendulum.datetime(2026, 11, 16, 10), freeze=True):
        store = BoardStore(path)
        add(store)
    before = snapshot(path)
    real_replace = os.replace

    def full_in_backups(source, target, *args, **kwargs):
        if Path(target).parent.name == "board.json.backups":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", full_in_backups)
    with pendulum.travel_to(pendulum.datetime(2026, 11, 17, 10), freeze=True):
        with pytest.raises(BoardError, match="disk is full"):
            add(store)
    assert snapshot(path) == before
    assert no_temp_files(tmp_path)


def test_a_folder_fsync_refused_by_the_file_system_is_not_a_failed_save(board, monkeypatch):
    real_fsync = os.fsync

    def no_folder_fsync(fd):
        if os.path.isdir(f"/proc/self/fd/{fd}") or not os.path.isfile(f"/proc/self/fd/{fd}"):
            raise OSError(errno.EINVAL, "Invalid argument")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", no_folder_fsync)
    add(board, "Initech")
    assert BoardStore(board.path).applications()[-1].company == "Initech"


HOLDER = """
import sys, time
from jobboard.storage.store import BoardStore
with BoardStore(sys.argv[1]).lock_file():
    print("locked", flush=True)
    time.sleep(60)
"""


def hold_lock(path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True, env=env)
    assert holder.stdout.readline() == "locked\n"
    return holder


def test_a_lock_held_by_a_killed_process_does_not_block_the_next_run(board, monkeypatch):
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT_SECONDS", 2.0)
    holder = hold_lock(board.path)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    assert board.lock_path.exists()  # the lock file stays; the kernel dropped the lock itself
    add(board, "Initech")
    assert len(BoardStore(board.path).applications()) == 3


def test_a_lock_held_by_a_live_process_times_out_with_a_clear_error(board, monkeypatch):
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT_SECONDS", 0.3)
    before = snapshot(board.path)
    holder = hold_lock(board.path)
    try:
        with pytest.raises(BoardError) as caught:
            add(board, "Initech")
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert_one_sentence(caught.value, str(board.lock_path), "held by another jobboard", "retry")
    assert snapshot(board.path) == before
    add(board, "Initech")  # and once it is gone, the next run goes through


def test_a_lock_file_that_cannot_be_created_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(BoardError) as caught:
        add(BoardStore(blocker / "board.json"))
    assert_one_sentence(caught.value, "could not save")
    assert blocker.read_text() == "not a folder"


def test_an_unreadable_board_is_a_clear_error(board, monkeypatch):
    real_open = os.open  # the board is opened with os.open, so a FIFO never blocks the read

    def refuse(file, *args, **kwargs):
        if str(file) == str(board.path):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(BoardError) as caught:
        BoardStore(board.path).applications()
    assert_one_sentence(caught.value, "cannot read", str(board.path), "permissions")


def test_writer_thread_and_reader_thread_do_not_trip_over_each_other(board):
    errors: list[BaseException] = []

    def writer():
        try:
            for _ in range(30):
                board.update("1", lambda a: a.with_event(Event("note", DAY, note="x")))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    thread = threading.Thread(target=writer)
    thread.start()
    reader = BoardStore(board.path)
    while thread.is_alive():
        assert len(reader.applications()) == 2
    thread.join()
    assert errors == []
    assert len(reader.get("1").events) == 31
