"""Start-up and memory under outside writes: ``python bench/startup.py``.

Options: ``--sizes 10,1000,10000`` (applications per board; ``10000p``: each card with a captured
posting of a few KB, as ``add --from`` keeps it), ``--launches 7`` (timed launches
per app and size), ``--writes 6`` (outside writes at the largest size), ``--out`` (a markdown
file for the table; default ``bench/startup_results.md``).

1. Launch to first card: the time from ``respawn-pane`` until the terminal's output holds the
   top card's company (the newest in Applied), polled with ``capture-pane -p`` every 5 ms,
   with a deadline. The floor is ``bench/bare_app.py`` (one ``Static`` and a ``Footer``) until
   its label shows. Each round launches the bare app then jobboard, for each size in turn;
   after untimed warm-up rounds, the median of ``--launches`` rounds for each, and each size
   is compared with the bare launches just before its own. Boards are made with the
   project's store (``bench/make_board.py``) in a temporary folder.
2. Memory under outside writes, at the largest size: the board open, ``jobboard log ID note``
   run ``--writes`` times from another process; after each, once the board has said it
   reloaded ("The board changed on disk") and its notice has gone, the TUI process's resident
   memory (VmRSS in ``/proc/PID/status``). Bounded means no growth after the second reload:
   the last reading within ``GROWTH_ALLOWED_MB`` of the second.

The terminal, the clean environment and the polling are ``bench/run.py``'s (its docstring
says what they cost). Figures on a shared machine move by a fifth from run to run; the ratio
to the floor measured beside jobboard in the same run is the number to compare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_board import make_board  # noqa: E402 - bench/ is not a package
from run import (  # noqa: E402
    Terminal,
    clean_env,
    jobboard_command,
    launch_times,
    machine,
    remember_sort_by_applied,
    top_card,
    write_report,
)

TARGETS = {10: 1.3, 1000: 1.4, 10000: 1.5}  # issue 26: first card within this many times the floor
WARM_UP_ROUNDS = 3
RELOADED = "changed on disk"  # the notice the board shows when it has read an outside write
NOTICE_SECONDS = 3.5  # the notice's timeout (3 s) and a little
GROWTH_ALLOWED_MB = 5.0  # allocator noise; a leak of the board's size is tens of MB at 10,000


def resident_mb(pid: int) -> float:
    """VmRSS of ``pid`` in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def steps_counted(screen: str) -> bool:
    """Whether the column headers (the first lines) show due or overdue counts."""
    return any(mark in line for line in screen.splitlines()[:4] for mark in ("●", "▲"))


def memory_under_writes(term: Terminal, env: dict[str, str], board: Path, writes: int) -> list[float]:
    """The TUI's RSS once the board is fully read, then after each of ``writes`` outside writes."""
    python = sys.executable
    card = top_card(board)
    term.launch([*jobboard_command(python), "--db", str(board)])
    term.wait_until(lambda screen: card["company"][:10] in screen)
    # Fully read and its steps worked out: the headers show the due counts only then.
    term.wait_until(steps_counted, timeout=60)
    time.sleep(2.0)
    pid = term.pane_pid()
    readings = [resident_mb(pid)]
    for n in range(writes):
        note = f"outside write {n + 1}"
        command = [*jobboard_command(python), "--db", str(board), "log", card["id"], "note", "--note", note]
        subprocess.run(command, env=env, check=True, capture_output=True)
        term.wait_until(lambda screen: RELOADED in screen, timeout=60)
        term.wait_until(lambda screen: RELOADED not in screen, timeout=60)
        time.sleep(NOTICE_SECONDS - 3.0)
        readings.append(resident_mb(pid))
    term.quit()
    return readings


Board = tuple[int, bool]  # (applications, with postings)


def parse_sizes(text: str) -> list[Board]:
    """``10,1000,10000p`` -> [(10, False), (1000, False), (10000, True)]."""
    return [(int(token.rstrip("p")), token.endswith("p")) for token in text.split(",")]


