"""Copies of the board in a folder named after it: `board.json` keeps them in `board.json.backups/`.

The first write of each day keeps the file as it was before that write, so a bad day (a
mistaken bulk import, a script gone wrong) can always be undone; upgrading the schema keeps a
copy first too. These are the regular copies, and the newest ``KEEP`` of them are kept.

A restore keeps the board it replaces as well, apart from the regular copies: restoring one
backup after another must never push out the very copies the user is choosing between. So
``before-restore`` copies have their own limit, and a board jobboard cannot read (cut short by
a sync, made by a newer jobboard) is kept as an ``unreadable`` copy with a limit of its own: it
may hold the user's latest changes, but it never takes a good copy's place. An empty board is
never copied at all.

A copy is named ``<board stem>-<YYYY-MM-DD_HHmmss>[-<n>]-<reason>.json``; ``n`` only appears
when two copies are made in the same second, so no copy ever overwrites another. For a
symlinked board the copies sit beside the real file (which a sync tool is watching). Copies in
the shared ``backups/`` folder that older versions used are still listed, restored and pruned.
"""

from __future__ import annotations

import re
from pathlib import Path

import pendulum

from jobboard.storage.board_json import BoardError, parse_board_bytes
from jobboard.storage.safefile import TEMP_SUFFIX, atomic_write, read_regular, real_file

KEEP = 7  # daily and before-schema copies
KEEP_RESTORE = 3  # before-restore copies
KEEP_UNREADABLE = 2  # copies of a board jobboard could not read
STAMP_FORMAT = "YYYY-MM-DD_HHmmss"
OLD_FOLDER = "backups"  # where copies were kept before they had a folder per board
RESTORE_REASON = "before-restore"
UNREADABLE_REASON = "unreadable"
_LIMITS = {RESTORE_REASON: KEEP_RESTORE, UNREADABLE_REASON: KEEP_UNREADABLE}


def backups_folder(board: Path) -> Path:
    """Where new copies of ``board`` go: ``<real file name>.backups`` beside the real file."""
    real = real_file(board)
    return real.parent / f"{real.name}.backups"


def _places(board: Path) -> list[tuple[Path, str]]:
    """Every (folder, name stem) holding copies of ``board``, the current folder first."""
    real = real_file(board)
    places = [(backups_folder(board), real.stem), (real.parent / OLD_FOLDER, real.stem)]
    places.append((board.parent / OLD_FOLDER, board.stem))  # beside a link, where they used to land
    return list(dict.fromkeys(places))


def _name_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{4}}-\d{{2}}-\d{{2}})_(\d{{6}})(?:-(\d+))?-([A-Za-z][\w-]*)\.json$")


def _group(reason: str) -> str:
    """Which limit a copy counts toward: its own for restores and unreadable boards."""
    return reason if reason in _LIMITS else "regular"


def _found(board: Path) -> list[tuple[tuple[str, str, int], str, Path]]:
    """(order key, reason, path) of every copy of ``board``, newest first."""
    found = []
    for folder, stem in _places(board):
        pattern = _name_pattern(stem)
        try:
            candidates = list(folder.iterdir())
        except OSError:
            continue
        for path in candidates:
            match = pattern.match(path.name)
            if match is not None:
                day, time, sequence, reason = match.groups()
                found.append(((day, time, int(sequence or 0)), reason, path))
    found.sort(key=lambda item: item[0], reverse=True)
    return found


def list_backups(board: Path) -> list[Path]:
    """This board's backups, newest first (both folders)."""
    return [path for _key, _reason, path in _found(board)]


def _ahead_of_now(key: tuple[str, str, int]) -> bool:
    """Whether a copy's (day, time, sequence) key dates it after now: the clock was set wrong
    when it was made."""
    day, time, _sequence = key
    return f"{day}_{time}" > pendulum.now().format(STAMP_FORMAT)


def future_dated(board: Path) -> list[Path]:
    """The copies of ``board`` whose name dates them after now, newest first."""
    return [path for key, _reason, path in _found(board) if _ahead_of_now(key)]


def find_backup(board: Path, name: str) -> Path | None:
    """The backup of ``board`` called ``name`` (newest, should both folders hold one)."""
    return next((path for path in list_backups(board) if path.name == name), None)


def keep_daily_backup(board: Path, checked: bool = False) -> Path | None:
    """Before the first write of the day, keep a copy of the current board (``checked``: the
    caller has just read this very file as a good board, so it is not parsed again)."""
    today = pendulum.now().format("YYYY-MM-DD")
    if any(key[0] == today and _group(reason) == "regular" for key, reason, _path in _found(board)):
        return None
    return backup_now(board, reason="daily", checked=checked)


def backup_now(board: Path, reason: str, checked: bool = False) -> Path | None:
    """Keep a copy of the board now, named by date, time and reason; prune old ones.

    Returns the new copy, or None when there is no board or it is empty (nothing to keep). A
    board that is not one jobboard can read is kept as an ``unreadable`` copy, whatever the
    reason given (``checked``: the caller knows it is readable: on a large board the check is a
    whole parse). Raises OSError when the copy cannot be written (the caller then must not go
    on to change the board).
    """
    try:
        raw = read_regular(real_file(board))
    except FileNotFoundError:
        return None
    if not raw.strip():
        return None
    if not checked and not _readable(raw, board):
        reason = UNREADABLE_REASON
    return keep_copy(board, raw, reason)


def _readable(raw: bytes, board: Path) -> bool:
    try:
        parse_board_bytes(raw, board)
    except BoardError:
        return False
    return True


def keep_copy(board: Path, payload: bytes, reason: str) -> Path:
    """Store ``payload`` as a backup of ``board`` (a name never used before); prune old ones.

    Call while holding the board's lock, as every writer of the board and its backups does."""
    if not re.fullmatch(r"[A-Za-z][\w-]*", reason):
        raise ValueError(f"a backup reason must be a word, not {reason!r}")
    stamp = pendulum.now().format(STAMP_FORMAT)
    folder, stem = backups_folder(board), real_file(board).stem
    target = folder / f"{stem}-{stamp}-{reason}.json"
    sequence = 1
    while target.exists():
        sequence += 1
        target = folder / f"{stem}-{stamp}-{sequence}-{reason}.json"
    atomic_write(target, payload)
    group = _group(reason)
    limit = _LIMITS.get(group, KEEP)
    same_group = [(key, path) for key, found_reason, path in _found(board) if _group(found_reason) == group]
    # A copy named after now was made while the clock was set wrong: it is not newer than the
    # copy just made, so it goes first, rather than today's copy going every day.
    ahead = [path for key, path in same_group if _ahead_of_now(key)]
    by_age = [path for _key, path in same_group if path not in ahead] + ahead
    for old in by_age[limit:]:
        if old != target:
            old.unlink(missing_ok=True)
    _remove_stale_temp_files(folder, stem)
    return target


def _remove_stale_temp_files(folder: Path, stem: str) -> None:
    # Backups are written under the board's lock, so a temp copy seen now was left by a
    # process killed mid-copy.
    prefix = f".{stem}-"
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
