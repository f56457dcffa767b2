"""jobboard against a bare Textual app, in real terminals: ``python bench/run.py``.

Options: ``--sizes 100,1000,10000`` (applications per board), ``--moves 30`` (card moves timed
per size), ``--launches 11`` (launches timed per app and size), ``--out bench/results.md``.

Every figure comes from the outside, as a user would see it: the apps run in tmux (a private
``-L`` socket, 120x40, ``env -i`` with only PATH, HOME, TERM=xterm-256color, LANG=C.UTF-8 and
XDG_* pointing into a temporary folder), and the script reads the screen back with
``tmux capture-pane``. Side by side in the same run, the floor is ``bench/bare_app.py`` (a
``Static`` and a ``Footer``), measured again at each size right beside jobboard: its launches
take turns with jobboard's, and each of its keystrokes comes just before one of jobboard's
moves, both apps open side by side in their own panes.

1. Launch to first card painted: from ``respawn-pane`` until the screen shows the top card's
   company (for the bare app, its label). Median of ``--launches`` after one untimed warm-up
   round, the two apps taking turns (and, before the first size, ``WARM_UP_ROUNDS`` more).
2. Keystroke to repaint for a card move: ``S-Right`` / ``S-Left`` alternately on the top card
   of Silent (between Silent and Rejected: a move into Interviewed asks the interview's date),
   until the column headers show the new counts; median and p95. The floor is the
   bare app's ``x`` until its label shows the new number, timed the same way, one before each
   move.
3. Keystroke until the move is durable: until the board file on disk has been replaced and
   its JSON holds the card in its new column.
4. ``jobboard list --json`` and ``jobboard add`` wall time (median of 5, on a copy of the board)
   and whether either imports textual.
5. ``jobboard export --format markdown`` wall time at the largest size (median of 5).
6. Peak memory (VmHWM) of the TUI process, read from /proc just before quitting.

How we poll, and what it costs: every tmux command after the setup (``respawn-pane``,
``send-keys``, ``capture-pane``) goes through one tmux client in control mode that stays
connected, so a command costs about 0.1 ms and almost no CPU. (Until 2026-11-22 each was a new
``tmux`` process: ~3 ms and ~2.5 ms of CPU each, which at one screen read every 5 ms took
about half a core of this 2-core machine away from the apps being timed, and added ~3 ms to
every figure of both apps.) The clock starts just before the command is sent; the screen is
read every ``POLL_SECONDS`` (5 ms), and the board file is ``stat``-ed on each turn
(microseconds); the JSON is parsed only when the file was replaced, and that time is not
counted (the timestamp is taken at the ``stat`` that saw the change). So a figure is late by
at most one poll period (on average about half of it), equally for both apps.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pendulum

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_board import make_board  # noqa: E402 - bench/ is not a package

from jobboard.core.model import DEFAULT_COLUMNS  # noqa: E402

POLL_SECONDS = 0.005
GOLDEN = 0.6180339887  # steps of the golden ratio cover [0, 1) evenly, in any number of them
WARM_UP_ROUNDS = 3  # untimed launches of both apps before the first size is measured
SIZE = (120, 40)
CELL_COUNT = re.compile(r"\s*(\d+)")  # a header cell reads "32 cards · ●3 due" or, narrow, "32 · ●3"
COLUMNS = DEFAULT_COLUMNS  # the board's columns as a new user has them
SILENT, REJECTED = COLUMNS.index("silent"), COLUMNS.index("rejected")


# -- a terminal ---------------------------------------------------------------------------------


class Terminal:
    """One tmux server on a private socket, with two panes that we respawn for each launch:
    jobboard's ("b") and the floor's ("f"), so that both apps can run side by side.

    Every command after the setup goes through one tmux client in control mode (``-C``) that
    stays connected: a new ``tmux`` client per screen read costs ~2.5 ms of CPU, and at one
    read every 5 ms that took about half of one of this machine's two cores away from the
    apps being measured (more from jobboard, which uses both cores while it opens)."""

    def __init__(self, env: dict[str, str]) -> None:
        self.tmux = shutil.which("tmux") or sys.exit("bench/run.py needs tmux")
        self.socket = f"jobboard-bench-{uuid.uuid4().hex[:8]}"
        self.env = env
        for pane in ("b", "f", "ctl"):
            self.tmux_cmd("new-session", "-d", "-s", pane, "-x", str(SIZE[0]), "-y", str(SIZE[1]), "sleep 600")
            self.tmux_cmd("set-option", "-t", pane, "remain-on-exit", "on")
        # Panes keep their size when the control client attaches (it would otherwise resize
        # every window to its own 80x24). Set once the sessions exist: tmux 3.3a's server
        # exits if a session is created after it.
        self.tmux_cmd("set-option", "-g", "window-size", "manual")
        self.control = subprocess.Popen(
            [self.tmux, "-L", self.socket, "-C", "attach-session", "-t", "=ctl", "-f", "no-output"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def tmux_cmd(self, *args: str) -> str:
        """A command in a client of its own: for the setup, before the control client exists."""
        result = subprocess.run([self.tmux, "-L", self.socket, *args], capture_output=True, text=True)
        return result.stdout

    def command(self, *args: str) -> str:
        """A command through the control client; its output. The client also prints
        notifications (a window renamed, a session changed) and the reply to its own attach:
        only a block flagged as this client's command (``%begin TIME N 1``) is the answer."""
        assert self.control.stdin is not None and self.control.stdout is not None
        self.control.stdin.write(shlex.join(args).encode() + b"\n")
        self.control.stdin.flush()
        lines: list[str] | None = None
        while True:
            raw = self.control.stdout.readline()
            if not raw:
                raise RuntimeError(f"the tmux control client ended during: {shlex.join(args)}")
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if lines is None:
                if line.startswith("%begin ") and line.split()[-1] == "1":
                    lines = []
            elif line.startswith(("%end ", "%error ")):
                if line.startswith("%error "):
                    raise RuntimeError(f"tmux {shlex.join(args)}: {' '.join(lines)}")
                return "\n".join(lines) + "\n"
            else:
                lines.append(line)

    @staticmethod
    def target(pane: str) -> str:
        # Exactly that session's pane: to a client attached to "ctl", a bare "b" can mean
        # a pane of its own session.
        return f"={pane}:"

    def launch(self, argv: list[str], pane: str = "b") -> None:
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env.items())
        command = f"exec env -i {exports} {shlex.join(argv)}"
        self.command("respawn-pane", "-k", "-t", self.target(pane), command)

    def screen(self, pane: str = "b") -> str:
        return self.command("capture-pane", "-p", "-t", self.target(pane))

    def keys(self, *keys: str, pane: str = "b") -> None:
        self.command("send-keys", "-t", self.target(pane), *keys)

    def pane_pid(self, pane: str = "b") -> int:
        return int(self.command("list-panes", "-t", self.target(pane), "-F", "#{pane_pid}").split()[0])

    def pane_dead(self, pane: str = "b") -> bool:
        return self.command("list-panes", "-t", self.target(pane), "-F", "#{pane_dead}").strip() == "1"

    def wait_until(self, test, timeout: float = 60.0, pane: str = "b") -> tuple[float, str]:  # noqa: ANN001
        """Poll the screen until ``test(screen)`` holds; the seconds it took from now and the screen."""
        start = time.perf_counter()
        while True:
            screen = self.screen(pane)
            if test(screen):
                return time.perf_counter() - start, screen
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"timed out; the screen was:\n{screen}")
            time.sleep(POLL_SECONDS)

    def quit(self, key: str = "q", pane: str = "b") -> None:
        self.keys(key, pane=pane)
        deadline = time.monotonic() + 30
        while not self.pane_dead(pane) and time.monotonic() < deadline:
            time.sleep(0.02)

    def close(self) -> None:
        if self.control.stdin is not None:
            self.control.stdin.close()  # the control client detaches at the end of its input
        self.tmux_cmd("kill-server")  # first: a client that hangs must not leave the server behind
        self.control.wait(timeout=10)
        folder = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (folder / self.socket).unlink(missing_ok=True)


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                todo += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
    return found


