"""A captured posting kept on its card: `show`, exports, duplicates, the closing date, the
timeout setting (docs/capture.md). Pages are saved files or stdin: no network."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.helpers.cli import run_cli

JOB = {
    "@context": "https://schema.org", "@type": "JobPosting", "title": "Baker",
    "hiringOrganization": {"name": "Crumbs"}, "validThrough": "2026-12-01T23:59:00Z",
    "employmentType": "FULL_TIME", "description": "&lt;p&gt;Bake &amp;amp; sell.&lt;/p&gt;",
}


def page(**changes: object) -> str:
    return f'<script type="application/ld+json">{json.dumps({**JOB, **changes})}</script>'


@pytest.fixture
def db(tmp_path, frozen):
    return ["--db", str(tmp_path / "board.json")]


def test_the_posting_is_kept_and_shown(db, tmp_path):
    saved = tmp_path / "job.html"
    saved.write_text(page())
    code, out, err = run_cli(*db, "add", "--from", str(saved))
    assert (code, out.strip(), err) == (0, "1", "")
    shown = json.loads(run_cli(*db, "show", "1", "--json")[1])
    assert shown["posting"] == {
        "captured_on": "2026-11-16", "title": "Baker", "company": "Crumbs",
        "employment_type": "full time", "valid_through": "2026-12-01", "description": "Bake & sell.",
    }
    text = run_cli(*db, "show", "1")[1]
    assert "posting:  captured 2026-11-16, apply by 2026-12-01, full time" in text
    assert "    Bake & sell." in text


def test_a_posting_already_on_the_board_is_refused_in_one_line_unless_again(db, tmp_path):
    assert run_cli(*db, "add", "--from", "-", stdin=page())[0] == 0
    before = (tmp_path / "board.json").read_bytes()
    code, out, err = run_cli(*db, "add", "--from", "-", stdin=page())
    assert code == 1 and out == ""
    assert err.strip() == "jobboard: already on the board: 1, Crumbs, applied Mon 16 Nov; add --again to add it anyway"
    assert (tmp_path / "board.json").read_bytes() == before
    assert run_cli(*db, "add", "--again", "--from", "-", stdin=page())[1].strip() == "2"


def test_a_closed_posting_is_added_with_a_warning(db):
    code, out, err = run_cli(*db, "add", "--from", "-", stdin=page(validThrough="2026-06-08"))
    assert (code, out.strip()) == (0, "1")
    assert err.strip() == "warning: this posting closed on 8 Jun 2026"


def test_exports_carry_the_posting_and_import_it_back(db, tmp_path):
    run_cli(*db, "add", "--from", "-", stdin=page())
    for kind in ("csv", "json"):
        exported = tmp_path / f"board.{kind}"
        assert run_cli(*db, "export", "--format", kind, "-o", str(exported))[0] == 0
        again = ["--db", str(tmp_path / f"again-{kind}.json")]
        assert run_cli(*again, "import", str(exported))[0] == 0
        assert json.loads(run_cli(*again, "show", "1", "--json")[1])["posting"]["title"] == "Baker"
    row = next(csv.DictReader(io.StringIO((tmp_path / "board.csv").read_text())))
    assert json.loads(row["captured_posting"])["valid_through"] == "2026-12-01"


def test_a_board_whose_posting_is_not_text_is_reported_not_a_traceback(db, tmp_path):
    run_cli(*db, "add", "--from", "-", stdin=page())
    board = tmp_path / "board.json"
    data = json.loads(board.read_text())
    data["applications"]["1"]["posting"]["description"] = 7
    board.write_text(json.dumps(data))
    code, _, err = run_cli(*db, "show", "1", "--json")
    assert code == 1 and "posting.description" in err and "Traceback" not in err


@pytest.mark.parametrize(("setting", "words"), [
    ("[capture]\ntimeout = 0\n", "'capture.timeout' must be a number of seconds"),
    ("[capture]\ntimeout = true\n", "'capture.timeout' must be a number of seconds"),
    ("[capture]\nwait = 3\n", "unknown setting 'capture.wait'"),
    ("capture = 3\n", "[capture] must be a table"),
])
def test_the_capture_timeout_setting_is_checked(db, tmp_path, setting, words):
    config = tmp_path / "config.toml"
    config.write_text(setting)
    code, _, err = run_cli(*db, "--config", str(config), "add", "--from", "-", stdin=page())
    assert code == 1 and words in err
    assert not (tmp_path / "board.json").exists()


def test_the_capture_timeout_setting_is_read(tmp_path):
    from jobboard.config.settings import load_settings

    config = tmp_path / "config.toml"
    config.write_text("[capture]\ntimeout = 2.5\n")
    assert load_settings(config).capture_timeout == 2.5
    assert load_settings(tmp_path / "none.toml").capture_timeout == 10.0


def test_the_markdown_details_carry_the_posting(db, tmp_path):
    run_cli(*db, "add", "--from", "-", stdin=page(description="<p>First.</p><p></p><ul><li>Second</li></ul>"))
    code, out, _ = run_cli(*db, "export", "--details")
    assert code == 0
    assert "- Posting: captured 2026-11-16, apply by 2026-12-01\n" in out
    assert "- Posting description: First.\\\n  \\- Second\n" in out


def test_the_calendar_has_a_wishlist_card_s_last_day_to_apply(frozen):
    from icalendar import Calendar

    from jobboard.core.model import new_application
    from jobboard.formats.export import to_ics

    posting = {"captured_on": "2026-11-16", "valid_through": "2026-12-01"}
    saved = new_application("4", "Crumbs", "Baker", status="wishlist", applied_on=frozen.date()).copy(posting=posting)
    sent = new_application("5", "Loaf", "Baker", applied_on=frozen.date()).copy(posting=posting)
    events = Calendar.from_ical(to_ics([saved, sent], frozen.date())).walk("VEVENT")
    apply_by = [e for e in events if str(e["uid"]).endswith("-apply-by@jobboard")]
    assert [(str(e["uid"]), str(e["summary"]), e.decoded("dtstart").isoformat()) for e in apply_by] == [
        ("jobboard-4-apply-by@jobboard", "Last day to apply: Crumbs (Baker)", "2026-12-01"),
    ]


def test_a_dry_run_says_the_posting_is_already_there_and_writes_nothing(db, tmp_path):
    run_cli(*db, "add", "--from", "-", stdin=page())
    before = (tmp_path / "board.json").read_bytes()
    code, out, _ = run_cli(*db, "add", "--from", "-", "--dry-run", stdin=page())
    assert code == 0 and "role: Baker" in out
    assert out.splitlines()[-1] == (
        "note: already on the board: 1, Crumbs, applied Mon 16 Nov; add --again to add it anyway"
    )
    assert (tmp_path / "board.json").read_bytes() == before
