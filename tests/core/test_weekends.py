"""Dates a person would pick (docs/rules.md, "Weekends and holidays"): due dates counted in
calendar days land on business days, "before" steps on the business day before, and the
public holidays of ``[etiquette] holidays`` are days off too."""

from __future__ import annotations

import pendulum
import pytest

from jobboard.core.dates import add_business_days, on_business_day
from jobboard.core.etiquette import EtiquetteSettings, next_step
from jobboard.core.model import Application, Event

D = pendulum.date
GERMANY = EtiquetteSettings(holidays="DE")
MON_2_NOV = D(2026, 11, 2)


def card(status: str, *events: Event, applied: pendulum.Date = MON_2_NOV) -> Application:
    return Application(
        "1", "Acme", "Engineer", status=status, applied_on=applied, events=[Event("applied", applied), *events],
        created=pendulum.datetime(applied.year, applied.month, applied.day, 9),
    )  # fmt: skip


def test_a_weekend_moves_forward_or_back_to_a_business_day():
    assert on_business_day(D(2026, 11, 21)) == D(2026, 11, 23)  # Saturday -> Monday
    assert on_business_day(D(2026, 11, 22), before=True) == D(2026, 11, 20)  # Sunday -> Friday
    assert on_business_day(D(2026, 11, 18)) == D(2026, 11, 18)


def test_public_holidays_are_days_off_when_set():
    # 25 and 26 December 2026 are a Friday and a Saturday, both holidays in Germany.
    assert on_business_day(D(2026, 12, 25)) == D(2026, 12, 25)  # a Friday, with no holidays set
    assert on_business_day(D(2026, 12, 25), "DE") == D(2026, 12, 28)
    assert on_business_day(D(2026, 12, 24), "DE") == D(2026, 12, 24)  # Christmas Eve is not a public holiday
    # Five business days from Tue 22 Dec: 23, 24, (25 off), 28, 29, 30; with no holidays, the 29th.
    assert add_business_days(D(2026, 12, 22), 5) == D(2026, 12, 29)
    assert add_business_days(D(2026, 12, 22), 5, "DE") == D(2026, 12, 30)
    assert add_business_days(D(2026, 12, 30), -5, "DE") == D(2026, 12, 22)
    # 3 Oct 2026 (German Unity Day) is a Saturday; 1 May 2026 is a Friday.
    assert on_business_day(D(2026, 5, 1), "DE") == D(2026, 5, 4)
    assert on_business_day(D(2026, 5, 1), "US") == D(2026, 5, 1)
    assert on_business_day(D(2026, 7, 3), "US") == D(2026, 7, 6)  # Independence Day observed on Friday


def test_a_friday_interview_gets_its_thank_you_on_monday():
    friday = D(2026, 11, 20)
    interviewed = card("interviewed", Event("status", friday, status="interviewed"), Event("interview", friday))
    for day in (20, 21, 22):
        step = next_step(interviewed, D(2026, 11, day))
        assert (step.rule, step.due, step.state) == ("send_thank_you", D(2026, 11, 23), "upcoming")
    assert next_step(interviewed, D(2026, 11, 23)).state == "due"


def test_a_monday_interview_is_prepared_for_on_friday():
    monday = D(2026, 11, 23)
    booked = card("applied", Event("interview", monday))
    assert next_step(booked, D(2026, 11, 19)).due == D(2026, 11, 20)
    # After Christmas in Germany: a Monday 28 Dec interview is prepared for on Thursday 24th.
    after_christmas = card("applied", Event("interview", D(2026, 12, 28)), applied=D(2026, 12, 14))
    assert next_step(after_christmas, D(2026, 12, 21), GERMANY).due == D(2026, 12, 24)


def test_feedback_three_days_after_a_thursday_rejection_is_asked_on_monday():
    thursday = D(2026, 11, 19)
    rejected = card("rejected", Event("status", thursday, status="rejected"), Event("acknowledged", thursday))
    step = next_step(rejected, D(2026, 11, 20))
    assert (step.rule, step.due) == ("request_feedback", D(2026, 11, 23))


def test_a_follow_up_skips_the_holidays_of_the_country_set():
    applied = card("applied", applied=D(2026, 12, 21))
    assert next_step(applied, D(2026, 12, 22)).due == D(2026, 12, 28)
    # 22, 23, 24, then Christmas Day off and the weekend, then 28 and 29.
    assert next_step(applied, D(2026, 12, 22), GERMANY).due == D(2026, 12, 29)


def test_the_offers_deadline_brings_the_answer_on_a_weekday():
    # A deadline of Monday 7 Dec: answer two business days before, Thursday 3 Dec, never Saturday.
    offer = card("offer", Event("status", D(2026, 11, 30), status="offer"), Event("offer", D(2026, 11, 30)))
    offer.events.append(Event("offer_acknowledged", D(2026, 11, 30)))
    offer.offer_deadline = "2026-12-07"
    assert next_step(offer, D(2026, 12, 2)).due == D(2026, 12, 3)


def test_a_card_recorded_on_a_saturday_starts_on_monday():
    old = card("applied", applied=D(2026, 10, 1))
    old.created = pendulum.datetime(2026, 11, 21, 12)  # typed in on Saturday 21 Nov
    step = next_step(old, D(2026, 11, 21))
    assert (step.due, step.state) == (D(2026, 11, 23), "upcoming")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("XX", "no public holidays are known for 'XX'"),
        ("US-ZZ", "no public holidays are known for 'US-ZZ'"),
        (49, "etiquette.holidays must be a country code in quotes"),
    ],
)
def test_an_unknown_holidays_code_is_one_sentence(value, message):
    with pytest.raises(ValueError, match=message) as raised:
        EtiquetteSettings.from_mapping({"holidays": value})
    assert "\n" not in str(raised.value)


def test_holidays_are_read_from_the_settings():
    assert EtiquetteSettings.from_mapping({"holidays": " US-CA "}).holidays == "US-CA"
    assert EtiquetteSettings.from_mapping({}).holidays == ""


def test_in_n_business_days_leaves_out_the_holidays():
    from jobboard.core.dates import business_days_between
    from jobboard.core.etiquette import NextStep, when_text

    wed, tue = D(2026, 12, 23), D(2026, 12, 29)
    assert business_days_between(wed, tue) == 4  # 24, 25, 28, 29
    assert business_days_between(wed, tue, "DE") == 3  # Christmas Day is off
    assert business_days_between(tue, wed, "DE") == -3
    step = NextStep("follow_up", "Follow up with Acme", tue, "upcoming", "", (), None)
    assert when_text(step, wed) == "in 4 business days"
    assert when_text(step, wed, "DE") == "in 3 business days"
    on_christmas = step._replace(due=D(2026, 12, 25))  # a step due on a holiday counts calendar days
    assert when_text(on_christmas, wed, "DE") == "in 2 days"


def test_the_panel_and_the_cli_count_business_days_with_the_holidays(tmp_path):
    from jobboard.storage.store import BoardStore
    from tests.helpers.cli import run_cli

    config = tmp_path / "config.toml"
    config.write_text('[etiquette]\nholidays = "DE"\n')
    board = tmp_path / "board.json"
    BoardStore(board).add(lambda app_id: card("applied", applied=D(2026, 12, 22)).copy(id=app_id))
    db = ["--db", str(board), "--config", str(config)]
    code, out, _ = run_cli(*db, "next", "1", "--date", "2026-12-23")
    assert code == 0
    # Five business days from Tue 22 Dec in Germany is Wed 30 Dec: 24, 28, 29, 30 after the 23rd.
    assert "(in 4 business days)" in out, out
