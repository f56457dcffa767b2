"""An interview later today (docs/rules.md, "An interview later today"): until its time it is
still ahead, so the step is to prepare for it, not to thank them; from its start it is held.
Advice asked "as of" a day, with no time of day, reads that day whole."""

from __future__ import annotations

import pendulum
import pytest

from jobboard.core.etiquette import done_event, next_step
from jobboard.core.last_contact import last_contact
from jobboard.core.model import Application, Event, time_now
from jobboard.core.timeline import is_ahead

D = pendulum.date
TODAY = D(2026, 10, 14)  # a Wednesday
AT_TWO = Event("interview", TODAY, time="14:00", interview_kind="phone")


def card(*events: Event, status: str = "interviewed") -> Application:
    return Application(
        "4", "Monzo", "Backend Engineer", status=status, applied_on=D(2026, 10, 1),
        events=[Event("applied", D(2026, 10, 1)), Event("status", D(2026, 10, 9), status="interviewed"), *events],
        created=pendulum.datetime(2026, 10, 1, 9),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("at", "ahead"),
    [("09:30", True), ("13:59", True), ("14:00", False), ("18:00", False), (None, False)],
)
def test_an_interview_today_is_ahead_until_its_time(at, ahead):
    assert is_ahead(AT_TWO, TODAY, at) is ahead
    assert is_ahead(AT_TWO, D(2026, 10, 13), at)  # seen from yesterday: always ahead
    assert not is_ahead(Event("interview", TODAY), TODAY, "09:00")  # no time given: the day counts


def test_before_its_time_the_step_is_to_prepare_today_and_after_it_to_thank_them():
    monzo = card(AT_TWO)
    morning = next_step(monzo, TODAY, at="09:30")
    assert (morning.rule, morning.due, morning.state) == ("prepare_interview", TODAY, "due")
    assert morning.why == "Your interview is on Wed 14 Oct (today) at 14:00."  # the time, when it has one
    evening = next_step(monzo, TODAY, at="17:15")
    assert (evening.rule, evening.due, evening.state) == ("send_thank_you", D(2026, 10, 15), "upcoming")
    assert next_step(monzo, TODAY).rule == "send_thank_you"  # the day read whole


def test_an_earlier_interview_is_thanked_for_while_the_next_one_is_later_today():
    first = Event("interview", D(2026, 10, 12), time="10:00")
    monzo = card(first, AT_TWO)
    # The second interview is still to come: the thank-you for the first, due earlier, comes
    # first (both are of the interview tier); once it is sent, preparing for this afternoon.
    step = next_step(monzo, TODAY, at="09:00")
    assert step.rule == "send_thank_you" and step.state == "overdue"
    thanked = monzo.with_event(Event("thank_you", D(2026, 10, 13)))
    assert next_step(thanked, TODAY, at="09:00").rule == "prepare_interview"
    assert next_step(thanked, TODAY, at="15:00").rule == "send_thank_you"  # for this afternoon's


def test_the_reason_names_the_next_interview_and_its_time_if_it_has_one():
    untimed = card(Event("interview", D(2026, 10, 16)))
    assert next_step(untimed, TODAY).why == "Your interview is on Fri 16 Oct (in 2 days)."
    two = card(Event("interview", D(2026, 10, 16), time="16:00"), Event("interview", D(2026, 10, 16), time="09:00"))
    assert next_step(two, TODAY).why == "Your interview is on Fri 16 Oct (in 2 days) at 09:00."


def test_a_check_in_waits_while_an_interview_is_later_today():
    met = Event("interview", D(2026, 10, 1), time="10:00")
    thanked = Event("thank_you", D(2026, 10, 2))
    monzo = card(met, thanked, Event("interview", D(2026, 10, 8), time="11:00"), Event("thank_you", D(2026, 10, 8)))
    booked = monzo.with_event(AT_TWO)
    assert next_step(booked, TODAY, at="08:00").rule == "prepare_interview"
    assert next_step(booked, TODAY, at="15:00").rule == "send_thank_you"


def test_an_interview_later_today_is_not_yet_contact():
    monzo = card(Event("heard_back", D(2026, 10, 12)), AT_TWO)
    assert last_contact(monzo, TODAY, "09:00") == D(2026, 10, 12)
    assert last_contact(monzo, TODAY, "14:30") == TODAY
    assert last_contact(monzo, TODAY) == TODAY


def test_done_on_prepare_for_an_interview_later_today_hides_it_until_tomorrow():
    monzo = card(AT_TWO)
    step = next_step(monzo, TODAY, at="09:30")
    assert done_event(monzo, step, TODAY, "09:30") == Event("snooze", D(2026, 10, 15), note="ready for the interview")
    next_week = card(Event("interview", D(2026, 10, 20), time="10:00"))
    step = next_step(next_week, D(2026, 10, 19))
    assert done_event(next_week, step, D(2026, 10, 19)) == Event(
        "snooze", D(2026, 10, 20), note="ready for the interview"
    )


def test_a_closed_card_does_not_prepare_for_an_interview_later_today():
    rejected = card(AT_TWO, Event("status", TODAY, status="rejected"), status="rejected")
    assert next_step(rejected, TODAY, at="09:00").rule == "acknowledge_rejection"


def test_the_time_of_day_is_known_only_for_today(frozen):
    today = frozen.in_tz(pendulum.local_timezone()).date()
    assert time_now(today) == frozen.in_tz(pendulum.local_timezone()).format("HH:mm")
    assert time_now(today.subtract(days=1)) is None
