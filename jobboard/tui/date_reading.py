"""The line under a date input that says which day the words typed read as, before anything is saved.

"next tuesday" typed on a Monday is tomorrow, "in 2 weeks" is a date few count in their head:
each date question and form shows "reads as Tue 17 Nov (tomorrow)" as it is typed. A full
YYYY-MM-DD says itself and words that are not a date (yet) show nothing: the error is the
save's to give, in the words of the shared checks.
"""

from __future__ import annotations

import re

import pendulum
from textual.widgets import Static

from jobboard.core.dates import ago, parse_user_date, short_date

_FULL_DATE = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")


def reads_as(text: str, today: pendulum.Date) -> str:
    """ "reads as Tue 17 Nov (tomorrow)" for words that name a day, else ""."""
    if not text.strip() or _FULL_DATE.fullmatch(text):
        return ""
    try:
        day = parse_user_date(text, today)
    except ValueError:
        return ""
    return f"reads as {short_date(day, today)} ({ago(day, today)})"


class DateReading(Static):
    """The reading of one date input; its screen calls ``follow`` as the input changes."""

    DEFAULT_CSS = "DateReading { color: $text-muted; height: auto; }"

    def __init__(self, text: str, today: pendulum.Date, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        self.today = today
        self.reading = reads_as(text, today)
        super().__init__(self.reading, id=id, markup=False)
        self.display = bool(self.reading)

    def follow(self, text: str) -> None:
        self.reading = reads_as(text, self.today)
        self.update(self.reading)
        self.display = bool(self.reading)
