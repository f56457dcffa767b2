"""The next-step keys on the board: f, b, i, z, c and the agenda (time frozen on Mon 16 Nov 2026)."""

from __future__ import annotations

import pendulum
import pytest

from jobboard.storage.store import BoardStore
from tests.helpers.tui import (
    DEMO_COLUMNS,
    loaded,
    make_app,
    select_company,
    selected,
    wait_for,
)


async def test_f_marks_the_follow_up_done_and_u_undoes_it(demo_board, frozen):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")
        assert app.step_for(selected(app)).rule == "follow_up"
        assert app.step_for(selected(app)).state == "overdue"
        await pilot.press("f")
        card = selected(app)
        assert card.events[-1].kind == "follow_up" and card.events[-1].date == frozen.date()
        assert app.step_for(card).rule == "follow_up_other_channel"
        await app.flush()
        assert BoardStore(demo_board).get(card.id).events[-1].kind == "follow_up"
        await pilot.press("u")
        assert app.step_for(selected(app)).rule == "follow_up"
        await app.flush()
        assert BoardStore(demo_board).get(card.id).events[-1].kind == "applied"


async def test_f_on_move_to_silent_moves_the_card(demo_board):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Hooli")
        assert app.step_for(selected(app)).rule == "move_to_silent"
        await pilot.press("f")
        assert selected(app).company == "Hooli" and selected(app).status == "silent"


async def test_b_logs_that_the_company_answered(demo_board, frozen):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")
        await pilot.press("b", "enter")  # the note is optional
        card = selected(app)
        assert card.events[-1].kind == "heard_back" and card.events[-1].note == ""
        step = app.step_for(card)
        assert step.rule == "follow_up" and step.state == "upcoming"  # the clock restarts


async def test_i_asks_for_the_interview_date_and_rejects_a_bad_one(demo_board):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Globex")
        await pilot.press("i")
        date_input = app.screen.query_one("#date-input")
        date_input.value = "next tuesday-ish"
        await pilot.press("enter")
        assert "is not a date" in str(app.screen.query_one("#date-error").render())
        date_input.value = "2026-11-20"
        await pilot.press("enter")
        await pilot.pause()
        card = selected(app)
        # An interview ahead moves the card to Interviewed too (the move is the last event).
        assert card.events_of("interview")[-1].date == pendulum.date(2026, 11, 20)
        assert app.step_for(card).rule == "prepare_interview"
        await pilot.press("i", "escape")
        assert len(selected(app).events_of("interview")) == 1  # escape logged nothing


async def test_z_snoozes_until_tomorrow_by_default(demo_board):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")
        await pilot.press("z")
        assert app.screen.query_one("#date-input").value == "tomorrow"
        await pilot.press("enter")
        await pilot.pause()
        step = app.step_for(selected(app))
        assert step.snoozed_until == pendulum.date(2026, 11, 17) and step.state == "upcoming"


async def test_c_copies_the_draft(demo_board, monkeypatch):
    app = make_app(demo_board, DEMO_COLUMNS)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")
        await pilot.press("c")
        assert copied and "Acme Robotics" in copied[0] and "Dana" in copied[0]


async def test_agenda_lists_due_steps_and_enter_jumps_to_the_card(demo_board):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        options = app.screen.query_one("#agenda-list")
        due = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert sum(1 for option_id in due if option_id and option_id.startswith("due:")) == 9
        # Housekeeping that is ready sits last, under its own heading, and is not counted.
        ready = [i for i, option_id in enumerate(due) if option_id and option_id.startswith("ready:")]
        assert len(ready) == 2 and ready[-1] == options.option_count - 1
        first = options.get_option_at_index(0)
        assert app.step_for(app.board[first.id.removeprefix("due:")]).state in ("due", "overdue")  # by tier first
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        chosen = options.get_option_at_index(2).id.removeprefix("due:")
        assert app.screen is app.board_screen
        assert selected(app).id == chosen


