"""Importing people and offers from other trackers' CSV files, and the dry run's column report."""

from __future__ import annotations

import itertools

import pendulum
import pytest

from jobboard.cli.main import main
from jobboard.core.people import Person
from jobboard.formats.export import to_csv
from jobboard.formats.importing import import_rows as _import_rows

TODAY = pendulum.date(2026, 11, 23)

HUNTR = (
    "Company,Job Title,List,Date Applied,Recruiter,Recruiter Email,Hiring Manager,Salary,Offer,Deadline,Excitement\n"
    "Acme,Backend Engineer,Offer,2026-10-01,Dana Whitfield,dana@acme.example,Dr. Anna Schmidt,€70-80k,"
    "€78k + bonus,2026-12-05,5\n"
    "Globex,Data Engineer,Applied,2026-11-10,,,,,,,3\n"
)
TEAL = (
    "Company,Job Position,Status,Date Applied,Contact,Contact Email,Salary,Job URL,Notes,Excitement\n"
    "Initech,SRE,Negotiating,2026-10-20,Bill Lumbergh,bill@initech.example,"
    '"$150k",initech.example/jobs/1,"Met twice",4\n'
    "Hooli,Python Developer,Withdrawn,2026-10-02,,hr@hooli.example,,,,2\n"
)


def import_rows(text: str):  # noqa: ANN201
    counter = itertools.count(1)
    return _import_rows(text, existing=[], today=TODAY, allocate_id=lambda: str(next(counter)), now=pendulum.now("UTC"))


def test_a_huntr_like_file_gives_people_an_offer_and_the_list_as_status():
    result = import_rows(HUNTR)
    assert result.ok, result.errors
    acme, globex = result.applications
    assert acme.status == "offer" and globex.status == "applied"
    assert acme.people == [
        Person("Dana Whitfield", "recruiter", "dana@acme.example"),
        Person("Dr. Anna Schmidt", "hiring_manager"),
    ]
    assert (acme.salary, acme.offer_amount, acme.offer_deadline) == ("€70-80k", "€78k + bonus", "2026-12-05")
    assert globex.people == [] and globex.offer_deadline == ""
    assert result.ignored_columns == ["Excitement"]
    assert result.columns["List"] == "status" and result.columns["Hiring Manager"] == "hiring_manager"


def test_a_teal_like_file_gives_the_contact_and_the_statuses():
    result = import_rows(TEAL)
    assert result.ok, result.errors
    initech, hooli = result.applications
    assert initech.status == "offer" and hooli.status == "withdrawn"
    assert initech.people == [Person("Bill Lumbergh", "recruiter", "bill@initech.example")]
    assert hooli.people == [Person("hr@hooli.example", "recruiter", "hr@hooli.example")]
    assert initech.url == "https://initech.example/jobs/1" and initech.notes == "Met twice"


def test_a_bad_deadline_or_email_is_a_row_error():
    bad = HUNTR.replace("2026-12-05", "soon").replace("dana@acme.example", "dana at acme")
    result = import_rows(bad)
    assert not result.ok and not result.applications
    words = " ".join(str(error) for error in result.errors)
    assert "line 2" in words and "soon" in words and "not an email address" in words


def test_our_csv_export_brings_people_offers_and_archive_back():
    (acme, _) = import_rows(HUNTR).applications
    acme = acme.copy(archived=True, people=[*acme.people, Person("Sam", "coworker", profile="https://x.example/s")])
    (again,) = import_rows(to_csv([acme])).applications
    assert again.people == acme.people and again.archived and again.offer_deadline == "2026-12-05"


def test_the_dry_run_names_the_columns_it_reads_and_ignores(tmp_path, board_path, capsys):
    source = tmp_path / "huntr.csv"
    source.write_text(HUNTR, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(board_path), "import", str(source), "--dry-run"])
    out, err = capsys.readouterr()
    assert exit_info.value.code == 0
    assert "Dana Whitfield (recruiter), Dr. Anna Schmidt (hiring manager) · offer €78k + bonus" in out
    assert "Recruiter Email → email" in err and "Hiring Manager → hiring_manager" in err
    assert 'columns ignored: Excitement (read one with --map "Header=field")' in err
    assert not board_path.exists()
