"""The command line as a newcomer meets it: `next` counts as the board does, `list` aligns
companies and roles in any script, dates read as the cards print them."""

from __future__ import annotations

from tests.helpers.cli import recorded_when_applied, run_cli


def test_next_counts_what_needs_action_as_the_agenda_does(board_path, capsys, frozen):
    db = ["--db", str(board_path)]
    assert run_cli(*db, "add", "Acme", "Backend Engineer", "--applied", "2 weeks ago")[0] == 0  # overdue
    assert run_cli(*db, "add", "Globex", "Data Engineer", "--applied", "1 week ago")[0] == 0  # due today
    assert run_cli(*db, "add", "Initech", "SRE", "--applied", "yesterday")[0] == 0  # not yet
    recorded_when_applied(board_path)
    code, out, _ = run_cli(*db, "next")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2 need action: 1 due today, 1 overdue."
    assert "Acme" in lines[1] and "overdue" in lines[1] and "Globex" in lines[2] and "due today" in lines[2]
    code, out, _ = run_cli(*db, "next", "--date", "2026-11-10")
    assert out.splitlines()[0] == "1 needs action: 1 overdue."


def test_next_with_nothing_to_do_says_so(board_path, capsys, frozen):
    db = ["--db", str(board_path)]
    run_cli(*db, "add", "Initech", "SRE")
    code, out, _ = run_cli(*db, "next")
    assert code == 0
    assert out.splitlines()[0] == "Nothing needs action. `jobboard next --all` shows what is coming."


def test_list_aligns_wide_characters_by_the_cells_they_take(board_path, capsys, frozen):
    from rich.cells import cell_len

    db = ["--db", str(board_path)]
    for company, role in (
        ("株式会社テスト", "バックエンドエンジニア"),
        ("🚀 Rocket Labs", "Flight Software Engineer"),
        ("Acme", "Backend Engineer"),
        ("株式会社とても長い名前のテスト会社ホールディングス", "Engineer"),  # 52 cells: cut to 28
    ):
        assert run_cli(*db, "add", company, role)[0] == 0
    code, out, _ = run_cli(*db, "list")
    assert code == 0
    lines = out.splitlines()
    header = lines[0]
    role_at, applied_at = header.index("ROLE"), header.index("APPLIED")  # ASCII: cells = characters
    for line in lines[1:]:
        role = next(
            r
            for r in ("バックエンドエンジニア", "Flight Software Engineer", "Backend Engineer", "Engineer")
            if r in line
        )
        assert cell_len(line[: line.index(role)]) == role_at, line
        assert cell_len(line[: line.index("today")]) == applied_at, line
    assert "株式会社とても長い名前のテ…  Engineer" in out  # cut to 27 cells and the ellipsis: no half character
