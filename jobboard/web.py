"""The web server behind `jobboard serve`: textual-serve's Server, guarded and saying less.

Any page in the user's browser can reach a loopback port, so the board answers only a visitor
who holds this launch's token, on the address it was served at, from its own page
(docs/serve.md): the token comes in the printed URL and stays in a cookie; the Host and Origin
headers must name the address served, so another site, or a name of the attacker's that
resolves to this machine, gets a refusal. At most ``max_tabs`` boards run at once, and the
page loads nothing from beyond this server (its fonts are textual-serve's own files).

textual-serve prints a banner and logs every request; a user who ran `jobboard serve` wants
the address to open, and to hear about problems only. Kept apart from jobboard.cli.serve so
that listing the commands does not load aiohttp.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import click
from aiohttp import web
from textual_serve.server import Server

DEFAULT_MAX_TABS = 8
PAGE_FOLDER = Path(__file__).resolve().parent / "web_page"


class BoardServer(Server):
    """Serves ``command`` (the board's TUI) to each browser tab that opens the page with the
    token. ``url`` is the address browsers use; ``bound`` the host:port listened on, also taken
    as a Host (a proxy in front may not pass the browser's on), never as an Origin."""

    def __init__(
        self,
        command: str,
        board: Path,
        *,
        host: str,
        port: int,
        url: str,
        max_tabs: int = DEFAULT_MAX_TABS,
        bound: str | None = None,
    ) -> None:
        url = url.rstrip("/")
        super().__init__(
            command, host=host, port=port, title=f"jobboard · {board.name}", public_url=url, templates_path=PAGE_FOLDER
        )
        self.board = board
        self.max_tabs = max_tabs
        self.open_tabs: set[asyncio.Task] = set()
        self.token = secrets.token_urlsafe(32)
        self.cookie = f"jobboard-serve-{port}"  # a cookie is not told apart by port: one name each
        served = urlsplit(url)
        self.secure = served.scheme == "https"
        self.origins = {f"{served.scheme}://{served.netloc.lower()}"}
        self.hosts = {served.netloc.lower(), *([bound.lower()] if bound else [])}

    @property
    def launch_url(self) -> str:
        """The address to open: the page, with this launch's token."""
        return f"{self.public_url}/?token={self.token}"

    def initialize_logging(self) -> None:
        """Warnings and errors only, one plain line each, on stderr."""
        logging.basicConfig(level=logging.WARNING, format="jobboard serve: %(message)s")

    async def on_startup(self, app) -> None:  # noqa: ANN001 - aiohttp's web.Application
        click.echo(f"Serving {self.board} at {self.launch_url}  (Ctrl+C stops it)")

    def refusal(self, request: web.Request) -> str | None:
        """Why ``request`` may not see or drive the board (one sentence), or None."""
        if request.headers.get("Host", "").lower() not in self.hosts:
            return "this server answers only at the address jobboard serve printed."
        origin = request.headers.get("Origin")
        if origin is not None and origin.lower() not in self.origins:
            return "a page from another site may not open this board."
        given = request.query.get("token") or request.cookies.get(self.cookie) or ""
        if not secrets.compare_digest(given.encode(), self.token.encode()):
            return "open the address jobboard serve printed, with its token (the token changes at each launch)."
        return None

    def check(self, request: web.Request) -> None:
        """Refuse ``request`` (403, or 429 when every tab allowed is open) in one sentence."""
        problem = self.refusal(request)
        if problem is not None:
            raise web.HTTPForbidden(text=f"jobboard serve: {problem}\n")
        if len(self.open_tabs) >= self.max_tabs:
            raise web.HTTPTooManyRequests(
                text=f"jobboard serve: {self.max_tabs} tabs already show this board (the most at once, "
                "--max-tabs); close one, then reload this page.\n"
            )

    async def handle_index(self, request: web.Request):  # noqa: ANN201 - the template's web.Response
        """The page. Opened with the token, it keeps it in a cookie and leaves the address bar
        (and the browser's history) without it."""
        self.check(request)
        if "token" in request.query:
            rest = {key: value for key, value in request.query.items() if key != "token"}
            found = web.HTTPFound(location=str(request.rel_url.with_query(rest)))
            found.set_cookie(self.cookie, self.token, httponly=True, samesite="Strict", secure=self.secure, path="/")
            raise found
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A tab's connection (and its board), checked first, kept so that Ctrl+C can end it."""
        self.check(request)
        task = asyncio.current_task()
        if task is not None:  # aiohttp runs each handler in a task of its own
            self.open_tabs.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            if task is not None:
                self.open_tabs.discard(task)

    async def on_shutdown(self, app) -> None:  # noqa: ANN001 - aiohttp's web.Application
        """Ctrl+C: each tab's board is told to quit and its page that the session ended, at
        once; aiohttp alone would wait for every browser to hang up."""
        tabs = list(self.open_tabs)
        for task in tabs:
            task.cancel()
        await asyncio.gather(*tabs, return_exceptions=True)
