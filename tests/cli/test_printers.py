"""Finding 4 of issue 28: no command prints a board's escape sequences for a person to see.

A board full of hostile text (an OSC title, a screen clear, C1 controls, a bidi override in
every field a user or an import can fill) is read by every click command of the group, each
run through click's CliRunner; nothing a terminal would obey may reach stdout or stderr. The
JSON printers stay lossless (docs/data.md, "What is checked").
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from jobboard.cli.main import cli, main
from jobboard.core.model import Event, new_application
from jobboard.core.people import Person
from jobboard.storage.store import BoardStore

# An OSC retitle, a screen clear, a CSI by its C1 form, a bell, NEL, a bidi override, a line separator.
EVIL = "\x1b]0;PWNED\x1b\\\x1b[2J\x9b31m\x07\x85\u202eevil\u2028x\x00"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

# Commands that hand the terminal to the board or start a server: nothing they print is the board's.
NOT_PRINTERS = {"demo", "serve"}

# Arguments by parameter name, and extra runs for the options that print another way.
ARGUMENTS = {
    "app_id": ["1"],
    "app_ids": ["1"],
    "kind": ["note"],
    "status": ["interviewed"],
    "company": [f"Initech{EVIL}"],
    "role": [f"Dev{EVIL}"],
    "number": ["1"],
    "name": [f"Sam{EVIL}"],
}
VARIANTS = {
    "list": [["--all"], ["--json"]],
    "show": [["--json"]],
    "next": [[], ["--json"]],
    "draft": [["--mailto"]],
    "events list": [["--json"]],
    "events edit": [["--note", EVIL]],
    "events delete": [["--yes"]],
    "people list": [["--json"]],
    "people edit": [["--note", EVIL]],
    "people remove": [["--yes"]],
    "log": [["--note", EVIL, "--with", EVIL]],
    "delete": [["--yes"]],
    "archive": [["--closed"]],
    "stats": [["--json"]],
}


def hostile_board(path: Path, today) -> Path:  # noqa: ANN001 - a pendulum date
    """One card with hostile text in every field, as a board written by anything might hold."""
    applied = today.subtract(days=12)
    people = [
        Person(f"Dana{EVIL}", "recruiter", "dana@acme.example", EVIL, EVIL, EVIL),
        Person(f"Sam{EVIL}", "interviewer"),
    ]
    text = {name: EVIL for name in ("url", "location", "salary", "source", "notes", "offer_amount", "offer_note")}
    card = new_application(
        "1", f"Acme{EVIL}", f"Engineer{EVIL}", applied_on=applied, tags=[EVIL], people=people, **text
    )
    card = card.with_event(Event("interview", applied.add(days=2), EVIL, time="10:00", people=(f"Sam{EVIL}",)))
    card = card.with_event(Event("note", applied.add(days=3), EVIL))
    BoardStore(path).add(lambda app_id: card.copy(id=app_id))
    return path


def runs(source: Path) -> list[tuple[str, list[str]]]:
    """(command, its arguments) for every command of the group that prints for a person."""
    context = click.Context(cli)
    found = []
    commands = []
    for name in cli.list_commands(context):
        command = cli.get_command(context, name)
        if isinstance(command, click.Group):  # `people list ID`, `events edit ID N`...
            commands += [(f"{name} {sub}", command.get_command(context, sub)) for sub in command.list_commands(context)]
        elif name not in NOT_PRINTERS:
            commands.append((name, command))
    for name, command in commands:
        base = []
        for parameter in command.params:
            if isinstance(parameter, click.Argument):
                base += {"source": [str(source)], "backup": ["board.json"]}.get(
                    parameter.name, ARGUMENTS.get(parameter.name, [])
                )
        found += [(name, base + extra) for extra in [[], *VARIANTS.get(name, [])]]
    return found


def test_every_command_has_a_run() -> None:
    assert {name for name, _ in runs(Path("x"))} >= {
        *("next", "events list", "events edit", "draft", "show", "list", "people list", "people add", "import")
    }


@pytest.fixture
def hostile_files(tmp_path: Path, frozen) -> tuple[Path, Path]:
    board = hostile_board(tmp_path / "template.json", frozen.date())
    source = tmp_path / "hostile.csv"
    source.write_text(f'Company,Role,Date Applied,Notes\n"Globex{EVIL}","Ops{EVIL}",2026-11-02,"{EVIL}"\nBad,,soon,\n')
    return board, source


def test_no_command_prints_a_raw_control_character(tmp_path: Path, hostile_files) -> None:
    template, source = hostile_files
    runner = CliRunner()
    seen = []
    for number, (name, arguments) in enumerate(runs(source)):
        board = tmp_path / f"run{number}" / "board.json"
        board.parent.mkdir()
        shutil.copyfile(template, board)
        with runner.isolation() as (out, err, _):
            try:
                main(["--db", str(board), *name.split(), *arguments])
            except SystemExit:
                pass
            printed = out.getvalue().decode() + err.getvalue().decode()
        seen.append(name)
        raw = RAW.search(printed)
        assert raw is None, f"`jobboard {name} {' '.join(arguments)}` printed {raw.group()!r}: {printed[:300]!r}"
    assert len(seen) > 20


def strings(value: object) -> list[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [text for item in value for text in strings(item)] if isinstance(value, list) else []


def test_the_json_printers_stay_lossless(tmp_path: Path, hostile_files) -> None:
    template, _ = hostile_files
    runner = CliRunner()
    for arguments in (
        ["show", "1", "--json"],
        ["list", "--json"],
        ["events", "1", "--json"],
        ["people", "1", "--json"],
    ):
        with runner.isolation() as (out, _, _):
            try:
                main(["--db", str(template), *arguments])
            except SystemExit:
                pass
            printed = out.getvalue().decode()
        assert RAW.search(printed) is None
        assert any(EVIL in text for text in strings(json.loads(printed))), arguments


def test_an_export_to_a_pipe_is_exact(tmp_path: Path, hostile_files) -> None:
    template, _ = hostile_files
    with CliRunner().isolation() as (out, _, _):
        try:
            main(["--db", str(template), "export", "--format", "json"])
        except SystemExit:
            pass
        printed = out.getvalue().decode()
    assert json.loads(printed)["applications"][0]["company"] == f"Acme{EVIL}"
