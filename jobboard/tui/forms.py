"""The add/edit form: a modal over the board, checked field by field as the user saves.

A wrong field says what is wrong right under it and the form stays open; that field is checked
again as it changes. Escape closes the form and changes nothing. The form returns plain values
(``ApplicationFields``); the board screen turns them into a new application or an edit, so this
module never touches the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pendulum
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from jobboard.core.dates import parse_user_date
from jobboard.core.fields import ONE_LINE_FIELDS, check_email, check_line, check_url
from jobboard.core.model import OFFER_FIELDS, STATUS_TITLES, TEXT_FIELDS, Application
from jobboard.core.validation import check_applied_on
from jobboard.tui.date_reading import DateReading
from jobboard.tui.dialog import error_line, form_keys
from jobboard.tui.hosts import jobboard_app
from jobboard.tui.lines import as_sentence
from jobboard.tui.posting_fill import PostingFill

# (field, label, placeholder) for the one-line text fields, in the order they are shown.
LINE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("company", "Company *", "e.g. Acme"),
    ("role", "Role *", "e.g. Backend Engineer"),
    ("applied", "Applied on", "YYYY-MM-DD, today, 3 days ago, last monday"),
    ("since", "In column since", "the day it moved into that column (default today)"),
    ("url", "Posting URL", "https://..."),
    ("location", "Location", "e.g. Remote, Berlin"),
    ("salary", "Salary", "e.g. €70-80k"),
    ("source", "Source", "e.g. LinkedIn, referral"),
    ("contact", "Contact", "the recruiter (P on the board adds more people)"),
    ("email", "Contact email", "name@company.com"),
    ("tags", "Tags", "comma separated, e.g. remote, python"),
    ("offer_amount", "Offer", "what they offer, e.g. €75k + bonus"),
    ("offer_deadline", "Answer by", "the offer's deadline: YYYY-MM-DD, in 5 days"),
    ("offer_note", "Offer note", "e.g. remote ok, start in March"),
)

DATE_FIELDS = ("applied", "since", "offer_deadline")  # each shows the day its words read as


@dataclass
class ApplicationFields:
    """What the form collected, already checked."""

    company: str
    role: str
    status: str
    applied_on: pendulum.Date
    text: dict[str, str] = field(default_factory=dict)  # url, location, ..., notes
    tags: list[str] = field(default_factory=list)
    moved_on: pendulum.Date | None = None  # "in column since"; None: the day it is saved
    contact: str = ""  # the main contact's name and email (people.with_main_contact)
    email: str = ""
    posting: dict[str, str] = field(default_factory=dict)  # read from the URL's page (posting_fill.py)


def check_fields(
    raw: dict[str, str], today: pendulum.Date, editing: Application | None = None
) -> tuple[ApplicationFields | None, dict[str, str]]:
    """Check what was typed; return the fields, or None and an error per field name.

    Dates go through jobboard.core.validation, as in the CLI: ``editing`` is the application as it
    was, so that only a date the user changed is checked against its log (an old card with a
    questionable date can still be saved)."""
    errors: dict[str, str] = {}
    company, role = raw.get("company", "").strip(), raw.get("role", "").strip()
    if not company:
        errors["company"] = "Company is required."
    if not role:
        errors["role"] = "Role is required."
    applied_on = today
    try:
        applied_on = check_applied_on(parse_user_date(raw.get("applied", "") or "today", today), today)
    except ValueError as error:
        errors["applied"] = as_sentence(error)
    moved_on = _check_since(raw, today, applied_on, editing, errors)
    for name in ONE_LINE_FIELDS:
        try:
            check_line(name.capitalize(), raw.get(name, "").strip())
        except ValueError as error:
            errors.setdefault(name, as_sentence(error))
    url = email = ""
    try:
        url = check_url(raw.get("url", ""))
    except ValueError as error:
        errors["url"] = as_sentence(error)
    try:
        email = check_email(raw.get("email", ""))
    except ValueError as error:
        errors["email"] = as_sentence(error)
    deadline = ""
    if raw.get("offer_deadline", "").strip():
        try:
            deadline = parse_user_date(raw["offer_deadline"], today).isoformat()
        except ValueError as error:
            errors["offer_deadline"] = as_sentence(error)
    if errors:
        return None, errors
    text = {name: raw.get(name, "").strip() for name in OFFER_FIELDS}
    text["offer_deadline"] = deadline
    text.update((name, raw.get(name, "")) for name in TEXT_FIELDS)
    text["url"] = url
    tags = [tag.strip() for tag in raw.get("tags", "").split(",") if tag.strip()]
    contact = raw.get("contact", "")
    return ApplicationFields(company, role, raw["status"], applied_on, text, tags, moved_on, contact, email), {}


def _check_since(
    raw: dict[str, str], today: pendulum.Date, applied_on: pendulum.Date, editing: Application | None, errors: dict
) -> pendulum.Date | None:
    """The "in column since" date (None when blank or unchanged), checked like any move; and a
    changed applied date checked against the card's log."""
    from jobboard.core.validation import check_applied_date, check_date

    if editing is not None and "applied" not in errors and applied_on != editing.applied_on:
        try:
            check_applied_date(editing, applied_on, today)
        except ValueError as error:
            errors["applied"] = as_sentence(error)
    text = raw.get("since", "").strip()
    status = raw.get("status", "applied")
    if not text or (editing is not None and text == since_of(editing)):
        return None
    if status == "applied":  # typed in and then dropped would be a silent loss
        errors["since"] = "A card in Applied is there from the day you applied: put that day in Applied on."
        return None
    try:
        since = parse_user_date(text, today)
        check_date("status", since, applied_on, today, status)
    except ValueError as error:
        errors["since"] = as_sentence(error)
        return None
    return since


