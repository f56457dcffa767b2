"""Read a job posting out of a page's text: pure text in, a ``Posting`` out.

Order of trust: the schema.org ``JobPosting`` JSON-LD a page carries (``@graph``, list-valued
``@type``, several blocks, CDATA wrappers, an organisation as a string or by ``@id``); then the
page's OpenGraph tags or ``<title>``, which is only a guess and says so (``from_title``).
Greenhouse, Lever and Ashby answer JSON of their own; ``from_ats_json`` reads those shapes.
Everything read is hostile: control characters become spaces and every field is capped.
See docs/capture.md.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from jobboard.core.fields import LINE_CAP
from jobboard.formats.printable import many_lines, one_line

DESCRIPTION_CAP = 50_000


@dataclass(frozen=True)
class Posting:
    """What a posting page told us; empty strings where it said nothing."""

    company: str = ""
    role: str = ""
    description: str = ""
    locations: tuple[str, ...] = field(default_factory=tuple)
    salary: str = ""
    employment_type: str = ""
    valid_through: str = ""
    from_title: bool = False

    @property
    def location(self) -> str:
        """The first place, with how many more ("Sunnyvale, CA (+8 more)")."""
        if not self.locations:
            return ""
        more = len(self.locations) - 1
        return self.locations[0] + (f" (+{more} more)" if more else "")


class NoPosting(ValueError):
    """The text carries nothing we can read as a job posting."""


def short(value: object, cap: int = LINE_CAP) -> str:
    """One clean line from whatever a page put there (entities decoded, controls neutralised)."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return ""
    text = html.unescape(str(value)).replace("\\n", " ")
    return " ".join(one_line(text).split())[:cap]


class _TextOfHtml(HTMLParser):
    """Collects the readable text of an HTML fragment, a line break per block element."""

    BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def readable(fragment: object) -> str:
    """An HTML description as plain text: no tags, no entities, at most one blank line."""
    if not isinstance(fragment, str):
        return ""
    text = fragment.replace("\\n", "\n")
    for _ in range(2):  # descriptions are often escaped twice (&lt;p&gt;)
        if "&lt;" in text or "&amp;" in text:
            text = html.unescape(text)
    parser = _TextOfHtml()
    parser.feed(text[: DESCRIPTION_CAP * 4])
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return many_lines(text)[:DESCRIPTION_CAP]


_SCRIPT = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script>",
    re.IGNORECASE | re.DOTALL,
)


def _json_blocks(page: str) -> list[object]:
    """Every JSON-LD block that parses; a broken one is skipped, not fatal."""
    blocks = []
    for raw in _SCRIPT.findall(page):
        raw = raw.strip()
        raw = re.sub(r"^(//\s*)?<!\[CDATA\[|(//\s*)?\]\]>$", "", raw).strip()
        try:
            blocks.append(json.loads(raw, strict=False))
        except ValueError:
            continue
    return blocks


def _nodes(value: object) -> list[dict]:
    """Every object inside a JSON-LD value, ``@graph`` and lists flattened."""
    found: list[dict] = []
    stack = [value]
    while stack and len(found) < 1000:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            found.append(item)
            if "@graph" in item:
                stack.append(item["@graph"])
    return found


def _types(node: dict) -> set[str]:
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _named(value: object, by_id: dict[str, dict]) -> str:
    """A name given as a string, an object, or a reference by ``@id``."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str):
            value = by_id.get(value["@id"], value)
        return short(value.get("name", ""))
    return short(value)


def _place(value: object) -> str:
    """One jobLocation as "Sunnyvale, CA" (or its name, or a bare string)."""
    if isinstance(value, str):
        return short(value)
    if not isinstance(value, dict):
        return ""
    address = value.get("address", value)
    if isinstance(address, str):
        return short(address)
    if not isinstance(address, dict):
        return short(value.get("name", ""))
    region = address.get("addressRegion") or address.get("addressCountry")
    if isinstance(region, dict):
        region = region.get("name", "")
    parts = [short(address.get("addressLocality", "")), short(region)]
    return ", ".join(p for p in parts if p) or short(value.get("name", ""))


def _places(node: dict) -> tuple[str, ...]:
    where = node.get("jobLocation", [])
    items = where if isinstance(where, list) else [where]
    places = [p for p in (_place(i) for i in items[:500]) if p]
    if not places and "TELECOMMUTE" in str(node.get("jobLocationType", "")).upper():
        places = ["Remote"]
    return tuple(dict.fromkeys(places))


PER = {"YEAR": "a year", "MONTH": "a month", "WEEK": "a week", "DAY": "a day", "HOUR": "an hour"}


def _amount(value: object) -> str:
    try:
        number = float(str(value).replace(",", ""))
    except ValueError:
        return ""
    return f"{number:,.0f}" if number == int(number) else f"{number:,.2f}"


def salary_text(base: object) -> str:
    """``baseSalary`` as "EUR 70,000-85,000 a year"; empty when it gives no amount."""
    if not isinstance(base, dict):
        return ""
    value = base.get("value", {})
    if not isinstance(value, dict):
        value = {"value": value}
    low = _amount(value.get("minValue", value.get("value", "")))
    high = _amount(value.get("maxValue", ""))
    if not (low or high):
        return ""
    span = f"{low}-{high}" if low and high and low != high else (low or high)
    currency = short(base.get("currency") or value.get("currency", ""), 8)
    per = PER.get(short(value.get("unitText") or base.get("unitText", "")).upper(), "")
    return short(" ".join(p for p in (currency, span, per) if p))


def _kind(value: object) -> str:
    kinds = value if isinstance(value, list) else [value]
    return short(", ".join(short(k).replace("_", " ").lower() for k in kinds if short(k)))


def from_json_ld(page: str) -> Posting | None:
    """The first ``JobPosting`` among the page's JSON-LD blocks, or None."""
    nodes = [n for block in _json_blocks(page) for n in _nodes(block)]
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    for node in nodes:
        if "JobPosting" in _types(node):
            return Posting(
                company=_named(node.get("hiringOrganization", ""), by_id),
                role=short(node.get("title", "")),
                description=readable(node.get("description", "")),
                locations=_places(node),
                salary=salary_text(node.get("baseSalary")),
                employment_type=_kind(node.get("employmentType", "")),
                valid_through=short(node.get("validThrough", ""), 40),
            )
    return None


