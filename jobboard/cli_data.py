"""CLI commands that move a board's data around: backups and restore (export, import, stats)."""

from __future__ import annotations

from pathlib import Path

import click

from jobboard import backups
from jobboard.cli import Session, cli, pass_session
from jobboard.safefile import atomic_write
from jobboard.store import BoardError, BoardStore


@cli.command(name="backups")
@pass_session
def list_backups(session: Session) -> None:
    """List the board's backups, newest first."""
    found = backups.list_backups(session.board_path)
    if not found:
        click.echo(
            f"No backups yet beside {session.board_path} (one is kept each day the board changes).", err=True
        )
        return
    for path in found:
        click.echo(str(path))


@cli.command()
@click.argument("backup", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_session
def restore(session: Session, backup: Path) -> None:
    """Bring a backup back as the board (the current board is backed up first)."""
    BoardStore(backup).check()  # refuse to restore something that is not a readable board
    with session.store.lock_file():
        saved = backups.backup_now(session.board_path, reason="before-restore")
        atomic_write(session.board_path, backup.read_bytes())
    if saved:
        click.echo(f"Restored {backup.name}; the board as it was is in {saved}.", err=True)
    else:
        click.echo(f"Restored {backup.name}.", err=True)


__all__ = ["BoardError"]
