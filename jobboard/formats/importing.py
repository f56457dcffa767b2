"""Reading applications in from other trackers' CSV files and from our own exports.

Pure: text in, an ``ImportResult`` out; the CLI reads the file and writes the board. The import
is all or nothing: when any row is invalid, the result carries every problem (with its line
number) and no applications, so the caller writes nothing.

What a CSV file may look like:

- The first row is the header. The delimiter (comma, semicolon, tab or pipe) is sniffed from
  it: the one that yields the most known column names wins, comma on a tie.
- Headers map to fields case-insensitively, ignoring spaces, underscores and punctuation, from
  the names trackers and spreadsheets use (see ``HEADER_ALIASES``); ``--map "Header=field"``
  overrides that. Unknown columns are ignored and listed in the result.
- Statuses map from common words (``jobboard.core.statuses``); a blank status is ``applied``; an
  "Archived" one (``ARCHIVED_WORDS``) is imported archived. "Min Salary"/"Max Salary" make
  one salary when there is no salary column; "Date Saved" dates a row with no applied date.
- Dates: YYYY-MM-DD, YYYY/MM/DD, an ISO date-time (the date part, as written), "22 Nov 2026",
  "Nov 22, 2026", DD.MM.YYYY, and a/b/YYYY, read day first or month first as the file's own
  dates show (formats/date_order.py: a 25/08 proves day first, an 08/25 month first; a file
  where each could be either is refused until --day-first or --month-first says). A two-digit
  year means 20YY. A blank date is ``today``.
- Blank rows are skipped. Company and role lose surrounding spaces; other text is kept as is.
- A cell guarded against spreadsheet formulas (``'=...``, as our export and others write
  them) loses its guard quote. Cells may be as large as the file.
- ``tags`` is a JSON list or comma-separated; ``events``, ``id``, ``created`` and ``updated``
  (our own CSV export) are read back when present. Our exports' derived ``last_contact`` (a
  column or a JSON field) is skipped without a word: the events it was worked out from come in.

Rows whose company, role and applied date (company and role case-insensitively) match an
application already on the board, or an earlier row of the same file, are skipped and counted.

Imported applications always get fresh ids from ``allocate_id`` (ids in the file are ignored,
so they can never clash with the board's). Without an event log in the file, each gets an
``applied`` event on its applied date and, when it starts in another column, a ``status``
event dated from a status-date column ("Date Rejected", "Last Updated", ...) when the file has
one, else from the interview date for an interviewed row, else from its applied date: old
history is dated as old, so the advice's lapses keep it quiet. An "Interview Date" (past or
ahead) and a "Response Date" are logged as the board logs them (core/what_happened.py): an
interview moves an Applied row to Interviewed, on its day, or today when it is ahead, and an
interview ahead is an interview the agenda shows. Every date goes through
jobboard.core.validation, as the CLI's do: a row dated ahead of today (other than an
interview) or before its applied date is named and refused.

Read the file with ``newline=""`` so line breaks inside quoted cells are kept exactly.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pendulum

from jobboard.core.fields import check_email, check_url
from jobboard.core.model import (
    ALL_STATUSES,
    EARLIEST_YEAR,
    EVENT_KINDS,
    LATEST_YEAR,
    OFFER_FIELDS,
    TEXT_FIELDS,
    Application,
    Event,
    new_application,
    now_utc,
    parse_timestamp,
)
from jobboard.core.people import Person, checked_person, first_contact
from jobboard.core.posting_kept import check_posting
from jobboard.core.statuses import status_of
from jobboard.core.validation import check_applied_on
from jobboard.core.what_happened import log_what_happened
from jobboard.formats import json_reading
from jobboard.formats.date_order import date_order
from jobboard.formats.export import CSV_COLUMNS, DERIVED_FIELDS, JSON_FORMAT, JSON_VERSION, unguard_cell
from jobboard.formats.records import RECORD_ERRORS, application_from_record, application_record, event_from_record

# Fields a column can fill: exactly the columns our CSV export writes (less the derived ones,
# which are skipped), listed with the ones people map their own headers to first; and
# `ignore` to drop a column on purpose.
_BOOKKEEPING = ("id", "created", "updated")
# Read from trackers' files but not part of our export: they date the events an import makes.
_DATING = ("status_date", "interview_date", "saved_on", "reply_date")
# Read from trackers' files: a salary given as two numbers (Teal's Min/Max Salary) becomes one.
_SALARY_PARTS = ("salary_min", "salary_max")
# `contact`, `email` and `hiring_manager` are read into people: a board before people (and other
# trackers) kept one contact per row, and Huntr-like files name a hiring manager.
_PEOPLE_COLUMNS = ("contact", "email", "hiring_manager")
IMPORT_FIELDS: tuple[str, ...] = (
    *(c for c in CSV_COLUMNS if c not in _BOOKKEEPING and c not in DERIVED_FIELDS),
    *_DATING,
    *_SALARY_PARTS,
    *_PEOPLE_COLUMNS,
    *_BOOKKEEPING,
)
IGNORE = "ignore"
# The fields read as dates: their a/b/YYYY values decide the file's order together.
_DATE_FIELDS = ("applied_on", *_DATING, "offer_deadline")

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "company": ("Company", "Company Name", "Employer", "Organization", "Organisation"),
    "role": ("Role", "Position", "Job Title", "Title", "Job Position", "Position Title"),
    "status": ("Status", "Stage", "List", "Application Status", "Current List"),
    "applied_on": (
        "Date Applied",
        "Applied",
        "Applied On",
        "Application Date",
        "Applied Date",
        "applied_on",
    ),
    "status_date": (
        "Status Date",
        "Date Rejected",
        "Rejected On",
        "Rejection Date",
        "Last Updated",
        "Date Updated",
        "Last Update",
        "Updated On",
        "Last Status Change",
        "Date Moved",
    ),
    "interview_date": ("Interview Date", "Date Interviewed", "Interviewed On", "Interview On", "Next Interview"),
    "saved_on": ("Date Saved", "Saved On", "Date Added", "Added On", "Date Created", "Created At", "Bookmarked On"),
    "reply_date": ("Response Date", "Date Responded", "Reply Date", "Heard Back On", "Date Heard Back"),
    "url": (
        "URL", "Link", "Job URL", "Posting", "Job Link", "Posting URL", "Job Posting", "Job Posting URL",
        "Application Link", "Job Listing URL",
    ),
    "location": ("Location", "Job Location"),
    "salary": ("Salary", "Compensation", "Job Salary", "Salary Range"),
    "salary_min": ("Min Salary", "Salary Min", "Minimum Salary", "Salary From"),
    "salary_max": ("Max Salary", "Salary Max", "Maximum Salary", "Salary To"),
    "notes": ("Notes", "Note"),
    "contact": ("Contact", "Contact Name", "Recruiter", "Recruiter Name"),
    "email": ("Email", "Contact Email", "E-mail", "Recruiter Email"),
    "hiring_manager": ("Hiring Manager", "Hiring Manager Name"),
    "offer_amount": ("Offer", "Offer Amount"),
    "offer_deadline": ("Deadline", "Offer Deadline"),
    "offer_note": ("Offer Note",),
    "people": ("People",),
    "archived": ("Archived",),
    "source": ("Source",),
    "tags": ("Tags",),
    "events": ("Events",),
    "captured_posting": ("Captured Posting",),
    "id": ("ID",),
    "created": ("Created",),
    "updated": ("Updated",),
}

# Words for a card put away rather than a column (Teal's "Archived"): it is imported archived.
ARCHIVED_WORDS: tuple[str, ...] = ("Archived",)

_DELIMITERS = (",", ";", "\t", "|")


def _key(text: str) -> str:
    """Header and status words compared without case, spaces or punctuation."""
    return "".join(char for char in text.casefold() if char.isalnum())


# Our exports' derived columns (``last_contact``): worked out from the events, so read from nowhere
# and left out of the columns ignored (the file is ours; nothing in it was missed).
_DERIVED_KEYS = frozenset(_key(name) for name in DERIVED_FIELDS)
_HEADER_LOOKUP: dict[str, str] = {_key(alias): name for name, aliases in HEADER_ALIASES.items() for alias in aliases}
_FIELD_LOOKUP: dict[str, str] = {**_HEADER_LOOKUP, **{_key(name): name for name in IMPORT_FIELDS}}


@dataclass(frozen=True)
class RowError:
    """One problem with one row: ``line`` is the file's line number (the header is line 1),
    or the record's number in a JSON export (``unit="record"``)."""

    line: int
    reason: str
    unit: str = "line"

    def __str__(self) -> str:
        return f"{self.unit} {self.line}: {self.reason}"


