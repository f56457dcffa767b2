"""Keeping applications from the board: the form, edit, delete, filter, palette, keys, columns."""

from __future__ import annotations

import re

import pendulum
import pytest
from textual.widgets import Input, Select, Static

from jobboard.config.settings import Settings
from jobboard.core.model import new_application
from jobboard.storage.store import BoardStore
from jobboard.tui.forms import ApplicationForm, check_fields
from tests.helpers.tui import (
    NotedApp,
    burst,
    error_of,
    fill,
    loaded,
    make_app,
    select_company,
    selected,
    wait_for,
)


async def test_new_application_through_the_form(board_path, frozen):
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await fill(
            pilot,
            company="Initrode",
            role="Platform Engineer",
            applied="3 days ago",
            url="initrode.example/jobs/9",
            email="hr@initrode.example",
            tags="remote, go ,",
        )
        await pilot.press("ctrl+s")
        await app.flush()
        await wait_for(pilot, lambda: selected(app).company == "Initrode", "the new card, selected")
        card = selected(app)
        assert card.company == "Initrode" and card.role == "Platform Engineer"
        assert card.applied_on == pendulum.date(2026, 11, 13)
        assert card.url == "https://initrode.example/jobs/9"
        assert card.tags == ["remote", "go"]
        assert [e.kind for e in card.events] == ["applied"]
        assert BoardStore(board_path).get(card.id).company == "Initrode"
        await pilot.press("u")  # undo the add
        await app.flush()
        assert BoardStore(board_path).applications() == []


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"company": "  ", "role": "Dev"}, "company", "Company is required"),
        ({"company": "Acme", "role": ""}, "role", "Role is required"),
        ({"company": "Acme", "role": "Dev", "applied": "last week"}, "applied", "is not a date"),
        ({"company": "Acme", "role": "Dev", "applied": "in 3 days"}, "applied", "after today"),
        ({"company": "Acme", "role": "Dev", "applied": "2026-02-30"}, "applied", "not a real calendar date"),
        ({"company": "Acme", "role": "Dev", "email": "dana at acme"}, "email", "Not an email address"),
        ({"company": "Acme", "role": "Dev", "url": "see the careers page"}, "url", "Not a web address"),
    ],
)
async def test_each_invalid_field_says_why_and_the_form_stays(board_path, frozen, values, field, message):
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await fill(pilot, **values)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        assert message in error_of(app, field)
        assert app.board == {}
    assert not board_path.exists()


async def test_escape_cancels_and_changes_nothing(demo_board):
    before = demo_board.read_bytes()
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await fill(pilot, company="Nope", role="Nope")
        await pilot.press("escape")
        assert app.screen is app.board_screen
        await pilot.press("e")
        await fill(pilot, company="Changed")
        await pilot.press("escape")
        await app.flush()
    assert demo_board.read_bytes() == before


async def test_edit_with_enter_changes_fields_and_logs_a_new_column(demo_board, frozen):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        await pilot.press("enter")
        form = app.screen
        assert form.query_one("#field-company", Input).value == card.company
        form.query_one("#field-role", Input).value = "Staff Engineer"
        form.query_one("#field-status", Select).value = "silent"
        await pilot.press("ctrl+s")
        await app.flush()
        edited = BoardStore(demo_board).get(card.id)
        assert edited.role == "Staff Engineer" and edited.status == "silent"
        assert edited.events[-1].kind == "status" and edited.events[-1].date == frozen.date()
        assert selected(app).id == card.id  # the selection followed the card to Silent


