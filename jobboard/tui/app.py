"""JobBoardApp: holds the board in memory and talks to the store from one writer thread.

The UI thread never reads or writes the file. The first read starts in a thread while Textual
starts up, in two steps: the file is parsed and the first look taken (the counts and the top
cards of each column, see jobboard.first_look), which the first paint shows; then, once that
paint is done, every entry is checked and built, and the whole board replaces the first look.
Until it has, keys are held and replayed in order, so nothing acts on a board not fully read.
After that every load, save and check for changes made by another process goes through one
queue served by one thread worker, so writes happen in the order they were made and two
threads never use the store at once. The UI changes its in-memory board at once (the keystroke
repaints immediately) and the writer makes the change durable.
"""

from __future__ import annotations

import concurrent.futures
import datetime
import gc
import queue
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pendulum
from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input

from jobboard import themes as theme_files
from jobboard.etiquette import KeepGoingTally, NextStep, next_step
from jobboard.first_look import FirstLook, cards_per_column
from jobboard.history import Change, History
from jobboard.look_ahead import LookAhead
from jobboard.model import Application
from jobboard.settings import Settings
from jobboard.store import BoardError, BoardStore
from jobboard.tui.day import DAY_CHECK_SECONDS, check_day

DISK_CHECK_SECONDS = 1.0
PRELOAD_WAIT_SECONDS = 0.25
FIRST_PAINT_WAIT_SECONDS = 2.0  # the full read waits at most this long for the first paint
FRAME_HANDOFF_SECONDS = 0.0005  # how long a thread may keep the interpreter from a waiting one (see on_mount)
LOOK_AHEAD_WAIT_SECONDS = 10.0  # a look-ahead slower than this is given up (the file is as slow here)
Job = Callable[[BoardStore], "Message | None"]


class BoardLoaded(Message):
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


def _prepare_for_writes(store: BoardStore) -> None:
    store.prepare_for_writes()  # so the first save of a large board is as quick as the rest


def _delete(store: BoardStore, app_id: str) -> None:
    store.delete(app_id)  # nothing to report back: the board already shows it gone


