"""Which theme the board opens with: ``--theme``, else ``theme =`` in config.toml, else the one
last chosen in the app's palette (config/state_file.py's ``remembered_theme``), else the default.

A setting the user wrote wins over a choice the app remembered; the app says so when a theme is
picked in the palette while config.toml names another. Names only: loading the theme files into
Textual themes is tui/themes.py's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

DEFAULT_THEME = "jobboard-dark"
# Textual always has this one, so a theme is in force even if the shipped files went missing.
FALLBACK_THEME = "textual-dark"


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


def default_theme(names: Sequence[str]) -> str:
    return DEFAULT_THEME if DEFAULT_THEME in names or not names else FALLBACK_THEME


def _find(asked: str, names: Sequence[str]) -> str | None:
    asked = asked.strip()
    if asked in names:
        return asked
    folded = [name for name in names if name.casefold() == asked.casefold()]
    return folded[0] if len(folded) == 1 else None
