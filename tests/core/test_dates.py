"""Business-day arithmetic, user date parsing and "3 days ago" texts."""

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobboard.core.dates import (
    add_business_days,
    ago,
    business_days_between,
    long_date,
    parse_user_date,
    short_date,
)

D = pendulum.date
TODAY = D(2026, 11, 12)  # a Thursday


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2026, 11, 2), 0, D(2026, 11, 2)),  # Mon + 0 stays put
        (D(2026, 11, 2), 1, D(2026, 11, 3)),  # Mon -> Tue
        (D(2026, 11, 2), 5, D(2026, 11, 9)),  # Mon -> next Mon
        (D(2026, 11, 4), 5, D(2026, 11, 11)),  # Wed -> next Wed, across a weekend
        (D(2026, 11, 6), 1, D(2026, 11, 9)),  # Fri -> Mon
        (D(2026, 11, 7), 1, D(2026, 11, 9)),  # Sat -> Mon
        (D(2026, 11, 8), 1, D(2026, 11, 9)),  # Sun -> Mon
        (D(2026, 11, 8), 5, D(2026, 11, 13)),  # Sun -> Fri
        (D(2026, 11, 6), 15, D(2026, 11, 27)),  # three weeks
        (D(2026, 11, 27), 3, D(2026, 12, 2)),  # month end
        (D(2026, 12, 30), 3, D(2027, 1, 4)),  # year end (holidays are not skipped)
        (D(2028, 2, 25), 2, D(2028, 2, 29)),  # leap day
        (D(2026, 11, 9), -1, D(2026, 11, 6)),  # backwards: Mon - 1 -> Fri
        (D(2026, 11, 2), 20, D(2026, 11, 30)),
    ],
)
def test_add_business_days(start, n, expected):
    assert add_business_days(start, n) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2026, 11, 2), D(2026, 11, 2), 0),
        (D(2026, 11, 6), D(2026, 11, 9), 1),  # Fri -> Mon
        (D(2026, 11, 6), D(2026, 11, 8), 0),  # Fri -> Sun: only the weekend
        (D(2026, 11, 7), D(2026, 11, 8), 0),  # Sat -> Sun
        (D(2026, 11, 2), D(2026, 11, 9), 5),
        (D(2026, 11, 2), D(2026, 11, 30), 20),
        (D(2026, 11, 27), D(2026, 12, 2), 3),
        (D(2026, 12, 30), D(2027, 1, 4), 3),
        (D(2026, 11, 9), D(2026, 11, 6), -1),  # end before start
        (D(2026, 11, 30), D(2026, 11, 2), -20),
    ],
)
def test_business_days_between(start, end, expected):
    assert business_days_between(start, end) == expected


@given(
    st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31)),
    st.integers(min_value=0, max_value=400),
)
def test_business_days_round_trip(start, n):
    start = D(start.year, start.month, start.day)
    end = add_business_days(start, n)
    assert business_days_between(start, end) == n
    if n > 0:
        assert end.weekday() < 5  # a Monday to Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-03", D(2026, 11, 3)),
        ("  2026-02-28 ", D(2026, 2, 28)),
        ("today", TODAY),
        ("  Today  ", TODAY),
        ("YESTERDAY", D(2026, 11, 11)),
        ("3 days ago", D(2026, 11, 9)),
        ("1 day ago", D(2026, 11, 11)),
        ("1 days ago", D(2026, 11, 11)),
        ("0 days ago", TODAY),
        ("  12   Days   Ago ", D(2026, 10, 31)),
        ("400 days ago", D(2025, 10, 8)),
        ("2 weeks ago", D(2026, 10, 29)),
        ("a week ago", D(2026, 11, 5)),
        ("1 month ago", D(2026, 10, 12)),
        ("3 Months Ago", D(2026, 8, 12)),
        ("a year ago", D(2025, 11, 12)),
        ("last monday", D(2026, 11, 9)),
        ("Last Thu", D(2026, 11, 5)),  # today is a Thursday: the one before
        ("last sunday", D(2026, 11, 8)),
    ],
)
def test_parse_user_date(text, expected):
    assert parse_user_date(text, TODAY) == expected


