"""`jobboard offer`: record an offer (its amount, deadline and note), then answer it with
`--accept`, `--decline` or `--counter` (docs/rules.md, "Offers").

Named in cli/main.py's LAZY_COMMANDS, so it loads only when asked for. Both go through the
card as it is on disk (``store.update``); the answer is logged through ``log_what_happened``
like every other event. After accepting, the other applications still open are listed with
the way to withdraw from each.
"""

from __future__ import annotations

import click
import pendulum

from jobboard.cli.session import DATE, Session, pass_session, say
from jobboard.core.dates import short_date
from jobboard.core.model import Application, Event, today
from jobboard.formats.printable import one_line

# The answer flags, and the outcome each logs on its `offer_answered` event.
_ANSWERS: dict[str, str] = {"accept": "accepted", "decline": "declined", "counter": "countered"}


@click.command()
@click.argument("app_id", metavar="ID")
@click.option("--amount", help='What they offer, as you would write it ("EUR 70k + bonus").')
@click.option("--deadline", type=DATE, help="The date they want an answer by (YYYY-MM-DD); not a past one.")
@click.option("--note", help="A few words to keep with the offer (or with your answer).")
@click.option("--date", "on", type=DATE, help="When the offer came, or when you answered (default today).")
@click.option("--accept", "answer", flag_value="accept", help="You said yes: log the answer.")
@click.option("--decline", "answer", flag_value="decline", help="You said no, thank you: log the answer.")
@click.option("--counter", "answer", flag_value="counter", help="You asked for better terms: log the answer.")
@pass_session
def offer(
    session: Session,
    app_id: str,
    amount: str | None,
    deadline: pendulum.Date | None,
    note: str | None,
    on: pendulum.Date | None,
    answer: str | None,
) -> None:
    """Record an offer (the card moves to Offer, with an `offer` event), or answer it with
    --accept, --decline or --counter."""
    now = today()
    when = on or now
    if when > now:
        what = "an answer cannot be given" if answer else "an offer cannot arrive"
        raise click.BadParameter(f"{what} in the future (today is {now.isoformat()})", param_hint="--date")
    if answer is not None:
        if amount is not None or deadline is not None:
            raise click.UsageError(f"--{answer} takes only --date and --note; record new terms without it")
        _answer(session, app_id, _ANSWERS[answer], when, (note or "").strip())
        return
    if "offer" not in session.settings.columns:
        raise click.ClickException("the Offer column is not on this board; add \"offer\" to 'columns' in config.toml")
    if deadline is not None and deadline < now:
        raise click.BadParameter(
            f"{deadline.isoformat()} has already passed (today is {now.isoformat()}); give the day they want "
            "your answer by, or leave the deadline out",
            param_hint="--deadline",
        )
    given = {"offer_amount": amount, "offer_note": note, "offer_deadline": deadline.isoformat() if deadline else None}
    details = {
        name: " ".join(value.split()) if name != "offer_note" else value.strip()
        for name, value in given.items()
        if value is not None
    }

    def record(application: Application) -> Application:  # the card as it is on disk
        changed = application.copy(**details)
        if application.status != "offer":
            changed = changed.moved_to("offer", when)
        if _new_terms(application):
            changed = changed.with_event(Event("offer", when, note=details.get("offer_amount", "")))
        return changed

    changed = session.store.update(app_id, record)
    due = f", answer by {changed.offer_deadline}" if changed.offer_deadline else ""
    say(one_line(f"Recorded the offer from {changed.company}{due}."), err=True)


def _new_terms(application: Application) -> bool:
    """Whether recording an offer on this card logs a new `offer` event: the card is not in
    Offer yet, has none logged, or its latest offer was answered with a counter (what comes
    now is their new offer). Changing the details of an offer on the table logs nothing."""
    if application.status != "offer" or not application.events_of("offer"):
        return True
    from jobboard.core.etiquette import answer_outcome

    return answer_outcome(application, today()) == "countered"


def _answer(session: Session, app_id: str, outcome: str, when: pendulum.Date, note: str) -> None:
    """Log ``offer_answered`` with ``outcome`` on a card in Offer; after an acceptance, say
    which other applications are still open and how to withdraw from them."""
    from jobboard.core.what_happened import log_what_happened

    now = today()
    event = Event("offer_answered", when, note, outcome=outcome)

    def record(application: Application) -> Application:
        if application.status != "offer":
            raise click.ClickException(
                one_line(
                    f"{application.company} is not in Offer, so there is no offer to answer; "
                    f"record it first: jobboard offer {application.id}"
                )
            )
        return log_what_happened(application, event, now).application

    changed = session.store.update(app_id, record)
    words = {"accepted": "accepted", "declined": "declined", "countered": "countered"}[outcome]
    say(one_line(f"Logged that you {words} the offer from {changed.company} on {short_date(when, now)}."), err=True)
    if outcome == "accepted":
        from jobboard.core.etiquette import accepted_offer_note

        note_text = accepted_offer_note(session.applications(), now)
        if note_text:
            say(note_text)
