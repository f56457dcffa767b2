"""The whole program in a real terminal: open a board, move a card, quit, read the file back."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pendulum
import pytest

from jobboard.cli.main import main
from jobboard.storage.look_ahead import LARGE_BOARD_BYTES
from jobboard.storage.store import BoardStore
from tests.helpers.collector import collector_note_script
from tests.helpers.tmux_terminal import Terminal, jobboard_argv


@pytest.fixture
def terminal_env(isolated_home):
    keep = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    keep.update({k: os.environ[k] for k in os.environ if k.startswith("XDG_")})
    keep["TERM"] = "xterm-256color"
    keep.setdefault("LANG", "C.UTF-8")
    return keep


def test_move_a_card_with_shift_right_and_quit(board_path, terminal_env):
    for company in ("Acme", "Globex"):
        with pytest.raises(SystemExit):
            main(["--db", str(board_path), "add", company, "Engineer"])
    terminal = Terminal(jobboard_argv("--db", str(board_path)), terminal_env)
    try:
        terminal.wait_for("Globex")
        terminal.wait_for("2 cards")  # the whole board is painted, not just the first lines
        terminal.keys("S-Right")
        terminal.wait_for("When is (or was) the interview")  # into Interviewed: the date is asked
        terminal.keys("Enter")  # today
        terminal.wait_for("1 card ")
        terminal.keys("q")
        terminal.wait_for("EXITED 0")
    finally:
        terminal.close()
    moved = [a for a in BoardStore(board_path).applications() if a.status == "interviewed"]
    assert len(moved) == 1
    assert [e.kind for e in moved[0].events[-2:]] == ["status", "interview"]


def test_E_edits_the_notes_in_the_users_editor(board_path, terminal_env, tmp_path):
    with pytest.raises(SystemExit):
        main(["--db", str(board_path), "add", "Acme", "Engineer"])
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "from the editor" > "$1"\n')
    editor.chmod(0o755)
    terminal = Terminal(jobboard_argv("--db", str(board_path)), {**terminal_env, "EDITOR": str(editor)})
    try:
        terminal.wait_for("1 card")
        terminal.keys("E")
        terminal.wait_for("Notes saved")
        terminal.keys("q")
        terminal.wait_for("EXITED 0")
    finally:
        terminal.close()
    assert BoardStore(board_path).get("1").notes == "from the editor"


@pytest.mark.parametrize(
    ("script", "said"),
    [
        ('printf "half typed" > "$1"\nexit 1\n', "quit with status 1"),  # a few words: the toast wraps
        ('printf "\\377\\376 latin-1" > "$1"\n', "not UTF-8 text"),
        ('rm "$1"\n', "No such file"),
    ],
)
def test_E_keeps_the_notes_when_the_editor_fails_or_leaves_no_text(board_path, terminal_env, tmp_path, script, said):
    """vim's :cq quits with a status to say "discard", as git reads it; a file the editor left
    unreadable or removed is said too. The notes stay as they were, and the board goes on."""
    with pytest.raises(SystemExit):
        main(["--db", str(board_path), "add", "Acme", "Engineer", "--notes", "kept"])
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\n" + script)
    editor.chmod(0o755)
    terminal = Terminal(jobboard_argv("--db", str(board_path)), {**terminal_env, "EDITOR": str(editor)})
    try:
        terminal.wait_for("1 card")
        terminal.keys("E")
        terminal.wait_for(said)
        terminal.keys("q")
        terminal.wait_for("EXITED 0")
    finally:
        terminal.close()
    assert BoardStore(board_path).get("1").notes == "kept"


def test_a_large_board_opens_on_the_childs_first_look_and_a_move_is_saved(board_path, terminal_env):
    """A board large enough for the first look from a child process (storage/look_ahead.py):
    its top card shows, a move made at once acts on the whole board once read, and is saved."""
    from tests.helpers.boards import make_board

    make_board(600, board_path)
    assert board_path.stat().st_size >= LARGE_BOARD_BYTES
    state = Path(terminal_env["XDG_STATE_HOME"]) / "jobboard"
    state.mkdir(parents=True, exist_ok=True)
    (state / "state.json").write_text(json.dumps({"sort": "applied"}))  # the first look's order
    applied = [r for r in json.loads(board_path.read_text())["applications"].values() if r["status"] == "applied"]
    top = max(applied, key=lambda r: (r["applied_on"], int(r["id"])))
    terminal = Terminal(jobboard_argv("--db", str(board_path)), terminal_env)
    try:
        terminal.wait_for(top["company"])
        terminal.keys("S-Right")
        terminal.wait_for("When is (or was) the interview")
        terminal.keys("Enter")
        terminal.keys("q")
        terminal.wait_for("EXITED 0")
    finally:
        terminal.close()
    assert BoardStore(board_path).get(top["id"]).status == "interviewed"


# jobboard as the `jobboard` command runs it, with a finder that notes, when click, Textual and
# then the stats screen (key S) are first imported, whether Python's cycle collector is working:
# loading the CLI, Textual and the app makes most of what lives as long as the board, and the
# collector would walk it again and again; once the board is on screen it works again.
NOTE_THE_COLLECTOR = collector_note_script(("click", "textual", "jobboard.tui.stats_screen"))


def test_the_collector_rests_while_textual_is_imported_and_works_once_the_board_shows(
    board_path, terminal_env, tmp_path
):
    applied = pendulum.today().subtract(days=10).to_date_string()  # a follow-up is due
    with pytest.raises(SystemExit):
        main(["--db", str(board_path), "add", "Acme", "Engineer", "--applied", applied])
    note = tmp_path / "collector.txt"
    argv = [sys.executable, "-c", NOTE_THE_COLLECTOR, str(note), "--db", str(board_path)]
    terminal = Terminal(argv, terminal_env)
    try:
        # The column's due count shows once the whole board is in and its steps worked out.
        terminal.wait_until(lambda screen: "1 card · ●1" in screen or "1 card · ▲1" in screen)
        terminal.keys("S")
        stats = terminal.wait_for("Applications per week")
        assert "│  1 application   " in stats  # in the singular
        terminal.keys("Escape")
        terminal.wait_until(lambda screen: "Applications per week" not in screen)
        terminal.keys("q")
        terminal.wait_for("EXITED 0")
    finally:
        terminal.close()
    assert note.read_text().splitlines() == [
        "click resting",  # the CLI loads with it resting too (cli/launch.py)
        "textual resting",
        "jobboard.tui.stats_screen working",
    ]
