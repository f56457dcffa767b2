"""The board screen: the columns, the side panel and every board key.

Keys live on this screen (not the app) so that a modal form or the help screen on top never
moves a card behind it. Every binding has an id, so config.toml's [keys] can remap it.
"""

from __future__ import annotations

import pendulum
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Static

from jobboard.model import STATUS_TITLES, Application, Event
from jobboard.tui.board import CardList, ColumnView, one_line
from jobboard.tui.panel import SidePanel

EMPTY_BOARD = (
    'No applications yet.\n\nFrom a shell:  jobboard add ACME "Backend Engineer"\n\nPress ? for every key.'
)


class BoardScreen(Screen[None]):
    BINDINGS = [
        Binding("left,h", "column(-1)", "Column", show=False, id="column_left"),
        Binding("right,l", "column(1)", "Column", show=False, id="column_right"),
        Binding("up,k", "card(-1)", "Card", show=False, id="card_up"),
        Binding("down,j", "card(1)", "Card", show=False, id="card_down"),
        Binding("g,home", "card_edge(0)", "First", show=False, id="first_card"),
        Binding("G,end", "card_edge(1)", "Last", show=False, id="last_card"),
        Binding("pageup", "card(-5)", "Page up", show=False, id="page_up"),
        Binding("pagedown", "card(5)", "Page down", show=False, id="page_down"),
        Binding("shift+left,H", "move(-1)", "◀ Move", id="move_left"),
        Binding("shift+right,L", "move(1)", "Move ▶", id="move_right"),
        Binding("f", "step_done", "Done", id="step_done"),
        Binding("c", "copy_draft", "Copy draft", id="copy_draft"),
        Binding("b", "heard_back", "Heard back", show=False, id="heard_back"),
        Binding("i", "interview", "Interview", show=False, id="log_interview"),
        Binding("z", "snooze", "Snooze", show=False, id="snooze"),
        Binding("a", "agenda", "Agenda", id="agenda"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("ctrl+r", "redo", "Redo", id="redo"),
        Binding("p", "toggle_panel", "Panel", id="toggle_panel"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.active_column = 0

    @property
    def jobboard(self):  # noqa: ANN201 - JobBoardApp
        return self.app

    def compose(self) -> ComposeResult:
        app = self.jobboard
        yield Static(id="title-bar")
        with Horizontal(id="main"):
            with Horizontal(id="board"):
                for status in app.columns:
                    yield ColumnView(status, app.step_for)
            yield SidePanel(id="panel")
        yield Static(EMPTY_BOARD, id="empty-board")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#empty-board").display = False
        self._activate(0)

    # -- the columns ----------------------------------------------------------------------------

    @property
    def column_views(self) -> list[ColumnView]:
        return list(self.query(ColumnView))

    @property
    def current_list(self) -> CardList:
        return self.column_views[self.active_column].card_list

    @property
    def selected(self) -> Application | None:
        return self.current_list.selected

    def refresh_board(self, keep_id: str | None = None) -> None:
        """Redraw every column from the app's board; the cursor stays on ``keep_id`` (or on the
        card it was on), following it into another column when it moved."""
        app = self.jobboard
        keep_id = keep_id or (self.selected.id if self.selected else None)
        by_status: dict[str, list[Application]] = {status: [] for status in app.columns}
        for application in app.board.values():
            if application.status in by_status:
                by_status[application.status].append(application)
        for index, view in enumerate(self.column_views):
            cards = by_status[view.status]
            # Newest application first: the ones you are most likely acting on lead.
            cards.sort(key=lambda a: (a.applied_on, int(a.id) if a.id.isdigit() else 0), reverse=True)
            due = (
                sum(
                    1
                    for a in cards
                    if app.step_for(a).state in ("due", "overdue") and app.step_for(a).snoozed_until is None
                )
                if len(cards) <= 2000
                else 0
            )
            view.set_header(len(cards), due)
            view.card_list.set_cards(cards, keep_id)
            if keep_id and any(a.id == keep_id for a in cards) and index != self.active_column:
                self._activate(index)
        self._update_title(by_status)
        self.query_one("#empty-board").display = app.loaded and not app.board
        self.query_one("#main").display = not (app.loaded and not app.board)
        self.show_selected()

    def _due_count(self, cards: list[Application]) -> int:
        """Cards whose step is due or overdue; until every step is known (they are worked out
        off the UI thread after a load), only the ones already known are counted."""
        app = self.jobboard
        if app.steps_ready:
            steps = [app.step_for(a) for a in cards]
        else:
            steps = [s for s in (app.steps.get(a.id) for a in cards) if s is not None]
        return sum(1 for s in steps if s.state in ("due", "overdue") and s.snoozed_until is None)

    def _update_title(self, by_status: dict[str, list[Application]]) -> None:
        app = self.jobboard
        shown = sum(len(cards) for cards in by_status.values())
        parts = [f"jobboard · {app.board_file.name}", f"{shown} application{'s' * (shown != 1)}"]
        hidden = len(app.board) - shown
        if hidden:
            parts.append(f"{hidden} in columns not shown")
        self.query_one("#title-bar", Static).update("  ·  ".join(parts))

    def _activate(self, index: int) -> None:
        views = self.column_views
        if not views:
            return
        self.active_column = max(0, min(index, len(views) - 1))
        for i, view in enumerate(views):
            view.card_list.active = i == self.active_column
            view.set_class(i == self.active_column, "-active")
        self.show_selected()

    def show_selected(self) -> None:
        app = self.jobboard
        application = self.selected
        step = app.step_for(application) if application else None
        column = STATUS_TITLES.get(self.column_views[self.active_column].status, "")
        hint = f"No applications in {column}." if app.board else ""
        self.query_one(SidePanel).show(application, step, app.today, app.keep_going(), hint)
        self.refresh_bindings()

    @on(CardList.Selected)
    def _card_selected(self) -> None:
        self.show_selected()

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move":
            if self.selected is None:
                return None
            target = self.active_column + int(parameters[0])  # type: ignore[call-overload]
            return True if 0 <= target < len(self.column_views) else None
        if action in ("step_done", "copy_draft", "heard_back", "interview", "snooze"):
            application = self.selected
            if application is None:
                return None
            step = self.jobboard.step_for(application)
            if action == "copy_draft":
                return True if step.draft else None
            if action == "step_done":
                return True if step.rule != "wait" else None
            return True
        if action == "undo":
            return True if self.jobboard.history.past else None
        if action == "redo":
            return True if self.jobboard.history.future else None
        return True

    def action_column(self, step: int) -> None:
        self._activate(self.active_column + step)

    def action_card(self, step: int) -> None:
        self.current_list.cursor += step

    def action_card_edge(self, last: int) -> None:
        cards = self.current_list
        cards.cursor = len(cards.cards) - 1 if last else 0

    def action_move(self, step: int) -> None:
        application = self.selected
        target = self.active_column + step
        if application is None or not 0 <= target < len(self.column_views):
            return
        status = self.column_views[target].status
        today = self.jobboard.today
        self.jobboard.change(application.id, lambda a: a.moved_to(status, today), f"move to {status}")

    def action_undo(self) -> None:
        change = self.jobboard.undo()
        if change is None:
            self.notify("Nothing to undo.")
        else:
            self.notify(f"Undid {change.label}.", timeout=2)

    def action_redo(self) -> None:
        change = self.jobboard.redo()
        if change is None:
            self.notify("Nothing to redo.")
        else:
            self.notify(f"Redid {change.label}.", timeout=2)

    def action_toggle_panel(self) -> None:
        panel = self.query_one(SidePanel)
        panel.display = not panel.display

    def action_help(self) -> None:
        from jobboard.tui.screens import HelpScreen

        self.app.push_screen(HelpScreen(self))

    # -- the next step ----------------------------------------------------------------------------

    def _log(self, application: Application, event: Event, label: str) -> None:
        self.jobboard.change(application.id, lambda a: a.with_event(event), label)
        self.notify(f"Logged {label} for {application.company}. u undoes it.", timeout=3)

    def action_step_done(self) -> None:
        from jobboard.etiquette import done_event

        application = self.selected
        if application is None:
            return
        app = self.jobboard
        step = app.step_for(application)
        event = done_event(application, step, app.today)
        if event is None:
            self.notify("Nothing to mark done here: this card is waiting.")
        elif event.kind == "status" and event.status:
            status = event.status
            if status not in app.columns:
                self.notify(f"The {status} column is not on this board; add it to 'columns' in config.toml.")
                return
            app.change(application.id, lambda a: a.moved_to(status, app.today), f"move to {status}")
            self.notify(f"Moved {application.company} to {STATUS_TITLES[status]}. It's not you.", timeout=3)
        else:
            self._log(application, event, event.kind.replace("_", " "))

    def action_copy_draft(self) -> None:
        application = self.selected
        step = self.jobboard.step_for(application) if application else None
        if not step or not step.draft:
            self.notify("This step has no draft to copy.")
            return
        self.app.copy_to_clipboard(step.draft)
        self.notify("Draft copied to the clipboard.", timeout=2)

    def action_heard_back(self) -> None:
        application = self.selected
        if application:
            self._log(application, Event("heard_back", self.jobboard.today), "heard back")

    def action_interview(self) -> None:
        from jobboard.tui.screens import AskDateScreen

        application = self.selected
        if application is None:
            return

        def logged(day: pendulum.Date | None) -> None:
            if day is not None:
                self._log(application, Event("interview", day), f"interview on {day.format('D MMM')}")

        question = f"When is (or was) the interview with {one_line(application.company)}?"
        self.app.push_screen(AskDateScreen(question, "today"), logged)

    def action_snooze(self) -> None:
        from jobboard.tui.screens import AskDateScreen

        application = self.selected
        if application is None:
            return

        def snoozed(day: pendulum.Date | None) -> None:
            if day is not None:
                self._log(application, Event("snooze", day), f"snooze until {day.format('D MMM')}")

        question = f"Hide the next step for {one_line(application.company)} until when?"
        self.app.push_screen(AskDateScreen(question, "tomorrow", allow_past=False), snoozed)

    def action_agenda(self) -> None:
        from jobboard.etiquette import agenda
        from jobboard.tui.agenda import AgendaScreen

        app = self.jobboard
        visible = [a for a in app.board.values() if a.status in app.columns]
        entries = agenda(visible, app.today, app.settings.etiquette)
        self.app.push_screen(AgendaScreen(entries, app.today), self.jump_to)

    def jump_to(self, app_id: str | None) -> None:
        """Select the card with this id, in whichever column it is."""
        application = self.jobboard.board.get(app_id) if app_id else None
        if application is None:
            return
        for index, view in enumerate(self.column_views):
            if view.status == application.status:
                self._activate(index)
                view.card_list.set_cards(view.card_list.cards, keep_id=app_id)
                self.show_selected()
