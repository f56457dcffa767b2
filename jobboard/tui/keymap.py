"""`[keys]` in config.toml: binding ids mapped to keys, checked before Textual gets them.

A key Textual could never receive (a typo, "ctrl+shift+banana") is refused and the default
stays; a key another action already uses is given to the one remapped, and the action that
loses it is named, so nothing changes without a word.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from textual.binding import Binding
from textual.keys import KEY_NAME_REPLACEMENTS, Keys, key_to_character

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
        # A name stands for a named key (f5, pageup) or a character a keyboard types as one key
        # ("question_mark"); Textual also looks up any Unicode name ("banana"), never typed so.
        character = key_to_character(last.lower())
        if last.lower() not in _NAMED_KEYS and not (character and character.isascii()):
            return f"'{key}' is not a key name (use e.g. ctrl+l, f5, pageup, question_mark or one character)"
    return None


def key_name(key: str) -> str:
    """One key as Textual names it in a binding: "?" is "question_mark", "ctrl+/" "ctrl+slash"."""
    *modifiers, last = key.strip().split("+")
    if len(last) == 1 and not last.isalnum():
        try:
            last = unicodedata.name(last).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            last = {"\t": "tab"}.get(last, last)
        last = KEY_NAME_REPLACEMENTS.get(last, last)
    return "+".join([*(m.lower() for m in modifiers), last])


def _keys_of(keys: str) -> list[str]:
    return [key_name(key) for key in keys.split(",") if key.strip()]


def checked_keymap(wanted: dict[str, str], bindings: Iterable[Binding]) -> tuple[dict[str, str], list[str]]:
    """The usable part of ``wanted`` and one problem per entry that is not (unknown id, bad key),
    then one per key a remap takes from another action, naming that action."""
    defaults: dict[str, list[str]] = {}
    for binding in bindings:
        if binding.id:
            defaults.setdefault(binding.id, []).extend(_keys_of(binding.key))
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in wanted.items():
        if binding_id not in defaults:
            problems.append(f"[keys] {binding_id}: no such action; known: {', '.join(sorted(defaults))}")
            continue
        problem = key_problem(keys)
        if problem:
            problems.append(f'[keys] {binding_id} = "{keys}": {problem}; the default key stays')
            continue
        keymap[binding_id] = keys
    final = {binding_id: _keys_of(keymap.get(binding_id, "")) or keys for binding_id, keys in defaults.items()}
    for binding_id in keymap:
        for other, other_keys in final.items():
            lost = [key for key in final[binding_id] if key in other_keys]
            if other == binding_id or not lost or (other in keymap and other < binding_id):
                continue  # two remaps onto one key are named once, for the pair
            left = [key for key in other_keys if not any(key in final[r] for r in keymap if r != other)]
            what = f"which keeps {', '.join(left)}" if left else "which now has no key (give it one under [keys])"
            remap = f'[keys] {binding_id} = "{keymap[binding_id]}"'
            problems.append(f"{remap} takes {', '.join(lost)} from {other}, {what}")
    return keymap, problems
