"""One table of status words (jobboard.core.statuses), read alike by the CLI, the importer and the TUI."""

from __future__ import annotations

import pytest

from jobboard.core.model import ALL_STATUSES
from jobboard.core.statuses import STATUS_WORDS, status_of, statuses_with_words


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Interviewing", "interviewed"),
        ("phone-screen", "interviewed"),
        ("WITHDRAWN", "withdrawn"),
        (" withdrew ", "withdrawn"),
        ("Ghosted", "silent"),
        ("Offer received", "offer"),
        ("wishlist", "wishlist"),
    ],
)
def test_a_status_or_a_synonym_names_the_status(word, status):
    assert status_of(word) == status


def test_every_status_has_its_words_and_no_word_names_two():
    assert set(STATUS_WORDS) == set(ALL_STATUSES)
    words = [word.casefold() for words in STATUS_WORDS.values() for word in words]
    assert len(words) == len(set(words))
    assert all(status_of(status) == status for status in ALL_STATUSES)


def test_an_unknown_word_is_named():
    with pytest.raises(ValueError, match="unknown status 'hired'"):
        status_of("hired")
    with pytest.raises(ValueError, match="unknown status ''"):
        status_of("  ")


def test_the_help_lines_name_each_status_then_its_words():
    lines = statuses_with_words()
    assert lines[ALL_STATUSES.index("interviewed")].startswith("interviewed (Interview, Interviewing,")
