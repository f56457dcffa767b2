"""Stats on a hand-built board with numbers worked out by hand."""

from __future__ import annotations

import json

import pendulum
import pytest

from jobboard.core import model
from jobboard.core.model import Application, Event, new_application
from jobboard.core.stats import BoardStats, bar_chart, board_stats, rate_rows, total_text

TODAY = pendulum.date(2026, 11, 25)  # a Wednesday; this week starts Monday 23 Nov
D = pendulum.date


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(model, "today", lambda: TODAY)
    monkeypatch.setattr(model, "now_utc", lambda: pendulum.datetime(2026, 11, 25, 9))


def application(app_id: str, status: str, applied_on: pendulum.Date, *events: Event) -> Application:
    made = new_application(app_id, f"Company {app_id}", "Engineer", applied_on=applied_on)
    made = made.copy(status=status)
    for event in events:
        made = made.with_event(event)
    return made


def known_board() -> list[Application]:
    return [
        # 1: answered after 4 days, interviewed after 9 -> first answer 4 days.
        application(
            "1",
            "interviewed",
            D(2026, 11, 2),
            Event("heard_back", D(2026, 11, 6)),
            Event("interview", D(2026, 11, 11)),
        ),
        # 2: two follow-ups, never answered.
        application(
            "2",
            "applied",
            D(2026, 11, 3),
            Event("follow_up", D(2026, 11, 10)),
            Event("follow_up", D(2026, 11, 17)),
        ),
        # 3: rejected after an answer 10 days later.
        application("3", "rejected", D(2026, 10, 20), Event("heard_back", D(2026, 10, 30))),
        # 4: silent after one follow-up.
        application("4", "silent", D(2026, 10, 1), Event("follow_up", D(2026, 10, 8))),
        # 5: an offer with no answer logged: counts as a response and an interview, no days.
        application("5", "offer", D(2026, 11, 24)),
        # 6: an interview scheduled 7 days out is the first answer we know of.
        application("6", "applied", D(2026, 11, 16), Event("interview", D(2026, 11, 23))),
        # 7: a wishlist card: counted in its column only.
        application("7", "wishlist", D(2026, 11, 24), Event("follow_up", D(2026, 11, 24))),
        # 8: applied long ago, outside the 8 weeks.
        application("8", "rejected", D(2026, 8, 3)),
    ]


def test_stats_on_a_known_board():
    stats = board_stats(known_board(), TODAY)
    assert stats.counts == {
        "applied": 2,
        "interviewed": 1,
        "silent": 1,
        "rejected": 2,
        "wishlist": 1,  # not a column here, still counted
        "offer": 1,
    }
    assert list(stats.counts)[:5] == ["applied", "interviewed", "offer", "silent", "rejected"]
    assert stats.total == 8
    assert stats.sent == 7
    assert stats.responded == 5  # 1, 3, 5, 6, and 8: a rejection is an answer
    assert stats.response_rate == pytest.approx(5 / 7)
    assert stats.interviewed == 3  # 1, 5, 6
    assert stats.interview_rate == pytest.approx(3 / 7)
    assert stats.median_days_to_first_answer == 7.0  # of 4, 10, 7
    assert stats.follow_ups_sent == 4  # the wishlist card's counts too
    assert stats.weekly == [
        (D(2026, 10, 5), 0),
        (D(2026, 10, 12), 0),
        (D(2026, 10, 19), 1),  # 3
        (D(2026, 10, 26), 0),
        (D(2026, 11, 2), 2),  # 1, 2
        (D(2026, 11, 9), 0),
        (D(2026, 11, 16), 1),  # 6
        (D(2026, 11, 23), 1),  # 5 (7 is on the wishlist)
    ]


def test_a_rejection_is_an_answer_and_only_events_up_to_today_count():
    board = [
        # Rejected 6 days after applying, nothing else logged: an answer after 6 days.
        application("1", "rejected", D(2026, 11, 2), Event("status", D(2026, 11, 8), status="rejected")),
        # In Interviewed with the interview next week: answered, not yet interviewed, no date.
        application("2", "interviewed", D(2026, 11, 2), Event("interview", D(2026, 12, 2))),
        # Never answered.
        application("3", "applied", D(2026, 11, 2)),
    ]
    stats = board_stats(board, TODAY)
    assert (stats.sent, stats.responded, stats.interviewed) == (3, 2, 0)
    assert stats.median_days_to_first_answer == 6.0  # the interview next week is left out
    later = board_stats(board, D(2026, 12, 3))
    assert later.interviewed == 1 and later.median_days_to_first_answer == 18.0  # of 6 and 30


