"""The installed `jobboard` command and `python -m jobboard`: the CLI, loaded with the collector resting.

Loading the CLI (click, the store, the settings, the model) makes thousands of objects that live
as long as the process and frees almost none, so each pass Python's cycle collector makes while
they load walks them for nothing: ~5 ms of every command's start on a 2-core machine. The
collector rests while they load and works again before the command runs, leaving them out
(``gc.freeze``): else its first passes walk them all again (on a 2-core machine, ~15 ms of the
board's start as it reads the settings, ~38 ms of `jobboard list`). The board rests it again
while Textual loads (tui/tuning.py).
"""

from __future__ import annotations

import gc
import os
import sys


def run() -> None:
    """Load the CLI, then run the command the command line asks for."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from jobboard.cli.main import main
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
    try:
        main()
    finally:
        try:
            sys.stdout.flush()
        except OSError:
            # A closed pipe (`jobboard list | head`): as Python's documentation advises, stdout
            # goes to devnull so that the interpreter's own flush at exit stays quiet.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
