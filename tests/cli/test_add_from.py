"""`jobboard add --from` on saved pages and stdin (docs/capture.md); no network needed."""

import json

from click.testing import CliRunner

from jobboard.cli.main import cli

JOB = {"@type": "JobPosting", "title": "Baker", "hiringOrganization": {"name": "Crumbs"},
       "baseSalary": {"currency": "EUR", "value": {"minValue": 30000, "maxValue": 35000,
                                                   "unitText": "YEAR"}}}
PAGE = f'<script type="application/ld+json">{json.dumps(JOB)}</script>'


def run(tmp_path, *args, stdin=None):
    return CliRunner().invoke(cli, ["--db", str(tmp_path / "board.json"), *args], input=stdin)


def test_a_saved_page_fills_the_card(tmp_path):
    saved = tmp_path / "job.html"
    saved.write_text(PAGE)
    added = run(tmp_path, "add", "--from", str(saved))
    assert added.exit_code == 0, added.output
    shown = json.loads(run(tmp_path, "show", added.output.strip(), "--json").output)
    assert (shown["company"], shown["role"], shown["salary"]) == ("Crumbs", "Baker",
                                                                 "EUR 30,000-35,000 a year")


def test_the_line_wins_and_dry_run_writes_nothing(tmp_path):
    read = run(tmp_path, "add", "--from", "-", "--dry-run", "Own Co", stdin=PAGE)
    assert read.exit_code == 0, read.output
    assert "company: Own Co" in read.output and "role: Baker" in read.output
    assert "salary: EUR 30,000-35,000 a year" in read.output
    # The page gives no location, type or closing date: no empty "location: " lines.
    assert [line.split(":")[0] for line in read.output.splitlines()] == ["company", "role", "salary"]
    assert not (tmp_path / "board.json").exists()


def test_a_page_without_a_posting_is_one_line_and_exit_1(tmp_path):
    failed = run(tmp_path, "add", "--from", "-", stdin="<p>hello</p>")
    assert failed.exit_code == 1
    assert "no job posting data" in failed.output and "Traceback" not in failed.output
    assert not (tmp_path / "board.json").exists()
