"""Work through a long list on two cores, for a command a person is waiting on.

The markdown export of a board of 10,000 applications spends most of its time on each card's
next step and table row: Python, one card after another, on one core while the other idles.
``on_two_cores`` forks: the child works through the second half of the list and sends its
results back through a pipe, pickled, while this process works through the first half. The
child sees this process's memory as it was at the fork (copy-on-write), so the list is never
copied or sent; only the results travel.

``os.fork`` rather than multiprocessing: importing multiprocessing takes longer than the fork
saves on this kind of machine, and the child here needs none of its machinery.

Whatever gets in the way (no fork on this system, one core, a list too short to be worth a
process, a child that fails or dies) ends with this process doing that part itself: the
answer is the same either way, only slower. Call it only from a process with no other threads
(the CLI), since a fork copies just the calling thread.
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
    if len(items) < WORTH_A_FORK or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return work(items)
    half = len(items) // 2
    read_end, write_end = os.pipe()
    try:
        child = os.fork()
    except OSError:  # no process to spare: one process does it all
        os.close(read_end)
        os.close(write_end)
        return work(items)
    if child == 0:
        _second_half(work, items[half:], read_end, write_end)
    os.close(write_end)
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


def _second_half(work: Work, part: Sequence[Item], read_end: int, write_end: int) -> None:
    """The child: work through ``part``, send the results, and leave at once, exit status 0
    only if everything was sent. ``os._exit`` skips what this process inherited and must not
    run twice: the parent's ``finally`` blocks and exit handlers, its unflushed output."""
    status = 1
    try:
        os.close(read_end)
        with os.fdopen(write_end, "wb") as pipe:
            pickle.dump(work(part), pipe, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)
