"""P on a card: the people editor through Pilot (add two people, a wrong email, remove one)."""

from __future__ import annotations

from textual.widgets import Input, Select

from jobboard.core.model import new_application
from jobboard.core.people import Person
from jobboard.storage.store import BoardStore
from jobboard.tui.people_form import PeopleForm, PersonRow
from tests.helpers.tui import loaded, make_app, wait_for


def type_person(row: PersonRow, name: str, role: str, **details: str) -> None:
    row.query_one(".person-name", Input).value = name
    row.query_one(".person-role", Select).value = role
    for key, value in details.items():
        row.query_one(f".person-{key}", Input).value = value


async def test_add_two_people_fix_an_email_and_remove_one(board_path, frozen):
    BoardStore(board_path).add(lambda i: new_application(i, "Acme", "Dev"))
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("P")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleForm), "the people editor")
        form = app.screen
        await pilot.pause()
        type_person(form.query(PersonRow).first(), "Dana Whitfield", "recruiter", email="dana at acme")
        await pilot.click("#people-add")
        await wait_for(pilot, lambda: len(form.query(PersonRow)) == 2, "a second row")
        type_person(form.query(PersonRow).last(), "Anna Schmidt", "hiring_manager", profile="linkedin.com/in/anna")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # the wrong email keeps the editor open and says why
        error = form.query(PersonRow).first().query_one(".person-error")
        assert error.display and "Not an email address" in str(error.render())
        form.query(PersonRow).first().query_one(".person-email", Input).value = "dana@acme.example"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, PeopleForm), "the editor to close")
        await app.flush()
        assert BoardStore(board_path).get("1").people == [
            Person("Dana Whitfield", "recruiter", "dana@acme.example"),
            Person("Anna Schmidt", "hiring_manager", profile="https://linkedin.com/in/anna"),
        ]
        panel = app.board_screen.panel
        await wait_for(pilot, lambda: "Anna Schmidt (hiring manager)" in panel.text, "the panel's people")
        await pilot.press("P")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleForm), "the editor again")
        await pilot.pause()
        await pilot.click(app.screen.query(PersonRow).first().query_one(".person-remove"))
        await wait_for(pilot, lambda: len(app.screen.query(PersonRow)) == 1, "the row removed")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, PeopleForm), "the editor to close")
        await app.flush()
        assert [p.name for p in BoardStore(board_path).get("1").people] == ["Anna Schmidt"]
        await pilot.press("u")  # undo takes the removal back
        await app.flush()
        assert len(BoardStore(board_path).get("1").people) == 2
