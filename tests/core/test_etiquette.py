"""The next-step rules of docs/rules.md, their timings, snoozes, drafts and the agenda.

All dates are fixed (November 2026: the 2nd is a Monday), so nothing depends on the real today.
"""

import dataclasses

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobboard.core import etiquette
from jobboard.core.drafts import DRAFTED_RULES, split_draft
from jobboard.core.etiquette import (
    DONE_EVENT,
    MOVE_TO,
    PRINCIPLES,
    RULE_ORDER,
    RULE_PRINCIPLES,
    EtiquetteSettings,
    KeepGoingTally,
    NextStep,
    agenda,
    done_event,
    keep_going_note,
    next_step,
    when_text,
)
from jobboard.core.model import Application, Event
from jobboard.core.people import Person, first_contact

D = pendulum.date
NOV = {day: D(2026, 11, day) for day in range(1, 31)}
DEFAULT = EtiquetteSettings()


def ev(kind: str, date: pendulum.Date, status: str | None = None) -> Event:
    return Event(kind, date, status=status)


def card(
    status: str = "applied",
    *events: Event,
    applied: pendulum.Date = NOV[4],
    company: str = "Acme",
    role: str = "Backend Engineer",
    contact: str = "",
    app_id: str = "a1",
) -> Application:
    """An application with its `applied` event, a `status` event when it is not applied
    (dated like the first event given, unless one is given explicitly), and ``events``."""
    log = [Event("applied", applied), *events]
    return Application(
        id=app_id,
        company=company,
        role=role,
        status=status,
        applied_on=applied,
        people=first_contact(contact, ""),
        events=log,
        created=pendulum.datetime(applied.year, applied.month, applied.day, 9),  # recorded on applying
    )


def moved(status: str, date: pendulum.Date) -> Event:
    return Event("status", date, status=status)


# --- every rule, the day before, on and after its due date ----------------------------------


def with_fields(application: Application, **fields) -> Application:
    """``application`` with some fields set (an offer's deadline, the people)."""
    for name, value in fields.items():
        setattr(application, name, value)
    return application


REFERRED = [Person("Lee Park", "referrer"), Person("Maria Gomez", "hiring_manager")]

# (name, application, settings, rule, due)
RULE_CASES = [
    (
        "respond_to_offer two business days before a Friday deadline",
        with_fields(
            card("offer", moved("offer", NOV[10]), ev("offer", NOV[10]), ev("offer_acknowledged", NOV[10])),
            offer_deadline="2026-11-20",
        ),
        DEFAULT,
        "respond_to_offer",
        NOV[18],
    ),
    (
        "tell_them_you_withdrew",
        card("withdrawn", moved("withdrawn", NOV[10])),
        DEFAULT,
        "tell_them_you_withdrew",
        NOV[10],
    ),
    (
        "thank_referrer two business days after the rejection",
        with_fields(card("rejected", moved("rejected", NOV[10]), ev("acknowledged", NOV[10])), people=list(REFERRED)),
        DEFAULT,
        "thank_referrer",
        NOV[12],
    ),
    ("follow_up", card("applied"), DEFAULT, "follow_up", NOV[11]),
    (
        "follow_up after a Friday application crosses the weekend",
        card("applied", applied=NOV[6]),
        DEFAULT,
        "follow_up",
        NOV[13],
    ),
    (
        "follow_up_other_channel",
        card("applied", ev("follow_up", NOV[10])),
        DEFAULT,
        "follow_up_other_channel",
        NOV[17],
    ),
    (
        "move_to_silent after two unanswered follow-ups",
        card("applied", ev("follow_up", NOV[9]), ev("follow_up", NOV[16])),
        DEFAULT,
        "move_to_silent",
        NOV[23],
    ),
    (
        "move_to_silent after 15 quiet business days",
        card(
            "interviewed",
            moved("interviewed", NOV[3]),
            ev("interview", NOV[3]),
            ev("thank_you", NOV[4]),
            ev("heard_back", NOV[5]),
        ),
        DEFAULT,
        "move_to_silent",
        NOV[26],
    ),
    (
        "prepare_interview (three days before)",
        card("applied", ev("heard_back", NOV[16]), ev("interview", NOV[20])),
        EtiquetteSettings(prepare_days_before=3),
        "prepare_interview",
        NOV[17],
    ),
    (
        "send_thank_you",
        card("interviewed", moved("interviewed", NOV[12]), ev("interview", NOV[12])),
        DEFAULT,
        "send_thank_you",
        NOV[13],
    ),
    (
        "without an interview event, check_in counts from the move to Interviewed (no thank-you)",
        card("interviewed", moved("interviewed", NOV[9])),
        DEFAULT,
        "check_in_after_interview",
        NOV[16],
    ),
    (
        "check_in_after_interview",
        card(
            "interviewed",
            moved("interviewed", NOV[12]),
            ev("interview", NOV[12]),
            ev("thank_you", NOV[12]),
        ),
        DEFAULT,
        "check_in_after_interview",
        NOV[19],
    ),
    (
        "acknowledge_rejection",
        card("rejected", moved("rejected", NOV[10])),
        DEFAULT,
        "acknowledge_rejection",
        NOV[10],
    ),
    (
        "request_feedback",
        card("rejected", moved("rejected", NOV[10]), ev("acknowledged", NOV[10])),
        DEFAULT,
        "request_feedback",
        NOV[13],
    ),
    (
        "keep_in_touch after Silent",
        card("silent", moved("silent", NOV[2]), applied=D(2026, 10, 1)),
        DEFAULT,
        "keep_in_touch",
        NOV[30],
    ),
    (
        "keep_in_touch after feedback",
        card(
            "rejected",
            moved("rejected", NOV[10]),
            ev("acknowledged", NOV[10]),
            ev("feedback_requested", NOV[13]),
            ev("feedback_received", NOV[18]),
        ),
        DEFAULT,
        "keep_in_touch",
        NOV[18],
    ),
]


