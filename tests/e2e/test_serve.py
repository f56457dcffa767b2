"""`jobboard serve`: its refusals, and the board driven in a real headless Chromium.

The browser tests start `jobboard serve` on a free loopback port with a board in tmp_path and
open it in Debian's Chromium through Playwright (no browser is ever downloaded: .ci/run installs
the `chromium` package; without one these tests skip and say why). What a tab shows is read
from what its board process sent it (the terminal output its websocket carried), and what a
key did from the board file. Every wait is for a condition, with a deadline.

The screenshot goes to tmp_path; with JOBBOARD_SERVE_SCREENSHOT=docs/serve.png the first browser
test copies it there too, which is how the README's picture is made (see its Development section).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pendulum
import pytest

from jobboard.cli.serve import is_loopback, page_url
from jobboard.core.etiquette import next_step
from jobboard.core.ordering import urgency_key
from jobboard.storage.store import BoardStore
from jobboard.tui.column import CARD_HEIGHT, HEADER_HEIGHT

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEADLINE = 30.0  # seconds for any one thing to happen on a slow, shared machine
BOARD_TOP = 1  # the title bar is the screen's first line; the board's header starts below it
ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")


def jobboard(*args: str | Path, **kwargs) -> subprocess.CompletedProcess:  # noqa: ANN003 - subprocess's
    command = [sys.executable, "-m", "jobboard", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=DEADLINE, **kwargs)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, what, pause=lambda: time.sleep(0.05)):  # noqa: ANN001, ANN201
    """Poll ``condition`` until it gives something true, or fail saying ``what`` (a string, or
    a function giving one as things then stand) never happened."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        pause()
    pytest.fail(f"after {DEADLINE:.0f} s, still waiting for {what() if callable(what) else what}")


# -- refusals (no browser needed) -----------------------------------------------------------


def test_a_host_other_than_loopback_needs_public(tmp_path: Path) -> None:
    board = tmp_path / "board.json"
    result = jobboard("serve", "--db", board, "--host", "0.0.0.0", "--port", free_port())
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert "anyone who can reach" in result.stderr and "--public" in result.stderr
    assert not board.exists()


def test_a_busy_port_is_one_line_and_exit_1(tmp_path: Path) -> None:
    board = tmp_path / "board.json"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = jobboard("serve", "--db", board, "--port", port)
    assert result.returncode == 1
    assert result.stderr == f"jobboard: port {port} on 127.0.0.1 is already in use; choose another with --port.\n"
    assert result.stdout == ""


def test_public_warns_in_one_line_before_serving(tmp_path: Path) -> None:
    # The port is taken on every address, so the server stops right after the warning.
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = jobboard("serve", "--db", tmp_path / "board.json", "--host", "0.0.0.0", "--public", "--port", port)
    warning, busy = result.stderr.splitlines()
    assert warning.startswith("jobboard: warning: anyone who can reach 0.0.0.0") and "with its token" in warning
    assert busy.startswith(f"jobboard: port {port} on 0.0.0.0 is already in use")
    assert result.returncode == 1


def test_a_broken_board_is_one_line_before_anything_starts(tmp_path: Path) -> None:
    board = tmp_path / "board.json"
    board.write_text("not a board", encoding="utf-8")
    result = jobboard("serve", "--db", board, "--port", free_port())
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert str(board) in result.stderr
    assert board.read_text(encoding="utf-8") == "not a board"


def test_a_theme_no_one_has_is_one_line_before_anything_starts(tmp_path: Path) -> None:
    board = tmp_path / "board.json"
    result = jobboard("--theme", "no-such-theme", "serve", "--db", board, "--port", free_port())
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr
    assert "unknown theme 'no-such-theme'" in result.stderr and "jobboard-dark" in result.stderr

    config = tmp_path / "config.toml"
    config.write_text('theme = "no-such-theme"\n', encoding="utf-8")
    result = jobboard("serve", "--db", board, "--config", config, "--port", free_port())
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert str(config) in result.stderr and "unknown theme 'no-such-theme'" in result.stderr