async def test_the_agenda_and_the_timeline_move_with_the_boards_j_k_g_and_G(demo_board):
    """The board moves with h/j/k/l; its lists do too, not only with the arrows."""
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        agenda = app.screen.query_one("#agenda-list")
        await pilot.press("j", "j", "k", "j")
        assert agenda.highlighted == 2
        await pilot.press("G")
        assert agenda.highlighted == agenda.option_count - 1
        await pilot.press("g", "j", "enter")
        await pilot.pause()
        chosen = agenda.get_option_at_index(1).id.removeprefix("due:")
        assert app.screen is app.board_screen and selected(app).id == chosen
        await pilot.press("t")
        await wait_for(pilot, lambda: app.screen.query("#timeline-list"), "the timeline")
        events = app.screen.query_one("#timeline-list")
        assert events.option_count >= 2 and events.highlighted == 0
        await pilot.press("G")
        assert events.highlighted == events.option_count - 1
        await pilot.press("k")
        assert events.highlighted == events.option_count - 2


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_agenda_rows_too_long_for_a_line_put_the_card_on_its_own(demo_board, size):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "AgendaScreen", "the agenda")
        await pilot.pause()
        options = app.screen.query_one("#agenda-list")
        rows = ["".join(s.text for s in options.render_line(y)).strip(" ▊▎") for y in range(options.size.height)]
        shown = [row for row in rows if row.strip()]
        assert len(shown) > 5
        assert not any(row.rstrip().endswith("·") for row in shown), shown
        due = [o.id.removeprefix("due:") for o in options.options if o.id and o.id.startswith("due:")]
        whole = [f"{app.board[i].company} — {app.board[i].role}" for i in due]
        assert sum(any(name in row for row in shown) for name in whole) >= 2  # on one line, not cut


async def test_column_headers_count_due_cards(demo_board):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)  # waits for every card's step, so the due counts are final
        headers = {v.status: v for v in app.board_screen.column_views}
        applied, interviewed = headers["applied"], headers["interviewed"]
        assert (applied.count, applied.due, applied.overdue) == (6, 0, 2)  # a ready Silent move: no ▲
        assert (interviewed.count, interviewed.due, interviewed.overdue) == (4, 2, 1)
        assert "6 cards · ▲2 " in applied.header_line(1).text  # the marks alone, in a narrow column
        await pilot.press("p")  # without the panel the columns are wide enough for "cards"
        await pilot.pause()
        assert "6 cards · ▲2 overdue" in applied.header_line(1).text


def test_panel_on_a_rejected_card(demo_board, snap_compare):
    async def open_rejected(pilot):
        await loaded(pilot)
        await select_company(pilot, "Massive Dynamic")

    app = make_app(demo_board, DEMO_COLUMNS)
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_rejected)


def test_panel_on_an_overdue_follow_up(demo_board, snap_compare):
    async def open_overdue(pilot):
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")

    app = make_app(demo_board, DEMO_COLUMNS)
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_overdue)


def three_in_play(board_path, day) -> None:
    """Three cards in Applied, applied ``day``: exactly enough in play for no keep-going note."""
    from jobboard.core.model import new_application

    BoardStore(board_path).add_many(
        [lambda app_id, n=n: new_application(app_id, f"Co {n}", "Engineer", applied_on=day) for n in range(3)]
    )


async def test_archiving_a_card_takes_it_out_of_play_for_the_keep_going_note(board_path, frozen):
    """ETIQUETTE v3: archived cards count neither way. Three in play, one archived with `A`:
    two are left, and the note says so; `u` brings the card back and the note goes."""
    from jobboard.tui.panel import SidePanel

    day = frozen.date()
    three_in_play(board_path, day)
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        panel = app.board_screen.query_one(SidePanel)
        assert "KEEP GOING" not in panel.text
        await pilot.press("A")
        await wait_for(pilot, lambda: "KEEP GOING" in panel.text, "the note after the archive")
        assert "Only 2 applications are in play." in panel.text
        await pilot.press("u")
        await wait_for(pilot, lambda: "KEEP GOING" not in panel.text, "the note gone after the undo")


async def test_the_keep_going_note_follows_changes_to_other_cards(board_path, frozen):
    """The note is a board-wide tally, worked out with the panel after the cards: another
    card leaving play (here rejected from another terminal) brings it, though the selected
    card is unchanged."""
    from jobboard.tui.panel import SidePanel

    day = frozen.date()
    three_in_play(board_path, day)
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        panel = app.board_screen.query_one(SidePanel)
        shown = app.board_screen.selected
        assert "KEEP GOING" not in panel.text and shown.company in panel.text  # three in play
        other = next(a for a in app.board.values() if a.id != shown.id)
        BoardStore(board_path).update(other.id, lambda a: a.moved_to("rejected", day))
        # The TUI looks for other processes' changes once a second.
        await wait_for(pilot, lambda: app.board[other.id].status == "rejected", "the other change to show")
        await pilot.pause()
        await pilot.pause()
        assert app.board_screen.selected.id == shown.id
        assert "KEEP GOING" in panel.text
