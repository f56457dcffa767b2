"""The board: every column of the hunt side by side, drawn by one widget (Textual's line API).

A board of 10,000 applications mounts the same widgets as a board of ten: each column keeps
a plain list of applications (jobboard.tui.column) and the board paints only the lines the
terminal shows. The columns are not widgets of their own. Textual composes a frame from
every widget under the lines that changed and cuts each line at every widget's edge; with
a header, a card list and a frame per column, a card move's frame came from six widgets,
and most of the time it took to show was spent composing and writing those pieces.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.color import Color as RichColor
from rich.style import Style
from textual import events
from textual.color import Color
from textual.containers import Horizontal
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from jobboard.core.etiquette import NextStep
from jobboard.core.model import Application
from jobboard.tui.column import CARD_HEIGHT, HEADER_HEIGHT, Column

if TYPE_CHECKING:
    import pendulum

MIN_COLUMN_WIDTH = 8
JOINED_LINES_KEPT = 200  # joined lines per generation (see Board.render_line): about five screens


def column_edges(width: int, columns: int) -> list[int]:
    """Where each column starts, then where the last one ends: the width shared evenly, as
    Textual shares it between ``1fr`` widgets (a cell left over goes to the later columns),
    but never narrower than MIN_COLUMN_WIDTH (then the last columns fall off the edge)."""
    if columns * MIN_COLUMN_WIDTH > width:
        return [i * MIN_COLUMN_WIDTH for i in range(columns + 1)]
    return [i * width // columns for i in range(columns + 1)]


def draws_every_cell(widget: Widget) -> bool:
    """Does the widget's CSS leave every cell to the widget (no border, padding, outline,
    tint, hatch or opacity)? Then its lines can go to the screen as it drew them."""
    styles = widget.styles
    return not (
        any(edge for edge, _ in styles.border)
        or any(edge for edge, _ in styles.outline)
        or any(styles.padding)
        or styles.tint.a
        or styles.text_opacity != 1
        or widget.opacity != 1
        or (styles.has_rule("hatch") and styles.hatch != "none")
    )


class Board(Widget, can_focus=False):
    """The columns, drawn line by line: only the lines on screen are ever rendered, and a
    change to one column repaints that column's part of the board alone."""

    COMPONENT_CLASSES = {
        "board--header",
        "board--border",
        "card--company",
        "card--role",
        "card--meta",
        "card--cursor",
        "card--due",
        "card--overdue",
        "card--scrollbar",
    }

    class Clicked(Message):
        """A click on the board: the index of the ``column`` clicked, the index of the ``card``
        in it (None for its header or the space below its cards), and ``chain``, the clicks
        in a row (2 for a double-click)."""

        def __init__(self, column: int, card: int | None, chain: int) -> None:
            super().__init__()
            self.column = column
            self.card = card
            self.chain = chain

    def __init__(
        self,
        statuses: Sequence[str],
        step_for: Callable[[Application], NextStep | None],
        today: pendulum.Date,
    ) -> None:
        super().__init__(id="board")
        self.columns = [Column(self, status, step_for, today) for status in statuses]
        self._styles: dict[str, Style] = {}
        self._colours: dict[str, RichColor | None] = {}
        self._joined: dict[tuple[int, ...], tuple[list[Strip], Strip]] = {}
        self._joined_before: dict[tuple[int, ...], tuple[list[Strip], Strip]] = {}
        self._laid_out_for: Size | None = None  # the size the columns were last laid out for

    def show_statuses(
        self, statuses: Sequence[str], step_for: Callable[[Application], NextStep | None], today: pendulum.Date
    ) -> None:
        """Other columns from now on (every status, or the configured ones again): new, empty
        columns laid out across the board; the screen then fills them."""
        self.columns = [Column(self, status, step_for, today) for status in statuses]
        self._joined.clear()
        if self.size.width:
            self.on_resize()
        else:
            self._laid_out_for = None

    # -- layout and repaints --------------------------------------------------------------------

    def on_resize(self) -> None:
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        """Share the board's width between the columns. Called on a resize, and before a
        frame drawn at a size the columns were not laid out for: Textual draws the first
        frame before the board hears of its size, and that frame would show empty columns."""
        width, height = self._laid_out_for = self.size
        edges = column_edges(width, len(self.columns))
        for column, x, end in zip(self.columns, edges, edges[1:], strict=False):
            column.x, column.width, column.height = x, end - x, max(height - HEADER_HEIGHT, 0)
            column.scroll_to_card(column.cursor)
        self._joined.clear()
        self._joined_before.clear()

    def refresh_column(self, column: Column, header_only: bool = False) -> None:
        """Repaint one column's part of the board (or only its header)."""
        height = HEADER_HEIGHT if header_only else self.size.height
        if column.width and height:
            self.refresh(Region(column.x, 0, column.width, height))

    def on_click(self, event: events.Click) -> None:
        """Tell the screen which column and card were clicked (it owns the selection)."""
        column = self.column_at(event.x)
        if column is None:
            return
        event.stop()
        card = None
        if event.y >= HEADER_HEIGHT:
            index = (event.y - HEADER_HEIGHT + column.top) // CARD_HEIGHT
            card = index if index < len(column.cards) else None
        self.post_message(self.Clicked(self.columns.index(column), card, event.chain))

    def column_at(self, x: int) -> Column | None:
        return next((column for column in self.columns if column.x <= x < column.x + column.width), None)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll(event, CARD_HEIGHT)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll(event, -CARD_HEIGHT)

    def _scroll(self, event: events.MouseEvent, lines: int) -> None:
        """The wheel scrolls the column under the pointer, one card at a time; the board
        itself never scrolls (Textual's own handler is skipped)."""
        column = self.column_at(event.x)
        if column is not None:
            event.prevent_default()
            event.stop()
            column.scroll_by(lines)

    # -- styles ---------------------------------------------------------------------------------

    def component_style(self, name: str) -> Style:
        """A component style, looked up once per theme (the lookup walks the stylesheet)."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.rich_style if name == "base" else self.get_component_rich_style(name)
        return style

    def theme_colour(self, variable: str) -> RichColor | None:
        """A colour of the theme, e.g. a column's own ``column-applied``."""
        if variable not in self._colours:
            self._colours[variable] = Color.parse(self.app.theme_variables.get(variable, "white")).rich_color
        return self._colours[variable]

    def forget_styles(self) -> None:
        """After a change of theme: every line is drawn again in the new colours."""
        self._styles.clear()
        self._colours.clear()
        self._joined.clear()
        self._joined_before.clear()
        for column in self.columns:
            column.forget_lines()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.forget_styles()

    # -- drawing --------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """Line ``y`` across every column. Joined lines are kept while their parts are the
        same Strips, so that an unchanged line is the same Strip from one frame to the next
        and Textual reuses what it did with it."""
        parts = [column.line(y) for column in self.columns]
        key = tuple(map(id, parts))
        hit = self._joined.get(key) or self._joined_before.get(key)
        if hit is None:
            strip = Strip.join(parts).crop_extend(0, self.size.width, self.component_style("base"))
            hit = (parts, strip)  # the parts are kept so that their ids stay theirs
        elif key in self._joined:
            return hit[1]
        # Two generations: a full one is set aside and the one before it let go, so a line
        # still on screen stays the same Strip while what every change or reload leaves
        # behind (~16 KB a line, with Textual's caches on it) stays a few screens' worth.
        if len(self._joined) >= JOINED_LINES_KEPT:
            self._joined_before, self._joined = self._joined, {}
        self._joined[key] = hit
        return hit[1]

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines go to the screen as drawn, through the app's colour filters only:
        Textual's own pass over each line (for borders, padding and tint the board does not
        have) makes a new Strip every frame, so the caches a Strip keeps of its rendering
        never hit. Should the CSS ever give the board a border or the like, Textual's pass
        is used again."""
        if self._laid_out_for != self.size:
            self._lay_out()
        if not draws_every_cell(self):
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


class Lane(Horizontal):
    """The board's row: the board, then the side panel, covered from edge to edge by what it
    holds. Textual's BLANK: its own lines are plain blanks rather than a pass over every line
    for borders it does not have, which is work nobody sees."""

    BLANK = True