async def test_delete_asks_first_and_undo_brings_it_back(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        count = len(app.board)
        await pilot.press("d")
        await pilot.press("n")  # no: nothing happens
        assert len(app.board) == count
        await pilot.press("d", "y")
        await app.flush()
        assert card.id not in app.board
        assert card.id not in {a.id for a in BoardStore(demo_board).applications()}
        await pilot.press("u")
        await app.flush()
        assert BoardStore(demo_board).get(card.id) == card
        assert selected(app).id == card.id


async def test_filter_narrows_the_board_and_escape_clears_it(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        for key in "ENGINEER":
            await pilot.press(key.lower())
        screen = app.board_screen
        shown = {v.status: len(v.cards) for v in screen.column_views}
        assert sum(shown.values()) == 15  # roles with "engineer" in them, in the columns shown
        assert screen.column_views[0].count == shown["applied"]
        await pilot.press("enter")  # keep the filter, back to the cards
        await pilot.press("j")
        await pilot.press("escape")
        assert sum(len(v.cards) for v in screen.column_views) == 18  # all but the wishlist and withdrawn ones
        await pilot.press("slash", "r", "e", "m", "o", "t", "e")  # location
        assert {a.company for v in screen.column_views for a in v.cards} == {"Hooli"}
        await pilot.press("space", "d", "e", "v")  # each word, in any field: the location and the role
        assert {a.company for v in screen.column_views for a in v.cards} == {"Hooli"}
        await pilot.press("space", "z", "z")  # a word that is nowhere
        assert not any(v.cards for v in screen.column_views)
        await pilot.press("escape")
        assert screen.filter_text == ""


async def test_letters_typed_right_behind_the_filter_key_go_to_the_filter(demo_board):
    """A fast typist's "/tyrell" arrives as one burst: the letters were on their way to the
    board before the filter box had focus. They are filter text, never board keys (o would
    open a posting, b log a reply)."""
    from textual import events

    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        before = demo_board.read_bytes()
        for key in ["slash", *"tyrell"]:
            app.post_message(events.Key(key, "/" if key == "slash" else key))
        screen = app.board_screen
        await wait_for(pilot, lambda: screen.filter_text == "tyrell", "the filter to read tyrell")
        assert {a.company for v in screen.column_views for a in v.cards} == {"Tyrell Corp"}
        await app.flush()
        assert demo_board.read_bytes() == before


def palette_text(app) -> str:
    """The command palette's options, as listed on screen."""
    from textual.widgets import OptionList

    return " ".join(str(option.prompt) for lst in app.screen.query(OptionList) for option in lst.options)


async def test_palette_offers_moves_and_jumps(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        await pilot.press("ctrl+p")
        for key in "move to silent":
            await pilot.press("space" if key == " " else key)
        await wait_for(pilot, lambda: "Move to Silent" in palette_text(app), "the palette to offer the move")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.board[card.id].status == "silent", "the card to move")
        await pilot.press("ctrl+p")
        for key in "open tyrell":
            await pilot.press("space" if key == " " else key)
        await wait_for(pilot, lambda: "Open Tyrell Corp" in palette_text(app), "the palette to offer the card")
        await pilot.press("enter")
        await wait_for(pilot, lambda: selected(app).company == "Tyrell Corp", "the card to be selected")


async def test_page_keys_typed_with_ctrl_p_in_one_burst_wait_for_the_palettes_list(demo_board):
    """Textual's palette raised KeyError (and closed the board) for a page key that came in the
    same burst as ctrl+p, before its list was laid out. The key now waits for it, and pages."""
    from textual.command import CommandList

    app = make_app(demo_board)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await burst(pilot, "ctrl+p", "pagedown")
        await wait_for(pilot, lambda: app.screen.query(CommandList), "the palette")
        commands = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: commands.option_count > 10, "the palette's commands")
        assert app.is_running
        await pilot.pause()
        before = commands.highlighted or 0
        await pilot.press("pagedown")
        await wait_for(pilot, lambda: (commands.highlighted or 0) > before, "a page down")
        await pilot.press("pageup")
        await wait_for(pilot, lambda: (commands.highlighted or 0) < commands.option_count - 1, "a page up")


async def test_a_second_enter_behind_the_one_that_chose_a_command_does_nothing(demo_board):
    """Textual's palette took a fast double enter as two choices: the command ran twice and the
    palette was closed twice (ScreenStackError, a traceback instead of the board)."""
    from textual.command import CommandList

    app = make_app(demo_board)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        card = selected(app)
        await pilot.press("ctrl+p", *"archive")
        await wait_for(pilot, lambda: palette_text(app).startswith("Archive"), "Archive, first in the palette")
        commands = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: commands.highlighted == 0, "Archive highlighted")
        await burst(pilot, "enter", "enter")
        await wait_for(pilot, lambda: app.screen is app.board_screen, "the board again")
        await pilot.pause()
        assert [a.id for a in app.board.values() if a.archived] == [card.id]  # archived once, not twice


