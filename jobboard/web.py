"""The web server behind `jobboard serve`: textual-serve's Server, saying less.

textual-serve prints a banner and logs every request; a user who ran `jobboard serve` wants
the address to open, and to hear about problems only (a tab whose board failed to start).
Kept apart from jobboard.cli.serve so that listing the commands does not load aiohttp.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import click
from textual_serve.server import Server


class BoardServer(Server):
    """Serves ``command`` (the board's TUI) to each browser tab that opens the page."""

    def __init__(self, command: str, board: Path, *, host: str, port: int, url: str) -> None:
        super().__init__(command, host=host, port=port, title=f"jobboard · {board.name}", public_url=url)
        self.board = board
        self.open_tabs: set[asyncio.Task] = set()

    def initialize_logging(self) -> None:
        """Warnings and errors only, one plain line each, on stderr."""
        logging.basicConfig(level=logging.WARNING, format="jobboard serve: %(message)s")

    async def on_startup(self, app) -> None:  # noqa: ANN001 - aiohttp's web.Application
        click.echo(f"Serving {self.board} at {self.public_url}  (Ctrl+C stops it)")

    async def handle_websocket(self, request):  # noqa: ANN001, ANN201 - aiohttp's Request and WebSocketResponse
        """A tab's connection (and its board), kept so that Ctrl+C can end it."""
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
