"""Held keys come through in the order they were typed, even when the terminal sends more
while the held ones are on their way (the large-board e2e test once saw "q" overtake "enter"
in the interview dialog and land in its date box)."""

from __future__ import annotations

from textual import events

from jobboard.tui.held_keys import HeldKeys


class Queue:
    """The app's message queue, as far as held keys see it."""

    def __init__(self) -> None:
        self.messages: list[events.Key] = []

    def post_message(self, message: events.Key) -> bool:
        self.messages.append(message)
        return True


def handled(keys: HeldKeys, queue: Queue) -> list[str]:
    """Take the queue in order, as the app does; the keys that went on, by name."""
    through = []
    while queue.messages:
        key = queue.messages.pop(0)
        if not keys.hold(queue, key):  # type: ignore[arg-type]  # the queue stands in for the app
            through.append(key.key)
    return through


def test_a_key_sent_while_held_keys_are_on_their_way_waits_behind_them():
    keys, queue = HeldKeys(), Queue()
    assert keys.hold(queue, events.Key("enter", "\r"))  # type: ignore[arg-type]
    queue.post_message(events.Key("q", "q"))  # from the terminal, before the release
    keys.release(queue)  # type: ignore[arg-type]  # enter goes to the back, behind q
    assert handled(keys, queue) == ["enter", "q"]


def test_keys_go_straight_on_once_the_held_ones_are_through():
    keys, queue = HeldKeys(), Queue()
    for name in "ab":
        keys.hold(queue, events.Key(name, name))  # type: ignore[arg-type]
    keys.release(queue)  # type: ignore[arg-type]
    assert handled(keys, queue) == ["a", "b"]
    assert not keys.hold(queue, events.Key("c", "c"))  # type: ignore[arg-type]


def test_nothing_is_held_by_keys_that_never_waited():
    keys = HeldKeys(holding=False)
    assert not keys.hold(Queue(), events.Key("x", "x"))  # type: ignore[arg-type]