def _meta(page: str, name: str) -> str:
    for tag in re.findall(r"<meta\b[^>]*>", page, re.IGNORECASE):
        if re.search(rf"(property|name)\s*=\s*[\"']{re.escape(name)}[\"']", tag, re.I):
            found = re.search(r"content\s*=\s*(\"[^\"]*\"|'[^']*')", tag, re.I)
            if found:
                return short(found.group(1)[1:-1])
    return ""


def from_title(page: str) -> Posting | None:
    """A last guess from OpenGraph tags or ``<title>``: a role and perhaps a company."""
    title = _meta(page, "og:title")
    if not title:
        found = re.search(r"<title[^>]*>(.*?)</title>", page, re.IGNORECASE | re.DOTALL)
        title = short(found.group(1)) if found else ""
    if not title:
        return None
    company = _meta(page, "og:site_name")
    role = re.split(r"\s+[|\u2013\u2014-]\s+", title)[0].strip() or title
    return Posting(company=company, role=role, description=readable(
        _meta(page, "og:description")), from_title=True)


def read_page(page: str) -> Posting:
    """The posting in an HTML page (JSON-LD first, then the title); NoPosting if neither."""
    found = from_json_ld(page) or from_title(page)
    if found is None:
        raise NoPosting("the page carries no job posting data (no JSON-LD JobPosting, no title)")
    return found


def from_ats_json(kind: str, data: object) -> Posting:
    """One job from the Greenhouse, Lever or Ashby public API (``kind`` names which)."""
    if not isinstance(data, dict):
        raise NoPosting(f"the {kind} answer is not a job")
    if kind == "greenhouse":
        where = data.get("location") or {}
        places = [_named(where, {})] if _named(where, {}) else []
        return Posting(company=short(data.get("company_name", "")), role=short(data.get("title")),
                       description=readable(data.get("content", "")), locations=tuple(places))
    if kind == "lever":
        cats = data["categories"] if isinstance(data.get("categories"), dict) else {}
        places = cats.get("allLocations") or [cats.get("location", "")]
        body = data.get("description", "") + "".join(
            f"<h3>{html.escape(short(part.get('text', '')))}</h3>{part.get('content', '')}"
            for part in data.get("lists", []) if isinstance(part, dict)
        ) + data.get("additional", "")
        return Posting(role=short(data.get("text")), description=readable(body),
                       locations=tuple(p for p in (short(x) for x in places) if p),
                       employment_type=short(cats.get("commitment", "")).lower())
    if kind == "ashby":
        places = [data.get("location", "")] + [
            s.get("location", "") for s in data.get("secondaryLocations", []) if isinstance(s, dict)
        ]
        return Posting(role=short(data.get("title")),
                       description=readable(data.get("descriptionHtml", "")),
                       locations=tuple(p for p in (short(x) for x in places) if p),
                       employment_type=_kind(data.get("employmentType", "")))
    raise NoPosting(f"unknown job board kind {kind!r}")


def kept_posting(found: Posting, url: str, captured_on: str, fetched_at: str) -> dict[str, str]:
    """What a card keeps of a posting (core/posting_kept.py names the fields); blanks left out.
    ``url`` and ``fetched_at`` are blank for a saved page or pasted text."""
    from jobboard.core.posting_kept import closing_day

    fields = {
        "url": url,
        "captured_on": captured_on,
        "fetched_at": fetched_at,
        "title": found.role,
        "company": found.company,
        "location": found.location,
        "salary": found.salary,
        "employment_type": found.employment_type,
        "valid_through": closing_day(found.valid_through),
        "description": found.description,
    }
    return {name: value for name, value in fields.items() if value}
