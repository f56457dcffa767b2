"""Checks of the fields a user types or imports that must have a shape: the posting's address,
the contact's email and the applied date. One place for `jobboard add`, the importer and the
TUI's form, so a value one of them refuses is never stored by another.

Each check returns the value as it is kept (an address pasted without ``https://`` gets it, so
it opens) or raises ValueError with a short sentence, lower case and without a full stop, for
the caller to place in its own message.
"""

from __future__ import annotations

import re

import pendulum

# Line breaks and control characters would break an ICS export or a terminal line; bidi
# controls and separators can make an address look like another one.
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_WEB = re.compile(r"https?://[^/?#@:\s]+(?::\d+)?(?:[/?#].*)?", re.IGNORECASE)
_BARE = re.compile(r"[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:[/?#].*)?")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
URL_EXAMPLE = "use e.g. https://company.com/jobs/123"


def check_url(text: str) -> str:
    """The posting's address: ``http(s)://...``, ``mailto:...``, or a bare domain such as
    ``company.com/jobs/1`` (given ``https://``); blank stays blank."""
    url = text.strip()
    if not url:
        return ""
    if _UNSAFE.search(url):
        raise ValueError(f"not a web address: it holds a space, line break or control character; {URL_EXAMPLE}")
    if url.lower().startswith("mailto:"):
        check_email(url[len("mailto:") :].split("?", 1)[0] or "-")
        return url
    if "://" in url:
        if _WEB.fullmatch(url) is None:
            raise ValueError(f"not a web address (http, https or mailto); {URL_EXAMPLE}")
        return url
    if _BARE.fullmatch(url) is None:
        raise ValueError(f"not a web address; {URL_EXAMPLE}")
    return "https://" + url  # people paste "company.com/jobs/1"; make it openable


def check_email(text: str) -> str:
    """The contact's email address, such as ``dana@company.com``; blank stays blank."""
    email = text.strip()
    if email and (_EMAIL.fullmatch(email) is None or _UNSAFE.search(email)):
        raise ValueError("not an email address; use e.g. dana@company.com")
    return email


def check_applied_on(date: pendulum.Date, today: pendulum.Date) -> pendulum.Date:
    """The applied date: never after ``today``, as jobboard.core.validation has it for every date
    (a date's years are bounded where it is read)."""
    from jobboard.core.validation import check_date

    check_date("applied", date, date, today)
    return date
