"""Where the board and the settings live, and what config.toml may say.

Paths come from platformdirs; nothing here creates a folder (a write does that, when it
needs to). config.toml is optional: a missing file means the defaults. An invalid value is one
sentence naming the key and the file.

Every command imports this module, and many never need what it can do (`jobboard list --json
--db FILE` reads no settings at all), so platformdirs, the TOML parser and the advice rules
are imported only when a path, a config file or the settings are actually wanted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jobboard.core.model import ALL_STATUSES, DEFAULT_COLUMNS

if TYPE_CHECKING:
    from jobboard.core.etiquette import EtiquetteSettings

APP_NAME = "jobboard"
DEFAULT_EXPORT_NAME = "jobboard-{date}.md"
KNOWN_TOP_LEVEL = {
    "columns", "theme", "export_name", "etiquette", "profile", "keys", "archive_closed_after_days", "capture"
}
CAPTURE_TIMEOUT = 10.0  # seconds a posting page may take to answer (docs/capture.md)


class SettingsError(Exception):
    """config.toml says something jobboard cannot use; the message names the key and file."""


def default_board_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "board.json"


def default_config_path() -> Path:
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "config.toml"


def user_themes_folder(config_path: Path | None = None) -> Path:
    return (config_path or default_config_path()).parent / "themes"


def state_path() -> Path:
    """Small things the app remembers between runs (the last theme chosen)."""
    import platformdirs

    return platformdirs.user_state_path(APP_NAME, appauthor=False) / "state.json"


def kept_looks_folder() -> Path:
    """Where each large board's kept first look waits for the next start (jobboard.storage.kept_look):
    the platform's cache folder, which may be emptied at any time."""
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME, appauthor=False) / "first-look"


def kept_tables_path() -> Path:
    """Where the theme files' parsed tables wait for the next start (jobboard.config.kept_tables),
    in the platform's cache folder, which may be emptied at any time."""
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME, appauthor=False) / "theme-tables.json"


def board_path(option: str | os.PathLike[str] | None = None) -> Path:
    """--db (or $JOBBOARD_DB, which click reads for it), else the platform's data folder."""
    return Path(option).expanduser() if option else default_board_path()


def config_path(option: str | os.PathLike[str] | None = None) -> Path:
    """--config (or $JOBBOARD_CONFIG, which click reads for it), else the platform's folder."""
    return Path(option).expanduser() if option else default_config_path()


def _default_etiquette() -> EtiquetteSettings:
    from jobboard.core.etiquette import EtiquetteSettings

    return EtiquetteSettings()


@dataclass(frozen=True)
class Settings:
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    theme: str | None = None
    export_name: str = DEFAULT_EXPORT_NAME
    keys: dict[str, str] = field(default_factory=dict)
    etiquette: EtiquetteSettings = field(default_factory=_default_etiquette)
    archive_closed_after_days: int = 0  # 0: off (see jobboard.core.archiving)
    capture_timeout: float = CAPTURE_TIMEOUT  # [capture] timeout, in seconds
    source: Path | None = None  # the config.toml they came from (or would: it may not exist yet)


def load_settings(path: Path | None = None) -> Settings:
    """Read config.toml (``path``, else the default); defaults when missing."""
    path = path or config_path()
    from jobboard.storage.safefile import FileRefused, read_regular

    try:
        raw = read_regular(path)
    except FileNotFoundError:
        return Settings(source=path)  # the defaults; the file is where to write them (hints name it)
    except FileRefused as error:
        raise SettingsError(f"cannot read {error}; choose a config file with --config.") from error
    except OSError as error:
        raise SettingsError(f"cannot read {path}: {error.strerror}.") from error
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsError(f"{path} is not valid TOML: {error}.") from error
    try:
        return settings_from_mapping(data, path)
    except ValueError as error:
        raise SettingsError(f"{path}: {error}.") from error


def settings_from_mapping(data: dict[str, Any], path: Path | None = None) -> Settings:
    unknown = sorted(set(data) - KNOWN_TOP_LEVEL)
    if unknown:
        raise ValueError(f"unknown setting '{unknown[0]}'; known: {', '.join(sorted(KNOWN_TOP_LEVEL))}")
    columns = _columns(data.get("columns", list(DEFAULT_COLUMNS)))
    theme = data.get("theme")
    if theme is not None and (not isinstance(theme, str) or not theme.strip()):
        raise ValueError("'theme' must be the name of a theme, e.g. theme = \"jobboard-dark\"")
    export_name = data.get("export_name", DEFAULT_EXPORT_NAME)
    if not isinstance(export_name, str) or not export_name.strip():
        raise ValueError("'export_name' must be a file name such as \"jobboard-{date}.md\"")
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in keys.items()):
        raise ValueError('[keys] must map binding ids to keys, e.g. move_right = "ctrl+l"')
    archive_after = data.get("archive_closed_after_days", 0)
    if isinstance(archive_after, bool) or not isinstance(archive_after, int) or not 0 <= archive_after <= 3650:
        raise ValueError(
            f"'archive_closed_after_days' must be a whole number of days from 0 (off) to 3650, not {archive_after!r}"
        )
    capture_timeout = _capture_timeout(data.get("capture", {}))
    etiquette_table, profile = data.get("etiquette", {}), data.get("profile", {})
    if not isinstance(etiquette_table, dict) or not isinstance(profile, dict):
        raise ValueError("[etiquette] and [profile] must be tables")
    from jobboard.core.etiquette import EtiquetteSettings

    return Settings(
        columns=columns,
        theme=theme,
        export_name=export_name,
        keys=dict(keys),
        archive_closed_after_days=archive_after,
        capture_timeout=capture_timeout,
        etiquette=EtiquetteSettings.from_mapping(etiquette_table, profile),
        source=path,
    )


def _capture_timeout(table: Any) -> float:
    """[capture] timeout: seconds, more than 0 and at most 120 (a page that slow is not coming)."""
    if not isinstance(table, dict):
        raise ValueError("[capture] must be a table, e.g. [capture] then timeout = 10")
    unknown = sorted(set(table) - {"timeout"})
    if unknown:
        raise ValueError(f"unknown setting 'capture.{unknown[0]}'; known: capture.timeout")
    timeout = table.get("timeout", CAPTURE_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 120:
        raise ValueError(f"'capture.timeout' must be a number of seconds above 0 and at most 120, not {timeout!r}")
    return float(timeout)


def _columns(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(c, str) for c in value):
        raise ValueError(f"'columns' must be a list of statuses chosen from {', '.join(ALL_STATUSES)}")
    columns = [c.strip().lower() for c in value]
    for column in columns:
        if column not in ALL_STATUSES:
            raise ValueError(f"unknown column '{column}' in 'columns'; choose from {', '.join(ALL_STATUSES)}")
    if len(set(columns)) != len(columns):
        raise ValueError("'columns' lists a status twice")
    # Columns always show in the board's natural order, whatever order the file gives.
    return tuple(status for status in ALL_STATUSES if status in columns)
