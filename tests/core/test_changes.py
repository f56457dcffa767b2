"""Changes, not copies: what an action changed, applied to the card as it is on disk."""

from __future__ import annotations

import pendulum
import pytest

from jobboard.core.changes import CardChange, conflict_words
from jobboard.core.model import Event, new_application
from jobboard.storage.store import BoardError, BoardStore

DAY = pendulum.date(2026, 11, 16)


def card():
    return new_application("1", "Acme", "Dev", applied_on=DAY)


def test_a_move_then_an_outside_follow_up_then_undo_keeps_the_follow_up():
    shown = card()
    moved = shown.moved_to("interviewed", DAY)
    change = CardChange.between(shown, moved)
    on_disk = moved.with_event(Event("follow_up", DAY.add(days=1)))  # logged from another terminal
    undone, conflicts = change.inverse().applied_to(on_disk)
    assert conflicts == []
    assert undone.status == "applied"
    assert [e.kind for e in undone.events] == ["applied", "follow_up"]


def test_only_the_fields_changed_are_written_and_a_clash_keeps_the_other_change():
    shown = card()
    renamed = shown.copy(company="Acme Robotics", notes="call Ana")
    change = CardChange.between(shown, renamed)
    assert set(change.fields) == {"company", "notes"}
    elsewhere = shown.moved_to("rejected", DAY).copy(notes="from the CLI")
    saved, conflicts = change.applied_to(elsewhere)
    assert saved.company == "Acme Robotics" and saved.status == "rejected"
    assert saved.notes == "from the CLI" and conflicts == ["notes"]
    assert conflict_words(["company", "status", "applied_on"]) == "company, column and applied date"


def test_a_move_that_clashes_with_a_move_elsewhere_logs_nothing():
    shown = card()
    change = CardChange.between(shown, shown.moved_to("interviewed", DAY))
    elsewhere = shown.moved_to("silent", DAY)
    saved, conflicts = change.applied_to(elsewhere)
    assert conflicts == ["status"] and saved == elsewhere  # column and log still agree


def test_an_empty_change_changes_nothing():
    shown = card()
    change = CardChange.between(shown, shown.copy())
    assert not change
    assert change.applied_to(shown) == (shown, [])


def test_the_store_applies_a_change_to_the_card_on_disk(tmp_path):
    store = BoardStore(tmp_path / "board.json")
    shown = store.add(lambda i: new_application(i, "Acme", "Dev", applied_on=DAY))
    BoardStore(store.path).update("1", lambda a: a.with_event(Event("follow_up", DAY)))  # elsewhere
    change = CardChange.between(shown, shown.copy(role="Staff Dev"))
    saved, conflicts = store.apply("1", change)
    again = BoardStore(store.path).get("1")
    assert again == saved and conflicts == []
    assert again.role == "Staff Dev" and [e.kind for e in again.events] == ["applied", "follow_up"]
    BoardStore(store.path).delete("1")
    before = store.path.read_bytes()
    with pytest.raises(BoardError, match="no longer on"):
        store.apply("1", change)
    assert store.path.read_bytes() == before


def test_a_change_carries_every_field_of_an_application():
    import dataclasses

    from jobboard.core.changes import FIELDS
    from jobboard.core.model import Application

    own = {"id", "created", "updated", "events", "extra"}  # extra: a newer version's, never changed
    assert set(FIELDS) == {f.name for f in dataclasses.fields(Application)} - own


def test_undo_of_an_event_edited_elsewhere_keeps_it_and_says_so():
    shown = card()
    followed = shown.with_event(Event("follow_up", DAY))
    change = CardChange.between(shown, followed)
    on_disk = shown.with_event(Event("follow_up", DAY, "edited in a shell"))  # not yet on screen
    undone, conflicts = change.inverse().applied_to(on_disk)
    assert undone is on_disk  # the shell's follow-up stays
    assert conflicts == ["events"] and conflict_words(conflicts) == "event"
