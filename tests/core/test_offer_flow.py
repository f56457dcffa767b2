"""The offer flow (docs/rules.md, "Offers"): thank them the day it comes, tell the other
processes that a deadline exists, answer with an outcome, and what follows an acceptance."""

from __future__ import annotations

import pendulum
import pytest

from jobboard.core.etiquette import (
    accepted_offer_note,
    agenda,
    answer_outcome,
    done_event,
    next_step,
    open_offers,
)
from jobboard.core.model import Event, new_application
from jobboard.core.people import Person
from jobboard.formats.records import application_from_record, application_record, event_from_record

DEC = {day: pendulum.date(2026, 12, day) for day in range(1, 32)}
DANA = Person("Dana Whitfield", "recruiter", "dana@stripe.example")


def offer_card(deadline: str = "2026-12-14", *events: Event, on: pendulum.Date = DEC[7]):  # noqa: ANN201
    """Stripe's offer of Mon 7 Dec, with a decision deadline."""
    app = new_application("1", "Stripe", "Backend", applied_on=DEC[1].subtract(months=1), people=[DANA])
    app = app.moved_to("offer", on).with_event(Event("offer", on, note="EUR 90k"))
    return app.copy(offer_deadline=deadline, offer_amount="EUR 90k", events=[*app.events, *events])


def interviewed(app_id: str, company: str, *events: Event):  # noqa: ANN201
    app = new_application(app_id, company, "Dev", applied_on=DEC[1].subtract(months=1))
    app = app.with_event(Event("interview", DEC[2])).moved_to("interviewed", DEC[2])
    return app.copy(events=[*app.events, Event("thank_you", DEC[2]), *events])


@pytest.mark.parametrize(
    ("today", "rule", "state"),
    [
        (DEC[7], "thank_for_offer", "due"),  # the day it arrives
        (DEC[9], "thank_for_offer", "overdue"),
        (DEC[10], "respond_to_offer", "due"),  # the answer falls due: its draft thanks them too
    ],
)
def test_thank_them_the_day_the_offer_comes(today, rule, state):
    step = next_step(offer_card(), today)
    assert (step.rule, step.state) == (rule, state) and step.principles == ("P7", "P9")
    assert "EUR 90k" not in step.draft and "\n\nHi Dana," in step.draft


def test_the_thanks_is_done_by_its_event_and_asks_for_a_deadline_when_none_is_known():
    step = next_step(offer_card(), DEC[7])
    assert done_event(offer_card(), step, DEC[7]) == Event("offer_acknowledged", DEC[7])
    thanked = offer_card("2026-12-14", Event("offer_acknowledged", DEC[7]))
    assert next_step(thanked, DEC[7]).rule == "respond_to_offer"
    open_ended = next_step(offer_card(""), DEC[7])
    assert open_ended.rule == "thank_for_offer" and "by when you'd like my answer" in open_ended.draft
    assert "by when" not in next_step(offer_card(), DEC[7]).draft
    assert next_step(offer_card("", Event("offer_acknowledged", DEC[8])), DEC[9]).rule == "respond_to_offer"
    # Gone three days after the offer, even without a deadline.
    assert next_step(offer_card(""), DEC[10]).rule == "respond_to_offer"


@pytest.mark.parametrize("outcome", ["accepted", "declined", "countered"])
def test_an_answer_with_its_outcome_ends_both_offer_steps(outcome):
    answered = offer_card("2026-12-14", Event("offer_answered", DEC[8], outcome=outcome))
    step = next_step(answered, DEC[9])
    assert step.rule == "wait" and answer_outcome(answered, DEC[9]) == outcome
    assert {"accepted": "Congratulations", "declined": "declined", "countered": "counter-offer"}[outcome] in step.why
    # A v2 answer without an outcome still counts as answered.
    old = offer_card("2026-12-14", Event("offer_answered", DEC[8]))
    assert next_step(old, DEC[9]).rule == "wait" and answer_outcome(old, DEC[9]) == "answered"


def test_a_new_offer_after_a_counter_is_answered_again():
    countered = offer_card("2026-12-14", Event("offer_answered", DEC[8], outcome="countered"))
    revised = countered.with_event(Event("offer", DEC[10], note="EUR 95k"))
    assert answer_outcome(revised, DEC[10]) is None
    assert next_step(revised.with_event(Event("offer_acknowledged", DEC[10])), DEC[10]).rule == "respond_to_offer"


def test_the_outcome_is_stored_and_a_stranger_outcome_is_refused():
    card = offer_card("2026-12-14", Event("offer_answered", DEC[8], outcome="accepted"))
    record = application_record(card)
    assert record["events"][-1] == {"kind": "offer_answered", "date": "2026-12-08", "outcome": "accepted"}
    assert application_from_record(record) == card
    with pytest.raises(ValueError, match="outcome"):
        event_from_record({"kind": "offer_answered", "date": "2026-12-08", "outcome": "maybe"})


