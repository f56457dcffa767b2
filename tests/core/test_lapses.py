"""Lapses (docs/rules.md, "When a step lapses") and three job seekers followed for three months.

Every lapse is checked the day before it (the step still shows), on it and the day after (the
step that has taken its place shows). The personas replay a log week by week: on each Friday
the board holds only what was logged by then, and the advice must be the one a careful job
seeker would expect. Dates are fixed (2 November 2026 is a Monday).
"""

import pendulum
import pytest

from jobboard.core.etiquette import EtiquetteSettings, next_step
from jobboard.core.model import Application, Event
from jobboard.core.people import Person

D = pendulum.date
DEFAULT = EtiquetteSettings()


WED_4_NOV = D(2026, 11, 4)


def card(status: str, *events: Event, applied: pendulum.Date = WED_4_NOV) -> Application:
    return Application(
        id="a1", company="Acme", role="Engineer", status=status, applied_on=applied,
        events=[Event("applied", applied), *events],
        created=pendulum.datetime(applied.year, applied.month, applied.day, 9),  # recorded on applying
    )  # fmt: skip


def ev(kind: str, date: pendulum.Date, status: str | None = None) -> Event:
    return Event(kind, date, status=status)


def moved(status: str, date: pendulum.Date) -> Event:
    return Event("status", date, status=status)


# (name, application, settings, the rule that lapses, its lapse date, the rule from that day)
def offered(deadline: str) -> Application:
    offer = card("offer", moved("offer", D(2026, 11, 10)), ev("offer", D(2026, 11, 10)))
    offer.offer_deadline = deadline
    return offer


def referred(application: Application) -> Application:
    return application.copy(people=[Person("Lee Park", "referrer"), Person("Maria Gomez", "hiring_manager")])


LAPSE_CASES = [
    # The thanks for an offer: gone three days after it came, the answer remains.
    ("thank_for_offer", offered("2026-12-04"), DEFAULT, "thank_for_offer", D(2026, 11, 13), "respond_to_offer"),
    # The answer: shown up to 14 days after the deadline of Fri 20 Nov, then nothing to do.
    (
        "respond_to_offer",
        offered("2026-11-20").with_event(ev("offer_acknowledged", D(2026, 11, 10))),
        DEFAULT,
        "respond_to_offer",
        D(2026, 12, 5),
        "wait",
    ),
    (
        "tell_them_you_withdrew",
        card("withdrawn", moved("withdrawn", D(2026, 11, 10))),
        DEFAULT,
        "tell_them_you_withdrew",
        D(2026, 11, 24),
        "wait",
    ),
    # Applied Wed 4 Nov, never followed up: move_to_silent falls due 15 business days on.
    ("follow_up", card("applied"), DEFAULT, "follow_up", D(2026, 11, 25), "move_to_silent"),
    (
        "follow_up_other_channel",
        card("applied", ev("follow_up", D(2026, 11, 10))),
        DEFAULT,
        "follow_up_other_channel",
        D(2026, 12, 1),
        "move_to_silent",
    ),
    (
        "check_in_after_interview",
        card(
            "interviewed",
            moved("interviewed", D(2026, 11, 12)),
            ev("interview", D(2026, 11, 12)),
            ev("thank_you", D(2026, 11, 12)),
        ),
        DEFAULT,
        "check_in_after_interview",
        D(2026, 12, 3),
        "move_to_silent",
    ),  # fmt: skip
    (
        "send_thank_you (interview + 5 days)",
        card("interviewed", moved("interviewed", D(2026, 11, 12)), ev("interview", D(2026, 11, 12))),
        DEFAULT,
        "send_thank_you",
        D(2026, 11, 17),
        "check_in_after_interview",
    ),
    (
        "acknowledge_rejection (rejection + 14 days)",
        card("rejected", moved("rejected", D(2026, 11, 10))),
        DEFAULT,
        "acknowledge_rejection",
        D(2026, 11, 24),
        "request_feedback",
    ),
    (
        "request_feedback (rejection + 30 days)",
        card("rejected", moved("rejected", D(2026, 11, 10)), ev("acknowledged", D(2026, 11, 10))),
        DEFAULT,
        "request_feedback",
        D(2026, 12, 10),
        "wait",
    ),
    (
        "prepare_interview (the interview day)",
        card("interviewed", moved("interviewed", D(2026, 11, 10)), ev("interview", D(2026, 11, 20))),
        DEFAULT,
        "prepare_interview",
        D(2026, 11, 20),
        "send_thank_you",
    ),
    (
        "thank_referrer (the move + 30 days)",
        referred(card("rejected", moved("rejected", D(2026, 11, 10)), ev("acknowledged", D(2026, 11, 10)),
                      ev("feedback_requested", D(2026, 11, 13)))),
        DEFAULT,
        "thank_referrer",
        D(2026, 12, 10),
        "wait",
    ),  # fmt: skip
    # Each lapse is a setting.
    (
        "thank_you_lapse_days=2",
        card("interviewed", moved("interviewed", D(2026, 11, 12)), ev("interview", D(2026, 11, 12))),
        EtiquetteSettings(thank_you_lapse_days=2),
        "send_thank_you",
        D(2026, 11, 14),
        "check_in_after_interview",
    ),
    (
        "acknowledge_lapse_days=7",
        card("rejected", moved("rejected", D(2026, 11, 10))),
        EtiquetteSettings(acknowledge_lapse_days=7),
        "acknowledge_rejection",
        D(2026, 11, 17),
        "request_feedback",
    ),
    (
        "feedback_lapse_days=10",
        card("rejected", moved("rejected", D(2026, 11, 10)), ev("acknowledged", D(2026, 11, 10))),
        EtiquetteSettings(feedback_lapse_days=10),
        "request_feedback",
        D(2026, 11, 20),
        "wait",
    ),
    (
        "silent_after_business_days=10 moves the follow-up's lapse",
        card("applied"),
        EtiquetteSettings(silent_after_business_days=10),
        "follow_up",
        D(2026, 11, 18),
        "move_to_silent",
    ),
]


