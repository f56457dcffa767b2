"""Drafts as docs/rules.md's Drafts section says: a subject line, a visible "[your name]" when
[profile] name is unset, a hint in the panel the first session it is needed (and never after),
and `jobboard next ID` / `next --json` with the subject and body apart."""

from __future__ import annotations

import json

from jobboard.config.settings import Settings
from jobboard.core.etiquette import EtiquetteSettings
from jobboard.storage.store import BoardStore
from jobboard.tui.app import JobBoardApp
from jobboard.tui.panel import SidePanel
from tests.helpers.cli import run_cli
from tests.helpers.tui import DEMO_COLUMNS, loaded, select_company

HINT = 'Drafts are signed "[your name]" until you set it'


async def panel_text(settings: Settings, board) -> str:  # noqa: ANN001
    app = JobBoardApp(BoardStore(board), settings, columns=DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")
        await pilot.pause()
        return app.board_screen.query_one(SidePanel).text


async def test_the_name_hint_shows_in_the_first_session_only(demo_board):
    first = await panel_text(Settings(), demo_board)
    assert "Subject: Following up: Backend Engineer application" in first
    assert "Best regards,\n[your name]" in first and HINT in first
    second = await panel_text(Settings(), demo_board)
    assert "[your name]" in second and HINT not in second


async def test_no_hint_once_the_name_is_set(demo_board):
    text = await panel_text(Settings(etiquette=EtiquetteSettings(your_name="Sam Lee")), demo_board)
    assert "Best regards,\nSam Lee" in text and HINT not in text and "[your name]" not in text


def test_next_id_prints_the_step_and_its_draft(demo_board, capsys):
    acme = next(a for a in BoardStore(demo_board).applications() if a.company == "Acme Robotics")
    code, out, err = run_cli("--db", str(demo_board), "next", acme.id)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"Acme Robotics — Backend Engineer  (id {acme.id})"
    assert lines[1].startswith("Next: Follow up with Acme Robotics (overdue by")
    assert "Subject: Following up: Backend Engineer application\n\nHi Dana,\n\n" in out
    assert out.endswith("Best regards,\n[your name]\n")
    assert err.startswith('jobboard: drafts are signed "[your name]" until you set it') and err.count("\n") == 1


def test_next_json_carries_subject_and_body(demo_board, capsys):
    code, out, _ = run_cli("--db", str(demo_board), "next", "--json")
    assert code == 0
    records = json.loads(out)
    drafted = [r for r in records if r["draft"]]
    assert drafted and all(r["draft"] == f"Subject: {r['subject']}\n\n{r['body']}" for r in drafted)
    assert all(r["subject"] is None and r["body"] is None for r in records if not r["draft"])


async def test_the_hint_names_the_config_file_by_its_full_path(demo_board):
    from jobboard.config.settings import default_config_path, load_settings

    text = await panel_text(load_settings(default_config_path()), demo_board)  # no config.toml yet
    assert f"under [profile] in {default_config_path()}" in " ".join(text.split())
