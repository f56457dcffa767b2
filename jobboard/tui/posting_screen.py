"""v: the posting a card was captured from, read on the board (docs/capture.md).

What the page said when it was captured (the page itself is often gone by the interview): the
role, company, place, salary, when it closes, and the description, scrolled with the arrow keys.
Everything shown came from a page, so it is printed as plain text with its control characters
neutralised (tui/lines.py).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from jobboard.core.model import Application
from jobboard.formats.printable import many_lines, one_line
from jobboard.tui.dialog import SCROLL_HINT, ScrollingDialog


def posting_heading(card: Application) -> list[str]:
    """The lines above the description: what, where, how much, when captured and closing."""
    posting = card.posting
    lines = [" · ".join(one_line(str(posting.get(name, ""))) for name in ("title", "company") if posting.get(name))]
    lines.append(" · ".join(
        one_line(str(posting[name])) for name in ("location", "salary", "employment_type") if posting.get(name)
    ))
    captured = f"captured {posting.get('captured_on', '')}" if posting.get("captured_on") else ""
    closes = f"apply by {card.apply_by.isoformat()}" if card.apply_by else ""
    lines.append(" · ".join(part for part in (captured, closes, one_line(str(posting.get("url", "")))) if part))
    return [line for line in lines if line]


class PostingScreen(ScrollingDialog[None]):
    """The captured posting of one card, read-only."""

    BINDINGS = [Binding("escape,q,v", "dismiss", "Close", id="close_posting")]
    DEFAULT_CSS = """
    #posting-box { width: 90; max-width: 100%; max-height: 90%; }  /* a .dialog.question, wider */
    #posting-box VerticalScroll { height: auto; max-height: 45vh; margin-top: 1; }  /* 80x24: 21 rows in all */
    """

    def __init__(self, card: Application) -> None:
        super().__init__()
        self.card = card

    def compose(self) -> ComposeResult:
        description = many_lines(str(self.card.posting.get("description", ""))) or "(the page gave no description)"
        with Vertical(id="posting-box", classes="dialog question"):
            yield Static(Content.assemble(("Posting", "bold")), id="posting-title")
            yield Static("\n".join(posting_heading(self.card)), markup=False, classes="muted")
            with VerticalScroll():
                yield Static(description, markup=False, id="posting-description")
            yield Static(SCROLL_HINT, classes="muted")

