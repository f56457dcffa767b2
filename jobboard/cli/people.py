"""`jobboard people`, `draft`, `offer`, `archive` and `unarchive`: the people behind one
application, the message its next step calls for, its offer, and putting it away.

Registered through cli.py's COMMAND_MODULES, so they load only when asked for. Every change is
made to the card as it is on disk (``store.update``); a person is chosen by their number in
the list `people ID` prints (1 = the first).
"""

from __future__ import annotations

import json

import click

from jobboard.cli.main import DATE, Session, cli, pass_session, say
from jobboard.core.model import today
from jobboard.core.people import DETAILS, Person, make_person, person_line
from jobboard.formats.printable import json_text, one_line


def _number(people: list[Person], number: int, option: str) -> int:
    if not 1 <= number <= len(people):
        have = f"it lists {len(people)} (1 to {len(people)})" if people else "it lists nobody yet"
        raise click.BadParameter(f"no person number {number} on this application; {have}", param_hint=option)
    return number - 1


@cli.command()
@click.argument("app_id", metavar="ID")
@click.option("--add", "add_name", metavar="NAME", help="Add a person with this name.")
@click.option("--edit", "edit_number", type=int, metavar="N", help="Change person N (see the list).")
@click.option("--remove", "remove_number", type=int, metavar="N", help="Take person N off (needs --yes).")
@click.option("--yes", is_flag=True, help="Confirm --remove.")
@click.option("--name", help="With --edit: the new name.")
@click.option("--role", help="recruiter, hiring_manager, interviewer, referrer, coworker or other.")
@click.option("--email", help="Their email address.")
@click.option("--phone", help="Their phone number.")
@click.option("--profile", help="Their LinkedIn or other profile URL.")
@click.option("--note", help="A few words about them.")
@click.option("--json", "as_json", is_flag=True, help="The list as JSON, for scripts.")
@pass_session
def people(
    session: Session,
    app_id: str,
    add_name: str | None,
    edit_number: int | None,
    remove_number: int | None,
    yes: bool,
    name: str | None,
    as_json: bool,
    **details: str | None,
) -> None:
    """List the people of an application, or add, edit or remove one."""
    actions = (("--add", add_name), ("--edit", edit_number), ("--remove", remove_number))
    chosen = [flag for flag, value in actions if value is not None]
    if len(chosen) > 1:
        raise click.UsageError(f"use one of {', '.join(chosen)} at a time")
    given = {key: value for key, value in details.items() if value is not None}
    if not chosen and (given or name is not None):
        raise click.UsageError("--role, --email and the like go with --add NAME or --edit N")
    if remove_number is not None and not yes:
        raise click.UsageError("removing a person needs --yes")

    def bad(error: ValueError, option: str) -> click.BadParameter:
        return click.BadParameter(str(error), param_hint=option)

    if add_name is not None:
        try:
            person = make_person(add_name, given.pop("role", "recruiter") or "recruiter", **given)
        except ValueError as error:
            raise bad(error, "--add") from error
        changed = session.store.update(app_id, lambda a: a.copy(people=[*a.people, person]))
        say(one_line(f"Added {person.label()} to {changed.company}."), err=True)
        return
    if edit_number is not None:
        current = session.store.get(app_id)
        index = _number(current.people, edit_number, "--edit")

        def edit(application):  # noqa: ANN001, ANN202 - the card as it is on disk
            people = list(application.people)
            index_now = _number(people, edit_number, "--edit")
            old = people[index_now]
            values = {key: given.get(key, getattr(old, key)) for key in DETAILS}
            try:
                people[index_now] = make_person(name if name is not None else old.name, **values)
            except ValueError as error:
                raise bad(error, "--edit") from error
            return application.copy(people=people)

        changed = session.store.update(app_id, edit)
        say(one_line(f"Saved {changed.people[index].label()}."), err=True)
        return
    if remove_number is not None:
        current = session.store.get(app_id)
        _number(current.people, remove_number, "--remove")

        removed: list[Person] = []

        def remove(application):  # noqa: ANN001, ANN202
            people = list(application.people)
            removed.append(people.pop(_number(people, remove_number, "--remove")))
            return application.copy(people=people)

        session.store.update(app_id, remove)
        say(one_line(f"Removed {removed[-1].label()}."), err=True)
        return
    application = session.store.get(app_id)
    if as_json:
        records = [person.to_record() for person in application.people]
        click.echo(json_text(json.dumps(records, ensure_ascii=False, indent=2)))
        return
    if not application.people:
        say(f"Nobody listed yet. Add someone: jobboard people {application.id} --add NAME --role recruiter")
        return
    for number, person in enumerate(application.people, start=1):
        note = f" — {person.note}" if person.note else ""
        say(one_line(f"{number:>3}  {person_line(person)}{note}"))


