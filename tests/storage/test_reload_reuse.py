"""Reading the board again after another process wrote it: a card whose record is as it was is
the same application in memory; every other card is built from the file as it is now."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pendulum

from jobboard.core.model import Event, new_application
from jobboard.storage.store import BoardStore


def board_of(path: Path, n: int = 5) -> BoardStore:
    store = BoardStore(path)
    day = pendulum.date(2026, 11, 2)
    store.add_many([lambda i, n=n: new_application(i, f"Co {n}", "Engineer", applied_on=day) for n in range(n)])
    return store


def written_by_hand(path: Path, change) -> None:  # noqa: ANN001
    """The file changed as a sync tool or an editor would change it: no jobboard, no lock,
    the 'updated' time left as it was."""
    data = json.loads(path.read_text())
    change(data["applications"])
    stat = path.stat()
    path.write_text(json.dumps(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def test_an_outside_change_to_one_card_rebuilds_that_card_only(tmp_path: Path):
    path = tmp_path / "board.json"
    mine = board_of(path)
    before = {a.id: a for a in mine.applications()}
    BoardStore(path).update("3", lambda a: a.with_event(Event("heard_back", pendulum.date(2026, 11, 5))))
    after = {a.id: a for a in mine.applications()}
    assert after["3"] is not before["3"] and after["3"].events_of("heard_back")
    assert all(after[i] is before[i] for i in before if i != "3")


def test_a_hand_edit_that_keeps_the_updated_time_is_still_read(tmp_path: Path):
    path = tmp_path / "board.json"
    mine = board_of(path)
    before = {a.id: a for a in mine.applications()}

    def rename(records: dict) -> None:
        records["2"]["company"] = "Renamed by hand"

    written_by_hand(path, rename)
    after = {a.id: a for a in mine.applications()}
    assert after["2"].company == "Renamed by hand" and after["2"].updated == before["2"].updated
    assert after["1"] is before["1"]


def test_a_value_only_the_standard_parser_reads_is_never_mistaken_for_the_old_one(tmp_path: Path):
    path = tmp_path / "board.json"
    mine = board_of(path, 2)

    def unknown_field(value: str):  # noqa: ANN202
        def change(records: dict) -> None:
            records["1"]["x_score"] = value

        return change

    written_by_hand(path, unknown_field("null"))
    path.write_text(path.read_text().replace('"null"', "null"))  # a field of a newer version: null
    assert dict(mine.get("1").extra)["x_score"] is None
    written_by_hand(path, unknown_field("nan"))
    path.write_text(path.read_text().replace('"nan"', "NaN"))  # now NaN, which orjson writes as null
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 2_000_000))
    assert math.isnan(dict(mine.get("1").extra)["x_score"])