@pytest.mark.parametrize(("offset", "state"), [(-1, "upcoming"), (0, "due"), (1, "overdue")], ids=str)
@pytest.mark.parametrize(
    ("application", "settings", "rule", "due"),
    [case[1:] for case in RULE_CASES],
    ids=[case[0] for case in RULE_CASES],
)
def test_rule_states_around_due_date(application, settings, rule, due, offset, state):
    today = due.add(days=offset)
    step = next_step(application, today, settings)
    if rule == "keep_in_touch" and application.status == "rejected" and offset < 0:
        # Its fact (the feedback) is dated on the due day: the day before, it has not happened.
        assert step.rule != "keep_in_touch"
        return
    if rule == "move_to_silent" and application.status == "interviewed" and offset < 0:
        # Their reply after the interview brought a check-in, which lapses the day the card is
        # ready for Silent: until then it is the step.
        assert (step.rule, step.state) == ("check_in_after_interview", "overdue")
        return
    if rule in ("move_to_silent", "keep_in_touch") and state != "upcoming":
        state = "ready"  # housekeeping never nags (docs/rules.md)
    assert (step.rule, step.due, step.state) == (rule, due, state)
    assert step.principles == RULE_PRINCIPLES[rule]
    assert step.snoozed_until is None
    assert step.title and step.why
    assert (step.draft is not None) == (rule in DRAFTED_RULES)


@pytest.mark.parametrize("today", [NOV[2], NOV[13], D(2027, 1, 4)])
def test_talk_to_team_is_due_every_day_until_done(today):
    wish = card("wishlist", moved("wishlist", NOV[1]), applied=NOV[1])
    step = next_step(wish, today)
    assert (step.rule, step.due, step.state) == ("talk_to_team", today, "due")
    assert step.principles == ("P6", "P7")
    done = wish.with_event(ev("contacted_team", NOV[2]))
    assert next_step(done, today).rule == "wait"


def test_prepare_interview_default_timing_and_the_interview_day():
    app = card("interviewed", moved("interviewed", NOV[10]), ev("interview", NOV[20]), applied=NOV[2])
    assert next_step(app, NOV[18]).rule == "prepare_interview"
    assert next_step(app, NOV[18]).due == NOV[19]
    assert next_step(app, NOV[18]).state == "upcoming"
    assert next_step(app, NOV[19]).state == "due"
    # On the day itself the interview counts as past: the thank-you comes next.
    on_the_day = next_step(app, NOV[20])
    assert (on_the_day.rule, on_the_day.due, on_the_day.state) == (
        "send_thank_you",
        NOV[23],  # a Friday interview: the day after is a Saturday, so the note falls on Monday
        "upcoming",
    )


# --- the log: clocks, answers, fallbacks -----------------------------------------------------


def test_heard_back_resets_the_follow_up_clock():
    app = card("applied", ev("heard_back", NOV[9]))
    step = next_step(app, NOV[12])
    assert (step.rule, step.due) == ("follow_up", NOV[16])


def test_heard_back_after_a_follow_up_answers_it():
    app = card("applied", ev("follow_up", NOV[11]), ev("heard_back", NOV[12]))
    step = next_step(app, NOV[13])
    assert (step.rule, step.due) == ("follow_up", NOV[19])


def test_only_unanswered_follow_ups_count():
    app = card("applied", ev("follow_up", NOV[9]), ev("heard_back", NOV[10]), ev("follow_up", NOV[16]))
    step = next_step(app, NOV[17])
    assert (step.rule, step.due) == ("follow_up_other_channel", NOV[23])


def test_same_day_reply_logged_after_the_follow_up_answers_it():
    app = card("applied", ev("follow_up", NOV[11]), ev("heard_back", NOV[11]))
    assert next_step(app, NOV[12]).rule == "follow_up"
    app = card("applied", ev("heard_back", NOV[11]), ev("follow_up", NOV[11]))
    assert next_step(app, NOV[12]).rule == "follow_up_other_channel"


