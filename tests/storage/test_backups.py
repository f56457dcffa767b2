"""Backups: one a day before the first change, the newest seven kept, `backups` and `restore`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest

from jobboard.core.model import new_application
from jobboard.storage import backups
from jobboard.storage.store import BoardStore
from tests.helpers.cli import run_cli

FIXTURES = Path(__file__).parents[1] / "fixtures" / "boards"


def on(day: int, hour: int = 10):
    return pendulum.travel_to(pendulum.datetime(2026, 11, day, hour, 0, 0), freeze=True)


def add(store: BoardStore, company: str) -> None:
    store.add(lambda i: new_application(i, company, "Dev"))


def test_the_first_write_of_each_day_keeps_the_file_as_it_was(tmp_path):
    path = tmp_path / "board.json"
    store = BoardStore(path)
    with on(1):
        add(store, "Day 1 a")  # creates the file: nothing to keep yet
        assert backups.list_backups(path) == []
        before_second = path.read_bytes()
        add(store, "Day 1 b")
        add(store, "Day 1 c")
    (first,) = backups.list_backups(path)
    assert first.name == "board-2026-11-01_100000-daily.json"
    assert first.read_bytes() == before_second
    with on(2, 9):
        before_day_2 = path.read_bytes()
        add(store, "Day 2")
        add(store, "Day 2 again")
    newest = backups.list_backups(path)[0]
    assert newest.name == "board-2026-11-02_090000-daily.json"
    assert newest.read_bytes() == before_day_2


def test_the_newest_seven_are_kept(tmp_path):
    path = tmp_path / "board.json"
    store = BoardStore(path)
    kept = {}
    for day in range(1, 13):
        with on(day):
            if path.exists():
                kept[day] = path.read_bytes()
            add(store, f"Day {day}")
    found = backups.list_backups(path)
    assert [p.name for p in found] == [f"board-2026-11-{d:02d}_100000-daily.json" for d in range(12, 5, -1)]
    assert [p.read_bytes() for p in found] == [kept[d] for d in range(12, 5, -1)]


def test_copies_made_in_the_same_second_never_overwrite_each_other(tmp_path):
    path = tmp_path / "board.json"
    path.write_bytes((FIXTURES / "v1.json").read_bytes())
    with on(3):
        made = []
        for n in range(3):
            path.write_bytes((FIXTURES / "v1.json").read_bytes() + b" " * n)
            made.append(backups.backup_now(path, reason="before-restore"))
    assert [p.name for p in made] == [
        "board-2026-11-03_100000-before-restore.json",
        "board-2026-11-03_100000-2-before-restore.json",
        "board-2026-11-03_100000-3-before-restore.json",
    ]
    assert backups.list_backups(path) == made[::-1]  # newest first
    assert [len(p.read_bytes()) - len(made[0].read_bytes()) for p in made] == [0, 1, 2]


def test_other_boards_and_stray_files_are_not_listed(tmp_path):
    path = tmp_path / "board.json"
    folder = backups.backups_folder(path)
    folder.mkdir()
    for name in (
        "board-2-2026-11-01_100000-daily.json",
        "notes.txt",
        ".board-x.json.abc.tmp",
        "boardroom-2026-11-01_100000-daily.json",
    ):
        (folder / name).write_text("{}")
    (folder / "board-2026-11-01_100000-daily.json").write_text("{}")
    assert [p.name for p in backups.list_backups(path)] == ["board-2026-11-01_100000-daily.json"]


# -- the CLI ------------------------------------------------------------------------------------


@pytest.fixture
def board_with_backups(tmp_path) -> Path:
    path = tmp_path / "board.json"
    store = BoardStore(path)
    for day in (1, 2, 3):
        with on(day):
            add(store, f"Day {day}")
    return path


def assert_restored(path: Path, backup: Path) -> None:
    """The board is the backup, but for the id counter, which a restore never moves back (issue 28)."""
    restored, copy = json.loads(path.read_bytes()), json.loads(backup.read_bytes())
    assert restored["applications"] == copy["applications"]
    assert restored["meta"]["1"]["next_id"] >= copy["meta"]["1"].get("next_id", 1)
    restored["meta"]["1"].pop("next_id"), copy["meta"]["1"].pop("next_id", None)
    assert restored == copy


def test_backups_lists_them_newest_first(board_with_backups):
    code, out, err = run_cli("--db", str(board_with_backups), "backups")
    assert code == 0 and err == ""
    assert out.splitlines() == [str(p) for p in backups.list_backups(board_with_backups)]
    assert len(out.splitlines()) == 2


def test_backups_on_a_board_without_any(tmp_path):
    code, out, err = run_cli("--db", str(tmp_path / "board.json"), "backups")
    assert code == 0 and out == "" and "No backups yet" in err


def test_restore_brings_a_backup_back_after_backing_up_the_current_file(board_with_backups):
    path = board_with_backups
    oldest = backups.list_backups(path)[-1]
    current = path.read_bytes()
    with on(4):
        code, out, err = run_cli("--db", str(path), "restore", str(oldest))
    assert code == 0, err
    assert_restored(path, oldest)  # with the id counter kept where the replaced board had it
    assert json.loads(path.read_bytes())["meta"]["1"]["next_id"] == json.loads(current)["meta"]["1"]["next_id"]
    saved = backups.list_backups(path)[0]
    assert saved.name == "board-2026-11-04_100000-before-restore.json"
    assert saved.read_bytes() == current
    assert str(saved) in err and err.count("\n") == 1
    assert [a.company for a in BoardStore(path).applications()] == ["Day 1"]


def test_restore_accepts_a_bare_backup_name(board_with_backups):
    path = board_with_backups
    newest = backups.list_backups(path)[0]
    with on(4):
        code, _, err = run_cli("--db", str(path), "restore", newest.name)
    assert code == 0, err
    assert_restored(path, newest)


def test_restore_works_when_the_board_is_damaged(board_with_backups):
    path = board_with_backups
    newest = backups.list_backups(path)[0]
    path.write_bytes(b'{"meta": {"1": {"sche')  # what a bad sync might leave
    with on(4):
        code, _, err = run_cli("--db", str(path), "restore", str(newest))
    assert code == 0, err
    assert BoardStore(path).applications()
    assert backups.list_backups(path)[0].read_bytes() == b'{"meta": {"1": {"sche'


def test_restoring_the_oldest_backup_survives_pruning(tmp_path):
    """The before-restore copy prunes the oldest backup, which may be the very one restored."""
    path = tmp_path / "board.json"
    store = BoardStore(path)
    for day in range(1, 10):
        with on(day):
            add(store, f"Day {day}")
    oldest = backups.list_backups(path)[-1]
    wanted = tmp_path / "wanted.json"
    wanted.write_bytes(oldest.read_bytes())
    with on(20):
        code, _, err = run_cli("--db", str(path), "restore", str(oldest))
    assert code == 0, err
    assert_restored(path, wanted)
    listed = [p.name for p in backups.list_backups(path)]
    assert len([name for name in listed if name.endswith("-daily.json")]) == backups.KEEP
    assert listed[0] == "board-2026-11-20_100000-before-restore.json"


@pytest.mark.parametrize(
    "content",
    [
        b"hello, not a board",
        b"",
        (FIXTURES / "newer-schema.json").read_bytes(),
        (FIXTURES / "bad-entry.json").read_bytes(),
        (FIXTURES / "wrong-shape-tinydb.json").read_bytes(),
    ],
)
def test_restoring_something_that_is_not_a_board_is_refused_and_changes_nothing(board_with_backups, tmp_path, content):
    path = board_with_backups
    impostor = tmp_path / "impostor.json"
    impostor.write_bytes(content)
    before, listed = path.read_bytes(), backups.list_backups(path)
    code, out, err = run_cli("--db", str(path), "restore", str(impostor))
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err and str(impostor) in err
    assert "the board is unchanged" in err or "upgrade jobboard" in err
    assert path.read_bytes() == before
    assert backups.list_backups(path) == listed


def test_restoring_a_missing_backup_is_one_line(board_with_backups):
    before = board_with_backups.read_bytes()
    code, _, err = run_cli("--db", str(board_with_backups), "restore", "board-1999-01-01_000000-daily.json")
    assert code == 1 and err.count("\n") == 1 and "jobboard backups" in err
    assert board_with_backups.read_bytes() == before


def test_backups_and_restore_through_a_real_process(board_with_backups, tmp_path):
    path = board_with_backups
    listed = subprocess.run(
        [sys.executable, "-m", "jobboard", "--db", str(path), "backups"], capture_output=True, text=True
    )
    assert listed.returncode == 0
    oldest = listed.stdout.splitlines()[-1]
    restored = subprocess.run(
        [sys.executable, "-m", "jobboard", "--db", str(path), "restore", oldest],
        capture_output=True,
        text=True,
    )
    assert restored.returncode == 0, restored.stderr
    assert_restored(path, Path(oldest))
    impostor = tmp_path / "notes.txt"
    impostor.write_text("not a board")
    before = path.read_bytes()
    refused = subprocess.run(
        [sys.executable, "-m", "jobboard", "--db", str(path), "restore", str(impostor)],
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "Traceback" not in refused.stderr
    assert path.read_bytes() == before


# -- restores, damaged boards and where the copies live (issue 20) --------------------------------


def week_of_daily_backups(tmp_path) -> Path:
    """A board made on Oct 31 and changed every day Nov 1-7: seven daily copies, Nov 1-7."""
    path = tmp_path / "board.json"
    store = BoardStore(path)
    with pendulum.travel_to(pendulum.datetime(2026, 10, 31, 10), freeze=True):
        add(store, "Oct 31")
    for day in range(1, 8):
        with on(day):
            add(store, f"Nov {day}")
    return path


def test_restores_in_a_row_never_delete_the_daily_copies(tmp_path):
    """Loss #4: four restores in a row after a bad sync deleted the copies of Nov 1-3."""
    path = week_of_daily_backups(tmp_path)
    dailies = {p.name: p.read_bytes() for p in backups.list_backups(path)}
    assert len(dailies) == backups.KEEP
    path.write_bytes(b'{"meta": {"1": {"sche')  # a sync tool leaves the board cut short
    with on(8):
        for name in sorted(dailies, reverse=True)[:4]:  # trying Nov 7, 6, 5, 4 in turn
            code, _, err = run_cli("--db", str(path), "restore", name)
            assert code == 0, err
    listed = {p.name: p.read_bytes() for p in backups.list_backups(path)}
    assert {name: listed.get(name) for name in dailies} == dailies
    restore_copies = [name for name in listed if name.endswith("-before-restore.json")]
    assert 0 < len(restore_copies) <= backups.KEEP_RESTORE


