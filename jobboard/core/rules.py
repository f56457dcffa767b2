"""The etiquette rules as one table (docs/rules.md): one record per rule.

Each record holds what the rest of jobboard needs to know about a rule: its tier (what is at
stake), the facts it applies to, when it falls due and lapses (in words, as the panel and the
docs say them), the event that marks it done, the principles behind it, its titles, the
subject of its draft and whom the draft goes to. The checks themselves are worked out in one
function, ``etiquette._candidates``; everything else (the step choice, the agenda, ``next``,
the urgency sort, the "N need action" counts, the drafts and the addressing) reads its order
and its words from here, so a new rule is a new row plus its check.
"""

from __future__ import annotations

from typing import NamedTuple

# Tiers, highest stakes first: a due offer answer comes before a follow-up overdue by a week.
TIERS: tuple[str, ...] = ("offer", "interview", "reply", "nudge", "housekeeping", "none")

# Whom a rule's draft goes to (see core/addressing.py): "contact" the recruiter, then the
# hiring manager, an interviewer, someone else at the company; "other_channel" someone the
# last follow-up did not reach; "team" a coworker or the hiring manager; "met" the people met
# at the interview; "referrer" the person who referred you; "" no message.
RECIPIENTS: tuple[str, ...] = ("contact", "other_channel", "team", "met", "referrer", "")


class Rule(NamedTuple):
    """One etiquette rule. ``done_event`` is the event kind the board's "f" logs (None: the
    step is done some other way, ``move_to`` for a move); ``subject`` is None when the step
    comes with no draft."""

    id: str
    tier: str
    applies: str
    due: str
    lapse: str
    done_event: str | None
    principles: tuple[str, ...]
    title: str  # "{company}" is filled in
    card_title: str  # a word or three for a wide card ("" shows nothing)
    why: str  # what the step is for, in one line
    subject: str | None  # "{role}" and "{company}" are filled in
    recipient: str
    move_to: str | None = None


RULES: tuple[Rule, ...] = (
    Rule(
        "thank_for_offer", "offer", "in Offer, an offer logged, not thanked for or answered since",
        "the day the offer came", "the offer + 3 days, or an answer", "offer_acknowledged",
        ("P7", "P9"), "Thank {company} for the offer", "thank for the offer",
        "thank them; ask for it in writing, and for a deadline if none was given",
        "Thank you for the offer: {role}", "contact",
    ),
    Rule(
        "respond_to_offer", "offer", "in Offer, not answered since the latest offer",
        "offer_answer_days_before business days before the deadline (without one: the offer + "
        "offer_answer_business_days)", "the deadline + offer_lapse_days (without one: never)",
        "offer_answered", ("P7", "P9"), "Answer {company}'s offer", "answer the offer",
        "ask for what you need to decide, and answer in time",
        "Your offer for the {role} role", "contact",
    ),
    Rule(
        "tell_others_about_offer", "offer", "in Interviewed while another card has an open offer "
        "with a deadline, no follow-up since that offer", "the offer + 1 business day", "the offer's deadline",
        "follow_up", ("P7", "P9"), "Tell {company} you have an offer", "mention your offer",
        "say you have a deadline elsewhere and ask where you stand",
        "{role} application: a question about timing", "contact",
    ),
    Rule(
        "prepare_interview", "interview", "an interview ahead", "the day before the interview",
        "the interview day", None, ("P10",), "Prepare for the {company} interview", "prepare",
        "be on time, check your tools, promise only what you can deliver", None, "",
    ),
    Rule(
        "send_thank_you", "interview", "in Interviewed after a logged interview, no thank-you since",
        "the interview + 1 day", "the interview + 5 days", "thank_you", ("common practice", "P7"),
        "Send {company} a thank-you note", "send thanks", "a short thank-you to the people you met",
        "Thank you: {role} interview", "met",
    ),
    Rule(
        "acknowledge_rejection", "reply", "in Rejected, not acknowledged", "the day of the rejection",
        "the rejection + 14 days", "acknowledged", ("P4", "P7"), "Acknowledge {company}'s answer",
        "acknowledge", "thank them briefly and accept the decision",
        "Re: your decision on the {role} role", "contact",
    ),
    Rule(
        "tell_them_you_withdrew", "reply", "in Withdrawn, not told", "the day of the move",
        "the move + 14 days", "withdrawal_sent", ("P9", "P7"), "Tell {company} you've withdrawn",
        "tell them", "thank them, step back, keep the door open",
        "Withdrawing my application: {role}", "contact",
    ),
    Rule(
        "thank_referrer", "reply", "someone referred you, the card is in Offer, Rejected or Withdrawn, "
        "and they haven't heard from you since", "the move + 2 business days", "the move + 30 days",
        "referrer_updated", ("P9", "P7"), "Tell your referrer how {company} went", "thank your referrer",
        "let the person who referred you know how it went, and thank them",
        "Thank you for the referral to {company}", "referrer",
    ),
    Rule(
        "apply_before_closing", "nudge", "on the wishlist, the captured posting's apply-by date not passed",
        "apply_before_closing_business_days business days before the apply-by date", "the day after it",
        None, ("P6",), "Apply to {company} before the posting closes", "apply before it closes",
        "send the application while the posting is open; move the card to Applied once it is sent",
        None, "",
    ),
    Rule(
        "talk_to_team", "nudge", "on the wishlist, no one on the team reached", "today", "never",
        "contacted_team", ("P6", "P7"), "Talk to someone on the {company} team", "talk to the team",
        "reach a future coworker or the hiring manager before applying", None, "team",
    ),
    Rule(
        "follow_up", "nudge", "in Applied, no follow-up since applying or their last reply",
        "that date + 5 business days", "when move_to_silent falls due", "follow_up",
        ("P2", "P7", "P1"), "Follow up with {company}", "follow up",
        "a short follow-up to the recruiter", "Following up: {role} application", "contact",
    ),
    Rule(
        "follow_up_other_channel", "nudge", "exactly one unanswered follow-up",
        "that follow-up + 5 business days", "when move_to_silent falls due", "follow_up",
        ("P3", "P7"), "Try another contact at {company}", "try another contact",
        "reach someone else on the team or the company's page",
        "{role} application at {company}: who should I talk to?", "other_channel",
    ),
    Rule(
        "check_in_after_interview", "nudge", "in Interviewed, no word either way since the interview",
        "the interview + 5 business days", "when move_to_silent falls due", "follow_up",
        ("P2", "P8", "P7"), "Check in with {company}", "check in", "ask where things stand",
        "Checking in: {role} interview", "contact",
    ),
    Rule(
        "request_feedback", "nudge", "in Rejected, no feedback asked for or received",
        "the rejection + 3 days", "the rejection + 30 days", "feedback_requested",
        ("P4", "P5", "P7"), "Ask {company} for feedback", "ask for feedback",
        "ask what the role needed and what to improve",
        "A short question about the {role} role", "contact",
    ),
    Rule(
        "move_to_silent", "housekeeping", "in Applied or Interviewed, no interview ahead, gone quiet",
        "two unanswered follow-ups + 5 business days, or last contact + 15 business days", "never",
        None, ("P8", "P11"), "Move {company} to Silent", "move to Silent",
        "put the energy elsewhere; it's not you", None, "", move_to="silent",
    ),
    Rule(
        "keep_in_touch", "housekeeping", "in Silent, or rejected with feedback received",
        "the move to Silent + 20 business days, or the feedback day", "never", "follow_up",
        ("P9",), "Keep in touch with {company}", "keep in touch", "ask the recruiter to keep you in mind",
        "Staying in touch: {role} and future roles at {company}", "contact",
    ),
    Rule(
        "wait", "none", "nothing else applies", "", "", None, (), "Nothing to do for {company} now", "",
        "nothing to do now", None, "",
    ),
)

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

