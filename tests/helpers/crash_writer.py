"""A writer for the crash test: moves and adds applications forever, saying when each is saved.

Run as ``python crash_writer.py BOARD SEED``. It prints ``ready`` once imported, then one line
per change *after* the store's call has returned: ``added ID SEQ`` or ``saved ID SEQ STATUS``.
SEQ grows by one per change across runs (it continues from the highest on the board) and is
stored in the application's notes, so the test can tell which saves reached the file.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pendulum

from jobboard.core.model import new_application
from jobboard.storage.store import BoardStore

STATUSES = ("applied", "interviewed", "silent", "rejected")


def main() -> None:
    path, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    store = BoardStore(path)
    applications = store.applications()
    ids = [a.id for a in applications]
    seq = max((int(a.notes) for a in applications if a.notes.isdigit()), default=0)
    day = pendulum.date(2026, 11, 16)
    print("ready", flush=True)
    while True:
        seq += 1
        if len(ids) < 3 or rng.random() < 0.1:
            added = store.add(lambda app_id, n=str(seq): new_application(app_id, f"Co {n}", "Dev", notes=n))
            ids.append(added.id)
            print(f"added {added.id} {seq}", flush=True)
        else:
            app_id, status = rng.choice(ids), rng.choice(STATUSES)
            store.update(app_id, lambda a, s=status, n=str(seq): a.moved_to(s, day).copy(notes=n))
            print(f"saved {app_id} {seq} {status}", flush=True)


if __name__ == "__main__":
    main()
