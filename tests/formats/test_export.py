"""The writers: markdown that survives hostile text, lossless CSV/JSON, and a stable ICS."""

from __future__ import annotations

import datetime as dt
import json

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from markdown_it import MarkdownIt

from jobboard.core import model
from jobboard.core.etiquette import EtiquetteSettings, next_step
from jobboard.core.last_contact import last_contact
from jobboard.core.model import ALL_STATUSES, Application, Event, new_application
from jobboard.formats import export as export_module
from jobboard.formats.export import (
    CSV_COLUMNS,
    JSON_FORMAT,
    NO_APPLICATIONS,
    encode_tags,
    escape_markdown,
    to_csv,
    to_ics,
    to_json,
    to_markdown,
)
from jobboard.formats.records import application_record

TODAY = pendulum.date(2026, 11, 23)  # a Monday
HEADER = ["Company", "Role", "Applied", "Last contact", "Next step", "Due"]

HOSTILE = [
    "Pipe | Corp",
    "Two\nLines",
    "Windows\r\nbreak",
    "`rm -rf`",
    "<script>alert('x')</script>",
    "# Not a heading",
    "> not a quote",
    "[bold]",
    "[link](https://evil.example)",
    "![img](x.png)",
    "**strong** _em_ ~~gone~~",
    "Tom & Jerry &amp; &copy;",
    "emoji 🚀👩‍💻",
    "שלום עולם مرحبا",
    "\\| escaped pipe",
    "ends in backslash\\",
    "$x^2$ math",
    "<https://autolink.example>",
    "1. list",
    "- item",
    "| | |",
    "---",
    "&#124; entity",
]


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    # pendulum.travel_to needs the optional time-machine package; every date here is explicit,
    # and the model's clock helpers are pinned so nothing depends on the real today.
    monkeypatch.setattr(model, "today", lambda: TODAY)
    monkeypatch.setattr(model, "now_utc", lambda: pendulum.datetime(2026, 11, 23, 9, 30))


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def table_rows(markdown: str) -> list[list[list]]:
    """Every table row as a list of cells, each cell its inline token's children."""
    rows: list[list[list]] = []
    current: list | None = None
    for token in parser().parse(markdown):
        if token.type == "tr_open":
            current = []
        elif token.type == "inline" and current is not None:
            current.append(token.children or [])
        elif token.type == "tr_close":
            rows.append(current)
            current = None
    return rows


def cell_text(children: list) -> str:
    assert {child.type for child in children} <= {"text"}, children
    return "".join(child.content for child in children)


def app(app_id: str, company: str, role: str = "Engineer", **kwargs) -> Application:
    kwargs.setdefault("applied_on", TODAY.subtract(days=3))
    return new_application(app_id, company, role, **kwargs)


def visible(text: str) -> str:
    """What a reader should see of ``text`` in a cell: line breaks as spaces."""
    return " ".join(text.replace("\r\n", "\n").split("\n")).strip()


# --------------------------------------------------------------------------------------------
# Markdown


def test_markdown_has_title_summary_and_a_section_per_column_in_board_order():
    board = [
        app("1", "Acme"),
        app("2", "Globex", status="interviewed"),
        app("3", "Initech"),
    ]
    markdown = to_markdown(board, TODAY)
    lines = markdown.splitlines()
    assert lines[0] == "# Job hunt — 23 November 2026"
    assert "3 applications: 2 Applied, 1 Interviewed, 0 Offer, 0 Silent, 0 Rejected." in lines
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == ["## Applied (2)", "## Interviewed (1)", "## Offer (0)", "## Silent (0)", "## Rejected (0)"]
    assert markdown.count(NO_APPLICATIONS) == 3
    rows = table_rows(markdown)
    assert [cell_text(cell) for cell in rows[0]] == HEADER
    # Each table in the board's order: by urgency; the same step on the same day, so the newest
    # application (the higher id on the same date) first.
    assert [cell_text(row[0]) for row in rows if cell_text(row[0]) != "Company"] == [
        "Initech",
        "Acme",
        "Globex",
    ]


def test_markdown_tables_follow_the_sort_the_board_shows():
    board = [app("1", "Zeta", applied_on=pendulum.date(2026, 11, 2)), app("2", "alpha"), app("3", "Beta")]

    def companies(sort: str) -> list[str]:
        return [cell_text(row[0]) for row in table_rows(to_markdown(board, TODAY, sort=sort))[1:]]

    assert companies("urgency") == ["Beta", "alpha", "Zeta"]  # Zeta: a ready move to Silent, last
    assert companies("company") == ["alpha", "Beta", "Zeta"]
    assert companies("applied") == ["Beta", "alpha", "Zeta"]


