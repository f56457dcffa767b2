"""The agenda: every step due or overdue on the board, most urgent first, then what is coming
up in the next 7 days (interviews and steps falling due); enter jumps to the card."""

from __future__ import annotations

import pendulum
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jobboard.core.coming_up import DAYS_AHEAD, Coming
from jobboard.core.dates import short_date
from jobboard.core.drafts import need_action_text
from jobboard.core.etiquette import NextStep, when_text
from jobboard.core.model import Application
from jobboard.core.rules import READY_HEADING
from jobboard.formats.printable import one_line
from jobboard.tui.dialog import ChoiceList, Dialog
from jobboard.tui.lines import DUE_MARK, OVERDUE_MARK

Row = tuple[Content, Content]  # the step, with its mark and when; the card it is for
INDENT = 23  # the mark, the when column and the spaces after it: where a step's title starts


def agenda_row(application: Application, step: NextStep, today: pendulum.Date, holidays: str = "") -> Row:
    overdue = step.state == "overdue"
    mark, style = (OVERDUE_MARK, "bold $overdue-marker") if overdue else (DUE_MARK, "bold $due-marker")
    return (
        Content.assemble((f"{mark} {when_text(step, today, holidays):<20} ", style), (one_line(step.title), "bold")),
        card_of(application),
    )


def ready_row(application: Application, step: NextStep) -> Row:
    """A housekeeping step that is ready: no marker, no lateness (docs/rules.md)."""
    return Content.assemble((f"· {'ready':<20} ", "$text-muted"), (one_line(step.title), "")), card_of(application)


def coming_row(entry: Coming, today: pendulum.Date) -> Row:
    day = "today" if entry.date == today else short_date(entry.date, today)
    when = f"{day} {entry.time}".strip()
    what = Content.assemble(
        (f"· {when:<20} ", "$text-muted"),
        (one_line(entry.what), "bold" if entry.what.startswith("Interview") else ""),
    )
    return what, card_of(entry.application)


def card_of(application: Application) -> Content:
    return Content.assemble((one_line(f"{application.company} — {application.role}"), "$text-muted"))


def fitted(row: Row, width: int) -> Content:
    """The row on one line when it fits in ``width`` cells; else the card on a line of its
    own under the step's title, so that no line ends in a separator or cuts a name in two."""
    what, card = row
    line = Content.assemble(what, ("  ·  ", "$text-muted"), card)
    if line.cell_length <= width:
        return line
    return Content.assemble(what, "\n", " " * INDENT, card)


class AgendaList(ChoiceList):
    """The agenda's options, each laid out again for the list's width when that changes."""

    def __init__(self, rows: dict[str, Row], *options: Option | None, id: str) -> None:
        super().__init__(*options, id=id)
        self.rows = rows  # by option id
        self.laid_out_for = -1

    def on_resize(self) -> None:
        # Two cells short of the width: a scrollbar that comes with longer rows takes them.
        width = self.scrollable_content_region.width - 2
        if width != self.laid_out_for:
            self.laid_out_for = width
            for option_id, row in self.rows.items():
                self.replace_option_prompt(option_id, fitted(row, width))


class AgendaScreen(Dialog["str | None"]):
    """Dismisses with the id of the chosen application, or None."""

    BINDINGS = [Binding("escape,a,q", "dismiss(None)", "Close", id="close_agenda")]
    DEFAULT_CSS = """
    #agenda-box {
        width: 90%;
        max-width: 110;
        height: 80%;
        padding: 1 2;
        background: $surface;
        border: round $accent;
    }
    #agenda-list { height: 1fr; margin: 1 0; }
    """

    def __init__(
        self,
        entries: list[tuple[Application, NextStep]],
        today: pendulum.Date,
        coming: list[Coming] | None = None,
        holidays: str = "",
    ) -> None:
        super().__init__()
        self.holidays = holidays
        self.entries = entries
        self.today = today
        self.coming = coming or []

    def compose(self) -> ComposeResult:
        acting = [(a, s) for a, s in self.entries if s.state != "ready"]
        ready = [(a, s) for a, s in self.entries if s.state == "ready"]
        overdue = sum(1 for _, step in acting if step.state == "overdue")
        title = f"Agenda · {need_action_text(len(acting) - overdue, overdue)}"
        rows: dict[str, Row] = {}
        with Vertical(id="agenda-box"):
            yield Static(Content.assemble((title, "bold")))
            rows.update((f"due:{a.id}", agenda_row(a, s, self.today, self.holidays)) for a, s in acting)
            options: list[Option | None] = [Option(fitted(row, 10**6), id=key) for key, row in rows.items()]
            if not acting:
                options.append(Option(Content("Nothing is due. Well done."), disabled=True))
            heading = (
                f"Coming up in the next {DAYS_AHEAD} days"
                if self.coming
                else f"Nothing coming up in the next {DAYS_AHEAD} days"
            )
            options += [None, Option(Content.assemble((heading, "bold")), disabled=True)]
            coming = {f"coming{n}:{c.application.id}": coming_row(c, self.today) for n, c in enumerate(self.coming)}
            options += [Option(fitted(row, 10**6), id=key) for key, row in coming.items()]
            rows.update(coming)
            if ready:
                # Housekeeping never nags: listed last, under its own heading, never counted.
                options += [None, Option(Content.assemble((READY_HEADING, "bold")), disabled=True)]
                housekeeping = {f"ready:{a.id}": ready_row(a, s) for a, s in ready}
                options += [Option(fitted(row, 10**6), id=key) for key, row in housekeeping.items()]
                rows.update(housekeeping)
            yield AgendaList(rows, *options, id="agenda-list")
            yield Static("enter jumps to the card · escape closes", classes="muted")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id.partition(":")[2] if event.option.id else None)