def peak_memory_mb(pid: int) -> float:
    """The largest VmHWM among ``pid`` and its descendants, in MB."""
    peak = 0
    for each in descendants(pid):
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmHWM:\s+(\d+) kB", status)
        if match:
            peak = max(peak, int(match.group(1)))
    return peak / 1024


# -- measurements -------------------------------------------------------------------------------


@dataclass
class Row:
    size: str
    metric: str
    value: float | None
    floor: float | None
    unit: str
    target: str
    ok: bool | None

    def cells(self) -> list[str]:
        def show(v: float | None) -> str:
            if v is None:
                return "—"
            return f"{v:.0f} {self.unit}" if self.unit in ("ms", "MB") else f"{v} {self.unit}".strip()

        ratio = f"{self.value / self.floor:.2f}x" if self.value is not None and self.floor else "—"
        verdict = "—" if self.ok is None else ("pass" if self.ok else "**FAIL**")
        return [self.size, self.metric, show(self.value), show(self.floor), ratio, self.target, verdict]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def ms(seconds: float) -> float:
    return seconds * 1000


def top_card(path: Path, status: str = "applied") -> dict:
    """The top card of a column: the newest (the bench opens the board sorted by applied date,
    see ``remember_sort_by_applied``; the first look is in that order anyway)."""
    records = json.loads(path.read_text())["applications"].values()
    cards = [r for r in records if r["status"] == status]
    return max(cards, key=lambda r: (r["applied_on"], int(r["id"])))


