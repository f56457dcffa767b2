"""A board left open past midnight catches up: ages, due marks, due counts and the panel follow
the new date within the day check's interval. The app reads today through its clock, a fake one
here that the test moves on; nothing sleeps, every wait is on what the screen shows."""

from __future__ import annotations

import datetime
from pathlib import Path

import pendulum

import jobboard.tui.app
from jobboard.config.settings import Settings
from jobboard.core.etiquette import next_step
from jobboard.storage.store import BoardStore
from jobboard.tui.app import JobBoardApp
from jobboard.tui.panel import SidePanel
from tests.helpers.tui import DEMO_COLUMNS, loaded, select_company


class FakeClock:
    def __init__(self, day: datetime.date) -> None:
        self.day = day

    def __call__(self) -> datetime.date:
        return self.day


class QuickCheckApp(JobBoardApp):
    CSS_PATH = str(Path(jobboard.tui.app.__file__).with_name("jobboard.tcss"))
    day_check_seconds = 0.05  # the real app looks every 20 s


def board_text(app) -> str:  # noqa: ANN001
    board = app.board_screen.query_one("Board")
    return "\n".join(line.text for line in board.render_lines(board.size.region))


async def wait_until(pilot, condition) -> None:  # noqa: ANN001
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.02)
    assert condition()


async def test_the_board_catches_up_when_the_date_changes(demo_board, frozen):
    clock = FakeClock(frozen.date())  # Mon 16 Nov 2026
    app = QuickCheckApp(BoardStore(demo_board), Settings(), columns=DEMO_COLUMNS, clock=clock)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")  # applied 12 days ago, follow-up overdue by 5
        panel = app.board_screen.query_one(SidePanel)
        await wait_until(pilot, lambda: "overdue by 5 days" in panel.text)
        assert "12 days ago" in board_text(app) and "13 days ago" not in board_text(app)
        before = dict(app.steps)

        clock.day = datetime.date(2026, 11, 17)  # past midnight
        await wait_until(pilot, lambda: "overdue by 6 days" in panel.text)
        await wait_until(pilot, lambda: app.steps_ready)
        assert "13 days ago" in board_text(app)
        assert app.today.isoformat() == "2026-11-17"
        # Every card's step is the one for the 17th: what was due on the 16th is overdue (or,
        # for the interview that is now today, has given way to the thank-you note).
        seventeenth = pendulum.date(2026, 11, 17)
        assert app.steps == {i: next_step(a, seventeenth, words=False) for i, a in app.board.items()}
        assert app.steps != before


async def test_a_card_added_on_the_board_is_dated_by_its_clock_not_the_systems(board_path, frozen):
    """The system's date (frozen) is the 16th; the board's clock says 1 December. The form's
    relative date, the move into a later column and the card's age all follow the board's."""
    from textual.widgets import Select

    from tests.helpers.tui import NotedApp, fill, selected, wait_for

    clock = FakeClock(datetime.date(2026, 12, 1))
    app = NotedApp(BoardStore(board_path), Settings(), clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await fill(pilot, company="Initrode", role="Platform Engineer", applied="3 days ago")
        # Interviewed: a later column, so the card's move there is dated
        app.screen.query_one("#field-status", Select).value = "interviewed"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.flush()
        await wait_for(pilot, lambda: selected(app).company == "Initrode", "the new card, selected")
        card = selected(app)
        assert card.status == "interviewed"
        assert card.applied_on == pendulum.date(2026, 11, 28)
        assert [(e.kind, e.date) for e in card.events] == [
            ("applied", pendulum.date(2026, 11, 28)),
            ("status", pendulum.date(2026, 12, 1)),
        ]
        assert "3 days ago" in board_text(app)


class FakeTime:
    def __init__(self, at: str) -> None:
        self.at = at

    def __call__(self) -> str:
        return self.at


async def test_the_step_follows_an_interview_later_today_once_it_begins(board_path, frozen):
    """The interview is at 14:00 today: in the morning the panel says to prepare for it; once
    the clock passes 14:00 the board catches up and the step is the thank-you."""
    from jobboard.core.model import Application, Event
    from tests.helpers.tui import wait_for

    day = frozen.date()
    monzo = Application(
        "1", "Monzo", "Backend Engineer", status="interviewed", applied_on=day.subtract(days=10),
        events=[
            Event("applied", day.subtract(days=10)),
            Event("status", day.subtract(days=3), status="interviewed"),
            Event("interview", day, time="14:00", interview_kind="phone"),
        ],
        created=frozen.subtract(days=10),
    )  # fmt: skip
    BoardStore(board_path).add(lambda app_id: monzo.copy(id=app_id))
    clock, time = FakeClock(day), FakeTime("09:30")
    app = QuickCheckApp(BoardStore(board_path), Settings(), clock=clock, time_of_day=time)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Monzo")
        panel = app.board_screen.query_one(SidePanel)
        await wait_for(pilot, lambda: "Prepare for" in panel.text and "due today" in panel.text, "the prepare step")
        assert "Last contact: Fri 6 Nov" in panel.text  # the interview has not happened yet
        time.at = "14:01"
        await wait_for(pilot, lambda: "thank-you" in panel.text.lower(), "the thank-you once it began")
        await wait_for(pilot, lambda: app.steps_ready, "every step worked out again")
        assert app.steps["1"].rule == "send_thank_you"
        assert "Last contact: Mon 16 Nov" in panel.text
