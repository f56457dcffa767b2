"""core/reading.py: which card a message is about and what it says (docs/inbox.md)."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from jobboard.core.model import Application, Event
from jobboard.core.people import Person
from jobboard.core.reading import Letter, already_read, apply, find_cards, read_letter
from jobboard.core.validation import Refused
from jobboard.formats.mail import read_mail

MAIL = Path(__file__).resolve().parents[1] / "fixtures" / "mail"
TODAY = pendulum.date(2026, 11, 16)


def card(id_: str, company: str, role: str, applied: str = "2026-11-02", **fields) -> Application:  # noqa: ANN003
    return Application(id_, company, role, applied_on=pendulum.parse(applied).date(), **fields)


ACME = card("1", "Acme", "Backend Engineer", people=[Person("Dana Reyes", email="dana@acme.example")])
ACME_DATA = card("2", "Acme", "Data Engineer")
GLOBEX = card("3", "Globex", "Data Analyst", "2026-11-05")
INITECH = card("4", "Initech", "QA Lead", "2026-11-01", url="https://www.initech.example/jobs/4")
BOARD = [ACME, ACME_DATA, GLOBEX, INITECH]


def letter(name: str) -> Letter:
    return read_mail((MAIL / name).read_bytes(), "UTC")


def simple(
    subject: str, text: str, sender: str = "someone@acme.example", name: str = "", sent: str = "2026-11-12"
) -> Letter:
    return Letter("<x@y>", name, sender, subject, pendulum.parse(sent), text)


def test_the_senders_address_finds_the_person_on_a_card() -> None:
    assert find_cards(letter("plain-reply.eml"), BOARD) == [ACME]


def test_the_senders_domain_finds_the_posting_site() -> None:
    assert find_cards(letter("rejection-b64.eml"), BOARD) == [INITECH]


def test_an_ats_sender_is_matched_by_the_company_it_names() -> None:
    assert find_cards(letter("ack-greenhouse.eml"), BOARD) == [GLOBEX]


def test_the_roles_words_break_a_tie_and_none_leaves_candidates() -> None:
    data = simple("About the Data Engineer role", "Hello", sender="jobs@acme.example")
    assert find_cards(data, BOARD) == [ACME_DATA]
    vague = simple("Hello from Acme", "Hello", sender="jobs@lever.co", name="Acme")
    assert find_cards(vague, BOARD) == [ACME, ACME_DATA]


def test_a_newsletter_matches_no_card() -> None:
    assert find_cards(letter("newsletter.eml"), BOARD) == []


def test_acknowledgement_logs_nothing_and_says_so() -> None:
    proposal = read_letter(letter("ack-greenhouse.eml"), GLOBEX, TODAY)
    assert proposal.events == () and "acknowledgement" in proposal.reading


def test_invitation_keeps_the_slots_as_written() -> None:
    (event,) = read_letter(letter("slots-qp.eml"), ACME, TODAY).events
    assert event.kind == "heard_back" and event.date == pendulum.date(2026, 11, 11)
    assert "Monday 23 Nov, 10:00; Tuesday 24 Nov, 14:30" in event.note


def test_a_reply_that_thanks_for_applying_and_offers_a_time_is_an_invitation() -> None:
    (event,) = read_letter(letter("thanks-then-slot-qp.eml"), ACME, TODAY).events
    assert event.kind == "heard_back" and event.date == pendulum.date(2026, 11, 12)
    assert "Would Thursday 19 November at 14:00 work for you?" in event.note


def test_calendar_invite_is_an_interview_with_the_people_met() -> None:
    (event,) = read_letter(letter("invite.eml"), ACME, TODAY).events
    assert (event.kind, event.date, event.time) == ("interview", pendulum.date(2026, 11, 20), "15:00")
    assert event.interview_kind == "technical"
    assert event.people == ("Dana Reyes", "Lee Park")  # not Sam, the user


def test_a_cancel_removes_the_interview_it_names() -> None:
    invited = apply(ACME, read_letter(letter("invite.eml"), ACME, TODAY), TODAY)
    cancelled = apply(invited, read_letter(letter("cancel.eml"), invited, TODAY), TODAY)
    assert invited.events_of("interview") and not cancelled.events_of("interview")


def test_rejection_moves_to_rejected_on_the_messages_day() -> None:
    after = apply(INITECH, read_letter(letter("rejection-b64.eml"), INITECH, TODAY), TODAY)
    assert after.status == "rejected"
    assert after.events[-1].date == pendulum.date(2026, 11, 13)


def test_offer_takes_a_deadline_only_when_written_plainly() -> None:
    proposal = read_letter(letter("offer.eml"), ACME, TODAY)
    after = apply(ACME, proposal, TODAY)
    assert (after.status, after.offer_deadline) == ("offer", "2026-11-27")
    vague = simple("Offer", "We are pleased to offer you the job. Let us know by Friday.")
    assert read_letter(vague, ACME, TODAY).offer_deadline == ""


def test_anything_else_is_heard_back() -> None:
    (event,) = read_letter(letter("plain-reply.eml"), ACME, TODAY).events
    assert event.kind == "heard_back" and "Backend Engineer application" in event.note


def test_a_message_dated_before_the_application_is_refused_by_name() -> None:
    old = simple("Old news", "Hello", sent="2026-10-01")
    with pytest.raises(Refused, match="'Old news' from someone@acme.example is dated 2026-10-01"):
        read_letter(old, ACME, TODAY)


def test_a_logged_message_is_already_read() -> None:
    message = letter("plain-reply.eml")
    after = apply(ACME, read_letter(message, ACME, TODAY), TODAY)
    assert not already_read(ACME, message) and already_read(after, message)


def test_apply_checks_dates_like_jobboard_log() -> None:
    ahead = simple("Hi", "A reply", sent="2026-12-01")
    with pytest.raises(Refused, match="after today"):
        apply(ACME, read_letter(ahead, ACME, TODAY), TODAY)
    assert (
        Event("applied", ACME.applied_on) not in apply(ACME, read_letter(simple("Hi", "ok"), ACME, TODAY), TODAY).events
    )


def test_an_all_day_invite_gives_the_day_and_no_invented_time() -> None:
    calendar = (
        "BEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261120\n"
        "SUMMARY:Onsite day\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    raw = f"From: dana@acme.example\nDate: Sat, 14 Nov 2026 10:00:00 +0000\nContent-Type: text/calendar\n\n{calendar}"
    (event,) = read_letter(read_mail(raw, "UTC"), ACME, TODAY).events
    assert (event.date, event.time, event.interview_kind) == (pendulum.date(2026, 11, 20), None, "onsite")
