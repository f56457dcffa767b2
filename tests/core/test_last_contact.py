"""Last contact, the one definition (docs/rules.md, "Definitions"), kind by kind."""

from __future__ import annotations

import pendulum
import pytest

from jobboard.core.last_contact import CONTACT_KINDS, CONTACT_MOVES, NOT_CONTACT_KINDS, last_contact
from jobboard.core.model import ALL_STATUSES, EVENT_KINDS, Application, Event

APPLIED = pendulum.date(2026, 11, 2)  # a Monday
LATER = pendulum.date(2026, 11, 12)
TODAY = pendulum.date(2026, 11, 23)
AHEAD = pendulum.date(2026, 12, 1)


def card(*events: Event, status: str = "applied") -> Application:
    log = [Event("applied", APPLIED), *events]
    return Application("1", "Acme", "Engineer", status=status, applied_on=APPLIED, events=log)


def test_the_kinds_counted_are_the_specs():
    assert CONTACT_KINDS == (
        "applied", "follow_up", "heard_back", "interview", "thank_you", "acknowledged",
        "feedback_requested", "feedback_received", "contacted_team", "offer", "offer_acknowledged",
        "offer_answered", "withdrawal_sent",
    )  # fmt: skip
    assert CONTACT_MOVES == ("rejected", "offer")
    assert set(NOT_CONTACT_KINDS) < set(EVENT_KINDS)  # a renamed kind is not left out unseen


def test_a_card_with_nothing_since_applying_was_last_in_touch_on_the_applied_date():
    assert last_contact(card(), TODAY) == APPLIED


@pytest.mark.parametrize("kind", CONTACT_KINDS)
def test_each_kind_counts(kind):
    assert last_contact(card(Event(kind, LATER)), TODAY) == LATER


@pytest.mark.parametrize("kind", [kind for kind in EVENT_KINDS if kind not in CONTACT_KINDS and kind != "status"])
def test_the_other_kinds_do_not(kind):
    assert kind in ("note", "snooze", "referrer_updated")
    assert last_contact(card(Event(kind, LATER)), TODAY) == APPLIED


@pytest.mark.parametrize("kind", CONTACT_KINDS)
def test_nothing_dated_after_today_counts(kind):
    assert last_contact(card(Event(kind, AHEAD)), TODAY) == APPLIED


@pytest.mark.parametrize(
    ("status", "counts"),
    [(status, status in ("rejected", "offer")) for status in ALL_STATUSES if status != "interviewed"],
)
def test_only_moves_to_rejected_or_offer_count(status, counts):
    moved = card(Event("status", LATER, status=status), status=status)
    assert last_contact(moved, TODAY) == (LATER if counts else APPLIED)


def test_a_move_to_interviewed_stands_in_for_an_interview_only_when_none_is_logged():
    moved = card(Event("status", LATER, status="interviewed"), status="interviewed")
    assert last_contact(moved, TODAY) == LATER
    # With an interview in the log (even one still ahead), the interview is what counts.
    booked = moved.with_event(Event("interview", AHEAD))
    assert last_contact(booked, TODAY) == APPLIED
    held = moved.with_event(Event("interview", pendulum.date(2026, 11, 10)))
    assert last_contact(held, TODAY) == pendulum.date(2026, 11, 10)
    # A move dated after the day asked about has not happened yet.
    assert last_contact(moved, pendulum.date(2026, 11, 11)) == APPLIED


def test_an_interview_on_the_day_itself_counts():
    assert last_contact(card(Event("interview", TODAY, time="16:00")), TODAY) == TODAY


def test_the_latest_wins_whatever_the_order_of_the_log():
    log = card(
        Event("heard_back", pendulum.date(2026, 11, 18)),
        Event("follow_up", pendulum.date(2026, 11, 9)),
        Event("note", pendulum.date(2026, 11, 20)),
    )
    assert last_contact(log, TODAY) == pendulum.date(2026, 11, 18)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (pendulum.date(2026, 11, 8), APPLIED),  # before the follow-up
        (pendulum.date(2026, 11, 9), pendulum.date(2026, 11, 9)),  # its day
        (pendulum.date(2026, 11, 17), pendulum.date(2026, 11, 16)),  # after the rejection
        (pendulum.date(2026, 11, 20), pendulum.date(2026, 11, 19)),  # after acknowledging it
    ],
)
def test_as_of_a_date_later_events_are_left_out(as_of, expected):
    log = card(
        Event("follow_up", pendulum.date(2026, 11, 9)),
        Event("status", pendulum.date(2026, 11, 16), status="rejected"),
        Event("acknowledged", pendulum.date(2026, 11, 19)),
        status="rejected",
    )
    assert last_contact(log, as_of) == expected


def test_asked_about_a_day_before_anything_it_falls_back_to_the_applied_date():
    assert last_contact(card(Event("follow_up", LATER)), pendulum.date(2026, 10, 1)) == APPLIED


def test_the_applied_date_stands_in_for_a_log_without_an_applied_event():
    bare = Application("1", "Acme", "Engineer", applied_on=APPLIED, events=[])
    assert last_contact(bare, TODAY) == APPLIED
    talked = bare.with_event(Event("contacted_team", pendulum.date(2026, 10, 20)))
    assert last_contact(talked, TODAY) == pendulum.date(2026, 10, 20)  # talked to the team before applying
