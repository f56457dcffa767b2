"""The board's footer: Textual's Footer, greyed in place instead of rebuilt.

The board greys out the keys that cannot act on the selected card (no move left from the first
column, no draft to copy while an application needs nothing). Which keys are greyed changes on
most card moves, and Textual's Footer answers every such change by rebuilding all its keys: a
mount and a restyle of a score of widgets plus a layout pass, which cost more than the rest of a
move. When the footer would show the same keys as now, this one only flips their greyed look;
any other change (a remapped key, another screen's keys) rebuilds as usual.

Building the keys is also made cheaper, which shows at launch: the screen announces its keys
more than once while it starts, and each announcement used to queue a rebuild of its own; and
every new key restyled itself twice (Textual's keys start compact and are then told they are
not), a full stylesheet match per key and per change. Here one rebuild is queued at a time, and
each key is made with the footer's compactness already set, so it is styled once, when mounted.

The footer follows a change of bindings a frame late, working out every binding's state once:
a keystroke's own frame (the card that moved) goes out first.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class BoardFooter(Footer):
    _rebuild_queued = False
    _follow_queued = False

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            # The keys bound to the footer's compactness (all but the palette key, which keeps
            # its own) take it now instead of on mount.
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    async def recompose(self) -> None:
        self._rebuild_queued = False  # the rebuild reads the keys as they are when it runs
        await super().recompose()

    def bindings_changed(self, screen: Screen) -> None:
        # After the frame that shows the keystroke: the keys' look follows a frame later,
        # and working out every binding's state no longer delays the card that moved.
        if not self._follow_queued and not self._rebuild_queued:
            self._follow_queued = True
            self.call_after_refresh(self._follow_bindings, screen)

    def _follow_bindings(self, screen: Screen) -> None:
        self._follow_queued = False
        if self._rebuild_queued:
            return
        keys = list(self.query_children(FooterKey))
        if self._bindings_ready and keys and screen is self.screen:
            active = screen.active_bindings  # works out every binding's state: once here
            if self._same_keys(active, keys):
                for key in keys:
                    disabled = not active[key.key][2]
                    if disabled != key._disabled:
                        key._disabled = disabled  # what a click on the key checks before acting
                        # The dim look as an inline style: a class change restyles the key and
                        # repaints every key of the row, a style of its own repaints just this one.
                        key.styles.text_style = "dim" if disabled else "none"
                return
        super().bindings_changed(screen)
        # What Footer.bindings_changed checks before it queues a rebuild.
        self._rebuild_queued = screen.app.app_focus and self.is_attached and screen is self.screen

    def _same_keys(self, active: dict, keys: list[FooterKey]) -> bool:
        """Would a rebuild show these keys, in this order, with these labels?"""
        first_per_action: dict[str, tuple[str, str]] = {}
        for _node, binding, _enabled, _tooltip in active.values():
            if binding.show:
                first_per_action.setdefault(binding.action, (binding.key, binding.description))
        wanted = [(action, key, description) for action, (key, description) in first_per_action.items()]
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            wanted.append((palette[1].action, palette[1].key, palette[1].description))
        return [(k.action, k.key, k.description) for k in keys] == wanted
