"""Nothing overwritten from the TUI: every save and undo is a change made to the card as it is
on disk, so what another terminal or another TUI did meanwhile is kept (and said, on a clash)."""

from __future__ import annotations

from jobboard.core.model import Event
from jobboard.storage.store import BoardStore
from tests.helpers.tui import loaded, make_app, selected, wait_for


def on_disk(path, app_id):
    return BoardStore(path).get(app_id)


async def test_undo_after_a_follow_up_logged_elsewhere_keeps_the_follow_up(demo_board, frozen):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        await pilot.press("shift+right", "enter")  # to Interviewed; the interview was today
        await app.flush()
        assert on_disk(demo_board, card.id).status == "interviewed"
        BoardStore(demo_board).update(card.id, lambda a: a.with_event(Event("follow_up", frozen.date())))
        await wait_for(pilot, lambda: app.board[card.id].events[-1].kind == "follow_up", "the TUI never saw it")
        await pilot.press("u")
        await app.flush()
        after = on_disk(demo_board, card.id)
        assert after.status == "applied"
        assert [e.kind for e in after.events].count("follow_up") == card.events_of("follow_up").__len__() + 1
        assert not any(e.kind == "status" and e.status == "interviewed" for e in after.events)
        assert after.events_of("interview") == card.events_of("interview")  # the interview went too


async def test_undo_after_the_file_was_replaced_writes_no_stale_card(demo_board, frozen, tmp_path):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        await pilot.press("d")
        await pilot.press("y")
        await app.flush()
        other = BoardStore(tmp_path / "other.json")
        other.add_many([lambda i, n=n: card.copy(id=i, company=f"Other {n}") for n in range(int(card.id))])
        demo_board.write_bytes(other.path.read_bytes())  # a sync tool puts another board in place
        await wait_for(pilot, lambda: card.id in app.board, "the TUI never showed the new file")
        before = demo_board.read_bytes()
        await pilot.press("u")  # would bring back the deleted card over the new file's card
        await app.flush()
        assert demo_board.read_bytes() == before
        assert any("already" in said for said in app.notes)


async def test_the_form_saves_only_the_fields_the_user_changed(demo_board, frozen):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        await pilot.press("e")
        BoardStore(demo_board).update(card.id, lambda a: a.moved_to("interviewed", frozen.date()).copy(notes="CLI"))
        company = app.screen.query_one("#field-company")
        company.value = "Renamed Inc"
        await pilot.press("ctrl+s")
        await app.flush()
        saved = on_disk(demo_board, card.id)
        assert saved.company == "Renamed Inc"
        assert saved.status == "interviewed" and saved.notes == "CLI"  # the CLI's changes stand
        assert sum(1 for e in saved.events if e.kind == "status") == 1  # no move back to Applied


async def test_two_tuis_editing_one_card_keep_both_and_say_so_on_a_clash(demo_board, frozen):
    first, second = make_app(demo_board), make_app(demo_board)
    async with first.run_test(size=(120, 40)) as one, second.run_test(size=(120, 40)) as two:
        await loaded(one)
        await loaded(two)
        card = selected(first)
        assert selected(second).id == card.id
        for pilot, field, value in ((one, "#field-role", "Role from one"), (two, "#field-location", "Berlin")):
            await pilot.press("e")
            pilot.app.screen.query_one(field).value = value
        await one.press("ctrl+s")
        await first.flush()
        await two.press("ctrl+s")
        await second.flush()
        saved = on_disk(demo_board, card.id)
        assert (saved.role, saved.location) == ("Role from one", "Berlin")
        # Now both change the same field: the later save keeps the earlier one and says so.
        for pilot, value in ((one, "Acme One"), (two, "Acme Two")):
            await pilot.press("e")
            pilot.app.screen.query_one("#field-company").value = value
        await one.press("ctrl+s")
        await first.flush()
        await two.press("ctrl+s")
        await second.flush()
        assert on_disk(demo_board, card.id).company == "Acme One"
        assert any("kept the company" in said for said in second.notes)


async def test_E_without_an_editor_types_into_the_notes_not_the_company(demo_board, frozen, monkeypatch):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        await pilot.press("E")
        await pilot.press(*"call Ana")
        await pilot.press("ctrl+s")
        await app.flush()
        saved = on_disk(demo_board, card.id)
        assert saved.company == card.company
        assert "call Ana" in saved.notes


async def test_E_where_the_terminal_cannot_be_handed_over_opens_the_notes_in_the_form(
    demo_board, frozen, monkeypatch
):
    monkeypatch.setenv("EDITOR", "vi")  # headless, like a browser: App.suspend is not supported
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        await pilot.press("E")
        await pilot.press(*"from the form")
        await pilot.press("ctrl+s")
        await app.flush()
        assert "from the form" in on_disk(demo_board, card.id).notes


async def test_a_read_from_before_a_move_does_not_pull_the_cursor_back(demo_board, frozen):
    """The writer read the board just before a move was made on screen (another process had
    written); that read arrives after the move. The cursor stays on the moved card, in its new
    column, and the next shift+right moves that card on, never another one."""
    from jobboard.tui.writer import BoardLoaded

    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        card = selected(app)
        stale = BoardLoaded(BoardStore(demo_board).applications(), app.writer.changes_made)
        await pilot.press("shift+right", "enter")
        app.post_message(stale)  # as the writer would post it, after the move
        await pilot.pause()
        await app.flush()
        await wait_for(pilot, lambda: selected(app) is not None and selected(app).id == card.id, "cursor left the card")
        assert app.board[card.id].status == "interviewed"
        await pilot.press("shift+right")
        await app.flush()
        assert on_disk(demo_board, card.id).status == "offer"
        others = [a for a in BoardStore(demo_board).applications() if a.id != card.id]
        assert others == [a for a in stale.applications if a.id != card.id]  # no other card moved


async def test_a_board_that_breaks_while_open_is_one_notice_and_comes_back_when_repaired(demo_board, frozen):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        good = demo_board.read_bytes()
        for broken in (b"", b'{"meta": {"1": {"schema_version": 99}}}'):  # emptied; a newer jobboard's
            demo_board.write_bytes(broken)
            await wait_for(pilot, lambda: app.load_error is not None, "the broken board was not noticed")
            for _ in range(30):  # three more looks at the file: nothing more is said or read
                await pilot.pause(0.1)
            assert len(app.notes) == 1, app.notes  # one notice, not one a second
            assert demo_board.read_bytes() == broken
            demo_board.write_bytes(good)
            await wait_for(pilot, lambda: app.load_error is None, "the repaired board did not come back")
            await wait_for(pilot, lambda: any("can be read again" in s for s in app.notes), "the notice it is back")
            app.notes.clear()


async def test_a_board_moved_away_while_open_is_said_to_be_missing_not_empty(demo_board, frozen, tmp_path):
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        shown = len(app.board)
        demo_board.rename(tmp_path / "elsewhere.json")
        await wait_for(pilot, lambda: app.load_error is not None, "the missing board was not noticed")
        assert "is missing" in app.load_error and len(app.board) == shown
        assert not demo_board.exists()  # nothing was written in its place
        (tmp_path / "elsewhere.json").rename(demo_board)
        await wait_for(pilot, lambda: app.load_error is None, "the board did not come back")
