"""Offers and withdrawals: the respond_to_offer and tell_them_you_withdrew rules, `jobboard offer`,
the card's deadline, stats."""

from __future__ import annotations

import json

import pendulum
import pytest

from jobboard.core.etiquette import EtiquetteSettings, done_event, next_step
from jobboard.core.model import Event, new_application
from jobboard.core.people import Person
from jobboard.core.stats import board_stats
from jobboard.storage.store import BoardStore
from tests.helpers.cli import run_cli

NOV = {day: pendulum.date(2026, 11, day) for day in range(1, 31)}
DEC = {day: pendulum.date(2026, 12, day) for day in range(1, 32)}


def offer_card(deadline: str = "2026-11-20", *events: Event):  # noqa: ANN201
    app = new_application("1", "Acme", "Dev", applied_on=NOV[2], people=[Person("Dana", email="d@acme.example")])
    app = app.moved_to("offer", NOV[12]).with_event(Event("offer", NOV[12], note="EUR 70k"))
    return app.copy(offer_deadline=deadline, offer_amount="EUR 70k", events=[*app.events, *events])


@pytest.mark.parametrize(
    ("today", "state"),
    [(NOV[16], "upcoming"), (NOV[18], "due"), (NOV[19], "overdue"), (NOV[20], "due"), (NOV[23], "overdue")],
)
def test_respond_to_offer_is_due_two_days_before_the_deadline(today, state):
    thanked = Event("offer_acknowledged", NOV[12])
    step = next_step(offer_card("2026-11-20", thanked), today)
    # On the deadline day the step is due that day, never "overdue by 2 days ... today".
    due = NOV[20] if today >= NOV[20] else NOV[18]
    assert step.rule == "respond_to_offer" and step.due == due and step.state == state
    assert step.principles == ("P7", "P9")
    # The draft never states the amount (docs/rules.md); on the deadline day the title says so.
    assert "\n\nHi Dana," in step.draft and "EUR 70k" not in step.draft and "by 20 November" in step.draft
    assert step.title.endswith("today") == (today == NOV[20])
    assert step.title.endswith("by Fri 20 Nov") == (today < NOV[20])


def test_the_days_before_are_a_setting_and_the_step_goes_after_the_deadline_or_an_answer():
    settings = EtiquetteSettings(offer_answer_days_before=5)
    assert next_step(offer_card(), NOV[14], settings).due == NOV[13]  # 5 business days before Fri 20 Nov
    late = next_step(offer_card(), NOV[21])  # past the deadline the step stays, said plainly
    assert late.rule == "respond_to_offer" and "deadline has passed" in late.title
    assert next_step(offer_card(), NOV[20].add(days=15)).rule == "wait"  # lapsed 14 days after the deadline
    assert next_step(offer_card("2026-11-20", Event("offer_answered", NOV[17])), NOV[18]).rule == "wait"
    open_ended = next_step(offer_card(""), NOV[18])  # no deadline: the offer + 5 business days
    assert (open_ended.rule, open_ended.due) == ("respond_to_offer", NOV[19])
    step = next_step(offer_card(), NOV[18])
    assert done_event(offer_card(), step, NOV[18]) == Event("offer_answered", NOV[18])


def test_tell_them_you_withdrew_is_due_on_the_move_and_lapses_after_two_weeks():
    app = new_application("1", "Acme", "Dev", applied_on=NOV[2]).moved_to("withdrawn", NOV[10])
    step = next_step(app, NOV[10])
    assert step.rule == "tell_them_you_withdrew" and step.state == "due" and step.principles == ("P9", "P7")
    assert "withdraw my application" in step.draft and step.draft.startswith(
        "Subject: Withdrawing my application: Dev\n\nHello,"
    )
    assert next_step(app, NOV[23]).state == "overdue"
    assert next_step(app, NOV[24]).rule == "wait"
    assert next_step(app.with_event(Event("withdrawal_sent", NOV[11])), NOV[12]).rule == "wait"


def test_stats_count_offers():
    plain_move = new_application("2", "Initech", "SRE", applied_on=NOV[2]).moved_to("offer", NOV[5])
    declined = offer_card().moved_to("withdrawn", NOV[14]).copy(id="3")
    numbers = board_stats(
        [offer_card(), plain_move, declined, new_application("4", "Hooli", "Dev", applied_on=NOV[2])], NOV[16]
    )
    assert numbers.offers == 3 and numbers.offer_rate == 0.75
    assert numbers.to_dict()["offers"] == 3


def test_offer_command_records_the_offer_and_moves_the_card(board_path, capsys, frozen):
    db = ("--db", str(board_path))
    assert run_cli(*db, "add", "Acme", "Dev", "--applied", "2026-11-02", "--contact", "Dana")[0] == 0
    code, _, err = run_cli(*db, "offer", "1", "--amount", "EUR 70k", "--deadline", "2026-11-20", "--note", "remote")
    assert code == 0 and "Recorded the offer from Acme, answer by 2026-11-20." in err
    card = BoardStore(board_path).get("1")
    assert card.status == "offer" and (card.offer_amount, card.offer_deadline, card.offer_note) == (
        "EUR 70k",
        "2026-11-20",
        "remote",
    )
    assert [e.kind for e in card.events][-2:] == ["status", "offer"]
    # A second call changes the details, and logs no second offer.
    assert run_cli(*db, "offer", "1", "--deadline", "2026-11-23")[0] == 0
    card = BoardStore(board_path).get("1")
    assert card.offer_deadline == "2026-11-23" and card.offer_amount == "EUR 70k" and len(card.events_of("offer")) == 1
    code, out, _ = run_cli(*db, "show", "1")
    assert "offer:    EUR 70k · answer by 2026-11-23 · remote" in out
    code, out, _ = run_cli(*db, "next", "--all", "--json")
    (step,) = json.loads(out)
    # The day it arrives: thank them first (docs/rules.md, "Offers"); then the answer.
    assert step["rule"] == "thank_for_offer" and step["due"] == "2026-11-16" and step["to"]["name"] == "Dana"
    assert run_cli(*db, "log", "1", "offer_acknowledged")[0] == 0
    code, out, _ = run_cli(*db, "next", "--all", "--json")
    (step,) = json.loads(out)
    assert step["rule"] == "respond_to_offer" and step["due"] == "2026-11-19" and step["to"]["name"] == "Dana"
    code, out, _ = run_cli(*db, "stats", "--json")
    assert json.loads(out)["offers"] == 1


def test_bad_offer_input_is_one_line_and_costs_no_byte(board_path, capsys, frozen, tmp_path):
    BoardStore(board_path).add(lambda i: new_application(i, "Acme", "Dev", applied_on=NOV[2]))
    before = board_path.read_bytes()
    db = ("--db", str(board_path))
    for argv, needle in (
        (["offer", "1", "--deadline", "2026-13-01"], "2026-13-01"),
        (["offer", "1", "--date", "in 3 days"], "cannot arrive in the future"),
        (["offer", "9"], "no application with id '9'"),
    ):
        code, _, err = run_cli(*db, *argv)
        assert code in (1, 2) and needle in err and len(err.strip().splitlines()) == 1
    old_config = tmp_path / "old.toml"
    old_config.write_text('columns = ["applied", "interviewed", "silent", "rejected"]\n')
    code, _, err = run_cli(*db, "--config", str(old_config), "offer", "1")
    assert code == 1 and "Offer column is not on this board" in err
    assert board_path.read_bytes() == before
