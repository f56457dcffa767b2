"""The people migration (schema 2 -> 3) on boards written by jobboard before people existed.

``v2-full.json`` was written by the `jobboard` commands of schema 2 (add with every field, a log
with every kind of event it knew, an interview with its time, kind and people met, moves, a
delete); ``v1-full.json`` by those of schema 1, so it goes through both steps. The upgrade must
keep every field and event, turn each contact/email into the first person, and keep the old
file as a backup.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pendulum
import pytest

from jobboard.core.model import Application, new_application
from jobboard.core.people import Person
from jobboard.formats.records import application_from_record, application_record
from jobboard.storage import backups, migrations
from jobboard.storage.store import BoardStore

BOARDS = Path(__file__).parents[1] / "fixtures" / "boards"
PEOPLE_STEP = 2  # the schema the people step upgrades from
FIXTURES = [BOARDS / "v1-full.json", BOARDS / "v2-full.json"]


def test_the_people_step_is_the_one_after_interview_details():
    assert migrations.STEPS[PEOPLE_STEP].__name__ == "_people" and migrations.SCHEMA_VERSION == PEOPLE_STEP + 1


@pytest.mark.parametrize("FIXTURE", FIXTURES, ids=["v1", "v2"])
def test_the_fixture_is_a_board_from_before_people(FIXTURE):  # noqa: N803
    data = json.loads(FIXTURE.read_bytes())
    assert migrations.version_of(data) <= PEOPLE_STEP
    assert all("contact" in r and "email" in r and "people" not in r for r in data["applications"].values())


@pytest.mark.parametrize("FIXTURE", FIXTURES, ids=["v1", "v2"])
def test_every_field_and_event_is_kept_and_the_contact_becomes_the_first_person(tmp_path, FIXTURE):  # noqa: N803
    path = tmp_path / "board.json"
    shutil.copyfile(FIXTURE, path)
    old = json.loads(FIXTURE.read_bytes())["applications"]
    with pendulum.travel_to(pendulum.datetime(2026, 11, 16, 10), freeze=True):
        store = BoardStore(path)
        added = store.add(lambda i: new_application(i, "Hooli", "Dev"))  # the first write: the upgrade too
    data = json.loads(path.read_bytes())
    assert migrations.version_of(data) == migrations.SCHEMA_VERSION
    new = data["applications"]
    assert set(old) == {"1", "2", "3"} and set(new) == {"1", "2", "3", added.id}
    for app_id, before in old.items():
        after = new[app_id]
        for key, value in before.items():
            if key not in ("contact", "email"):
                assert after[key] == value, (app_id, key)
        assert "contact" not in after and "email" not in after
        assert after["archived"] is False and after["offer_deadline"] == ""
    assert new["1"]["people"] == [Person("Dr. Dana Whitfield", "recruiter", "dana@acme.example").to_record()]
    assert new["2"]["people"] == [Person("Hank Scorpio", "recruiter").to_record()]
    assert new["3"]["people"] == [Person("hr@initech.example", "recruiter", "hr@initech.example").to_record()]
    kinds = {e["kind"] for e in new["1"]["events"]}
    if migrations.version_of(json.loads(FIXTURE.read_bytes())) == 2:
        (interview,) = [e for e in new["1"]["events"] if e["kind"] == "interview"]
        assert interview["with"] == ["Ida Berg", "Sam Ortiz"] and interview["time"] == "14:30"
    assert {"follow_up", "heard_back", "thank_you", "interview", "snooze", "note", "contacted_team"} <= kinds
    assert added.id == "5" and data["meta"]["1"]["next_id"] == 6  # a deleted id (4) is never handed out again
    (backup,) = backups.list_backups(path)
    assert backup.name.endswith(f"-before-schema-{migrations.SCHEMA_VERSION}.json")
    assert backup.read_bytes() == FIXTURE.read_bytes()
    acme = BoardStore(path).get("1")
    assert isinstance(acme, Application) and acme.contact.email == "dana@acme.example"


@pytest.mark.parametrize("FIXTURE", FIXTURES, ids=["v1", "v2"])
def test_the_step_is_registered_and_leaves_its_input_alone(FIXTURE):  # noqa: N803
    data = json.loads(FIXTURE.read_bytes())
    before = json.dumps(data)
    upgraded = migrations.upgraded(data)
    assert json.dumps(data) == before
    record = upgraded["applications"]["1"]
    assert application_record(application_from_record(record)) == record  # the shape the app writes