@pytest.mark.parametrize(
    ("application", "settings", "rule", "lapses", "then"),
    [case[1:] for case in LAPSE_CASES],
    ids=[case[0] for case in LAPSE_CASES],
)
def test_each_step_shows_until_its_lapse_date_and_not_from_it(application, settings, rule, lapses, then):
    assert next_step(application, lapses.subtract(days=1), settings).rule == rule
    assert next_step(application, lapses, settings).rule == then
    assert next_step(application, lapses.add(days=1), settings).rule == then


def test_every_lapse_is_a_setting_in_config_toml():
    table = {"thank_you_lapse_days": 2, "acknowledge_lapse_days": 7, "feedback_lapse_days": 10}
    assert EtiquetteSettings.from_mapping(table) == EtiquetteSettings(**table)
    with pytest.raises(ValueError, match="etiquette.feedback_lapse_days must be a whole number of days"):
        EtiquetteSettings.from_mapping({"feedback_lapse_days": "a month"})


def test_a_card_never_followed_up_shows_silence_not_a_follow_up_overdue_by_months():
    app = card("applied", applied=D(2026, 11, 2))  # a Monday
    assert next_step(app, D(2026, 11, 9)).rule == "follow_up"
    assert next_step(app, D(2026, 11, 22)).rule == "follow_up"  # until three weeks after applying
    late = next_step(app, D(2027, 2, 15))
    assert (late.rule, late.due, late.state) == ("move_to_silent", D(2026, 11, 23), "ready")


def test_a_card_in_interviewed_without_an_interview_event_gets_no_thank_you():
    app = card("interviewed", moved("interviewed", D(2026, 11, 9)))
    step = next_step(app, D(2026, 11, 10))
    assert (step.rule, step.due) == ("check_in_after_interview", D(2026, 11, 16))


# --- three job seekers, week by week --------------------------------------------------------


def replay(status: str, logged: list[tuple[pendulum.Date, Event]], today: pendulum.Date) -> Application:
    """The card as the board holds it on ``today``: the events logged by then (an interview
    may be logged ahead of its date), and the column of the latest move logged."""
    events = [event for on, event in logged if on <= today]
    for event in events:
        if event.kind == "status":
            status = event.status
    return card(status, *events[1:], applied=events[0].date)


def fridays(start: pendulum.Date, weeks: int = 13) -> list[pendulum.Date]:
    return [start.add(weeks=n) for n in range(weeks)]


NOV, DEC, JAN = (lambda d: D(2026, 11, d)), (lambda d: D(2026, 12, d)), (lambda d: D(2027, 1, d))
WEEKS = fridays(NOV(6))  # Fri 6 Nov 2026 .. Fri 29 Jan 2027


def logged_on_its_date(*events: Event) -> list[tuple[pendulum.Date, Event]]:
    return [(event.date, event) for event in events]


