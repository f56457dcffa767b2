"""CLI commands that take data out and bring it in: export, import, stats."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jobboard.cli.session import DATE, Session, archive_options, pass_session, say
from jobboard.core.counted import counted
from jobboard.core.model import Application, status_title, today
from jobboard.formats.printable import json_text, many_lines, one_line
from jobboard.storage.board_json import paused_gc
from jobboard.storage.safefile import READ_ONLY, FileRefused, atomic_write, read_regular
from jobboard.storage.store import BoardError

if TYPE_CHECKING:
    from jobboard.core.stats import BoardStats

FORMATS = ("markdown", "csv", "json", "ics")
PROGRESS_FROM_ROWS = 500  # smaller files import before a bar would even draw


def render_export(session: Session, fmt: str, on, details: bool, todos: bool = False, view: str | None = None) -> str:
    from jobboard.formats import export

    settings = session.settings
    if fmt == "markdown":
        from jobboard.config.state_file import remembered_sort

        sort = remembered_sort()  # the order chosen on the board with `s`
        return export.to_markdown(session.applications(view), on, settings.columns, settings.etiquette, details, sort)
    applications = session.applications(view)
    if fmt == "csv":
        return export.to_csv(applications, on)
    if fmt == "json":
        return export.to_json(applications, on)
    return export.to_ics(applications, on, settings.etiquette, todos=todos)


def given_new_id(application: Application) -> Callable[[str], Application]:
    """How the store adds an imported application: as it was read, under the id it hands out."""
    return lambda new_id: application.copy(id=new_id)


@click.command(name="export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="markdown", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write.")
@click.option("--date", "on", type=DATE, help="Work out next steps and last contact as of this date (default today).")
@click.option("--details", is_flag=True, help="Markdown: add each application's url, notes and timeline.")
@click.option("--todos", is_flag=True, help="ICS: next steps as to-dos (VTODO) instead of all-day events.")
@archive_options
@pass_session
def export_board(
    session: Session, fmt: str, output: Path | None, on, details: bool, todos: bool, view: str | None
) -> None:
    """Export the board: a markdown report, CSV, JSON (lossless) or an ICS calendar."""
    with paused_gc():  # tens of thousands of short-lived objects; see board_json.paused_gc
        text = render_export(session, fmt, on or today(), details, todos, view)
    if output is None:
        if sys.stdout.isatty():
            # Read on screen, not kept: a control character in a CSV cell (an escape sequence
            # in a company name) must not reach the terminal. Piped or with -o, nothing changes.
            text = many_lines(text)
        # CSV carries its own CRLF line ends; write bytes so nothing translates them.
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    try:
        atomic_write(output.expanduser(), text.encode("utf-8"))
    except FileRefused as error:
        if error.strerror == READ_ONLY:
            raise BoardError(f"could not write {error}; allow writing to it or choose another file.") from error
        raise BoardError(
            f"could not write {error}; jobboard only replaces a regular file: choose another, or leave out -o."
        ) from error
    except OSError as error:
        raise BoardError(f"could not write {output}: {error.strerror or error}.") from error
    say(f"Wrote {output}", err=True)


class ImportCommand(click.Command):
    """`import`, whose --help ends with every header and status word the importer knows (read
    from formats/importing.py when the help is asked for, so it never goes stale)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from jobboard.core.statuses import STATUS_WORDS
        from jobboard.formats.importing import ARCHIVED_WORDS, HEADER_ALIASES

        with formatter.section("Headers read (any case, spaces and punctuation ignored)"):
            formatter.write_dl([(name, ", ".join(aliases)) for name, aliases in HEADER_ALIASES.items()])
        with formatter.section("Status words"):
            rows = [(status_title(s), ", ".join((status_title(s), *words))) for s, words in STATUS_WORDS.items()]
            formatter.write_dl([*rows, ("(archived)", ", ".join(ARCHIVED_WORDS))])
        super().format_epilog(ctx, formatter)


