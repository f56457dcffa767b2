"""The job hunt's vocabulary: applications, their dated events and the stages they move through.

Plain dataclasses with no I/O. Dates are pendulum ``Date`` objects; timestamps are UTC
pendulum ``DateTime`` objects. ``to_record``/``from_record`` turn an application into the
JSON-safe dict the board file stores, and back; ``canonical_record`` checks a stored dict the
same way and gives what that round trip would, without making an application.

pendulum is imported on first use, not with this module: it takes ~50 ms to import, and
commands that only check records and pass them on (``jobboard list --json``) never make a date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, NamedTuple, TypedDict, Unpack

from jobboard.core.people import Person, first_contact, people_records

if TYPE_CHECKING:
    import pendulum

# Every stage jobboard knows, in board order. The default board shows five of them;
# `wishlist` and `withdrawn` can be switched on in config.toml.
ALL_STATUSES: tuple[str, ...] = (
    "wishlist",
    "applied",
    "interviewed",
    "offer",
    "silent",
    "rejected",
    "withdrawn",
)
DEFAULT_COLUMNS: tuple[str, ...] = ("applied", "interviewed", "offer", "silent", "rejected")

STATUS_TITLES: dict[str, str] = {
    "wishlist": "Wishlist",
    "applied": "Applied",
    "interviewed": "Interviewed",
    "offer": "Offer",
    "silent": "Silent",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
}

# The kinds of dated event an application's log can hold (see docs/rules.md).
EVENT_KINDS: tuple[str, ...] = (
    "applied",
    "status",
    "follow_up",
    "heard_back",
    "interview",
    "thank_you",
    "acknowledged",
    "feedback_requested",
    "feedback_received",
    "contacted_team",
    "note",
    "snooze",
    "offer",
    "offer_answered",
    "withdrawal_sent",
)

# How the log names each kind of event, wherever it is shown (the panel, the exports, `show`).
EVENT_WORDS: dict[str, str] = {
    "applied": "Applied",
    "status": "Moved",
    "follow_up": "Followed up",
    "heard_back": "Heard back",
    "interview": "Interview",
    "thank_you": "Sent a thank-you note",
    "acknowledged": "Acknowledged the rejection",
    "feedback_requested": "Asked for feedback",
    "feedback_received": "Got feedback",
    "contacted_team": "Talked to the team",
    "note": "Note",
    "snooze": "Snoozed until",
    "offer": "Got an offer",
    "offer_answered": "Answered the offer",
    "withdrawal_sent": "Told them I withdrew",
}


def status_title(status: str) -> str:
    """A column's name as the user reads it ("Interviewed"), for known and unknown statuses."""
    return STATUS_TITLES.get(status, status.replace("_", " ").capitalize())


def event_words(event: Event) -> str:
    """What an event was, in words: "Moved to Interviewed", "Sent a thank-you note"."""
    if event.kind == "status" and event.status:
        return f"Moved to {status_title(event.status)}"
    return EVENT_WORDS.get(event.kind, event.kind)


# What kind of interview an `interview` event was (or will be).
INTERVIEW_KINDS: tuple[str, ...] = ("phone", "technical", "onsite", "final", "other")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


def parse_time(text: str) -> str:
    """A time of day as jobboard stores it, "HH:MM" (24 h); "9:30" reads as "09:30". ValueError
    with one sentence otherwise."""
    cleaned = str(text).strip()
    if re.fullmatch(r"[0-9]:[0-5][0-9]", cleaned):
        cleaned = "0" + cleaned
    if not _TIME.fullmatch(cleaned):
        raise ValueError(f"'{str(text).strip()}' is not a time of day: use HH:MM, e.g. 14:00")
    return cleaned


# Text fields a user types; all default to the empty string.
TEXT_FIELDS: tuple[str, ...] = (
    "url",
    "location",
    "salary",
    "source",
    "notes",
)

# What an offer came with, as typed: the amount ("EUR 70k + bonus"), the decision deadline
# (YYYY-MM-DD, checked where it comes in) and a note. All default to the empty string.
OFFER_FIELDS: tuple[str, ...] = ("offer_amount", "offer_deadline", "offer_note")