def test_a_damaged_board_is_kept_apart_and_never_takes_a_good_copys_slot(tmp_path):
    path = week_of_daily_backups(tmp_path)
    dailies = [p.name for p in backups.list_backups(path)]
    for day in range(8, 12):
        path.write_bytes(b'{"meta": {"1": {"sche' + str(day).encode())
        with on(day):
            code, _, err = run_cli("--db", str(path), "restore", dailies[0])
        assert code == 0, err
    names = [p.name for p in backups.list_backups(path)]
    assert set(dailies) <= set(names)
    unreadable = [name for name in names if name.endswith("-unreadable.json")]
    assert 0 < len(unreadable) <= backups.KEEP_UNREADABLE
    newest = backups.list_backups(path)[0]
    assert newest.read_bytes() == b'{"meta": {"1": {"sche11'  # the latest damaged board is still there


@pytest.mark.parametrize("content", [b"", b"  \n"])
def test_an_empty_board_is_never_backed_up(tmp_path, content):
    path = week_of_daily_backups(tmp_path)
    listed = backups.list_backups(path)
    newest = listed[0]
    path.write_bytes(content)
    with on(8):
        code, _, err = run_cli("--db", str(path), "restore", newest.name)
    assert code == 0, err
    assert backups.list_backups(path) == listed
    assert all(p.stat().st_size > 0 for p in listed)
    assert err.startswith(f"Restored {newest.name}") and err.count("\n") == 1


