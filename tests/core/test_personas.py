"""Job hunts followed day by day for three months (docs/rules.md), as the advice would have read
each day: an interview logged on an Applied card, a Friday interview, an offer with a deadline
from its arrival to accepting it with another process told, an imported year-old sheet, a
referrer beside a hiring manager, and a withdrawal with an interview still booked.

Each persona is a schedule of what the user logged and when; ``Hunt`` replays it through
``log_what_happened`` (the same path as the CLI, the board and the importer). Every day, the
promises that hold everywhere are checked (housekeeping is never overdue, a closed card never
prepares for an interview, due dates land on weekdays); on chosen days, the step itself.
"""

from __future__ import annotations

import pendulum
import pytest

from jobboard.core.coming_up import coming_up
from jobboard.core.etiquette import (
    NextStep,
    accepted_offer_note,
    agenda,
    next_step,
    open_offers,
)
from jobboard.core.model import Application, Event
from jobboard.core.people import Person
from jobboard.core.rules import is_housekeeping
from jobboard.core.what_happened import log_what_happened

D = pendulum.date
START, END = D(2026, 11, 2), D(2027, 1, 29)  # Monday 2 Nov 2026 to Friday 29 Jan 2027


class Hunt:
    """A board replayed day by day: ``schedule`` maps a day to what was logged that day, each
    as (card id, event); a ``status`` event is a move, anything else goes through
    ``log_what_happened``. ``cards`` are the cards as first recorded."""

    def __init__(self, cards: list[Application], schedule: dict[pendulum.Date, list[tuple[str, Event]]]):
        self.board = {card.id: card for card in cards}
        self.schedule = schedule
        self.today = START

    def days(self):
        day = START
        while day <= END:
            self.today = day
            for card_id, event in self.schedule.get(day, []):
                card = self.board[card_id]
                if event.kind == "status":
                    self.board[card_id] = card.moved_to(event.status, event.date)
                else:
                    self.board[card_id] = log_what_happened(card, event, day).application
            yield day
            day = day.add(days=1)

    def steps(self) -> dict[str, NextStep]:
        offers = open_offers(self.board.values(), self.today)
        return {card.id: next_step(card, self.today, offers=offers) for card in self.board.values()}


def recorded(card_id: str, company: str, applied: pendulum.Date, on: pendulum.Date | None = None, **fields):
    """A card applied for on ``applied`` and recorded on this board on ``on`` (that day by default)."""
    on = on or applied
    return Application(
        card_id, company, "Engineer", applied_on=applied, events=[Event("applied", applied)],
        created=pendulum.datetime(on.year, on.month, on.day, 9), **fields,
    )  # fmt: skip


def check_the_promises(hunt: Hunt, steps: dict[str, NextStep]) -> None:
    for card_id, step in steps.items():
        card = hunt.board[card_id]
        where = f"{card.company} on {hunt.today}"
        if is_housekeeping(step.rule):
            assert step.state != "overdue", where
        if card.closed:
            assert step.rule != "prepare_interview", where
        if step.due is not None:
            assert step.due.weekday() < 5, f"{where}: {step.rule} due on a {step.due.format('dddd')}"


def replay(hunt: Hunt, expected: dict[pendulum.Date, dict[str, tuple[str, str]]]) -> None:
    seen = set()
    for day in hunt.days():
        steps = hunt.steps()
        check_the_promises(hunt, steps)
        for card_id, (rule, state) in expected.get(day, {}).items():
            assert (steps[card_id].rule, steps[card_id].state) == (rule, state), f"{card_id} on {day}"
            seen.add(day)
    assert seen == set(expected)  # every checkpoint was reached


