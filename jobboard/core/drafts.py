"""The advisor's words: principles, step titles, the reasons behind a step, message drafts.

Kept apart from the rules in ``etiquette`` so the logic and the wording can each be read
(and reworded) on their own. Everything is paraphrased from the seed articles, never quoted.

Each draft is a subject line, a greeting, two to four brief sentences naming the company, the
role and the date that matters, and a sign-off with the user's name, or a visible "[your name]"
when none is set (P7: short, precise, respectful of the reader's time). The wording is ours,
warm and plain.
"""

from __future__ import annotations

import pendulum

from jobboard.core.addressing import PASS_IT_ON, addressee, company_contact
from jobboard.core.dates import ago, long_date, short_date
from jobboard.core.model import Application
from jobboard.core.rules import CARD_TITLES, DRAFTED_RULES, SUBJECTS, TO_THE_CONTACT
from jobboard.core.timeline import interview_ahead

__all__ = ["CARD_TITLES", "DRAFTED_RULES", "SUBJECTS"]  # the rules table's views, re-exported

# Principles from the two seed articles, in our own words, for the UI to show.
PRINCIPLES: dict[str, str] = {
    "P1": "A recruiter sifts through about a hundred resumes a day; quiet means busy, not no.",
    "P2": "No answer yet? Follow up by email or a direct message to the recruiter.",
    "P3": "If the recruiter stays quiet, reach someone else on the hiring team or the company's social accounts.",
    "P4": "After a no, first thank them and accept it; wait several days before asking what to improve.",
    "P5": "Feedback shows what the market wants: skills to build, salaries to expect, resume lines to fix.",
    "P6": "Before applying, talk to the people you'd work with; they may even read your resume.",
    "P7": "Short, precise and polite: respect the reader's time.",
    "P8": "Roles get frozen, cancelled or reshuffled; a silence is rarely about you.",
    "P9": "A recruiter who knows you can point you to roles that suit you; stay on good terms.",
    "P10": "On interview day: be on time, test laptop, headphones and dev setup, and promise "
    "only what you can deliver.",
    "P11": "Keep going: every interview makes the right match more likely.",
    # Not from the articles; cited by send_thank_you.
    "common practice": "A brief thank-you within a day of an interview is widely expected.",
}

# The two articles the principles come from (docs/rules.md), by their titles (the second cut short).
ARTICLES: dict[str, str] = {
    "never hear back": "“Why you never hear back from recruiters?”",
    "after an interview": "“Why the recruiter didn't call me”",
}

# Where each principle comes from: the article(s), or common practice.
PRINCIPLE_SOURCES: dict[str, tuple[str, ...]] = {
    "P1": ("never hear back",),
    "P2": ("never hear back", "after an interview"),
    "P3": ("never hear back",),
    "P4": ("never hear back",),
    "P5": ("never hear back", "after an interview"),
    "P6": ("never hear back",),
    "P7": ("never hear back",),
    "P8": ("after an interview",),
    "P9": ("after an interview",),
    "P10": ("after an interview",),
    "P11": ("after an interview",),
    "common practice": (),
}


def sources_of(principles: tuple[str, ...]) -> str:
    """The articles ``principles`` come from, each with the principles it gives, for the panel:
    "Sources: “Why you never hear back from recruiters?” (P2, P7); “Why the recruiter didn't
    call me” (P2)". A principle from common practice says so."""
    cited = []
    if "common practice" in principles:
        cited.append("common practice, not the articles (the thank-you note)")
    for key, title in ARTICLES.items():
        giving = [p for p in principles if key in PRINCIPLE_SOURCES.get(p, ())]
        if giving:
            cited.append(f"{title} ({', '.join(giving)})")
    return f"Sources: {'; '.join(cited)}." if cited else ""


