"""Schema versions of the board file and the steps that upgrade an older board.

Each step takes the raw TinyDB data of version N and returns version N + 1. The store backs
the file up (a ``before-schema-N`` copy) before it writes an upgraded board, upgrades in memory
only when it just reads, and refuses a board from a newer jobboard.

Version 1 is the first and, so far, only schema: no older board exists, so ``STEPS`` is empty.
To change the file's shape, bump ``SCHEMA_VERSION``, register the step from the previous
version here, and add a fixture of the old version under ``tests/fixtures/boards/``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1

Data = dict[str, Any]

# version N -> the step that turns a version-N board into version N + 1.
STEPS: dict[int, Callable[[Data], Data]] = {}


class MigrationError(ValueError):
    """An older board could not be upgraded (a missing step, or a step that failed on it)."""


def version_of(data: Data) -> int:
    return int(data["meta"]["1"]["schema_version"])


def backup_reason() -> str:
    """What the copy kept before an upgrade is called: ``before-schema-<the new version>``."""
    return f"before-schema-{SCHEMA_VERSION}"


def upgraded(data: Data) -> Data:
    """A copy of ``data`` brought up to SCHEMA_VERSION (the input is left untouched)."""
    data = copy.deepcopy(data)
    version = version_of(data)
    while version < SCHEMA_VERSION:
        step = STEPS.get(version)
        if step is None:
            raise MigrationError(f"this jobboard has no upgrade from schema {version}")
        try:
            data = step(data)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise MigrationError(f"the upgrade from schema {version} failed ({error!r})") from error
        version += 1
        data["meta"]["1"]["schema_version"] = version
    return data
