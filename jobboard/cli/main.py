"""The `jobboard` command: the board (TUI) by default, and a command for everything a script needs.

Only `jobboard` (no command) and `jobboard demo` import the TUI, so every other command starts
fast and never loads textual. Every error a user can cause is one line on stderr: exit status 2
for a usage error, 1 for anything else, and the board file untouched.

Starting fast matters for scripts that call jobboard in a loop, and on a small machine most of
a command's time is spent importing: so each command imports what it uses when it runs (dates
and the rules, the settings, the commands kept in other modules), not when this module loads.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from jobboard import __version__
from jobboard.cli.session import (
    DATE,
    Session,
    archive_options,
    in_view,
    pass_session,
    say,
)
from jobboard.config.settings import SettingsError
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
from jobboard.core.validation import Refused
from jobboard.formats.printable import json_text, many_lines, one_line
from jobboard.storage.store import BoardError, BoardStore

if TYPE_CHECKING:
    from jobboard.core.what_happened import Logged
    from jobboard.storage.kept_look import KeptLook
    from jobboard.storage.look_ahead import LookAhead
    from jobboard.tui.app import JobBoardApp

# The commands kept in other modules, as "module:attr": each module is imported only when its
# command is asked for (click's lazy group, as its documentation shows it).
LAZY_COMMANDS: dict[str, str] = {
    "export": "jobboard.cli.export:export_board",
    "import": "jobboard.cli.export:import_file",
    "stats": "jobboard.cli.export:stats",
    "backups": "jobboard.cli.data:list_backups",
    "restore": "jobboard.cli.data:restore",
    "themes": "jobboard.cli.themes:themes",
    "people": "jobboard.cli.people:people",
    "draft": "jobboard.cli.people:draft",
    "offer": "jobboard.cli.offer:offer",
    "archive": "jobboard.cli.archive:archive",
    "unarchive": "jobboard.cli.archive:unarchive",
    "events": "jobboard.cli.events:events",
    "serve": "jobboard.cli.serve:serve",
    "inbox": "jobboard.cli.inbox:inbox",
}


class LazyGroup(click.Group):
    """A click group whose commands in other modules load on first use, so `jobboard add` does
    not import what `jobboard export` needs. Listing the commands (help, completion, a mistyped
    name's suggestions) needs only their names; help's one-line summaries import them."""

    def __init__(self, *args: Any, lazy_commands: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_commands:
            module_name, attr = self.lazy_commands[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attr)
            if not isinstance(command, click.Command):
                raise TypeError(f"{self.lazy_commands[cmd_name]} is not a click command")
            return command
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.NoSuchCommand as error:  # suggest from every command, loaded or not
            raise click.NoSuchCommand(
                error.command_name, possibilities=self.list_commands(ctx), ctx=error.ctx
            ) from None

    def main(  # one signature for both of click's overloads: it always exits
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> NoReturn:
        """Run the CLI, turning every error a user can cause into one line on stderr and an exit
        status (2 for a usage error, 1 for the rest), whatever ``standalone_mode`` says; click's
        CliRunner runs exactly this."""
        try:
            result = super().main(args, prog_name or "jobboard", complete_var, standalone_mode=False, **extra)
        except click.exceptions.Abort:
            say("jobboard: aborted.", err=True)
            sys.exit(1)
        except click.ClickException as error:
            report_usage_error(error, sys.argv[1:] if args is None else list(args))
        except (BoardError, SettingsError) as error:
            say(f"jobboard: {one_line(str(error))}", err=True)
            sys.exit(1)
        except Refused as error:  # a date or change refused by jobboard.core.validation / timeline
            say(f"jobboard: {error}; the board is unchanged.", err=True)
            sys.exit(1)
        except BrokenPipeError:
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


@click.group(
    cls=LazyGroup,
    lazy_commands=LAZY_COMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--db", type=click.Path(dir_okay=False), envvar="JOBBOARD_DB", help="Board file (or $JOBBOARD_DB).")
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="JOBBOARD_CONFIG",
    help="config.toml (or $JOBBOARD_CONFIG).",
)
@click.option("--theme", help="Theme to open the board with (see `jobboard themes`).")
@click.version_option(__version__, prog_name="jobboard")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config: Path | None, theme: str | None) -> None:
    """A keyboard-first kanban for your job hunt. With no command, opens the board."""
    if db == "":
        raise click.BadParameter("give the board file's path, not an empty string", param_hint="'--db'")
    ctx.obj = Session(db, config, theme)
    if ctx.invoked_subcommand is None:
        run_board(ctx.obj, ctx.obj.store)


def run_board(session: Session, store: BoardStore, columns: Sequence[str] | None = None) -> None:
    from jobboard.core.model import ALL_STATUSES
    from jobboard.storage.kept_look import KeptLook
    from jobboard.storage.look_ahead import LookAhead, cards_to_look_at

    # A large board's first look is the one kept when it was last closed, if the file is as it
    # was then (jobboard.storage.kept_look); else a child process takes it, on another core,
    # while this one loads the settings and Textual (jobboard.storage.look_ahead).
    cards = cards_to_look_at()
    look_ahead = KeptLook.load(store.path, ALL_STATUSES, cards) or LookAhead.start(store.path, ALL_STATUSES, cards)
    try:
        app = _board_app(session, store, tuple(columns or session.settings.columns), look_ahead)
    except BaseException:
        if look_ahead is not None:
            look_ahead.close()
        raise
    app.run()
    if app.return_code:
        sys.exit(app.return_code)


def _board_app(
    session: Session, store: BoardStore, columns: tuple[str, ...], look_ahead: LookAhead | KeptLook | None
) -> JobBoardApp:
    from jobboard.cli.themes import theme_in_force

    # Themes are resolved before the terminal is taken over, so a wrong name is one plain line.
    chosen, loaded, problems = theme_in_force(session)

    from jobboard.tui.app import JobBoardApp  # the only place the TUI is imported

    return JobBoardApp(
        store,
        session.settings,
        columns=columns,
        theme=chosen,
        themes=loaded,
        theme_problems=problems,
        look_ahead=look_ahead,
    )


@cli.command()
@pass_session
def demo(session: Session) -> None:
    """Open the board on a sample job hunt in a temporary file (your board is not touched)."""
    import shutil
    import tempfile

    from jobboard.core.demo import demo_builds

    folder = Path(tempfile.mkdtemp(prefix="jobboard-demo-"))
    try:
        store = BoardStore(folder / "board.json")
        store.add_many(demo_builds(today()))
        # The demo shows the optional Wishlist column too, so every kind of advice appears.
        columns = ("wishlist", *[c for c in session.settings.columns if c != "wishlist"])
        from jobboard.core.model import ALL_STATUSES

        run_board(session, store, tuple(s for s in ALL_STATUSES if s in columns))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def text_options(function):
    for name in reversed(TEXT_FIELDS):
        function = click.option(f"--{name}", default="", help=f"The {name}.")(function)
    return function


@cli.command()
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
    session: Session, company: str, role: str, source, dry_run: bool, again: bool, status: str, applied, moved, tags,
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


@cli.command(name="list")
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


@cli.command()
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


@cli.command(help=MOVE_HELP, short_help="Move an application to another column.")
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


@cli.command()
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


@cli.command(help=LOG_HELP)
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
    outcome = []

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


@cli.command(name="next")
@click.argument("app_id", metavar="[ID]", required=False)
@click.option("--date", "on", type=DATE, help="As of this date (default today).")
@click.option("--all", "everything", is_flag=True, help="Also upcoming steps and applications to wait on.")
@click.option("--archived", "view", flag_value="archived", help="The archived applications' steps instead.")
@click.option("--json", "as_json", is_flag=True)
@pass_session
def next_steps(session: Session, app_id: str | None, on, everything: bool, view: str | None, as_json: bool) -> None:
    """What to do next: the steps due or overdue (highest stakes first), then housekeeping
    that is ready; with ID, that card's step and its draft in plain text."""
    from jobboard.core.etiquette import agenda, keep_going_note, when_text

    as_of = on or today()
    if app_id is not None:
        from jobboard.cli.next import one_card

        one_card(session.store.get(app_id), as_of, session.settings.etiquette, as_json, session.applications())
        return
    applications = session.applications(view)
    entries = agenda(applications, as_of, session.settings.etiquette, include_upcoming=everything, at=time_now(as_of))
    if as_json:
        records = [step_record(a, s, as_of) for a, s in entries]
        click.echo(json_text(json.dumps(records, ensure_ascii=False, indent=2)))
        return
    from jobboard.core.drafts import need_action_text

    states = [step.state for _, step in entries if step.snoozed_until is None]
    needed = need_action_text(states.count("due"), states.count("overdue"))
    if not entries or not everything:
        hint = "" if everything or entries else " `jobboard next --all` shows what is coming."
        say(f"{needed[0].upper()}{needed[1:]}.{hint}")
    from jobboard.core.rules import READY_HEADING

    headed = False
    for application, step in entries:
        if step.state == "ready" and not headed:  # housekeeping: last, under its own heading
            say(f"\n{READY_HEADING}:")
            headed = True
        when = when_text(step, as_of, session.settings.etiquette.holidays)
        say(f"{application.id:>4}  {when:<20} {one_line(step.title)}")
    from jobboard.core.etiquette import accepted_offer_note

    notes = (accepted_offer_note(applications, as_of), keep_going_note(applications, as_of, session.settings.etiquette))
    for note in notes:
        if note:
            say(f"\n{note}")


def step_record(application: Application, step, on=None) -> dict:  # noqa: ANN001 - a NextStep, a date
    return {
        "id": application.id,
        "company": application.company,
        "role": application.role,
        "status": application.status,
        "rule": step.rule,
        "title": step.title,
        "due": step.due.isoformat() if step.due else None,
        "state": step.state,
        "why": step.why,
        "principles": list(step.principles),
        "draft": step.draft,
        **_subject_and_body(step.draft),
        "to": _to_record(application, step.rule, on),
    }


def _subject_and_body(draft: str | None) -> dict:
    """The draft's subject line and body apart, for a mail client (None without a draft)."""
    if draft is None:
        return {"subject": None, "body": None}
    from jobboard.core.drafts import split_draft

    subject, body = split_draft(draft)
    return {"subject": subject, "body": body}


def _to_record(application: Application, rule: str, on) -> dict | None:  # noqa: ANN001 - a date
    """Whom the step writes to (name, email, profile, and the channel in words), or None."""
    from jobboard.core.addressing import addressee

    to = addressee(application, rule, on)
    return to.to_record() if to is not None else None


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: the CLI with ``argv`` (default: the command line); exits with its status."""
    cli.main(args=argv)


def report_usage_error(error: click.ClickException, args: list[str]) -> None:
    """One line on stderr for a usage error, then its exit status (2)."""
    if isinstance(error, click.NoSuchOption) and re.fullmatch(r"-\d", error.option_name):
        # `show -12`: click reads a negative number as options (-1, -2); as an id it cannot exist.
        given = next((a for a in args if re.fullmatch(r"-\d+", a) and a.startswith(error.option_name)), "")
        say(f"jobboard: {given or 'a negative number'} is not an id: ids are positive whole numbers.", err=True)
        sys.exit(error.exit_code)
    hint = ""
    if isinstance(error, click.UsageError) and error.ctx is not None:
        hint = f" (see `{error.ctx.command_path} --help`)"
    say(f"jobboard: {one_line(error.format_message())}{hint}", err=True)
    sys.exit(error.exit_code)


def run() -> None:
    """The installed `jobboard` command and `python -m jobboard`."""
    try:
        main()
    finally:
        try:
            sys.stdout.flush()
        except OSError:
            # A closed pipe (`jobboard list | head`): as Python's documentation advises, stdout
            # goes to devnull so that the interpreter's own flush at exit stays quiet.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
