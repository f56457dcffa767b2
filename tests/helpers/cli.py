"""The command line run in-process through click's CliRunner: (exit status, stdout, stderr).

An exception the CLI does not turn into one line is raised in the test (``catch_exceptions=False``):
a traceback is a failure, never an exit status of 1.
"""

from __future__ import annotations

from click.testing import CliRunner

from jobboard.cli.main import cli


def run_cli(*argv: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    """``jobboard ARGV...`` in this process, with ``stdin`` as its standard input."""
    result = CliRunner().invoke(cli, list(argv), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def recorded_when_applied(board_path) -> None:
    """Date every card's ``created`` stamp on its applied day, as on a board kept through the
    hunt (a card added today with an old date has its late steps due today instead:
    docs/rules.md, "The day it was recorded")."""
    import pendulum

    from jobboard.storage.store import BoardStore

    store = BoardStore(board_path)
    for card in store.applications():
        day = card.applied_on
        store.update(card.id, lambda app, day=day: app.copy(created=pendulum.datetime(day.year, day.month, day.day, 9)))
