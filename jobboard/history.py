"""Undo and redo for the board: every change is a (before, after) pair of one application.

``before`` is None for an add, ``after`` is None for a delete, so one shape covers adds,
edits, moves, logged events and deletes. Pure: the caller applies what comes back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jobboard.model import Application

LIMIT = 200


@dataclass(frozen=True)
class Change:
    label: str
    before: Application | None
    after: Application | None

    def inverse(self) -> Change:
        return Change(self.label, self.after, self.before)


@dataclass
class History:
    past: list[Change] = field(default_factory=list)
    future: list[Change] = field(default_factory=list)

    def record(self, change: Change) -> None:
        self.past.append(change)
        del self.past[:-LIMIT]
        self.future.clear()

    def undo(self) -> Change | None:
        """The change that undoes the last one (to apply), or None when there is nothing."""
        if not self.past:
            return None
        change = self.past.pop()
        self.future.append(change)
        return change.inverse()

    def redo(self) -> Change | None:
        if not self.future:
            return None
        change = self.future.pop()
        self.past.append(change)
        return change
