"""Moving a card on the board: the checks every move shares, and the interview question.

A move goes through ``jobboard.core.validation.moved`` (a move to the column the card is in logs
nothing and says so; leaving Wishlist for Applied sets the applied date). A move to Interviewed
first asks the interview's date, today by default, past or future, and logs the interview with
the move as one change, so one undo takes both back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobboard.core.model import STATUS_TITLES, Application, Event
from jobboard.core.validation import AlreadyThere, DateRefused, check_date, moved
from jobboard.formats.printable import one_line
from jobboard.tui.lines import as_sentence

if TYPE_CHECKING:
    import pendulum


def move_card(screen, application: Application | None, status: str) -> bool:  # noqa: ANN001 - the BoardScreen
    """Move ``application`` to ``status`` today; False when it cannot move (the reason is
    shown). A move to Interviewed asks the interview date first and returns True at once."""
    if application is None:
        return False
    app = screen.jobboard
    today = app.today
    try:
        moved(application, status, today, today)
    except (AlreadyThere, DateRefused) as error:
        screen.notify(as_sentence(error), severity="warning")
        return False
    if status == "interviewed":
        _ask_interview_then_move(screen, application)
        return True
    app.change(application.id, lambda a: moved(a, status, today, today), f"move to {STATUS_TITLES[status]}")
    return True


def _ask_interview_then_move(screen, application: Application) -> None:  # noqa: ANN001
    from jobboard.tui.interview import AskInterviewScreen

    app = screen.jobboard
    company = one_line(application.company)

    def check(day: pendulum.Date) -> None:
        # The move itself is today; the interview may be past or ahead, not before applying.
        applied_on = moved(application, "interviewed", app.today, app.today).applied_on
        check_date("interview", day, applied_on, app.today)

    def answered(answer: tuple[pendulum.Date, str | None] | None) -> None:
        if answer is None:
            screen.notify(f"{company} stays where it was.", timeout=2)
            return
        day, at = answer
        today = app.today
        interview = Event("interview", day, time=at)

        def move(a: Application) -> Application:
            # The same interview already logged is merged, not added twice (docs/rules.md).
            from jobboard.core.what_happened import log_what_happened

            return log_what_happened(moved(a, "interviewed", today, today), interview, today).application

        app.change(application.id, move, f"move to {STATUS_TITLES['interviewed']}")
        when = day.format("ddd D MMM") + (f" {at}" if at else "")
        screen.notify(
            f"Moved {company} to {STATUS_TITLES['interviewed']}, interview {when}. u undoes both.",
            timeout=3,
        )

    question = f"When is (or was) the interview with {company}? (escape: don't move the card)"
    app.push_screen(AskInterviewScreen(question, app.today, check), answered)
