"""One column of the board: a stage of the hunt, its cards, its cursor, and the lines it draws.

A column is not a widget. The board (jobboard.tui.board.Board) is one widget that draws every
column side by side, each column handing it the cells of its own part of a line: a card
move then changes one widget's lines rather than those of six, and Textual composes and
writes each changed line as one piece rather than cut at every column's edges.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import Protocol

import pendulum
from rich.cells import cell_len
from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from jobboard.core import dates
from jobboard.core.counted import counted
from jobboard.core.drafts import CARD_TITLES
from jobboard.core.etiquette import NextStep
from jobboard.core.model import Application, status_title
from jobboard.core.timeline import interview_ahead, interview_times
from jobboard.formats.printable import one_line
from jobboard.tui.lines import DUE_MARK, OVERDUE_MARK, fit, on_thumb, step_mark


class DrawnOn(Protocol):
    """What a column needs of the widget that draws it (jobboard.tui.board.Board): a way to be
    repainted, and the theme's styles and colours. Written here, so the column never imports the
    board that holds it."""

    def refresh_column(self, column: Column, header_only: bool = False) -> None: ...

    def component_style(self, name: str) -> Style: ...

    def theme_colour(self, variable: str) -> RichColor | None: ...


def cards_per_column() -> int:
    """How many cards of a column the first screen can show, in this terminal (read before
    Textual starts, so from the terminal itself; at least a 24-line terminal's worth)."""
    return max(shutil.get_terminal_size().lines, 24) // CARD_HEIGHT + 1


HEADER_HEIGHT = 2  # the column's name, then its counts
CARD_HEIGHT = 4  # a card's lines: company (and its next step's mark), role, age, a blank
BORDER = "▕"  # between columns: a thin line on the right edge of each
WIDE_CARD = 22  # a card this wide (in cells) may name its next step beside the date, if it fits


class Column:
    """A stage of the hunt on the board. ``x`` and ``width`` (its right border included) are
    set by the board's layout; ``top`` is the first card line shown, so each column scrolls
    on its own."""

    def __init__(
        self,
        board: DrawnOn,
        status: str,
        step_for: Callable[[Application], NextStep | None],
        today: pendulum.Date,
    ) -> None:
        self.board = board
        self.status = status
        self.title = status_title(status)
        self.step_for = step_for
        self.today = today  # the app's clock (tui/day.py moves it on at midnight)
        self.cards: list[Application] = []
        self.rows = 0  # the cards the column holds: more than ``cards`` in a first look
        self.count = 0
        self.due = 0  # cards whose step is due today (●)
        self.overdue = 0  # and overdue (▲): the marks on the cards, counted
        self._cursor = 0
        self._active = False
        self.top = 0
        self.x = 0
        self.width = 0
        self.height = 0  # card lines shown: the board's height less the header
        self._lines: dict[tuple, tuple[Application | None, NextStep | None, Strip]] = {}
        self._header: dict[tuple, Strip] = {}

    # -- what it holds --------------------------------------------------------------------------

    def set_cards(
        self, cards: list[Application], keep_id: str | None = None, rows: int | None = None, at: int | None = None
    ) -> None:
        """Show these cards; keep the cursor on ``keep_id`` if it is still here (``at``: where
        it probably is, to look there first). ``rows``: the cards the column holds when
        ``cards`` are only its top ones (a first look), so that the scrollbar already has its
        final size."""
        self.cards = cards
        self.rows = len(cards) if rows is None else rows
        index: int | None
        if keep_id and at is not None and 0 <= at < len(cards) and cards[at].id == keep_id:
            index = at
        else:
            index = next((i for i, a in enumerate(cards) if a.id == keep_id), None) if keep_id else None
        self.cursor = index if index is not None else self._cursor

    def show_counts(self, count: int, due: int = 0, overdue: int = 0) -> None:
        if (count, due, overdue) != (self.count, self.due, self.overdue):
            self.count, self.due, self.overdue = count, due, overdue
            self.board.refresh_column(self, header_only=True)

    @property
    def selected(self) -> Application | None:
        return self.cards[self._cursor] if 0 <= self._cursor < len(self.cards) else None

    @property
    def cursor(self) -> int:
        return self._cursor

    @cursor.setter
    def cursor(self, index: int) -> None:
        self._cursor = max(0, min(index, len(self.cards) - 1)) if self.cards else 0
        self.scroll_to_card(self._cursor)
        self.board.refresh_column(self)

    @property
    def active(self) -> bool:
        return self._active

    @active.setter
    def active(self, active: bool) -> None:
        if active != self._active:
            self._active = active
            self.board.refresh_column(self)

    # -- scrolling ------------------------------------------------------------------------------

    def scroll_to_card(self, index: int) -> None:
        """Scroll just enough to show card ``index``, keeping whole cards at the top so that
        every column reads from a company name down."""
        top = index * CARD_HEIGHT
        if top < self.top:
            self.top = top
        elif top + CARD_HEIGHT - 1 > self.top + self.height:
            fits = max(1, (self.height + 1) // CARD_HEIGHT)  # a card's blank line may be cut
            self.top = max(0, (index - fits + 1) * CARD_HEIGHT)

    def scroll_by(self, lines: int) -> None:
        top = max(0, min(self.top + lines, self.rows * CARD_HEIGHT - self.height))
        if top != self.top:
            self.top = top
            self.board.refresh_column(self)

    # -- drawing --------------------------------------------------------------------------------

    def forget_lines(self) -> None:
        """After a change of theme or today's date: every line is drawn again."""
        self._lines.clear()
        self._header.clear()

    def line(self, y: int) -> Strip:
        """Line ``y`` of the board within this column: ``width`` cells, its border included."""
        if y < HEADER_HEIGHT:
            return self.header_line(y)
        return self.card_line(y - HEADER_HEIGHT)

    def header_line(self, y: int) -> Strip:
        """The column's name (y 0) or counts (y 1), in the column's colour; filled with that
        colour while the column is active."""
        width = self.width
        # Only the counts line depends on the counts: a card move redraws that line alone.
        key = (y, width, self._active, self.count, self.due, self.overdue) if y == 1 else (y, width, self._active)
        strip = self._header.get(key)
        if strip is None:
            inner = width - 3  # a blank cell each side, and the border
            text = self.title if y == 0 else self.counts_text(inner)
            board = self.board
            base = board.component_style("board--header")
            if self._active:
                base += Style(bgcolor=board.theme_colour(f"column-{self.status}"))
            colour = board.theme_colour("background" if self._active else f"column-{self.status}")
            edge = Segment(" ", Style(bgcolor=base.bgcolor))
            words = Segment(fit(text, inner), base + Style(color=colour, bold=True))
            strip = Strip([edge, words, edge, self._border()], width)
            if len(self._header) > 64:
                self._header.clear()
            self._header[key] = strip
        return strip

    def counts_text(self, width: int) -> str:
        """The cards, then those due today (●) and overdue (▲), counted apart as the agenda
        counts them, in the longest form that fits: "6 cards · ●1 due today, ▲2 overdue",
        "6 cards · ●1 ▲2", "6 · ●1 ▲2", "6●1▲2"."""
        cards = counted(self.count, "card")
        marked = [
            (mark, n, word)
            for mark, n, word in ((DUE_MARK, self.due, "due today"), (OVERDUE_MARK, self.overdue, "overdue"))
            if n
        ]
        if not marked:
            return cards if len(cards) <= width else str(self.count)
        words = ", ".join(f"{mark}{n} {word}" for mark, n, word in marked)
        marks = " ".join(f"{mark}{n}" for mark, n, _ in marked)
        forms = (f"{cards} · {words}", f"{cards} · {marks}", f"{self.count} · {marks}")
        return next((text for text in forms if len(text) <= width), f"{self.count}{marks.replace(' ', '')}")

    def card_line(self, y: int) -> Strip:
        """Line ``y`` below the header: a line of a card, or a blank, then the scrollbar cell."""
        width = self.width
        top = self.top
        index, line = divmod(y + top, CARD_HEIGHT)
        thumb = on_thumb(y, top, self.height, self.rows * CARD_HEIGHT)
        if index >= len(self.cards) or line == CARD_HEIGHT - 1:
            return self._blank_line(width, thumb)
        application = self.cards[index]
        highlighted = index == self._cursor and self._active
        # The mark on the first line, and on a wide card the step beside the date on the last.
        step = self.step_for(application) if line == 0 or (line == 2 and width >= WIDE_CARD) else None
        # Lines are cached by what they show: scrolling and moving the cursor repaint from the
        # cache, and a changed application (a new object) or step simply misses it. The same
        # Strip object also lets Textual reuse what it did with it last time.
        key = (application.id, line, width, highlighted, thumb)
        hit = self._lines.get(key)
        if hit is not None and hit[0] is application and hit[1] is step:
            return hit[2]
        segments = self._card_cells(application, step, line, width - 2, highlighted)
        strip = Strip([*segments, self._edge(thumb), self._border()], width)
        if len(self._lines) > 4000:
            self._lines.clear()
        self._lines[key] = (application, step, strip)
        return strip

    def _border(self) -> Segment:
        return Segment(BORDER, self.board.component_style("board--border"))

    def _edge(self, thumb: bool) -> Segment:
        style = self.board.component_style
        return Segment("▐", style("card--scrollbar")) if thumb else Segment(" ", style("base"))

    def _blank_line(self, width: int, thumb: bool) -> Strip:
        key = ("blank", width, thumb)
        hit = self._lines.get(key)
        if hit is None:
            base = self.board.component_style("base")
            blank = Strip([Segment(" " * (width - 2), base), self._edge(thumb), self._border()], width)
            hit = self._lines[key] = (None, None, blank)
        return hit[2]

    def _card_cells(
        self,
        application: Application,
        step: NextStep | None,
        line: int,
        width: int,
        highlighted: bool,
    ) -> list[Segment]:
        """One row of a card, ``width`` cells (the scrollbar and border cells follow it)."""
        style = self.board.component_style
        base = style("card--cursor") if highlighted else style("base")
        gutter = "▌" if highlighted else " "
        inner = max(width - 1, 0)
        if line == 0:
            mark = step_mark(step)
            mark_style = base
            if step is not None and step.state == "overdue" and step.snoozed_until is None:
                mark_style = base + style("card--overdue")
            elif mark != " ":
                mark_style = base + style("card--due")
            # A letter for a mark (z, snoozed) keeps a blank from the name: "Vandelay Importsz"
            # would read as the name. ● and ▲ read apart and take no cell from it.
            company = one_line(application.company)
            gap = inner >= 2 and mark.isalpha() and cell_len(company) >= inner - 1
            name = Segment(fit(company, max(inner - 1 - gap, 0)), base + style("card--company"))
            return [Segment(gutter, base), name, *([Segment(" ", base)] if gap else []), Segment(mark, mark_style)]
        if line == 1:
            return [
                Segment(gutter, base),
                Segment(fit(one_line(application.role), inner), base + style("card--role")),
            ]
        interview = interview_ahead(application, self.today)
        if interview is not None:  # what matters most on such a card: when to be there
            # The longest words that fit; the date is shortened before the time is ever cut.
            texts = interview_times(interview, self.today)
            meta = next(
                (m for when in texts for m in (f"interview {when}", f"int. {when}", when) if cell_len(m) <= inner),
                texts[-1],
            )
            return [Segment(gutter, base), Segment(fit(meta, inner), base + style("card--due"))]
        ago = dates.ago(application.applied_on, self.today)
        verb = "added" if application.status == "wishlist" else "applied"
        due = application.deadline if application.status == "offer" else None
        if due is not None:
            # An offer's card shows the date they want an answer by, not the applied date.
            ago, verb = f"by {dates.short_date(due, self.today)}", "answer"
        meta = f"{verb} {ago}" if cell_len(ago) + len(verb) + 1 <= inner else ago
        # The step that needs doing (the card's ● or ▲), where it fits beside the date.
        doing = CARD_TITLES.get(step.rule) if step is not None and step_mark(step) in (DUE_MARK, OVERDUE_MARK) else None
        if doing:
            for text in (f"{meta} · {doing}", f"{ago} · {doing}"):
                if cell_len(text) <= inner:
                    meta = text
                    break
        return [
            Segment(gutter, base),
            Segment(fit(meta, inner), base + style("card--meta")),
        ]
