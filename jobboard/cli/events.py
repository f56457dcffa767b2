"""`jobboard events ID`: a card's timeline, numbered, and editing or deleting one event.

    jobboard events ID [--json]                                   the events, oldest first, numbered
    jobboard events ID --edit N [--date D] [--time HH:MM] [--note T]
    jobboard events ID --delete N --yes

Every change goes through jobboard.core.timeline (the same checks as `log` and `move`) and is applied
to the card as it is on disk, under the lock; a refused change is one line and leaves the file
as it was.
"""

from __future__ import annotations

import json

import click

from jobboard.cli.main import DATE, Session, cli, pass_session, say
from jobboard.core.model import parse_time, today
from jobboard.formats.printable import json_text
from jobboard.formats.records import event_record


@cli.command(name="events")
@click.argument("app_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="The events as JSON, each with its number.")
@click.option("--edit", "edit_n", type=click.IntRange(min=1), metavar="N", help="Change event N.")
@click.option("--delete", "delete_n", type=click.IntRange(min=1), metavar="N", help="Delete event N (with --yes).")
@click.option("--date", "on", type=DATE, help="With --edit: the event's new date.")
@click.option("--time", "at", help="With --edit: an interview's new time, HH:MM ('' clears it).")
@click.option("--note", help="With --edit: the event's new note ('' clears it).")
@click.option("--yes", is_flag=True, help="Confirm a --delete.")
@pass_session
def events(session: Session, app_id: str, as_json: bool, edit_n, delete_n, on, at, note, yes: bool) -> None:
    """List a card's events, numbered; edit one (--edit N) or delete one (--delete N --yes)."""
    from jobboard.core import timeline

    if edit_n is not None and delete_n is not None:
        raise click.UsageError("give either --edit N or --delete N, not both")
    if edit_n is None and (on is not None or at is not None or note is not None):
        raise click.UsageError("--date, --time and --note change an event: say which with --edit N")
    if edit_n is not None:
        if on is None and at is None and note is None:
            raise click.UsageError("--edit N needs what to change: --date, --time or --note")
        if at:
            try:
                at = parse_time(at)
            except ValueError as error:
                raise click.BadParameter(str(error), param_hint="--time") from error
        now = today()
        changed = session.store.update(app_id, lambda a: timeline.edited(a, edit_n, now, date=on, time=at, note=note))
        say(f"Changed event {edit_n}: {_line(changed, edit_n)}", err=True)
        return
    if delete_n is not None:
        if not yes:
            raise click.UsageError("deleting an event needs --yes (`jobboard events ID` lists them first)")
        before = session.store.get(app_id)
        gone = before.events[timeline.position(before, delete_n)]
        changed = session.store.update(app_id, lambda a: timeline.deleted(a, delete_n))
        moved = f"; the card is now in {changed.status}" if changed.status != before.status else ""
        say(f"Deleted event {delete_n}: {gone.date.isoformat()}  {timeline.describe(gone)}{moved}", err=True)
        return
    application = session.store.get(app_id)
    if as_json:
        records = [{"n": n, **event_record(event)} for n, event in timeline.numbered(application)]
        click.echo(json_text(json.dumps(records, ensure_ascii=False, indent=2)))
        return
    for n in range(1, len(application.events) + 1):
        say(f"{n:>3}  {_line(application, n)}")


def _line(application, n: int) -> str:  # noqa: ANN001 - an Application
    from jobboard.core import timeline

    event = application.events[timeline.position(application, n)]
    return f"{event.date.isoformat()}  {timeline.describe(event)}"
