"""The paste box the board's M key opens (tui/mail_box.py): an email's text in, what it reads shown
below it as it is typed or pasted, and the card and the events to log given back on ctrl+s.

Loaded when M is pressed, not with the board.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from jobboard.core.model import Application
from jobboard.formats.printable import one_line
from jobboard.tui.dialog import Dialog

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from jobboard.core.reading import Proposal


class PasteMailScreen(Dialog["tuple[str, Proposal] | None"]):
    """A box to paste an email (headers too) into; what it reads is shown below it."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel_mail"),
        Binding("ctrl+s", "log", "Log it", id="log_mail"),  # behind the paste, as form_keys says
    ]
    DEFAULT_CSS = """
    PasteMailScreen .dialog { width: 90%; height: 80%; }
    PasteMailScreen TextArea { height: 1fr; }
    PasteMailScreen #mail-reading { height: auto; max-height: 8; }
    """

    def __init__(self, applications: list[Application], today) -> None:  # noqa: ANN001 - a pendulum.Date
        super().__init__()
        self.applications = applications
        self.today = today
        self.proposal: tuple[str, Proposal] | None = None

    def compose(self) -> ComposeResult:
        from textual.widgets import TextArea

        with Vertical(classes="dialog"):
            yield Static("Paste an email from a company, headers and all (in your mail client: view source).")
            yield TextArea(id="mail-text", soft_wrap=True)
            yield Static("", id="mail-reading")
            yield Static("ctrl+s logs what is read · escape logs nothing", classes="muted")

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.proposal = None
        self.query_one("#mail-reading", Static).update(Content(self.read(event.text_area.text)))

    def read(self, text: str) -> str:
        """What the pasted text says, as lines to show; sets ``self.proposal`` when there is
        something to log."""
        from jobboard.core.reading import already_read, event_line, find_cards, read_letter
        from jobboard.core.validation import Refused
        from jobboard.formats.mail import MailError, read_mail

        if not text.strip():
            return ""
        try:
            letter = read_mail(text)
        except MailError as error:
            return f"Not read: {error}."
        cards = find_cards(letter, self.applications)
        heading = f"'{letter.subject}' from {letter.sender_address}"
        if not cards:
            return f"{heading}: no card matches this sender or subject; nothing to log."
        if len(cards) > 1:
            names = ", ".join(f"{c.company} — {c.role} ({c.id})" for c in cards)
            return f"{heading}: several cards match ({names}); `jobboard inbox --card ID` picks one."
        card = cards[0]
        lines = [f"{heading}, about {card.company} — {card.role}"]
        if already_read(card, letter):
            return "\n".join([*lines, "Already read: nothing to log."])
        try:
            proposal = read_letter(letter, card, self.today)
        except Refused as error:
            return "\n".join([*lines, f"Refused: {error}."])
        lines.append(f"Read: {proposal.reading}")
        lines += [f"Would log: {event_line(e)}" for e in proposal.events]
        lines += [f"Would remove: {event_line(e)}" for e in proposal.cancels]
        if proposal.events or proposal.cancels:
            self.proposal = (card.id, proposal)
        return "\n".join(one_line(line) for line in lines)

    def action_log(self) -> None:
        if self.proposal is not None:
            self.dismiss(self.proposal)
        else:
            self.notify("Nothing to log from this text.", severity="warning")
