"""The board's first paint loads only what the first screen needs (docs/architecture.md, "How
the parts work together").

In a fresh interpreter, as `jobboard` starts: the CLI module, then the app on a board, until
its first frame is out; then ``sys.modules`` says what was imported. The script commands, the
importer, the exporters, the mail reader, the palette's providers, the dialogs, TinyDB,
icalendar, textual-serve and httpx load on first use.
Nothing here is timed (bench/startup.py measures the start).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

NOT_AT_FIRST_PAINT = (
    "jobboard.cli.cards",  # the script commands' options (add, list, show, move, delete, log)
    "jobboard.cli.next",
    "jobboard.formats.importing",  # the importer
    "jobboard.formats.export",  # the exporters
    "jobboard.formats.mail",  # the mail reader (M, `jobboard inbox`)
    "jobboard.core.reading",
    "jobboard.capture",  # a posting read from the web
    "jobboard.web",  # `jobboard serve`
    "jobboard.tui.commands",  # the palette's providers
    "jobboard.tui.dialog",  # what every dialog shares, and the paste box (M)
    "jobboard.tui.paste_mail",
    "jobboard.tui.keymap",  # config.toml's [keys], when it has them
    "textual.system_commands",
    "tinydb",  # the store's tables, made for the first change (jobboard.storage.board_tables)
    "icalendar",
    "textual_serve",
    "httpx",
)

FIRST_PAINT = textwrap.dedent(
    """
    import asyncio, json, sys
    from pathlib import Path

    import jobboard.cli.main  # what the command loads before it opens the board
    import jobboard.tui.app
    from jobboard.config.settings import Settings
    from jobboard.storage.store import BoardStore
    from jobboard.tui.app import JobBoardApp


    class AtFirstPaint(JobBoardApp):
        \"\"\"Notes sys.modules right after the first frame, in the app's own thread, before the
        callbacks that follow it (the steps, the writer's preparing) start other work.\"\"\"

        CSS_PATH = str(Path(jobboard.tui.app.__file__).with_name(JobBoardApp.CSS_PATH))
        modules = None

        def on_mount(self):  # Textual calls JobBoardApp.on_mount after this one
            self.call_after_refresh(self.note_modules)

        def note_modules(self):
            self.modules = sorted(sys.modules)


    async def first_paint():
        app = AtFirstPaint(BoardStore(sys.argv[1]), Settings())
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(1000):
                if app.modules is not None and app.preload.first_paint.is_set():
                    break
                await pilot.pause()
            shown = app.preload.first_paint.is_set() and (app.first_look is not None or app.loaded)
            return shown, app.modules or []


    shown, modules = asyncio.run(first_paint())
    print(json.dumps({"shown": shown, "modules": modules}))
    """
)


def modules_at_first_paint(board: Path) -> tuple[bool, set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(board)], capture_output=True, text=True, timeout=120, check=True
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    return found["shown"], set(found["modules"])


def test_the_first_paint_imports_none_of_what_later_keys_and_commands_need(demo_board):
    shown, modules = modules_at_first_paint(demo_board)
    assert shown, "the board's first paint never came"
    assert "jobboard.tui.board_screen" in modules and "textual" in modules  # it did open the board
    loaded_early = [name for name in NOT_AT_FIRST_PAINT if name in modules]
    assert loaded_early == []


def test_a_start_after_the_first_reads_the_theme_files_kept_parsed_without_tomllib(demo_board):
    """The theme files' tables are kept from the first start (jobboard.config.kept_tables)."""
    shown, first = modules_at_first_paint(demo_board)
    assert shown and "tomllib" in first  # nothing was kept yet: the files were parsed
    shown, again = modules_at_first_paint(demo_board)
    assert shown and "jobboard.tui.board_screen" in again
    assert "tomllib" not in again