def test_markdown_sections_follow_the_given_columns_and_keep_other_statuses():
    board = [app("1", "Acme", status="wishlist"), app("2", "Globex", status="offer")]
    markdown = to_markdown(board, TODAY, columns=("offer", "applied"))
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    # wishlist is not a column here, yet its card is not silently dropped.
    assert headings == ["## Offer (1)", "## Applied (0)", "## Wishlist (1)"]


def test_markdown_row_cells_carry_dates_next_step_and_due():
    acme = app("1", "Acme", applied_on=pendulum.date(2026, 11, 2))
    acme = acme.with_event(Event("heard_back", pendulum.date(2026, 11, 10)))
    step = next_step(acme, TODAY)
    rows = table_rows(to_markdown([acme], TODAY))
    cells = [cell_text(cell) for cell in rows[1]]
    assert cells[:4] == ["Acme", "Engineer", "2026-11-02", "2026-11-10"]
    assert cells[4] == step.title
    assert step.rule == "follow_up" and step.due == pendulum.date(2026, 11, 17)
    assert cells[5] == "2026-11-17 (overdue)"


def test_empty_board_renders():
    markdown = to_markdown([], TODAY)
    assert "0 applications" in markdown
    assert markdown.count(NO_APPLICATIONS) == 5
    assert table_rows(markdown) == []


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_inside_its_cell(text):
    board = [app("1", text, text, notes=text, url=text, contact=text, email=text)]
    markdown = to_markdown(board, TODAY)
    rows = table_rows(markdown)
    assert len(rows) == 2
    assert all(len(row) == 6 for row in rows)
    assert cell_text(rows[1][0]) == visible(text)
    assert cell_text(rows[1][1]) == visible(text)
    # The next step's title quotes the company; it must be just as inert.
    assert visible(text) in cell_text(rows[1][4])
    # Nothing outside the tables turned into markup either.
    html = parser().render(markdown.replace(NO_APPLICATIONS, ""))
    for tag in ("<script", "<a ", "<img", "<em>", "<strong>", "<code>", "<s>", "<blockquote"):
        assert tag not in html


def test_many_hostile_rows_give_exactly_one_row_each():
    board = [app(str(n), text, text) for n, text in enumerate(HOSTILE)]
    rows = table_rows(to_markdown(board, TODAY, sort="applied"))  # same date: highest id first
    assert len(rows) == 1 + len(HOSTILE)
    assert [cell_text(row[0]) for row in rows[1:]] == [visible(text) for text in reversed(HOSTILE)]


def test_control_characters_are_dropped_without_breaking_the_row():
    text = "A\x00c\x1bme\x07\u2028Corp\x85\x0bX\x7f"
    rows = table_rows(to_markdown([app("1", text)], TODAY))
    assert len(rows) == 2 and len(rows[1]) == 6
    assert cell_text(rows[1][0]) == "Acme Corp X"


def test_text_with_nothing_to_escape_takes_the_short_way_and_every_other_character_does_not():
    """escape_markdown skips the full escaping when a quick search finds no character it would
    change; for every character up to U+2FFF (past all it changes), both ways agree."""
    for code in range(0x3000):
        text = f" a{chr(code)}b "
        full = export_module._LINE_BREAKS.sub(" ", text).translate(export_module._ESCAPES)
        full = export_module._AUTOLINKS.sub("\\\\", full).strip()
        assert escape_markdown(text) == full, hex(code)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_renders_as_exactly_its_characters(text):
    rendered = parser().parse(f"| {escape_markdown(text)} |\n| --- |\n| x |\n")
    inline = [token for token in rendered if token.type == "inline"]
    assert len(inline) == 2
    assert [token.type for token in rendered][:3] == ["table_open", "thead_open", "tr_open"]
    children = inline[0].children or []
    assert {child.type for child in children} <= {"text"}
    seen = "".join(child.content for child in children)
    # Only control characters go (line breaks become spaces); everything else is seen as is.
    assert seen == _unescape(escape_markdown(text))


