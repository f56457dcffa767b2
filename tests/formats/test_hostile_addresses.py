"""Finding 3 of issue 28: an address from outside can never add a recipient or a header.

Every way in (import, the upgrade of an older board, add, people) goes through
jobboard.core.fields, and the ``mailto:`` URL is built from one checked address (docs/data.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobboard.core.fields import check_email, check_profile, check_url
from jobboard.core.mailto import mailto_url
from jobboard.storage.migrations import upgraded
from jobboard.storage.store import BoardStore
from tests.helpers.cli import run_cli

SMUGGLED = [
    "dana@acme.com\r\nBcc: evil@attacker.com",
    "dana@acme.com\nBcc: evil@attacker.com",
    "dana@acme.com,evil@attacker.com",
    "dana@acme.com;evil@attacker.com",
    "dana@acme.com%0D%0ABcc:evil@attacker.com",
    "dana@acme.com%0abcc=evil@attacker.com",
    "dana@acme.com?bcc=evil@attacker.com",
    "Dana <evil@attacker.com>",
]


@pytest.mark.parametrize("email", SMUGGLED)
def test_an_email_is_one_address_and_nothing_more(email: str) -> None:
    with pytest.raises(ValueError, match="not an email address"):
        check_email(email)
    with pytest.raises(ValueError):
        mailto_url(email, "Hello", "Body")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "mailto:dana@acme.com?bcc=evil@attacker.com",
        "mailto:a@b.example,evil@attacker.com",
        "data:text/html,hi",
        "ftp://acme.example/x",
    ],
)
def test_only_web_and_plain_mail_links(url: str) -> None:
    with pytest.raises(ValueError):
        check_url(url)


def test_a_profile_is_a_web_page_and_a_posting_may_be_a_mail_address() -> None:
    assert check_url("mailto:jobs@acme.example") == "mailto:jobs@acme.example"
    assert check_profile("linkedin.com/in/dana") == "https://linkedin.com/in/dana"
    with pytest.raises(ValueError, match=r"a profile is a web page, not a mail link.*linkedin\.com/in/dana"):
        check_profile("mailto:dana@acme.example")
    with pytest.raises(ValueError, match=r"\(http or https\); use e\.g\. https://www\.linkedin\.com/in/dana"):
        check_profile("ftp://files.acme.example/dana")


def _people_csv(tmp_path: Path, person: dict) -> Path:
    cell = json.dumps([person]).replace('"', '""')
    path = tmp_path / "people.csv"
    path.write_text(f'Company,Role,Date Applied,People\nAcme,Eng,2026-11-02,"{cell}"\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("person", "field"),
    [
        ({"name": "Dana", "email": SMUGGLED[0]}, "email"),
        ({"name": "Dana", "email": SMUGGLED[2]}, "email"),
        ({"name": "Dana", "profile": "javascript:alert(1)"}, "profile"),
    ],
)
def test_the_importers_people_are_checked_like_typed_ones(tmp_path: Path, frozen, person: dict, field: str) -> None:
    board = tmp_path / "board.json"
    code, _, err = run_cli("--db", str(board), "import", str(_people_csv(tmp_path, person)))
    assert code == 1
    problem = err.splitlines()[0]
    assert "line 2: people: " in problem and f"the {field} of 'Dana'" in problem
    assert "1 problem above; nothing was imported." in err
    assert not board.exists()


def test_a_posting_url_from_an_import_cannot_be_a_mail_with_headers(tmp_path: Path, frozen) -> None:
    source = tmp_path / "rows.csv"
    source.write_text(
        "Company,Role,Date Applied,URL\nAcme,Eng,2026-11-02,mailto:jobs@acme.example?bcc=evil@x.example\n"
    )
    code, _, err = run_cli("--db", str(tmp_path / "board.json"), "import", str(source))
    assert code == 1 and "line 2" in err and "mail link" in err


def test_an_older_boards_smuggled_email_never_becomes_the_address(tmp_path: Path) -> None:
    record = {
        "id": "1",
        "company": "Acme",
        "role": "Eng",
        "status": "applied",
        "applied_on": "2026-11-02",
        "contact": "Dana",
        "email": SMUGGLED[0],
        "tags": [],
        "events": [],
    }
    data = {"_default": {}, "applications": {"1": record}, "meta": {"1": {"schema_version": 2}}}
    person = upgraded(data)["applications"]["1"]["people"][0]
    assert person["email"] == "" and "evil@attacker.com" in person["note"] and person["name"] == "Dana"


def test_a_board_holding_a_smuggled_email_gives_no_mailto(tmp_path: Path, frozen) -> None:
    board = tmp_path / "board.json"
    store = BoardStore(board)
    from jobboard.core.model import new_application
    from jobboard.core.people import Person

    dana = Person("Dana", "recruiter", SMUGGLED[0])
    store.add(
        lambda app_id: new_application(app_id, "Acme", "Eng", applied_on=frozen.date().subtract(days=9), people=[dana])
    )
    code, out, err = run_cli("--db", str(board), "draft", "1", "--mailto")
    assert code == 1 and out == "" and "not an email address" in err and err.count("\n") == 1
