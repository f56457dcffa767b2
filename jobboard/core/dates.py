"""Date helpers for the job hunt: business days, "3 days ago", and dates a user types.

Pure functions over ``pendulum.Date``; nothing here reads the clock, so every answer depends
only on the ``today`` it is given.
"""

from __future__ import annotations

import functools
import re

import pendulum

from jobboard.core.model import parse_iso_date
from jobboard.core.patterns import Pattern

# pendulum 3 numbers weekdays Monday=0 .. Sunday=6.
_SATURDAY = 5

# "3 days ago", "a week ago", "in 2 months": the spans the board itself prints (see ago).
_SPAN_AGO = Pattern(r"(\d{1,5}|an?|one) (day|week|month|year)s? ago")
_IN_SPAN = Pattern(r"in (\d{1,5}|an?|one) (day|week|month|year)s?")
_LAST_NEXT_DAY = Pattern(r"(last|next) ([a-z]+)")
_ISO_SHAPE = Pattern(r"\d{4}-\d{2}-\d{2}")
# English names, as the rest of the app's wording; spelled out because pendulum's format()
# is slow enough to matter when a large board works out every card's next step.
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# Arithmetic goes through day numbers (``toordinal``): pendulum's ``add``, ``date + timedelta``
# and ``date - date`` (an Interval) cost microseconds each, which adds up when a large board
# works out every card's next step.


def _weekday_of(ordinal: int) -> int:
    return (ordinal - 1) % 7  # day 1 (1 January of year 1) was a Monday


@functools.lru_cache(maxsize=8192)
def _pendulum_date(ordinal: int) -> pendulum.Date:
    # Cached: pendulum's fromordinal makes two objects in Python, and the due dates of a whole
    # board fall on a few hundred distinct days (dates are immutable, so they can be shared).
    return pendulum.Date.fromordinal(ordinal)


def _from_ordinal(date_type: type[pendulum.Date], ordinal: int) -> pendulum.Date:
    """The day ``ordinal`` as a ``date_type``: pendulum's Date from the cache, a subclass built."""
    return _pendulum_date(ordinal) if date_type is pendulum.Date else date_type.fromordinal(ordinal)


def add_days(date: pendulum.Date, n: int) -> pendulum.Date:
    """``date`` moved by ``n`` calendar days (negative: back), of the same date type."""
    return _from_ordinal(type(date), date.toordinal() + n)


def days_between(start: pendulum.Date, end: pendulum.Date) -> int:
    """Calendar days from ``start`` to ``end``: negative when ``end`` is earlier."""
    return end.toordinal() - start.toordinal()


class PublicHolidays:
    """The public holidays of a country or one of its regions ("DE", "US-CA"), from the
    well-kept ``holidays`` library, worked out a year at a time as dates ask for them.
    ``[etiquette] holidays`` in config.toml names them; none by default."""

    def __init__(self, code: str) -> None:
        import holidays  # only for those who set it: the library takes a while to load

        country, _, region = code.strip().upper().partition("-")
        self.code = code
        self._country, self._region = country, region or None
        self._lookup = holidays.country_holidays
        self._years: dict[int, frozenset[int]] = {}
        try:
            self._days(2026)
        except (NotImplementedError, KeyError, ValueError) as error:
            raise ValueError(
                f"etiquette.holidays: no public holidays are known for '{code}'; use a country code "
                'such as "DE", "GB" or "US", or a country and region such as "US-CA"'
            ) from error

    def _days(self, year: int) -> frozenset[int]:
        days = self._years.get(year)
        if days is None:
            found = self._lookup(self._country, subdiv=self._region, years=year)
            days = self._years[year] = frozenset(day.toordinal() for day in found)
        return days

    def __contains__(self, ordinal: int) -> bool:
        return ordinal in self._days(_year_of(ordinal))


@functools.lru_cache(maxsize=8)
def public_holidays(code: str) -> PublicHolidays | None:
    """The calendar ``code`` names, made once per code; None for "" (weekends only).
    ValueError in one sentence for a code the library does not know."""
    return PublicHolidays(code) if code.strip() else None


def _year_of(ordinal: int) -> int:
    return _pendulum_date(ordinal).year


def _is_business_day(ordinal: int, holidays: PublicHolidays | None) -> bool:
    return _weekday_of(ordinal) < _SATURDAY and (holidays is None or ordinal not in holidays)


def on_business_day(date: pendulum.Date, holidays: str = "", before: bool = False) -> pendulum.Date:
    """``date`` itself when it is a business day, else the next one (``before``: the one
    before): where a due date counted in calendar days lands (docs/rules.md, "Weekends")."""
    calendar = public_holidays(holidays)
    current = date.toordinal()
    step = -1 if before else 1
    while not _is_business_day(current, calendar):
        current += step
    return _from_ordinal(type(date), current)


def add_business_days(date: pendulum.Date, n: int, holidays: str = "") -> pendulum.Date:
    """The date ``n`` business days after ``date``; counting starts the day after it.

    ``add_business_days(friday, 1)`` is the next Monday; ``n == 0`` returns ``date`` itself.
    A negative ``n`` counts backwards the same way. ``holidays`` names the public holidays
    that are not business days either (:func:`public_holidays`); "" counts weekends only.
    """
    if n == 0:
        return date
    calendar = public_holidays(holidays) if holidays else None
    if calendar is not None:
        # With holidays every day is looked at: n is at most a year of business days.
        step, remaining, current = (1 if n > 0 else -1), abs(n), date.toordinal()
        while remaining:
            current += step
            if _is_business_day(current, calendar):
                remaining -= 1
        return _from_ordinal(type(date), current)
    # Whole weeks jump at once (five business days are seven calendar days); only the few
    # days left over are walked, so this stays cheap for every card of a large board.
    step = 1 if n > 0 else -1
    weeks, remaining = divmod(abs(n), 5)
    current = date.toordinal() + step * 7 * weeks
    while remaining:
        current += step
        if _weekday_of(current) < _SATURDAY:
            remaining -= 1
    if weeks and _weekday_of(current) >= _SATURDAY:
        # A whole-week jump from a weekend day lands on a weekend: walk back to the last
        # business day counted, which is the day the one-by-one walk would have stopped on.
        while _weekday_of(current) >= _SATURDAY:
            current -= step
    return _from_ordinal(type(date), current)


