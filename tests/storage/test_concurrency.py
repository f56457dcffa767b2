"""Many processes on one board: nothing is lost, no id is handed out twice."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pendulum
import pytest

from jobboard.core.model import Event, new_application
from jobboard.storage.store import BoardStore

ROOT = Path(__file__).resolve().parents[2]

ADDER = """
import sys, time
from jobboard.core.model import new_application
from jobboard.storage.store import BoardStore
path, worker, count, start = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
store = BoardStore(path)
while time.time() < start:  # every process begins at the same moment
    time.sleep(0.001)
for n in range(count):
    store.add(lambda app_id: new_application(app_id, f"Worker {worker}", f"Role {n}"))
"""

LOGGER = """
import sys
import pendulum
import pytest
from jobboard.core.model import Event
from jobboard.storage.store import BoardStore
path, app_id, note = sys.argv[1], sys.argv[2], sys.argv[3]
print("started", flush=True)
BoardStore(path).update(app_id, lambda a: a.with_event(Event("note", pendulum.date(2026, 11, 16), note=note)))
print("saved", flush=True)
"""


def python(*args: str, **kwargs) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", *args], env=env, text=True, **kwargs)


def test_n_processes_adding_m_each_end_with_n_times_m(tmp_path):
    path = tmp_path / "board.json"
    workers, each = 4, 25
    start = time.time() + 1.0
    processes = [python(ADDER, str(path), str(w), str(each), str(start)) for w in range(workers)]
    for process in processes:
        assert process.wait(timeout=60) == 0
    applications = BoardStore(path).applications()
    assert len(applications) == workers * each
    ids = [a.id for a in applications]
    assert len(set(ids)) == len(ids)
    assert sorted(int(i) for i in ids) == list(range(1, workers * each + 1))
    for w in range(workers):
        roles = {a.role for a in applications if a.company == f"Worker {w}"}
        assert roles == {f"Role {n}" for n in range(each)}


def test_an_update_waits_for_the_lock_and_sees_the_other_change(tmp_path):
    """Process B tries to log an event while A is mid-update: B waits, then applies its change
    to A's saved version, so neither is lost."""
    path = tmp_path / "board.json"
    store = BoardStore(path)
    store.add(lambda app_id: new_application(app_id, "Acme", "Dev"))
    other: list[subprocess.Popen[str]] = []

    def slow_move(application):
        other.append(python(LOGGER, str(path), "1", "from B", stdout=subprocess.PIPE))
        assert other[0].stdout.readline() == "started\n"
        # B asks for the lock we hold: it must still be waiting half a second on.
        with pytest.raises(subprocess.TimeoutExpired):
            other[0].wait(timeout=0.5)
        return application.moved_to("silent", pendulum.date(2026, 11, 16))

    store.update("1", slow_move)
    assert other[0].stdout.readline() == "saved\n"
    assert other[0].wait(timeout=30) == 0
    final = BoardStore(path).get("1")
    assert final.status == "silent"
    assert [e.note for e in final.events if e.kind == "note"] == ["from B"]


def test_a_cached_store_applies_its_change_to_what_another_process_wrote(tmp_path):
    path = tmp_path / "board.json"
    mine = BoardStore(path)
    mine.add(lambda app_id: new_application(app_id, "Acme", "Dev"))
    mine.add(lambda app_id: new_application(app_id, "Globex", "QA"))
    assert len(mine.applications()) == 2  # cached now
    logger = python(LOGGER, str(path), "2", "from another process", stdout=subprocess.PIPE)
    assert logger.wait(timeout=30) == 0
    # Our cache is stale; the update must read the file again under the lock.
    mine.update("1", lambda a: a.with_event(Event("follow_up", pendulum.date(2026, 11, 16))))
    mine.add(lambda app_id: new_application(app_id, "Initech", "SRE"))
    fresh = BoardStore(path)
    assert [e.note for e in fresh.get("2").events if e.kind == "note"] == ["from another process"]
    assert [e.kind for e in fresh.get("1").events] == ["applied", "follow_up"]
    assert [a.id for a in fresh.applications()] == ["1", "2", "3"]


def test_two_stores_in_one_process_take_turns(tmp_path):
    """The TUI's store and a second one (as in tests) lock each other out like two processes."""
    path = tmp_path / "board.json"
    first, second = BoardStore(path), BoardStore(path)
    first.add(lambda app_id: new_application(app_id, "Acme", "Dev"))
    with first.lock_file():
        import threading

        done = threading.Event()
        worker = threading.Thread(target=lambda: (second.add(lambda i: new_application(i, "Globex", "QA")), done.set()))
        worker.start()
        assert not done.wait(0.3), "the second store wrote while the first held the lock"
    worker.join(timeout=10)
    assert done.is_set()
    assert [a.company for a in BoardStore(path).applications()] == ["Acme", "Globex"]
