import pendulum
import pytest

from jobboard.history import Change, History
from jobboard.model import Application, Event, new_application, normalise_event_kind, parse_iso_date


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
    again = Application.from_record(app.to_record())
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
    history.record(Change("move", a, b))
    undo = history.undo()
    assert undo.after == a and undo.before == b
    assert history.undo() is None
    redo = history.redo()
    assert redo.after == b
    history.undo()
    history.record(Change("add", None, a))
    assert history.redo() is None  # a new change drops the redo branch