def _unescape(escaped: str) -> str:
    """Undo our escaping by hand, to compare with what the parser shows."""
    out, index = [], 0
    while index < len(escaped):
        char = escaped[index]
        if char == "\\" and index + 1 < len(escaped):
            out.append(escaped[index + 1])
            index += 2
            continue
        out.append(char)
        index += 1
    text = "".join(out)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def test_details_list_fields_notes_and_timeline_newest_first():
    acme = app(
        "1",
        "Acme",
        applied_on=pendulum.date(2026, 11, 2),
        url="https://acme.example/jobs/1",
        contact="Dana <dana@acme>",
        email="dana@acme.example",
        notes="Met at a meetup\n- not a list\n---\n1. not ordered either",
    )
    acme = acme.with_event(Event("follow_up", pendulum.date(2026, 11, 9), note="sent *bold* note"))
    acme = acme.with_event(Event("heard_back", pendulum.date(2026, 11, 12)))
    markdown = to_markdown([acme], TODAY, details=True)
    assert "### Acme — Engineer" in markdown
    tokens = parser().parse(markdown)
    # No heading, list or rule was smuggled in by the notes.
    headings = [t for t in tokens if t.type == "heading_open"]
    assert [t.tag for t in headings] == ["h1", "h2", "h3", "h2", "h2", "h2", "h2"]
    assert not [t for t in tokens if t.type in ("hr", "ordered_list_open")]
    html = parser().render(markdown)
    assert "Dana &lt;dana@acme&gt;" in html
    assert "Met at a meetup<br />\n- not a list<br />\n---<br />\n1. not ordered either" in html
    timeline = [line for line in markdown.splitlines() if line.startswith("- 2026-")]
    assert timeline == [
        "- 2026-11-12 — Heard back",
        "- 2026-11-09 — Followed up: sent \\*bold\\* note",
        "- 2026-11-02 — Applied",
    ]


def test_details_only_when_asked():
    assert "###" not in to_markdown([app("1", "Acme", notes="x")], TODAY)


def test_last_contact_follows_the_etiquette_definition():
    base = app("1", "Acme", applied_on=pendulum.date(2026, 11, 2))
    assert last_contact(base, TODAY) == pendulum.date(2026, 11, 2)
    later = base.with_event(Event("follow_up", pendulum.date(2026, 11, 9)))
    assert last_contact(later, TODAY) == pendulum.date(2026, 11, 9)
    # A future interview is not contact yet; a past one is.
    future = later.with_event(Event("interview", pendulum.date(2026, 12, 1)))
    assert last_contact(future, TODAY) == pendulum.date(2026, 11, 9)
    past = future.with_event(Event("interview", pendulum.date(2026, 11, 20)))
    assert last_contact(past, TODAY) == pendulum.date(2026, 11, 20)
    # No interview logged: the move to Interviewed stands in for it.
    moved = base.moved_to("interviewed", pendulum.date(2026, 11, 16))
    assert last_contact(moved, TODAY) == pendulum.date(2026, 11, 16)


# --------------------------------------------------------------------------------------------
# CSV and JSON


def test_csv_has_every_field_and_events_as_json():
    acme = app("7", "Acme", tags=["remote", "python"], notes="line 1\nline 2", salary="€90k")
    acme = acme.with_event(Event("follow_up", TODAY, note='said "hi", twice'))
    text = to_csv([acme])
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(CSV_COLUMNS)
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["id"] == "7"
    assert record["notes"] == "line 1\nline 2"
    assert record["tags"] == "remote, python"
    assert json.loads(record["events"])[-1] == {
        "kind": "follow_up",
        "date": "2026-11-23",
        "note": 'said "hi", twice',
    }


@pytest.mark.parametrize(
    ("tags", "cell"),
    [
        ([], ""),
        (["a"], "a"),
        (["a", "b c"], "a, b c"),
        (["a,b"], '["a,b"]'),
        ([" padded"], '[" padded"]'),
        ([""], '[""]'),
        (["[x]"], '["[x]"]'),
    ],
)
def test_tags_are_plain_when_unambiguous(tags, cell):
    assert encode_tags(tags) == cell


def test_json_has_a_format_marker_and_the_records():
    acme = app("7", "Acme")
    document = json.loads(to_json([acme], TODAY))
    assert document["format"] == JSON_FORMAT
    assert document["version"] == 1
    (record,) = document["applications"]
    # The stored record, with the derived last contact right after the applied date.
    assert list(record)[4:6] == ["applied_on", "last_contact"]
    assert record.pop("last_contact") == acme.applied_on.isoformat()
    assert record == application_record(acme)