# Why a step is shown: the facts of this card only ({date} and {ago}: the event behind the
# step, {count}: a number of follow-ups). Why the step works is the principles' part, shown
# beside it, so the two never say the same thing. Keys are "rule" or "rule:variant".
_WHY: dict[str, str] = {
    "apply_before_closing": "The posting you saved takes applications until {date} ({ago}).",
    "talk_to_team": "It's on your wishlist, and you haven't talked to anyone on the team yet.",
    "follow_up:applied": "You applied on {date} ({ago}) and haven't followed up since.",
    "follow_up:heard_back": "They last replied on {date} ({ago}); you haven't written since.",
    "follow_up:interview": "Your interview was on {date} ({ago}); you haven't followed up since.",
    "follow_up_other_channel": "Your follow-up of {date} ({ago}) is still unanswered.",
    "move_to_silent:follow_ups": "{count} follow-ups without a reply, the last on {date} ({ago}).",
    "move_to_silent:quiet": "No contact either way since {date} ({ago}).",
    "prepare_interview": "Your interview is on {date} ({ago}).",
    "prepare_interview:timed": "Your interview is on {date} ({ago}) at {time}.",
    "send_thank_you": "You interviewed on {date} ({ago}) and haven't sent a thank-you yet.",
    "check_in_after_interview": "No news since your interview on {date} ({ago}), and you haven't asked.",
    "check_in_after_interview:heard_back": "They last wrote on {date} ({ago}), after your interview; "
    "you haven't written since.",
    "check_in_after_interview:follow_up": "You checked in on {date} ({ago}) and haven't heard back.",
    "acknowledge_rejection": "They said no on {date} ({ago}); you haven't replied yet.",
    "request_feedback": "They said no on {date} ({ago}); you haven't asked what they were looking for.",
    "keep_in_touch:feedback": "They shared feedback on {date} ({ago}).",
    "keep_in_touch:silent": "In Silent since {date} ({ago}), with no word from you since.",
    "respond_to_offer": "They want an answer to their offer by {date} ({ago}); ask now for what you need to decide.",
    "respond_to_offer:today": "Today, {date}, is the deadline they gave for your answer.",
    "respond_to_offer:passed": "The deadline they gave, {date}, has passed ({ago}): answer now, or ask whether "
    "the offer still stands.",
    "respond_to_offer:no_deadline": "An offer is on the table with no deadline given: ask for what you need "
    "to decide, and when they need your answer.",
    "tell_them_you_withdrew": "You stepped back on {date} ({ago}) and haven't told them yet.",
    "thank_for_offer": "Their offer came on {date} ({ago}) and you haven't thanked them yet.",
    "thank_for_offer:no_deadline": "Their offer came on {date} ({ago}) with no deadline given: thank them, "
    "and ask for it in writing and for when they need your answer.",
    "tell_others_about_offer": "Another company wants an answer to its offer by {date} ({ago}); this "
    "process deserves to know you have a deadline.",
    "thank_referrer:offer": "They made you an offer on {date} ({ago}); the person who referred you will "
    "want to know.",
    "thank_referrer:accepted": "You accepted their offer; the person who referred you will want to know "
    "and to be thanked.",
    "thank_referrer:rejected": "They said no on {date} ({ago}); let the person who referred you know, "
    "and thank them all the same.",
    "thank_referrer:withdrawn": "You stepped back on {date} ({ago}); let the person who referred you know "
    "before they hear it elsewhere.",
    "wait:offer_accepted": "You accepted the offer. Congratulations! Withdraw from the other processes "
    "with a word to each.",
    "wait:offer_declined": "You declined the offer; nothing more to do here.",
    "wait:offer_countered": "You made a counter-offer: wait for their answer, then record the new terms "
    "(jobboard offer ID --amount ... --deadline ...).",
    "wait:offer_answered": "You've answered the offer; nothing more to do here.",
    "wait:withdrawn": "You've told them you stepped back; nothing more to do.",
    "wait:wishlist": "You've talked to the team; apply when you're ready.",
    "wait:offer": "An offer is on the table: the next move is your decision. A deadline (jobboard offer ID "
    "--deadline DATE) brings a reminder to answer in time.",
    "wait:silent": "You've already reached out since it went quiet; leave it be.",
    "wait:rejected": "You've done the courteous things; the rest is up to them.",
    "wait": "Nothing needs doing right now.",
}


