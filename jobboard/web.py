"""The web server behind `jobboard serve`: textual-serve's Server, saying less.

textual-serve prints a banner and logs every request; a user who ran `jobboard serve` wants
the address to open, and to hear about problems only (a tab whose board failed to start).
Kept apart from jobboard.cli_serve so that listing the commands does not load aiohttp.
"""

from __future__ import annotations

import logging
from pathlib import Path

import click
from textual_serve.server import Server


class BoardServer(Server):
    """Serves ``command`` (the board's TUI) to each browser tab that opens the page."""

    def __init__(self, command: str, board: Path, *, host: str, port: int, url: str | None) -> None:
        from jobboard.cli_serve import page_url

        title = f"jobboard · {board.name}"
        super().__init__(command, host=host, port=port, title=title, public_url=url or page_url(host, port))
        self.board = board

    def initialize_logging(self) -> None:
        """Warnings and errors only, one plain line each, on stderr."""
        logging.basicConfig(level=logging.WARNING, format="jobboard serve: %(message)s")

    async def on_startup(self, app) -> None:  # noqa: ANN001 - aiohttp's web.Application
        click.echo(f"Serving {self.board} at {self.public_url}  (Ctrl+C stops it)")