def test_an_interview_logged_on_an_applied_card_and_a_friday_interview():
    interview = Event("interview", D(2026, 11, 20), time="10:00")  # a Friday
    schedule = {
        D(2026, 11, 10): [("1", Event("heard_back", D(2026, 11, 10))), ("1", interview)],
        D(2026, 11, 12): [("1", Event("interview", D(2026, 11, 20), interview_kind="video"))],  # the same one
        D(2026, 11, 24): [("1", Event("thank_you", D(2026, 11, 24)))],
        D(2026, 12, 4): [("1", Event("follow_up", D(2026, 12, 4)))],
    }
    hunt = Hunt([recorded("1", "Monzo", START)], schedule)
    replay(
        hunt,
        {
            D(2026, 11, 6): {"1": ("follow_up", "upcoming")},  # due Monday 9: 5 business days
            D(2026, 11, 9): {"1": ("follow_up", "due")},
            D(2026, 11, 13): {"1": ("prepare_interview", "upcoming")},
            D(2026, 11, 19): {"1": ("prepare_interview", "due")},
            D(2026, 11, 20): {"1": ("send_thank_you", "upcoming")},  # Saturday is no day for it
            D(2026, 11, 23): {"1": ("send_thank_you", "due")},
            D(2026, 11, 27): {"1": ("check_in_after_interview", "due")},
            D(2026, 12, 7): {"1": ("check_in_after_interview", "upcoming")},  # the second, after the first
            D(2026, 12, 14): {"1": ("check_in_after_interview", "overdue")},
            D(2026, 12, 25): {"1": ("move_to_silent", "ready")},
            D(2027, 1, 29): {"1": ("move_to_silent", "ready")},  # ready for weeks, never overdue
        },
    )
    card = hunt.board["1"]
    assert card.status == "interviewed"
    interviews = card.events_of("interview")
    assert len(interviews) == 1 and (interviews[0].time, interviews[0].interview_kind) == ("10:00", "video")
    moves = [(e.date, e.status) for e in card.events_of("status")]
    assert moves == [(D(2026, 11, 10), "interviewed")]  # moved the day it was logged ahead


def test_an_offer_with_a_deadline_from_its_arrival_to_accepting_it():
    deadline = "2026-12-04"  # a Friday
    schedule = {
        D(2026, 11, 9): [("1", Event("interview", D(2026, 11, 16)))],
        D(2026, 11, 16): [("1", Event("thank_you", D(2026, 11, 16)))],
        D(2026, 11, 18): [("2", Event("interview", D(2026, 11, 18))), ("2", Event("thank_you", D(2026, 11, 18)))],
        D(2026, 11, 25): [
            ("1", Event("status", D(2026, 11, 25), status="offer")),
            ("1", Event("offer", D(2026, 11, 25))),
        ],
        D(2026, 11, 27): [
            ("1", Event("offer_acknowledged", D(2026, 11, 27))),
            ("2", Event("follow_up", D(2026, 11, 27))),
        ],
        D(2026, 12, 4): [("1", Event("offer_answered", D(2026, 12, 4), outcome="accepted"))],
        D(2026, 12, 7): [("2", Event("status", D(2026, 12, 7), status="withdrawn"))],
        D(2026, 12, 8): [("2", Event("withdrawal_sent", D(2026, 12, 8)))],
    }
    stripe = recorded("1", "Stripe", START, offer_deadline=deadline)
    hunt = Hunt([stripe, recorded("2", "Adyen", D(2026, 11, 3))], schedule)
    expected = {
        D(2026, 11, 25): {"1": ("thank_for_offer", "due"), "2": ("check_in_after_interview", "due")},
        D(2026, 11, 26): {"1": ("thank_for_offer", "overdue"), "2": ("tell_others_about_offer", "due")},
        D(2026, 11, 30): {"1": ("respond_to_offer", "upcoming"), "2": ("check_in_after_interview", "upcoming")},
        D(2026, 12, 2): {"1": ("respond_to_offer", "due")},
        D(2026, 12, 7): {"1": ("wait", "upcoming"), "2": ("tell_them_you_withdrew", "due")},
        D(2026, 12, 9): {"1": ("wait", "upcoming"), "2": ("wait", "upcoming")},
    }
    for day in hunt.days():
        steps = hunt.steps()
        check_the_promises(hunt, steps)
        for card_id, (rule, state) in expected.get(day, {}).items():
            assert (steps[card_id].rule, steps[card_id].state) == (rule, state), f"{card_id} on {day}"
        if day == D(2026, 12, 3):
            # The eve of the deadline, and the deadline day said plainly (answered that day).
            listed = agenda(hunt.board.values(), day)
            assert [app.company for app, _ in listed][:1] == ["Stripe"]
            assert next_step(hunt.board["1"], D(2026, 12, 4)).title == "Answer Stripe's offer today"
        if day == D(2026, 11, 26):
            # The other process hears of a deadline, never of the company or the amount.
            assert "4 December" in steps["2"].draft and "Stripe" not in steps["2"].draft
        if day == D(2026, 12, 5):
            note = accepted_offer_note(hunt.board.values(), day)
            assert note is not None and "Adyen (Interviewed, id 2)" in note
        if day == D(2026, 12, 8):
            assert accepted_offer_note(hunt.board.values(), day) is None  # nothing else open


