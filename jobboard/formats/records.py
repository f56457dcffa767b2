"""An application as the board file and the JSON export store it: a record, a dict of JSON values.

``application_record``/``application_from_record`` turn an application into its record and back
(strict about types: a hand-edited file with a number where text belongs is reported, never
silently converted); ``canonical_record`` checks a stored record the same way and gives what that
round trip would, without making an application (nor importing pendulum). Fields a newer
jobboard wrote are kept as they are (docs/data.md). The vocabulary itself is jobboard/core/model.py.
"""

from __future__ import annotations

from typing import Any

from jobboard.core.model import (
    INTERVIEW_KINDS,
    OFFER_FIELDS,
    OFFER_OUTCOMES,
    TEXT_FIELDS,
    TIME_OF_DAY,
    Application,
    Event,
    iso_date_text,
    parse_iso_date,
    parse_timestamp,
    timestamp_text,
)
from jobboard.core.people import Person, people_records
from jobboard.core.posting_kept import check_posting


def event_record(event: Event) -> dict[str, Any]:
    record: dict[str, Any] = {"kind": event.kind, "date": event.date.isoformat()}
    if event.note:
        record["note"] = event.note
    if event.status is not None:
        record["status"] = event.status
    _add_details(record, event.time, event.interview_kind, event.people, event.extra, event.outcome)
    return record


def event_from_record(record: dict[str, Any]) -> Event:
    """An event from its stored dict; ValueError when a field is not what jobboard writes."""
    return Event._make(_event_fields(record, parse_iso_date))


def application_record(application: Application) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": application.id,
        "company": application.company,
        "role": application.role,
        "status": application.status,
        "applied_on": application.applied_on.isoformat(),
    }
    for name in TEXT_FIELDS:
        record[name] = getattr(application, name)
    record["people"] = [person.to_record() for person in application.people]
    for name in OFFER_FIELDS:
        record[name] = getattr(application, name)
    record["archived"] = application.archived
    record["tags"] = list(application.tags)
    record["events"] = [event_record(event) for event in application.events]
    record["created"] = application.created.to_iso8601_string()
    record["updated"] = application.updated.to_iso8601_string()
    if application.posting:  # only a captured card has one: other records stay as they were
        record["posting"] = dict(application.posting)
    record.update(application.extra)
    return record


def application_from_record(record: dict[str, Any]) -> Application:
    """An application from a stored dict; raises KeyError or ValueError (naming the field) when
    the record is not one jobboard wrote (see RECORD_ERRORS)."""
    text, applied_on, tags, events, created, updated = _read_record(
        record, parse_iso_date, parse_timestamp, Event._make
    )
    people = [Person.from_record(item) for item in record.get("people", [])]
    return Application(
        applied_on=applied_on,
        tags=tags,
        events=events,
        created=created,
        updated=updated,
        people=people,
        archived=record.get("archived", False),
        posting=dict(check_posting(record.get("posting", {}))),
        extra=_unknown(record),
        **text,
    )


def canonical_record(record: dict[str, Any]) -> dict[str, Any]:
    """``application_record(application_from_record(record))`` without making the application (or
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
    if posting := check_posting(record.get("posting", {})):
        canonical["posting"] = dict(posting)
    canonical.update(_unknown(record))
    return canonical


# The top-level fields of a record this version writes; any other is a newer version's, kept.
RECORD_KEYS = frozenset(
    ("id", "company", "role", "status", "applied_on", *TEXT_FIELDS, "people", *OFFER_FIELDS, "archived", "tags")
    + ("events", "created", "updated", "posting")
)
EVENT_KEYS = frozenset(("kind", "date", "note", "status", "time", "interview_kind", "with", "outcome"))


def _unknown(record: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``record`` this version does not know, in their order."""
    if record.keys() <= RECORD_KEYS:
        return {}
    return {name: value for name, value in record.items() if name not in RECORD_KEYS}


def _event_record(fields: tuple) -> dict[str, Any]:
    """What ``event_record(Event(*fields))`` gives, from (kind, date's text, note, status, time,
    interview_kind, people, extra, outcome)."""
    kind, date, note, status, *details = fields
    record: dict[str, Any] = {"kind": kind, "date": date}
    if note:
        record["note"] = note
    if status is not None:
        record["status"] = status
    _add_details(record, *details)
    return record


def _add_details(
    record: dict[str, Any],
    time: str | None,
    interview_kind: str | None,
    people: tuple,
    extra: tuple = (),
    outcome: str | None = None,
) -> None:
    if outcome is not None:
        record["outcome"] = outcome
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
    """(kind, date, note, status, time, interview_kind, people, extra, outcome) of a stored
    event, its date made by ``date``."""
    kind, note, status = record["kind"], record.get("note", ""), record.get("status")
    if type(kind) is not str or type(note) is not str or not (status is None or type(status) is str):
        raise ValueError(f"an event ({kind!r}) has a kind, note or status that is not text")
    extra = () if record.keys() <= EVENT_KEYS else tuple((k, v) for k, v in record.items() if k not in EVENT_KEYS)
    outcome = record.get("outcome")
    if outcome is not None and outcome not in OFFER_OUTCOMES:
        raise ValueError(f"an event ({kind!r}) has an outcome that is not one of {', '.join(OFFER_OUTCOMES)}")
    if "time" not in record and "interview_kind" not in record and "with" not in record:  # most events
        return kind, date(record["date"]), note, status, None, None, (), extra, outcome
    time, interview_kind, people = record.get("time"), record.get("interview_kind"), record.get("with", [])
    if time is not None and (type(time) is not str or not TIME_OF_DAY.fullmatch(time)):
        raise ValueError(f"an event ({kind!r}) has a time that is not HH:MM")
    if interview_kind is not None and interview_kind not in INTERVIEW_KINDS:
        raise ValueError(f"an event ({kind!r}) has an interview kind that is not one of {', '.join(INTERVIEW_KINDS)}")
    if type(people) is not list or any(type(name) is not str for name in people):
        raise ValueError(f"an event ({kind!r}) has a 'with' that is not a list of names")
    return kind, date(record["date"]), note, status, time, interview_kind, tuple(people), extra, outcome
