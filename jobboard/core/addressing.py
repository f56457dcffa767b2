"""Who a step's message goes to, and by which channel (docs/rules.md, "Who a draft is for").

Pure: it reads an application's people and log. Follow-ups, check-ins, the courtesy steps and
the offer's steps go to someone at the company: the recruiter, else the hiring manager, an
interviewer, another contact there; a referrer or coworker (a friend, not the company) only when
nobody else is listed, and the draft then asks them to pass it on. Trying another channel
goes to someone the last follow-up did not reach (another person, else the same person by
another way, else the company's page) and says which channel; talking to the team goes to a
future coworker or the hiring manager; a thank-you goes to the people met at that interview
(else the recruiter); telling your referrer how it went goes to the referrer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from jobboard.core.people import ROLE_WORDS, Person
from jobboard.core.rules import WRITES  # the rules table: who each step writes to

if TYPE_CHECKING:
    import pendulum

    from jobboard.core.model import Application

# Whom to try first when the recruiter stays quiet: the people closest to the hiring decision.
_OTHER_ORDER = ("hiring_manager", "recruiter", "referrer", "coworker", "interviewer", "other")
# Who speaks for the company, in the order company mail goes to them.
_COMPANY_ORDER = ("recruiter", "hiring_manager", "interviewer", "other")
# People who are not the company: they get company mail only to pass it on.
PASS_IT_ON: tuple[str, ...] = ("referrer", "coworker")


def company_contact(application: Application) -> Person | None:
    """Whom company mail goes to: the first recruiter, else hiring manager, interviewer or
    other contact at the company; a referrer or coworker only when no one else is listed."""
    people = application.people
    for role in _COMPANY_ORDER:
        for person in people:
            if person.role == role:
                return person
    return people[0] if people else None


class Addressee(NamedTuple):
    """Whom a message is for and how to reach them. ``person`` is None for the company's page
    or when nobody is known; ``channel`` is "email", "profile", "page" or "" (no address)."""

    person: Person | None
    channel: str
    words: str  # the channel named for the user: "Dana Whitfield's email", "their LinkedIn"
    url: str = ""  # the profile or page to open, when that is the channel

    @property
    def email(self) -> str:
        return self.person.email if self.person is not None and self.channel == "email" else ""

    def to_record(self) -> dict[str, str]:
        """What `next --json` carries as ``to``."""
        person = self.person
        return {
            "name": person.name if person else "",
            "email": person.email if person else "",
            "profile": person.profile if person else "",
            "channel": self.channel,
            "words": self.words,
        }


def _profile_word(url: str) -> str:
    return "LinkedIn" if "linkedin." in url.lower() else "profile"


def reach(person: Person, who: str | None = None, prefer: str = "email") -> Addressee:
    """``person`` by email when they have one (or by profile, with ``prefer="profile"``),
    else by whatever address they have; ``who`` names them ("the hiring manager")."""
    who = who or person.name
    if person.email and (prefer == "email" or not person.profile):
        return Addressee(person, "email", f"{who}'s email")
    if person.profile:
        return Addressee(person, "profile", f"{who}'s {_profile_word(person.profile)}", person.profile)
    return Addressee(person, "", f"{who} (no email or profile known)")


def addressee(application: Application, rule: str, today: pendulum.Date | None = None) -> Addressee | None:
    """Whom ``rule``'s message about ``application`` goes to; None for steps that write to nobody."""
    if rule not in WRITES:
        return None
    people = application.people
    contact = company_contact(application)
    if rule == "thank_referrer":
        referrers = [p for p in people if p.role == "referrer"]
        return reach(referrers[0]) if referrers else _nobody("your referrer")
    if rule == "talk_to_team":
        team = [p for p in people if p.role == "coworker"] + [p for p in people if p.role == "hiring_manager"]
        return reach(team[0]) if team else _nobody("someone on the team")
    if rule == "follow_up_other_channel":
        return _other_channel(application, contact)
    if rule == "send_thank_you":
        met = _people_met(application, today)
        if met:
            return reach(met[0])
    return reach(contact) if contact is not None else _nobody("the recruiter")


def _nobody(whom: str) -> Addressee:
    return Addressee(None, "", f"{whom} (nobody listed yet)")


def _other_channel(application: Application, contact: Person | None) -> Addressee:
    """Someone the last follow-up (sent to the main contact) did not reach, with an address;
    else the main contact by their other channel; else the company's page."""
    others = [p for p in application.people if p != contact and (p.email or p.profile)]
    others.sort(key=lambda p: _OTHER_ORDER.index(p.role))
    if others:
        person = others[0]
        who = f"the {ROLE_WORDS[person.role]}" if person.role != "other" else person.name
        return reach(person, who)
    if contact is not None and contact.email and contact.profile:
        return Addressee(contact, "profile", f"their {_profile_word(contact.profile)}", contact.profile)
    return Addressee(None, "page", "the company's page", application.url)


def _people_met(application: Application, today: pendulum.Date | None) -> list[Person]:
    """The listed people met at the latest past interview (its ``people``, by name), else the
    interviewers on the list."""
    past = [e for e in application.events if e.kind == "interview" and (today is None or e.date <= today)]
    latest = max(past, key=lambda e: e.date) if past else None
    names = {_key(name) for name in (latest.people if latest else ())}  # `log ID interview --with NAME`
    met = [p for p in application.people if _key(p.name) in names]
    return met or [p for p in application.people if p.role == "interviewer"]


def _key(name: str) -> str:
    return " ".join(name.casefold().split())
