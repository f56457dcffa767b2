"""Import: header and status variants, dates, all-or-nothing errors, duplicates, overrides,
and lossless round trips through our own CSV and JSON exports."""

from __future__ import annotations

import itertools
import json

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobboard.core import model
from jobboard.core.model import (
    ALL_STATUSES,
    EVENT_KINDS,
    TEXT_FIELDS,
    Application,
    Event,
    new_application,
)
from jobboard.core.people import ROLES, Person
from jobboard.formats.export import to_csv, to_json
from jobboard.formats.importing import (
    IMPORT_FIELDS,
    ImportResult,
    parse_date,
    parse_mapping,
    parse_status,
)
from jobboard.formats.importing import import_rows as _import_rows
from jobboard.formats.records import application_record

TODAY = pendulum.date(2026, 11, 23)
NOW = pendulum.datetime(2026, 11, 23, 9, 30)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    # Every date here is explicit; the model's clock helpers are pinned as a safety net.
    monkeypatch.setattr(model, "today", lambda: TODAY)
    monkeypatch.setattr(model, "now_utc", lambda: NOW)


def import_rows(text: str, existing=(), **kwargs) -> ImportResult:
    counter = itertools.count(1)
    kwargs.setdefault("today", TODAY)
    kwargs.setdefault("now", NOW)
    kwargs.setdefault("allocate_id", lambda: f"n{next(counter)}")
    return _import_rows(text, existing=list(existing), **kwargs)


def messages(result: ImportResult) -> list[str]:
    return [str(error) for error in result.errors]


# --------------------------------------------------------------------------------------------
# Headers


@pytest.mark.parametrize(
    ("company", "role", "applied", "url"),
    [
        ("Company", "Role", "Date Applied", "URL"),
        ("company name", "Position", "Applied", "Link"),
        ("EMPLOYER", "Job Title", "Applied On", "Job URL"),
        ("Organization", "Title", "Application Date", "Posting"),
        ("Company_Name", "job-title", "applied_on", "Job Link"),
        (" Company ", "Role:", "date applied", "url"),
    ],
)
def test_headers_map_whatever_the_tracker_calls_them(company, role, applied, url):
    text = f"{company},{role},{applied},{url}\nAcme,Engineer,2026-11-02,https://acme.example\n"
    result = import_rows(text)
    assert messages(result) == []
    (application,) = result.applications
    assert (application.company, application.role) == ("Acme", "Engineer")
    assert application.applied_on == pendulum.date(2026, 11, 2)
    assert application.url == "https://acme.example"
    assert result.ignored_columns == []


def test_every_optional_field_is_read():
    text = (
        "Company,Role,Stage,Location,Compensation,Notes,Recruiter,Contact Email,Source,Tags\n"
        "Acme,Engineer,Interviewing,Berlin,€90k,Nice team,Dana,dana@acme.example,LinkedIn,"
        '"remote, python"\n'
    )
    (application,) = import_rows(text).applications
    assert application.status == "interviewed"
    assert application.location == "Berlin"
    assert application.salary == "€90k"
    assert application.notes == "Nice team"
    assert application.people == [Person("Dana", "recruiter", "dana@acme.example")]
    assert application.source == "LinkedIn"
    assert application.tags == ["remote", "python"]


def test_unknown_columns_are_ignored_and_listed():
    text = "Company,Role,Favourite colour,Excitement\nAcme,Engineer,blue,9\n"
    result = import_rows(text)
    assert result.ok
    assert result.ignored_columns == ["Favourite colour", "Excitement"]
    assert result.columns == {"Company": "company", "Role": "role"}


def test_the_first_of_two_columns_for_a_field_wins():
    text = "Company,Title,Job Title\nAcme,Engineer,Ignored\n"
    result = import_rows(text)
    assert result.applications[0].role == "Engineer"
    assert result.ignored_columns == ["Job Title"]


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_the_delimiter_is_sniffed_from_the_header(delimiter):
    text = delimiter.join(["Company", "Role", "Notes"]) + "\n"
    text += delimiter.join(["Acme, Inc.", "Engineer", "a, b"]) + "\n"
    (application,) = import_rows(text).applications
    assert (application.company, application.notes) == ("Acme, Inc.", "a, b")


def test_a_byte_order_mark_and_crlf_do_not_matter():
    text = "\ufeffCompany,Role\r\nAcme,Engineer\r\n"
    (application,) = import_rows(text).applications
    assert application.company == "Acme"


