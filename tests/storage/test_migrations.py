"""Schema migrations: the registry of steps, fixtures of every version, backups before upgrades.

The real history: 1 -> 2 (interview details). The machinery's corners are also proved with a
test-only registry (SCHEMA_VERSION and STEPS patched).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pendulum
import pytest

from jobboard.core.model import new_application
from jobboard.formats.records import event_record
from jobboard.storage import backups, board_file, migrations
from jobboard.storage.store import BoardError, BoardStore

FIXTURES = Path(__file__).parents[1] / "fixtures" / "boards"


def fixture(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "board.json"
    shutil.copyfile(FIXTURES / name, path)
    return path


def test_every_schema_version_has_a_fixture_that_loads(tmp_path):
    for version in range(1, migrations.SCHEMA_VERSION + 1):
        path = fixture(tmp_path, f"v{version}.json")
        assert json.loads(path.read_bytes())["meta"]["1"]["schema_version"] == version
        applications = BoardStore(path).applications()
        assert [a.company for a in applications] == ["Acme", "Globex"]


def test_every_old_version_has_a_step():
    assert set(migrations.STEPS) == set(range(1, migrations.SCHEMA_VERSION))


def test_the_current_version_loads_and_changes_unchanged(tmp_path):
    path = fixture(tmp_path, f"v{migrations.SCHEMA_VERSION}.json")
    before = path.read_bytes()
    store = BoardStore(path)
    acme = store.get("1")
    assert acme.contact.name == "Dana" and acme.notes == "Référence: ünïcödé ✓"
    assert [e.kind for e in acme.events] == ["applied", "follow_up"]
    assert store.get("2").status == "rejected"
    assert path.read_bytes() == before  # nothing to upgrade: reading wrote nothing
    assert backups.list_backups(path) == []
    assert store.add(lambda i: new_application(i, "Hooli", "Dev")).id == "4"  # id 3 was deleted


def test_a_version_1_board_opens_keeps_every_event_and_is_upgraded_on_the_first_write(tmp_path):
    path = fixture(tmp_path, "v1.json")
    before = path.read_bytes()
    old = json.loads(before)["applications"]
    store = BoardStore(path)
    for app_id, record in old.items():
        assert [event_record(e) for e in store.get(app_id).events] == record["events"]
    assert path.read_bytes() == before  # reading upgrades in memory only
    with pendulum.travel_to(pendulum.datetime(2026, 11, 16, 10), freeze=True):
        store.add(lambda i: new_application(i, "Hooli", "Dev"))
    data = json.loads(path.read_bytes())
    assert data["meta"]["1"]["schema_version"] == migrations.SCHEMA_VERSION
    for app_id, record in old.items():
        now = data["applications"][app_id]
        # Every event, every field as it was; the contact and email are people now (2 -> 3).
        assert {k: v for k, v in now.items() if k in record} == {k: v for k, v in record.items() if k in now}
        assert set(record) - set(now) == {"contact", "email"}
    assert [p.name for p in backups.list_backups(path)] == [
        f"board-2026-11-16_100000-before-schema-{migrations.SCHEMA_VERSION}.json"
    ]
    assert backups.list_backups(path)[0].read_bytes() == before


def test_version_2_keeps_an_interviews_time_kind_and_people(tmp_path):
    interview = BoardStore(fixture(tmp_path, "v2.json")).get("2").events_of("interview")[0]
    assert (interview.time, interview.interview_kind, interview.people) == (
        "14:30",
        "technical",
        ("Anna Schmidt", "Bo Li"),
    )


def test_a_newer_version_is_refused(tmp_path):
    path = fixture(tmp_path, "newer-schema.json")
    before = path.read_bytes()
    with pytest.raises(BoardError, match="made by a newer jobboard") as caught:
        BoardStore(path).applications()
    assert "upgrade jobboard" in str(caught.value)
    with pytest.raises(BoardError, match="made by a newer jobboard"):
        BoardStore(path).add(lambda i: new_application(i, "Acme", "Dev"))
    assert path.read_bytes() == before


@pytest.fixture
def three_versions(monkeypatch):
    """A test-only history: schema 1 -> 2 adds a board title, 2 -> 3 gives every entry a rating."""
    calls: list[int] = []

    def one_to_two(data):
        calls.append(1)
        data["meta"]["1"]["title"] = "My job hunt"
        return data

    def two_to_three(data):
        calls.append(2)
        assert data["meta"]["1"]["schema_version"] == 2 and data["meta"]["1"]["title"]
        for record in data["applications"].values():
            record["rating"] = 0
        return data

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(migrations, "STEPS", {1: one_to_two, 2: two_to_three})
    return calls


def test_an_old_board_is_upgraded_through_each_step_backed_up_first_and_written_once(
    tmp_path, three_versions, monkeypatch
):
    path = fixture(tmp_path, "v1.json")
    old = path.read_bytes()
    written: list[Path] = []
    real_write = board_file.atomic_write

    def counting_write(target, payload):
        if target == path:
            # The backup of the old bytes must exist before the board is replaced.
            assert [p.read_bytes() for p in backups.list_backups(path)] == [old]
        written.append(target)
        real_write(target, payload)

    monkeypatch.setattr(board_file, "atomic_write", counting_write)
    with pendulum.travel_to(pendulum.datetime(2026, 11, 16, 10), freeze=True):
        store = BoardStore(path)
        assert [a.company for a in store.applications()] == ["Acme", "Globex"]
        assert path.read_bytes() == old  # reading upgrades in memory only
        store.add(lambda i: new_application(i, "Hooli", "Dev"))
    assert written == [path]
    assert three_versions == [1, 2]  # once: the upgraded board stays in memory for the change
    data = json.loads(path.read_bytes())
    assert data["meta"]["1"]["schema_version"] == 3 and data["meta"]["1"]["title"] == "My job hunt"
    assert data["applications"]["1"]["rating"] == 0
    assert [a.company for a in BoardStore(path).applications()] == ["Acme", "Globex", "Hooli"]
    (backup,) = backups.list_backups(path)
    assert backup.name == "board-2026-11-16_100000-before-schema-3.json"
    assert backup.read_bytes() == old


def test_a_missing_step_is_a_clear_error_and_the_file_is_untouched(tmp_path, monkeypatch):
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(migrations, "STEPS", {})
    path = fixture(tmp_path, "v1.json")
    before = path.read_bytes()
    with pytest.raises(BoardError, match="cannot be upgraded"):
        BoardStore(path).add(lambda i: new_application(i, "Acme", "Dev"))
    assert path.read_bytes() == before and backups.list_backups(path) == []


def test_a_failing_step_is_a_clear_error_and_the_file_is_untouched(tmp_path, monkeypatch):
    def broken(data):
        return data["no such table"]

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(migrations, "STEPS", {1: broken})
    path = fixture(tmp_path, "v1.json")
    before = path.read_bytes()
    with pytest.raises(BoardError, match="the upgrade from schema 1 failed"):
        BoardStore(path).applications()
    assert path.read_bytes() == before


def test_a_board_upgraded_in_another_process_is_not_upgraded_twice(tmp_path, three_versions):
    path = fixture(tmp_path, "v1.json")
    first, second = BoardStore(path), BoardStore(path)
    first.applications(), second.applications()
    first.add(lambda i: new_application(i, "Hooli", "Dev"))
    second.add(lambda i: new_application(i, "Initech", "Dev"))
    assert len(backups.list_backups(path)) == 1
    assert [a.company for a in BoardStore(path).applications()][-2:] == ["Hooli", "Initech"]


def test_a_board_written_by_the_v3_commands_keeps_every_event_and_answers(tmp_path):
    """``v3-full.json`` was written by this schema's `jobboard` commands (add, people, log of
    every kind, offer with a counter and an acceptance, moves to Rejected, Withdrawn, Silent):
    it opens as it is, keeps every event with every detail, and each card has a next step."""
    from jobboard.core.etiquette import next_step, open_offers
    from jobboard.formats.records import application_record

    path = fixture(tmp_path, "v3-full.json")
    before = path.read_bytes()
    written = json.loads(before)["applications"]
    store = BoardStore(path)
    cards = store.applications()
    assert {a.id: application_record(a)["events"] for a in cards} == {i: r["events"] for i, r in written.items()}
    kinds = {e.kind for a in cards for e in a.events}
    assert {"offer_acknowledged", "offer_answered", "referrer_updated", "withdrawal_sent"} <= kinds
    stripe = store.get("1")
    assert [e.outcome for e in stripe.events_of("offer_answered")] == ["countered"]
    assert stripe.events_of("interview")[0].people == ("Anna Schmidt",)
    day = pendulum.date(2026, 12, 4)  # the day the fixture was written
    offers = open_offers(cards, day)
    steps = {}
    for card in cards:
        step = next_step(card, day, offers=offers)
        steps[card.company] = (step.rule, step.state)
    assert steps == {
        "Stripe": ("thank_referrer", "upcoming"),  # countered, then snoozed until 30 Dec
        "Monzo": ("keep_in_touch", "ready"),  # feedback came after the rejection
        "Hooli": ("wait", "upcoming"),  # withdrawn, and told
        "Initech": ("wait", "upcoming"),  # Wishlist, the team already contacted
        "Globex": ("keep_in_touch", "upcoming"),
        "Umbrella": ("wait", "upcoming"),  # accepted
    }
    assert path.read_bytes() == before  # reading wrote nothing
