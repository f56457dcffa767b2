"""Is this posting already on the board? The same address, or the same company and role lately.

Capturing a posting twice is a common slip (the same job seen on two boards, a link clicked
again weeks later). A card whose posting address matches (compared by ``url_key``), or with the
same company and role applied to within 180 days, is the one already there; ``add --again``
adds it anyway (docs/capture.md). Pure: applications in, one card or None out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from jobboard.core.dates import short_date
from jobboard.core.fields import url_key
from jobboard.core.model import Application

if TYPE_CHECKING:
    import pendulum

SAME_ROLE_WITHIN_DAYS = 180


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def already_there(
    applications: Iterable[Application], url: str, company: str, role: str, today: pendulum.Date
) -> Application | None:
    """The card already holding this posting (by address, else company and role), or None."""
    wanted = url_key(url) if url else ""
    same_role = None
    for card in applications:
        addresses = {card.url, str(card.posting.get("url", ""))} - {""}
        if wanted and any(url_key(address) == wanted for address in addresses):
            return card
        recent = abs((today - card.applied_on).days) <= SAME_ROLE_WITHIN_DAYS
        if same_role is None and recent and (_words(card.company), _words(card.role)) == (
            _words(company),
            _words(role),
        ):
            same_role = card
    return same_role


def already_there_sentence(card: Application, today: pendulum.Date) -> str:
    """"already on the board: 12, Meta, applied Mon 2 Nov" (the card named as lists name it)."""
    when = "saved" if card.status == "wishlist" else "applied"
    return f"already on the board: {card.id}, {card.company}, {when} {short_date(card.applied_on, today)}"
