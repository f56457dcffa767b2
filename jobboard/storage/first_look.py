"""The first look at a board: what the first screen shows, before every entry is read.

Reading a board means checking every entry and building an application from it, which on
10,000 applications costs several times more than parsing the file. The first screen needs
far less: how many cards each column holds and the few cards at the top of each. Those are
found from the parsed records directly, and only those cards are built (and so checked).

Two steps: ``top_records`` picks them from plain dicts (imports nothing of the model, so the
look-ahead process of jobboard.storage.look_ahead runs it without loading pendulum), and
``built_look`` builds the picked records. ``first_look`` is both.

The whole board is still checked and built right after the first paint, and nothing can be
changed until it has been (the TUI holds the keys); if an entry turns out to be unreadable,
the board is refused then, exactly as it would have been before the first paint.

Pure: no UI and no storage.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from jobboard.core.model import Application

# What picking from records jobboard did not write can raise (formats/records.py's RECORD_ERRORS
# says the same of building them).
PICKING_ERRORS = (KeyError, ValueError, TypeError, AttributeError)


class TopRecords(NamedTuple):
    counts: dict[str, int]  # cards per column
    records: dict[str, list[dict[str, Any]]]  # the top records of each column, in board order
    total: int  # every application on the board, shown or not


class FirstLook(NamedTuple):
    counts: dict[str, int]  # cards per column
    cards: dict[str, list[Application]]  # the top cards of each column, in board order
    total: int  # every application on the board, shown or not


def top_records(records: Mapping[str, Any], statuses: Iterable[str], per_column: int) -> TopRecords | None:
    """The counts and the top ``per_column`` records of each column in ``statuses``, from a
    board's stored records; None when the records are not what jobboard writes (the full
    read that follows says what is wrong)."""
    # Each column's entries as (applied date, id, record): core/ordering's ``newest_first``
    # reversed, from the stored record (its YYYY-MM-DD date sorts as text, and its key is the
    # id). Only meaningful for entries the full read will accept; for any other the first look
    # is thrown away. One pass over the board: at 10,000 applications it is on the way to the
    # first paint.
    columns: dict[str, list[tuple[str, int, Any]]] = {status: [] for status in statuses}
    total = 0
    try:
        for doc_id, record in records.items():
            if record.get("archived"):  # archived cards are put away
                continue
            total += 1
            column = columns.get(record.get("status"))
            if column is not None:
                column.append((record["applied_on"], int(doc_id), record))
        picked = {
            status: [record for _, _, record in heapq.nlargest(per_column, entries)]
            for status, entries in columns.items()
        }
    except PICKING_ERRORS:
        return None
    return TopRecords({status: len(entries) for status, entries in columns.items()}, picked, total)


def top_records_from(value: Any) -> TopRecords | None:
    """``value`` (a ``TopRecords`` as JSON gave it back: counts, records, total) as TopRecords,
    or None when it does not have that shape: one column list per count, the total a number."""
    try:
        counts, records, total = value
    except (TypeError, ValueError):
        return None
    shaped = (
        isinstance(total, int)
        and isinstance(counts, dict)
        and isinstance(records, dict)
        and set(counts) == set(records)
        and all(isinstance(column, list) for column in records.values())
    )
    return TopRecords(counts, records, total) if shaped else None


def built_look(top: TopRecords, statuses: Iterable[str], per_column: int) -> FirstLook | None:
    """The first look at the columns in ``statuses`` (each picked in ``top``), the top
    ``per_column`` records of each built; None when one of them is not what jobboard writes."""
    from jobboard.formats.records import RECORD_ERRORS, application_from_record

    statuses = tuple(statuses)
    try:
        cards = {status: [application_from_record(r) for r in top.records[status][:per_column]] for status in statuses}
    except RECORD_ERRORS:
        return None
    return FirstLook({status: top.counts[status] for status in statuses}, cards, top.total)


def first_look(records: Mapping[str, Any], statuses: Iterable[str], per_column: int) -> FirstLook | None:
    """The counts and the top ``per_column`` cards of each column in ``statuses`` (see
    ``top_records``)."""
    statuses = tuple(statuses)
    top = top_records(records, statuses, per_column)
    return None if top is None else built_look(top, statuses, per_column)
