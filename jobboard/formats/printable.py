"""Text from the board made harmless for a terminal, for every CLI printer.

A board's text is whatever was typed, imported or synced in: an escape sequence in a company
name would retitle the window, clear the screen or recolour what follows when `jobboard list`
prints it. Control characters (C0, DEL, C1), line and paragraph separators, and the bidi
controls that reorder a line become spaces. The TUI draws its cards, panel and dialogs
through these same functions, so the board and `jobboard list` agree on what is safe.
"""

from __future__ import annotations

from jobboard.core.patterns import Pattern

_OTHERS = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"  # DEL, C1, separators, bidi controls
_CONTROL = Pattern(f"[\x00-\x1f{_OTHERS}]")
_CONTROL_BUT_NEWLINE = Pattern(f"[\x00-\x09\x0b-\x1f{_OTHERS}]")
_RAW_IN_JSON = Pattern(f"[{_OTHERS}]")


def one_line(text: str) -> str:
    """``text`` for one line of a terminal: every control character a space."""
    return _CONTROL.sub(" ", str(text))


def many_lines(text: str) -> str:
    """``text`` (notes) for a terminal: line breaks kept, every other control character a space."""
    return _CONTROL_BUT_NEWLINE.sub(" ", str(text).replace("\r\n", "\n"))


def json_text(text: str) -> str:
    """JSON (from ``json.dumps(..., ensure_ascii=False)``) safe for a terminal and still the
    same data: the controls json.dumps leaves raw (DEL, C1, separators, bidi) become ``\\uXXXX``
    escapes, which only ever occur inside its strings."""
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