def test_parse_user_date_crosses_year_end():
    assert parse_user_date("3 days ago", D(2027, 1, 2)) == D(2026, 12, 30)


def test_parse_user_date_error_is_one_clear_sentence():
    with pytest.raises(ValueError) as error:
        parse_user_date("31/12", TODAY)
    assert str(error.value) == (
        "'31/12' is not a date: use YYYY-MM-DD, today, yesterday, '3 days ago', '2 weeks ago', "
        "'last monday', tomorrow or 'in 3 days'"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", 1),
        ("in 3 days", 3),
        ("In 1 day", 1),
        ("  in   10  days ", 10),
        ("in a week", 7),
        ("in 2 weeks", 14),
        ("in 1 month", 30),
        ("next friday", 1),
        ("next thursday", 7),
    ],
)
def test_parse_user_date_reads_dates_ahead(text, expected):
    assert parse_user_date(text, TODAY) == TODAY.add(days=expected)


def test_parse_user_date_month_ago_stays_in_the_shorter_month():
    assert parse_user_date("1 month ago", D(2026, 3, 31)) == D(2026, 2, 28)


@given(st.dates(D(2000, 1, 1), D(2040, 12, 31)), st.integers(0, 3000))
def test_parse_user_date_reads_what_the_board_prints(today, days):
    """Whatever a card says ("12 days ago", "3 weeks ago", "2 months ago") is a date the form
    reads: the very day when it is counted in days, otherwise a day no later than today."""
    today = D(today.year, today.month, today.day)
    printed = ago(today.subtract(days=days), today)
    read = parse_user_date(printed, today)
    if days < 14:
        assert read == today.subtract(days=days)
    else:
        assert read < today


@pytest.mark.parametrize(
    "text",
    ["", "-3 days ago", "days ago", "2026-1-5", "12 Nov", "3 fortnights ago", "last someday", "in a while", "next"],
)
def test_parse_user_date_rejects(text):
    with pytest.raises(ValueError, match="is not a date: use YYYY-MM-DD"):
        parse_user_date(text, TODAY)


def test_parse_user_date_rejects_impossible_calendar_day():
    with pytest.raises(ValueError, match="'2026-02-30' is not a real calendar date"):
        parse_user_date("2026-02-30", TODAY)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (TODAY, "today"),
        (D(2026, 11, 11), "yesterday"),
        (D(2026, 11, 7), "5 days ago"),
        (D(2026, 10, 30), "13 days ago"),
        (D(2026, 10, 29), "2 weeks ago"),
        (D(2026, 10, 22), "3 weeks ago"),
        (D(2026, 9, 14), "8 weeks ago"),
        (D(2026, 9, 12), "2 months ago"),
        (D(2025, 11, 12), "1 year ago"),
        (D(2024, 1, 1), "2 years ago"),
        (D(2026, 11, 13), "tomorrow"),
        (D(2026, 11, 16), "in 4 days"),
        (D(2026, 12, 3), "in 3 weeks"),
    ],
)
def test_ago(date, expected):
    assert ago(date, TODAY) == expected


def test_ago_across_year_end():
    assert ago(D(2026, 12, 30), D(2027, 1, 2)) == "3 days ago"


def test_short_and_long_dates_add_the_year_only_when_it_differs():
    assert short_date(D(2026, 11, 30), TODAY) == "Mon 30 Nov"
    assert short_date(D(2027, 1, 4), TODAY) == "Mon 4 Jan 2027"
    assert long_date(D(2026, 11, 2), TODAY) == "2 November"
    assert long_date(D(2025, 12, 1), TODAY) == "1 December 2025"
    assert long_date(D(2025, 12, 1)) == "1 December"
