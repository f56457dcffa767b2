"""Keeping applications from the board: n (new), e/enter (edit), P (people), d (delete), E (notes in
$EDITOR), o (open the posting), x (markdown export) and S (stats).

A mixin of BoardScreen: it expects ``self.jobboard`` (the app) and ``self.selected``.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum
from textual.app import SuspendNotSupported

from jobboard.core.model import ALL_STATUSES, Application, Event, new_application, now_utc
from jobboard.core.people import with_main_contact
from jobboard.formats.printable import one_line

if TYPE_CHECKING:
    from jobboard.tui.forms import ApplicationFields
    from jobboard.tui.hosts import BoardKeys


def edited(application: Application, fields: ApplicationFields, today: pendulum.Date) -> Application:
    """The application as the form left it; a new column or applied date is logged too."""
    changed = application.copy(
        company=fields.company,
        role=fields.role,
        tags=list(fields.tags),
        people=with_main_contact(application.people, fields.contact, fields.email),
        updated=now_utc(),
        **fields.text,
    )
    if fields.posting:  # the URL was read again in the form: the card keeps what it says now
        changed.posting = fields.posting
    if fields.applied_on != application.applied_on:
        changed.applied_on = fields.applied_on
        changed.events = [
            Event("applied", fields.applied_on, e.note) if e.kind == "applied" else e for e in changed.events
        ]
    if fields.status != application.status:
        from jobboard.core.validation import moved

        on = fields.moved_on or today
        if application.status == "wishlist" and fields.moved_on is None and fields.applied_on != application.applied_on:
            on = fields.applied_on  # leaving the Wishlist: the applied date typed is the day it went out
        changed = moved(changed, fields.status, on, today)
    elif fields.moved_on is not None:
        # A new "in column since" for the column it is in: the move there is re-dated.
        moves = [i for i, e in enumerate(changed.events) if e.kind == "status" and e.status == changed.status]
        if moves:
            latest = max(moves, key=lambda i: changed.events[i].date)
            changed.events[latest] = changed.events[latest]._replace(date=fields.moved_on)
    return changed


class CardActions:
    def action_new_application(self: BoardKeys, focus: str = "company") -> None:
        from jobboard.tui.forms import ApplicationForm  # the form's widgets load on first use

        app = self.jobboard
        # A new application starts in Applied, whatever column the cursor is on; in the Wishlist
        # only when that column is shown and chosen (a job saved for later).
        active = self.column_views[self.active_column].status if self.column_views else "applied"
        column = "wishlist" if active == "wishlist" else "applied"

        def add(fields: ApplicationFields | None) -> None:
            if fields is None:
                return
            app.add_application(
                lambda app_id: new_application(
                    app_id,
                    fields.company,
                    fields.role,
                    status=fields.status,
                    applied_on=fields.applied_on,
                    moved_on=fields.moved_on,
                    recorded_on=app.today,  # the app's clock, not the system's
                    tags=fields.tags,
                    contact=fields.contact,
                    email=fields.email,
                    people=None,
                    **fields.text,
                ).copy(posting=fields.posting)
            )

        start = {"status": column, "applied": "today"}
        app.push_screen(ApplicationForm(ALL_STATUSES, start, editing=False, focus=focus), add)

    def action_capture_posting(self: BoardKeys) -> None:
        """C: a new card from a posting: the form opens on its URL; Enter reads the page."""
        self.action_new_application(focus="url")

    def action_edit(self: BoardKeys, focus: str = "company") -> None:
        from jobboard.tui.forms import ApplicationForm, fields_of

        application = self.selected
        if application is None:
            return
        app = self.jobboard

        def save(fields: ApplicationFields | None) -> None:
            if fields is not None:
                app.change(application.id, lambda a: edited(a, fields, app.today), "edit", opened=application)
                self.notify(f"Saved {one_line(fields.company)}.", timeout=2)

        app.push_screen(
            # Every status, shown as a column or not: a card in a hidden column keeps its own.
            ApplicationForm(ALL_STATUSES, fields_of(application), editing=True, application=application, focus=focus),
            save,
        )

    def action_edit_people(self: BoardKeys) -> None:
        """The people editor; what it saves replaces the card's people as the editor showed them."""
        from jobboard.tui.people_form import PeopleForm

        application = self.selected
        if application is None:
            return
        app = self.jobboard

        def save(people: list | None) -> None:
            if people is not None:
                app.change(application.id, lambda a: a.copy(people=people), "edit of the people", opened=application)
                self.notify(f"Saved the people of {one_line(application.company)}.", timeout=2)

        title = f"{one_line(application.company)} — {one_line(application.role)}"
        app.push_screen(PeopleForm(title, application.people), save)

    def action_archive(self: BoardKeys) -> None:
        """A: put the card away (off the board, the agenda, the exports and stats), or, in the
        archive (ctrl+a), bring it back. u undoes either."""
        application = self.selected
        if application is None:
            return
        archived = not application.archived
        self.jobboard.change(
            application.id, lambda a: a.copy(archived=archived), "archive" if archived else "unarchive"
        )
        if archived:
            self.notify(
                f"Archived {one_line(application.company)}. ctrl+a shows the archive; u undoes.",
                timeout=3,
            )
        else:
            self.notify(f"Brought {one_line(application.company)} back to the board.", timeout=3)

    def action_toggle_archive(self: BoardKeys) -> None:
        """ctrl+a: the archived cards on the board instead of the active ones, and back."""
        self.show_archived = not self.show_archived
        self.refresh_board()
        if self.show_archived:
            self.notify("The archive: A brings a card back, ctrl+a returns to the board.", timeout=3)

    def action_delete(self: BoardKeys) -> None:
        from jobboard.tui.screens import ConfirmScreen

        application = self.selected
        if application is None:
            return
        app = self.jobboard

        def confirmed(yes: bool | None) -> None:
            if yes:
                app.delete_application(application.id)
                self.notify(f"Deleted {one_line(application.company)}. u brings it back.", timeout=4)
            else:
                self.notify(f"Kept {one_line(application.company)}: nothing was deleted.", timeout=3)

        question = f"Delete {one_line(application.company)} — {one_line(application.role)}?"
        app.push_screen(ConfirmScreen(question, yes="Delete"), confirmed)

    def action_edit_notes(self: BoardKeys) -> None:
        """Notes in the user's editor; the form when no $VISUAL/$EDITOR is set."""
        application = self.selected
        if application is None:
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            self.notify("No $EDITOR is set, so the notes open in the form.", timeout=3)
            self.action_edit(focus="notes")
            return
        import shlex  # only for $EDITOR: not on the start path

        with tempfile.TemporaryDirectory(prefix="jobboard-notes-") as folder:
            notes_file = Path(folder) / f"{application.id}-notes.md"
            notes_file.write_text(application.notes, encoding="utf-8")
            try:
                with self.jobboard.suspend():
                    ran = subprocess.run([*shlex.split(editor), str(notes_file)], check=False)
            except SuspendNotSupported:  # a browser (jobboard serve) cannot hand the terminal over
                self.notify("Your editor cannot open here, so the notes open in the form.", timeout=3)
                self.action_edit(focus="notes")
                return
            except (OSError, ValueError) as error:
                self.notify(f"Could not run the editor '{editor}': {error}", severity="error")
                return
            if ran.returncode != 0:  # vim's :cq, an editor that failed: as git does, keep nothing
                self.notify(f"The editor quit with status {ran.returncode}; the notes are unchanged.", timeout=4)
                return
            try:
                notes = notes_file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:  # removed, or saved in another encoding
                why = "it is not UTF-8 text" if isinstance(error, UnicodeDecodeError) else error.strerror or error
                self.notify(f"Could not read the notes back ({why}); they are unchanged.", severity="error")
                return
        if notes != application.notes:
            self.jobboard.change(application.id, lambda a: a.copy(notes=notes, updated=now_utc()), "edit of the notes")
            self.notify("Notes saved.", timeout=2)

    def action_open_posting(self: BoardKeys) -> None:
        application = self.selected
        if application is None:
            return
        if not application.url:
            self.notify("This application has no posting URL; e adds one.")
            return
        from jobboard.core.fields import check_url

        try:  # a board from an older version may hold a javascript: or file: link
            url = check_url(application.url)
        except ValueError as error:
            self.notify(f"The posting's address is {error}; e fixes it.", severity="error")
            return
        from jobboard.tui.handoff import Opened, open_link
        from jobboard.tui.screens import HandOverScreen

        def opened(result: Opened) -> None:
            if result.why_not is None:
                asked = "Asked your browser to open" if result.by_page else "Opened"
                self.notify(f"{asked} {one_line(url)}", timeout=2)
                return
            problem = f"The posting did not open: {result.why_not}. Here is its address to copy."
            self.jobboard.push_screen(HandOverScreen(problem, url))

        open_link(self.jobboard, url, opened)

    def action_view_posting(self: BoardKeys) -> None:
        """v: the posting the card was captured from (C, `add --from`), to read again."""
        application = self.selected
        if application is None:
            return
        if not application.posting:
            self.notify("This card has no captured posting; C captures one from its URL.")
            return
        from jobboard.tui.posting_screen import PostingScreen

        self.jobboard.push_screen(PostingScreen(application))

    def action_export_markdown(self: BoardKeys) -> None:
        """Write the markdown report to export_name (a setting) in the current folder, from
        the writer thread (a large board takes a moment to write)."""
        from jobboard.formats.export import to_markdown
        from jobboard.storage.safefile import atomic_write
        from jobboard.tui.writer import Exported, WriteFailed

        app = self.jobboard
        applications = [a for a in app.board.values() if not a.archived]
        today, columns, rules = app.today, app.columns, app.settings.etiquette
        target = Path(app.settings.export_name.replace("{date}", today.isoformat())).expanduser().absolute()

        def write(_store: object) -> Exported | WriteFailed:
            text = to_markdown(applications, today, columns, rules)
            try:
                atomic_write(target, text.encode("utf-8"))
            except OSError as error:
                return WriteFailed(f"could not write {target}: {error.strerror or error}")
            return Exported(target)

        app.writer.submit(write)

    def action_stats(self: BoardKeys) -> None:
        from jobboard.tui.stats_screen import StatsScreen

        app = self.jobboard
        active = [a for a in app.board.values() if not a.archived]  # as `jobboard stats` counts
        self.jobboard.push_screen(StatsScreen(active, app.today, app.columns))