def remember_sort_by_applied(state_home: Path) -> None:
    """The state file of a user who chose 'by applied date' with `s`: the columns keep the
    order they open in, so the card the moves are made on is known before the board opens."""
    folder = state_home / "jobboard"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "state.json").write_text(json.dumps({"sort": "applied"}))


def header_counts(screen: str) -> tuple[int, ...] | None:
    """The card counts of the column headers, in board order: the line under the column titles,
    one cell per column between the column borders."""
    lines = screen.splitlines()[:6]
    for above, line in zip(lines, lines[1:], strict=False):
        if "Applied" in above and "Interviewed" in above:
            cells = re.split(r"[▕│┃|]", line)[: len(COLUMNS)]
            matches = [CELL_COUNT.match(cell) for cell in cells]
            if len(cells) == len(COLUMNS) and all(matches):
                return tuple(int(m.group(1)) for m in matches if m)
    return None


def launch_times(term: Terminal, apps: list[tuple[list[str], str]], launches: int) -> list[list[float]]:
    """Seconds from launch to ``marker`` on screen, ``launches`` times for each (argv, marker),
    taking turns: a machine that speeds up or slows down during the run (this one does, by a
    third) then weighs on every app alike, and the ratio between them holds."""
    times: list[list[float]] = [[] for _ in apps]
    for attempt in range(launches + 1):
        for (argv, marker), measured in zip(apps, times, strict=True):
            start = time.perf_counter()
            term.launch(argv)
            term.wait_until(lambda screen, marker=marker: marker in screen)
            elapsed = time.perf_counter() - start
            if attempt:  # the first round warms the page cache and the bytecode
                measured.append(elapsed)
            time.sleep(0.3)
            term.quit("q")
    return times