@dataclass(frozen=True)
class SkippedRow:
    """A valid row that was not imported because the board (or the file) already has it."""

    line: int
    company: str
    role: str
    applied_on: pendulum.Date
    reason: str  # "already on the board" or "repeats line N"
    unit: str = "line"

    def __str__(self) -> str:
        return f"{self.unit} {self.line}: {self.company} — {self.role} {self.reason}"


@dataclass
class ImportResult:
    """What an import would add.

    ``applications`` is empty whenever ``errors`` is not (all or nothing). ``columns`` maps
    each used header to its field; ``ignored_columns`` lists headers nothing was read from.
    """

    applications: list[Application] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)
    rows_read: int = 0
    format: str = "csv"  # "csv" or "json"
    dates_read: str = ""  # how a/b/YYYY dates were read ("dates read day first (25/08/2026 proves it)")

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def skipped_existing(self) -> int:
        """Rows skipped because the board already has them."""
        return sum(1 for row in self.skipped if row.reason == "already on the board")

    @property
    def skipped_repeats(self) -> int:
        """Rows skipped because an earlier row of the same file has them."""
        return len(self.skipped) - self.skipped_existing


def parse_mapping(spec: str) -> tuple[str, str]:
    """Read one ``--map "Header=field"`` option into ``(header, field)``.

    The field may be any of ``IMPORT_FIELDS``, one of their header aliases, or ``ignore``.
    Raises ValueError with one sentence when the option is malformed or the field unknown.
    """
    header, sep, target = spec.partition("=")
    header, target = header.strip(), target.strip()
    if not sep or not header or not target:
        raise ValueError(f'--map \'{spec}\' should look like "Header=field", e.g. "Firm=company"')
    return header, resolve_field(target)


