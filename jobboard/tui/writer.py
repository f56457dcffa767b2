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

from jobboard.core.etiquette import NextStep
from jobboard.core.model import Application
from jobboard.storage.store import BoardError, BoardStore, CardGone

Job = Callable[[BoardStore], "Message | None"]


class BoardLoaded(Message):
    """The whole board as it is on disk (the first read, or after another process changed it),
    with how many changes the screen had sent when the read began (see BoardWriter.load)."""

    def __init__(self, applications: list[Application], made: int = 0) -> None:
        super().__init__()
        self.applications = applications
        self.made = made


class LoadFailed(Message):
    """The board could not be read again while open (broken, replaced or moved away)."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class StepsReady(Message):
    """Every card's next step, worked out off the UI thread after a load."""

    def __init__(self, steps: dict[str, NextStep]) -> None:
        super().__init__()
        self.steps = steps


class Saved(Message):
    """The writer saved a change: the application as it now is on disk, and the fields it left
    alone because they had been changed elsewhere (see jobboard.core.changes)."""

    def __init__(self, application: Application, conflicts: list[str] | None = None) -> None:
        super().__init__()
        self.application = application
        self.conflicts = conflicts or []


class Added(Message):
    def __init__(self, application: Application) -> None:
        super().__init__()
        self.application = application


class Exported(Message):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class WriteFailed(Message):
    """A job could not be done; ``kept`` changes wait in the writer to be tried again (a held
    lock, a full disk), none when the change cannot be made at all (its card is gone)."""

    def __init__(self, error: str, kept: int = 0) -> None:
        super().__init__()
        self.error = error
        self.kept = kept


class AllSaved(Message):
    """The changes kept after a failed write are on disk now."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count


class _Change:
    """A job that changes the board: one that fails for a reason that may pass is kept."""

    def __init__(self, job: Job) -> None:
        self.job = job

    def __call__(self, store: BoardStore) -> Message | None:
        return self.job(store)


def prepare_for_writes(store: BoardStore) -> Message | None:
    try:
        store.prepare_for_writes()  # so the first save of a large board is as quick as the rest
    except BoardError as error:  # the file broke since it was read: nothing was being saved
        return LoadFailed(str(error))
    return None


def keep_first_look(store: BoardStore) -> Message | None:
    """The board's first look, kept for the next start as the file is now (storage/kept_look.py);
    a cache: a board that cannot be read now, or a look that cannot be written, keeps none."""
    from jobboard.core.model import ALL_STATUSES
    from jobboard.storage.look_ahead import cards_to_look_at

    try:
        store.keep_first_look(ALL_STATUSES, cards_to_look_at())
    except (BoardError, OSError):
        pass
    return None


# The cards a session deleted, by (id, created), as they were on disk when deleted (with what
# was changed elsewhere before): putting one back puts back that, not the copy the screen held.
# Only the writer thread uses it, in the order the jobs were made.
Deleted = dict[tuple[str, object], Application]


def delete(application: Application, deleted: Deleted) -> Job:
    """Take ``application`` off the board, only if the card with its id is still that card."""

    def job(store: BoardStore) -> None:
        gone = store.delete(application.id, application.created)  # the board already shows it gone
        deleted[(gone.id, gone.created)] = gone

    return job


def put_back(application: Application, deleted: Deleted) -> Job:
    """Bring ``application`` back (an undone delete) as it was on disk when it was deleted."""

    def job(store: BoardStore) -> Message:
        back = deleted.pop((application.id, application.created), application)
        store.put_back(back)
        return Saved(back)

    return job


class BoardWriter:
    """The queue of jobs for the store and the thread that serves it, on behalf of ``app``."""

    def __init__(self, app: App, store: BoardStore, is_loaded: Callable[[], bool]) -> None:
        self.app = app
        self.store = store
        self.is_loaded = is_loaded  # after the first load, a save that met others' changes reloads
        self.jobs: queue.Queue[Job | None] = queue.Queue()
        self.waiting: list[Job] = []  # submitted, handed to the thread after the next paint
        self.changes_made = 0  # jobs submitted that change the board (see load)
        self.file_seen = False  # the board file existed when last read (see load)
        # Changes that could not be saved yet, in order (only the writer thread changes it):
        # shown on screen still, tried again by retry(), and what quitting asks about.
        self.unsaved: list[_Change] = []
        self.last_error = ""
        self.deleted: Deleted = {}  # see delete and put_back
        self.stopped = False

    def start(self) -> None:
        self.app.run_worker(self._serve, thread=True, exit_on_error=False, name="board writer")

    def stop(self) -> None:
        """Hand over what is waiting; the thread ends once it has saved it. Said once: later
        calls do nothing."""
        if self.stopped:
            return
        self.stopped = True
        self.hand_over()
        self.jobs.put(None)

    @property
    def idle(self) -> bool:
        """Nothing submitted that is not yet on disk."""
        return not self.waiting and self.jobs.unfinished_tasks == 0 and not self.unsaved

    def retry(self) -> None:
        """Try the kept changes again, in order (after the jobs already queued)."""
        self.submit(self._retry, now=True)

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

    def submit_change(self, job: Job) -> None:
        """Queue a job that changes the board, counting it (see load)."""
        self.changes_made += 1
        self.submit(_Change(job))

    def load(self, store: BoardStore) -> BoardLoaded | LoadFailed:
        """Read the whole board, noting how many changes the screen had sent by then: a read
        that misses one of them must not be shown (the app reads again after it is saved).
        A board file that has gone since it was read is said to be missing, not empty."""
        made = self.changes_made
        try:
            applications = store.applications()
        except BoardError as error:
            return LoadFailed(str(error))
        if self.file_seen and not store.path.exists():
            return LoadFailed(
                f"{store.path} is missing: it was moved or deleted while the board was open; put it "
                "back, or restore a backup."
            )
        self.file_seen = store.path.exists()
        return BoardLoaded(applications, made)

    def load_if_changed(self, store: BoardStore) -> Message | None:
        return self.load(store) if store.changed_on_disk() else None

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
            self.submit(self.load_if_changed)

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
                if reload_wanted and self.jobs.qsize() == 0 and self.is_loaded() and not self.unsaved:
                    reload_wanted = False
                    reloaded = self._run(self.load)
                    if reloaded is not None:
                        self.app.post_message(reloaded)
            finally:
                self.jobs.task_done()

    def _run(self, job: Job) -> Message | None:
        if isinstance(job, _Change) and self.unsaved:
            self.unsaved.append(job)  # behind the ones kept, so the file sees them in order
            return None
        try:
            return job(self.store)
        except CardGone as error:
            return WriteFailed(str(error))
        except (BoardError, OSError) as error:
            text = str(error) if isinstance(error, BoardError) else f"could not use {self.store.path}: {error}"
            if not isinstance(job, _Change):
                return WriteFailed(text)
            self.unsaved.append(job)
            self.last_error = text
            return WriteFailed(text, kept=len(self.unsaved))

    def _retry(self, store: BoardStore) -> Message | None:
        """The kept changes, oldest first, until one fails again (it stays kept, with the rest)."""
        saved = 0
        while self.unsaved:
            try:
                message = self.unsaved[0].job(store)
            except CardGone as error:
                self.unsaved.pop(0)
                self.app.post_message(WriteFailed(str(error)))
                continue
            except (BoardError, OSError) as error:
                self.last_error = str(error)
                return None
            self.unsaved.pop(0)
            saved += 1
            if message is not None:
                self.app.post_message(message)
        return AllSaved(saved) if saved else None
