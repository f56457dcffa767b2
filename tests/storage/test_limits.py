"""Limits: numbers in config.toml, fields a user types or imports, the shape of an import,
and ids given as negative numbers (issue 20)."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from jobboard.core.etiquette import EtiquetteSettings, setting_range
from jobboard.core.fields import check_email, check_url
from jobboard.core.model import new_application
from jobboard.core.validation import check_applied_on
from jobboard.storage.store import BoardStore
from tests.helpers.cli import run_cli

NUMBERS = [name for name in EtiquetteSettings._fields if name not in ("your_name", "holidays")]


@pytest.fixture
def board(tmp_path) -> Path:
    path = tmp_path / "board.json"
    with pendulum.travel_to(pendulum.datetime(2026, 11, 16, 10), freeze=True):
        BoardStore(path).add(lambda i: new_application(i, "Acme", "Dev"))
    return path


# -- config.toml numbers ----------------------------------------------------------------------------


def test_every_number_has_a_range():
    for name in NUMBERS:
        low, high = setting_range(name)
        assert low == 0 and 0 < high <= 1000


@pytest.mark.parametrize("command", [("next",), ("show", "1"), ("export", "-o", "out.md"), ("list",)])
def test_a_number_out_of_range_is_one_line_naming_key_file_and_range(board, tmp_path, command):
    config = tmp_path / "config.toml"
    config.write_text("[etiquette]\nfollow_up_business_days = 3000000\n")
    code, out, err = run_cli("--db", str(board), "--config", str(config), *command)
    assert code == 1 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert str(config) in err and "follow_up_business_days" in err and "from 0 to 260" in err


@pytest.mark.parametrize("name", NUMBERS)
def test_each_number_at_its_largest_still_gives_advice(board, tmp_path, name):
    config = tmp_path / "config.toml"
    config.write_text(f"[etiquette]\n{name} = {setting_range(name)[1]}\n")
    with pendulum.travel_to(pendulum.datetime(2026, 11, 16, 10), freeze=True):
        out_file = str(tmp_path / "out")
        for command in (("next", "--all"), ("show", "1"), ("export", "--format", "ics", "-o", out_file)):
            code, out, err = run_cli("--db", str(board), "--config", str(config), *command)
            assert code == 0, (command, err)
        code, _, err = run_cli("--db", str(board), "--config", str(config), "next", "--date", "2199-12-31")
        assert code == 0, err


# -- urls, emails and applied dates, checked in one place ----------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("", ""),
        ("  https://acme.example/jobs/1?ref=x#top ", "https://acme.example/jobs/1?ref=x#top"),
        ("HTTP://acme.example", "HTTP://acme.example"),
        ("acme.example/jobs/1", "https://acme.example/jobs/1"),
        ("jobs.acme.example:8443/apply", "https://jobs.acme.example:8443/apply"),
        ("mailto:dana@acme.example", "mailto:dana@acme.example"),
        ("mailto:dana@acme.example?subject=Hello", "mailto:dana@acme.example?subject=Hello"),
    ],
)
def test_urls_that_are_kept(typed, kept):
    assert check_url(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "https://acme.example/jobs\n/1",
        "https://acme.example/\rjobs",
        "https://acme.example/\x1b]0;owned\x07",
        "https://acme.example/\u202ejobs",
        "see the careers page",
        "javascript:alert(document.cookie)",
        "file:///etc/passwd",
        "ftp://acme.example/file",
        "https://",
        "mailto:nobody",
        "localhost",
    ],
)
def test_urls_that_are_refused(typed):
    with pytest.raises(ValueError, match="not a web address|not an email address"):
        check_url(typed)


def test_emails_and_applied_dates():
    assert check_email(" dana@acme.example ") == "dana@acme.example"
    for bad in ("dana at acme", "dana@acme", "dana@acme.exa\nmple", "da\x1bna@acme.example"):
        with pytest.raises(ValueError, match="not an email address"):
            check_email(bad)
    today = pendulum.date(2026, 11, 16)
    assert check_applied_on(today, today) == today
    with pytest.raises(ValueError, match="after today"):
        check_applied_on(today.add(days=1), today)


@pytest.mark.parametrize(
    ("option", "value", "needle"),
    [
        ("--url", "https://acme.example/jobs\nX-INJECTED: yes", "web address"),
        ("--url", "javascript:alert(1)", "web address"),
        ("--email", "dana at acme", "email address"),
        ("--applied", "tomorrow", "the applied date"),
    ],
)
def test_add_refuses_a_bad_field_in_one_line_and_writes_nothing(board, option, value, needle):
    before = board.read_bytes()
    code, out, err = run_cli("--db", str(board), "add", "Globex", "Ops", option, value)
    # A malformed url or email is a usage error (2); a date that cannot be true is refused (1).
    assert code == (1 if option == "--applied" else 2), err
    assert out == "" and err.count("\n") == 1 and needle in err, err
    assert board.read_bytes() == before


def test_add_keeps_a_bare_domain_openable_and_the_ics_export_stays_whole(board, tmp_path):
    code, out, err = run_cli("--db", str(board), "add", "Globex", "Ops", "--url", "globex.example/jobs/7")
    assert code == 0, err
    assert BoardStore(board).get(out.strip()).url == "https://globex.example/jobs/7"
    ics = tmp_path / "hunt.ics"
    code, _, err = run_cli("--db", str(board), "export", "--format", "ics", "-o", str(ics))
    assert code == 0, err
    assert b"\n" not in ics.read_bytes().replace(b"\r\n", b"")  # every line break is the format's own


def test_the_importer_refuses_the_same_fields(board, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(
        "Company,Role,URL,Email,Date Applied\n"
        'Acme,Dev,"https://acme.example/\n1",,2026-11-01\n'
        "Globex,Ops,globex.example,dana at globex,2026-11-01\n"
        "Initech,QA,,,2099-01-01\n"
    )
    before = board.read_bytes()
    code, _, err = run_cli("--db", str(board), "import", str(source))
    assert code == 1 and board.read_bytes() == before
    assert "line 2: not a web address" in err
    assert "line 4: not an email address" in err
    assert "line 5: the applied date can't be" in err and "after today" in err


def test_the_form_uses_the_same_checks():
    from jobboard.tui.forms import check_fields

    today = pendulum.date(2026, 11, 16)
    raw = {"company": "Acme", "role": "Dev", "status": "applied", "url": "https://a.example/\x1b[2J", "email": "x@y"}
    fields, errors = check_fields(raw, today)
    assert fields is None and errors["url"].startswith("Not a web address") and errors["url"].endswith(".")
    assert errors["email"].startswith("Not an email address")


def test_a_one_line_field_too_long_is_refused_the_same_way_everywhere(board, tmp_path):
    from jobboard.core.fields import LINE_CAP
    from jobboard.tui.forms import check_fields

    long_role = "Engineer " + "x" * LINE_CAP  # a job description pasted into the role
    before = board.read_bytes()
    code, out, err = run_cli("--db", str(board), "add", "Globex", long_role)
    assert code == 1 and out == "" and err.count("\n") == 1, err
    assert f"role is {len(long_role):,} characters long; keep it to {LINE_CAP}" in err
    source = tmp_path / "in.csv"
    source.write_text(f"Company,Role,Location,Date Applied\nAcme,Dev,{'Berlin ' * 50},2026-11-01\n")
    code, _, err = run_cli("--db", str(board), "import", str(source))
    assert code == 1 and "line 2: location is 350 characters long" in err, err
    assert board.read_bytes() == before
    fields, errors = check_fields({"company": "A", "role": long_role, "status": "applied"}, pendulum.date(2026, 11, 16))
    assert fields is None and errors["role"].startswith("Role is ") and errors["role"].endswith(".")
    code, _, err = run_cli("--db", str(board), "add", "Globex", "x" * LINE_CAP)  # at the cap: kept
    assert code == 0, err


# -- the shape of an import -------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [2_000, 100_000])
def test_deeply_nested_json_is_refused_by_its_shape(board, tmp_path, depth):
    source = tmp_path / "deep.json"
    source.write_text("[" * depth + "]" * depth)
    before = board.read_bytes()
    code, out, err = run_cli("--db", str(board), "import", str(source))
    assert code == 1 and "Traceback" not in err and "RecursionError" not in err
    assert "more than 32 levels deep" in err and board.read_bytes() == before


def test_deep_nesting_in_a_csv_cell_is_a_row_problem(board, tmp_path):
    source = tmp_path / "deep.csv"
    deep = "[" * 5_000 + "]" * 5_000
    source.write_text(f'Company,Role,Tags,Events\nAcme,Dev,"{deep}",\nGlobex,Ops,,"{deep}"\n')
    code, _, err = run_cli("--db", str(board), "import", str(source))
    assert code == 1 and "line 2: the JSON nests" in err and "line 3: the JSON nests" in err


def test_brackets_inside_text_do_not_count_as_nesting(board, tmp_path):
    from jobboard.formats.export import to_json

    note = "[" * 100 + ' "quoted" {' * 50
    application = new_application("1", "Acme", "Dev", notes=note, applied_on=pendulum.date(2026, 11, 1))
    source = tmp_path / "export.json"
    source.write_text(to_json([application]))
    code, _, err = run_cli("--db", str(tmp_path / "new.json"), "import", str(source))
    assert code == 0, err
    assert BoardStore(tmp_path / "new.json").get("1").notes == note


# -- negative ids -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "given"),
    [
        (("show", "-1"), "-1"),
        (("show", "-1", "--json"), "-1"),
        (("move", "-3", "applied"), "-3"),
        (("log", "-12", "follow_up"), "-12"),
        (("delete", "-7", "--yes"), "-7"),
    ],
)
def test_a_negative_id_is_answered_as_an_id(board, argv, given):
    before = board.read_bytes()
    code, out, err = run_cli("--db", str(board), *argv)
    assert code == 2 and out == ""
    assert err == f"jobboard: {given} is not an id: ids are positive whole numbers.\n"
    assert board.read_bytes() == before


def test_other_unknown_options_keep_their_message(board):
    code, _, err = run_cli("--db", str(board), "show", "--jsn", "1")
    assert code == 2 and "No such option '--jsn'" in err
