"""A script that runs jobboard as the installed command does and notes, as each watched module is
first imported, whether Python's cycle collector is working or resting (cli/launch.py,
tui/tuning.py), and with ``frozen`` whether it leaves objects out (``gc.freeze``). Run as
``python -c SCRIPT NOTE_FILE ARGS...``: the note is one line per module."""

from __future__ import annotations


def collector_note_script(watched: tuple[str, ...], *, frozen: bool = False) -> str:
    return f"""
import gc, sys
from importlib.abc import MetaPathFinder

NOTE = sys.argv[1]
WATCHED = {watched!r}
FROZEN = {frozen!r}


class NoteTheCollector(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in WATCHED:
            with open(NOTE, "a") as note:
                frozen = ", frozen" if FROZEN and gc.get_freeze_count() else ""
                note.write(f"{{name}} {{'working' if gc.isenabled() else 'resting'}}{{frozen}}\\n")
        return None  # the import itself goes on as usual


sys.meta_path.insert(0, NoteTheCollector())
sys.argv = ["jobboard", *sys.argv[2:]]
from jobboard.cli.launch import run

run()
"""