async def test_the_palette_offers_no_maximize_over_a_dialog(demo_board):
    """Textual's "Maximize" on a dialog's field left the dialog taking no key at all (a key
    monkey found it): the board has nothing to maximize, so the palette leaves it out."""
    from jobboard.tui.timeline import EventForm

    app = make_app(demo_board)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("t", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, EventForm) and app.screen.settled, "the event form")
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: "Quit" in palette_text(app), "Textual's own commands")
        assert "Theme" in palette_text(app) and "Maximize" not in palette_text(app)
        await pilot.press("escape", "escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, EventForm), "the form closed by escape")


MARKUP_COMPANY = "[/] Mark[b]up"  # what Textual markup would read as tags: the user's text all the same


async def test_text_that_looks_like_markup_is_shown_as_typed_everywhere_it_goes(demo_board):
    """A company, a filter, a date or a note with square brackets: the palette, the title bar,
    the error lines and the timeline raised MarkupError and closed the board. Each shows the
    text as it is."""
    from jobboard.core.model import Event
    from jobboard.tui.screens import AskDateScreen

    store = BoardStore(demo_board)
    added = store.add(lambda i: new_application(i, MARKUP_COMPANY, "Role [/bold]"))
    store.update(added.id, lambda a: a.with_event(Event("note", a.applied_on, note="they said [/i]soon[i]")))
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, MARKUP_COMPANY)
        await pilot.press("ctrl+p")  # the moves offered name the selected card's company
        await wait_for(pilot, lambda: "Move to Silent" in palette_text(app), "the palette's moves")
        for key in "mark":
            await pilot.press(key)
        await wait_for(pilot, lambda: f"Open {MARKUP_COMPANY}" in palette_text(app), "the card in the palette")
        await pilot.press("escape")
        await pilot.press("slash", "left_square_bracket", "slash", "right_square_bracket")
        title = app.board_screen.title_bar
        await wait_for(pilot, lambda: "match “[/]”" in str(title.render()), "the filter in the title")
        await pilot.press("escape", "escape", "z")
        await wait_for(pilot, lambda: isinstance(app.screen, AskDateScreen), "the snooze question")
        app.screen.query_one("#date-input", Input).value = "[/]"
        await pilot.press("enter")
        error = app.screen.query_one("#date-error", Static)
        await wait_for(pilot, lambda: "'[/]' is not a date" in str(error.render()), "the error quoting the day typed")
        await pilot.press("escape", "t")  # the timeline lists the note as written
        await wait_for(pilot, lambda: "they said [/i]soon[i]" in palette_text(app), "the note in the timeline")
        assert app.is_running


async def test_a_remapped_key_and_a_bad_one(demo_board):
    settings = Settings(keys={"move_right": "ctrl+l", "no_such_action": "x", "undo": "hyperx+z"})
    app = NotedApp(BoardStore(demo_board), settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        messages = app.notes
        assert any("no_such_action" in m for m in messages)
        assert any("hyperx" in m for m in messages)
        card = selected(app)
        await pilot.press("ctrl+l", "enter")  # enter: the interview's date, today
        assert app.board[card.id].status == "interviewed"
        await pilot.press("u")  # the default stays for the bad mapping
        assert app.board[card.id].status == "applied"
        await pilot.press("question_mark")
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "ctrl+l" in text


async def open_help(pilot, app):  # noqa: ANN001, ANN201 - Pilot, the app; (keys in force, the help's list)
    """The board read, then the help opened over it: the keys in force and the help's list."""
    from textual.containers import VerticalScroll

    from jobboard.tui.screens import keys_in_force

    await loaded(pilot)
    found = keys_in_force(app.board_screen)
    await pilot.press("question_mark")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "HelpScreen", "the help")
    await pilot.pause()
    return found, app.screen.query_one(VerticalScroll).query_one(Static)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_help_gives_each_key_one_line_with_its_id(demo_board, size):
    app = make_app(demo_board)
    async with app.run_test(size=size) as pilot:
        found, listing = await open_help(pilot, app)
        assert listing.size.height == len(found)  # no row wrapped onto a second line
        box = app.screen.query_one("#help-box")
        assert box.outer_size.width == min(84, size[0])
        assert box.content_region.contains_region(app.screen.query(".muted").last().region)  # the last line shows


async def test_in_a_narrow_pane_the_help_puts_each_id_under_its_key(demo_board):
    """60 columns (a split tmux pane): the three do not fit on a line, so each id has a line of
    its own, indented, where it cannot be read as a key; wider again, one line each."""
    app = make_app(demo_board)
    async with app.run_test(size=(60, 30)) as pilot:
        found, listing = await open_help(pilot, app)
        lines = str(listing.render()).splitlines()
        for keys, description, binding_id in found:
            assert f"{keys}  {description}" in lines
            if binding_id:
                assert f"    {binding_id}" in lines
        await pilot.resize_terminal(120, 40)
        await wait_for(pilot, lambda: listing.size.height == len(found), "one line a key again")


async def test_a_configured_extra_column(demo_board):
    columns = ("applied", "interviewed", "offer", "silent", "rejected")
    app = make_app(demo_board, columns)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        screen = app.board_screen
        assert [v.status for v in screen.column_views] == list(columns)
        await pilot.press("l")
        card = selected(app)
        await pilot.press("L")
        assert app.board[card.id].status == "offer"
        await app.flush()
        assert BoardStore(demo_board).get(card.id).status == "offer"


