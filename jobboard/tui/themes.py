"""Themes: TOML files in ``themes/`` (shipped) and the user's themes folder -> Textual ``Theme`` objects.

A theme file holds the fields of ``textual.theme.Theme`` (``name``, ``primary``, ``background``,
...) and a ``[variables]`` table, where the app's own variables live: an accent per column
(``column-applied``, ...) and the colours of the due and overdue markers. Every file is checked
before it becomes a ``Theme``; a broken one is one sentence naming the file and the problem, and
the others still load.

Which theme is in force, and the one last chosen in the palette, are config's
(jobboard/config/theme_choice.py, jobboard/config/state_file.py): the CLI asks them without this
module.

Importing this module is cheap: textual (its ``Theme`` and ``Color``, never an app) is imported
only when a theme is loaded or the built-in names are asked for, so the CLI may use the constants
here without loading textual.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jobboard.config.kept_tables import KeptTables
from jobboard.config.settings import kept_tables_path
from jobboard.formats.printable import one_line

if TYPE_CHECKING:
    from textual.theme import Theme

COLUMN_VARIABLES: dict[str, str] = {
    "wishlist": "column-wishlist",
    "applied": "column-applied",
    "interviewed": "column-interviewed",
    "offer": "column-offer",
    "silent": "column-silent",
    "rejected": "column-rejected",
    "withdrawn": "column-withdrawn",
}
MARKER_VARIABLES: tuple[str, ...] = ("due-marker", "overdue-marker")

# WCAG 2's AA level for text: every column and marker colour reaches it against the background
# and the header's panel colour it is drawn on (tests/tui/test_theme_contrast.py checks them).
READABLE_CONTRAST = 4.5

# Fallbacks for the app's own variables, for themes that do not set them (Textual's built-in
# ones, or a user theme that only changes the basics): mid-tones readable on dark and light.
APP_VARIABLE_DEFAULTS: dict[str, str] = {
    "column-wishlist": "#9b6fd6",
    "column-applied": "#3b8fd9",
    "column-interviewed": "#1f9b8f",
    "column-offer": "#3f9d4e",
    "column-silent": "#868e96",
    "column-rejected": "#c0616b",
    "column-withdrawn": "#a08c6c",
    "due-marker": "#c98a10",
    "overdue-marker": "#e0464e",
}

_COLOUR_FIELDS: tuple[str, ...] = ("primary", "secondary", "warning", "error", "success", "accent")
_COLOUR_FIELDS += ("foreground", "background", "surface", "panel", "boost")
_REQUIRED_FIELDS = ("name", "primary")


class ThemeError(Exception):
    """A theme file jobboard cannot use; the message names the file and the problem."""

    def __init__(self, path: Path, problem: str) -> None:
        # The file's name and what the problem quotes of it are the user's text: printed by
        # `jobboard themes` and shown by the board, so no control character gets through.
        super().__init__(one_line(f"{path}: {problem}."))
        self.path = path
        self.problem = problem


class ThemeProblem(str):
    """One broken theme file: the sentence to show, which also remembers the file it is about."""

    path: Path

    def __new__(cls, error: ThemeError) -> ThemeProblem:
        problem = super().__new__(cls, str(error))
        problem.path = error.path
        return problem


def broken_names(problems: Iterable[str]) -> set[str]:
    """The theme names the broken files most likely meant (their file names without .toml)."""
    return {problem.path.stem for problem in problems if isinstance(problem, ThemeProblem)}


def shipped_themes_folder() -> Path:
    """The themes that come with jobboard: ``jobboard/_themes`` in an installed wheel, else the
    checkout's top-level ``themes/`` (a source tree or an editable install)."""
    package = Path(__file__).resolve().parent.parent  # jobboard/, above tui/
    installed = package / "_themes"
    if installed.is_dir():
        return installed
    return package.parent / "themes"


