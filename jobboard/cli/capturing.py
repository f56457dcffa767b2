"""`add --from`: read a posting into a new card, keep it there, refuse one already on the board.

The posting is read by jobboard/capture.py (imported here only when a card comes from a
posting: httpx is not cheap to import); what the card keeps of it is formats/posting.py's
``kept_posting``; duplicates are core/duplicates.py's. See docs/capture.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from jobboard.core.model import now_utc, today
from jobboard.formats.printable import one_line

if TYPE_CHECKING:
    from jobboard.core.model import Application


def read_posting(
    source: str, company: str, role: str, text: dict[str, str], dry_run: bool, timeout: float
) -> tuple[str, str, dict[str, str]]:
    """(company, role, the posting to keep) from ``source``; the line's own company and role
    win, and url, location and salary in ``text`` are filled when not given. A posting that
    cannot be read is one line (exit 1)."""
    from jobboard.capture import CaptureError, capture
    from jobboard.formats.posting import kept_posting

    try:
        found = capture(source, timeout=timeout)
    except CaptureError as error:
        raise click.ClickException(one_line(str(error))) from None
    company, role = company or found.company, role or found.role
    fetched = source.lower().startswith(("http://", "https://"))
    if fetched:
        text["url"] = text["url"] or source
    text["location"] = text["location"] or found.location
    text["salary"] = text["salary"] or found.salary
    posting = kept_posting(
        found,
        source if fetched else "",
        today().isoformat(),
        now_utc().to_iso8601_string() if fetched else "",
    )
    if dry_run:
        guess = " (a guess from the page title: no posting data)" if found.from_title else ""
        for name, value in (("company", company), ("role", role), ("location", text["location"]),
                            ("salary", text["salary"]), ("type", found.employment_type),
                            ("closes", posting.get("valid_through", ""))):
            if value or name in ("company", "role"):  # what the page did not say is left out
                click.echo(f"{name}: {one_line(value)}{guess if name == 'role' else ''}")
    return company, role, posting


def refuse_duplicate(applications: list[Application], url: str, company: str, role: str, dry_run: bool) -> None:
    """One line naming the card already holding this posting (``--again`` adds it anyway); a
    dry run only says it, after what it read."""
    from jobboard.core.duplicates import already_there, already_there_sentence

    card = already_there(applications, url, company, role, today())
    if card is None:
        return
    words = one_line(already_there_sentence(card, today()) + "; add --again to add it anyway")
    if dry_run:
        click.echo(f"note: {words}")
        return
    raise click.ClickException(words)


def closed_warning(posting: dict[str, Any]) -> None:
    """A line on stderr when the posting's closing date is past."""
    from jobboard.core.posting_kept import closed_warning as warning

    if words := warning(posting, today()):
        click.echo(f"warning: {words}", err=True)


def posting_lines(card: Application) -> list[str]:
    """What `show` says of a captured posting: when, apply-by, and its description."""
    posting = card.posting
    captured = ", ".join(
        part for part in (
            f"captured {posting.get('captured_on', '')}" if posting.get("captured_on") else "",
            card.apply_by and f"apply by {card.apply_by.isoformat()}",
            str(posting.get("employment_type", "")),
        ) if part
    )
    lines = [one_line(f"  posting:  {captured or 'captured'}")]
    if description := str(posting.get("description", "")):
        from jobboard.formats.printable import many_lines

        lines.extend(f"    {line}" for line in many_lines(description).splitlines())
    return lines
