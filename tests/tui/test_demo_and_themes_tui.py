"""The demo shows every rule on any weekday; themes in the running app."""

from __future__ import annotations

import json

import pendulum
import pytest

from jobboard.config.settings import Settings
from jobboard.config.state_file import remembered_theme
from jobboard.config.theme_choice import resolve_theme
from jobboard.core.demo import demo_builds
from jobboard.core.etiquette import RULE_ORDER, next_step, open_offers
from jobboard.storage.store import BoardStore
from jobboard.tui import themes as theme_files
from jobboard.tui.app import JobBoardApp
from tests.helpers.tui import NotedApp, loaded, screen_lines, wait_for


@pytest.mark.parametrize("day", range(16, 23))  # Monday 16 to Sunday 22 November 2026
def test_the_demo_exercises_every_rule_whatever_the_weekday(day):
    today = pendulum.date(2026, 11, day)
    applications = [build(str(i)) for i, build in enumerate(demo_builds(today), 1)]
    offers = open_offers(applications, today)  # the board-level offer step needs the whole board
    # As `jobboard next` sees it (the whole board) and as the board's panel does (one card): at
    # a weekend the thank-you after Friday's interview and the offer news fall due the same
    # Monday, and `next` shows the one higher in the table.
    rules = {next_step(a, today, offers=offers).rule for a in applications}
    rules |= {next_step(a, today).rule for a in applications}
    assert rules == set(RULE_ORDER)
    assert any(next_step(a, today).snoozed_until for a in applications)
    assert len(applications) >= 12
    assert {a.status for a in applications} >= {"applied", "interviewed", "silent", "rejected"}


async def test_a_broken_user_theme_is_named_and_the_board_opens(demo_board, tmp_path):
    folder = tmp_path / "themes"
    folder.mkdir()
    (folder / "ocean.toml").write_text('name = "ocean"\nprimary = "#ggg"\n')
    (folder / "mine.toml").write_text('name = "mine"\nprimary = "#336699"\n')
    loaded_themes, problems = theme_files.load_all(folder)
    app = NotedApp(BoardStore(demo_board), Settings(), themes=loaded_themes, theme_problems=problems)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert "ocean.toml" in " ".join(app.notes)
        assert app.theme == "jobboard-dark"
        assert "mine" in app.available_themes


async def test_a_theme_problem_is_shown_as_text_not_markup_nor_escape_sequences(demo_board, tmp_path):
    """The toast naming a broken theme file shows the user's text as it is: a field "[/bold]"
    once raised MarkupError as the toast was drawn (a traceback instead of the board), and an
    escape sequence in the file's name reached the terminal."""
    folder = tmp_path / "themes"
    folder.mkdir()
    (folder / "markup.toml").write_text('name = "m"\nprimary = "#336699"\n"[/bold]" = 1\n')
    (folder / "bad\x1b]0;pwned\x07.toml").write_text('name = "b"\nprimary = "#ggg"\n')
    loaded_themes, problems = theme_files.load_all(folder)
    app = NotedApp(BoardStore(demo_board), Settings(), themes=loaded_themes, theme_problems=problems)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:  # toasts drawn, as in a terminal
        await loaded(pilot)
        await pilot.pause()
        shown = " ".join(app.notes)
        assert "unknown field '[/bold]'" in shown and "bad ]0;pwned .toml" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        picture = "\n".join(screen_lines(app))  # the screen as drawn, the toast on it
        assert "Theme files skipped" in picture and "unknown field '[/bold]'" in picture
        await pilot.press("j")
        assert app.is_running


def theme_background(app, part):
    """The background ``part`` has in its app's theme: the screen's ``$background``, or the
    colour its own rule names (the side panel's ``$surface``)."""
    from textual.color import Color

    variable = "surface" if part.id == "panel" else "background"
    return Color.parse(app.get_css_variables()[variable])  # made now, from the theme in force


@pytest.mark.parametrize("name", ["jobboard-dark", "jobboard-light", "jobboard-high-contrast", "nord"])
async def test_the_board_opens_in_its_theme_colours_and_can_change_them(demo_board, name):
    """A theme as dark as Textual's own starting one is set without a second stylesheet pass
    (JobBoardApp._start_with_theme); every theme must still colour the first screen, carry
    its classes, and give way to another picked later."""
    from textual.color import Color

    app = NotedApp(BoardStore(demo_board), Settings(), theme=name)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        title_bar = app.screen.query_one("#title-bar")
        theme = app.current_theme
        assert (app.theme, theme.name) == (name, name)
        assert title_bar.styles.background == Color.parse(app.get_css_variables()["panel"])
        for part in (app.screen, app.screen.query_one("#board"), app.screen.query_one("#panel")):
            assert part.background_colors[1] == theme_background(app, part), part
        assert app.has_class(f"-theme-{name}")
        assert app.has_class("-dark-mode") == theme.dark and app.has_class("-light-mode") == (not theme.dark)
        other = "jobboard-light" if theme.dark else "jobboard-dark"
        app.theme = other
        await wait_for(pilot, lambda: app.has_class(f"-theme-{other}"), "the picked theme's class")
        await wait_for(
            pilot,
            lambda: title_bar.styles.background == Color.parse(app.get_css_variables()["panel"]),
            "the title bar in the picked theme's colour",
        )
        assert not app.has_class(f"-theme-{name}")
        assert app.has_class("-dark-mode") == app.current_theme.dark


async def test_a_theme_picked_while_running_is_remembered(demo_board):
    from jobboard.config.settings import state_path

    app = NotedApp(BoardStore(demo_board), Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.theme = "jobboard-light"  # what the palette's theme picker does
        await wait_for(pilot, lambda: remembered_theme() == "jobboard-light", "the theme to be remembered")
        assert not any("config.toml" in note for note in app.notes)  # nothing else decides the theme
    assert json.loads(state_path().read_text())["theme"] == "jobboard-light"


async def test_a_theme_picked_while_config_names_another_says_config_wins(demo_board):
    """The rule: what config.toml says wins at the next start; the palette's choice holds until
    then, and the app says so when the two differ."""
    app = NotedApp(BoardStore(demo_board), Settings(theme="jobboard-dark"), theme="jobboard-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.theme = "jobboard-light"
        await wait_for(pilot, lambda: any("config.toml" in note for note in app.notes), "a word about config.toml")
        (note,) = [note for note in app.notes if "config.toml" in note]
        assert 'jobboard-light until you quit: theme = "jobboard-dark" in config.toml wins' in note
        assert app.theme == "jobboard-light"
        await wait_for(pilot, lambda: remembered_theme() == "jobboard-light", "the theme to be remembered")
        names = theme_files.available_names(theme_files.load_shipped()[0])  # and at the next start:
        assert resolve_theme(None, "jobboard-dark", names, remembered="jobboard-light") == "jobboard-dark"
        app.theme = "jobboard-dark"  # back to the configured one: nothing to say
        await wait_for(pilot, lambda: remembered_theme() == "jobboard-dark", "the theme to be remembered")
        assert len([note for note in app.notes if "config.toml" in note]) == 1


def test_demo_board_at_200x60(demo_board, snap_compare):
    async def wait(pilot):
        await loaded(pilot)

    app = JobBoardApp(
        BoardStore(demo_board), Settings(), columns=("wishlist", "applied", "interviewed", "silent", "rejected")
    )
    assert snap_compare(app, terminal_size=(200, 60), run_before=wait)