def test_backups_live_in_a_folder_named_after_the_board(tmp_path):
    path = tmp_path / "board.json"
    store = BoardStore(path)
    with on(1):
        add(store, "Day 1")
    with on(2):
        add(store, "Day 2")
    (copy,) = backups.list_backups(path)
    assert copy.parent == tmp_path / "board.json.backups"
    assert not (tmp_path / "backups").exists()
    # A second board in the same folder keeps its copies apart.
    other = tmp_path / "other.json"
    with on(1):
        add(BoardStore(other), "Other")
    with on(2):
        add(BoardStore(other), "Other again")
    (other_copy,) = backups.list_backups(other)
    assert other_copy.parent == tmp_path / "other.json.backups"
    assert backups.list_backups(path) == [copy]


def test_copies_in_the_old_backups_folder_are_still_listed_and_restorable(tmp_path):
    path = tmp_path / "board.json"
    store = BoardStore(path)
    with on(1):
        add(store, "Day 1")
    old_folder = tmp_path / "backups"
    old_folder.mkdir()
    old = old_folder / "board-2026-10-20_100000-daily.json"
    old.write_bytes(path.read_bytes())
    with on(2):
        add(store, "Day 2")
    code, out, err = run_cli("--db", str(path), "backups")
    assert code == 0, err
    listed = out.splitlines()
    assert len(listed) == 2 and listed[-1] == str(old)
    assert Path(listed[0]).parent == tmp_path / "board.json.backups"
    with on(3):
        code, _, err = run_cli("--db", str(path), "restore", old.name)
    assert code == 0, err
    assert_restored(path, old)
    assert [a.company for a in BoardStore(path).applications()] == ["Day 1"]


def test_copies_dated_in_the_future_never_push_out_todays(tmp_path):
    """A clock once set years ahead left seven copies dated 2031: today's copy is kept, and
    each day's after it, with the future ones pruned first."""
    path = tmp_path / "board.json"
    store = BoardStore(path)
    with on(1):
        add(store, "Day 1")
    folder = backups.backups_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    for day in range(1, 8):
        (folder / f"board-2031-01-{day:02d}_100000-daily.json").write_bytes(path.read_bytes())
    for day in (2, 3):
        with on(day):
            add(store, f"Day {day}")
    names = [p.name for p in backups.list_backups(path)]
    assert "board-2026-11-02_100000-daily.json" in names
    assert "board-2026-11-03_100000-daily.json" in names
    assert len(names) == backups.KEEP
    assert sum(name.startswith("board-2031") for name in names) == backups.KEEP - 2
    with on(3):
        status, out, err = run_cli("--db", str(path), "backups")
    assert status == 0 and "board-2026-11-03_100000-daily.json" in out
    assert "5 of these are dated after now" in err
