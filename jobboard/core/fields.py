"""Checks of the fields a user types or imports that must have a shape: the posting's address,
a person's email and profile, and the applied date. One place for `jobboard add`, `people`, the
importer (its people too), the upgrade of an older board and the TUI's forms, so a value one of
them refuses is never stored by another (docs/data.md, "What is checked").

An email is one address and nothing more: no line break (raw or percent-encoded), comma,
semicolon or angle bracket, which a mail client would read as another header or recipient.
A link is ``http(s)://`` only (``mailto:`` one address where a mail address is meant), so a
``javascript:`` or ``file:`` link is never stored to be opened later.

Each check returns the value as it is kept (an address pasted without ``https://`` gets it, so
it opens) or raises ValueError with a short sentence, lower case and without a full stop, for
the caller to place in its own message.
"""

from __future__ import annotations

import re

from jobboard.core.patterns import Pattern

# Line breaks and control characters would break an ICS export or a terminal line; bidi
# controls and separators can make an address look like another one.
_UNSAFE = Pattern(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_WEB = Pattern(r"https?://[^/?#@:\s]+(?::\d+)?(?:[/?#].*)?", re.IGNORECASE)
_BARE = Pattern(r"[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:[/?#].*)?")
_EMAIL = Pattern(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# What would let an address carry another recipient or a header into a mail client.
_NOT_IN_EMAIL = Pattern(r"[,;<>\"()\[\]\\?&=]|%(?:0[0-9a-f]|1[0-9a-f]|2[0-9a-f]|3[abc]|7f)", re.IGNORECASE)
URL_EXAMPLE = "use e.g. https://company.com/jobs/123"
PROFILE_EXAMPLE = "use e.g. https://www.linkedin.com/in/dana"
LINE_CAP = 300  # characters in a one-line field: a card's company, role, location, salary, source
ONE_LINE_FIELDS = ("company", "role", "location", "salary", "source")


def check_line(name: str, text: str) -> str:
    """A one-line field, at most ``LINE_CAP`` characters: a job description pasted into the
    role, or an import's column mapped to the wrong field, is refused by name, not kept."""
    if len(text) > LINE_CAP:
        raise ValueError(
            f"{name} is {len(text):,} characters long; keep it to {LINE_CAP} (longer text goes in the notes)"
        )
    return text


def check_url(text: str, *, mail: bool = True) -> str:
    """The posting's address: ``http(s)://...``, ``mailto:ADDRESS`` (when ``mail``: a posting
    may say "apply by email"; a profile may not), or a bare domain such as
    ``company.com/jobs/1`` (given ``https://``); blank stays blank."""
    url = text.strip()
    if not url:
        return ""
    example, schemes = (URL_EXAMPLE, "http, https or mailto") if mail else (PROFILE_EXAMPLE, "http or https")
    if _UNSAFE.search(url):
        raise ValueError(f"not a web address: it holds a space, line break or control character; {example}")
    if url.lower().startswith("mailto:"):
        if mail:
            return _check_mail_link(url)
        raise ValueError(f"a profile is a web page, not a mail link (the email has a field of its own); {example}")
    if "://" in url:
        if _WEB.fullmatch(url) is None:
            raise ValueError(f"not a web address ({schemes}); {example}")
        return url
    if _BARE.fullmatch(url) is None:
        raise ValueError(f"not a web address; {example}")
    return "https://" + url  # people paste "company.com/jobs/1"; make it openable


def _check_mail_link(url: str) -> str:
    """``mailto:ADDRESS`` with at most a subject and a body (RFC 6068): never a second
    recipient, a ``cc``/``bcc`` or any other header."""
    from urllib.parse import parse_qsl, unquote

    address, _, query = url[len("mailto:") :].partition("?")
    try:
        check_email(unquote(address) or "-")
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        pairs = None
    allowed = pairs is not None and all(
        name.lower() == "body" or (name.lower() == "subject" and "\r" not in value and "\n" not in value)
        for name, value in pairs
    )
    if not allowed:
        raise ValueError(
            "not a web address: a mail link is mailto: and one email address, with at most a subject and body"
        )
    return url


def check_email(text: str) -> str:
    """The contact's email address, such as ``dana@company.com``; blank stays blank."""
    email = text.strip()
    if email and (_EMAIL.fullmatch(email) is None or _UNSAFE.search(email) or _NOT_IN_EMAIL.search(email)):
        raise ValueError(
            "not an email address (just one, with no comma, semicolon or line break); use e.g. dana@company.com"
        )
    return email


def check_profile(text: str) -> str:
    """A person's profile page (LinkedIn or other): a web address, never ``mailto:``."""
    return check_url(text, mail=False)


# Query parameters that say where a click came from, not which posting it is.
_TRACKING = Pattern(r"utm_\w+|gh_src|gh_jid_src|lever-source|lever-origin|source|ref|src|trk", re.IGNORECASE)


def url_key(url: str) -> str:
    """A posting's address as duplicates are compared: no scheme, ``www.``, case in the host,
    fragment, trailing slash or tracking parameters, so two links to one posting match."""
    from urllib.parse import parse_qsl, urlencode, urlsplit

    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return url.strip()
    host = parts.hostname.removeprefix("www.")
    port = f":{parts.port}" if parts.port not in (None, 80, 443) else ""
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.fullmatch(k)))
    return f"{host}{port}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")