def resolve_field(name: str) -> str:
    """The import field ``name`` stands for (``"Job Title"`` -> ``"role"``); ValueError when
    it names none."""
    if _key(name) == IGNORE:
        return IGNORE
    resolved = _FIELD_LOOKUP.get(_key(name))
    if resolved is None:
        known = ", ".join((*IMPORT_FIELDS, IGNORE))
        raise ValueError(f"unknown field '{name}'; use one of: {known}")
    return resolved


def parse_status(text: str) -> str:
    """A status from a tracker's word for it (``"Phone Screen"`` -> ``"interviewed"``); blank
    is ``applied``, and an archived card's word is ``applied`` too (see ``is_archived_word``).
    Raises ValueError naming the word when it is not known. The one place status words are
    recognised: point it at another table and the whole importer follows."""
    if not text.strip() or is_archived_word(text):
        return "applied"
    return status_of(text)  # the one table of status words (jobboard.core.statuses)


def is_archived_word(text: str) -> bool:
    """Does the status cell say the card was put away ("Archived")?"""
    return _key(text) in _ARCHIVED_KEYS


_ARCHIVED_KEYS = frozenset(_key(word) for word in ARCHIVED_WORDS)

_MONTH_NAMES = "january february march april may june july august september october november december".split()
# Full names and three-letter abbreviations, plus the common "sept".
_MONTHS = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}
_YMD = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[t ][0-9:.,]+(?:z|[+-][0-9:]+)?)?")
_MDY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")
_DMY_DOTS = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_D_MON_Y = re.compile(r"(\d{1,2})[ -]([a-z]+)\.?[ ,-]*(\d{4})")
_MON_D_Y = re.compile(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})")