def test_missing_company_or_role_column_is_one_clear_error_each():
    result = import_rows("Firm,Job\nAcme,Engineer\n")
    assert result.applications == []
    assert len(result.errors) == 2
    assert messages(result)[0].startswith("line 1: no column for company (looked for Company,")
    assert 'use --map "Header=company"' in messages(result)[0].replace("name one with", "use")
    assert messages(result)[1].startswith("line 1: no column for role")


def test_an_empty_file_is_an_error():
    assert messages(import_rows("")) == ["line 1: the file is empty: expected a header row"]


def test_a_header_alone_imports_nothing():
    result = import_rows("Company,Role\n")
    assert result.ok and result.applications == [] and result.rows_read == 0


# --------------------------------------------------------------------------------------------
# Overrides


def test_overrides_as_map_options():
    text = "Firm,Job,When,Hmm\nAcme,Engineer,11/02/2026,x\n"
    result = import_rows(text, mapping_overrides=["Firm=company", "job=Job Title", "When=applied"], day_first=False)
    assert messages(result) == []
    (application,) = result.applications
    assert (application.company, application.role) == ("Acme", "Engineer")
    assert application.applied_on == pendulum.date(2026, 11, 2)
    assert result.ignored_columns == ["Hmm"]


def test_overrides_beat_the_automatic_mapping_and_can_ignore_a_column():
    text = "Company,Role,Notes,Comments\nAcme,Engineer,old,new\n"
    result = import_rows(text, mapping_overrides={"Comments": "notes", "Notes": "ignore"})
    assert result.applications[0].notes == "new"
    assert result.ignored_columns == ["Notes"]


def test_an_override_for_a_missing_column_is_reported():
    result = import_rows("Company,Role\nAcme,Engineer\n", mapping_overrides=["Firma=company"])
    assert result.applications == []
    assert messages(result) == ["line 1: --map names a column the header does not have ('Firma')"]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("Firm=company", ("Firm", "company")),
        (" Date Applied = applied on ", ("Date Applied", "applied_on")),
        ("When=Application Date", ("When", "applied_on")),
        ("Stuff=ignore", ("Stuff", "ignore")),
        ("A=B=notes", ("A", "resolve")),
    ],
)
def test_parse_mapping(spec, expected):
    if expected[1] == "resolve":
        with pytest.raises(ValueError, match="unknown field 'B=notes'"):
            parse_mapping(spec)
    else:
        assert parse_mapping(spec) == expected


@pytest.mark.parametrize("spec", ["Firm", "=company", "Firm=", ""])
def test_parse_mapping_rejects_malformed_options(spec):
    with pytest.raises(ValueError, match='should look like "Header=field"'):
        parse_mapping(spec)


def test_an_unknown_field_is_one_sentence():
    with pytest.raises(ValueError) as caught:
        parse_mapping("Firm=employer_name")
    message = str(caught.value)
    assert message.startswith("unknown field 'employer_name'; use one of: company, role")
    assert message.count(".") == 0
    with pytest.raises(ValueError):
        import_rows("Firm,Role\nA,B\n", mapping_overrides={"Firm": "boss"})


def test_every_import_field_can_be_targeted():
    for name in IMPORT_FIELDS:
        assert parse_mapping(f"X={name}") == ("X", name)


# --------------------------------------------------------------------------------------------
# Statuses and dates


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Interview", "interviewed"),
        ("Interviewing", "interviewed"),
        ("interviewed", "interviewed"),
        ("Phone Screen", "interviewed"),
        ("phone-screen", "interviewed"),
        ("Onsite", "interviewed"),
        ("Ghosted", "silent"),
        ("No response", "silent"),
        ("No Response", "silent"),
        ("Silent", "silent"),
        ("Rejected", "rejected"),
        ("Declined", "rejected"),
        ("Not selected", "rejected"),
        ("Not Selected", "rejected"),
        ("Applied", "applied"),
        ("Submitted", "applied"),
        ("Sent", "applied"),
        ("Wishlist", "wishlist"),
        ("Saved", "wishlist"),
        ("Bookmarked", "wishlist"),
        ("Offer", "offer"),
        ("Offered", "offer"),
        ("", "applied"),
        ("   ", "applied"),
    ],
)
def test_status_words(word, status):
    assert parse_status(word) == status