def label(board: Board) -> str:
    size, postings = board
    return f"{size:,}" + (" with postings" if postings else "")


def run(sizes: list[Board], launches: int, writes: int) -> tuple[list[tuple[Board, float, float]], list[float]]:
    python = sys.executable
    results = []
    with tempfile.TemporaryDirectory(prefix="jobboard-startup-") as tmp:
        folder = Path(tmp)
        env = clean_env(folder, python)
        remember_sort_by_applied(folder / "state")
        term = Terminal(env)
        bare = ([python, str(HERE / "bare_app.py")], "bare label 0")
        try:
            boards = {}
            for size, postings in sizes:
                boards[size, postings] = folder / f"board-{size}{'p' if postings else ''}" / "board.json"
                make_board(size, boards[size, postings], postings=postings)
            # One round launches the bare app then jobboard at each size, in turn: a burst of
            # work from elsewhere on the machine then weighs on every size and its floor alike.
            apps = []
            for board in sizes:
                argv = [*jobboard_command(python), "--db", str(boards[board])]
                apps += [bare, (argv, top_card(boards[board])["company"][:10])]
            print(f"{len(sizes)} boards, launches beside the floor ...", file=sys.stderr)
            launch_times(term, apps, WARM_UP_ROUNDS)
            times = launch_times(term, apps, launches)
            for n, board in enumerate(sizes):
                floor, ours = times[2 * n], times[2 * n + 1]
                results.append((board, statistics.median(ours), statistics.median(floor)))
            largest = max(sizes, key=lambda board: (board[0], not board[1]))  # without postings first
            print(f"{label(largest)}: {writes} outside writes ...", file=sys.stderr)
            readings = memory_under_writes(term, env, boards[largest], writes) if writes else []
        finally:
            term.close()
    return results, readings


def table(results: list[tuple[Board, float, float]], readings: list[float]) -> str:
    lines = [
        "| size | launch → first card | floor (bare app) | ratio | target | result |",
        "|---|---|---|---|---|---|",
    ]
    for board, ours, floor in results:
        target = TARGETS.get(board[0])
        ratio = ours / floor
        verdict = "—" if target is None else ("pass" if ratio <= target else "**over**")
        shown = f"≤ {target}x" if target else ""
        cells = [label(board), f"{ours * 1000:.0f} ms", f"{floor * 1000:.0f} ms", f"{ratio:.2f}x", shown, verdict]
        lines.append("| " + " | ".join(cells) + " |")
    series = " → ".join(f"{mb:.0f}" for mb in readings)
    growth = readings[-1] - readings[2] if len(readings) > 2 else 0.0
    verdict = "pass" if growth <= GROWTH_ALLOWED_MB else "**grows**"
    if not readings:
        return "\n".join(lines)
    largest = max((board for board, _, _ in results), key=lambda board: (board[0], not board[1]))
    lines += [
        "",
        f"| memory under outside writes ({len(readings) - 1} writes) | RSS, MB (open, then after each reload) | "
        "after the 2nd reload to the last | result |",
        "|---|---|---|---|",
        f"| {label(largest)} cards | {series} | {growth:+.1f} MB | {verdict} |",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="jobboard's start-up against a bare Textual app, in tmux.")
    parser.add_argument("--sizes", default="10,1000,10000")
    parser.add_argument("--launches", type=int, default=7)
    parser.add_argument("--writes", type=int, default=6)
    parser.add_argument("--out", type=Path, default=HERE / "startup_results.md")
    args = parser.parse_args()
    sizes = parse_sizes(args.sizes)
    load_before = os.getloadavg()
    started = time.perf_counter()
    results, readings = run(sizes, args.launches, args.writes)
    load_after = os.getloadavg()
    text = table(results, readings)
    print(text)
    machine_line = f"{machine()}; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after."
    command = f"bench/startup.py --sizes {args.sizes} --launches {args.launches} --writes {args.writes}"
    write_report(args.out, "Start-up results", machine_line, command, started, text)


if __name__ == "__main__":
    main()