def parse_date(text: str, today: pendulum.Date, day_first: bool = False) -> pendulum.Date:
    """A date in one of the forms the module docstring lists; blank is ``today``. a/b/YYYY is
    month/day unless ``day_first`` (the file's order: formats/date_order.py).

    Raises ValueError ("'soon' is not a date") when the text is no date at all or not a real
    calendar day.
    """
    cleaned = " ".join(text.split()).casefold()
    if not cleaned:
        return today
    year = month = day = None
    if match := _YMD.fullmatch(cleaned):
        year, month, day = (int(part) for part in match.groups())
    elif match := _MDY.fullmatch(cleaned):
        month, day, year = (int(part) for part in match.groups())
        if day_first:
            month, day = day, month
        if len(match.group(3)) == 2:
            year += 2000
        if month > 12 and day <= 12:
            way = "day/month in this file" if day_first else "month/day (US style)"
            raise ValueError(f"'{text.strip()}' is not a date: a/b/YYYY is read as {way}")
    elif match := _DMY_DOTS.fullmatch(cleaned):
        day, month, year = (int(part) for part in match.groups())
    elif (match := _D_MON_Y.fullmatch(cleaned)) and match.group(2) in _MONTHS:
        day, month, year = int(match.group(1)), _MONTHS[match.group(2)], int(match.group(3))
    elif (match := _MON_D_Y.fullmatch(cleaned)) and match.group(1) in _MONTHS:
        month, day, year = _MONTHS[match.group(1)], int(match.group(2)), int(match.group(3))
    if year is None or month is None or day is None:
        raise ValueError(f"'{text.strip()}' is not a date")
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:  # the board's own bounds (jobboard.core.model)
        raise ValueError(f"'{text.strip()}' is not a date between {EARLIEST_YEAR} and {LATEST_YEAR}")
    try:
        return pendulum.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text.strip()}' is not a real calendar date") from None


MAX_NESTING = 32  # our export nests five deep (export, list, record, events, event)


def load_json(text: str) -> Any:
    """The JSON value in ``text``, never ended by a RecursionError (formats/json_reading.py)."""
    try:
        return json_reading.load_json(text, MAX_NESTING)
    except ValueError as error:
        if isinstance(error, json.JSONDecodeError):
            raise
        raise ValueError(f"{error}; a jobboard export nests 5") from None


def decode_tags(value: Any) -> list[str]:
    """Tags from a CSV cell (a JSON list, or comma-separated) or a JSON list."""
    if isinstance(value, list):
        if not all(isinstance(tag, str) for tag in value):
            raise ValueError("tags must be a list of text")
        return list(value)
    text = str(value)
    if text.lstrip().startswith("["):
        try:
            tags = load_json(text)
        except json.JSONDecodeError:
            raise ValueError(f"tags '{text}' look like a JSON list but are not one") from None
        return decode_tags(tags)
    return [tag.strip() for tag in text.split(",") if tag.strip()]


def _decode_events(value: Any) -> list[Event]:
    if isinstance(value, str):
        try:
            value = load_json(value)
        except json.JSONDecodeError:
            raise ValueError("events is not a JSON list of events") from None
    if not isinstance(value, list):
        raise ValueError("events is not a JSON list of events")
    events = []
    for number, record in enumerate(value, start=1):
        if not isinstance(record, dict):
            raise ValueError(f"event {number} is not an object")
        if record.get("kind") not in EVENT_KINDS:
            raise ValueError(f"event {number} has unknown kind '{record.get('kind')}'")
        if record.get("kind") == "status" and record.get("status") not in ALL_STATUSES:
            raise ValueError(f"event {number} moves to unknown status '{record.get('status')}'")
        if not isinstance(record.get("note", ""), str):
            raise ValueError(f"event {number} has a note that is not text")
        try:
            events.append(event_from_record(record))
        except (KeyError, ValueError, TypeError):
            raise ValueError(f"event {number} has no date in the form YYYY-MM-DD") from None
    return events


