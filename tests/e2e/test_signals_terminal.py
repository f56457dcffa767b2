"""The board in a real terminal that goes away (SIGHUP) or is asked to stop (SIGTERM): what is on
screen is in the file, the board ends, and `jobboard demo` leaves no folder behind
(jobboard/tui/signals.py). And ctrl+z, then `fg`, in an interactive shell."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from jobboard.core.model import new_application
from jobboard.storage.store import BoardStore
from tests.e2e.test_e2e_terminal import terminal_env  # noqa: F401 - the fixture
from tests.helpers.boards import make_board
from tests.helpers.tmux_terminal import Terminal, jobboard_argv

pytestmark = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="finds the board's process in /proc")


def board_processes(marker: str) -> list[int]:
    """The Python processes with ``marker`` as an argument or in their environment (``NAME=value``);
    the shell around one is left out."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            environ = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        python = Path(os.fsdecode(argv[0])).name.startswith("python")
        if entry.name.isdigit() and python and (marker.encode() in argv or marker.encode() in environ):
            found.append(int(entry.name))
    return found


def wait_until(test: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not test():
        if time.monotonic() > deadline:
            raise AssertionError(what)
        time.sleep(0.05)


def board_to_move_on(board_path: Path, terminal_env: dict[str, str]) -> dict:  # noqa: F811
    """A board large enough that saving a change takes a while; the top card of Interviewed,
    which moves to Offer with no question asked, there first."""
    make_board(4000, board_path)
    state = Path(terminal_env["XDG_STATE_HOME"]) / "jobboard"
    state.mkdir(parents=True, exist_ok=True)
    (state / "state.json").write_text(json.dumps({"sort": "applied"}))
    records = json.loads(board_path.read_text())["applications"].values()
    assert not [r for r in records if r["status"] == "offer"]
    return max((r for r in records if r["status"] == "interviewed"), key=lambda r: (r["applied_on"], int(r["id"])))


def offer_count(screen: str) -> str:
    """The Offer column's counts, under its name (the third column); "" before the board shows."""
    lines = screen.splitlines()
    columns = lines[2].split("▕") if len(lines) > 2 else []
    return columns[2].strip() if len(columns) > 2 else ""


def move_to_offer(terminal: Terminal, top: dict) -> None:
    terminal.wait_until(lambda screen: offer_count(screen) == "0 cards", what="the board never showed")
    terminal.keys("l", "S-Right")  # to Interviewed, then its top card on to Offer
    terminal.wait_until(lambda screen: offer_count(screen) != "0 cards", what="the card never reached Offer")


def test_a_move_on_screen_is_saved_when_the_terminal_closes_at_once(board_path, terminal_env):  # noqa: F811
    top = board_to_move_on(board_path, terminal_env)
    terminal = Terminal(jobboard_argv("--db", str(board_path)), terminal_env)
    try:
        move_to_offer(terminal, top)
    finally:
        terminal.close()  # the window closes: the board's terminal is gone (SIGHUP)
    wait_until(lambda: not board_processes(str(board_path)), "the board went on running without its terminal")
    assert BoardStore(board_path).get(top["id"]).status == "offer"


def test_sigterm_saves_and_ends_the_board_leaving_the_terminal_as_it_was(board_path, terminal_env):  # noqa: F811
    top = board_to_move_on(board_path, terminal_env)
    terminal = Terminal(jobboard_argv("--db", str(board_path)), terminal_env)
    try:
        move_to_offer(terminal, top)
        (pid,) = board_processes(str(board_path))
        os.kill(pid, signal.SIGTERM)
        screen = terminal.wait_for("EXITED 0")
        assert "Interviewed" not in screen  # the board's screen is gone: the terminal is the shell's again
    finally:
        terminal.close()
    assert BoardStore(board_path).get(top["id"]).status == "offer"


def test_the_demo_removes_its_folder_when_its_terminal_closes(tmp_path, terminal_env):  # noqa: F811
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    terminal = Terminal(jobboard_argv("demo"), {**terminal_env, "TMPDIR": str(temporary)})
    try:
        terminal.wait_for("Wishlist")
        assert len(list(temporary.glob("jobboard-demo-*"))) == 1
        assert board_processes(f"TMPDIR={temporary}")
    finally:
        terminal.close()
    wait_until(lambda: not board_processes(f"TMPDIR={temporary}"), "the demo went on running without its terminal")
    assert list(temporary.iterdir()) == []


def test_ctrl_z_goes_back_to_the_shell_and_fg_brings_the_whole_board_back(board_path, terminal_env):  # noqa: F811
    """In an interactive shell: ctrl+z stops the board (SIGTSTP), `fg` continues it (SIGCONT)
    and every line is drawn again; closing the terminal while it is stopped still ends it."""
    BoardStore(board_path).add(lambda i: new_application(i, "Hooli", "Platform engineer"))
    command = " ".join(jobboard_argv("--db", str(board_path)))
    terminal = Terminal(["bash", "--norc", "--noprofile", "-i"], terminal_env)
    try:
        terminal.wait_until(lambda screen: screen.strip() != "", what="no shell prompt")
        terminal.keys(command, "Enter")
        terminal.wait_for("? Help")
        terminal.keys("C-z")
        terminal.wait_for("Stopped")
        terminal.keys("fg", "Enter")
        screen = terminal.wait_for("? Help")  # the footer: drawn again, not only what changes next
        assert "jobboard · " in screen and "Hooli" in screen and "Applied" in screen
        terminal.keys("C-z")
        terminal.wait_for("Stopped")
        assert board_processes(str(board_path))
    finally:
        terminal.close()
    wait_until(lambda: not board_processes(str(board_path)), "the stopped board outlived its terminal")