def why_text(
    rule: str, variant: str, date: pendulum.Date | None, today: pendulum.Date, count: int = 0, time: str = ""
) -> str:
    """The facts of the card behind a step, with the date that matters ("Mon 2 Nov (12 days ago)")
    and, for an interview booked at one, its ``time``."""
    template = _WHY.get(f"{rule}:{variant}", _WHY.get(rule, ""))
    if date is None:
        return template.format(date="", ago="", count=count, time=time)
    return template.format(date=short_date(date, today), ago=ago(date, today), count=count, time=time)


def need_action_text(due_today: int, overdue: int) -> str:
    """How many steps need action, in words that add up, the same on every screen:
    "3 need action: 1 due today, 2 overdue"; "nothing needs action" when none do."""
    total = due_today + overdue
    if not total:
        return "nothing needs action"
    parts = [f"{due_today} due today"] * bool(due_today) + [f"{overdue} overdue"] * bool(overdue)
    return f"{total} need{'s' * (total == 1)} action: {', '.join(parts)}"


def keep_going_text(active: int | None, rejections: int | None) -> str:
    """The board-level nudge (P11, P8): ``active`` when too few applications are in play,
    ``rejections`` when that many outcomes in a row were a no; None for a trigger not met."""
    parts = []
    if active is not None:
        count = {0: "No applications are", 1: "Only 1 application is"}.get(active, f"Only {active} applications are")
        parts.append(f"{count} in play. Every new interview raises the odds of a good match, so line up a few more.")
    if rejections is not None:
        parts.append(
            f"The last {rejections} answers were no. Openings get frozen and plans change; "
            "it's rarely about you. Keep going."
        )
    return " ".join(parts)


def accepted_offer_text(company: str, still_open: list[tuple[str, str, str]]) -> str:
    """The note after accepting ``company``'s offer: each other open process as (id, company,
    column), and the way to step back from it with a word to each."""
    from jobboard.core.model import status_title

    listed = ", ".join(f"{name} ({status_title(status)}, id {app_id})" for app_id, name, status in still_open)
    return (
        f"You accepted {company}'s offer. Still open: {listed}. Let each of them know: move the card "
        "to Withdrawn (jobboard move ID withdrawn, or on the board) and its next step drafts the note."
    )


# Titles people write before a name; with one, the greeting is formal and uses the surname.
HONORIFICS = ("dr", "prof", "mr", "mrs", "ms", "mx")

# What a draft signs with when [profile] name is not set: visible, so it is never sent as is.
NAME_PLACEHOLDER = "[your name]"


def first_person(contact: str) -> str:
    """The first person named in a contact field: "Anna Schmidt (recruiter), Bo Li" -> "Anna
    Schmidt". A field holding only an email address names no one."""
    text = contact.split("(")[0]
    for separator in (",", ";", " and ", " & ", "/"):
        text = text.split(separator)[0]
    text = " ".join(text.split())
    return "" if "@" in text else text


def greeting(contact: str) -> str:
    """How a message to ``contact`` opens, as people write names: "Hi Anna," for "Anna
    Schmidt", "Dear Dr. Schmidt," for "Dr. Anna Schmidt" (Dr., Prof., Mr., Mrs., Ms., Mx.),
    and a neutral "Hello," when no name is known. Never "Hi Dr.,"."""
    words = first_person(contact).split()
    if words and words[0].rstrip(".").casefold() in HONORIFICS:
        title = words[0].rstrip(".").capitalize() + "."
        return f"Dear {title} {words[-1]}," if len(words) > 1 else "Hello,"
    return f"Hi {words[0]}," if words else "Hello,"