def test_a_second_check_in_follows_an_unanswered_one():
    app = card(
        "interviewed",
        moved("interviewed", NOV[5]),
        ev("interview", NOV[5]),
        ev("thank_you", NOV[5]),
        ev("follow_up", NOV[12]),
    )
    step = next_step(app, NOV[13])
    # In Interviewed the check-in is counted again from the first one (docs/rules.md): the
    # other-channel step is for applications no one has answered.
    assert (step.rule, step.due) == ("check_in_after_interview", NOV[19])
    assert "You checked in on Thu 12 Nov" in step.why and "since I last wrote on 12 November" in step.draft


def test_no_move_to_silent_while_an_interview_is_ahead():
    app = card("applied", ev("follow_up", NOV[9]), ev("follow_up", NOV[16]), ev("interview", NOV[30]))
    step = next_step(app, NOV[25])
    assert (step.rule, step.due) == ("prepare_interview", NOV[27])  # a Monday interview: prepare on the Friday


def test_future_interview_does_not_count_as_the_latest_past_one():
    app = card(
        "interviewed",
        moved("interviewed", NOV[6]),
        ev("interview", NOV[6]),
        ev("thank_you", NOV[6]),
        ev("heard_back", NOV[9]),
        ev("interview", NOV[30]),
    )
    step = next_step(app, NOV[16])
    assert (step.rule, step.due) == ("prepare_interview", NOV[27])


def test_move_to_interviewed_is_not_used_when_interviews_are_logged():
    # Only a future interview is logged: no latest past interview, so no thank-you yet.
    app = card("interviewed", moved("interviewed", NOV[6]), ev("interview", NOV[30]))
    assert next_step(app, NOV[10]).rule == "prepare_interview"


def test_thank_you_on_the_interview_day_counts():
    app = card(
        "interviewed",
        moved("interviewed", NOV[12]),
        ev("interview", NOV[12]),
        ev("thank_you", NOV[12]),
    )
    assert next_step(app, NOV[13]).rule == "check_in_after_interview"


def test_thank_you_for_an_earlier_interview_does_not_count():
    app = card(
        "interviewed",
        moved("interviewed", NOV[5]),
        ev("interview", NOV[5]),
        ev("thank_you", NOV[6]),
        ev("interview", NOV[12]),
    )
    step = next_step(app, NOV[13])
    assert (step.rule, step.due) == ("send_thank_you", NOV[13])


def test_their_reply_after_an_interview_brings_a_check_in_later():
    app = card(
        "interviewed",
        moved("interviewed", NOV[12]),
        ev("interview", NOV[12]),
        ev("thank_you", NOV[12]),
        ev("heard_back", NOV[16]),
    )
    step = next_step(app, NOV[17])
    # The check-in counts from the reply; the 15-business-day silence too, later.
    assert (step.rule, step.due) == ("check_in_after_interview", NOV[23])
    assert "They last wrote on Mon 16 Nov" in step.why and "since your note of 16 November" in step.draft
    assert next_step(app, D(2026, 12, 7)).rule == "move_to_silent"


def test_rejection_date_falls_back_to_the_applied_date():
    app = card("rejected", applied=NOV[9])
    step = next_step(app, NOV[9])
    assert (step.rule, step.due, step.state) == ("acknowledge_rejection", NOV[9], "due")


def test_rejection_date_falls_back_to_the_last_status_move():
    app = card("rejected", moved("interviewed", NOV[10]), applied=NOV[2])
    assert next_step(app, NOV[12]).due == NOV[10]


def test_request_feedback_skipped_when_feedback_arrived_unasked():
    app = card(
        "rejected",
        moved("rejected", NOV[10]),
        ev("acknowledged", NOV[10]),
        ev("feedback_received", NOV[11]),
    )
    step = next_step(app, NOV[12])
    assert (step.rule, step.due) == ("keep_in_touch", NOV[11])


@pytest.mark.parametrize(
    "application",
    [
        card("silent", moved("silent", NOV[2]), ev("follow_up", NOV[30])),
        card(
            "rejected",
            moved("rejected", NOV[10]),
            ev("acknowledged", NOV[10]),
            ev("feedback_requested", NOV[13]),
            ev("feedback_received", NOV[18]),
            ev("follow_up", NOV[19]),
        ),
        card(
            "rejected",
            moved("rejected", NOV[10]),
            ev("acknowledged", NOV[10]),
            ev("feedback_requested", NOV[13]),
        ),
        card("offer", moved("offer", NOV[20]), ev("offer_answered", NOV[20])),  # answered: nothing left
        card("wishlist", ev("contacted_team", NOV[5])),
    ],
    ids=[
        "silent, kept in touch",
        "rejected, all done",
        "waiting for feedback",
        "offer",
        "wishlist",
    ],
)
def test_wait_when_nothing_applies(application):
    step = next_step(application, NOV[30])
    assert step.rule == "wait"
    assert (step.due, step.state, step.principles, step.draft) == (None, "upcoming", (), None)
    assert step.check_on is None
    assert when_text(step, NOV[30]) == "nothing scheduled"


