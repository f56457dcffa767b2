"""What the board keeps alive across outside writes: ``python bench/memory_trace.py``.

Options: ``--size 10000`` (applications), ``--writes 20``, ``--postings``, ``--top 8``.

``startup.py`` reads the TUI's resident memory (RSS) after each reload, which counts pages the
allocator holds as well as objects still in use. This runs the board headless (Textual's Pilot,
in this process), has another process log a note ``--writes`` times, and after each reload, its
notice gone and a full collection, reads three figures: Python's live memory as tracemalloc
counts it (traced from the second reload on), the number of objects the collector tracks, and the
RSS (which tracemalloc's own bookkeeping raises by about twice the live memory). Live memory
that climbs write after write is something kept per reload; a flat line under a rising RSS is
the allocator. The lines whose live memory grew most from the second reload to
the last are printed under the table.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_board import make_board  # noqa: E402 - bench/ is not a package
from startup import resident_mb  # noqa: E402

NOTICE_SECONDS = 3.5  # the reload notice's timeout (3 s) and a little: its toast is gone by then
POLL_SECONDS = 0.05
TRACED_FROM = 2  # traced from the second reload on: the first after the full read has replaced the first look


def outside_write(board: Path, card: str, n: int) -> None:
    """``jobboard log CARD note`` from another process, as a second terminal or a script would."""
    command = [sys.executable, "-m", "jobboard", "--db", str(board), "log", card, "note"]
    subprocess.run([*command, "--note", f"outside write {n}"], check=True, capture_output=True)


async def trace(board: Path, writes: int, top: int) -> tuple[list[tuple[int, float, int, float]], list[str]]:
    """One row per reload: (write, live MB traced, objects tracked, RSS MB); and the lines
    whose live memory grew most from the first traced reload to the last."""
    from jobboard.storage.store import BoardStore
    from jobboard.tui.app import JobBoardApp

    app = JobBoardApp(BoardStore(board))
    rows: list[tuple[int, float, int, float]] = []
    first: tracemalloc.Snapshot | None = None
    async with app.run_test(size=(160, 50)) as pilot:
        while not (app.loaded and app.steps_ready):
            await pilot.pause(POLL_SECONDS)
        card = min(app.board, key=int)
        for n in range(1, writes + 1):
            logged = len(app.board[card].events)  # a count, not the board: the old one must go
            outside_write(board, card, n)
            while len(app.board[card].events) == logged or not app.steps_ready:
                await pilot.pause(POLL_SECONDS)
            await pilot.pause(NOTICE_SECONDS)
            gc.collect()
            live = tracemalloc.get_traced_memory()[0] / 2**20 if tracemalloc.is_tracing() else 0.0
            rows.append((n, live, len(gc.get_objects()), resident_mb(os.getpid())))
            if n == TRACED_FROM - 1:  # so that the board read at the next reload is traced whole
                tracemalloc.start(1)
            elif n == TRACED_FROM:
                first = tracemalloc.take_snapshot()
        last = tracemalloc.take_snapshot()
        tracemalloc.stop()
    grown = [] if first is None else last.compare_to(first, "lineno")[:top]
    lines = [f"{stat.size_diff / 1024:+.0f} KiB, {stat.count_diff:+d} blocks: {stat.traceback[0]}" for stat in grown]
    return rows, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--writes", type=int, default=20)
    parser.add_argument("--postings", action="store_true")
    parser.add_argument("--top", type=int, default=8)
    args = parser.parse_args()
    if args.writes <= TRACED_FROM:
        parser.error(f"--writes must be more than {TRACED_FROM}: tracing starts at reload {TRACED_FROM}")
    with tempfile.TemporaryDirectory(prefix="jobboard-memory-") as tmp:
        folder = Path(tmp)
        for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
            os.environ[name] = str(folder / name.lower())  # nothing of the user's is read or kept
        board = folder / "board.json"
        make_board(args.size, board, postings=args.postings)
        rows, grown = asyncio.run(trace(board, args.writes, args.top))
    print(f"{args.size:,} cards{' with postings' if args.postings else ''}, {args.writes} outside writes\n")
    print("| reload | live (tracemalloc) | objects tracked | RSS |\n|---|---|---|---|")
    for n, live, objects, rss in rows:
        shown = f"{live:.2f} MB" if n >= TRACED_FROM else "—"
        print(f"| {n} | {shown} | {objects:,} | {rss:.1f} MB |")
    traced = [live for n, live, _, _ in rows if n >= TRACED_FROM]
    print(f"\nlive memory from reload {TRACED_FROM} to {args.writes}: {traced[-1] - traced[0]:+.2f} MB")
    print("\ngrew most since reload 2:\n" + "\n".join(f"- {line}" for line in grown))


if __name__ == "__main__":
    main()
