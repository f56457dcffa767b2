"""The board's columns: each renders only the card lines on screen (Textual's line API).

A board of 10,000 applications mounts the same handful of widgets as a board of ten: a
column keeps a plain list of applications and paints the rows the terminal can show.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pendulum
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from jobboard import dates
from jobboard.etiquette import NextStep
from jobboard.first_look import CARD_HEIGHT
from jobboard.model import STATUS_TITLES, Application

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

# Symbols carry the state as well as colour, for colour-blind users and monochrome terminals.
DUE_MARK = "●"
OVERDUE_MARK = "▲"
SNOOZE_MARK = "z"


def one_line(text: str) -> str:
    """Text as typed, but with control characters and newlines made harmless for one row."""
    return _CONTROL.sub(" ", text)


_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def many_lines(text: str) -> str:
    """Text for a multi-line area (notes, drafts): line breaks kept, other control codes gone."""
    return _CONTROL_BUT_NEWLINE.sub(" ", text.replace("\r\n", "\n"))


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


def repeated_row(widget: Widget, crop: Region) -> list[Strip] | None:
    """Textual's lines for a widget whose rows all look the same (a column's frame, the side
    panel before it has anything to say): one row drawn by Textual, used for every row. None
    when the widget's CSS gives it a top or bottom edge, where the rows differ."""
    styles = widget.styles
    edges = (styles.border_top, styles.border_bottom, styles.outline_top, styles.outline_bottom)
    if any(edge for edge, _ in edges) or styles.padding.top or styles.padding.bottom:
        return None
    return Widget.render_lines(widget, Region(crop.x, crop.y, crop.width, 1)) * crop.height


def step_mark(step: NextStep | None) -> str:
    if step is None:
        return " "
    if step.snoozed_until is not None:
        return SNOOZE_MARK
    return {"overdue": OVERDUE_MARK, "due": DUE_MARK}.get(step.state, " ")


class DrawnLines:
    """For a widget that draws every cell of its lines itself (no border, padding, outline,
    tint, hatch or opacity in its CSS): its lines go to the screen as ``render_line`` made them,
    through the app's colour filters only.

    Textual's own pass over each line (for borders, padding and tint) wraps every line in a
    new Strip each frame, so the Strips' own caches (filtered, divided, rendered) never hit:
    for the two columns a card move repaints, that pass was most of the frame. Should the
    CSS ever give the widget a border or the like, Textual's pass is used again."""

    def render_lines(self, crop: Region) -> list[Strip]:
        styles = self.styles
        if (
            any(edge for edge, _ in styles.border)
            or any(edge for edge, _ in styles.outline)
            or any(styles.padding)
            or styles.tint.a
            or styles.text_opacity != 1
            or self.opacity != 1
            or (styles.has_rule("hatch") and styles.hatch != "none")
        ):
            return super().render_lines(crop)
        background = self.background_colors[1]
        filters = self.get_line_filters()
        strips = []
        for y in crop.line_range:
            strip = self.render_line(y)
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            strips.append(strip)
        if crop.column_span != (0, self.size.width):
            strips = [strip.crop(*crop.column_span) for strip in strips]
        return strips


