"""The first look at a board taken on another processor core while Textual starts.

Parsing the board file is most of what a large board adds to the launch (about a tenth of a
second at 10,000 applications), and in one process it competes with Textual's own start for
the interpreter. Where the system can fork, a child process started before Textual is imported
(and before any thread exists) parses the file and takes the first look, and hands over only
that: a few dozen applications. The app reads the whole board itself after the first paint.

Anything unusual (no fork, the child failing, crashing or too slow) gives no answer, and the
app takes the first look in its own process, as it does without this.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections.abc import Iterable

from jobboard.cores import fork_child
from jobboard.first_look import FirstLook
from jobboard.store import BoardStore


class LookAhead:
    """A child process taking the first look at a board; ``answer`` collects it."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self._pipe = pipe

    @classmethod
    def start(cls, path: os.PathLike[str] | str, statuses: Iterable[str], per_column: int) -> LookAhead | None:
        statuses = tuple(statuses)
        # A child that fails sends nothing: the app's own read meets the problem and reports it.
        forked = fork_child(lambda: BoardStore(path).first_look(statuses, per_column))
        return None if forked is None else cls(*forked)

    def answer(self, timeout: float) -> tuple[bool, FirstLook | None]:
        """(answered, look): ``look`` is None when the board has no first look to take (no
        file yet, say). Not answered when the child failed or took longer than ``timeout``."""
        chunks: list[bytes] = []
        deadline = time.monotonic() + timeout
        try:
            while True:
                ready, _, _ = select.select([self._pipe], [], [], max(0.0, deadline - time.monotonic()))
                if not ready:
                    return False, None
                chunk = os.read(self._pipe, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
            return True, pickle.loads(b"".join(chunks))
        except Exception:  # nothing sent (the child failed), or not a whole answer
            return False, None
        finally:
            os.close(self._pipe)
            self._end_child()

    def _end_child(self) -> None:
        try:
            if os.waitpid(self.pid, os.WNOHANG) == (0, 0):  # still at work: no longer wanted
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
