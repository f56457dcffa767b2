"""Drive the real program in a real terminal (tmux), as a user would."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable

import pytest


def ensure_tmux() -> str:
    """The tmux binary; installs Debian's package when missing and we are allowed to."""
    found = shutil.which("tmux")
    if found:
        return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "tmux"], capture_output=True, timeout=300)
        found = shutil.which("tmux")
    if not found:
        pytest.skip("tmux is not installed and could not be installed here")
    return found


class Terminal:
    """One tmux session on a private server socket, running one command."""

    def __init__(
        self, argv: list[str], env: dict[str, str], size: tuple[int, int] = (120, 40), inside_tmux: bool = False
    ) -> None:
        """``inside_tmux``: the program sees the $TMUX its pane was given, as in a user's tmux."""
        self.tmux = ensure_tmux()
        self.socket = f"jobboard-test-{uuid.uuid4().hex[:8]}"
        self.name = "t"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        if inside_tmux:
            exports = f'TMUX="$TMUX" {exports}'  # expanded by the pane's shell
        command = f"env -i {exports} {shlex.join(argv)}; echo EXITED $?; sleep 30"
        subprocess.run(
            [
                self.tmux,
                "-L",
                self.socket,
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                str(size[0]),
                "-y",
                str(size[1]),
                command,
            ],
            check=True,
        )

    def screen(self) -> str:
        result = subprocess.run(
            [self.tmux, "-L", self.socket, "capture-pane", "-p", "-t", self.name],
            capture_output=True,
            text=True,
        )
        return result.stdout

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        return self.wait_until(lambda screen: text in screen, timeout, f"{text!r} never appeared")

    def wait_until(self, test: Callable[[str], bool], timeout: float = 20.0, what: str = "") -> str:
        """The screen once ``test`` holds for it, polled every 0.1 s up to ``timeout``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if test(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{what or 'the screen never came'}; the screen was:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        subprocess.run([self.tmux, "-L", self.socket, "send-keys", "-t", self.name, *keys], check=True)

    def buffer(self) -> str:
        """tmux's paste buffer (what a copy inside the pane put there), "" when there is none."""
        result = subprocess.run([self.tmux, "-L", self.socket, "show-buffer"], capture_output=True, text=True)
        return result.stdout

    def close(self) -> None:
        subprocess.run([self.tmux, "-L", self.socket, "kill-server"], capture_output=True)


def jobboard_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "jobboard", *args]