def load_theme_file(path: Path, shipped: bool = False, tables: KeptTables | None = None) -> Theme:
    """Read and check one theme file; raise ``ThemeError`` saying what is wrong with it. A
    ``shipped`` file (ours, checked in full by the test suite) skips building its colour
    system twice, ~2 ms a theme at every start. ``tables``: the parsed files kept from the
    last start (jobboard.config.kept_tables); a table found there is checked all the same."""
    kept = tables or KeptTables(kept_tables_path())
    try:
        data = kept.table(path)
    except OSError as error:
        raise ThemeError(path, f"cannot read it ({error.strerror or error})") from error
    except UnicodeDecodeError as error:
        raise ThemeError(path, "not UTF-8 text") from error
    except ValueError as error:  # tomllib.TOMLDecodeError
        raise ThemeError(path, f"not valid TOML ({error})") from error
    try:
        return theme_from_mapping(data, shipped)
    except ValueError as error:
        raise ThemeError(path, str(error)) from error


def theme_from_mapping(data: dict[str, Any], shipped: bool = False) -> Theme:
    """A ``Theme`` from a theme file's table; ``ValueError`` names the field that is wrong."""
    from textual.theme import Theme

    known = {field.name for field in dataclasses.fields(Theme)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"unknown field '{unknown[0]}' (known: {', '.join(sorted(known))})")
    for name in _REQUIRED_FIELDS:
        if name not in data:
            raise ValueError(f"missing '{name}' (every theme needs a name and a primary colour)")
    name = data["name"]
    if not isinstance(name, str) or not name.strip() or name != name.strip() or "," in name or one_line(name) != name:
        raise ValueError("'name' must be a non-empty name without commas, control characters or surrounding spaces")
    for field in _COLOUR_FIELDS:
        if field in data:
            _check_colour(field, data[field])
    for field in ("dark", "ansi"):
        if field in data and not isinstance(data[field], bool):
            raise ValueError(f"'{field}' must be true or false")
    for field in ("luminosity_spread", "text_alpha"):
        value = data.get(field, 0.5)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise ValueError(f"'{field}' must be a number from 0 to 1")
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ValueError("'variables' must be a table, e.g. [variables] with column-offer = \"#3f9d4e\"")
    for key, value in variables.items():
        if not isinstance(value, str):
            raise ValueError(f"variable '{key}' must be a string such as \"#3f9d4e\"")
        if key.startswith("column-") and key not in APP_VARIABLE_DEFAULTS:
            raise ValueError(f"unknown variable '{key}' (columns: {', '.join(COLUMN_VARIABLES.values())})")
        if key in APP_VARIABLE_DEFAULTS:
            _check_colour(f"variables.{key}", value)
    theme = Theme(**{**data, "variables": dict(variables)})
    if shipped:
        return theme
    _check_textual_variables(Theme(**{**data, "variables": {}}), variables)
    try:
        theme.to_color_system().generate()  # the same work Textual does when the theme is applied
    except Exception as error:  # noqa: BLE001 - any failure here means Textual could not use it
        raise ValueError(f"Textual cannot use it ({error})") from error
    return theme


def _check_textual_variables(bare: Any, variables: dict[str, str]) -> None:
    """A variable Textual itself defines as a colour must be a colour: Textual takes any text
    there when the theme is built and only fails when its stylesheet is parsed, on screen."""
    from textual.color import Color, ColorParseError

    defaults = bare.to_color_system().generate()
    for key, value in variables.items():
        if key in APP_VARIABLE_DEFAULTS or key not in defaults:
            continue
        try:
            Color.parse(defaults[key])
        except ColorParseError:
            continue  # not a colour in Textual's own themes either (a text style, "auto 87%")
        _check_colour(f"variables.{key}", value)


def _check_colour(field: str, value: Any) -> None:
    from textual.color import Color, ColorParseError

    if not isinstance(value, str):
        raise ValueError(f"'{field}' must be a colour in quotes, such as \"#5fafff\"")
    try:
        Color.parse(value)
    except ColorParseError as error:
        raise ValueError(
            f'\'{field}\' = "{value}" is not a colour (use e.g. "#5fafff" or "rgb(95,175,255)")'
        ) from error


