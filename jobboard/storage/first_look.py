"""The first look at a board: what the first screen shows, before every entry is read.

Reading a board means checking every entry and building an application from it, which on
10,000 applications costs several times more than parsing the file. The first screen needs
far less: how many cards each column holds and the few cards at the top of each. Those are
found from the parsed records directly, and only those cards are built (and so checked).

The whole board is still checked and built right after the first paint, and nothing can be
changed until it has been (the TUI holds the keys); if an entry turns out to be unreadable,
the board is refused then, exactly as it would have been before the first paint.

Pure: no UI and no storage.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from jobboard.core.model import Application
from jobboard.formats.records import RECORD_ERRORS, application_from_record


def _record_order(entry: tuple[str, Any]) -> tuple[str, int]:
    """core/ordering's ``newest_first`` reversed, from a stored record: its YYYY-MM-DD date sorts as text, and
    its key is the id. Only meaningful for entries the full read will accept; for any other
    the first look is thrown away (see ``first_look``)."""
    doc_id, record = entry
    return (record["applied_on"], int(doc_id))


class FirstLook(NamedTuple):
    counts: dict[str, int]  # cards per column
    cards: dict[str, list[Application]]  # the top cards of each column, in board order
    total: int  # every application on the board, shown or not


def first_look(records: Mapping[str, Any], statuses: Iterable[str], per_column: int) -> FirstLook | None:
    """The counts and the top ``per_column`` cards of each column in ``statuses``, from a
    board's stored records; None when the records are not what jobboard writes (the full
    read that follows says what is wrong)."""
    columns: dict[str, list[tuple[str, Any]]] = {status: [] for status in statuses}
    try:
        for entry in records.items():
            column = columns.get(entry[1].get("status"))
            if column is not None and not entry[1].get("archived"):  # archived cards are put away
                column.append(entry)
        cards = {}
        for status, entries in columns.items():
            top = heapq.nlargest(per_column, entries, key=_record_order)
            cards[status] = [application_from_record(record) for _, record in top]
    except RECORD_ERRORS:
        return None
    counts = {status: len(entries) for status, entries in columns.items()}
    return FirstLook(counts, cards, sum(1 for record in records.values() if not record.get("archived")))
