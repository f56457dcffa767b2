"""counted: the singular for exactly one, in every count said in words."""

from __future__ import annotations

import pytest

from jobboard.core.counted import counted


@pytest.mark.parametrize(
    ("count", "noun", "said"),
    [
        (0, "card", "0 cards"),
        (1, "card", "1 card"),
        (2, "change", "2 changes"),
        (12345678, "application", "12345678 applications"),  # a whole number never in e-notation
        (1.0, "day", "1 day"),
        (7.0, "day", "7 days"),
        (2.5, "day", "2.5 days"),
        (1, "archived application", "1 archived application"),
    ],
)
def test_counted(count, noun, said):
    assert counted(count, noun) == said
