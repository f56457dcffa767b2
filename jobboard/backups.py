"""Daily copies of the board in a `backups/` folder beside it.

The first write of each day keeps the file as it was before that write, so a bad day (a
mistaken bulk import, a script gone wrong) can always be undone. Restoring and upgrading the
schema keep a copy first too. The newest seven copies are kept, whatever their reason.

A backup is named ``<board>-<YYYY-MM-DD_HHmmss>[-<n>]-<reason>.json``; ``n`` only appears
when two copies are made in the same second, so no copy ever overwrites another.
"""

from __future__ import annotations

import re
from pathlib import Path

import pendulum

from jobboard.safefile import TEMP_SUFFIX, atomic_write

KEEP = 7
STAMP_FORMAT = "YYYY-MM-DD_HHmmss"


def backups_folder(board: Path) -> Path:
    return board.parent / "backups"


def _name_pattern(board: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(board.stem)}-(\d{{4}}-\d{{2}}-\d{{2}})_(\d{{6}})(?:-(\d+))?-([A-Za-z][\w-]*)\.json$"
    )


def _order(board: Path, path: Path) -> tuple[str, str, int] | None:
    match = _name_pattern(board).match(path.name)
    if match is None:
        return None
    day, time, sequence, _reason = match.groups()
    return (day, time, int(sequence or 0))


def list_backups(board: Path) -> list[Path]:
    """This board's backups, newest first."""
    folder = backups_folder(board)
    try:
        candidates = list(folder.iterdir())
    except OSError:
        return []
    keyed = [(key, path) for path in candidates if (key := _order(board, path)) is not None]
    return [path for _key, path in sorted(keyed, key=lambda pair: pair[0], reverse=True)]


def keep_daily_backup(board: Path) -> Path | None:
    """Before the first write of the day, copy the current board into backups/."""
    if not board.exists():
        return None
    today = pendulum.now().format("YYYY-MM-DD")
    if any(key[0] == today for path in list_backups(board) if (key := _order(board, path))):
        return None
    return backup_now(board, reason="daily")


def backup_now(board: Path, reason: str) -> Path | None:
    """Copy the board into backups/ now, named by date, time and reason; prune old ones.

    Returns the new copy, or None when there is no board to copy. Raises OSError when the
    copy cannot be written (the caller then must not go on to change the board).
    """
    if not board.exists():
        return None
    return keep_copy(board, board.read_bytes(), reason)


def keep_copy(board: Path, payload: bytes, reason: str) -> Path:
    """Store ``payload`` as a backup of ``board`` (a name never used before); prune old ones.

    Call while holding the board's lock, as every writer of the board and its backups does."""
    if not re.fullmatch(r"[A-Za-z][\w-]*", reason):
        raise ValueError(f"a backup reason must be a word, not {reason!r}")
    stamp = pendulum.now().format(STAMP_FORMAT)
    folder = backups_folder(board)
    target = folder / f"{board.stem}-{stamp}-{reason}.json"
    sequence = 1
    while target.exists():
        sequence += 1
        target = folder / f"{board.stem}-{stamp}-{sequence}-{reason}.json"
    atomic_write(target, payload)
    for old in list_backups(board)[KEEP:]:
        old.unlink(missing_ok=True)
    _remove_stale_temp_files(board)
    return target


def _remove_stale_temp_files(board: Path) -> None:
    # Backups are written under the board's lock, so a temp copy seen now was left by a
    # process killed mid-copy.
    prefix, folder = f".{board.stem}-", backups_folder(board)
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and name.endswith(TEMP_SUFFIX):
            try:
                (folder / name).unlink()
            except OSError:
                pass
