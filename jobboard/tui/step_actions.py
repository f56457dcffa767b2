"""The next-step keys of the board: f (done), c (copy the draft), m (send it), b, i, z and the agenda.

A mixin of BoardScreen: it expects ``self.jobboard`` (the app), ``self.selected`` and
``self.column_views``/``self._activate`` from the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pendulum

from jobboard.core.model import STATUS_TITLES, Application, Event
from jobboard.formats.printable import one_line
from jobboard.tui.lines import as_sentence

if TYPE_CHECKING:
    from jobboard.tui.hosts import BoardKeys


class NextStepActions:
    sent: tuple[str, str] | None  # (card, rule) of the last message m opened
    def _log(self: BoardKeys, application: Application, event: Event, label: str) -> None:
        """Log ``event`` and move the card where the facts put it (core/what_happened.py), as
        one change: one ``u`` takes back both."""
        from jobboard.core.validation import DateRefused, check_event
        from jobboard.core.what_happened import log_what_happened

        today = self.jobboard.today
        try:
            check_event(application, event, today)
        except DateRefused as error:
            self.notify(as_sentence(error), severity="warning")
            return
        outcome = log_what_happened(application, event, today)
        self.jobboard.change(application.id, lambda a: log_what_happened(a, event, today).application, label)
        company = application.company
        if outcome.merged:
            words = f"{company} already had that interview: its details were merged. u undoes it."
        elif outcome.moved_to:
            words = f"Logged {label}; moved {company} to {STATUS_TITLES[outcome.moved_to]}. u undoes both."
        else:
            words = f"Logged {label} for {company}. u undoes it."
        self.notify(words, timeout=3)

    def action_step_done(self: BoardKeys) -> None:
        from jobboard.core.etiquette import done_event

        application = self.selected
        if application is None:
            return
        app = self.jobboard
        step = app.step_for(application)
        event = done_event(application, step, app.today, app.at)
        if step.rule == "respond_to_offer":
            ask_offer_answer(self, application, self._log)
        elif event is None:
            self.notify("Nothing to mark done here: this card is waiting.")
        elif event.kind == "status" and event.status:
            status = event.status
            if status not in app.columns:
                self.notify(
                    f"The {status} column is not on this board; add it to 'columns' in config.toml."
                )
                return
            if not self.move_selected_to(status):
                return
            self.notify(
                f"Moved {application.company} to {STATUS_TITLES[status]}. It's not you.", timeout=3
            )
        else:
            self._log(application, event, event.kind.replace("_", " "))

    def action_copy_draft(self: BoardKeys) -> None:
        from jobboard.tui.handoff import copy_text

        application = self.selected
        step = self.jobboard.advice_for(application) if application else None
        if not step or not step.draft:
            self.notify("This step has no draft to copy.")
            return
        copy_text(self.jobboard, step.draft, "The draft", lambda words: self.notify(words, timeout=4))

    def action_send_draft(self: BoardKeys) -> None:
        """m: the step's draft in the mail client (a mailto: URL with To, Subject and Body);
        with no email but a profile or page, that page opens and the draft goes to the
        clipboard. Nobody to write to is one line, never an empty mailto:. What is said is
        what happened (tui/handoff.py): an opener that fails is named, and the draft and its
        link are shown to copy."""
        from jobboard.core.mailto import mailto_url, message_for
        from jobboard.tui.handoff import Opened, open_link
        from jobboard.tui.screens import HandOverScreen

        application = self.selected
        if application is None:
            return
        app = self.jobboard
        step = app.advice_for(application)
        message = message_for(application, step, app.today)
        if message is None:
            self.notify("This step has no message to send.")
            return
        to = message.to
        if to is None or not (to.email or to.url):
            whom = one_line(to.words) if to is not None else "this step"
            self.notify(f"No email or profile to write to for {whom}. P adds people to the card.")
            return
        whom = one_line(to.words)
        sent = (application.id, step.rule)
        if to.email:
            try:
                url = mailto_url(to.email, message.subject, message.body)
            except ValueError as error:
                self.notify(f"The email of {whom} is {error}; fix it with P.", severity="error")
                return

            def mailed(result: Opened) -> None:
                if result.why_not is not None:
                    problem = f"Your mail client did not open: {result.why_not}. Here is the message to copy."
                    app.push_screen(HandOverScreen(problem, f"{message.text()}\n\n{url}"))
                    return
                opening = "Asked your browser to open your mail client" if result.by_page else "Opened your mail client"
                self.notify(f"{opening}: a message to {whom}.", timeout=3)
                self._remember_sent(sent)

            open_link(app, url, mailed)
            return
        self._open_profile(whom, to.url or "", f"{message.subject}\n\n{message.body}", sent)

    def _open_profile(self: BoardKeys, whom: str, profile: str, draft: str, sent: tuple[str, str]) -> None:
        """m for someone with a profile but no email: the draft to the clipboard first (the
        channels answer fast), then the profile; both outcomes in one line, or the dialog."""
        from jobboard.tui.handoff import Opened, copy_text, open_link
        from jobboard.tui.screens import HandOverScreen

        app = self.jobboard
        copied_words = ""

        def opened(result: Opened) -> None:
            if result.why_not is not None:
                problem = f"{whom} did not open: {result.why_not}. Here is the page and the draft to copy."
                app.push_screen(HandOverScreen(problem, f"{profile}\n\n{draft}"))
                return
            opening = "Asked your browser to open" if result.by_page else "Opened"
            self.notify(f"{opening} {whom}; {copied_words}", timeout=5)
            self._remember_sent(sent)

        def copied(words: str) -> None:
            nonlocal copied_words
            copied_words = f"{words[0].lower()}{words[1:]}"
            open_link(app, profile, opened)

        copy_text(app, draft, "The draft", copied)

    def _remember_sent(self: BoardKeys, sent: tuple[str, str]) -> None:
        """The panel now says f marks the step done (the message left the board)."""
        self.sent = sent
        self.show_selected(board_changed=True)

    def action_heard_back(self: BoardKeys) -> None:
        """Ask what they said (optional, one line), then log ``heard_back`` with it as its note,
        which the timeline shows; escape logs nothing."""
        from jobboard.tui.screens import AskNoteScreen

        application = self.selected
        if application is None:
            return

        def answered(note: str | None) -> None:
            if note is not None:
                self._log(application, Event("heard_back", self.jobboard.today, note), "heard back")

        question = f"{one_line(application.company)} answered. What did they say?"
        self.jobboard.push_screen(AskNoteScreen(question, "e.g. a call with the hiring manager next week"), answered)

    def action_interview(self: BoardKeys) -> None:
        from jobboard.core.validation import check_date
        from jobboard.tui.interview import AskInterviewScreen

        application = self.selected
        if application is None:
            return
        app = self.jobboard

        def check(day: pendulum.Date) -> None:
            check_date("interview", day, application.applied_on, app.today)

        def answered(answer: tuple[pendulum.Date, str | None] | None) -> None:
            if answer is not None:
                day, at = answer
                when = day.format("D MMM") + (f" {at}" if at else "")
                self._log(application, Event("interview", day, time=at), f"interview on {when}")

        question = f"When is (or was) the interview with {one_line(application.company)}?"
        self.jobboard.push_screen(AskInterviewScreen(question, app.today, check), answered)

    def action_snooze(self: BoardKeys) -> None:
        application = self.selected
        if application is not None:
            question = f"Hide the next step for {one_line(application.company)} until when?"
            self._ask_date_and_log(application, "snooze", question, "tomorrow", "snooze until", allow_past=False)

    def _ask_date_and_log(
        self: BoardKeys,
        application: Application,
        kind: str,
        question: str,
        default: str,
        label: str,
        allow_past: bool = True,
    ) -> None:
        """Ask for a date, then log a ``kind`` event on it (escape logs nothing)."""
        from jobboard.core.validation import check_date
        from jobboard.tui.screens import AskDateScreen

        def answered(day: pendulum.Date | None) -> None:
            if day is not None:
                self._log(application, Event(kind, day), f"{label} {day.format('D MMM')}")

        def check(day: pendulum.Date) -> None:
            check_date(kind, day, application.applied_on, self.jobboard.today)

        self.jobboard.push_screen(AskDateScreen(question, default, allow_past=allow_past, check=check), answered)

    def action_agenda(self: BoardKeys) -> None:
        from jobboard.core.coming_up import coming_up
        from jobboard.core.etiquette import agenda
        from jobboard.tui.agenda import AgendaScreen

        app = self.jobboard
        visible = [a for a in app.board.values() if a.status in app.columns and not a.archived]
        entries = agenda(visible, app.today, app.settings.etiquette, step_for=app.step_for)
        coming = coming_up(visible, app.today, app.step_for)
        screen = AgendaScreen(entries, app.today, coming, app.settings.etiquette.holidays)
        self.jobboard.push_screen(screen, self.jump_to)

    def jump_to(self: BoardKeys, app_id: str | None) -> None:
        """Select the card with this id, in whichever column it is."""
        application = self.jobboard.board.get(app_id) if app_id else None
        if application is None:
            return
        for index, view in enumerate(self.column_views):
            if view.status == application.status:
                self._activate(index)
                view.set_cards(view.cards, keep_id=app_id)
                self.show_selected()


def ask_offer_answer(
    keys: BoardKeys, application: Application, log: Callable[[Application, Event, str], None]
) -> None:
    """f on "answer the offer": ask the outcome, then log ``offer_answered`` with it (the same
    event `jobboard offer ID --accept` logs), through log_what_happened; escape logs nothing."""
    from jobboard.tui.offer_answer import AskOfferAnswerScreen

    def answered(outcome: str | None) -> None:
        if outcome:
            event = Event("offer_answered", keys.jobboard.today, outcome=outcome)
            log(application, event, f"your answer ({outcome})")

    question = f"How did you answer {one_line(application.company)}'s offer?"
    keys.jobboard.push_screen(AskOfferAnswerScreen(question), answered)
