"""C and the form's URL field: a posting read in a worker fills the form (docs/capture.md).

Pages come from a local server on a free port; the screen answers keys while the page is read.
"""

from __future__ import annotations

import json

from textual.widgets import Input, Static

from jobboard.core.model import new_application
from jobboard.storage.store import BoardStore
from jobboard.tui.forms import ApplicationForm
from tests.helpers.pages import serving
from tests.helpers.tui import burst, loaded, make_app, wait_for

JOB = {"@type": "JobPosting", "title": "Baker", "hiringOrganization": "Crumbs",
       "jobLocation": {"address": {"addressLocality": "Lyon", "addressCountry": "FR"}},
       "description": "<p>Bread at dawn.</p>"}
PAGES = {"/job": (200, "text/html", f'<script type="application/ld+json">{json.dumps(JOB)}</script>')}


def form_of(app) -> ApplicationForm:
    assert isinstance(app.screen, ApplicationForm)
    return app.screen


def value(app, name: str) -> str:
    return form_of(app).query_one(f"#field-{name}", Input).value


def note(app) -> str:
    return str(form_of(app).query_one("#posting-note", Static).render())


async def test_C_reads_the_posting_into_the_form_and_the_card_keeps_it(board_path, frozen):
    app = make_app(board_path)
    with serving(PAGES) as site:
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(pilot)
            await pilot.press("C")
            await wait_for(pilot, lambda: isinstance(app.screen, ApplicationForm), "the form")
            assert app.focused is form_of(app).query_one("#field-url", Input)
            await pilot.press(*f"{site}/job", "enter")
            await wait_for(pilot, lambda: value(app, "company") == "Crumbs", "the company read from the page")
            assert (value(app, "role"), value(app, "location")) == ("Baker", "Lyon, FR")
            assert "Read from the page: Crumbs, Baker, Lyon, FR" in note(app)
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: len(app.board) == 1, "the card saved")
    card = BoardStore(board_path).get("1")
    assert card.posting["description"] == "Bread at dawn." and card.posting["url"] == f"{site}/job"



async def test_C_the_address_and_ctrl_f_in_one_burst_read_the_whole_address(board_path, frozen):
    """ctrl+f runs as soon as it arrives (a field's own ctrl+f deletes a word); the address is
    read once the field has taken the letters typed before it, not half of it."""
    app = make_app(board_path)
    with serving(PAGES) as site:
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(pilot)
            await burst(pilot, "C", f"{site}/job", "ctrl+f")
            await wait_for(pilot, lambda: isinstance(app.screen, ApplicationForm), "the form")
            await wait_for(pilot, lambda: value(app, "company") == "Crumbs", "the company read from the page")
            assert value(app, "url") == f"{site}/job" and value(app, "role") == "Baker"


async def test_a_page_that_cannot_be_read_is_one_line_and_the_form_stays(board_path, frozen):
    app = make_app(board_path)
    with serving(PAGES) as site:
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(pilot)
            await pilot.press("n", "B", "o", "b")
            form_of(app).query_one("#field-url", Input).focus()
            await pilot.pause()
            await pilot.press(*f"{site}/gone", "ctrl+f")
            await wait_for(pilot, lambda: "Could not read" in note(app), "the failure")
            assert note(app) == f"Could not read the posting: {site}/gone answered 404."
            assert value(app, "company") == "Bob" and value(app, "role") == ""


async def test_the_form_says_when_the_posting_is_already_on_the_board(board_path, frozen):
    BoardStore(board_path).add(lambda i: new_application(i, "Crumbs", "Baker", applied_on=frozen.date()))
    app = make_app(board_path)
    with serving(PAGES) as site:
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(pilot)
            await pilot.press("C", *f"{site}/job", "enter")
            await wait_for(pilot, lambda: "already on the board" in note(app), "the warning")
            assert "already on the board: 1, Crumbs, applied Mon 16 Nov; ctrl+s adds it anyway" in note(app)
            await pilot.press("ctrl+s")  # said once already: this save adds it
            await wait_for(pilot, lambda: len(app.board) == 2, "the second Crumbs card")


