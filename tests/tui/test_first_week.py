"""The first week as a new user lives it (issue 31): fast typing in the form, where a new card
lands, the side panel from the keyboard, the 80x24 footer, the form's and P's layout."""

from __future__ import annotations

from textual.widgets import Input, Select, Static

from jobboard.tui.forms import ApplicationForm
from tests.helpers.tui import DEMO_COLUMNS, burst, loaded, make_app, wait_for


async def test_a_burst_with_a_tab_fills_company_then_role(board_path, frozen):
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, ApplicationForm)
        await burst(pilot, "Newco", "tab", "Platform Engineer", "tab", "shift+tab", "shift+tab")
        assert app.screen.query_one("#field-company", Input).value == "Newco"
        assert app.screen.query_one("#field-role", Input).value == "Platform Engineer"
        assert app.focused is app.screen.query_one("#field-company", Input)


async def test_n_and_the_fields_in_one_burst_wait_for_the_form(board_path, frozen):
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await burst(pilot, "n", "Newco", "tab", "Platform Engineer")  # sent before the form is open
        await wait_for(pilot, lambda: isinstance(app.screen, ApplicationForm) and app.screen.settled, "the form")
        await pilot.pause()
        assert app.screen.query_one("#field-company", Input).value == "Newco"
        assert app.screen.query_one("#field-role", Input).value == "Platform Engineer"



async def test_a_card_typed_and_saved_in_one_burst_keeps_every_letter(board_path, frozen):
    """n, the company, tab, the role and ctrl+s in one burst (tmux send-keys, a key macro):
    the save waits for the letters before it, as enter does, and adds the card whole."""
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await burst(pilot, "n", "Quillfeather", "tab", "Platform Eng", "ctrl+s")
        await wait_for(pilot, lambda: len(app.board) == 1, "the card to be added")
        card = next(iter(app.board.values()))
        assert (card.company, card.role) == ("Quillfeather", "Platform Eng")
        assert type(app.screen).__name__ == "BoardScreen"

        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ApplicationForm) and app.screen.settled, "the edit form")
        app.screen.query_one("#field-role", Input).focus()
        await pilot.press("end")
        await burst(pilot, "ineer", "ctrl+s")  # the form already open: the same race, without waiting keys
        await wait_for(pilot, lambda: app.board[card.id].role.endswith("ineer"), "the edit to be saved")
        assert app.board[card.id].role == "Platform Engineer"



async def test_a_key_right_behind_saving_a_new_card_acts_on_that_card(board_path, frozen):
    """ctrl+s then L in one burst: the new card is the one selected once it is added, so the
    L waits for it and moves it, not the card selected before the form opened."""
    from jobboard.core.model import new_application
    from jobboard.storage.store import BoardStore

    BoardStore(board_path).add(lambda i: new_application(i, "Oldco", "Dev", applied_on=frozen.date()))
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await burst(pilot, "n", "Newco", "tab", "Platform Eng", "ctrl+s", "L")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "AskInterviewScreen", "the move's question")
        question = str(app.screen.query(Static).first().render())
        assert "interview with Newco?" in question


async def test_keys_behind_a_new_card_that_cannot_be_saved_yet_still_act(board_path, frozen, monkeypatch):
    import fcntl
    import os

    import jobboard.storage.store
    from jobboard.core.model import new_application
    from jobboard.storage.store import BoardStore

    monkeypatch.setattr(jobboard.storage.store, "LOCK_TIMEOUT_SECONDS", 0.2)
    BoardStore(board_path).add(lambda i: new_application(i, "Oldco", "Dev", applied_on=frozen.date()))
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        fd = os.open(BoardStore(board_path).lock_path, os.O_RDWR | os.O_CREAT)
        fcntl.flock(fd, fcntl.LOCK_EX)  # another jobboard holds the board
        try:
            await burst(pilot, "n", "Newco", "tab", "Platform Eng", "ctrl+s", "question_mark")
            await wait_for(pilot, lambda: any("Not saved yet" in note for note in app.notes), "the notice")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "HelpScreen", "the help, not held")
        finally:
            os.close(fd)


async def test_a_fields_own_keys_in_a_burst_act_where_they_were_typed(board_path, frozen):
    """A field's own keys (left, ctrl+u) run once they have come back up from it, after the
    letters behind them would have been typed: those letters wait for them instead."""
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ApplicationForm) and app.screen.settled, "the form")
        company = app.screen.query_one("#field-company", Input)
        await burst(pilot, "Acme", "left", "X")
        await wait_for(pilot, lambda: len(company.value) == 5, "five letters")
        assert company.value == "AcmXe"
        await burst(pilot, "ctrl+u", "Newco")
        await wait_for(pilot, lambda: company.value.startswith("N"), "the new name")
        assert company.value == "Newcoe"  # ctrl+u took what was left of the cursor, then Newco
        await burst(pilot, "left", "left", "Z")  # each key waits for the one before it, sent again
        await wait_for(pilot, lambda: "Z" in company.value, "the Z")
        assert company.value == "NewZcoe"