class _RowBuilder:
    """Turns one row's raw values (text from CSV, typed values from JSON) into an application,
    collecting every problem instead of stopping at the first."""

    def __init__(self, today: pendulum.Date, now: pendulum.DateTime, day_first: bool = False) -> None:
        self.today = today
        self.now = now
        self.day_first = day_first

    def build(self, values: Mapping[str, Any]) -> tuple[dict[str, Any] | None, list[str]]:
        problems: list[str] = []
        fields: dict[str, Any] = {}
        text: dict[str, str] = {}
        # JSON values can be of any type; CSV values are always text (None when missing).
        for name in (
            "company", "role", "status", "applied_on", *TEXT_FIELDS, *OFFER_FIELDS, *_PEOPLE_COLUMNS, *_SALARY_PARTS
        ):
            value = values.get(name)
            if value is None:
                value = ""
            if isinstance(value, str):
                text[name] = value
            else:
                problems.append(f"{name} is not text")
        for name in ("company", "role"):
            if name in text and not text[name].strip():
                problems.append(f"{name} is empty")
            elif name in text:
                fields[name] = text[name].strip()
        if "status" in text:
            self._read(problems, fields, "status", text["status"], parse_status)
        if "applied_on" in text and (text["applied_on"].strip() or not (values.get("saved_on") or "").strip()):
            self._read(problems, fields, "applied_on", text["applied_on"], self._date)
        for name in _DATING:  # blank: none (not today)
            value = values.get(name)
            if value is not None and not isinstance(value, str):
                problems.append(f"{name} is not text")
            elif value and value.strip():
                self._read(problems, fields, name, value, self._date)
        if "saved_on" in fields and "applied_on" not in fields:  # a bookmark never sent: dated the day saved
            fields["applied_on"] = fields["saved_on"]
        for name in (*TEXT_FIELDS, *OFFER_FIELDS):
            fields[name] = text.get(name, "")
        salary_parts = [text[part].strip() for part in _SALARY_PARTS if text.get(part, "").strip()]
        if salary_parts and not fields["salary"].strip():
            fields["salary"] = "-".join(salary_parts)
        self._read(problems, fields, "url", fields["url"], check_url)
        self._read(problems, fields, "offer_deadline", fields["offer_deadline"], self._deadline)
        self._read(problems, fields, "people", values, _people)
        self._read(problems, fields, "archived", values.get("archived") or "", _archived)
        if is_archived_word(text.get("status", "")):
            fields["archived"] = True
        if "applied_on" in fields:
            self._read(problems, fields, "applied_on", fields["applied_on"], self._not_ahead)
        self._read(problems, fields, "tags", values.get("tags") or "", decode_tags)
        events = values.get("events")
        # A blank events cell (a foreign CSV) means "make the usual ones"; "[]" means none.
        if events is not None and not (isinstance(events, str) and not events.strip()):
            self._read(problems, fields, "events", events, _decode_events)
        for name in ("created", "updated"):
            if values.get(name):
                self._read(problems, fields, name, values[name], self._timestamp)
        if values.get("captured_posting"):
            self._read(problems, fields, "posting", values["captured_posting"], _posting)
        if not problems:
            from jobboard.core.validation import check_new

            try:
                application = _application(fields, "0", self.now, self.today)
                check_new(application, self.today)
            except ValueError as error:
                problems.append(str(error))
            else:
                problems.extend(_unreadable(application))
        return (None if problems else fields), problems

    @staticmethod
    def _read(problems: list[str], fields: dict[str, Any], name: str, raw: Any, parse) -> None:
        try:
            fields[name] = parse(raw)
        except ValueError as error:
            problems.append(str(error))

    def _date(self, raw: str) -> pendulum.Date:
        return parse_date(raw, self.today, self.day_first)

    def _deadline(self, raw: str) -> str:
        return self._date(raw).isoformat() if raw.strip() else ""

    def _not_ahead(self, date: pendulum.Date) -> pendulum.Date:
        return check_applied_on(date, self.today)

    @staticmethod
    def _timestamp(raw: Any) -> pendulum.DateTime:
        try:
            return parse_timestamp(str(raw))
        except (ValueError, pendulum.parsing.exceptions.ParserError):
            raise ValueError(f"'{raw}' is not a timestamp") from None


