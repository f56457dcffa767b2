"""The floor: a bare Textual app with a Static and a Footer.

``x`` changes the label (``bare label N``), so the benchmark can time a keystroke to repaint
the same way it times a card move; ``q`` quits.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

LABEL = "bare label"


class BareApp(App[None]):
    BINDINGS = [Binding("x", "change", "Change"), Binding("q", "quit", "Quit")]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Static(f"{LABEL} {self.count}", id="label")
        yield Footer()

    def action_change(self) -> None:
        self.count += 1
        self.query_one("#label", Static).update(f"{LABEL} {self.count}")


if __name__ == "__main__":
    BareApp().run()
