import json

import pendulum
import pytest

from jobboard.core.history import History, HistoryEntry
from jobboard.core.model import (
    Event,
    new_application,
    normalise_event_kind,
    parse_iso_date,
)
from jobboard.formats.records import application_from_record, application_record, canonical_record


def test_record_round_trip_keeps_every_field():
    app = new_application(
        "7",
        "Acme",
        "Backend Engineer",
        status="interviewed",
        applied_on=pendulum.date(2026, 3, 1),
        tags=["remote", "python"],
        url="https://x",
        contact="Dana",
        notes="line1\nline2 [bold]",
    )
    app = app.with_event(Event("follow_up", pendulum.date(2026, 3, 9), note="sent"))
    again = application_from_record(application_record(app))
    assert again == app
    assert [e.kind for e in again.events] == ["applied", "status", "follow_up"]


def test_new_application_logs_applied_and_rejects_empty_names():
    app = new_application("1", "  Acme ", "Dev", applied_on=pendulum.date(2026, 1, 2))
    assert app.company == "Acme"
    assert app.events == [Event("applied", pendulum.date(2026, 1, 2))]
    with pytest.raises(ValueError, match="company"):
        new_application("1", "  ", "Dev")
    with pytest.raises(ValueError, match="role"):
        new_application("1", "Acme", "")


def test_moved_to_logs_a_status_event_and_leaves_the_original_alone():
    app = new_application("1", "Acme", "Dev", applied_on=pendulum.date(2026, 1, 2))
    moved = app.moved_to("silent", pendulum.date(2026, 2, 1))
    assert moved.status == "silent" and app.status == "applied"
    assert moved.events[-1] == Event("status", pendulum.date(2026, 2, 1), status="silent")
    assert len(app.events) == 1


@pytest.mark.parametrize("text", ["2026-02-30", "2026-2-3", "tomorrow", "", "2026-02-03T10:00", "20260203"])
def test_parse_iso_date_is_strict(text):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_iso_date(text)


def test_event_kind_spellings():
    assert normalise_event_kind("follow-up") == "follow_up"
    assert normalise_event_kind("Follow_Up") == "follow_up"
    with pytest.raises(ValueError, match="unknown event kind 'lunch'"):
        normalise_event_kind("lunch")


def test_history_undo_redo_walks_both_ways():
    a = new_application("1", "Acme", "Dev")
    b = a.moved_to("silent", pendulum.date(2026, 1, 5))
    history = History()
    history.record(HistoryEntry("move", a, b))
    undo = history.undo()
    assert undo.after == a and undo.before == b
    assert history.undo() is None
    redo = history.redo()
    assert redo.after == b
    history.undo()
    history.record(HistoryEntry("add", None, a))
    assert history.redo() is None  # a new change drops the redo branch


# -- canonical_record: the round trip without building the application ---------------------------


def stored(**changes) -> dict:
    """A record as jobboard writes it, with ``changes`` (None deletes a key)."""
    record = application_record(new_application("7", "Acme", "Dev", applied_on=pendulum.date(2026, 3, 1), tags=["a"]))
    record["events"].append({"kind": "follow_up", "date": "2026-03-09", "note": "sent"})
    record["created"], record["updated"] = "2026-03-01T09:30:00.123456Z", "2026-03-02T10:00:00Z"
    for key, value in changes.items():
        if value is None:
            record.pop(key, None)
        else:
            record[key] = value
    return record


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"url": None, "notes": None, "tags": None, "events": None},  # optional fields left out
        {"created": "2026-03-01T09:30:00.000000Z"},  # zero microseconds are not written
        {"created": "2026-03-01T11:30:00+02:00", "updated": "2026-03-01 09:30:00.5"},  # offset, naive
        {"created": "2026-03-01T23:59:59-05:00"},  # the next day in UTC
        {"created": "20260301T093000Z"},  # basic format
        {"applied_on": "２０２６-03-01"},  # other digits are read as digits, and written plainly
        {"events": [{"kind": "status", "date": "2026-03-02", "status": "silent", "note": ""}]},
    ],
)
def test_canonical_record_is_the_round_trip_through_an_application(changes):
    record = stored(**changes)
    assert json.dumps(canonical_record(record)) == json.dumps(application_record(application_from_record(record)))


def test_canonical_record_stamps_a_missing_timestamp_with_the_same_clock(frozen):
    record = stored(created=None, updated="")
    assert canonical_record(record) == application_record(application_from_record(record))


@pytest.mark.parametrize(
    "changes",
    [
        {"company": 5},
        {"role": None},
        {"company": 5, "role": None},  # the first field in order is the one named
        {"notes": ["x"]},
        {"tags": "a, b"},
        {"tags": ["a", 1]},
        {"events": {"kind": "applied"}},
        {"events": ["applied"]},
        {"events": [{"date": "2026-03-01"}]},
        {"events": [{"kind": "note", "date": "2026-03-01", "note": 3}]},
        {"events": [{"kind": "note"}]},
        {"events": [{"kind": "note", "date": "2026-02-30"}]},
        {"applied_on": None},
        {"applied_on": "2026-3-1"},
        {"applied_on": "9999-12-30"},
        {"applied_on": ["2026-03-01"]},
        {"created": 1234},
        {"created": "not a time"},
        {"updated": "2026-03-01T25:00:00Z"},
    ],
)
def test_canonical_record_refuses_what_from_record_refuses_in_the_same_words(changes):
    record = stored(**changes)
    with pytest.raises(Exception) as built:
        application_from_record(record)
    with pytest.raises(type(built.value)) as canonical:
        canonical_record(record)
    assert str(canonical.value) == str(built.value)
