"""Hints shown once: the first session that needs one shows it, later sessions don't.

Kept in the state file beside the remembered theme (key "hints_shown"), written atomically with
the other keys kept. A state file that cannot be read or written never gets in the way: the hint
then simply shows again next time.
"""

from __future__ import annotations

import json
from pathlib import Path

# Drafts are signed "[your name]" until [profile] name is set: how to set it.
NAME_HINT = "name_hint"
NAME_HINT_TEXT = (
    'Drafts are signed "[your name]" until you set it: add name = "Your Name" under [profile] '
    "in config.toml (shown once)."
)


class OnceHints:
    """Which once-only hints to show in this session."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._earlier: set[str] | None = None  # read on first use
        self._now: set[str] = set()

    @property
    def path(self) -> Path:
        if self._path is None:
            from jobboard.settings import state_path

            self._path = state_path()
        return self._path

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def wanted(self, key: str) -> bool:
        """True if ``key`` should show now: never shown before this session. The first time
        it is asked for, it is recorded as shown."""
        if self._earlier is None:
            shown = self._read().get("hints_shown", [])
            self._earlier = {k for k in shown if isinstance(k, str)} if isinstance(shown, list) else set()
        if key in self._earlier:
            return False
        if key not in self._now:
            self._now.add(key)
            self._remember(key)
        return True

    def _remember(self, key: str) -> None:
        from jobboard.safefile import atomic_write

        data = self._read()
        shown = data.get("hints_shown")
        data["hints_shown"] = sorted({*(shown if isinstance(shown, list) else []), key})
        try:
            atomic_write(self.path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        except OSError:
            pass  # not remembered: it shows again next time, which is harmless
