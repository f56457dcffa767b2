"""The board screen: the columns, the side panel and every board key.

Keys live on this screen (not the app) so that a modal form or the help screen on top never
moves a card behind it. Every binding has an id, so config.toml's [keys] can remap it.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static

from jobboard.config.hints import NAME_HINT, OnceHints, name_hint_text
from jobboard.config.state_file import remembered_sort, update_state
from jobboard.core.counted import counted
from jobboard.core.drafts import NAME_PLACEHOLDER
from jobboard.core.history import HistoryEntry
from jobboard.core.model import ALL_STATUSES, STATUS_TITLES, Application
from jobboard.core.ordering import SORT_TITLES, newest_first, next_sort, sort_key, urgency_key
from jobboard.storage.first_look import FirstLook
from jobboard.tui.board import Board, Lane
from jobboard.tui.card_actions import CardActions
from jobboard.tui.column import Column
from jobboard.tui.footer import BoardFooter
from jobboard.tui.hosts import jobboard_app
from jobboard.tui.mail_box import MailActions
from jobboard.tui.panel import SidePanel
from jobboard.tui.step_actions import NextStepActions

if TYPE_CHECKING:
    import pendulum
    from textual.command import Provider

    from jobboard.core.etiquette import NextStep
    from jobboard.tui.app import JobBoardApp

# The side panel beside the board: its share of the width and its bounds (jobboard.tcss #panel).
PANEL_SHARE, PANEL_MIN_WIDTH, PANEL_MAX_WIDTH = 0.34, 28, 44
READABLE_COLUMN = 15  # cells a column needs to show a company name of a dozen characters

EMPTY_BOARD = (
    "No applications yet.\n\n"
    "Press n to add your first one,\n"
    'or from a shell:  jobboard add ACME "Backend Engineer"\n\n'
    "Press ? for every key."
)


def matches(application: Application, needle: str) -> bool:
    """Does each word of the filter text appear in the company, role, location, a person's
    name or email, the source, tags or notes ("engineer remote": both, in any of them)?"""
    haystack = (
        application.company,
        application.role,
        application.location,
        *(person.name for person in application.people),
        *(person.email for person in application.people),
        application.source,
        application.notes,
        *application.tags,
    )
    texts = [text.casefold() for text in haystack]
    return all(any(word in text for text in texts) for word in needle.split())


def board_commands() -> type[Provider]:
    """The palette's provider, loaded when the palette first opens (Textual takes a callable
    in COMMANDS for that), not with the board."""
    from jobboard.tui.commands import BoardCommands

    return BoardCommands


class BoardScreen(NextStepActions, CardActions, MailActions, Screen[None]):
    COMMANDS = {board_commands}
    AUTO_FOCUS = ""  # the board keys work on the screen itself; the filter box takes focus only on "/"
    BLANK = True  # its rows (title, board, footer) cover it: its own lines are never seen
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
        Binding("n", "new_application", "New", id="new_application"),
        Binding("C", "capture_posting", "New from a posting URL", show=False, id="capture_posting"),
        Binding("e,enter", "edit", "Edit", id="edit"),
        Binding("d", "delete", "Delete", show=False, id="delete"),
        Binding("E", "edit_notes", "Notes in $EDITOR", show=False, id="edit_notes"),
        Binding("P", "edit_people", "People", show=False, id="edit_people"),
        Binding("A", "archive", "Archive", show=False, id="archive"),
        Binding("ctrl+a", "toggle_archive", "Archived cards", show=False, id="toggle_archive"),
        Binding("o", "open_posting", "Open posting", show=False, id="open_posting"),
        Binding("v", "view_posting", "Read the captured posting", show=False, id="view_posting"),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="clear_filter"),
        Binding("x", "export_markdown", "Export", show=False, id="export_markdown"),
        Binding("S", "stats", "Stats", show=False, id="stats"),
        Binding("s", "sort", "Sort", show=False, id="sort"),
        Binding("t", "timeline", "Timeline", id="timeline"),
        Binding("f", "step_done", "Done", id="step_done"),
        Binding("c", "copy_draft", "Copy draft", id="copy_draft"),
        Binding("m", "send_draft", "Send", show=False, id="send_draft"),
        Binding("b", "heard_back", "Heard back", show=False, id="heard_back"),
        Binding("M", "paste_mail", "Paste an email", show=False, id="paste_mail"),
        Binding("i", "interview", "Interview", show=False, id="log_interview"),
        Binding("z", "snooze", "Snooze", show=False, id="snooze"),
        Binding("a", "agenda", "Agenda", id="agenda"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("ctrl+r", "redo", "Redo", id="redo"),
        Binding("p", "toggle_panel", "Panel", id="toggle_panel"),
        Binding("w", "all_columns", "All columns", show=False, id="all_columns"),
        Binding("J,shift+down", "scroll_panel(1)", "Panel down", show=False, id="panel_down"),
        Binding("K,shift+up", "scroll_panel(-1)", "Panel up", show=False, id="panel_up"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.active_column = 0
        self.filter_text = ""
        self._views: list[Column] = []
        self._cards: dict[str, list[Application]] = {}  # each column's cards, in board order
        self._due: dict[str, dict[str, str]] = {}  # each column's cards whose step is due or overdue: id -> state
        self._on_board = 0  # applications in the columns shown (the rest are in hidden ones)
        self._title = ""
        self._panel_shows: tuple[Application | None, NextStep | None, str, pendulum.Date] | None = None
        self._panel_pending = False
        self.hints = OnceHints()  # hints the panel shows in one session only
        self.sort = remembered_sort()  # the cards' order in a column (s cycles it)
        self._by_steps = False  # the columns were last sorted knowing every card's step
        self._keys: dict[str, tuple] = {}  # each card's place in its column (see _order)
        self._bindings_state: tuple | None = None
        self.sent: tuple[str, str] | None = None  # (card, rule) of the last message m opened
        self.show_archived = False  # ctrl+a: the board shows the archived cards instead
        self._archived = 0  # archived cards on the board, for the title

    @property
    def jobboard(self) -> JobBoardApp:
        return jobboard_app(self)

    def compose(self) -> ComposeResult:
        # Kept, not looked up: a message that arrives as the app closes finds them still.
        app = self.jobboard
        self.title_bar = Static(id="title-bar", markup=False)  # it quotes the filter and the file name
        self.board = Board(app.columns, app.step_for, app.today)
        self.panel = SidePanel(id="panel")
        self.lane = Lane(self.board, self.panel, id="main")
        self.empty_board = Static(EMPTY_BOARD, id="empty-board")
        yield from (self.title_bar, self.lane, self.empty_board, BoardFooter())

    def on_mount(self) -> None:
        self.call_after_refresh(self._premake_filter_box)
        self._views = self.board.columns
        self._activate(0)
        if self.jobboard.loaded:  # the board was read before the screen opened
            self.refresh_board()
        elif self.jobboard.first_look is not None:
            self.show_first_look(self.jobboard.first_look)

    def on_resize(self, event: events.Resize) -> None:
        """On a terminal too narrow for the columns beside the side panel (a card would show
        fewer than READABLE_COLUMN cells: "Cloudfla…"), the panel goes below the board, the
        full width, so the columns keep their names readable (jobboard.tcss, .-narrow)."""
        self._fit_panel(event.size.width)

    def _fit_panel(self, width: int) -> None:
        beside = min(max(round(width * PANEL_SHARE), PANEL_MIN_WIDTH), PANEL_MAX_WIDTH)
        self.set_class((width - beside) < READABLE_COLUMN * max(len(self.jobboard.columns), 1), "-narrow")

    def show_first_look(self, look: FirstLook) -> None:
        """The counts and the top cards of each column while the rest of the board is read
        (see jobboard.storage.first_look); refresh_board replaces them with the same cards."""
        for view in self._views:
            count = look.counts.get(view.status, 0)
            view.show_counts(count)
            view.set_cards(look.cards.get(view.status, []), rows=count)
        on_board = sum(look.counts.values())
        self._update_title(on_board, on_board, look.total)

    # -- the columns ----------------------------------------------------------------------------

    @property
    def column_views(self) -> list[Column]:
        return self._views

    @property
    def current_column(self) -> Column:
        return self._views[self.active_column]

    @property
    def selected(self) -> Application | None:
        return self.current_column.selected if self._views else None

    def refresh_board(self, keep_id: str | None = None, changed: HistoryEntry | None = None) -> None:
        """Show the app's board; the cursor stays on ``keep_id`` (or on the card it was on),
        following it into another column when it moved.

        With ``changed`` (one application added, edited, moved or deleted) only the columns it
        left and entered are touched, and the counts are adjusted rather than recounted, so a
        keystroke costs the same on any size of board.
        """
        app = self.jobboard
        keep_id = keep_id or (self.selected.id if self.selected else None)
        needle = self.filter_text.casefold().strip()
        if changed is not None and not needle and self._cards:
            touched = self._apply_change(changed)
        else:
            self._cards = {status: [] for status in app.columns}
            for application in app.board.values():
                if self._shows(application) and (not needle or matches(application, needle)):
                    self._cards[application.status].append(application)
            self._by_steps = app.steps_ready
            self._keys = {card.id: self._order(card) for cards in self._cards.values() for card in cards}
            for cards in self._cards.values():
                cards.sort(key=self._key_of)
            self._due = {status: self._due_ids(cards) for status, cards in self._cards.items()}
            self._on_board = sum(1 for a in app.board.values() if self._shows(a))
            self._archived = sum(1 for a in app.board.values() if a.archived)
            touched = set(self._cards)
        kept = app.board.get(keep_id) if keep_id else None
        for index, view in enumerate(self._views):
            if view.status not in touched:
                continue
            cards = self._cards[view.status]
            view.show_counts(len(cards), *self._due_counts(view.status))
            here = kept is not None and kept.status == view.status
            view.set_cards(cards, keep_id if here else None, at=self._place(cards, keep_id) if here else None)
            picked = view.selected
            if here and index != self.active_column and picked is not None and picked.id == keep_id:
                self._activate(index)
        in_view = len(app.board) - self._archived if not self.show_archived else self._archived
        self._update_title(sum(len(cards) for cards in self._cards.values()), self._on_board, in_view)
        empty = app.loaded and not app.board
        for widget, shown in ((self.empty_board, empty), (self.lane, not empty)):
            if widget.display != shown:
                widget.display = shown
        self.show_selected(board_changed=True)

    def _apply_change(self, change: HistoryEntry) -> set[str]:
        """Take one application out of its old column and put it in its new one, in order."""
        touched: set[str] = set()
        before, after = change.before, change.after
        self._archived += (after is not None and after.archived) - (before is not None and before.archived)
        if before is not None and self._shows(before):
            cards = self._cards[before.status]
            # Found by the key it was placed by: by urgency, its place followed its old step.
            key = self._keys.get(before.id)
            at = bisect.bisect_left(cards, key, key=self._key_of) if key is not None else len(cards)
            while at < len(cards) and cards[at].id != before.id:  # the same key: only itself
                at += 1
            if at < len(cards):
                del cards[at]
            self._keys.pop(before.id, None)
            self._due[before.status].pop(before.id, None)
            self._on_board -= 1
            touched.add(before.status)
        if after is not None and self._shows(after):
            self._keys[after.id] = self._order(after)
            bisect.insort(self._cards[after.status], after, key=self._key_of)
            state = self._due_state(after)
            if state:
                self._due[after.status][after.id] = state
            self._on_board += 1
            touched.add(after.status)
        return touched

    def _shows(self, application: Application) -> bool:
        """Is the card on the board now: in a column shown, and archived or not as ctrl+a says."""
        return application.status in self._cards and application.archived == self.show_archived

    def _place(self, cards: list[Application], card_id: str | None) -> int | None:
        """Where card ``card_id`` is in ``cards`` (by its key, without a walk down the column)."""
        key = self._keys.get(card_id) if card_id else None
        if key is None:
            return None
        at = bisect.bisect_left(cards, key, key=self._key_of)
        while at < len(cards) and cards[at].id != card_id:
            at += 1
        return at

    def _key_of(self, application: Application) -> tuple:
        """The key a card in a column was placed by (kept, so a changed card is found again)."""
        return self._keys[application.id]

    def _order(self, application: Application) -> tuple:
        """A card's place in its column (jobboard.core.ordering); by urgency only once every step is
        known (worked out off the UI thread after a load), newest first until then."""
        if self.sort != "urgency":
            return sort_key(self.sort, application)
        if not self._by_steps:
            return newest_first(application)
        return urgency_key(application, self.jobboard.step_for(application))

    def action_timeline(self) -> None:
        """t: the selected card's timeline, to edit or delete an event (jobboard/tui/timeline.py)."""
        from jobboard.tui.timeline import TimelineScreen

        if self.selected is not None:
            self.app.push_screen(TimelineScreen(self.selected.id))

    def action_sort(self) -> None:
        """s: the next order (urgency, applied date, company), remembered for the next start."""
        self.sort = next_sort(self.sort)
        update_state("sort", self.sort)
        self.refresh_board()
        self.notify(f"Cards sorted {SORT_TITLES[self.sort]}.", timeout=2)

    def refresh_due_counts(self) -> None:
        """Headers again, once every card's step is known (and, by urgency, the order)."""
        if self.sort == "urgency" and not self._by_steps:
            # Before any change, a cursor at the top stays there, on the most urgent card; after
            # one (keys held while the board loaded), it stays on the card it was on.
            at_top = [view for view in self._views if view.cursor == 0] if not self.jobboard.history.past else []
            self.refresh_board()
            for view in at_top:
                view.cursor = 0
        for view in self._views:
            cards = self._cards.get(view.status, [])
            self._due[view.status] = self._due_ids(cards)
            view.show_counts(len(cards), *self._due_counts(view.status))
        self.board.refresh()
        self.show_selected(board_changed=True)

    def _due_ids(self, cards: list[Application]) -> dict[str, str]:
        """The cards whose step is due or overdue, with that state; until every step is known
        (they are worked out off the UI thread after a load), only the ones already known."""
        return {a.id: state for a in cards if (state := self._due_state(a))}

    def _due_state(self, application: Application) -> str | None:
        app = self.jobboard
        step = app.step_for(application) if app.steps_ready else app.steps.get(application.id)
        if step is not None and step.state in ("due", "overdue") and step.snoozed_until is None:
            return step.state
        return None

    def _due_counts(self, status: str) -> tuple[int, int]:
        """A column's cards whose step is due today, and those overdue (the ● and ▲ cards)."""
        states = self._due[status].values()
        overdue = sum(1 for state in states if state == "overdue")
        return len(states) - overdue, overdue

    def _update_title(self, shown: int, on_board: int, total: int) -> None:
        """``shown``: the cards in the columns (after the filter); ``on_board``: before it;
        ``total``: every application, in the columns shown or not."""
        app = self.jobboard
        order = SORT_TITLES[self.sort]  # the order in force, which s changes
        parts = [f"jobboard · {app.board_file.name}", f"{counted(shown, 'application')} {order}"]
        if self.show_archived:
            parts[1] = f"ARCHIVE: {counted(shown, 'archived application')} {order} (ctrl+a: back to the board)"
        elif self._archived:
            parts.append(f"{self._archived} archived (ctrl+a)")
        if self.filter_text.strip():
            parts[1] = f"{shown} of {on_board} match “{self.filter_text.strip()}” {order}"
        hidden = total - on_board
        if hidden:
            parts.append(f"{hidden} in columns not shown (w)")
        title = " · ".join(parts)  # narrow: at 80 columns the order and the hidden count both fit
        if title != self._title:
            self._title = title
            self.title_bar.update(title)

    def _activate(self, index: int) -> None:
        views = self._views
        if not views:
            return
        self.active_column = max(0, min(index, len(views) - 1))
        for i, view in enumerate(views):
            view.active = i == self.active_column
        self.show_selected()

    def show_selected(self, board_changed: bool = False) -> None:
        """The panel and the footer follow the selection; both are redrawn only when what they
        show has changed. ``board_changed``: any card changed, which may change the panel's
        keep-going note (a board-wide tally, so worked out with the panel, after the cards)."""
        app = self.jobboard
        application = self.selected
        step = app.advice_for(application) if application else None
        column = STATUS_TITLES.get(self._views[self.active_column].status, "") if self._views else ""
        hint = f"No applications in {column}." if app.board else ""
        shown = (application, step, hint, app.today)
        if shown != self._panel_shows or board_changed:
            self._panel_shows = shown
            # The panel follows one frame after the cards: the card you moved or picked shows
            # at once, and the panel's text (the costlier layout) paints right behind it.
            if not self._panel_pending:
                self._panel_pending = True
                self.call_after_refresh(self._show_panel)
        bindings = (
            application is not None,
            self.active_column > 0,
            self.active_column < len(self._views) - 1,
            bool(step and step.draft),
            bool(step and step.rule != "wait"),
            bool(app.history.past),
            bool(app.history.future),
            bool(self.filter_text),
        )
        if bindings != self._bindings_state:
            self._bindings_state = bindings
            self.refresh_bindings()

    def _show_panel(self) -> None:
        self._panel_pending = False
        if not self.jobboard.loaded or self._panel_shows is None:
            return  # the keep-going note counts the whole board: the panel waits for it
        application, step, hint, today = self._panel_shows
        sent = application is not None and step is not None and self.sent == (application.id, step.rule)
        name_hint = ""
        if step and step.draft and step.draft.endswith(NAME_PLACEHOLDER) and self.hints.wanted(NAME_HINT):
            name_hint = name_hint_text(self.jobboard.settings.source)  # said in the first session only
        holidays = self.jobboard.settings.etiquette.holidays
        keep_going, at = self.jobboard.keep_going(), self.jobboard.at
        self.panel.show(application, step, today, keep_going, hint, name_hint, sent, holidays, at)

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move":
            if self.selected is None:
                return None
            target = self.active_column + int(parameters[0])  # type: ignore[call-overload]
            return True if 0 <= target < len(self.column_views) else None
        if action in ("edit", "delete", "edit_notes", "open_posting", "edit_people", "archive"):
            return True if self.selected is not None else None
        if action in ("step_done", "copy_draft", "send_draft", "heard_back", "interview", "snooze"):
            application = self.selected
            if application is None:
                return None
            step = self.jobboard.advice_for(application)
            if action in ("copy_draft", "send_draft"):
                return True if step.draft else None
            if action == "step_done":
                return True if step.rule != "wait" else None
            return True
        if action == "undo":
            return True if self.jobboard.history.past else None
        if action == "redo":
            return True if self.jobboard.history.future else None
        return True

    def on_board_clicked(self, message: Board.Clicked) -> None:
        """The mouse: a click on a column's header (or below its cards) makes it the active
        column, a click on a card selects it, and a double-click on a card edits it."""
        self._activate(message.column)
        if message.card is None:
            return
        self.current_column.cursor = message.card
        self.show_selected()
        if message.chain == 2:
            self.action_edit()

    def action_column(self, step: int) -> None:
        self._activate(self.active_column + step)

    def action_card(self, step: int) -> None:
        self.current_column.cursor += step
        self.show_selected()

    def action_card_edge(self, last: int) -> None:
        column = self.current_column
        column.cursor = len(column.cards) - 1 if last else 0
        self.show_selected()

    def action_move(self, step: int) -> None:
        target = self.active_column + step
        if 0 <= target < len(self.column_views):
            self.move_selected_to(self.column_views[target].status)

    def move_selected_to(self, status: str) -> bool:
        """Move the selected card today (see jobboard.moves); False when nothing was moved."""
        from jobboard.tui.moves import move_card

        return move_card(self, self.selected, status)

    def action_undo(self) -> None:
        self._say_replayed(self.jobboard.undo(), "undo", "Undid")

    def action_redo(self) -> None:
        self._say_replayed(self.jobboard.redo(), "redo", "Redid")

    def _say_replayed(self, change: HistoryEntry | str | None, verb: str, done: str) -> None:
        if change is None:
            self.notify(f"Nothing to {verb}.")
        elif isinstance(change, str):  # could not be replayed: why, in a sentence
            self.notify(change, title=f"Did not {verb}", severity="warning", timeout=6)
        else:
            self.notify(f"{done} {change.label}.", timeout=2)

    def action_toggle_panel(self) -> None:
        panel = self.panel
        panel.display = not panel.display

    def action_all_columns(self) -> None:
        """Show every column, those config.toml leaves out too (Withdrawn...), or only the
        configured ones again: a card moved to a hidden column is always one key away."""
        app = self.jobboard
        configured = app.configured_columns
        if configured == ALL_STATUSES:
            self.notify("Every column is shown already.", timeout=2)
            return
        app.columns = configured if app.columns == ALL_STATUSES else ALL_STATUSES
        keep = self.selected
        self._fit_panel(self.size.width)  # more columns may leave no room beside them for the panel
        self.board.show_statuses(app.columns, app.step_for, app.today)
        self._views = self.board.columns
        self._activate(self.active_column)
        self._cards = {}
        self.refresh_board(keep_id=keep.id if keep else None)
        every = app.columns == ALL_STATUSES
        self.notify("Every column, hidden ones too (w: back)." if every else "The configured columns.", timeout=2)

    def action_scroll_panel(self, pages: int) -> None:
        """Scroll the side panel a page (less two lines, to keep the place) down or up. Forced:
        the panel draws its own scrollbar, so Textual does not count it as scrollable."""
        self.panel.scroll_relative(y=pages * max(self.panel.size.height - 2, 1), animate=False, force=True)

    def _filter_box(self) -> Input | None:
        return next(iter(self.query_children("#filter").results(Input)), None)

    async def _premake_filter_box(self) -> None:
        if self.is_attached:  # not if the board closed before its first refresh was over
            await self._make_filter_box()

    async def _make_filter_box(self) -> Input:
        """The filter box (hidden until `/`) is one of the costlier widgets to make and style,
        so it is made just after the first paint rather than before it. It must exist before
        `/` is pressed: the keys typed right after `/` go to it only if focus moves at once."""
        box = self._filter_box()
        if box is None:
            box = Input(
                placeholder="Filter: company, role, location, tags, notes · enter keeps it · esc clears",
                id="filter",
            )
            await self.mount(box, after="#title-bar")
        return box

    async def action_filter(self) -> None:
        box = self._filter_box() or await self._make_filter_box()
        box.display = True
        self.set_focus(box)  # at once: box.focus() would wait behind the keys typed after `/`

    def action_clear_filter(self) -> None:
        box = self._filter_box()
        if not self.filter_text and (box is None or not box.display):
            return  # escape with no filter: nothing to clear (the key is still listed by `?`)
        if box is not None:
            box.value = ""
            box.display = False
        self.filter_text = ""
        self.set_focus(None)
        self.refresh_board()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        self.refresh_board()

    @on(Input.Submitted, "#filter")
    def _filter_kept(self) -> None:
        if not self.filter_text.strip():
            self.action_clear_filter()
        else:
            self.set_focus(None)  # the keys move between cards again; escape clears the filter

    def on_key(self, event: events.Key) -> None:
        # Escape inside the filter box clears it (the box itself would only lose focus).
        if event.key == "escape" and self.focused is not None and self.focused is self._filter_box():
            event.stop()
            self.action_clear_filter()

    def action_help(self) -> None:
        from jobboard.tui.screens import HelpScreen

        self.app.push_screen(HelpScreen(self))
