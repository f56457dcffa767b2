"""Findings 5 and 12 of issue 28: exports that stay inert where they are opened.

A CSV cell whose first printable character starts a formula is guarded even behind a NUL, a
control character or blanks (and comes back exactly on import); a markdown export shows the
URLs and emails of notes as text, never as live links (docs/data.md).
"""

from __future__ import annotations

import csv
import io

import pendulum
import pytest
from markdown_it import MarkdownIt

from jobboard.core.model import new_application
from jobboard.formats.export import guard_cell, to_csv, to_markdown, unguard_cell

DAY = pendulum.date(2026, 11, 2)
BEHIND = [
    "\x00=1+1",
    '\x00=HYPERLINK("http://evil.example","x")',
    "\x01+A1",
    " =1",
    "\t\x00@SUM(A1)",
    "\r\n-2",
    "\x1b=1",
    "\u00a0=1",
    "\ufeff=1",
    "\x85=1",
    "''\x00=1",
]


@pytest.mark.parametrize("text", BEHIND)
def test_a_formula_behind_a_control_character_is_guarded_and_comes_back(text: str) -> None:
    guarded = guard_cell(text)
    assert guarded.startswith("'") and unguard_cell(guarded) == text


@pytest.mark.parametrize("text", ["plain", "a=b", "\x00plain", " 1-2", "email@x.example"])
def test_cells_with_no_formula_are_left_alone(text: str) -> None:
    assert guard_cell(text) == text


def test_the_csv_export_guards_the_issues_cells() -> None:
    application = new_application("1", "Acme", "Eng", notes=BEHIND[0], source=BEHIND[1], applied_on=DAY)
    rows = list(csv.reader(io.StringIO(to_csv([application]), newline="")))
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["notes"] == "'" + BEHIND[0] and cells["source"] == "'" + BEHIND[1]


def linked(markdown: str) -> list[str]:
    """The targets of every link a GFM-like renderer (with linkify) makes of ``markdown``."""
    html = MarkdownIt("gfm-like").enable("linkify").render(markdown)
    return [part.split('"', 1)[0] for part in html.split('href="')[1:]]


def test_markdown_exports_make_no_live_links_of_notes_and_names() -> None:
    notes = "Apply at https://evil.example/login or www.evil.example, write to dana@acme.example, mailto:x@y.example"
    application = new_application(
        "1",
        "https://acme.example",
        "Eng dana@acme.example",
        notes=notes,
        url="https://acme.example/jobs",
        applied_on=DAY,
    )
    assert linked(notes)  # the renderer used here does make links of them as written
    text = to_markdown([application], DAY.add(days=1), details=True)
    assert linked(text) == []
    rendered = MarkdownIt("gfm-like").render(text)
    assert "https://evil.example/login" in rendered and "dana@acme.example" in rendered
