"""`jobboard inbox`: .eml, mbox, Maildir and stdin; a proposal writes nothing; no message is
logged twice (docs/inbox.md)."""

from __future__ import annotations

import json
import mailbox
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobboard.cli.main import cli
from tests.helpers.cli import run_cli

MAIL = Path(__file__).resolve().parents[1] / "fixtures" / "mail"
SENDERS = ("plain-reply.eml", "slots-qp.eml", "ack-greenhouse.eml", "rejection-b64.eml", "newsletter.eml")


@pytest.fixture
def board(board_path: Path, frozen) -> Path:  # noqa: ANN001 - the frozen clock
    db = str(board_path)
    for args in (
        ("Acme", "Backend Engineer", "--applied", "2026-11-02", "--email", "dana@acme.example", "--contact", "Dana"),
        ("Globex", "Data Analyst", "--applied", "2026-11-05"),
        ("Initech", "QA Lead", "--applied", "2026-11-01", "--url", "https://initech.example/jobs/4"),
    ):
        assert run_cli("--db", db, "add", *args)[0] == 0
    return board_path


def events(board: Path, card: str) -> list[dict]:
    code, out, _ = run_cli("--db", str(board), "events", card, "--json")
    assert code == 0
    return json.loads(out)


def maildir(tmp_path: Path, names=SENDERS) -> Path:  # noqa: ANN001
    box = mailbox.Maildir(tmp_path / "jobs")
    for name in names:
        box.add((MAIL / name).read_bytes())
    return tmp_path / "jobs"


def test_without_yes_it_proposes_and_writes_nothing(board: Path) -> None:
    before = board.read_bytes()
    code, out, err = run_cli("--db", str(board), "inbox", str(MAIL / "rejection-b64.eml"))
    assert code == 0, err
    assert "card 3: Initech — QA Lead" in out and "read: a rejection" in out
    assert "would log: the move to Rejected on 2026-11-13" in out
    assert board.read_bytes() == before


def test_yes_logs_the_invite_as_an_interview(board: Path) -> None:
    code, out, err = run_cli("--db", str(board), "inbox", "--yes", str(MAIL / "invite.eml"))
    assert code == 0, err
    (interview,) = [e for e in events(board, "1") if e["kind"] == "interview"]
    assert interview["date"] == "2026-11-20" and interview["interview_kind"] == "technical"


def test_a_second_run_over_the_same_maildir_logs_nothing(board: Path, tmp_path: Path) -> None:
    folder = maildir(tmp_path)
    code, out, err = run_cli("--db", str(board), "inbox", "--yes", str(folder))
    assert code == 0, err
    assert out.count("  logged") == 3  # the reply, the slots, the rejection
    assert "acknowledgement" in out and "no card matches" in out
    after_first = board.read_bytes()
    code, again, _ = run_cli("--db", str(board), "inbox", "--yes", str(folder))
    assert code == 0 and "  logged" not in again and again.count("already read") == 3
    assert board.read_bytes() == after_first
    assert len(list((folder / "new").iterdir())) == len(SENDERS)  # the mail is left where it was


def test_an_mbox_is_read_message_by_message(board: Path, tmp_path: Path) -> None:
    box = mailbox.mbox(tmp_path / "export.mbox")
    for name in ("offer.eml", "newsletter.eml"):
        box.add((MAIL / name).read_bytes())
    box.flush()
    code, out, err = run_cli("--db", str(board), "inbox", "--json", str(tmp_path / "export.mbox"))
    assert code == 0, err
    records = json.loads(out)
    assert [r["outcome"] for r in records] == ["proposed", "no card"]
    assert records[0]["read"] == "an offer, to answer by 2026-11-27"


def test_stdin_is_one_message(board: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--db", str(board), "inbox", "--yes", "-"], input=(MAIL / "offer.eml").read_bytes()
    )
    assert result.exit_code == 0, result.output
    code, out, _ = run_cli("--db", str(board), "show", "1")
    assert "Offer" in out and "2026-11-27" in out


def test_a_binary_file_is_one_line_and_exit_1(board: Path) -> None:
    before = board.read_bytes()
    code, out, err = run_cli(
        "--db", str(board), "inbox", "--yes", str(MAIL / "binary.eml"), str(MAIL / "plain-reply.eml")
    )
    assert code == 1
    assert err.strip().splitlines() == [f"{MAIL / 'binary.eml'}: not read: this is a binary file, not an email."]
    assert "logged" in out and board.read_bytes() != before  # the good message still counts


def test_a_folder_that_is_not_a_maildir_is_refused(board: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = run_cli("--db", str(board), "inbox", str(tmp_path / "empty"))
    assert code == 1 and "not a Maildir" in err and "Traceback" not in err


def test_card_option_names_the_card(board: Path) -> None:
    code, out, _ = run_cli("--db", str(board), "inbox", "--card", "2", str(MAIL / "newsletter.eml"))
    assert code == 0 and "card 2: Globex" in out and "would log: heard_back" in out


def test_at_a_terminal_it_asks_and_another_card_can_be_picked(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jobboard.cli.inbox

    monkeypatch.setattr(jobboard.cli.inbox, "at_terminal", lambda: True)
    source = str(MAIL / "plain-reply.eml")
    answers = "p\n2\ny\n"  # pick another card: Globex (2), then yes
    result = CliRunner().invoke(cli, ["--db", str(board), "inbox", source], input=answers)
    assert result.exit_code == 0, result.output
    assert "card 2: Globex" in result.output and "  logged" in result.output
    assert [e["kind"] for e in events(board, "2")] == ["applied", "heard_back"]
    assert [e["kind"] for e in events(board, "1")] == ["applied"]
    no = CliRunner().invoke(cli, ["--db", str(board), "inbox", str(MAIL / "slots-qp.eml")], input="n\n")
    assert no.exit_code == 0 and "logged" not in no.output
    assert [e["kind"] for e in events(board, "1")] == ["applied"]


def test_without_a_source_a_piped_stdin_is_read(board: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(board), "inbox"], input=(MAIL / "rejection-b64.eml").read_bytes())
    assert result.exit_code == 0 and "would log: the move to Rejected" in result.output


def test_a_file_over_the_cap_is_one_line_and_not_read(board: Path, tmp_path: Path) -> None:
    from jobboard.formats.mail import MESSAGE_CAP

    huge = tmp_path / "huge.eml"
    with huge.open("wb") as handle:
        handle.truncate(MESSAGE_CAP + 1)  # sparse: its size is all that is looked at
    before = board.read_bytes()
    code, _, err = run_cli("--db", str(board), "inbox", "--yes", str(huge))
    assert code == 1 and err.strip() == f"{huge}: not read: the file is over the 25 MB cap for one message."
    assert board.read_bytes() == before


def test_a_message_dated_before_the_application_is_refused(board: Path, tmp_path: Path) -> None:
    old = (MAIL / "plain-reply.eml").read_text(encoding="utf-8").replace("10 Nov 2026", "10 Oct 2026")
    (tmp_path / "old.eml").write_text(old, encoding="utf-8")
    before = board.read_bytes()
    code, out, _ = run_cli("--db", str(board), "inbox", "--yes", str(tmp_path / "old.eml"))
    assert code == 0 and "refused: the message 'Re: Backend Engineer application'" in out
    assert "dated 2026-10-10, before the application to Acme" in out
    assert board.read_bytes() == before
