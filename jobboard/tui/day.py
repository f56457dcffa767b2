"""The day rolls over: a board left open past midnight catches up within a minute.

The app reads today through one function (``JobBoardApp.clock``, the system date unless a test
gives another) and compares it every ``DAY_CHECK_SECONDS`` with the day the columns were drawn
for. When they differ, every card's step is worked out again for the new day, the cards' ages
and due marks are drawn again, and the headers' due counts and the side panel follow.
"""

from __future__ import annotations

DAY_CHECK_SECONDS = 20.0  # well within a minute of midnight


def check_day(app) -> bool:  # noqa: ANN001 - the JobBoardApp
    """Catch the board up if the date is not the one its columns show; True when it did."""
    if not app.loaded:
        return False  # the board is drawn as of the day it loads
    today = app.today
    screen = app.board_screen
    if all(view.today == today for view in screen.column_views):
        return False
    app.steps.clear()
    app.steps_ready = False
    for view in screen.column_views:
        view.today = today
        view.forget_lines()
    screen.refresh_board()
    app.work_out_steps()  # the due counts and the panel follow
    return True
