"""Dates as the user types them: each date input says which day the words read as before
anything is saved ("next tuesday" on a Monday is tomorrow), the snooze question suggests days
to come, and the header says the order the cards are in."""

from __future__ import annotations

import pendulum
from textual.widgets import Input, Static

from jobboard.tui.date_reading import DateReading, reads_as
from jobboard.tui.forms import ApplicationForm
from jobboard.tui.interview import AskInterviewScreen
from jobboard.tui.screens import AskDateScreen
from jobboard.tui.timeline import EventForm
from tests.helpers.tui import DEMO_COLUMNS, loaded, make_app, select_company, wait_for

MONDAY = pendulum.date(2026, 11, 16)  # the frozen day (tests/conftest.py)


def test_reads_as_names_the_day_of_words_and_nothing_for_a_full_date_or_no_date():
    assert reads_as("next tuesday", MONDAY) == "reads as Tue 17 Nov (tomorrow)"
    assert reads_as("in 2 weeks", MONDAY) == "reads as Mon 30 Nov (in 2 weeks)"
    assert reads_as("3 days ago", MONDAY) == "reads as Fri 13 Nov (3 days ago)"
    assert reads_as("next friday", pendulum.date(2026, 12, 28)) == "reads as Fri 1 Jan 2027 (in 4 days)"
    assert reads_as("2026-11-17", MONDAY) == "" and reads_as("next wee", MONDAY) == "" and reads_as(" ", MONDAY) == ""


def reading(screen) -> str:
    widget = screen.query_one(DateReading)
    return widget.reading if widget.display else ""


async def type_into(pilot, input_id: str, text: str) -> None:
    box = pilot.app.screen.query_one(f"#{input_id}", Input)
    box.value = ""
    box.focus()
    await pilot.press(*text)
    await pilot.pause()


async def test_the_snooze_question_suggests_days_ahead_and_reads_next_tuesday_as_tomorrow(demo_board):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")
        await pilot.press("z")
        await wait_for(pilot, lambda: isinstance(app.screen, AskDateScreen), "the snooze question")
        hint = "\n".join(str(s.render()) for s in app.screen.query(Static).results() if "YYYY" in str(s.render()))
        assert "ago" not in hint and "'in 2 weeks'" in hint and "'next friday'" in hint
        assert reading(app.screen) == "reads as Tue 17 Nov (tomorrow)"  # the default, "tomorrow"
        await type_into(pilot, "date-input", "next tuesday")
        assert reading(app.screen) == "reads as Tue 17 Nov (tomorrow)"
        await type_into(pilot, "date-input", "in 2 weeks")
        assert reading(app.screen) == "reads as Mon 30 Nov (in 2 weeks)"


async def test_the_interview_question_and_the_event_form_read_the_date_as_it_is_typed(demo_board):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, AskInterviewScreen), "the interview question")
        assert reading(app.screen) == "reads as Mon 16 Nov (today)"
        await type_into(pilot, "date-input", "next tuesday")
        assert reading(app.screen) == "reads as Tue 17 Nov (tomorrow)"
        await pilot.press("escape", "t", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EventForm), "the event form")
        assert reading(app.screen) == ""  # a full date says itself
        await type_into(pilot, "event-date", "last monday")
        assert reading(app.screen) == "reads as Mon 9 Nov (7 days ago)"


async def test_the_forms_dates_read_as_they_are_typed(demo_board):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ApplicationForm), "the form")
        applied = app.screen.query_one("#reading-applied", DateReading)
        assert applied.display and applied.reading == "reads as Mon 16 Nov (today)"
        await type_into(pilot, "field-applied", "last friday")
        assert applied.reading == "reads as Fri 13 Nov (3 days ago)"
        await type_into(pilot, "field-applied", "2026-11-02")
        assert not applied.display


async def test_the_header_says_the_order_in_force(demo_board):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        title = app.board_screen.title_bar
        assert "18 applications by urgency" in str(title.render())
        await pilot.press("s")
        await wait_for(pilot, lambda: "by applied date" in str(title.render()), "the header to follow s")


def error_line(screen, error_id: str) -> str:
    return str(screen.query_one(f"#{error_id}", Static).render())


async def test_a_date_questions_error_goes_once_the_day_typed_is_right(demo_board):
    """Enter on a wrong day shows why; the error then follows the typing, in the snooze
    question, the interview question and the event form alike (as the card form's do), rather
    than staying up beside a day that is right now."""
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")
        await pilot.press("z")
        await wait_for(pilot, lambda: isinstance(app.screen, AskDateScreen), "the snooze question")
        await type_into(pilot, "date-input", "yesterday")
        await pilot.press("enter")
        assert error_line(app.screen, "date-error") == "Choose a day after today."
        await type_into(pilot, "date-input", "next friday")
        assert error_line(app.screen, "date-error") == ""
        await pilot.press("escape", "i")
        await wait_for(pilot, lambda: isinstance(app.screen, AskInterviewScreen), "the interview question")
        await type_into(pilot, "date-input", "someday")
        await pilot.press("enter")
        assert error_line(app.screen, "date-error") != ""
        await type_into(pilot, "date-input", "today")
        assert error_line(app.screen, "date-error") == ""
        await pilot.press("escape", "t", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EventForm), "the event form")
        await type_into(pilot, "event-date", "in 3 days")
        await pilot.press("enter")
        assert "after today" in error_line(app.screen, "event-error")
        await type_into(pilot, "event-date", "2026-11-02")
        assert error_line(app.screen, "event-error") == ""
        assert isinstance(app.screen, EventForm)  # typing checks; only enter or ctrl+s saves
