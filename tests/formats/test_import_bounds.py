"""Findings 6 and 12 of issue 28: an import never writes a row the board could not read back.

The importer reads dates with the board's own bounds (1900..2199, jobboard.core.model) and
reads every row back as the board will before anything is written; hostile shapes (a People
cell nested 100,000 deep, a 31-digit id, a url with a line break in an older board) are one
sentence each, never a traceback (docs/data.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobboard.cli.main import main
from jobboard.formats.importing import import_rows
from tests.helpers.cli import run_cli

FIXTURES = Path(__file__).parents[1] / "fixtures" / "boards"


@pytest.mark.parametrize(
    ("header", "cell"),
    [
        ("Date Applied", "1899-12-30"),
        ("Date Applied", "12/30/1899"),
        ("Date Applied", "0001-01-01"),
        ("Date Applied", "30.12.1899"),
        ("Deadline", "9999-12-31"),
        ("Deadline", "2200-01-01"),
    ],
)
def test_a_date_the_board_would_refuse_is_refused_by_name(tmp_path: Path, frozen, header: str, cell: str) -> None:
    board, source = tmp_path / "board.json", tmp_path / "rows.csv"
    applied = "" if header == "Date Applied" else ",2026-11-02"
    source.write_text(f"Company,Role,{header}{',Date Applied' if applied else ''}\nAcme,Eng,{cell}{applied}\n")
    code, out, err = run_cli("--db", str(board), "import", str(source))
    assert code == 1 and out == ""
    assert err.splitlines()[0].endswith(f"rows.csv: line 2: '{cell}' is not a date between 1900 and 2199")
    assert not board.exists()
    assert run_cli("--db", str(board), "list")[0] == 0  # and the board still opens


def test_every_row_is_read_back_as_the_board_will_before_it_is_written(frozen) -> None:
    export = {
        "format": "jobboard-export",
        "version": 1,
        "applications": [
            {
                "company": "Acme",
                "role": "Eng",
                "status": "applied",
                "applied_on": "2026-11-02",
                "events": [{"kind": "applied", "date": "2026-11-02", "time": "25:99"}],
            },
        ],
    }
    result = import_rows(json.dumps(export), existing=[], today=frozen.date(), allocate_id=lambda: "1")
    assert not result.ok and result.applications == []
    assert "record 1" in str(result.errors[0])


def test_a_people_cell_nested_100000_deep_is_one_sentence(tmp_path: Path, frozen) -> None:
    source = tmp_path / "deep.csv"
    source.write_text('Company,Role,Date Applied,People\nAcme,Eng,2026-11-02,"' + "[" * 100_000 + '"\n')
    code, _, err = run_cli("--db", str(tmp_path / "board.json"), "import", str(source))
    assert code == 1 and err.splitlines()[0].endswith("deep.csv: line 2: people is not a JSON list of people")
    assert "Traceback" not in err and len(err.splitlines()) == 2


def test_an_older_boards_url_with_a_line_break_still_exports_to_a_calendar(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "v2.json").read_text())
    data["applications"]["1"]["url"] = "https://acme.example/jobs\r\nBEGIN:VEVENT"
    board = tmp_path / "board.json"
    board.write_text(json.dumps(data))
    with CliRunner().isolation() as (stdout, stderr, _):
        with pytest.raises(SystemExit) as exit_info:
            main(["--db", str(board), "export", "--format", "ics", "--date", "2026-11-20"])
        out, err = stdout.getvalue().decode(), stderr.getvalue().decode()
    assert exit_info.value.code == 0, err
    assert "BEGIN:VEVENT\r\nBEGIN:VEVENT" not in out and "acme.example/jobs" not in out
    assert out.count("BEGIN:VEVENT") == out.count("END:VEVENT") >= 1


def test_a_card_id_of_ten_to_the_thirty_is_a_sentence(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "v3.json").read_text())
    huge = str(10**30)
    data["applications"][huge] = {**data["applications"]["1"], "id": huge}
    board = tmp_path / "board.json"
    board.write_text(json.dumps(data))
    before = board.read_bytes()
    for arguments in (["list"], ["add", "X", "Y"], ["show", "1"], ["next"]):
        code, out, err = run_cli("--db", str(board), *arguments)
        assert code == 1 and out == "" and err.count("\n") == 1, (arguments, err)
        assert "not a positive number of at most 15 digits" in err and "Unicode" not in err
    assert board.read_bytes() == before
    code, _, err = run_cli("--db", str(tmp_path / "other.json"), "next", huge)
    assert code == 1 and "no application with id" in err
