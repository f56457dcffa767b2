"""`[keys]` in config.toml: binding ids mapped to keys, checked before Textual gets them."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.keys import Keys, key_to_character

MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
_NAMED_KEYS = {key.value for key in Keys}


def key_problem(keys: str) -> str | None:
    """Why ``keys`` (e.g. "ctrl+l" or "x,ctrl+x") is not a key Textual knows, or None."""
    for key in keys.split(","):
        key = key.strip()
        if not key:
            return "an empty key"
        *modifiers, last = key.split("+")
        if not last:
            return f"'{key}' ends without a key"
        unknown = [m for m in modifiers if m.lower() not in MODIFIERS]
        if unknown:
            return f"'{unknown[0]}' in '{key}' is not a modifier (use ctrl, shift, alt, meta or super)"
        if len(last) == 1:  # a character: printable ones are keys, others have names
            if last.isprintable():
                continue
            return f"'{key}' is not a key name (write the key's name, e.g. tab or escape)"
        if last.lower() not in _NAMED_KEYS and key_to_character(last.lower()) is None:
            return f"'{key}' is not a key name"
    return None


def checked_keymap(wanted: dict[str, str], bindings: Iterable[Binding]) -> tuple[dict[str, str], list[str]]:
    """The usable part of ``wanted`` and one problem per entry that is not (unknown id, bad key)."""
    known = {binding.id for binding in bindings if binding.id}
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in wanted.items():
        if binding_id not in known:
            problems.append(f"[keys] {binding_id}: no such action; known: {', '.join(sorted(known))}")
            continue
        problem = key_problem(keys)
        if problem:
            problems.append(f'[keys] {binding_id} = "{keys}": {problem}; the default key stays')
            continue
        keymap[binding_id] = keys
    return keymap, problems