def form_title(app) -> str:
    return str(app.screen.query_one("#form-title").render())


async def test_a_new_card_starts_in_applied_whatever_column_the_cursor_is_on(demo_board, frozen):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press(*["right"] * DEMO_COLUMNS.index("rejected"))
        assert app.board_screen.column_views[app.board_screen.active_column].status == "rejected"
        await pilot.press("n")
        assert app.screen.query_one("#field-status", Select).value == "applied"
        assert "goes into Applied" in form_title(app)
        await pilot.press(*"TestCo", "tab", *"Engineer", "ctrl+s")
        await app.flush()
        await pilot.pause()
        added = next(a for a in app.board.values() if a.company == "TestCo")
        assert added.status == "applied"


async def test_a_new_card_starts_in_the_wishlist_when_that_column_is_chosen(demo_board, frozen):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert app.board_screen.column_views[app.board_screen.active_column].status == "wishlist"
        await pilot.press("n")
        assert app.screen.query_one("#field-status", Select).value == "wishlist"
        assert "goes into Wishlist" in form_title(app)
        app.screen.query_one("#field-status", Select).value = "silent"
        await pilot.pause()
        assert "goes into Silent" in form_title(app)


async def test_the_palette_moves_a_card_to_a_column_not_shown(demo_board):
    from tests.helpers.tui import selected
    from tests.tui.test_tui_manage import palette_text

    app = make_app(demo_board)  # the default columns: no Wishlist, no Withdrawn
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        hidden_before = app.board_screen.title_bar.render()
        card = selected(app)
        await pilot.press("ctrl+p", *["space" if key == " " else key for key in "move to withdrawn"])
        await wait_for(pilot, lambda: "Move to Withdrawn" in palette_text(app), "the palette to offer the move")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.board[card.id].status == "withdrawn", "the card to move")
        await pilot.pause()
        assert "3 in columns not shown" in str(hidden_before)  # the demo's two Wishlist cards and one withdrawn
        assert "4 in columns not shown" in str(app.board_screen.title_bar.render())