def test_offer_still_gets_interview_preparation():
    app = card("offer", moved("offer", NOV[10]), ev("offer_answered", NOV[11]), ev("interview", NOV[20]))
    assert next_step(app, NOV[12]).rule == "prepare_interview"


# --- tie-breaks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("application", "settings", "winner", "due"),
    [
        # thank-you and check-in both due Mon 9 Nov: the thank-you comes first in the table.
        (
            card("interviewed", moved("interviewed", NOV[6]), ev("interview", NOV[6])),
            EtiquetteSettings(thank_you_days=3, check_in_business_days=1),
            "send_thank_you",
            NOV[9],
        ),
        # acknowledge and request feedback both due the day of the rejection.
        (
            card("rejected", moved("rejected", NOV[10])),
            EtiquetteSettings(feedback_after_days=0),
            "acknowledge_rejection",
            NOV[10],
        ),
    ],
    ids=[
        "thank_you before check_in",
        "acknowledge before feedback",
    ],
)
def test_ties_go_to_the_earlier_rule_in_the_table(application, settings, winner, due):
    step = next_step(application, due, settings)
    assert (step.rule, step.due) == (winner, due)


def test_earliest_due_wins_over_table_order():
    # Follow-up pushed beyond the silence window: moving to Silent comes first.
    step = next_step(card("applied"), NOV[5], EtiquetteSettings(follow_up_business_days=20))
    assert (step.rule, step.due) == ("move_to_silent", NOV[25])


def test_acknowledgement_comes_before_asking_for_feedback_until_it_lapses():
    app = card("rejected", moved("rejected", NOV[10]))
    # While both are overdue, the acknowledgement is asked for first; from rejection + 14 days
    # it has lapsed and asking for feedback is what is left.
    assert next_step(app, NOV[23]).rule == "acknowledge_rejection"
    assert next_step(app, NOV[24]).rule == "request_feedback"


@pytest.mark.parametrize(
    ("application", "settings", "rule"),
    [
        (card("applied"), EtiquetteSettings(follow_up_business_days=15), "follow_up"),
        (
            card("applied", ev("follow_up", NOV[10])),
            EtiquetteSettings(other_channel_business_days=15),
            "follow_up_other_channel",
        ),
    ],
    ids=["follow_up", "follow_up_other_channel"],
)
def test_a_nudge_due_the_day_silence_falls_due_has_already_lapsed(application, settings, rule):
    due = next_step(application, NOV[10], settings).due  # as of a day every event has happened
    assert next_step(application, due.subtract(days=1), settings).rule == rule
    assert next_step(application, due, settings).rule == "move_to_silent"


# --- snoozes ---------------------------------------------------------------------------------


FOLLOW_UP_DUE_11 = card("applied")  # follow_up due Wed 11 Nov


def test_active_snooze_hides_the_step_until_its_date():
    app = FOLLOW_UP_DUE_11.with_event(ev("snooze", NOV[16]))
    step = next_step(app, NOV[12])
    assert (step.rule, step.due, step.state, step.snoozed_until) == (
        "follow_up",
        NOV[16],
        "upcoming",
        NOV[16],
    )
    assert when_text(step, NOV[12]) == "snoozed until Mon 16 Nov"
    assert step.draft is not None


def test_snooze_ends_on_its_date():
    app = FOLLOW_UP_DUE_11.with_event(ev("snooze", NOV[16]))
    step = next_step(app, NOV[16])
    assert (step.due, step.state, step.snoozed_until) == (NOV[11], "overdue", None)


def test_expired_snooze_has_no_effect():
    app = FOLLOW_UP_DUE_11.with_event(ev("snooze", NOV[10]))
    step = next_step(app, NOV[12])
    assert (step.due, step.state, step.snoozed_until) == (NOV[11], "overdue", None)


def test_snooze_shorter_than_the_wait_changes_nothing():
    app = FOLLOW_UP_DUE_11.with_event(ev("snooze", NOV[6]))
    step = next_step(app, NOV[5])
    assert (step.due, step.state, step.snoozed_until) == (NOV[11], "upcoming", None)


def test_latest_dated_snooze_wins():
    app = FOLLOW_UP_DUE_11.with_event(ev("snooze", NOV[20])).with_event(ev("snooze", NOV[16]))
    assert next_step(app, NOV[12]).due == NOV[20]


def test_snoozed_wait_gets_a_next_check():
    app = card("offer", moved("offer", NOV[10]), ev("offer_answered", NOV[10]), ev("snooze", NOV[30]))
    step = next_step(app, NOV[12])
    assert (step.rule, step.check_on, step.snoozed_until) == ("wait", NOV[30], NOV[30])
    assert when_text(step, NOV[12]) == "next check Mon 30 Nov"


# --- every setting moves its timing ----------------------------------------------------------

