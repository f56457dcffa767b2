"""The side panel: the selected application's next step, its draft, details and timeline."""

from __future__ import annotations

import pendulum
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from jobboard.etiquette import PRINCIPLES, NextStep, when_text
from jobboard.model import STATUS_TITLES, Application
from jobboard.tui.board import DUE_MARK, OVERDUE_MARK, SNOOZE_MARK, many_lines, one_line

TIMELINE_LIMIT = 12

EVENT_WORDS = {
    "applied": "applied",
    "status": "moved to",
    "follow_up": "followed up",
    "heard_back": "heard back",
    "interview": "interview",
    "thank_you": "sent thanks",
    "acknowledged": "acknowledged the rejection",
    "feedback_requested": "asked for feedback",
    "feedback_received": "got feedback",
    "contacted_team": "talked to the team",
    "note": "note",
    "snooze": "snoozed until",
}


def _line(*parts: tuple[str, str] | str) -> Content:
    return Content.assemble(*parts, "\n")


def step_content(step: NextStep, today: pendulum.Date) -> Content:
    """The next step as the panel shows it: what, when, why, on what advice, the draft."""
    when = when_text(step, today)
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
        _line(""),
        _line(many_lines(step.why)),
    ]
    if step.principles:
        advice = " ".join(PRINCIPLES.get(p, p) for p in step.principles)
        parts += [_line(""), _line(("Why it works: ", "italic $text-muted"), (advice, "italic $text-muted"))]
    if step.draft:
        parts += [
            _line(""),
            _line(("DRAFT", "bold $accent"), ("  c copy · f done", "$text-muted")),
            _line((many_lines(step.draft), "")),
        ]
    return Content("").join(parts)


def details_content(application: Application, today: pendulum.Date) -> Content:
    from jobboard.dates import ago

    parts = [
        _line(("DETAILS", "bold $accent")),
        _line((one_line(application.company), "bold")),
        _line(one_line(application.role)),
        _line(("Status   ", "$text-muted"), STATUS_TITLES.get(application.status, application.status)),
        _line(
            ("Added    " if application.status == "wishlist" else "Applied  ", "$text-muted"),
            f"{application.applied_on.format('D MMM YYYY')} ({ago(application.applied_on, today)})",
        ),
    ]
    for label, value in (
        ("Contact", application.contact),
        ("Email", application.email),
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
    events = sorted(application.events, key=lambda e: e.date, reverse=True)
    parts = [_line(("TIMELINE", "bold $accent"))]
    if not events:
        parts.append(_line(("nothing logged yet", "$text-muted")))
    for event in events[:TIMELINE_LIMIT]:
        words = EVENT_WORDS.get(event.kind, event.kind)
        if event.kind == "status" and event.status:
            words += " " + STATUS_TITLES.get(event.status, event.status)
        detail = f" — {one_line(event.note)}" if event.note else ""
        parts.append(_line((event.date.format("D MMM YYYY") + "  ", "$text-muted"), words + detail))
    if len(events) > TIMELINE_LIMIT:
        parts.append(_line((f"… and {len(events) - TIMELINE_LIMIT} earlier", "$text-muted")))
    return Content("").join(parts)


class OneLayoutPass:
    """For the panel and its sections: when an update changes their height (another card, a
    new event), the layout pass that places them tells each its new size, and Textual would
    then ask for a second layout pass of the whole screen, repainting the panel twice per
    update. The new sizes are already in place, so they are taken without that second pass."""

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)  # type: ignore[misc]


class PanelSection(OneLayoutPass, Static):
    pass


class SidePanel(OneLayoutPass, VerticalScroll, can_focus=False):
    """What to do next for the selected card, and everything known about it."""

    def __init__(self, **kwargs) -> None:  # noqa: ANN003 - Widget's own arguments
        super().__init__(**kwargs)
        self._shown: dict[str | None, Content] = {}
        self._showing: str | None = None

    def compose(self):
        yield PanelSection(id="panel-keep-going", classes="keep-going")
        yield PanelSection(id="panel-step", classes="panel-section")
        yield PanelSection(id="panel-details", classes="panel-section")
        yield PanelSection(id="panel-timeline", classes="panel-section")

    def show(
        self,
        application: Application | None,
        step: NextStep | None,
        today: pendulum.Date,
        keep_going: str | None,
        empty_hint: str = "",
    ) -> None:
        note = self.query_one("#panel-keep-going", Static)
        self._set(note, Content.assemble(("KEEP GOING  ", "bold $success"), keep_going or ""), bool(keep_going))
        step_widget = self.query_one("#panel-step", Static)
        details = self.query_one("#panel-details", Static)
        timeline = self.query_one("#panel-timeline", Static)
        if application is None:
            self._set(step_widget, Content(empty_hint), True)
            self._set(details, Content(""), False)
            self._set(timeline, Content(""), False)
            return
        if application.id != self._showing:
            self._showing = application.id
            self.scroll_home(animate=False)
        self._set(step_widget, step_content(step, today) if step else Content(""), True)
        self._set(details, details_content(application, today), True)
        self._set(timeline, timeline_content(application), True)

    def _set(self, widget: Static, content: Content, shown: bool) -> None:
        """Update a section only when what it shows changed: each update costs a layout pass."""
        if widget.display != shown:
            widget.display = shown
        if self._shown.get(widget.id) != content:
            self._shown[widget.id] = content
            widget.update(content)
