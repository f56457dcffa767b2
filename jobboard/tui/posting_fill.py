"""The form's posting field: a URL typed there fills company, role, location and salary.

Enter in the URL field (or ctrl+f anywhere in the form) reads the posting at that address
with jobboard/capture.py in a thread worker, so the screen never waits on the network. What
was read fills the fields still empty and is shown under the URL before anything is saved;
the posting itself goes with the card when it is saved (docs/capture.md). A page that cannot
be read is one line under the URL, and the form stays as it was. A posting already on the
board is said the same way `add --from` says it; saving adds it anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from jobboard.core.fields import check_url
from jobboard.formats.printable import one_line
from jobboard.tui.dialog import Answer, Dialog
from jobboard.tui.hosts import jobboard_app
from jobboard.tui.lines import as_sentence

if TYPE_CHECKING:
    from jobboard.core.model import Application
    from jobboard.formats.posting import Posting

# The fields a posting fills when they are empty: (form field, what the posting calls it).
FILLED = (("company", "company"), ("role", "role"), ("location", "location"), ("salary", "salary"))


class PostingFill(Dialog[Answer]):
    """ApplicationForm's base: its ``posting`` is what the page at the URL said."""

    initial: dict[str, str]  # the form's starting values
    application: Application | None  # the card being edited, if any
    posting: dict[str, str]
    posting_url = ""  # the address ``posting`` was read from
    twin_warned: tuple[str, ...] = ()  # the card already there, and the url, company and role it was said for

    def posting_note(self) -> Static:
        note = Static("", id="posting-note", markup=False)
        note.display = False
        return note

    def say_about_posting(self, text: str) -> None:
        note = self.query_one("#posting-note", Static)
        note.update(one_line(text))
        note.display = bool(text)

    def wants_posting(self) -> bool:
        """Is the URL a web page not read yet (Enter there reads it rather than saves)?"""
        url = self.query_one("#field-url", Input).value.strip()
        fresh = url not in (self.posting_url, self.initial.get("url", ""))
        return fresh and url.lower().startswith(("http://", "https://"))

    def action_fill_from_posting(self) -> None:
        """ctrl+f, a priority key (a field's own ctrl+f deletes a word): it runs as it arrives,
        maybe before the URL field has taken the letters or the paste sent just before it, so
        the address is read once the field has (its own queue, in order)."""
        self.query_one("#field-url", Input).call_later(self.fill_from_posting)

    def fill_from_posting(self) -> None:
        try:
            url = check_url(self.query_one("#field-url", Input).value)
        except ValueError as error:
            self.say_about_posting(as_sentence(error))
            return
        if not url.lower().startswith(("http://", "https://")):
            self.say_about_posting("Type the posting's web address (https://...) to read it.")
            return
        self.say_about_posting(f"Reading {url} ...")
        self.read_posting(url, jobboard_app(self).settings.capture_timeout)

    @work(thread=True, exclusive=True, group="posting", exit_on_error=False)
    def read_posting(self, url: str, timeout: float) -> None:
        from jobboard.capture import CaptureError, capture

        try:
            found: Posting | str = capture(url, timeout=timeout)
        except CaptureError as error:
            found = f"Could not read the posting: {error}."
        if get_current_worker().is_cancelled:
            return  # the form was closed while the page was read: nothing is left to fill
        if isinstance(found, str):
            self.app.call_from_thread(self.say_about_posting, found)
        else:
            self.app.call_from_thread(self.posting_read, url, found)

    def posting_read(self, url: str, found: Posting) -> None:
        """Fill the empty fields from ``found`` and say what was read (and if it is a duplicate)."""
        from jobboard.core.duplicates import already_there, already_there_sentence
        from jobboard.core.model import now_utc
        from jobboard.core.posting_kept import closed_warning
        from jobboard.formats.posting import kept_posting

        if self.query_one("#field-url", Input).value.strip() != url:
            return  # the address changed while the page was read: this answer is for another one
        for name, attribute in FILLED:
            field = self.query_one(f"#field-{name}", Input)
            if not field.value.strip():
                field.value = getattr(found, attribute)
        app = jobboard_app(self)
        self.posting = kept_posting(found, url, app.today.isoformat(), now_utc().to_iso8601_string())
        self.posting_url = url
        company, role = (self.query_one(f"#field-{name}", Input).value for name in ("company", "role"))
        read = ", ".join(value for value in (found.company, found.role, found.location, found.salary) if value)
        words = [f"Read from the page: {read or 'nothing but a title'}"]
        if found.from_title:
            words.append("(a guess from the page title)")
        if closed := closed_warning(self.posting, app.today):
            words.append(f"Note: {closed}.")
        twin = already_there(app.board.values(), url, company, role, app.today)
        if twin is not None and twin.id != (self.application.id if self.application else None):
            words.append(f"Careful: {already_there_sentence(twin, app.today)}; ctrl+s adds it anyway.")
            self.twin_warned = (twin.id, url, company, role)  # said: the next save is not stopped
        self.say_about_posting(" ".join(words))
