"""The command line run in-process through click's CliRunner: (exit status, stdout, stderr).

An exception the CLI does not turn into one line is raised in the test (``catch_exceptions=False``):
a traceback is a failure, never an exit status of 1.
"""

from __future__ import annotations

from click.testing import CliRunner

from jobboard.cli.main import cli


def run_cli(*argv: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    """``jobboard ARGV...`` in this process, with ``stdin`` as its standard input."""
    result = CliRunner().invoke(cli, list(argv), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr
