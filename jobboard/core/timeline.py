"""An application's timeline: its events numbered in date order, described in words, edited
and deleted with the same checks as everything else (jobboard.core.validation).

Pure: applications in, applications out. The CLI (`jobboard events`) and the board's timeline
editor both number events this way, so "event 3" means the same thing in both.

Choices:

- Events are numbered from 1, oldest first, by (date, place in the log): same-day events keep
  the order they were logged in.
- Editing the ``applied`` event's date edits the applied date (checked against the log, as the
  form does); editing a ``status`` event's date re-dates that move.
- Deleting the move that put the card in its column moves the card back to the column it came
  from (the one before it in the log, else Applied), so the column and the log never disagree;
  deleting an earlier move changes only the history. The ``applied`` event can be re-dated but
  not deleted: an application always has an applied date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobboard.core.model import Application, Event, event_words, now_utc
from jobboard.core.validation import Refused, check_applied_date, check_event

if TYPE_CHECKING:
    import pendulum


class EventNotFound(Refused):
    """An event number the card's timeline does not have."""


def order(application: Application) -> list[int]:
    """The log positions of ``application``'s events, oldest first (event N is ``order[N-1]``)."""
    return sorted(range(len(application.events)), key=lambda i: (application.events[i].date, i))


def numbered(application: Application) -> list[tuple[int, Event]]:
    """(number, event) for each event, oldest first, numbered from 1."""
    return [(n, application.events[i]) for n, i in enumerate(order(application), start=1)]


def position(application: Application, number: int) -> int:
    """The log position of event ``number``; EventNotFound names the range when out of it."""
    positions = order(application)
    if not 1 <= number <= len(positions):
        raise EventNotFound(
            f"{application.company} has no event {number}; its timeline has events 1 to {len(positions)}"
            if positions
            else f"{application.company} has no events"
        )
    return positions[number - 1]


def describe(event: Event) -> str:
    """The event in words, without its date: "moved to Rejected", "interview 14:30 (technical)
    with Anna Schmidt, Bo Li — went well"."""
    words = event_words(event)
    if event.time:
        words += f" {event.time}"
    if event.interview_kind:
        words += f" ({event.interview_kind})"
    if event.people:
        words += " with " + ", ".join(event.people)
    if event.note:
        words += " — " + " ".join(event.note.split())
    return words


def edited(
    application: Application,
    number: int,
    today: pendulum.Date,
    *,
    date: pendulum.Date | None = None,
    time: str | None = None,
    note: str | None = None,
) -> Application:
    """``application`` with event ``number``'s date, time (interviews only; "" clears it) or
    note changed, once checked; Refused (or DateRefused) with one sentence otherwise."""
    at = position(application, number)
    event = application.events[at]
    if time is not None and event.kind != "interview":
        raise Refused(f"only an interview has a time; event {number} is {describe(event)}")
    changes: dict = {}
    if date is not None:
        changes["date"] = date
    if time is not None:
        changes["time"] = time or None
    if note is not None:
        changes["note"] = note
    new = event._replace(**changes)
    changed = application.copy(updated=now_utc())
    if event.kind == "applied" and date is not None:
        check_applied_date(application, date, today)
        changed.applied_on = date
    else:
        check_event(application, new, today)
    changed.events[at] = new
    changed.status = _column(changed) or application.status
    return changed


def deleted(application: Application, number: int) -> Application:
    """``application`` without event ``number``; see the module's choices for moves."""
    at = position(application, number)
    event = application.events[at]
    if event.kind == "applied" and sum(1 for e in application.events if e.kind == "applied") == 1:
        raise Refused(
            "the applied event can't be deleted: an application always has an applied date (change its date instead)"
        )
    changed = application.copy(updated=now_utc())
    del changed.events[at]
    if event.kind == "status":
        changed.status = _column(changed) or "applied"  # its last move gone: where a card starts
    return changed


def _column(application: Application) -> str | None:
    """The column the log says the card is in: its latest move's (by date, then log order);
    None when the log has no move (a card that started in Applied, or an old import)."""
    moves = [(e.date, i, e.status) for i, e in enumerate(application.events) if e.kind == "status" and e.status]
    return max(moves)[2] if moves else None


def is_ahead(event: Event, today: pendulum.Date, at: str | None = None) -> bool:
    """Whether an interview is still to come (docs/rules.md, "An interview ahead"): dated after
    today, or today at a time after ``at``, the time of day asked about ("HH:MM"; None when
    only the day is known, as with ``--date``: then today's interviews count as held)."""
    return event.date > today or (
        at is not None and event.date == today and event.time is not None and event.time > at
    )


def interview_ahead(application: Application, today: pendulum.Date) -> Event | None:
    """The next interview from today on (today's included), or None: what a card shows."""
    ahead = [e for e in application.events if e.kind == "interview" and e.date >= today]
    return min(ahead, key=lambda e: (e.date, e.time or "")) if ahead else None


def interview_time(event: Event, today: pendulum.Date) -> str:
    """ "Tue 3 Dec 14:00", "today 14:00", "tomorrow": when an interview ahead falls."""
    from jobboard.core.dates import days_between, short_date

    days = days_between(today, event.date)
    day = {0: "today", 1: "tomorrow"}.get(days) or short_date(event.date, today)
    return f"{day} {event.time}" if event.time else day


def interview_times(event: Event, today: pendulum.Date) -> list[str]:
    """The ways to say when an interview ahead falls, longest first: "Tue 20 Oct 14:00",
    "20 Oct 14:00", "14:00". Each keeps the time whole; only the date is cut short, so a
    narrow card still tells when to be there."""
    from jobboard.core.dates import days_between, short_date

    full = interview_time(event, today)
    if not event.time:
        return [full]
    texts = [full]
    if days_between(today, event.date) > 1:
        texts.append(f"{short_date(event.date, today).split(' ', 1)[1]} {event.time}")  # no weekday
    return [*texts, event.time]