def board_on_disk(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return (st.st_ino, st.st_mtime_ns)


def status_on_disk(path: Path, app_id: str) -> str | None:
    try:
        return json.loads(path.read_bytes())["applications"][app_id]["status"]
    except (OSError, ValueError, KeyError):
        return None


@dataclass
class Moves:
    repaint: list[float]  # jobboard: key to the headers' new counts on screen
    durable: list[float]  # jobboard: key to the move in the board file
    memory: float  # jobboard's peak, MB
    floor: list[float]  # the bare app: key to its new label on screen
    floor_memory: float


def moves_beside_floor(term: Terminal, python: str, argv: list[str], board: Path, card: dict, count: int) -> Moves:
    """``count`` card moves in jobboard, each right after one label change in the bare app, both
    apps open side by side: a machine that slows down for a while then weighs on both alike,
    as it does in the launches' turns."""
    term.launch([python, str(HERE / "bare_app.py")], pane="f")
    term.wait_until(lambda screen: "bare label 0" in screen, pane="f")
    term.launch(argv)
    term.wait_until(lambda screen: header_counts(screen) is not None)
    time.sleep(1.0)  # let the next steps worked out after the load arrive
    for _ in range(SILENT):  # to Silent, its top card selected
        term.keys("l")
        time.sleep(0.2)
    term.wait_until(lambda screen: card["company"][:10] in screen)
    time.sleep(0.3)
    _, screen = term.wait_until(lambda s: header_counts(s) is not None)
    counts = list(header_counts(screen) or ())
    moves = Moves([], [], 0.0, [], 0.0)
    for n in range(count):
        # The screen is read every POLL_SECONDS, so a frame is seen up to one period late. Read
        # on the same grid after every key, a frame out in 4 ms always reads as ~5 and one out
        # in 11 ms as ~15, and the ratio jumps with where each app's frames fall on the grid.
        # So the first read comes at an offset spread evenly over the period from one move to
        # the next (the same offsets for both apps): each median is then ~half a period late.
        offset = POLL_SECONDS * ((n * GOLDEN) % 1)
        start = time.perf_counter()
        term.keys("x", pane="f")
        time.sleep(offset)
        term.wait_until(lambda screen, n=n: f"bare label {n + 1}" in screen, pane="f")
        moves.floor.append(time.perf_counter() - start)
        time.sleep(0.05)
        right = n % 2 == 0
        source, target = (SILENT, REJECTED) if right else (REJECTED, SILENT)
        expected = list(counts)
        expected[source] -= 1
        expected[target] += 1
        want_status = COLUMNS[target]
        before = board_on_disk(board)
        start = time.perf_counter()
        term.keys("S-Right" if right else "S-Left")
        time.sleep(offset)
        seen_screen = seen_disk = None
        while seen_screen is None or seen_disk is None:
            now = time.perf_counter()
            if seen_disk is None and board_on_disk(board) != before:
                if status_on_disk(board, card["id"]) == want_status:
                    seen_disk = now - start
                else:
                    before = board_on_disk(board)
            if seen_screen is None:
                screen = term.screen()
                if header_counts(screen) == tuple(expected):
                    seen_screen = time.perf_counter() - start
            if time.perf_counter() - start > 30:
                raise TimeoutError(f"move {n} never showed; the screen was:\n{term.screen()}")
            time.sleep(POLL_SECONDS)
        moves.repaint.append(seen_screen)
        moves.durable.append(seen_disk)
        counts = expected
        time.sleep(0.05)
    moves.memory = peak_memory_mb(term.pane_pid())
    moves.floor_memory = peak_memory_mb(term.pane_pid("f"))
    term.quit()
    term.quit(pane="f")
    return moves


def cli_times(python: str, env: dict[str, str], board: Path, args: list[str], runs: int = 5) -> tuple[float, bool]:
    """Median wall time of ``jobboard ARGS`` in a fresh process, and whether it imported textual."""
    script = (
        "import sys\nfrom jobboard.cli.main import main\ntry:\n    main(sys.argv[1:])\n"
        "except SystemExit as exit:\n    code = exit.code\nelse:\n    code = 0\n"
        "sys.stderr.write('TEXTUAL=%s\\n' % ('textual' in sys.modules))\nsys.exit(code)\n"
    )
    wrapped = [python, "-c", script, "--db", str(board), *args]
    subprocess.run(wrapped, env=env, capture_output=True, check=True)  # warm the bytecode cache
    check = subprocess.run(wrapped, env=env, capture_output=True, text=True, check=True)
    imports_textual = "TEXTUAL=True" in check.stderr
    entry = [*jobboard_command(python), "--db", str(board), *args]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(entry, env=env, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times), imports_textual


# -- the run ------------------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    from importlib.metadata import version

    tmux = subprocess.run(["tmux", "-V"], capture_output=True, text=True).stdout.strip()
    return (
        f"{cpu}, {os.cpu_count()} cores; Linux {platform.release()}; Python {platform.python_version()}; "
        f"Textual {version('textual')}; {tmux}; "
        f"{pendulum.now().format('YYYY-MM-DD HH:mm Z')}"
    )


def jobboard_command(python: str) -> list[str]:
    """jobboard as a user starts it: the ``jobboard`` command installed beside this Python
    (what ``uv run jobboard`` runs). ``python -m jobboard`` would load runpy on every launch."""
    script = Path(python).parent / "jobboard"
    return [str(script)] if script.is_file() else [python, "-m", "jobboard"]


def clean_env(folder: Path, python: str) -> dict[str, str]:
    """The launches' whole environment: this Python first on PATH, every XDG folder in ``folder``."""
    env = {
        "PATH": f"{Path(python).parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(folder / "home"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(folder / name.lower())
    return env


def run(sizes: list[int], moves: int, launches: int) -> list[Row]:
    python = sys.executable
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="jobboard-bench-") as tmp:
        folder = Path(tmp)
        env = clean_env(folder, python)
        remember_sort_by_applied(folder / "state")
        term = Terminal(env)
        bare = ([python, str(HERE / "bare_app.py")], "bare label 0")
        try:
            for size in sizes:
                print(f"{size} applications, and the floor beside them ...", file=sys.stderr)
                board = folder / f"board-{size}" / "board.json"
                make_board(size, board)
                card = top_card(board)
                argv = [*jobboard_command(python), "--db", str(board)]
                label = f"{size:,}"
                apps = [bare, (argv, card["company"][:10])]
                if size == sizes[0]:
                    # Untimed rounds first: the first launches of a run are slower for both apps
                    # (seen: the first size measured came out 0.1x worse than the same size later).
                    launch_times(term, apps, WARM_UP_ROUNDS)
                bare_launches, launches_here = launch_times(term, apps, launches)
                bare_launch, first = statistics.median(bare_launches), statistics.median(launches_here)
                limit = 1.5 if size <= 1000 else 2.0
                rows.append(
                    Row(
                        label,
                        "launch → first card painted",
                        ms(first),
                        ms(bare_launch),
                        "ms",
                        f"≤ {limit}x floor",
                        first <= limit * bare_launch,
                    )
                )
                measured = moves_beside_floor(term, python, argv, board, top_card(board, "silent"), moves)
                repaint, durable, memory = measured.repaint, measured.durable, measured.memory
                bare_key, bare_p95 = statistics.median(measured.floor), p95(measured.floor)
                bare_memory = measured.floor_memory
                rows.append(
                    Row(
                        label,
                        f"move → repainted, median of {moves}",
                        ms(statistics.median(repaint)),
                        ms(bare_key),
                        "ms",
                        "≤ 2x floor",
                        statistics.median(repaint) <= 2 * bare_key,
                    )
                )
                rows.append(Row(label, "move → repainted, p95", ms(p95(repaint)), ms(bare_p95), "ms", "", None))
                durable_median = statistics.median(durable)
                rows.append(
                    Row(
                        label,
                        "move → durable on disk, median",
                        ms(durable_median),
                        None,
                        "ms",
                        "≤ 250 ms at 10,000" if size >= 10000 else "",
                        durable_median <= 0.25 if size >= 10000 else None,
                    )
                )
                rows.append(
                    Row(
                        label,
                        "TUI peak memory (VmHWM)",
                        memory,
                        bare_memory,
                        "MB",
                        "< 150 MB at 10,000" if size >= 10000 else "",
                        memory < 150 if size >= 10000 else None,
                    )
                )
                copy = folder / f"copy-{size}" / "board.json"
                copy.parent.mkdir()
                shutil.copy(board, copy)
                for name, args in (("list --json", ["list", "--json"]), ("add", ["add", "Bench Co", "Dev"])):
                    wall, textual_loaded = cli_times(python, env, copy, args)
                    target = "< 300 ms, no textual" if size == 1000 else "no textual"
                    ok = not textual_loaded and (wall < 0.3 if size == 1000 else True)
                    rows.append(
                        Row(
                            label,
                            f"`jobboard {name}` wall time{' (imports textual!)' if textual_loaded else ''}",
                            ms(wall),
                            None,
                            "ms",
                            target,
                            ok,
                        )
                    )
                if size == max(sizes):
                    wall, _ = cli_times(python, env, copy, ["export", "--format", "markdown"], runs=5)
                    rows.append(
                        Row(
                            label,
                            "`jobboard export --format markdown` wall time",
                            ms(wall),
                            None,
                            "ms",
                            "< 1000 ms" if size >= 10000 else "",
                            wall < 1.0 if size >= 10000 else None,
                        )
                    )
        finally:
            term.close()
    return rows


def table(rows: list[Row]) -> str:
    header = ["size", "metric", "jobboard", "floor (bare app)", "ratio", "target", "result"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="jobboard against a bare Textual app, in tmux.")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--moves", type=int, default=30)
    parser.add_argument("--launches", type=int, default=11)
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    started = time.perf_counter()
    rows = run(sizes, args.moves, args.launches)
    text = table(rows)
    print(text)
    command = f"bench/run.py --sizes {args.sizes} --moves {args.moves} --launches {args.launches}"
    write_report(args.out, "Benchmark results", f"{machine()}.", command, started, text)


def write_report(out: Path, title: str, machine_line: str, command: str, started: float, text: str) -> None:
    """``text`` (a run's tables) as a markdown page at ``out``: the machine, the command and
    how long it ran (from ``started``, a ``perf_counter``), the floor it was measured against."""
    out.write_text(
        f"# {title}\n\n"
        f"Machine: {machine_line}\n\n"
        f"`python {command}` ({time.perf_counter() - started:.0f} s). "
        "Floor: `bench/bare_app.py` in the same run.\n\n"
        f"{text}\n"
    )
    print(f"\nwrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