async def test_at_80x24_a_card_keeps_its_interviews_time_whole(board_path, frozen):
    from jobboard.core.model import Event, new_application
    from jobboard.storage.store import BoardStore
    from tests.tui.test_tui_first_hour import board_text

    day = frozen.date()
    interview = Event("interview", day.add(days=8), time="14:00")  # Tue 24 Nov, 14:00
    BoardStore(board_path).add(
        lambda app_id: new_application(app_id, "Initech", "Engineer", status="interviewed").with_event(interview)
    )
    app = make_app(board_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        text = "\n".join(board_text(app))
        assert "24 Nov 14:00" in text and "…" not in text.split("Engineer", 1)[1].split("\n", 2)[1]


async def test_at_80x24_the_footer_keeps_help_and_quit(demo_board, frozen):
    from jobboard.tui.footer import BoardFooter
    from tests.tui.test_tui_board import click_footer

    app = make_app(demo_board)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        footer = app.board_screen.query_one(BoardFooter)
        line = str(footer.render())
        assert len(line) == 80
        assert line.rstrip().endswith("? Help  q Quit ^p palette")
        await click_footer(pilot, "Help")
        assert type(app.screen).__name__ == "HelpScreen"


async def test_a_narrow_footer_drops_whole_keys_never_half_of_one(demo_board, frozen):
    from jobboard.tui.footer import BoardFooter

    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        footer = app.board_screen.query_one(BoardFooter)
        drawn = [f" {key.label} {key.description} " for key in footer.keys]
        whole = ["".join(drawn[:n]).rstrip() for n in range(len(drawn) + 1)]
        for width in range(70, 121, 3):
            await pilot.resize_terminal(width, 40)
            await wait_for(pilot, lambda width=width: footer.size.width == width, "the resize")
            line = str(footer.render())
            assert len(line) == width
            assert line.split("▏")[0].rstrip() in whole, width


def panel_rows(panel) -> list[str]:
    """The side panel's rows as the terminal shows them now (scrolled as it is)."""
    return ["".join(segment.text for segment in panel.render_line(y)) for y in range(panel.size.height)]


async def test_the_side_panel_scrolls_from_the_keyboard_and_the_name_hint_is_on_top(demo_board, frozen):
    from jobboard.tui.panel import SidePanel
    from tests.helpers.tui import CONFIG_FILE, select_company

    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")  # a draft signed "[your name]"
        await pilot.pause()
        panel = app.board_screen.query_one(SidePanel)
        assert any("Drafts are signed" in row for row in panel_rows(panel)[:6])  # above the fold
        assert str(CONFIG_FILE) in " ".join(panel.text.split())  # the full path of config.toml
        assert "DETAILS" not in "".join(panel_rows(panel))  # below the fold at 120x40
        await pilot.press("J")
        assert panel.scroll_y > 0
        assert "DETAILS" in "".join(panel_rows(panel))
        await pilot.press("K")
        assert panel.scroll_y == 0
        await pilot.press("shift+down")
        assert panel.scroll_y > 0
        await pilot.press("question_mark")
        help_text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "scroll the side panel down a page" in help_text and "panel_down" in help_text


async def test_the_forms_labels_and_placeholders_read_whole_at_80x24(board_path, frozen):
    from textual.widgets import Label

    from jobboard.tui.forms import LINE_FIELDS

    app = make_app(board_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        form = app.screen
        for name, label, placeholder in LINE_FIELDS:
            box = form.query_one(f"#field-{name}", Input)
            label_widget = next(w for w in box.parent.children if isinstance(w, Label))
            assert len(label) < label_widget.region.width, f"{label!r} runs into its box"
            assert len(placeholder) < box.region.width, f"{placeholder!r} is cut off"


async def test_in_P_a_long_profile_url_runs_into_no_other_field(demo_board, frozen):
    from tests.helpers.tui import select_company

    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")
        await pilot.press("P")
        await pilot.pause()
        form = app.screen
        profile = form.query_one(".person-profile", Input)
        profile.value = "https://www.linkedin.com/in/a-recruiter-with-a-very-long-profile-address-1234567890"
        await pilot.pause()
        note = form.query_one(".person-note", Input)
        email, phone = form.query_one(".person-email", Input), form.query_one(".person-phone", Input)
        assert note.region.y != profile.region.y  # a line each
        assert phone.region.x > email.region.right  # a gap between two fields on one line


def readme_picture() -> list[str]:
    """The picture of the demo in the README, line by line."""
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text()
    return readme.split("`jobboard demo` at 150x30", 1)[1].split("```\n", 2)[1].splitlines()


async def test_the_readme_shows_the_demo_as_it_opens_and_says_how_to_leave(demo_board, frozen):
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text()
    assert "The demo is a real board you can use" in readme and "`q` leaves it" in readme
    picture = readme_picture()
    header = picture[1]  # the columns' names, "▕" between them
    cursor = next(line for line in picture[3:] if "▌" in line).index("▌")
    column_in_picture = header[:cursor].count("▕")
    app = make_app(demo_board, DEMO_COLUMNS)  # the demo's columns: Wishlist first
    async with app.run_test(size=(150, 30)) as pilot:
        await loaded(pilot)
        opens_on = app.board_screen.active_column
        assert app.board_screen.column_views[opens_on].status == "wishlist"
    assert column_in_picture == opens_on
    assert "as it opens: the cursor (`▌`) on the Wishlist card" in readme


async def test_w_shows_the_columns_not_shown_and_back(demo_board, frozen):
    from tests.helpers.tui import selected

    app = make_app(demo_board, DEMO_COLUMNS)  # no Offer, no Withdrawn
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        title = app.board_screen.title_bar
        hidden = sum(a.status not in DEMO_COLUMNS for a in app.board.values())
        assert hidden >= 2 and f"{hidden} in columns not shown (w)" in str(title.render())
        card = selected(app)
        await pilot.press("w")
        statuses = [view.status for view in app.board_screen.column_views]
        assert statuses == ["wishlist", "applied", "interviewed", "offer", "silent", "rejected", "withdrawn"]
        assert "not shown" not in str(title.render())
        withdrawn = app.board_screen.column_views[-1]
        assert [a.status for a in withdrawn.cards] == ["withdrawn"]
        assert selected(app).id == card.id  # the cursor stays on its card
        await pilot.press("w")
        assert [view.status for view in app.board_screen.column_views] == list(DEMO_COLUMNS)
        assert f"{hidden} in columns not shown (w)" in str(title.render())
        await pilot.press("e")  # the form offers every status, shown as a column or not
        app.screen.query_one("#field-status", Select).value = "withdrawn"  # refused if not offered


async def test_the_palette_shows_every_column_too(demo_board, frozen):
    from tests.tui.test_tui_manage import palette_text

    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p", *["space" if key == " " else key for key in "all columns"])
        await wait_for(pilot, lambda: "All columns" in palette_text(app), "the palette to offer every column")
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(app.board_screen.column_views) == 7, "every column to show")


async def test_move_and_enter_in_one_burst_keeps_todays_interview(demo_board, frozen):
    """shift+right then enter before the interview's dialog is up: the enter waits for the
    dialog, then submits it, as it does when typed a moment later."""
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press(*["right"] * DEMO_COLUMNS.index("applied"))
        card = app.board_screen.selected
        assert card.status == "applied"
        await burst(pilot, "shift+right", "enter")
        await wait_for(pilot, lambda: app.board[card.id].status == "interviewed", "the move to Interviewed")
        assert type(app.screen).__name__ == "BoardScreen"
        interviews = [e for e in app.board[card.id].events if e.kind == "interview"]
        assert [e.date for e in interviews] == [frozen.date()]
