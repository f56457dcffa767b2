"""Reading a company's email: which card it is about and what it says, as events to log.

`jobboard inbox` and the board's paste box both come here (see docs/inbox.md). A message is
matched to a card by the sender's address, then the sender's domain, then the company's name
in the display name, subject or first lines (what ATS senders such as Greenhouse, Lever,
Ashby and Workday do). What it says is read with plain rules, no network and no model: an
acknowledgement, an invitation with slots, a calendar invite, a rejection, an offer, or any
other answer. Nothing is invented: a slot or a deadline is taken only as the message writes it.

Pure: the message comes in already parsed (jobboard.formats.mail); no UI and no storage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from jobboard.core.counted import counted
from jobboard.core.model import INTERVIEW_KINDS, STATUS_TITLES, Application, Event
from jobboard.core.validation import Refused, moved
from jobboard.core.what_happened import log_what_happened

if TYPE_CHECKING:
    import pendulum


@dataclass(frozen=True)
class Invite:
    """One event of a text/calendar part: REQUEST (an invitation) or CANCEL."""

    method: str
    start: pendulum.DateTime | None
    summary: str = ""
    attendees: tuple[tuple[str, str], ...] = ()  # (name, address)
    timed: bool = True  # False for an all-day event: its day is known, not its time


@dataclass(frozen=True)
class Letter:
    """A parsed email, as much of it as reading needs."""

    message_id: str
    sender_name: str
    sender_address: str
    subject: str
    sent: pendulum.DateTime | None  # the Date header, in the user's local time
    text: str
    recipients: tuple[str, ...] = ()  # the user's own addresses (To, Cc)
    invites: tuple[Invite, ...] = ()


@dataclass(frozen=True)
class Proposal:
    """What a message says for one card: a sentence, and the events it would log."""

    reading: str  # "a rejection", "an automatic acknowledgement (nothing to log)"
    events: tuple[Event, ...] = ()
    cancels: tuple[Event, ...] = ()  # interviews a CANCEL takes away
    offer_deadline: str = ""
    move_to: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)


# Senders that write on behalf of many companies: their domain says nothing about the card.
ATS_DOMAINS = ("greenhouse", "lever.co", "ashbyhq", "myworkday", "workday", "smartrecruiters", "workable")

_REJECTION = re.compile(
    r"not (?:to )?(?:be )?(?:moving|move|proceed|progress)\w* forward|decided not to (?:proceed|progress|move)"
    r"|other candidates|regret to inform|position has been filled|not be progressing|unable to offer you",
    re.IGNORECASE,
)
_OFFER = re.compile(
    r"pleased to (?:extend|offer)|happy to offer|extend (?:you )?an offer"
    r"|offer of employment|formal offer|offer letter",
    re.IGNORECASE,
)
_ACKNOWLEDGEMENT = re.compile(
    r"(?:received|receipt of) your application|thanks? (?:you )?for (?:applying|your application)"
    r"|application (?:has been|was) (?:received|submitted)",
    re.IGNORECASE,
)
_INVITATION = re.compile(
    r"interview|schedule|availability|a call|a chat|time slots?|would any of|phone screen|work for you|suits? you",
    re.IGNORECASE,
)
_TIME = re.compile(r"\b\d{1,2}(?:[:.]\d{2})\s*(?:am|pm)?\b|\b\d{1,2}\s*(?:am|pm)\b", re.IGNORECASE)
_DAY = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b",
    re.IGNORECASE,
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DEADLINE = re.compile(
    r"(?:by|before|until|no later than|deadline(?: is|:)?)\s+(?:[a-z]+day,?\s+)?"
    rf"(?:(\d{{4}})-(\d{{2}})-(\d{{2}})|{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}}))",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def mark(letter: Letter) -> str:
    """What an event's note carries so the same message is never logged twice."""
    return f"[mail {letter.message_id}]"


def already_read(application: Application, letter: Letter) -> bool:
    return bool(letter.message_id) and any(mark(letter) in event.note for event in application.events)


def _domain(address: str) -> str:
    return address.rpartition("@")[2].lower().strip()


