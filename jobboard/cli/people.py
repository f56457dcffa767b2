"""`jobboard people` and `draft`: the people behind one application, and the message its next
step calls for (`offer` is cli/offer.py's).

Named in cli/main.py's LAZY_COMMANDS, so they load only when asked for. Every change is
made to the card as it is on disk (``store.update``); a person is chosen by their number in
the list `people ID` prints (1 = the first).
"""

from __future__ import annotations

import json
from typing import Any

import click

from jobboard.cli.session import DATE, CardCommands, Session, old_spelling, pass_session, say
from jobboard.core.model import time_now, today
from jobboard.core.people import DETAILS, DetailRefused, Person, make_person, person_line
from jobboard.formats.printable import json_text, one_line


def _number(people: list[Person], number: int, where: str) -> int:
    if not 1 <= number <= len(people):
        have = f"it lists {len(people)} (1 to {len(people)})" if people else "it lists nobody yet"
        raise click.BadParameter(f"no person number {number} on this application; {have}", param_hint=where)
    return number - 1


def detail_options(hidden: bool = False):  # noqa: ANN201 - a decorator of click commands
    """--role, --email, --phone, --profile, --note: a person's details, for `add` and `edit`."""
    options = [
        click.option("--role", hidden=hidden, help="recruiter, hiring_manager, interviewer, referrer, coworker..."),
        click.option("--email", hidden=hidden, help="Their email address."),
        click.option("--phone", hidden=hidden, help="Their phone number."),
        click.option("--profile", hidden=hidden, help="Their LinkedIn or other profile URL."),
        click.option("--note", hidden=hidden, help="A few words about them."),
    ]

    def decorate(function):  # noqa: ANN001, ANN202
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


def _given(details: dict[str, str | None]) -> dict[str, str]:
    return {key: value for key, value in details.items() if value is not None}


@click.group(cls=CardCommands)
def people() -> None:
    """The people of an application: list ID, add ID NAME, edit ID N, remove ID N."""


