"""Schema versions of the board file and the steps that upgrade an older board.

Each step takes the raw TinyDB data of version N and returns version N + 1. The store backs
the file up (a ``before-schema-N`` copy) before it writes an upgraded board, upgrades in memory
only when it just reads, and refuses a board from a newer jobboard.

To change the file's shape, bump ``SCHEMA_VERSION``, register the step from the previous
version here, and add a fixture of the new version under ``tests/fixtures/boards/``.

- 1 -> 2: an ``interview`` event may carry its time (``"time": "HH:MM"``), its kind
  (``"interview_kind"``) and the people met (``"with"``). Every version-1 board is already a
  valid version-2 board, so the step changes nothing but the version; the version moves so that
  an older jobboard refuses a board it would silently strip of those details.
- 2 -> 3: people per application. The single ``contact`` and ``email`` fields become the first
  entry of ``people`` (a recruiter), and every application gets the new fields empty: the
  offer's ``offer_amount``, ``offer_deadline`` and ``offer_note``, and ``archived`` (false).
  The email goes through the same check as one typed (jobboard.core.fields): one that is not a
  single address (a line break, a second recipient) is kept in the person's note, not as the
  address a draft would be sent to.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 3

Data = dict[str, Any]


def _interview_details(data: Data) -> Data:
    """1 -> 2: interview details are new optional fields; no event needs to change."""
    return data


def _people(data: Data) -> Data:
    """2 -> 3: each application's ``contact``/``email`` become its first person (a recruiter);
    the offer fields and ``archived`` are added empty. Every other field and event is kept."""
    for record in data.get("applications", {}).values():
        contact, email = record.pop("contact", ""), record.pop("email", "")
        if type(contact) is not str or type(email) is not str:
            raise ValueError(f"application {record.get('id')}: 'contact' or 'email' is not text")
        people = record.get("people") or [person.to_record() for person in _contact(contact, email)]
        rebuilt: dict[str, Any] = {}
        for key, value in record.items():
            if key == "tags":  # the new fields go where a version-3 board keeps them
                rebuilt.update(people=people, offer_amount="", offer_deadline="", offer_note="", archived=False)
            rebuilt[key] = value
        rebuilt.setdefault("people", people)
        for key, empty in (("offer_amount", ""), ("offer_deadline", ""), ("offer_note", ""), ("archived", False)):
            rebuilt.setdefault(key, empty)
        record.clear()
        record.update(rebuilt)
    return data


def _contact(name: str, email: str) -> list:
    """The old single contact as a person; an email that is not one address kept as a note."""
    from jobboard.core.fields import check_email
    from jobboard.core.people import first_contact

    try:
        return first_contact(name, check_email(email))
    except ValueError:
        people = first_contact(name or "Contact", "")
        return [people[0]._replace(note=f"email on the older board, not used as it is not one address: {email!r}")]


# version N -> the step that turns a version-N board into version N + 1.
STEPS: dict[int, Callable[[Data], Data]] = {1: _interview_details, 2: _people}


class MigrationError(ValueError):
    """An older board could not be upgraded (a missing step, or a step that failed on it)."""


def version_of(data: Data) -> int:
    return int(data["meta"]["1"]["schema_version"])


def backup_reason() -> str:
    """What the copy kept before an upgrade is called: ``before-schema-<the new version>``."""
    return f"before-schema-{SCHEMA_VERSION}"


def upgraded(data: Data) -> Data:
    """A copy of ``data`` brought up to SCHEMA_VERSION (the input is left untouched)."""
    data = copy.deepcopy(data)
    version = version_of(data)
    while version < SCHEMA_VERSION:
        step = STEPS.get(version)
        if step is None:
            raise MigrationError(f"this jobboard has no upgrade from schema {version}")
        try:
            data = step(data)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise MigrationError(f"the upgrade from schema {version} failed ({error!r})") from error
        version += 1
        data["meta"]["1"]["schema_version"] = version
    return data
