"""A sample job hunt for `jobboard demo`: dates relative to today, every etiquette rule shown.

Calendar offsets are chosen with room to spare over the business-day timings, so that each
card lands on the rule it is meant to show whatever weekday the demo runs on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pendulum

from jobboard.core.model import Application, Event, new_application
from jobboard.core.people import Person

# (company, role, status, applied days ago, extra fields, events as (kind, days ago, extra))
Sample = tuple[str, str, str, int, dict[str, Any], list[tuple[str, int, dict[str, str]]]]

SAMPLES: list[Sample] = [
    (
        "Northwind Labs",
        "Platform Engineer",
        "wishlist",
        0,
        {"url": "https://northwind.example/jobs/42", "source": "Referral", "location": "Remote"},
        [],
    ),
    (
        "Acme Robotics",
        "Backend Engineer",
        "applied",
        12,
        {
            "contact": "Dana Whitfield",
            "email": "dana@acme.example",
            "location": "Berlin",
            "salary": "€70-80k",
            "source": "LinkedIn",
            "url": "https://acme.example/careers/backend",
        },
        [],
    ),
    ("Globex", "Data Engineer", "applied", 2, {"location": "Lisbon", "source": "Company site"}, []),
    (
        "Umbrella Health",
        "Site Reliability Engineer",
        "applied",
        21,
        {
            "contact": "Priya Raman",
            "email": "priya@umbrella.example",
            "source": "Recruiter",
            "people": [Person("Leon Kennedy", "hiring_manager", profile="https://www.linkedin.com/in/leon-example")],
        },
        [("follow_up", 9, {})],
    ),
    (
        "Hooli",
        "Python Developer",
        "applied",
        40,
        {"location": "Remote", "source": "Job board"},
        [("follow_up", 25, {}), ("follow_up", 12, {})],
    ),
    (
        "Stark Industries",
        "Full-stack Developer",
        "applied",
        4,
        {"contact": "Sam Ortiz"},
        [("heard_back", 1, {"note": "Recruiter says shortlist next week"})],
    ),
    (
        "Vandelay Imports",
        "DevOps Engineer",
        "applied",
        15,
        {"notes": "Asked to hear back after their hiring freeze"},
        [("snooze", -3, {"note": "They asked for a week"})],
    ),
    (
        "Initech",
        "Software Engineer",
        "interviewed",
        14,
        {"contact": "Bill Lumbergh", "location": "Austin"},
        [("heard_back", 9, {}), ("status", 9, {"status": "interviewed"}), ("interview", -1, {})],
    ),
    (
        "Soylent Corp",
        "Machine Learning Engineer",
        "interviewed",
        10,
        {"contact": "Mara Quinn", "tags": "ml"},
        [("heard_back", 6, {}), ("status", 6, {"status": "interviewed"}), ("interview", 1, {})],
    ),
    (
        "Wayne Enterprises",
        "Security Engineer",
        "interviewed",
        30,
        {"contact": "Lucius Fox"},
        [
            ("heard_back", 22, {}),
            ("status", 22, {"status": "interviewed"}),
            ("interview", 12, {}),
            ("thank_you", 11, {}),
        ],
    ),
    (
        "Cyberdyne",
        "Embedded Engineer",
        "interviewed",
        20,
        {},
        [
            ("heard_back", 15, {}),
            ("status", 15, {"status": "interviewed"}),
            ("interview", 4, {}),
            ("thank_you", 3, {}),
            ("heard_back", 1, {"note": "Second round being scheduled"}),
        ],
    ),
    (
        "Massive Dynamic",
        "Research Engineer",
        "rejected",
        18,
        {"contact": "Nina Sharp"},
        [("status", 0, {"status": "rejected"})],
    ),
    (
        "Oscorp",
        "Frontend Engineer",
        "rejected",
        25,
        {},
        [("status", 5, {"status": "rejected"}), ("acknowledged", 5, {})],
    ),
    (
        "Tyrell Corp",
        "Staff Engineer",
        "rejected",
        45,
        {"contact": "Rachael Tyrell", "people": [Person("Jared Dunn", "referrer", "jared@example.org")]},
        [
            ("status", 20, {"status": "rejected"}),
            ("acknowledged", 20, {}),
            ("feedback_requested", 16, {}),
            ("feedback_received", 2, {"note": "Wanted more Kubernetes"}),
        ],
    ),
    (
        "Pied Piper",
        "Compression Engineer",
        "rejected",
        30,
        {"contact": "Monica Hall"},
        [
            ("status", 10, {"status": "rejected"}),
            ("acknowledged", 10, {}),
            ("feedback_requested", 6, {"note": "Asked what the final round looked for"}),
        ],
    ),
    (
        "Aperture Science",
        "QA Automation Engineer",
        "silent",
        60,
        {},
        [("follow_up", 50, {}), ("follow_up", 42, {}), ("status", 34, {"status": "silent"})],
    ),
    (
        "Black Mesa",
        "Systems Programmer",
        "silent",
        30,
        {"location": "New Mexico"},
        [("follow_up", 22, {}), ("status", 3, {"status": "silent"})],
    ),
    (
        "Gringotts",
        "Platform Engineer",
        "offer",
        35,
        {"contact": "Ada Quill", "email": "ada@gringotts.example", "offer_amount": "€82k + equity", "answer_in": 9},
        [
            ("heard_back", 28, {}),
            ("status", 28, {"status": "interviewed"}),
            ("interview", 20, {}),
            ("thank_you", 19, {}),
            ("status", 0, {"status": "offer"}),
            ("offer", 0, {"note": "€82k + equity"}),
        ],
    ),
    (
        "Wonka Industries",
        "Staff Engineer",
        "offer",
        40,
        {"contact": "Charlie Bucket", "email": "charlie@wonka.example"},
        [
            ("heard_back", 30, {}),
            ("status", 30, {"status": "interviewed"}),
            ("interview", 25, {}),
            ("thank_you", 24, {}),
            ("status", 6, {"status": "offer"}),
            ("offer", 6, {}),
            ("offer_acknowledged", 6, {"note": "Asked when they need my answer"}),
        ],
    ),
    (
        "Dunder Mifflin",
        "Backend Engineer",
        "withdrawn",
        16,
        {"contact": "Jan Levinson"},
        [("heard_back", 12, {}), ("status", 1, {"status": "withdrawn"})],
    ),
    (
        "Sirius Cybernetics",
        "Test Engineer",
        "wishlist",
        3,
        {"url": "https://sirius.example/jobs/7", "location": "Manchester", "closes_in": 9},
        [("contacted_team", 2, {"note": "Coffee with a tester on the team"})],
    ),
]


def demo_builds(today: pendulum.Date) -> list[Callable[[str], Application]]:
    """One builder per sample application, for ``BoardStore.add_many``."""
    return [_builder(sample, today) for sample in SAMPLES]


def _builder(sample: Sample, today: pendulum.Date) -> Callable[[str], Application]:
    company, role, status, applied_ago, fields, events = sample

    def build(app_id: str) -> Application:
        fields_ = dict(fields)
        tags = [fields_.pop("tags")] if "tags" in fields_ else []
        if "answer_in" in fields_:  # an offer's deadline, that many days ahead
            fields_["offer_deadline"] = today.add(days=fields_.pop("answer_in")).isoformat()
        closes_in = fields_.pop("closes_in", None)  # a captured posting closing that many days ahead
        applied_on = today.subtract(days=applied_ago)
        application = new_application(app_id, company, role, applied_on=applied_on, tags=tags, **fields_)
        if status == "wishlist":
            application.events = []
        if closes_in is not None:
            application.posting = {
                "url": fields_["url"], "title": role, "company": company, "captured_on": applied_on.isoformat(),
                "valid_through": today.add(days=closes_in).isoformat(),
            }
        extra = [
            Event(kind, today.subtract(days=ago), note=more.get("note", ""), status=more.get("status"))
            for kind, ago, more in events
        ]
        if status not in ("applied", "wishlist") and not any(e.kind == "status" for e in extra):
            extra.append(Event("status", applied_on, status=status))
        application.events = sorted([*application.events, *extra], key=lambda e: e.date)
        application.status = status
        # Recorded the day it was applied for, as on a board kept through the hunt: its late
        # steps are late from their own dates (docs/rules.md, "The day it was recorded").
        application.created = pendulum.datetime(applied_on.year, applied_on.month, applied_on.day, 9)
        return application

    return build