class TextFields(TypedDict, total=False):
    """The typed-in text of an application (TEXT_FIELDS and OFFER_FIELDS), each a str."""

    url: str
    location: str
    salary: str
    source: str
    notes: str
    offer_amount: str
    offer_deadline: str
    offer_note: str


def normalise_event_kind(kind: str) -> str:
    """Accept `follow-up`, `Follow Up` and `follow_up` alike; raise ValueError when unknown."""
    cleaned = kind.strip().lower().replace("-", "_").replace(" ", "_")
    if cleaned not in EVENT_KINDS:
        known = ", ".join(EVENT_KINDS)
        raise ValueError(f"unknown event kind '{kind}'; use one of: {known}")
    return cleaned


def _pendulum():  # noqa: ANN202 - the pendulum module
    import pendulum  # on first use: see the module's docstring

    return pendulum


def now_utc() -> pendulum.DateTime:
    return _pendulum().now("UTC")


def today() -> pendulum.Date:
    return _pendulum().today().date()


class Event(NamedTuple):
    """One dated entry in an application's log.

    A NamedTuple: immutable like a frozen dataclass, and several times cheaper to build,
    which counts when a large board with tens of thousands of events is loaded.
    """

    kind: str
    date: pendulum.Date
    note: str = ""
    status: str | None = None  # the new column, for `status` events
    # An interview's details (schema 2): its time "HH:MM", its kind, the people met.
    time: str | None = None
    interview_kind: str | None = None
    people: tuple[str, ...] = ()
    # Fields this version does not know (written by a newer one), kept as they were: (name, value).
    extra: tuple[tuple[str, Any], ...] = ()

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {"kind": self.kind, "date": self.date.isoformat()}
        if self.note:
            record["note"] = self.note
        if self.status is not None:
            record["status"] = self.status
        _add_details(record, self.time, self.interview_kind, self.people, self.extra)
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Event:
        """An event from its stored dict; ValueError when a field is not what jobboard writes."""
        return cls._make(_event_fields(record, parse_iso_date))


@dataclass
class Application:
    """One job application and everything the candidate knows about it."""

    id: str
    company: str
    role: str
    status: str = "applied"
    applied_on: pendulum.Date = field(default_factory=today)
    url: str = ""
    location: str = ""
    salary: str = ""
    source: str = ""
    notes: str = ""
    people: list[Person] = field(default_factory=list)
    offer_amount: str = ""
    offer_deadline: str = ""  # YYYY-MM-DD or empty
    offer_note: str = ""
    archived: bool = False  # put away: off the board and the default lists
    tags: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    created: pendulum.DateTime = field(default_factory=now_utc)
    updated: pendulum.DateTime = field(default_factory=now_utc)
    # Top-level fields this version does not know (a newer jobboard wrote them): kept as they
    # are through every write, never shown or changed (docs/data.md).
    extra: dict[str, Any] = field(default_factory=dict)

    def copy(self, **changes: Any) -> Application:
        """A copy with fresh lists, so editing the copy never touches the original."""
        changes.setdefault("tags", list(self.tags))
        changes.setdefault("people", list(self.people))
        changes.setdefault("events", list(self.events))
        return replace(self, **changes)

    def with_event(self, event: Event) -> Application:
        return self.copy(events=[*self.events, event], updated=now_utc())

    def moved_to(self, status: str, on: pendulum.Date) -> Application:
        """The application in another column, with the `status` event that records the move."""
        moved = self.with_event(Event("status", on, status=status))
        moved.status = status
        return moved

    def events_of(self, *kinds: str) -> list[Event]:
        return [event for event in self.events if event.kind in kinds]

    @property
    def contact(self) -> Person | None:
        """The main contact: the first recruiter, else the first person listed, else None."""
        return next((p for p in self.people if p.role == "recruiter"), self.people[0] if self.people else None)

    @property
    def deadline(self) -> pendulum.Date | None:
        """The offer's decision deadline, when one is recorded."""
        return parse_iso_date(self.offer_deadline) if self.offer_deadline else None

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": self.id,
            "company": self.company,
            "role": self.role,
            "status": self.status,
            "applied_on": self.applied_on.isoformat(),
        }
        for name in TEXT_FIELDS:
            record[name] = getattr(self, name)
        record["people"] = [person.to_record() for person in self.people]
        for name in OFFER_FIELDS:
            record[name] = getattr(self, name)
        record["archived"] = self.archived
        record["tags"] = list(self.tags)
        record["events"] = [event.to_record() for event in self.events]
        record["created"] = self.created.to_iso8601_string()
        record["updated"] = self.updated.to_iso8601_string()
        record.update(self.extra)
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Application:
        """Build an application from a stored dict; raises KeyError or ValueError (naming the
        field) when the record is not one jobboard wrote. Strict about types, so a hand-edited
        file with a number where text belongs is reported instead of silently converted."""
        text, applied_on, tags, events, created, updated = _read_record(
            record, parse_iso_date, parse_timestamp, Event._make
        )
        people = [Person.from_record(item) for item in record.get("people", [])]
        return cls(
            applied_on=applied_on,
            tags=tags,
            events=events,
            created=created,
            updated=updated,
            people=people,
            archived=record.get("archived", False),
            extra=_unknown(record),
            **text,
        )