def _contacted() -> Application:
    """A card applied on 2 Nov, followed up on 9 Nov, rejected on 16 Nov, with an interview
    booked ahead on 1 Dec (ahead of TODAY; the rejection came first, a test only)."""
    acme = app("7", "Acme", applied_on=pendulum.date(2026, 11, 2))
    acme = acme.with_event(Event("follow_up", pendulum.date(2026, 11, 9)))
    acme = acme.with_event(Event("interview", pendulum.date(2026, 12, 1)))
    return acme.moved_to("rejected", pendulum.date(2026, 11, 16))


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [(TODAY, "2026-11-16"), (pendulum.date(2026, 11, 12), "2026-11-09"), (pendulum.date(2026, 11, 3), "2026-11-02")],
)
def test_csv_and_json_carry_the_last_contact_as_of_the_day(as_of, expected):
    import csv
    import io

    acme = _contacted()
    rows = list(csv.reader(io.StringIO(to_csv([acme], as_of), newline="")))
    assert rows[0][:6] == ["id", "company", "role", "status", "applied_on", "last_contact"]
    assert dict(zip(rows[0], rows[1], strict=True))["last_contact"] == expected == last_contact(acme, as_of).isoformat()
    assert json.loads(to_json([acme], as_of))["applications"][0]["last_contact"] == expected


def test_the_exports_date_the_last_contact_by_the_clock_when_no_day_is_given():
    acme = _contacted()
    with pendulum.travel_to(pendulum.datetime(2026, 11, 12, 10), freeze=True):
        assert '"last_contact": "2026-11-09"' in to_json([acme])
        assert ",2026-11-09," in to_csv([acme]).splitlines()[1]


def test_the_report_and_the_exports_agree_on_the_last_contact():
    acme = _contacted()
    (row,) = [line for line in to_markdown([acme], TODAY).splitlines() if line.startswith("| Acme")]
    assert row.split(" | ")[3] == "2026-11-16"  # the rejection: a message from them
    assert json.loads(to_json([acme], TODAY))["applications"][0]["last_contact"] == "2026-11-16"


# Round trips through the importer live in test_importing.py.


# --------------------------------------------------------------------------------------------
# ICS


def ics_board() -> list[Application]:
    waiting = app("1", "Acme", applied_on=pendulum.date(2026, 11, 16))  # follow up due 23 Nov
    interview = app("2", "Globex", applied_on=pendulum.date(2026, 11, 2), status="interviewed")
    interview = interview.with_event(Event("interview", pendulum.date(2026, 11, 26), note="onsite"))
    interview = interview.with_event(Event("interview", pendulum.date(2026, 11, 26), note="lunch"))
    offer = app("3", "Initech", status="offer")  # no deadline: answer within 5 business days
    return [waiting, interview, offer]


def components(text: str, name: str) -> list:
    return [c for c in Calendar.from_ical(text).walk() if c.name == name]


def test_ics_has_a_todo_per_step_with_stable_uid_and_due_date():
    board = ics_board()
    text = to_ics(board, TODAY)
    calendar = Calendar.from_ical(text)
    assert str(calendar["version"]) == "2.0"
    assert "jobboard" in str(calendar["prodid"])
    assert components(text, "VTODO") == []  # all-day events by default: most calendars ignore to-dos
    text = to_ics(board, TODAY, todos=True)
    todos = {str(todo["uid"]): todo for todo in components(text, "VTODO")}
    assert set(todos) == {
        "jobboard-1-follow_up@jobboard",
        "jobboard-2-prepare_interview@jobboard",
        "jobboard-3-respond_to_offer@jobboard",
    }
    follow_up = todos["jobboard-1-follow_up@jobboard"]
    assert follow_up.decoded("due") == pendulum.date(2026, 11, 23)
    step = next_step(board[0], TODAY)
    assert str(follow_up["summary"]).startswith(step.title)
    assert step.why in str(follow_up["description"])
    assert step.draft in str(follow_up["description"])
    prepare = todos["jobboard-2-prepare_interview@jobboard"]
    assert prepare.decoded("due") == pendulum.date(2026, 11, 25)


