"""The order of the cards in a column, the same on the board, in `jobboard list` and in the
markdown report.

- ``urgency`` (the default): the one order of steps (core/rules.py ``step_order``, docs/rules.md):
  due and overdue steps by tier then due date, then upcoming ones (the soonest first), then
  ready housekeeping, then the cards with nothing to do, newest application first. A snoozed
  step counts as upcoming, due when the snooze ends.
- ``applied``: newest application first.
- ``company``: by company name (case does not matter), then role.

Ties go to the newest application, then the highest id, so the order never depends on how
the board happened to be read. Pure: keys from an application and its next step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobboard.core.model import Application
from jobboard.core.rules import step_order

if TYPE_CHECKING:
    from jobboard.core.etiquette import NextStep

SORTS: tuple[str, ...] = ("urgency", "applied", "company")
SORT_TITLES: dict[str, str] = {"urgency": "by urgency", "applied": "by applied date", "company": "by company"}
DEFAULT_SORT = "urgency"

def newest_first(application: Application) -> tuple[int, int]:
    """The board's plain order: the latest applied date first, then the newest id."""
    return (-application.applied_on.toordinal(), -int(application.id) if application.id.isdigit() else 0)


def urgency_key(application: Application, step: NextStep | None) -> tuple:
    """Overdue, due, upcoming (each by due date), then the rest newest first."""
    if step is None:
        return (3, 0, 0, 0, *newest_first(application))
    return (*step_order(step.rule, step.state, step.due.toordinal() if step.due else None), *newest_first(application))


def sort_key(sort: str, application: Application, step: NextStep | None = None) -> tuple:
    """The key ``sort`` gives ``application``; ``step`` (its next step) is only read by urgency."""
    if sort == "urgency":
        return urgency_key(application, step)
    if sort == "company":
        return (application.company.casefold(), application.role.casefold(), *newest_first(application))
    return newest_first(application)


def next_sort(sort: str) -> str:
    """The sort after ``sort`` in the cycle the `s` key goes through."""
    return SORTS[(SORTS.index(sort) + 1) % len(SORTS)] if sort in SORTS else DEFAULT_SORT
