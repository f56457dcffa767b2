"""`jobboard serve` answers only its own page: the token, Host and Origin checks, the cap on
tabs, and boards that end when the server goes (issue 28, findings 1 and 2).

An attacker here is a page of another origin in the user's own Chromium (which holds the
board's cookie, as after a first visit), or a client that forges its headers. Success is a
refusal and a board file whose bytes did not change.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import http.server
import threading
import urllib.error
import urllib.request
from pathlib import Path

import aiohttp

from tests.e2e.test_serve import DEADLINE, Served, Tab, board_processes, wait_until

ATTACK_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Free salary calculator</title></head>
<body><p>Working out your salary band...</p>
<script>
  window.seen = [];
  const socket = new WebSocket("ws://127.0.0.1:{port}/ws?width=80&height=24");
  socket.onopen = () => {{
    window.seen.push("open");
    for (const key of ["d", "y", "d", "y"]) socket.send(JSON.stringify(["stdin", key]));
  }};
  socket.onmessage = () => window.seen.push("message");
  socket.onerror = () => window.seen.push("error");
  socket.onclose = () => window.seen.push("closed");
</script></body></html>
"""


class OtherSite:
    """A page served from another port of this machine: another origin to the browser."""

    def __init__(self, folder: Path, page: str) -> None:
        folder.mkdir()
        (folder / "index.html").write_text(page, encoding="utf-8")

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - the handler's own
                super().__init__(*args, directory=str(folder), **kwargs)

            def log_message(self, *args) -> None:  # noqa: ANN002 - the handler's own
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/index.html"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def handshake(url: str, headers: dict[str, str]) -> int:
    """The status a websocket handshake to ``url`` gets (101 when it opens; closed at once)."""

    async def attempt() -> int:
        # An overall timeout: aiohttp's ClientWSTimeout is newer than the lowest aiohttp allowed.
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=DEADLINE)) as session:
            try:
                async with session.ws_connect(url, headers=headers):
                    return 101
            except aiohttp.WSServerHandshakeError as error:
                return error.status

    with concurrent.futures.ThreadPoolExecutor(1) as thread:  # Playwright's own loop may be running here
        return thread.submit(asyncio.run, attempt()).result(timeout=DEADLINE)


def page_status(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    """The status and text of the page at ``url``, as a browser gets it (cookies kept across
    the redirect that takes the token out of the address)."""
    request = urllib.request.Request(url, headers=headers or {})
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    try:
        with browser.open(request, timeout=DEADLINE) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_a_page_of_another_origin_can_neither_drive_nor_read_the_board(board: Path, browser, tmp_path: Path) -> None:
    served = Served(board)
    other = OtherSite(tmp_path / "other-site", ATTACK_PAGE.format(port=served.port))
    before = board.read_bytes()
    try:
        Tab(browser, served.url)  # the user's own tab: the browser now holds the board's cookie
        page = browser.new_page()
        page.goto(other.url)
        seen = wait_until(
            lambda: (page.evaluate("window.seen") or []) if "closed" in (page.evaluate("window.seen") or []) else None,
            "the other site's websocket to end",
            pause=lambda: page.wait_for_timeout(50),
        )
        assert "open" not in seen and "message" not in seen, seen
        assert board.read_bytes() == before
    finally:
        other.close()
        served.stop()


def test_forged_origin_host_or_a_missing_token_are_refused(board: Path) -> None:
    served = Served(board)
    socket_url = f"ws://127.0.0.1:{served.port}/ws"
    own_origin = f"http://127.0.0.1:{served.port}"
    try:
        with_token = f"{socket_url}?token={served.token}"
        assert handshake(with_token, {"Origin": "http://127.0.0.1:9999"}) == 403
        assert handshake(with_token, {"Origin": "http://attacker.example:8765"}) == 403
        assert handshake(with_token, {"Origin": own_origin, "Host": f"attacker.example:{served.port}"}) == 403
        assert handshake(socket_url, {"Origin": own_origin}) == 403
        assert handshake(f"{socket_url}?token=not-the-token", {"Origin": own_origin}) == 403

        status, text = page_status(served.url, {"Host": f"attacker.example:{served.port}"})
        assert status == 403 and text.count("\n") == 1 and "address jobboard serve printed" in text
        status, text = page_status(served.page)
        assert status == 403 and "with its token" in text
        assert page_status(served.url)[0] == 200  # the address printed opens (after its redirect)
        assert handshake(with_token, {"Origin": own_origin}) == 101  # so the refusals above could fail
    finally:
        served.stop()


def test_tabs_beyond_the_cap_are_told_why(board: Path, browser) -> None:
    served = Served(board, "--max-tabs", "1")
    try:
        first = Tab(browser, served.url)
        status, text = page_status(served.url)
        assert status == 429 and "1 tabs already show this board" in text and "close one" in text
        assert handshake(f"ws://127.0.0.1:{served.port}/ws?token={served.token}", {}) == 429
        first.page.close()
        wait_until(lambda: page_status(served.url)[0] == 200, "the closed tab's place to be free again")
    finally:
        served.stop()


def test_boards_end_when_the_server_is_killed(board: Path, browser) -> None:
    served = Served(board)
    Tab(browser, served.url)  # its board is running, and showing
    assert board_processes(board)
    served.process.kill()  # SIGKILL: no chance to tell the tabs
    served.process.wait(timeout=DEADLINE)
    wait_until(lambda: not board_processes(board), lambda: f"the tab's board to end; left: {board_processes(board)}")
