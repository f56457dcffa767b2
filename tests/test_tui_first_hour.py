"""A newcomer's first hour through Pilot: the form's dates and errors, keys and their ids,
the heard-back note, the panel's parts, the counts, narrow and wide terminals."""

from __future__ import annotations

import pendulum

from jobboard.store import BoardStore
from jobboard.tui.forms import ApplicationForm
from tests.test_tui_board import loaded, make_app, selected
from tests.test_tui_manage import error_of, fill


async def test_the_form_takes_the_dates_the_cards_print(board_path, frozen):
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await fill(pilot, company="Initrode", role="Platform Engineer", applied="2 weeks ago")
        await pilot.press("ctrl+s")
        await app.flush()
        assert selected(app).applied_on == pendulum.date(2026, 11, 2)
        assert BoardStore(board_path).get(selected(app).id).applied_on == pendulum.date(2026, 11, 2)


async def test_an_error_under_a_field_goes_once_the_field_is_fixed(board_path, frozen):
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await fill(pilot, company="", role="Dev", applied="someday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Company is required" in error_of(app, "company")
        assert "is not a date" in error_of(app, "applied")
        app.screen.query_one("#field-applied").focus()
        await pilot.press("ctrl+a", "ctrl+k", *"in 2 days")  # still wrong, for another reason
        await pilot.pause()
        assert "cannot be in the future" in error_of(app, "applied")
        await pilot.press(*["backspace"] * 9, *"last monday")
        await pilot.pause()
        assert error_of(app, "applied") == ""
        assert "Company is required" in error_of(app, "company")  # not checked until it changes
        await fill(pilot, company="Acme")
        assert error_of(app, "company") == ""
        assert isinstance(app.screen, ApplicationForm)  # nothing saved until ctrl+s
        assert app.board == {}
