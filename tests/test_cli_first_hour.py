"""The command line as a newcomer meets it: `next` counts as the board does, `list` aligns
companies and roles in any script, dates read as the cards print them."""

from __future__ import annotations

from tests.test_cli import run


def test_next_counts_what_needs_action_as_the_agenda_does(board_path, capsys, frozen):
    db = ["--db", str(board_path)]
    assert run(capsys, *db, "add", "Acme", "Backend Engineer", "--applied", "2 weeks ago")[0] == 0  # overdue
    assert run(capsys, *db, "add", "Globex", "Data Engineer", "--applied", "1 week ago")[0] == 0  # due today
    assert run(capsys, *db, "add", "Initech", "SRE", "--applied", "yesterday")[0] == 0  # not yet
    code, out, _ = run(capsys, *db, "next")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2 need action: 1 due today, 1 overdue."
    assert "Acme" in lines[1] and "overdue" in lines[1] and "Globex" in lines[2] and "due today" in lines[2]
    code, out, _ = run(capsys, *db, "next", "--date", "2026-11-10")
    assert out.splitlines()[0] == "1 needs action: 1 overdue."


def test_next_with_nothing_to_do_says_so(board_path, capsys, frozen):
    db = ["--db", str(board_path)]
    run(capsys, *db, "add", "Initech", "SRE")
    code, out, _ = run(capsys, *db, "next")
    assert code == 0
    assert out.splitlines()[0] == "Nothing needs action. `jobboard next --all` shows what is coming."
