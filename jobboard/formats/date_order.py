"""Which way round a file writes its a/b/YYYY dates: day first (Europe) or month first (US).

A file is read as a whole: one date whose first number is above 12 (``25/08/2026``) proves it
is day first, one whose second is (``08/25/2026``) month first, and each date of the file is
then read that way. A file with both is refused; one where every such date could be either
(``03/08/2026``) asks the user to say which. Pure: the dates' text in, the order out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

SLASHED = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\s*")
DAY_FIRST, MONTH_FIRST = "day first", "month first"


@dataclass(frozen=True)
class DateOrder:
    """How the file's a/b/YYYY dates read: ``order`` is DAY_FIRST, MONTH_FIRST or "" (the file
    has none that could be read both ways); ``proof`` the date that showed it ("" when told)."""

    order: str = ""
    proof: str = ""

    @property
    def day_first(self) -> bool:
        return self.order == DAY_FIRST

    def said(self) -> str:
        """"dates read day first (25/08/2026 proves it)", for the import's summary."""
        if not self.order:
            return ""
        why = f"{self.proof} proves it" if self.proof else "as asked"
        return f"dates read {self.order} ({why})"


def date_order(dates: Iterable[str], told: bool | None = None) -> DateOrder:
    """The order of the a/b/YYYY ``dates`` of one file; ``told`` is --day-first (True) or
    --month-first (False), which wins. ValueError with one sentence when the file mixes both,
    or could be read either way and was not told."""
    if told is not None:
        return DateOrder(DAY_FIRST if told else MONTH_FIRST)
    day_proof = month_proof = either = ""
    for text in dates:
        found = SLASHED.fullmatch(text)
        if not found:
            continue
        first, second = int(found[1]), int(found[2])
        if first > 12 >= second:
            day_proof = day_proof or text.strip()
        elif second > 12 >= first:
            month_proof = month_proof or text.strip()
        elif first != second:
            either = either or text.strip()
    if day_proof and month_proof:
        raise ValueError(
            f"the dates mix day first ({day_proof}) and month first ({month_proof}); "
            "make them one way, or say which with --day-first or --month-first"
        )
    if day_proof or month_proof:
        return DateOrder(DAY_FIRST if day_proof else MONTH_FIRST, day_proof or month_proof)
    if either:
        raise ValueError(
            f"no date shows whether {either} is day first or month first; "
            "say which with --day-first or --month-first"
        )
    return DateOrder()
