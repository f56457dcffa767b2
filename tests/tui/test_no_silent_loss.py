"""Finding 7 of issue 28: a change that could not be saved is never a silent success.

With the board's lock held elsewhere, a change stays on screen with a notice, is kept and
tried again; it lands once the lock is free. `q` with a change still unsaved asks (wait or quit
anyway); quitting anyway exits 1 and says so on stderr (docs/data.md).
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

import jobboard.storage.store
from jobboard.core.model import Event
from jobboard.storage.store import BoardStore
from tests.helpers.tui import loaded, make_app, selected, wait_for


@pytest.fixture(autouse=True)
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobboard.storage.store, "LOCK_TIMEOUT_SECONDS", 0.2)


@contextmanager
def lock_held(board: Path):
    """The board's lock, held as another jobboard would hold it (another open file)."""
    fd = os.open(BoardStore(board).lock_path, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        os.close(fd)


def notes_of(path: Path, app_id: str) -> list[str]:
    return [e.note for e in BoardStore(path).get(app_id).events if e.kind == "note"]


def log_note(app, app_id: str, today) -> None:  # noqa: ANN001
    app.change(app_id, lambda a: a.with_event(Event("note", today, "kept")), "note")


async def note_not_saved(pilot, app, app_id: str, today) -> None:  # noqa: ANN001
    """A note logged while the lock is held elsewhere, once its write has failed (kept unsaved)."""
    log_note(app, app_id, today)
    await wait_for(pilot, lambda: app.writer.unsaved, "the failed write")


async def test_a_change_that_meets_a_held_lock_is_kept_shown_and_saved_later(demo_board, frozen):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        with lock_held(demo_board):
            log_note(app, card.id, frozen.date())
            await wait_for(pilot, lambda: any("Not saved yet" in said for said in app.notes), "the notice")
            assert app.writer.unsaved and "kept" not in notes_of(demo_board, card.id)
            assert app.board[card.id].events[-1].note == "kept"  # still on screen
        await wait_for(pilot, lambda: "kept" in notes_of(demo_board, card.id), "the retry to save it")
        await wait_for(pilot, lambda: any("Saved the 1 kept change" in said for said in app.notes), "the all-clear")
        assert not app.writer.unsaved


async def test_q_with_an_unsaved_change_asks_and_waiting_saves_it(demo_board, frozen):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        with lock_held(demo_board):
            await note_not_saved(pilot, app, card.id, frozen.date())
            await pilot.press("q")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "UnsavedScreen", "the question")
        await pilot.press("w")  # the lock is free now: waiting saves it, then the board quits
        await wait_for(pilot, lambda: "kept" in notes_of(demo_board, card.id), "the save")
    assert app.return_code in (None, 0)


async def test_quitting_anyway_exits_1_and_says_what_was_lost(demo_board, frozen):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        with lock_held(demo_board):
            await note_not_saved(pilot, app, card.id, frozen.date())
            await pilot.press("q")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "UnsavedScreen", "the question")
            await pilot.press("q")
            await wait_for(pilot, lambda: app.return_code == 1, "the exit")
    assert "1 change not saved" in app.lost_changes and "held by another jobboard" in app.lost_changes
    assert "kept" not in notes_of(demo_board, card.id)


async def test_a_signal_to_end_with_a_change_unsaved_exits_1_and_says_what_was_lost(demo_board, frozen):
    """SIGTERM (or SIGHUP) cannot be asked about: the board ends at once, as quitting anyway does
    (the real signals, in a terminal: tests/e2e/test_signals_terminal.py)."""
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        with lock_held(demo_board):
            await note_not_saved(pilot, app, card.id, frozen.date())
            app.end_on_signal(signal.SIGTERM)
            await wait_for(pilot, lambda: app.return_code == 1, "the exit")
    assert "1 change not saved" in app.lost_changes and "held by another jobboard" in app.lost_changes
    assert "kept" not in notes_of(demo_board, card.id)


async def test_a_signal_to_end_saves_what_is_waiting_first(demo_board, frozen):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        log_note(app, card.id, frozen.date())
        app.end_on_signal(signal.SIGTERM)
        app.end_on_signal(signal.SIGHUP)  # a second signal while it ends changes nothing
        await wait_for(pilot, lambda: app.return_code == 0, "the exit")
    assert "kept" in notes_of(demo_board, card.id) and not app.lost_changes


def test_a_script_sees_the_exit_status_and_the_stderr_line(demo_board, tmp_path: Path):
    """The real program: a TUI whose only change meets a held lock and is quit anyway."""
    script = tmp_path / "quit_anyway.py"
    script.write_text(
        "import asyncio, sys\n"
        "import jobboard.storage.store as store\n"
        "from jobboard.cli.main import main\n"
        "from jobboard.tui.app import JobBoardApp\n"
        "store.LOCK_TIMEOUT_SECONDS = 0.2\n"
        "from jobboard.core.model import Event, today\n"
        "original = JobBoardApp.on_mount\n"
        "def on_mount(self):\n"
        "    original(self)\n"
        "    async def drive():\n"
        "        while not (self.loaded and self.steps_ready):\n"
        "            await asyncio.sleep(0.02)\n"
        "        card = next(iter(self.board))\n"
        "        self.change(card, lambda a: a.with_event(Event('note', today(), 'kept')), 'note')\n"
        "        while not self.writer.unsaved:\n"
        "            await asyncio.sleep(0.02)\n"
        "        await self.action_quit()\n"
        "        while type(self.screen).__name__ != 'UnsavedScreen':\n"
        "            await asyncio.sleep(0.02)\n"
        "        self.screen.action_answer(True)\n"
        "    self.call_later(lambda: self.run_worker(drive()))\n"
        "JobBoardApp.on_mount = on_mount\n"
        "main(['--db', sys.argv[1]])\n"
    )
    with lock_held(demo_board):
        done = subprocess.run(
            [sys.executable, str(script), str(demo_board)],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "TERM": "dumb"},
            stdin=subprocess.DEVNULL,
        )
    assert done.returncode == 1, done.stderr[-500:]
    assert done.stderr.strip().splitlines()[-1].startswith("jobboard: 1 change not saved to ")
