"""Files shaped like Teal's, Huntr's and Simplify's exports (our own samples, in
tests/fixtures/imports), and the file-wide reading of a/b/YYYY dates (docs/cli.md, "import")."""

from __future__ import annotations

import json
from pathlib import Path

import pendulum
import pytest

from jobboard.formats.date_order import DAY_FIRST, MONTH_FIRST, date_order
from jobboard.formats.importing import import_rows, parse_status

SAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "imports"
TODAY = pendulum.date(2026, 11, 16)


def read(name: str, **options):
    counter = iter(range(1, 100))
    text = (SAMPLES / name).read_text()
    return import_rows(text, existing=[], today=TODAY, allocate_id=lambda: str(next(counter)),
                       now=pendulum.datetime(2026, 11, 16, tz="UTC"), **options)


def by_company(result):
    assert result.ok, [str(e) for e in result.errors]
    return {a.company: a for a in result.applications}


def test_a_teal_shaped_export():
    result = read("teal-style.csv")
    cards = by_company(result)
    assert result.dates_read == "dates read month first (09/15/2026 proves it)"
    northwind = cards["Northwind Labs"]
    assert (northwind.url, northwind.salary) == ("https://jobs.example/northwind/1", "120000-140000")
    # An interview ahead is an interview ahead: logged on its day, the card moved today, as typed.
    assert northwind.status == "interviewed"
    assert [(e.kind, e.date.isoformat()) for e in northwind.events if e.kind in ("interview", "status")] == [
        ("interview", "2026-12-10"), ("status", "2026-11-16"),
    ]
    fjord = cards["Fjord Freight"]
    assert fjord.archived and fjord.applied_on == pendulum.date(2026, 9, 15)  # Date Saved when never sent
    assert cards["Globex"].status == "wishlist" and cards["Globex"].salary == "90000"
    assert cards["Initech"].status == "offer"
    assert "Excitement" in result.ignored_columns


def test_a_huntr_shaped_export_whose_dates_could_be_either_way_asks():
    result = read("huntr-style.csv")
    assert [str(e) for e in result.errors] == [
        "line 1: no date shows whether 05/09/2026 is day first or month first; "
        "say which with --day-first or --month-first"
    ]
    cards = by_company(read("huntr-style.csv", day_first=True))
    assert cards["Acme"].applied_on == pendulum.date(2026, 9, 5)
    cards = by_company(read("huntr-style.csv", day_first=False))
    assert cards["Acme"].applied_on == pendulum.date(2026, 5, 9)
    assert (cards["Umbrella"].status, cards["Hooli"].status) == ("interviewed", "rejected")


def test_a_simplify_shaped_export_read_day_first_from_its_own_dates():
    result = read("simplify-style.csv")
    cards = by_company(result)
    assert result.dates_read == "dates read day first (25/08/2026 proves it)"
    assert cards["Bakehouse"].applied_on == pendulum.date(2026, 8, 3)  # not 8 March
    assert cards["Bakehouse"].status == "interviewed" and cards["Dough & Co"].status == "silent"
    assert cards["Flour Mill"].status == "offer" and cards["Crumbs"].url == "https://jobs.example/crumbs/1"


@pytest.mark.parametrize(("dates", "told", "order"), [
    (["25/08/2026", "03/08/2026"], None, DAY_FIRST),
    (["08/25/2026", "2026-01-02"], None, MONTH_FIRST),
    (["03/08/2026"], True, DAY_FIRST),
    (["2026-08-03", "05/05/2026", ""], None, ""),
])
def test_the_order_of_a_file_s_dates(dates, told, order):
    assert date_order(dates, told).order == order


def test_a_file_that_mixes_both_orders_is_refused():
    with pytest.raises(ValueError, match=r"mix day first \(25/08/2026\) and month first \(08/25/2026\)"):
        date_order(["25/08/2026", "08/25/2026"])


def test_a_past_interview_moves_an_applied_row_on_its_day_and_a_reply_is_logged():
    text = (
        "Company,Role,Status,Date Applied,Interview Date,Response Date\n"
        "Acme,Dev,Applied,2026-10-01,2026-10-20,2026-10-10\n"
    )
    (card,) = import_rows(text, existing=[], today=TODAY, allocate_id=lambda: "1").applications
    assert card.status == "interviewed"
    assert [(e.kind, e.date.isoformat()) for e in card.events] == [
        ("applied", "2026-10-01"), ("heard_back", "2026-10-10"), ("interview", "2026-10-20"),
        ("status", "2026-10-20"),
    ]


def test_status_words_of_the_three_trackers():
    words = {"Interviewing": "interviewed", "Archived": "applied", "Ghosted": "silent",
             "Offer Received": "offer", "Bookmarked": "wishlist", "Screen": "interviewed", "Accepted": "offer"}
    assert {word: parse_status(word) for word in words} == words


def test_import_says_where_hidden_and_archived_cards_went_and_how_dates_read(tmp_path, frozen):
    from jobboard.storage.store import BoardStore
    from tests.helpers.cli import run_cli

    db = ["--db", str(tmp_path / "board.json")]
    code, out, err = run_cli(*db, "import", str(SAMPLES / "teal-style.csv"))
    assert code == 0 and out == ""
    assert err.splitlines() == [
        "Imported 4 applications from teal-style.csv.",
        "Dates read month first (09/15/2026 proves it).",
        "1 in Wishlist, a column this board hides (add it to columns in config.toml to see it); "
        "1 archived (`list --archived` shows them).",
    ]
    assert len(BoardStore(tmp_path / "board.json").applications()) == 4


def test_an_ambiguous_file_is_refused_until_told_and_nothing_is_written(tmp_path, frozen):
    from tests.helpers.cli import run_cli

    db = ["--db", str(tmp_path / "board.json")]
    code, _, err = run_cli(*db, "import", str(SAMPLES / "huntr-style.csv"))
    assert code == 1 and "--day-first or --month-first" in err and not (tmp_path / "board.json").exists()
    code, _, err = run_cli(*db, "import", "--day-first", "--dry-run", str(SAMPLES / "huntr-style.csv"))
    assert code == 0 and "Dates read day first (as asked)." in err


def test_import_help_lists_the_headers_and_status_words():
    from tests.helpers.cli import run_cli

    code, out, _ = run_cli("import", "--help")
    assert code == 0
    for words in ("Job Posting URL", "Min Salary", "Date Saved", "Interview Date", "Ghosted", "Offer received",
                  "Archived", "Interviewing", "--day-first / --month-first"):
        assert words in " ".join(out.split()), words


def test_cards_imported_into_a_hidden_column_can_be_listed(tmp_path, frozen):
    from tests.helpers.cli import run_cli

    db = ["--db", str(tmp_path / "board.json")]
    assert run_cli(*db, "import", str(SAMPLES / "teal-style.csv"))[0] == 0
    code, out, _ = run_cli(*db, "list", "--status", "wishlist")
    assert code == 0 and "Globex" in out and "Northwind" not in out
    code, out, _ = run_cli(*db, "list", "--status", "wishlist", "--json")
    assert code == 0 and [card["company"] for card in json.loads(out)] == ["Globex"]
    code, _, err = run_cli(*db, "move", "1", "wishlist")  # every status is a place a card can go
    assert code == 0 and "a column the board does not show" in err
