"""The command palette (ctrl+p) on the board: every board action, moves, and jumping to a card."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape
from textual.widgets import Input, OptionList

from jobboard.core.model import ALL_STATUSES, STATUS_TITLES
from jobboard.core.statuses import STATUS_WORDS
from jobboard.formats.printable import one_line
from jobboard.tui.hosts import jobboard_app

if TYPE_CHECKING:
    from jobboard.tui.board_screen import BoardScreen

# How many "open <company>" entries to offer when nothing is typed yet.
DISCOVER_CARDS = 20


class BoardCommands(Provider):
    """Offers the board's actions (as bound, so remapped keys show), "move to <column>" for the
    selected card and "open <company>" for every card."""

    @property
    def board_screen(self) -> BoardScreen:
        """The screen this provider serves: it is the board screen's (BoardScreen.COMMANDS)."""
        return cast("BoardScreen", self.screen)

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        screen = self.board_screen
        commands: list[tuple[str, Callable[[], object], str]] = []
        seen: set[str] = set()
        # The keys in force (config.toml's [keys] applied), each with its check_action verdict.
        for node, binding, enabled, _tooltip in screen.active_bindings.values():
            # Navigation (actions with arguments) is quicker by key; moves are offered below
            # by column name instead. Only the board's own actions, and only those that can act.
            if node is not screen or not enabled or binding.id is None:
                continue
            if "(" in binding.action or binding.action in seen:
                continue
            seen.add(binding.action)
            commands.append((binding.description, partial(screen.run_action, binding.action), f"key: {binding.key}"))
        selected = screen.selected
        if selected is not None:
            shown = jobboard_app(self).columns
            # Every status is a place a card can go, its column shown or not (core/statuses.py).
            for status in ALL_STATUSES:
                if status != selected.status:
                    title = f"Move to {STATUS_TITLES.get(status, status)}"
                    where = "" if status in shown else " · a column not shown (counted in the header)"
                    also = f" · also: {', '.join(STATUS_WORDS[status])}"
                    help_text = f"{one_line(selected.company)}{where}{also}"
                    commands.append((title, partial(screen.move_selected_to, status), help_text))
        return commands

    def _cards(self) -> list[tuple[str, Callable[[], object], str]]:
        screen, app = self.board_screen, jobboard_app(self)
        return [
            (
                f"Open {one_line(application.company)}",
                partial(screen.jump_to, application.id),
                f"{one_line(application.role)} · {STATUS_TITLES.get(application.status, application.status)}",
            )
            for application in app.board.values()
            if application.status in app.columns and application.archived == screen.show_archived
        ]

    # A card's company and role are the user's text, and the palette reads a hit's words as
    # Textual markup: "[/] Mark[b]up" raised MarkupError. So the names are given as Content
    # (plain text) and the help escaped; Matcher.highlight, which parses markup, is not used.

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=escape(help_text))
        for name, callback, help_text in self._cards()[:DISCOVER_CARDS]:
            yield DiscoveryHit(Content(name), callback, text=name, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in [*self._commands(), *self._cards()]:
            score, offsets = matcher.fuzzy_search.match(query, name)
            if score > 0:
                shown = Content(name)
                for offset in offsets:  # the letters typed, marked as Textual marks them
                    if not name[offset].isspace():
                        shown = shown.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, shown, callback, text=name, help=escape(help_text))


class BoardPalette(CommandPalette):
    """Textual's palette with two of its bursts made safe (a bare Textual app fails on both,
    with a traceback that closes the board):
    - a page key typed with ctrl+p reached a list given its first hits but not laid out yet
      (KeyError): page keys now wait for the list's next refresh;
    - a second enter right behind the one that chose a command chose it again, ran it twice
      and closed the palette twice (ScreenStackError): once closing, enter does nothing."""

    BINDINGS = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]
    closing = False
    chosen = False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Both enters reach the list before its first choice is handled: the first one counts.
        if self.chosen:
            event.prevent_default()  # Textual's own handler, in CommandPalette, does not run
            event.stop()
        self.chosen = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.closing:
            event.prevent_default()
            event.stop()

    def dismiss(self, result: None = None) -> AwaitComplete:
        if self.closing:
            return AwaitComplete()
        self.closing = True
        return super().dismiss(result)

    def action_page(self, direction: int) -> None:
        commands = self.query_one(CommandList)
        self.call_after_refresh(commands.action_page_down if direction > 0 else commands.action_page_up)
