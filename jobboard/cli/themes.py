"""`jobboard themes`: every theme, the one in force and why (see jobboard.config.theme_choice).

Importing this module never imports textual; the `themes` command itself loads the theme files,
which needs ``textual.theme`` and ``textual.color`` (never ``textual.app``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from jobboard.cli.session import Session, pass_session, say
from jobboard.config.settings import SettingsError, user_themes_folder
from jobboard.config.state_file import remembered_theme
from jobboard.config.theme_choice import resolve_theme

if TYPE_CHECKING:
    from textual.theme import Theme

__all__ = ["theme_in_force", "themes"]


def theme_in_force(session: Session) -> tuple[str, list[Theme], list[str]]:
    """The theme the board opens with, and the theme files it loaded (themes, problems).

    A name asked for (--theme, config.toml) that no theme has is one line: a usage error for
    --theme, a SettingsError for config.toml. Loading the files imports ``textual.theme``.
    The board (jobboard.cli.run_board) and `jobboard serve` both start with it."""
    from jobboard.tui import themes as theme_files

    settings = session.settings
    loaded, problems = theme_files.load_all(user_themes_folder(session.config_path))
    try:
        chosen = resolve_theme(
            session.theme,
            settings.theme,
            theme_files.available_names(loaded),
            remembered=remembered_theme(),
            broken=theme_files.broken_names(problems),
        )
    except ValueError as error:
        if session.theme:
            raise click.BadParameter(str(error), param_hint="'--theme'") from error
        raise SettingsError(f"{session.config_path}: {error}.") from error
    return chosen, loaded, problems


@click.command()
@pass_session
def themes(session: Session) -> None:
    """List the themes (* marks the one in force); pick one with --theme or theme = "..." in config.toml."""
    from textual.theme import BUILTIN_THEMES

    from jobboard.tui import themes as theme_files

    settings = session.settings  # a broken config.toml is reported before anything is listed
    user_folder = user_themes_folder(session.config_path)
    shipped, problems = theme_files.load_shipped()
    mine, my_problems = theme_files.load_folder(user_folder)
    problems += my_problems
    where: dict[str, str] = dict.fromkeys(BUILTIN_THEMES, "Textual")
    where.update({theme.name: "shipped" for theme in shipped})
    where.update({theme.name: "yours" + (" (replaces one)" if theme.name in where else "") for theme in mine})
    names = theme_files.available_names(shipped + mine)  # ours first, then Textual's

    remembered = remembered_theme()
    error: click.ClickException | SettingsError | None = None
    try:
        in_force = resolve_theme(
            session.theme,
            settings.theme,
            names,
            remembered=remembered,
            broken=theme_files.broken_names(problems),
        )
    except ValueError as unknown:
        in_force = None
        if session.theme is not None:
            error = click.BadParameter(f"{unknown}", param_hint="'--theme'")
        else:
            error = SettingsError(f"{session.config_path}: {unknown}.")

    width = max(len(name) for name in names)
    for name in names:
        mark = "*" if name == in_force else " "
        say(f"{mark} {name:<{width}}  {where[name]}".rstrip())
    for problem in problems:  # a theme file's name and content are the user's: `say` cleans them
        say(f"jobboard: {problem}", err=True)
    if in_force is not None:
        why = _why(session, settings.theme, remembered, in_force)
        say(f"\nIn force: {in_force} ({why}).", err=True)
    say(f"Your own themes go in {user_folder}, one .toml file each.", err=True)
    if error is not None:
        raise error


def _why(session: Session, settings_theme: str | None, remembered: str | None, in_force: str) -> str:
    if session.theme is not None:
        return "--theme" if _same(session.theme, in_force) else f"--theme '{session.theme}' is broken"
    if settings_theme is not None:
        where = session.config_path
        if not _same(settings_theme, in_force):
            return f"'{settings_theme}' in {where} is broken"
        if remembered is not None and remembered != in_force:
            # The palette's choice is not the one in force: say which setting wins over it.
            return f"from {where}, which wins over '{remembered}' chosen last time in the app"
        return f"from {where}"
    if remembered == in_force:
        return "chosen last time in the app"
    return "the default"


def _same(asked: str, name: str) -> bool:
    return asked.strip().casefold() == name.casefold()
