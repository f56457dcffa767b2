"""Hints shown once: the first session that needs one shows it, later sessions don't.

Kept in the state file beside the remembered theme (key "hints_shown"), written atomically with
the other keys kept. A state file that cannot be read or written never gets in the way: the hint
then simply shows again next time.
"""

from __future__ import annotations

from pathlib import Path

# Drafts are signed "[your name]" until [profile] name is set: how to set it.
NAME_HINT = "name_hint"


def name_hint_text(config: Path | None) -> str:
    """How to sign the drafts, naming the config file by its full path (``config``: the file
    the settings are read from, or would be; None: the platform's usual place)."""
    from jobboard.config.settings import default_config_path

    path = config or default_config_path()
    sign = 'add name = "Your Name" under [profile]'
    return f'Drafts are signed "[your name]" until you set it: {sign} in {path} (shown once).'


class OnceHints:
    """Which once-only hints to show in this session."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path  # None: the state file's usual place
        self._earlier: set[str] | None = None  # read on first use
        self._now: set[str] = set()

    def wanted(self, key: str) -> bool:
        """True if ``key`` should show now: never shown before this session. The first time
        it is asked for, it is recorded as shown."""
        from jobboard.config.state_file import read_state, update_state

        if self._earlier is None:
            shown = read_state(self.path).get("hints_shown", [])
            self._earlier = {k for k in shown if isinstance(k, str)} if isinstance(shown, list) else set()
        if key in self._earlier:
            return False
        if key not in self._now:
            self._now.add(key)
            update_state("hints_shown", sorted({*self._earlier, *self._now}), self.path)  # failing: shows again
        return True
