"""What an event does to a card's column (docs/rules.md, "What happened drives the column").

One place for it, so the CLI's ``log``, the board's ``i`` and ``b``, the importer and the
email reader all agree: :func:`log_what_happened` logs an event and, unless told not to, moves
the card where the facts put it.

- An interview on a Wishlist, Applied or Silent card moves it to Interviewed: the move is
  dated the interview's day when it is past, the day it is logged when it is ahead.
- An interview on the same day as one already logged (same time, or either without a time)
  is that interview: its time, kind and people are merged into it and nothing is added.
- A reply (``heard_back``) on a Silent card brings it back to the column it was in before.

Pure: an application in, an application out, as a change applied under the lock expects.
"""

from __future__ import annotations

from typing import NamedTuple

import pendulum

from jobboard.core.model import Application, Event
from jobboard.core.validation import check_event, moved

# The columns an interview takes a card out of.
BEFORE_INTERVIEWING: tuple[str, ...] = ("wishlist", "applied", "silent")


class Logged(NamedTuple):
    """The card after the event, the column it was moved to (None: it stayed), and whether
    the event was merged into an interview already on the card."""

    application: Application
    moved_to: str | None = None
    merged: bool = False


def same_interview(logged: Event, new: Event) -> bool:
    """An interview the same day, at the same time or with either time unknown."""
    return (
        logged.kind == "interview"
        and logged.date == new.date
        and (logged.time is None or new.time is None or logged.time == new.time)
    )


def _merged(logged: Event, new: Event) -> Event:
    people = tuple(dict.fromkeys((*logged.people, *new.people)))
    note = logged.note if not new.note or new.note == logged.note else " ".join(filter(None, (logged.note, new.note)))
    return logged._replace(
        time=logged.time or new.time,
        interview_kind=logged.interview_kind or new.interview_kind,
        people=people,
        note=note,
    )


def column_before_silent(application: Application) -> str:
    """The column a Silent card was in before it went quiet (Applied when the log says none)."""
    moves = [e for e in application.events if e.kind == "status"]
    for index in range(len(moves) - 1, -1, -1):
        if moves[index].status == "silent":
            earlier = [m.status for m in moves[:index] if m.status and m.status != "silent"]
            return earlier[-1] if earlier else "applied"
    return "applied"


def log_what_happened(application: Application, event: Event, today: pendulum.Date, move: bool = True) -> Logged:
    """``application`` with ``event`` logged (its date checked) and the column the facts call
    for; ``move=False`` (the CLI's ``--no-move``) keeps the column. Raises DateRefused for a
    date a person could not have meant (see core/validation.py)."""
    check_event(application, event, today)
    if event.kind == "interview":
        for index, logged in enumerate(application.events):
            if same_interview(logged, event):
                events = list(application.events)
                events[index] = _merged(logged, event)
                return Logged(application.copy(events=events), merged=True)
    card = application.with_event(event)
    if not move:
        return Logged(card)
    if event.kind == "interview" and card.status in BEFORE_INTERVIEWING:
        on = event.date if event.date <= today else today
        return Logged(moved(card, "interviewed", on, today), "interviewed")
    if event.kind == "heard_back" and card.status == "silent":
        back = column_before_silent(card)
        return Logged(moved(card, back, event.date, today), back)
    return Logged(card)
