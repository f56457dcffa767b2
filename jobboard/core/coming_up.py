"""What is coming up: interviews and steps falling due in the next days, for the agenda's
second part (below what is due now).

Pure: applications, their steps and ``today`` in, a dated list out, soonest first. An interview
today counts as coming up (it has not happened yet), except on a closed card (rejected,
withdrawn or archived: the process is over); a step counts when it is upcoming and falls
due within ``days`` (a snoozed one on the day the snooze ends); so does a Wishlist card's last
day to apply, when its captured posting gave a closing date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from jobboard.core.dates import add_days
from jobboard.core.model import Application

if TYPE_CHECKING:
    import pendulum

    from jobboard.core.etiquette import NextStep

DAYS_AHEAD = 7


class Coming(NamedTuple):
    date: pendulum.Date
    time: str  # "HH:MM" for an interview with a time, else ""
    application: Application
    what: str  # "Interview (technical) with Anna Schmidt", or the step's title


def coming_up(
    applications: Iterable[Application],
    today: pendulum.Date,
    step_for: Callable[[Application], NextStep],
    days: int = DAYS_AHEAD,
) -> list[Coming]:
    """Interviews from today to ``today + days`` and steps upcoming in that time, soonest first."""
    last = add_days(today, days)
    found: list[Coming] = []
    for application in applications:
        for event in () if application.closed else application.events:
            if event.kind == "interview" and today <= event.date <= last:
                what = "Interview" + (f" ({event.interview_kind})" if event.interview_kind else "")
                if event.people:
                    what += " with " + ", ".join(event.people)
                found.append(Coming(event.date, event.time or "", application, what))
        if application.posting and application.status == "wishlist":
            closes = application.apply_by  # the captured posting's closing day (core/posting_kept.py)
            if closes is not None and today <= closes <= last:
                found.append(Coming(closes, "", application, "Last day to apply: the posting closes"))
        step = step_for(application)
        if step.state == "upcoming" and step.due is not None and step.due <= last:
            found.append(Coming(step.due, "", application, step.title))
    return sorted(found, key=lambda c: (c.date, c.time or "99", c.application.company.casefold(), c.what))
