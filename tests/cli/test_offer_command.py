"""`jobboard offer` (cli/offer.py): a past deadline refused, the answer with its outcome, and the
note after accepting (docs/rules.md, "Offers")."""

from __future__ import annotations

import json

from jobboard.cli.main import LAZY_COMMANDS
from jobboard.storage.store import BoardStore
from tests.helpers.cli import run_cli


def test_offer_is_its_own_lazy_module():
    assert LAZY_COMMANDS["offer"] == "jobboard.cli.offer:offer"


def _board(board_path):  # noqa: ANN001, ANN202
    db = ("--db", str(board_path))
    # Today is frozen on Mon 16 Nov 2026.
    assert run_cli(*db, "add", "Stripe", "Backend", "--applied", "2026-10-01", "--contact", "Dana")[0] == 0
    assert run_cli(*db, "add", "Monzo", "Dev", "--applied", "2026-10-05")[0] == 0
    assert run_cli(*db, "log", "2", "interview", "--date", "2026-11-10")[0] == 0
    assert run_cli(*db, "add", "Adyen", "SRE", "--applied", "2026-11-02")[0] == 0
    return db


def test_a_past_deadline_is_refused_in_one_sentence_and_costs_no_byte(board_path, capsys, frozen):
    db = _board(board_path)
    before = board_path.read_bytes()
    for past in ("yesterday", "2026-11-01"):
        code, out, err = run_cli(*db, "offer", "1", "--deadline", past)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
        assert "has already passed (today is 2026-11-16)" in err and "leave the deadline out" in err
    assert board_path.read_bytes() == before
    assert run_cli(*db, "offer", "1", "--deadline", "today")[0] == 0  # today is still in time


def test_the_offer_flow_from_arrival_to_accepting(board_path, capsys, frozen):
    db = _board(board_path)
    assert run_cli(*db, "offer", "1", "--amount", "EUR 90k", "--deadline", "2026-11-23")[0] == 0
    code, out, _ = run_cli(*db, "next", "--json")
    steps = {s["company"]: s for s in json.loads(out)}
    assert steps["Stripe"]["rule"] == "thank_for_offer" and steps["Stripe"]["state"] == "due"
    # Monzo (Interviewed) hears about the deadline from tomorrow: `--all` shows it coming.
    code, out, _ = run_cli(*db, "next", "2", "--date", "2026-11-17", "--json")
    told = json.loads(out)
    assert told["rule"] == "tell_others_about_offer" and "Stripe" not in told["draft"]
    code, out, _ = run_cli(*db, "draft", "2", "--date", "2026-11-17")
    assert code == 0 and "23 November" in out and "Stripe" not in out and "EUR" not in out

    code, _, err = run_cli(*db, "offer", "1", "--accept", "--deadline", "2026-11-30")
    assert code == 2 and "--accept takes only --date and --note" in err
    code, out, err = run_cli(*db, "offer", "1", "--accept")
    assert code == 0 and "Logged that you accepted the offer from Stripe on Mon 16 Nov." in err
    assert out.startswith("You accepted Stripe's offer. Still open: Monzo (Interviewed, id 2), Adyen (Applied, id 3).")
    card = BoardStore(board_path).get("1")
    assert (card.events[-1].kind, card.events[-1].outcome) == ("offer_answered", "accepted")
    code, out, _ = run_cli(*db, "next")
    assert "You accepted Stripe's offer." in out
    code, out, _ = run_cli(*db, "show", "1", "--json")
    assert json.loads(out)["events"][-1]["outcome"] == "accepted"


def test_decline_and_counter_and_new_terms(board_path, capsys, frozen):
    db = _board(board_path)
    code, _, err = run_cli(*db, "offer", "3", "--decline")
    assert code == 1 and "Adyen is not in Offer, so there is no offer to answer" in err
    assert run_cli(*db, "offer", "1", "--deadline", "2026-11-23")[0] == 0
    code, _, err = run_cli(*db, "offer", "1", "--counter", "--note", "asked for EUR 95k")
    assert code == 0 and "countered" in err
    code, out, _ = run_cli(*db, "next", "1", "--json")
    assert json.loads(out)["rule"] == "wait" and "counter-offer" in json.loads(out)["why"]
    # Their new terms are a new offer, to thank them for and answer again.
    assert run_cli(*db, "offer", "1", "--amount", "EUR 95k", "--deadline", "2026-11-25")[0] == 0
    card = BoardStore(board_path).get("1")
    assert len(card.events_of("offer")) == 2
    code, out, _ = run_cli(*db, "next", "1", "--json")
    assert json.loads(out)["rule"] == "thank_for_offer"
    code, _, err = run_cli(*db, "offer", "1", "--decline", "--date", "tomorrow")
    assert code == 2 and "an answer cannot be given in the future" in err
    assert run_cli(*db, "offer", "1", "--decline")[0] == 0
    code, out, _ = run_cli(*db, "next", "1", "--json")
    assert json.loads(out)["rule"] == "wait" and "declined" in json.loads(out)["why"]
