"""Scale without timing: a 10,000-application board mounts no more widgets than a small one, and
the commands a script runs never import the UI toolkit (benchmarks live in bench/, not here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jobboard.config.settings import Settings
from jobboard.formats.records import application_record
from jobboard.storage.store import BoardStore
from jobboard.tui.app import JobBoardApp
from tests.helpers.tui import wait_for

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from make_board import make_board  # noqa: E402 - bench/ is a folder of scripts, not a package


@pytest.fixture(scope="module")
def boards(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """A small and a 10,000-application board, built once for the module."""
    folder = tmp_path_factory.mktemp("scale")
    made = {}
    for size in (10, 10_000):
        path = folder / f"board-{size}" / "board.json"
        make_board(size, path)
        made[size] = path
    return made


async def loaded(pilot) -> None:
    """Wait until the writer thread has delivered the board."""
    await wait_for(pilot, lambda: pilot.app.loaded, "the board")
    await pilot.pause()


async def mounted_widgets(path: Path) -> tuple[int, int]:
    """How many widgets the board screen mounts, and how many cards the board holds."""
    app = JobBoardApp(BoardStore(path), Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await wait_for(pilot, lambda: app.steps_ready, "every card's next step")
        await pilot.pause()
        await pilot.pause()
        widgets = list(app.board_screen.walk_children())
        assert len(app.board_screen.query("*")) >= len(widgets)
        return len(widgets), len(app.board)


async def test_a_big_board_mounts_as_many_widgets_as_a_small_one(boards):
    small, small_cards = await mounted_widgets(boards[10])
    big, big_cards = await mounted_widgets(boards[10_000])
    assert (small_cards, big_cards) == (10, 10_000)
    assert big == small


def test_make_board_is_deterministic_and_realistic(boards, tmp_path):
    again = tmp_path / "again.json"
    make_board(10, again)
    first = BoardStore(boards[10]).applications()
    second = BoardStore(again).applications()
    assert [application_record(a) | {"created": 0, "updated": 0} for a in first] == [
        application_record(a) | {"created": 0, "updated": 0} for a in second
    ]
    big = BoardStore(boards[10_000]).applications()
    assert {a.status for a in big} == {"applied", "interviewed", "silent", "rejected"}
    kinds = {event.kind for a in big for event in a.events}
    assert {"applied", "status", "follow_up", "heard_back", "interview", "thank_you", "snooze"} <= kinds
    assert {"acknowledged", "feedback_requested", "feedback_received", "note"} <= kinds
    assert any(a.notes for a in big) and any(a.tags for a in big) and any(a.contact for a in big)


# Each command runs in a fresh interpreter, so one command's imports cannot hide another's.
COMMANDS = [
    ["list", "--json"],
    ["list"],
    ["add", "Acme", "Dev"],
    ["next", "--json"],
    ["next"],
    ["show", "1"],
    ["show", "1", "--json"],
    ["export"],
    ["export", "--format", "csv"],
    ["export", "--format", "json"],
    ["stats"],
    ["stats", "--json"],
]


def test_importing_jobboard_does_not_import_textual():
    result = subprocess.run(
        [sys.executable, "-c", "import sys, jobboard; print('textual' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_script_commands_never_import_textual(boards, tmp_path, argv):
    board = tmp_path / "board.json"
    board.write_bytes(boards[10].read_bytes())
    script = (
        "import sys\n"
        "from jobboard.cli.main import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code in (0, None), exit.code\n"
        "sys.stderr.write(f\"LOADED {'textual' in sys.modules} {'jobboard.tui' in sys.modules}\\n\")\n"
    )
    result = subprocess.run([sys.executable, "-c", script, "--db", str(board), *argv], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "LOADED False False"
