"""The board ends on SIGHUP (its terminal went away: the window closed, the tmux pane killed)
and SIGTERM (the system or a script asks it to stop) as it ends on q: what is waiting is saved
first (JobBoardApp.end_on_signal).

Python's default for both signals ends the process on the spot: a change already on screen but
still on its way to the file was lost, and `jobboard demo` left its folder behind. Two things
make the orderly ending safe when the terminal has gone:

- Textual puts the terminal's modes back as it ends, and the SIGCONT the system sends with a
  SIGHUP has it take the terminal again. A write to a terminal that has gone fails, which stops
  Textual's output thread, and its shutdown then waits for that thread for ever. So on SIGHUP
  the output (standard output and error) goes to /dev/null at once, in the signal's own handler,
  which Python runs before SIGCONT's (``quiet_output``); the rest is done in the app's loop.
- Once everything is saved, the signal's own default is put back, and should the app still not
  have ended a few seconds later, the signal is sent again (``last_resort``): the process ends as
  it always did, with nothing left unsaved.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

# Windows has no SIGHUP: there the board listens for SIGTERM alone.
HANG_UP = getattr(signal, "SIGHUP", None)
ENDING_SIGNALS = tuple(ending for ending in (HANG_UP, signal.SIGTERM) if ending is not None)
LAST_RESORT_SECONDS = 5.0


class EndingSignals:
    """The app's handlers for the ending signals while it runs, and the ones they replaced."""

    def __init__(self) -> None:
        self.before: dict[int, Any] = {}

    def listen(self, loop: asyncio.AbstractEventLoop, end: Callable[[int], None]) -> None:
        """On each ending signal, ``end(signal number)`` in ``loop``."""

        def heard(ending: int, _frame: FrameType | None) -> None:
            if ending == HANG_UP:
                quiet_output()
            loop.call_soon_threadsafe(end, ending)

        for ending in ENDING_SIGNALS:
            self.before[ending] = signal.signal(ending, heard)

    def last_resort(self, ending: int) -> None:
        """Give ``ending`` its default action back; ``LAST_RESORT_SECONDS`` from now, if the
        process is still running, send it again. Nothing when not listening (under Pilot)."""
        if ending not in self.before:
            return
        signal.signal(ending, signal.SIG_DFL)
        timer = threading.Timer(LAST_RESORT_SECONDS, os.kill, (os.getpid(), ending))
        timer.daemon = True
        timer.start()

    def restore(self) -> None:
        """The handlers there were before ``listen``."""
        for ending, handler in self.before.items():
            signal.signal(ending, handler)
        self.before = {}


def quiet_output() -> None:
    """Standard output and error to /dev/null, for a terminal that has gone."""
    quiet = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
    finally:
        os.close(quiet)
