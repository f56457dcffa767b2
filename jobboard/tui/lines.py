"""What the board, the side panel and the dialogs share to draw text in a row of cells:
text cut to a width, the due marks, and a slim scrollbar. Text is made safe for the terminal
by jobboard.formats.printable, the same functions every CLI printer uses."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

from jobboard.core.etiquette import NextStep

# Symbols carry the state as well as colour, for colour-blind users and monochrome terminals.
DUE_MARK = "●"
OVERDUE_MARK = "▲"
SNOOZE_MARK = "z"


def as_sentence(message: object) -> str:
    """A message as raised (an error's text: lower-case, no full stop, so it can also end a
    CLI line) as a sentence to show on its own: capitalised, with a full stop."""
    text = str(message)
    return f"{text[:1].upper()}{text[1:]}."


def fit(text: str, width: int) -> str:
    """Exactly ``width`` cells: padded, or cut with an ellipsis (wide characters counted)."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def on_thumb(y: int, top: int, height: int, total: int) -> bool:
    """Is row ``y`` of a view ``height`` rows tall, scrolled to ``top`` over ``total`` rows, on
    the scroll thumb? The columns and the panel draw their own slim scrollbar in their last
    cell: a Textual scrollbar is a widget of its own, and redrawing them made up a third of
    the time a card move took to show."""
    if total <= height or height <= 0:
        return False
    thumb = max(1, round(height * height / total))
    start = round(top * (height - thumb) / max(total - height, 1))
    return start <= y < start + thumb


def step_mark(step: NextStep | None) -> str:
    if step is None:
        return " "
    if step.snoozed_until is not None:
        return SNOOZE_MARK
    return {"overdue": OVERDUE_MARK, "due": DUE_MARK}.get(step.state, " ")