def canonical_record(record: dict[str, Any]) -> dict[str, Any]:
    """``Application.from_record(record).to_record()`` without making the application (or
    importing pendulum): the same checks and errors, the same dict, the same key order.

    For commands that pass a board's records through (``jobboard list --json``): checking
    and re-encoding a record this way costs a fraction of building an application."""
    text, applied_on, tags, events, created, updated = _read_record(
        record, iso_date_text, timestamp_text, _event_record
    )
    canonical = {"id": text["id"], "company": text["company"], "role": text["role"], "status": text["status"]}
    canonical["applied_on"] = applied_on
    for name in TEXT_FIELDS:
        canonical[name] = text[name]
    canonical["people"] = people_records(record.get("people", []))
    for name in OFFER_FIELDS:
        canonical[name] = text[name]
    canonical["archived"] = record.get("archived", False)
    canonical["tags"] = tags
    canonical["events"] = events
    canonical["created"] = created
    canonical["updated"] = updated
    canonical.update(_unknown(record))
    return canonical


# The top-level fields of a record this version writes; any other is a newer version's, kept.
RECORD_KEYS = frozenset(
    ("id", "company", "role", "status", "applied_on", *TEXT_FIELDS, "people", *OFFER_FIELDS, "archived", "tags")
    + ("events", "created", "updated")
)
EVENT_KEYS = frozenset(("kind", "date", "note", "status", "time", "interview_kind", "with"))