def test_ics_steps_are_free_all_day_events_by_default():
    events = {str(e["uid"]): e for e in components(to_ics(ics_board(), TODAY), "VEVENT")}
    follow_up = events["jobboard-1-follow_up@jobboard"]
    assert follow_up.decoded("dtstart") == pendulum.date(2026, 11, 23)
    assert follow_up.decoded("dtend") == pendulum.date(2026, 11, 24)
    assert str(follow_up["transp"]) == "TRANSPARENT"
    assert next_step(ics_board()[0], TODAY).draft in str(follow_up["description"])


def test_ics_an_interview_with_a_time_is_a_timed_event_with_a_reminder_the_evening_before():
    board = [
        app("1", "Acme", applied_on=pendulum.date(2026, 11, 2)).with_event(
            Event(
                "interview", pendulum.date(2026, 11, 26), "bring the portfolio", None, "14:30", "technical", ("Dana",)
            )
        )
    ]
    (event,) = [e for e in components(to_ics(board, TODAY), "VEVENT") if "-interview-" in str(e["uid"])]
    assert str(event["uid"]) == "jobboard-1-interview-2026-11-26T1430@jobboard"
    assert event.decoded("dtstart") == dt.datetime(2026, 11, 26, 14, 30)  # floating: local time
    assert event.decoded("dtend") == dt.datetime(2026, 11, 26, 15, 30)
    assert str(event["summary"]) == "Interview (technical): Acme — Engineer"
    assert "With Dana" in str(event["description"]) and "bring the portfolio" in str(event["description"])
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("trigger") == -dt.timedelta(hours=20, minutes=30)  # 18:00 the day before


def test_ics_interviews_are_all_day_events_one_per_day():
    text = to_ics(ics_board(), TODAY)
    events = [e for e in components(text, "VEVENT") if "-interview-" in str(e["uid"])]
    assert [str(event["uid"]) for event in events] == ["jobboard-2-interview-2026-11-26@jobboard"]
    event = events[0]
    assert event.decoded("dtstart") == pendulum.date(2026, 11, 26)
    assert event.decoded("dtend") == pendulum.date(2026, 11, 27)
    assert "onsite" in str(event["description"]) and "lunch" in str(event["description"])


def test_ics_text_carries_no_control_character_from_the_board():
    """RFC 5545 allows no control character in a TEXT value, and `export --format ics` may be
    printed to a terminal: an escape sequence in a company, role or note becomes spaces."""
    hostile = "Evil\x1b]0;pwned\x07Corp"
    board = [
        app("1", hostile, "Dev\rOps\x9b", applied_on=pendulum.date(2026, 11, 16)),
        app("2", hostile, applied_on=pendulum.date(2026, 11, 2)).with_event(
            Event("interview", pendulum.date(2026, 11, 26), "bring\x1b[2J it", None, "14:30", "", ("Dana\x07",))
        ),
    ]
    for todos in (False, True):
        text = to_ics(board, TODAY, todos=todos)
        assert [c for c in text.replace("\r\n", "") if c < " " or "\x7f" <= c <= "\x9f"] == []
        summaries = [str(c["summary"]) for c in Calendar.from_ical(text).walk() if "summary" in c]
        assert "Follow up with Evil ]0;pwned Corp (Dev Ops )" in summaries
    (event,) = [e for e in components(text, "VEVENT") if "-interview-" in str(e["uid"])]
    assert "bring [2J it" in str(event["description"]) and "With Dana " in str(event["description"])


def test_ics_is_identical_when_exported_twice():
    assert to_ics(ics_board(), TODAY) == to_ics(ics_board(), TODAY)


def test_ics_uids_stay_while_the_due_date_moves():
    board = ics_board()
    tomorrow = to_ics(board, TODAY.add(days=1))
    uids_today = {str(t["uid"]) for t in components(to_ics(board, TODAY), "VEVENT")}
    assert uids_today == {str(t["uid"]) for t in components(tomorrow, "VEVENT")}


def test_ics_uses_the_given_settings():
    board = [app("1", "Acme", applied_on=pendulum.date(2026, 11, 16))]
    text = to_ics(board, TODAY, EtiquetteSettings(follow_up_business_days=2), todos=True)
    (todo,) = components(text, "VTODO")
    assert todo.decoded("due") == pendulum.date(2026, 11, 18)


def test_every_status_exports_without_error():
    board = [app(str(n), f"Co {n}", status=status) for n, status in enumerate(ALL_STATUSES)]
    assert to_ics(board, TODAY).startswith("BEGIN:VCALENDAR")
    assert to_markdown(board, TODAY, columns=ALL_STATUSES, details=True)