def business_days_between(start: pendulum.Date, end: pendulum.Date, holidays: str = "") -> int:
    """How many business days lie after ``start`` up to and including ``end``.

    Positive when ``end`` is after ``start``, negative when before, 0 when equal, so that
    ``business_days_between(d, add_business_days(d, n, holidays), holidays) == n``.
    """
    if end < start:
        return -business_days_between(end, start, holidays)
    first = start.toordinal()
    calendar = public_holidays(holidays) if holidays else None
    if calendar is not None:
        return sum(1 for day in range(first + 1, end.toordinal() + 1) if _is_business_day(day, calendar))
    full_weeks, rest = divmod(end.toordinal() - first, 7)
    count = full_weeks * 5
    # The leftover days (fewer than a week) are counted one by one.
    current = first + full_weeks * 7
    for _ in range(rest):
        current += 1
        if _weekday_of(current) < _SATURDAY:
            count += 1
    return count


def parse_user_date(text: str, today: pendulum.Date) -> pendulum.Date:
    """Read a date the user typed: ``YYYY-MM-DD``, ``today``, ``yesterday``, what a card
    prints (``3 days ago``, ``2 weeks ago``, ``1 month ago``, ``a year ago``), ``last
    monday``, and, for what lies ahead (an interview, a snooze), ``tomorrow``, ``in 3 days``,
    ``in 2 weeks`` and ``next friday``.

    Case and surrounding spaces do not matter; months and years are calendar ones (a month
    before 31 March is the last day of February). Raises ValueError with one sentence otherwise.
    """
    cleaned = " ".join(str(text).split()).lower()
    if cleaned == "today":
        return today
    if cleaned == "yesterday":
        return today.subtract(days=1)
    if cleaned == "tomorrow":
        return today.add(days=1)
    match = _SPAN_AGO.fullmatch(cleaned)
    if match:
        return today.subtract(**_span(match))
    match = _IN_SPAN.fullmatch(cleaned)
    if match:
        return today.add(**_span(match))
    match = _LAST_NEXT_DAY.fullmatch(cleaned)
    number = _weekday_named(match.group(2)) if match else None
    if match and number is not None:
        weekday = pendulum.WeekDay(number)
        return today.previous(weekday) if match.group(1) == "last" else today.next(weekday)
    if _ISO_SHAPE.fullmatch(cleaned):
        try:
            return parse_iso_date(cleaned)
        except ValueError as error:
            if "between" in str(error):
                raise
            raise ValueError(f"'{str(text).strip()}' is not a real calendar date: check the month and day") from None
    raise ValueError(
        f"'{str(text).strip()}' is not a date: use YYYY-MM-DD, today, yesterday, '3 days ago', "
        "'2 weeks ago', 'last monday', tomorrow or 'in 3 days'"
    )


def _span(match: re.Match[str]) -> dict[str, int]:
    """``{"weeks": 2}`` from a match of "2 weeks" ("a week", "one week": 1)."""
    amount = match.group(1)
    return {f"{match.group(2)}s": int(amount) if amount.isdigit() else 1}


def _weekday_named(word: str) -> int | None:
    """Monday=0 .. Sunday=6 for a day's name or its first three letters ("mon"), else None."""
    for number, name in enumerate(_DAY_NAMES):
        if word in (name.lower(), name[:3].lower()):
            return number
    return None


def ago(date: pendulum.Date, today: pendulum.Date) -> str:
    """How long ago ``date`` was, seen from ``today``: "today", "yesterday", "5 days ago",
    "3 weeks ago", "2 months ago", "1 year ago"; future dates read "tomorrow", "in 4 days"."""
    days = days_between(date, today)
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days == -1:
        return "tomorrow"
    amount = _rough_span(min(date, today), max(date, today))
    return f"{amount} ago" if days > 0 else f"in {amount}"


def _rough_span(earlier: pendulum.Date, later: pendulum.Date) -> str:
    days = days_between(earlier, later)
    if days < 14:
        return _plural(days, "day")
    if days < 60:
        return _plural(days // 7, "week")
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    if months < 12:
        return _plural(months, "month")
    return _plural(months // 12, "year")


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def short_date(date: pendulum.Date, today: pendulum.Date | None = None) -> str:
    """ "Mon 30 Nov" for lists and panels; the year is added when it is not ``today``'s."""
    text = f"{_DAY_NAMES[date.weekday()][:3]} {date.day} {_MONTH_NAMES[date.month - 1][:3]}"
    if today is not None and date.year != today.year:
        text += f" {date.year}"
    return text


def day_month_year(date: pendulum.Date) -> str:
    """ "7 Dec 2026" for a card's dates in the side panel, always with the year."""
    return f"{date.day} {_MONTH_NAMES[date.month - 1][:3]} {date.year}"


def long_date(date: pendulum.Date, today: pendulum.Date | None = None) -> str:
    """ "12 November" for messages; the year is added when it is not ``today``'s."""
    text = f"{date.day} {_MONTH_NAMES[date.month - 1]}"
    if today is not None and date.year != today.year:
        text += f" {date.year}"
    return text
