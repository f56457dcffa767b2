"""How the hunt is going: counts, response and interview rates, and applications per week."""

from __future__ import annotations

import pendulum
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from jobboard.core.model import STATUS_TITLES, Application
from jobboard.core.stats import BoardStats, bar_chart, board_stats, rate_rows, total_text
from jobboard.tui.dialog import SCROLL_HINT, ScrollingDialog


def stats_content(numbers: BoardStats) -> Content:
    rows: list[tuple[str, str]] = [
        (STATUS_TITLES.get(status, status), str(count)) for status, count in numbers.counts.items()
    ]
    rows += [("", ""), *rate_rows(numbers)]
    lines = [Content.assemble((f"{label:<17}", "$text-muted"), value) for label, value in rows]
    lines += [Content(""), Content.assemble(("Applications per week", "bold $accent"))]
    lines += [Content.assemble((line, "$primary")) for line in bar_chart(numbers.weekly)]
    return Content("\n").join(lines)


class StatsScreen(ScrollingDialog[None]):
    BINDINGS = [Binding("escape,q,S", "dismiss(None)", "Close", id="close_stats")]
    DEFAULT_CSS = """
    #stats-box {
        width: 70;
        height: auto;
        max-height: 90%;
        padding: 1 2;
        background: $surface;
        border: round $accent;
    }
    /* the title, the gap under it, the last line, padding and border take 7 rows (of 90%) */
    #stats-box VerticalScroll { height: auto; max-height: 60vh; margin-top: 1; }
    """

    def __init__(self, applications: list[Application], today: pendulum.Date, columns: tuple[str, ...]) -> None:
        super().__init__()
        self.numbers = board_stats(applications, today, columns)

    def compose(self) -> ComposeResult:
        with Vertical(id="stats-box"):
            yield Static(Content.assemble((total_text(self.numbers), "bold")))
            with VerticalScroll():
                yield Static(stats_content(self.numbers), id="stats-body")
            yield Static(SCROLL_HINT, classes="muted")

