"""The referrer (docs/rules.md, "Who a draft goes to"): company mail goes to the company before a
friend, and the person who referred you hears how it went (thank_referrer)."""

from __future__ import annotations

import pendulum

from jobboard.core.addressing import addressee
from jobboard.core.etiquette import done_event, next_step
from jobboard.core.model import Event, new_application
from jobboard.core.people import Person

DEC = {day: pendulum.date(2026, 12, day) for day in range(1, 32)}
LEE = Person("Lee Park", "referrer", "lee@friends.example")
ANNA = Person("Anna Schmidt", "hiring_manager", "anna@monzo.example")


def card(*people: Person, status: str = "applied", moved: pendulum.Date = DEC[7]):  # noqa: ANN201
    app = new_application("1", "Monzo", "Dev", applied_on=DEC[1].subtract(days=10), people=list(people))
    return app if status == "applied" else app.moved_to(status, moved)


def test_company_mail_skips_the_referrer_listed_first():
    follow_up = next_step(card(LEE, ANNA), DEC[1])
    assert follow_up.rule == "follow_up" and addressee(card(LEE, ANNA), "follow_up", DEC[1]).person == ANNA
    assert "\n\nHi Anna," in follow_up.draft and "pass this note on" not in follow_up.draft
    withdrawal = next_step(card(LEE, ANNA, status="withdrawn"), DEC[7])
    assert withdrawal.rule == "tell_them_you_withdrew" and "\n\nHi Anna," in withdrawal.draft
    # With only the referrer listed, they get it, and are asked to pass it on.
    alone = next_step(card(LEE), DEC[1])
    assert "\n\nHi Lee," in alone.draft and "pass this note on" in alone.draft


def test_the_referrer_hears_how_it_went_two_business_days_after_the_outcome():
    rejected = card(LEE, ANNA, status="rejected").with_event(Event("acknowledged", DEC[7]))
    rejected = rejected.with_event(Event("feedback_requested", DEC[7]))
    assert next_step(rejected, DEC[8]).due == DEC[9]  # Mon 7 Dec + 2 business days
    step = next_step(rejected, DEC[9])
    assert (step.rule, step.state, step.principles) == ("thank_referrer", "due", ("P9", "P7"))
    assert addressee(rejected, "thank_referrer", DEC[9]).person == LEE
    assert "\n\nHi Lee," in step.draft and "didn't work out" in step.draft
    assert done_event(rejected, step, DEC[9]) == Event("referrer_updated", DEC[9])
    assert next_step(rejected.with_event(Event("referrer_updated", DEC[9])), DEC[10]).rule == "wait"
    assert next_step(rejected, DEC[7].add(days=30)).rule == "wait"  # lapsed a month after the move
    assert next_step(card(ANNA, status="rejected"), DEC[9]).rule != "thank_referrer"  # nobody referred you


def test_an_accepted_offer_is_the_news_for_the_referrer():
    offer = card(LEE, ANNA, status="offer").with_event(Event("offer", DEC[7]))
    offer = offer.with_event(Event("offer_answered", DEC[8], outcome="accepted"))
    step = next_step(offer, DEC[9])
    assert step.rule == "thank_referrer" and "accepted their offer" in step.draft
