"""The hand-offs in a real tmux, as a user meets them (docs/handoffs.md): m with a mail opener
that fails (an xdg-open that exits 3) says so and shows the message; c puts the draft in tmux's
own buffer, read back with `tmux show-buffer`; at 80x24 and 120x40."""

from __future__ import annotations

import os
import sys

import pytest

from jobboard.cli.main import main
from tests.helpers.tmux_terminal import Terminal, jobboard_argv

pytestmark = pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="xdg-open is the opener here")


@pytest.fixture
def failing_opener_env(isolated_home, tmp_path):
    tools = tmp_path / "bin"
    tools.mkdir()
    opener = tools / "xdg-open"
    opener.write_text("#!/bin/sh\necho \"xdg-open: no method available for opening '$1'\" >&2\nexit 3\n")
    opener.chmod(0o755)
    env = {k: os.environ[k] for k in ("HOME", "LANG") if k in os.environ}
    env.update({k: os.environ[k] for k in os.environ if k.startswith("XDG_")})
    env.update(TERM="xterm-256color", PATH=f"{tools}{os.pathsep}{os.environ['PATH']}")
    env.setdefault("LANG", "C.UTF-8")
    return env


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_m_with_a_failing_opener_and_c_inside_tmux(board_path, failing_opener_env, size):
    with pytest.raises(SystemExit):
        main(["--db", str(board_path), "add", "Acme", "Engineer", "--applied", "14 days ago"])
    with pytest.raises(SystemExit):
        main(["--db", str(board_path), "people", "add", "1", "Dana Whitfield", "--email", "dana@acme.example"])
    terminal = Terminal(jobboard_argv("--db", str(board_path)), failing_opener_env, size, inside_tmux=True)
    try:
        terminal.wait_for("1 application")
        terminal.keys("m")
        terminal.wait_for("Your mail client did not open")
        screen = terminal.wait_for("c copies it all")
        assert "status 3" in screen and "dana@acme.example" in screen
        terminal.keys("c")
        terminal.wait_for("Copied the text to tmux's buffer")
        assert terminal.buffer().splitlines()[-1].startswith("mailto:dana@acme.example?subject=")
        terminal.keys("Escape")
        terminal.wait_for("NEXT STEP")
        terminal.keys("c")
        terminal.wait_for("Copied the draft to tmux's buffer")
        buffer = terminal.buffer()
        assert buffer.startswith("Subject: ") and "Hi Dana," in buffer and "mailto:" not in buffer
        terminal.keys("q")
        terminal.wait_for("EXITED 0")
    finally:
        terminal.close()
