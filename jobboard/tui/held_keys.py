"""Keys that wait, in order, until what they are meant for is ready, then are typed again.

The app holds keys pressed while the first look shows (nothing acts on a board not fully read)
and while a card just saved in the form is being added (they act on that card, not the one
selected before);
a dialog holds those typed before its cursor is in its first field, and those typed behind a
key whose binding runs only once it has come back up from a field (enter, ctrl+s, escape) until
that binding has run (tui/dialog.py). Keys typed again join the
back of the app's queue, so a key the terminal sent meanwhile would overtake them ("enter"
then "q" becoming "q" then "enter"): until every key sent again has come through, newer keys
wait behind them too.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App


class HeldKeys:
    def __init__(self, *, holding: bool = True) -> None:
        self.holding = holding  # until release()
        self.waiting: list[events.Key] = []
        self.sent: list[events.Key] = []  # typed again, not yet come through
        self._held_again = 0  # sent keys held once more (hold()), at the front of waiting

    def hold(self, app: App[Any], key: events.Key) -> bool:
        """True when the key waits (it will be typed again); False when it goes on now."""
        if key.is_forwarded:  # back from what had focus before (the board, as "n" opened a form)
            if self.holding:
                self.waiting.append(key)
            return self.holding
        for index, sent in enumerate(self.sent):
            if sent is key:
                del self.sent[index]
                if self.holding:  # holding again since it was sent (a dialog's key before it)
                    # Older than every key that arrived meanwhile: it waits ahead of them.
                    self.waiting.insert(self._held_again, key)
                    self._held_again += 1
                    return True
                if not self.sent:
                    self._send(app)  # what arrived while these were on their way
                return False
        if self.holding or self.sent:
            self.waiting.append(key)
            return True
        return False

    def passed(self, app: App[Any], key: events.Key) -> None:
        """``key`` reached another screen: one typed again that another screen opened in front
        of ("ctrl+p" then "x" behind a dialog's enter: the palette takes the "x"). It no longer
        waits to come through here, or every later key would wait behind it."""
        for index, sent in enumerate(self.sent):
            if sent is key:
                del self.sent[index]
                if not self.sent and not self.holding:
                    self._send(app)
                return

    def hold_again(self) -> None:
        """Hold the keys that come from now on, until release() (a card being added)."""
        self.holding = True

    def release(self, app: App[Any]) -> None:
        self.holding = False
        if not self.sent:
            self._send(app)

    def _send(self, app: App[Any]) -> None:
        waiting, self.waiting, self._held_again = self.waiting, [], 0
        for key in waiting:
            # Sent as the app's, as the terminal's keys are: a key made by a screen would count
            # that screen as its sender and stop bubbling there, before the app runs the
            # focused field's own bindings (an Input's enter, which submits).
            again = events.Key(key.key, key.character).set_sender(app)
            if app.post_message(again):  # False once the app is closing: nothing to wait for
                self.sent.append(again)
