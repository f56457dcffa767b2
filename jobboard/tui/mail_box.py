"""The board's paste box (key M): an email's text in, the card and the events it would log shown
as it is read, logged with ctrl+s and taken back with u (docs/inbox.md).

The same reading as `jobboard inbox`: jobboard.formats.mail parses the text and
jobboard.core.reading finds the card and says what it means; the change is made through the
app's ``change``, so it is undone like any other. The box and the reading load when M is
pressed, not with the board (the text area costs ~10 ms of the start).
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
from jobboard.tui.lines import as_sentence

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from jobboard.core.reading import Proposal
    from jobboard.tui.hosts import BoardKeys


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


class MailActions:
    """A mixin of BoardScreen: the M key."""

    def action_paste_mail(self: BoardKeys) -> None:
        from jobboard.core.reading import apply
        from jobboard.core.validation import Refused

        app = self.jobboard
        applications = list(app.board.values())

        def answered(chosen: tuple[str, Proposal] | None) -> None:
            if chosen is None:
                return
            card_id, proposal = chosen
            company = app.board[card_id].company
            try:
                app.change(card_id, lambda a: apply(a, proposal, app.today), f"email from {company}")
            except Refused as error:
                self.notify(as_sentence(error), severity="warning")
                return
            self.notify(f"Logged {proposal.reading} for {company}. u undoes it.", timeout=3)

        self.jobboard.push_screen(PasteMailScreen(applications, app.today), answered)
