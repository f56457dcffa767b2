"""Limits: numbers in config.toml, fields a user types or imports, the shape of an import,
and ids given as negative numbers (issue 20)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pendulum
import pytest

from jobboard.cli import main
from jobboard.etiquette import EtiquetteSettings, setting_range
from jobboard.model import new_application
from jobboard.store import BoardStore

NUMBERS = [name for name in EtiquetteSettings._fields if name != "your_name"]


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(argv))
        except SystemExit as exit_info:
            return exit_info.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


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
