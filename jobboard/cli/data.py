"""`jobboard backups` and `restore`: the board's backups listed, newest first, and one brought back."""

from __future__ import annotations

from pathlib import Path

import click

from jobboard.cli.session import Session, pass_session, say
from jobboard.storage import backups
from jobboard.storage.safefile import MAX_FILE_BYTES, megabytes
from jobboard.storage.store import BoardError


@click.command(name="backups")
@pass_session
def list_backups(session: Session) -> None:
    """List the board's backups, newest first (one path a line)."""
    found = backups.list_backups(session.board_path)
    if not found:
        say(f"No backups yet beside {session.board_path} (one is kept each day the board changes).", err=True)
        return
    for path in found:
        say(str(path))
    ahead = backups.future_dated(session.board_path)
    if ahead:
        say(
            f"{len(ahead)} of these are dated after now (the clock was set wrong when they were made);"
            " they are pruned first, so they never push out today's copy.",
            err=True,
        )


@click.command()
@click.argument("backup", type=click.Path(dir_okay=False, path_type=Path))
@pass_session
def restore(session: Session, backup: Path) -> None:
    """Bring a backup back as the board (the current board is backed up first).

    BACKUP is a path, or just the name of a file in the board's backups folder."""
    chosen = find_backup(session.board_path, backup)
    saved = session.store.restore(chosen)
    if saved:
        say(f"Restored {chosen.name}; the board as it was is in {saved}.", err=True)
    else:
        say(f"Restored {chosen.name}.", err=True)


def find_backup(board: Path, backup: Path) -> Path:
    """``backup`` as given if it exists, else that name among the board's backups."""
    found = backup if backup.is_file() else None
    if found is None and backup.name == str(backup):
        found = backups.find_backup(board, backup.name)
    if found is not None:
        if found.stat().st_size > MAX_FILE_BYTES:
            raise BoardError(
                f"{found} is {megabytes(found.stat().st_size)}, more than the {megabytes(MAX_FILE_BYTES)} "
                "jobboard reads; the board is unchanged."
            )
        return found
    raise BoardError(f"there is no backup {backup}; `jobboard backups` lists them, the board is unchanged.")


__all__ = ["BoardError"]