def load_folder(folder: Path, shipped: bool = False, tables: KeptTables | None = None) -> tuple[list[Theme], list[str]]:
    """Every ``*.toml`` theme in ``folder`` (by file name), and one problem per broken file.

    A missing folder has no themes and no problems. Two files with the same theme name: the
    first (by file name) is kept and the second is reported. Without ``tables``, the parsed
    files are kept for the next start here.
    """
    if tables is None:
        tables = KeptTables(kept_tables_path())
        found = load_folder(folder, shipped, tables)
        tables.save()
        return found
    try:
        paths = sorted(p for p in folder.glob("*.toml") if p.is_file())
    except OSError as error:
        return [], [f"themes folder {folder} cannot be read ({error.strerror or error})."]
    themes: list[Theme] = []
    problems: list[str] = []
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            theme = load_theme_file(path, shipped, tables)
        except ThemeError as error:
            problems.append(ThemeProblem(error))
            continue
        if theme.name in seen:
            duplicate = f"the name '{theme.name}' is already used by {seen[theme.name].name}"
            problems.append(ThemeProblem(ThemeError(path, duplicate)))
            continue
        seen[theme.name] = path
        themes.append(theme)
    return themes, problems


def load_shipped(tables: KeptTables | None = None) -> tuple[list[Theme], list[str]]:
    """The themes that come with jobboard; finding none is a problem too (a broken install)."""
    folder = shipped_themes_folder()
    shipped, problems = load_folder(folder, shipped=True, tables=tables)
    if not shipped:
        problems.append(f"no themes found in {folder}; jobboard may be installed badly, reinstall it.")
    return shipped, problems


def load_all(user_folder: Path | None) -> tuple[list[Theme], list[str]]:
    """The shipped themes then the user's (a user theme may replace a shipped one of the same
    name: register them in this order), and one problem sentence per broken file.

    The problems are ``ThemeProblem`` strings; ``broken_names(problems)`` tells ``resolve_theme``
    which asked-for names are broken files rather than typos.
    """
    tables = KeptTables(kept_tables_path())
    shipped, problems = load_shipped(tables)
    mine, my_problems = load_folder(user_folder, tables=tables) if user_folder is not None else ([], [])
    tables.save()
    return shipped + mine, problems + my_problems


def available_names(themes: Iterable[Theme]) -> list[str]:
    """Our theme names (shipped, then the user's), then Textual's built-in ones, each once."""
    from textual.theme import BUILTIN_THEMES

    return list(dict.fromkeys([*(theme.name for theme in themes), *BUILTIN_THEMES]))


def variable_defaults_for(theme: Theme | None) -> dict[str, str]:
    """The app's variables for a theme that does not set them, taken from its own palette.

    Built-in themes (nord, solarized-light, ...) then get column and marker colours that match
    them; a theme file's ``[variables]`` still win over these.
    """
    defaults = dict(APP_VARIABLE_DEFAULTS)
    if theme is None:
        return defaults
    borrowed = {
        "column-wishlist": theme.secondary,
        "column-applied": theme.primary,
        "column-interviewed": theme.accent,
        "column-offer": theme.success,
        "column-rejected": theme.error,
        "due-marker": theme.warning,
        "overdue-marker": theme.error,
    }
    defaults.update({key: value for key, value in borrowed.items() if value})
    # A theme's own accents are chosen to stand out, not always to be read as text on its
    # panel: each is brought to READABLE_CONTRAST against the colours it is drawn on.
    if not theme.ansi:  # ANSI colours are the terminal's: their contrast is not known here
        generated = theme.to_color_system().generate()
        grounds = (generated["background"], generated["panel"])
        for key in (*COLUMN_VARIABLES.values(), *MARKER_VARIABLES):
            defaults[key] = readable(defaults[key], grounds)
    return defaults


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of a colour (0 black to 1 white), from its sRGB channels."""
    from textual.color import Color

    red, green, blue = (
        channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
        for channel in Color.parse(colour).normalized
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(one: str, other: str) -> float:
    """WCAG 2's contrast ratio of two colours: 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable(colour: str, grounds: Iterable[str]) -> str:
    """``colour``, lightened on a dark background or darkened on a light one, a step at a time,
    until it reaches READABLE_CONTRAST against every one of ``grounds``."""
    from textual.color import Color

    grounds = tuple(grounds)
    on_dark = relative_luminance(grounds[0]) < 0.18  # about where white and black text read alike
    shade = Color.parse(colour)
    for _ in range(40):
        if all(contrast_ratio(shade.hex, ground) >= READABLE_CONTRAST for ground in grounds):
            break
        shade = shade.lighten(0.02) if on_dark else shade.darken(0.02)
    return shade.hex
