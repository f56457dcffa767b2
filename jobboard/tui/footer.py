"""The board's footer: one line of keys, the ones that cannot act right now greyed.

It shows what Textual's Footer shows, in the same colours (the theme's footer variables):
each key the screen binds with ``show=True``, in binding order, and the command palette's key
on the right. It is one widget that draws a line rather than a widget per key, so following
the selection (no move left from the first column, no draft to copy while an application
needs nothing) is a repaint of one line, not a rebuild of a score of widgets.

What it shows comes from ``screen.active_bindings``, which asks the screen's ``check_action``
about each key: a key it answers None for is greyed, and a click on it rings the bell; a click
on any other key acts as if the key were pressed. It follows the screen's bindings a frame
late, so a keystroke's own frame (the card that moved) goes out first.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

# The keys a newcomer must always find, whatever the terminal's width: drawn on the right.
PINNED = ("help", "quit")


class FooterKey(NamedTuple):
    key: str  # the key to press, as the binding (remapped or not) names it
    label: str  # the key as shown, e.g. "⇧←" or "^p"
    description: str
    enabled: bool


class BoardFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description", "footer-key--hover", "footer--separator"}
    DEFAULT_CSS = """
    BoardFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--hover {
            background: $block-hover-background;
        }
        .footer--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.keys: tuple[FooterKey, ...] = ()  # on the left, in binding order
        self.pinned: tuple[FooterKey, ...] = ()  # help and quit, on the right: never cut off
        self.palette: FooterKey | None = None  # the command palette's key, on the right
        self._places: list[tuple[int, int, FooterKey]] = []  # where each key was drawn
        self._hover: FooterKey | None = None
        self._follow_queued = False

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.follow_bindings()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen and not self._follow_queued:
            self._follow_queued = True
            self.call_after_refresh(self.follow_bindings)

    def follow_bindings(self) -> None:
        """Read the screen's keys in force; repaint only if what the footer shows changed."""
        self._follow_queued = False
        active = self.screen.active_bindings
        keys: dict[str, FooterKey] = {}  # the first key shown for each action
        pinned: dict[str, FooterKey] = {}
        for _node, binding, enabled, _tooltip in active.values():
            side = pinned if binding.id in PINNED else keys
            if binding.show and binding.action not in side:
                side[binding.action] = self._key(binding, enabled)
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            palette = self._key(binding, enabled)
            keys.pop(binding.action, None)
        shown = (tuple(keys.values()), tuple(pinned.values()), palette)
        if shown != (self.keys, self.pinned, self.palette):
            self.keys, self.pinned, self.palette = shown
            self.refresh()

    def _key(self, binding: Binding, enabled: bool) -> FooterKey:
        return FooterKey(binding.key, self.app.get_key_display(binding), binding.description, enabled)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        hover_style = self.get_component_rich_style("footer-key--hover", partial=True)

        def add(text: Text, key: FooterKey, compact: bool = False) -> tuple[int, int, FooterKey]:
            start = text.cell_len
            # Textual's Footer draws the palette's key compact: no padding around the key itself.
            text.append(key.label if compact else f" {key.label} ", key_style)
            text.append(f" {key.description} " if compact else f"{key.description} ", description_style)
            end = text.cell_len
            if key == self._hover:
                text.stylize(hover_style, start + compact, end)
            if not key.enabled:
                text.stylize("dim", start + compact, end)
            return start, end, key

        line = Text(no_wrap=True, overflow="crop", end="")
        places = [add(line, key) for key in self.keys]
        right = Text(no_wrap=True, end="")  # help, quit and the palette: shown at any width
        right_places: list[tuple[int, int, FooterKey]] = []
        if self.pinned or self.palette is not None:
            right.append("▏", self.get_component_rich_style("footer--separator"))
            right_places = [add(right, key) for key in self.pinned]
            if self.palette is not None:
                right_places.append(add(right, self.palette, compact=True))
            left = max(self.size.width - right.cell_len, 0)
            # Only whole keys on the left: a key whose name is cut off reads as another key.
            places = [place for place in places if place[1] <= left]
            line.truncate(places[-1][1] if places else 0)
            line.append(" " * (left - line.cell_len))
            places += [(left + start, left + end, key) for start, end, key in right_places]
            line.append_text(right)
        self._places = places
        return line

    def key_at(self, x: int) -> FooterKey | None:
        return next((key for start, end, key in self._places if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        event.stop()
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self.key_at(event.x))

    def on_leave(self) -> None:
        self._set_hover(None)

    def _set_hover(self, key: FooterKey | None) -> None:
        if key != self._hover:
            self._hover = key
            self.refresh()
