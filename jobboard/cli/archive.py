"""`jobboard archive` and `unarchive`: putting applications away (off the board and the default
lists, next, export and stats) and bringing them back. Named in cli/main.py's LAZY_COMMANDS."""

from __future__ import annotations

import click

from jobboard.cli.session import Session, pass_session, say
from jobboard.core.counted import counted
from jobboard.core.model import today
from jobboard.formats.printable import one_line


def _put_away(session: Session, app_ids: tuple[str, ...], archived: bool) -> None:
    for app_id in app_ids:
        changed = session.store.update(app_id, lambda a: a.copy(archived=archived) if a.archived != archived else a)
        done = "Archived" if archived else "Brought back"
        say(one_line(f"{done} {changed.id}: {changed.company} — {changed.role}"), err=True)


@click.command()
@click.argument("app_ids", metavar="ID...", nargs=-1)
@click.option("--closed", is_flag=True, help="The closed cards archive_closed_after_days (config.toml) puts away.")
@pass_session
def archive(session: Session, app_ids: tuple[str, ...], closed: bool) -> None:
    """Put applications away: off the board and the default list, next, export and stats."""
    if closed == bool(app_ids):
        raise click.UsageError("give the ids to archive, or --closed (and no ids)")
    if closed:
        from jobboard.core.archiving import closed_and_quiet

        days = session.settings.archive_closed_after_days
        if days <= 0:
            raise click.ClickException(
                "archive_closed_after_days is not set in config.toml (e.g. 60); nothing archived"
            )
        etiquette, now = session.settings.etiquette, today()
        app_ids = tuple(a.id for a in session.store.applications() if closed_and_quiet(a, now, days, etiquette))
        if not app_ids:
            say(f"No closed card has been quiet for {counted(days, 'day')}.", err=True)
    _put_away(session, app_ids, True)


@click.command()
@click.argument("app_ids", metavar="ID...", nargs=-1, required=True)
@pass_session
def unarchive(session: Session, app_ids: tuple[str, ...]) -> None:
    """Bring archived applications back to the board."""
    _put_away(session, app_ids, False)
