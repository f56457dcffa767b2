"""What every `jobboard` command shares: the Session (board path, settings, store, made on demand),
its pass decorator, the date parameter, the archive options and ``say``.

Kept apart from cli/main.py (the group and the commands on one card) so that a command module
imports these and never the group: the group names its commands ("module:attr") and imports a
module only when its command is asked for.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator
from pathlib import Path

import click

from jobboard.config.settings import Settings, board_path, config_path, load_settings
from jobboard.core.model import Application, today
from jobboard.formats.printable import many_lines
from jobboard.storage.store import BoardError, BoardStore


def say(text: str = "", *, err: bool = False) -> None:
    """``click.echo`` for a person at a terminal: what a board holds (typed, imported, synced)
    may carry escape sequences, so every control character but the line break is made a space
    (jobboard.formats.printable). Data for a program (JSON, exports) is printed by its own
    command, exactly."""
    click.echo(many_lines(text), err=err)


class UserDate(click.ParamType):
    """YYYY-MM-DD, or today / yesterday / 3 days ago / 2 weeks ago / last monday / in 3 days."""

    name = "date"

    def convert(self, value, param, ctx):  # noqa: ANN001 - click's signature
        import pendulum

        if isinstance(value, pendulum.Date):
            return value
        from jobboard.core.dates import parse_user_date

        try:
            return parse_user_date(value, today())
        except ValueError as error:
            self.fail(str(error), param, ctx)


DATE = UserDate()


class Session:
    """What every command needs: the board path, the settings and the store, made on demand."""

    def __init__(self, db: str | os.PathLike[str] | None, config: Path | None, theme: str | None) -> None:
        self.board_path = checked_board_path(board_path(db))
        self._config_option = config
        self.theme = theme
        self._settings: Settings | None = None
        self._store: BoardStore | None = None

    @functools.cached_property
    def config_path(self) -> Path:
        return config_path(self._config_option)  # platformdirs is imported only if it is asked for

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config_path)
        return self._settings

    @property
    def store(self) -> BoardStore:
        if self._store is None:
            self._store = BoardStore(self.board_path)
        return self._store

    def applications(self, view: str | None = None) -> list[Application]:
        """The board's applications in ``view``: None (the active ones: archived cards are put
        away), "archived" (only those) or "all"."""
        return [a for a in self.store.applications() if in_view(a.archived, view)]

    def status(self, value: str) -> str:
        """The status a word names (jobboard.core.statuses: any status, shown as a column or
        not, or a synonym), or a usage error listing them."""
        from jobboard.core.model import ALL_STATUSES
        from jobboard.core.statuses import status_of

        try:
            return status_of(value)
        except ValueError as error:
            raise click.BadParameter(f"{error}; use one of: {', '.join(ALL_STATUSES)}", param_hint="STATUS") from None


def in_view(archived: bool, view: str | None) -> bool:
    """Is a card archived or not (``archived``) shown in ``view`` (see Session.applications)?"""
    return view == "all" or archived == (view == "archived")


def archive_options(function):  # noqa: ANN001, ANN201 - a click command
    """--archived (only the archived applications) and --all (archived ones too)."""
    function = click.option("--all", "view", flag_value="all", help="Archived applications too.")(function)
    return click.option("--archived", "view", flag_value="archived", help="Only the archived applications.")(function)


def checked_board_path(path: Path) -> Path:
    """The file every command works on: for a symlink, the file it leads to (so its lock,
    temporary files and backups sit beside the real file); refused at once when it is not a
    regular file (a FIFO would hang a read, /dev/zero never ends)."""
    from jobboard.storage.safefile import FileRefused, check_regular, real_file

    try:
        check_regular(path)
    except FileRefused as error:
        raise BoardError(f"{error}; choose a board file with --db or $JOBBOARD_DB.") from error
    return real_file(path)


pass_session = click.make_pass_decorator(Session)


class CardCommands(click.Group):
    """Commands on one card's people or events (`people add ID NAME`, `events edit ID N`), where
    a first word that is no command is the card's ID: `people ID` is `people list ID`, as 0.1
    spelled it (its old options, such as ``people ID --add NAME``, are read by `list`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args:
            raise click.UsageError(f"give the application's ID: `jobboard {self.name} ID` lists its {self.name}", ctx)
        return super().parse_args(ctx, args)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "list", self.commands["list"], args
        return super().resolve_command(ctx, args)


@contextlib.contextmanager
def old_spelling(old: str, new: str, command: click.Command) -> Iterator[None]:
    """``with old_spelling(...):`` around a 0.1 spelling of a command, which still works for one
    more release: first the line that says the new spelling; then, if what it was given is
    refused, the help the error points to is the new ``command``'s (`jobboard people add
    --help`), not that of the command the old spelling went through (`people list`)."""
    say(f"jobboard: `{old}` is now `{new}`; the old spelling goes in the next release.", err=True)
    try:
        yield
    except click.UsageError as error:
        through = click.get_current_context()
        error.ctx = click.Context(command, info_name=command.name, parent=through.parent)
        raise
