"""A large board's first look, taken by a child process while the TUI's own process starts.

Parsing a board of 10,000 applications (7 MB) takes ~65 ms, and the parser holds the
interpreter all that time: in a thread of the TUI's process it delayed Textual's start by as
much. Started by the CLI before it imports Textual, a child Python process parses the file
on another core and hands back only what the first screen shows: the counts and each
column's top records (jobboard.storage.first_look's ``top_records``), as JSON on its stdout.
The child imports only this module's few neighbours (no pendulum, no Textual).

The child only reads the file (never the lock, never a write). Its look is shown until the
TUI's own full read replaces it, which parses the file again and checks every entry, with
the keys held until then, exactly as with a look taken in-process. Anything unexpected (a
small board, an older schema, a file it cannot read, a child that fails or is slow) means no
look from it, and the TUI takes its look itself.

The child is ``python -m jobboard.storage.look_ahead PATH CARDS STATUS...``.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from jobboard.storage import migrations
from jobboard.storage.board_json import APPLICATIONS, BoardError, parse_board_bytes
from jobboard.storage.first_look import TopRecords, top_records, top_records_from
from jobboard.storage.safefile import FileRefused, read_regular_stat

if TYPE_CHECKING:
    import subprocess

# Below this a board parses in a few milliseconds: starting a process would cost more.
LARGE_BOARD_BYTES = 256 * 1024


def cards_to_look_at() -> int:
    """How many cards a column's first look holds: one per terminal line, more than a column
    shows (the settings, which say which columns, are not read yet: every status is looked at)."""
    import shutil

    return max(shutil.get_terminal_size().lines, 24)


class LookAhead:
    """The child process taking the first look at ``path`` for ``statuses``, with at most
    ``cards`` records per column."""

    def __init__(self, process: subprocess.Popen[bytes], statuses: tuple[str, ...], cards: int) -> None:
        self.process = process
        self.statuses = statuses
        self.cards = cards

    @classmethod
    def start(
        cls, path: Path, statuses: Sequence[str], cards: int, smallest: int = LARGE_BOARD_BYTES
    ) -> LookAhead | None:
        """The child started on a board file of at least ``smallest`` bytes; None otherwise,
        or when it cannot be started."""
        import subprocess  # here: the child itself needs none of it

        try:
            if path.stat().st_size < smallest:
                return None
            process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(path), str(cards), *statuses],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except (OSError, ValueError):
            return None
        return cls(process, tuple(statuses), cards)

    def top(self, timeout: float) -> TopRecords | None:
        """What the child found, waiting at most ``timeout`` seconds for it; None when it found
        nothing usable, failed or took longer (it is stopped then, which ends its output)."""
        stop = threading.Timer(timeout, self.process.kill)
        stop.start()
        try:
            out = self.process.stdout.read() if self.process.stdout else b""
        finally:
            stop.cancel()
        if not out:
            return None
        try:
            top = top_records_from(orjson.loads(out))
        except orjson.JSONDecodeError:
            return None
        return top if top is not None and set(top.counts) == set(self.statuses) else None

    def close(self) -> None:
        """Stop the child if it is still running (it only reads, and its answer is in or no
        longer wanted; what is left is the interpreter's clean-up after a large parse), and
        reap it."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()


def look(path: Path, statuses: Sequence[str], cards: int) -> TopRecords | None:
    """The child's work: the top records of a board in this jobboard's schema, or None (an
    older board is upgraded by the full read; an unreadable one is refused by it)."""
    try:
        raw, _ = read_regular_stat(path)
        data = parse_board_bytes(raw, path)
    except (OSError, FileRefused, BoardError):
        return None
    if migrations.version_of(data) != migrations.SCHEMA_VERSION:
        return None
    return top_records(data.get(APPLICATIONS, {}), statuses, cards)


def main(argv: Sequence[str]) -> int:
    gc.disable()  # a short life: the collector would only walk the parsed board again and again
    path, cards, *statuses = argv
    top = look(Path(path), statuses, int(cards))
    if top is None:
        return 1
    try:
        out = orjson.dumps(list(top))
    except (orjson.JSONEncodeError, TypeError):  # a number orjson does not write: no look, the full read decides
        return 1
    sys.stdout.buffer.write(out)
    sys.stdout.close()  # the parent reads until here, not until the parsed board is freed
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
