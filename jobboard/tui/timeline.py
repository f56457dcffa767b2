"""The timeline editor (t on the board): the selected card's events, one to pick, then edit its
date, time or note in a small form, or delete it after a confirm. Every change goes through
jobboard.core.timeline (the same checks as the CLI's) as one change of the app, so u undoes it.

The event is found again on the card as it is on disk by its value, not by its number, so a
change made meanwhile in another terminal never makes the edit land on another event.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from jobboard.core import timeline
from jobboard.core.dates import parse_user_date
from jobboard.core.model import Application, Event, parse_time
from jobboard.formats.printable import one_line
from jobboard.tui.date_reading import DateReading
from jobboard.tui.dialog import ChoiceList, Dialog, error_line, form_keys
from jobboard.tui.hosts import jobboard_app
from jobboard.tui.lines import as_sentence


def number_of(application: Application, event: Event) -> int:
    """Event ``event``'s number on ``application`` (as it is now); Refused when it is gone."""
    for number, candidate in timeline.numbered(application):
        if candidate == event:
            return number
    raise timeline.EventNotFound("that event is no longer on the card (changed elsewhere); nothing was changed")


class TimelineScreen(Dialog[None]):
    """The selected card's events, newest first; e/enter edits, d deletes, escape closes."""

    BINDINGS = [
        Binding("escape,t,q", "close", "Close", id="close_timeline"),
        Binding("e", "edit_event", "Edit", id="edit_event"),
        Binding("d,delete", "delete_event", "Delete", id="delete_event"),
    ]
    DEFAULT_CSS = """
    #timeline-box { width: 90%; max-width: 100; height: 70%; padding: 1 2; background: $surface;
                    border: round $accent; }
    #timeline-list { height: 1fr; margin: 1 0; }
    """

    def __init__(self, app_id: str) -> None:
        super().__init__()
        self.app_id = app_id

    @property
    def card(self) -> Application:
        return jobboard_app(self).board[self.app_id]

    def compose(self) -> ComposeResult:
        with Vertical(id="timeline-box"):
            yield Static(id="timeline-title")
            yield ChoiceList(id="timeline-list")
            yield Static("enter/e edit · d delete · u (on the board) undoes · escape closes", classes="muted")

    def on_mount(self) -> None:
        self.refresh_events()

    def refresh_events(self, keep: int | None = None) -> None:
        card = self.card
        self.query_one("#timeline-title", Static).update(
            Content.assemble((f"Timeline · {one_line(card.company)} — {one_line(card.role)}", "bold"))
        )
        events = self.query_one("#timeline-list", OptionList)
        highlighted = events.highlighted if keep is None else keep
        events.clear_options()
        for number, event in reversed(timeline.numbered(card)):
            # Plain text: a note is the user's (or a pasted email's) words, brackets and all.
            line = f"{number:>3}  {event.date.isoformat()}  {one_line(timeline.describe(event))}"
            events.add_option(Option(Content(line), id=str(number)))
        if events.option_count:
            events.highlighted = min(highlighted or 0, events.option_count - 1)
        events.focus()

    def _chosen(self) -> tuple[int, Event] | None:
        events = self.query_one("#timeline-list", OptionList)
        if events.highlighted is None:
            return None
        option_id = events.get_option_at_index(events.highlighted).id
        if option_id is None:
            return None
        number = int(option_id)
        return number, self.card.events[timeline.position(self.card, number)]

    def on_option_list_option_selected(self) -> None:
        self.action_edit_event()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_edit_event(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        number, event = chosen

        def saved(change: dict | None) -> None:
            if change:
                today = jobboard_app(self).today

                def edit(a: Application) -> Application:
                    return timeline.edited(a, number_of(a, event), today, **change)

                jobboard_app(self).change(self.app_id, edit, f"edit of event {number}")
                self.notify(f"Changed event {number}. u on the board undoes it.", timeout=3)
                self.refresh_events()

        self.app.push_screen(EventForm(self.card, number, event), saved)

    def action_delete_event(self) -> None:
        from jobboard.tui.screens import ConfirmScreen

        chosen = self._chosen()
        if chosen is None:
            return
        number, event = chosen
        try:
            timeline.deleted(self.card, number)  # refused here, before asking
        except ValueError as error:
            self.notify(as_sentence(error), severity="warning")
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                def without_it(application: Application) -> Application:
                    return timeline.deleted(application, number_of(application, event))

                jobboard_app(self).change(self.app_id, without_it, "delete of an event")
                self.notify(f"Deleted event {number}. u on the board brings it back.", timeout=3)
                self.refresh_events(keep=0)
            else:
                self.notify(f"Kept event {number}: nothing was deleted.", timeout=3)

        question = f"Delete event {number}: {event.date.isoformat()}  {timeline.describe(event)}?"
        self.app.push_screen(ConfirmScreen(question, yes="Delete"), confirmed)


class EventForm(Dialog["dict | None"]):
    """Date, time (an interview's) and note of one event; a wrong value says so under the form
    and the form stays open. Dismisses with the changes ({} or None: nothing to do)."""

    BINDINGS = form_keys("event")
    DEFAULT_CSS = """
    #event-box { width: 70; max-width: 100%; height: auto; padding: 1 2; background: $surface;
                 border: round $accent; }
    .event-row { height: 1; margin-top: 1; }
    .event-row Label { width: 8; color: $text-muted; }
    .event-row Input { width: 1fr; }
    #event-box DateReading { margin-left: 8; }
    """

    def __init__(self, card: Application, number: int, event: Event) -> None:
        super().__init__()
        self.card, self.number, self.event = card, number, event

    def compose(self) -> ComposeResult:
        with Vertical(id="event-box"):
            yield Static(Content.assemble((f"Event {self.number}: {timeline.describe(self.event)}", "bold")))
            rows = [("date", "Date", self.event.date.isoformat())]
            if self.event.kind == "interview":
                rows.append(("time", "Time", self.event.time or ""))
            rows.append(("note", "Note", self.event.note))
            for name, label, value in rows:
                with Horizontal(classes="event-row"):
                    yield Label(label)
                    yield Input(value, id=f"event-{name}", compact=True)
                if name == "date":
                    yield DateReading(value, jobboard_app(self).today)
            yield error_line("event-error")
            yield Static("enter or ctrl+s saves · escape cancels", classes="muted")

    def on_mount(self) -> None:
        self.query_one("#event-date", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "event-date":
            self.query_one(DateReading).follow(event.value)
        if self.wrong:  # checked again as it is typed: the error goes once the value is right
            self.checked_change()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        change = self.checked_change()
        if change is not None:
            self.dismiss(change)

    def checked_change(self) -> dict | None:
        """What the form changes (``{}``: nothing), or None with its error shown under the form."""
        today = jobboard_app(self).today
        change: dict = {}
        try:
            day = parse_user_date(self.query_one("#event-date", Input).value, today)
            if day != self.event.date:
                change["date"] = day
            if self.event.kind == "interview":
                typed = self.query_one("#event-time", Input).value.strip()
                at = parse_time(typed) if typed else ""
                if (at or None) != self.event.time:
                    change["time"] = at
            note = self.query_one("#event-note", Input).value
            if note != self.event.note:
                change["note"] = note
            if change:
                timeline.edited(self.card, self.number, today, **change)  # the shared checks, inline
        except ValueError as error:
            self.say_wrong("event-error", as_sentence(error))
            return None
        self.say_wrong("event-error")
        return change
