"""`jobboard next ID`: one card's next step, with its draft in plain text, ready to paste.

Kept apart from cli.py so the board-wide `next` stays short to read. The draft's subject line
comes first, then the body; without `[profile] name` the sign-off ends with a visible
"[your name]" and a line on stderr says how to set it (stdout stays the message alone).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import click
import pendulum

from jobboard.core.drafts import NAME_PLACEHOLDER
from jobboard.core.etiquette import EtiquetteSettings, next_step, open_offers, when_text
from jobboard.core.model import Application, time_now
from jobboard.formats.printable import json_text

NAME_HINT = 'drafts are signed "[your name]" until you set it: add name = "Your Name" under [profile] in config.toml'


def one_card(
    application: Application,
    as_of: pendulum.Date,
    settings: EtiquetteSettings,
    as_json: bool,
    board: Sequence[Application] = (),
) -> None:
    """One card's step; ``board`` (the other cards) for the board-level offer step."""
    from jobboard.cli.main import say, step_record

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
