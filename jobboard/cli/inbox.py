"""`jobboard inbox [SOURCE...]`: a company's email read into the right event (docs/inbox.md).

    jobboard inbox reply.eml                 what it would log, nothing written
    jobboard inbox ~/Mail/jobs --yes         a Maildir folder (or an mbox file), all applied
    mutt: <pipe-message>jobboard inbox -     one message on stdin

Each message is read (jobboard.formats.mail), matched to a card and read for what it says
(jobboard.core.reading), and applied to the card as it is on disk, under the lock. Each event
keeps the message's Message-ID in its note, so reading a mailbox again logs nothing twice. It
never sends, deletes, moves or flags mail and never connects anywhere.
"""

from __future__ import annotations

import functools
import json
import mailbox
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jobboard.cli.session import Session, pass_session
from jobboard.core.model import today
from jobboard.formats.printable import json_text, one_line

if TYPE_CHECKING:
    from jobboard.formats.mail import MailError


class SourceError(ValueError):
    """A SOURCE that holds no mail jobboard can read; one sentence."""


def messages(source: str, stdin=None) -> Iterator[tuple[str, bytes | MailError]]:  # noqa: ANN001 - a binary stream
    """(where, bytes) for each message in ``source``: '-', an .eml file, an mbox file or a
    Maildir; a message that cannot be read whole comes as the MailError saying why."""
    from jobboard.formats.mail import MESSAGE_CAP, MailError

    if source == "-":
        data = (stdin or sys.stdin.buffer).read(MESSAGE_CAP + 1)
        yield "stdin", data
        return
    path = Path(source)
    if path.is_dir():
        if not (path / "cur").is_dir() and not (path / "new").is_dir():
            raise SourceError(f"{source} is a folder but not a Maildir (no cur/ or new/); give a Maildir, mbox or .eml")
        maildir = mailbox.Maildir(path, factory=None, create=False)
        for key in sorted(maildir.keys()):
            yield f"{source}:{key}", maildir.get_bytes(key)
        return
    if not path.is_file():
        raise SourceError(f"{source} is not a file or a Maildir folder")
    with path.open("rb") as handle:
        start = handle.read(5)
    if start == b"From ":
        box = mailbox.mbox(path, factory=None, create=False)
        for number, key in enumerate(box.keys(), 1):
            yield f"{source}#{number}", box.get_bytes(key)
        return
    if path.stat().st_size > MESSAGE_CAP:
        yield source, MailError(f"the file is over the {MESSAGE_CAP // (1024 * 1024)} MB cap for one message")
        return
    yield source, path.read_bytes()


def at_terminal() -> bool:
    """Is someone at the keyboard (stdin a terminal) to answer questions?"""
    return sys.stdin.isatty()


def record(where: str, letter, card, proposal, outcome: str) -> dict:  # noqa: ANN001
    from jobboard.core.reading import event_line

    return {
        "source": where,
        "message_id": letter.message_id if letter else "",
        "from": letter.sender_address if letter else "",
        "subject": letter.subject if letter else "",
        "card": card.id if card else None,
        "read": proposal.reading if proposal else "",
        "events": [event_line(e) for e in proposal.events] if proposal else [],
        "outcome": outcome,
    }


@click.command(name="inbox")
@click.argument("sources", metavar="[SOURCE...]", nargs=-1)
@click.option("--yes", is_flag=True, help="Log what each message says without asking.")
@click.option("--card", "card_id", metavar="ID", help="The card every message is about.")
@click.option("--json", "as_json", is_flag=True, help="What was read, as JSON.")
@pass_session
def inbox(session: Session, sources: tuple[str, ...], yes: bool, card_id: str | None, as_json: bool) -> None:
    """Read a company's email (.eml, mbox, Maildir or - for stdin) into the right event."""
    from jobboard.formats.mail import RUN_CAP, MailError, read_mail

    if not sources:
        if at_terminal():
            raise click.UsageError("give an .eml file, an mbox file, a Maildir folder, or - for stdin")
        sources = ("-",)
    # Questions need the keyboard: not when stdin carries the message, nor in a script.
    ask = not yes and not as_json and at_terminal() and "-" not in sources
    records, failed, total = [], 0, 0
    try:
        for source in sources:
            for where, data in messages(source):
                total += 0 if isinstance(data, MailError) else len(data)
                if total > RUN_CAP:
                    raise SourceError(f"over {RUN_CAP // (1024 * 1024)} MB of mail in one run; read fewer at a time")
                try:
                    if isinstance(data, MailError):
                        raise data
                    letter = read_mail(data)
                except MailError as error:
                    failed += 1
                    records.append(record(where, None, None, None, f"not read: {error}"))
                    if not as_json:
                        click.echo(one_line(f"{where}: not read: {error}."), err=True)
                    continue
                records.append(one_message(session, where, letter, card_id, yes, ask, as_json))
    except SourceError as error:
        click.echo(one_line(f"jobboard: {error}."), err=True)
        sys.exit(1)
    if as_json:
        click.echo(json_text(json.dumps(records, ensure_ascii=False, indent=2)))
    if failed:
        sys.exit(1)


def one_message(session: Session, where: str, letter, card_id, yes: bool, ask: bool, as_json: bool) -> dict:  # noqa: ANN001
    from jobboard.core.reading import already_read, apply, event_line, find_cards, read_letter
    from jobboard.core.validation import Refused

    say = (lambda text: None) if as_json else (lambda text: click.echo(one_line(text)))
    say(f"{where}: '{letter.subject}' from {letter.sender_name or letter.sender_address} <{letter.sender_address}>")
    applications = session.applications("all")
    cards = [session.store.get(card_id)] if card_id else find_cards(letter, applications)
    if not cards:
        say("  no card matches this sender or subject; nothing logged (--card ID names one)")
        return record(where, letter, None, None, "no card")
    if len(cards) > 1:
        for card in cards:
            say(f"  could be {card.id}: {card.company} — {card.role}")
        if not ask:
            say("  several cards match; nothing logged (--card ID picks one)")
            return record(where, letter, None, None, "several cards")
        cards = [session.store.get(click.prompt("  which card (ID)", type=str).strip())]
    while True:
        card = cards[0]
        say(f"  card {card.id}: {card.company} — {card.role} ({card.status})")
        if already_read(card, letter):
            say("  already read; nothing logged")
            return record(where, letter, card, None, "already read")
        try:
            proposal = read_letter(letter, card, today())
        except Refused as error:
            say(f"  refused: {error}")
            return record(where, letter, card, None, f"refused: {error}")
        say(f"  read: {proposal.reading}")
        for event in proposal.events:
            say(f"  would log: {event_line(event)}")
        for event in proposal.cancels:
            say(f"  would remove: {event_line(event)}")
        if not proposal.events and not proposal.cancels:
            return record(where, letter, card, proposal, "nothing to log")
        if ask:
            answer = click.prompt("  log it? [y]es / [n]o / [p]ick another card", type=click.Choice("ynp"), default="n")
            if answer == "p":
                cards = [session.store.get(click.prompt("  card ID", type=str).strip())]
                continue
            if answer == "n":
                return record(where, letter, card, proposal, "skipped")
        elif not yes:
            return record(where, letter, card, proposal, "proposed")
        try:
            session.store.update(card.id, functools.partial(apply, proposal=proposal, today=today()))
        except Refused as error:
            say(f"  refused: {error}; nothing logged")
            return record(where, letter, card, proposal, f"refused: {error}")
        say("  logged")
        return record(where, letter, card, proposal, "logged")
