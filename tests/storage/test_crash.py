"""Crash safety: a writer killed with SIGKILL at random moments never costs a saved change.

A separate process moves and adds applications through BoardStore and prints a line after each
save returns. The test kills it at random moments, again and again, and after every kill checks
that the file still parses and holds every change the writer had reported as saved.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jobboard.storage.store import BoardStore

WRITER = Path(__file__).parents[1] / "helpers" / "crash_writer.py"
KILLS = 60
ROOT = Path(__file__).resolve().parents[2]


def start_writer(path: Path, seed: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(path), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def reported(output: str) -> list[list[str]]:
    """The complete lines the writer printed (a line cut by the kill is not a report)."""
    lines = output.split("\n")[:-1]  # whatever follows the last newline is incomplete
    return [line.split() for line in lines if line and line != "ready"]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_at_random_moments_never_loses_a_saved_change(tmp_path):
    path = tmp_path / "board.json"
    rng = random.Random(20261116)
    added: set[str] = set()
    unreported: set[str] = set()
    saved_seq: dict[str, int] = {}  # application id -> the highest change reported saved
    saved_status: dict[tuple[str, int], str] = {}
    reports = 0
    started = time.monotonic()
    for kill in range(KILLS):
        writer = start_writer(path, seed=kill)
        assert writer.stdout.readline() == "ready\n", writer.stderr.read()
        time.sleep(rng.uniform(0.0, 0.12))
        writer.send_signal(signal.SIGKILL)
        # Through the same buffered reader as "ready": readline may already hold the first
        # reports, which communicate() (reading the pipe underneath) would never see.
        output, errors = writer.stdout.read(), writer.stderr.read()
        writer.wait(timeout=10)
        assert writer.returncode == -signal.SIGKILL, errors
        for report in reported(output):
            reports += 1
            if report[0] == "added":
                added.add(report[1])
                saved_seq[report[1]] = max(saved_seq.get(report[1], 0), int(report[2]))
            else:
                app_id, seq, status = report[1], int(report[2]), report[3]
                saved_seq[app_id] = max(saved_seq.get(app_id, 0), seq)
                saved_status[(app_id, seq)] = status

        on_disk = {a.id: a for a in BoardStore(path).applications()}  # parses, or the test fails
        assert added <= set(on_disk), f"kill {kill}: an added application vanished"
        # At most one change per run can be on disk without its report (killed between the
        # save and the print); an unreported add is known from then on.
        unknown = set(on_disk) - added - unreported
        assert len(unknown) <= 1, f"kill {kill}: applications appeared from nowhere: {unknown}"
        unreported |= unknown
        for app_id, seq in saved_seq.items():
            stored = int(on_disk[app_id].notes)
            assert stored >= seq, f"kill {kill}: application {app_id} lost change {seq} (has {stored})"
            if stored == seq and (app_id, seq) in saved_status:
                assert on_disk[app_id].status == saved_status[(app_id, seq)]
    elapsed = time.monotonic() - started
    print(f"{KILLS} kills, {reports} saves reported, {elapsed:.1f} s")
    assert reports > KILLS, "the writer hardly saved anything between kills; the test proves little"

    # Killed writers leave temp files behind; the next successful save sweeps them away.
    store = BoardStore(path)
    store.update(next(iter(added)), lambda a: a.copy(location="after the kills"))  # a real change: one save
    leftovers = [p.name for p in tmp_path.rglob("*.tmp")]
    assert leftovers == []
