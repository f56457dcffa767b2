"""The mouse on the board, through Textual's Pilot: what a click and a double-click do, in a
terminal as in a browser (textual-serve relays the browser's mouse as a terminal's). The
footer's clickable keys and the wheel are tested with the board (test_tui_board.py)."""

from __future__ import annotations

from jobboard.tui.column import CARD_HEIGHT, HEADER_HEIGHT
from jobboard.tui.forms import ApplicationForm
from tests.helpers.tui import loaded, make_app, selected, thirty_in_applied


def card_offset(column, index: int) -> tuple[int, int]:
    """Where a user would click card ``index`` of ``column``: on its company name."""
    return column.x + 3, HEADER_HEIGHT + index * CARD_HEIGHT - column.top


async def test_a_click_selects_the_card_under_it_and_the_panel_follows(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        screen = app.board_screen
        board = screen.query_one("Board")
        panel = screen.query_one("#panel")
        interviewed = board.columns[1]
        target = interviewed.cards[1]
        assert selected(app).id != target.id and target.company not in panel.text

        await pilot.click(board, offset=card_offset(interviewed, 1))
        await pilot.pause()
        assert screen.active_column == 1 and selected(app).id == target.id
        assert target.company in panel.text
        assert board.render_line(HEADER_HEIGHT + CARD_HEIGHT).text[interviewed.x] == "▌"  # the cursor's mark

        # The keys carry on from the card clicked.
        await pilot.press("j")
        assert selected(app).id == interviewed.cards[2].id


async def test_a_click_in_a_scrolled_column_selects_the_card_shown_there(board_path, frozen):
    app = make_app(thirty_in_applied(board_path, frozen.date()))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        board = app.board_screen.query_one("Board")
        applied = board.columns[0]
        await pilot.press("G")  # the last card: the column scrolls down to it
        assert applied.top > 0
        first_shown = applied.top // CARD_HEIGHT
        await pilot.click(board, offset=(3, HEADER_HEIGHT))
        await pilot.pause()
        assert selected(app).id == applied.cards[first_shown].id
        assert board.render_line(HEADER_HEIGHT).text.startswith("▌" + selected(app).company)  # as it was shown


async def test_a_click_on_a_header_or_below_the_cards_activates_that_column(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        screen = app.board_screen
        board = screen.query_one("Board")
        silent, rejected = board.columns[3], board.columns[4]  # after Applied, Interviewed, Offer
        await pilot.press("j")  # the cursor in Applied moves; each column keeps its own
        kept = silent.cursor

        await pilot.click(board, offset=(silent.x + 2, 0))
        await pilot.pause()
        assert screen.active_column == 3 and silent.cursor == kept
        assert selected(app).status == "silent"

        below = HEADER_HEIGHT + len(rejected.cards) * CARD_HEIGHT + 1
        assert below < board.size.height
        await pilot.click(board, offset=(rejected.x + 2, below))
        await pilot.pause()
        assert screen.active_column == 4 and selected(app).status == "rejected"


async def test_a_double_click_on_a_card_opens_it_in_the_form(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        board = app.board_screen.query_one("Board")
        applied = board.columns[0]
        target = applied.cards[2]
        await pilot.double_click(board, offset=card_offset(applied, 2))
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        assert app.screen.query_one("#field-company").value == target.company
        await pilot.press("escape")
        assert app.screen is app.board_screen and selected(app).id == target.id
