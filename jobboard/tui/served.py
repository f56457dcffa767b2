"""Under `jobboard serve`: a tab's board ends when the server that started it has gone.

textual-serve feeds each board's keys through its standard input. When the server ends, even
by SIGKILL with no chance to say goodbye, the pipe's far end closes, and the board, no longer
seen by anyone, saves what it holds and quits rather than polling the board file for ever.
The check only asks the pipe whether a writer is left (poll's POLLHUP); it never reads from it,
since Textual's web driver does.
"""

from __future__ import annotations

import select
import sys

SERVER_CHECK_SECONDS = 1.0


def server_gone(fd: int | None = None) -> bool:
    """Has every writer of ``fd`` (standard input by default) closed it? False where the system
    cannot tell (no poll(): Windows) and when ``fd`` is not open."""
    if not hasattr(select, "poll"):
        return False
    if fd is None:
        if sys.__stdin__ is None:
            return False
        fd = sys.__stdin__.fileno()
    poller = select.poll()
    poller.register(fd, 0)  # no events asked for: a hang-up or an error is reported anyway
    return any(events & (select.POLLHUP | select.POLLERR) for _fd, events in poller.poll(0))