@people.command(name="list")
@click.argument("app_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="The list as JSON, for scripts.")
@click.option("--add", "add_name", metavar="NAME", hidden=True)
@click.option("--edit", "edit_number", type=int, metavar="N", hidden=True)
@click.option("--remove", "remove_number", type=int, metavar="N", hidden=True)
@click.option("--yes", is_flag=True, hidden=True)
@click.option("--name", hidden=True)
@detail_options(hidden=True)
@pass_session
def people_list(session: Session, app_id: str, as_json: bool, **old: Any) -> None:
    """List the people of an application, numbered (`jobboard people ID` says the same)."""
    if any(value not in (None, False) for value in old.values()):
        _old_spelling(session, app_id, old)
        return
    application = session.store.get(app_id)
    if as_json:
        records = [person.to_record() for person in application.people]
        click.echo(json_text(json.dumps(records, ensure_ascii=False, indent=2)))
        return
    if not application.people:
        say(f"Nobody listed yet. Add someone: jobboard people add {application.id} NAME --role recruiter")
        return
    for number, person in enumerate(application.people, start=1):
        note = f" — {person.note}" if person.note else ""
        say(one_line(f"{number:>3}  {person_line(person)}{note}"))


def _old_spelling(session: Session, app_id: str, old: dict[str, Any]) -> None:
    """`people ID --add NAME`, `--edit N`, `--remove N --yes`, as 0.1 spelled them."""
    add_name, edit_number, remove_number = old["add_name"], old["edit_number"], old["remove_number"]
    details = {key: old[key] for key in DETAILS}
    actions = (
        ("--add", add_name, "add ID NAME", people_add),
        ("--edit", edit_number, "edit ID N", people_edit),
        ("--remove", remove_number, "remove ID N", people_remove),
    )
    chosen = [(flag, words, command) for flag, value, words, command in actions if value is not None]
    if len(chosen) > 1:
        raise click.UsageError(f"use one of {', '.join(flag for flag, _, _ in chosen)} at a time")
    if not chosen:
        raise click.UsageError("--role, --email and the like go with `people add` or `people edit`")
    flag, words, command = chosen[0]
    with old_spelling(f"people ID {flag}", f"people {words}", command):
        if add_name is not None:
            add_person(session, app_id, add_name, _given(details), "--add")
        elif edit_number is not None:
            edit_person(session, app_id, edit_number, old["name"], _given(details), "--edit")
        else:
            remove_person(session, app_id, remove_number, old["yes"], "--remove")


def _refused(error: ValueError, where: str) -> click.BadParameter:
    """What was wrong with a person given on the command line, said of the option it came from."""
    return click.BadParameter(str(error), param_hint=f"--{error.detail}" if isinstance(error, DetailRefused) else where)


def add_person(session: Session, app_id: str, name: str, given: dict[str, str], where: str = "NAME") -> None:
    try:
        person = make_person(name, given.pop("role", "recruiter") or "recruiter", **given)
    except ValueError as error:
        raise _refused(error, where) from error
    changed = session.store.update(app_id, lambda a: a.copy(people=[*a.people, person]))
    say(one_line(f"Added {person.label()} to {changed.company}."), err=True)


def edit_person(
    session: Session, app_id: str, number: int, name: str | None, given: dict[str, str], where: str = "N"
) -> None:
    index = _number(session.store.get(app_id).people, number, where)

    def edit(application):  # noqa: ANN001, ANN202 - the card as it is on disk
        people = list(application.people)
        index_now = _number(people, number, where)
        old = people[index_now]
        values = {key: given.get(key, getattr(old, key)) for key in DETAILS}
        try:
            people[index_now] = make_person(name if name is not None else old.name, **values)
        except ValueError as error:
            raise _refused(error, where) from error
        return application.copy(people=people)

    changed = session.store.update(app_id, edit)
    say(one_line(f"Saved {changed.people[index].label()}."), err=True)


def remove_person(session: Session, app_id: str, number: int, yes: bool, where: str = "N") -> None:
    if not yes:
        raise click.UsageError("removing a person needs --yes")
    _number(session.store.get(app_id).people, number, where)
    removed: list[Person] = []

    def remove(application):  # noqa: ANN001, ANN202
        people = list(application.people)
        removed.append(people.pop(_number(people, number, where)))
        return application.copy(people=people)

    session.store.update(app_id, remove)
    say(one_line(f"Removed {removed[-1].label()}."), err=True)


@people.command(name="add")
@click.argument("app_id", metavar="ID")
@click.argument("name")
@detail_options()
@pass_session
def people_add(session: Session, app_id: str, name: str, **details: str | None) -> None:
    """Add a person to application ID (the role defaults to recruiter)."""
    add_person(session, app_id, name, _given(details))


@people.command(name="edit")
@click.argument("app_id", metavar="ID")
@click.argument("number", metavar="N", type=int)
@click.option("--name", help="The new name.")
@detail_options()
@pass_session
def people_edit(session: Session, app_id: str, number: int, name: str | None, **details: str | None) -> None:
    """Change person N (as `people list ID` numbers them): only the details given."""
    if name is None and not _given(details):
        raise click.UsageError("say what to change: --name, --role, --email, --phone, --profile or --note")
    edit_person(session, app_id, number, name, _given(details))


@people.command(name="remove")
@click.argument("app_id", metavar="ID")
@click.argument("number", metavar="N", type=int)
@click.option("--yes", is_flag=True, help="Confirm: the person is taken off the card.")
@pass_session
def people_remove(session: Session, app_id: str, number: int, yes: bool) -> None:
    """Take person N off application ID (needs --yes)."""
    remove_person(session, app_id, number, yes)


@click.command()
@click.argument("app_id", metavar="ID")
@click.option("--mailto", "as_mailto", is_flag=True, help="Print the mailto: URL (To, Subject, Body) instead.")
@click.option("--date", "on", type=DATE, help="As of this date (default today).")
@pass_session
def draft(session: Session, app_id: str, as_mailto: bool, on) -> None:  # noqa: ANN001 - click's date
    """Print the draft of an application's next step (To, Subject, body), or its mailto: URL."""
    from jobboard.core.etiquette import next_step, open_offers
    from jobboard.core.mailto import mailto_url, message_for

    as_of = on or today()
    application = session.store.get(app_id)
    offers = open_offers(session.applications(), as_of)
    step = next_step(application, as_of, session.settings.etiquette, offers=offers, at=time_now(as_of))
    message = message_for(application, step, as_of)
    if message is None:
        raise click.ClickException(one_line(f"the next step for {app_id} ({step.title}) is not a message to send"))
    if not as_mailto:
        say(message.text())
        return
    if message.to is None or not message.to.email:
        whom = message.to.words if message.to is not None else "this step"
        raise click.ClickException(
            one_line(f"no email address for {whom}; add one with `jobboard people add {app_id} NAME --email ADDRESS`")
        )
    try:
        url = mailto_url(message.to.email, message.subject, message.body)
    except ValueError as error:
        raise click.ClickException(
            one_line(f"the email of {message.to.words} is {error}; fix it: `jobboard people edit {app_id} N --email`")
        ) from None
    say(url)
