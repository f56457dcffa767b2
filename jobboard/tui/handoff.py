"""The board's ways out: a link handed to the browser or the mail client, a draft to the clipboard.

Both used to claim success whatever happened (docs/handoffs.md). Now a link opens through an
opener whose answer is awaited (``xdg-open`` or macOS ``open``, exit status checked; Python's
``webbrowser`` where neither exists), and a text is copied through every channel there is:
the terminal's escape sequence (sent by the app), tmux's own buffer when ``$TMUX`` is set, and
the first clipboard tool found on ``PATH`` that takes it. What reports back says which worked.

A ``Handoff`` is given to the app (``JobBoardApp(handoff=...)``): tests hand it an opener of
their own and the environment to look the channels up in, so nothing real opens or is copied.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobboard.tui.app import JobBoardApp

# Opens a URL; answers None when it opened, or why not (a clause: "xdg-open ended with status 3").
Opener = Callable[[str], "str | None"]

OPEN_WAIT_SECONDS = 5.0  # an opener still running after this is showing what it opened
COPY_WAIT_SECONDS = 5.0  # a clipboard tool that takes longer is counted as failed

# The system clipboard tools, in the order they are tried, with the words that make them read
# the text from stdin into the clipboard (not the primary selection).
CLIPBOARD_TOOLS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("wl-copy", ()),
    ("xclip", ("-selection", "clipboard")),
    ("xsel", ("--clipboard", "--input")),
    ("pbcopy", ()),
)


def opener_name() -> str:
    """The platform's program for opening a URL with the user's chosen application."""
    return "open" if sys.platform == "darwin" else "xdg-open"


def open_with_system(url: str, environ: Mapping[str, str] | None = None) -> str | None:
    """Open ``url`` with the platform's opener and wait for its answer: None when it opened,
    else why not. An opener still at work after OPEN_WAIT_SECONDS is showing the page or the
    message (some wait for the mail client to close); it is left running and reaped later."""
    environ = os.environ if environ is None else environ
    name = opener_name()
    command = shutil.which(name, path=environ.get("PATH", ""))
    if command is None:
        import webbrowser  # honours $BROWSER; answers False when nothing could open the URL

        try:
            opened = webbrowser.open(url)
        except webbrowser.Error as error:
            return f"no browser could be started ({error})"
        return None if opened else f"{name} is not installed and no other browser could open it"
    try:
        process = subprocess.Popen(
            [command, url],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=dict(environ),
            start_new_session=True,  # a Ctrl+C on the board does not reach the mail client
        )
    except OSError as error:
        return f"{name} could not be started ({error.strerror or error})"
    try:
        status = process.wait(OPEN_WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        threading.Thread(target=process.wait, daemon=True).start()
        return None
    return None if status == 0 else f"{name} found nothing to open it with (it ended with status {status})"


def _fed(command: list[str], text: str, environ: Mapping[str, str]) -> str | None:
    """Run ``command`` with ``text`` on stdin: None when it took it, else why not."""
    try:
        done = subprocess.run(
            command,
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,  # a tool that forks to serve the clipboard keeps no pipe of ours
            stderr=subprocess.DEVNULL,
            env=dict(environ),
            timeout=COPY_WAIT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "it did not answer"
    except OSError as error:
        return f"it could not be started ({error.strerror or error})"
    return None if done.returncode == 0 else f"it ended with status {done.returncode}"


@dataclass(frozen=True)
class Copied:
    """Where a copied text went: the channels that took it, and those there that refused it."""

    took: tuple[str, ...] = ()  # in words: "tmux's buffer", "the clipboard (xclip)"
    refused: tuple[str, ...] = ()  # in words: "tmux (it ended with status 1)"

    def sentence(self, what: str, terminal: str = "the terminal") -> str:
        """One sentence for the user: ``what`` copied to which channels. The terminal's escape
        sequence is always sent but never answers, so alone it is reported as sent."""
        if not self.took:
            words = f"Sent {what.lower()} to {terminal}'s clipboard (no tmux or clipboard tool took it here)"
        else:
            words = f"Copied {what.lower()} to {and_list(list(self.took))}, and sent it to {terminal}'s clipboard"
        if self.refused:
            words += f"; {and_list(list(self.refused))} refused it"
        return f"{words}."


def and_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


@dataclass
class Handoff:
    """The opener and the environment (PATH, TMUX) the board hands links and texts out through."""

    opener: Opener | None = None  # None: the platform's opener (open_with_system)
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)

    def open(self, url: str) -> str | None:
        """Open ``url``: None when it opened, else why not. Blocks: call it from a thread."""
        if self.opener is not None:
            return self.opener(url)
        return open_with_system(url, self.environ)

    def copy(self, text: str) -> Copied:
        """Copy ``text`` to tmux's buffer (inside tmux) and the first clipboard tool that takes it.
        Blocks: call it from a thread. The terminal's escape sequence is the app's to send."""
        took: list[str] = []
        refused: list[str] = []
        path = self.environ.get("PATH", "")
        tmux = shutil.which("tmux", path=path) if self.environ.get("TMUX") else None
        if tmux is not None:
            # -w also hands it to the terminal outside tmux, even with set-clipboard external.
            why = _fed([tmux, "load-buffer", "-w", "-"], text, self.environ)
            if why is not None:  # a tmux before 3.2 does not know -w
                why = _fed([tmux, "load-buffer", "-"], text, self.environ)
            if why is None:
                took.append("tmux's buffer")
            else:
                refused.append(f"tmux ({why})")
        tools_refused = []
        for name, words in CLIPBOARD_TOOLS:
            tool = shutil.which(name, path=path)
            if tool is None:
                continue
            why = _fed([tool, *words], text, self.environ)
            if why is None:
                took.append(f"the clipboard ({name})")
                break
            tools_refused.append(f"{name} ({why})")  # xclip with no X display: the next may work
        else:
            refused += tools_refused
        return Copied(tuple(took), tuple(refused))


@dataclass(frozen=True)
class Opened:
    """What came of opening a link."""

    why_not: str | None = None  # None: it opened
    by_page: bool = False  # under `jobboard serve` the page was asked to open it, and cannot answer


def open_link(app: JobBoardApp, url: str, then: Callable[[Opened], None]) -> None:
    """Open ``url`` and call ``then`` on the UI thread with what came of it. In a browser
    (`jobboard serve`) the page opens it; in a terminal the handoff's opener, in a thread, as
    the opener may take a few seconds to answer."""
    if app.is_web:
        app.open_url(url)
        then(Opened(by_page=True))
        return

    def opening() -> None:
        why_not = app.handoff.open(url)
        app.call_from_thread(then, Opened(why_not))

    app.run_worker(opening, thread=True, group="handoff", exit_on_error=False)


def copy_text(app: JobBoardApp, text: str, what: str, then: Callable[[str], None]) -> None:
    """Copy ``text`` through every channel there is, then call ``then`` on the UI thread with
    one sentence saying which took it (``what`` names the text: "The draft")."""
    app.copy_to_clipboard(text)  # Textual's escape sequence, to the terminal or the browser page
    if app.is_web:  # tmux and the clipboard tools are the server's, not the reader's
        then(f"Copied {what.lower()} to the browser's clipboard.")
        return

    def copying() -> None:
        copied = app.handoff.copy(text)
        app.call_from_thread(then, copied.sentence(what))

    app.run_worker(copying, thread=True, group="handoff", exit_on_error=False)