def _unreadable(application: Application) -> list[str]:
    """Why the board could not read ``application`` back once written (nothing when it can):
    every row is read back exactly as every command will read it, so an import can never
    write a row that locks the user out of the board."""
    try:
        application_from_record(application_record(application))
    except RECORD_ERRORS as error:
        return [f"the board could not read this row back ({error}); fix it in the file"]
    return []


def _people(values: Mapping[str, Any]) -> list[Person]:
    """The people of a row: a `people` list (our exports), else a contact (name and/or email,
    a recruiter) and a hiring manager, as other trackers' files name them."""
    raw = values.get("people")
    if isinstance(raw, str) and raw.strip():
        try:
            raw = load_json(raw)
        except (json.JSONDecodeError, ValueError):
            raise ValueError("people is not a JSON list of people") from None
    if raw not in (None, ""):
        if not isinstance(raw, list):
            raise ValueError("people is not a list of people")
        try:
            return [checked_person(Person.from_record(item)) for item in raw]
        except ValueError as error:
            raise ValueError(f"people: {error}") from None
    people = first_contact(values.get("contact") or "", check_email(values.get("email") or ""))
    manager = " ".join((values.get("hiring_manager") or "").split())
    if manager:
        people.append(Person(manager, "hiring_manager"))
    return people


def _posting(value: Any) -> dict[str, Any]:
    """A captured posting: a JSON object in a CSV cell (our export) or in a JSON record."""
    if isinstance(value, str):
        try:
            value = load_json(value)
        except (json.JSONDecodeError, ValueError):
            raise ValueError("captured_posting is not a JSON object") from None
    try:
        return dict(check_posting(value))
    except ValueError as error:
        raise ValueError(f"captured_posting: {error}") from None


def _archived(value: Any) -> bool:
    """An `archived` cell: true/false in JSON, "yes"/"true"/"1" or blank in CSV."""
    if isinstance(value, bool):
        return value
    if not isinstance(value, str) or value.strip().lower() not in ("", "yes", "true", "1", "no", "false", "0"):
        raise ValueError(f"archived is '{value}'; use yes or leave it blank")
    return value.strip().lower() in ("yes", "true", "1")


def _application(fields: dict[str, Any], app_id: str, now: pendulum.DateTime, today: pendulum.Date) -> Application:
    text = {name: fields[name] for name in (*TEXT_FIELDS, *OFFER_FIELDS)}
    text.update(people=fields["people"], archived=fields["archived"])
    if "events" in fields:
        application = Application(
            id=app_id,
            company=fields["company"],
            role=fields["role"],
            status=fields["status"],
            applied_on=fields["applied_on"],
            tags=fields["tags"],
            events=fields["events"],
            created=now,
            updated=now,
            **text,
        )
    else:
        interview, reply = fields.get("interview_date"), fields.get("reply_date")
        moved_on, status = fields.get("status_date"), fields["status"]
        if moved_on is None and status == "interviewed" and interview is not None:
            status = "applied"  # the interview moves it, as a typed one would: on its day, or today when ahead
        application = new_application(
            app_id,
            fields["company"],
            fields["role"],
            status=status,
            applied_on=fields["applied_on"],
            moved_on=moved_on or fields["applied_on"],
            tags=fields["tags"],
            **text,
        )
        # What the file says happened is logged as the board logs it (core/what_happened.py); a
        # reply keeps the file's column (a Silent row that once heard back is still silent).
        if reply is not None:
            application = log_what_happened(application, Event("heard_back", reply), today, move=False).application
        if interview is not None:
            application = log_what_happened(application, Event("interview", interview), today).application
    return application.copy(
        posting=fields.get("posting", {}),
        created=fields.get("created", now),
        updated=fields.get("updated", fields.get("created", now)),
    )


def _duplicate_key(company: str, role: str, applied_on: pendulum.Date) -> tuple[str, str, str]:
    return (
        " ".join(company.casefold().split()),
        " ".join(role.casefold().split()),
        applied_on.isoformat(),
    )


