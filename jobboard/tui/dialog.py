"""What every dialog over the board shares: centred on the screen, and `cancel` (escape, in each
dialog's own bindings) closing it with None, "nothing chosen".

Each dialog keeps its own bindings, with ids no other dialog shares. config.toml's [keys]
remaps the board's keys (those `?` lists), not a dialog's: an id of one is refused there.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual import events, on
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static

from jobboard.tui.held_keys import HeldKeys

Answer = TypeVar("Answer")


def form_keys(form: str) -> list[BindingType]:
    """A form's two keys: escape cancels, ctrl+s saves (ids ``<form>_cancel``, ``<form>_save``).

    ctrl+s is an ordinary binding, as a field's enter is: it reaches the form behind the letters
    typed before it, through the field they went to, so a burst ending in ctrl+s saves them all.
    (A priority binding would run as ctrl+s arrived, before the field had taken those letters.)
    No field of Textual's has a ctrl+s of its own."""
    return [
        Binding("escape", "cancel", "Cancel", id=f"{form}_cancel"),
        Binding("ctrl+s", "save", "Save", id=f"{form}_save"),
    ]


class Dialog(ModalScreen[Answer]):
    # Tab and shift+tab move between fields as soon as they arrive, in order with the keys
    # around them. As Textual's ordinary (screen) bindings they would run only once the field
    # had taken every key already sent to it, so a fast burst ("Newco", tab, "Platform
    # Engineer") would put the role into the company box. Priority bindings run before Textual
    # hands the next key to whichever field has focus.
    BINDINGS = [
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True, id="next_field"),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True, id="previous_field"),
    ]
    # The box every dialog draws, here rather than in the app's stylesheet: the app's rules win
    # over any DEFAULT_CSS, so a dialog's own width (the help's, the posting's) would be lost.
    DEFAULT_CSS = """
    Dialog { align: center middle; }
    .dialog {
        width: 60;
        height: auto;
        padding: 1 2;
        background: $surface;
        border: round $error;
    }
    .dialog Button { margin-top: 1; margin-right: 2; }
    .question { border: round $accent; }  /* after .dialog: a question is not a warning */
    """

    def __init__(self) -> None:
        super().__init__()
        # Keys typed before the dialog has put the cursor in its first field ("n" then a
        # company's name in one burst): the app holds them here, and they are typed again,
        # in order, once it has (JobBoardApp.on_event).
        self.early_keys = HeldKeys()
        # Keys typed right behind one whose binding runs only once the key has come back up
        # from the field to the app (enter, ctrl+s, escape, ctrl+u, left...): the field would
        # type them first ("enter" then "q" to quit, typed into a closing question; "ctrl+u
        # xyz" wiping the xyz). They wait until that binding has run, then go on, to the
        # dialog or, once it has closed, to the board.
        self.answer_keys = HeldKeys(holding=False)
        self.answering: events.Key | None = None  # that key, on its way
        self.closing = False  # dismissed: Textual takes the screen off the stack a moment later
        self.wrong = ""  # the error its error_line shows, if any: checked again as it is typed

    def holds(self, app: App[Any], key: events.Key) -> bool:
        """True when the key waits to be typed again (JobBoardApp.on_event)."""
        if self.early_keys.hold(app, key):
            return True
        if key.is_forwarded:  # on its way back up from the field: its bindings run now
            return False
        if self.answer_keys.hold(app, key):
            return True
        focused = app.focused
        if focused is not None and not (isinstance(focused, Input) and focused.screen is self):
            return False  # only a one-line field is known to pass every key it does not type on up
        if focused is not None and key.is_printable:
            return False  # the field types it at once, in order
        bound = self.active_bindings.get(key.key)
        if bound is None or bound.binding.priority:
            return False  # nothing to wait for, or it does its work as it arrives
        self.answer_keys.holding = True
        if not (key.key == "enter" and bound.node is focused):
            self.answering = key  # released once it is back (came_back)
        # else the field's enter: released once its answer is read (answer_read)
        return False

    def covered_by_another(self, key: events.Key) -> None:
        """``key`` went to a screen opened over this dialog (JobBoardApp.on_event)."""
        self.early_keys.passed(self.app, key)
        self.answer_keys.passed(self.app, key)

    def came_back(self, key: events.Key) -> None:
        """``key`` has come back up to the app and its binding has run (JobBoardApp.on_event)."""
        if key is self.answering:
            self.answering = None
            self.answered()

    def answered(self) -> None:
        """The key that answers has done its work: the keys behind it go on, to this dialog if
        it stays open, or once it has closed (on_unmount) to the screen it uncovers."""
        if not self.closing:
            self.answer_keys.release(self.app)

    def dismiss(self, result: Answer | None = None) -> AwaitComplete:
        self.closing = True
        return super().dismiss(result)

    def on_unmount(self) -> None:
        self.answer_keys.release(self.app)

    @on(Input.Submitted)
    def answer_read(self) -> None:
        """After the dialog's own handler (Textual calls each class's in turn): the answer has
        been read, and the dialog may be closing."""
        self.answered()

    def on_mount(self) -> None:
        self.call_after_refresh(self._settle)  # after the subclass's on_mount has moved focus

    @property
    def settled(self) -> bool:
        """The cursor is in place and every key typed before it has come through."""
        return not self.early_keys.holding and not self.early_keys.sent

    def _settle(self) -> None:
        self.early_keys.release(self.app)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def say_wrong(self, error_id: str, problem: str = "") -> None:
        """Show ``problem`` on the error line ``error_id`` ("": the answer is right now)."""
        self.wrong = problem
        self.query_one(f"#{error_id}", Static).update(problem)


def error_line(error_id: str | None = None, classes: str = "field-error") -> Static:
    """The line under a field or a question that says what is wrong, as plain text: the
    sentence often quotes what was typed ("'[/]' is not a date"), which as Textual markup
    raised MarkupError and closed the board."""
    return Static("", id=error_id, classes=classes, markup=False)


class ChoiceList(OptionList):
    """A dialog's list to choose from (the agenda, a card's timeline): the board's own j/k and
    g/G move through it too, beside the arrows, home and end."""

    BINDINGS = [
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
        Binding("g", "first", show=False),
        Binding("G", "last", show=False),
    ]


SCROLL_HINT = "↑ ↓ pageup pagedown scroll · escape closes"


class ScrollingDialog(Dialog[Answer]):
    """A dialog whose body (a VerticalScroll) may be taller than the terminal: it has the focus
    from the start, so the arrow and page keys scroll it; its last line says so (SCROLL_HINT)."""

    def on_mount(self) -> None:
        from textual.containers import VerticalScroll

        self.query_one(VerticalScroll).focus()
