"""What the TUI tests share: waiting on the app, an app that keeps its notices, the form's fields."""

from __future__ import annotations

import html
import inspect
import re
import time
from collections.abc import Callable
from pathlib import Path

from textual.notifications import Notify
from textual.widgets import Input

from jobboard.config.settings import Settings
from jobboard.storage.store import BoardStore
from jobboard.tui.app import JobBoardApp
from jobboard.tui.forms import ApplicationForm
from jobboard.tui.handoff import Handoff

WAIT_SECONDS = 30.0  # generous: the machine may be busy; a wait ends as soon as its condition holds


async def wait_for(pilot, condition: Callable[[], object], what: str) -> None:
    """Let the app run until ``condition()`` holds; fail saying ``what`` never happened."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.02)
    assert condition(), f"waited {WAIT_SECONDS:.0f} s for {what}"


async def loaded(pilot) -> None:
    """Wait until the writer thread has delivered the board and every card's next step (the
    headers' due counts), then let the panel, which paints a frame later, catch up."""
    await wait_for(pilot, lambda: pilot.app.loaded and pilot.app.steps_ready, "the board and its next steps")
    await pilot.pause()
    await pilot.pause()


def screen_lines(app) -> list[str]:
    """The screen's rows as the user reads them, toasts included (Textual's SVG screenshot,
    its tags and entities undone)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")
    return text.splitlines()


def recording_opener(opened: list[str]) -> Callable[[str], None]:
    """An opener that keeps each URL it is given and says it opened (nothing really opens)."""
    return opened.append


class NotedApp(JobBoardApp):
    """The app, keeping every notification it showed (what the user read in the corner).

    Unless a test gives its own handoff, links are recorded in ``opened`` rather than opened,
    and no tmux or clipboard tool is looked for (an empty environment): a test never reaches
    the tester's browser or clipboard."""

    CSS_PATH = Path(inspect.getfile(JobBoardApp)).with_name(JobBoardApp.CSS_PATH)  # not beside this file

    def __init__(self, *args, **kwargs) -> None:
        opened: list[str] = []
        kwargs.setdefault("handoff", Handoff(opener=recording_opener(opened), environ={}))
        super().__init__(*args, **kwargs)
        self.opened = opened
        self.notes: list[str] = []
        self.clipboard_text = ""

    def copy_to_clipboard(self, text: str) -> None:
        self.clipboard_text = text  # what Textual's escape sequence carried
        super().copy_to_clipboard(text)

    def on_notify(self, event: Notify) -> None:
        self.notes.append(f"{event.notification.title}: {event.notification.message}")


# Where the settings are read from, as the name hint says it: one fixed place, so that the
# panel reads the same in every snapshot (a test's own folder changes from run to run).
CONFIG_FILE = Path("/home/you/.config/jobboard/config.toml")


def make_app(path, columns=None) -> NotedApp:
    return NotedApp(BoardStore(path), Settings(source=CONFIG_FILE), columns=columns)


def cells(strip) -> list[tuple[str, object]]:
    """A line's cells, each with its style: what the terminal is sent for it."""
    return [(char, segment.style) for segment in strip for char in segment.text]


def selected(app):
    return app.board_screen.selected


def thirty_in_applied(path, day):
    """A board with more cards in Applied than a column shows at once."""
    from jobboard.core.model import new_application

    builds = [lambda app_id, n=n: new_application(app_id, f"Co {n:02}", "Engineer", applied_on=day) for n in range(30)]
    BoardStore(path).add_many(builds)
    return path


DEMO_COLUMNS = ("wishlist", "applied", "interviewed", "silent", "rejected")


async def select_company(pilot, company: str) -> None:
    app = pilot.app
    target = next(a for a in app.board.values() if a.company == company)
    app.board_screen.jump_to(target.id)
    await pilot.pause()
    assert selected(app).company == company


async def fill(pilot, **values: str) -> None:
    form = pilot.app.screen
    assert isinstance(form, ApplicationForm)
    for name, value in values.items():
        form.query_one(f"#field-{name}", Input).value = value
    await pilot.pause()


def error_of(app, name: str) -> str:
    widget = app.screen.query_one(f"#error-{name}")
    return str(widget.render()) if widget.display else ""


async def burst(pilot, *keys: str) -> None:
    """Send ``keys`` the way a terminal delivers a fast burst (a paste, a key macro, tmux
    send-keys): all queued at once, before the app has handled the first. (``pilot.press``
    waits for the app to settle after every key, which a fast typist never does.)"""
    from textual import events

    # key: the character it types
    named = {"tab": "\t", "enter": "\r", "escape": "\x1b", "question_mark": "?"}
    named |= {"shift+tab": None, "shift+right": None, "ctrl+s": None, "ctrl+f": None, "ctrl+u": None, "left": None}
    named |= {"ctrl+p": None, "pagedown": None, "pageup": None, "home": None}
    for key in keys:
        for name in [key] if key in named else key:
            character = named[name] if name in named else name
            pilot.app.post_message(events.Key("space" if name == " " else name, character))
    await pilot.pause()
    await pilot.pause()