def import_rows(
    text: str,
    *,
    existing: Iterable[Application],
    today: pendulum.Date,
    allocate_id: Callable[[], str],
    mapping_overrides: Mapping[str, str] | Sequence[str] | None = None,
    now: pendulum.DateTime | None = None,
    progress: Callable[[int, int], None] | None = None,
    day_first: bool | None = None,
) -> ImportResult:
    """Read applications from CSV text or from our JSON export (``to_json``).

    ``existing`` is the board, for skipping rows it already has. ``allocate_id()`` is called
    once per imported application, and only when the import succeeds. ``mapping_overrides``
    maps headers to fields, either as a dict or as ``"Header=field"`` strings; ValueError when
    a field is unknown. ``now`` stamps ``created``/``updated`` when the file has none (default:
    the clock). ``progress(done, total)`` is called as rows are read, for a progress bar.
    ``day_first`` says how a/b/YYYY dates read (--day-first, --month-first); None: the file's
    own dates decide (formats/date_order.py).

    Returns an ``ImportResult``; see the module docstring for the rules.
    """
    overrides = _overrides(mapping_overrides)
    now = now if now is not None else now_utc()
    if text.startswith("\ufeff"):  # Excel's byte-order mark
        text = text[1:]
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        result, rows = _json_rows(text)
    else:
        result, rows = _csv_rows(text, overrides)
    if rows is None:  # the file as a whole is unreadable; there are no rows to check
        return result
    try:
        order = date_order((str(values.get(name) or "") for _, values in rows for name in _DATE_FIELDS), day_first)
    except ValueError as error:
        result.errors.append(RowError(1, str(error)))
        return result
    result.dates_read = order.said()

    builder = _RowBuilder(today, now, order.day_first)
    seen: dict[tuple[str, str, str], int | None] = {}
    for application in existing:
        key = _duplicate_key(application.company, application.role, application.applied_on)
        seen[key] = None
    ready: list[dict[str, Any]] = []
    total = len(rows)
    unit = "record" if result.format == "json" else "line"
    for done, (line, values) in enumerate(rows, start=1):
        fields, problems = builder.build(values)
        result.errors.extend(RowError(line, problem, unit) for problem in problems)
        if fields is not None:
            key = _duplicate_key(fields["company"], fields["role"], fields["applied_on"])
            if key in seen:
                earlier = seen[key]
                reason = "already on the board" if earlier is None else f"repeats {unit} {earlier}"
                result.skipped.append(
                    SkippedRow(
                        line,
                        fields["company"],
                        fields["role"],
                        fields["applied_on"],
                        reason,
                        unit,
                    )
                )
            else:
                seen[key] = line
                ready.append(fields)
        if progress is not None:
            progress(done, total)
    result.rows_read = total
    result.errors.sort(key=lambda error: error.line)  # stable: a row's problems stay in order
    if not result.errors:
        result.applications = [_application(fields, allocate_id(), now, today) for fields in ready]
    return result


def _overrides(mapping: Mapping[str, str] | Sequence[str] | None) -> dict[str, tuple[str, str]]:
    """``(header as given, field)`` keyed by the header's comparison key."""
    if mapping is None:
        return {}
    pairs = (
        [(header, resolve_field(target)) for header, target in mapping.items()]
        if isinstance(mapping, Mapping)
        else [parse_mapping(spec) for spec in mapping]
    )
    return {_key(header): (header, target) for header, target in pairs}


def _csv_rows(
    text: str, overrides: dict[str, tuple[str, str]]
) -> tuple[ImportResult, list[tuple[int, dict[str, str]]] | None]:
    result = ImportResult(format="csv")
    if not text.strip():
        result.errors.append(RowError(1, "the file is empty: expected a header row"))
        return result, None
    # A note may be long (the csv module's default cap is 128 KB a cell): no cell is larger
    # than the text it is in, which the caller has already capped (storage/safefile.py).
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    delimiter = _sniff_delimiter(text, overrides)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
        plan = _plan_columns(header, overrides, result)
        if result.errors:
            return result, None
        rows: list[tuple[int, dict[str, str]]] = []
        last_line = reader.line_num
        for cells in reader:
            line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
                result.errors.append(RowError(line, f"{len(cells)} cells but the header has {len(header)} columns"))
                continue
            values = {name: unguard_cell(cells[index]) for index, name in plan if index < len(cells)}
            rows.append((line, values))
    except csv.Error as error:
        result.errors.append(RowError(reader.line_num or 1, f"not readable as CSV ({error})"))
        return result, None
    return result, rows


