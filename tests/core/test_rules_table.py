"""The rules table (core/rules.py, docs/rules.md): one record per rule, one order of steps."""

from __future__ import annotations

from jobboard.core import rules
from jobboard.core.drafts import PRINCIPLES


def test_every_rule_has_a_known_tier_recipient_and_principles():
    for rule in rules.RULES:
        assert rule.tier in rules.TIERS and rule.recipient in rules.RECIPIENTS
        assert all(p in PRINCIPLES for p in rule.principles)
        assert "{company}" in rule.title
    assert len(rules.BY_ID) == len(rules.RULES)  # ids are unique


def test_the_table_is_in_tier_order():
    ranks = [rules.tier_rank(rule.id) for rule in rules.RULES]
    assert ranks == sorted(ranks)


def test_one_order_due_by_tier_then_upcoming_then_waits_then_ready():
    steps = [
        ("move_to_silent", "ready", 1),
        ("wait", "upcoming", None),
        ("follow_up", "upcoming", 5),
        ("follow_up", "overdue", 1),
        ("respond_to_offer", "due", 9),
        ("send_thank_you", "overdue", 3),
    ]
    ordered = sorted(steps, key=lambda s: rules.step_order(*s))
    assert [(rule, state) for rule, state, _ in ordered] == [
        ("respond_to_offer", "due"),
        ("send_thank_you", "overdue"),
        ("follow_up", "overdue"),
        ("follow_up", "upcoming"),
        ("wait", "upcoming"),
        ("move_to_silent", "ready"),
    ]


def test_the_derived_views_read_the_table():
    assert rules.DONE_EVENT["send_thank_you"] == "thank_you"
    assert rules.MOVE_TO == {"move_to_silent": "silent"}
    assert "prepare_interview" not in rules.DRAFTED_RULES and "follow_up" in rules.DRAFTED_RULES
    assert set(rules.STEP_TITLES) == set(rules.RULE_ORDER)
