"""The board's first read, in a thread of its own started while Textual starts up.

Two steps. First the file is parsed and the first look taken (the counts and the top cards of
each column, see jobboard.storage.first_look), which the first paint shows. Then, once that paint is
done, every entry is checked and built: the whole board, which replaces the first look. The
second step waits for the paint because it competes with the UI thread for the interpreter.

On a large board the first look is the one kept when the board was last closed
(jobboard.storage.kept_look), or the CLI has a child process take it (jobboard.storage.look_ahead)
before it imports Textual; the look comes from either when it has one, and the full read parses
the file itself.
"""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from jobboard.core.model import Application
from jobboard.storage.first_look import FirstLook, built_look
from jobboard.storage.store import BoardStore

if TYPE_CHECKING:
    from jobboard.storage.kept_look import KeptLook
    from jobboard.storage.look_ahead import LookAhead

FIRST_PAINT_WAIT_SECONDS = 2.0  # the full read waits at most this long for the first paint
LOOK_AHEAD_WAIT_SECONDS = 1.0  # and the first look for the child process taking it


class BoardPreload:
    def __init__(
        self, store: BoardStore, columns: Sequence[str], per_column: int, ahead: LookAhead | KeptLook | None = None
    ) -> None:
        self.store = store
        self.ahead = ahead
        self.columns = tuple(columns)
        self.per_column = per_column
        self.first_look: concurrent.futures.Future[FirstLook | None] = concurrent.futures.Future()
        self.board: concurrent.futures.Future[list[Application]] = concurrent.futures.Future()
        self.first_paint = threading.Event()  # set by the app once the first look is on screen
        threading.Thread(target=self._read, name="board preload", daemon=True).start()

    def _look_ahead(self) -> FirstLook | None:
        """The first look from the child process, if there is one and it picked enough."""
        ahead = self.ahead
        if ahead is None or not set(self.columns) <= set(ahead.statuses) or ahead.cards < self.per_column:
            return None
        top = ahead.top(LOOK_AHEAD_WAIT_SECONDS)
        return None if top is None else built_look(top, self.columns, self.per_column)

    def take_board(self, timeout: float | None = None) -> list[Application]:
        """The whole board, handed over to the app (or the error its read met). The preload
        lets go of it (its future holds an empty list from then on): a board read again
        after a change on disk would otherwise sit in memory beside this first one for as
        long as the app runs."""
        applications = self.board.result(timeout)
        self.board = concurrent.futures.Future()
        self.board.set_result([])
        return applications

    def _read(self) -> None:
        look = self._look_ahead()
        if look is None:
            try:
                look = self.store.first_look(self.columns, self.per_column)
            except BaseException:  # noqa: BLE001 - the full read below meets the same problem and reports it
                look = None
        self.first_look.set_result(look)
        if self.ahead is not None:
            self.ahead.close()
        if look is not None:
            self.first_paint.wait(FIRST_PAINT_WAIT_SECONDS)
        try:
            self.board.set_result(self.store.applications())
        except BaseException as error:  # handed to the writer, which reports it
            self.board.set_exception(error)
