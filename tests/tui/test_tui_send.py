"""m on a card: the draft opens in the mail client (a recorded opener stands in for it), or the
profile opens with the draft on the clipboard, or one clear line when nobody can be written to."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pendulum

from jobboard.config.settings import Settings
from jobboard.core.model import new_application
from jobboard.core.people import Person
from jobboard.storage.store import BoardStore
from tests.helpers.tui import NotedApp, loaded, wait_for


def board_with(board_path, *people: Person, **app_args) -> NotedApp:
    """A card whose follow-up is due, in an app whose opener records the URL (tests/helpers/tui.py)."""
    applied = pendulum.date(2026, 11, 2)  # two weeks before the frozen day: a follow-up is due
    BoardStore(board_path).add(lambda i: new_application(i, "Zoë & Co", "Dev", applied_on=applied, people=list(people)))
    return NotedApp(BoardStore(board_path), Settings(), **app_args)


async def test_m_with_an_email_opens_a_filled_mailto_and_the_panel_offers_f(board_path, frozen):
    app = board_with(board_path, Person("Dana Whitfield", "recruiter", "dana@acme.example"))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        panel = app.board_screen.panel
        assert "To Dana Whitfield's email" in panel.text and "m send" in panel.text
        await pilot.press("m")
        await wait_for(pilot, lambda: app.opened, "the mail client to be asked for")
        (url,) = app.opened
        parts = urlsplit(url)
        assert parts.scheme == "mailto" and parts.path == "dana@acme.example"
        fields = parse_qs(parts.query)
        assert fields["subject"] == ["Following up: Dev application"]
        assert fields["body"][0].startswith("Hi Dana,\r\n\r\nI applied for the Dev role at Zoë & Co")
        await wait_for(pilot, lambda: "Sent it? f marks this step done." in panel.text, "the panel's reminder")
        assert any("Opened your mail client: a message to Dana Whitfield" in note for note in app.notes)
        await pilot.press("f")
        await app.flush()
        await wait_for(pilot, lambda: "Sent it?" not in panel.text, "the reminder to go with the step")
        assert [e.kind for e in BoardStore(board_path).get("1").events] == ["applied", "follow_up"]


async def test_m_with_only_a_profile_opens_it_and_copies_the_draft(board_path, frozen):
    app = board_with(board_path, Person("Sam Ortiz", "recruiter", profile="https://linkedin.com/in/sam"))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("m")
        await wait_for(pilot, lambda: app.opened, "the profile to open")
        assert app.opened == ["https://linkedin.com/in/sam"]
        assert app.clipboard_text.startswith("Following up: Dev application\n\nHi Sam,")
        await wait_for(pilot, lambda: app.notes, "the notice")
        assert app.notes == [
            ": Opened Sam Ortiz's LinkedIn; "
            "sent the draft to the terminal's clipboard (no tmux or clipboard tool took it here)."
        ]


async def test_m_with_nobody_says_so_in_one_line_and_opens_nothing(board_path, frozen):
    app = board_with(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("m")
        await wait_for(pilot, lambda: app.notes, "a notification")
        assert app.opened == [] and app.clipboard_text == ""
        (note,) = app.notes
        assert "No email or profile to write to for the recruiter" in note and "P adds people" in note
        assert "\n" not in note
