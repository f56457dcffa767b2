"""Small things the app remembers between runs, in the state file (platformdirs' state folder):
the last theme chosen, the card order, the hints already shown.

A state file that is missing or unreadable reads as empty; one that cannot be written is left
as it was: forgetting a preference is never a reason to stop anyone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def _path(path: Path | None) -> Path:
    if path is not None:
        return path
    from jobboard.config.settings import state_path

    return state_path()


def read_state(path: Path | None = None) -> dict[str, Any]:
    try:
        data = json.loads(_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def update_state(key: str, value: Any, path: Path | None = None) -> str | None:
    """Set ``key`` (the other keys kept, written atomically); None when saved, else why not."""
    from jobboard.storage.safefile import atomic_write

    target = _path(path)
    data = read_state(target)
    data[key] = value
    try:
        atomic_write(target, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except OSError as error:
        return f"could not remember the {key} in {target}: {error.strerror or error}."
    return None


def remembered_theme(path: Path | None = None) -> str | None:
    """The theme last chosen in the app's palette, or None."""
    theme = read_state(path).get("theme")
    return theme if isinstance(theme, str) and theme.strip() else None


def remember_theme(name: str, path: Path | None = None) -> str | None:
    """Remember ``name`` for the next start; None when saved, else one sentence saying why not
    (forgetting a theme is no reason to interrupt anyone: the caller may show it or drop it)."""
    return update_state("theme", name, path)


def remembered_sort(path: Path | None = None) -> str:
    """The card order chosen last (with `s` on the board), else urgency."""
    from jobboard.core.ordering import DEFAULT_SORT, SORTS

    sort = read_state(path).get("sort")
    return sort if sort in SORTS else DEFAULT_SORT
