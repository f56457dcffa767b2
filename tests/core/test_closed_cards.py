"""Interviews on closed cards (docs/rules.md, "Interviews on closed cards"): a rejected,
withdrawn or archived card keeps its interviews in the log, but one still ahead is not coming
up: no reminder to prepare, no line in the agenda's coming-up part, no calendar entry; the
withdrawal draft asks to cancel it and the reply to a rejection takes it to be off."""

from __future__ import annotations

import pendulum
import pytest
from icalendar import Calendar

from jobboard.core.coming_up import coming_up
from jobboard.core.etiquette import next_step
from jobboard.core.model import Application, Event
from jobboard.formats.export import to_ics

D = pendulum.date
TODAY = D(2026, 10, 14)  # a Wednesday
BOOKED = D(2026, 10, 20)  # the final interview, the Tuesday after


def booked_card(status: str, archived: bool = False) -> Application:
    """Applied 1 Oct, first interview 7 Oct, a final one booked for 20 Oct, then ``status``
    (moved today)."""
    events = [
        Event("applied", D(2026, 10, 1)),
        Event("status", D(2026, 10, 7), status="interviewed"),
        Event("interview", D(2026, 10, 7), time="10:00"),
        Event("thank_you", D(2026, 10, 7)),
        Event("interview", BOOKED, time="14:00", interview_kind="onsite"),
    ]
    if status != "interviewed":
        events.append(Event("status", TODAY, status=status))
    return Application(
        "7", "Initech", "Platform Engineer", status=status, applied_on=D(2026, 10, 1),
        events=events, archived=archived,
    )  # fmt: skip


CLOSED = [("rejected", False), ("withdrawn", False), ("interviewed", True)]
CLOSED_IDS = ["rejected", "withdrawn", "archived"]


def test_an_open_card_prepares_for_its_interview_and_lists_it():
    card = booked_card("interviewed")
    assert not card.closed
    assert next_step(card, D(2026, 10, 19)).rule == "prepare_interview"
    coming = coming_up([card], TODAY, lambda app: next_step(app, TODAY))
    assert [c.what for c in coming] == ["Prepare for the Initech interview", "Interview (onsite)"]
    assert "Interview (onsite): Initech" in to_ics([card], TODAY)


@pytest.mark.parametrize(("status", "archived"), CLOSED, ids=CLOSED_IDS)
def test_a_closed_card_never_prepares_for_a_booked_interview(status, archived):
    card = booked_card(status, archived)
    assert card.closed
    for day in range(14, 21):
        assert next_step(card, D(2026, 10, day)).rule != "prepare_interview"
    # The interview stays in the log: closing a card loses nothing.
    assert [e.date for e in card.events_of("interview")] == [D(2026, 10, 7), BOOKED]


@pytest.mark.parametrize(("status", "archived"), CLOSED, ids=CLOSED_IDS)
def test_a_closed_cards_interview_is_not_coming_up(status, archived):
    card = booked_card(status, archived)
    coming = coming_up([card], TODAY, lambda app: next_step(app, TODAY))
    assert not [c for c in coming if c.what.startswith("Interview")]


@pytest.mark.parametrize(("status", "archived"), CLOSED, ids=CLOSED_IDS)
def test_a_closed_cards_interview_ahead_leaves_the_calendar_but_the_past_one_stays(status, archived):
    calendar = Calendar.from_ical(to_ics([booked_card(status, archived)], TODAY))
    interviews = [str(e["uid"]) for e in calendar.walk("VEVENT") if "interview" in str(e["uid"])]
    assert interviews == ["jobboard-7-interview-2026-10-07T1000@jobboard"]


def test_the_withdrawal_draft_asks_to_cancel_the_booked_interview():
    step = next_step(booked_card("withdrawn"), TODAY)
    assert step.rule == "tell_them_you_withdrew"
    assert "Please cancel our interview on 20 October." in step.draft
    # Once it has passed there is nothing to cancel.
    later = next_step(booked_card("withdrawn"), D(2026, 10, 21))
    assert later.rule == "tell_them_you_withdrew" and "cancel" not in later.draft


def test_the_reply_to_a_rejection_takes_the_booked_interview_to_be_off():
    step = next_step(booked_card("rejected"), TODAY)
    assert step.rule == "acknowledge_rejection"
    assert "I take it our interview on 20 October is now off." in step.draft
    assert "interview" not in next_step(booked_card("rejected"), D(2026, 10, 21)).draft


def test_no_check_in_while_the_next_interview_is_booked():
    card = booked_card("interviewed")
    # 7 Oct + 5 business days is 14 Oct, but the final interview is ahead: prepare for it.
    step = next_step(card, TODAY)
    assert (step.rule, step.due) == ("prepare_interview", D(2026, 10, 19))