SETTING_CASES = [
    ("follow_up_business_days", 2, card("applied"), "follow_up", NOV[6]),
    (
        "other_channel_business_days",
        1,
        card("applied", ev("follow_up", NOV[10])),
        "follow_up_other_channel",
        NOV[11],
    ),
    (
        "other_channel_business_days",
        10,
        card("applied", ev("follow_up", NOV[9]), ev("follow_up", NOV[16])),
        "move_to_silent",
        NOV[30],
    ),
    (
        "silent_after_business_days",
        3,
        card(
            "interviewed",
            moved("interviewed", NOV[3]),
            ev("interview", NOV[3]),
            ev("thank_you", NOV[4]),
            ev("heard_back", NOV[5]),
        ),
        "move_to_silent",
        NOV[10],
    ),
    (
        "prepare_days_before",
        7,
        card("applied", ev("heard_back", NOV[16]), ev("interview", NOV[20])),
        "prepare_interview",
        NOV[13],
    ),
    (
        "thank_you_days",
        0,
        card("interviewed", moved("interviewed", NOV[12]), ev("interview", NOV[12])),
        "send_thank_you",
        NOV[12],
    ),
    (
        "check_in_business_days",
        2,
        card(
            "interviewed",
            moved("interviewed", NOV[12]),
            ev("interview", NOV[12]),
            ev("thank_you", NOV[12]),
        ),
        "check_in_after_interview",
        NOV[16],
    ),
    (
        "feedback_after_days",
        10,
        card("rejected", moved("rejected", NOV[10]), ev("acknowledged", NOV[10])),
        "request_feedback",
        NOV[20],
    ),
    (
        "keep_in_touch_business_days",
        5,
        card("silent", moved("silent", NOV[2])),
        "keep_in_touch",
        NOV[9],
    ),
]


@pytest.mark.parametrize(
    ("setting", "value", "application", "rule", "due"),
    SETTING_CASES,
    ids=[f"{case[0]}={case[1]}" for case in SETTING_CASES],
)
def test_each_setting_changes_its_timing(setting, value, application, rule, due):
    settings = EtiquetteSettings(**{setting: value})
    step = next_step(application, due, settings)
    state = "ready" if rule in ("move_to_silent", "keep_in_touch") else "due"  # housekeeping never nags
    assert (step.rule, step.due, step.state) == (rule, due, state)
    assert next_step(application, due).due != due  # the default gives another date


# --- settings from config.toml ---------------------------------------------------------------


def test_from_mapping_reads_values_and_the_profile_name():
    settings = EtiquetteSettings.from_mapping(
        {"follow_up_business_days": 7, "keep_going_min_active": 0}, {"name": " Sam Lee "}
    )
    assert settings == EtiquetteSettings(follow_up_business_days=7, keep_going_min_active=0, your_name="Sam Lee")
    assert EtiquetteSettings.from_mapping({}) == EtiquetteSettings()
    assert EtiquetteSettings.from_mapping(None, None) == EtiquetteSettings()


@pytest.mark.parametrize(
    ("etiquette_table", "profile", "message"),
    [
        (
            {"follow_up_business_days": "five"},
            None,
            "etiquette.follow_up_business_days must be a whole number of days from 0 to 260, not 'five'",
        ),
        (
            {"thank_you_days": -1},
            None,
            "etiquette.thank_you_days must be a whole number of days from 0 to 365, not -1",
        ),
        (
            {"feedback_after_days": 2.5},
            None,
            "etiquette.feedback_after_days must be a whole number of days from 0 to 365, not 2.5",
        ),
        (
            {"prepare_days_before": True},
            None,
            "etiquette.prepare_days_before must be a whole number of days from 0 to 365, not True",
        ),
        (
            {"keep_going_rejections": "3"},
            None,
            "etiquette.keep_going_rejections must be a whole number from 0 to 1000, not '3'",
        ),
        (
            {"follow_up_business_days": 3_000_000},
            None,
            "etiquette.follow_up_business_days must be a whole number of days from 0 to 260, not 3000000",
        ),
        (
            {"keep_going_min_active": 10**30},
            None,
            f"etiquette.keep_going_min_active must be a whole number from 0 to 1000, not {10**30}",
        ),
        ({}, {"name": 42}, "profile.name must be text in quotes, not 42"),
    ],
)
def test_from_mapping_rejects_bad_values(etiquette_table, profile, message):
    with pytest.raises(ValueError) as error:
        EtiquetteSettings.from_mapping(etiquette_table, profile)
    assert str(error.value) == message


def test_from_mapping_names_an_unknown_key_and_lists_the_known_ones():
    with pytest.raises(ValueError) as error:
        EtiquetteSettings.from_mapping({"folow_up_days": 3})
    text = str(error.value)
    assert text.startswith("unknown setting etiquette.folow_up_days (did you mean ")
    assert "; known: follow_up_business_days, other_channel_business_days," in text
    assert "your_name" not in text
    assert text.count(".") == 1  # one sentence, no trailing period


