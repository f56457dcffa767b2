"""A Wishlist card whose captured posting gives a real closing date: apply before it closes
(docs/rules.md, apply_before_closing)."""

from __future__ import annotations

import pendulum
import pytest

from jobboard.core.etiquette import EtiquetteSettings, next_step
from jobboard.core.model import Event, new_application

SAVED = pendulum.Date(2026, 11, 23)  # a Monday
CLOSES = pendulum.Date(2026, 12, 11)  # a Friday: due 3 business days before, Tuesday 8 Dec


def saved(closes: str = CLOSES.isoformat(), talked: bool = False):
    posting = {"url": "https://jobs.example/9", "captured_on": SAVED.isoformat(), "valid_through": closes}
    card = new_application("1", "Crumbs", "Baker", status="wishlist", applied_on=SAVED, recorded_on=SAVED)
    card = card.copy(posting=posting)
    if talked:
        card = card.with_event(Event("contacted_team", SAVED))
    return card


@pytest.mark.parametrize(
    ("today", "rule", "state"),
    [
        (pendulum.Date(2026, 12, 7), "talk_to_team", "due"),  # the day before: talking comes first
        (pendulum.Date(2026, 12, 8), "apply_before_closing", "due"),
        (pendulum.Date(2026, 12, 11), "apply_before_closing", "overdue"),  # the last day to apply
        (pendulum.Date(2026, 12, 12), "talk_to_team", "due"),  # closed: the step has lapsed
    ],
)
def test_apply_before_closing_around_its_due_and_lapse_days(today, rule, state):
    step = next_step(saved(), today)
    assert (step.rule, step.state) == (rule, state)
    if rule == "apply_before_closing":
        assert step.title == "Apply to Crumbs before the posting closes"
        assert step.due == pendulum.Date(2026, 12, 8)
        assert "until Fri 11 Dec" in step.why


def test_after_talking_to_the_team_it_is_the_step_coming_up():
    step = next_step(saved(talked=True), pendulum.Date(2026, 11, 30))
    assert (step.rule, step.state, step.due) == ("apply_before_closing", "upcoming", pendulum.Date(2026, 12, 8))


def test_a_placeholder_closing_date_or_none_gives_no_such_step():
    for closes in ("2099-12-31", ""):
        step = next_step(saved(closes, talked=True), pendulum.Date(2026, 12, 8))
        assert step.rule != "apply_before_closing"


def test_the_days_before_closing_are_a_setting():
    settings = EtiquetteSettings.from_mapping({"apply_before_closing_business_days": 0})
    step = next_step(saved(talked=True), pendulum.Date(2026, 12, 8), settings)
    assert (step.state, step.due) == ("upcoming", CLOSES)