def _unknown(record: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``record`` this version does not know, in their order."""
    if record.keys() <= RECORD_KEYS:
        return {}
    return {name: value for name, value in record.items() if name not in RECORD_KEYS}


def _event_record(fields: tuple) -> dict[str, Any]:
    """What ``Event(*fields).to_record()`` gives, from (kind, date's text, note, status, time,
    interview_kind, people, extra)."""
    kind, date, note, status, *details = fields
    record: dict[str, Any] = {"kind": kind, "date": date}
    if note:
        record["note"] = note
    if status is not None:
        record["status"] = status
    _add_details(record, *details)
    return record


def _add_details(
    record: dict[str, Any], time: str | None, interview_kind: str | None, people: tuple, extra: tuple = ()
) -> None:
    if time is not None:
        record["time"] = time
    if interview_kind is not None:
        record["interview_kind"] = interview_kind
    if people:
        record["with"] = list(people)
    record.update(extra)


# The text fields of a record in the order they are checked, and whether each must be present.
_REQUIRED = ("id", "company", "role", "status")
_TEXT_KEYS: tuple[tuple[str, bool], ...] = tuple(
    (name, name in _REQUIRED) for name in (*_REQUIRED, *TEXT_FIELDS, *OFFER_FIELDS)
)


# What reading a stored record that jobboard did not write can raise (a missing field, a wrong
# type, a date off the calendar); anything else is a bug, not a bad board.
RECORD_ERRORS = (KeyError, ValueError, TypeError, AttributeError, OverflowError)


def _read_record(record: dict[str, Any], date, timestamp, event) -> tuple:  # noqa: ANN001
    """Check a stored application record field by field and return (text fields, applied_on,
    tags, events, created, updated), with its dates and timestamps made by the ``date`` and
    ``timestamp`` functions given, and each event by ``event`` from its (kind, date, note,
    status).

    Raises KeyError or ValueError for the first field (in a fixed order) that is not what
    jobboard writes, so both readers above report a bad record in the same words."""
    text = {}
    for name, required in _TEXT_KEYS:
        value = record[name] if required else record.get(name, "")
        if type(value) is not str:
            raise ValueError(f"'{name}' is missing or not text")
        text[name] = value
    if type(record.get("people", [])) is not list:
        raise ValueError("'people' is not a list of people")
    if type(record.get("archived", False)) is not bool:
        raise ValueError("'archived' is not true or false")
    if text["offer_deadline"]:
        date(text["offer_deadline"])
    tags = record.get("tags", [])
    if type(tags) is not list or (tags and any(type(tag) is not str for tag in tags)):
        raise ValueError("'tags' is not a list of text")
    events = record.get("events", [])
    if type(events) is not list or any(type(item) is not dict for item in events):
        raise ValueError("'events' is not a list of events")
    created, updated = record.get("created"), record.get("updated")
    if created is not None and type(created) is not str:
        raise ValueError("'created' is not text")
    if updated is not None and type(updated) is not str:
        raise ValueError("'updated' is not text")
    applied_on = date(record["applied_on"])
    made = [event(_event_fields(item, date)) for item in events]
    return text, applied_on, list(tags), made, timestamp(created), timestamp(updated)


def _event_fields(record: dict[str, Any], date) -> tuple:  # noqa: ANN001
    """(kind, date, note, status, time, interview_kind, people, extra) of a stored event, its
    date made by ``date``."""
    kind, note, status = record["kind"], record.get("note", ""), record.get("status")
    if type(kind) is not str or type(note) is not str or not (status is None or type(status) is str):
        raise ValueError(f"an event ({kind!r}) has a kind, note or status that is not text")
    extra = () if record.keys() <= EVENT_KEYS else tuple((k, v) for k, v in record.items() if k not in EVENT_KEYS)
    if "time" not in record and "interview_kind" not in record and "with" not in record:  # most events
        return kind, date(record["date"]), note, status, None, None, (), extra
    time, interview_kind, people = record.get("time"), record.get("interview_kind"), record.get("with", [])
    if time is not None and (type(time) is not str or not _TIME.fullmatch(time)):
        raise ValueError(f"an event ({kind!r}) has a time that is not HH:MM")
    if interview_kind is not None and interview_kind not in INTERVIEW_KINDS:
        raise ValueError(f"an event ({kind!r}) has an interview kind that is not one of {', '.join(INTERVIEW_KINDS)}")
    if type(people) is not list or any(type(name) is not str for name in people):
        raise ValueError(f"an event ({kind!r}) has a 'with' that is not a list of names")
    return kind, date(record["date"]), note, status, time, interview_kind, tuple(people), extra


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Dates a job hunt can have. Far outside this range the advice's date arithmetic would run off
# the calendar (year 9999 + 5 business days), so such dates are refused where they come in.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2199


def _date_parts(text: Any) -> tuple[int, int, int]:
    """(year, month, day) of a strict YYYY-MM-DD date between 1900 and 2199; ValueError otherwise."""
    if not isinstance(text, str) or not _ISO_DATE.fullmatch(text):
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD")
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:])
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValueError(f"'{text}' is not a date between {EARLIEST_YEAR} and {LATEST_YEAR}")
    try:
        dt.date(year, month, day)
    except ValueError as error:
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD") from error
    return year, month, day


# Both date readers are cached: a board of thousands of applications holds a few hundred
# distinct dates, and loading it reads each of them many times.


@functools.lru_cache(maxsize=8192)
def parse_iso_date(text: Any) -> pendulum.Date:
    """Parse a strict YYYY-MM-DD date between 1900 and 2199; raise ValueError otherwise."""
    return _pendulum().Date(*_date_parts(text))


@functools.lru_cache(maxsize=8192)
def iso_date_text(text: Any) -> str:
    """``parse_iso_date(text).isoformat()``, without making a pendulum date."""
    return dt.date(*_date_parts(text)).isoformat()


def _utc(text: Any) -> dt.datetime:
    """A stored timestamp (ISO 8601) as an aware UTC datetime; naive ones are taken as UTC."""
    try:
        # The stdlib parser is many times faster than pendulum.parse, which matters on load.
        parsed = dt.datetime.fromisoformat(str(text))
    except ValueError:
        pendulum = _pendulum()
        parsed = pendulum.parse(str(text))
        if not isinstance(parsed, pendulum.DateTime):
            raise ValueError(f"'{text}' is not a timestamp") from None
    if parsed.tzinfo is dt.UTC:
        return parsed  # written in UTC, as jobboard does: nothing to convert
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def parse_timestamp(text: Any) -> pendulum.DateTime:
    """A stored UTC timestamp (ISO 8601); the clock's now when missing."""
    if not text:
        return now_utc()
    utc = _utc(text)
    pendulum = _pendulum()
    # Built directly rather than through pendulum.instance(), which is slow on a large board.
    return pendulum.DateTime(
        utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second, utc.microsecond, tzinfo=pendulum.UTC
    )


# A timestamp exactly as ``to_iso8601_string`` writes a UTC one (microseconds only when not 0;
# hour 24, which a newer Python may read as the next day, is never written).
_CANONICAL_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-9]{2}:[0-9]{2}(\.(?!000000)[0-9]{6})?Z"
)