def test_each_tab_runs_this_python_s_jobboard_on_the_same_files(tmp_path: Path) -> None:
    from jobboard.cli.main import Session
    from jobboard.cli.serve import board_command

    folder = tmp_path / "my hunt"  # a space: the command goes through a shell
    command = board_command(Session(folder / "board.json", folder / "config.toml", "nord"))
    assert shlex.split(command) == [
        sys.executable,
        "-m",
        "jobboard",
        "--db",
        str(folder / "board.json"),
        "--config",
        str(folder / "config.toml"),
        "--theme",
        "nord",
    ]


def test_serving_never_imports_textual() -> None:
    # The server only starts board processes; the refusal paths and the server module alike.
    code = (
        "import sys\n"
        "import jobboard.web\n"
        "from jobboard.cli.main import main\n"
        "try:\n"
        "    main(['serve', '--host', '0.0.0.0'])\n"
        "except SystemExit as exit:\n"
        "    print(exit.code, sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=DEADLINE)
    assert result.stdout == "2 []\n", result.stderr


def test_which_hosts_are_loopback_and_the_address_to_open() -> None:
    for host in ("127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]", "LOCALHOST"):
        assert is_loopback(host), host
    for host in ("0.0.0.0", "::", "192.168.1.10", "example.org", "10.0.0.1"):
        assert not is_loopback(host), host
    assert page_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert page_url("::1", 8001) == "http://[::1]:8001"
    assert page_url("0.0.0.0", 8000) == f"http://{socket.gethostname()}:8000"


# -- the server ----------------------------------------------------------------------------


class Served:
    """`jobboard serve` on a free port, stopped as a user stops it: Ctrl+C (SIGINT). ``url`` is
    the address it printed, with its token; ``page`` the page's address without it."""

    def __init__(self, board: Path, *options: str) -> None:
        self.board = board
        self.port = free_port()
        self.page = f"http://127.0.0.1:{self.port}/"
        command = [sys.executable, "-m", "jobboard", "serve", "--db", str(board), "--port", str(self.port), *options]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wait_until(self._listening, f"jobboard serve to listen on port {self.port}")
        self.first_line = self.process.stdout.readline()  # printed before it listens
        found = re.search(r" at (\S+)  \(Ctrl\+C stops it\)$", self.first_line)
        assert found, self.first_line
        self.url = found[1]
        self.token = self.url.rpartition("?token=")[2]

    def _listening(self) -> bool:
        if self.process.poll() is not None:
            out, err = self.process.communicate()
            pytest.fail(f"jobboard serve exited with {self.process.returncode}:\n{out}\n{err}")
        with socket.socket() as client:
            return client.connect_ex(("127.0.0.1", self.port)) == 0

    def stop(self) -> tuple[int, str, str]:
        """Ctrl+C; the exit status and what it printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            out, err = self.process.communicate(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
            pytest.fail(f"jobboard serve did not stop on Ctrl+C:\n{out}\n{err}")
        return self.process.returncode, out, err


def board_processes(board: Path) -> list[str]:
    """The processes running a board on ``board`` (one per browser tab)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue  # it ended meanwhile
        if str(board).encode() in words and b"serve" not in words:
            found.append(cmdline.parent.name)
    return found


def test_ctrl_c_stops_the_server_with_exit_0(tmp_path: Path) -> None:
    served = Served(tmp_path / "board.json")
    code, _out, err = served.stop()
    assert code == 0, err
    assert served.first_line == f"Serving {tmp_path / 'board.json'} at {served.url}  (Ctrl+C stops it)\n"
    assert served.url == f"http://127.0.0.1:{served.port}/?token={served.token}" and len(served.token) >= 40


def test_url_is_the_address_the_page_connects_back_to(tmp_path: Path) -> None:
    # As behind a proxy: the browser's Host is the public name, and the cookie carries the token.
    served = Served(tmp_path / "board.json", "--url", "http://hunt.example:9000")
    try:
        request = urllib.request.Request(
            served.page, headers={"Host": "hunt.example:9000", "Cookie": f"jobboard-serve-{served.port}={served.token}"}
        )
        with urllib.request.urlopen(request, timeout=DEADLINE) as response:
            page = response.read().decode("utf-8")
    finally:
        code, _out, _err = served.stop()
    assert 'data-session-websocket-url="ws://hunt.example:9000/ws"' in page
    assert "<div>jobboard · board.json</div>" in page  # its name while it connects
    assert code == 0 and served.url == f"http://hunt.example:9000/?token={served.token}"


# -- in the browser ------------------------------------------------------------------------


def chromium_path() -> str:
    for candidate in (os.environ.get("JOBBOARD_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.skip(
        "no Chromium to drive: none at /usr/bin/chromium, on PATH or in $JOBBOARD_CHROMIUM (apt-get install chromium)"
    )


class Tab:
    """A browser tab on the served board, with everything its board process sent it."""

    def __init__(self, context, url: str) -> None:  # noqa: ANN001 - a Playwright BrowserContext
        self.page = page = context.new_page()
        self.received = bytearray()
        self.size: tuple[int, int] | None = None
        page.on("websocket", self._watch)
        # Everything the page asks for comes from the server (no web fonts from elsewhere).
        self.elsewhere: list[str] = []
        origin = url.split("/?")[0]
        page.route("**/*", lambda route: self._only_from(route, origin))
        page.goto(url)
        # The panel speaks once the whole board is read. Then the terminal takes the keyboard,
        # as at a user's first click: a board in a browser starts out of focus (Textual's web
        # driver says so as it starts), so a focus sent sooner could come before that and be
        # undone, and the footer would wait for the first key to show.
        self.wait_to_show("NEXT STEP")
        page.focus(".xterm-helper-textarea")

    def _only_from(self, route, origin: str) -> None:  # noqa: ANN001 - a Playwright Route
        if route.request.url.startswith(origin + "/"):
            route.continue_()
        else:
            self.elsewhere.append(route.request.url)
            route.abort()

    def _watch(self, websocket) -> None:  # noqa: ANN001 - a Playwright WebSocket
        websocket.on("framereceived", lambda payload: isinstance(payload, bytes) and self.received.extend(payload))
        websocket.on("framesent", self._sent)

    def _sent(self, payload: str | bytes) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"'):
            found = re.search(r'"width":\s*(\d+),\s*"height":\s*(\d+)', payload)
            if found:
                self.size = (int(found[1]), int(found[2]))

    def mark(self) -> int:
        """Where the output stands now: ``shows(..., since=mark)`` looks only at what follows."""
        return len(self.received)

    def text(self, since: int = 0) -> str:
        """What was written to the tab since ``since``, its escape sequences taken out."""
        return ESCAPES.sub("", self.received[since:].decode("utf-8", errors="replace"))

    def shows(self, word: str | re.Pattern, since: int = 0) -> bool:
        text = self.text(since)
        return bool(word.search(text)) if isinstance(word, re.Pattern) else word in text

    def wait_to_show(self, *words: str | re.Pattern, since: int = 0) -> None:
        wait_until(
            lambda: all(self.shows(word, since) for word in words),
            lambda: f"the tab to show {words}; it showed: {self.text(since)[-3000:]!r}",
            pause=lambda: self.page.wait_for_timeout(50),  # lets Playwright deliver the frames
        )

    def click_cell(self, x: int, y: int) -> None:
        """Click the middle of the terminal's cell at column ``x``, line ``y``."""
        box = self.page.locator(".xterm-screen").bounding_box()
        columns, lines = self.size
        width, height = box["width"] / columns, box["height"] / lines
        self.page.mouse.click(box["x"] + (x + 0.5) * width, box["y"] + (y + 0.5) * height)


def status_on_disk(board: Path, app_id: str) -> str:
    return BoardStore(board).get(app_id).status


def wait_for_status(tab: Tab, board: Path, app_id: str, status: str) -> None:
    wait_until(
        lambda: status_on_disk(board, app_id) == status,
        lambda: f"card {app_id} to be {status} in {board} (it is {status_on_disk(board, app_id)})",
        pause=lambda: tab.page.wait_for_timeout(50),
    )


def applied_cards(board: Path) -> list:
    """The Applied column as the board shows it, top card first (by urgency, the default)."""
    today = pendulum.today().date()
    applied = [a for a in BoardStore(board).applications() if a.status == "applied"]
    return sorted(applied, key=lambda application: urgency_key(application, next_step(application, today)))


def move_to_interviewed(tab: Tab, board: Path, application) -> None:  # noqa: ANN001 - an Application
    """shift+Right from Applied: the board asks the interview's date first; enter keeps today."""
    mark = tab.mark()
    tab.page.keyboard.press("Shift+ArrowRight")
    tab.wait_to_show(f"interview with {application.company}", since=mark)
    tab.page.keyboard.press("Enter")
    wait_for_status(tab, board, application.id, "interviewed")


def test_the_board_in_chromium_moves_a_card_and_follows_a_click(board: Path, browser, tmp_path: Path) -> None:
    served = Served(board)
    try:
        tab = Tab(browser, served.url)
        first, second = applied_cards(board)[:2]
        tab.wait_to_show("Applied", "Interviewed", first.company, "Move ▶")  # the footer follows the focus
        assert tab.size is not None
        assert tab.elsewhere == []  # the fonts, the script, the styles: all from the server
        assert "token" not in tab.page.url  # kept in a cookie, out of the address bar and history
        picture = tmp_path / "serve.png"
        tab.page.screenshot(path=picture)
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        if os.environ.get("JOBBOARD_SERVE_SCREENSHOT"):
            shutil.copyfile(picture, os.environ["JOBBOARD_SERVE_SCREENSHOT"])

        move_to_interviewed(tab, board, first)

        # The click lands on the second card of Applied (the first is gone to Interviewed):
        # the panel shows it, and the keys act on it.
        now_second = applied_cards(board)[1]
        step = next_step(now_second, pendulum.today().date())
        assert now_second.company in step.title  # so the panel's step names the card clicked
        mark = tab.mark()
        tab.click_cell(3, BOARD_TOP + HEADER_HEIGHT + CARD_HEIGHT + 1)
        tab.wait_to_show(step.title, since=mark)
        move_to_interviewed(tab, board, now_second)
        assert status_on_disk(board, second.id) == ("interviewed" if second.id == now_second.id else "applied")

    finally:
        code, _out, err = served.stop()
    assert code == 0, err
    wait_until(lambda: not board_processes(board), "the tab's board process to end with the server")


def test_two_tabs_and_the_shell_on_one_board_stay_in_step(board: Path, browser) -> None:
    served = Served(board)
    try:
        one, two = Tab(browser, served.url), Tab(browser, served.url)
        card = applied_cards(board)[0]
        for tab in (one, two):
            tab.wait_to_show(card.company)

        # A move in the first tab reaches the second: its cursor follows the card into
        # Interviewed (its panel's step is the thank-you for today's interview), so its own
        # shift+Right takes the card on to Offer.
        move_to_interviewed(one, board, card)
        two.wait_to_show(f"Send {card.company} a thank-you note")
        two.page.keyboard.press("Shift+ArrowRight")
        wait_for_status(two, board, card.id, "offer")

        # An application added from the shell shows in both tabs (the panel hidden: with five
        # columns it sits below the board at this width, and Applied's new card would be under it).
        for tab in (one, two):
            tab.page.keyboard.press("p")
        marks = one.mark(), two.mark()
        added = jobboard("--db", board, "add", "Zenith Labs", "Platform Engineer")
        assert added.returncode == 0, added.stderr
        for tab, mark in zip((one, two), marks, strict=True):
            tab.wait_to_show("Zenith Labs", "Platform Engineer", since=mark)

        # Nothing was lost on the way: every write is in the file, with its history.
        on_disk = BoardStore(board).get(card.id)
        assert [e.status for e in on_disk.events if e.kind == "status"][-2:] == ["interviewed", "offer"]
        assert any(a.company == "Zenith Labs" for a in BoardStore(board).applications())
    finally:
        code, _out, err = served.stop()
    assert code == 0, err
    wait_until(lambda: not board_processes(board), "both tabs' board processes to end with the server")
