"""A number and its noun, in the singular for exactly one: "1 card", "3 cards", "1.5 days".

Every count jobboard says in words goes through ``counted``, so none reads "1 cards".
"""

from __future__ import annotations


def counted(count: float, noun: str) -> str:
    """``count`` then ``noun``, with an "s" unless ``count`` is 1; a float as short as it
    goes (``2.5``, ``7``), a whole number as it is."""
    number = f"{count:g}" if isinstance(count, float) else str(count)
    return f"{number} {noun}{'s' * (count != 1)}"
