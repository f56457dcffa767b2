"""Writers that turn the board into text: markdown, CSV, JSON and iCalendar.

Pure functions: a list of applications (and the day the export is for) in, a string out. The
CLI and the TUI decide where the text goes. The CSV and JSON formats are read back by
``jobboard.formats.importing``; change them together.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import pendulum

from jobboard.core.counted import counted
from jobboard.core.dates import long_date
from jobboard.core.last_contact import last_contact
from jobboard.core.model import (
    ALL_STATUSES,
    DEFAULT_COLUMNS,
    OFFER_FIELDS,
    TEXT_FIELDS,
    Application,
    event_words,
    status_title,
)
from jobboard.core.model import today as model_today
from jobboard.core.people import person_line
from jobboard.formats.printable import json_text, many_lines
from jobboard.formats.records import application_record

if TYPE_CHECKING:
    from icalendar import Component, Event

    from jobboard.core.etiquette import EtiquetteSettings, NextStep

    Entry = TypeVar("Entry", bound=Component)

# The marker and version at the top of a JSON export; importing checks both.
JSON_FORMAT = "jobboard-export"
JSON_VERSION = 1

# Fields worked out from the log when the board is exported (core/last_contact.py), for a reader
# of the file; importing skips them, since the events they come from are in the file too.
DERIVED_FIELDS: tuple[str, ...] = ("last_contact",)

# CSV columns, in order. `last_contact` is derived (above), a YYYY-MM-DD date. `tags` holds
# "a, b" when that reads back unambiguously, else a JSON list; `events` and `people` hold JSON
# lists of their records; `archived` is "yes" or blank; `captured_posting` the posting kept
# from its page, a JSON object (blank when typed by hand).
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "company",
    "role",
    "status",
    "applied_on",
    "last_contact",
    *TEXT_FIELDS,
    "people",
    *OFFER_FIELDS,
    "archived",
    "tags",
    "events",
    "created",
    "updated",
    "captured_posting",
)

NO_APPLICATIONS = "_No applications._"

# --------------------------------------------------------------------------------------------
# Markdown


def _markdown_escapes() -> dict[int, str]:
    table: dict[int, str] = {}
    # Control characters would break a row or vanish unpredictably (line breaks are already
    # spaces by the time this table applies).
    for code in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
        table[code] = ""  # bidi controls too: they would reorder what a reader sees
    table[ord("\t")] = " "
    # Everything that starts inline markup (emphasis, code, links, strikethrough, GitHub's
    # math) or splits a table cell gets a backslash; the HTML-significant three become
    # entities so no tag, autolink or entity can form.
    for char in "\\`*_[]|#~$!{}":
        table[ord(char)] = "\\" + char
    table[ord("&")] = "&amp;"
    table[ord("<")] = "&lt;"
    table[ord(">")] = "&gt;"
    return table


_ESCAPES = _markdown_escapes()
# A run of line breaks (of any kind) becomes one space so a cell always stays on its one line.
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
# Any character the two steps above would change: most names and titles have none, and one
# search is much cheaper than a translate (a board has three cells of text per application).
_CHANGED = re.compile("[" + re.escape("".join(map(chr, _ESCAPES))) + "\u2028\u2029]")
# What a renderer (GitHub, linkify) would make a live link of: a scheme's "://", "mailto:",
# "www." and an email's "@". A backslash before the ":", "." or "@" keeps each one visible
# and splits the text where the autolink would start (docs/data.md).
_AUTOLINKS = re.compile(r"(?i)(?<=[a-z])(?=://)|(?<=mailto)(?=:)|(?<=\bwww)(?=\.)|(?=@)")
# Characters that only mean something at the start of a line (lists, setext underlines).
_LINE_START_MARKERS = "-+="


def escape_markdown(text: str) -> str:
    """``text`` as inert inline markdown on one line: safe in a table cell, a heading or a
    list item. Every character stays visible when rendered; line breaks become spaces."""
    text = str(text)
    if _CHANGED.search(text) is not None:
        text = _LINE_BREAKS.sub(" ", text).translate(_ESCAPES)
    if ":" in text or "@" in text or "." in text:
        text = _AUTOLINKS.sub("\\\\", text)
    return text.strip()


def _escape_line_start(text: str) -> str:
    """Like ``escape_markdown``, and also safe at the very start of a line."""
    escaped = escape_markdown(text)
    if escaped and escaped[:1] in _LINE_START_MARKERS:
        return "\\" + escaped
    # "1." or "1)" would start an ordered list.
    digits = len(escaped) - len(escaped.lstrip("0123456789"))
    if digits and escaped[digits : digits + 1] in (".", ")"):
        return escaped[:digits] + "\\" + escaped[digits:]
    return escaped


def _multiline(text: str, indent: str) -> str:
    """Free text (notes) with its line breaks kept as markdown hard breaks."""
    lines = [_escape_line_start(line) for line in str(text).splitlines()]
    lines = [line for line in lines if line]
    return ("\\\n" + indent).join(lines)


def _section_statuses(present: set[str], columns: Sequence[str]) -> list[str]:
    """The board's columns, then any status ``present`` (holding applications) that is not
    on the board (so nothing is silently left out of an export)."""
    statuses = list(columns)
    extra = [status for status in ALL_STATUSES if status in present and status not in columns]
    unknown = sorted(present - set(ALL_STATUSES) - set(columns))
    return statuses + extra + unknown


def _due_cell(step: NextStep) -> str:
    if step.due is None:
        return "—"
    due = step.due.isoformat()
    if step.snoozed_until is not None and step.snoozed_until == step.due:
        return f"{due} (snoozed)"
    if step.state == "overdue":
        return f"{due} (overdue)"
    if step.state == "due":
        return f"{due} (today)"
    return due


def _resolve_settings(settings: EtiquetteSettings | None) -> tuple[Any, EtiquetteSettings]:
    # Imported here so that importing this module stays cheap and independent of the rules.
    from jobboard.core import etiquette

    return etiquette.next_step, settings if settings is not None else etiquette.EtiquetteSettings()


def to_markdown(
    applications: Iterable[Application],
    today: pendulum.Date,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    settings: EtiquetteSettings | None = None,
    details: bool = False,
    sort: str = "urgency",
) -> str:
    """The board as GitHub-flavoured markdown.

    A title with ``today``'s date, a summary line with the counts, then one ``##`` section
    per column in board order (columns first, then any other status that holds applications),
    each with a table of Company, Role, Applied, Last contact, Next step and Due, or
    ``_No applications._``. Each table is in ``sort`` order (jobboard.core.ordering), as the
    board's columns are. Every cell is
    escaped so that no user text can break the table or add markup. With ``details``, each
    application also gets a ``###`` subsection with its url, contact, email, notes and
    timeline (newest first).
    """
    return markdown_report(markdown_rows(applications, today, settings, details, sort), today, columns)


MarkdownRow = tuple[str, str, str, tuple]  # (status, table row, ### subsection or "", sort key)


def markdown_rows(
    applications: Iterable[Application],
    today: pendulum.Date,
    settings: EtiquetteSettings | None = None,
    details: bool = False,
    sort: str = "urgency",
) -> list[MarkdownRow]:
    """Each application's part of ``to_markdown``: its status, its table row, with ``details``
    its ``###`` subsection (else ""), and its ``sort`` key (the report orders by it). Each
    depends on its application alone, so a long list can be split, worked through in parts and
    joined (the CLI does)."""
    from jobboard.core.ordering import sort_key

    next_step, settings = _resolve_settings(settings)
    rows = []
    for application in applications:
        step = next_step(application, today, settings, words=False)
        cells = (
            escape_markdown(application.company),
            escape_markdown(application.role),
            application.applied_on.isoformat(),
            last_contact(application, today).isoformat(),
            escape_markdown(step.title),
            _due_cell(step),
        )
        row = "| " + " | ".join(cells) + " |"
        key = sort_key(sort, application, step)
        rows.append((application.status, row, _details(application) if details else "", key))
    return rows


def markdown_report(rows: Iterable[MarkdownRow], today: pendulum.Date, columns: Sequence[str] = DEFAULT_COLUMNS) -> str:
    """``to_markdown``'s report from the applications' ``markdown_rows``."""
    by_status: dict[str, list[MarkdownRow]] = {status: [] for status in columns}
    for row in rows:
        by_status.setdefault(row[0], []).append(row)
    for members in by_status.values():
        members.sort(key=lambda row: row[3])
    sections = _section_statuses({status for status, members in by_status.items() if members}, columns)
    total = sum(len(members) for members in by_status.values())
    counts = ", ".join(f"{len(by_status[status])} {status_title(status)}" for status in sections)
    out: list[str] = [
        f"# Job hunt — {long_date(today)} {today.year}",  # "22 November 2026"
        "",
        f"{counted(total, 'application')}: {counts}.",
        "",
    ]
    for status in sections:
        members = by_status[status]
        out.append(f"## {escape_markdown(status_title(status))} ({len(members)})")
        out.append("")
        if not members:
            out.append(NO_APPLICATIONS)
            out.append("")
            continue
        out.append("| Company | Role | Applied | Last contact | Next step | Due |")
        out.append("| --- | --- | --- | --- | --- | --- |")
        out.extend(row for _, row, _, _ in members)
        out.append("")
        out.extend(subsection for _, _, subsection, _ in members if subsection)
    return "\n".join(out)


def _details(application: Application) -> str:
    out = [f"### {escape_markdown(application.company)} — {escape_markdown(application.role)}", ""]
    fields = (
        ("URL", application.url),
        *(("Person", person_line(person)) for person in application.people),
        ("Location", application.location),
        ("Salary", application.salary),
        ("Source", application.source),
        ("Tags", ", ".join(application.tags)),
    )
    items = [f"- {label}: {escape_markdown(value)}" for label, value in fields if value.strip()]
    notes = _multiline(application.notes, "  ")
    if notes:
        items.append(f"- Notes: {notes}")
    if application.posting:
        captured = str(application.posting.get("captured_on", ""))
        closes = f", apply by {application.apply_by.isoformat()}" if application.apply_by else ""
        items.append(f"- Posting: captured {escape_markdown(captured) or 'on an unknown day'}{closes}")
        description = _multiline(str(application.posting.get("description", "")), "  ")
        if description:
            items.append(f"- Posting description: {description}")
    if items:
        out.extend(items)
        out.append("")
    if application.events:
        out.append("Timeline:")
        out.append("")
        # Newest first; on the same day, the later entry in the log first.
        for event in sorted(reversed(application.events), key=lambda e: e.date, reverse=True):
            line = f"- {event.date.isoformat()} — {escape_markdown(event_words(event))}"
            note = escape_markdown(event.note)
            out.append(f"{line}: {note}" if note else line)
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# CSV and JSON


def encode_tags(tags: Sequence[str]) -> str:
    """Tags for one CSV cell: ``"remote, python"`` when splitting on commas gives them back
    exactly, otherwise a JSON list (tags with commas, surrounding spaces, or empty tags)."""
    plain = all(tag and tag == tag.strip() and "," not in tag for tag in tags)
    joined = ", ".join(tags)
    if plain and not joined.startswith("["):
        return joined
    return json.dumps(list(tags), ensure_ascii=False)


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection), and
# skips what comes before it when it is blank or a control character: "\x00=1+1" runs too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_BEFORE_FORMULA = re.compile(r"[\x00-\x20\x7f-\x9f\u00a0\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]*")


def _runs_as_formula(text: str) -> bool:
    """Would a spreadsheet read ``text`` (its leading quotes taken off) as a formula? Its
    first character, or the first after blanks and control characters, starts one."""
    text = text.lstrip("'")
    if text[:1] in FORMULA_STARTS:
        return True
    before = _BEFORE_FORMULA.match(text)  # a "*" pattern: always matches, maybe empty
    return text[before.end() if before else 0 :][:1] in FORMULA_STARTS


def guard_cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows rather than runs: a ``'`` before a cell whose
    first printable character starts a formula, as OWASP advises. A cell that is already quotes
    and then such a character gets one quote more, so ``unguard_cell`` always gives back
    exactly ``text``."""
    return "'" + text if _runs_as_formula(text) else text


