"""Moves on the board with honest dates: Wishlist -> Applied sets the applied date, a move to
Interviewed asks the interview's date (one undo takes both back), a move to the column the card
is already in logs nothing and says so."""

from __future__ import annotations

from pathlib import Path

import pendulum
from textual.widgets import Input, Static

import jobboard.tui.app
from jobboard.config.settings import Settings
from jobboard.core.model import Event, new_application
from jobboard.storage.store import BoardStore
from jobboard.tui.app import JobBoardApp
from tests.helpers.tui import loaded

D = pendulum.date
COLUMNS = ("wishlist", "applied", "interviewed", "silent", "rejected")


def wishlist_board(path):
    BoardStore(path).add(
        lambda i: new_application(
            i, "Acme", "Dev", status="wishlist", applied_on=D(2026, 11, 2), moved_on=D(2026, 11, 2)
        )
    )
    return path


async def answer(pilot, text: str, time: str = "") -> None:
    box = pilot.app.screen.query_one("#date-input", Input)
    box.value = text
    pilot.app.screen.query_one("#time-input", Input).value = time
    await pilot.press("enter")
    await pilot.pause()


async def test_wishlist_to_applied_to_interviewed_with_the_date_question(board_path, frozen):
    today = frozen.date()
    app = JobBoardApp(BoardStore(wishlist_board(board_path)), Settings(), columns=COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("L")
        acme = app.board["1"]
        assert (acme.status, acme.applied_on) == ("applied", today)  # the day it went out

        await pilot.press("L")
        assert type(app.screen).__name__ == "AskInterviewScreen"
        assert app.screen.query_one("#date-input", Input).value == "today"
        await answer(pilot, "2026-11-10")  # before the application went out (today)
        error = str(app.screen.query_one("#date-error", Static).render())
        assert "before the application's applied date (2026-11-16)" in error
        assert app.board["1"].status == "applied"
        await answer(pilot, "in 3 days", "25:00")
        assert "'25:00' is not a time of day" in str(app.screen.query_one("#date-error", Static).render())
        await answer(pilot, "in 3 days", "14:00")
        acme = app.board["1"]
        assert acme.status == "interviewed"
        assert [(e.kind, e.date, e.time) for e in acme.events[-2:]] == [
            ("status", today, None),
            ("interview", D(2026, 11, 19), "14:00"),
        ]
        await app.flush()
        assert BoardStore(board_path).get("1").events == acme.events

        await pilot.press("u")  # one undo takes the move and the interview back
        acme = app.board["1"]
        assert acme.status == "applied" and not acme.events_of("interview")
        await app.flush()
        assert BoardStore(board_path).get("1").events == acme.events

        await pilot.press("L", "escape")  # escape: the card stays where it was
        await pilot.pause()
        assert app.board["1"].status == "applied"


class SayingApp(JobBoardApp):
    """The app, keeping what it tells the user (Textual's public notify, overridden)."""

    CSS_PATH = str(Path(jobboard.tui.app.__file__).with_name("jobboard.tcss"))

    def notify(self, message, **options) -> None:  # noqa: ANN001, ANN003
        self.said = [*getattr(self, "said", []), str(message)]
        super().notify(message, **options)


async def test_a_move_to_the_column_the_card_is_in_says_so(board_path, frozen):
    app = SayingApp(BoardStore(wishlist_board(board_path)), Settings(), columns=COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        before = board_path.read_bytes()
        app.board_screen.move_selected_to("wishlist")  # as the palette's "Move to Wishlist" does
        await pilot.pause()
        assert "Acme is already in Wishlist; nothing was logged." in app.said
        await app.flush()
        assert board_path.read_bytes() == before


async def test_undo_and_redo_name_the_column_as_the_board_shows_it(board_path, frozen):
    app = SayingApp(BoardStore(wishlist_board(board_path)), Settings(), columns=COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("L", "u", "ctrl+r")
        await pilot.pause()
        assert app.said[-2:] == ["Undid move to Applied.", "Redid move to Applied."]
        await pilot.press("L")
        await answer(pilot, "today")
        await pilot.press("u")
        await pilot.pause()
        assert app.said[-1] == "Undid move to Interviewed."


async def test_the_form_dates_a_card_added_to_a_later_column_and_says_what_is_wrong(board_path, frozen):
    from textual.widgets import Select

    from tests.helpers.tui import fill

    app = JobBoardApp(BoardStore(board_path), Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await fill(pilot, company="Initrode", role="SRE", applied="2026-10-01", since="2026-09-30")
        app.screen.query_one("#field-status", Select).value = "rejected"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#error-since", Static).render())
        assert "before the application's applied date (2026-10-01)" in error  # the form stays open
        app.screen.query_one("#field-since", Input).value = "2026-10-10"
        await pilot.press("ctrl+s")
        await app.flush()
        await pilot.pause(0.1)
        card = next(iter(app.board.values()))
        assert card.status == "rejected" and card.applied_on == D(2026, 10, 1)
        assert card.events[-1] == Event("status", D(2026, 10, 10), status="rejected")
        # Old history is quiet: the acknowledgement and the feedback request have lapsed.
        assert app.step_for(card).rule == "wait"


async def test_keys_typed_right_behind_the_answer_go_to_the_board_not_into_the_question(board_path, frozen):
    """A burst of enter then t (the timeline) as a terminal sends it: enter answers "today",
    and t, which reached the app before the answer was read, opens the timeline once the
    question has closed, instead of being typed into the date as "t"."""
    from textual import events

    from jobboard.tui.interview import AskInterviewScreen
    from jobboard.tui.timeline import TimelineScreen
    from tests.helpers.tui import wait_for

    app = JobBoardApp(BoardStore(wishlist_board(board_path)), Settings(), columns=COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("L", "L")
        await wait_for(pilot, lambda: isinstance(app.screen, AskInterviewScreen), "the interview question")
        await wait_for(pilot, lambda: app.screen.settled, "the cursor in the date")
        for key, character in (("enter", "\r"), ("t", "t")):
            app.post_message(events.Key(key, character))
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        acme = app.board["1"]
        assert acme.status == "interviewed" and acme.events_of("interview")[0].date == frozen.date()


async def test_a_dialog_whose_enter_is_its_own_key_holds_back_no_key(board_path, frozen):
    """A dialog with a priority binding on enter: enter never reaches its field, so nothing
    waits for an answer and the keys after it still type into the field."""
    from textual import events
    from textual.app import ComposeResult
    from textual.binding import Binding

    from jobboard.tui.dialog import Dialog
    from tests.helpers.tui import wait_for

    class Asking(Dialog[None]):
        BINDINGS = [Binding("enter", "cancel", "Close", priority=True, id="asking_close")]

        def compose(self) -> ComposeResult:
            yield Input(id="asked")

        def on_mount(self) -> None:
            self.query_one(Input).focus()

        def action_cancel(self) -> None:
            self.closed = True

    app = JobBoardApp(BoardStore(wishlist_board(board_path)), Settings(), columns=COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        asking = Asking()
        app.push_screen(asking)
        await wait_for(pilot, lambda: app.screen is asking and asking.settled, "the dialog's cursor in place")
        for key, character in (("enter", "\r"), ("N", "N"), ("e", "e")):
            app.post_message(events.Key(key, character))
        box = asking.query_one(Input)
        await wait_for(pilot, lambda: box.value == "Ne", "the keys after enter in the box")
        assert asking.closed


async def test_keys_typed_behind_a_save_go_to_the_screen_it_reveals(board_path, frozen):
    """The tmux burst tab, a note, ctrl+s, escape, q in an event's form: the save keeps the
    note, escape then closes the timeline beneath, and q reaches the board. Without waiting,
    escape and q were typed into the form's field as it closed, and lost."""
    from jobboard.tui.timeline import EventForm, TimelineScreen
    from tests.helpers.tui import burst, wait_for

    app = JobBoardApp(BoardStore(wishlist_board(board_path)), Settings(), columns=COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, EventForm) and app.screen.settled, "the event's form")
        await burst(pilot, "tab", "cover letter", "ctrl+s", "escape", "question_mark")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HelpScreen", "the help, over the board")
        assert app.screen_stack[-2] is app.board_screen
        assert [e.note for e in app.board["1"].events if e.note] == ["cover letter"]  # no "?"


async def test_a_key_a_dialog_held_that_reaches_a_screen_opened_over_it_does_not_stop_the_board(board_path, frozen):
    """A key monkey in tmux: "home ctrl+p x" in one burst in the interview question. home is
    held until its binding has run, then ctrl+p and x are typed again; ctrl+p opens the palette,
    which takes the x. The question kept waiting for that x to come through it, so it held
    every later key: escape, enter, all of them, and the board no longer answered."""
    from textual.command import CommandPalette

    from jobboard.tui.interview import AskInterviewScreen
    from tests.helpers.tui import burst, wait_for

    app = JobBoardApp(BoardStore(wishlist_board(board_path)), Settings(), columns=COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("L", "L")  # Wishlist, Applied, then Interviewed: the interview's day
        await wait_for(pilot, lambda: isinstance(app.screen, AskInterviewScreen), "the interview question")
        await wait_for(pilot, lambda: app.screen.settled, "the cursor in the date")
        question = app.screen
        await burst(pilot, "home", "ctrl+p", "x")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette over the question")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is question, "the question again")
        question.query_one("#date-input", Input).value = "today"
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.board["1"].status == "interviewed", "the move, answered")