# Never answered: follows up, tries another channel, moves the card to Silent a week after
# being told to, and writes the keep-in-touch note a week late.
NEVER_ANSWERED = logged_on_its_date(
    ev("applied", NOV(2)),
    ev("follow_up", NOV(9)),
    ev("follow_up", NOV(16)),
    moved("silent", NOV(30)),
    ev("follow_up", JAN(4)),
)
NEVER_ANSWERED_WEEKS = [
    ("follow_up", NOV(9), "upcoming"),
    ("follow_up_other_channel", NOV(16), "upcoming"),
    ("move_to_silent", NOV(23), "upcoming"),  # two unanswered follow-ups: last + 5 business days
    ("move_to_silent", NOV(23), "overdue"),
    ("keep_in_touch", DEC(28), "upcoming"),  # Silent + 20 business days
    ("keep_in_touch", DEC(28), "upcoming"),
    ("keep_in_touch", DEC(28), "upcoming"),
    ("keep_in_touch", DEC(28), "upcoming"),
    ("keep_in_touch", DEC(28), "overdue"),
    ("wait", None, "upcoming"),
    ("wait", None, "upcoming"),
    ("wait", None, "upcoming"),
    ("wait", None, "upcoming"),
]

# Interviewed twice, then silence: thanks them after the first interview, forgets after the
# second (the thank-you lapses), checks in once, never hears back, moves to Silent.
TWICE_THEN_SILENT = [
    (NOV(2), ev("applied", NOV(2))),
    (NOV(5), ev("heard_back", NOV(5))),
    (NOV(5), ev("interview", NOV(11))),  # scheduled ahead
    (NOV(11), moved("interviewed", NOV(11))),
    (NOV(12), ev("thank_you", NOV(12))),
    (NOV(18), ev("heard_back", NOV(18))),
    (NOV(18), ev("interview", NOV(25))),
    (DEC(7), ev("follow_up", DEC(7))),
    (JAN(4), moved("silent", JAN(4))),
]
TWICE_THEN_SILENT_WEEKS = [
    ("prepare_interview", NOV(10), "upcoming"),
    ("check_in_after_interview", NOV(18), "upcoming"),
    ("prepare_interview", NOV(24), "upcoming"),
    ("send_thank_you", NOV(26), "overdue"),
    ("check_in_after_interview", DEC(2), "overdue"),  # the thank-you lapsed on 30 Nov
    ("check_in_after_interview", DEC(14), "upcoming"),  # a second check-in after the first
    ("check_in_after_interview", DEC(14), "overdue"),
    ("check_in_after_interview", DEC(14), "overdue"),
    ("move_to_silent", DEC(28), "overdue"),  # the second check-in lapsed on 28 Dec
    ("keep_in_touch", D(2027, 2, 1), "upcoming"),
    ("keep_in_touch", D(2027, 2, 1), "upcoming"),
    ("keep_in_touch", D(2027, 2, 1), "upcoming"),
    ("keep_in_touch", D(2027, 2, 1), "upcoming"),
]

# Rejected, acknowledged, feedback received: the courtesies in order, then keeping in touch.
REJECTED_WITH_FEEDBACK = logged_on_its_date(
    ev("applied", NOV(2)),
    moved("rejected", NOV(17)),
    ev("acknowledged", NOV(18)),
    ev("feedback_requested", NOV(23)),
    ev("feedback_received", DEC(3)),
    ev("follow_up", DEC(7)),
)
REJECTED_WITH_FEEDBACK_WEEKS = [
    ("follow_up", NOV(9), "upcoming"),
    ("follow_up", NOV(9), "overdue"),
    ("request_feedback", NOV(20), "due"),  # rejection + 3 days, acknowledged already
    ("wait", None, "upcoming"),
    ("keep_in_touch", DEC(3), "overdue"),
    *[("wait", None, "upcoming")] * 8,
]


@pytest.mark.parametrize(
    ("logged", "weeks"),
    [
        (NEVER_ANSWERED, NEVER_ANSWERED_WEEKS),
        (TWICE_THEN_SILENT, TWICE_THEN_SILENT_WEEKS),
        (REJECTED_WITH_FEEDBACK, REJECTED_WITH_FEEDBACK_WEEKS),
    ],
    ids=["applied and never answered", "interviewed twice then silent", "rejected, acknowledged, feedback"],
)
@pytest.mark.parametrize("week", range(13))
def test_persona_week_by_week(logged, weeks, week):
    today = WEEKS[week]
    step = next_step(replay("applied", logged, today), today)
    rule, due, state = weeks[week]
    if rule in ("move_to_silent", "keep_in_touch") and state != "upcoming":
        state = "ready"  # housekeeping is ready from its due date, never overdue (docs/rules.md)
    assert (step.rule, step.due, step.state) == (rule, due, state), f"on {today}"
