"""What the board's mixins ask of the class they are mixed into, written as Protocols.

The board screen's keys live in mixins (tui/card_actions.py, tui/step_actions.py,
tui/mail_box.py) and the app's changes in one (tui/editing.py). Each mixin method takes ``self``
as one of these, so the type checker (mypy, run by .ci/run) holds the mixin to what it may use and
the screen or app it is mixed into to providing it: a contract in code, not in a docstring.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from jobboard.core.changes import CardChange
    from jobboard.core.etiquette import KeepGoingTally, NextStep
    from jobboard.core.history import History, HistoryEntry
    from jobboard.core.model import Application, Event
    from jobboard.tui.app import JobBoardApp
    from jobboard.tui.board_screen import BoardScreen
    from jobboard.tui.column import Column
    from jobboard.tui.held_keys import HeldKeys
    from jobboard.tui.writer import BoardWriter


class InApp(Protocol):
    """A Textual screen, widget or command provider: it knows the app it runs in."""

    @property
    def app(self) -> App[Any]: ...


def jobboard_app(node: InApp) -> JobBoardApp:
    """The app a screen, widget or provider runs in, as the JobBoardApp it is (Textual types it
    as any App)."""
    return cast("JobBoardApp", node.app)


class Notifies(Protocol):
    """Anything that can show a toast (a Textual App, Screen or Widget)."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...


class EditingApp(Notifies, Protocol):
    """What tui/editing.py's BoardEditing needs of the app it is mixed into (JobBoardApp)."""

    board: dict[str, Application]
    steps: dict[str, NextStep]
    history: History
    writer: BoardWriter
    _tally: KeepGoingTally | None
    _held_keys: HeldKeys
    adds_waiting: int  # cards submitted to the writer and not yet back

    @property
    def board_screen(self) -> BoardScreen: ...

    # BoardEditing's own steps, which call one another.
    def _apply(self, change: HistoryEntry, record: bool = True) -> None: ...

    def _save_change(self, app_id: str, change: CardChange, created: object) -> None: ...

    def _replay(self, change: HistoryEntry | None, forget: Callable[[], None]) -> HistoryEntry | str | None: ...

    def keys_after_adds(self, landed: bool = True) -> None: ...


class BoardKeys(Notifies, Protocol):
    """What the board screen's key mixins need of the screen they are mixed into (BoardScreen)."""

    active_column: int
    show_archived: bool
    sent: tuple[str, str] | None  # (card, rule) of the last message m opened

    @property
    def jobboard(self) -> JobBoardApp: ...

    @property
    def selected(self) -> Application | None: ...

    @property
    def column_views(self) -> list[Column]: ...

    def refresh_board(self, keep_id: str | None = None, changed: HistoryEntry | None = None) -> None: ...

    def show_selected(self, board_changed: bool = False) -> None: ...

    def move_selected_to(self, status: str) -> bool: ...

    def _activate(self, index: int) -> None: ...

    # The mixins' own methods that other keys call.
    def action_edit(self, focus: str = "company") -> None: ...

    def action_new_application(self, focus: str = "company") -> None: ...

    def jump_to(self, app_id: str | None) -> None: ...

    def _log(self, application: Application, event: Event, label: str) -> None: ...

    def _remember_sent(self, sent: tuple[str, str]) -> None: ...

    def _open_profile(self, whom: str, profile: str, draft: str, sent: tuple[str, str]) -> None: ...

    def _ask_date_and_log(
        self, application: Application, kind: str, question: str, default: str, label: str, allow_past: bool = True
    ) -> None: ...