def timestamp_text(text: Any) -> str:
    """``parse_timestamp(text).to_iso8601_string()``, without making a pendulum timestamp:
    ISO 8601 in UTC with a "Z" (and the clock's now when missing)."""
    if not text:
        return now_utc().to_iso8601_string()  # pendulum's clock, which tests can stop
    utc = _utc(text)  # checked even when it is written as it should be
    if _CANONICAL_TIMESTAMP.fullmatch(text):
        return text  # what jobboard writes reads back as itself; formatting it again is slow
    return utc.isoformat().replace("+00:00", "Z")


def new_application(
    app_id: str,
    company: str,
    role: str,
    *,
    status: str = "applied",
    applied_on: pendulum.Date | None = None,
    moved_on: pendulum.Date | None = None,
    tags: list[str] | None = None,
    people: list[Person] | None = None,
    contact: str = "",
    email: str = "",
    **text_fields: Unpack[TextFields],
) -> Application:
    """A fresh application with its `applied` event (and a `status` event when it starts in
    another column), as `jobboard add` and the add form create it. The `status` event is dated
    ``moved_on``, by default the day the card is recorded (its applied date stays its own); a
    Wishlist card's by default its own date, the day it was saved there. A ``contact`` name
    and/or ``email`` alone make the first person, a recruiter."""
    company, role = company.strip(), role.strip()
    if not company:
        raise ValueError("company must not be empty")
    if not role:
        raise ValueError("role must not be empty")
    applied_on = applied_on or today()
    events = [Event("applied", applied_on)]
    if status == "wishlist":  # not a later column: saved to the Wishlist on its date
        events.append(Event("status", moved_on or applied_on, status=status))
    elif status != "applied":
        events.append(Event("status", moved_on or today(), status=status))
    return Application(
        id=app_id,
        company=company,
        role=role,
        status=status,
        applied_on=applied_on,
        tags=list(tags or []),
        events=events,
        people=first_contact(contact, email) + list(people or []),
        **text_fields,
    )
