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
from jobboard.tui.dialog import Dialog
from jobboard.tui.lines import DUE_MARK, OVERDUE_MARK


def agenda_line(application: Application, step: NextStep, today: pendulum.Date, holidays: str = "") -> Content:
    overdue = step.state == "overdue"
    mark, style = (OVERDUE_MARK, "bold $overdue-marker") if overdue else (DUE_MARK, "bold $due-marker")
    return Content.assemble(
        (f"{mark} {when_text(step, today, holidays):<20} ", style),
        (one_line(step.title), "bold"),
        ("  ·  ", "$text-muted"),
        (one_line(f"{application.company} — {application.role}"), "$text-muted"),
    )


def ready_line(application: Application, step: NextStep) -> Content:
    """A housekeeping step that is ready: no marker, no lateness (docs/rules.md)."""
    return Content.assemble(
        (f"· {'ready':<20} ", "$text-muted"),
        (one_line(step.title), ""),
        ("  ·  ", "$text-muted"),
        (one_line(f"{application.company} — {application.role}"), "$text-muted"),
    )


def coming_line(entry: Coming, today: pendulum.Date) -> Content:
    day = "today" if entry.date == today else short_date(entry.date, today)
    when = f"{day} {entry.time}".strip()
    return Content.assemble(
        (f"· {when:<20} ", "$text-muted"),
        (one_line(entry.what), "bold" if entry.what.startswith("Interview") else ""),
        ("  ·  ", "$text-muted"),
        (one_line(f"{entry.application.company} — {entry.application.role}"), "$text-muted"),
    )


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
        with Vertical(id="agenda-box"):
            yield Static(Content.assemble((title, "bold")))
            options: list[Option | None] = [
                Option(agenda_line(a, s, self.today, self.holidays), id=f"due:{a.id}") for a, s in acting
            ]
            if not acting:
                options.append(Option(Content("Nothing is due. Well done."), disabled=True))
            heading = (
                f"Coming up in the next {DAYS_AHEAD} days"
                if self.coming
                else f"Nothing coming up in the next {DAYS_AHEAD} days"
            )
            options += [None, Option(Content.assemble((heading, "bold")), disabled=True)]
            options += [
                Option(coming_line(c, self.today), id=f"coming{n}:{c.application.id}")
                for n, c in enumerate(self.coming)
            ]
            if ready:
                # Housekeeping never nags: listed last, under its own heading, never counted.
                options += [None, Option(Content.assemble((READY_HEADING, "bold")), disabled=True)]
                options += [Option(ready_line(a, s), id=f"ready:{a.id}") for a, s in ready]
            yield OptionList(*options, id="agenda-list")
            yield Static("enter jumps to the card · escape closes", classes="muted")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id.partition(":")[2] if event.option.id else None)
