"""The offer question of ``f``: how did you answer? Accepted, declined or a counter-offer
(docs/rules.md, "Offers"). Keys a, d and c answer at once; the buttons do the same; escape
logs nothing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Static

from jobboard.tui.dialog import Dialog

# Each answer: (outcome logged, key, button label).
ANSWERS: tuple[tuple[str, str, str], ...] = (
    ("accepted", "a", "Accepted (a)"),
    ("declined", "d", "Declined (d)"),
    ("countered", "c", "Countered (c)"),
)


class AskOfferAnswerScreen(Dialog["str | None"]):
    """Dismisses with "accepted", "declined" or "countered", or None on escape."""

    BINDINGS = [
        *(
            Binding(key, f"answer('{outcome}')", outcome.capitalize(), id=f"offer_{outcome}")
            for outcome, key, _ in ANSWERS
        ),
        Binding("escape", "answer('')", "Cancel", id="offer_cancel"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question))
            for outcome, _, label in ANSWERS:
                yield Button(label, id=outcome)
            yield Static("escape: not answered yet", classes="muted")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_answer(self, outcome: str) -> None:
        self.dismiss(outcome or None)
