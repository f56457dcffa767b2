"""Findings 8 and 9 of issue 28 (the store's part): a card is known by its identity, not its id.

After a restore of an older copy the id counter stays at the highest id ever handed out, so an
add never reuses one; a change or a delete made for one card (its ``created`` time) never lands
on another card that has its id (docs/data.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pendulum
import pytest

from jobboard.core.changes import CardChange
from jobboard.core.model import new_application
from jobboard.storage.store import BoardStore, CardGone
from tests.helpers.cli import run_cli


def add(store: BoardStore, company: str):  # noqa: ANN201 - an Application
    return store.add(lambda app_id: new_application(app_id, company, "Eng", applied_on=pendulum.date(2026, 11, 2)))


def test_restore_never_lets_add_reuse_an_id(tmp_path: Path, frozen) -> None:
    board = tmp_path / "board.json"
    store = BoardStore(board)
    add(store, "Acme")
    older = tmp_path / "older.json"
    shutil.copyfile(board, older)
    add(store, "Globex")
    add(store, "Initech")
    assert run_cli("--db", str(board), "restore", str(older))[0] == 0
    code, out, _ = run_cli("--db", str(board), "add", "Hooli", "Eng")
    assert code == 0 and out.strip() == "4"
    assert [a.id for a in BoardStore(board).applications()] == ["1", "4"]


def test_a_change_for_one_card_never_lands_on_another_with_its_id(tmp_path: Path, frozen) -> None:
    store = BoardStore(tmp_path / "board.json")
    first = add(store, "Acme")
    store.delete(first.id)
    with pendulum.travel_to(frozen.add(minutes=5), freeze=True):
        other = add(store, "Globex")
        store.delete(other.id)
        store.put_back(other.copy(id=first.id))  # another card now holds id 1
    change = CardChange.between(first, first.copy(notes="for Acme"))
    with pytest.raises(CardGone, match="another card now"):
        store.apply(first.id, change, created=first.created)
    with pytest.raises(CardGone, match="another card now"):
        store.delete(first.id, created=first.created)
    assert store.get(first.id).company == "Globex" and store.get(first.id).notes == ""
