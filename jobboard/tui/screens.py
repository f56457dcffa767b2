"""Screens over the board: help, confirm, a date or a note question, and the broken-board error."""

from __future__ import annotations

from pathlib import Path

from pendulum import Date
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from jobboard.core.counted import counted
from jobboard.formats.printable import many_lines, one_line
from jobboard.storage import backups
from jobboard.tui.dialog import SCROLL_HINT, Dialog, ScrollingDialog, error_line
from jobboard.tui.hosts import jobboard_app
from jobboard.tui.lines import as_sentence


def keys_in_force(screen: Screen) -> list[tuple[str, str, str]]:
    """(keys, what they do, action id) for every key of ``screen`` and the app, after any
    remapping in config.toml, in the order the bindings are declared. Textual's own focus
    and copy keys (no id) are left out; the command palette's key (no id either) stays."""
    rows: dict[str, tuple[list[str], str, str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.id is None and binding.action != "command_palette":
            continue
        keys, _, _ = rows.setdefault(
            binding.id or binding.action,
            ([], HELP_DESCRIPTIONS.get(binding.action, binding.tooltip or binding.description), binding.id or ""),
        )
        keys.append(binding.key_display or _pretty_key(key))
    return [
        (" / ".join(dict.fromkeys(keys)), description, binding_id) for keys, description, binding_id in rows.values()
    ]


def _pretty_key(key: str) -> str:
    return {"question_mark": "?", "slash": "/"}.get(key, key)


HELP_DESCRIPTIONS = {
    "column(-1)": "previous column",
    "column(1)": "next column",
    "card(-1)": "previous card",
    "card(1)": "next card",
    "card(-5)": "five cards up",
    "card(5)": "five cards down",
    "card_edge(0)": "first card",
    "card_edge(1)": "last card",
    "move(-1)": "move the card to the previous column",
    "move(1)": "move the card to the next column",
    "all_columns": "show the hidden columns too, and back",
    "scroll_panel(1)": "scroll the side panel down a page",
    "scroll_panel(-1)": "scroll the side panel up a page",
    "command_palette": "command palette",
    "suspend_process": "back to the shell; fg returns",
}


class HelpScreen(ScrollingDialog[None]):
    """Every key of the board, as remapped by config.toml, with the id [keys] remaps it by."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="close_help")]
    DEFAULT_CSS = """
    #help-box { width: 84; max-width: 100%; max-height: 90%; }  /* a .dialog.question, wider */
    /* the title, the last line, padding and border take 6 rows: the list scrolls within the rest */
    #help-box VerticalScroll { height: auto; max-height: 65vh; }
    """

    def __init__(self, board: Screen) -> None:
        super().__init__()
        self.board = board

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog question"):
            yield Static(
                Content.assemble(("Keys", "bold"), ("  · the ids remap keys in config.toml [keys]", "$text-muted")),
                id="help-title",
            )
            with VerticalScroll():
                yield KeyList(keys_in_force(self.board))
            yield Static(SCROLL_HINT, classes="muted")


class KeyList(Static):
    """The help's keys laid out for the width they have: a key, what it does and its id on one
    line where the three fit, else the id on a line of its own under them (in a split tmux
    pane, 60 columns wide, the ids wrapped to the start of a line, where they read as keys)."""

    def __init__(self, found: list[tuple[str, str, str]]) -> None:
        super().__init__(key_rows(found, None))
        self.found = found

    def on_resize(self, event: events.Resize) -> None:
        self.update(key_rows(self.found, event.size.width))


def key_rows(found: list[tuple[str, str, str]], width: int | None) -> Content:
    """The rows of ``found`` (keys, what they do, id) in ``width`` cells (None: any width)."""
    keys_width = max(len(keys) for keys, _, _ in found) + 2
    what_width = max(len(description) for _, description, _ in found) + 2
    rows = []
    if width is None or keys_width + what_width + max(len(i) for _, _, i in found) <= width:
        for keys, description, binding_id in found:
            what = f"{description:<{what_width}}"
            rows.append(Content.assemble((f"{keys:<{keys_width}}", "bold $accent"), what, (binding_id, "$text-muted")))
    else:
        for keys, description, binding_id in found:
            rows.append(Content.assemble((keys, "bold $accent"), "  ", description))
            if binding_id:
                rows.append(Content.assemble("    ", (binding_id, "$text-muted")))
    return Content("\n").join(rows)


class BoardErrorScreen(Screen[None]):
    """The board file cannot be opened: say which, why, and how to get a good copy back."""

    BINDINGS = [Binding("q,escape", "app.exit_with_error", "Quit", id="quit_error")]
    DEFAULT_CSS = """
    BoardErrorScreen { align: center middle; }
    #error-box {
        width: 90%;
        max-width: 100;
        height: auto;
        padding: 1 2;
        border: round $error;
        background: $surface;
    }
    """

    def __init__(self, path: Path, error: str) -> None:
        super().__init__()
        self.path = path
        self.error = error

    def compose(self) -> ComposeResult:
        found = backups.list_backups(self.path)
        lines = [
            Content.assemble(("jobboard cannot open this board", "bold $error")),
            Content(""),
            Content(self.error),
            Content(""),
            Content("The file has not been changed."),
        ]
        if found:
            lines += [
                Content(""),
                Content.assemble("Newest backup: ", (str(found[0]), "bold")),
                Content.assemble("Bring it back:  ", (f"jobboard --db {self.path} restore {found[0]}", "bold")),
            ]
        else:
            lines += [Content(""), Content("There is no backup of this board yet.")]
        with Vertical(id="error-box"):
            yield Static(Content("\n").join(lines))
            yield Button("Quit", id="quit-button", variant="error")
        yield Footer()

    def on_button_pressed(self) -> None:
        jobboard_app(self).action_exit_with_error()


class ConfirmScreen(Dialog[bool]):
    """A yes/no question: y confirms, n or escape cancels, and the keys are shown. Cancel has
    the focus, so a stray enter changes nothing; the caller says what was kept."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm_yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm_no"),
    ]

    def __init__(self, question: str, yes: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question))
            yield Static(f"y: {self.yes.lower()} · n or escape: cancel · enter: the button in focus", classes="muted")
            yield Button(f"{self.yes} (y)", id="yes", variant="error")
            yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class AskDateScreen(Dialog[Date | None]):
    """Ask for one date (an interview's day, the end of a snooze); the error shows inline."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_date")]

    def __init__(self, question: str, default: str, allow_past: bool = True, check=None) -> None:  # noqa: ANN001
        super().__init__()
        self.question = question
        self.default = default
        self.allow_past = allow_past
        self.check = check  # the shared date validation for this event: raises ValueError

    def compose(self) -> ComposeResult:
        from jobboard.tui.date_reading import DateReading

        # A day still to come (a snooze's end) is suggested with words that name one.
        words = (
            "today, tomorrow, 'in 3 days', '2 days ago'"
            if self.allow_past
            else "tomorrow, 'in 3 days', 'in 2 weeks', 'next friday'"
        )
        with Vertical(classes="dialog question"):
            yield Static(Content(self.question))
            yield Input(value=self.default, id="date-input")
            yield DateReading(self.default, jobboard_app(self).today)
            yield Static(f"YYYY-MM-DD, {words} · enter to save · escape to cancel", classes="muted")
            yield error_line("date-error")

    def on_input_changed(self, event: Input.Changed) -> None:
        from jobboard.tui.date_reading import DateReading

        self.query_one(DateReading).follow(event.value)
        if self.wrong:  # checked again as it is typed: the error goes once the day is right
            self.checked_day(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        chosen = self.checked_day(event.value)
        if chosen is not None:
            self.dismiss(chosen)

    def checked_day(self, text: str) -> Date | None:
        """The day ``text`` names, or None with the error shown."""
        from jobboard.core.dates import parse_user_date

        today = jobboard_app(self).today
        try:
            chosen = parse_user_date(text, today)
            if not self.allow_past and chosen <= today:
                raise ValueError("choose a day after today")
            if self.check is not None:
                self.check(chosen)
        except ValueError as error:
            self.say_wrong("date-error", as_sentence(error))
            return None
        self.say_wrong("date-error")
        return chosen


class AskNoteScreen(Dialog["str | None"]):
    """Ask for an optional one-line note (what the company said); enter saves it, even empty,
    and escape cancels, so None means "log nothing" and "" means "log it without a note"."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_note")]

    def __init__(self, question: str, placeholder: str) -> None:
        super().__init__()
        self.question = question
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog question"):
            yield Static(Content(self.question))
            yield Input(placeholder=self.placeholder, id="note-input")
            yield Static("optional · enter to save · escape to cancel", classes="muted")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(" ".join(event.value.split()))


