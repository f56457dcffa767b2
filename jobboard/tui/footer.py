"""The board's footer: Textual's Footer, greyed in place instead of rebuilt.

The board greys out the keys that cannot act on the selected card (no move left from the first
column, no draft to copy while an application needs nothing). Which keys are greyed changes on
most card moves, and Textual's Footer answers every such change by rebuilding all its keys: a
mount and a restyle of a score of widgets plus a layout pass, which cost more than the rest of a
move. When the footer would show the same keys as now, this one only flips their greyed look;
any other change (a remapped key, another screen's keys) rebuilds as usual.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class BoardFooter(Footer):
    def bindings_changed(self, screen: Screen) -> None:
        keys = list(self.query_children(FooterKey))
        if self._bindings_ready and keys and screen is self.screen and self._same_keys(screen, keys):
            active = screen.active_bindings
            for key in keys:
                disabled = not active[key.key][2]
                if disabled != key._disabled:
                    key._disabled = disabled  # what a click on the key checks before acting
                    # The dim look as an inline style: a class change restyles the key and
                    # repaints every key of the row, a style of its own repaints just this one.
                    key.styles.text_style = "dim" if disabled else "none"
            return
        super().bindings_changed(screen)

    def _same_keys(self, screen: Screen, keys: list[FooterKey]) -> bool:
        """Would a rebuild show these keys, in this order, with these labels?"""
        first_per_action: dict[str, tuple[str, str]] = {}
        for _node, binding, _enabled, _tooltip in screen.active_bindings.values():
            if binding.show:
                first_per_action.setdefault(binding.action, (binding.key, binding.description))
        wanted = [(action, key, description) for action, (key, description) in first_per_action.items()]
        palette = screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            wanted.append((palette[1].action, palette[1].key, palette[1].description))
        return [(k.action, k.key, k.description) for k in keys] == wanted