def test_an_unknown_status_names_the_word():
    with pytest.raises(ValueError, match="unknown status 'maybe'"):
        parse_status(" maybe ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-02", (2026, 11, 2)),
        ("2026/11/02", (2026, 11, 2)),
        ("2026-11-02T14:30:00Z", (2026, 11, 2)),
        ("2026-11-02 23:59:59", (2026, 11, 2)),
        ("2026-11-02T23:30:00-08:00", (2026, 11, 2)),  # the date as written, not converted
        ("11/02/2026", (2026, 11, 2)),  # month/day, US style
        ("3/4/2026", (2026, 3, 4)),
        ("3/4/26", (2026, 3, 4)),
        ("2 Nov 2026", (2026, 11, 2)),
        ("02 November 2026", (2026, 11, 2)),
        ("2-Nov-2026", (2026, 11, 2)),
        ("Nov 2, 2026", (2026, 11, 2)),
        ("November 2nd 2026", (2026, 11, 2)),
        ("02.11.2026", (2026, 11, 2)),  # dotted is day.month
        ("", (2026, 11, 23)),  # blank is today
    ],
)
def test_date_forms(text, expected):
    assert parse_date(text, TODAY) == pendulum.date(*expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("soon", "'soon' is not a date"),
        ("2026-02-30", "'2026-02-30' is not a real calendar date"),
        ("13/01/2026", "'13/01/2026' is not a date: a/b/YYYY is read as month/day (US style)"),
        ("2 Smarch 2026", "'2 Smarch 2026' is not a date"),
        ("2026-11", "'2026-11' is not a date"),
    ],
)
def test_bad_dates(text, message):
    with pytest.raises(ValueError) as caught:
        parse_date(text, TODAY)
    assert str(caught.value) == message


def test_blank_date_and_status_default_to_today_and_applied():
    (application,) = import_rows("Company,Role,Status,Applied\nAcme,Engineer,,\n").applications
    assert application.status == "applied"
    assert application.applied_on == TODAY


# --------------------------------------------------------------------------------------------
# Events and ids


def test_imported_rows_get_an_applied_event_and_a_status_event_when_not_applied():
    text = "Company,Role,Status,Applied\nAcme,Engineer,Applied,2026-11-02\nGlobex,Dev,Rejected,2026-10-01\n"
    acme, globex = import_rows(text).applications
    assert acme.events == [Event("applied", pendulum.date(2026, 11, 2))]
    assert globex.status == "rejected"
    assert globex.events == [
        Event("applied", pendulum.date(2026, 10, 1)),
        Event("status", pendulum.date(2026, 10, 1), status="rejected"),
    ]
    assert (acme.id, globex.id) == ("n1", "n2")
    assert acme.created == NOW and acme.updated == NOW


def test_ids_in_the_file_are_replaced():
    text = to_csv([new_application("42", "Acme", "Engineer", applied_on=TODAY)])
    (application,) = import_rows(text).applications
    assert application.id == "n1"


def test_progress_is_reported_per_row():
    seen = []
    import_rows("Company,Role\nA,B\nC,D\n", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]


# --------------------------------------------------------------------------------------------
# All or nothing


def test_every_bad_row_is_reported_and_nothing_is_imported():
    text = (
        "Company,Role,Status,Applied\n"  # line 1
        "Acme,Engineer,Applied,2026-11-02\n"  # 2: fine
        ",Engineer,Applied,2026-11-02\n"  # 3: no company
        "Globex,,Applied,2026-11-02\n"  # 4: no role
        "\n"  # 5: blank, skipped
        'Initech,"Senior\nEngineer",Applied,soon\n'  # 6-7: a quoted line break, bad date
        "Hooli,Dev,maybe,2026-11-02\n"  # 8: bad status
        " , ,maybe,soon\n"  # 9: four problems
        "Umbrella,Dev,Applied,2026-11-02,extra\n"  # 10: a cell too many
        "Stark,Dev,Applied,2026-11-02,,\n"  # 11: empty trailing cells are fine
    )
    allocated = []
    result = import_rows(text, allocate_id=lambda: allocated.append(1) or "x")
    assert result.applications == []
    assert allocated == []
    assert messages(result) == [
        "line 3: company is empty",
        "line 4: role is empty",
        "line 6: 'soon' is not a date",
        "line 8: unknown status 'maybe'",
        "line 9: company is empty",
        "line 9: role is empty",
        "line 9: unknown status 'maybe'",
        "line 9: 'soon' is not a date",
        "line 10: 5 cells but the header has 4 columns",
    ]


