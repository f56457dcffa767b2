"""jobboard.core.patterns: a pattern compiled on first use matches as re's own does."""

from __future__ import annotations

import re

from jobboard.core.fields import check_url
from jobboard.core.patterns import Pattern


def test_a_pattern_matches_searches_and_substitutes_as_a_compiled_one():
    source = r"(?:in|within) (\d+) (day|week)s?"
    lazy, compiled = Pattern(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    for text in ["In 3 days", "within 2 weeks", "in a day", "", "reply in 10 days, please"]:
        assert bool(lazy.fullmatch(text)) == bool(compiled.fullmatch(text))
        assert bool(lazy.search(text)) == bool(compiled.search(text))
        assert lazy.sub("<span>", text) == compiled.sub("<span>", text)
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.compiled is lazy.compiled  # compiled once, then kept


def test_the_fields_checks_still_refuse_what_they_refused():
    assert check_url("https://jobs.example.com/123") == "https://jobs.example.com/123"
    for hostile in ["javascript:alert(1)", "https://exa\u202emple.com", "https://a b.com"]:
        try:
            check_url(hostile)
        except ValueError:
            continue
        raise AssertionError(f"{hostile!r} was accepted")