class CardList(DrawnLines, ScrollView, can_focus=False):
    """The cards of one column, drawn line by line; only visible rows are ever rendered."""

    COMPONENT_CLASSES = {
        "card--company",
        "card--role",
        "card--meta",
        "card--cursor",
        "card--due",
        "card--overdue",
        "card--scrollbar",
    }

    cursor: reactive[int] = reactive(0, always_update=True)
    active: reactive[bool] = reactive(False)

    class Selected(Message):
        """The highlighted card changed (or the column became active)."""

    def __init__(self, status: str, step_for: Callable[[Application], NextStep | None]) -> None:
        super().__init__(classes="cards")
        self.status = status
        self.cards: list[Application] = []
        self.rows = 0  # the cards the column holds: more than ``cards`` in a first look
        self.step_for = step_for
        self.today = pendulum.today().date()
        self._styles: dict[str, Style] = {}
        self._lines: dict[tuple, tuple[Application, NextStep | None, Strip]] = {}

    def set_cards(self, cards: list[Application], keep_id: str | None = None, rows: int | None = None) -> None:
        """Show these cards; keep the cursor on ``keep_id`` if it is still here. ``rows``: the
        cards the column holds when ``cards`` are only its top ones (a first look), so that
        the scrollbar already has its final size."""
        self.cards = cards
        self.rows = len(cards) if rows is None else rows
        size = Size(self.container_size.width, self.rows * CARD_HEIGHT)
        if size != self.virtual_size:
            # Without the layout pass a changed virtual size asks for: the column's place on
            # screen stays the same, scrolling reads the new size directly, and the scrollbar
            # is drawn in the card lines. A card move is then a repaint of two columns.
            self.set_reactive(CardList.virtual_size, size)
        index = next((i for i, a in enumerate(cards) if a.id == keep_id), None) if keep_id else None
        self.cursor = index if index is not None else min(self.cursor, max(len(cards) - 1, 0))
        self.refresh()

    @property
    def selected(self) -> Application | None:
        return self.cards[self.cursor] if 0 <= self.cursor < len(self.cards) else None

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.cards) - 1)) if self.cards else 0

    def watch_cursor(self, _old: int, new: int) -> None:
        self.scroll_to_region_of(new)
        self.refresh()
        if self.active:
            self.post_message(self.Selected())

    def watch_active(self) -> None:
        self.refresh()

    def scroll_to_region_of(self, index: int) -> None:
        """Scroll just enough to show card ``index``, keeping whole cards at the top so that
        every column reads from a company name down."""
        top = index * CARD_HEIGHT
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + CARD_HEIGHT - 1 > self.scroll_y + self.size.height:
            fits = max(1, (self.size.height + 1) // CARD_HEIGHT)  # a card's blank line may be cut
            self.scroll_to(y=max(0, (index - fits + 1) * CARD_HEIGHT), animate=False)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.rows * CARD_HEIGHT)
        self.scroll_to_region_of(self.cursor)

    def render_line(self, y: int) -> Strip:
        width = self.container_size.width  # the cheap way to the width (size looks up the map)
        top = int(self.scroll_y)
        index, line = divmod(y + top, CARD_HEIGHT)
        thumb = self._on_thumb(y, top)
        if index >= len(self.cards) or line == CARD_HEIGHT - 1:
            return self._blank_line(width, thumb)
        application = self.cards[index]
        highlighted = index == self.cursor and self.active
        step = self.step_for(application) if line == 0 else None
        # Lines are cached by what they show: scrolling and moving the cursor repaint from the
        # cache, and a changed application (a new object) or step simply misses it. The same
        # Strip object also lets Textual reuse what it did with it last time.
        key = (application.id, line, width, highlighted, thumb)
        hit = self._lines.get(key)
        if hit is not None and hit[0] is application and hit[1] is step:
            return hit[2]
        segments = self._card_line(application, step, line, width - 1, highlighted)
        strip = Strip([*segments, self._edge(thumb)], width)
        if len(self._lines) > 4000:
            self._lines.clear()
        self._lines[key] = (application, step, strip)
        return strip

    def _on_thumb(self, y: int, top: int) -> bool:
        return on_thumb(y, top, self.container_size.height, self.rows * CARD_HEIGHT)

    def _edge(self, thumb: bool) -> Segment:
        return Segment("▐", self._style("card--scrollbar")) if thumb else Segment(" ", self._style("base"))

    def _blank_line(self, width: int, thumb: bool) -> Strip:
        key = ("blank", width, thumb)
        hit = self._lines.get(key)
        if hit is None:
            blank = Strip([Segment(" " * (width - 1), self._style("base")), self._edge(thumb)], width)
            hit = self._lines[key] = (None, None, blank)
        return hit[2]

    def _style(self, name: str) -> Style:
        """A component style, looked up once per theme (the lookup walks the stylesheet)."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.rich_style if name == "base" else self.get_component_rich_style(name)
        return style

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._lines.clear()

    def _card_line(
        self,
        application: Application,
        step: NextStep | None,
        line: int,
        width: int,
        highlighted: bool,
    ) -> list[Segment]:
        """One row of a card, ``width`` cells (the column's last cell is its scrollbar)."""
        base = self._style("card--cursor") if highlighted else self._style("base")
        gutter = "▌" if highlighted else " "
        inner = max(width - 1, 0)
        if line == 0:
            mark = step_mark(step)
            mark_style = base
            if step is not None and step.state == "overdue" and step.snoozed_until is None:
                mark_style = base + self._style("card--overdue")
            elif mark != " ":
                mark_style = base + self._style("card--due")
            return [
                Segment(gutter, base),
                Segment(fit(one_line(application.company), max(inner - 1, 0)), base + self._style("card--company")),
                Segment(mark, mark_style),
            ]
        if line == 1:
            return [
                Segment(gutter, base),
                Segment(fit(one_line(application.role), inner), base + self._style("card--role")),
            ]
        ago = dates.ago(application.applied_on, self.today)
        verb = "added" if application.status == "wishlist" else "applied"
        meta = f"{verb} {ago}" if cell_len(ago) + len(verb) + 1 <= inner else ago
        return [
            Segment(gutter, base),
            Segment(fit(meta, inner), base + self._style("card--meta")),
        ]


class ColumnHeader(DrawnLines, Widget):
    """The column's name over its counts, shortened to fit a narrow column rather than wrapped.

    Drawn in the column's own colour, filled with it when the column is active. The header
    paints that itself (no CSS class changes), so moving between columns is a repaint, not a
    restyle of the whole board; and it draws its two lines itself, from a small cache, because
    the two headers a card move touches were otherwise a good part of that move's repaint.
    """

    def __init__(self, status: str) -> None:
        super().__init__(classes="column-header")
        self.status = status
        self.title = STATUS_TITLES.get(status, status.title())
        self.count = 0
        self.due = 0
        self.active = False
        self._lines: dict[tuple, Strip] = {}

    def show_counts(self, count: int, due: int) -> None:
        if (count, due) != (self.count, self.due):
            self.count, self.due = count, due
            self.refresh()

    def show_active(self, active: bool) -> None:
        if active != self.active:
            self.active = active
            self.paint_colour()

    def paint_colour(self) -> None:
        """Fill the header with its column's colour when active (again after a theme change).
        An inline background, not a CSS class: no restyle of the board, just a repaint."""
        colour = self.app.theme_variables.get(f"column-{self.status}") if self.active else None
        self.styles.background = colour
        self._lines.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()

    def counts_text(self, width: int) -> str:
        long = f"{self.count} card{'s' * (self.count != 1)}" + (f" · {DUE_MARK}{self.due} due" if self.due else "")
        short = f"{self.count}" + (f" · {DUE_MARK}{self.due}" if self.due else "")
        tiny = f"{self.count}" + (f"{DUE_MARK}{self.due}" if self.due else "")
        return next((text for text in (long, short) if len(text) <= width), tiny)

    def render_line(self, y: int) -> Strip:
        width = max(self.size.width, 2)
        # Only the counts line depends on the counts: a card move redraws that line alone.
        key = (y, width, self.count, self.due) if y == 1 else (y, width)
        strip = self._lines.get(key)
        if strip is None:
            inner = width - 2  # a blank cell each side, drawn here (the header has no CSS padding)
            text = self.title if y == 0 else self.counts_text(inner) if y == 1 else ""
            variable = "background" if self.active else f"column-{self.status}"
            colour = Color.parse(self.app.theme_variables.get(variable, "white")).rich_color
            base = self.rich_style  # walks the ancestors' styles: once per line drawn
            edge = Segment(" ", Style(bgcolor=base.bgcolor))  # as CSS padding would be
            words = Segment(fit(text, inner), base + Style(color=colour, bold=True))
            strip = Strip([edge, words, edge], width)
            if len(self._lines) > 64:
                self._lines.clear()
            self._lines[key] = strip
        return strip


class Lane(Horizontal):
    """The board's row: the columns side by side, then the side panel, covered from edge to
    edge by what it holds. Textual's BLANK: its own lines are plain blanks rather than a pass
    over every line for borders it does not have, which is work nobody sees.

    The columns sit in it directly, not in a row of their own: Textual composes a frame from
    every widget under the lines that changed, containers included, so one container fewer
    under the two columns a card move repaints took ~0.5 ms (of ~4-5) off composing it."""


class ColumnView(Vertical):
    """One stage of the hunt: a header with counts above its cards."""

    def __init__(self, status: str, step_for: Callable[[Application], NextStep | None]) -> None:
        super().__init__(classes="column", id=f"column-{status}")
        self.status = status
        self.header = ColumnHeader(status)
        self.card_list = CardList(status, step_for)

    def compose(self):
        yield self.header
        yield self.card_list

    def set_header(self, count: int, due: int) -> None:
        self.header.show_counts(count, due)

    def render_lines(self, crop: Region) -> list[Strip]:
        # The column's own lines show only in its right border, and every row is the same.
        return repeated_row(self, crop) or super().render_lines(crop)
