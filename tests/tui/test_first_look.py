"""The first look at a board (counts and top cards from the parsed file), and the TUI showing it
while the rest of the board is read: keys wait, then act in order; a bad entry is still refused."""

from __future__ import annotations

import gc
import json
import threading
import time
import weakref
from pathlib import Path

import pytest

from jobboard.config.settings import Settings
from jobboard.core.model import new_application
from jobboard.core.ordering import newest_first
from jobboard.formats.records import application_record
from jobboard.storage.first_look import first_look
from jobboard.storage.store import BoardStore
from jobboard.tui.app import JobBoardApp
from tests.helpers.tui import loaded, make_app
from tests.helpers.tui import wait_for as until

COLUMNS = ("applied", "interviewed", "silent", "rejected")


def records_of(path: Path) -> dict:
    return json.loads(path.read_text())["applications"]


def test_the_first_look_is_the_top_of_each_column_of_the_whole_board(big_board):
    applications = BoardStore(big_board).applications()
    look = first_look(records_of(big_board), ("interviewed", "applied"), 7)
    assert look is not None
    assert look.total == 600
    for status in ("interviewed", "applied"):
        column = sorted((a for a in applications if a.status == status), key=newest_first)
        assert look.counts[status] == len(column)
        assert [application_record(a) for a in look.cards[status]] == [application_record(a) for a in column[:7]]
    assert set(look.cards) == {"interviewed", "applied"}  # columns not shown are only counted in total


def test_ties_on_the_date_put_the_newest_id_first():
    records = {
        str(n): {"id": str(n), "company": f"C{n}", "role": "R", "status": "applied", "applied_on": "2026-11-02"}
        for n in (3, 12, 7)
    }
    records["20"] = {"id": "20", "company": "Old", "role": "R", "status": "applied", "applied_on": "2026-10-30"}
    look = first_look(records, ("applied",), 3)
    assert [a.id for a in look.cards["applied"]] == ["12", "7", "3"]
    assert look.counts["applied"] == 4


@pytest.mark.parametrize(
    "broken",
    [
        {"applied_on": "2026-13-40"},
        {"applied_on": 20261102},
        {"company": 5},
    ],
    ids=["impossible date", "date as a number", "company as a number"],
)
def test_a_first_look_at_an_entry_jobboard_cannot_read_is_no_look(broken):
    records = {"1": {"id": "1", "company": "Acme", "role": "R", "status": "applied", "applied_on": "2026-11-02"}}
    records["1"].update(broken)
    assert first_look(records, COLUMNS, 5) is None


def test_the_store_parses_the_file_once_for_the_first_look_and_the_full_read(big_board, tmp_path):
    path = tmp_path / "board.json"
    path.write_bytes(big_board.read_bytes())
    store = BoardStore(path)
    assert store.first_look(COLUMNS, 3).total == 600
    assert len(store.applications()) == 600
    assert store.disk_reads == 1


def test_no_first_look_without_a_board(tmp_path):
    assert BoardStore(tmp_path / "none.json").first_look(COLUMNS, 3) is None


# -- the TUI ------------------------------------------------------------------------------------