async def test_a_company_and_role_typed_by_hand_are_warned_once_too(board_path, frozen):
    from tests.helpers.tui import fill

    BoardStore(board_path).add(lambda i: new_application(i, "Crumbs", "Baker", applied_on=frozen.date()))
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await fill(pilot, company="crumbs", role="Baker ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert note(app) == "Careful: already on the board: 1, Crumbs, applied Mon 16 Nov; ctrl+s again adds it anyway."
        assert len(app.board) == 1
        await fill(pilot, role="Head Baker")  # another role: saved at once
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(app.board) == 2, "the Head Baker card")

        await pilot.press("n")
        await fill(pilot, company="Crumbs", role="Baker")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "already on the board: 1" in note(app)
        await pilot.press("ctrl+s")  # again: added anyway
        await wait_for(pilot, lambda: len(app.board) == 3, "the second Baker card")


async def test_v_reads_the_captured_posting_and_a_card_without_one_says_so(board_path, frozen):
    from jobboard.tui.posting_screen import PostingScreen

    posting = {"title": "Baker", "company": "Crumbs", "captured_on": "2026-11-16", "valid_through": "2026-12-01",
               "description": "Bread at dawn.\x1b[31m"}
    BoardStore(board_path).add(lambda i: new_application(i, "Crumbs", "Baker", applied_on=frozen.date()).copy(
        posting=posting))
    BoardStore(board_path).add(lambda i: new_application(i, "Typed", "By hand", applied_on=frozen.date()))
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.board_screen.jump_to("1")
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, PostingScreen), "the posting")
        heading = str(app.screen.query(Static)[1].render())
        assert "Baker · Crumbs" in heading and "captured 2026-11-16 · apply by 2026-12-01" in heading
        description = str(app.screen.query_one("#posting-description", Static).render())
        assert description.startswith("Bread at dawn.") and "\x1b" not in description
        await pilot.press("escape")
        app.board_screen.jump_to("2")
        await pilot.press("v")
        await wait_for(pilot, lambda: any("no captured posting" in note for note in app.notes), "the notice")


async def test_a_long_posting_at_80x24_scrolls_and_keeps_its_last_line_on_screen(board_path, frozen):
    from jobboard.tui.posting_screen import PostingScreen

    posting = {"title": "Baker", "company": "Crumbs", "captured_on": "2026-11-16",
               "description": "\n\n".join(f"Paragraph {n} about the bakery." for n in range(40))}
    BoardStore(board_path).add(lambda i: new_application(i, "Crumbs", "Baker", applied_on=frozen.date()).copy(
        posting=posting))
    app = make_app(board_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, PostingScreen), "the posting")
        await pilot.pause()
        hint = app.screen.query(".muted").last()
        assert "escape closes" in str(hint.render())
        assert app.screen.query_one("#posting-box").content_region.contains_region(hint.region)  # not under the border


async def test_the_form_answers_keys_while_a_slow_page_is_read_and_escape_cancels_it(board_path, frozen):
    import threading

    hold = threading.Event()
    app = make_app(board_path)
    with serving(PAGES, hold=hold) as site:
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(pilot)
            await pilot.press("C", *f"{site}/job", "enter")
            await wait_for(pilot, lambda: note(app).startswith("Reading"), "the reading line")
            await pilot.press("tab", *"Own Co")  # the form answers while the page is still on its way
            assert value(app, "location") == "Own Co"
            (reading,) = [worker for worker in app.workers if worker.group == "posting"]
            assert not reading.is_finished
            await pilot.press("escape")
            await wait_for(pilot, lambda: not isinstance(app.screen, ApplicationForm), "the form closed")
            await wait_for(pilot, lambda: reading.is_cancelled, "the read cancelled with its form")
            hold.set()
            await pilot.press("n")
            await wait_for(pilot, lambda: isinstance(app.screen, ApplicationForm), "a new form")
            assert value(app, "company") == ""
    assert BoardStore(board_path).applications() == []
