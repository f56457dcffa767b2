"""A newcomer's first hour through Pilot: the form's dates and errors, keys and their ids,
the heard-back note, the panel's parts, the counts, narrow and wide terminals."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pendulum

from jobboard.config.settings import Settings
from jobboard.core.model import Event
from jobboard.storage.store import BoardStore
from jobboard.tui.agenda import AgendaScreen
from jobboard.tui.app import JobBoardApp
from jobboard.tui.board_screen import BoardScreen
from jobboard.tui.forms import ApplicationForm
from jobboard.tui.keymap import checked_keymap
from jobboard.tui.panel import SidePanel
from tests.helpers.tui import DEMO_COLUMNS, error_of, fill, loaded, make_app, select_company, selected


async def test_the_form_takes_the_dates_the_cards_print(board_path, frozen):
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await fill(pilot, company="Initrode", role="Platform Engineer", applied="2 weeks ago")
        await pilot.press("ctrl+s")
        await app.flush()
        assert selected(app).applied_on == pendulum.date(2026, 11, 2)
        assert BoardStore(board_path).get(selected(app).id).applied_on == pendulum.date(2026, 11, 2)


async def test_an_error_under_a_field_goes_once_the_field_is_fixed(board_path, frozen):
    app = make_app(board_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await fill(pilot, company="", role="Dev", applied="someday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Company is required" in error_of(app, "company")
        assert "is not a date" in error_of(app, "applied")
        app.screen.query_one("#field-applied").focus()
        await pilot.press("ctrl+a", "ctrl+k", *"in 2 days")  # still wrong, for another reason
        await pilot.pause()
        assert "after today" in error_of(app, "applied")
        await pilot.press(*["backspace"] * 9, *"last monday")
        await pilot.pause()
        assert error_of(app, "applied") == ""
        assert "Company is required" in error_of(app, "company")  # not checked until it changes
        await fill(pilot, company="Acme")
        assert error_of(app, "company") == ""
        assert isinstance(app.screen, ApplicationForm)  # nothing saved until ctrl+s
        assert app.board == {}


def toasts(app) -> list[str]:
    """The notifications on screen, as the user reads them."""
    return [" ".join(str(toast.render()).split()) for toast in app.screen.query("Toast")]


async def toasts_shown(pilot) -> list[str]:
    for _ in range(100):
        if toasts(pilot.app):
            break
        await pilot.pause(0.02)
    return toasts(pilot.app)


async def test_a_bad_key_is_named_and_the_default_stays(demo_board):
    app = JobBoardApp(BoardStore(demo_board), Settings(keys={"agenda": "ctrl+shift+banana"}))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await loaded(pilot)
        shown = await toasts_shown(pilot)
        assert len(shown) == 1
        assert "agenda" in shown[0] and "ctrl+shift+banana" in shown[0] and "default key stays" in shown[0]
        await pilot.press("a")
        assert isinstance(app.screen, AgendaScreen)


async def test_a_remap_that_takes_a_key_names_the_action_that_loses_it(demo_board):
    app = JobBoardApp(BoardStore(demo_board), Settings(keys={"new_application": "a,n", "edit": "enter"}))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await loaded(pilot)
        shown = await toasts_shown(pilot)
        assert len(shown) == 1
        assert 'new_application = "a,n" takes a from agenda, which now has no key' in shown[0]
        await pilot.press("a")
        assert isinstance(app.screen, ApplicationForm)


async def test_the_readme_example_takes_no_key(demo_board):
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    example = readme.split("[keys]\n", 1)[1].split("```", 1)[0]
    keys = dict(tomllib.loads(example))
    assert keys
    bindings = [*BoardScreen.BINDINGS, *JobBoardApp.BINDINGS]
    assert checked_keymap(keys, bindings) == (keys, [])


async def test_help_shows_each_keys_action_id_after_remapping(demo_board):
    app = JobBoardApp(BoardStore(demo_board), Settings(keys={"new_application": "n,insert", "agenda": "A"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        lines = "\n".join(str(w.render()) for w in app.screen.query("Static")).splitlines()
        row = {line.split()[-1]: line for line in lines if line.strip()}
        assert row["new_application"].startswith("n / insert ")
        assert row["agenda"].startswith("A ") and "agenda" in row["agenda"]
        assert row["move_right"].startswith("shift+right / L ")
        assert row["clear_filter"].startswith("escape ")
        assert row["quit_now"].startswith("ctrl+q ")
        # the ids line up in one column
        assert len({line.index(binding_id) for binding_id, line in row.items() if "_" in binding_id}) == 1
        await pilot.press("escape")
        assert app.screen is app.board_screen


async def test_heard_back_asks_for_a_note_that_goes_into_the_timeline(demo_board, frozen):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")
        await pilot.press("b", *"call with Dana  on Monday", "enter")
        await app.flush()
        await pilot.pause()
        card = selected(app)
        assert card.events[-1] == Event("heard_back", pendulum.date(2026, 11, 16), "call with Dana on Monday")
        assert BoardStore(demo_board).get(card.id).events[-1].note == "call with Dana on Monday"
        panel = app.board_screen.query_one(SidePanel)
        assert "16 Nov 2026  Heard back — call with Dana on Monday" in panel.text
        await pilot.press("b", *"never mind", "escape")  # escape logs nothing
        await app.flush()
        assert len(BoardStore(demo_board).get(card.id).events) == len(card.events)


def test_a_steps_reason_states_facts_and_its_principles_name_their_articles():
    from jobboard.core.drafts import PRINCIPLES, sources_of
    from jobboard.core.etiquette import RULE_PRINCIPLES, next_step
    from jobboard.core.model import new_application

    today = pendulum.date(2026, 11, 16)
    card = new_application("1", "Acme", "Backend Engineer", applied_on=pendulum.date(2026, 11, 2))
    step = next_step(card, today)
    assert step.rule == "follow_up"
    assert step.why == "You applied on Mon 2 Nov (2 weeks ago) and haven't followed up since."
    assert sources_of(("P2", "P7", "P1")) == (
        "Sources: “Why you never hear back from recruiters?” (P2, P7, P1); “Why the recruiter didn't call me” (P2)."
    )
    assert sources_of(("common practice", "P7")).startswith("Sources: common practice, not the articles")
    assert sources_of(()) == ""
    for principles in RULE_PRINCIPLES.values():
        for principle in principles:
            for sentence in PRINCIPLES[principle].split(". "):
                assert sentence.rstrip(".") not in step.why


async def test_the_panel_gives_the_facts_then_why_it_works_with_sources(demo_board, frozen):
    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select_company(pilot, "Acme Robotics")
        text = " ".join(app.board_screen.query_one(SidePanel).text.split())
        assert "You applied on Wed 4 Nov (12 days ago) and haven't followed up since." in text
        why = "WHY IT WORKS · No answer yet? Follow up by email or a direct message to the recruiter. (P2) ·"
        assert why in text
        assert "Sources: “Why you never hear back from recruiters?” (P2, P7, P1);" in text
        assert text.count("A recruiter sifts through about a hundred resumes a day") == 1


def test_need_action_words_add_up():
    from jobboard.core.drafts import need_action_text

    assert need_action_text(1, 1) == "2 need action: 1 due today, 1 overdue"
    assert need_action_text(0, 3) == "3 need action: 3 overdue"
    assert need_action_text(1, 0) == "1 needs action: 1 due today"
    assert need_action_text(0, 0) == "nothing needs action"


async def test_headers_and_agenda_count_the_marks_on_the_cards(demo_board, frozen):
    from jobboard.tui.board import Board
    from jobboard.tui.lines import step_mark

    app = make_app(demo_board, DEMO_COLUMNS)
    async with app.run_test(size=(200, 60)) as pilot:
        await loaded(pilot)
        board = app.board_screen.query_one(Board)
        header = "".join(segment.text for segment in board.render_line(1)).split("▕")
        due = overdue = 0
        for column, text in zip(app.board_screen.column_views, header, strict=False):
            marks = [step_mark(app.step_for(card)) for card in column.cards]
            due, overdue = due + marks.count("●"), overdue + marks.count("▲")
            expected = f"{len(column.cards)} card{'s' * (len(column.cards) != 1)}"
            if marks.count("●"):
                expected += f" · ●{marks.count('●')}"
            if marks.count("▲"):
                expected += f"{' ·' if '·' not in expected else ''} ▲{marks.count('▲')}"
            assert text.strip().startswith(expected), (text, expected)
        assert due and overdue
        await pilot.press("a")
        title = str(app.screen.query("Static").first().render())
        assert title == f"Agenda · {due + overdue} need action: {due} due today, {overdue} overdue"


def board_text(app) -> list[str]:
    """The board's lines as the terminal shows them."""
    from jobboard.tui.board import Board

    board = app.board_screen.query_one(Board)
    return ["".join(segment.text for segment in board.render_line(y)) for y in range(board.size.height)]