def unguard_cell(text: str) -> str:
    """A CSV cell as ``guard_cell`` was given it (other trackers' guarded cells too)."""
    return text[1:] if text[:1] == "'" and _runs_as_formula(text) else text


def exported_record(application: Application, today: pendulum.Date, at: str | None = None) -> dict[str, Any]:
    """``application_record`` with the derived ``last_contact`` (as of ``today``, YYYY-MM-DD;
    ``at`` the time of day, when known) after ``applied_on``: what the JSON export and
    ``show --json`` give for one application."""
    record = application_record(application)
    contact = last_contact(application, today, at).isoformat()
    out: dict[str, Any] = {}
    for name, value in record.items():
        if name != "last_contact":  # a stored field of that name (hand-edited) is not the date
            out[name] = value
        if name == "applied_on":
            out["last_contact"] = contact
    return out


def to_csv(applications: Iterable[Application], today: pendulum.Date | None = None) -> str:
    """One CSV row per application with every field, under a header of ``CSV_COLUMNS``.

    Dates are YYYY-MM-DD, ``created``/``updated`` ISO 8601 timestamps, ``tags`` as in
    ``encode_tags`` and ``events`` a JSON list of event records; ``last_contact`` is worked out
    as of ``today`` (default: the system date) and skipped on import. Rows end in CRLF (RFC
    4180); write the text with ``newline=""`` so line breaks inside notes survive. A cell that
    a spreadsheet would run as a formula is guarded (``guard_cell``); the importer takes the
    guard off again, so the export stays lossless.
    """
    buffer = io.StringIO()
    # CRLF as terminator also makes the writer quote a lone "\r" inside a field.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    today = today if today is not None else model_today()
    for application in applications:
        record = exported_record(application, today)
        record["tags"] = encode_tags(application.tags)
        record["events"] = json.dumps(record["events"], ensure_ascii=False)
        record["people"] = json.dumps(record["people"], ensure_ascii=False) if application.people else ""
        record["archived"] = "yes" if application.archived else ""
        posting = record.pop("posting", None)
        record["captured_posting"] = json.dumps(posting, ensure_ascii=False) if posting else ""
        writer.writerow([guard_cell(record[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()


def to_json(applications: Iterable[Application], today: pendulum.Date | None = None) -> str:
    """Every application, losslessly: ``{"format": "jobboard-export", "version": 1,
    "applications": [record, ...]}`` where each record is ``exported_record`` as of ``today``
    (default: the system date): the stored record plus the derived ``last_contact``, which
    importing skips. The control characters JSON leaves raw (DEL, C1, bidi) are written as
    ``\\uXXXX`` escapes: the same data, safe to print."""
    today = today if today is not None else model_today()
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "applications": [exported_record(application, today) for application in applications],
    }
    return json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


# --------------------------------------------------------------------------------------------
# iCalendar

PRODID = "-//jobboard//jobboard//EN"


def _plain_date(date: pendulum.Date) -> dt.date:
    return dt.date(date.year, date.month, date.day)


def to_ics(
    applications: Iterable[Application],
    today: pendulum.Date,
    settings: EtiquetteSettings | None = None,
    todos: bool = False,
) -> str:
    """The next steps and interviews as an iCalendar file.

    Each application whose next step has a due date (upcoming, due or overdue; never ``wait``)
    gets it as an all-day VEVENT on the due date (a snoozed step on the day the snooze ends),
    free time (TRANSP TRANSPARENT), since the calendars most people use ignore to-dos; with
    ``todos`` it is a VTODO with that DUE date instead. UID ``jobboard-<id>-<rule>@jobboard``,
    SUMMARY the step's title (which names the company) with the role, DESCRIPTION why it
    matters and the draft.

    An interview with a time is a timed VEVENT (floating local time, one hour) with a reminder
    at 18:00 the evening before, UID ``jobboard-<id>-interview-<YYYY-MM-DD>T<HHMM>@jobboard``;
    the interviews of a day without a time share one all-day VEVENT, UID
    ``jobboard-<id>-interview-<YYYY-MM-DD>@jobboard``. The summary names the kind, the
    description the people and notes; a rejected, withdrawn or archived card's interviews
    ahead are left out. A Wishlist card whose captured posting closes on a real
    date gets that last day to apply as an all-day VEVENT, UID ``jobboard-<id>-apply-by@jobboard``.
    UIDs and DTSTAMP depend only on the board and ``today``,
    so a calendar that re-imports the file updates instead of duplicating.
    """
    from icalendar import Calendar, Todo

    next_step, settings = _resolve_settings(settings)
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Job hunt")
    for application in applications:
        step = next_step(application, today, settings)
        if step.rule != "wait" and step.due is not None:
            uid, summary = f"jobboard-{application.id}-{step.rule}@jobboard", f"{step.title} ({application.role})"
            entry: Event | Todo
            if todos:
                entry = _stamped(Todo(), uid, stamp, summary)
                entry.add("due", _plain_date(step.due))
                entry.add("status", "NEEDS-ACTION")
            else:
                entry = _all_day(uid, stamp, summary, step.due, "TRANSPARENT")
            description = step.why
            if step.draft:
                description = f"{description}\n\nDraft:\n{step.draft}"
            _add_text(entry, "description", description)
            if (url := _calendar_url(application.url)) is not None:
                entry.add("url", url)
            calendar.add_component(entry)
        for interview in _interview_entries(application, stamp, today):
            calendar.add_component(interview)
        if application.status == "wishlist" and application.posting and (closes := application.apply_by):
            closing = _all_day(  # the captured posting's last day (docs/capture.md)
                f"jobboard-{application.id}-apply-by@jobboard",
                stamp,
                f"Last day to apply: {application.company} ({application.role})",
                closes,
                "TRANSPARENT",
            )
            if (url := _calendar_url(application.url)) is not None:
                closing.add("url", url)
            calendar.add_component(closing)
    return calendar.to_ical().decode("utf-8")


def _stamped(entry: Entry, uid: str, stamp: dt.datetime, summary: str) -> Entry:
    """``entry`` (a VEVENT or VTODO) with what every one of ours carries first: UID, DTSTAMP
    and SUMMARY."""
    entry.add("uid", uid)
    entry.add("dtstamp", stamp)
    _add_text(entry, "summary", summary)
    return entry


def _add_text(entry: Component, name: str, text: str) -> None:
    """A TEXT property (summary, description): RFC 5545 allows no control character in one
    but the line breaks icalendar escapes, and the file may be printed to a terminal."""
    entry.add(name, many_lines(text))


def _all_day(uid: str, stamp: dt.datetime, summary: str, day: pendulum.Date, transp: str) -> Event:
    """An all-day VEVENT on ``day``: DTEND is the day after, as iCalendar has it for a DATE
    start. ``transp``: TRANSPARENT (free time) or OPAQUE (busy)."""
    from icalendar import Event

    entry: Event = _stamped(Event(), uid, stamp, summary)
    entry.add("dtstart", _plain_date(day))
    entry.add("dtend", _plain_date(day.add(days=1)))
    entry.add("transp", transp)
    return entry


def _calendar_url(url: str) -> str | None:
    """The posting's address for a calendar entry, when it is one (jobboard.core.fields): a
    board from an older version may hold a line break or a ``javascript:`` link in it, which a
    URL property must never carry."""
    from jobboard.core.fields import check_url

    try:
        return check_url(url) or None
    except ValueError:
        return None


def _interview_entries(application: Application, stamp: dt.datetime, today: pendulum.Date) -> list:
    """The VEVENTs of one application's interviews (see ``to_ics``); on a closed card (rejected,
    withdrawn, archived) only those already held: one still ahead is not going to happen."""
    from icalendar import Alarm, Event

    label = f"{application.company} — {application.role}"
    all_day: dict[pendulum.Date, list[str]] = {}  # a day's untimed interviews: their details
    timed: dict[tuple[pendulum.Date, str], list] = {}
    for event in application.events:
        if event.kind != "interview" or (application.closed and event.date >= today):
            continue
        details = [f"{event.interview_kind} interview"] if event.interview_kind else []
        if event.people:
            details.append("With " + ", ".join(event.people))
        if event.note:
            details.append(event.note)
        if event.time:
            timed.setdefault((event.date, event.time), []).append((event, details))
        else:
            all_day.setdefault(event.date, []).extend(details)
    entries = []
    for date in sorted(all_day):
        uid = f"jobboard-{application.id}-interview-{date.isoformat()}@jobboard"
        entry = _all_day(uid, stamp, f"Interview: {label}", date, "OPAQUE")
        if all_day[date]:
            _add_text(entry, "description", "\n".join(all_day[date]))
        entries.append(entry)
    for (date, time), same in sorted(timed.items()):
        hour, minute = int(time[:2]), int(time[3:])
        start = dt.datetime(date.year, date.month, date.day, hour, minute)  # floating: the user's local time
        kind = same[0][0].interview_kind
        uid = f"jobboard-{application.id}-interview-{date.isoformat()}T{time.replace(':', '')}@jobboard"
        entry = _stamped(Event(), uid, stamp, f"Interview{f' ({kind})' if kind else ''}: {label}")
        entry.add("dtstart", start)
        entry.add("dtend", start + dt.timedelta(hours=1))
        entry.add("transp", "OPAQUE")
        details = [line for _, lines in same for line in lines]
        if details:
            _add_text(entry, "description", "\n".join(details))
        alarm = Alarm()  # at 18:00 the evening before: time to check the tools and the way there
        alarm.add("action", "DISPLAY")
        _add_text(alarm, "description", f"Interview tomorrow at {time}: {label}")
        alarm.add("trigger", -(start - dt.datetime(date.year, date.month, date.day, 18) + dt.timedelta(days=1)))
        entry.add_component(alarm)
        entries.append(entry)
    return entries
