"""What every dialog over the board shares: centred on the screen, and `cancel` (escape, in each
dialog's own bindings) closing it with None, "nothing chosen".

Each dialog keeps its own bindings: their ids are what config.toml's [keys] remaps, so two
dialogs never share one.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

Answer = TypeVar("Answer")


class Dialog(ModalScreen[Answer]):
    DEFAULT_CSS = "Dialog { align: center middle; }"

    def action_cancel(self) -> None:
        self.dismiss(None)