def test_bad_events_json_is_reported():
    party = json.dumps([{"kind": "party", "date": "2026-11-02"}]).replace('"', '""')
    text = f'Company,Role,Events\nAcme,Dev,not json\nGlobex,Dev,"{party}"\n'
    assert messages(import_rows(text)) == [
        "line 2: events is not a JSON list of events",
        "line 3: event 1 has unknown kind 'party'",
    ]


def test_broken_csv_quoting_is_reported():
    result = import_rows('Company,Role\nAcme,"Dev"x\n')
    assert result.applications == []
    assert messages(result)[0].startswith("line 2: not readable as CSV")


# --------------------------------------------------------------------------------------------
# Duplicates


def test_rows_already_on_the_board_or_repeated_in_the_file_are_skipped_and_counted():
    board = [new_application("1", "Acme", "Engineer", applied_on=pendulum.date(2026, 11, 2))]
    text = (
        "Company,Role,Applied\n"
        "ACME,engineer,2026-11-02\n"  # on the board (case does not matter)
        "Acme,Engineer,2026-11-03\n"  # another day: a new application
        "Globex,Dev,11/05/2026\n"
        "globex ,DEV,2026-11-05\n"  # repeats line 4
    )
    result = import_rows(text, existing=board, day_first=False)
    assert result.ok
    assert [(a.company, a.applied_on.isoformat()) for a in result.applications] == [
        ("Acme", "2026-11-03"),
        ("Globex", "2026-11-05"),
    ]
    assert result.skipped_existing == 1
    assert result.skipped_repeats == 1
    assert [str(row) for row in result.skipped] == [
        "line 2: ACME — engineer already on the board",
        "line 5: globex — DEV repeats line 4",
    ]


def test_importing_the_same_file_twice_adds_nothing_the_second_time():
    text = "Company,Role,Applied\nAcme,Engineer,2026-11-02\nGlobex,Dev,2026-11-05\n"
    first = import_rows(text).applications
    again = import_rows(text, existing=first)
    assert again.applications == [] and again.skipped_existing == 2


# --------------------------------------------------------------------------------------------
# JSON


def test_json_export_imports_with_its_events():
    acme = new_application("7", "Acme", "Engineer", applied_on=pendulum.date(2026, 11, 2))
    acme = acme.with_event(Event("follow_up", pendulum.date(2026, 11, 9), note="ping"))
    result = import_rows(to_json([acme]))
    assert result.format == "json"
    (imported,) = result.applications
    assert imported.events == acme.events
    assert application_record(imported) == {**application_record(acme), "id": "n1"}


def test_the_derived_last_contact_is_skipped_on_import():
    acme = new_application("7", "Acme", "Engineer", applied_on=pendulum.date(2026, 11, 2))
    acme = acme.with_event(Event("heard_back", pendulum.date(2026, 11, 9)))
    # From our CSV export: read from nowhere, and not listed among the columns ignored.
    from_csv = import_rows(to_csv([acme], TODAY))
    assert messages(from_csv) == [] and from_csv.ignored_columns == []
    assert "last_contact" not in from_csv.columns.values()
    (imported,) = from_csv.applications
    assert imported.events == acme.events and "last_contact" not in imported.extra
    # From the JSON export, whatever the field holds: it is worked out again from the events.
    document = json.loads(to_json([acme], TODAY))
    assert document["applications"][0]["last_contact"] == "2026-11-09"
    for value in ("2026-11-09", "someday", 3, None):
        document["applications"][0]["last_contact"] = value
        result = import_rows(json.dumps(document))
        assert messages(result) == []
        (imported,) = result.applications
        assert application_record(imported) == {**application_record(acme), "id": "n1"}
    with pytest.raises(ValueError, match="unknown field 'last_contact'"):
        parse_mapping("Seen=last_contact")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "other"}', "line 1: this JSON file is not a jobboard export"),
        (
            '{"format": "jobboard-export", "version": 9, "applications": []}',
            "line 1: jobboard export version 9 is not supported; this jobboard reads version 1",
        ),
        ('{"format": "jobboard-export",\n "version": }', "line 2: not valid JSON (Expecting value)"),
    ],
)
def test_json_that_is_not_ours_is_refused(text, message):
    assert messages(import_rows(text)) == [message]


def test_bad_json_records_are_numbered():
    good = application_record(new_application("1", "Acme", "Engineer", applied_on=TODAY))
    records = [
        good,
        {**good, "company": ""},
        {**good, "applied_on": "someday"},
        "nope",
        {**good, "status": 3},
        {**good, "wat": 1},
    ]
    document = {"format": "jobboard-export", "version": 1, "applications": records}
    result = import_rows(json.dumps(document))
    assert result.applications == []
    assert messages(result) == [
        "record 2: company is empty",
        "record 3: 'someday' is not a date",
        "record 4: is not an object",
        "record 5: status is not text",
        "record 6: unknown field 'wat'",
    ]