def test_columns_set_the_order():
    stats = board_stats(known_board(), TODAY, columns=("wishlist", "applied", "offer"))
    assert list(stats.counts) == [
        "wishlist",
        "applied",
        "offer",
        "interviewed",
        "silent",
        "rejected",
    ]
    assert sum(stats.counts.values()) == stats.total


def test_median_of_an_even_count_is_halfway():
    board = [
        application("1", "applied", D(2026, 11, 2), Event("heard_back", D(2026, 11, 5))),
        application("2", "applied", D(2026, 11, 2), Event("heard_back", D(2026, 11, 6))),
    ]
    assert board_stats(board, TODAY).median_days_to_first_answer == 3.5


def test_an_empty_board_has_no_rates():
    stats = board_stats([], TODAY)
    assert stats.total == 0
    assert stats.response_rate is None and stats.interview_rate is None
    assert stats.median_days_to_first_answer is None
    assert [count for _, count in stats.weekly] == [0] * 8
    assert stats.weekly[-1][0] == D(2026, 11, 23)
    assert all(start.day_of_week == pendulum.MONDAY for start, _ in stats.weekly)


def test_to_dict_is_json_safe():
    data = board_stats(known_board(), TODAY).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["today"] == "2026-11-25"
    assert data["response_rate"] == pytest.approx(5 / 7)
    assert data["weekly"][0] == {"week_start": "2026-10-05", "count": 0}
    assert data["weekly"][-1] == {"week_start": "2026-11-23", "count": 1}
    assert data["median_days_to_first_answer"] == 7.0


def test_a_week_starting_today_counts_from_today():
    # On a Monday the current week is just today.
    monday = D(2026, 11, 23)
    stats = board_stats([application("1", "applied", monday)], monday)
    assert stats.weekly[-1] == (monday, 1)


def test_bar_chart_scales_to_the_width():
    weekly = [(D(2026, 11, 2), 0), (D(2026, 11, 9), 1), (D(2026, 11, 16), 4), (D(2026, 11, 23), 10)]
    lines = bar_chart(weekly, width=20)
    assert lines == [
        " 2 Nov  " + " " * 20 + "   0",
        " 9 Nov  " + "██".ljust(20) + "   1",
        "16 Nov  " + "████████".ljust(20) + "   4",
        "23 Nov  " + "█" * 20 + "  10",
    ]
    assert len({len(line) for line in lines}) == 1


def test_bar_chart_uses_eighths_and_shows_a_sliver_for_small_counts():
    weekly = [(D(2026, 11, 2), 1), (D(2026, 11, 9), 3), (D(2026, 11, 16), 1000)]
    bars = [line[8:12] for line in bar_chart(weekly, width=4)]
    assert bars == ["▏   ", "▏   ", "████"]  # 1/1000 of 4 cells would round to nothing
    bars = [line[8:10] for line in bar_chart([(D(2026, 11, 2), 3), (D(2026, 11, 9), 8)], width=2)]
    assert bars == ["▊ ", "██"]  # 3/8 of 2 cells is 6 eighths


def test_bar_chart_of_nothing():
    assert bar_chart([]) == []
    lines = bar_chart([(D(2026, 11, 2), 0)], width=5)
    assert lines == [" 2 Nov  " + " " * 5 + "  0"]


def test_board_stats_type():
    assert isinstance(board_stats([], TODAY), BoardStats)


def test_one_application_answered_after_one_day_is_said_in_the_singular():
    board = [application("1", "applied", D(2026, 11, 2), Event("heard_back", D(2026, 11, 3)))]
    stats = board_stats(board, TODAY)
    assert total_text(stats) == "1 application"
    assert dict(rate_rows(stats)) == {
        "Response rate": "100% (1 of 1)",
        "Interview rate": "0% (0 of 1)",
        "Offers": "0% (0 of 1)",
        "First answer in": "1 day (median)",
        "Follow-ups sent": "0",
    }


def test_the_rows_of_a_known_board_and_of_an_empty_one():
    stats = board_stats(known_board(), TODAY)
    assert total_text(stats) == "8 applications"
    rows = dict(rate_rows(stats))
    assert rows["Response rate"] == "71% (5 of 7)" and rows["Interview rate"] == "43% (3 of 7)"
    assert rows["Offers"] == "14% (1 of 7)" and rows["Follow-ups sent"] == "4"
    assert rows["First answer in"] == "7 days (median)"
    empty = dict(rate_rows(board_stats([], TODAY)))
    assert total_text(board_stats([], TODAY)) == "0 applications"
    assert empty["Response rate"] == "— (0 of 0)" and empty["First answer in"] == "—"
