"""What every dialog over the board shares: centred on the screen, and `cancel` (escape, in each
dialog's own bindings) closing it with None, "nothing chosen".

Each dialog keeps its own bindings: their ids are what config.toml's [keys] remaps, so two
dialogs never share one.
"""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

Answer = TypeVar("Answer")


def form_keys(form: str) -> list[BindingType]:
    """A form's two keys: escape cancels, ctrl+s saves (ids ``<form>_cancel``, ``<form>_save``)."""
    return [
        Binding("escape", "cancel", "Cancel", id=f"{form}_cancel"),
        Binding("ctrl+s", "save", "Save", id=f"{form}_save", priority=True),
    ]


class Dialog(ModalScreen[Answer]):
    DEFAULT_CSS = "Dialog { align: center middle; }"

    def action_cancel(self) -> None:
        self.dismiss(None)
