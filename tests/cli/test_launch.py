"""The installed command (cli/launch.py): the CLI loads with the collector resting, and the
command itself runs with it working again, what the CLI loaded left out of its passes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from jobboard.cli.main import main
from tests.helpers.collector import collector_note_script


def test_the_cli_loads_with_the_collector_resting_and_a_command_runs_with_it_working(
    board_path, isolated_home, tmp_path
):
    with pytest.raises(SystemExit):
        main(["--db", str(board_path), "add", "Acme", "Engineer"])
    note = tmp_path / "collector.txt"
    # `list` lives in cli/cards.py, which click's lazy group loads once the command is known.
    # Working, with what the CLI loaded left out of its passes.
    script = collector_note_script(("click", "jobboard.cli.cards"), frozen=True)
    argv = [sys.executable, "-c", script, str(note), "--db", str(board_path), "list"]
    done = subprocess.run(argv, capture_output=True, text=True, env=os.environ, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Acme" in done.stdout
    assert note.read_text().splitlines() == ["click resting", "jobboard.cli.cards working, frozen"]


def test_python_m_jobboard_is_the_same_command(board_path, isolated_home):
    with pytest.raises(SystemExit):
        main(["--db", str(board_path), "add", "Globex", "Analyst"])
    done = subprocess.run(
        [sys.executable, "-m", "jobboard", "--db", str(board_path), "list"],
        capture_output=True,
        text=True,
        env=os.environ,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Globex" in done.stdout