def since_of(application: Application) -> str:
    """The day the card moved to its column, for the form ("" in Applied or without a move)."""
    if application.status == "applied":
        return ""
    moves = [e.date for e in application.events if e.kind == "status" and e.status == application.status]
    return max(moves).isoformat() if moves else ""


def fields_of(application: Application) -> dict[str, str]:
    """The form's starting values for an existing application."""
    values = {name: getattr(application, name) for name in (*TEXT_FIELDS, *OFFER_FIELDS)}
    main = application.contact
    values.update(
        contact=main.name if main else "",
        email=main.email if main else "",
        company=application.company,
        role=application.role,
        status=application.status,
        applied=application.applied_on.isoformat(),
        since=since_of(application),
        tags=", ".join(application.tags),
    )
    return values


class ApplicationForm(PostingFill["ApplicationFields | None"]):
    """Add a new application, or edit one (``initial`` set)."""

    BINDINGS = [
        *form_keys("form"),
        # Priority: Textual's Input (up to 8.2.5, which pyproject allows) takes ctrl+f itself.
        Binding("ctrl+f", "fill_from_posting", "Fill from the posting URL", id="form_fill_from_posting", priority=True),
    ]
    DEFAULT_CSS = """
    #form-box {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 95%;
        padding: 1 2;
        background: $surface;
        border: round $accent;
    }
    .form-row { height: 1; margin-top: 1; }
    .form-row Label { width: 17; color: $text-muted; }  /* the longest label and a space */
    .form-row Input, .form-row Select { width: 1fr; }
    .notes-label { margin-top: 1; color: $text-muted; }
    #posting-note { margin-left: 15; color: $text-muted; }
    #form-box DateReading { margin-left: 15; }
    #form-box TextArea { height: 6; }
    #form-buttons { height: auto; margin-top: 1; }
    #form-buttons Button { margin-right: 2; }
    """

    def __init__(
        self,
        columns: tuple[str, ...],
        initial: dict[str, str] | None = None,
        editing: bool = False,
        focus: str = "company",
        application: Application | None = None,
    ) -> None:
        super().__init__()
        self.columns = columns
        self.initial = initial or {}
        self.first_focus = focus  # the field the cursor starts in (notes, for E without an editor)
        self.editing = editing
        self.checked = False  # a save was tried: from then on each field is checked as it changes
        self.application = application  # the card being edited, for checking changed dates
        self.posting: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        status = self.initial.get("status", "applied")
        status = status if status in self.columns else self.columns[0]
        with VerticalScroll(id="form-box"):
            yield Static(self._title(status), id="form-title")
            for name, label, placeholder in LINE_FIELDS[:2]:
                yield from self._line(name, label, placeholder)
            with Horizontal(classes="form-row"):
                yield Label("Status")
                yield Select(
                    [(STATUS_TITLES.get(s, s), s) for s in self.columns],
                    value=status,
                    allow_blank=False,
                    compact=True,
                    id="field-status",
                )
            for name, label, placeholder in LINE_FIELDS[2:]:
                yield from self._line(name, label, placeholder)
            yield Label("Notes", classes="notes-label")
            yield TextArea(self.initial.get("notes", ""), id="field-notes", soft_wrap=True)
            with Horizontal(id="form-buttons"):
                yield Button("Save  ctrl+s", id="save", variant="primary")
                yield Button("Cancel  esc", id="cancel")

    def on_mount(self) -> None:
        self.query_one(f"#field-{self.first_focus}").focus()

    def _title(self, status: object) -> Content:
        """The form's title; a new application's says which column it goes into."""
        if self.editing:
            return Content.assemble(("Edit application", "bold"))
        column = STATUS_TITLES.get(str(status), str(status))
        return Content.assemble(("New application", "bold"), ("  · goes into ", "$text-muted"), (column, "bold"))

    def on_select_changed(self, event: Select.Changed) -> None:
        self.query_one("#form-title", Static).update(self._title(event.value))

    def _line(self, name: str, label: str, placeholder: str) -> ComposeResult:
        default = "today" if name == "applied" and not self.editing else ""
        value = self.initial.get(name, default)
        with Horizontal(classes="form-row"):
            yield Label(label)
            yield Input(value, placeholder=placeholder, compact=True, id=f"field-{name}")
        if name in DATE_FIELDS:  # "reads as Tue 17 Nov (tomorrow)" as it is typed
            yield DateReading(value, jobboard_app(self).today, id=f"reading-{name}")
        error = error_line(f"error-{name}")
        error.display = False
        yield error
        if name == "url":
            yield self.posting_note()

    def raw_values(self) -> dict[str, str]:
        values = {name: self.query_one(f"#field-{name}", Input).value for name, _, _ in LINE_FIELDS}
        values["status"] = str(self.query_one("#field-status", Select).value)
        values["notes"] = self.query_one("#field-notes", TextArea).text
        return values

    def action_save(self) -> None:
        checked, errors = check_fields(self.raw_values(), jobboard_app(self).today, self.application)
        for name, _, _ in LINE_FIELDS:
            message = self.query_one(f"#error-{name}", Static)
            message.update(errors.get(name, ""))
            message.display = name in errors
        if checked is None:
            self.checked = True
            first = next(name for name, _, _ in LINE_FIELDS if name in errors)
            self.query_one(f"#field-{first}", Input).focus()
            return
        if self.posting and checked.text.get("url") == self.posting_url:
            checked.posting = self.posting
        if self.warn_of_twin():
            return
        self.dismiss(checked)

    def warn_of_twin(self) -> bool:
        """A new card for a posting already on the board (the same address, or the same company
        and role lately) is said once, as `add` says it; saving again adds it anyway."""
        from jobboard.core.duplicates import already_there, already_there_sentence

        if self.application is not None:
            return False
        values = self.raw_values()
        typed = (values.get("url", "").strip(), values["company"], values["role"])
        app = jobboard_app(self)
        twin = already_there(app.board.values(), *typed, app.today)
        if twin is None or self.twin_warned == (twin.id, *typed):
            return False
        self.twin_warned = (twin.id, *typed)
        self.say_about_posting(f"Careful: {already_there_sentence(twin, app.today)}; ctrl+s again adds it anyway.")
        return True

    def on_input_changed(self, event: Input.Changed) -> None:
        """Once a save has shown errors, a field is checked again as it is typed in, so its
        error goes as soon as it is right (or says what is wrong now)."""
        name = (event.input.id or "").removeprefix("field-")
        if name in DATE_FIELDS:
            self.query_one(f"#reading-{name}", DateReading).follow(event.value)
        message = next(iter(self.query(f"#error-{name}").results(Static)), None)
        if message is None or not self.checked:
            return
        _, errors = check_fields(self.raw_values(), jobboard_app(self).today)
        message.update(errors.get(name, ""))
        message.display = name in errors

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "field-url" and self.wants_posting():
            self.fill_from_posting()
            return
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)
