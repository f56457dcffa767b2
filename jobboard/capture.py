"""Fetch a posting page safely and read it (docs/capture.md); outside the core, imported lazily.

A URL is fetched with httpx: a timeout, at most 5 redirects that never change scheme, a 5 MB cap
read as a stream, a User-Agent naming jobboard. A file path or ``-`` is read with no network.
Every failure is a ``CaptureError`` whose text is one line for the user.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import httpx

from jobboard.formats.posting import NoPosting, Posting, from_ats_json, read_page

SIZE_CAP = 5 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "jobboard (a personal job-hunt tracker)"
API_BASES = {
    "greenhouse": "https://boards-api.greenhouse.io/v1/boards",
    "lever": "https://api.lever.co/v0/postings",
    "ashby": "https://api.ashbyhq.com/posting-api/job-board",
}


class CaptureError(Exception):
    """A posting could not be read; the message is one sentence for the user."""


def api_url(url: str, bases: dict[str, str] = API_BASES) -> tuple[str, str] | None:
    """(kind, API address) when ``url`` is a Greenhouse, Lever or Ashby job page."""
    found = re.match(r"https?://(?:boards|job-boards)\.greenhouse\.io/([\w-]+)/jobs/(\d+)", url)
    if found:
        return "greenhouse", f"{bases['greenhouse']}/{found[1]}/jobs/{found[2]}"
    found = re.match(r"https?://jobs\.lever\.co/([\w-]+)/([\w-]+)", url)
    if found:
        return "lever", f"{bases['lever']}/{found[1]}/{found[2]}"
    found = re.match(r"https?://jobs\.ashbyhq\.com/([\w.-]+)/([\w-]+)", url)
    if found:
        return "ashby", f"{bases['ashby']}/{found[1]}#{found[2]}"
    return None


def _ats_job(kind: str, text: str) -> object:
    """The job in an API answer; Ashby answers the whole board, the job picked by its id."""
    data = json.loads(text)
    if kind == "ashby" and isinstance(data, dict):
        wanted = data.get("wanted", "")
        jobs = [j for j in data.get("jobs", []) if isinstance(j, dict)]
        return next((j for j in jobs if j.get("id") == wanted), None)
    return data


def fetch(url: str, timeout: float = 10.0) -> str:
    """The text at ``url``, within the limits above; CaptureError on any failure."""
    if not re.match(r"https?://", url, re.IGNORECASE):
        raise CaptureError(f"{url!r} is not an http(s) address or a file")
    try:
        with httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT}) as client:
            for _ in range(MAX_REDIRECTS + 1):
                with client.stream("GET", url) as answer:
                    if answer.is_redirect:
                        target = str(answer.url.join(answer.headers.get("location", "")))
                        if httpx.URL(target).scheme != httpx.URL(url).scheme:
                            raise CaptureError(f"{url} redirects to another scheme ({target})")
                        url = target
                        continue
                    if answer.status_code >= 400:
                        raise CaptureError(f"{url} answered {answer.status_code}")
                    body = bytearray()
                    for chunk in answer.iter_bytes():
                        body += chunk
                        if len(body) > SIZE_CAP:
                            raise CaptureError(f"{url} is larger than 5 MB")
                    return body.decode(answer.encoding or "utf-8", errors="replace")
            raise CaptureError(f"{url} redirects more than {MAX_REDIRECTS} times")
    except httpx.TimeoutException:
        raise CaptureError(f"{url} did not answer within {timeout:g} s") from None
    except httpx.ConnectError as error:
        raise CaptureError(f"could not reach {url} ({error})") from None
    except httpx.HTTPError as error:
        raise CaptureError(f"could not fetch {url} ({error})") from None


def capture(source: str, timeout: float = 10.0, bases: dict[str, str] = API_BASES) -> Posting:
    """The posting at ``source``: a URL, a saved page, or ``-`` for stdin."""
    try:
        if source == "-":
            return read_page(sys.stdin.read(SIZE_CAP))
        if not re.match(r"[a-z]+://", source, re.IGNORECASE):
            path = Path(source)
            if not path.is_file():
                raise CaptureError(f"{source} is neither a file nor an http(s) address")
            return read_page(path.read_text(encoding="utf-8", errors="replace")[:SIZE_CAP])
        api = api_url(source, bases)
        if api:
            address, _, job_id = api[1].partition("#")
            try:
                text = fetch(address, timeout)
                data = _ats_job(api[0], f'{{"wanted": "{job_id}", ' + text.lstrip()[1:]
                                if api[0] == "ashby" and text.lstrip().startswith("{") else text)
            except json.JSONDecodeError:
                raise CaptureError(f"the {api[0]} answer for {source} is not JSON") from None
            return from_ats_json(api[0], data)
        return read_page(fetch(source, timeout))
    except NoPosting as error:
        raise CaptureError(f"{source}: {error}") from None
