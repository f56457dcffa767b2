"""The board through Textual's Pilot: navigation, moves, undo/redo, the empty board."""

from __future__ import annotations

import pytest
from textual.geometry import Region

from jobboard.config.settings import Settings
from jobboard.storage.store import BoardStore
from tests.helpers.tui import (
    CONFIG_FILE,
    NotedApp,
    cells,
    loaded,
    make_app,
    screen_lines,
    selected,
    thirty_in_applied,
    wait_for,
)


async def test_a_title_too_long_for_the_terminal_ends_in_an_ellipsis(demo_board):
    """At 60 columns the title cannot say it all; it used to stop mid-phrase ("· 3 in") as if
    that were all. Now the cut is marked, and a wider terminal shows it whole again."""
    app = make_app(demo_board)
    async with app.run_test(size=(60, 20)) as pilot:
        await loaded(pilot)

        def title() -> str:
            return next(line for line in screen_lines(app) if "jobboard · board.json" in line).rstrip()

        assert title().endswith("…")
        await pilot.resize_terminal(160, 40)
        await wait_for(pilot, lambda: title().endswith("in columns not shown (w)"), "the whole title")


async def test_navigation_between_columns_and_cards(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        screen = app.board_screen
        assert screen.column_views[0].status == "applied"
        first = selected(app)
        await pilot.press("j")
        second = selected(app)
        assert second.id != first.id
        await pilot.press("k")
        assert selected(app).id == first.id
        await pilot.press("G")
        assert selected(app).id == screen.current_column.cards[-1].id
        await pilot.press("g")
        assert selected(app).id == first.id
        await pilot.press("l")
        assert screen.active_column == 1 and selected(app).status == "interviewed"
        await pilot.press("right", "right", "right", "right", "right")
        assert screen.active_column == 4  # stops at the last column (Rejected, after Offer and Silent)
        await pilot.press("h", "left")
        assert screen.active_column == 2


async def test_move_saves_follows_the_card_and_undo_redo(demo_board, frozen):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        assert card.status == "applied"
        await pilot.press("shift+right")  # to Interviewed: the interview's date is asked, today by default
        assert selected(app).status == "applied"
        await pilot.press("enter")
        assert selected(app).id == card.id
        assert selected(app).status == "interviewed"
        assert app.board_screen.active_column == 1
        await app.flush()
        on_disk = BoardStore(demo_board).get(card.id)
        assert on_disk.status == "interviewed"
        assert on_disk.events[-2].kind == "status" and on_disk.events[-2].date == frozen.date()
        assert on_disk.events[-1].kind == "interview" and on_disk.events[-1].date == frozen.date()

        await pilot.press("L")
        assert selected(app).status == "offer"  # the column after Interviewed
        await pilot.press("u")
        assert selected(app).status == "interviewed"
        await pilot.press("u")
        assert selected(app).status == "applied"
        await app.flush()
        assert BoardStore(demo_board).get(card.id).events == card.events  # back as it was
        await pilot.press("ctrl+r")
        assert selected(app).status == "interviewed"
        await app.flush()
        assert BoardStore(demo_board).get(card.id).status == "interviewed"


async def test_impossible_moves_are_disabled(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        screen = app.board_screen
        assert screen.check_action("move", (-1,)) is None
        assert screen.check_action("move", (1,)) is True
        before = selected(app)
        await pilot.press("shift+left")  # nothing to the left of Applied
        assert selected(app).id == before.id and selected(app).status == "applied"
        await pilot.press("l", "l", "l", "l")
        assert screen.check_action("move", (1,)) is None
        assert screen.check_action("undo", ()) is None


def footer_line(app):
    """The footer's line as the terminal gets it."""
    footer = app.board_screen.query_one("BoardFooter")
    return footer.render_lines(Region(0, 0, footer.size.width, 1))[0]


def greyed(app, label: str) -> bool:
    """Is the footer key showing ``label`` greyed: drawn in another colour than "New", a key
    that can always act? (Textual draws a dim style as a colour nearer the background.)"""
    line = cells(footer_line(app))
    text = "".join(char for char, _ in line)
    colours = {style.color for _, style in line[text.index(label) : text.index(label) + len(label)]}
    assert len(colours) == 1, f"{label} is partly greyed"
    return colours != {line[text.index("New")][1].color}


async def click_footer(pilot, label: str) -> None:
    await pilot.click("BoardFooter", offset=(footer_line(pilot.app).text.index(label) + 1, 0))
    await pilot.pause()


async def test_the_footer_greys_what_cannot_act_and_its_keys_can_be_clicked(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(150, 40)) as pilot:  # wide enough for Undo beside ? Help and q Quit
        await loaded(pilot)
        assert greyed(app, "◀ Move") and not greyed(app, "Move ▶")  # in Applied
        assert greyed(app, "Undo") and not greyed(app, "Agenda")
        card = selected(app)
        await click_footer(pilot, "◀ Move")  # greyed: nothing happens
        assert app.board[card.id].status == "applied"
        await click_footer(pilot, "Move ▶")  # the card, and the cursor, go to Interviewed
        await pilot.press("enter")  # the interview's date: today
        assert app.board[card.id].status == "interviewed" and selected(app).id == card.id
        await wait_for(pilot, lambda: not greyed(app, "◀ Move"), "the move back to show as possible")
        assert not greyed(app, "Undo")
        await pilot.press("u")
        await wait_for(pilot, lambda: greyed(app, "◀ Move"), "the move back to grey out again")
        assert app.board[card.id].status == "applied"
        await click_footer(pilot, "palette")
        assert app.screen is not app.board_screen  # the command palette opened


async def test_a_long_column_draws_its_scroll_position_in_its_last_cell(board_path, frozen):
    app = make_app(thirty_in_applied(board_path, frozen.date()))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        column = app.board_screen.column_views[0]
        height = column.height

        def thumb_rows() -> list[int]:
            return [y for y in range(height) if column.card_line(y).text.endswith("▐▕")]

        top = thumb_rows()
        assert top and top[0] == 0 and len(top) < height  # 30 cards do not fit: a short thumb at the top
        await pilot.press("G")  # the last card
        await pilot.pause()
        bottom = thumb_rows()
        assert bottom[-1] == height - 1 and len(bottom) == len(top)
        assert app.board_screen.column_views[1].card_line(0).text.endswith(" ▕")  # empty: no thumb


async def test_board_widgets_paint_what_textuals_own_line_pass_would(demo_board, frozen):
    """The board and the side panel skip Textual's per-line pass for borders and padding where
    it would change nothing: the board hands over its own lines (for part of its width, from
    the columns under that part alone), the empty side panel is one row repeated. Cell for
    cell, with styles, that must be what the pass (the base class's render_lines) gives; and a
    board given padding must fall back to it."""
    from textual.scroll_view import ScrollView
    from textual.widget import Widget

    def lines(strips) -> list[list[tuple[str, object]]]:
        return [cells(strip) for strip in strips]

    def textual_pass(widget, crop):
        widget.refresh()  # nothing kept from an earlier frame
        base = ScrollView if isinstance(widget, ScrollView) else Widget
        return base.render_lines(widget, crop)

    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("j", "l")  # a highlighted card in a column that is not the first
        screen = app.board_screen
        board = screen.query_one("Board")
        for widget in (board,):
            whole = widget.size.region
            part = Region(2, 1, max(widget.size.width - 4, 1), max(widget.size.height - 2, 1))
            across = Region(17, 0, 10, 5)  # the edge between two columns
            for crop in (whole, part, across):
                assert lines(widget.render_lines(crop)) == lines(textual_pass(widget, crop)), (widget, crop)
        panel = screen.query_one("#panel")
        panel.sections = ()  # as before the first look is shown: nothing to say yet
        panel.refresh()
        region = panel.size.region
        assert lines(panel.render_lines(region)) == lines(textual_pass(panel, region))
        board.styles.padding = (0, 2)
        await pilot.pause()
        region = board.size.region
        assert lines(board.render_lines(region)) == lines(textual_pass(board, region))
        assert board.render_lines(region)[0].text.startswith("   Applied")  # two of padding, one drawn


async def test_a_theme_switch_redraws_the_board_in_the_new_colours(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        board = app.board_screen.query_one("Board")
        before = cells(board.render_lines(board.size.region)[0])
        app.theme = "jobboard-light"
        await wait_for(pilot, lambda: cells(board.render_lines(board.size.region)[0]) != before, "new colours")
        after = cells(board.render_lines(board.size.region)[0])
        assert [char for char, _ in after] == [char for char, _ in before]  # the same words
        assert {style.bgcolor for _, style in after} != {style.bgcolor for _, style in before}


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_empty_board_says_how_to_start_and_no_key_crashes(board_path, size):
    app = make_app(board_path)
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        hint = app.board_screen.query_one("#empty-board")
        assert hint.display and "jobboard add" in str(hint.render())
        for key in (
            "j",
            "k",
            "h",
            "l",
            "g",
            "G",
            "shift+right",
            "shift+left",
            "H",
            "L",
            "u",
            "ctrl+r",
            "p",
            "pageup",
            "pagedown",
            "enter",
            "space",
            "x",
            "question_mark",
            "escape",
        ):
            await pilot.press(key)
        assert app.is_running
        assert not board_path.exists()  # looking at an empty board writes nothing


async def test_panel_toggles_and_shows_the_selected_card(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        panel = app.board_screen.query_one("#panel")
        assert selected(app).company in panel.text and "DETAILS" in panel.text
        await pilot.press("p")
        assert not panel.display
        await pilot.press("p")
        assert panel.display


async def test_changes_from_another_process_appear(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        other = BoardStore(demo_board)
        other.add(lambda app_id: __import__("jobboard.core.model").core.model.new_application(app_id, "Zeta", "SRE"))
        await wait_for(pilot, lambda: any(a.company == "Zeta" for a in app.board.values()), "Zeta on the board")


async def test_a_failed_write_is_reported_kept_and_saved_once_the_disk_has_room(demo_board, monkeypatch):
    import os

    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)

        def full_disk(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", full_disk)
        await pilot.press("L", "enter")
        await app.flush()
        await wait_for(pilot, lambda: any("disk is full" in note for note in app.notes), "the failure to be reported")
        assert app.board[card.id].status == "interviewed"  # still shown, and kept (issue 28)
        monkeypatch.undo()
        saved = lambda: BoardStore(demo_board).get(card.id).status == "interviewed"  # noqa: E731
        await wait_for(pilot, saved, "the kept change to be saved")


async def test_help_lists_the_keys_in_force(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "shift+right" in text and "move the card to the next column" in text
        assert "Focus Next" not in text
        await pilot.press("escape")
        assert app.screen is app.board_screen


async def test_a_broken_board_shows_an_error_screen_and_stays_untouched(tmp_path):
    from jobboard.storage import backups

    path = tmp_path / "board.json"
    path.write_text('{"meta": {"1": {"schema_version": 1, "next_id": 1}}, "applications": {}}')
    backups.backup_now(path, reason="daily")
    path.write_bytes(b'{"meta": {"1": {"schema_ver')  # cut short, as by a crash of another tool
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: type(app.screen).__name__ == "BoardErrorScreen", "the error screen")
        await pilot.pause()
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "cannot open this board" in text and "is not valid JSON" in text
        assert str(path) in text and "restore" in text and "backups" in text
        for key in ("L", "n", "d", "u", "j"):
            await pilot.press(key)
        await pilot.press("q")
    assert app.return_code == 1
    assert path.read_bytes() == before


class QuitAtOnce(NotedApp):
    """A board closed as soon as it is ready, before the work queued after its first refresh."""

    def on_ready(self) -> None:
        self.exit()


async def test_a_board_closed_as_soon_as_it_opens_exits_cleanly(demo_board):
    app = QuitAtOnce(BoardStore(demo_board), Settings(source=CONFIG_FILE))
    await app.run_async(headless=True, size=(120, 40))
    assert app.return_code == 0


async def test_the_tui_keeps_its_own_change_and_another_process_s(demo_board):
    from jobboard.core.model import Event, new_application

    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        other = BoardStore(demo_board)
        other.update(
            card.id, lambda a: a.with_event(Event("heard_back", a.applied_on))
        )
        other.add(lambda app_id: new_application(app_id, "Zeta", "SRE"))
        await pilot.press("L", "enter")  # the TUI's own change, made on a board that is now stale
        await app.flush()
        await wait_for(pilot, lambda: any(a.company == "Zeta" for a in app.board.values()), "Zeta on the board")
        on_disk = BoardStore(demo_board).get(card.id)
        assert on_disk.status == "interviewed"
        assert any(e.kind == "heard_back" for e in on_disk.events)
        assert any(a.company == "Zeta" for a in app.board.values())
        assert app.board[card.id].status == "interviewed"


@pytest.mark.parametrize("columns", [3, 4, 5, 7])
async def test_the_board_shares_its_width_between_columns_as_textual_shares_1fr(columns):
    """The board lays its columns out itself; each must have the width Textual would give a
    row of ``1fr`` widgets, so that the board looks the same as when they were widgets."""
    from textual.app import App
    from textual.containers import Horizontal
    from textual.widget import Widget

    from jobboard.tui.board import column_edges

    class Row(App[None]):
        def compose(self):
            with Horizontal():
                for _ in range(columns):
                    yield Widget(classes="column")

        CSS = ".column { width: 1fr; min-width: 8; }"

    for width in (43, 80, 97, 120, 211):
        if width < 8 * columns:
            continue  # too narrow for a column each: see the next test
        async with Row().run_test(size=(width, 5)) as pilot:
            regions = [widget.region for widget in pilot.app.query(".column")]
            assert column_edges(width, columns) == [r.x for r in regions] + [regions[-1].right], width


def test_columns_never_get_narrower_than_eight_cells():
    from jobboard.tui.board import column_edges

    # Textual's own layout gave each ``1fr; min-width: 8`` column the whole width here.
    assert column_edges(30, 5) == [0, 8, 16, 24, 32, 40]  # the last columns fall off the edge


async def test_the_mouse_wheel_scrolls_the_column_under_it(board_path, frozen):
    from textual.events import MouseScrollDown, MouseScrollUp

    app = make_app(thirty_in_applied(board_path, frozen.date()))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        board = app.board_screen.query_one("Board")

        async def wheel(event, x: int, times: int = 1) -> None:
            at = (board.region.x + x, board.region.y + 10)
            for _ in range(times):  # as the terminal sends it: to the app, at a place on the screen
                app.post_message(event(None, *at, 0, 0, 0, False, False, False, screen_x=at[0], screen_y=at[1]))
                await pilot.pause()

        applied, interviewed = board.columns[0], board.columns[1]
        first = applied.card_line(0).text
        await wheel(MouseScrollDown, 2, times=2)
        assert applied.top == 8 and applied.card_line(0).text != first  # two cards further down
        assert applied.card_line(0).text.startswith(" " + applied.cards[2].company)
        await wheel(MouseScrollDown, interviewed.x + 2)
        assert interviewed.top == 0  # an empty column has nowhere to go
        await wheel(MouseScrollDown, 2, times=40)
        assert applied.top == applied.rows * 4 - applied.height  # no further than the last card
        await wheel(MouseScrollUp, 2, times=40)
        assert applied.top == 0 and applied.card_line(0).text == first
        assert selected(app).id == applied.cards[0].id  # scrolling leaves the cursor where it was


async def test_a_terminal_too_narrow_for_every_column_still_draws(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(36, 14)) as pilot:
        await loaded(pilot)
        await pilot.press("l", "l", "l", "j", "L", "H")
        board = app.board_screen.query_one("Board")
        assert app.is_running
        assert all(line.cell_length == board.size.width for line in board.render_lines(board.size.region))


def test_the_tuning_gives_python_its_settings_back():
    import gc
    import sys

    from jobboard.tui.tuning import FRAME_HANDOFF_SECONDS, Tuning

    interval = sys.getswitchinterval()
    assert gc.isenabled()
    with Tuning() as tuning:
        assert not gc.isenabled() and sys.getswitchinterval() == pytest.approx(FRAME_HANDOFF_SECONDS)
        tuning.board_shown()
        assert gc.isenabled() and gc.get_freeze_count() > 0
        tuning.board_shown()  # once only
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert sys.getswitchinterval() == pytest.approx(interval)
    Tuning().board_shown()  # outside a run (as under run_test): changes nothing
    assert gc.get_freeze_count() == 0


async def test_a_frame_drawn_before_the_board_hears_its_size_shows_the_cards():
    """Textual draws the first frame before the board's Resize event is handled; that frame
    must show the columns and their cards, not empty columns (a start would then wait one
    more frame, ~20 ms, for the cards)."""
    import pendulum
    from textual import events
    from textual.app import App
    from textual.geometry import Region

    from jobboard.core.model import new_application
    from jobboard.tui.board import Board

    class Deaf(Board):
        def on_resize(self, event: events.Resize) -> None:  # as if the Resize had not come yet
            event.prevent_default()  # Board's own handler is not called

    card = new_application("1", "Initech Foods", "Data Engineer", applied_on=pendulum.Date(2026, 11, 2))

    class One(App[None]):
        def compose(self):
            board = Deaf(("applied", "rejected"), lambda application: None, pendulum.Date(2026, 12, 4))
            board.columns[0].show_counts(1)
            board.columns[0].set_cards([card])
            yield board

    async with One().run_test(size=(60, 12)) as pilot:
        board = pilot.app.query_one(Deaf)
        text = "\n".join(strip.text for strip in board.render_lines(Region(0, 0, 60, 12)))
        assert "Applied" in text and "Rejected" in text
        assert "Initech Foods"[:10] in text


async def test_a_snoozed_cards_z_never_touches_its_company_name(board_path, frozen):
    """A name that fills its line keeps a blank before the snooze mark: "Vandelay Importsz"
    would read as the company's name. ● and ▲ are no letters: they may follow it directly."""
    from jobboard.core.model import Event, new_application

    today = frozen.date()
    applied_on = today.subtract(days=12)  # no answer for 12 days: a follow-up is due
    due = [name for n in range(6, 27) if not (name := "Kramerica Industries Worldwide"[:n]).endswith(" ")]
    snoozed = [name for n in range(6, 27) if not (name := "Vandelay Imports of New York"[:n]).endswith(" ")]

    def card(app_id: str, name: str):
        made = new_application(app_id, name, "Engineer", applied_on=applied_on)
        return made.with_event(Event("snooze", today.add(days=1))) if name in snoozed else made

    BoardStore(board_path).add_many([lambda app_id, name=name: card(app_id, name) for name in due + snoozed])
    app = make_app(board_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        column = app.board_screen.column_views[0]
        # Each card's first line, below the view too, from the gutter up to the scrollbar cell.
        lines = {card.company: column.card_line(index * 4).text[1:-2] for index, card in enumerate(column.cards)}
        assert len(lines) == len(due + snoozed)
        for name, line in lines.items():
            assert line.endswith(" z" if name in snoozed else "●"), line
            assert name.startswith(line[:-1].rstrip().removesuffix("…")), line
        room = column.width - 4  # the gutter, the mark, the scrollbar cell and the border
        filling = {name for name in due + snoozed if len(name) == room}
        assert len(filling) == 2
        for name in filling:  # fills its line: whole before ●, cut to leave a blank before z
            assert lines[name] == (name[: room - 2] + "… z" if name in snoozed else name + "●")
