"""formats/mail.py: the shapes real senders use, read into a Letter (docs/inbox.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobboard.formats.mail import MESSAGE_CAP, MailError, html_text, read_mail

MAIL = Path(__file__).resolve().parents[1] / "fixtures" / "mail"


def letter(name: str, tz: str = "Europe/Paris"):  # noqa: ANN201 - a Letter
    return read_mail((MAIL / name).read_bytes(), tz)


def test_plain_message_keeps_sender_subject_and_local_date() -> None:
    read = letter("plain-reply.eml")
    assert (read.sender_name, read.sender_address) == ("Dana Reyes", "dana@acme.example")
    assert read.subject == "Re: Backend Engineer application"
    assert read.message_id == "<reply-1@acme.example>"
    assert read.sent.isoformat() == "2026-11-10T10:30:00+01:00"  # 09:30 UTC in Paris
    assert "get back to you next week" in read.text
    assert read.recipients == ("sam@home.example",)


def test_quoted_printable_body_is_decoded() -> None:
    read = letter("slots-qp.eml")
    assert "Would any of these suit you?" in read.text
    assert "Café is on us" in read.text


def test_base64_body_and_encoded_word_headers_are_decoded() -> None:
    read = letter("rejection-b64.eml")
    assert read.sender_name == "Initech Recruiting — Jörg"
    assert read.subject == "Your application — QA Lead"
    assert "decided not to move forward" in read.text
    assert read.sent.isoformat() == "2026-11-13T08:30:00+01:00"  # 23:30 the day before in California


def test_html_only_body_becomes_text_without_styles() -> None:
    read = letter("ack-greenhouse.eml")
    assert read.text.splitlines() == [
        "Hi Sam,",
        "We have received your application for Data Analyst at Globex and will review it.",
    ]
    assert html_text("<script>alert(1)</script><p>a &amp; b</p>") == "a & b"


def test_calendar_part_gives_start_in_local_time_summary_and_attendees() -> None:
    (invite,) = letter("invite.eml", "America/New_York").invites
    assert invite.method == "REQUEST"
    assert invite.start.isoformat() == "2026-11-20T10:00:00-05:00"  # 15:00 UTC
    assert invite.summary == "Technical interview - Acme"
    assert ("Lee Park", "lee@acme.example") in invite.attendees
    (cancel,) = letter("cancel.eml").invites
    assert cancel.method == "CANCEL"


def test_binary_file_and_headerless_text_are_one_sentence_each() -> None:
    with pytest.raises(MailError, match="binary file"):
        letter("binary.eml")
    with pytest.raises(MailError, match="no email headers"):
        read_mail("Hello, just some words I copied.\n")


def test_a_message_over_the_cap_is_refused_before_parsing() -> None:
    with pytest.raises(MailError, match="25 MB cap"):
        read_mail(b"Subject: big\n\n" + b"x" * MESSAGE_CAP)


def test_headers_and_body_are_neutralised_for_a_terminal() -> None:
    hostile = "From: \x1b]0;pwned\x07 <a@b.example>\nSubject: hi\x1b[2J there\n\nbody \x1b[31mred\x1b[0m\n"
    read = read_mail(hostile, "UTC")
    assert "\x1b" not in read.subject + read.sender_name + read.text
    assert read.subject.startswith("hi")


def test_pasted_text_reads_like_bytes() -> None:
    pasted = (MAIL / "offer.eml").read_text(encoding="utf-8")
    assert read_mail(pasted, "UTC").subject == "Your offer from Acme"
