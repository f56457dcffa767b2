"""`move`, `add` and `list` take every status and its synonyms, shown as a column or not (issue 31)."""

from __future__ import annotations

import pytest

from jobboard.core.model import ALL_STATUSES
from jobboard.core.statuses import STATUS_WORDS
from jobboard.storage.store import BoardStore
from tests.helpers.cli import run_cli


@pytest.fixture
def board(board_path, frozen):
    for company in ("Acme", "Globex"):
        code, _, _ = run_cli("--db", str(board_path), "add", company, "Engineer")
        assert code == 0
    return board_path


def test_move_takes_the_word_the_importer_takes(board):
    code, out, err = run_cli("--db", str(board), "move", "1", "Interviewing")
    assert (code, out, err) == (0, "", "")
    assert BoardStore(board).get("1").status == "interviewed"


def test_move_to_a_column_not_shown_is_a_move_and_says_so(board):
    code, _, err = run_cli("--db", str(board), "move", "2", "withdrawn")  # not a default column
    assert code == 0
    assert "Moved 2 to Withdrawn, a column the board does not show" in err
    assert BoardStore(board).get("2").status == "withdrawn"
    code, out, _ = run_cli("--db", str(board), "list", "--status", "Withdrew")
    assert code == 0 and "Globex" in out and "Acme" not in out


def test_add_starts_a_card_in_any_status_by_any_of_its_words(board):
    code, out, _ = run_cli("--db", str(board), "add", "Initech", "Engineer", "--status", "bookmarked")
    assert code == 0
    assert BoardStore(board).get(out.strip()).status == "wishlist"


def test_move_help_lists_every_status_and_its_synonyms():
    code, out, _ = run_cli("move", "--help")
    assert code == 0
    for status in ALL_STATUSES:
        line = next(line.strip() for line in out.splitlines() if line.strip().startswith(f"{status} ("))
        assert all(word in line for word in STATUS_WORDS[status])


def test_the_importer_reads_the_same_words(board_path, tmp_path, frozen):
    sheet = tmp_path / "tracker.csv"
    sheet.write_text("Company,Role,Status\nAcme,Dev,Screening\nGlobex,Dev,Dropped out\n")
    code, _, _ = run_cli("--db", str(board_path), "import", str(sheet))
    assert code == 0
    assert sorted(a.status for a in BoardStore(board_path).applications()) == ["interviewed", "withdrawn"]


def test_an_unknown_status_lists_the_statuses(board):
    code, _, err = run_cli("--db", str(board), "move", "1", "hired")
    assert code == 2
    assert "unknown status 'hired'; use one of: wishlist, applied, interviewed" in err
