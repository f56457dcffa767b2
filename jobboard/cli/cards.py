"""The commands on one card: `jobboard add`, `list`, `show`, `move`, `delete` and `log`.

Named in cli/main.py's LAZY_COMMANDS, so opening the board never builds their options, and a
script's `jobboard add` loads this module and the group, not the other commands.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from jobboard.cli.session import DATE, Session, archive_options, in_view, pass_session, say
from jobboard.core.model import (
    EVENT_KINDS,
    INTERVIEW_KINDS,
    TEXT_FIELDS,
    Application,
    Event,
    normalise_event_kind,
    parse_time,
    status_title,
    time_now,
    today,
)
from jobboard.core.people import person_line
from jobboard.core.statuses import statuses_with_words
from jobboard.formats.printable import json_text, many_lines, one_line

if TYPE_CHECKING:
    from jobboard.core.what_happened import Logged


def text_options(function):
    for name in reversed(TEXT_FIELDS):
        function = click.option(f"--{name}", default="", help=f"The {name}.")(function)
    return function


@click.command()
@click.argument("company", required=False)
@click.argument("role", required=False)
@click.option("--from", "source", help="Fill the card from a posting: an http(s) URL, a saved page, or - (stdin).")
@click.option("--dry-run", is_flag=True, help="With --from: print what the posting says; write nothing.")
@click.option("--again", is_flag=True, help="With --from: add it even if it is already on the board.")
@click.option("--status", default="applied", show_default=True, help="Column to start in.")
@click.option("--applied", type=DATE, help="Date applied (YYYY-MM-DD); default today.")
@click.option("--moved", type=DATE, help="With --status: since when it is in that column; default today.")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@text_options
@click.option("--contact", default="", help="The recruiter's name (the first person; `people` adds more).")
@click.option("--email", default="", help="The recruiter's email.")
@pass_session
def add(
    session: Session,
    company: str,
    role: str,
    source,
    dry_run: bool,
    again: bool,
    status: str,
    applied,
    moved,
    tags,
    **text,
) -> None:
    """Add an application; prints its id alone, for scripts (docs/capture.md for --from)."""
    from jobboard.core.fields import check_email, check_url
    from jobboard.core.model import new_application
    from jobboard.core.validation import check_new

    posting: dict[str, str] = {}
    if source:
        from jobboard.cli.capturing import closed_warning, read_posting, refuse_duplicate

        timeout = session.settings.capture_timeout
        company, role, posting = read_posting(source, company or "", role or "", text, dry_run, timeout)
        if not again:
            refuse_duplicate(session.store.applications(), text["url"], company or "", role or "", dry_run)
        if dry_run:
            return
    for name, value in (("COMPANY", company), ("ROLE", role)):
        if not source and value is None:
            raise click.UsageError(f"Missing argument '{name}'.")
    company, role = company or "", role or ""
    status = session.status(status)
    for name, value in (("COMPANY", company), ("ROLE", role)):
        if not value.strip():
            raise click.BadParameter(f"{name.lower()} must not be empty", param_hint=name)
    for name, check in (("url", check_url), ("email", check_email)):
        try:
            text[name] = check(text[name])
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint=f"--{name}") from error
    if moved is not None and status == "applied":
        raise click.BadParameter(
            "--moved dates a card added to a later column; use it with --status", param_hint="--moved"
        )
    card = new_application(
        "0", company, role, status=status, applied_on=applied, moved_on=moved, tags=list(tags), **text
    )
    check_new(card, today())
    created = session.store.add(lambda app_id: card.copy(id=app_id, posting=posting))
    if posting:
        closed_warning(posting)
    say(created.id)


@click.command(name="list")
@click.option("--status", help="Only this column.")
@click.option("--json", "as_json", is_flag=True, help="A JSON array, for scripts.")
@click.option(
    "--sort", type=click.Choice(["urgency", "applied", "company"]), help="Order in a column (default: the board's)."
)
@archive_options
@pass_session
def list_applications(session: Session, status: str | None, as_json: bool, sort: str | None, view: str | None) -> None:
    """List the applications on the board (not the archived ones: see --archived, --all)."""
    if as_json:
        # The stored records, checked and in their usual shape, without building applications.
        records = [r for r in session.store.records() if in_view(r["archived"], view)]
        if status:
            status = session.status(status)
            records = [r for r in records if r["status"] == status]
        # Indented for a person at a terminal; compact (and several times faster) for a pipe.
        indent = 2 if sys.stdout.isatty() else None
        click.echo(json_text(json.dumps(records, ensure_ascii=False, indent=indent)))
        return
    applications = session.applications(view)
    if status:
        status = session.status(status)
        applications = [a for a in applications if a.status == status]
    if not applications:
        say(_nothing_to_list(session, view, status), err=True)
        return
    from jobboard.config.state_file import remembered_sort
    from jobboard.core.etiquette import next_step
    from jobboard.core.ordering import sort_key

    # Columns in board order; in each, the order the board shows (`s` there, or --sort).
    sort = sort or remembered_sort()
    order = {s: i for i, s in enumerate(session.settings.columns)}
    now, rules = today(), session.settings.etiquette
    at = time_now(now)
    steps = {a.id: next_step(a, now, rules, words=False, at=at) for a in applications} if sort == "urgency" else {}
    applications.sort(key=lambda a: (order.get(a.status, 99), sort_key(sort, a, steps.get(a.id))))
    say(format_table(applications))


def _nothing_to_list(session: Session, view: str | None, status: str | None) -> str:
    """Why `list` shows nothing, and what would show something."""
    if view == "archived":
        return "No archived applications."
    if status:
        return f"No applications in {status_title(status)}."
    put_away = len(session.applications("archived"))
    if put_away:
        return f"No applications on the board; {put_away} archived (jobboard list --archived shows them)."
    return "No applications yet. Add one: jobboard add COMPANY ROLE"


def format_table(applications: list[Application]) -> str:
    """The applications as a table, its columns aligned by the cells each character takes in
    a terminal (株式会社 takes two a character, 🚀 two), measured as the board measures them:
    rich.cells, which Textual draws with (rich comes with Textual; importing it loads no TUI)."""
    from rich.cells import cell_len

    from jobboard.core.dates import ago

    now = today()
    rows = [("ID", "STATUS", "COMPANY", "ROLE", "APPLIED")]
    for a in applications:
        rows.append((a.id, a.status, clip(a.company, 28), clip(a.role, 32), ago(a.applied_on, now)))
    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell + " " * (w - cell_len(cell)) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def clip(text: str, width: int) -> str:
    """``text`` on one line, at most ``width`` terminal cells (cut with an ellipsis)."""
    from rich.cells import cell_len, set_cell_size

    text = " ".join(one_line(text).split())  # control characters, newlines and tabs would break the table
    return text if cell_len(text) <= width else set_cell_size(text, width - 1).rstrip() + "…"


@click.command()
@click.argument("app_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True)
@pass_session
def show(session: Session, app_id: str, as_json: bool) -> None:
    """Show one application with its timeline and next step."""
    from jobboard.formats.export import exported_record

    application = session.store.get(app_id)
    now = today()
    if as_json:  # the record as the JSON export has it, with the derived `last_contact`
        record = exported_record(application, now, time_now(now))
        click.echo(json_text(json.dumps(record, ensure_ascii=False, indent=2)))
        return
    from jobboard.core.dates import ago
    from jobboard.core.etiquette import next_step, when_text
    from jobboard.core.last_contact import last_contact

    lines = [one_line(f"{application.company} — {application.role}  (id {application.id})")]
    lines.append(f"  status:   {status_title(application.status)}")
    lines.append(f"  applied:  {application.applied_on.isoformat()}")
    for name in TEXT_FIELDS:
        if value := getattr(application, name):
            lines.append(f"  {name + ':':<9} {many_lines(value) if name == 'notes' else one_line(value)}")
    if application.tags:
        lines.append(f"  tags:     {one_line(', '.join(application.tags))}")
    offer = [application.offer_amount, application.offer_deadline and f"answer by {application.offer_deadline}"]
    if any(offer) or application.offer_note:
        lines.append(one_line(f"  offer:    {' · '.join(part for part in [*offer, application.offer_note] if part)}"))
    for index, person in enumerate(application.people):
        lines.append(f"  {'people:' if index == 0 else '':<9} {one_line(person_line(person))}")
    if application.posting:
        from jobboard.cli.capturing import posting_lines

        lines.extend(posting_lines(application))
    at = time_now(now)
    step = next_step(application, now, session.settings.etiquette, at=at)
    lines.append("")
    if application.status != "wishlist":  # nothing has gone out yet: no contact to speak of
        contact = last_contact(application, now, at)
        lines.append(f"Last contact: {contact.isoformat()} ({ago(contact, now)})")
    when = when_text(step, now, session.settings.etiquette.holidays)
    lines.append(f"Next: {one_line(step.title)} ({when})\n  {one_line(step.why)}")
    lines.append("\nTimeline:")
    from jobboard.core.timeline import describe

    for event in sorted(application.events, key=lambda e: e.date, reverse=True):
        lines.append(one_line(f"  {event.date.isoformat()}  {describe(event)}"))
    say("\n".join(lines))


# `move --help`: every status, with the other words it may be given as (click keeps the \b block's lines).
MOVE_HELP = "\n\n".join(
    [
        "Move an application to another column, shown on the board or not.",
        "STATUS is one of these, or a word in brackets after it (any case):",
        "\b\n" + "\n".join(statuses_with_words()),
    ]
)


@click.command(help=MOVE_HELP, short_help="Move an application to another column.")
@click.argument("app_id", metavar="ID")
@click.argument("status")
@click.option("--date", "on", type=DATE, help="Date of the move (YYYY-MM-DD); default today.")
@pass_session
def move(session: Session, app_id: str, status: str, on) -> None:
    from jobboard.core.validation import AlreadyThere, moved

    status = session.status(status)
    now = today()
    try:
        session.store.update(app_id, lambda a: moved(a, status, on or now, now))
    except AlreadyThere as error:
        say(f"jobboard: {error}.", err=True)
        return
    if status not in session.settings.columns:
        hidden = f"Moved {app_id} to {status_title(status)}, a column the board does not show (its header counts it)."
        say(hidden, err=True)


@click.command()
@click.argument("app_id", metavar="ID")
@click.option("--yes", is_flag=True, help="Confirm: deleting cannot be undone from the shell.")
@pass_session
def delete(session: Session, app_id: str, yes: bool) -> None:
    """Delete an application (needs --yes)."""
    if not yes:
        raise click.UsageError("deleting needs --yes (the board keeps daily backups)")
    removed = session.store.delete(app_id)
    say(one_line(f"Deleted {removed.id}: {removed.company} — {removed.role}"), err=True)


LOG_KINDS = [kind for kind in EVENT_KINDS if kind != "status"]  # a move is `jobboard move`
LOG_HELP = f"""Record an event on application ID. KIND is one of: {", ".join(LOG_KINDS)}
(follow-up and "follow up" work too).

