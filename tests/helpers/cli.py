"""The command line run in-process, as the tests see it: (exit status, stdout, stderr)."""

from __future__ import annotations

import contextlib
import io

import pytest

from jobboard.cli.main import main


def run_cli(*argv: str) -> tuple[int, str, str]:
    """``jobboard ARGV...`` in this process, its output captured without pytest's help."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(argv))
        except SystemExit as exit_info:
            return exit_info.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``jobboard ARGV...`` in this process, its output read through pytest's ``capsys``."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err
