"""Theme files' TOML, parsed once and kept for the next start.

Every start reads the theme files (the shipped ones and the user's). Importing tomllib and
parsing four files cost ~4 ms of each launch, for files that almost never change. So the
table tomllib gives for each file is kept in one small JSON file in the cache folder, under
the file's absolute path and its stat key (modification time, size, inode, device). A file
whose key has changed since, edited by the user or reinstalled, is parsed again.

A kept table is only what the parser gave: the caller checks it exactly as a freshly parsed
one (jobboard.tui.themes), so a kept table that is wrong in some way is refused the same
way, naming the theme file. A kept file that is unreadable, too large or of the wrong shape
is ignored; one that cannot be written is not written. Nothing here ever changes a theme
file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson

from jobboard.storage.safefile import atomic_write

FORMAT = 1
LARGEST_BYTES = 1024 * 1024  # a few themes' tables; a larger file is not one of ours

StatKey = list[int]  # st_mtime_ns, st_size, st_ino, st_dev (JSON has no tuples)


def _stat_key(path: Path) -> StatKey:
    st = os.stat(path)
    return [st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev]


class KeptTables:
    """The parsed tables kept at ``store`` (a JSON file), read once; ``table`` parses what is
    missing or out of date, and ``save`` writes the kept file again if anything changed."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self._tables: dict[str, dict[str, Any]] = {}
        self._changed = False
        try:
            if store.stat().st_size <= LARGEST_BYTES:
                kept = orjson.loads(store.read_bytes())
                if isinstance(kept, dict) and kept.get("format") == FORMAT and isinstance(kept.get("files"), dict):
                    self._tables = kept["files"]
        except (OSError, orjson.JSONDecodeError):
            pass

    def table(self, path: Path) -> dict[str, Any]:
        """The TOML table of ``path``. Raises OSError (unreadable), UnicodeDecodeError or
        ``tomllib.TOMLDecodeError`` as reading and parsing the file would."""
        name = os.path.abspath(path)
        key = _stat_key(path)
        entry = self._tables.get(name)
        if isinstance(entry, dict) and entry.get("key") == key and isinstance(entry.get("table"), dict):
            return entry["table"]
        import tomllib  # only for a file not parsed before: ~2 ms to import

        table = tomllib.loads(path.read_bytes().decode("utf-8"))
        if _keeps(table):
            self._tables[name] = {"key": key, "table": table}
            self._changed = True
        return table

    def save(self) -> bool:
        """Write the kept tables if a file was parsed anew; False when nothing was written."""
        if not self._changed:
            return False
        try:
            atomic_write(self.store, orjson.dumps({"format": FORMAT, "files": self._tables}))
        except OSError:
            return False
        self._changed = False
        return True


def _keeps(table: dict[str, Any]) -> bool:
    """Whether JSON gives ``table`` back as it is: not with a TOML date or time, an integer
    beyond 64 bits or a nan (such a file is parsed at every start, and checked as ever)."""
    try:
        return orjson.loads(orjson.dumps(table, option=orjson.OPT_PASSTHROUGH_DATETIME)) == table
    except TypeError:
        return False
