"""The side panel: the selected application's next step, its draft, details and timeline."""

from __future__ import annotations

import pendulum
from rich.segment import Segment
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from jobboard.core.addressing import Addressee, addressee
from jobboard.core.drafts import sources_of
from jobboard.core.etiquette import PRINCIPLES, NextStep, when_text
from jobboard.core.last_contact import last_contact
from jobboard.core.model import Application, status_title
from jobboard.core.people import person_line
from jobboard.core.timeline import describe
from jobboard.formats.printable import many_lines, one_line
from jobboard.tui.lines import DUE_MARK, OVERDUE_MARK, SNOOZE_MARK, on_thumb

TIMELINE_LIMIT = 12


def _line(*parts: tuple[str, str] | str) -> Content:
    return Content.assemble(*parts, "\n")


def step_content(
    step: NextStep,
    today: pendulum.Date,
    name_hint: str = "",
    to: Addressee | None = None,
    sent: bool = False,
    contact: pendulum.Date | None = None,
    holidays: str = "",
) -> Content:
    """The next step as the panel shows it: what, when, the card's last ``contact`` (when
    given), why, on what advice, the draft (with whom it is for; once ``m`` has opened it
    (``sent``), the reminder that f marks it done; and, under a draft signed "[your name]",
    ``name_hint``: how to set the name)."""
    from jobboard.core.dates import short_date

    when = when_text(step, today, holidays)
    if step.snoozed_until is not None:
        mark, style = SNOOZE_MARK, "$text-muted"
    elif step.state == "overdue":
        mark, style = OVERDUE_MARK, "bold $overdue-marker"
    elif step.state == "due":
        mark, style = DUE_MARK, "bold $due-marker"
    else:
        mark, style = "·", "$text-muted"
    parts: list[Content] = [
        _line(("NEXT STEP", "bold $accent")),
        _line((f"{mark} ", style), (one_line(step.title), "bold")),
        _line((when, style)),
    ]
    if contact is not None:
        parts.append(_line((f"Last contact: {short_date(contact, today)}", "$text-muted")))
    if step.draft and name_hint:  # near the top: below the fold it is never read
        parts.append(_line((one_line(name_hint), "italic $warning")))
    parts += [_line(""), _line(many_lines(step.why))]
    if step.principles:
        # The reason above states this card's facts; this says why the step helps, principle
        # by principle, then the articles they come from.
        parts += [_line(""), _line(("WHY IT WORKS", "bold $accent"))]
        for principle in step.principles:
            label = "" if principle == "common practice" else f" ({principle})"
            parts.append(_line("· ", PRINCIPLES.get(principle, principle), (label, "$text-muted")))
        parts.append(_line((sources_of(step.principles), "italic $text-muted")))
    if step.draft:
        parts += [
            _line(""),
            _line(("DRAFT", "bold $accent"), ("  m send · c copy · f done", "$text-muted")),
        ]
        if to is not None:
            parts.append(_line(("To ", "$text-muted"), one_line(to.words)))
        if sent:
            parts.append(_line(("Sent it? f marks this step done.", "bold $success")))
        parts.append(_line((many_lines(step.draft), "")))
    return Content("").join(parts)


def details_content(application: Application, today: pendulum.Date) -> Content:
    from jobboard.core.dates import ago, day_month_year, short_date

    parts = [
        _line(("DETAILS", "bold $accent")),
        _line((one_line(application.company), "bold")),
        _line(one_line(application.role)),
        _line(("Status   ", "$text-muted"), status_title(application.status)),
        _line(
            ("Added    " if application.status == "wishlist" else "Applied  ", "$text-muted"),
            f"{day_month_year(application.applied_on)} ({ago(application.applied_on, today)})",
        ),
    ]
    for index, person in enumerate(application.people):
        parts.append(_line((f"{'People' if index == 0 else '':<9}", "$text-muted"), one_line(person_line(person))))
    due = application.deadline
    deadline = f"answer by {short_date(due, today)}" if due is not None else ""
    for label, value in (
        ("Offer", " · ".join(p for p in (application.offer_amount, deadline, application.offer_note) if p)),
        ("Where", application.location),
        ("Salary", application.salary),
        ("Source", application.source),
        ("URL", application.url),
    ):
        if value:
            parts.append(_line((f"{label:<9}", "$text-muted"), one_line(value)))
    if application.tags:
        parts.append(_line(("Tags     ", "$text-muted"), one_line(", ".join(application.tags))))
    if application.notes:
        parts += [_line(""), _line(("Notes", "$text-muted")), _line(many_lines(application.notes))]
    return Content("").join(parts)


def timeline_content(application: Application) -> Content:
    from jobboard.core.dates import day_month_year

    events = sorted(application.events, key=lambda e: e.date, reverse=True)
    parts = [_line(("TIMELINE", "bold $accent"), ("  t edit", "$text-muted"))]
    if not events:
        parts.append(_line(("nothing logged yet", "$text-muted")))
    for event in events[:TIMELINE_LIMIT]:
        parts.append(_line((day_month_year(event.date) + "  ", "$text-muted"), one_line(describe(event))))
    if len(events) > TIMELINE_LIMIT:
        parts.append(_line((f"… and {len(events) - TIMELINE_LIMIT} earlier", "$text-muted")))
    return Content("").join(parts)


