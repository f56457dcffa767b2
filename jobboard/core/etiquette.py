"""The next-step advisor: what to do about each application, and when.

Pure rules over an application's status and dated event log (see docs/rules.md); every answer
depends only on the application, ``today`` and the settings. The rules themselves (tier, done
event, principles, words, recipient, table order) are one table in ``core/rules.py``; the checks
of when each applies are ``_candidates`` below. Each application gets, among the rules that
apply and have not lapsed: if any is due, overdue or ready, the one of the highest tier, then
the earliest due date, then the table's order; else the earliest upcoming one. Housekeeping
(move_to_silent, keep_in_touch) is "ready" from its due date, never "overdue".

Choices the spec leaves open:

- ``offer`` without a known deadline waits (the decision is the candidate's); with one,
  ``respond_to_offer`` is due a setting's days before it and no longer applies after it.
  ``prepare_interview`` still shows for an interview ahead, as it does in every column.
- ``withdrawn``: ``tell_them_you_withdrew`` is due on the move and no longer applies 14 days
  later (the courtesy is late by then); afterwards the card waits.
- ``request_feedback`` also stops once ``feedback_received`` is logged (no need to ask).
- ``keep_in_touch`` counts as done once a ``follow_up`` is logged after the move to Silent (or
  after the feedback), and is not repeated.
- ``send_thank_you`` cites ``("common practice", "P7")``: the note is not from the articles.
  It needs a logged ``interview`` (docs/rules.md: without one we don't know whom or when to
  thank); a card put in Interviewed without one checks in from the move instead.
- Lapses (the ``*_lapse_days`` settings): from its lapse date a step no longer applies. The
  follow-ups and the check-in lapse the day ``move_to_silent`` falls due for want of contact
  (last contact + ``silent_after_business_days``), even while an interview ahead keeps
  ``move_to_silent`` itself away.
- A snooze: the latest-dated ``snooze`` event after today hides the step until its date; the
  step comes back as ``upcoming`` due on that date, with ``snoozed_until`` set.
- ``wait`` only happens where time alone changes nothing (wishlist after talking to the
  team, offer, Silent or Rejected with everything done), so its ``check_on`` is None unless
  a snooze is running, in which case it is the snooze's end.

What the TUI's "f" (done) key should do for each step is :func:`done_event`'s job.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

import pendulum

from jobboard.core import drafts, rules
from jobboard.core.counted import counted
from jobboard.core.dates import (
    add_business_days,
    add_days,
    business_days_between,
    days_between,
    on_business_day,
    public_holidays,
    short_date,
)
from jobboard.core.last_contact import last_contact
from jobboard.core.model import Application, Event
from jobboard.core.rules import DONE_EVENT, MOVE_TO, RULE_ORDER, RULE_PRINCIPLES, STEP_TITLES, step_order
from jobboard.core.timeline import is_ahead

__all__ = ["DONE_EVENT", "MOVE_TO", "RULE_ORDER", "RULE_PRINCIPLES"]  # the table's views, re-exported

PRINCIPLES = drafts.PRINCIPLES  # re-exported: the UI reads it from here

ACTIVE_STATUSES: tuple[str, ...] = ("applied", "interviewed")
_OUTCOME_STATUSES: tuple[str, ...] = ("rejected", "offer")


class EtiquetteSettings(NamedTuple):
    """The numbers behind the rules ([etiquette] in config.toml) and the name that signs
    the drafts ([profile] name). Like the other records here a NamedTuple, not a frozen
    dataclass: making a dataclass costs every start of jobboard about a millisecond and a
    half (it writes and compiles its methods), a NamedTuple a tenth of that."""

    follow_up_business_days: int = 5
    other_channel_business_days: int = 5
    silent_after_business_days: int = 15
    prepare_days_before: int = 1
    thank_you_days: int = 1
    check_in_business_days: int = 5
    feedback_after_days: int = 3
    keep_in_touch_business_days: int = 20
    offer_answer_days_before: int = 2  # respond_to_offer: due this many business days before the deadline
    offer_answer_business_days: int = 5  # respond_to_offer without a deadline: the offer + this many
    offer_lapse_days: int = 14  # respond_to_offer: shown until this many days after the deadline
    # Lapses (docs/rules.md, "When a step lapses"): from that many days after its fact a step no
    # longer applies. follow_up, follow_up_other_channel and check_in_after_interview lapse the
    # day move_to_silent falls due, so silent_after_business_days sets their lapse too.
    thank_you_lapse_days: int = 5
    acknowledge_lapse_days: int = 14
    feedback_lapse_days: int = 30
    withdrawal_lapse_days: int = 14
    offer_thanks_lapse_days: int = 3  # thank_for_offer: shown until this many days after the offer
    referrer_business_days: int = 2  # thank_referrer: due this many business days after the move
    referrer_lapse_days: int = 30  # thank_referrer: shown until this many days after the move
    apply_before_closing_business_days: int = 3  # a Wishlist card's posting: apply this long before it closes
    keep_going_min_active: int = 3
    keep_going_rejections: int = 3
    holidays: str = ""  # a country code ("DE", "US-CA"): its public holidays are not business days
    your_name: str = ""

    @classmethod
    def from_mapping(
        cls, etiquette: Mapping[str, Any] | None, profile: Mapping[str, Any] | None = None
    ) -> EtiquetteSettings:
        """Settings from the [etiquette] and [profile] tables; missing keys keep defaults.

        Raises ValueError with one sentence naming the key for an unknown key, a value that
        is not a whole number of 0 or more, or a profile name that is not text.
        """
        numeric = [name for name in cls._fields if name not in ("your_name", "holidays")]
        if etiquette is None:
            etiquette = {}
        if not isinstance(etiquette, Mapping):
            raise ValueError("the [etiquette] section must be a table of settings")
        values: dict[str, Any] = {}
        for key, value in etiquette.items():
            if key == "holidays":
                values[key] = _holidays_setting(value)
                continue
            if key not in numeric:
                import difflib  # only to word this error

                close = difflib.get_close_matches(str(key), numeric, n=1)
                hint = f" (did you mean {close[0]}?)" if close else ""
                raise ValueError(f"unknown setting etiquette.{key}{hint}; known: {', '.join([*numeric, 'holidays'])}")
            # bool is an int in Python, but `true` is never a number of days.
            low, high = setting_range(key)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                unit = "whole number" if key.startswith("keep_going") else "whole number of days"
                raise ValueError(f"etiquette.{key} must be a {unit} from {low} to {high}, not {value!r}")
            values[key] = value
        name = (profile or {}).get("name", "")
        if not isinstance(name, str):
            raise ValueError(f"profile.name must be text in quotes, not {name!r}")
        return cls(**values, your_name=name.strip())


def _holidays_setting(value: Any) -> str:
    """etiquette.holidays as given: a short country code the holidays library knows, or ""."""
    if not isinstance(value, str) or len(value) > 12:
        raise ValueError(f'etiquette.holidays must be a country code in quotes such as "DE" or "US-CA", not {value!r}')
    public_holidays(value)  # ValueError in one sentence for a code no calendar is known for
    return value.strip()


def setting_range(key: str) -> tuple[int, int]:
    """The values an [etiquette] number may take: up to a year of days (260 business days,
    365 calendar days), and up to 1,000 applications for the keep-going counts. Beyond that
    no advice makes sense, and dates would run past what a calendar can hold."""
    if key.startswith("keep_going"):
        return 0, 1000
    return (0, 260) if key.endswith("business_days") else (0, 365)


class NextStep(NamedTuple):
    """The one thing to do next about an application."""

    rule: str
    title: str
    due: pendulum.Date | None
    state: str  # "upcoming" | "due" | "overdue" | "ready" (housekeeping from its due date)
    why: str
    principles: tuple[str, ...]
    draft: str | None
    check_on: pendulum.Date | None = None
    snoozed_until: pendulum.Date | None = None


# --- facts read from the log -------------------------------------------------------------

# Events are ordered by (date, position in the log) so same-day events keep the order
# they were logged in.
_Key = tuple[pendulum.Date, int]


class _Facts(NamedTuple):  # a NamedTuple: built once per card, and a frozen dataclass is slower
    applied: _Key
    anchor: _Key  # latest of applied, heard_back and the latest past interview
    anchor_kind: str
    follow_ups: tuple[_Key, ...]  # follow-ups since the anchor, i.e. unanswered
    last_contact: pendulum.Date  # core/last_contact.py: the one definition
    past_interview: _Key | None
    next_interview: Event | None  # the next interview ahead


class _Log:
    """An application's events grouped by kind, each group sorted by (date, position); built
    once per application so the rules below never re-scan or re-sort the whole log."""

    __slots__ = ("app", "by_kind")

    def __init__(self, app: Application, today: pendulum.Date | None = None) -> None:
        self.app = app
        by_kind: dict[str, list[tuple[_Key, Event]]] = {}
        for index, event in enumerate(app.events):
            if today is not None and event.date > today and event.kind not in _DATED_AHEAD:
                continue  # as of today it has not happened yet (docs/rules.md, "As of a date")
            by_kind.setdefault(event.kind, []).append(((event.date, index), event))
        for keyed in by_kind.values():
            if len(keyed) > 1:
                keyed.sort()  # by the (date, position) keys alone: no two are equal
        self.by_kind = by_kind

    def keyed(self, *kinds: str) -> list[tuple[_Key, Event]]:
        """The events of these kinds, oldest first (do not change the list)."""
        if len(kinds) == 1:
            return self.by_kind.get(kinds[0], _NONE)
        return sorted(pair for kind in kinds for pair in self.by_kind.get(kind, ()))  # keys are unique

    def has(self, *kinds: str) -> bool:
        return any(kind in self.by_kind for kind in kinds)

    def dates(self, kind: str) -> list[pendulum.Date]:
        return [key[0] for key, _ in self.by_kind.get(kind, ())]


_NONE: list[tuple[_Key, Event]] = []
# Events read even when dated after the day asked about: interviews and snoozes are booked
# ahead on purpose, and a move stays with the column the card is in (its status is now).
_DATED_AHEAD: frozenset[str] = frozenset({"interview", "snooze", "status", "applied"})


def _latest(log: _Log, *kinds: str) -> _Key | None:
    keyed = log.keyed(*kinds)
    return keyed[-1][0] if keyed else None


def _moved_to(log: _Log, status: str) -> _Key:
    """When the card last moved to ``status``; falls back to the last move of any kind, then
    the application date, for logs that lack the move (e.g. imported cards)."""
    moves = log.keyed("status")
    for key, event in reversed(moves):
        if event.status == status:
            return key
    return moves[-1][0] if moves else _applied_key(log)


def _last_move_to(app: Application, status: str) -> _Key:
    """``_moved_to(_Log(app), status)`` in one pass over the log, for board-wide notes that look
    at every card on each keystroke."""
    match = latest_move = latest_applied = None
    for index, event in enumerate(app.events):
        kind = event.kind
        # Later in the log wins a tie on the date, as in the (date, position) keys.
        if kind == "status":
            if latest_move is None or event.date >= latest_move[0]:
                latest_move = (event.date, index)
            if event.status == status and (match is None or event.date >= match[0]):
                match = (event.date, index)
        elif kind == "applied" and (latest_applied is None or event.date >= latest_applied[0]):
            latest_applied = (event.date, index)
    return match or latest_move or latest_applied or (app.applied_on, -1)


def _applied_key(log: _Log) -> _Key:
    return _latest(log, "applied") or (log.app.applied_on, -1)


def _next_interview(log: _Log, today: pendulum.Date, at: str | None) -> Event | None:
    """The next interview ahead, by day then time (today's, when one is still to come at ``at``)."""
    ahead = [event for _, event in log.keyed("interview") if is_ahead(event, today, at)]
    return min(ahead, key=lambda event: (event.date, event.time or "")) if ahead else None


def _facts(log: _Log, today: pendulum.Date, at: str | None) -> _Facts:
    interviews = log.keyed("interview")
    past_interview: _Key | None = None
    next_interview: Event | None = None
    if interviews:
        past = [key for key, event in interviews if not is_ahead(event, today, at)]
        past_interview = past[-1] if past else None
        next_interview = _next_interview(log, today, at)
    else:
        # No interview logged: the move to Interviewed stands in for it (the latest one).
        for key, event in log.keyed("status"):
            if event.status == "interviewed" and key[0] <= today:
                past_interview = key
    applied = _applied_key(log)
    candidates = [(applied, "applied")]
    heard = _latest(log, "heard_back")
    if heard:
        candidates.append((heard, "heard_back"))
    if past_interview:
        candidates.append((past_interview, "interview"))
    anchor, anchor_kind = max(candidates)
    follow_ups = tuple(key for key, _ in log.keyed("follow_up") if key > anchor)
    return _Facts(
        applied=applied,
        anchor=anchor,
        anchor_kind=anchor_kind,
        follow_ups=follow_ups,
        last_contact=last_contact(log.app, today, at),
        past_interview=past_interview,
        next_interview=next_interview,
    )


def _state(rule: str, due: pendulum.Date, today: pendulum.Date) -> str:
    """upcoming before the due date; from it, housekeeping is "ready" (never overdue: it never
    nags), any other step "due" on the day and "overdue" after it."""
    if today < due:
        return "upcoming"
    if rules.is_housekeeping(rule):
        return "ready"
    return "due" if today == due else "overdue"


def _none_after(log: _Log, kinds: tuple[str, ...], after: _Key) -> bool:
    return all(key <= after for kind in kinds for key, _ in log.by_kind.get(kind, ()))


# --- the rules -----------------------------------------------------------------------------


class _Candidate(NamedTuple):
    rule: str
    due: pendulum.Date
    fact: pendulum.Date | None = None  # the date the "why" and the draft refer to
    variant: str = ""
    count: int = 0
    lapses: pendulum.Date | None = None  # from this day the step no longer applies
    time: str = ""  # the time of day the "why" refers to, when it has one (an interview's)


def _candidates(
    log: _Log, today: pendulum.Date, s: EtiquetteSettings, offers: tuple[OpenOffer, ...] = (), at: str | None = None
) -> list[_Candidate]:
    app = log.app
    status = app.status
    found: list[_Candidate] = []
    if status in ACTIVE_STATUSES:
        f = _facts(log, today, at)
        booked = f.next_interview
        # The day move_to_silent falls due for want of contact: the nudges lapse then.
        quiet_due = add_business_days(f.last_contact, s.silent_after_business_days, s.holidays)
    else:
        # Other columns only need the next interview (for prepare_interview); skipping the
        # rest of the facts matters on a board of thousands of closed applications.
        booked = _next_interview(log, today, at) if "interview" in log.by_kind else None

    if status == "wishlist" and not log.has("contacted_team"):
        found.append(_Candidate("talk_to_team", today))
    if status == "wishlist" and (closes := app.apply_by) is not None:
        due = add_business_days(closes, -s.apply_before_closing_business_days, s.holidays)
        found.append(_Candidate("apply_before_closing", due, closes, lapses=add_days(closes, 1)))

    if status == "applied" and not f.follow_ups and booked is None:
        since = f.anchor[0]
        due = add_business_days(since, s.follow_up_business_days, s.holidays)
        found.append(_Candidate("follow_up", due, since, f.anchor_kind, lapses=quiet_due))

    if status == "applied" and len(f.follow_ups) == 1 and booked is None:
        sent = f.follow_ups[0][0]
        due = add_business_days(sent, s.other_channel_business_days, s.holidays)
        found.append(_Candidate("follow_up_other_channel", due, sent, lapses=quiet_due))

    if status in ACTIVE_STATUSES and booked is None:
        options = [_Candidate("move_to_silent", quiet_due, f.last_contact, "quiet")]
        if len(f.follow_ups) >= 2:
            # The spec's "last follow-up + 5 business days" is the other-channel wait.
            last = f.follow_ups[-1][0]
            due = add_business_days(last, s.other_channel_business_days, s.holidays)
            options.append(_Candidate("move_to_silent", due, last, "follow_ups", len(f.follow_ups)))
        found.append(min(options, key=_due))

    if booked is not None and not app.closed:
        # A rejected, withdrawn or archived card's interview is not coming up (docs/rules.md).
        due = on_business_day(add_days(booked.date, -s.prepare_days_before), s.holidays, before=True)
        # An interview later today: the day itself (it lapses at the interview's start).
        due = today if booked.date == today else due
        variant = "timed" if booked.time else ""
        found.append(_Candidate("prepare_interview", due, booked.date, variant, time=booked.time or ""))

    if status == "interviewed" and f.past_interview is not None:
        met = f.past_interview[0]
        # A thank-you needs a real interview: without one we don't know whom or when to thank.
        real = "interview" in log.by_kind
        if real and not any(date >= met for date in log.dates("thank_you")):
            lapses = add_days(met, s.thank_you_lapse_days)
            due = on_business_day(add_days(met, s.thank_you_days), s.holidays)
            found.append(_Candidate("send_thank_you", due, met, lapses=lapses))
        if booked is None and len(f.follow_ups) < 2:
            found.append(_check_in(f, s, quiet_due))

    if status == "rejected":
        rejected_on = _moved_to(log, "rejected")[0]
        if not log.has("acknowledged"):
            lapses = add_days(rejected_on, s.acknowledge_lapse_days)
            found.append(_Candidate("acknowledge_rejection", rejected_on, rejected_on, lapses=lapses))
        # Feedback that arrived unasked needs no asking.
        if not log.has("feedback_requested", "feedback_received"):
            due = on_business_day(add_days(rejected_on, s.feedback_after_days), s.holidays)
            lapses = add_days(rejected_on, s.feedback_lapse_days)
            found.append(_Candidate("request_feedback", due, rejected_on, lapses=lapses))
        feedback = _latest(log, "feedback_received")
        if feedback and _none_after(log, ("follow_up",), feedback):
            found.append(_Candidate("keep_in_touch", feedback[0], feedback[0], "feedback"))

    if status == "silent":
        moved = _moved_to(log, "silent")
        if _none_after(log, ("follow_up",), moved):
            due = add_business_days(moved[0], s.keep_in_touch_business_days, s.holidays)
            found.append(_Candidate("keep_in_touch", due, moved[0], "silent"))
    if status == "offer":
        found.extend(_offer_candidates(log, today, s))
    if status == "withdrawn":
        found.extend(_withdrawal_candidates(log, s))
    if status in _REFERRER_NEWS:
        found.extend(_referrer_candidates(log, today, s))
    if status == "interviewed" and offers:
        found.extend(_tell_others_candidates(log, offers, s))
    # A step that has lapsed no longer applies (prepare_interview lapses on the interview day,
    # which the rule already says: it applies only to interviews ahead).
    return [c for c in found if c.lapses is None or today < c.lapses]


def _check_in(f: _Facts, s: EtiquetteSettings, quiet_due: pendulum.Date) -> _Candidate:
    """check_in_after_interview: counted from the latest of the interview, their reply after it
    and your check-in since, so a friendly reply or a first unanswered check-in brings another
    check-in before the card is ready for Silent (two unanswered ones make it ready)."""
    since, variant = f.anchor, f.anchor_kind  # the interview, or their reply after it
    if f.follow_ups:
        since, variant = f.follow_ups[-1], "follow_up"
    due = add_business_days(since[0], s.check_in_business_days, s.holidays)
    return _Candidate("check_in_after_interview", due, since[0], variant, lapses=quiet_due)


def _due(candidate: _Candidate) -> pendulum.Date:
    return candidate.due


def _choose(found: list[_Candidate], today: pendulum.Date) -> _Candidate:
    """The one step to show (docs/rules.md): among those due, overdue or ready, the highest
    tier, then the earliest due date, then the table's order; else the earliest upcoming."""
    if len(found) == 1:
        return found[0]
    now = [c for c in found if c.due <= today]
    if now:
        return min(now, key=lambda c: (rules.tier_rank(c.rule), c.due, rules.table_rank(c.rule)))
    return min(found, key=lambda c: (c.due, rules.table_rank(c.rule)))


class OpenOffer(NamedTuple):
    """An offer on the table with a deadline, as the other cards see it (board-level rules)."""

    app_id: str
    offered_on: pendulum.Date
    deadline: pendulum.Date


def open_offers(applications: Iterable[Application], today: pendulum.Date) -> tuple[OpenOffer, ...]:
    """The offers with a deadline not yet answered nor past, as of ``today``: what
    ``tell_others_about_offer`` reads (docs/rules.md, "Offers"). Archived cards hold none."""
    found = []
    for app in applications:
        if app.status != "offer" or app.archived or app.deadline is None or app.deadline < today:
            continue
        log = _Log(app, today)
        offered = _offered(log)
        if not _answered_since(log, offered):
            found.append(OpenOffer(app.id, offered[0], app.deadline))
    return tuple(found)


def _offered(log: _Log) -> _Key:
    """When the offer on the table came: the latest ``offer`` event, else the move to Offer."""
    return _latest(log, "offer") or _moved_to(log, "offer")


def _answered_since(log: _Log, offered: _Key) -> Event | None:
    """The answer given to the offer of ``offered``, when there is one."""
    answers = [event for key, event in log.keyed("offer_answered") if key > offered]
    return answers[-1] if answers else None


def answer_outcome(application: Application, today: pendulum.Date) -> str | None:
    """How the latest offer on the card was answered as of ``today``: "accepted", "declined",
    "countered", "answered" (an answer logged without an outcome), None when not answered."""
    log = _Log(application, today)
    answered = _answered_since(log, _offered(log))
    if answered is None:
        return None
    return answered.outcome or "answered"


def _offer_candidates(log: _Log, today: pendulum.Date, s: EtiquetteSettings) -> list[_Candidate]:
    """thank_for_offer and respond_to_offer (docs/rules.md, "Offers").

    The thanks: due the day the latest ``offer`` event came, gone ``offer_thanks_lapse_days``
    later, or once thanked or answered, or when the answer falls due (its draft thanks them).
    The answer, until given for the latest offer: with a deadline, due
    ``offer_answer_days_before`` business days before it, from the deadline day on due on the
    deadline itself (so its lateness counts from the day they asked for, the day the title says
    "today"), shown up to ``offer_lapse_days`` after it; without one, due the offer's day +
    ``offer_answer_business_days`` business days, never lapsing."""
    app = log.app
    offered = _offered(log)
    if _answered_since(log, offered):
        return []
    deadline = app.deadline
    if deadline is not None:
        answer_due = min(add_business_days(deadline, -s.offer_answer_days_before, s.holidays), deadline)
        lapses = add_days(deadline, s.offer_lapse_days + 1)
        answer = _Candidate("respond_to_offer", deadline if today >= deadline else answer_due, deadline, lapses=lapses)
    else:
        answer_due = add_business_days(offered[0], s.offer_answer_business_days, s.holidays)
        answer = _Candidate("respond_to_offer", answer_due, None, "no_deadline")
    found = [answer]
    offer_event = _latest(log, "offer")
    if offer_event is not None and _none_after(log, ("offer_acknowledged",), offer_event):
        # Once the answer falls due its draft thanks them too: the thanks alone is gone then.
        on = offer_event[0]
        lapses = min(add_days(on, s.offer_thanks_lapse_days), answer_due)
        variant = "" if deadline is not None else "no_deadline"
        found.append(_Candidate("thank_for_offer", on, on, variant, lapses=lapses))
    return found


def _withdrawal_candidates(log: _Log, s: EtiquetteSettings) -> list[_Candidate]:
    """tell_them_you_withdrew: due on the move, lapsing ``withdrawal_lapse_days`` after it."""
    if log.has("withdrawal_sent"):
        return []
    moved = _moved_to(log, "withdrawn")[0]
    return [_Candidate("tell_them_you_withdrew", moved, moved, lapses=add_days(moved, s.withdrawal_lapse_days))]


# The columns where a referrer wants to hear how it went.
_REFERRER_NEWS: tuple[str, ...] = ("offer", "rejected", "withdrawn")


def _referrer_candidates(log: _Log, today: pendulum.Date, s: EtiquetteSettings) -> list[_Candidate]:
    """thank_referrer: someone referred you and the card reached an outcome; due
    ``referrer_business_days`` after the move there, until told (``referrer_updated`` since the
    move) or ``referrer_lapse_days`` after it. On an accepted offer the news is the acceptance."""
    app = log.app
    if not any(person.role == "referrer" for person in app.people):
        return []
    moved = _moved_to(log, app.status)
    if not _none_after(log, ("referrer_updated",), moved):
        return []
    variant = app.status
    if app.status == "offer" and answer_outcome(app, today) == "accepted":
        variant = "accepted"
    due = add_business_days(moved[0], s.referrer_business_days, s.holidays)
    return [_Candidate("thank_referrer", due, moved[0], variant, lapses=add_days(moved[0], s.referrer_lapse_days))]


def _tell_others_candidates(log: _Log, offers: tuple[OpenOffer, ...], s: EtiquetteSettings) -> list[_Candidate]:
    """tell_others_about_offer on an Interviewed card while another card has an open offer with
    a deadline: due the business day after that offer, gone on its deadline or once a follow-up
    is logged here since the offer. The draft names neither the other company nor the amount."""
    app = log.app
    others = [offer for offer in offers if offer.app_id != app.id]
    if not others or app.archived:
        return []
    first = min(others, key=lambda offer: (offer.deadline, offer.offered_on))
    if any(date >= first.offered_on for date in log.dates("follow_up")):
        return []
    due = add_business_days(first.offered_on, 1, s.holidays)
    return [_Candidate("tell_others_about_offer", due, first.deadline, lapses=first.deadline)]


def _offer_words(application: Application, best: _Candidate, today: pendulum.Date) -> tuple[str, str]:
    """The title and the variant of the offer step: said plainly on and after the deadline."""
    company = application.company
    deadline = best.fact
    if deadline is not None and today == deadline:
        return f"Answer {company}'s offer today", "today"
    if deadline is not None and today > deadline:
        return f"{company}'s deadline has passed: answer now", "passed"
    title = STEP_TITLES["respond_to_offer"].format(company=company)
    if deadline is not None:  # the day they asked for, so "overdue" never hides it
        title = f"{title} by {short_date(deadline, today)}"
    return title, best.variant


def next_step(
    application: Application,
    today: pendulum.Date,
    settings: EtiquetteSettings = EtiquetteSettings(),  # noqa: B008 - frozen, safe to share
    words: bool = True,
    offers: tuple[OpenOffer, ...] = (),
    at: str | None = None,
) -> NextStep:
    """The single next step for ``application`` as seen on ``today``.

    ``offers`` are the board's open offers (:func:`open_offers`), for the board-level
    ``tell_others_about_offer``; callers that look at one card alone leave it empty.
    ``at`` is the time of day ("HH:MM") when the advice is for now: an interview later today
    is then still ahead (None: the whole day, today's interviews counted as held).

    Chosen as :func:`_choose` says (tier first among steps already due, docs/rules.md). An
    active snooze turns the step into an upcoming one due when the snooze ends.
    ``words=False`` leaves out the reason and the draft (``why`` is "" and ``draft`` None):
    the same rule, title, due date and state, for callers that go through a whole board
    and show only those (the board's markers, the markdown table).
    """
    log = _Log(application, today)
    found = _candidates(log, today, settings, offers, at)
    if not found:
        variant = application.status
        if variant == "offer":
            outcome = answer_outcome(application, today)
            variant = f"offer_{outcome}" if outcome else variant
        why = drafts.why_text("wait", variant, None, today) if words else ""
        title = STEP_TITLES["wait"].format(company=application.company)
        step = NextStep("wait", title, None, "upcoming", why, (), None)
        return _apply_snooze(step, log, today)
    recorded = recorded_on(application)
    if recorded <= today:
        # A step that fell due before the card came onto this board is due the day it came
        # (the next business day when that was a weekend or a holiday).
        first_day = on_business_day(recorded, settings.holidays)
        found = [c._replace(due=first_day) if c.due < recorded else c for c in found]
    best = _choose(found, today)
    title = STEP_TITLES[best.rule].format(company=application.company)
    if best.rule == "respond_to_offer":
        title, variant = _offer_words(application, best, today)
        best = best._replace(variant=variant)
    step = NextStep(
        rule=best.rule,
        title=title,
        due=best.due,
        state=_state(best.rule, best.due, today),
        why=drafts.why_text(best.rule, best.variant, best.fact, today, best.count, best.time) if words else "",
        principles=RULE_PRINCIPLES[best.rule],
        draft=(
            drafts.draft_for(best.rule, application, best.fact, best.variant, settings.your_name, today)
            if words
            else None
        ),
    )
    return _apply_snooze(step, log, today)


def recorded_on(application: Application) -> pendulum.Date:
    """The day the card was recorded on this board: its ``created`` stamp, on the user's
    calendar (docs/rules.md, "The day it was recorded")."""
    local = application.created.astimezone()
    return pendulum.Date(local.year, local.month, local.day)


def _apply_snooze(step: NextStep, log: _Log, today: pendulum.Date) -> NextStep:
    if "snooze" not in log.by_kind:
        return step  # the common case, checked first: every card of a large board comes here
    ends = [date for date in log.dates("snooze") if date > today]
    if not ends:
        return step
    until = max(ends)
    if step.due is None:
        # A snoozed wait: the snooze's end is the next time to look.
        return step._replace(snoozed_until=until, check_on=until)
    if step.due >= until:
        # Snoozed past already: the step's own date comes later anyway.
        return step
    return step._replace(due=until, state="upcoming", snoozed_until=until)


def done_event(
    application: Application, step: NextStep, today: pendulum.Date, at: str | None = None
) -> Event | None:
    """The event the TUI's "f" (done) key should log for ``step``, dated ``today``.

    A ``status`` event (move_to_silent) means: move the card with
    ``application.moved_to(event.status, today)`` rather than appending the event.
    prepare_interview gets a ``snooze`` until the interview day, which hides the reminder
    (from the interview's start the step is gone anyway); for an interview later today, until
    tomorrow. wait: None.
    """
    if step.rule in MOVE_TO:
        return Event("status", today, status=MOVE_TO[step.rule])
    if step.rule == "prepare_interview":
        booked = _next_interview(_Log(application), today, at)
        if booked is None:
            return None
        until = add_days(today, 1) if booked.date == today else booked.date
        return Event("snooze", until, note="ready for the interview")
    kind = DONE_EVENT.get(step.rule)
    return Event(kind, today) if kind else None


def when_text(step: NextStep, today: pendulum.Date, holidays: str = "") -> str:
    """When the step falls, for a panel or a list: "due today", "overdue by 3 days",
    "tomorrow", "in 2 business days" (less the ``[etiquette] holidays``), "snoozed until
    Mon 30 Nov", or for wait "next check Mon 30 Nov" / "nothing scheduled"."""
    if step.rule == "wait" or step.due is None:
        if step.check_on is None:
            return "nothing scheduled"
        return f"next check {short_date(step.check_on, today)}"
    if step.state == "ready":
        return "ready"
    if step.snoozed_until is not None and step.due == step.snoozed_until and step.due > today:
        return f"snoozed until {short_date(step.snoozed_until, today)}"
    days = days_between(today, step.due)
    if days == 0:
        return "due today"
    if days < 0:
        return f"overdue by {counted(-days, 'day')}"
    if days == 1:
        return "tomorrow"
    working = business_days_between(today, step.due, holidays)
    if on_business_day(step.due, holidays) == step.due and working > 1:
        return f"in {working} business days"
    return f"in {days} days"


def agenda(
    applications: Iterable[Application],
    today: pendulum.Date,
    settings: EtiquetteSettings = EtiquetteSettings(),  # noqa: B008 - frozen, safe to share
    include_upcoming: bool = False,
    step_for: Callable[[Application], NextStep] | None = None,
    at: str | None = None,
) -> list[tuple[Application, NextStep]]:
    """Each application's next step that is due, overdue or ready (plus upcoming and wait ones
    with ``include_upcoming``) in the one order of :func:`rules.step_order`: due and overdue by
    tier then due date, upcoming by due date, ready housekeeping, waits; ties by company.
    ``step_for`` supplies steps already worked out (the board keeps them), instead of
    working each one out here. ``at``: the time of day, as for :func:`next_step`."""
    entries = []
    applications = list(applications)
    offers = open_offers(applications, today) if step_for is None else ()
    for app in applications:
        step = step_for(app) if step_for else next_step(app, today, settings, offers=offers, at=at)
        if step.state == "upcoming" and not include_upcoming:
            continue
        entries.append((app, step))
    return sorted(entries, key=lambda pair: _agenda_key(*pair))


def _agenda_key(app: Application, step: NextStep) -> tuple:
    return (
        step_order(step.rule, step.state, step.due.toordinal() if step.due else None),
        app.company.casefold(),
        app.role.casefold(),
        app.id,
    )


def keep_going_note(
    applications: Iterable[Application],
    today: pendulum.Date,
    settings: EtiquetteSettings = EtiquetteSettings(),  # noqa: B008 - frozen, safe to share
) -> str | None:
    """A board-level nudge (P11, P8) when fewer than ``keep_going_min_active`` applications
    are active or the last ``keep_going_rejections`` outcomes (rejected or offer, by the date
    of the move, up to today) were all rejections; None otherwise. 0 turns a trigger off.
    ``applications`` is the whole board: archived cards count neither way."""
    tally = KeepGoingTally(today)
    for app in applications:
        tally.put(app)
    return tally.note(settings)


class KeepGoingTally:
    """What keep_going_note reads from a board, kept one application at a time: the board
    shows the note on every keystroke, and re-reading 10,000 cards each time would not do."""

    def __init__(self, today: pendulum.Date) -> None:
        self.today = today
        self._active: set[str] = set()
        self._outcomes: dict[str, tuple[_Key, str]] = {}  # id -> (when it moved there, status)

    def put(self, app: Application) -> None:
        """Count ``app`` as it now stands (replacing what was counted for its id). An archived
        card counts neither way: it is put away, neither in play nor a recent answer."""
        self.remove(app.id)
        if app.archived:
            return
        if app.status in ACTIVE_STATUSES:
            self._active.add(app.id)
        elif app.status in _OUTCOME_STATUSES:
            moved = _last_move_to(app, app.status)
            if moved[0] <= self.today:
                self._outcomes[app.id] = (moved, app.status)

    def remove(self, app_id: str) -> None:
        self._active.discard(app_id)
        self._outcomes.pop(app_id, None)

    def note(self, settings: EtiquetteSettings = EtiquetteSettings()) -> str | None:  # noqa: B008
        streak = settings.keep_going_rejections
        recent = [status for _, status in heapq.nlargest(streak, self._outcomes.values())] if streak else []
        rejected_streak = streak > 0 and len(recent) == streak and set(recent) == {"rejected"}
        active = len(self._active)
        few = active < settings.keep_going_min_active
        if not (few or rejected_streak):
            return None
        return drafts.keep_going_text(active if few else None, streak if rejected_streak else None)


# The columns of a process still open, which accepting an offer elsewhere closes.
_STILL_OPEN: tuple[str, ...] = ("wishlist", "applied", "interviewed", "offer")


def accepted_offer_note(applications: Iterable[Application], today: pendulum.Date) -> str | None:
    """The board note after an offer is accepted (docs/rules.md, "Offers"): the other
    applications still open, and how to withdraw from each (the move to Withdrawn brings the
    step that tells them). None when no offer was accepted or nothing else is open.
    Archived cards count neither way."""
    cards = [app for app in applications if not app.archived]
    accepted = [app for app in cards if app.status == "offer" and answer_outcome(app, today) == "accepted"]
    if not accepted:
        return None
    taken = {app.id for app in accepted}
    still_open = [app for app in cards if app.status in _STILL_OPEN and app.id not in taken]
    if not still_open:
        return None
    return drafts.accepted_offer_text(accepted[0].company, [(app.id, app.company, app.status) for app in still_open])