class HeldStore(BoardStore):
    """A store whose full read waits until the test lets it go."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.go = threading.Event()

    def applications(self):  # noqa: ANN201
        self.go.wait(10)
        return super().applications()


async def wait_for(pilot, condition) -> None:  # noqa: ANN001
    await until(pilot, condition, "the board to get there")
    await pilot.pause()


async def test_keys_pressed_during_the_first_look_act_once_the_board_is_read(big_board, tmp_path):
    path = tmp_path / "board.json"
    path.write_bytes(big_board.read_bytes())
    before = path.read_bytes()
    store = HeldStore(path)
    app = JobBoardApp(store, Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.first_look is not None and app.board_screen.column_views[0].cards)
        screen = app.board_screen
        applied = screen.column_views[0]
        look = app.first_look
        assert not app.loaded
        assert applied.header_line(1).text.strip().startswith(f"{look.counts['applied']} cards")
        assert applied.cards == look.cards["applied"]
        assert applied.rows == look.counts["applied"]  # the scrollbar already has its final size
        second = look.cards["applied"][1]

        await pilot.press("down", "L")  # the second card of Applied, moved to Interviewed
        await pilot.pause(0.1)
        assert applied.cursor == 0 and path.read_bytes() == before  # nothing acted yet

        store.go.set()
        # The move to Interviewed asks the interview's date (today by default) once it acts.
        await wait_for(pilot, lambda: type(app.screen).__name__ == "AskInterviewScreen")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.loaded and app.board[second.id].status == "interviewed")
        assert app.first_look is None
        assert screen.active_column == 1 and screen.selected.id == second.id
        await app.flush()
    assert json.loads(path.read_text())["applications"][second.id]["status"] == "interviewed"


async def test_a_bad_entry_below_the_first_look_still_refuses_the_board(big_board, tmp_path):
    path = tmp_path / "board.json"
    data = json.loads(big_board.read_text())
    oldest = min(data["applications"].values(), key=lambda r: r["applied_on"])
    oldest["events"] = "not a list"  # never on the first screen, so only the full read sees it
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    store = HeldStore(path)
    app = JobBoardApp(store, Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.first_look is not None)
        store.go.set()
        await wait_for(pilot, lambda: app.load_error is not None)
        assert f"entry {oldest['id']}" in app.load_error
        assert type(app.screen).__name__ == "BoardErrorScreen"
        await pilot.press("q")
    assert path.read_bytes() == before


async def test_the_first_read_is_let_go_once_the_board_is_read_again(demo_board):
    """A change made in another terminal makes the board read again; the applications of the
    first read must not stay in memory beside the new ones for as long as the app runs. (A card
    the change did not touch keeps its application: that one is the board's, not a copy.)"""
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        first_read = [weakref.ref(application) for application in app.board.values()]
        BoardStore(demo_board).add(lambda app_id: new_application(app_id, "Zeta", "SRE"))
        await until(pilot, lambda: any(a.company == "Zeta" for a in app.board.values()), "the board read again")
        await pilot.pause()
        await pilot.pause()
        gc.collect()
        beside = [a for a in (ref() for ref in first_read) if a is not None and app.board.get(a.id) is not a]
        # Only what the side panel's caches last showed (a card or two) may outlive the read
        # beside the board's own; once, every one of the first read's applications did.
        assert len(first_read) > 10 and len(beside) <= 2


async def test_a_reload_works_out_again_only_the_steps_of_the_cards_that_changed(demo_board, frozen):
    from jobboard.core.model import Event

    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await until(pilot, lambda: app.steps_ready, "every card's step")
        steps = dict(app.steps)
        acme = next(a for a in app.board.values() if a.company == "Acme Robotics")
        assert app.steps[acme.id].state == "overdue"  # its follow-up
        BoardStore(demo_board).update(acme.id, lambda a: a.with_event(Event("follow_up", frozen.date())))
        await until(pilot, lambda: app.board[acme.id].events_of("follow_up"), "the board read again")
        await until(pilot, lambda: app.steps_ready, "the steps again")
        assert app.steps[acme.id] is not steps[acme.id] and app.steps[acme.id].state != "overdue"
        others = [i for i in steps if i != acme.id]
        assert len(others) > 10 and all(app.steps[i] is steps[i] for i in others)


async def test_closing_the_board_keeps_its_first_look_for_the_next_start(big_board, tmp_path):
    """The board's first look is kept when it closes (storage/kept_look.py); the next start
    shows that one first, then the whole board as it is read."""
    from jobboard.core.model import ALL_STATUSES
    from jobboard.storage.kept_look import KeptLook, kept_look_path

    path = tmp_path / "board.json"
    path.write_bytes(big_board.read_bytes())
    async with make_app(path).run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
    kept = kept_look_path(path)
    deadline = time.monotonic() + 10
    while not kept.is_file() and time.monotonic() < deadline:  # the writer's last job, in its thread
        time.sleep(0.02)
    assert kept.is_file()
    # Marked, to tell it from a look taken from the file (the file's key is unchanged).
    saved = json.loads(kept.read_text())
    top = saved["look"][1]["applied"][0]
    real = top["company"]
    top["company"] = "Kept Look Co"
    kept.write_text(json.dumps(saved))

    look = KeptLook.load(path, ALL_STATUSES, 12)
    assert look is not None
    app = JobBoardApp(HeldStore(path), Settings(), look_ahead=look)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.first_look is not None and app.board_screen.column_views[0].cards)
        assert app.board_screen.column_views[0].cards[0].company == "Kept Look Co"
        app.store.go.set()
        await wait_for(pilot, lambda: app.loaded)
        shown = [card.company for card in app.board_screen.column_views[0].cards]
        assert "Kept Look Co" not in shown and real in shown  # the full read replaced it
