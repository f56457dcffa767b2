"""JSON read quickly and safely: orjson first, the standard parser for whatever orjson refuses.

orjson parses a large board or export in about half the standard parser's time and stops at
1,024 levels by itself. What it refuses (text that is not UTF-8, a 65-bit integer, NaN, broken
JSON) is left to the standard parser, which decides, as it always has, what is valid and what an
error names; that parser recurses once per level, so a text nested deeper than ``max_nesting``
is refused by its shape first (a ValueError, never a RecursionError).
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

from jobboard.core.patterns import Pattern

_STRINGS = Pattern(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = Pattern(r"[\[\]{}]")


def load_json(data: str | bytes, max_nesting: int) -> Any:
    """The JSON value in ``data``; ValueError (a JSONDecodeError, with line and column, for
    broken JSON) when there is none."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        pass
    text = data if isinstance(data, str) else data.decode("utf-8", "replace")
    depth = 0
    for bracket in _BRACKETS.finditer(_STRINGS.sub("", text)):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > max_nesting:
            raise ValueError(f"the JSON nests lists or objects more than {max_nesting} levels deep")
    return json.loads(data)