def test_an_imported_year_old_sheet_has_nothing_overdue_on_import_day_or_after():
    imported = D(2026, 11, 2)
    cards = [
        recorded("1", "Globex", D(2025, 10, 1), imported),
        recorded("2", "Initech", D(2025, 9, 1), imported),
        recorded("3", "Hooli", D(2025, 8, 1), imported),
        recorded("4", "Umbrella", D(2025, 11, 3), imported),
    ]
    cards[1] = cards[1].moved_to("rejected", D(2025, 10, 1))
    cards[2] = cards[2].moved_to("silent", D(2025, 9, 15))
    cards[3] = cards[3].with_event(Event("interview", D(2025, 11, 20))).moved_to("interviewed", D(2025, 11, 20))
    hunt = Hunt(cards, {})
    for day in hunt.days():
        steps = hunt.steps()
        check_the_promises(hunt, steps)
        assert all(step.state != "overdue" for step in steps.values()), day
        listed = agenda(hunt.board.values(), day)
        assert not [s for _, s in listed if s.state in ("due", "overdue")], day  # "nothing needs action"
    # What is left is housekeeping, ready from the import day: the quiet cards can go to Silent,
    # the Silent one can be kept in touch with; the old rejection's courtesies have lapsed.
    assert {card_id: (s.rule, s.state) for card_id, s in hunt.steps().items()} == {
        "1": ("move_to_silent", "ready"),
        "2": ("wait", "upcoming"),
        "3": ("keep_in_touch", "ready"),
        "4": ("move_to_silent", "ready"),
    }


def test_a_referrer_and_a_hiring_manager():
    people = [Person("Lee Park", "referrer"), Person("Maria Gomez", "hiring_manager")]
    schedule = {
        D(2026, 11, 16): [("1", Event("follow_up", D(2026, 11, 16)))],
        D(2026, 11, 20): [("1", Event("status", D(2026, 11, 20), status="rejected"))],
        D(2026, 11, 23): [("1", Event("acknowledged", D(2026, 11, 23)))],
        D(2026, 11, 26): [("1", Event("feedback_requested", D(2026, 11, 26)))],
    }
    hunt = Hunt([recorded("1", "Wonka", START, people=people)], schedule)
    drafts: dict[pendulum.Date, NextStep] = {}
    expected = {
        D(2026, 11, 9): {"1": ("follow_up", "due")},
        D(2026, 11, 20): {"1": ("acknowledge_rejection", "due")},
        D(2026, 11, 24): {"1": ("thank_referrer", "due")},
        D(2026, 11, 27): {"1": ("thank_referrer", "overdue")},
    }
    for day in hunt.days():
        steps = hunt.steps()
        check_the_promises(hunt, steps)
        for card_id, (rule, state) in expected.get(day, {}).items():
            assert (steps[card_id].rule, steps[card_id].state) == (rule, state), f"{card_id} on {day}"
            drafts[day] = steps[card_id]
    # Company mail goes to the hiring manager, never to the friend who referred you.
    for day in (D(2026, 11, 9), D(2026, 11, 20)):
        assert "Hi Maria," in drafts[day].draft and "Lee" not in drafts[day].draft
    assert "Hi Lee," in drafts[D(2026, 11, 24)].draft


def test_a_withdrawal_with_an_interview_booked():
    schedule = {
        D(2026, 11, 30): [("1", Event("interview", D(2026, 12, 8), time="15:00"))],
        D(2026, 12, 2): [("1", Event("status", D(2026, 12, 2), status="withdrawn"))],
    }
    hunt = Hunt([recorded("1", "Cyberdyne", START)], schedule)
    for day in hunt.days():
        steps = hunt.steps()
        check_the_promises(hunt, steps)
        if day == D(2026, 12, 1):
            assert steps["1"].rule == "prepare_interview"  # still open: prepare for it
        if day == D(2026, 12, 2):
            step = steps["1"]
            assert (step.rule, step.state) == ("tell_them_you_withdrew", "due")
            assert "Please cancel our interview on 8 December." in step.draft
            coming = coming_up(hunt.board.values(), day, lambda app, day=day: next_step(app, day))
            assert not [c for c in coming if c.what.startswith("Interview")]
        if D(2026, 12, 2) <= day <= D(2026, 12, 8):
            assert steps["1"].rule != "prepare_interview"
    assert hunt.board["1"].events_of("interview")  # kept in the log


@pytest.mark.parametrize("weekday", range(5))
def test_a_thank_you_never_falls_on_a_weekend(weekday):
    day = D(2026, 11, 16).add(days=weekday)
    card = recorded("1", "Acme", START)
    card = log_what_happened(card, Event("interview", day), day).application
    due = next_step(card, day).due
    assert due.weekday() < 5 and due > day