def sign_off(closing: str, your_name: str) -> str:
    """The closing line, with the user's name under it, or a visible ``[your name]``."""
    return f"{closing}\n{your_name.strip() or NAME_PLACEHOLDER}"


def split_draft(draft: str) -> tuple[str, str]:
    """(subject, body) of a draft that starts with a "Subject: ..." line, for a mail client
    or a script that fills the two apart; ("", draft) when there is no subject line."""
    first, _, rest = draft.partition("\n")
    if first.startswith("Subject: "):
        return first.removeprefix("Subject: "), rest.lstrip("\n")
    return "", draft


def draft_for(
    rule: str,
    application: Application,
    when: pendulum.Date | None,
    variant: str,
    your_name: str,
    today: pendulum.Date,
) -> str | None:
    """The draft for ``rule`` about ``application``, or None for steps that are not a message.

    ``when`` is the date the message refers to (applied, follow-up, interview, rejection or
    feedback date); ``variant`` picks the wording where a rule covers more than one
    situation (follow_up: applied/heard_back/interview; keep_in_touch: silent/feedback).
    """
    if rule not in DRAFTED_RULES or (when is None and rule != "respond_to_offer"):
        return None
    role, company = application.role, application.company
    on = long_date(when, today) if when is not None else ""
    main = company_contact(application)
    contact = main.name if main else ""
    to = addressee(application, rule, today)
    hello = greeting(to.person.name if to and to.person else "")
    body = _body(rule, application, on, variant, contact, today)
    if to is not None and to.person is not None and to.person.role in PASS_IT_ON and rule in TO_THE_CONTACT:
        # Company mail that reaches a friend only because nobody at the company is listed.
        body.insert(0, "Could you pass this note on to whoever looks after the role? Thank you!")
    closing = _CLOSINGS.get(rule, "Best regards,")
    subject = "Subject: " + SUBJECTS[rule].format(role=" ".join(role.split()), company=" ".join(company.split()))
    return "\n\n".join([subject, hello, " ".join(body), sign_off(closing, your_name)])


_CLOSINGS: dict[str, str] = {
    "follow_up_other_channel": "Kind regards,",
    "send_thank_you": "Thanks again,",
    "acknowledge_rejection": "All the best,",
    "request_feedback": "Many thanks,",
    "respond_to_offer": "With thanks,",
    "thank_for_offer": "With thanks,",
    "tell_them_you_withdrew": "Kind regards,",
    "keep_in_touch": "Warm regards,",
    "thank_referrer": "Thanks again,",
}