# --------------------------------------------------------------------------------------------
# Round trips

_dates = st.dates(min_value=pendulum.date(1990, 1, 1), max_value=pendulum.date(2100, 12, 31))
_stamps = st.datetimes(
    min_value=pendulum.datetime(1990, 1, 1).naive(),
    max_value=pendulum.datetime(2100, 1, 1).naive(),
).map(lambda d: pendulum.instance(d, tz="UTC"))
# Company and role never carry surrounding spaces on the board (new_application strips them),
# so the importer strips them too; everything else, control characters included, survives.
_names = st.text(min_size=1).map(str.strip).filter(bool)
# An applied date is never ahead of today, and a url and an email have their shapes (see
# jobboard.core.fields): the importer refuses anything else, as `add` and the form do.
_applied_dates = st.dates(min_value=pendulum.date(1990, 1, 1), max_value=TODAY)
_word = st.from_regex(r"[a-z0-9-]{1,10}", fullmatch=True)
_urls = st.one_of(
    st.just(""),
    st.builds("https://{}.example/{}".format, _word, st.from_regex(r"[A-Za-z0-9/_.?=&%-]{0,16}", fullmatch=True)),
    st.builds("mailto:{}@{}.example".format, _word, _word),
)
# Imported people are checked as typed ones are (issue 28): a profile is a web page.
_profiles = st.one_of(st.just(""), st.builds("https://{}.example/in/{}".format, _word, _word))
_emails = st.one_of(st.just(""), st.builds("{}@{}.example".format, _word, _word))
_people = st.builds(Person, _names, st.sampled_from(ROLES), _emails, st.text(), _profiles)


@st.composite
def _events(draw, applied_on) -> Event:  # noqa: ANN001
    """An honestly dated event (jobboard.core.validation): on or after the applied date, and not
    after today unless it is an interview or a snooze."""
    kind = draw(st.sampled_from(EVENT_KINDS))
    status = draw(st.sampled_from(ALL_STATUSES)) if kind == "status" else None
    latest = pendulum.date(2100, 12, 31) if kind in ("interview", "snooze") else TODAY
    date = pendulum.Date(*draw(st.dates(min_value=applied_on, max_value=latest)).timetuple()[:3])
    return Event(kind, date, draw(st.text()), status)


@st.composite
def _applications(draw) -> Application:
    applied_on = pendulum.Date(*draw(st.dates(min_value=pendulum.date(1990, 1, 1), max_value=TODAY)).timetuple()[:3])
    return Application(
        id=draw(st.text(min_size=1)),
        company=draw(_names),
        role=draw(_names),
        status=draw(st.sampled_from(ALL_STATUSES)),
        applied_on=applied_on,
        tags=draw(st.lists(st.text())),
        events=draw(st.lists(_events(applied_on), max_size=4)),
        created=draw(_stamps),
        updated=draw(_stamps),
        **{name: draw(st.text()) for name in TEXT_FIELDS if name != "url"},
        url=draw(_urls),
        people=draw(st.lists(_people, max_size=2)),
        offer_amount=draw(st.text()),
        offer_deadline=draw(st.sampled_from(["", "2026-12-01"])),
        archived=draw(st.booleans()),
    )


def _board_key(application: Application) -> tuple:
    return (
        " ".join(application.company.casefold().split()),
        " ".join(application.role.casefold().split()),
        application.applied_on,
    )


_boards = st.lists(_applications(), max_size=6, unique_by=_board_key)


def _without_ids(applications: list[Application]) -> list[dict]:
    return [{**application_record(a), "id": None} for a in applications]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_boards)
def test_csv_round_trip_keeps_everything_but_the_ids(board):
    result = import_rows(to_csv(board))
    assert messages(result) == []
    assert _without_ids(result.applications) == _without_ids(board)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_boards)
def test_json_round_trip_keeps_everything_but_the_ids(board):
    result = import_rows(to_json(board))
    assert messages(result) == []
    assert _without_ids(result.applications) == _without_ids(board)
    # And the applications themselves compare equal, timestamps included.
    assert [a.copy(id="") for a in result.applications] == [a.copy(id="") for a in board]


def test_an_empty_board_round_trips():
    assert import_rows(to_csv([])).applications == []
    assert import_rows(to_json([])).applications == []
