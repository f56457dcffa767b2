"""Hostile input: random change sequences against a model, random files, damaged boards via the CLI."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobboard.core.model import ALL_STATUSES, EVENT_KINDS, TEXT_FIELDS, Event, new_application
from jobboard.formats.records import application_record
from jobboard.storage import migrations
from jobboard.storage.store import BoardError, BoardStore
from tests.helpers.cli import run_cli

FIXTURES = Path(__file__).parents[1] / "fixtures" / "boards"
DAY = pendulum.date(2026, 11, 16)
HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- random sequences of changes against an in-memory model ---------------------------------------

text = st.text(max_size=12)
name = st.text(min_size=1, max_size=12).filter(lambda s: s.strip())
pick = st.integers(min_value=0, max_value=50)  # which application (modulo how many there are)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), name, name, st.sampled_from(ALL_STATUSES)),
        st.tuples(st.just("move"), pick, st.sampled_from(ALL_STATUSES)),
        st.tuples(st.just("log"), pick, st.sampled_from([k for k in EVENT_KINDS if k != "status"]), text),
        st.tuples(st.just("edit"), pick, st.sampled_from(TEXT_FIELDS), text),
        st.tuples(st.just("delete"), pick),
        st.tuples(st.just("undo"), pick),  # put back an earlier snapshot, deleted or not
    ),
    max_size=14,
)


@HYPOTHESIS
@given(operations)
def test_random_changes_match_a_simple_model(ops):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "board.json"
        store = BoardStore(path)
        model: dict[str, dict] = {}
        snapshots: list = []  # every version any application ever had, for undo
        handed_out: list[str] = []
        for op in ops:
            kind, ids = op[0], sorted(model, key=int)
            if kind == "add":
                _, company, role, status = op
                created = store.add(
                    lambda i, c=company, r=role, s=status: new_application(i, c, r, status=s, applied_on=DAY)
                )
                assert created.id not in handed_out, "an id was handed out twice"
                handed_out.append(created.id)
                model[created.id] = application_record(created)
                snapshots.append(created)
            elif kind == "undo" and snapshots:
                snapshot = snapshots[op[1] % len(snapshots)]
                if snapshot.id in model:
                    with pytest.raises(BoardError):  # never written over the card on the board
                        store.put_back(snapshot)
                    continue
                store.put_back(snapshot)
                model[snapshot.id] = application_record(snapshot)
            elif kind == "undo" or not ids:
                continue
            else:
                app_id = ids[op[1] % len(ids)]
                if kind == "delete":
                    store.delete(app_id)
                    del model[app_id]
                    continue
                if kind == "move":
                    change = lambda a, s=op[2]: a.moved_to(s, DAY)  # noqa: E731
                elif kind == "log":
                    change = lambda a, k=op[2], n=op[3]: a.with_event(Event(k, DAY, note=n))  # noqa: E731
                else:
                    change = lambda a, f=op[2], v=op[3]: a.copy(**{f: v})  # noqa: E731
                changed = store.update(app_id, change)
                model[app_id] = application_record(changed)
                snapshots.append(changed)
            assert {a.id: application_record(a) for a in store.applications()} == model
        fresh = BoardStore(path)
        assert {a.id: application_record(a) for a in fresh.applications()} == model
        if path.exists():
            assert json.loads(path.read_bytes())["meta"]["1"]["schema_version"] == migrations.SCHEMA_VERSION


# -- random files as a board ----------------------------------------------------------------------


def try_everything(path: Path) -> None:
    """Read and change the board every way the store allows; a BoardError must leave the file."""
    store = BoardStore(path)
    before = path.read_bytes()
    try:
        applications = store.applications()
    except BoardError as error:
        assert "\n" not in str(error) and str(path) in str(error)
        for attempt in (
            lambda: store.add(lambda i: new_application(i, "Acme", "Dev")),
            lambda: store.update("1", lambda a: a.moved_to("silent", DAY)),
            lambda: store.delete("1"),
            lambda: store.put_back(new_application("9", "Acme", "Dev")),
        ):
            with pytest.raises(BoardError):
                attempt()
        assert path.read_bytes() == before
        return
    # It really was a readable board: changing it must work too.
    store.add(lambda i: new_application(i, "Acme", "Dev"))
    assert len(BoardStore(path).applications()) == len(applications) + 1


@HYPOTHESIS
@given(st.binary(max_size=300))
def test_random_bytes_are_a_clear_error_and_never_written(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "board.json"
        path.write_bytes(raw)
        try_everything(path)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
record_fields = st.fixed_dictionaries(
    {},
    optional={
        key: json_values | st.text(max_size=12)
        for key in ("id", "company", "role", "status", "applied_on", "notes", "tags", "events", "created")
    },
)
boardlike = st.fixed_dictionaries(
    {
        "meta": st.fixed_dictionaries(
            {
                "1": st.fixed_dictionaries(
                    {"schema_version": st.sampled_from([1, 1, 0, 2, "1", None, True])},
                    optional={"next_id": json_values},
                )
            }
        ),
    },
    optional={
        "applications": st.dictionaries(st.sampled_from(["1", "2", "01", "x", ""]), record_fields, max_size=3)
        | json_values,
        "_default": json_values,
    },
)


@HYPOTHESIS
@given(st.one_of(json_values, boardlike))
def test_random_json_is_a_clear_error_and_never_written(value):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "board.json"
        path.write_text(json.dumps(value), encoding="utf-8")
        try_everything(path)


@HYPOTHESIS
@given(boardlike)
def test_random_boardlike_json_through_the_cli_is_one_line_or_works(value):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "board.json"
        path.write_text(json.dumps(value), encoding="utf-8")
        before = path.read_bytes()
        for argv in (["list"], ["list", "--json"], ["show", "1"], ["move", "1", "silent"]):
            code, out, err = run_cli("--db", str(path), *argv)
            assert code in (0, 1), (argv, err)
            if code == 1:
                assert err.count("\n") == 1 and "Traceback" not in err
                assert path.read_bytes() == before


def test_deeply_nested_json_is_a_clear_error(tmp_path):
    path = tmp_path / "board.json"
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(BoardError, match="not valid JSON"):
        BoardStore(path).applications()


# -- damaged board files through the CLI ----------------------------------------------------------


def random_bytes() -> bytes:
    return random.Random(6).randbytes(2000)


DAMAGED = {
    "invalid.json": "is not valid JSON",
    "empty.json": "is empty",
    "whitespace.json": "is empty",
    "truncated.json": "is not valid JSON",
    "wrong-shape-list.json": "is not a jobboard board",
    "wrong-shape-tinydb.json": "is not a jobboard board",
    "newer-schema.json": "made by a newer jobboard",
    "bad-entry.json": "cannot read",
    "random-bytes": "is not valid JSON",
}
COMMANDS = [
    ["list"],
    ["list", "--json"],
    ["add", "Acme", "Dev"],
    ["move", "1", "silent"],
    ["log", "1", "follow-up"],
    ["show", "1"],
    ["delete", "1", "--yes"],
    ["next"],
]


@pytest.fixture(params=sorted(DAMAGED))
def damaged(request, tmp_path) -> tuple[Path, str]:
    path = tmp_path / "board.json"
    if request.param == "random-bytes":
        path.write_bytes(random_bytes())
    else:
        path.write_bytes((FIXTURES / request.param).read_bytes())
    return path, DAMAGED[request.param]


def test_a_damaged_board_is_one_line_exit_1_and_untouched(damaged):
    path, needle = damaged
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    for argv in COMMANDS:
        code, out, err = run_cli("--db", str(path), *argv)
        assert code == 1, (argv, err)
        assert needle in err and str(path) in err, err
        assert err.count("\n") == 1 and err.startswith("jobboard: ") and "Traceback" not in err
        assert out == ""
        assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime
    assert not (path.parent / "board.json.backups").exists()
    assert {p.name for p in path.parent.iterdir()} <= {"board.json", "board.json.lock"}


@pytest.mark.parametrize("fixture", ["truncated.json", "newer-schema.json"])
def test_a_damaged_board_through_a_real_process(tmp_path, fixture):
    path = tmp_path / "board.json"
    path.write_bytes((FIXTURES / fixture).read_bytes())
    before = path.read_bytes()
    for argv in (["list"], ["add", "Acme", "Dev"], ["move", "1", "silent"]):
        result = subprocess.run(
            [sys.executable, "-m", "jobboard", "--db", str(path), *argv], capture_output=True, text=True
        )
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert str(path) in result.stderr
        assert path.read_bytes() == before
    if fixture == "newer-schema.json":
        assert "made by a newer jobboard" in result.stderr


def test_a_far_future_applied_date_does_not_crash_show(tmp_path):
    path = tmp_path / "board.json"
    store = BoardStore(path)
    store.add(lambda i: new_application(i, "Acme", "Dev", applied_on=pendulum.date(9999, 12, 30)))
    code, _out, err = run_cli("--db", str(path), "show", "1")
    assert code == 1 and "Traceback" not in err and "between 1900 and 2199" in err
    code, _out, err = run_cli("--db", str(tmp_path / "other.json"), "add", "Acme", "Dev", "--applied", "9999-12-30")
    assert code == 2 and "between 1900 and 2199" in err
