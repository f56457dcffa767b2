"""Schema versions of the board file and the steps that upgrade an older board.

Each step takes the raw TinyDB data of version N and returns version N + 1. The store backs
the file up before it writes an upgraded board, and refuses a board from a newer jobboard.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1

Data = dict[str, Any]

# version N -> the step that turns a version-N board into version N + 1.
STEPS: dict[int, Callable[[Data], Data]] = {}


def version_of(data: Data) -> int:
    return int(data["meta"]["1"]["schema_version"])


def upgraded(data: Data) -> Data:
    """A copy of ``data`` brought up to SCHEMA_VERSION (the input is left untouched)."""
    data = copy.deepcopy(data)
    version = version_of(data)
    while version < SCHEMA_VERSION:
        data = STEPS[version](data)
        version += 1
        data["meta"]["1"]["schema_version"] = version
    return data
