"""One email's bytes (or pasted text) read into a Letter for jobboard.core.reading.

The standard library's ``email`` with policy ``default`` does the hard parts: MIME parts,
quoted-printable and base64 bodies, encoded-word headers and charsets. An HTML-only body is
turned into text with ``html.parser``; a ``text/calendar`` part is read with icalendar. Mail is
hostile: a message over MESSAGE_CAP, a binary file or a message with no headers is refused in
one sentence (MailError); every header and body is neutralised before anyone prints it.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import re
from html.parser import HTMLParser

import pendulum

from jobboard.core.reading import Invite, Letter
from jobboard.formats.printable import many_lines, one_line

MESSAGE_CAP = 25 * 1024 * 1024  # bytes in one message
RUN_CAP = 200 * 1024 * 1024  # bytes in one run of `jobboard inbox`
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:", re.MULTILINE)


class MailError(ValueError):
    """Bytes that are not an email jobboard can read; the message is one sentence."""


class _Text(HTMLParser):
    """An HTML body's words, a line break at each block, scripts and styles left out."""

    _BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table", "ul", "ol", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):  # noqa: ANN001, ANN201 - HTMLParser's signature
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):  # noqa: ANN001, ANN201
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):  # noqa: ANN001, ANN201
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _local(value, tz) -> pendulum.DateTime | None:  # noqa: ANN001 - a datetime or date
    if isinstance(value, dt.datetime):
        moment = pendulum.instance(value, tz=tz) if value.tzinfo is None else pendulum.instance(value)
        return moment.in_tz(tz)
    if isinstance(value, dt.date):
        return pendulum.datetime(value.year, value.month, value.day, tz=tz)
    return None


def _invites(data: bytes | str, tz) -> list[Invite]:  # noqa: ANN001
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError:
        return []
    method = str(calendar.get("METHOD", "REQUEST")).upper()
    invites = []
    for event in calendar.walk("VEVENT"):
        start = event.get("DTSTART")
        attendees = event.get("ATTENDEE", [])
        attendees = attendees if isinstance(attendees, list) else [attendees]
        people = tuple(
            (
                one_line(str(getattr(a, "params", {}).get("CN", ""))).strip(),
                one_line(re.sub("^mailto:", "", str(a), flags=re.I)),
            )
            for a in attendees
        )
        summary = one_line(str(event.get("SUMMARY", ""))).strip()
        cancelled = str(event.get("STATUS", "")).upper() == "CANCELLED"
        moment = start.dt if start else None
        timed = isinstance(moment, dt.datetime)
        invites.append(Invite("CANCEL" if cancelled else method, _local(moment, tz), summary, people, timed))
    return invites


def _body(message: email.message.EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown charset or a broken encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return html_text(content) if part.get_content_subtype() == "html" else content


def read_mail(data: bytes | str, tz: str | None = None) -> Letter:
    """The Letter in ``data``, an email's bytes (or text pasted from a mail client).

    Raises MailError for a message over MESSAGE_CAP, a binary file, or text with no headers."""
    raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    if len(raw) > MESSAGE_CAP:
        raise MailError(f"the message is over the {MESSAGE_CAP // (1024 * 1024)} MB cap for one message")
    if b"\x00" in raw[:65536]:
        raise MailError("this is a binary file, not an email")
    if not _HEADER_LINE.search(raw.lstrip()[:4096].split(b"\n", 1)[0] + b"\n"):
        raise MailError("this has no email headers (From:, Subject:, Date:); save the whole message, headers too")
    zone = tz or pendulum.now().timezone_name or "UTC"
    message = email.message_from_bytes(raw.lstrip(), policy=email.policy.default)
    try:
        name, address = email.utils.parseaddr(str(message.get("From", "")))
        subject = str(message.get("Subject", ""))
        date_header = message.get("Date")
        sent = _local(date_header.datetime, zone) if date_header is not None and date_header.datetime else None
        recipients = tuple(
            a
            for _, a in email.utils.getaddresses(
                [str(v) for v in message.get_all("To", []) + message.get_all("Cc", [])]
            )
            if a
        )
        text = _body(message)
        invites: list[Invite] = []
        for part in message.walk():
            if part.get_content_type() == "text/calendar":
                payload = part.get_payload(decode=True)
                invites += _invites(payload if isinstance(payload, bytes | str) else b"", zone)
    except (ValueError, TypeError, AttributeError, LookupError) as error:
        raise MailError(f"the message's MIME structure is broken ({one_line(str(error))[:80]})") from error
    return Letter(
        message_id=one_line(str(message.get("Message-ID", ""))).strip()[:300],
        sender_name=one_line(name).strip()[:200],
        sender_address=one_line(address).strip()[:320],
        subject=one_line(subject).strip()[:300],
        sent=sent,
        text=many_lines(text)[:200_000],
        recipients=recipients,
        invites=tuple(invites),
    )