@click.command(name="import", cls=ImportCommand)
@click.argument("source", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would be imported; change nothing.")
@click.option("--map", "mappings", multiple=True, metavar='"Header=field"', help="Read a column as a field.")
@click.option(
    "--day-first/--month-first",
    "day_first",
    default=None,
    help="How a/b/YYYY dates read (03/08 is 3 August / 8 March); default: as the file's own dates show.",
)
@pass_session
def import_file(session: Session, source: Path, dry_run: bool, mappings: tuple[str, ...], day_first) -> None:
    """Import applications from a CSV file (Huntr, Teal, a spreadsheet) or our JSON export.

    All or nothing: if any row is wrong, every bad row is listed and nothing is written.
    """
    from jobboard.formats.importing import import_rows, parse_mapping

    for spec in mappings:
        try:
            parse_mapping(spec)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--map") from error
    try:
        # Decoded as open(newline="") would: line breaks inside quoted cells stay exactly.
        text = read_regular(source).decode("utf-8")
    except FileRefused as error:
        raise BoardError(f"cannot import {error}; nothing was imported.") from error
    except OSError as error:
        raise BoardError(f"cannot read {source}: {error.strerror or error}; nothing was imported.") from error
    except UnicodeDecodeError as error:
        raise BoardError(f"{source} is not UTF-8 text; save it as UTF-8 CSV and retry.") from error
    counter = iter(range(1, 1 << 62))
    result = _run_import(import_rows, text, session, mappings, lambda: f"new-{next(counter)}", day_first)
    if not result.ok:
        for problem in result.errors:
            say(one_line(f"{source}: {problem}"), err=True)
        raise BoardError(f"{source}: {counted(len(result.errors), 'problem')} above; nothing was imported.")
    if dry_run:
        for application in result.applications:
            people = f" · {', '.join(p.label() for p in application.people)}" if application.people else ""
            offer = f" · offer {application.offer_amount}" if application.offer_amount else ""
            say(
                one_line(
                    f"would add  {application.status:<12} {application.company} — {application.role}"
                    f" (applied {application.applied_on.isoformat()}){people}{offer}"
                )
            )
        read = ", ".join(f"{header} → {name}" for header, name in result.columns.items() if header != name)
        if read:
            say(one_line(f"columns read: {read}"), err=True)
        if result.ignored_columns:
            ignored = ", ".join(result.ignored_columns)
            say(one_line(f'columns ignored: {ignored} (read one with --map "Header=field")'), err=True)
    elif result.applications:
        session.store.add_many([given_new_id(a) for a in result.applications])
    verb = "Would import" if dry_run else "Imported"
    summary = f"{verb} {counted(len(result.applications), 'application')} from {source.name}"
    if result.skipped:
        summary += f"; skipped {result.skipped_existing} already on the board"
        summary += f" and {result.skipped_repeats} repeated in the file" if result.skipped_repeats else ""
    say(summary + ".", err=True)
    for line in (result.dates_read, _put_away(result.applications, session.settings.columns)):
        if line:
            say(one_line(line[0].upper() + line[1:] + "."), err=True)


def _put_away(applications: list[Application], columns: tuple[str, ...]) -> str:
    """Where imported cards are that the board does not show: archived ones, and those in a
    column config.toml hides (they are imported there, counted, and `list --all` shows them)."""
    from collections import Counter

    hidden = Counter(a.status for a in applications if not a.archived and a.status not in columns)
    archived = sum(1 for a in applications if a.archived)
    parts = [f"{count} in {status_title(status)}" for status, count in hidden.items()]
    words = []
    if parts:
        words.append(f"{', '.join(parts)}, a column this board hides (add it to columns in config.toml to see it)")
    if archived:
        words.append(f"{archived} archived (`list --archived` shows them)")
    return "; ".join(words)


def _run_import(import_rows, text: str, session: Session, mappings, allocate_id, day_first):  # noqa: ANN001, ANN202
    existing = session.store.applications()
    common = dict(
        existing=existing, today=today(), allocate_id=allocate_id, mapping_overrides=list(mappings), day_first=day_first
    )
    rows = text.count("\n")
    if not sys.stderr.isatty() or rows < PROGRESS_FROM_ROWS:
        try:
            return import_rows(text, **common)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--map") from error
    with click.progressbar(length=rows, label="Reading rows", file=sys.stderr) as bar:
        seen = 0

        def progress(done: int, total: int) -> None:
            nonlocal seen
            bar.length = total
            bar.update(done - seen)
            seen = done

        return import_rows(text, progress=progress, **common)


@click.command()
@click.option("--json", "as_json", is_flag=True)
@click.option("--date", "on", type=DATE, help="As of this date (default today).")
@archive_options
@pass_session
def stats(session: Session, as_json: bool, on, view: str | None) -> None:
    """How the hunt is going: counts, response and interview rates, weekly applications."""
    from jobboard.core.stats import board_stats

    numbers = board_stats(session.applications(view), on or today(), session.settings.columns)
    if as_json:
        click.echo(json_text(json.dumps(numbers.to_dict(), indent=2)))
        return
    say(format_stats(numbers))


def format_stats(numbers: BoardStats) -> str:
    """`jobboard stats` as text: the total, each column's count, the rates, applications per week."""
    from jobboard.core.stats import bar_chart, rate_rows, total_text

    lines = [total_text(numbers)]
    lines += [f"  {status_title(status):<12} {count}" for status, count in numbers.counts.items()]  # as on the board
    lines += ["", *(f"{label:<17} {value}" for label, value in rate_rows(numbers))]
    lines += ["", "Applications per week"]
    lines += [f"  {line}" for line in bar_chart(numbers.weekly)]
    return "\n".join(lines)