def test_from_mapping_rejects_a_non_table():
    with pytest.raises(ValueError, match=r"\[etiquette\] section must be a table"):
        EtiquetteSettings.from_mapping(["follow_up_business_days"])


# --- drafts ----------------------------------------------------------------------------------

# (rule, application, today, the date the draft must name)
DRAFT_CASES = [
    ("follow_up", card("applied", applied=NOV[2]), NOV[9], "2 November"),
    ("follow_up_other_channel", card("applied", ev("follow_up", NOV[10])), NOV[17], "10 November"),
    (
        "send_thank_you",
        card("interviewed", moved("interviewed", NOV[12]), ev("interview", NOV[12])),
        NOV[13],
        "12 November",
    ),
    (
        "check_in_after_interview",
        card(
            "interviewed",
            moved("interviewed", NOV[12]),
            ev("interview", NOV[12]),
            ev("thank_you", NOV[12]),
        ),
        NOV[19],
        "12 November",
    ),
    ("acknowledge_rejection", card("rejected", moved("rejected", NOV[10])), NOV[10], "10 November"),
    (
        "request_feedback",
        card("rejected", moved("rejected", NOV[10]), ev("acknowledged", NOV[10])),
        NOV[13],
        "10 November",
    ),
    (
        "keep_in_touch",
        card(
            "rejected",
            moved("rejected", NOV[10]),
            ev("acknowledged", NOV[10]),
            ev("feedback_requested", NOV[13]),
            ev("feedback_received", NOV[18]),
        ),
        NOV[18],
        "18 November",
    ),
    (
        "keep_in_touch",
        card("silent", moved("silent", NOV[20]), applied=NOV[3]),
        D(2026, 12, 18),
        "3 November",
    ),
]


@pytest.mark.parametrize(("rule", "application", "today", "date_text"), DRAFT_CASES)
def test_drafts_name_company_role_contact_date_and_signer(rule, application, today, date_text):
    app = application.copy(company="Globex", role="Data Engineer", people=[Person("Dana Kim")])
    step = next_step(app, today, EtiquetteSettings(your_name="Sam Lee"))
    assert step.rule == rule
    draft = step.draft
    assert draft is not None
    assert "Globex" in draft and "Data Engineer" in draft and date_text in draft
    assert "Dana" in draft
    subject, draft = split_draft(draft)
    assert "Data Engineer" in subject and len(subject) < 70
    if rule != "follow_up_other_channel":
        assert draft.startswith("Hi Dana,\n\n")
    else:
        # This one goes to someone else, so it names Dana in the body instead.
        assert draft.startswith("Hello,\n\n") and "wrote to Dana Kim" in draft
    assert draft.endswith("\nSam Lee")
    greeting, body, closing = draft.split("\n\n")
    assert 2 <= body.count(". ") + 1 <= 4  # two to four short sentences
    assert len(body) < 400
    assert closing.endswith(",\nSam Lee")


@pytest.mark.parametrize(("rule", "application", "today", "date_text"), DRAFT_CASES)
def test_drafts_without_contact_or_name_use_a_neutral_greeting(rule, application, today, date_text):
    step = next_step(application, today)
    assert step.draft is not None
    assert step.draft.startswith("Subject: ") and split_draft(step.draft)[1].startswith("Hello,\n\n")
    assert step.draft.endswith(",\n[your name]")  # a visible placeholder, never a bare closing
    assert "Acme" in step.draft and "Backend Engineer" in step.draft


@pytest.mark.parametrize(
    ("contact", "hello"),
    [
        ("Anna Schmidt", "Hi Anna,"),
        ("Dr. Anna Schmidt", "Dear Dr. Schmidt,"),
        ("dr anna schmidt", "Dear Dr. schmidt,"),
        ("Prof. Li", "Dear Prof. Li,"),
        ("Ms. Dana Kim (recruiter)", "Dear Ms. Kim,"),
        ("Mx. Robin Park", "Dear Mx. Park,"),
        ("Dr.", "Hello,"),
        ("Anna Schmidt, Bo Li", "Hi Anna,"),
        ("hiring@acme.example", "Hello,"),
        ("", "Hello,"),
    ],
)
def test_greetings_use_names_as_people_write_them(contact, hello):
    from jobboard.core.drafts import greeting

    assert greeting(contact) == hello


def test_each_drafted_rule_has_its_own_wording():
    texts = {next_step(app, today).draft for _, app, today, _ in DRAFT_CASES}
    assert len(texts) == len(DRAFT_CASES)


def test_follow_up_draft_after_a_reply_mentions_the_reply():
    app = card("applied", ev("heard_back", NOV[9]), contact="Dana")
    draft = next_step(app, NOV[16]).draft
    assert draft is not None and "your reply on 9 November" in draft


