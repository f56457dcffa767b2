"""A step's draft as a message to send: whom to, its subject and body, and the ``mailto:`` URL
(RFC 6068) that opens it in the user's mail client with all three filled in.

Pure: the TUI's ``m`` and `jobboard draft` both build on it. The URL is percent-encoded as
UTF-8 by urllib.parse.quote: reserved characters (``&``, ``?``, ``%``, ``#``, ``=``) and every
non-ASCII character are escaped, and line breaks are sent as CRLF (``%0D%0A``), as RFC 6068
asks for the body.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote

from jobboard.core.addressing import Addressee, addressee
from jobboard.core.drafts import split_draft

if TYPE_CHECKING:
    import pendulum

    from jobboard.core.etiquette import NextStep
    from jobboard.core.model import Application


class Message(NamedTuple):
    """A draft ready to send."""

    to: Addressee | None
    subject: str
    body: str

    def text(self) -> str:
        """The message as `jobboard draft` prints it: To (when known), Subject, then the body."""
        head = []
        if self.to is not None and self.to.person is not None:
            person = self.to.person
            head.append(f"To: {person.name} <{person.email}>" if self.to.email else f"To: {self.to.words}")
        elif self.to is not None:
            head.append(f"To: {self.to.words}" + (f" ({self.to.url})" if self.to.url else ""))
        head.append(f"Subject: {self.subject}")
        return "\n".join(head) + "\n\n" + self.body


def message_for(application: Application, step: NextStep, today: pendulum.Date) -> Message | None:
    """The message of ``step`` (None when the step is not a message): its addressee, and the
    draft's subject (the role and company when the draft has none) and body."""
    if not step.draft:
        return None
    subject, body = split_draft(step.draft)
    role, company = " ".join(application.role.split()), " ".join(application.company.split())
    return Message(addressee(application, step.rule, today), subject or f"{role} at {company}", body)


def mailto_url(to: str, subject: str, body: str) -> str:
    """``mailto:to?subject=...&body=...`` (RFC 6068). ValueError when there is no address
    (an empty ``mailto:`` would open a blank message with nobody to send it to) or when ``to``
    is not one address as jobboard.core.fields checks it: a line break, comma or ``?`` in it
    would add a header or a recipient, so such a board's text never reaches the URL."""
    from jobboard.core.fields import check_email

    address = to.strip()
    if not address:
        raise ValueError("there is no email address to write to")
    check_email(address)
    body = "\r\n".join(body.splitlines())
    fields = [f"{name}={quote(value, safe='')}" for name, value in (("subject", subject), ("body", body)) if value]
    # "@" stays as it is; every other reserved or non-ASCII character of the address is escaped.
    return f"mailto:{quote(address, safe='@')}" + (f"?{'&'.join(fields)}" if fields else "")
