"""The people behind an application: recruiters, hiring managers, interviewers, referrers.

Pure: no UI and no storage. A ``Person`` is a NamedTuple, so a card's list of people compares
by value (a change to one person is a change the board can carry and undo) and is cheap to
build when a large board loads. Who a draft goes to is ``addressing``'s part.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from jobboard.core.fields import check_email, check_profile

# The roles a person can have on an application, in the order the form offers them.
ROLES: tuple[str, ...] = ("recruiter", "hiring_manager", "interviewer", "referrer", "coworker", "other")

ROLE_WORDS: dict[str, str] = {
    "recruiter": "recruiter",
    "hiring_manager": "hiring manager",
    "interviewer": "interviewer",
    "referrer": "referrer",
    "coworker": "coworker",
    "other": "contact",
}

# A person's fields after the name, in the order they are stored and shown.
DETAILS: tuple[str, ...] = ("role", "email", "phone", "profile", "note")


class Person(NamedTuple):
    """Someone the candidate deals with about one application."""

    name: str
    role: str = "recruiter"
    email: str = ""
    phone: str = ""
    profile: str = ""  # a LinkedIn or other profile page
    note: str = ""

    def to_record(self) -> dict[str, str]:
        return dict(self._asdict())

    @classmethod
    def from_record(cls, record: Any) -> Person:
        """A person from its stored dict; ValueError naming what is not what jobboard writes."""
        if type(record) is not dict:
            raise ValueError("'people' holds something that is not a person")
        values = {}
        for name in cls._fields:
            value = record.get(name, "" if name != "role" else "other")
            if type(value) is not str:
                raise ValueError(f"a person's '{name}' is not text")
            values[name] = value
        if not values["name"].strip():
            raise ValueError("a person has no name")
        if values["role"] not in ROLES:
            raise ValueError(f"a person's role '{values['role']}' is not one of: {', '.join(ROLES)}")
        return cls(**values)

    def label(self) -> str:
        """ "Dana Whitfield (recruiter)", as the panel and `people` list a person."""
        return f"{self.name} ({ROLE_WORDS[self.role]})"


def people_records(raw: Any) -> list[dict[str, str]]:
    """A stored ``people`` list checked and in its usual shape, without making people."""
    if type(raw) is not list:
        raise ValueError("'people' is not a list of people")
    return [Person.from_record(item).to_record() for item in raw]


def parse_role(text: str) -> str:
    """Accept "Hiring manager", "hiring-manager" and "hiring_manager" alike; ValueError when unknown."""
    cleaned = text.strip().lower().replace("-", "_").replace(" ", "_")
    if cleaned == "contact":
        cleaned = "other"
    if cleaned not in ROLES:
        raise ValueError(f"'{text}' is not a role; use one of: {', '.join(ROLES)}")
    return cleaned


class DetailRefused(ValueError):
    """A person's email or profile that is not one; ``detail`` says which, so that `jobboard
    people` names the option rather than the person's name."""

    def __init__(self, detail: str, message: str) -> None:
        super().__init__(message)
        self.detail = detail


def make_person(name: str, role: str = "recruiter", **details: str) -> Person:
    """A person from what a user typed: the role read leniently, the email and profile checked,
    every field stripped. ValueError with one sentence when something is wrong (DetailRefused
    for the email or profile)."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a person needs a name")
    values = {key: (details.get(key) or "").strip() for key in ("email", "phone", "profile", "note")}
    for detail, check in (("email", check_email), ("profile", check_profile)):
        try:
            values[detail] = check(values[detail])
        except ValueError as error:
            raise DetailRefused(detail, str(error)) from None
    return Person(name, parse_role(role or "recruiter"), **values)


def checked_person(person: Person) -> Person:
    """A person read from outside (an import) with the same checks as one typed: the email
    and profile through jobboard.core.fields; ValueError naming the person otherwise."""
    checked = {}
    for name, check in (("email", check_email), ("profile", check_profile)):
        try:
            checked[name] = check(getattr(person, name))
        except ValueError as error:
            raise ValueError(f"the {name} of {' '.join(person.name.split())[:60]!r} is {error}") from None
    return person._replace(**checked)


def first_contact(name: str, email: str) -> list[Person]:
    """The people a card starts with when only a contact's name and/or email is known (the
    old single contact, `add --contact/--email`, an imported "Contact" column): one recruiter."""
    name, email = " ".join(name.split()), email.strip()
    if not name and not email:
        return []
    return [Person(name or email, "recruiter", email)]


def with_main_contact(people: list[Person], name: str, email: str) -> list[Person]:
    """``people`` with the main contact (the first recruiter, else the first person) renamed
    and re-addressed as the form's Contact and Contact email say: added when there was none,
    taken off the list when both are cleared, every other person kept as they were."""
    name, email = " ".join(name.split()), email.strip()
    main = next((i for i, p in enumerate(people) if p.role == "recruiter"), 0 if people else None)
    if main is None:
        return first_contact(name, email)
    if not name and not email:
        return [p for i, p in enumerate(people) if i != main]
    person = people[main]
    changed = person._replace(name=name or email, email=email)
    return [changed if i == main else p for i, p in enumerate(people)]


def person_line(person: Person) -> str:
    """One person on one line, as the panel, `people` and the exports show them:
    "Dana Whitfield (recruiter) · dana@acme.example · +49 30 1234 · linkedin.com/in/dana"."""
    return " · ".join([person.label(), *(v for v in (person.email, person.phone, person.profile) if v)])
