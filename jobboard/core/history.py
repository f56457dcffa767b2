"""Undo and redo for the board: every change is a (before, after) pair of one application.

``before`` is None for an add, ``after`` is None for a delete, so one shape covers adds,
edits, moves, logged events and deletes. Pure: the caller applies what comes back.
"""

from __future__ import annotations

from typing import NamedTuple

from jobboard.core.model import Application

LIMIT = 200


class HistoryEntry(NamedTuple):
    label: str
    before: Application | None
    after: Application | None

    def inverse(self) -> HistoryEntry:
        return HistoryEntry(self.label, self.after, self.before)


class History:
    # A plain class, and HistoryEntry a NamedTuple: a dataclass would be written and compiled at
    # every start of jobboard (a millisecond or two each).
    def __init__(self) -> None:
        self.past: list[HistoryEntry] = []
        self.future: list[HistoryEntry] = []

    def record(self, change: HistoryEntry) -> None:
        self.past.append(change)
        del self.past[:-LIMIT]
        self.future.clear()

    def undo(self) -> HistoryEntry | None:
        """The change that undoes the last one (to apply), or None when there is nothing."""
        if not self.past:
            return None
        change = self.past.pop()
        self.future.append(change)
        return change.inverse()

    def redo(self) -> HistoryEntry | None:
        if not self.future:
            return None
        change = self.future.pop()
        self.past.append(change)
        return change

    def forget_undone(self) -> None:
        """Drop the change just undone: it could not be taken back (its card changed or went
        elsewhere), so there is nothing to redo either."""
        if self.future:
            self.future.pop()

    def forget_redone(self) -> None:
        """Drop the change just redone, which could not be made again."""
        if self.past:
            self.past.pop()
