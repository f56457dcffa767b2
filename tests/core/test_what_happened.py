"""What an event does to the column (docs/rules.md, "What happened drives the column")."""

from __future__ import annotations

import pendulum
import pytest

from jobboard.core.model import Event, new_application
from jobboard.core.validation import moved
from jobboard.core.what_happened import column_before_silent, log_what_happened

D = pendulum.date
TODAY = D(2026, 11, 16)


def applied():
    return new_application("1", "Monzo", "Backend Engineer", applied_on=D(2026, 11, 2))


@pytest.mark.parametrize(("interview_on", "moved_on"), [(D(2026, 11, 12), D(2026, 11, 12)), (D(2026, 11, 20), TODAY)])
def test_an_interview_on_an_applied_card_moves_it_to_interviewed(interview_on, moved_on):
    logged = log_what_happened(applied(), Event("interview", interview_on), TODAY)
    assert logged.moved_to == "interviewed" and logged.application.status == "interviewed"
    moves = [e for e in logged.application.events if e.kind == "status"]
    assert moves[-1].date == moved_on  # the past interview's day, else the day it was logged


def test_no_move_keeps_the_column():
    logged = log_what_happened(applied(), Event("interview", D(2026, 11, 12)), TODAY, move=False)
    assert (logged.moved_to, logged.application.status) == (None, "applied")
    assert [e.kind for e in logged.application.events].count("interview") == 1


def test_the_same_interview_twice_is_merged():
    first = log_what_happened(applied(), Event("interview", D(2026, 11, 12), time="10:00"), TODAY).application
    again = log_what_happened(first, Event("interview", D(2026, 11, 12), people=("Anna Schmidt",)), TODAY)
    interviews = [e for e in again.application.events if e.kind == "interview"]
    assert again.merged and len(interviews) == 1
    assert (interviews[0].time, interviews[0].people) == ("10:00", ("Anna Schmidt",))


def test_two_interviews_the_same_day_at_different_times_stay_two():
    first = log_what_happened(applied(), Event("interview", D(2026, 11, 12), time="10:00"), TODAY).application
    again = log_what_happened(first, Event("interview", D(2026, 11, 12), time="14:00"), TODAY)
    assert not again.merged
    assert [e.kind for e in again.application.events].count("interview") == 2


def test_a_reply_brings_a_silent_card_back_to_its_column():
    card = moved(applied(), "interviewed", D(2026, 11, 5), TODAY)
    card = moved(card, "silent", D(2026, 11, 10), TODAY)
    assert column_before_silent(card) == "interviewed"
    logged = log_what_happened(card, Event("heard_back", D(2026, 11, 13)), TODAY)
    assert (logged.moved_to, logged.application.status) == ("interviewed", "interviewed")


def test_a_reply_elsewhere_moves_nothing():
    logged = log_what_happened(applied(), Event("heard_back", D(2026, 11, 13)), TODAY)
    assert (logged.moved_to, logged.application.status) == (None, "applied")


def test_advice_as_of_a_date_ignores_what_came_after_it():
    from jobboard.core.etiquette import next_step

    card = applied().with_event(Event("follow_up", D(2026, 11, 10)))
    before = next_step(card, D(2026, 11, 9))
    assert before.rule == "follow_up" and "Nov 10" not in before.why and "10 Nov" not in before.why
    assert next_step(card, D(2026, 11, 11)).rule == "follow_up_other_channel"


def test_no_follow_up_while_an_interview_is_booked():
    from jobboard.core.etiquette import next_step

    card = applied().with_event(Event("interview", D(2026, 11, 20)))
    assert next_step(card, D(2026, 11, 16)).rule == "prepare_interview"
