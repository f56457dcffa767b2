"""`jobboard next`, `export`, `import` and `stats` through the real entry point."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest
from icalendar import Calendar
from markdown_it import MarkdownIt

from jobboard.config.settings import Settings
from jobboard.formats.export import to_markdown
from jobboard.formats.records import application_record
from jobboard.storage.store import BoardStore
from tests.helpers.boards import make_board
from tests.helpers.cli import recorded_when_applied, run_cli


@pytest.fixture
def hunt(board_path, capsys, frozen):
    """A board built from the shell with dated events; today is frozen on Mon 16 Nov 2026."""
    db = ["--db", str(board_path)]
    assert (
        run_cli(*db, "add", "Acme", "Backend Engineer", "--applied", "2026-11-02", "--contact", "Dana Lee")[0] == 0
    )
    assert run_cli(*db, "log", "1", "follow-up", "--date", "2026-11-10")[0] == 0
    assert run_cli(*db, "add", "Globex", "Data Engineer", "--applied", "2026-11-01")[0] == 0
    assert run_cli(*db, "move", "2", "rejected", "--date", "2026-11-12")[0] == 0
    assert run_cli(*db, "add", "Initech", "SRE", "--applied", "2026-11-03")[0] == 0
    # --no-move: this board keeps Initech in Applied with an interview booked (docs/rules.md).
    assert run_cli(*db, "log", "3", "interview", "--date", "2026-11-20", "--no-move")[0] == 0
    assert run_cli(*db, "add", "Hooli", "Dev | Ops", "--applied", "2026-11-13")[0] == 0
    recorded_when_applied(board_path)
    return board_path


def test_next_lists_due_and_overdue_steps_overdue_first(hunt, capsys):
    code, out, _ = run_cli("--db", str(hunt), "next", "--json")
    steps = json.loads(out)
    assert code == 0
    assert [(s["id"], s["rule"], s["due"], s["state"]) for s in steps] == [
        # Initech has an interview booked: no follow-up is due (docs/rules.md).
        ("2", "acknowledge_rejection", "2026-11-12", "overdue"),
    ]
    for step in steps:
        assert set(step) == {
            "id",
            "company",
            "role",
            "status",
            "rule",
            "title",
            "due",
            "state",
            "why",
            "principles",
            "draft",
            "subject",
            "body",
            "to",
        }
        assert all(p.startswith("P") or p == "common practice" for p in step["principles"])


def test_next_all_adds_upcoming_steps_one_per_application(hunt, capsys):
    code, out, _ = run_cli("--db", str(hunt), "next", "--all", "--json")
    steps = {s["id"]: s for s in json.loads(out)}
    assert set(steps) == {"1", "2", "3", "4"}
    assert steps["1"]["rule"] == "follow_up_other_channel" and steps["1"]["due"] == "2026-11-17"
    assert steps["1"]["state"] == "upcoming"
    # Another channel means someone other than Dana: a neutral greeting that mentions her.
    assert steps["1"]["body"].startswith("Hello,") and "Dana Lee" in steps["1"]["draft"]
    assert steps["1"]["to"]["words"] == "the company's page"  # nobody else is listed
    assert steps["4"]["rule"] == "follow_up" and steps["4"]["due"] == "2026-11-20"


def test_next_as_of_another_date(hunt, capsys):
    code, out, _ = run_cli("--db", str(hunt), "next", "--date", "2026-11-19", "--json")
    rules = {s["id"]: (s["rule"], s["state"]) for s in json.loads(out)}
    assert rules["1"] == ("follow_up_other_channel", "overdue")
    # The interview's eve outranks the older follow-up: stakes before age (docs/rules.md).
    assert rules["3"] == ("prepare_interview", "due")
    assert rules["2"] == ("acknowledge_rejection", "overdue")  # acknowledge first, feedback later


def test_next_text_output_names_the_step_and_when(hunt, capsys):
    code, out, _ = run_cli("--db", str(hunt), "next")
    assert "overdue by 4 days" in out and "Globex" in out


def test_the_board_notes_of_next_are_the_boards_in_the_archive_view_too(hunt, capsys):
    """`next --archived` lists the archived cards' steps; the keep-going note still speaks of
    the board (ETIQUETTE v3: archived cards count neither way), never of the archive alone."""
    db = ["--db", str(hunt)]
    assert run_cli(*db, "add", "Umbrella", "SRE", "--applied", "2026-11-12")[0] == 0
    assert run_cli(*db, "archive", "1")[0] == 0  # three left in play: Initech, Hooli, Umbrella
    for view in ([], ["--archived"], ["--all"]):
        code, out, _ = run_cli(*db, "next", *view)
        assert code == 0 and "in play" not in out, view
    assert run_cli(*db, "archive", "5")[0] == 0  # Umbrella put away too: two in play
    for view in ([], ["--archived"]):
        code, out, _ = run_cli(*db, "next", *view)
        assert "Only 2 applications are in play." in out, view


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (["next", "--date", "16/11/2026"], 2, "16/11/2026"),
        (["log", "1", "coffee"], 2, "unknown event kind 'coffee'"),
        (["log", "77", "follow_up"], 1, "no application with id '77'"),
        (["log", "1", "interview", "--date", "2026-02-31"], 2, "2026-02-31"),
    ],
)
def test_bad_advice_input_costs_no_byte(hunt, capsys, argv, code, needle):
    before = hunt.read_bytes()
    got, out, err = run_cli("--db", str(hunt), *argv)
    assert (got, out) == (code, "") and needle in err and err.count("\n") == 1
    assert hunt.read_bytes() == before


def test_markdown_export_to_a_file_parses_as_tables(hunt, capsys, tmp_path):
    target = tmp_path / "report.md"
    code, _, err = run_cli("--db", str(hunt), "export", "-o", str(target))
    assert code == 0 and str(target) in err
    text = target.read_text()
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert sum(1 for t in tokens if t.type == "table_open") == 2  # Applied and Rejected
    assert "Dev \\| Ops" in text  # the pipe is escaped, the table holds
    assert "## Interviewed (0)" in text and "_No applications._" in text


LARGE = 1200


@pytest.fixture(scope="module")
def large_board(tmp_path_factory) -> Path:
    """A board of 1,200 applications: every entry is read, checked and written up."""
    path = tmp_path_factory.mktemp("large") / "board.json"
    make_board(LARGE, path)
    return path


@pytest.mark.parametrize("details", [[], ["--details"]])
def test_a_large_boards_markdown_is_the_report_of_all_its_applications(large_board, capsys, details):
    code, out, _ = run_cli("--db", str(large_board), "export", "--date", "2026-11-23", *details)
    expected = to_markdown(
        BoardStore(large_board).applications(), pendulum.date(2026, 11, 23), Settings().columns, details=bool(details)
    )
    assert code == 0 and out == expected
    assert out.count("\n| ") >= LARGE  # one row per application (and the headers)


def test_the_installed_command_delivers_all_its_output(large_board, capsys):
    """`python -m jobboard` (as the installed script): what it printed arrives whole, and a
    reader that stops early gets no traceback."""
    argv = [sys.executable, "-m", "jobboard", "--db", str(large_board), "export", "--date", "2026-11-23"]
    whole = subprocess.run(argv, capture_output=True)
    assert whole.returncode == 0 and whole.stderr == b""
    assert whole.stdout.decode() == run_cli(*argv[3:])[1]
    reader = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout.readline().startswith(b"# Job hunt")
    reader.stdout.close()  # like `| head -1`
    reader.wait(timeout=60)
    assert reader.stderr.read() == b""


@pytest.mark.parametrize("bad", [["1100"], ["40"], ["1100", "40"]])
def test_a_bad_entry_anywhere_in_a_large_board_is_named_as_ever(large_board, tmp_path, capsys, bad):
    """The first bad entry on the board is the one named, and the board is untouched."""
    data = json.loads(large_board.read_text())
    for key in bad:
        data["applications"][key]["applied_on"] = "next Tuesday"
    path = tmp_path / "board.json"
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    code, out, err = run_cli("--db", str(path), "export")
    assert code == 1 and out == ""
    first = min(bad, key=int)
    assert f"holds an application (entry {first}) jobboard cannot read" in err and err.count("\n") == 1
    assert path.read_bytes() == before


def test_csv_and_json_round_trip_through_the_cli(hunt, capsys, tmp_path):
    for fmt in ("csv", "json"):
        exported = tmp_path / f"board.{fmt}"
        assert run_cli("--db", str(hunt), "export", "--format", fmt, "-o", str(exported))[0] == 0
        fresh = tmp_path / f"fresh-{fmt}.json"
        code, _, err = run_cli("--db", str(fresh), "import", str(exported))
        assert code == 0 and "Imported 4" in err
        strip = lambda a: application_record(a) | {"id": 0, "created": 0, "updated": 0}  # noqa: E731
        assert [strip(a) for a in BoardStore(fresh).applications()] == [
            strip(a) for a in BoardStore(hunt).applications()
        ]


def test_csv_export_has_every_field(hunt, capsys):
    code, out, _ = run_cli("--db", str(hunt), "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 4
    assert json.loads(rows[0]["events"])[0]["kind"] == "applied"


def test_import_is_all_or_nothing_with_every_bad_row(board_path, capsys, tmp_path):
    source = tmp_path / "huntr.csv"
    source.write_text(
        "Company Name,Job Title,Stage,Date Applied\n"
        "Acme,Dev,Interviewing,2026-11-02\n"
        ",Dev,Applied,2026-11-02\n"
        "Globex,Dev,Maybe,2026-11-02\n"
        "Initech,Dev,Applied,soon\n"
    )
    code, out, err = run_cli("--db", str(board_path), "import", str(source))
    assert code == 1
    assert "line 3" in err and "line 4" in err and "line 5" in err and "3 problems above; nothing was imported" in err
    assert not board_path.exists()


def test_import_maps_headers_skips_duplicates_and_dry_runs(board_path, capsys, tmp_path):
    source = tmp_path / "sheet.csv"
    source.write_text(
        "Employer,Position,Status,Applied,Where\n"
        "Acme,Dev,Ghosted,11/02/2026,Remote\n"
        "Globex,QA,Not selected,2026-11-03,Berlin\n"
    )
    code, out, err = run_cli(
        "--db", str(board_path), "import", str(source), "--month-first", "--map", "Where=location", "--dry-run"
    )
    assert code == 0 and "would add" in out and "Would import 2" in err
    assert not board_path.exists()
    assert run_cli("--db", str(board_path), "import", str(source), "--month-first", "--map", "Where=location")[0] == 0
    acme, globex = BoardStore(board_path).applications()
    assert (acme.status, acme.applied_on.isoformat(), acme.location) == ("silent", "2026-11-02", "Remote")
    assert globex.status == "rejected"
    code, _, err = run_cli("--db", str(board_path), "import", str(source), "--month-first", "--map", "Where=location")
    assert code == 0 and "skipped 2 already on the board" in err
    code, _, err = run_cli("--db", str(board_path), "import", str(source), "--map", "Where=wage")
    assert code == 2 and "wage" in err


def test_ics_export_parses_back(hunt, capsys):
    code, out, _ = run_cli("--db", str(hunt), "export", "--format", "ics")
    calendar = Calendar.from_ical(out)
    assert [c for c in calendar.walk("VTODO")] == []
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 5  # four steps as all-day events, one interview
    code, out, _ = run_cli("--db", str(hunt), "export", "--format", "ics", "--todos")
    calendar = Calendar.from_ical(out)
    todos = [c for c in calendar.walk("VTODO")]
    events = [c for c in calendar.walk("VEVENT")]
    assert len(todos) == 4 and len(events) == 1
    assert len({str(t["UID"]) for t in todos}) == 4


def test_stats_json_on_a_known_board(hunt, capsys):
    code, out, _ = run_cli("--db", str(hunt), "stats", "--json")
    numbers = json.loads(out)
    assert numbers["total"] == 4
    assert numbers["counts"] == {"applied": 3, "interviewed": 0, "offer": 0, "silent": 0, "rejected": 1}
    assert numbers["follow_ups_sent"] == 1
    assert numbers["interviewed"] == 0  # Initech's interview is booked for the 20th: not yet one
    assert numbers["responded"] == 1  # Globex's rejection is an answer; events ahead don't count yet
    assert numbers["median_days_to_first_answer"] == 11.0  # Globex, 1 -> 12 Nov; the 20th is ahead
    code, out, _ = run_cli("--db", str(hunt), "stats")
    assert "Response rate" in out and "Applications per week" in out
    assert "\n  Applied      3\n" in out and "\n  Rejected     1\n" in out  # the columns named as on the board