def test_steps_that_are_not_messages_have_no_draft():
    silent = card("applied", ev("follow_up", NOV[9]), ev("follow_up", NOV[16]))
    assert next_step(silent, NOV[23]).draft is None
    interview = card("applied", ev("heard_back", NOV[16]), ev("interview", NOV[20]))
    assert next_step(interview, NOV[19]).rule == "prepare_interview"
    assert next_step(interview, NOV[19]).draft is None
    assert next_step(card("wishlist"), NOV[2]).draft is None


# --- agenda ----------------------------------------------------------------------------------


def test_agenda_orders_overdue_first_then_due_date_then_company():
    today = NOV[13]
    beta_overdue = card("applied", applied=NOV[4], company="Beta", app_id="b")  # due 11th
    alpha_due = card("applied", applied=NOV[6], company="alpha", app_id="a")  # due 13th
    zeta_overdue = card("applied", applied=NOV[2], company="Zeta", app_id="z")  # due 9th
    gamma_due = card("applied", applied=NOV[6], company="Gamma", app_id="g")  # due 13th
    later = card("applied", applied=NOV[10], company="Later", app_id="l")  # due 17th
    offer = card("offer", moved("offer", NOV[10]), ev("offer_answered", NOV[10]), company="Offer Co", app_id="o")
    snoozed = card("applied", ev("snooze", NOV[20]), applied=NOV[2], company="Snoozy", app_id="s")
    board = [later, gamma_due, offer, beta_overdue, snoozed, alpha_due, zeta_overdue]

    entries = agenda(board, today)
    assert [app.id for app, _ in entries] == ["z", "b", "a", "g"]
    assert [step.state for _, step in entries] == ["overdue", "overdue", "due", "due"]

    everything = agenda(board, today, include_upcoming=True)
    assert [app.id for app, _ in everything] == ["z", "b", "a", "g", "l", "s", "o"]
    assert everything[-1][1].rule == "wait"
    assert everything[-2][1].snoozed_until == NOV[20]


def test_agenda_gives_one_entry_per_application():
    app = card("rejected", moved("rejected", NOV[2]))  # acknowledge and feedback both overdue
    assert len(agenda([app], NOV[30])) == 1


def test_agenda_of_an_empty_board():
    assert agenda([], NOV[2]) == []


# --- keep going ------------------------------------------------------------------------------


def _active(n):
    return [card("applied", app_id=f"act{i}") for i in range(n)]


def _rejected(day, app_id):
    return card("rejected", moved("rejected", NOV[day]), app_id=app_id)


def test_keep_going_when_too_few_are_active():
    note = keep_going_note(_active(2), NOV[12])
    assert note is not None and note.startswith("Only 2 applications are in play.")
    assert keep_going_note([], NOV[12]).startswith("No applications are in play.")
    assert keep_going_note(_active(3), NOV[12]) is None


def test_keep_going_after_three_rejections_in_a_row():
    board = [*_active(5), _rejected(3, "r1"), _rejected(5, "r2"), _rejected(9, "r3")]
    note = keep_going_note(board, NOV[12])
    assert note is not None and "The last 3 answers were no." in note
    assert "in play" not in note


def test_keep_going_streak_broken_by_an_offer():
    offer = card("offer", moved("offer", NOV[6]), app_id="o")
    board = [*_active(5), _rejected(3, "r1"), offer, _rejected(9, "r2"), _rejected(10, "r3")]
    assert keep_going_note(board, NOV[12]) is None
    # An offer further back does not break the latest three.
    board.append(_rejected(11, "r4"))
    assert keep_going_note(board, NOV[12]) is not None


def test_keep_going_counts_archived_cards_neither_way():
    """ETIQUETTE v3: archived cards are put away, neither in play nor a recent answer."""
    put_away = [dataclasses.replace(card("applied", app_id=f"gone{i}"), archived=True) for i in range(4)]
    note = keep_going_note([*_active(2), *put_away], NOV[12])
    assert note is not None and note.startswith("Only 2 applications are in play.")
    # Three rejections in a row, the middle one archived: the latest three outcomes are not all no.
    offer = card("offer", moved("offer", NOV[6]), app_id="o")
    archived_no = dataclasses.replace(_rejected(8, "r2"), archived=True)
    board = [*_active(5), _rejected(3, "r0"), offer, _rejected(7, "r1"), archived_no, _rejected(9, "r3")]
    assert keep_going_note(board, NOV[12]) is None
    tally = KeepGoingTally(NOV[12])
    for app in _active(3):
        tally.put(app)
    assert tally.note() is None
    tally.put(dataclasses.replace(_active(3)[0], archived=True))  # the same card, archived since
    assert tally.note() is not None and tally.note().startswith("Only 2 applications")


def test_keep_going_ignores_outcomes_after_today():
    board = [*_active(5), _rejected(3, "r1"), _rejected(5, "r2"), _rejected(20, "r3")]
    assert keep_going_note(board, NOV[12]) is None