async def test_at_80x24_the_panel_goes_below_and_company_names_read(demo_board, frozen):
    app = make_app(demo_board)  # the five columns of a new board
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        screen = app.board_screen
        panel, board = screen.query_one(SidePanel), screen.query_one("#board")
        assert panel.region.y >= board.region.bottom and panel.region.width == 80
        assert board.region.width == 80 and board.region.height >= 12  # the header and three cards
        text = "\n".join(board_text(app))
        # Five columns leave 13 cells a name: a dozen characters read whole, not "Cloudfla…".
        for company in ("Soylent Corp", "Black Mesa", "Gringotts", "Oscorp"):
            assert company in text
        assert "NEXT STEP" in panel.text
        await pilot.press("p")  # the panel hides, the board takes the height
        await pilot.pause()
        assert not panel.display and board.region.height == 22
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        panel, board = app.board_screen.query_one(SidePanel), app.board_screen.query_one("#board")
        assert panel.region.x >= board.region.right  # wide enough: beside the board again


async def test_at_200x60_cards_name_the_step_that_needs_doing(demo_board, frozen):
    app = make_app(demo_board)
    async with app.run_test(size=(200, 60)) as pilot:
        await loaded(pilot)
        text = board_text(app)
        at = next(i for i, line in enumerate(text) if "Acme Robotics" in line)
        column = text[at].index("Acme Robotics")
        assert text[at + 1][column:].startswith("Backend Engineer")
        assert text[at + 2][column:].startswith("12 days ago · follow up")  # five columns: no room for "applied"
        quiet = [line for line in text if "applied 3 days ago" in line or "applied 4 days ago" in line]
        assert quiet and not any("ago · " in line.split("▕")[0] for line in quiet)  # not due: the date alone
    app = make_app(demo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert not any("· follow up" in line for line in board_text(app))  # no room at 120