@cli.command()
@click.argument("app_id", metavar="ID")
@click.option("--mailto", "as_mailto", is_flag=True, help="Print the mailto: URL (To, Subject, Body) instead.")
@click.option("--date", "on", type=DATE, help="As of this date (default today).")
@pass_session
def draft(session: Session, app_id: str, as_mailto: bool, on) -> None:  # noqa: ANN001 - click's date
    """Print the draft of an application's next step (To, Subject, body), or its mailto: URL."""
    from jobboard.core.etiquette import next_step
    from jobboard.core.mailto import mailto_url, message_for

    as_of = on or today()
    application = session.store.get(app_id)
    step = next_step(application, as_of, session.settings.etiquette)
    message = message_for(application, step, as_of)
    if message is None:
        raise click.ClickException(one_line(f"the next step for {app_id} ({step.title}) is not a message to send"))
    if not as_mailto:
        say(message.text())
        return
    if message.to is None or not message.to.email:
        whom = message.to.words if message.to is not None else "this step"
        raise click.ClickException(
            one_line(f"no email address for {whom}; add one with `jobboard people {app_id} --add NAME --email ADDRESS`")
        )
    try:
        url = mailto_url(message.to.email, message.subject, message.body)
    except ValueError as error:
        raise click.ClickException(
            one_line(f"the email of {message.to.words} is {error}; fix it with `jobboard people {app_id} --edit N`")
        ) from None
    say(url)


@cli.command()
@click.argument("app_id", metavar="ID")
@click.option("--amount", help='What they offer, as you would write it ("EUR 70k + bonus").')
@click.option("--deadline", type=DATE, help="The date they want an answer by (YYYY-MM-DD).")
@click.option("--note", help="A few words to keep with the offer.")
@click.option("--date", "on", type=DATE, help="When the offer came (default today).")
@pass_session
def offer(session: Session, app_id: str, amount: str | None, deadline, note: str | None, on) -> None:  # noqa: ANN001
    """Record an offer: its details, and the card moved to Offer (with an `offer` event)."""
    if "offer" not in session.settings.columns:
        raise click.ClickException("the Offer column is not on this board; add \"offer\" to 'columns' in config.toml")
    received = on or today()
    if received > today():
        raise click.BadParameter(
            f"an offer cannot arrive in the future (today is {today().isoformat()})", param_hint="--date"
        )
    given = {"offer_amount": amount, "offer_note": note, "offer_deadline": deadline and deadline.isoformat()}
    given = {
        name: " ".join(value.split()) if name != "offer_note" else value.strip()
        for name, value in given.items()
        if value is not None
    }

    def record(application):  # noqa: ANN001, ANN202 - the card as it is on disk
        from jobboard.core.model import Event

        changed = application.copy(**given)
        if application.status != "offer":
            changed = changed.moved_to("offer", received)
        if not application.events_of("offer") or application.status != "offer":
            changed = changed.with_event(Event("offer", received, note=given.get("offer_amount", "")))
        return changed

    changed = session.store.update(app_id, record)
    due = f", answer by {changed.offer_deadline}" if changed.offer_deadline else ""
    say(one_line(f"Recorded the offer from {changed.company}{due}."), err=True)


def _put_away(session: Session, app_ids: tuple[str, ...], archived: bool) -> None:
    for app_id in app_ids:
        changed = session.store.update(app_id, lambda a: a.copy(archived=archived) if a.archived != archived else a)
        done = "Archived" if archived else "Brought back"
        say(one_line(f"{done} {changed.id}: {changed.company} — {changed.role}"), err=True)


@cli.command()
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
            say(f"No closed card has been quiet for {days} days.", err=True)
    _put_away(session, app_ids, True)


@cli.command()
@click.argument("app_ids", metavar="ID...", nargs=-1, required=True)
@pass_session
def unarchive(session: Session, app_ids: tuple[str, ...]) -> None:
    """Bring archived applications back to the board."""
    _put_away(session, app_ids, False)
