"""Sending a step's draft: the mailto: URL (RFC 6068), whom each step writes to, `jobboard draft`."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, unquote, urlsplit

import pendulum
import pytest

from jobboard.core.addressing import addressee
from jobboard.core.drafts import split_draft
from jobboard.core.mailto import mailto_url
from jobboard.core.model import Event, new_application
from jobboard.core.people import Person
from jobboard.storage.store import BoardStore
from tests.helpers.cli import run_cli

DAY = pendulum.date(2026, 11, 16)
DANA = Person("Dana Whitfield", "recruiter", "dana@acme.example", profile="https://linkedin.com/in/dana")
ANNA = Person("Dr. Anna Schmidt", "hiring_manager", "anna@acme.example")
SAM = Person("Sam Ortiz", "coworker", profile="https://github.com/sam")
IDA = Person("Ida Berg", "interviewer", "ida@acme.example")


def test_mailto_encodes_reserved_characters_non_ascii_and_line_breaks():
    body = "Hi Zoë,\n\nQ&A? 100% yes.\r\nBest,\nÅsa"
    url = mailto_url("zoë+jobs@example.com", "Dev? 100% & more", body)
    assert url.startswith("mailto:zo%C3%AB%2Bjobs@example.com?subject=")
    assert " " not in url and "\n" not in url and "\r" not in url
    parts = urlsplit(url)
    query = parts.query
    assert query.count("&") == 1  # the & of the text is escaped: only the one between fields is left
    assert "%0D%0A%0D%0A" in query and "%3F" in query and "%25" in query and "%26" in query
    fields = parse_qs(query)
    assert fields["subject"] == ["Dev? 100% & more"]
    assert fields["body"] == ["Hi Zoë,\r\n\r\nQ&A? 100% yes.\r\nBest,\r\nÅsa"]  # every break a CRLF
    assert unquote(parts.path) == "zoë+jobs@example.com"


def test_no_address_is_an_error_never_an_empty_mailto():
    for blank in ("", "   "):
        with pytest.raises(ValueError, match="no email address"):
            mailto_url(blank, "Subject", "Body")
    assert mailto_url("a@b.example", "", "") == "mailto:a@b.example"


def test_a_subject_line_is_split_from_the_body():
    assert split_draft("Subject: Dev at Acme\n\nHi Dana,\n\nText") == ("Dev at Acme", "Hi Dana,\n\nText")
    assert split_draft("Hi Dana,\n\nText") == ("", "Hi Dana,\n\nText")


def card(*people: Person, events=(), days_ago=30):  # noqa: ANN001, ANN202
    app = new_application("1", "Acme", "Dev", applied_on=DAY.subtract(days=days_ago), people=list(people))
    return app.copy(events=[*app.events, *events])


@pytest.mark.parametrize(
    "rule",
    ["follow_up", "check_in_after_interview", "acknowledge_rejection", "request_feedback", "keep_in_touch"],
)
def test_the_contact_steps_go_to_the_company_before_a_friend(rule):
    assert addressee(card(SAM, ANNA, DANA), rule, DAY).person == DANA
    # A coworker listed first is a friend, not the company: the hiring manager gets it.
    assert addressee(card(SAM, ANNA), rule, DAY).person == ANNA
    assert addressee(card(SAM, IDA), rule, DAY).person == IDA
    assert addressee(card(SAM), rule, DAY).person == SAM  # nobody else: they pass it on
    assert addressee(card(DANA), rule, DAY).words == "Dana Whitfield's email"
    nobody = addressee(card(), rule, DAY)
    assert nobody.person is None and nobody.channel == "" and "nobody listed" in nobody.words


def test_another_channel_goes_to_someone_else_and_names_the_channel():
    other = addressee(card(DANA, SAM, ANNA), "follow_up_other_channel", DAY)
    assert other.person == ANNA and other.channel == "email" and other.words == "the hiring manager's email"
    sam = addressee(card(DANA, SAM), "follow_up_other_channel", DAY)
    assert sam.person == SAM and sam.channel == "profile" and sam.url == "https://github.com/sam"
    assert sam.words == "the coworker's profile"
    # Nobody else: the same recruiter by their other channel, then the company's page.
    same = addressee(card(DANA), "follow_up_other_channel", DAY)
    assert same.person == DANA and same.words == "their LinkedIn" and same.url == DANA.profile
    page = addressee(
        card(Person("Dana", email="d@a.example")).copy(url="https://acme.example"), "follow_up_other_channel", DAY
    )
    assert page.person is None and page.words == "the company's page" and page.url == "https://acme.example"


def test_talk_to_team_goes_to_a_coworker_or_the_hiring_manager():
    assert addressee(card(DANA, ANNA, SAM), "talk_to_team", DAY).person == SAM
    assert addressee(card(DANA, ANNA), "talk_to_team", DAY).person == ANNA
    assert addressee(card(DANA), "talk_to_team", DAY).person is None


def test_a_thank_you_goes_to_the_people_met_else_the_recruiter():
    interview = Event("interview", DAY.subtract(days=1))
    assert addressee(card(DANA, IDA, events=[interview]), "send_thank_you", DAY).person == IDA  # the interviewer
    assert addressee(card(DANA, events=[interview]), "send_thank_you", DAY).person == DANA
    # The people met, as `log ID interview --with NAME` links them (by name, any case or spacing).
    met = Event("interview", DAY.subtract(days=1), people=("anna  schmidt",))
    anna = Person("Anna Schmidt", "hiring_manager", "anna@acme.example")
    assert addressee(card(DANA, IDA, anna, events=[met]), "send_thank_you", DAY).person == anna


def test_steps_that_write_to_nobody_have_no_addressee():
    for rule in ("move_to_silent", "prepare_interview", "wait"):
        assert addressee(card(DANA), rule, DAY) is None


def test_the_draft_greets_the_addressee():
    from jobboard.core.drafts import draft_for

    text = draft_for("follow_up_other_channel", card(DANA, SAM), DAY.subtract(days=6), "", "Ana", DAY)
    assert text.startswith("Subject: ") and "\n\nHi Sam," in text and "wrote to Dana Whitfield" in text


def test_draft_prints_the_message_or_its_url(board_path, capsys, frozen):
    store = BoardStore(board_path)
    store.add(lambda i: card(Person("Zoë Ångström", "recruiter", "zoe@acme.example"), days_ago=10).copy(id=i))
    store.add(lambda i: card(Person("Sam", "recruiter", profile="https://linkedin.com/in/sam"), days_ago=10).copy(id=i))
    store.add(lambda i: card().copy(id=i, status="wishlist", events=[Event("contacted_team", DAY)]))
    db = ("--db", str(board_path))
    code, out, _ = run_cli(*db, "draft", "1")
    assert code == 0
    assert out.startswith("To: Zoë Ångström <zoe@acme.example>\nSubject: Following up: Dev application\n\nHi Zoë,\n\n")
    code, out, _ = run_cli(*db, "draft", "1", "--mailto")
    assert code == 0 and out.startswith(
        "mailto:zoe@acme.example?subject=Following%20up%3A%20Dev%20application&body=Hi%20Zo%C3%AB%2C%0D%0A"
    )
    code, out, err = run_cli(*db, "draft", "2", "--mailto")
    assert code == 1 and out == "" and "no email address for Sam's LinkedIn" in err and "mailto" not in out
    code, out, err = run_cli(*db, "draft", "3")
    assert code == 1 and "is not a message to send" in err and len(err.splitlines()) == 1
    code, out, _ = run_cli(*db, "next", "--json")
    to = {record["id"]: record["to"] for record in json.loads(out)}
    assert to["1"] == {
        "name": "Zoë Ångström",
        "email": "zoe@acme.example",
        "profile": "",
        "channel": "email",
        "words": "Zoë Ångström's email",
    }
