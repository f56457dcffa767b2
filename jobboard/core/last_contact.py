"""Last contact: the day of the latest exchange with the company, one definition for all.

The rules, the side panel, ``jobboard show`` and every export read it from here (docs/rules.md,
"Definitions"). An exchange is an event of one of ``CONTACT_KINDS`` or a move to one of
``CONTACT_MOVES`` (the company's own answer), dated on or before the day asked about: what is
booked ahead, or logged after an "as of" date, has not happened yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobboard.core.model import EVENT_KINDS
from jobboard.core.timeline import is_ahead

if TYPE_CHECKING:
    import pendulum

    from jobboard.core.model import Application

# The event kinds that are an exchange with the company, whichever side wrote: every kind an
# application's log holds but these four. A move (`status`) is contact only into one of
# CONTACT_MOVES; `note`, `snooze` and `referrer_updated` are the user's own. An interview
# counts once its day has come.
NOT_CONTACT_KINDS: tuple[str, ...] = ("status", "note", "snooze", "referrer_updated")
CONTACT_KINDS: tuple[str, ...] = tuple(kind for kind in EVENT_KINDS if kind not in NOT_CONTACT_KINDS)
# The columns a `status` move into is a message from them: a rejection or an offer.
CONTACT_MOVES: tuple[str, ...] = ("rejected", "offer")


def last_contact(application: Application, today: pendulum.Date, at: str | None = None) -> pendulum.Date:
    """The latest day on or before ``today`` with an exchange (see the module docstring); the
    applied date when there is none. On a card with no interview logged at all, a move to
    Interviewed stands in for the interview, as the advisor reads it. ``at``: the time of day,
    before which an interview later today has not happened yet."""
    dates: list[pendulum.Date] = []
    moves_to_interviewed: list[pendulum.Date] = []
    has_interview = False
    for event in application.events:
        has_interview = has_interview or event.kind == "interview"
        if event.date > today or (event.kind == "interview" and is_ahead(event, today, at)):
            continue
        if event.kind in CONTACT_KINDS or (event.kind == "status" and event.status in CONTACT_MOVES):
            dates.append(event.date)
        elif event.kind == "status" and event.status == "interviewed":
            moves_to_interviewed.append(event.date)
    if not has_interview:
        dates += moves_to_interviewed
    return max(dates, default=application.applied_on)
