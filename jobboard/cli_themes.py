"""`jobboard themes`, and choosing the theme in force: --theme, config.toml, the remembered one, the default.

Importing this module (which `jobboard.cli.main` does for every command) never imports textual:
the helpers here work on plain names. Only the `themes` command itself loads `jobboard.themes`,
which needs textual's ``textual.theme`` (the built-in theme names and the ``Theme`` fields a file
may set) and ``textual.color`` (to check each colour the way Textual will parse it). It never
imports ``textual.app`` or starts an app.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jobboard.cli import Session, cli, pass_session
from jobboard.safefile import atomic_write
from jobboard.settings import SettingsError, state_path, user_themes_folder
from jobboard.themes import DEFAULT_THEME, FALLBACK_THEME

if TYPE_CHECKING:
    from textual.theme import Theme


def remembered_theme(path: Path | None = None) -> str | None:
    """The theme last chosen in the app (state file key "theme"), or None; never raises."""
    try:
        data = json.loads((path or state_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    theme = data.get("theme") if isinstance(data, dict) else None
    return theme if isinstance(theme, str) and theme.strip() else None


def remember_theme(name: str, path: Path | None = None) -> str | None:
    """Remember ``name`` for the next start (atomic write, other keys kept).

    Returns None when saved, else one sentence saying why not: forgetting a theme is no reason
    to interrupt anyone, so the caller may show it or drop it.
    """
    path = path or state_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}  # missing or unreadable: start afresh rather than fail
    if not isinstance(data, dict):
        data = {}
    data["theme"] = name
    try:
        atomic_write(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except OSError as error:
        return f"could not remember the theme in {path}: {error.strerror or error}."
    return None


def resolve_theme(
    cli_option: str | None,
    settings_theme: str | None,
    names: Sequence[str],
    *,
    remembered: str | None = None,
    broken: Iterable[str] = (),
) -> str:
    """The theme in force: ``--theme``, else config.toml's ``theme``, else ``remembered``, else the
    default.

    An asked-for name (--theme or config.toml) that is not in ``names`` raises ValueError listing
    the available ones, unless it is in ``broken`` (a theme file that failed to load and is being
    reported already): then the default is used. A remembered name that has since gone is
    skipped quietly. Names match exactly, or ignoring case when that is unambiguous.
    """
    broken = set(broken)
    for asked in (cli_option, settings_theme):
        if asked is None:
            continue
        found = _find(asked, names)
        if found is not None:
            return found
        if asked.strip() in broken:
            return default_theme(names)
        raise ValueError(f"unknown theme '{asked}'; available: {', '.join(names)}")
    if remembered is not None and remembered in names:
        return remembered
    return default_theme(names)


def theme_in_force(session: Session) -> tuple[str, list[Theme], list[str]]:
    """The theme the board opens with, and the theme files it loaded (themes, problems).

    A name asked for (--theme, config.toml) that no theme has is one line: a usage error for
    --theme, a SettingsError for config.toml. Loading the files imports ``textual.theme``."""
    from jobboard import themes as theme_files

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


def default_theme(names: Sequence[str]) -> str:
    return DEFAULT_THEME if DEFAULT_THEME in names or not names else FALLBACK_THEME


def _find(asked: str, names: Sequence[str]) -> str | None:
    asked = asked.strip()
    if asked in names:
        return asked
    folded = [name for name in names if name.casefold() == asked.casefold()]
    return folded[0] if len(folded) == 1 else None


@cli.command()
@pass_session
def themes(session: Session) -> None:
    """List the themes (* marks the one in force); pick one with --theme or theme = "..." in config.toml."""
    from textual.theme import BUILTIN_THEMES

    from jobboard import themes as theme_files

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
        click.echo(f"{mark} {name:<{width}}  {where[name]}".rstrip())
    for problem in problems:
        click.echo(f"jobboard: {problem}", err=True)
    if in_force is not None:
        why = _why(session, settings.theme, remembered, in_force)
        click.echo(f"\nIn force: {in_force} ({why}).", err=True)
    click.echo(f"Your own themes go in {user_folder}, one .toml file each.", err=True)
    if error is not None:
        raise error


def _why(session: Session, settings_theme: str | None, remembered: str | None, in_force: str) -> str:
    if session.theme is not None:
        return "--theme" if _same(session.theme, in_force) else f"--theme '{session.theme}' is broken"
    if settings_theme is not None:
        where = session.config_path
        if _same(settings_theme, in_force):
            return f"from {where}"
        return f"'{settings_theme}' in {where} is broken"
    if remembered == in_force:
        return "chosen last time in the app"
    return "the default"


def _same(asked: str, name: str) -> bool:
    return asked.strip().casefold() == name.casefold()
