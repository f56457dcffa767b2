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
    # Tab and shift+tab move between fields as soon as they arrive, in order with the keys
    # around them. As Textual's ordinary (screen) bindings they would run only once the field
    # had taken every key already sent to it, so a fast burst ("Newco", tab, "Platform
    # Engineer") would put the role into the company box. Priority bindings run before Textual
    # hands the next key to whichever field has focus.
    BINDINGS = [
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True, id="next_field"),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True, id="previous_field"),
    ]
    DEFAULT_CSS = "Dialog { align: center middle; }"

    def action_cancel(self) -> None:
        self.dismiss(None)
