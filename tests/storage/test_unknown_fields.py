"""Finding 12 of issue 28: the fields of a newer version survive every write of this one.

A record with top-level and per-event fields this version does not know (as a newer jobboard
would write them) is moved, logged, edited, undone and deleted-then-restored from the CLI and
the TUI; each unknown field is still in the file, as it was (docs/data.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobboard.config.settings import Settings
from jobboard.formats.records import application_from_record, application_record
from jobboard.storage.store import BoardStore
from jobboard.tui.app import JobBoardApp
from tests.helpers.cli import run_cli
from tests.helpers.tui import loaded, wait_for

FIXTURES = Path(__file__).parents[1] / "fixtures" / "boards"
NEWER = {"salary_band": {"min": 70000, "currency": "EUR"}, "x_sync_id": "abc-123"}
NEWER_EVENT = {"channel": "linkedin", "thread": [1, 2]}


@pytest.fixture
def newer_board(tmp_path: Path) -> Path:
    data = json.loads((FIXTURES / "v3.json").read_text())
    record = data["applications"]["1"]
    record.update(NEWER)
    record["events"][0].update(NEWER_EVENT)
    board = tmp_path / "board.json"
    board.write_text(json.dumps(data))
    return board


def kept(board: Path) -> bool:
    record = json.loads(board.read_text())["applications"]["1"]
    return all(record.get(k) == v for k, v in NEWER.items()) and any(
        all(event.get(k) == v for k, v in NEWER_EVENT.items()) for event in record["events"]
    )


def test_the_record_keeps_them_through_a_round_trip() -> None:
    data = json.loads((FIXTURES / "v3.json").read_text())["applications"]["1"]
    data = {**data, **NEWER, "events": [{**data["events"][0], **NEWER_EVENT}, *data["events"][1:]]}
    assert application_record(application_from_record(data)) == data


@pytest.mark.parametrize(
    "arguments",
    [
        ["move", "1", "interviewed"],
        ["log", "1", "note", "--note", "still keen"],
        ["events", "edit", "1", "1", "--note", "edited"],
        ["people", "add", "1", "Sam", "--role", "coworker"],
        ["offer", "1", "--amount", "EUR 70k"],
        ["archive", "1"],
    ],
)
def test_every_cli_write_keeps_them(newer_board: Path, frozen, arguments: list[str]) -> None:
    code, _, err = run_cli("--db", str(newer_board), *arguments)
    assert code == 0, err
    assert kept(newer_board)


def test_a_delete_undone_in_the_tui_brings_them_back(newer_board: Path, frozen) -> None:
    import asyncio

    async def scenario() -> None:
        app = JobBoardApp(BoardStore(newer_board), Settings())
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(pilot)
            await pilot.press("L")  # a move to Interviewed, which asks the interview's date: today
            await wait_for(pilot, lambda: type(app.screen).__name__ == "AskInterviewScreen", "the date question")
            await pilot.press("enter")
            await wait_for(pilot, lambda: BoardStore(newer_board).get("1").status != "applied", "the move saved")
            assert kept(newer_board)
            await pilot.press("u")  # undo the move
            await wait_for(pilot, lambda: BoardStore(newer_board).get("1").status == "applied", "the undo saved")
            assert kept(newer_board)
            await pilot.press("d", "y")  # delete, then undo the delete
            await wait_for(pilot, lambda: "1" not in json.loads(newer_board.read_text())["applications"], "the delete")
            await pilot.press("u")
            await wait_for(pilot, lambda: "1" in json.loads(newer_board.read_text())["applications"], "the put back")
            assert kept(newer_board)

    asyncio.run(scenario())