def _sniff_delimiter(text: str, overrides: dict[str, tuple[str, str]]) -> str:
    """The delimiter that makes the header row yield the most known columns; comma on a tie."""
    header_line = io.StringIO(text, newline="").readline()

    def score(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([header_line], delimiter=delimiter), [])
        keys = [_key(cell) for cell in cells]
        return sum(1 for key in keys if key in overrides or key in _HEADER_LOOKUP), len(cells)

    # max() keeps the first candidate, comma, on a tie.
    return max(_DELIMITERS, key=score)


def _plan_columns(
    header: list[str], overrides: dict[str, tuple[str, str]], result: ImportResult
) -> list[tuple[int, str]]:
    """Which column index fills which field. The first column for a field wins; an override
    beats the automatic mapping."""
    header_keys = [_key(name) for name in header]
    for override, (given, _) in overrides.items():
        if override not in header_keys:
            result.errors.append(RowError(1, f"--map names a column the header does not have ('{given}')"))
    chosen: dict[str, int] = {}
    for index, key in enumerate(header_keys):
        target = overrides[key][1] if key in overrides else None
        if target is not None and target != IGNORE and target not in chosen:
            chosen[target] = index
    for index, key in enumerate(header_keys):
        if key in overrides:
            continue
        target = _HEADER_LOOKUP.get(key)
        if target is not None and target not in chosen:
            chosen[target] = index
    used = set(chosen.values()) | {index for index, key in enumerate(header_keys) if key in _DERIVED_KEYS}
    result.columns = {header[index]: name for name, index in sorted(chosen.items(), key=lambda x: x[1])}
    result.ignored_columns = [name for index, name in enumerate(header) if index not in used]
    for required in ("company", "role"):
        if required not in chosen:
            looked_for = ", ".join(HEADER_ALIASES[required])
            result.errors.append(
                RowError(
                    1,
                    f'no column for {required} (looked for {looked_for}); name one with --map "Header={required}"',
                )
            )
    return [(index, name) for name, index in chosen.items()]


def _json_rows(text: str) -> tuple[ImportResult, list[tuple[int, dict[str, Any]]] | None]:
    """Records from our JSON export (or a bare list of records), numbered from 1."""
    result = ImportResult(format="json")
    try:
        document = load_json(text)
    except json.JSONDecodeError as error:
        result.errors.append(RowError(error.lineno, f"not valid JSON ({error.msg})"))
        return result, None
    except ValueError as error:
        result.errors.append(RowError(1, str(error)))
        return result, None
    if isinstance(document, dict):
        if document.get("format") != JSON_FORMAT:
            result.errors.append(RowError(1, "this JSON file is not a jobboard export"))
            return result, None
        if document.get("version") != JSON_VERSION:
            result.errors.append(
                RowError(
                    1,
                    f"jobboard export version {document.get('version')!r} is not"
                    f" supported; this jobboard reads version {JSON_VERSION}",
                )
            )
            return result, None
        records = document.get("applications")
    else:
        records = document
    if not isinstance(records, list):
        result.errors.append(RowError(1, "this JSON file holds no list of applications"))
        return result, None
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            result.errors.append(RowError(number, "is not an object", "record"))
            continue
        if any(name in record for name in DERIVED_FIELDS):  # worked out on export: skipped, whatever it holds
            record = {name: value for name, value in record.items() if name not in DERIVED_FIELDS}
        unknown = [name for name in record if name not in IMPORT_FIELDS and name != "posting"]
        if unknown:
            result.errors.append(RowError(number, f"unknown field '{unknown[0]}'", "record"))
            continue
        if "posting" in record:  # the JSON export's name for the CSV's captured_posting
            record = {**record, "captured_posting": record["posting"]}
            del record["posting"]
        rows.append((number, record))
    result.columns = {name: name for name in IMPORT_FIELDS}
    return result, rows
