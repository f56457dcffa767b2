"""Archived cards: `archive`/`unarchive`, every command leaving them out unless asked, A and ctrl+a."""

from __future__ import annotations

import csv
import io
import json

import pendulum
import pytest

from jobboard.core.model import new_application
from jobboard.storage.store import BoardStore
from tests.helpers.cli import run_cli
from tests.helpers.tui import loaded, make_app, selected, wait_for

DAY = pendulum.date(2026, 11, 2)


@pytest.fixture
def two_cards(board_path, frozen):
    store = BoardStore(board_path)
    store.add(lambda i: new_application(i, "Acme", "Dev", applied_on=DAY))
    store.add(lambda i: new_application(i, "Globex", "SRE", applied_on=DAY).moved_to("rejected", DAY.add(days=3)))
    return board_path


def test_archive_leaves_every_command_until_asked_for(two_cards, capsys):
    db = ("--db", str(two_cards))
    code, _, err = run_cli(*db, "archive", "2")
    assert code == 0 and "Archived 2: Globex — SRE" in err
    assert BoardStore(two_cards).get("2").archived is True

    def companies(*argv: str) -> list[str]:
        code, out, _ = run_cli(*db, *argv)
        assert code == 0
        return [line.split()[2] for line in out.splitlines()[1:]]

    assert companies("list") == ["Acme"]
    assert companies("list", "--archived") == ["Globex"]
    assert sorted(companies("list", "--all")) == ["Acme", "Globex"]
    _, out, _ = run_cli(*db, "list", "--json")
    assert [r["company"] for r in json.loads(out)] == ["Acme"]
    _, out, _ = run_cli(*db, "list", "--json", "--archived")
    assert [(r["company"], r["archived"]) for r in json.loads(out)] == [("Globex", True)]
    _, out, _ = run_cli(*db, "next", "--all", "--json")
    assert [s["company"] for s in json.loads(out)] == ["Acme"]
    _, out, _ = run_cli(*db, "next", "--all", "--archived", "--json")
    assert [s["company"] for s in json.loads(out)] == ["Globex"]
    _, out, _ = run_cli(*db, "export", "--format", "csv")
    assert [row["company"] for row in csv.DictReader(io.StringIO(out))] == ["Acme"]
    _, out, _ = run_cli(*db, "export", "--format", "csv", "--all")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["company"], row["archived"]) for row in rows] == [("Acme", ""), ("Globex", "yes")]
    _, out, _ = run_cli(*db, "export")
    assert "Globex" not in out and "Acme" in out
    _, out, _ = run_cli(*db, "stats", "--json")
    assert json.loads(out)["total"] == 1
    _, out, _ = run_cli(*db, "stats", "--json", "--all")
    assert json.loads(out)["total"] == 2
    code, _, err = run_cli(*db, "unarchive", "2")
    assert code == 0 and "Brought back 2: Globex" in err
    assert sorted(companies("list")) == ["Acme", "Globex"]


def test_archive_of_a_missing_card_is_one_line(two_cards, capsys):
    before = two_cards.read_bytes()
    code, _, err = run_cli("--db", str(two_cards), "archive", "9")
    assert code == 1 and "no application with id '9'" in err and len(err.splitlines()) == 1
    assert two_cards.read_bytes() == before


async def test_A_archives_a_card_and_ctrl_a_shows_the_archive(two_cards):
    app = make_app(two_cards)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        screen = app.board_screen
        await pilot.press("l", "l", "l", "l")  # Rejected
        assert selected(app).company == "Globex"
        await pilot.press("A")
        await app.flush()
        assert BoardStore(two_cards).get("2").archived is True
        await wait_for(pilot, lambda: selected(app) is None, "the card to leave the board")
        assert "1 archived (ctrl+a)" in str(screen.title_bar.render())
        await pilot.press("ctrl+a")
        await wait_for(pilot, lambda: selected(app) is not None and selected(app).company == "Globex", "the archive")
        assert "ARCHIVE: 1 archived application" in str(screen.title_bar.render())
        assert sum(len(v.cards) for v in screen.column_views) == 1
        await pilot.press("A")  # brings it back
        await app.flush()
        assert BoardStore(two_cards).get("2").archived is False
        await pilot.press("ctrl+a")
        await wait_for(pilot, lambda: sum(len(v.cards) for v in screen.column_views) == 2, "both cards on the board")
        await pilot.press("u")  # undo the unarchive
        await app.flush()
        assert BoardStore(two_cards).get("2").archived is True


