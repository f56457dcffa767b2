"""The one writer thread: every change goes to the store in order, off the UI thread.

The UI changes its in-memory board at once (the keystroke repaints immediately) and submits a
job: a function of the store that saves the change and returns a message for the app (or
None). Jobs run one at a time in one Textual thread worker, in the order submitted, so two
threads never use the store at once and the file sees the changes in the order they were made.
Loads and the checks for changes made by another process go through the same queue.
"""

from __future__ import annotations

import asyncio
import queue
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.message import Message

from jobboard.etiquette import NextStep
from jobboard.model import Application
from jobboard.store import BoardError, BoardStore

Job = Callable[[BoardStore], "Message | None"]


class BoardLoaded(Message):
    """The whole board as it is on disk (the first read, or after another process changed it)."""

    def __init__(self, applications: list[Application]) -> None:
        super().__init__()
        self.applications = applications


class StepsReady(Message):
    """Every card's next step, worked out off the UI thread after a load."""

    def __init__(self, steps: dict[str, NextStep]) -> None:
        super().__init__()
        self.steps = steps


class Saved(Message):
    """The writer saved an application; this is how it now stands on disk."""

    def __init__(self, application: Application) -> None:
        super().__init__()
        self.application = application


class Added(Message):
    def __init__(self, application: Application) -> None:
        super().__init__()
        self.application = application


class Exported(Message):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class WriteFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


def reload(store: BoardStore) -> Message:
    return BoardLoaded(store.applications())


def reload_if_changed(store: BoardStore) -> Message | None:
    return BoardLoaded(store.applications()) if store.changed_on_disk() else None


def prepare_for_writes(store: BoardStore) -> None:
    store.prepare_for_writes()  # so the first save of a large board is as quick as the rest


def delete(app_id: str) -> Job:
    def job(store: BoardStore) -> None:
        store.delete(app_id)  # nothing to report back: the board already shows it gone

    return job


class BoardWriter:
    """The queue of jobs for the store and the thread that serves it, on behalf of ``app``."""

    def __init__(self, app: App, store: BoardStore, is_loaded: Callable[[], bool]) -> None:
        self.app = app
        self.store = store
        self.is_loaded = is_loaded  # after the first load, a save that met others' changes reloads
        self.jobs: queue.Queue[Job | None] = queue.Queue()
        self.waiting: list[Job] = []  # submitted, handed to the thread after the next paint

    def start(self) -> None:
        self.app.run_worker(self._serve, thread=True, exit_on_error=False, name="board writer")

    def stop(self) -> None:
        """Hand over what is waiting; the thread ends once it has saved it."""
        self.hand_over()
        self.jobs.put(None)

    @property
    def idle(self) -> bool:
        """Nothing submitted that is not yet on disk."""
        return not self.waiting and self.jobs.unfinished_tasks == 0

    def submit(self, job: Job, now: bool = False) -> None:
        """Queue a job, in order. Unless ``now``, it reaches the thread after the keystroke's
        two frames (the cards, then the side panel a frame later): the writer competes for the
        interpreter with the UI thread and with the thread that writes each frame to the
        terminal, so the frames go first."""
        self.waiting.append(job)
        if now:
            self.hand_over()
        elif len(self.waiting) == 1:
            self.app.call_after_refresh(self.app.call_after_refresh, self.hand_over)

    def hand_over(self) -> None:
        waiting, self.waiting = self.waiting, []
        for job in waiting:
            self.jobs.put(job)

    def look_for_changes(self) -> None:
        """Reload if another process changed the file: only when idle, since our own pending
        writes must land before we look for others'."""
        if self.waiting:  # normally handed over after the paint; never let one linger
            self.hand_over()
        elif self.idle:
            self.submit(reload_if_changed)

    async def flush(self) -> None:
        """Wait until every job submitted so far has run."""
        self.hand_over()
        await asyncio.to_thread(self.jobs.join)

    def _serve(self) -> None:
        reload_wanted = False
        while True:
            job = self.jobs.get()
            try:
                if job is None:
                    return
                reads_before = self.store.disk_reads
                message = self._run(job)
                if message is not None:
                    self.app.post_message(message)
                if self.store.disk_reads != reads_before and not isinstance(message, BoardLoaded):
                    # The save re-read a file another process had changed; show their changes
                    # too, once our own queued saves are done.
                    reload_wanted = True
                if reload_wanted and self.jobs.qsize() == 0 and self.is_loaded():
                    reload_wanted = False
                    self.app.post_message(self._run(reload))
            finally:
                self.jobs.task_done()

    def _run(self, job: Job) -> Message | None:
        try:
            return job(self.store)
        except BoardError as error:
            return WriteFailed(str(error))
        except OSError as error:
            return WriteFailed(f"could not use {self.store.path}: {error}")
