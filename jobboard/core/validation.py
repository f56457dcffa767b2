"""Honest dates: the one check that every way in (CLI, form, timeline editor, importer) shares.

docs/rules.md, "How events get their dates": only an interview or a snooze may be dated after
today; nothing may be dated before the application's applied date; moving a card to the column
it is in logs nothing. Advice counts from these dates, so a date that cannot be true would make
every step after it wrong. Each refusal is one sentence naming the date and what to do.

Pure: no UI, no storage. ``moved`` is what every move goes through (the CLI, the board's keys,
the form), so leaving Wishlist for Applied sets the applied date in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobboard.core.fields import ONE_LINE_FIELDS, check_line
from jobboard.core.model import STATUS_TITLES, Application, Event

if TYPE_CHECKING:
    import pendulum

# The events that may lie ahead: an interview is planned, a snooze ends on a later day.
MAY_BE_AHEAD: tuple[str, ...] = ("interview", "snooze")

# Leaving Wishlist for one of these means the application went out that day.
SENT_STATUSES: tuple[str, ...] = ("applied", "interviewed", "offer")


# What may come before the application went out: the applied date itself, and the talk with the
# team that the Wishlist's advice asks for before applying.
BEFORE_APPLYING: tuple[str, ...] = ("applied", "contacted_team")


class Refused(ValueError):
    """A change jobboard will not make to an application; the message is one sentence."""


class DateRefused(Refused):
    """A date that cannot be true for this application."""


class AlreadyThere(ValueError):
    """A move to the column the card is already in: nothing to log."""


# How each kind of event is named in a message.
_NOUNS: dict[str, str] = {
    "follow_up": "a follow-up",
    "heard_back": "an answer (heard_back)",
    "interview": "an interview",
    "thank_you": "a thank-you note",
    "acknowledged": "an acknowledgement",
    "feedback_requested": "a request for feedback",
    "feedback_received": "feedback received",
    "contacted_team": "a talk with the team",
    "note": "a note",
    "snooze": "a snooze",
}


def what(kind: str, status: str | None = None) -> str:
    """How an event is named in a message: "a follow-up", "the move to Rejected"."""
    if kind == "status":
        return f"the move to {STATUS_TITLES.get(status or '', status)}"
    if kind == "applied":
        return "the applied date"
    return _NOUNS.get(kind, f"a {kind.replace('_', ' ')} event")


def check_date(kind: str, on: pendulum.Date, applied_on: pendulum.Date, today: pendulum.Date, status=None) -> None:  # noqa: ANN001
    """Refuse ``on`` for an event of ``kind`` when it is ahead of today (other than an
    interview or a snooze) or before the applied date."""
    if on > today and kind not in MAY_BE_AHEAD:
        dated = "can't be" if kind == "applied" else "can't be dated"
        raise DateRefused(
            f"{what(kind, status)} {dated} {on.isoformat()}, after today ({today.isoformat()}): "
            "only interviews and snoozes may be dated ahead"
        )
    if kind not in BEFORE_APPLYING and on < applied_on:
        raise DateRefused(
            f"{what(kind, status)} can't be dated {on.isoformat()}: that is before the application's "
            f"applied date ({applied_on.isoformat()})"
        )


def check_applied_on(date: pendulum.Date, today: pendulum.Date) -> pendulum.Date:
    """A new card's applied date, as a form or an import gives it: never after ``today`` (a
    date's years are bounded where it is read)."""
    check_date("applied", date, date, today)
    return date


def check_event(application: Application, event: Event, today: pendulum.Date) -> None:
    """``check_date`` for an event about to join (or replace one in) ``application``'s log."""
    check_date(event.kind, event.date, application.applied_on, today, event.status)


def check_applied_date(application: Application, applied_on: pendulum.Date, today: pendulum.Date) -> None:
    """A new applied date for ``application``: not ahead of today, and not after any event
    already in its log (which would then lie before the application)."""
    check_date("applied", applied_on, applied_on, today)
    earlier = [e for e in application.events if _after_applying(e) and e.date < applied_on]
    if earlier:
        first = min(earlier, key=lambda e: e.date)
        raise DateRefused(
            f"the applied date can't be {applied_on.isoformat()}: {what(first.kind, first.status)} is logged "
            f"on {first.date.isoformat()}, before it; choose an applied date on or before that day"
        )


def check_new(application: Application, today: pendulum.Date) -> None:
    """A card about to be added: its one-line fields not too long, its applied date not ahead
    of today, and every event of its log (the move into a later column, an interview) honestly
    dated."""
    for name in ONE_LINE_FIELDS:
        try:
            check_line(name, getattr(application, name))
        except ValueError as error:
            raise Refused(str(error)) from None
    check_date("applied", application.applied_on, application.applied_on, today)
    for event in application.events:
        check_event(application, event, today)


def _after_applying(event: Event) -> bool:
    """False for what may precede the application: the applied date, the talk with the team,
    the day the card was saved to the Wishlist."""
    return event.kind not in BEFORE_APPLYING and not (event.kind == "status" and event.status == "wishlist")


def with_event(application: Application, event: Event, today: pendulum.Date) -> Application:
    """``application`` with ``event`` logged, once its date is checked."""
    check_event(application, event, today)
    return application.with_event(event)


def moved(application: Application, status: str, on: pendulum.Date, today: pendulum.Date) -> Application:
    """``application`` moved to ``status`` on ``on``, with every check a move needs.

    Raises AlreadyThere when it is in that column already (nothing is logged) and DateRefused
    for a date ahead of today or before the applied date. Leaving Wishlist for Applied (or
    straight for Interviewed or Offer) is the day the application went out: the move logs an
    ``applied`` event that day, and the applied date becomes that day."""
    if application.status == status:
        raise AlreadyThere(
            f"{application.company} is already in {STATUS_TITLES.get(status, status)}; nothing was logged"
        )
    check_date("status", on, application.applied_on, today, status)
    if application.status == "wishlist" and status in SENT_STATUSES:
        # The day it was saved to the Wishlist stays in its `status` event.
        kept = [e for e in application.events if e.kind != "applied"]
        sent = application.copy(events=[*kept, Event("applied", on)], applied_on=on)
        return sent.moved_to(status, on)
    return application.moved_to(status, on)