def test_closed_cards_quiet_for_the_set_days_are_the_ones_put_away():
    from jobboard.core.archiving import closed_and_quiet
    from jobboard.core.etiquette import EtiquetteSettings
    from jobboard.core.model import Event

    rules = EtiquetteSettings()
    today = pendulum.date(2027, 3, 1)
    done = new_application("1", "Acme", "Dev", applied_on=DAY).moved_to("rejected", DAY.add(days=3))
    done = done.with_event(Event("acknowledged", DAY.add(days=4))).with_event(
        Event("feedback_requested", DAY.add(days=7))
    )
    assert closed_and_quiet(done, today, 60, rules)
    assert not closed_and_quiet(done, today, 0, rules)  # off by default
    assert not closed_and_quiet(done, DAY.add(days=40), 60, rules)  # not quiet long enough
    assert not closed_and_quiet(done.copy(archived=True), today, 60, rules)
    active = new_application("2", "Hooli", "Dev", applied_on=DAY)
    assert not closed_and_quiet(active, today, 60, rules)  # not closed
    silent = new_application("3", "Initech", "Dev", applied_on=DAY).moved_to("silent", DAY.add(days=20))
    assert not closed_and_quiet(silent, DAY.add(days=90), 60, rules)  # keep_in_touch is still to do


def courtesies_done(path) -> None:  # noqa: ANN001
    from jobboard.core.model import Event

    BoardStore(path).update(
        "2",
        lambda a: a.with_event(Event("acknowledged", DAY.add(days=4))).with_event(
            Event("feedback_requested", DAY.add(days=8))
        ),
    )


def test_archive_closed_uses_the_setting(two_cards, capsys, tmp_path):
    courtesies_done(two_cards)
    db = ("--db", str(two_cards))
    code, _, err = run_cli(*db, "archive", "--closed")
    assert code == 1 and "archive_closed_after_days is not set" in err
    config = tmp_path / "config.toml"
    config.write_text("archive_closed_after_days = 1\n")
    with pendulum.travel_to(pendulum.datetime(2027, 6, 1, 10), freeze=True):
        code, _, err = run_cli(*db, "--config", str(config), "archive", "--closed")
    assert code == 0 and "Archived 2: Globex — SRE" in err and "Acme" not in err
    assert [a.archived for a in BoardStore(two_cards).applications()] == [False, True]
    with pendulum.travel_to(pendulum.datetime(2027, 6, 1, 10), freeze=True):
        code, _, err = run_cli(*db, "--config", str(config), "archive", "--closed")
    assert code == 0 and err == "No closed card has been quiet for 1 day.\n"  # Globex is put away already
    config.write_text("archive_closed_after_days = true\n")
    code, _, err = run_cli(*db, "--config", str(config), "list")
    assert code == 1 and "archive_closed_after_days' must be a whole number" in err


async def test_the_board_archives_closed_cards_when_it_opens(two_cards):
    from jobboard.config.settings import Settings
    from tests.helpers.tui import NotedApp

    courtesies_done(two_cards)
    with pendulum.travel_to(pendulum.datetime(2027, 6, 1, 10), freeze=True):
        app = NotedApp(BoardStore(two_cards), Settings(archive_closed_after_days=30))
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(pilot)
            await wait_for(pilot, lambda: any("Archived 1 closed card" in n for n in app.notes), "the notice")
            await app.flush()
            assert [a.archived for a in BoardStore(two_cards).applications()] == [False, True]
            await pilot.press("u")
            await app.flush()
            assert not BoardStore(two_cards).get("2").archived


def test_list_with_every_card_archived_says_so_rather_than_no_applications(tmp_path):
    from tests.helpers.cli import run_cli

    db = str(tmp_path / "board.json")
    assert run_cli("--db", db, "add", "Acme", "Dev")[0] == 0
    assert run_cli("--db", db, "archive", "1")[0] == 0
    code, out, err = run_cli("--db", db, "list")
    assert code == 0 and out == ""
    assert err == "No applications on the board; 1 archived (jobboard list --archived shows them).\n"
    assert "Acme" in run_cli("--db", db, "list", "--archived")[1]
