"""The CLI through its real entry point: output, exit codes and untouched files on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli


@pytest.fixture
def board(board_path, capsys, frozen):
    """A board with two applications, built through the CLI."""
    db = str(board_path)
    code, out, _ = run_cli(
        "--db",
        db,
        "add",
        "Acme",
        "Backend Engineer",
        "--applied",
        "2026-11-02",
        "--contact",
        "Dana",
        "--tag",
        "python",
        "--tag",
        "remote",
    )
    assert code == 0 and out == "1\n"
    code, out, _ = run_cli("--db", db, "add", "Globex", "Data Engineer", "--status", "interviewed")
    assert code == 0 and out == "2\n"
    return board_path


def test_add_prints_the_id_alone_and_logs_applied(board, capsys):
    code, out, _ = run_cli("--db", str(board), "list", "--json")
    assert code == 0
    records = json.loads(out)
    acme = records[0]
    for key in (
        "id",
        "company",
        "role",
        "status",
        "applied_on",
        "url",
        "location",
        "salary",
        "source",
        "notes",
        "people",
        "tags",
        "events",
    ):
        assert key in acme
    assert acme["applied_on"] == "2026-11-02"
    assert acme["tags"] == ["python", "remote"]
    assert acme["events"] == [{"kind": "applied", "date": "2026-11-02"}]
    assert records[1]["status"] == "interviewed"
    assert records[1]["applied_on"] == "2026-11-16"  # today, frozen


def test_list_table_and_status_filter(board, capsys):
    code, out, _ = run_cli("--db", str(board), "list", "--status", "applied")
    assert code == 0
    assert "Acme" in out and "Globex" not in out
    assert "2 weeks ago" in out


def test_move_show_log_and_delete(board, capsys):
    db = str(board)
    assert run_cli("--db", db, "move", "1", "silent", "--date", "2026-11-10")[0] == 0
    assert run_cli("--db", db, "log", "1", "follow-up", "--date", "2026-11-12", "--note", "pinged")[0] == 0
    code, out, _ = run_cli("--db", db, "show", "1", "--json")
    record = json.loads(out)
    assert record["status"] == "silent"
    assert record["events"][-2:] == [
        {"kind": "status", "date": "2026-11-10", "status": "silent"},
        {"kind": "follow_up", "date": "2026-11-12", "note": "pinged"},
    ]
    code, out, _ = run_cli("--db", db, "show", "1")
    assert "Acme" in out and "Timeline" in out and "pinged" in out
    code, _, err = run_cli("--db", db, "delete", "1", "--yes")
    assert code == 0 and "Deleted 1" in err
    code, _, err = run_cli("--db", db, "show", "1")
    assert code == 1 and "no application with id '1'" in err


def test_show_gives_the_last_contact_in_words_and_in_json(board, capsys):
    db = str(board)  # the clock stands at Mon 16 Nov; Acme applied on 2 Nov
    code, out, _ = run_cli("--db", db, "show", "1")
    assert code == 0 and "\nLast contact: 2026-11-02 (2 weeks ago)\nNext: " in out
    assert json.loads(run_cli("--db", db, "show", "1", "--json")[1])["last_contact"] == "2026-11-02"
    assert run_cli("--db", db, "log", "1", "heard_back", "--date", "2026-11-12")[0] == 0
    assert run_cli("--db", db, "log", "1", "note", "--date", "2026-11-13", "--note", "not contact")[0] == 0
    assert "Last contact: 2026-11-12 (4 days ago)" in run_cli("--db", db, "show", "1")[1]
    assert json.loads(run_cli("--db", db, "show", "1", "--json")[1])["last_contact"] == "2026-11-12"


def test_a_wishlist_card_shows_no_last_contact_in_words(board, capsys):
    db = str(board)
    assert run_cli("--db", db, "add", "Initech", "Engineer", "--status", "wishlist")[0] == 0
    code, out, _ = run_cli("--db", db, "show", "3")
    assert code == 0 and "Last contact" not in out and "\nNext: " in out
    assert json.loads(run_cli("--db", db, "show", "3", "--json")[1])["last_contact"] == "2026-11-16"


def test_export_csv_and_json_carry_the_last_contact_as_of_the_date(board, capsys):
    db = str(board)
    assert run_cli("--db", db, "log", "1", "follow-up", "--date", "2026-11-09")[0] == 0
    code, out, _ = run_cli("--db", db, "export", "--format", "json")
    assert code == 0 and json.loads(out)["applications"][0]["last_contact"] == "2026-11-09"
    code, out, _ = run_cli("--db", db, "export", "--format", "csv", "--date", "2026-11-05")
    header, acme = out.splitlines()[:2]
    assert header.startswith("id,company,role,status,applied_on,last_contact,")
    assert acme.startswith("1,Acme,Backend Engineer,applied,2026-11-02,2026-11-02,")


def test_ids_are_never_reused(board, capsys):
    db = str(board)
    run_cli("--db", db, "delete", "2", "--yes")
    code, out, _ = run_cli("--db", db, "add", "Initech", "Engineer")
    assert out == "3\n"


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (["add", "Acme", "Dev", "--status", "hired"], 2, "unknown status 'hired'"),
        (["add", "Acme", "Dev", "--applied", "2026-13-01"], 2, "2026-13-01"),
        (["add", "  ", "Dev"], 2, "company must not be empty"),
        (["add", "Acme", ""], 2, "role must not be empty"),
        (["add", "Acme"], 2, "Missing argument 'ROLE'"),
        (["move", "1", "fired"], 2, "unknown status 'fired'"),
        (["move", "99", "silent"], 1, "no application with id '99'"),
        (["move", "1", "silent", "--date", "yesterdayish"], 2, "yesterdayish"),
        (["log", "1", "lunch"], 2, "unknown event kind 'lunch'"),
        (["log", "abc", "note"], 1, "no application with id 'abc'"),
        (["delete", "1"], 2, "--yes"),
        (["show", "42"], 1, "no application with id '42'"),
        (["list", "--status", "nope"], 2, "unknown status 'nope'"),
    ],
)
def test_bad_input_is_one_line_and_costs_no_byte(board, capsys, argv, code, needle):
    before = board.read_bytes()
    got, out, err = run_cli("--db", str(board), *argv)
    assert got == code
    assert needle in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert out == ""
    assert board.read_bytes() == before


def test_db_in_a_folder_that_cannot_be_written(tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    code, out, err = run_cli("--db", str(blocker / "board.json"), "add", "Acme", "Dev")
    assert code == 1
    assert "could not save" in err and err.count("\n") == 1
    assert blocker.read_text() == "a file where a folder should be"


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "is empty"),
        (b"{not json", "is not valid JSON"),
        (b"[1, 2, 3]", "is not a jobboard board"),
        (b'{"_default": {}}', "is not a jobboard board"),
        (b'{"meta": {"1": {"schema_version": 99}}}', "made by a newer jobboard"),
        (b'{"meta": {"1": {"schema_version": 1}}, "applications": {"1": {"id": "1"}}}', "cannot read"),
    ],
)
def test_a_broken_board_is_reported_and_left_alone(tmp_path, capsys, content, needle):
    path = tmp_path / "board.json"
    path.write_bytes(content)
    for argv in (["list"], ["add", "Acme", "Dev"], ["move", "1", "silent"]):
        code, out, err = run_cli("--db", str(path), *argv)
        assert code == 1, argv
        assert needle in err and str(path) in err
        assert err.count("\n") == 1
        assert path.read_bytes() == content


def test_reading_creates_no_folder(tmp_path, capsys):
    path = tmp_path / "nowhere" / "yet" / "board.json"
    code, out, err = run_cli("--db", str(path), "list", "--json")
    assert code == 0 and json.loads(out) == []
    assert not (tmp_path / "nowhere").exists()


def test_env_variable_chooses_the_board(tmp_path, capsys, monkeypatch):
    path = tmp_path / "env-board.json"
    monkeypatch.setenv("JOBBOARD_DB", str(path))
    run_cli("add", "Acme", "Dev")
    assert path.exists()


def test_default_board_lives_in_the_user_data_folder(capsys, isolated_home):
    run_cli("add", "Acme", "Dev")
    assert (isolated_home / "data" / "jobboard" / "board.json").exists()


def run_in_fresh_python(board, argvs: list[list[str]], modules: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Run jobboard with each argv in turn (each must exit 0) in a new interpreter: what the
    commands printed, line by line, and which of ``modules`` were imported by then."""
    script = (
        "import json, sys\n"
        "from jobboard.cli.main import main\n"
        f"for argv in {argvs!r}:\n"
        "    try:\n"
        f"        main(['--db', {str(board)!r}, *argv])\n"
        "    except SystemExit as exit:\n"
        "        assert exit.code == 0, (argv, exit.code)\n"
        f"print(json.dumps(sorted(m for m in {modules!r} if m in sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    *printed, loaded = result.stdout.strip().splitlines()
    return printed, json.loads(loaded)


def test_cli_commands_never_import_textual(board):
    """Scripts stay fast: the non-TUI commands must not load the UI toolkit."""
    commands = [["list", "--json"], ["add", "Acme", "Dev"], ["next", "--json"], ["show", "1"]]
    _, loaded = run_in_fresh_python(board, commands, ("textual", "jobboard.tui"))
    assert loaded == []
    bare_import = subprocess.run(
        [sys.executable, "-c", "import jobboard, sys; print('textual' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert bare_import.stdout.strip() == "False"


def test_list_json_loads_neither_dates_nor_the_other_commands(board):
    """`list --json` passes records through: it never needs pendulum (slow to import) or the
    modules of other commands, which are imported when their command runs."""
    printed, loaded = run_in_fresh_python(
        board, [["list", "--json"]], ("pendulum", "jobboard.cli.export", "jobboard.cli.themes")
    )
    assert loaded == []
    assert json.loads(printed[0])[0]["company"] == "Acme"


def test_commands_from_other_modules_are_found_listed_and_suggested(board, capsys):
    code, out, _ = run_cli("--help")
    assert code == 0
    for name in ("export", "import", "stats", "backups", "restore", "themes", "add", "list"):
        assert f"  {name} " in out
    # In a fresh process, where no other module has registered its commands yet.
    typo = subprocess.run(
        [sys.executable, "-m", "jobboard", "--db", str(board), "exprot"], capture_output=True, text=True
    )
    assert typo.returncode == 2 and "Did you mean" in typo.stderr and "export" in typo.stderr
    code, out, _ = run_cli("--db", str(board), "stats", "--json")
    assert code == 0 and json.loads(out)["total"] == 2


def test_python_dash_m_runs_the_cli(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "jobboard", "--db", str(tmp_path / "b.json"), "add", "Acme", "Dev"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and result.stdout == "1\n"


def test_config_columns_extend_what_the_cli_accepts(board, capsys, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('columns = ["wishlist", "applied", "interviewed", "offer", "silent", "rejected"]\n')
    code, _, _ = run_cli("--db", str(board), "--config", str(config), "move", "1", "offer")
    assert code == 0
    config.write_text('columns = ["applied", "hired"]\n')
    code, _, err = run_cli("--db", str(board), "--config", str(config), "list")
    assert code == 1 and "unknown column 'hired'" in err and str(config) in err


def test_board_path_is_unchanged_by_a_failed_write(board, monkeypatch, capsys):
    import os

    before = board.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    code, _, err = run_cli("--db", str(board), "add", "Acme", "Dev")
    assert code == 1 and "disk is full" in err
    assert board.read_bytes() == before
    assert [p.name for p in Path(board).parent.iterdir() if p.suffix == ".tmp"] == []


def test_show_words_the_timeline_as_the_panel_and_the_export_do(tmp_path, capsys):
    from jobboard.core.model import EVENT_KINDS, EVENT_WORDS

    assert set(EVENT_WORDS) == set(EVENT_KINDS)  # every kind has its words
    db = str(tmp_path / "board.json")
    run_cli("--db", db, "add", "Acme", "Dev", "--applied", "2026-11-02")
    run_cli("--db", db, "move", "1", "interviewed", "--date", "2026-11-10")
    run_cli("--db", db, "log", "1", "thank_you", "--date", "2026-11-11", "--note", "to Ana")
    code, out, _ = run_cli("--db", db, "show", "1")
    assert code == 0
    assert "2026-11-11  Sent a thank-you note — to Ana" in out
    assert "2026-11-10  Moved to Interviewed" in out
    assert "thank_you" not in out
