"""Two TUI sessions and a command-line writer on one board, driven by hypothesis.

Each session does what the TUI does: it holds the board as it last read it, makes an edit to
the card it shows, and sends the change (never the card) to the store; undo sends the inverse.
The CLI writer changes the card on disk directly. A plain dict model predicts every field and
every card's events; after each step the file must match it: no change is ever lost, and a
clash keeps what is on disk.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import pendulum
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from jobboard.core.changes import CardChange
from jobboard.core.model import Event, new_application
from jobboard.storage.store import BoardError, BoardStore

DAY = pendulum.date(2026, 11, 16)
IDS = ("1", "2")
FIELDS = ("company", "role", "notes", "status")
VALUES = st.sampled_from(["a", "b", "c"])
STATUSES = ("applied", "interviewed", "silent")


def field_value(application, name):
    return getattr(application, name)


class Session:
    def __init__(self, path: Path) -> None:
        self.store = BoardStore(path)
        self.board = {a.id: a for a in self.store.applications()}
        self.undo: list[tuple[str, CardChange]] = []

    def reload(self) -> None:
        self.board = {a.id: a for a in BoardStore(self.store.path).applications()}


class MergeMachine(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="jobboard-merge-"))
        self.path = self.folder / "board.json"
        store = BoardStore(self.path)
        store.add_many([lambda i: new_application(i, "Acme", "Dev", applied_on=DAY) for _ in IDS])
        self.model = {a.id: {name: field_value(a, name) for name in FIELDS} for a in store.applications()}
        self.events = {a.id: Counter(a.events) for a in store.applications()}
        self.sessions = [Session(self.path), Session(self.path)]

    def apply_to_model(self, app_id: str, change: CardChange) -> None:
        """What BoardStore.apply must do, worked out on the model."""
        conflicts = []
        for name, (before, after) in change.fields.items():
            now = self.model[app_id][name]
            if now == before:
                self.model[app_id][name] = after
            elif now != after:
                conflicts.append(name)
        keep_log = "status" in conflicts
        for event in change.removed:
            if self.events[app_id][event] and not (keep_log and event.kind == "status"):
                self.events[app_id][event] -= 1
        for event in change.added:
            if not (keep_log and event.kind == "status"):
                self.events[app_id][event] += 1

    @rule(who=st.integers(0, 1), app_id=st.sampled_from(IDS), name=st.sampled_from(FIELDS[:3]), value=VALUES)
    def session_edits(self, who, app_id, name, value) -> None:
        session = self.sessions[who]
        shown = session.board[app_id]
        change = CardChange.between(shown, shown.copy(**{name: value}))
        self._send(session, app_id, change)

    @rule(who=st.integers(0, 1), app_id=st.sampled_from(IDS), status=st.sampled_from(STATUSES))
    def session_moves(self, who, app_id, status) -> None:
        session = self.sessions[who]
        shown = session.board[app_id]
        if shown.status != status:
            self._send(session, app_id, CardChange.between(shown, shown.moved_to(status, DAY)))

    @rule(who=st.integers(0, 1), app_id=st.sampled_from(IDS), note=VALUES)
    def session_logs(self, who, app_id, note) -> None:
        session = self.sessions[who]
        shown = session.board[app_id]
        self._send(session, app_id, CardChange.between(shown, shown.with_event(Event("note", DAY, note=note))))

    @precondition(lambda self: any(s.undo for s in self.sessions))
    @rule(who=st.integers(0, 1))
    def session_undoes(self, who) -> None:
        session = self.sessions[who]
        if session.undo:
            app_id, change = session.undo.pop()
            self._send(session, app_id, change.inverse(), record=False)

    @rule(who=st.integers(0, 1))
    def session_reloads(self, who) -> None:
        self.sessions[who].reload()

    @rule(app_id=st.sampled_from(IDS), name=st.sampled_from(FIELDS[:3]), value=VALUES)
    def cli_sets(self, app_id, name, value) -> None:
        BoardStore(self.path).update(app_id, lambda a: a.copy(**{name: value}))
        self.model[app_id][name] = value

    @rule(app_id=st.sampled_from(IDS), kind=st.sampled_from(["follow_up", "heard_back"]))
    def cli_logs(self, app_id, kind) -> None:
        event = Event(kind, DAY)
        BoardStore(self.path).update(app_id, lambda a: a.with_event(event))
        self.events[app_id][event] += 1

    def _send(self, session: Session, app_id: str, change: CardChange, record: bool = True) -> None:
        if not change:
            return
        saved, _conflicts = session.store.apply(app_id, change)
        self.apply_to_model(app_id, change)
        session.board[app_id] = saved
        if record:
            session.undo.append((app_id, change))

    @invariant()
    def the_file_is_the_model(self) -> None:
        try:
            on_disk = {a.id: a for a in BoardStore(self.path).applications()}
        except BoardError as error:  # pragma: no cover - the file must always open
            raise AssertionError(error) from error
        for app_id in IDS:
            card = on_disk[app_id]
            assert {name: field_value(card, name) for name in FIELDS} == self.model[app_id]
            assert Counter(card.events) == +self.events[app_id]


MergeMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
test_no_change_is_lost = MergeMachine.TestCase
