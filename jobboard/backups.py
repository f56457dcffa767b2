"""Daily copies of the board in a `backups/` folder beside it, and restoring one.

The first write of each day keeps the file as it was before that write, so a bad day (a
mistaken bulk import, a script gone wrong) can always be undone. The newest seven are kept.
"""

from __future__ import annotations

from pathlib import Path

import pendulum

from jobboard.safefile import atomic_write

KEEP = 7


def backups_folder(board: Path) -> Path:
    return board.parent / "backups"


def list_backups(board: Path) -> list[Path]:
    """This board's backups, newest first."""
    folder = backups_folder(board)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{board.stem}-*.json"), key=lambda p: p.name, reverse=True)


def keep_daily_backup(board: Path) -> Path | None:
    """Before the first write of the day, copy the current board into backups/."""
    if not board.exists():
        return None
    stamp = pendulum.now().format("YYYY-MM-DD")
    if any(p.name.startswith(f"{board.stem}-{stamp}") for p in list_backups(board)):
        return None
    return backup_now(board, reason="daily")


def backup_now(board: Path, reason: str) -> Path | None:
    """Copy the board into backups/ now, named by date, time and reason; prune old ones."""
    if not board.exists():
        return None
    stamp = pendulum.now().format("YYYY-MM-DD_HHmmss")
    target = backups_folder(board) / f"{board.stem}-{stamp}-{reason}.json"
    atomic_write(target, board.read_bytes())
    for old in list_backups(board)[KEEP:]:
        old.unlink(missing_ok=True)
    return target