def _body(rule: str, application: Application, on: str, variant: str, contact: str, today: pendulum.Date) -> list:
    """The sentences of ``rule``'s draft (``on`` is the date that matters, in words)."""
    role, company = application.role, application.company

    if rule == "follow_up":
        opener = {
            "heard_back": f"Thanks again for your reply on {on} about the {role} role at "
            f"{company}; I wanted to pick up where we left off.",
            "interview": f"I'm following up on my interview on {on} for the {role} role at {company}.",
        }.get(variant, f"I applied for the {role} role at {company} on {on} and wanted to check in.")
        body = [
            opener,
            "I'm still keen on the position and happy to send anything that helps.",
            "Is there any news on the next steps?",
        ]
    elif rule == "follow_up_other_channel":
        who = contact or "the recruiting team"
        body = [
            f"I applied for the {role} role at {company} and wrote to {who} on {on}, but "
            "I think my note may have got lost in a busy inbox.",
            "Could you point me to the right person, or tell me where the process stands?",
            "Thank you for your time.",
        ]
    elif rule == "send_thank_you":
        body = [
            f"Thank you for talking with me on {on} about the {role} role at {company}.",
            "I enjoyed learning how the team works, and it made me even keener to join.",
        ]
    elif rule == "check_in_after_interview":
        after = {
            "heard_back": f"since your note of {on}",
            "follow_up": f"since I last wrote on {on}",
        }.get(variant, f"after our interview on {on}")
        body = [
            f"I hope your week is going well. I'm writing to ask where things stand with "
            f"the {role} role at {company} {after}.",
            "I'm still very interested and glad to share anything else you need.",
        ]
    elif rule == "acknowledge_rejection":
        body = [
            f"Thank you for letting me know on {on} about the {role} role at {company}.",
            "I appreciate the time you and the team spent on my application, and I'd be glad to stay in touch.",
        ]
        booked = interview_ahead(application, today)
        if booked is not None:  # docs/rules.md: a rejection calls off an interview still booked
            body.insert(1, f"I take it our interview on {long_date(booked.date, today)} is now off.")
    elif rule == "request_feedback":
        body = [
            f"Thanks again for your note of {on} about the {role} role at {company}.",
            "If you have a moment, I'd value a line or two on what the role needed most and where I could improve.",
            "It would help me focus my next steps.",
        ]
    elif rule == "respond_to_offer":
        # Never the amount (docs/rules.md): the user adds it to the draft if they want it there.
        if variant == "passed":
            body = [
                f"I'm sorry to be late with my answer on the {role} role at {company}, which you hoped to "
                f"have by {on}.",
                "Is the offer still open? If it is, I'd like to give you my answer this week.",
            ]
        else:
            when_words = (
                f"I'll give you my answer by {on}." if on else "By when would you need my answer?"
            )
            body = [
                f"Thank you for the offer for the {role} role at {company}; I'm glad to have it.",
                "Before I decide, could you send the full details in writing (start date, benefits, any conditions)?",
                when_words,
            ]
    elif rule == "tell_them_you_withdrew":
        body = [
            f"Thank you for your time and interest in me for the {role} role at {company}.",
            "After some thought I've decided to withdraw my application, so I won't take up more of the team's time.",
        ]
        booked = interview_ahead(application, today)
        if booked is not None:  # docs/rules.md: the withdrawal cancels an interview still booked
            body.append(f"Please cancel our interview on {long_date(booked.date, today)}.")
        body.append("I enjoyed our conversations and would be glad to stay in touch for the future.")
    elif rule == "thank_for_offer":
        # Never the amount (docs/rules.md): the user adds it to the draft if they want it there.
        body = [
            f"Thank you very much for the offer for the {role} role at {company}; I'm delighted to have it.",
            "Could you send me the full offer in writing?",
        ]
        if variant == "no_deadline":
            body.append("It would also help to know by when you'd like my answer.")
    elif rule == "tell_others_about_offer":
        # Names neither the other company nor its offer (docs/rules.md).
        body = [
            f"I'm still very interested in the {role} role at {company}.",
            f"In the meantime I've received another offer and need to give my answer by {on}.",
            "Could you tell me where I stand in your process, and whether a decision might come before then?",
        ]
    elif rule == "thank_referrer":
        news = {
            "accepted": f"I've accepted their offer for the {role} role",
            "offer": f"they've made me an offer for the {role} role",
            "rejected": f"it didn't work out this time with the {role} role",
            "withdrawn": f"I've decided to step back from the {role} role",
        }.get(variant, f"the {role} role has come to an end")
        body = [
            f"I wanted to let you know how things went at {company}: {news}.",
            "Thank you so much for referring me; it really helped, and I owe you one.",
        ]
    else:  # keep_in_touch
        if variant == "feedback":
            opener = (
                f"Thank you again for the feedback on {on} about the {role} role at {company}; it was genuinely useful."
            )
        else:
            # The Silent date means nothing to them; the application date does.
            applied = long_date(application.applied_on, today)
            opener = (
                f"It's been a while since I applied for the {role} role at {company} "
                f"on {applied}, and I wanted to say hello."
            )
        body = [opener, "If a role that fits my profile opens up, I'd be glad to hear about it."]
    return body
