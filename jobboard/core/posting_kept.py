"""The posting kept on a card (docs/capture.md): what a captured page said, and its closing date.

A card's ``posting`` is a dict of text: where it came from (``url``), when (``captured_on``,
``fetched_at``), what it said (``title``, ``company``, ``location``, ``salary``,
``employment_type``, ``description``) and its ``valid_through``. A real closing date gives a
card an apply-by date the advice can read; one more than a year after the capture is a page's
placeholder, not a deadline. Pure: dates in, words out.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

POSTING_KEYS: tuple[str, ...] = (
    "url",
    "captured_on",
    "fetched_at",
    "title",
    "company",
    "location",
    "salary",
    "employment_type",
    "valid_through",
    "description",
)
# A closing date further than this after the capture is a page's placeholder (often 2099).
PLACEHOLDER_AFTER = dt.timedelta(days=365)


def check_posting(value: Any) -> dict[str, Any]:
    """A stored posting as it is, or ValueError: a dict whose known fields are text (fields a
    newer jobboard added are kept as they are)."""
    if type(value) is not dict:
        raise ValueError("'posting' is not a set of fields")
    for name in POSTING_KEYS:
        if type(value.get(name, "")) is not str:
            raise ValueError(f"'posting.{name}' is not text")
    return value


def _day(text: Any) -> dt.date | None:
    """The date at the start of ``text`` ("2026-06-08", "2026-06-08T23:59:00Z"), else None."""
    found = re.match(r"(\d{4})-(\d{2})-(\d{2})", text) if isinstance(text, str) else None
    if not found:
        return None
    try:
        return dt.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


def closing_day(valid_through: str) -> str:
    """A page's ``validThrough`` as YYYY-MM-DD, or "" when it is not a date."""
    day = _day(valid_through)
    return day.isoformat() if day else ""


def apply_by_text(posting: dict[str, Any]) -> str:
    """The day to apply by (YYYY-MM-DD), or "" when the posting gave none or a placeholder."""
    closes, captured = _day(posting.get("valid_through")), _day(posting.get("captured_on"))
    if closes is None or (captured is not None and closes - captured > PLACEHOLDER_AFTER):
        return ""
    return closes.isoformat()


def closed_warning(posting: dict[str, Any], today: dt.date) -> str:
    """"this posting closed on 8 Jun 2026" when its closing date is past; "" otherwise."""
    closes = _day(apply_by_text(posting))
    if closes is None or closes >= today:
        return ""
    return f"this posting closed on {closes.day} {closes.strftime('%b %Y')}"