# The order of the table: the last tie-break between two steps of one tier and one due date.
RULE_ORDER: tuple[str, ...] = tuple(rule.id for rule in RULES)
_RANK: dict[str, int] = {rule_id: rank for rank, rule_id in enumerate(RULE_ORDER)}
_TIER_RANK: dict[str, int] = {tier: rank for rank, tier in enumerate(TIERS)}

# Derived views, read by the drafts, the addressing, the board and the tests.
STEP_TITLES: dict[str, str] = {rule.id: rule.title for rule in RULES}
CARD_TITLES: dict[str, str] = {rule.id: rule.card_title for rule in RULES if rule.card_title}
DONE_EVENT: dict[str, str | None] = {rule.id: rule.done_event for rule in RULES}
MOVE_TO: dict[str, str] = {rule.id: rule.move_to for rule in RULES if rule.move_to}
RULE_PRINCIPLES: dict[str, tuple[str, ...]] = {rule.id: rule.principles for rule in RULES}
SUBJECTS: dict[str, str] = {rule.id: rule.subject for rule in RULES if rule.subject}
DRAFTED_RULES: tuple[str, ...] = tuple(SUBJECTS)
WRITES: tuple[str, ...] = tuple(rule.id for rule in RULES if rule.recipient)
TO_THE_CONTACT: tuple[str, ...] = tuple(rule.id for rule in RULES if rule.recipient == "contact")


def tier_rank(rule_id: str) -> int:
    """0 for the offer tier, up to the rank of ``wait`` (unknown rules rank with it)."""
    rule = BY_ID.get(rule_id)
    return _TIER_RANK[rule.tier if rule else "none"]


def table_rank(rule_id: str) -> int:
    return _RANK.get(rule_id, len(RULE_ORDER))


def is_housekeeping(rule_id: str) -> bool:
    rule = BY_ID.get(rule_id)
    return rule is not None and rule.tier == "housekeeping"


# The one order of steps (docs/rules.md, "One order"): due and overdue steps by tier, then due
# date; then upcoming steps by due date; then nothing to do; ready housekeeping last, under
# its own heading ("When you have a minute").
_STATE_GROUP: dict[str, int] = {"due": 0, "overdue": 0, "upcoming": 1, "ready": 3}
READY_HEADING = "When you have a minute"


def step_order(rule_id: str, state: str, due_ordinal: int | None) -> tuple[int, int, int, int]:
    """The sort key every list of steps uses: the agenda, `next`, the urgency sort."""
    if due_ordinal is None:
        return (2, 0, 0, table_rank(rule_id))
    group = _STATE_GROUP.get(state, 1)
    tier = tier_rank(rule_id) if group == 0 else 0
    return (group, tier, due_ordinal, table_rank(rule_id))
