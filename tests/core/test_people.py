"""People per application: the pure model, `jobboard people`, `add --contact/--email`, `show --json`."""

from __future__ import annotations

import json

import pytest

from jobboard.core.model import new_application
from jobboard.core.people import Person, make_person, with_main_contact
from jobboard.formats.records import application_from_record, application_record
from jobboard.storage.store import BoardStore
from tests.helpers.cli import run_cli


def test_a_person_is_checked_where_it_comes_in():
    anna = make_person("  Dr. Anna   Schmidt ", "Hiring manager", profile="linkedin.com/in/anna")
    assert anna == Person("Dr. Anna Schmidt", "hiring_manager", profile="https://linkedin.com/in/anna")
    for name, role, details, needle in (
        ("", "recruiter", {}, "needs a name"),
        ("Dana", "boss", {}, "not a role"),
        ("Dana", "recruiter", {"email": "dana at acme"}, "not an email address"),
        ("Dana", "recruiter", {"profile": "not a url"}, "not a web address"),
    ):
        with pytest.raises(ValueError, match=needle):
            make_person(name, role, **details)


def test_the_main_contact_is_the_first_recruiter():
    app = new_application("1", "Acme", "Dev", people=[Person("Sam", "coworker"), Person("Dana", "recruiter")])
    assert app.contact.name == "Dana"
    assert new_application("2", "Acme", "Dev").contact is None
    assert new_application("3", "Acme", "Dev", email="hr@acme.example").contact == Person(
        "hr@acme.example", "recruiter", "hr@acme.example"
    )


def test_the_forms_contact_fields_change_only_the_main_contact():
    people = [Person("Sam", "coworker"), Person("Dana", "recruiter", "d@a.example", phone="1")]
    assert with_main_contact(people, "Dana Lee", "dana@a.example") == [
        Person("Sam", "coworker"),
        Person("Dana Lee", "recruiter", "dana@a.example", phone="1"),
    ]
    assert with_main_contact(people, "", "") == [Person("Sam", "coworker")]
    assert with_main_contact([], "Ana", "") == [Person("Ana", "recruiter")]


def test_people_round_trip_and_bad_records_name_the_field():
    app = new_application("1", "Acme", "Dev", people=[Person("Dana", "recruiter", "d@a.example", "1", "", "nice")])
    record = application_record(app)
    assert application_from_record(record) == app
    for bad, needle in (
        ([{"name": "", "role": "recruiter"}], "no name"),
        ([{"name": "Dana", "role": "boss"}], "role 'boss'"),
        ([{"name": "Dana", "email": 3}], "'email' is not text"),
        ("Dana", "not a list"),
    ):
        with pytest.raises(ValueError, match=needle):
            application_from_record({**record, "people": bad})


def test_people_command_adds_edits_lists_and_removes(board_path, capsys, frozen):
    db = ("--db", str(board_path))
    assert run_cli(*db, "add", "Acme", "Dev", "--contact", "Dana Whitfield", "--email", "dana@acme.example")[0] == 0
    code, _, err = run_cli(
        *db, "people", "add", "1", "Dr. Anna Schmidt", "--role", "hiring_manager", "--profile", "x.example/a"
    )
    assert code == 0 and err == "Added Dr. Anna Schmidt (hiring manager) to Acme.\n"
    assert run_cli(*db, "people", "edit", "1", "2", "--phone", "+49 30 1")[0] == 0
    code, out, _ = run_cli(*db, "people", "1")
    assert out.splitlines() == [
        "  1  Dana Whitfield (recruiter) · dana@acme.example",
        "  2  Dr. Anna Schmidt (hiring manager) · +49 30 1 · https://x.example/a",
    ]
    code, out, _ = run_cli(*db, "show", "1", "--json")
    assert [p["name"] for p in json.loads(out)["people"]] == ["Dana Whitfield", "Dr. Anna Schmidt"]
    assert run_cli(*db, "people", "remove", "1", "1", "--yes")[0] == 0
    code, out, _ = run_cli(*db, "people", "list", "1", "--json")
    assert [p["role"] for p in json.loads(out)] == ["hiring_manager"]


def test_the_old_people_options_still_work_and_say_the_new_spelling(board_path, frozen):
    db = ("--db", str(board_path))
    assert run_cli(*db, "add", "Acme", "Dev", "--contact", "Dana Whitfield")[0] == 0
    code, _, err = run_cli(*db, "people", "1", "--add", "Sam Lee", "--role", "coworker")
    assert code == 0 and err.splitlines() == [
        "jobboard: `people ID --add` is now `people add ID NAME`; the old spelling goes in the next release.",
        "Added Sam Lee (coworker) to Acme.",
    ]
    code, _, err = run_cli(*db, "people", "1", "--edit", "2", "--phone", "+49 30 1")
    assert code == 0 and "`people edit ID N`" in err and "Saved Sam Lee (coworker)." in err
    code, _, err = run_cli(*db, "people", "1", "--remove", "1", "--yes")
    assert code == 0 and "`people remove ID N`" in err
    assert [p.name for p in BoardStore(board_path).get("1").people] == ["Sam Lee"]


def test_an_old_people_spelling_refused_points_to_the_new_commands_help(board_path, frozen):
    db = ("--db", str(board_path))
    assert run_cli(*db, "add", "Acme", "Dev")[0] == 0
    before = board_path.read_bytes()
    code, _, err = run_cli(*db, "people", "1", "--add", "Sam Lee", "--profile", "ftp://x.example/sam")
    assert code == 2 and err.splitlines()[1].startswith("jobboard: Invalid value for --profile: not a web address")
    assert err.splitlines()[1].endswith("people add --help`)")
    code, _, err = run_cli(*db, "people", "1", "--remove", "1")
    assert code == 2 and err.splitlines()[1].endswith("people remove --help`)")
    assert board_path.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (["remove", "1", "1"], 2, "needs --yes"),
        (["remove", "1", "5", "--yes"], 2, "no person number 5"),
        (["edit", "1", "0", "--name", "X"], 2, "no person number 0"),
        (["edit", "1", "1"], 2, "say what to change"),
        (["add", "1", "X", "--email", "x at y"], 2, "Invalid value for --email: not an email address"),
        (["add", "1", "X", "--profile", "mailto:x@y.example"], 2, "--profile: a profile is a web page, not a mail"),
        (["edit", "1", "1", "--profile", "ftp://y.example/x"], 2, "--profile: not a web address (http or https)"),
        (["add", "1", "X", "--role", "boss"], 2, "not a role"),
        (["1", "--email", "x@y.example"], 2, "go with `people add` or `people edit`"),
        (["1", "--add", "X", "--remove", "1"], 2, "one of --add, --remove"),
        ([], 2, "give the application's ID"),
    ],
)
def test_bad_people_input_is_one_line_and_costs_no_byte(board_path, capsys, frozen, argv, code, needle):
    BoardStore(board_path).add(lambda i: new_application(i, "Acme", "Dev", contact="Dana"))
    before = board_path.read_bytes()
    got, _, err = run_cli("--db", str(board_path), "people", *argv)
    assert got == code and needle in err and len(err.strip().splitlines()) == 1
    assert board_path.read_bytes() == before
