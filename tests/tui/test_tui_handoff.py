"""The hand-offs say what happened (docs/handoffs.md): an opener that fails is named and the
draft shown to copy; a copy names the channels that took it: tmux's buffer (a real private tmux
server, read back), a clipboard tool on PATH (a script in tmp_path), the terminal's escape."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pendulum
import pytest
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Selection

from jobboard.config.settings import Settings
from jobboard.core.model import new_application
from jobboard.core.people import Person
from jobboard.storage.store import BoardStore
from jobboard.tui.handoff import Handoff, open_with_system
from jobboard.tui.screens import HandOverScreen
from tests.helpers.tmux_terminal import ensure_tmux
from tests.helpers.tui import NotedApp, loaded, wait_for

DANA = Person("Dana Whitfield", "recruiter", "dana@acme.example")


def failing_opener(url: str) -> str:
    return "xdg-open found nothing to open it with (it ended with status 3)"


def app_with(board_path: Path, *people: Person, url: str = "", handoff: Handoff | None = None) -> NotedApp:
    applied = pendulum.date(2026, 11, 2)  # two weeks before the frozen day: a follow-up is due
    BoardStore(board_path).add(
        lambda i: new_application(i, "Acme", "Dev", applied_on=applied, people=list(people), url=url)
    )
    if handoff is None:
        return NotedApp(BoardStore(board_path), Settings())
    return NotedApp(BoardStore(board_path), Settings(), handoff=handoff)


def script(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


async def test_m_with_a_failing_opener_says_so_and_shows_the_message_to_copy(board_path, frozen):
    app = app_with(board_path, DANA, handoff=Handoff(opener=failing_opener, environ={}))
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, HandOverScreen), "the message to copy")
        assert app.screen.problem == (
            "Your mail client did not open: xdg-open found nothing to open it with (it ended with status 3). "
            "Here is the message to copy."
        )
        assert app.notes == []  # never "Opening your mail client"
        text = app.screen.query_one(TextArea).text
        assert text.startswith("To: Dana Whitfield <dana@acme.example>\nSubject: Following up: Dev application")
        assert text.splitlines()[-1].startswith("mailto:dana@acme.example?subject=Following%20up")
        await pilot.press("c")  # the whole text, through every channel (here only the terminal's)
        copied = app.screen.query_one("#hand-over-copied", Static)
        await wait_for(pilot, lambda: "Sent the text" in str(copied.render()), "the copy's outcome")
        assert app.clipboard_text == text
        area = app.screen.query_one(TextArea)
        area.selection = Selection((0, 4), (0, 18))  # "Dana Whitfield", as a mouse would select it
        await pilot.press("ctrl+c")
        await wait_for(pilot, lambda: "Sent the selection" in str(copied.render()), "the part's copy")
        assert app.clipboard_text == "Dana Whitfield"
        await pilot.press("escape")
        await pilot.pause()
        assert "Sent it?" not in app.board_screen.panel.text  # nothing was sent


async def test_o_with_a_failing_opener_shows_the_address_to_copy(board_path, frozen):
    app = app_with(board_path, url="https://jobs.example/dev", handoff=Handoff(opener=failing_opener, environ={}))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, HandOverScreen), "the address to copy")
        assert app.screen.query_one(TextArea).text == "https://jobs.example/dev"
        assert app.screen.problem.startswith("The posting did not open: xdg-open found nothing to open it with")


async def test_o_that_opens_says_opened(board_path, frozen):
    app = app_with(board_path, url="https://jobs.example/dev")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        await wait_for(pilot, lambda: app.notes, "the notice")
        assert app.opened == ["https://jobs.example/dev"] and app.notes == [": Opened https://jobs.example/dev"]


async def test_c_names_the_clipboard_tool_that_took_the_draft(board_path, frozen, tmp_path):
    tools = tmp_path / "bin"
    script(tools, "wl-copy", "exit 1")  # no Wayland here: the next tool is tried
    script(tools, "xclip", 'printf "%s\\n" "$*" > "$0.args"; cat > "$0.got"')
    path = f"{tools}{os.pathsep}{os.defpath}"  # ours first; the shell's own tools (cat) after
    app = app_with(board_path, DANA, handoff=Handoff(environ={"PATH": path}))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: app.notes, "the notice")
    assert app.notes == [": Copied the draft to the clipboard (xclip), and sent it to the terminal's clipboard."]
    assert (tools / "xclip.args").read_text() == "-selection clipboard\n"
    assert (tools / "xclip.got").read_text(encoding="utf-8") == app.clipboard_text
    assert "Hi Dana," in app.clipboard_text


async def test_c_with_no_tool_says_it_was_only_sent_to_the_terminal(board_path, frozen):
    app = app_with(board_path, DANA)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: app.notes, "the notice")
    assert app.notes == [": Sent the draft to the terminal's clipboard (no tmux or clipboard tool took it here)."]


@pytest.fixture
def tmux_server(tmp_path):
    """A private tmux server (its own socket name), and the $TMUX a program inside it sees."""
    tmux = ensure_tmux()
    name = f"jb-handoffs-test-{uuid.uuid4().hex[:8]}"
    subprocess.run([tmux, "-L", name, "new-session", "-d", "-s", "t", "sleep 600"], check=True)
    try:
        found = subprocess.run(
            [tmux, "-L", name, "display-message", "-p", "-t", "t", "#{socket_path},#{pid},0"],
            capture_output=True,
            text=True,
            check=True,
        )
        yield tmux, name, found.stdout.strip()
    finally:
        subprocess.run([tmux, "-L", name, "kill-server"], capture_output=True)


async def test_c_inside_tmux_puts_the_draft_in_tmuxs_buffer(board_path, frozen, tmux_server):
    tmux, name, inside = tmux_server
    handoff = Handoff(environ={"TMUX": inside, "PATH": str(Path(tmux).parent)})
    app = app_with(board_path, DANA, handoff=handoff)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: app.notes, "the notice")
    assert app.notes[0].startswith(": Copied the draft to tmux's buffer")
    buffer = subprocess.run([tmux, "-L", name, "show-buffer"], capture_output=True, text=True, check=True)
    assert buffer.stdout == app.clipboard_text and "Hi Dana," in buffer.stdout


def test_tmux_that_refuses_is_named(tmp_path):
    tools = tmp_path / "bin"
    script(tools, "tmux", "exit 1")
    copied = Handoff(environ={"TMUX": "/nowhere,1,0", "PATH": str(tools)}).copy("hello")
    assert copied.took == () and copied.refused == ("tmux (it ended with status 1)",)
    assert copied.sentence("The draft") == (
        "Sent the draft to the terminal's clipboard (no tmux or clipboard tool took it here); "
        "tmux (it ended with status 1) refused it."
    )


@pytest.mark.parametrize(
    ("status", "answer"), [(0, None), (3, "xdg-open found nothing to open it with (it ended with status 3)")]
)
@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="xdg-open is the opener of Linux and the BSDs")
def test_the_system_opener_reports_what_xdg_open_answered(tmp_path, status, answer):
    tools = tmp_path / "bin"
    script(tools, "xdg-open", f'printf "%s" "$1" > "$0.got"; exit {status}')
    assert open_with_system("mailto:dana@acme.example", {"PATH": str(tools)}) == answer
    assert (tools / "xdg-open.got").read_text() == "mailto:dana@acme.example"


class PageApp:
    """What open_link and copy_text ask of the app, as under `jobboard serve` (a web driver):
    the page is asked, and nothing is looked for on the server (its opener would fail)."""

    is_web = True

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.copied: list[str] = []
        self.handoff = Handoff(opener=failing_opener, environ={})

    def open_url(self, url: str) -> None:
        self.asked.append(url)

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)


def test_in_a_browser_the_page_is_asked_and_the_server_opens_nothing():
    from jobboard.tui.handoff import Opened, copy_text, open_link

    app = PageApp()
    results: list[object] = []
    open_link(app, "mailto:dana@acme.example", results.append)
    copy_text(app, "the draft", "The draft", results.append)
    assert app.asked == ["mailto:dana@acme.example"] and app.copied == ["the draft"]
    assert results == [Opened(by_page=True), "Copied the draft to the browser's clipboard."]


async def test_m_to_a_profile_that_does_not_open_shows_the_page_and_the_draft(board_path, frozen):
    sam = Person("Sam Ortiz", "recruiter", profile="https://linkedin.com/in/sam")
    app = app_with(board_path, sam, handoff=Handoff(opener=failing_opener, environ={}))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, HandOverScreen), "the page and draft to copy")
        assert app.screen.problem.startswith("Sam Ortiz's LinkedIn did not open: xdg-open found nothing")
        text = app.screen.query_one(TextArea).text
        assert text.startswith("https://linkedin.com/in/sam\n\nFollowing up: Dev application\n\nHi Sam,")
