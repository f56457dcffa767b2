"""The people editor (P on a card): one block of fields per person, add and remove rows.

Returns the checked list of people, or None when cancelled. Each person is checked the way
`jobboard people` checks one (people.make_person), so neither accepts what the other refuses.
A block left entirely blank is dropped, so "Add person" then save without typing changes nothing.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Select, Static

from jobboard.core.people import ROLE_WORDS, ROLES, Person, make_person
from jobboard.tui.dialog import Dialog, error_line, form_keys
from jobboard.tui.lines import as_sentence

# (field, placeholder) of the one-line inputs of a person, after the name and role.
_INPUTS: tuple[tuple[str, str], ...] = (
    ("email", "email"),
    ("phone", "phone"),
    ("profile", "LinkedIn or other profile URL"),
    ("note", "a note"),
)


class PersonRow(Vertical):
    """One person's fields and a Remove button."""

    DEFAULT_CSS = """
    PersonRow { height: auto; margin-top: 1; border-left: outer $accent 50%; padding-left: 1; }
    PersonRow Horizontal { height: 1; }
    PersonRow Input { width: 1fr; margin-right: 1; }
    PersonRow Select { width: 22; }
    PersonRow Button { min-width: 10; }
    PersonRow .person-error { color: $error; }
    """

    def __init__(self, person: Person | None = None) -> None:
        super().__init__(classes="person-row")
        self.person = person or Person("", "recruiter")

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Input(self.person.name, placeholder="name", compact=True, classes="person-name")
            yield Select(
                [(ROLE_WORDS[role] if role != "other" else "other", role) for role in ROLES],
                value=self.person.role,
                allow_blank=False,
                compact=True,
                classes="person-role",
            )
            yield Button("Remove", compact=True, classes="person-remove")
        # The profile (a long URL) and the note get a line each, so neither runs into another.
        for line in (_INPUTS[:2], _INPUTS[2:3], _INPUTS[3:]):
            with Horizontal():
                for name, hint in line:
                    yield Input(getattr(self.person, name), placeholder=hint, compact=True, classes=f"person-{name}")
        error = error_line(classes="person-error")
        error.display = False
        yield error

    def values(self) -> dict[str, str]:
        values = {name: self.query_one(f".person-{name}", Input).value for name, _ in (("name", ""), *_INPUTS)}
        values["role"] = str(self.query_one(".person-role", Select).value)
        return values

    def checked(self) -> Person | None:
        """This row as a person; None when left blank. Shows and raises the error when wrong."""
        values = self.values()
        error = self.query_one(".person-error", Static)
        if not any(values[name].strip() for name in ("name", "email", "phone", "profile", "note")):
            error.display = False
            return None
        try:
            person = make_person(values.pop("name"), values.pop("role"), **values)
        except ValueError as problem:
            error.update(as_sentence(problem))
            error.display = True
            raise
        error.display = False
        return person


class PeopleForm(Dialog["list[Person] | None"]):
    """Edit the people of one application."""

    BINDINGS = form_keys("people")
    DEFAULT_CSS = """
    #people-box {
        width: 84; max-width: 100%; height: auto; max-height: 95%;
        padding: 1 2; background: $surface; border: round $accent;
    }
    #people-buttons { height: auto; margin-top: 1; }
    #people-buttons Button { margin-right: 2; }
    """

    def __init__(self, title: str, people: list[Person]) -> None:
        super().__init__()
        self.title_text = title
        self.people = list(people)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="people-box"):
            yield Static(Content.assemble((f"People · {self.title_text}", "bold")), id="people-title")
            rows: list[Person | None] = [*self.people] or [None]  # an empty row to type the first person in
            for person in rows:
                yield PersonRow(person)
            with Horizontal(id="people-buttons"):
                yield Button("Add person", id="people-add")
                yield Button("Save  ctrl+s", id="people-save", variant="primary")
                yield Button("Cancel  esc", id="people-cancel")

    def on_mount(self) -> None:
        self.query(".person-name").first(Input).focus()

    async def action_add(self) -> None:
        row = PersonRow()
        await self.query_one("#people-box").mount(row, before=self.query_one("#people-buttons"))
        row.query_one(".person-name", Input).focus()

    def action_save(self) -> None:
        people: list[Person] = []
        failed = False
        for row in self.query(PersonRow):
            try:
                person = row.checked()
            except ValueError:
                failed = True
                continue
            if person is not None:
                people.append(person)
        if not failed:
            self.dismiss(people)

    def on_input_submitted(self) -> None:
        self.action_save()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "people-add":
            await self.action_add()
        elif event.button.id == "people-save":
            self.action_save()
        elif event.button.id == "people-cancel":
            self.dismiss(None)
        elif event.button.has_class("person-remove"):
            row = next((a for a in event.button.ancestors if isinstance(a, PersonRow)), None)
            if row is not None:
                row.remove()
