"""Work on the machine's other core, for what a person is waiting on.

Two users here. The launch forks a child to take the board's first look while Textual starts
(``jobboard.look_ahead``). The markdown export of a board of 10,000 applications spends most
of its time on each card's next step and table row, one card after another on one core while
the other idles: ``on_two_cores`` has a child work through the second half of the list while
this process works through the first.

Either way the child is made by ``fork_child``: it sees this process's memory as it was at
the fork (copy-on-write), so nothing is copied or sent to it; it pickles its one answer into
a pipe and leaves at once. ``os.fork`` rather than multiprocessing: importing multiprocessing
takes longer than the fork saves on this kind of machine, and the child needs none of its
machinery. Fork only from a process with no other threads (before Textual starts, or in the
CLI), since a fork copies just the calling thread.

Whatever gets in the way (no fork on this system, one core, too little work to be worth a
process, a child that fails or dies) ends with this process doing the work itself: the
answer is the same either way, only slower.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

Work = Callable[[Sequence[Item]], list[Result]]  # one result per item, in order

# Below this many items the fork, the copied pages and the pickling cost about what they save.
WORTH_A_FORK = 2000


def on_two_cores(work: Work, items: Sequence[Item]) -> list[Result]:
    """``work(items)``, worked out as ``work(first half) + work(second half)`` in two processes
    when that is worth it. ``work`` must give one result per item, depending on that item alone,
    and must not write anywhere: the child's side effects are lost."""
    if len(items) < WORTH_A_FORK or (os.cpu_count() or 1) < 2:
        return work(items)
    half = len(items) // 2
    forked = fork_child(lambda: work(items[half:]))
    if forked is None:  # no fork on this system, or no process to spare
        return work(items)
    child, read_end = forked
    pipe = os.fdopen(read_end, "rb")
    try:
        first = work(items[:half])
        sent = pipe.read()
    except BaseException:
        os.kill(child, signal.SIGKILL)  # this answer is lost anyway: don't wait for its half
        raise
    finally:
        pipe.close()
        _, status = os.waitpid(child, 0)
    try:
        second = pickle.loads(sent) if os.waitstatus_to_exitcode(status) == 0 else None
    except (pickle.UnpicklingError, EOFError, ValueError):
        second = None
    if second is None or len(second) != len(items) - half:
        second = work(items[half:])  # the child did not finish: do its part here
    return first + second


def fork_child(task: Callable[[], object]) -> tuple[int, int] | None:
    """A child process that pickles ``task()`` into a pipe and leaves: (its pid, the pipe's
    read end), or None where there is no fork or no process to spare. Its exit status is 0
    only if the whole answer was sent; if ``task`` fails the pipe closes with nothing in it.
    The caller reads the pipe, closes it and reaps the child."""
    if not hasattr(os, "fork"):
        return None
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:  # a limit on processes reached
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:
        # ``os._exit`` skips what the child inherited and must not run twice: the parent's
        # ``finally`` blocks and exit handlers, its unflushed output.
        status = 1
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as pipe:
                pickle.dump(task(), pipe, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end
