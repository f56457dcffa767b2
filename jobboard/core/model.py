"""The job hunt's vocabulary: applications, their dated events and the stages they move through.

Plain dataclasses with no I/O. Dates are pendulum ``Date`` objects; timestamps are UTC
pendulum ``DateTime`` objects. The JSON-safe dict an application is stored as (a record) is
jobboard/formats/records.py's: the board file and the JSON export both write it.

pendulum is imported on first use, not with this module: it takes ~50 ms to import, and
commands that only check records and pass them on (``jobboard list --json``) never make a date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, NamedTuple, TypedDict, Unpack

from jobboard.core.patterns import Pattern
from jobboard.core.people import Person, first_contact
from jobboard.core.posting_kept import apply_by_text

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
# The columns of a process that is over (an archived card counts as closed too).
CLOSED_STATUSES: tuple[str, ...] = ("rejected", "withdrawn")
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
    "offer_acknowledged",
    "offer_answered",
    "withdrawal_sent",
    "referrer_updated",
)

# What an ``offer_answered`` event says the answer was (docs/rules.md, "Offers"); an answer
# logged before outcomes existed has none and still counts as answered.
OFFER_OUTCOMES: tuple[str, ...] = ("accepted", "declined", "countered")

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
    "offer_acknowledged": "Thanked them for the offer",
    "offer_answered": "Answered the offer",
    "withdrawal_sent": "Told them I withdrew",
    "referrer_updated": "Told my referrer how it went",
}

# How an answered offer reads with its outcome.
OUTCOME_WORDS: dict[str, str] = {
    "accepted": "Accepted the offer",
    "declined": "Declined the offer",
    "countered": "Made a counter-offer",
}


def status_title(status: str) -> str:
    """A column's name as the user reads it ("Interviewed"), for known and unknown statuses."""
    return STATUS_TITLES.get(status, status.replace("_", " ").capitalize())


def event_words(event: Event) -> str:
    """What an event was, in words: "Moved to Interviewed", "Sent a thank-you note"."""
    if event.kind == "status" and event.status:
        return f"Moved to {status_title(event.status)}"
    if event.kind == "offer_answered" and event.outcome in OUTCOME_WORDS:
        return OUTCOME_WORDS[event.outcome]
    return EVENT_WORDS.get(event.kind, event.kind)


# What kind of interview an `interview` event was (or will be).
INTERVIEW_KINDS: tuple[str, ...] = ("phone", "technical", "onsite", "final", "other")
TIME_OF_DAY = Pattern(r"([01][0-9]|2[0-3]):[0-5][0-9]")  # HH:MM, 24 h


def parse_time(text: str) -> str:
    """A time of day as jobboard stores it, "HH:MM" (24 h); "9:30" reads as "09:30". ValueError
    with one sentence otherwise."""
    cleaned = str(text).strip()
    if re.fullmatch(r"[0-9]:[0-5][0-9]", cleaned):
        cleaned = "0" + cleaned
    if not TIME_OF_DAY.fullmatch(cleaned):
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


def time_now(as_of: pendulum.Date) -> str | None:
    """The local time ("HH:MM") when ``as_of`` is today, else None: advice asked "as of" another
    day reads that day whole (docs/rules.md, "An interview later today")."""
    now = _pendulum().now()
    return f"{now.hour:02d}:{now.minute:02d}" if now.date() == as_of else None


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
    # An answered offer's outcome (one of OFFER_OUTCOMES), for `offer_answered` events.
    outcome: str | None = None


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
    # The posting captured from its page (core/posting_kept.py); empty when typed by hand.
    posting: dict[str, Any] = field(default_factory=dict)
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
    def closed(self) -> bool:
        """Rejected, withdrawn or archived: the process is over, so an interview still booked
        on it is not coming up (no reminder, no agenda line, no calendar entry)."""
        return self.archived or self.status in CLOSED_STATUSES

    @property
    def deadline(self) -> pendulum.Date | None:
        """The offer's decision deadline, when one is recorded."""
        return parse_iso_date(self.offer_deadline) if self.offer_deadline else None

    @property
    def apply_by(self) -> pendulum.Date | None:
        """The captured posting's closing date, when it gave a real one (not a placeholder)."""
        closes = apply_by_text(self.posting) if self.posting else ""
        return parse_iso_date(closes) if closes else None


_ISO_DATE = Pattern(r"\d{4}-\d{2}-\d{2}")

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
_CANONICAL_TIMESTAMP = Pattern(
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
    recorded_on: pendulum.Date | None = None,
    tags: list[str] | None = None,
    people: list[Person] | None = None,
    contact: str = "",
    email: str = "",
    **text_fields: Unpack[TextFields],
) -> Application:
    """A fresh application with its `applied` event (and a `status` event when it starts in
    another column), as `jobboard add` and the add form create it. The `status` event is dated
    ``moved_on``, by default the day the card is recorded (its applied date stays its own); a
    Wishlist card's by default its own date, the day it was saved there. The day it is recorded
    is ``recorded_on`` (the TUI gives its own clock's), by default the system date; it is also
    the applied date when none is given. A ``contact`` name and/or ``email`` alone make the
    first person, a recruiter."""
    company, role = company.strip(), role.strip()
    if not company:
        raise ValueError("company must not be empty")
    if not role:
        raise ValueError("role must not be empty")
    recorded_on = recorded_on or today()
    applied_on = applied_on or recorded_on
    events = [Event("applied", applied_on)]
    if status == "wishlist":  # not a later column: saved to the Wishlist on its date
        events.append(Event("status", moved_on or applied_on, status=status))
    elif status != "applied":
        events.append(Event("status", moved_on or recorded_on, status=status))
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
