"""The day rolls over, and today's interviews begin: a board left open catches up within a minute.

The app reads today through one function (``JobBoardApp.clock``, the system date unless a test
gives another) and the time of day through another (``JobBoardApp.time_of_day``), and compares
them every ``DAY_CHECK_SECONDS`` with what the columns were drawn for. When the date differs, or
an interview of today has begun since (before its time it was still ahead: "prepare", after it
"send a thank-you"), every card's step is worked out again, the cards' ages and due marks are
drawn again, and the headers' due counts and the side panel follow.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from jobboard.core.timeline import is_ahead

if TYPE_CHECKING:
    import pendulum

    from jobboard.core.model import Application

DAY_CHECK_SECONDS = 20.0  # well within a minute of midnight, or of an interview's start


def local_time() -> str:
    """The time of day on this computer's clock, "HH:MM"."""
    return datetime.datetime.now().strftime("%H:%M")


def no_time() -> None:
    """No time of day: the day is read whole (today's interviews count as held)."""
    return None


def interview_began(
    applications: Iterable[Application], today: pendulum.Date, since: str | None, at: str | None
) -> bool:
    """Whether an interview of ``today`` has a time after ``since`` and up to ``at``."""
    if since is None or at is None or since == at:
        return False
    return any(
        event.kind == "interview"
        and event.date == today
        and is_ahead(event, today, since)  # still to come at the last look
        and not is_ahead(event, today, at)  # and not any more
        for application in applications
        for event in application.events
    )


def check_day(app) -> bool:  # noqa: ANN001 - the JobBoardApp
    """Catch the board up if the date is not the one its columns show, or an interview of today
    has begun since the last look; True when it did."""
    if not app.loaded:
        return False  # the board is drawn as of the day it loads
    try:
        screen = app.board_screen
    except LookupError:  # the app is closing (its screens are gone): nothing left to catch up
        return False
    today = app.today
    since, app.at = app.at, app.time_of_day()
    if all(view.today == today for view in screen.column_views) and not interview_began(
        app.board.values(), today, since, app.at
    ):
        return False
    app.steps.clear()
    app.steps_ready = False
    for view in screen.column_views:
        view.today = today
        view.forget_lines()
    screen.refresh_board()
    app.work_out_steps()  # the due counts and the panel follow
    return True
