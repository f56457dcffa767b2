"""Where the TUI spends a card move and a load: ``python bench/profile_tui.py [N] [--moves 20]``.

Runs the board headless (Textual's Pilot, 120x40) on a board from ``make_board``, times each
``shift+right``/``shift+left`` (Silent <-> Rejected) until the app is idle again, and prints cProfile's view of the
moves (jobboard's own functions and Textual's biggest) and of the load; with ``--timers``, no
profiler: a table of calls and milliseconds per move for the board's main functions. Headless rendering
skips the terminal write, so these figures are a lower bound of what bench/run.py sees.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_board import make_board  # noqa: E402

from jobboard.config.settings import Settings  # noqa: E402
from jobboard.storage.store import BoardStore  # noqa: E402
from jobboard.tui.app import JobBoardApp  # noqa: E402


def report(profile: cProfile.Profile, title: str, pattern: str, limit: int) -> None:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("cumulative").print_stats(pattern, limit)
    print(f"\n## {title}\n")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))


TIMED = {}  # "Class.method" -> [calls, seconds], without cProfile's overhead


def time_calls(owner: type, name: str) -> None:
    """Wrap ``owner.name`` so that every call adds to TIMED (nested calls count in both)."""
    original = getattr(owner, name)
    key = f"{owner.__module__.rsplit('.', 1)[-1]}.{owner.__name__}.{name}"
    TIMED[key] = [0, 0.0]

    def timed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            TIMED[key][0] += 1
            TIMED[key][1] += time.perf_counter() - start

    setattr(owner, name, timed)


def install_timers() -> None:
    from textual.screen import Screen
    from textual.widget import Widget

    from jobboard.tui.app import JobBoardApp
    from jobboard.tui.board import Board
    from jobboard.tui.board_screen import BoardScreen
    from jobboard.tui.column import Column
    from jobboard.tui.footer import BoardFooter
    from jobboard.tui.panel import SidePanel

    for owner, name in (
        (BoardScreen, "refresh_board"),
        (BoardScreen, "show_selected"),
        (BoardScreen, "action_move"),
        (BoardScreen, "_activate"),
        (BoardScreen, "check_action"),
        (JobBoardApp, "keep_going"),
        (JobBoardApp, "step_for"),
        (JobBoardApp, "_apply"),
        (SidePanel, "show"),
        (Column, "set_cards"),
        (Column, "card_line"),
        (Board, "render_lines"),
        (BoardFooter, "follow_bindings"),
        (BoardFooter, "render"),
        (Widget, "recompose"),
        (Screen, "_refresh_layout"),
        (Screen, "_compositor_refresh"),
    ):
        if hasattr(owner, name):
            time_calls(owner, name)


async def timed_moves(size: int, moves: int) -> None:
    """Each move's wall time until idle, and what the wrapped functions took, per move."""
    install_timers()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "board.json"
        make_board(size, path)
        app = JobBoardApp(BoardStore(path), Settings())
        async with app.run_test(size=(120, 40)) as pilot:
            while not app.steps_ready:
                await pilot.pause(0.01)
            await pilot.pause()
            await pilot.press("l", "l")  # Silent: its moves to Rejected ask nothing (Interviewed asks a date)
            await app.flush()
            for entry in TIMED.values():
                entry[:] = [0, 0.0]
            times = []
            for n in range(moves):
                start = time.perf_counter()
                await pilot.press("shift+right" if n % 2 == 0 else "shift+left")
                await pilot.pause()
                times.append(time.perf_counter() - start)
                await app.flush()
    print(f"\n## {size} applications, {moves} moves, no profiler")
    print(f"a move until idle (headless): median {statistics.median(times) * 1000:.1f} ms\n")
    print("| function | calls per move | ms per move |\n|---|---|---|")
    for key, (calls, seconds) in sorted(TIMED.items(), key=lambda item: -item[1][1]):
        if calls:
            print(f"| {key} | {calls / moves:.1f} | {seconds / moves * 1000:.1f} |")


async def main(size: int, moves: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "board.json"
        make_board(size, path)
        app = JobBoardApp(BoardStore(path), Settings())
        load = cProfile.Profile()
        async with app.run_test(size=(120, 40)) as pilot:
            start = time.perf_counter()
            load.enable()
            while not app.steps_ready:
                await pilot.pause(0.01)
            await pilot.pause()
            load.disable()
            print(f"{size} applications: loaded with every step in {time.perf_counter() - start:.3f} s")
            await pilot.press("l", "l")  # Silent: its moves to Rejected ask nothing (Interviewed asks a date)
            profile = cProfile.Profile()
            times = []
            for n in range(moves):
                start = time.perf_counter()
                profile.enable()
                await pilot.press("shift+right" if n % 2 == 0 else "shift+left")
                await pilot.pause()
                profile.disable()
                times.append(time.perf_counter() - start)
                await app.flush()
            print(f"a move, until idle: median {statistics.median(times) * 1000:.1f} ms (with cProfile on)")
            await app.flush()
    report(profile, f"{moves} moves", "jobboard|textual/(screen|widget|_compositor|app|css/stylesheet)", 30)
    report(load, "the load", "jobboard|textual/(screen|_compositor)", 20)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("size", type=int, nargs="?", default=1000)
    parser.add_argument("--moves", type=int, default=20)
    parser.add_argument("--timers", action="store_true", help="time named functions, no cProfile")
    args = parser.parse_args()
    asyncio.run((timed_moves if args.timers else main)(args.size, args.moves))
