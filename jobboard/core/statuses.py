"""The words for a card's column: one table of every status and its synonyms, read the same way
by `jobboard move`/`add`/`list`, the importer and the TUI.

Every status is a place a card can go, whether or not config.toml shows its column: a card
moved to a hidden column stays on the board, counted in the header (docs/cli.md).
"""

from __future__ import annotations

from jobboard.core.model import ALL_STATUSES

# Each status with the other words trackers and people use for it, compared without case,
# spaces or punctuation ("phone-screen" is "Phone Screen").
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "wishlist": ("Saved", "Bookmarked", "To apply", "Applying", "Interested", "Wish list"),
    "applied": ("Submitted", "Sent"),
    "interviewed": ("Interview", "Interviewing", "Phone Screen", "Screen", "Screening", "Onsite"),
    "offer": ("Offered", "Negotiating", "Offer received", "Accepted", "Offer accepted"),
    "silent": ("Ghosted", "No response", "No answer"),
    "rejected": ("Declined", "Not selected", "Not moving forward", "Turned down"),
    "withdrawn": ("Withdrew", "Withdraw", "Dropped out"),
}


def word_key(text: str) -> str:
    """A word as the table compares it: case, spaces and punctuation left out."""
    return "".join(char for char in text.casefold() if char.isalnum())


_LOOKUP: dict[str, str] = {
    **{word_key(word): status for status, words in STATUS_WORDS.items() for word in words},
    **{word_key(status): status for status in ALL_STATUSES},
}


def status_of(word: str) -> str:
    """The status a word names ("Interviewing" -> "interviewed"); ValueError naming the word
    when it names none."""
    status = _LOOKUP.get(word_key(word))
    if status is None:
        raise ValueError(f"unknown status '{word.strip()}'")
    return status


def statuses_with_words() -> list[str]:
    """One line per status and its synonyms, for help texts: "interviewed (Interview, ...)"."""
    return [f"{status} ({', '.join(STATUS_WORDS[status])})" for status in ALL_STATUSES]
