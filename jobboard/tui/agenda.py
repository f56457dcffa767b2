"""The agenda: every step due or overdue on the board, most urgent first; enter jumps to it."""

from __future__ import annotations

import pendulum
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jobboard.drafts import need_action_text
from jobboard.etiquette import NextStep, when_text
from jobboard.model import Application
from jobboard.tui.lines import DUE_MARK, OVERDUE_MARK, one_line


def agenda_line(application: Application, step: NextStep, today: pendulum.Date) -> Content:
    overdue = step.state == "overdue"
    mark, style = (OVERDUE_MARK, "bold $overdue-marker") if overdue else (DUE_MARK, "bold $due-marker")
    return Content.assemble(
        (f"{mark} {when_text(step, today):<20} ", style),
        (one_line(step.title), "bold"),
        ("  ·  ", "$text-muted"),
        (one_line(f"{application.company} — {application.role}"), "$text-muted"),
    )


class AgendaScreen(ModalScreen["str | None"]):
    """Dismisses with the id of the chosen application, or None."""

    BINDINGS = [Binding("escape,a,q", "dismiss(None)", "Close", id="close_agenda")]
    DEFAULT_CSS = """
    AgendaScreen { align: center middle; }
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

    def __init__(self, entries: list[tuple[Application, NextStep]], today: pendulum.Date) -> None:
        super().__init__()
        self.entries = entries
        self.today = today

    def compose(self) -> ComposeResult:
        overdue = sum(1 for _, step in self.entries if step.state == "overdue")
        title = f"Agenda · {need_action_text(len(self.entries) - overdue, overdue)}"
        with Vertical(id="agenda-box"):
            yield Static(Content.assemble((title, "bold")))
            if self.entries:
                yield OptionList(
                    *(Option(agenda_line(a, s, self.today), id=a.id) for a, s in self.entries),
                    id="agenda-list",
                )
            else:
                yield Static("Nothing is due. Well done — the panel shows what is coming for each card.")
            yield Static("enter jumps to the card · escape closes", classes="muted")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
