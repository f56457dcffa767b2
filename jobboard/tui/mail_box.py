"""The board's paste box (key M): an email's text in, the card and the events it would log shown
as it is read, logged with ctrl+s and taken back with u (docs/inbox.md).

The same reading as `jobboard inbox`: jobboard.formats.mail parses the text and
jobboard.core.reading finds the card and says what it means; the change is made through the
app's ``change``, so it is undone like any other. The box (tui/paste_mail.py), its text area
and the reading load when M is pressed, not with the board.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobboard.tui.lines import as_sentence

if TYPE_CHECKING:
    from jobboard.core.reading import Proposal
    from jobboard.tui.hosts import BoardKeys


class MailActions:
    """A mixin of BoardScreen: the M key."""

    def action_paste_mail(self: BoardKeys) -> None:
        from jobboard.core.reading import apply
        from jobboard.core.validation import Refused
        from jobboard.tui.paste_mail import PasteMailScreen

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
