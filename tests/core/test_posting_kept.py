"""The posting a captured card keeps, its apply-by date and duplicates (docs/capture.md)."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from jobboard.core.duplicates import already_there, already_there_sentence
from jobboard.core.fields import url_key
from jobboard.core.model import new_application
from jobboard.core.posting_kept import apply_by_text, check_posting, closed_warning, closing_day
from jobboard.formats.records import application_from_record, application_record, canonical_record


def test_a_real_closing_date_is_the_apply_by_and_a_far_one_is_a_placeholder():
    card = new_application("1", "Acme", "SRE", status="wishlist", applied_on=pendulum.date(2026, 5, 1))
    card = card.copy(posting={"captured_on": "2026-05-01", "valid_through": "2026-06-08"})
    assert card.apply_by == pendulum.date(2026, 6, 8)
    assert apply_by_text({"captured_on": "2026-05-01", "valid_through": "2099-12-31"}) == ""
    assert card.copy(posting={}).apply_by is None
    assert closing_day("2026-06-08T23:59:59Z") == "2026-06-08" and closing_day("soon") == ""


def test_a_closing_date_past_is_said_in_one_line():
    posting = {"captured_on": "2026-06-01", "valid_through": "2026-06-08"}
    assert closed_warning(posting, dt.date(2026, 6, 20)) == "this posting closed on 8 Jun 2026"
    assert closed_warning(posting, dt.date(2026, 6, 8)) == ""


@pytest.mark.parametrize("bad", [[], "text", {"description": 5}, {"url": None}])
def test_a_posting_that_is_not_text_is_refused(bad):
    with pytest.raises(ValueError, match="posting"):
        check_posting(bad)


def test_the_posting_round_trips_and_keeps_fields_a_newer_version_wrote(frozen):
    card = new_application("1", "Acme", "SRE").copy(posting={"url": "https://a.example/j/1", "later": [1, 2]})
    record = application_record(card)
    assert record["posting"] == {"url": "https://a.example/j/1", "later": [1, 2]}
    assert application_record(application_from_record(record)) == record == canonical_record(record)
    assert "posting" not in application_record(new_application("2", "Acme", "SRE"))


def test_two_links_to_one_posting_compare_equal():
    assert url_key("https://www.Jobs.example/p/7/?utm_source=li#apply") == url_key("http://jobs.example/p/7")
    assert url_key("https://jobs.example/p/7") != url_key("https://jobs.example/p/8")
    assert url_key("https://jobs.example/view?id=7&ref=x") == "jobs.example/view?id=7"


def test_the_card_already_there_is_found_by_address_or_company_and_role():
    today = pendulum.date(2026, 11, 20)
    meta = new_application("12", "Meta", "Data Engineer", applied_on=pendulum.date(2026, 11, 2),
                           url="https://meta.example/jobs/1")
    old = new_application("3", "Old Co", "Baker", applied_on=pendulum.date(2025, 1, 2))
    board = [old, meta]
    assert already_there(board, "https://www.meta.example/jobs/1/", "Other", "Other", today) is meta
    assert already_there(board, "", " meta ", "data  engineer", today) is meta
    assert already_there(board, "", "Old Co", "Baker", today) is None  # more than 180 days ago
    assert already_there_sentence(meta, today) == "already on the board: 12, Meta, applied Mon 2 Nov"


def test_the_last_day_to_apply_is_coming_up_for_a_wishlist_card_only():
    from jobboard.core.coming_up import coming_up
    from jobboard.core.etiquette import next_step

    today = pendulum.date(2026, 11, 16)
    posting = {"captured_on": "2026-11-10", "valid_through": "2026-11-19"}
    saved = new_application("1", "Crumbs", "Baker", status="wishlist", applied_on=today).copy(posting=posting)
    sent = new_application("2", "Loaf", "Baker", applied_on=today).copy(posting=posting)
    far = saved.copy(id="3", company="Later", posting={**posting, "valid_through": "2026-12-19"})
    entries = coming_up([saved, sent, far], today, lambda a: next_step(a, today, words=False))
    assert [(c.date, c.application.company, c.what) for c in entries if "apply" in c.what] == [
        (pendulum.date(2026, 11, 19), "Crumbs", "Last day to apply: the posting closes"),
    ]
