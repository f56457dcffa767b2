"""Every theme's column and marker colours read as text: a WCAG 2 contrast of at least 4.5:1
against the background (the cards, an active column's header) and the panel colour (the other
headers), over the shipped theme files and Textual's built-in themes alike."""

from __future__ import annotations

import pytest
from textual.theme import BUILTIN_THEMES

from jobboard.tui.themes import (
    COLUMN_VARIABLES,
    MARKER_VARIABLES,
    READABLE_CONTRAST,
    contrast_ratio,
    load_shipped,
    readable,
    variable_defaults_for,
)

SHIPPED, _ = load_shipped()
THEMES = {theme.name: theme for theme in [*BUILTIN_THEMES.values(), *SHIPPED]}


def variables_in_force(theme) -> dict[str, str]:  # noqa: ANN001 - a Textual Theme
    """The variables the app's stylesheet gets with ``theme``, merged as App.get_css_variables
    merges them: jobboard's defaults, then Textual's colour system, then the theme's own."""
    return {**variable_defaults_for(theme), **theme.to_color_system().generate(), **theme.variables}


def test_the_wcag_formula():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#f7f7f4") < 1.1  # white on pale grey: unreadable


def test_readable_darkens_on_light_and_lightens_on_dark():
    assert contrast_ratio(readable("#aaaaaa", ["#ffffff"]), "#ffffff") >= READABLE_CONTRAST
    assert contrast_ratio(readable("#444444", ["#000000"]), "#000000") >= READABLE_CONTRAST
    assert readable("#000000", ["#ffffff"]) == "#000000"  # readable already: left as it is


def test_every_shipped_theme_is_checked():
    assert {"jobboard-light", "jobboard-dark", "jobboard-high-contrast", "jobboard-colorblind"} <= set(THEMES)
    assert {"textual-dark", "textual-light", "nord"} <= set(THEMES)


@pytest.mark.parametrize("name", sorted(name for name, theme in THEMES.items() if not theme.ansi))
def test_column_and_marker_colours_reach_wcag_aa(name):
    variables = variables_in_force(THEMES[name])
    ratio = contrast_ratio
    too_faint = [
        f"{key} {variables[key]} on {ground} {variables[ground]}: {ratio(variables[key], variables[ground]):.1f}"
        for key in (*COLUMN_VARIABLES.values(), *MARKER_VARIABLES)
        for ground in ("background", "panel")
        if contrast_ratio(variables[key], variables[ground]) < READABLE_CONTRAST
    ]
    assert too_faint == []
