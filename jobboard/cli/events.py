"""`jobboard events ID`: a card's timeline, numbered, and editing or deleting one event.

    jobboard events ID [--json]                                   the events, oldest first, numbered
    jobboard events edit ID N [--date D] [--time HH:MM] [--note T]
    jobboard events delete ID N --yes

(0.1's `events ID --edit N` and `--delete N` still work, for one more release.)

Every change goes through jobboard.core.timeline (the same checks as `log` and `move`) and is applied
to the card as it is on disk, under the lock; a refused change is one line and leaves the file
as it was.
"""

from __future__ import annotations

import json

import click

from jobboard.cli.session import DATE, CardCommands, Session, old_spelling, pass_session, say
from jobboard.core.model import parse_time, today
from jobboard.formats.printable import json_text
from jobboard.formats.records import event_record


@click.group(cls=CardCommands)
def events() -> None:
    """A card's events: list ID, edit ID N (--date, --time, --note), delete ID N --yes."""


@events.command(name="list")
@click.argument("app_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="The events as JSON, each with its number.")
@click.option("--edit", "edit_n", type=click.IntRange(min=1), metavar="N", hidden=True)
@click.option("--delete", "delete_n", type=click.IntRange(min=1), metavar="N", hidden=True)
@click.option("--date", "on", type=DATE, hidden=True)
@click.option("--time", "at", hidden=True)
@click.option("--note", hidden=True)
@click.option("--yes", is_flag=True, hidden=True)
@pass_session
def events_list(session: Session, app_id: str, as_json: bool, edit_n, delete_n, on, at, note, yes: bool) -> None:  # noqa: ANN001
    """List a card's events, oldest first, numbered (`jobboard events ID` says the same)."""
    from jobboard.core import timeline

    if edit_n is not None and delete_n is not None:
        raise click.UsageError("give either --edit N or --delete N, not both")
    if edit_n is None and (on is not None or at is not None or note is not None):
        raise click.UsageError("--date, --time and --note change an event: `jobboard events edit ID N`")
    if edit_n is not None:
        with old_spelling("events ID --edit N", "events edit ID N", events_edit):
            edit_event(session, app_id, edit_n, on, at, note)
        return
    if delete_n is not None:
        with old_spelling("events ID --delete N", "events delete ID N", events_delete):
            delete_event(session, app_id, delete_n, yes)
        return
    application = session.store.get(app_id)
    if as_json:
        records = [{"n": n, **event_record(event)} for n, event in timeline.numbered(application)]
        click.echo(json_text(json.dumps(records, ensure_ascii=False, indent=2)))
        return
    for n in range(1, len(application.events) + 1):
        say(f"{n:>3}  {_line(application, n)}")


@events.command(name="edit")
@click.argument("app_id", metavar="ID")
@click.argument("number", metavar="N", type=click.IntRange(min=1))
@click.option("--date", "on", type=DATE, help="The event's new date.")
@click.option("--time", "at", help="An interview's new time, HH:MM ('' clears it).")
@click.option("--note", help="The event's new note ('' clears it).")
@pass_session
def events_edit(session: Session, app_id: str, number: int, on, at: str | None, note: str | None) -> None:  # noqa: ANN001
    """Change event N of a card (as `events ID` numbers them): its date, time or note."""
    edit_event(session, app_id, number, on, at, note)


@events.command(name="delete")
@click.argument("app_id", metavar="ID")
@click.argument("number", metavar="N", type=click.IntRange(min=1))
@click.option("--yes", is_flag=True, help="Confirm: the event is taken off the card.")
@pass_session
def events_delete(session: Session, app_id: str, number: int, yes: bool) -> None:
    """Delete event N of a card (needs --yes)."""
    delete_event(session, app_id, number, yes)


def edit_event(session: Session, app_id: str, number: int, on, at: str | None, note: str | None) -> None:  # noqa: ANN001
    from jobboard.core import timeline

    if on is None and at is None and note is None:
        raise click.UsageError("say what to change in the event: --date, --time or --note")
    if at:
        try:
            at = parse_time(at)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--time") from error
    now = today()
    changed = session.store.update(app_id, lambda a: timeline.edited(a, number, now, date=on, time=at, note=note))
    say(f"Changed event {number}: {_line(changed, number)}", err=True)


def delete_event(session: Session, app_id: str, number: int, yes: bool) -> None:
    from jobboard.core import timeline

    if not yes:
        raise click.UsageError("deleting an event needs --yes (`jobboard events ID` lists them first)")
    before = session.store.get(app_id)
    gone = before.events[timeline.position(before, number)]
    changed = session.store.update(app_id, lambda a: timeline.deleted(a, number))
    moved = f"; the card is now in {changed.status}" if changed.status != before.status else ""
    say(f"Deleted event {number}: {gone.date.isoformat()}  {timeline.describe(gone)}{moved}", err=True)


def _line(application, n: int) -> str:  # noqa: ANN001 - an Application
    from jobboard.core import timeline

    event = application.events[timeline.position(application, n)]
    return f"{event.date.isoformat()}  {timeline.describe(event)}"
