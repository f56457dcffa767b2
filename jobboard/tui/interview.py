"""The interview question: its date (today by default, past or future) and, optionally, its
time. Asked by a move to Interviewed and by the i key; the answer is checked by the shared
validation and a wrong one says so under the inputs, the question staying open."""

from __future__ import annotations

from collections.abc import Callable

import pendulum
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from jobboard.core.dates import parse_user_date
from jobboard.core.model import parse_time
from jobboard.tui.date_reading import DateReading
from jobboard.tui.dialog import Dialog, error_line
from jobboard.tui.lines import as_sentence

Answer = tuple[pendulum.Date, "str | None"]


class AskInterviewScreen(Dialog["Answer | None"]):
    """Dismisses with (date, "HH:MM" or None), or None on escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_interview")]
    DEFAULT_CSS = """
    AskInterviewScreen .interview-row { height: 1; margin-top: 1; }
    AskInterviewScreen .interview-row Label { width: 6; color: $text-muted; }
    AskInterviewScreen .interview-row Input { width: 1fr; }
    AskInterviewScreen DateReading { margin-left: 6; }
    """

    def __init__(self, question: str, today: pendulum.Date, check: Callable[[pendulum.Date], None]) -> None:
        super().__init__()
        self.question = question
        self.today = today
        self.check = check  # the shared date validation for this card: raises ValueError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog question"):
            yield Static(Content(self.question))
            with Horizontal(classes="interview-row"):
                yield Label("Date")
                yield Input(value="today", id="date-input", compact=True)
            yield DateReading("today", self.today)
            with Horizontal(classes="interview-row"):
                yield Label("Time")
                yield Input(placeholder="optional, e.g. 14:00", id="time-input", compact=True)
            yield Static(
                "YYYY-MM-DD, today, tomorrow, 'in 3 days', '2 days ago' · tab to the time · enter to save · "
                "escape to cancel",
                classes="muted",
            )
            yield error_line("date-error")

    def on_mount(self) -> None:
        self.query_one("#date-input", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "date-input":
            self.query_one(DateReading).follow(event.value)
        if self.wrong:  # checked again as it is typed: the error goes once the answer is right
            self.checked_answer()

    def on_input_submitted(self) -> None:
        answer = self.checked_answer()
        if answer is not None:
            self.dismiss(answer)

    def checked_answer(self) -> Answer | None:
        """The day and time typed, or None with the error shown."""
        try:
            day = parse_user_date(self.query_one("#date-input", Input).value, self.today)
            self.check(day)
            typed = self.query_one("#time-input", Input).value.strip()
            at = parse_time(typed) if typed else None
        except ValueError as error:
            self.say_wrong("date-error", as_sentence(error))
            return None
        self.say_wrong("date-error")
        return day, at

