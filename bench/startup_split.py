"""Where jobboard's start-up lead over the bare app goes: ``python bench/startup_split.py``.

Options: ``--size 10`` (applications on the board), ``--launches 15``.

Four launches take turns in each round, timed as ``startup.py`` times them (``bench/run.py``'s
terminal, until the label or the top card shows): the bare app; the bare app importing the
libraries jobboard's first screen uses (pendulum, click, tinydb, platformdirs, orjson,
tomllib); the bare app importing jobboard's CLI and TUI modules too; jobboard itself, as the
``jobboard`` command; and jobboard as ``python -m jobboard``, which loads runpy too. The
steps between them split the lead into the libraries, jobboard's own modules, and what
jobboard does once imported (settings, themes, the board read, its screen and first frame).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
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
)

LIBRARIES = "import pendulum, click, tinydb, platformdirs, orjson, tomllib  # noqa"
JOBBOARD = "import jobboard.cli.main, jobboard.tui.app  # noqa"


def bare_importing(folder: Path, name: str, imports: str) -> Path:
    """bare_app.py with ``imports`` run before Textual's own (after its __future__ import)."""
    future = "from __future__ import annotations\n"
    source = (HERE / "bare_app.py").read_text()
    script = folder / f"{name}.py"
    script.write_text(source.replace(future, future + imports + "\n", 1))
    return script


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10)
    parser.add_argument("--launches", type=int, default=15)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="jobboard-split-") as tmp:
        folder = Path(tmp)
        env = clean_env(folder, python)
        env["PYTHONPATH"] = str(HERE.parent)  # the bare app importing jobboard finds this one
        remember_sort_by_applied(folder / "state")
        board = folder / "board" / "board.json"
        make_board(args.size, board)
        label = "bare label 0"
        modules = bare_importing(folder, "modules", f"{LIBRARIES}\n{JOBBOARD}")
        company = top_card(board)["company"][:10]
        apps = [
            ("the bare app", [python, str(HERE / "bare_app.py")], label),
            ("+ the libraries", [python, str(bare_importing(folder, "libraries", LIBRARIES))], label),
            ("+ jobboard's modules", [python, str(modules)], label),
            ("jobboard", [*jobboard_command(python), "--db", str(board)], company),
            ("jobboard as `python -m jobboard`", [python, "-m", "jobboard", "--db", str(board)], company),
        ]
        term = Terminal(env)
        try:
            launch_times(term, [(argv, marker) for _, argv, marker in apps], 2)
            times = launch_times(term, [(argv, marker) for _, argv, marker in apps], args.launches)
        finally:
            term.close()
    floor = statistics.median(times[0])
    print(f"{machine()}; {args.size} cards, median of {args.launches} rounds\n")
    print("| launch | to its first screen | ratio to the bare app |\n|---|---|---|")
    for (name, _, _), launched in zip(apps, times, strict=True):
        median = statistics.median(launched)
        print(f"| {name} | {median * 1000:.0f} ms | {median / floor:.2f}x |")


if __name__ == "__main__":
    main()