def test_keep_going_both_triggers_and_settings():
    board = [*_active(1), _rejected(3, "r1"), _rejected(5, "r2")]
    assert keep_going_note(board, NOV[12]) == (
        "Only 1 application is in play. Every new interview raises the odds of a good match, so line up a few more."
    )
    both = keep_going_note(board, NOV[12], EtiquetteSettings(keep_going_rejections=2))
    assert both is not None and "Only 1 application" in both and "The last 2 answers" in both
    quiet = EtiquetteSettings(keep_going_min_active=1, keep_going_rejections=0)
    assert keep_going_note(board, NOV[12], quiet) is None


# --- when_text and done --------------------------------------------------------------------


def _step(due, rule="follow_up"):
    return NextStep(rule, "t", due, "upcoming", "w", (), None)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (NOV[12], "due today"),
        (NOV[11], "overdue by 1 day"),
        (NOV[9], "overdue by 3 days"),
        (NOV[13], "tomorrow"),
        (NOV[16], "in 2 business days"),  # Thu -> Mon
        (NOV[19], "in 5 business days"),
        (NOV[14], "in 2 days"),  # a Saturday (calendar-day rules can land on one)
    ],
)
def test_when_text(due, expected):
    assert when_text(_step(due), NOV[12]) == expected


def test_when_text_for_wait():
    wait = _step(None, "wait")
    assert when_text(wait, NOV[12]) == "nothing scheduled"
    assert when_text(wait._replace(check_on=NOV[30]), NOV[12]) == "next check Mon 30 Nov"


@pytest.mark.parametrize(
    ("rule", "kind"),
    [
        ("talk_to_team", "contacted_team"),
        ("follow_up", "follow_up"),
        ("follow_up_other_channel", "follow_up"),
        ("send_thank_you", "thank_you"),
        ("check_in_after_interview", "follow_up"),
        ("acknowledge_rejection", "acknowledged"),
        ("request_feedback", "feedback_requested"),
        ("keep_in_touch", "follow_up"),
    ],
)
def test_done_event_logs_the_matching_kind(rule, kind):
    assert DONE_EVENT[rule] == kind
    assert done_event(card(), _step(NOV[2], rule), NOV[12]) == Event(kind, NOV[12])


def test_done_event_for_moves_prepare_and_wait():
    assert MOVE_TO == {"move_to_silent": "silent"}
    assert done_event(card(), _step(NOV[2], "move_to_silent"), NOV[12]) == Event("status", NOV[12], status="silent")
    app = card("applied", ev("interview", NOV[20]))
    snooze = done_event(app, _step(NOV[19], "prepare_interview"), NOV[12])
    assert snooze is not None and (snooze.kind, snooze.date) == ("snooze", NOV[20])
    # The snooze hides the reminder until the interview day.
    assert next_step(app.with_event(snooze), NOV[19]).snoozed_until == NOV[20]
    assert done_event(card(), _step(None, "wait"), NOV[12]) is None


@pytest.mark.parametrize(
    ("application", "settings", "rule", "due"),
    [case[1:] for case in RULE_CASES],
    ids=[c[0] for c in RULE_CASES],
)
def test_logging_the_done_event_moves_on_from_the_step(application, settings, rule, due):
    step = next_step(application, due, settings)
    event = done_event(application, step, due)
    assert event is not None
    after = application.moved_to(event.status, due) if event.kind == "status" else application.with_event(event)
    later = next_step(after, due, settings)
    assert (later.rule, later.due) != (step.rule, step.due) or later.snoozed_until


def test_principles_cover_every_rule_in_our_words():
    assert [f"P{n}" for n in range(1, 12)] == [key for key in PRINCIPLES if key.startswith("P")]
    for rule in RULE_ORDER:
        for principle in RULE_PRINCIPLES[rule]:
            assert principle in PRINCIPLES
    assert set(DONE_EVENT) == set(RULE_ORDER) == set(RULE_PRINCIPLES)
    assert etiquette.next_step is next_step


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "d", "e", "f"]),
            st.sampled_from(["applied", "interviewed", "silent", "rejected", "offer", None]),  # None: deleted
            st.integers(min_value=1, max_value=20),
        ),
        max_size=30,
    ),
    st.integers(min_value=0, max_value=4),
    st.integers(min_value=0, max_value=4),
)
def test_keep_going_tally_kept_change_by_change_matches_a_fresh_count(changes, min_active, streak):
    """The board keeps the tally up to date one change at a time; whatever the order of
    edits, moves and deletions, it must say what counting the final board afresh says."""
    rules = EtiquetteSettings(keep_going_min_active=min_active, keep_going_rejections=streak)
    tally, board = KeepGoingTally(NOV[12]), {}
    for app_id, status, day in changes:
        if status is None:
            board.pop(app_id, None)
            tally.remove(app_id)
            continue
        events = [moved(status, NOV[day])] if status != "applied" else []
        application = card(status, *events, app_id=app_id)
        board[app_id] = application
        tally.put(application)
    assert tally.note(rules) == keep_going_note(list(board.values()), NOV[12], rules)
