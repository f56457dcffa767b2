"""The shape of the hunt: counts, response and interview rates, time to an answer, and
applications per week.

Pure: applications and ``today`` in, numbers out. Definitions (all documented on
``BoardStats``) count only applications that were sent: a card on the wishlist has not been
sent yet, so it counts in ``total`` and its column but in no rate, median or weekly count.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pendulum

from jobboard.core.counted import counted
from jobboard.core.model import ALL_STATUSES, DEFAULT_COLUMNS, Application

WEEKS = 8
# Statuses that mean the company answered (or at least interviewed), whatever the log says.
_ANSWERED_STATUSES = ("interviewed", "offer", "rejected")
_EIGHTHS = " ▏▎▍▌▋▊▉█"


@dataclass(frozen=True)
class BoardStats:
    """Numbers about the board on ``today``.

    - ``counts``: applications per column in board order, then any other status that holds
      applications; ``total``: all applications.
    - ``sent``: applications not on the wishlist; the rates are shares of ``sent`` (None when
      nothing was sent).
    Only events dated on or before ``today`` count: an interview scheduled for next week is
    not yet an interview, nor an answer with a date.

    - ``responded``: got an answer: a ``heard_back``, an ``interview`` or a move to Rejected
      (a no is an answer), or the status ``interviewed``, ``offer`` or ``rejected``.
    - ``interviewed``: an ``interview`` dated on or before today, the status ``offer``, or the
      status ``interviewed`` with no interview logged at all (one scheduled ahead does not count).
    - ``median_days_to_first_answer``: median, over applications with an answer event (as for
      ``responded``), of the days from the applied date to the earliest one (never below 0);
      None when no application has one.
    - ``follow_ups_sent``: ``follow_up`` events on the whole board.
    - ``offers``: applications that got an offer: an ``offer`` event, or the status ``offer``
      (a card moved to Offer without `jobboard offer`); ``offer_rate`` is their share of ``sent``.
    - ``weekly``: ``(Monday, count)`` of applications by applied date for the last 8 weeks,
      oldest first, the current week last.
    """

    today: pendulum.Date
    counts: dict[str, int]
    total: int
    sent: int
    responded: int
    interviewed: int
    median_days_to_first_answer: float | None
    follow_ups_sent: int
    offers: int
    weekly: list[tuple[pendulum.Date, int]]

    @property
    def response_rate(self) -> float | None:
        return self.responded / self.sent if self.sent else None

    @property
    def offer_rate(self) -> float | None:
        return self.offers / self.sent if self.sent else None

    @property
    def interview_rate(self) -> float | None:
        return self.interviewed / self.sent if self.sent else None

    def to_dict(self) -> dict[str, Any]:
        """The numbers as JSON-safe values (dates as YYYY-MM-DD, rates as fractions 0..1)."""
        return {
            "today": self.today.isoformat(),
            "counts": dict(self.counts),
            "total": self.total,
            "sent": self.sent,
            "responded": self.responded,
            "response_rate": self.response_rate,
            "interviewed": self.interviewed,
            "interview_rate": self.interview_rate,
            "median_days_to_first_answer": self.median_days_to_first_answer,
            "follow_ups_sent": self.follow_ups_sent,
            "offers": self.offers,
            "offer_rate": self.offer_rate,
            "weekly": [{"week_start": start.isoformat(), "count": count} for start, count in self.weekly],
        }


def board_stats(
    applications: Iterable[Application],
    today: pendulum.Date,
    columns: Sequence[str] = DEFAULT_COLUMNS,
) -> BoardStats:
    """Compute ``BoardStats`` for the board as seen on ``today``."""
    applications = list(applications)
    counts = {status: 0 for status in columns}
    extra: dict[str, int] = {}
    for application in applications:
        if application.status in counts:
            counts[application.status] += 1
        else:
            extra[application.status] = extra.get(application.status, 0) + 1
    # Statuses off the board still show, in the usual order, so the counts add up to total.
    order = {status: index for index, status in enumerate(ALL_STATUSES)}
    for status in sorted(extra, key=lambda s: (order.get(s, len(order)), s)):
        counts[status] = extra[status]

    this_week = today.start_of("week")  # pendulum weeks start on Monday
    week_starts = [this_week.subtract(weeks=back) for back in range(WEEKS - 1, -1, -1)]
    first_week = week_starts[0]
    per_week = [0] * WEEKS

    sent = responded = interviewed = follow_ups = offers = 0
    days_to_answer: list[int] = []
    for application in applications:
        past = [event for event in application.events if event.date <= today]
        follow_ups += sum(1 for event in past if event.kind == "follow_up")
        if application.status == "wishlist":
            continue
        sent += 1
        answers = [e.date for e in past if e.kind in ("heard_back", "interview") or _rejection(e)]
        if answers or application.status in _ANSWERED_STATUSES:
            responded += 1
        if (
            any(event.kind == "interview" for event in past)
            or application.status == "offer"
            or (application.status == "interviewed" and not application.events_of("interview"))
        ):
            interviewed += 1
        if application.status == "offer" or any(event.kind == "offer" for event in application.events):
            offers += 1
        if answers:
            days_to_answer.append(max(0, (min(answers) - application.applied_on).days))
        if first_week <= application.applied_on <= today:
            per_week[(application.applied_on - first_week).days // 7] += 1

    return BoardStats(
        today=today,
        counts=counts,
        total=len(applications),
        sent=sent,
        responded=responded,
        interviewed=interviewed,
        median_days_to_first_answer=(float(statistics.median(days_to_answer)) if days_to_answer else None),
        follow_ups_sent=follow_ups,
        offers=offers,
        weekly=list(zip(week_starts, per_week, strict=True)),
    )


def _rejection(event) -> bool:  # noqa: ANN001 - an Event
    return event.kind == "status" and event.status == "rejected"


def total_text(numbers: BoardStats) -> str:
    """The line both stats views open with: "1 application", "12 applications"."""
    return counted(numbers.total, "application")


def percent(rate: float | None) -> str:
    """A rate as a whole percentage; "—" when nothing was sent to take a share of."""
    return "—" if rate is None else f"{rate:.0%}"


def rate_rows(numbers: BoardStats) -> list[tuple[str, str]]:
    """The rates, the time to a first answer and the follow-ups as (label, value) rows, as
    `jobboard stats` prints them and the stats screen (S) shows them."""
    median = numbers.median_days_to_first_answer
    return [
        ("Response rate", f"{percent(numbers.response_rate)} ({numbers.responded} of {numbers.sent})"),
        ("Interview rate", f"{percent(numbers.interview_rate)} ({numbers.interviewed} of {numbers.sent})"),
        ("Offers", f"{percent(numbers.offer_rate)} ({numbers.offers} of {numbers.sent})"),
        ("First answer in", "—" if median is None else f"{counted(median, 'day')} (median)"),
        ("Follow-ups sent", str(numbers.follow_ups_sent)),
    ]


def bar_chart(weekly: Sequence[tuple[pendulum.Date, int]], width: int = 30) -> list[str]:
    """Text lines, one per week: ``"17 Nov  ████▌          3"``.

    The longest bar is ``width`` cells wide and the others scale to it in eighths of a cell; a
    week with any application shows at least a sliver. Every line has the same length.
    """
    if not weekly:
        return []
    most = max(count for _, count in weekly)
    digits = len(str(most))
    lines = []
    for start, count in weekly:
        eighths = round(count * width * 8 / most) if most else 0
        if count and not eighths:
            eighths = 1
        full, rest = divmod(eighths, 8)
        bar = "█" * full + (_EIGHTHS[rest] if rest else "")
        label = f"{start.day:>2} {start.format('MMM')}"
        lines.append(f"{label}  {bar:<{width}}  {count:>{digits}}")
    return lines
