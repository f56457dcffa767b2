"""Issue 31's first week in a real terminal: keys sent by tmux in one burst, as a paste, a key
macro or a fast typist sends them."""

from __future__ import annotations

import pytest

from jobboard.cli.main import main
from jobboard.storage.store import BoardStore
from tests.e2e.test_e2e_terminal import terminal_env  # noqa: F401 - the fixture
from tests.helpers.tmux_terminal import Terminal, jobboard_argv


def test_company_tab_role_in_one_burst_fills_both_fields(board_path, terminal_env):  # noqa: F811
    with pytest.raises(SystemExit):
        main(["--db", str(board_path), "add", "Acme", "Engineer"])
    terminal = Terminal(jobboard_argv("--db", str(board_path)), terminal_env, size=(80, 24))
    try:
        terminal.wait_for("1 card")
        terminal.keys("n")
        terminal.wait_for("New application")
        terminal.keys("Newco", "Tab", "Platform Engineer")  # one send-keys: one burst
        terminal.wait_for("Platform Engineer")
        terminal.keys("C-s")
        terminal.wait_for("Added Newco")
        terminal.keys("q")
        terminal.wait_for("EXITED 0")
    finally:
        terminal.close()
    added = [a for a in BoardStore(board_path).applications() if a.company != "Acme"]
    assert [(a.company, a.role) for a in added] == [("Newco", "Platform Engineer")]


def test_n_then_company_tab_role_in_the_same_burst(board_path, terminal_env):  # noqa: F811
    with pytest.raises(SystemExit):
        main(["--db", str(board_path), "add", "Acme", "Engineer"])
    terminal = Terminal(jobboard_argv("--db", str(board_path)), terminal_env, size=(120, 40))
    try:
        terminal.wait_for("1 card")
        terminal.keys("n", "Newco", "Tab", "Platform Engineer")  # before the form has opened
        terminal.wait_for("Platform Engineer")
        terminal.keys("C-s")
        terminal.wait_for("Added Newco")
        terminal.keys("q")
        terminal.wait_for("EXITED 0")
    finally:
        terminal.close()
    added = [a for a in BoardStore(board_path).applications() if a.company != "Acme"]
    assert [(a.company, a.role) for a in added] == [("Newco", "Platform Engineer")]
