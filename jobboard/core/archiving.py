"""Which closed cards put themselves away: ``archive_closed_after_days`` in config.toml.

Pure. A card in Rejected, Silent or Withdrawn whose next step is to wait (every courtesy done
or lapsed) and whose log has had nothing new for that many days is archived when the board
opens (or by `jobboard archive --closed`). 0, the default, turns it off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pendulum

    from jobboard.core.etiquette import EtiquetteSettings
    from jobboard.core.model import Application

CLOSED_STATUSES: tuple[str, ...] = ("rejected", "silent", "withdrawn")


def closed_and_quiet(
    application: Application, today: pendulum.Date, days: int, etiquette: EtiquetteSettings, rule: str | None = None
) -> bool:
    """Should ``application`` be archived today under ``archive_closed_after_days = days``?
    ``rule``: its next step's rule when already known (the board keeps them)."""
    if days <= 0 or application.archived or application.status not in CLOSED_STATUSES:
        return False
    last = max([application.applied_on, *(event.date for event in application.events)])
    if (today - last).days < days:
        return False
    if rule is None:
        from jobboard.core.etiquette import next_step

        rule = next_step(application, today, etiquette, words=False).rule
    return rule == "wait"
