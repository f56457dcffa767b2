"""`jobboard next`: the steps due across the board, or with ID one card's next step, with its
draft in plain text, ready to paste. Named in cli/main.py's LAZY_COMMANDS.

For one card the draft's subject line comes first, then the body; without `[profile] name` the
sign-off ends with a visible "[your name]" and a line on stderr says how to set it (stdout
stays the message alone). ``step_record`` is a step as `--json` prints it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import click
import pendulum

from jobboard.cli.session import DATE, Session, pass_session, say
from jobboard.core.drafts import NAME_PLACEHOLDER
from jobboard.core.etiquette import EtiquetteSettings, next_step, open_offers, when_text
from jobboard.core.model import Application, time_now, today
from jobboard.formats.printable import json_text, one_line

NAME_HINT = 'drafts are signed "[your name]" until you set it: add name = "Your Name" under [profile] in config.toml'


def one_card(
    application: Application,
    as_of: pendulum.Date,
    settings: EtiquetteSettings,
    as_json: bool,
    board: Sequence[Application] = (),
) -> None:
    """One card's step; ``board`` (the other cards) for the board-level offer step."""
    step = next_step(application, as_of, settings, offers=open_offers(board, as_of), at=time_now(as_of))
    if as_json:
        click.echo(json_text(json.dumps(step_record(application, step, as_of), ensure_ascii=False, indent=2)))
        return
    lines = [
        f"{application.company} — {application.role}  (id {application.id})",
        f"Next: {step.title} ({when_text(step, as_of, settings.holidays)})",
        f"  {step.why}",
    ]
    if step.draft:
        lines += ["", step.draft]
    say("\n".join(lines))
    if step.draft and step.draft.endswith(NAME_PLACEHOLDER):
        say(f"jobboard: {NAME_HINT}.", err=True)


@click.command(name="next")
@click.argument("app_id", metavar="[ID]", required=False)
@click.option("--date", "on", type=DATE, help="As of this date (default today).")
@click.option("--all", "everything", is_flag=True, help="Also upcoming steps and applications to wait on.")
@click.option("--archived", "view", flag_value="archived", help="The archived applications' steps instead.")
@click.option("--json", "as_json", is_flag=True)
@pass_session
def next_steps(session: Session, app_id: str | None, on, everything: bool, view: str | None, as_json: bool) -> None:
    """What to do next: the steps due or overdue (highest stakes first), then housekeeping
    that is ready; with ID, that card's step and its draft in plain text."""
    from jobboard.core.etiquette import agenda, keep_going_note, when_text

    as_of = on or today()
    if app_id is not None:
        one_card(session.store.get(app_id), as_of, session.settings.etiquette, as_json, session.applications())
        return
    applications = session.applications(view)
    entries = agenda(applications, as_of, session.settings.etiquette, include_upcoming=everything, at=time_now(as_of))
    if as_json:
        records = [step_record(a, s, as_of) for a, s in entries]
        click.echo(json_text(json.dumps(records, ensure_ascii=False, indent=2)))
        return
    from jobboard.core.drafts import need_action_text

    states = [step.state for _, step in entries if step.snoozed_until is None]
    needed = need_action_text(states.count("due"), states.count("overdue"))
    if not entries or not everything:
        hint = "" if everything or entries else " `jobboard next --all` shows what is coming."
        say(f"{needed[0].upper()}{needed[1:]}.{hint}")
    from jobboard.core.rules import READY_HEADING

    headed = False
    for application, step in entries:
        if step.state == "ready" and not headed:  # housekeeping: last, under its own heading
            say(f"\n{READY_HEADING}:")
            headed = True
        when = when_text(step, as_of, session.settings.etiquette.holidays)
        say(f"{application.id:>4}  {when:<20} {one_line(step.title)}")
    from jobboard.core.etiquette import accepted_offer_note

    # The notes are the whole board's, whichever cards are listed (they leave archived ones out).
    board = applications if view == "all" else session.applications("all")
    notes = (accepted_offer_note(board, as_of), keep_going_note(board, as_of, session.settings.etiquette))
    for note in notes:
        if note:
            say(f"\n{note}")


def step_record(application: Application, step, on=None) -> dict:  # noqa: ANN001 - a NextStep, a date
    return {
        "id": application.id,
        "company": application.company,
        "role": application.role,
        "status": application.status,
        "rule": step.rule,
        "title": step.title,
        "due": step.due.isoformat() if step.due else None,
        "state": step.state,
        "why": step.why,
        "principles": list(step.principles),
        "draft": step.draft,
        **_subject_and_body(step.draft),
        "to": _to_record(application, step.rule, on),
    }


def _subject_and_body(draft: str | None) -> dict:
    """The draft's subject line and body apart, for a mail client (None without a draft)."""
    if draft is None:
        return {"subject": None, "body": None}
    from jobboard.core.drafts import split_draft

    subject, body = split_draft(draft)
    return {"subject": subject, "body": body}


def _to_record(application: Application, rule: str, on) -> dict | None:  # noqa: ANN001 - a date
    """Whom the step writes to (name, email, profile, and the channel in words), or None."""
    from jobboard.core.addressing import addressee

    to = addressee(application, rule, on)
    return to.to_record() if to is not None else None