class SidePanel(ScrollView, can_focus=False):
    """What to do next for the selected card, and everything known about it.

    One widget that draws its own lines, like the columns: an update wraps the sections into
    lines once and repaints, so a card move or a new selection never costs a layout pass of
    the screen (four Static sections in a scrolling container did, and the container's
    scrollbar widget was repainted three times per move on top of that).
    """

    COMPONENT_CLASSES = {"panel--keep-going", "panel--scrollbar"}

    def __init__(self, **kwargs) -> None:  # noqa: ANN003 - Widget's own arguments
        super().__init__(**kwargs)
        self.sections: tuple[Content, ...] = ()  # keep-going note (or empty), step, details, timeline
        self._showing: str | None = None
        self._lines: list[Strip] = []
        self._wrapped_for: tuple | None = None
        self._below = self._edge = self._thumb = Strip([])  # made with the lines, see render_line

    @property
    def text(self) -> str:
        """The panel's words, section after section, without their styles (tests read this)."""
        return "\n\n".join(section.plain for section in self.sections if section)

    def show(
        self,
        application: Application | None,
        step: NextStep | None,
        today: pendulum.Date,
        keep_going: str | None,
        empty_hint: str = "",
        name_hint: str = "",
        sent: bool = False,
        holidays: str = "",
        at: str | None = None,
    ) -> None:
        note = Content.assemble(("KEEP GOING  ", "bold $success"), keep_going) if keep_going else Content("")
        if application is None:
            sections: tuple[Content, ...] = (note, Content(empty_hint))
        else:
            to = addressee(application, step.rule, today) if step else None
            # A Wishlist card has sent nothing yet: no contact to speak of.
            contact = last_contact(application, today, at) if application.status != "wishlist" else None
            sections = (
                note,
                step_content(step, today, name_hint, to, sent, contact, holidays) if step else Content(""),
                details_content(application, today),
                timeline_content(application),
            )
            if application.id != self._showing:
                self._showing = application.id
                self.scroll_to(y=0, animate=False)
        if sections != self.sections:
            self.sections = sections
            self.refresh()

    def _wrap(self, width: int) -> list[Strip]:
        """Every line of the sections at ``width`` cells, a blank line after each; the note
        sits on its own background with a cell of padding each side."""
        base = self.visual_style
        blank = Strip.blank(width, base.rich_style)
        lines: list[Strip] = []
        note, *rest = self.sections or (Content(""),)
        if note:
            style = self.get_visual_style("panel--keep-going")
            pad = Strip.blank(1, style.rich_style)
            for strip in Visual.to_strips(self, note, max(width - 2, 1), None, style, pad=True):
                lines.append(Strip.join([pad, strip, pad]))
            lines.append(blank)
        for section in rest:
            if section:
                section = section.rstrip("\n")  # each section's last line ends in a newline
                lines += Visual.to_strips(self, section, width, None, base, pad=True)
                lines.append(blank)
        return lines

    def render_line(self, y: int) -> Strip:
        width, height = self.container_size
        text_width = max(width - 1, 1)  # the last cell is the slim scrollbar
        key = (self.sections, text_width)
        if key != self._wrapped_for:
            self._wrapped_for = key
            self._lines = self._wrap(text_width)
            # Set without the layout pass a changed virtual size would ask for: the panel's
            # place on screen does not depend on it, only how far it scrolls.
            self.set_reactive(SidePanel.virtual_size, Size(width, len(self._lines)))
            # The strips every row reuses, made here rather than per row: a component style is
            # looked up by walking the stylesheet, and this reruns on a resize or a new theme.
            self._below = Strip.blank(text_width, self.rich_style)
            self._edge = Strip.blank(1, self.rich_style)
            self._thumb = Strip([Segment("▐", self.get_component_rich_style("panel--scrollbar"))], 1)
        top = int(self.scroll_y)
        row = y + top
        text = self._lines[row] if row < len(self._lines) else self._below
        edge = self._thumb if on_thumb(y, top, height, len(self._lines)) else self._edge
        return Strip.join([text, edge])

    def render_lines(self, crop: Region) -> list[Strip]:
        # Before the panel has anything to say (the first paint), every row is the same.
        return (not self.sections and self._repeated_row(crop)) or super().render_lines(crop)

    def _repeated_row(self, crop: Region) -> list[Strip] | None:
        """Textual's lines when every row looks the same: one row drawn by Textual, used for
        every row. None when the CSS gives the panel a top or bottom edge, where rows differ."""
        styles = self.styles
        edges = (styles.border_top, styles.border_bottom, styles.outline_top, styles.outline_bottom)
        if any(edge for edge, _ in edges) or styles.padding.top or styles.padding.bottom:
            return None
        return super().render_lines(Region(crop.x, crop.y, crop.width, 1)) * crop.height

    def on_resize(self) -> None:
        self._wrapped_for = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._wrapped_for = None  # the lines carry the theme's colours: wrap them again
