"""Files that are not plain files: symlinked and read-only boards, FIFOs and devices as --db,
exports over something else than a regular file, and files too large to read (issue 20)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest

from jobboard.config.settings import Settings
from jobboard.core.model import new_application
from jobboard.storage import backups
from jobboard.storage.safefile import (
    MAX_FILE_BYTES,
    FileRefused,
    atomic_write,
    check_replaceable,
    read_regular,
    real_file,
)
from jobboard.storage.store import BoardError, BoardStore
from tests.helpers.cli import run_cli


def on(day: int):
    return pendulum.travel_to(pendulum.datetime(2026, 11, day, 10), freeze=True)


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a file's bytes, or where a link leads."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[str(path)] = f"-> {os.readlink(path)}"
        elif path.is_file():
            found[str(path)] = path.read_bytes()
    return found


# -- a symlinked board ------------------------------------------------------------------------------


@pytest.fixture
def linked_board(tmp_path) -> tuple[Path, Path]:
    """board.json in home/ is a link to sync/jobs.json (a synced folder, say)."""
    (tmp_path / "sync").mkdir()
    (tmp_path / "home").mkdir(exist_ok=True)
    real, link = tmp_path / "sync" / "jobs.json", tmp_path / "home" / "board.json"
    with on(1):
        BoardStore(real).add(lambda i: new_application(i, "Acme", "Dev"))
    link.symlink_to(real)
    return link, real


def test_a_symlinked_board_is_written_through_the_link(linked_board):
    link, real = linked_board
    with on(2):
        code, out, err = run_cli("--db", str(link), "add", "Globex", "Ops")
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert [a.company for a in BoardStore(real).applications()] == ["Acme", "Globex"]
    # The copies, the lock and any temporary file sit beside the real file, which is synced.
    (copy,) = backups.list_backups(link)
    assert copy.parent == real.parent / "jobs.json.backups"
    assert not (link.parent / "board.json.backups").exists() and not (link.parent / "backups").exists()
    assert sorted(p.name for p in link.parent.iterdir()) == ["board.json"]
    code, out, _ = run_cli("--db", str(link), "backups")
    assert out.splitlines() == [str(copy)]


def test_a_store_opened_on_the_link_keeps_the_link_too(linked_board):
    link, real = linked_board
    with on(1):
        BoardStore(link).update("1", lambda a: a.moved_to("interviewed", pendulum.date(2026, 11, 1)))
    assert link.is_symlink()
    assert BoardStore(real).get("1").status == "interviewed"


def test_restoring_through_a_link_replaces_the_real_file(linked_board):
    link, real = linked_board
    with on(2):
        run_cli("--db", str(link), "add", "Globex", "Ops")
    (daily,) = backups.list_backups(link)
    with on(3):
        code, _, err = run_cli("--db", str(link), "restore", daily.name)
    assert code == 0, err
    # The backup's cards; the id counter stays where the replaced board had it (issue 28).
    assert (
        link.is_symlink()
        and json.loads(real.read_bytes())["applications"] == json.loads(daily.read_bytes())["applications"]
    )


# -- a read-only board ----------------------------------------------------------------------------


def test_a_read_only_board_is_refused_in_one_line_and_nothing_is_written(tmp_path):
    path = tmp_path / "board.json"
    with on(1):
        BoardStore(path).add(lambda i: new_application(i, "Acme", "Dev"))
    path.chmod(0o444)  # root may still write it: jobboard looks at the mode itself
    before = snapshot(tmp_path)
    for day, argv in ((2, ("add", "Globex", "Ops")), (2, ("move", "1", "interviewed")), (3, ("delete", "1", "--yes"))):
        with on(day):
            code, out, err = run_cli("--db", str(path), *argv)
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and "read-only" in err and str(path) in err and "unchanged" in err, err
    assert snapshot(tmp_path) == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    code, out, _ = run_cli("--db", str(path), "list")  # reading it is fine
    assert code == 0 and "Acme" in out


def test_a_restore_onto_a_read_only_board_keeps_no_copy_and_changes_nothing(tmp_path):
    path = tmp_path / "board.json"
    with on(1):
        BoardStore(path).add(lambda i: new_application(i, "Acme", "Dev"))
    backup = tmp_path / "elsewhere.json"
    backup.write_bytes(path.read_bytes())
    path.chmod(0o444)
    before = snapshot(tmp_path)
    with on(2), pytest.raises(BoardError, match="read-only"):
        BoardStore(path).restore(backup)
    assert snapshot(tmp_path) == before  # not even a before-restore copy


def test_two_links_to_one_board_share_its_lock(linked_board, tmp_path):
    link, real = linked_board
    other = tmp_path / "other-link.json"
    other.symlink_to(real)
    assert BoardStore(link).lock_path == BoardStore(other).lock_path == real.with_name("jobs.json.lock")


# -- --db that is not a regular file --------------------------------------------------------------


def test_an_empty_db_is_a_usage_error():
    code, _, err = run_cli("--db", "", "list")
    assert code == 2 and err.count("\n") == 1 and "--db" in err and "empty" in err


def test_a_folder_device_or_fifo_as_db_is_refused_at_once(tmp_path):
    fifo = tmp_path / "board.json"
    os.mkfifo(fifo)
    # A separate process, so a hang (what a FIFO did) fails the test instead of stalling it.
    for target in (fifo, Path("/dev/zero"), Path("/dev/null")):
        for argv in (("--db", str(target), "list"), ("--db", str(target), "add", "Acme", "Dev")):
            done = subprocess.run(
                [sys.executable, "-m", "jobboard", *argv], capture_output=True, text=True, timeout=60
            )
            assert done.returncode == 1, done.stderr
            assert done.stderr.count("\n") == 1 and "not a regular file" in done.stderr and str(target) in done.stderr
    env = {**os.environ, "JOBBOARD_DB": str(fifo)}
    done = subprocess.run(
        [sys.executable, "-m", "jobboard", "next"], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 1 and "FIFO" in done.stderr
    folder = tmp_path / "folder"
    folder.mkdir()
    code, _, err = run_cli("--db", str(folder), "list")
    assert code == 2 and "directory" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_board_turned_into_a_fifo_under_an_open_store_is_refused(tmp_path):
    path = tmp_path / "board.json"
    store = BoardStore(path)
    store.add(lambda i: new_application(i, "Acme", "Dev"))
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(BoardError, match="FIFO"):
        store.applications()


# -- exports --------------------------------------------------------------------------------------


@pytest.fixture
def board(tmp_path) -> Path:
    path = tmp_path / "board.json"
    BoardStore(path).add(lambda i: new_application(i, "Acme", "Dev"))
    return path


def test_export_refuses_to_replace_a_fifo_or_a_symlink(board, tmp_path):
    fifo, target, link = tmp_path / "out.fifo", tmp_path / "kept.md", tmp_path / "link.md"
    os.mkfifo(fifo)
    target.write_text("keep me")
    link.symlink_to(target)
    for output, kind in ((fifo, "FIFO"), (link, "symbolic link")):
        code, out, err = run_cli("--db", str(board), "export", "-o", str(output))
        assert code == 1 and out == "" and err.count("\n") == 1 and kind in err and str(output) in err, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert link.is_symlink() and target.read_text() == "keep me"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_refuses_a_read_only_file_and_writes_a_regular_one(board, tmp_path):
    kept = tmp_path / "kept.md"
    kept.write_text("keep me")
    kept.chmod(0o444)
    code, _, err = run_cli("--db", str(board), "export", "-o", str(kept))
    assert code == 1 and "read-only" in err and kept.read_text() == "keep me"
    fresh = tmp_path / "report.md"
    fresh.write_text("old report")
    code, _, err = run_cli("--db", str(board), "export", "-o", str(fresh))
    assert code == 0 and "Acme" in fresh.read_text()


def test_devices_are_never_replaced():
    # Checked without writing: as root a failing check would replace /dev/null for everyone.
    with pytest.raises(FileRefused, match="a device"):
        check_replaceable(Path("/dev/null"))


async def test_x_in_the_tui_refuses_a_symlink_where_the_report_goes(board, tmp_path):
    from jobboard.tui.app import JobBoardApp

    target = tmp_path / "elsewhere.md"
    target.write_text("keep me")
    link = tmp_path / "report.md"
    link.symlink_to(target)
    app = JobBoardApp(BoardStore(board), Settings(export_name=str(link)))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        for _ in range(250):
            if app.loaded:
                break
            await pilot.pause(0.02)
        await pilot.press("x")
        await app.flush()
        for _ in range(250):
            toasts = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
            if "symbolic link" in toasts:
                break
            await pilot.pause(0.02)
        assert "symbolic link" in toasts and str(link) in toasts
    assert link.is_symlink() and target.read_text() == "keep me"


# -- size ------------------------------------------------------------------------------------------


def test_a_board_larger_than_the_limit_is_refused_with_its_size(tmp_path):
    path = tmp_path / "board.json"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space is used
    code, out, err = run_cli("--db", str(path), "list")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "more than the 200 MB jobboard reads" in err and str(path) in err
    code, _, err = run_cli("--db", str(tmp_path / "other.json"), "import", str(path))
    assert code == 1 and "200 MB" in err


def test_read_regular_reads_up_to_the_limit(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"x" * 10)
    assert read_regular(path, limit=10) == b"x" * 10
    with pytest.raises(FileRefused, match="more than"):
        read_regular(path, limit=9)


def test_a_write_never_follows_a_link_unless_asked(tmp_path):
    real, link = tmp_path / "real", tmp_path / "link"
    real.write_bytes(b"old")
    link.symlink_to(real)
    with pytest.raises(FileRefused):
        atomic_write(link, b"new")
    atomic_write(real_file(link), b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_restoring_a_backup_larger_than_the_limit_is_refused(board, tmp_path):
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    before = board.read_bytes()
    code, _, err = run_cli("--db", str(board), "restore", str(huge))
    assert code == 1 and "200 MB" in err and "unchanged" in err and err.count("\n") == 1
    assert board.read_bytes() == before


# -- the lock file ---------------------------------------------------------------------------------


def test_a_lock_file_without_permissions_is_named_not_the_folder(board):
    from jobboard.storage.safefile import describe_os_error

    lock = board.with_name("board.json.lock")
    lock.touch()
    lock.chmod(0o000)
    # What opening it raises for a user other than root (root may open any file).
    error = PermissionError(13, "Permission denied", str(lock))
    message = describe_os_error(board, error)
    assert str(lock) in message and "000" in message and "chmod 644" in message
    assert "folder" not in message and "unchanged" in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root opens a file of any mode")
def test_a_lock_file_without_permissions_through_the_cli(board):
    lock = board.with_name("board.json.lock")
    lock.touch()
    lock.chmod(0o000)
    before = board.read_bytes()
    code, _, err = run_cli("--db", str(board), "add", "Globex", "Ops")
    assert code == 1 and str(lock) in err and "000" in err and "folder" not in err
    assert board.read_bytes() == before


def test_a_board_changed_on_disk_is_parsed_once_the_old_one_is_let_go(tmp_path, monkeypatch):
    """Re-reading after another process's write: the board read before is dropped before the
    new bytes are parsed, so two boards never fill memory together (at 10,000 applications the
    TUI's memory grew at each reload while they did)."""
    from jobboard.storage import board_file

    path = tmp_path / "board.json"
    store = BoardStore(path)
    store.add(lambda app_id: new_application(app_id, "Acme", "SRE"))
    assert len(store.applications()) == 1
    BoardStore(path).add(lambda app_id: new_application(app_id, "Zeta", "SRE"))  # another process
    held_while_parsing = []
    parse = board_file.parse_board_bytes

    def watched(raw: bytes, where: Path) -> dict:
        held_while_parsing.append(store.file.data)
        return parse(raw, where)

    monkeypatch.setattr(board_file, "parse_board_bytes", watched)
    assert [a.company for a in store.applications()] == ["Acme", "Zeta"]
    assert held_while_parsing == [None]
