"""JobBoardApp: holds the board in memory; the store is used only off the UI thread.

The first read starts in a thread while Textual starts up (jobboard.tui.preload): the first
paint shows the first look at the board, and keys are held until the whole board is read,
then replayed in order, so nothing acts on a board not fully read. After that every load,
save and check for changes made by another process goes through the one writer thread
(jobboard.tui.writer), in order. The UI changes its in-memory board at once (the keystroke
repaints immediately) and the writer makes the change durable.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pendulum
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input

from jobboard.config.settings import Settings
from jobboard.config.state_file import remember_theme
from jobboard.config.theme_choice import DEFAULT_THEME, FALLBACK_THEME
from jobboard.core.counted import counted
from jobboard.core.etiquette import KeepGoingTally, NextStep, next_step
from jobboard.core.history import History
from jobboard.core.model import Application
from jobboard.formats.printable import many_lines, one_line
from jobboard.storage.first_look import FirstLook
from jobboard.storage.store import BoardError, BoardStore
from jobboard.tui import themes as theme_files
from jobboard.tui import writer as jobs
from jobboard.tui.column import cards_per_column
from jobboard.tui.day import DAY_CHECK_SECONDS, check_day, local_time, no_time
from jobboard.tui.editing import BoardEditing
from jobboard.tui.held_keys import HeldKeys
from jobboard.tui.preload import BoardPreload
from jobboard.tui.served import SERVER_CHECK_SECONDS, server_gone
from jobboard.tui.signals import EndingSignals
from jobboard.tui.tuning import Tuning
from jobboard.tui.writer import (
    AllSaved,
    BoardLoaded,
    BoardWriter,
    Exported,
    LoadFailed,
    StepsReady,
    WriteFailed,
)

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from jobboard.storage.kept_look import KeptLook
    from jobboard.storage.look_ahead import LookAhead
    from jobboard.tui.handoff import Handoff

DISK_CHECK_SECONDS = 1.0
PRELOAD_WAIT_SECONDS = 0.25


class JobBoardApp(BoardEditing, App[None]):
    """A keyboard-first kanban for one job hunt."""

    CSS_PATH = "jobboard.tcss"
    TITLE = "jobboard"
    day_check_seconds = DAY_CHECK_SECONDS  # how often the date is compared (see tui/day.py)
    # Until the constructor has set the theme the board opens with, the stylesheet's variables
    # are Textual's starting theme's, replaced before any stylesheet is parsed: jobboard's own
    # variables are not worked out for that theme (their contrast checks cost ~1 ms).
    theme_chosen = False
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit_now"),
        # As in most terminal programs: back to the shell, and `fg` brings the board back
        # (Textual's own action; nothing happens where it cannot, under `jobboard serve`).
        Binding("ctrl+z", "suspend_process", "Suspend", show=False, id="suspend"),
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
        clock: Callable[[], datetime.date] | None = None,
        handoff: Handoff | None = None,
        look_ahead: LookAhead | KeptLook | None = None,
        time_of_day: Callable[[], str | None] | None = None,
        tuning: Tuning | None = None,
    ) -> None:
        super().__init__()
        # The one way the app reads today's date (a test gives its own), and the time of day
        # ("HH:MM", for an interview later today: tui/day.py). With a clock of its own, a test
        # reads whole days unless it gives a time too.
        self.clock = clock or datetime.date.today
        self.time_of_day = time_of_day or (no_time if clock else local_time)
        self.at = self.time_of_day()
        self._handoff = handoff  # links and drafts out (tui/handoff.py): made on first use
        self.store = store
        self.settings = settings or Settings()
        self.columns = columns or self.settings.columns
        self.configured_columns = self.columns  # the board's own; `w` shows every status and back
        # The board starts loading now, while Textual starts up, so that the first paint can
        # show the cards rather than an empty board followed by a second full paint.
        self.preload = BoardPreload(store, self.columns, cards_per_column(), look_ahead)
        if themes is None:
            themes, theme_problems = theme_files.load_all(None)
        for loaded_theme in themes:  # registered before the first stylesheet pass
            self.register_theme(loaded_theme)
        self.theme_problems = list(theme_problems or [])
        self._theme_settled = False  # from on_mount on, a change of theme is the user's choice
        self._start_with_theme(theme or (DEFAULT_THEME if themes else FALLBACK_THEME))
        self.board: dict[str, Application] = {}
        self.steps: dict[str, NextStep] = {}
        self._steps_for: tuple[object, str | None] | None = None  # the day and time they were worked out for
        self.history = History()
        self.loaded = False
        self.steps_ready = False
        self._tally: KeepGoingTally | None = None  # built on first use, then kept per change
        self._closed_archived = False  # archive_closed_after_days done for this session
        self._advice: tuple[object, NextStep | None] = (None, None)
        self._local_day: datetime.date | None = None
        self._today = pendulum.Date(1970, 1, 1)
        self.load_error: str | None = None
        self.writer = BoardWriter(self, store, lambda: self.loaded)
        self.lost_changes = ""  # what quitting anyway left unsaved, for stderr (see run)
        # Entered by the command around its run, before Textual is imported (cli/main.py's
        # run_board); tests under run_test keep Python's settings.
        self.tuning = tuning or Tuning()
        self.first_look: FirstLook | None = None  # shown until the whole board is read
        self._held_keys = HeldKeys(holding=False)  # pressed while the first look shows
        self.adds_waiting = 0  # cards added from the form, not back from the writer yet
        self.ending_signals = EndingSignals()
        self._ending_on_signal = False  # see end_on_signal

    def _start_with_theme(self, name: str) -> None:
        """Open with theme ``name``. Setting ``theme`` has Textual parse the whole stylesheet a
        second time before the first frame (~4 ms of every start), which is needed only to
        change what its constructor set from its starting theme: the ANSI colour mapping and
        the dark/light classes. A theme as dark as that one changes neither, so its name is
        set quietly (``set_reactive``), with the class the theme's watcher would have added
        and the stylesheet's variables made anew, before any stylesheet is parsed."""
        chosen = self.get_theme(name)
        self.theme_chosen = True
        if chosen is None or chosen.dark != self.current_theme.dark:
            self.theme = name  # an unknown name is refused here, as before
            return
        self.set_reactive(App.theme, name)
        self.set_class(True, f"-theme-{chosen.name}", update=False)
        self.stylesheet.set_variables(self.get_css_variables())  # made from the starting theme

    def run(self, *args: Any, **kwargs: Any) -> Any:
        result = super().run(*args, **kwargs)
        if self.lost_changes:  # quit anyway: a script (and the user's scrollback) must know
            print(f"jobboard: {self.lost_changes}", file=sys.stderr)
        return result

    # -- start and stop ----------------------------------------------------------------------

    def _apply_keymap(self, board_screen: type[Screen[Any]]) -> None:
        if not self.settings.keys:
            return
        from jobboard.tui.keymap import checked_keymap  # only for a config.toml with [keys]

        bindings = [b for b in [*board_screen.BINDINGS, *self.BINDINGS] if isinstance(b, Binding)]
        keymap, problems = checked_keymap(self.settings.keys, bindings)
        self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, title="config.toml", severity="warning", timeout=12)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast of the app and its screens comes here (Textual's Widget.notify calls the
        app's). Its words often hold the board's or a file's text (a company, a theme file's
        name), so they are shown as they are: no markup (a "[/b]" in a name raised MarkupError
        as the toast was drawn) and no control character, which would reach the terminal.
        ``markup`` is taken for Textual's signature and never used: no caller need pass it."""
        super().notify(many_lines(message), title=one_line(title), severity=severity, timeout=timeout, markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands but "Maximize": the board has nothing to maximize,
        and a dialog's field maximized left the dialog taking no key (found by a key monkey)."""
        for command in super().get_system_commands(screen):
            if command.title != "Maximize":
                yield command

    def action_command_palette(self) -> None:
        """ctrl+p: Textual's palette, as Textual opens it, with safe page keys (BoardPalette);
        loaded when first opened, not with the board."""
        from jobboard.tui.commands import BoardPalette

        if self.use_command_palette and not isinstance(self.screen, BoardPalette):  # not open already
            self.push_screen(BoardPalette(id="--command-palette"))

    def get_theme_variable_defaults(self) -> dict[str, str]:
        if not self.theme_chosen:  # Textual's constructor asks, for its starting theme
            return dict(theme_files.APP_VARIABLE_DEFAULTS)
        return theme_files.variable_defaults_for(self.current_theme)

    def watch_theme(self, name: str) -> None:
        if not self._theme_settled:
            return
        # A theme picked in the palette is remembered for the next start, unless config.toml
        # names one: what the user wrote there wins (jobboard.config.theme_choice), and says so.
        self._save_theme(name)
        configured = self.settings.theme
        if configured is not None and configured.strip().casefold() != name.casefold():
            self.notify(
                f'{name} until you quit: theme = "{configured}" in config.toml wins at the next start. '
                f"Remove that line to keep {name}.",
                title="Theme",
                timeout=10,
            )
        self.call_after_refresh(self._recolour_board)

    def _recolour_board(self) -> None:
        from jobboard.tui.board import Board

        for board in self.query(Board):
            board.forget_styles()

    @work(thread=True, exclusive=True, group="theme", exit_on_error=False)
    def _save_theme(self, name: str) -> None:
        problem = remember_theme(name)
        if problem:
            self.call_from_thread(self.notify, problem, severity="warning")

    def _first_load(self, store: BoardStore) -> Message:
        applications = self.preload.take_board()
        self.writer.file_seen = store.path.exists()
        return BoardLoaded(applications)

    def get_default_screen(self) -> Screen:
        """The board is the app's first screen rather than one pushed over Textual's blank one:
        Textual holds every paint until the app has mounted, and a pushed screen that mounts
        in that time is laid out and drawn once for nothing."""
        from jobboard.tui.board_screen import BoardScreen

        # A short wait for the first look (or, without one, the board) beats painting the
        # screen twice; a board slower than that shows as soon as the writer has read it.
        deadline = time.monotonic() + PRELOAD_WAIT_SECONDS
        try:
            look = self.preload.first_look.result(timeout=PRELOAD_WAIT_SECONDS)
            if look is not None:
                self.first_look, self._held_keys = look, HeldKeys()
            else:
                self._take_board(self.preload.take_board(timeout=max(0.0, deadline - time.monotonic())))
        except (concurrent.futures.TimeoutError, BoardError, OSError):
            pass
        return BoardScreen()

    def on_mount(self) -> None:
        from jobboard.tui.board_screen import BoardScreen

        self._theme_settled = True
        self._apply_keymap(BoardScreen)
        if self.theme_problems:
            self.notify("\n".join(self.theme_problems), title="Theme files skipped", severity="warning", timeout=15)
        self.call_after_refresh(self.preload.first_paint.set)
        self.writer.start()
        if not self.loaded:
            self.writer.submit(self._first_load, now=True)
        else:
            self.call_after_refresh(self.work_out_steps)
            self.call_after_refresh(self.tuning.board_shown)
        self.set_interval(DISK_CHECK_SECONDS, self._check_disk)
        self.set_interval(self.day_check_seconds, lambda: check_day(self))
        if self.is_web:
            self.set_interval(SERVER_CHECK_SECONDS, self._check_server)
        if not self.is_headless:  # a test's process keeps its own signals
            self.ending_signals.listen(asyncio.get_running_loop(), self.end_on_signal)
        # Back from ctrl+z (`fg`), Textual publishes the resume but draws nothing: the board
        # showed blank but for what changed next. The whole screen is laid out and drawn again.
        self.app_resume_signal.subscribe(self, lambda _app: self.refresh(layout=True))

    async def action_quit(self) -> None:
        """Quit once every change is on disk; with changes that could not be saved, ask
        (UnsavedScreen): wait and try again, or quit anyway with exit status 1."""
        await self.flush()
        if not self.writer.unsaved:
            self.exit()
            return
        from jobboard.tui.screens import UnsavedScreen

        if isinstance(self.screen, UnsavedScreen):
            return

        async def answered(quit_anyway: bool | None) -> None:
            if quit_anyway and self.writer.unsaved:
                self._end_unsaved()
            elif not quit_anyway:
                self.writer.retry()
                await self.flush()
                if self.writer.unsaved:
                    self.notify("Still not saved; trying again.", severity="warning", timeout=3)
                await self.action_quit()
            else:
                self.exit()

        self.push_screen(UnsavedScreen(len(self.writer.unsaved), one_line(self.writer.last_error)), answered)

    async def flush(self) -> None:
        """Wait until every change made so far is on disk."""
        await self.writer.flush()

    def action_exit_with_error(self) -> None:
        self.exit(return_code=1)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            if not event.is_forwarded and self._held_keys.hold(self, event):
                return  # typed again by _release_keys once the board is read
            from jobboard.tui.dialog import Dialog  # not needed for the first paint

            screen = self.screen_stack[-1] if self.screen_stack else None
            for covered in self.screen_stack[:-1]:  # a key a dialog typed again may reach a screen over it
                if isinstance(covered, Dialog) and not event.is_forwarded:
                    covered.covered_by_another(event)
            if isinstance(screen, Dialog) and screen.holds(self, event):
                return  # typed again once the dialog has its cursor in place or its answer
            back = event.is_forwarded  # (forwarding it to the field marks it so)
            await super().on_event(event)
            if back:  # to every dialog: another screen may have opened while the key was away
                for dialog in self.screen_stack:
                    if isinstance(dialog, Dialog):
                        dialog.came_back(event)
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
        self._held_keys.release(self)

    def keys_after_adds(self, landed: bool = True) -> None:
        """An add came back (or, ``landed`` False, none can land soon): once no add is on its
        way, the keys held behind them go on, to the board as it shows now (tui/editing.py)."""
        self.adds_waiting = max(self.adds_waiting - 1, 0) if landed else 0
        if not self.adds_waiting:
            self._release_keys()

    def end_on_signal(self, ending: int) -> None:
        """SIGHUP (the terminal went away) or SIGTERM (asked to stop): save what is waiting, then
        end as on q, with no question to ask (jobboard.tui.signals). Changes that could not be
        saved are said on stderr, with exit status 1."""
        if self._ending_on_signal:
            return
        self._ending_on_signal = True
        self.run_worker(self._end_after_saving(ending), name="end on signal")

    async def _end_after_saving(self, ending: int) -> None:
        await self.flush()
        self.ending_signals.last_resort(ending)
        if self.writer.unsaved:
            self._end_unsaved()
        else:
            self.exit()

    def _end_unsaved(self) -> None:
        """End with exit status 1, the changes that could not be saved said on stderr (see run)."""
        not_saved = f"{counted(len(self.writer.unsaved), 'change')} not saved to {self.store.path}"
        self.lost_changes = f"{not_saved}: {one_line(self.writer.last_error)}"
        self.exit(return_code=1)

    def on_unmount(self) -> None:
        self.preload.first_paint.set()
        if self.loaded and self.load_error is None:
            self.writer.submit(jobs.keep_first_look, now=True)  # for the next start, after the last save
        self.writer.stop()

    async def run_async(self, **kwargs: Any) -> Any:
        """Run the app, then tell the writer to finish even when Textual's shutdown was cut
        short before the app's Unmount: its thread would otherwise keep the process alive,
        waiting for a job that never comes (seen under `serve` once the server was killed)."""
        try:
            return await super().run_async(**kwargs)
        finally:
            self.preload.first_paint.set()
            self.writer.stop()
            self.ending_signals.restore()

    # -- the writer --------------------------------------------------------------------------

    async def _check_server(self) -> None:
        """Served in a browser: quit once the server has gone (jobboard.tui.served)."""
        if server_gone():
            await self.flush()
            self.exit(return_code=0 if not self.writer.unsaved else 1)

    def _check_disk(self) -> None:
        if self.writer.unsaved:  # changes kept after a failed write: try them again first
            if not self.writer.waiting and self.writer.jobs.unfinished_tasks == 0:
                self.writer.retry()
        elif self.load_error is None or self.loaded:  # a board that broke while open may come back
            self.writer.look_for_changes()

    # -- messages from the writer -------------------------------------------------------------

    def _take_board(self, applications: list[Application]) -> None:
        before, kept = self.board, self.steps if self._steps_for == (self.today, self.at) else {}
        self.board = {a.id: a for a in applications}
        # A card read again as the very application it was (the store builds only the records
        # that changed) keeps its step: a reload works out the steps of the changed cards only.
        self.steps = {i: step for i, step in kept.items() if before.get(i) is self.board.get(i)}
        self._tally = None
        self.steps_ready = False
        self.loaded = True

    def work_out_steps(self) -> None:
        """Every card's next step, in the writer thread (the headers' due counts need them all;
        the cards on screen work theirs out as they are painted)."""
        today, rules, at = self.today, self.settings.etiquette, self.at
        if self._steps_for != (today, at):
            self.steps.clear()
        self._steps_for = (today, at)
        applications = [a for a in self.board.values() if a.id not in self.steps]

        def work_out(_store: BoardStore) -> Message:
            return StepsReady({a.id: next_step(a, today, rules, words=False, at=at) for a in applications})

        self.writer.submit(work_out)
        self.writer.submit(jobs.prepare_for_writes)

    def on_load_failed(self, message: LoadFailed) -> None:
        """One notice and the broken-board screen; it goes once the file can be read again."""
        if not self.loaded:
            self.on_write_failed(WriteFailed(message.error))
        elif self.load_error is None:
            self.notify(message.error, title="The board cannot be read", severity="error", timeout=10)
            self.show_board_error(message.error)

    def on_board_loaded(self, message: BoardLoaded) -> None:
        if message.made != self.writer.changes_made:
            # Read before a change made on screen since was saved: showing it would take that
            # change back on screen and move the cursor off its card. Read again after it.
            self.writer.submit(self.writer.load)
            return
        if self.load_error is not None and self.loaded:
            self.load_error = None
            self.pop_screen()  # the broken-board screen: the file is readable again
            self.notify("The board can be read again; showing it.", timeout=4)
        try:
            screen = self.board_screen
        except LookupError:  # read as the app was closing: nothing left to show it on
            return
        first = not self.loaded
        self._take_board(message.applications)
        self.first_look = None
        screen.refresh_board()
        self._release_keys()
        # After the paint, so that working out the steps does not delay the first cards.
        self.call_after_refresh(self.work_out_steps)
        self.call_after_refresh(self.tuning.board_shown)
        if not first:
            self.notify("The board changed on disk; showing the latest.", timeout=3)

    def on_steps_ready(self, message: StepsReady) -> None:
        # Steps worked out for cards changed meanwhile are newer than these: keep them.
        self.steps = {**message.steps, **self.steps}
        self.steps_ready = True
        try:
            screen = self.board_screen
        except LookupError:  # the steps came back as the app was closing: nothing left to show
            return
        screen.refresh_due_counts()
        self._archive_closed()

    def _archive_closed(self) -> None:
        """Once a session, with ``archive_closed_after_days`` set: put away the closed cards
        with nothing left to do for that long (each an undoable change), and say so."""
        days = self.settings.archive_closed_after_days
        if days <= 0 or self._closed_archived:
            return
        self._closed_archived = True
        from jobboard.core.archiving import closed_and_quiet

        rules = self.settings.etiquette
        quiet = [
            a.id for a in self.board.values() if closed_and_quiet(a, self.today, days, rules, self.step_for(a).rule)
        ]
        for app_id in quiet:
            self.change(app_id, lambda a: a.copy(archived=True), "archive")
        if quiet:
            self.notify(
                f"Archived {counted(len(quiet), 'closed card')} with nothing to do for {counted(days, 'day')}; "
                "ctrl+a shows them.",
                timeout=5,
            )

    def on_write_failed(self, message: WriteFailed) -> None:
        self.tuning.board_shown()
        if self.adds_waiting:  # a card that cannot be saved now: the keys held for it go on
            self.keys_after_adds(landed=False)
        if not self.loaded:
            self.show_board_error(message.error)
            self._release_keys()  # to the error screen, which can only quit
            return
        if message.kept:  # still on screen and kept: tried again each second, asked about on q
            self.notify(
                f"{message.error} The change stays on screen and is tried again; q asks before quitting.",
                title="Not saved yet",
                severity="error",
                timeout=10,
            )
            return
        self.notify(message.error, title="Not saved", severity="error", timeout=10)
        self.writer.submit(self.writer.load)  # show what is really there

    def on_all_saved(self, message: AllSaved) -> None:
        self.notify(f"Saved the {counted(message.count, 'kept change')}.", timeout=3)
        self.writer.submit(self.writer.load)

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
            step = next_step(application, self.today, self.settings.etiquette, words=False, at=self.at)
            self.steps[application.id] = step
        return step

    def advice_for(self, application: Application) -> NextStep:
        """The next step with its reason and draft, for the one card the panel shows (the
        board-wide cache keeps only what the markers and counts need)."""
        key = (application, self.today, self.at)
        cached_for, advice = self._advice
        if advice is None or cached_for != key:
            advice = next_step(application, self.today, self.settings.etiquette, at=self.at)
            self._advice = (key, advice)
        return advice

    def keep_going(self) -> str | None:
        """The board-level note; its tally is built once per load (and per day) and then kept
        up to date one changed application at a time."""
        tally = self._tally
        if tally is None or tally.today != self.today:
            tally = self._tally = KeepGoingTally(self.today)
            for application in self.board.values():
                tally.put(application)
        return tally.note(self.settings.etiquette)

    def on_exported(self, message: Exported) -> None:
        self.notify(f"Wrote the board to {message.path}", title="Exported", timeout=6)

    @property
    def handoff(self) -> Handoff:
        """How links and drafts leave the board: the opener and the clipboard (tui/handoff.py),
        made when first needed, so the first paint does not wait for that module."""
        if self._handoff is None:
            from jobboard.tui.handoff import Handoff

            self._handoff = Handoff()
        return self._handoff

    @handoff.setter
    def handoff(self, handoff: Handoff) -> None:
        self._handoff = handoff

    @property
    def board_file(self) -> Path:
        return self.store.path
