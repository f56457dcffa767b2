"""Write a realistic board of N applications: ``python bench/make_board.py N PATH``.

Every card goes through the project's own store (``BoardStore.add_many``, one write). The board
is deterministic for a given N and day: a seeded random spreads the applied dates over about
two years before today, and gives each card a status (applied, interviewed, silent, rejected),
a log of many event kinds, notes, tags and a contact.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pendulum

from jobboard.core.model import Application, Event, new_application
from jobboard.storage.store import BoardStore

SEED = 7
DAYS_BACK = 730

PREFIXES = (
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark",
    "Wayne",
    "Wonka",
    "Soylent",
    "Vandelay",
    "Cyberdyne",
    "Tyrell",
    "Oscorp",
    "Massive",
    "Aperture",
    "Black Mesa",
    "Gringotts",
    "Monarch",
    "Nakatomi",
    "Pied Piper",
    "Dunder",
    "Prestige",
    "Virtucon",
    "Sirius",
    "Zorg",
    "Blue Sun",
    "Rekall",
    "Weyland",
    "Yoyodyne",
    "Gekko",
    "Bluth",
    "Sterling",
    "Krusty",
    "Ollivander",
)
SUFFIXES = (
    "Labs",
    "Robotics",
    "Health",
    "Systems",
    "Analytics",
    "Cloud",
    "Energy",
    "Logistics",
    "Media",
    "Finance",
    "Software",
    "Bio",
    "Games",
    "Security",
    "Retail",
    "Mobility",
    "AI",
    "Foods",
)
ROLES = (
    "Backend Engineer",
    "Platform Engineer",
    "Data Engineer",
    "Site Reliability Engineer",
    "Python Developer",
    "Full-stack Developer",
    "Machine Learning Engineer",
    "DevOps Engineer",
    "Security Engineer",
    "Engineering Manager",
    "Staff Software Engineer",
    "Frontend Engineer",
)
CITIES = ("Berlin", "Lisbon", "Remote", "Austin", "London", "Paris", "Toronto", "Madrid", "")
SOURCES = ("LinkedIn", "Referral", "Company site", "Recruiter", "Job board", "Meetup", "")
TAGS = ("python", "remote", "startup", "fintech", "ml", "onsite", "dream", "contract", "visa")
FIRST = ("Dana", "Priya", "Sam", "Mara", "Lucius", "Bill", "Ana", "Kenji", "Olu", "Ines", "Tom")
LAST = ("Whitfield", "Raman", "Ortiz", "Quinn", "Fox", "Lumbergh", "Silva", "Sato", "Bello")
NOTES = (
    "Team of six, on-call one week in six.",
    "Recruiter said the process is three rounds.\nTake-home first.",
    "Salary band not posted; ask in the first call.",
    "Referred by a friend from the meetup.",
    "Great product, slow process.",
    "",
)
# A captured posting's description is a page of text: sentences of these kinds, some paragraphs.
ABOUT = (
    "We build the payments layer that thousands of small shops run on.",
    "Our team of forty works across three time zones and meets twice a year.",
    "We are a seed-stage company with customers in twelve countries.",
    "The platform handles a few billion events a day and we keep it boring.",
)
DUTIES = (
    "Design, build and run services in Python and Go.",
    "Own features from the first sketch to the on-call rota.",
    "Review code, write design notes and help others do the same.",
    "Work with product and support to decide what to build next.",
    "Keep our data pipelines fast, correct and cheap to run.",
    "Improve our observability: metrics, traces and useful alerts.",
)
WANTS = (
    "Five or more years building backend systems.",
    "Comfortable with PostgreSQL, queues and caching.",
    "Clear writing; we work mostly asynchronously.",
    "Experience with Kubernetes or a similar platform is a plus.",
    "You care about tests and about the people who read your code.",
)
OFFERS = (
    "Salary band published for every level, plus equity.",
    "Thirty days of holiday and a learning budget.",
    "Remote within Europe, or our office if you prefer.",
    "Parental leave of sixteen weeks for every parent.",
)
# (status, weight)
STATUS_WEIGHTS = (("applied", 35), ("interviewed", 15), ("silent", 25), ("rejected", 25))


def company_name(rng: random.Random, index: int) -> str:
    return f"{rng.choice(PREFIXES)} {rng.choice(SUFFIXES)} {index}"


def posting_for(rng: random.Random, company: str, role: str, text: dict[str, str], applied_on) -> dict[str, str]:  # noqa: ANN001
    """A posting as `add --from` keeps it: where and when it was captured, what the page said,
    and its description as readable text (about 2-4 KB, as job pages give)."""
    parts = [rng.choice(ABOUT), f"As a {role} you will:"]
    parts += [f"- {line}" for line in rng.sample(DUTIES, rng.randint(3, 6))]
    parts += ["What we look for:", *(f"- {line}" for line in rng.sample(WANTS, rng.randint(3, 5)))]
    parts += ["What we offer:", *(f"- {line}" for line in rng.sample(OFFERS, rng.randint(2, 4)))]
    description = "\n\n".join(parts * rng.randint(3, 5))
    return {
        "url": text["url"],
        "captured_on": applied_on.isoformat(),
        "title": role,
        "company": company,
        "location": text["location"],
        "salary": text["salary"],
        "employment_type": "full time",
        "valid_through": (applied_on + timedelta(days=30)).isoformat(),
        "description": description,
    }


def make_application(
    rng: random.Random, index: int, today: pendulum.Date, postings: bool = False
) -> Callable[[str], Application]:
    """A build for ``add_many``: one application with a plausible history for its status."""
    status = rng.choices([s for s, _ in STATUS_WEIGHTS], [w for _, w in STATUS_WEIGHTS])[0]
    age = rng.randint(0 if status == "applied" else 20, DAYS_BACK)
    applied_on = today - timedelta(days=age)

    def day(after: int, at_most: int) -> pendulum.Date:
        return applied_on + timedelta(days=min(after, at_most))

    events: list[Event] = []
    if rng.random() < 0.5:
        events.append(Event("follow_up", day(rng.randint(6, 10), age)))
    if rng.random() < 0.15:
        events.append(Event("note", day(rng.randint(1, 5), age), note=rng.choice(NOTES[:-1])))
    if status == "applied" and rng.random() < 0.2:
        events.append(Event("heard_back", day(rng.randint(2, 8), age), note="Recruiter replied"))
    if status == "applied" and rng.random() < 0.05:
        ends = today + timedelta(days=rng.randint(1, 10))
        events.append(Event("snooze", ends, note="They asked for a week"))
    if status == "interviewed":
        heard = day(rng.randint(3, 8), age)
        events += [Event("heard_back", heard), Event("status", heard, status="interviewed")]
        interview = heard + timedelta(days=rng.randint(2, 9))
        if interview > today or rng.random() < 0.2:
            interview = today + timedelta(days=rng.randint(1, 7))
        events.append(Event("interview", interview, note="Video call, 45 minutes"))
        if interview <= today and rng.random() < 0.6:
            events.append(Event("thank_you", interview + timedelta(days=1)))
    if status == "silent":
        events.append(Event("status", day(rng.randint(18, 30), age), status="silent"))
    if status == "rejected":
        rejected_on = day(rng.randint(5, 40), age)
        if rng.random() < 0.4:
            interview = day(rng.randint(3, 15), age)
            events += [Event("heard_back", interview), Event("interview", interview)]
            rejected_on = max(rejected_on, interview)
        events.append(Event("status", rejected_on, status="rejected"))
        if rng.random() < 0.6:
            events.append(Event("acknowledged", rejected_on))
        if rng.random() < 0.4:
            events.append(Event("feedback_requested", rejected_on + timedelta(days=3)))
            if rng.random() < 0.5:
                received = rejected_on + timedelta(days=8)
                events.append(Event("feedback_received", received, note="Wanted more Go"))
    events.sort(key=lambda e: e.date)
    company, role = company_name(rng, index), rng.choice(ROLES)
    first, last = rng.choice(FIRST), rng.choice(LAST)
    text = {
        "location": rng.choice(CITIES),
        "source": rng.choice(SOURCES),
        "notes": rng.choice(NOTES),
        "contact": f"{first} {last}" if rng.random() < 0.6 else "",
        "url": f"https://{company.split()[0].lower()}.example/jobs/{index}",
        "salary": rng.choice(("", "€70-80k", "$140k", "£65k")),
    }
    text["email"] = f"{first.lower()}@{company.split()[0].lower()}.example" if text["contact"] else ""
    tags = rng.sample(TAGS, rng.randint(0, 3))
    posting = posting_for(rng, company, role, text, applied_on) if postings else {}

    def build(app_id: str) -> Application:
        fresh = new_application(app_id, company, role, status=status, applied_on=applied_on, tags=tags, **text)
        fresh.posting = posting
        # new_application logs the move on the day it is recorded; our own log says when it happened.
        logged = [e for e in fresh.events if e.kind == "applied"]
        return fresh.copy(events=[*logged, *events])

    return build


def make_board(
    n: int, path: Path | str, today: pendulum.Date | None = None, seed: int = SEED, postings: bool = False
) -> BoardStore:
    """Write ``n`` applications to a new board at ``path`` in one write (``postings``: each
    with a captured posting); returns its store."""
    path = Path(path)
    if path.exists():
        raise SystemExit(f"{path} exists; make_board writes a new board only.")
    today = today or pendulum.today().date()
    rng = random.Random(seed)
    store = BoardStore(path)
    store.add_many([make_application(rng, index, today, postings) for index in range(1, n + 1)])
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many applications")
    parser.add_argument("path", type=Path, help="the new board file")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--postings", action="store_true", help="each card with a captured posting")
    args = parser.parse_args()
    make_board(args.n, args.path, seed=args.seed, postings=args.postings)
    print(f"wrote {args.n} applications to {args.path}")


if __name__ == "__main__":
    main()
