"""Theme files, the choice of the theme in force, and `jobboard themes`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from jobboard.cli import themes as cli_themes
from jobboard.cli.main import cli
from jobboard.config.settings import state_path
from jobboard.config.state_file import remember_theme, remembered_theme
from jobboard.config.theme_choice import DEFAULT_THEME, FALLBACK_THEME, resolve_theme
from jobboard.tui.themes import (
    APP_VARIABLE_DEFAULTS,
    ThemeError,
    available_names,
    broken_names,
    load_all,
    load_folder,
    load_theme_file,
    readable,
    shipped_themes_folder,
    variable_defaults_for,
)

REPO_THEMES = Path(__file__).resolve().parents[2] / "themes"
SHIPPED_FILES = sorted(REPO_THEMES.glob("*.toml"))
REQUIRED_NAMES = {"jobboard-dark", "jobboard-light", "jobboard-high-contrast", "jobboard-colorblind"}
THEME_COLOURS = ("primary", "secondary", "accent", "foreground", "background", "surface", "panel")
THEME_COLOURS += ("boost", "warning", "error", "success")

GOOD_THEME = """\
name = "{name}"
primary = "#336699"
background = "#101010"
dark = true

[variables]
column-offer = "#00aa88"
"""


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Config, data and state all under tmp_path: these tests never see the user's real folders."""
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(tmp_path / "xdg" / variable.lower()))
    monkeypatch.delenv("JOBBOARD_CONFIG", raising=False)
    monkeypatch.delenv("JOBBOARD_DB", raising=False)
    return tmp_path


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "cfg"
    (folder / "themes").mkdir(parents=True)
    return folder


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio of two opaque colours."""

    def luminance(text: str) -> float:
        colour = Color.parse(text)

        def channel(value: int) -> float:
            value_01 = value / 255
            return value_01 / 12.92 if value_01 <= 0.04045 else ((value_01 + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)

    dark, light = sorted((luminance(one), luminance(other)))
    return (light + 0.05) / (dark + 0.05)


# -- the shipped themes -------------------------------------------------------------------------


def test_the_four_themes_are_shipped_and_found_in_the_checkout() -> None:
    assert shipped_themes_folder().resolve() == REPO_THEMES
    assert {path.stem for path in SHIPPED_FILES} >= REQUIRED_NAMES
    assert DEFAULT_THEME in {path.stem for path in SHIPPED_FILES}


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda path: path.stem)
def test_every_shipped_theme_loads_with_every_field_and_app_variable(path: Path) -> None:
    theme = load_theme_file(path)
    assert theme.name == path.stem
    for field in THEME_COLOURS:
        assert getattr(theme, field), f"{path.name} leaves '{field}' to chance"
    assert set(APP_VARIABLE_DEFAULTS) <= set(theme.variables), f"{path.name} lacks some app variables"
    assert theme.dark is (theme.name != "jobboard-light")


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda path: path.stem)
def test_a_shipped_theme_read_at_start_is_the_theme_the_full_check_passes(path: Path) -> None:
    # The board's start skips building each shipped theme's colour system; the check above
    # builds it, so the shipped files are still held to every rule.
    assert load_theme_file(path, shipped=True) == load_theme_file(path)


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda path: path.stem)
def test_shipped_themes_are_readable(path: Path) -> None:
    theme = load_theme_file(path)
    high = theme.name == "jobboard-high-contrast"
    assert contrast(theme.foreground, theme.background) >= (15 if high else 7)
    assert contrast(theme.foreground, theme.panel) >= (15 if high else 7)
    for name in APP_VARIABLE_DEFAULTS:
        for ground in ("background", "surface"):
            ratio = contrast(theme.variables[name], getattr(theme, ground))
            assert ratio >= (7 if high else 4.5), f"{theme.name}: {name} on {ground} is only {ratio:.1f}:1"


def test_colourblind_theme_tells_due_from_overdue_by_blue_and_orange_not_red_and_green() -> None:
    theme = load_theme_file(REPO_THEMES / "jobboard-colorblind.toml")

    def hue(text: str) -> float:
        return Color.parse(text).hsl.h * 360

    assert 180 <= hue(theme.variables["due-marker"]) <= 250  # blue
    assert 20 <= hue(theme.variables["overdue-marker"]) <= 50  # orange
    assert not 75 <= hue(theme.success) <= 165  # success is not green, against a red error


def test_app_variable_defaults_cover_every_column_and_both_markers() -> None:
    assert set(APP_VARIABLE_DEFAULTS) == {
        *(f"column-{status}" for status in ("wishlist", "applied", "interviewed", "offer", "silent")),
        "column-rejected",
        "column-withdrawn",
        "due-marker",
        "overdue-marker",
    }
    for value in APP_VARIABLE_DEFAULTS.values():
        Color.parse(value)


def test_builtin_themes_get_app_variables_from_their_own_palette() -> None:
    nord = BUILTIN_THEMES["nord"]
    defaults = variable_defaults_for(nord)
    # The palette's own colours, brought to a readable contrast on its background and panel.
    generated = nord.to_color_system().generate()
    grounds = (generated["background"], generated["panel"])
    assert defaults["due-marker"] == readable(nord.warning, grounds)
    assert defaults["overdue-marker"] == readable(nord.error, grounds)
    assert defaults["column-silent"] == readable(APP_VARIABLE_DEFAULTS["column-silent"], grounds)
    assert variable_defaults_for(None) == APP_VARIABLE_DEFAULTS
    assert set(variable_defaults_for(BUILTIN_THEMES["textual-dark"])) == set(APP_VARIABLE_DEFAULTS)


# -- user themes, good and broken ---------------------------------------------------------------


def test_a_good_user_theme_loads_after_the_shipped_ones(config_dir: Path) -> None:
    write(config_dir / "themes" / "ocean.toml", GOOD_THEME.format(name="ocean"))
    themes, problems = load_all(config_dir / "themes")
    assert problems == []
    names = [theme.name for theme in themes]
    assert names[-1] == "ocean"
    assert set(names) >= REQUIRED_NAMES
    assert themes[-1].variables == {"column-offer": "#00aa88"}


@pytest.mark.parametrize(
    ("file_name", "text", "words"),
    [
        ("bad-toml.toml", 'name = "x\nprimary = "#fff"\n', ["not valid TOML", "line"]),
        ("bad-colour.toml", 'name = "x"\nprimary = "#ggg"\n', ["'primary'", "#ggg", "not a colour"]),
        ("no-name.toml", 'primary = "#336699"\n', ["missing 'name'"]),
        ("no-primary.toml", 'name = "x"\n', ["missing 'primary'"]),
        ("typo.toml", 'name = "x"\nprimary = "#fff"\nbackgroud = "#000"\n', ["unknown field 'backgroud'"]),
        ("dark.toml", 'name = "x"\nprimary = "#fff"\ndark = "yes"\n', ["'dark'", "true or false"]),
        ("var.toml", 'name = "x"\nprimary = "#fff"\n[variables]\ndue-marker = "blu"\n', ["due-marker"]),
        ("col.toml", 'name = "x"\nprimary = "#fff"\n[variables]\ncolumn-ofer = "#fff"\n', ["column-ofer"]),
        ("num.toml", 'name = "x"\nprimary = "#fff"\n[variables]\ncolumn-offer = 3\n', ["column-offer"]),
        ("binary.toml", "\udcff", ["not UTF-8"]),
        (
            "textual-var.toml",
            'name = "x"\nprimary = "#fff"\n[variables]\nfooter-key-foreground = "zzz"\n',
            ["variables.footer-key-foreground", "zzz", "not a colour"],
        ),
    ],
)
def test_a_broken_user_theme_is_one_sentence_naming_the_file_and_the_rest_still_load(
    config_dir: Path, file_name: str, text: str, words: list[str]
) -> None:
    folder = config_dir / "themes"
    write(folder / "good.toml", GOOD_THEME.format(name="good"))
    (folder / file_name).write_bytes(text.encode("utf-8", "surrogateescape"))

    themes, problems = load_all(folder)

    assert len(problems) == 1
    problem = problems[0]
    assert str(folder / file_name) in problem
    assert "\n" not in problem and problem.endswith(".")
    for word in words:
        assert word in problem
    names = {theme.name for theme in themes}
    assert "good" in names and names >= REQUIRED_NAMES
    assert broken_names(problems) == {Path(file_name).stem}


def test_several_broken_files_are_one_problem_each(config_dir: Path) -> None:
    folder = config_dir / "themes"
    write(folder / "a.toml", "name = ")
    write(folder / "b.toml", 'name = "b"\nprimary = "red-ish"\n')
    write(folder / "c.toml", GOOD_THEME.format(name="c"))
    themes, problems = load_all(folder)
    assert [Path(problem.split(":")[0]).name for problem in problems] == ["a.toml", "b.toml"]
    assert "c" in {theme.name for theme in themes}


def test_load_theme_file_raises_theme_error_with_the_path(tmp_path: Path) -> None:
    path = write(tmp_path / "x.toml", 'name = "x"\nprimary = "#fff"\naccent = 12\n')
    with pytest.raises(ThemeError) as caught:
        load_theme_file(path)
    assert caught.value.path == path
    assert "'accent' must be a colour" in str(caught.value)
    with pytest.raises(ThemeError, match="cannot read it"):
        load_theme_file(tmp_path / "missing.toml")


def test_two_user_files_with_one_name_keep_the_first_and_report_the_second(config_dir: Path) -> None:
    folder = config_dir / "themes"
    write(folder / "a.toml", GOOD_THEME.format(name="twin"))
    write(folder / "b.toml", GOOD_THEME.format(name="twin"))
    themes, problems = load_folder(folder)
    assert [theme.name for theme in themes] == ["twin"]
    assert len(problems) == 1 and "b.toml" in problems[0] and "a.toml" in problems[0]


def test_a_user_theme_may_replace_a_shipped_one_by_coming_later(config_dir: Path) -> None:
    write(config_dir / "themes" / "mine.toml", GOOD_THEME.format(name="jobboard-dark"))
    themes, problems = load_all(config_dir / "themes")
    assert problems == []
    last = {theme.name: theme for theme in themes}  # registering in order: the last one wins
    assert last["jobboard-dark"].primary == "#336699"


def test_no_user_folder_or_a_missing_one_is_no_problem(tmp_path: Path) -> None:
    assert load_all(None)[1] == []
    themes, problems = load_all(tmp_path / "nowhere")
    assert problems == [] and {theme.name for theme in themes} >= REQUIRED_NAMES


def test_available_names_are_ours_then_textuals_each_once(config_dir: Path) -> None:
    write(config_dir / "themes" / "nord.toml", GOOD_THEME.format(name="nord"))
    themes, _ = load_all(config_dir / "themes")
    names = available_names(themes)
    assert len(names) == len(set(names))
    assert set(names) == set(BUILTIN_THEMES) | {theme.name for theme in themes}
    assert names.index("jobboard-dark") < names.index("textual-dark")


# -- choosing the theme in force ----------------------------------------------------------------

NAMES = ["jobboard-dark", "jobboard-light", "nord"]


def test_resolve_order_is_option_then_config_then_remembered_then_default() -> None:
    assert resolve_theme("nord", "jobboard-light", NAMES, remembered="jobboard-light") == "nord"
    assert resolve_theme(None, "jobboard-light", NAMES, remembered="nord") == "jobboard-light"
    assert resolve_theme(None, None, NAMES, remembered="nord") == "nord"
    assert resolve_theme(None, None, NAMES) == DEFAULT_THEME


def test_resolve_forgives_case_and_spaces() -> None:
    assert resolve_theme(" Nord ", None, NAMES) == "nord"


@pytest.mark.parametrize(("option", "configured"), [("nope", None), (None, "nope"), ("nope", "nord")])
def test_an_unknown_asked_for_name_is_an_error_listing_the_available_ones(option, configured) -> None:
    with pytest.raises(ValueError) as caught:
        resolve_theme(option, configured, NAMES)
    assert str(caught.value) == "unknown theme 'nope'; available: jobboard-dark, jobboard-light, nord"


def test_a_forgotten_remembered_theme_falls_back_to_the_default_quietly() -> None:
    assert resolve_theme(None, None, NAMES, remembered="deleted-theme") == DEFAULT_THEME


def test_an_asked_for_theme_whose_file_is_broken_falls_back_to_the_default() -> None:
    assert resolve_theme(None, "mine", NAMES, broken={"mine"}) == DEFAULT_THEME
    assert resolve_theme("mine", None, NAMES, broken={"mine"}) == DEFAULT_THEME


def test_without_the_shipped_default_textuals_own_default_is_used() -> None:
    assert resolve_theme(None, None, ["nord", FALLBACK_THEME]) == FALLBACK_THEME


# -- remembering the palette choice -------------------------------------------------------------


def test_remember_and_recall_a_theme_in_the_state_file(private_dirs: Path) -> None:
    assert remembered_theme() is None
    assert remember_theme("nord") is None
    assert state_path().is_relative_to(private_dirs)
    assert remembered_theme() == "nord"
    assert json.loads(state_path().read_text()) == {"theme": "nord"}


def test_remembering_keeps_other_state(tmp_path: Path) -> None:
    path = write(tmp_path / "state.json", json.dumps({"theme": "a", "other": [1, 2]}))
    assert remember_theme("b", path) is None
    assert json.loads(path.read_text()) == {"theme": "b", "other": [1, 2]}


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '{"theme": 3}', '{"theme": ""}', "\udcff"])
def test_a_broken_state_file_is_no_theme_and_gets_overwritten(tmp_path: Path, text: str) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    assert remembered_theme(path) is None
    assert remember_theme("nord", path) is None
    assert remembered_theme(path) == "nord"


def test_a_state_file_that_cannot_be_written_is_a_sentence_not_an_exception(tmp_path: Path) -> None:
    blocker = write(tmp_path / "not-a-folder", "")
    problem = remember_theme("nord", blocker / "state.json")
    assert problem is not None and problem.startswith("could not remember the theme in ")


# -- jobboard themes -----------------------------------------------------------------------------


def run_themes(config_dir: Path, *options: str):
    result = CliRunner().invoke(cli, ["--config", str(config_dir / "config.toml"), *options, "themes"])
    lines = {line[2:].split()[0]: line[0] for line in result.stdout.splitlines() if line.strip()}
    return result, lines


def test_themes_command_is_found_by_its_name_not_registered_by_an_import() -> None:
    assert cli_themes.themes.name not in cli.commands  # importing the module registered nothing
    with click.Context(cli) as ctx:
        assert cli.get_command(ctx, "themes") is cli_themes.themes


def test_themes_lists_every_theme_and_marks_the_default(config_dir: Path) -> None:
    result, marks = run_themes(config_dir)
    assert result.exit_code == 0, result.output
    assert set(marks) >= REQUIRED_NAMES | set(BUILTIN_THEMES)
    assert [name for name, mark in marks.items() if mark == "*"] == [DEFAULT_THEME]
    assert "In force: jobboard-dark (the default)" in result.stderr
    assert str(config_dir / "themes") in result.stderr


def test_themes_marks_config_then_option_then_remembered(config_dir: Path) -> None:
    remember_theme("nord")
    assert run_themes(config_dir)[1]["nord"] == "*"
    write(config_dir / "config.toml", 'theme = "jobboard-light"\n')
    assert run_themes(config_dir)[1]["jobboard-light"] == "*"
    result, marks = run_themes(config_dir, "--theme", "jobboard-high-contrast")
    assert marks["jobboard-high-contrast"] == "*" and marks["jobboard-light"] == " "
    assert "(--theme)" in result.stderr


def test_themes_says_when_config_wins_over_the_theme_chosen_in_the_app(config_dir: Path) -> None:
    remember_theme("nord")
    write(config_dir / "config.toml", 'theme = "jobboard-light"\n')
    result, marks = run_themes(config_dir)
    assert marks["jobboard-light"] == "*"
    assert "which wins over 'nord' chosen last time in the app" in result.stderr
    remember_theme("jobboard-light")  # the same one: nothing to explain
    assert "wins over" not in run_themes(config_dir)[0].stderr


def test_themes_lists_a_user_theme_and_reports_a_broken_one_on_stderr(config_dir: Path) -> None:
    write(config_dir / "themes" / "ocean.toml", GOOD_THEME.format(name="ocean"))
    write(config_dir / "themes" / "broken.toml", 'name = "broken"\nprimary = "#ggg"\n')
    result, marks = run_themes(config_dir)
    assert result.exit_code == 0
    assert "ocean" in marks and "broken" not in marks
    problems = [line for line in result.stderr.splitlines() if "broken.toml" in line]
    assert len(problems) == 1 and "'primary'" in problems[0]
    assert "broken.toml" not in result.stdout


def test_a_theme_files_name_and_text_reach_the_terminal_without_control_characters(config_dir: Path) -> None:
    """A theme file is the user's text: a name with an escape sequence is refused (it could
    never be typed after --theme), and the problem naming a file whose name holds one is
    printed with spaces instead."""
    folder = config_dir / "themes"
    write(folder / "evil.toml", 'name = "evil\\u001b]0;pwned\\u0007"\nprimary = "#336699"\n')
    write(folder / "bad\x1b]0;pwned\x07.toml", 'name = "bad"\nprimary = "#ggg"\n')
    result, marks = run_themes(config_dir)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout + result.stderr
    assert not [name for name in marks if "evil" in name]
    (refused,) = [line for line in result.stderr.splitlines() if "evil.toml" in line]
    assert "'name' must be a non-empty name without commas, control characters" in refused
    (named,) = [line for line in result.stderr.splitlines() if "'primary'" in line]
    assert "bad ]0;pwned .toml" in named


def test_a_theme_whose_textual_colour_variable_is_no_colour_is_named_and_skipped(config_dir: Path) -> None:
    """Textual builds such a theme without a word and fails on its stylesheet once it is picked:
    it is refused when loaded, so it is never listed, picked or remembered."""
    write(
        config_dir / "themes" / "zzz.toml",
        'name = "zzz"\nprimary = "#336699"\n[variables]\nfooter-key-foreground = "zzz"\n'
        'block-cursor-text-style = "bold"\n',
    )
    result, marks = run_themes(config_dir)
    assert result.exit_code == 0
    assert "zzz" not in marks
    (problem,) = [line for line in result.stderr.splitlines() if "zzz.toml" in line]
    assert "footer-key-foreground" in problem


def test_a_theme_with_a_text_style_variable_still_loads(config_dir: Path) -> None:
    write(
        config_dir / "themes" / "styled.toml",
        'name = "styled"\nprimary = "#336699"\n[variables]\nblock-cursor-text-style = "bold"\n',
    )
    themes, problems = load_all(config_dir / "themes")
    assert problems == [] and "styled" in {theme.name for theme in themes}


def test_themes_with_an_unknown_option_lists_then_fails_as_a_usage_error(config_dir: Path) -> None:
    result, marks = run_themes(config_dir, "--theme", "nope")
    assert result.exit_code == 2
    assert "*" not in marks.values() and DEFAULT_THEME in marks
    assert "unknown theme 'nope'; available: jobboard-colorblind, jobboard-dark" in result.stderr


def test_themes_with_an_unknown_configured_theme_is_a_settings_error(config_dir: Path) -> None:
    write(config_dir / "config.toml", 'theme = "nope"\n')
    result, marks = run_themes(config_dir)
    assert result.exit_code == 1  # a SettingsError, said in one line
    assert f"jobboard: {config_dir / 'config.toml'}: unknown theme 'nope'" in result.stderr.splitlines()[-1]
    assert DEFAULT_THEME in marks


def test_themes_falls_back_to_the_default_when_the_configured_theme_file_is_broken(config_dir: Path) -> None:
    write(config_dir / "config.toml", 'theme = "mine"\n')
    write(config_dir / "themes" / "mine.toml", 'name = "mine"\nprimary = "#ggg"\n')
    result, marks = run_themes(config_dir)
    assert result.exit_code == 0
    assert marks[DEFAULT_THEME] == "*"
    assert "mine.toml" in result.stderr and "'mine' in" in result.stderr


# -- staying light --------------------------------------------------------------------------------


def test_importing_the_cli_and_theme_modules_never_imports_textual() -> None:
    code = (
        "import sys, jobboard, jobboard.cli.main, jobboard.cli.themes, jobboard.tui.themes\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_the_tui_never_imports_the_cli() -> None:
    code = (
        "import sys, jobboard.tui.app\n"
        "print(sorted(m for m in sys.modules if m == 'click' or m.startswith('jobboard.cli.main')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_jobboard_themes_never_imports_the_textual_app(private_dirs: Path) -> None:
    code = (
        "import sys\n"
        "from jobboard.cli import themes as cli_themes\n"
        "from jobboard.cli.main import main\n"
        "try:\n"
        "    main(['themes'])\n"
        "except SystemExit as done:\n"
        "    assert done.code == 0, done.code\n"
        "print('textual.app' in sys.modules, 'textual.theme' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split()[-2:] == ["False", "True"]


# -- the parsed theme files kept for the next start (jobboard.config.kept_tables) --------------


def test_theme_files_parsed_once_are_read_from_the_kept_tables_until_one_changes(config_dir: Path) -> None:
    from jobboard.config.settings import kept_tables_path

    folder = config_dir / "themes"
    folder.mkdir(exist_ok=True)
    mine = folder / "ocean.toml"
    mine.write_text('name = "ocean"\nprimary = "#336699"\n')
    first, problems = load_all(folder)
    assert problems == []
    kept = json.loads(kept_tables_path().read_text())
    assert kept["files"][str(mine.resolve())]["table"] == {"name": "ocean", "primary": "#336699"}
    assert len(kept["files"]) == len(SHIPPED_FILES) + 1

    again, _ = load_all(folder)
    assert [(t.name, t.primary) for t in again] == [(t.name, t.primary) for t in first]

    mine.write_text('name = "ocean"\nprimary = "#117733"\nsecondary = "#aa3377"\n')  # the user edits it
    edited, _ = load_all(folder)
    assert (edited[-1].primary, edited[-1].secondary) == ("#117733", "#aa3377")


def test_a_kept_table_is_checked_as_the_file_would_be_and_a_broken_kept_file_is_ignored(config_dir: Path) -> None:
    from jobboard.config.settings import kept_tables_path

    folder = config_dir / "themes"
    folder.mkdir(exist_ok=True)
    mine = folder / "ocean.toml"
    mine.write_text('name = "ocean"\nprimary = "#336699"\n')
    load_all(folder)
    store = kept_tables_path()
    kept = json.loads(store.read_text())
    kept["files"][str(mine.resolve())]["table"]["primary"] = "#ggg"  # tampered with, file unchanged
    store.write_text(json.dumps(kept))
    themes, problems = load_all(folder)
    assert "ocean" not in [t.name for t in themes]
    assert len(problems) == 1 and "ocean.toml" in problems[0] and "not a colour" in problems[0]

    for broken in ("{not json", json.dumps({"format": 99, "files": {}}), json.dumps([1, 2])):
        store.write_text(broken)
        themes, problems = load_all(folder)
        assert problems == [] and themes[-1].name == "ocean"
        assert json.loads(store.read_text())["format"] == 1  # written anew


def test_a_theme_file_json_cannot_keep_is_parsed_each_time_and_checked_as_ever(config_dir: Path) -> None:
    from jobboard.config.settings import kept_tables_path

    folder = config_dir / "themes"
    folder.mkdir(exist_ok=True)
    (folder / "dated.toml").write_text('name = 1979-05-27\nprimary = "#336699"\n')
    (folder / "nan.toml").write_text('name = "nan"\nprimary = "#336699"\ndark = nan\n')
    for _ in range(2):
        themes, problems = load_all(folder)
        assert {t.name for t in themes}.isdisjoint({"nan", "1979-05-27"})
        assert sorted(p.split(":")[0].rsplit("/", 1)[-1] for p in problems) == ["dated.toml", "nan.toml"]
    kept = json.loads(kept_tables_path().read_text())["files"]
    assert not any(name.endswith(("dated.toml", "nan.toml")) for name in kept)