def test_the_other_processes_hear_that_a_deadline_exists():
    offer = offer_card()
    monzo = interviewed("2", "Monzo")
    offers = open_offers([offer, monzo], DEC[8])
    assert [(o.app_id, o.offered_on, o.deadline) for o in offers] == [("1", DEC[7], DEC[14])]
    assert next_step(monzo, DEC[7], offers=offers).due == DEC[8]  # the business day after the offer
    step = next_step(monzo, DEC[8], offers=offers)
    assert (step.rule, step.state, step.principles) == ("tell_others_about_offer", "due", ("P7", "P9"))
    # The draft names neither the other company nor the amount, and says the deadline.
    assert "Stripe" not in step.draft and "90" not in step.draft and "14 December" in step.draft
    assert "Monzo" in step.draft and done_event(monzo, step, DEC[8]) == Event("follow_up", DEC[8])
    told = monzo.with_event(Event("follow_up", DEC[8]))
    assert next_step(told, DEC[9], offers=offers).rule != "tell_others_about_offer"
    assert next_step(monzo, DEC[14], offers=offers).rule != "tell_others_about_offer"  # lapsed on the deadline
    # Without a deadline, once answered, or on the offer's own card: nothing to tell.
    assert open_offers([offer_card("")], DEC[8]) == ()
    assert open_offers([offer_card("2026-12-14", Event("offer_answered", DEC[8], outcome="declined"))], DEC[9]) == ()
    assert next_step(offer, DEC[8], offers=offers).rule != "tell_others_about_offer"
    archived = monzo.copy(archived=True)
    assert next_step(archived, DEC[8], offers=offers).rule != "tell_others_about_offer"


def test_the_agenda_sees_the_board_level_step_and_puts_the_offer_tier_first():
    offer = offer_card("2026-12-14", Event("offer_acknowledged", DEC[7]))
    overdue = new_application("3", "Adyen", "SRE", applied_on=DEC[1])
    entries = agenda([overdue, interviewed("2", "Monzo"), offer], DEC[14])
    assert [(a.company, s.rule, s.state) for a, s in entries] == [
        ("Stripe", "respond_to_offer", "due"),
        ("Adyen", "follow_up", "overdue"),  # due Tue 8 Dec
        ("Monzo", "check_in_after_interview", "overdue"),  # due Wed 9 Dec
    ]
    entries = agenda([overdue, interviewed("2", "Monzo"), offer], DEC[9])
    assert [a.company for a, s in entries if s.rule == "tell_others_about_offer"] == ["Monzo"]


def test_accepting_lists_the_other_open_processes():
    accepted = offer_card("2026-12-14", Event("offer_answered", DEC[9], outcome="accepted"))
    monzo = interviewed("2", "Monzo")
    wish = new_application("3", "Adyen", "SRE", status="wishlist", applied_on=DEC[1])
    gone = new_application("4", "Klarna", "SRE", applied_on=DEC[1]).moved_to("rejected", DEC[3])
    put_away = new_application("5", "Wise", "SRE", applied_on=DEC[1]).copy(archived=True)
    note = accepted_offer_note([accepted, monzo, wish, gone, put_away], DEC[9])
    assert note is not None and note.startswith("You accepted Stripe's offer.")
    assert "Monzo (Interviewed, id 2)" in note and "Adyen (Wishlist, id 3)" in note
    assert "Klarna" not in note and "Wise" not in note and "Withdrawn" in note
    assert accepted_offer_note([accepted], DEC[9]) is None  # nothing else open
    assert accepted_offer_note([offer_card(), monzo], DEC[9]) is None  # not accepted
    declined = offer_card("2026-12-14", Event("offer_answered", DEC[9], outcome="declined"))
    assert accepted_offer_note([declined, monzo], DEC[9]) is None


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (DEC[7], "upcoming"),  # the offer came today: the others hear the next business day
        (DEC[8], "due"),
        (DEC[9], "overdue"),
        (DEC[11], "overdue"),  # the day before the deadline, still to do
        (DEC[14], None),  # the deadline: lapsed
        (DEC[15], None),
    ],
)
def test_tell_others_around_its_due_and_lapse_days(today, state):
    offer, monzo = offer_card(), interviewed("2", "Monzo")
    step = next_step(monzo, today, offers=open_offers([offer, monzo], today))
    if state is None:
        assert step.rule != "tell_others_about_offer"
    else:
        assert (step.rule, step.due, step.state) == ("tell_others_about_offer", DEC[8], state)