class UnsavedScreen(Dialog[bool]):
    """Quitting with changes not yet saved (a held lock, a full disk): wait and try again
    (w, the default) or quit anyway (q), which loses them and says so on stderr."""

    BINDINGS = [
        Binding("w,escape", "answer(False)", "Wait", id="unsaved_wait"),
        Binding("q", "answer(True)", "Quit anyway", id="unsaved_quit"),
    ]

    def __init__(self, count: int, error: str) -> None:
        super().__init__()
        self.count = count
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(f"{counted(self.count, 'change')} not saved yet: {self.error}"))
            yield Static(Content("w waits and tries again; q quits anyway and loses them."), classes="muted")
            yield Button("Wait and try again", id="wait", variant="primary")
            yield Button("Quit anyway", id="quit", variant="error")

    def on_mount(self) -> None:
        self.query_one("#wait", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "quit")

    def action_answer(self, quit_anyway: bool) -> None:
        self.dismiss(quit_anyway)


class HandOverScreen(Dialog[None]):
    """What could not be handed over (a draft the mail client did not take, a link that did
    not open), in text to select and copy: c copies all of it, ctrl+c the part selected with
    the mouse or shift+arrows, each through every channel there is (tui/handoff.py), and the
    line above the text says which took it."""

    BINDINGS = [
        # Priority: the read-only text area, when it has the focus, would take the key first.
        Binding("c", "copy_all", "Copy it all", id="hand_over_copy", priority=True),
        # Before the text area's own ctrl+c, which reaches only the terminal.
        Binding("ctrl+c", "copy_selection", "Copy the selection", id="hand_over_copy_part", priority=True),
        Binding("escape", "cancel", "Close", id="hand_over_close"),
    ]
    DEFAULT_CSS = """
    #hand-over { width: 84; max-width: 100%; max-height: 100%; }  /* a whole mailto: line shows */
    #hand-over TextArea { height: auto; max-height: 60vh; }  /* scrolls within; the keys stay above it */
    #hand-over-copied { height: auto; }
    """

    def __init__(self, problem: str, text: str) -> None:
        super().__init__()
        self.problem = one_line(problem)
        self.text = many_lines(text)  # a board's names and notes, made harmless for the screen

    def compose(self) -> ComposeResult:
        from textual.widgets import TextArea

        with Vertical(id="hand-over", classes="dialog"):
            yield Static(Content(self.problem))
            yield Static("c copies it all · ctrl+c copies the selection · escape closes", classes="muted")
            yield Static("", id="hand-over-copied", markup=False)
            yield TextArea(self.text, read_only=True, soft_wrap=True, id="hand-over-text")

    def action_copy_all(self) -> None:
        self._copy(self.text, "The text")

    def action_copy_selection(self) -> None:
        from textual.widgets import TextArea

        part = self.query_one(TextArea).selected_text
        if part:
            self._copy(part, "The selection")
        else:  # nothing selected: all of it, as c
            self.action_copy_all()

    def _copy(self, text: str, what: str) -> None:
        from jobboard.tui.handoff import copy_text

        copy_text(jobboard_app(self), text, what, self.query_one("#hand-over-copied", Static).update)
