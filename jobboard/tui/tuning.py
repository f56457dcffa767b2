"""Interpreter settings while the board runs, set and given back in one place.

Two settings, both Python's own, both restored when the app ends:

- The cycle collector rests while the board opens, from before Textual is imported (the
  command enters the tuning first: cli/main.py's run_board). Importing Textual and opening
  the board make a great many objects that live as long as the app (modules, classes,
  widgets, thousands of applications) and free few; the collector would walk them again and
  again before the first paint (~15 ms of Textual's import alone on a 2-core machine). Once
  the board is on screen, ``board_shown`` freezes what exists (long-lived: later passes skip
  it) and lets the collector work again.
- A thread waiting for the interpreter gets it sooner (the switch interval). Textual writes
  each frame to the terminal from a thread of its own while the UI thread goes on to the next
  piece of work (a moved card's side panel, say); at Python's default of 5 ms the frame can
  wait that long before it leaves.
"""

from __future__ import annotations

import gc
import sys
from types import TracebackType

FRAME_HANDOFF_SECONDS = 0.0005


class Tuning:
    """``with Tuning() as tuning:`` around the app's run; ``tuning.board_shown()`` once the
    first board is on screen."""

    def __init__(self) -> None:
        self._collecting = gc.isenabled()
        self._interval = sys.getswitchinterval()
        self._resting = False

    def __enter__(self) -> Tuning:
        self._collecting = gc.isenabled()
        self._interval = sys.getswitchinterval()
        gc.disable()
        self._resting = True
        sys.setswitchinterval(FRAME_HANDOFF_SECONDS)
        return self

    def board_shown(self) -> None:
        """The collector works again, leaving what exists now (the app's lifelong objects)."""
        if self._resting:
            self._resting = False
            gc.freeze()
            gc.enable()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._resting = False
        sys.setswitchinterval(self._interval)
        gc.unfreeze()
        if self._collecting:
            gc.enable()
        else:
            gc.disable()
