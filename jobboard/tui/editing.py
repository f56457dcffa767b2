"""Changing the board from the screen: edits, adds, deletes, undo and redo.

A mixin of JobBoardApp, as the board screen's keys are mixins of it. Each change shows at once
(the in-memory board and the history) and goes to the writer as a CardChange, what it changed
and never the card as shown, which the store makes to the card as it is on disk (see
jobboard.core.changes). What comes back from the writer (the card as saved, the fields that
clashed) is shown here too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message

from jobboard.core.changes import CardChange, conflict_words
from jobboard.core.history import HistoryEntry
from jobboard.core.model import Application
from jobboard.formats.printable import one_line
from jobboard.storage.store import BoardStore
from jobboard.tui import writer as jobs
from jobboard.tui.writer import Added, Saved

if TYPE_CHECKING:
    from jobboard.tui.hosts import EditingApp


class BoardEditing:
    """Expects of the app: ``board``, ``history``, ``steps``, ``writer``, ``board_screen``."""

    def change(
        self: EditingApp,
        app_id: str,
        edit: Callable[[Application], Application],
        label: str,
        opened: Application | None = None,
    ) -> Application:
        """Make what ``edit`` changes, now on screen and, through the writer, to the card as it
        is on disk. ``opened`` is the card as a form showed it, when the edit was made there:
        only what the user changed from that goes out."""
        before = self.board[app_id]
        base = opened or before
        change = CardChange.between(base, edit(base))
        after, _conflicts = change.applied_to(before)
        self._apply(HistoryEntry(label, before, after))
        self._save_change(app_id, change, before.created)
        return after

    def _save_change(self: EditingApp, app_id: str, change: CardChange, created: object) -> None:
        """Make ``change`` (never the whole card as shown) to the card as it is on disk, when
        that is still the card created at ``created`` (an id alone may be another card's)."""
        if change:
            self.writer.submit_change(lambda store: Saved(*store.apply(app_id, change, created)))

    def add_application(self: EditingApp, build: Callable[[str], Application]) -> None:
        """Create an application through the writer (the store hands out its id). The keys
        typed meanwhile wait for the new card ("ctrl+s" then "L" moves that card, not the one
        selected before), unless it cannot be saved yet (on_write_failed lets them go)."""

        def add(store: BoardStore) -> Message:
            return Added(store.add(build))

        self.adds_waiting += 1
        self._held_keys.hold_again()
        self.writer.submit_change(add)

    def delete_application(self: EditingApp, app_id: str) -> None:
        before = self.board[app_id]
        self._apply(HistoryEntry("delete", before, None))
        self.writer.submit_change(jobs.delete(before, self.writer.deleted))

    def on_added(self: EditingApp, message: Added) -> None:
        self._apply(HistoryEntry("add", None, message.application))
        self.notify(f"Added {message.application.company}. u takes it back.", timeout=3)
        if self.adds_waiting:
            self.keys_after_adds()

    def on_saved(self: EditingApp, message: Saved) -> None:
        saved = message.application
        if message.conflicts:
            self.notify(
                f"{saved.company}: kept the {conflict_words(message.conflicts)} as changed elsewhere meanwhile.",
                title="Changed elsewhere",
                severity="warning",
                timeout=8,
            )
        shown = self.board.get(saved.id)
        # Usually the file now says exactly what the screen already shows; redraw only if a
        # change made elsewhere came along with the save.
        if shown is not None and shown.copy(updated=saved.updated) != saved:
            self.board[saved.id] = saved
            if self._tally is not None:
                self._tally.put(saved)
            self.steps.pop(saved.id, None)
            self.board_screen.refresh_board(changed=HistoryEntry("saved", shown, saved))

    def undo(self: EditingApp) -> HistoryEntry | str | None:
        return self._replay(self.history.undo(), self.history.forget_undone)

    def redo(self: EditingApp) -> HistoryEntry | str | None:
        return self._replay(self.history.redo(), self.history.forget_redone)

    def _replay(self: EditingApp, change: HistoryEntry | None, forget: Callable[[], None]) -> HistoryEntry | str | None:
        """Make ``change`` (an undo or a redo) to the card it was made to, as the screen shows
        it now: the change taken by identity (the card's ``created`` time), never the whole card
        as it was. What cannot be replayed is forgotten and said in a sentence (returned)."""
        if change is None:
            return None
        target = change.after or change.before
        assert target is not None
        shown = self.board.get(target.id)
        same = shown if shown is not None and shown.created == target.created else None  # the card it was made to
        company = one_line(target.company)
        if change.before is not None and change.after is not None:  # an edit, a move, a logged event
            card_change = CardChange.between(change.before, change.after)
            after = card_change.applied_to(same)[0] if same is not None else None
            if after is None or after == shown:
                forget()
                return f"Nothing to take back on {company}: the {change.label} was changed elsewhere meanwhile."
            self._apply(HistoryEntry(change.label, shown, after), record=False)
            self._save_change(target.id, card_change, target.created)
        elif change.after is not None:  # putting a card back: an undone delete, a redone add
            if shown is not None:
                forget()
                return f"Id {target.id} is already another card's ({one_line(shown.company)}); {company} stays deleted."
            self._apply(change, record=False)
            self.writer.submit_change(jobs.put_back(change.after, self.writer.deleted))
        else:  # taking a card away: an undone add, a redone delete
            if same is None:
                forget()
                return f"{company} is no longer on the board as it was; nothing was deleted."
            self._apply(HistoryEntry(change.label, same, None), record=False)
            self.writer.submit_change(jobs.delete(same, self.writer.deleted))
        return change

    def _apply(self: EditingApp, change: HistoryEntry, record: bool = True) -> None:
        if record:
            self.history.record(change)
        target = change.after or change.before
        assert target is not None
        self.steps.pop(target.id, None)
        if change.after is None:
            self.board.pop(target.id, None)
        else:
            self.board[target.id] = change.after
        if self._tally is not None and change.after is None:
            self._tally.remove(target.id)
        elif self._tally is not None and change.after is not None:
            self._tally.put(change.after)
        self.board_screen.refresh_board(keep_id=target.id if change.after else None, changed=change)