HOSTILE = [
    "A" * 5000,
    "🚀 Rocket Co 🚀",
    "شركة مثال",
    "Tab\there\x1b[31mred\x07",
    "[bold]not bold[/bold] [link=x]y[/link]",
    "line\nbreak",
]


async def test_odd_text_is_stored_as_typed_and_the_layout_holds(board_path):
    store = BoardStore(board_path)
    for text in HOSTILE:
        store.add(lambda app_id, t=text: new_application(app_id, t, t, notes=t, contact=t, tags=[t]))
    app = make_app(board_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        for _ in HOSTILE:
            await pilot.press("j")
        await pilot.press("question_mark", "escape", "slash", "x", "escape", "a", "escape")
        assert app.is_running
        board = app.board_screen.query_one("Board")
        for line in board.render_lines(board.region.reset_offset):
            assert line.cell_length == board.size.width
    assert [a.company for a in BoardStore(board_path).applications()] == HOSTILE


# What a terminal acts on: C0 but newline, DEL, C1, the line and paragraph separators, bidi controls.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


async def test_the_board_and_panel_draw_no_control_a_terminal_would_act_on(board_path):
    """A synced-in company with a right-to-left override would reorder its row; the board
    draws its text through the CLI's printers (jobboard.formats.printable)."""
    evil = "\u202eevil\u2066 Corp\x1b]0;title\x07\x9b2J\u2028"
    BoardStore(board_path).add(lambda app_id: new_application(app_id, evil, evil, notes=evil, contact=evil))
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        screen = app.board_screen
        board, panel = screen.query_one("Board"), screen.panel

        def drawn(widget) -> str:
            return "\n".join(line.text for line in widget.render_lines(widget.region.reset_offset))

        await wait_for(pilot, lambda: "evil" in drawn(panel), "the card in the panel")
        for widget in (board, panel):
            assert "evil" in drawn(widget) and RAW_CONTROL.search(drawn(widget)) is None


def test_check_fields_reads_what_people_type():
    today = pendulum.date(2026, 11, 16)
    fields, errors = check_fields(
        {"company": " Acme ", "role": "Dev", "applied": "yesterday", "status": "applied", "tags": "a,,b"}, today
    )
    assert errors == {} and fields.company == "Acme" and fields.applied_on == pendulum.date(2026, 11, 15)
    assert fields.tags == ["a", "b"]


def test_a_day_typed_in_column_since_for_applied_is_refused_not_dropped():
    today = pendulum.date(2026, 11, 16)
    raw = {"company": "Acme", "role": "Dev", "applied": "today", "status": "applied", "since": "3 days ago"}
    fields, errors = check_fields(raw, today)
    assert fields is None and "Applied on" in errors["since"]
    fields, errors = check_fields({**raw, "applied": "5 days ago", "status": "interviewed"}, today)
    assert errors == {} and fields.moved_on == pendulum.date(2026, 11, 13)


async def test_x_writes_the_markdown_report_and_says_where(demo_board, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("x")
        await app.flush()
        report = tmp_path / "jobboard-2026-11-16.md"
        await wait_for(pilot, lambda: any(str(report) in note for note in app.notes), "the report's path shown")
        assert report.exists() and "## Applied (6)" in report.read_text()


async def test_stats_at_80x24_scroll_and_keep_their_last_line_on_screen(demo_board):
    from textual.containers import VerticalScroll

    app = make_app(demo_board)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("S")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "StatsScreen", "the stats")
        await pilot.pause()
        hint = app.screen.query(".muted").last()
        assert "escape closes" in str(hint.render())
        assert app.screen.query_one("#stats-box").content_region.contains_region(hint.region)  # not under the border
        numbers = app.screen.query_one(VerticalScroll)
        assert numbers.max_scroll_y > 0
        await pilot.press("pagedown")
        await wait_for(pilot, lambda: numbers.scroll_y > 0, "the scroll")


async def test_stats_screen(demo_board):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("S")
        body = str(app.screen.query_one("#stats-body").render())
        assert "Response rate" in body and "Applications per week" in body and "█" in body
        await pilot.press("escape")
        assert app.screen is app.board_screen


async def test_notes_fall_back_to_the_form_without_an_editor(demo_board, monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("E")
        assert isinstance(app.screen, ApplicationForm)


def test_form_with_a_validation_error(board_path, frozen, snap_compare):
    async def bad_form(pilot):
        await loaded(pilot)
        await pilot.press("n")
        await fill(pilot, company="Acme", role="", applied="next week")
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(make_app(board_path), terminal_size=(100, 40), run_before=bad_form)
