"""The `jobboard` command: the board (TUI) by default, and a command for everything a script needs.

Only `jobboard` (no command) and `jobboard demo` import the TUI, so every other command starts
fast and never loads textual. Every error a user can cause is one line on stderr: exit status 2
for a usage error, 1 for anything else, and the board file untouched.

Starting fast matters for scripts that call jobboard in a loop, and on a small machine most of
a command's time is spent importing: so each command imports what it uses when it runs (dates
and the rules, the settings, the commands kept in other modules), not when this module loads.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from jobboard import __version__
from jobboard.cli.session import Session, pass_session, say
from jobboard.config.settings import SettingsError
from jobboard.core.model import today
from jobboard.core.validation import Refused
from jobboard.formats.printable import one_line
from jobboard.storage.store import BoardError, BoardStore

if TYPE_CHECKING:
    from jobboard.storage.kept_look import KeptLook
    from jobboard.storage.look_ahead import LookAhead
    from jobboard.tui.app import JobBoardApp
    from jobboard.tui.tuning import Tuning

# The commands kept in other modules, as "module:attr": each module is imported only when its
# command is asked for (click's lazy group, as its documentation shows it).
LAZY_COMMANDS: dict[str, str] = {
    "add": "jobboard.cli.cards:add",
    "list": "jobboard.cli.cards:list_applications",
    "show": "jobboard.cli.cards:show",
    "move": "jobboard.cli.cards:move",
    "delete": "jobboard.cli.cards:delete",
    "log": "jobboard.cli.cards:log",
    "next": "jobboard.cli.next:next_steps",
    "export": "jobboard.cli.export:export_board",
    "import": "jobboard.cli.export:import_file",
    "stats": "jobboard.cli.export:stats",
    "backups": "jobboard.cli.data:list_backups",
    "restore": "jobboard.cli.data:restore",
    "themes": "jobboard.cli.themes:themes",
    "people": "jobboard.cli.people:people",
    "draft": "jobboard.cli.people:draft",
    "offer": "jobboard.cli.offer:offer",
    "archive": "jobboard.cli.archive:archive",
    "unarchive": "jobboard.cli.archive:unarchive",
    "events": "jobboard.cli.events:events",
    "serve": "jobboard.cli.serve:serve",
    "inbox": "jobboard.cli.inbox:inbox",
}


class LazyGroup(click.Group):
    """A click group whose commands in other modules load on first use, so `jobboard add` does
    not import what `jobboard export` needs. Listing the commands (help, completion, a mistyped
    name's suggestions) needs only their names; help's one-line summaries import them."""

    def __init__(self, *args: Any, lazy_commands: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_commands:
            module_name, attr = self.lazy_commands[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attr)
            if not isinstance(command, click.Command):
                raise TypeError(f"{self.lazy_commands[cmd_name]} is not a click command")
            return command
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.NoSuchCommand as error:  # suggest from every command, loaded or not
            raise click.NoSuchCommand(
                error.command_name, possibilities=self.list_commands(ctx), ctx=error.ctx
            ) from None

    def main(  # one signature for both of click's overloads: it always exits
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> NoReturn:
        """Run the CLI, turning every error a user can cause into one line on stderr and an exit
        status (2 for a usage error, 1 for the rest), whatever ``standalone_mode`` says; click's
        CliRunner runs exactly this."""
        try:
            result = super().main(args, prog_name or "jobboard", complete_var, standalone_mode=False, **extra)
        except click.exceptions.Abort:
            say("jobboard: aborted.", err=True)
            sys.exit(1)
        except click.ClickException as error:
            report_usage_error(error, sys.argv[1:] if args is None else list(args))
        except (BoardError, SettingsError) as error:
            say(f"jobboard: {one_line(str(error))}", err=True)
            sys.exit(1)
        except Refused as error:  # a date or change refused by jobboard.core.validation / timeline
            say(f"jobboard: {error}; the board is unchanged.", err=True)
            sys.exit(1)
        except BrokenPipeError:
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


@click.group(
    cls=LazyGroup,
    lazy_commands=LAZY_COMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--db", type=click.Path(dir_okay=False), envvar="JOBBOARD_DB", help="Board file (or $JOBBOARD_DB).")
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="JOBBOARD_CONFIG",
    help="config.toml (or $JOBBOARD_CONFIG).",
)
@click.option("--theme", help="Theme to open the board with (see `jobboard themes`).")
@click.version_option(__version__, prog_name="jobboard")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config: Path | None, theme: str | None) -> None:
    """A keyboard-first kanban for your job hunt. With no command, opens the board."""
    if db == "":
        raise click.BadParameter("give the board file's path, not an empty string", param_hint="'--db'")
    ctx.obj = Session(db, config, theme)
    if ctx.invoked_subcommand is None:
        run_board(ctx.obj, ctx.obj.store)


def run_board(session: Session, store: BoardStore, columns: Sequence[str] | None = None) -> None:
    from jobboard.core.model import ALL_STATUSES
    from jobboard.storage.kept_look import KeptLook
    from jobboard.storage.look_ahead import LookAhead, cards_to_look_at

    # A large board's first look is the one kept when it was last closed, if the file is as it
    # was then (jobboard.storage.kept_look); else a child process takes it, on another core,
    # while this one loads the settings and Textual (jobboard.storage.look_ahead).
    cards = cards_to_look_at()
    look_ahead = KeptLook.load(store.path, ALL_STATUSES, cards) or LookAhead.start(store.path, ALL_STATUSES, cards)
    from jobboard.tui.tuning import Tuning  # gc and sys only: Textual is not imported yet

    # The collector rests from here, so importing Textual and the app is not walked by it
    # either (tui/tuning.py); the app lets it work again once the board is on screen.
    with Tuning() as tuning:
        try:
            app = _board_app(session, store, tuple(columns or session.settings.columns), look_ahead, tuning)
        except BaseException:
            if look_ahead is not None:
                look_ahead.close()
            raise
        app.run()
    if app.return_code:
        sys.exit(app.return_code)


def _board_app(
    session: Session,
    store: BoardStore,
    columns: tuple[str, ...],
    look_ahead: LookAhead | KeptLook | None,
    tuning: Tuning,
) -> JobBoardApp:
    from jobboard.cli.themes import theme_in_force

    # Themes are resolved before the terminal is taken over, so a wrong name is one plain line.
    chosen, loaded, problems = theme_in_force(session)

    from jobboard.tui.app import JobBoardApp  # the only place the TUI is imported

    return JobBoardApp(
        store,
        session.settings,
        columns=columns,
        theme=chosen,
        themes=loaded,
        theme_problems=problems,
        look_ahead=look_ahead,
        tuning=tuning,
    )


@cli.command()
@pass_session
def demo(session: Session) -> None:
    """Open the board on a sample job hunt in a temporary file (your board is not touched)."""
    import shutil
    import tempfile

    from jobboard.core.demo import demo_builds

    folder = Path(tempfile.mkdtemp(prefix="jobboard-demo-"))
    try:
        store = BoardStore(folder / "board.json")
        store.add_many(demo_builds(today()))
        # The demo shows the optional Wishlist column too, so every kind of advice appears.
        columns = ("wishlist", *[c for c in session.settings.columns if c != "wishlist"])
        from jobboard.core.model import ALL_STATUSES

        run_board(session, store, tuple(s for s in ALL_STATUSES if s in columns))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: the CLI with ``argv`` (default: the command line); exits with its status."""
    cli.main(args=argv)


def report_usage_error(error: click.ClickException, args: list[str]) -> None:
    """One line on stderr for a usage error, then its exit status (2)."""
    if isinstance(error, click.NoSuchOption) and re.fullmatch(r"-\d", error.option_name):
        # `show -12`: click reads a negative number as options (-1, -2); as an id it cannot exist.
        given = next((a for a in args if re.fullmatch(r"-\d+", a) and a.startswith(error.option_name)), "")
        say(f"jobboard: {given or 'a negative number'} is not an id: ids are positive whole numbers.", err=True)
        sys.exit(error.exit_code)
    hint = ""
    if isinstance(error, click.UsageError) and error.ctx is not None:
        hint = f" (see `{error.ctx.command_path} --help`)"
    say(f"jobboard: {one_line(error.format_message())}{hint}", err=True)
    sys.exit(error.exit_code)
