"""What one action changed on one card, so it can be applied to the card as it is on disk.

The board can be changed from several places at once (the TUI, commands in another terminal,
a second TUI). A change made from the screen is therefore never written as the whole card the
screen holds: it is a ``CardChange`` (the fields it changed, from what to what, and the events
it logged or took away), applied to the card as it is on disk at the moment of the write.
Undo applies the inverse change the same way, so it takes back exactly what was done and
keeps whatever happened elsewhere meanwhile.

A field changed elsewhere since the screen read it is a conflict: the other change is kept and
the field is named, so the user can be told. Pure: no UI and no storage.
"""

from __future__ import annotations

import dataclasses
from typing import Any, NamedTuple

from jobboard.core.model import Application, Event, now_utc

# Every field of an application but the board's own (id, created, updated), the events, which
# are compared one by one, and the fields of a newer version (``extra``), which no change of
# this one touches: a field added to Application is a field a change carries.
FIELDS: tuple[str, ...] = tuple(
    field.name
    for field in dataclasses.fields(Application)
    if field.name not in ("id", "created", "updated", "events", "extra")
)

FIELD_WORDS = {"applied_on": "applied date", "status": "column", "events": "event"}


def _value(application: Application, name: str) -> Any:
    value = getattr(application, name)
    return tuple(value) if isinstance(value, list) else value


class CardChange(NamedTuple):
    """The difference one action made to one card."""

    fields: dict[str, tuple[Any, Any]]  # name -> (before, after)
    added: tuple[Event, ...]  # events logged
    removed: tuple[Event, ...]  # events taken away

    @classmethod
    def between(cls, before: Application, after: Application) -> CardChange:
        fields = {
            name: (_value(before, name), _value(after, name))
            for name in FIELDS
            if _value(before, name) != _value(after, name)
        }
        remaining = list(before.events)
        added = []
        for event in after.events:
            if event in remaining:
                remaining.remove(event)
            else:
                added.append(event)
        return cls(fields, tuple(added), tuple(remaining))

    def inverse(self) -> CardChange:
        fields = {name: (after, before) for name, (before, after) in self.fields.items()}
        return CardChange(fields, self.removed, self.added)

    def __bool__(self) -> bool:
        return bool(self.fields or self.added or self.removed)

    def applied_to(self, current: Application) -> tuple[Application, list[str]]:
        """``current`` with this change made to it, and the names of the fields left as they
        were because they had been changed elsewhere to something else (the conflicts);
        ``"events"`` among them when an event to take away is no longer on the card as it was."""
        values: dict[str, Any] = {}
        conflicts: list[str] = []
        for name, (before, after) in self.fields.items():
            now = _value(current, name)
            if now == before:
                values[name] = list(after) if isinstance(after, tuple) else after  # lists were compared as tuples
            elif now != after:
                conflicts.append(name)
        events: list[Event | None] = list(current.events)
        # A column kept as it was elsewhere keeps its log as it was: no move is logged or undone.
        keep_log = "status" in conflicts
        for event in self.removed:
            if keep_log and event.kind == "status":
                continue
            if event in events:
                events[events.index(event)] = None  # a slot: an edited event keeps its place
            elif "events" not in conflicts:
                conflicts.append("events")  # edited or deleted elsewhere: not taken away here
        for event in self.added:
            if keep_log and event.kind == "status":
                continue
            if None in events:
                events[events.index(None)] = event
            else:
                events.append(event)
        events = [event for event in events if event is not None]
        if not values and events == current.events:
            return current, conflicts
        return current.copy(events=events, updated=now_utc(), **values), conflicts


def conflict_words(conflicts: list[str]) -> str:
    """The conflicting fields as the user reads them: "company and column"."""
    words = [FIELD_WORDS.get(name, name) for name in conflicts]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