An interview moves a Wishlist, Applied or Silent card to Interviewed, and a reply brings a
Silent card back (docs/rules.md); --no-move keeps the column. One line on stderr says what was
logged, on which day (as the date given was read) and on which card."""


@click.command(help=LOG_HELP)
@click.argument("app_id", metavar="ID")
@click.argument("kind")
@click.option("--date", "on", type=DATE, help="The event's date; for an interview, its day (may be ahead).")
@click.option("--note", default="", help="A few words to keep with it.")
@click.option("--time", "at", help="Interview: its time, HH:MM (24 h).")
@click.option("--kind", "interview_kind", type=click.Choice(INTERVIEW_KINDS), help="Interview: what kind.")
@click.option("--with", "people", multiple=True, help="Interview: a person you meet (repeatable).")
@click.option("--no-move", "keep_column", is_flag=True, help="Keep the card in its column whatever the event.")
@pass_session
def log(session: Session, app_id: str, kind: str, on, note: str, at, interview_kind, people, keep_column) -> None:
    """Record an event (the help is LOG_HELP, which lists every kind)."""
    try:
        kind = normalise_event_kind(kind)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="KIND") from error
    if kind == "status":
        raise click.BadParameter("use `jobboard move ID STATUS` to change columns", param_hint="KIND")
    if kind != "interview" and (at or interview_kind or people):
        raise click.UsageError("--time, --kind and --with describe an interview; log KIND 'interview' to use them")
    if at is not None:
        try:
            at = parse_time(at)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--time") from error
    names = tuple(" ".join(name.split()) for name in people if name.strip())
    from jobboard.core.what_happened import log_what_happened

    now = today()
    event = Event(kind, on or now, note, None, at, interview_kind, names)
    outcome: list[Logged] = []

    def change(application: Application) -> Application:
        outcome[:] = [log_what_happened(application, event, now, move=not keep_column)]
        return outcome[0].application

    card = session.store.update(app_id, change)
    say(one_line(logged_line(card, event, outcome[0])), err=True)


def logged_line(card: Application, event: Event, logged: Logged) -> str:
    """One line saying what `log` did on which card, with the date as it was read ("next
    tuesday" on a Monday is tomorrow), e.g. Logged interview on Tue 17 Nov 2026 10:00 on 1
    (Monzo — Backend Engineer); moved it to Interviewed (--no-move keeps the column)."""
    from jobboard.core.dates import short_date
    from jobboard.core.model import STATUS_TITLES

    when = f"{short_date(event.date)} {event.date.year}" + (f" {event.time}" if event.time else "")
    card_words = f"{card.id} ({card.company} — {card.role})"
    if logged.merged:
        return f"{card_words} already had that interview on {when}; its details were merged into it."
    words = f"Logged {event.kind.replace('_', ' ')} on {when} on {card_words}"
    if logged.moved_to:
        words += f"; moved it to {STATUS_TITLES.get(logged.moved_to, logged.moved_to)} (--no-move keeps the column)"
    return f"{words}."