class JobBoardApp(App[None]):
    """A keyboard-first kanban for one job hunt."""

    CSS_PATH = "jobboard.tcss"
    TITLE = "jobboard"
    day_check_seconds = DAY_CHECK_SECONDS  # how often the date is compared (see tui/day.py)
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit_now"),
    ]

    def __init__(
        self,
        store: BoardStore,
        settings: Settings | None = None,
        *,
        columns: tuple[str, ...] | None = None,
        theme: str | None = None,
        themes: list[Theme] | None = None,
        theme_problems: list[str] | None = None,
        look_ahead: LookAhead | None = None,
        clock: Callable[[], datetime.date] = datetime.date.today,
    ) -> None:
        super().__init__()
        self.clock = clock  # the one way the app reads today's date (a test gives its own)
        if themes is None:
            themes, theme_problems = theme_files.load_all(None)
        # Registered before the first stylesheet pass, so the board never flashes another theme.
        for loaded_theme in themes:
            self.register_theme(loaded_theme)
        self.theme_problems = list(theme_problems or [])
        self._theme_settled = False
        self._start_in_theme(theme or (theme_files.DEFAULT_THEME if themes else theme_files.FALLBACK_THEME))
        self.store = store
        self.settings = settings or Settings()
        self.columns = columns or self.settings.columns
        self.board: dict[str, Application] = {}
        self.steps: dict[str, NextStep] = {}
        self.history = History()
        self.loaded = False
        self.steps_ready = False
        self._tally: KeepGoingTally | None = None  # built on first use, then kept per change
        self._advice: tuple[object, NextStep | None] = (None, None)
        self._local_day: datetime.date | None = None
        self._today = pendulum.Date(1970, 1, 1)
        self.load_error: str | None = None
        # `jobboard` pauses Python's cycle collector while the board opens (see cli.run_board);
        # the app turns it back on once the first board is on screen.
        self._resume_collector = not gc.isenabled()
        self._switch_interval = sys.getswitchinterval()  # Python's, given back on unmount
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._waiting: list[Job] = []  # submitted, handed to the writer after the next paint
        # The board starts loading now, while Textual starts up, so that the first paint can
        # show the cards rather than an empty board followed by a second full paint.
        self.first_look: FirstLook | None = None  # shown until the whole board is read
        self._held_keys: list[events.Key] | None = None  # pressed while the first look shows
        self._look_ahead = look_ahead  # the first look, taken in another process (see jobboard.look_ahead)
        self._first_look: concurrent.futures.Future[FirstLook | None] = concurrent.futures.Future()
        self._first_paint = threading.Event()
        self._preload: concurrent.futures.Future[list[Application]] = concurrent.futures.Future()
        threading.Thread(target=self._preload_board, name="board preload", daemon=True).start()

    # -- start and stop ----------------------------------------------------------------------

    def _apply_keymap(self, board_screen: type) -> None:
        from jobboard.tui.keymap import checked_keymap

        if not self.settings.keys:
            return
        bindings = [b for b in [*board_screen.BINDINGS, *self.BINDINGS] if isinstance(b, Binding)]
        keymap, problems = checked_keymap(self.settings.keys, bindings)
        self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, title="config.toml", severity="warning", timeout=12, markup=False)

    def _start_in_theme(self, name: str) -> None:
        """Start in theme ``name``, as setting ``self.theme`` would, without its cost at start.

        Setting the theme has Textual parse every stylesheet again once the app runs, in a
        fresh stylesheet whose cache is then dropped, so that all of it is parsed a third time
        when the widgets' own CSS arrives: together about a twentieth of the bare app's whole
        start. Nothing is styled yet, so here the theme's classes, colour filter and variables
        are simply set before the first parse. A Textual without the filter hook, or an
        unknown name (which Textual refuses), takes the ordinary way."""
        refresh_filter = getattr(self, "_refresh_truecolor_filter", None)
        if refresh_filter is None or name not in self.available_themes:
            self.theme = name
            return
        self.set_reactive(App.theme, name)
        dark = self.current_theme.dark
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)
        self.add_class(f"-theme-{name}", update=False)
        refresh_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return theme_files.variable_defaults_for(self.current_theme)

    def watch_theme(self, name: str) -> None:
        if self._theme_settled:  # a theme picked in the palette is remembered for next time
            self._save_theme(name)
            self.call_after_refresh(self._recolour_board)

    def _recolour_board(self) -> None:
        from jobboard.tui.board import Board

        for board in self.query(Board):
            board.forget_styles()

    @work(thread=True, exclusive=True, group="theme", exit_on_error=False)
    def _save_theme(self, name: str) -> None:
        from jobboard.cli_themes import remember_theme

        problem = remember_theme(name)
        if problem:
            self.call_from_thread(self.notify, problem, severity="warning")

    def _preload_board(self) -> None:
        answered, look = self._look_ahead.answer(LOOK_AHEAD_WAIT_SECONDS) if self._look_ahead else (False, None)
        if not answered:
            try:
                look = self.store.first_look(self.columns, cards_per_column())
            except BaseException:  # noqa: S110 - the full read below meets the same problem and reports it
                pass
        self._first_look.set_result(look)
        if look is not None:
            # Checking and building every entry competes with the UI thread for the
            # interpreter: it waits until the first look is on screen.
            self._first_paint.wait(FIRST_PAINT_WAIT_SECONDS)
        try:
            self._preload.set_result(self.store.applications())
        except BaseException as error:  # handed to the writer, which reports it
            self._preload.set_exception(error)

    def _first_load(self, store: BoardStore) -> Message:
        return BoardLoaded(self._preload.result())

    def get_default_screen(self) -> Screen:
        """The board is the app's first screen rather than one pushed over Textual's blank one:
        Textual holds every paint until the app has mounted, and a pushed screen that mounts
        in that time is laid out and drawn once for nothing."""
        from jobboard.tui.board_screen import BoardScreen

        # A short wait for the first look (or, without one, the board) beats painting the
        # screen twice; a board slower than that shows as soon as the writer has read it.
        deadline = time.monotonic() + PRELOAD_WAIT_SECONDS
        try:
            look = self._first_look.result(timeout=PRELOAD_WAIT_SECONDS)
            if look is not None:
                self.first_look, self._held_keys = look, []
            else:
                self._take_board(self._preload.result(timeout=max(0.0, deadline - time.monotonic())))
        except (concurrent.futures.TimeoutError, BoardError, OSError):
            pass
        return BoardScreen()

    def on_mount(self) -> None:
        from jobboard.tui.board_screen import BoardScreen

        # Textual hands each frame to a thread of its own that writes it to the terminal, and
        # that thread needs the interpreter to do so; the UI thread goes straight on to the
        # next piece of work (a card move's side panel, say). Python lets a waiting thread in
        # only every 5 ms by default, so a frame waited ~2.5 ms on average before it left
        # (traced at 1,000 applications: 2.6 ms from a move's frame being ready to its write,
        # against 0.15 ms for a bare app, which has nothing else to do). At 0.5 ms it leaves
        # within ~0.7 ms; threads that share the interpreter trade places a little more often.
        sys.setswitchinterval(FRAME_HANDOFF_SECONDS)
        self._theme_settled = True
        self._apply_keymap(BoardScreen)
        if self.theme_problems:
            self.notify("\n".join(self.theme_problems), title="Theme files skipped", severity="warning", timeout=15)
        self.call_after_refresh(self._first_paint.set)
        self._serve_jobs()
        if not self.loaded:
            self.submit(self._first_load, now=True)
        else:
            self.call_after_refresh(self._work_out_steps)
            self.call_after_refresh(self._resume_collector_once)
        self.set_interval(DISK_CHECK_SECONDS, self._check_disk)
        self.set_interval(self.day_check_seconds, lambda: check_day(self))

    async def action_quit(self) -> None:
        await self.flush()
        self.exit()

    async def flush(self) -> None:
        """Wait until every change made so far is on disk."""
        import asyncio

        self._hand_over()
        await asyncio.to_thread(self._jobs.join)

    def action_exit_with_error(self) -> None:
        self.exit(return_code=1)

    async def on_event(self, event: events.Event) -> None:
        if self._held_keys is not None and isinstance(event, events.Key) and not event.is_forwarded:
            self._held_keys.append(event)  # replayed by _release_keys once the board is read
            return
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        # Keys typed right behind one that moves focus into a text box ("/glob", or "n" and a
        # company's name) were already on their way to what had focus before. Textual finds
        # the box focused by the time it looks for their bindings, so none runs, and nothing
        # else would take them: the box does. (A box stops the keys it takes itself, so only
        # these get here.)
        focused = self.focused
        if isinstance(focused, Input) and event.is_printable and event.character:
            event.stop()
            focused.insert_text_at_cursor(event.character)

    def _release_keys(self) -> None:
        held, self._held_keys = self._held_keys or [], None
        for key in held:
            self.post_message(events.Key(key.key, key.character))

    def on_unmount(self) -> None:
        sys.setswitchinterval(self._switch_interval)
        self._first_paint.set()
        self._hand_over()
        self._jobs.put(None)

    # -- the writer --------------------------------------------------------------------------

    def submit(self, job: Job, now: bool = False) -> None:
        """Queue a job for the writer, in order. Unless ``now``, it reaches the writer after
        the keystroke's two frames (the cards, then the side panel a frame later): the writer
        thread competes for the interpreter with the UI thread and with Textual's own thread
        that writes each frame to the terminal, so the frames go first (a save of 10,000
        applications still lands well within a quarter of a second)."""
        self._waiting.append(job)
        if now:
            self._hand_over()
        elif len(self._waiting) == 1:
            self.call_after_refresh(self.call_after_refresh, self._hand_over)

    def _hand_over(self) -> None:
        waiting, self._waiting = self._waiting, []
        for job in waiting:
            self._jobs.put(job)

    @work(thread=True, exit_on_error=False, name="board writer")
    def _serve_jobs(self) -> None:
        reload_wanted = False
        while True:
            job = self._jobs.get()
            try:
                if job is None:
                    return
                reads_before = self.store.disk_reads
                try:
                    message = job(self.store)
                except BoardError as error:
                    message = WriteFailed(str(error))
                except OSError as error:
                    message = WriteFailed(f"could not use {self.store.path}: {error}")
                if message is not None:
                    self.post_message(message)
                if self.store.disk_reads != reads_before and not isinstance(message, BoardLoaded):
                    # The save re-read a file another process had changed; show their changes
                    # too, once our own queued saves are done.
                    reload_wanted = True
                if reload_wanted and self._jobs.qsize() == 0 and self.loaded:
                    reload_wanted = False
                    try:
                        self.post_message(BoardLoaded(self.store.applications()))
                    except BoardError as error:
                        self.post_message(WriteFailed(str(error)))
            finally:
                self._jobs.task_done()

    def _check_disk(self) -> None:
        # Only when idle: our own pending writes must land before we look for others'.
        if self._waiting:  # normally handed over after the paint; never let one linger
            self._hand_over()
            return
        if self._jobs.unfinished_tasks == 0 and self.load_error is None:
            self.submit(lambda store: BoardLoaded(store.applications()) if store.changed_on_disk() else None)

    # -- messages from the writer -------------------------------------------------------------

    def _take_board(self, applications: list[Application]) -> None:
        self.board = {a.id: a for a in applications}
        self._tally = None
        self.steps.clear()
        self.steps_ready = False
        self.loaded = True

    def _work_out_steps(self) -> None:
        """Every card's next step, in the writer thread (the headers' due counts need them all;
        the cards on screen work theirs out as they are painted)."""
        applications, today, rules = list(self.board.values()), self.today, self.settings.etiquette
        self.submit(lambda _store: StepsReady({a.id: next_step(a, today, rules, words=False) for a in applications}))
        self.submit(_prepare_for_writes)

    def on_board_loaded(self, message: BoardLoaded) -> None:
        first = not self.loaded
        self._take_board(message.applications)
        self.first_look = None
        self.board_screen.refresh_board()
        self._release_keys()
        # After the paint, so that working out the steps does not delay the first cards.
        self.call_after_refresh(self._work_out_steps)
        self.call_after_refresh(self._resume_collector_once)
        if not first:
            self.notify("The board changed on disk; showing the latest.", timeout=3)

    def on_steps_ready(self, message: StepsReady) -> None:
        # Steps worked out for cards changed meanwhile are newer than these: keep them.
        self.steps = {**message.steps, **self.steps}
        self.steps_ready = True
        self.board_screen.refresh_due_counts()

    def on_saved(self, message: Saved) -> None:
        saved = message.application
        shown = self.board.get(saved.id)
        # Usually the file now says exactly what the screen already shows; redraw only if a
        # change made elsewhere came along with the save.
        if shown is not None and shown.copy(updated=saved.updated) != saved:
            self.board[saved.id] = saved
            if self._tally is not None:
                self._tally.put(saved)
            self.steps.pop(saved.id, None)
            self.board_screen.refresh_board(changed=Change("saved", shown, saved))

    def _resume_collector_once(self) -> None:
        """Turn the cycle collector back on, after freezing what exists now: the widgets and the
        board live as long as the app, and a collector that no longer walks them on every full
        pass keeps its pauses short on a board of thousands of applications."""
        if self._resume_collector:
            self._resume_collector = False
            gc.freeze()
            gc.enable()

    def on_write_failed(self, message: WriteFailed) -> None:
        self._resume_collector_once()
        if not self.loaded:
            self.show_board_error(message.error)
            self._release_keys()  # to the error screen, which can only quit
            return
        self.notify(message.error, title="Not saved", severity="error", timeout=10, markup=False)
        self.submit(lambda store: BoardLoaded(store.applications()))  # show what is really there

    def show_board_error(self, error: str) -> None:
        from jobboard.tui.screens import BoardErrorScreen

        self.load_error = error
        self.push_screen(BoardErrorScreen(self.store.path, error))

    # -- what the board screen calls ----------------------------------------------------------

    @property
    def board_screen(self):  # noqa: ANN201 - BoardScreen, imported lazily
        from jobboard.tui.board_screen import BoardScreen

        for screen in self.screen_stack:
            if isinstance(screen, BoardScreen):
                return screen
        raise LookupError("the board screen is not open")

    @property
    def today(self) -> pendulum.Date:
        """The local date. Asked many times per keystroke (each footer key's check asks for the
        step); ``pendulum.today()`` converts time zones every time, the C clock does not, so
        the pendulum date is rebuilt only when the day changes."""
        local = self.clock()
        if local != self._local_day:
            self._local_day = local
            self._today = pendulum.Date(local.year, local.month, local.day)
        return self._today

    def step_for(self, application: Application) -> NextStep:
        step = self.steps.get(application.id)
        if step is None:
            step = self.steps[application.id] = next_step(application, self.today, self.settings.etiquette, words=False)
        return step

    def advice_for(self, application: Application) -> NextStep:
        """The next step with its reason and draft, for the one card the panel shows (the
        board-wide cache keeps only what the markers and counts need)."""
        key = (application, self.today)
        if self._advice[0] != key:
            self._advice = (key, next_step(application, self.today, self.settings.etiquette))
        return self._advice[1]

    def keep_going(self) -> str | None:
        """The board-level note; its tally is built once per load (and per day) and then kept
        up to date one changed application at a time."""
        tally = self._tally
        if tally is None or tally.today != self.today:
            tally = self._tally = KeepGoingTally(self.today)
            for application in self.board.values():
                tally.put(application)
        return tally.note(self.settings.etiquette)

    def change(self, app_id: str, edit: Callable[[Application], Application], label: str) -> Application:
        """Apply ``edit`` now on screen and, through the writer, to the file as it is on disk."""
        before = self.board[app_id]
        after = edit(before)
        self._apply(Change(label, before, after))

        def save(store: BoardStore) -> Message:
            try:
                return Saved(store.update(app_id, edit))
            except ValueError as error:  # a date the card on disk refuses (changed elsewhere)
                return WriteFailed(f"{error}; the board is unchanged")

        self.submit(save)
        return after

    def add_application(self, build: Callable[[str], Application]) -> None:
        """Create an application through the writer (the store hands out its id)."""

        def add(store: BoardStore) -> Message:
            return Added(store.add(build))

        self.submit(add)

    def delete_application(self, app_id: str) -> None:
        before = self.board[app_id]
        self._apply(Change("delete", before, None))
        self.submit(lambda store: _delete(store, app_id))

    def export_markdown(self) -> None:
        """Write the markdown report to export_name (a setting) in the current folder."""
        from jobboard.export import to_markdown

        applications, today, sort = list(self.board.values()), self.today, self.board_screen.sort
        target = Path(self.settings.export_name.replace("{date}", today.isoformat())).expanduser()

        def write(_store: BoardStore) -> Message:
            from jobboard.safefile import atomic_write

            text = to_markdown(applications, today, self.columns, self.settings.etiquette, sort=sort)
            try:
                atomic_write(target.absolute(), text.encode("utf-8"))
            except OSError as error:
                return WriteFailed(f"could not write {target.absolute()}: {error.strerror or error}")
            return Exported(target.absolute())

        self.submit(write)

    def on_added(self, message: Added) -> None:
        self._apply(Change("add", None, message.application))
        self.notify(f"Added {message.application.company}. u takes it back.", timeout=3, markup=False)

    def on_exported(self, message: Exported) -> None:
        self.notify(f"Wrote the board to {message.path}", title="Exported", timeout=6, markup=False)

    def undo(self) -> Change | None:
        return self._replay(self.history.undo())

    def redo(self) -> Change | None:
        return self._replay(self.history.redo())

    def _replay(self, change: Change | None) -> Change | None:
        if change is None:
            return None
        self._apply(change, record=False)
        if change.after is not None:
            after = change.after
            self.submit(lambda store: store.put(after))
        elif change.before is not None:
            gone = change.before.id
            self.submit(lambda store: _delete(store, gone))
        return change

    def _apply(self, change: Change, record: bool = True) -> None:
        if record:
            self.history.record(change)
        target = change.after or change.before
        assert target is not None
        self.steps.pop(target.id, None)
        if change.after is None:
            self.board.pop(target.id, None)
        else:
            self.board[target.id] = change.after
        if self._tally is not None and change.after is None:
            self._tally.remove(target.id)
        elif self._tally is not None:
            self._tally.put(change.after)
        self.board_screen.refresh_board(keep_id=target.id if change.after else None, changed=change)

    @property
    def board_file(self) -> Path:
        return self.store.path