def _site(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/", 1)[0].split(":", 1)[0]
    return host.removeprefix("www.")


def _same_site(domain: str, site: str) -> bool:
    return bool(domain and site) and (domain == site or domain.endswith("." + site) or site.endswith("." + domain))


def _names_company(application: Application, text: str) -> bool:
    name = application.company.strip().lower()
    return bool(name) and re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", text.lower()) is not None


def find_cards(letter: Letter, applications: list[Application]) -> list[Application]:
    """The cards ``letter`` may be about, best first; several only when nothing tells them apart."""
    sender = letter.sender_address.lower()
    by_person = [a for a in applications if any(p.email.lower() == sender for p in a.people if p.email)]
    if by_person:
        return _by_role(letter, by_person)
    domain = _domain(sender)
    if domain and not any(ats in domain for ats in ATS_DOMAINS):
        by_domain = [
            a
            for a in applications
            if any(_domain(p.email) == domain for p in a.people if p.email) or _same_site(domain, _site(a.url))
        ]
        if by_domain:  # every card at those companies, as one may list a person and another not
            companies = {a.company.strip().lower() for a in by_domain}
            return _by_role(letter, [a for a in applications if a.company.strip().lower() in companies])
    head = "\n".join(letter.text.strip().splitlines()[:8])
    where = f"{letter.sender_name}\n{letter.subject}\n{head}"
    return _by_role(letter, [a for a in applications if _names_company(a, where)])


def _by_role(letter: Letter, cards: list[Application]) -> list[Application]:
    """Cards at one company told apart by how many of the role's words the message holds."""
    if len(cards) < 2:
        return cards
    words = set(_WORD.findall(f"{letter.subject}\n{letter.text}".lower()))
    scores = {a.id: len(set(_WORD.findall(a.role.lower())) & words) for a in cards}
    best = max(scores.values())
    ranked = sorted(cards, key=lambda a: -scores[a.id])
    top = [a for a in ranked if scores[a.id] == best]
    return top if best == 0 or len(top) > 1 else top[:1]


def _interview_kind(summary: str) -> str | None:
    words = summary.lower()
    if "on-site" in words or "onsite" in words:
        return "onsite"
    return next((kind for kind in INTERVIEW_KINDS if kind != "other" and kind in words), None)


def _slots(text: str) -> list[str]:
    """The lines (or, in a paragraph, the sentences) that offer a day and a time, as the
    message writes them."""
    lines = (" ".join(line.strip(" \t-*•>").split()) for line in text.splitlines())
    pieces = (piece for line in lines for piece in ([line] if len(line) <= 120 else _SENTENCE_END.split(line)))
    return [piece for piece in pieces if piece and len(piece) <= 120 and _DAY.search(piece) and _TIME.search(piece)]


def _deadline(text: str) -> str:
    """A decision date written plainly (with its year) after "by", "before", "deadline"; else ""."""
    found = _DEADLINE.search(text)
    if found is None:
        return ""
    iso_y, iso_m, iso_d, month_a, day_a, year_a, day_b, month_b, year_b = found.groups()
    if iso_y:
        year, month, day = int(iso_y), int(iso_m), int(iso_d)
    elif month_a:
        year, month, day = int(year_a), _MONTHS.index(month_a[:3].lower()) + 1, int(day_a)
    else:
        year, month, day = int(year_b), _MONTHS.index(month_b[:3].lower()) + 1, int(day_b)
    try:
        import datetime as dt

        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def read_letter(letter: Letter, application: Application, today: pendulum.Date) -> Proposal:
    """What ``letter`` says about ``application``. Raises Refused, naming the message, when it is
    dated before the application went out."""
    day = letter.sent.date() if letter.sent is not None else today
    if day < application.applied_on:
        raise Refused(
            f"the message '{letter.subject}' from {letter.sender_address} is dated {day.isoformat()}, before the "
            f"application to {application.company} ({application.applied_on.isoformat()}); it is not about this card"
        )
    tag = mark(letter)
    for invite in letter.invites:
        if invite.start is None:
            continue
        at = invite.start.format("HH:mm") if invite.timed else None
        if invite.method == "CANCEL":
            gone = tuple(
                e for e in application.events_of("interview") if e.date == invite.start.date() and e.time == at
            )
            return Proposal(f"a cancelled interview ({invite.summary or 'no title'})", cancels=gone)
        own = {address.lower() for address in letter.recipients}
        met = tuple(name or address for name, address in invite.attendees if address.lower() not in own)
        note = f"{invite.summary} {tag}".strip()
        event = Event("interview", invite.start.date(), note, None, at, _interview_kind(invite.summary), met)
        return Proposal(f"a calendar invitation: {invite.summary or 'an interview'}", (event,))
    text = f"{letter.subject}\n{letter.text}"
    if _REJECTION.search(text):
        return Proposal("a rejection", (Event("status", day, tag, "rejected"),), move_to="rejected")
    if _OFFER.search(text):
        deadline = _deadline(letter.text)
        said = f", to answer by {deadline}" if deadline else ""
        return Proposal(
            f"an offer{said}", (Event("status", day, tag, "offer"),), offer_deadline=deadline, move_to="offer"
        )
    slots = _slots(letter.text) if _INVITATION.search(text) else []
    if _ACKNOWLEDGEMENT.search(text) and not slots:  # "thanks for applying: would Thu 10:00 suit?"
        return Proposal("an automatic acknowledgement: not an answer, nothing to log")
    if slots:
        note = f"invited to pick a slot: {'; '.join(slots)} {tag}"
        what = f"an invitation with {counted(len(slots), 'slot')} to choose"
        return Proposal(what, (Event("heard_back", day, note),))
    note = f"{letter.subject} {tag}".strip()
    return Proposal("an answer from them", (Event("heard_back", day, note),))


def apply(application: Application, proposal: Proposal, today: pendulum.Date) -> Application:
    """``application`` with ``proposal`` made: the one place a read message changes a card.

    Events are logged through log_what_happened and moves through validation.moved, the paths
    `jobboard log` and `jobboard move` take, so a date is checked, and the column follows the
    facts (an interview moves the card to Interviewed), the same way as when typed."""
    changed = application
    if proposal.cancels:
        kept = [e for e in changed.events if e not in proposal.cancels]
        changed = changed.copy(events=kept)
    for event in proposal.events:
        if event.kind == "status":
            if event.status is None or changed.status == event.status:
                continue
            changed = moved(changed, event.status, event.date, today)
            changed = changed.copy(events=[*changed.events[:-1], changed.events[-1]._replace(note=event.note)])
        else:
            changed = log_what_happened(changed, event, today).application
    if proposal.offer_deadline:
        changed = changed.copy(offer_deadline=proposal.offer_deadline)
    return changed


def event_line(event: Event) -> str:
    """One event as a proposal shows it."""
    if event.kind == "status":
        return f"the move to {STATUS_TITLES.get(event.status or '', event.status)} on {event.date.isoformat()}"
    when = f" at {event.time}" if event.time else ""
    met = f" with {', '.join(event.people)}" if event.people else ""
    kind = f" ({event.interview_kind})" if event.interview_kind else ""
    note = re.sub(r"\s*\[mail [^\]]*\]", "", event.note)
    return f"{event.kind}{kind} on {event.date.isoformat()}{when}{met}" + (f": {note}" if note else "")
