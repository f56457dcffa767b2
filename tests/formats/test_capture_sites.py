"""Capture against pages shaped like those Lever and Greenhouse serve, and every way a fetch
fails: DNS, TLS, a redirect to another scheme, sizes. All written by us and served from a
local server on a free port (tests/helpers/pages.py); nothing here reaches the internet."""

from __future__ import annotations

import json
import socket

import pytest

from jobboard.capture import SIZE_CAP, CaptureError, capture
from jobboard.core.fields import LINE_CAP
from jobboard.formats.posting import DESCRIPTION_CAP
from tests.helpers.cli import run_cli
from tests.helpers.pages import serving

# A Lever-hosted job page: the posting as JSON-LD beside the page's own markup, the
# organisation as an object, one place with the region in the locality, HTML description.
LEVER_PAGE = """<!DOCTYPE html><html><head>
<title>Northwind Labs - Platform Engineer</title>
<meta property="og:title" content="Northwind Labs - Platform Engineer">
<script type="application/ld+json">
{"@context": "http://schema.org", "@type": "JobPosting", "title": "Platform Engineer",
 "hiringOrganization": {"@type": "Organization", "name": "Northwind Labs", "logo": "https://x.example/l.png"},
 "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Toronto, ON"}},
 "employmentType": "Full-time", "datePosted": "2026-11-01",
 "description": "<div><b>About us</b></div><div>We run the rails.</div><ul><li>Go</li><li>Kubernetes</li></ul>"}
</script></head><body><div class="posting-headline"><h2>Platform Engineer</h2></div></body></html>"""

# A Greenhouse job-board page: a @graph with the organisation by @id, the description escaped
# twice, several places, a salary range and a closing date.
GREENHOUSE_PAGE = """<html><head><title>Job Application for Data Analyst at Fjord Freight</title>
<script type="application/ld+json">//<![CDATA[
{"@context": "https://schema.org", "@graph": [
 {"@type": "Organization", "@id": "#org", "name": "Fjord Freight"},
 {"@type": ["JobPosting"], "title": "Data Analyst", "hiringOrganization": {"@id": "#org"},
  "jobLocation": [{"@type": "Place", "address": {"addressLocality": "Bergen", "addressCountry": "NO"}},
                  {"@type": "Place", "address": {"addressLocality": "Oslo", "addressCountry": "NO"}}],
  "baseSalary": {"@type": "MonetaryAmount", "currency": "NOK",
                 "value": {"@type": "QuantitativeValue", "minValue": 650000, "maxValue": 720000, "unitText": "YEAR"}},
  "validThrough": "2026-12-31T23:59:59+01:00",
  "description": "&amp;lt;p&amp;gt;Ships &amp;amp;amp; numbers.&amp;lt;/p&amp;gt;"}]}
//]]></script></head><body></body></html>"""

LEVER_API = {"text": "Platform Engineer", "categories": {"commitment": "Full-time", "location": "Toronto"},
             "description": "<p>We run the rails.</p>", "lists": [{"text": "You", "content": "<li>Go</li>"}],
             "additional": ""}

PAGES = {
    "/lever/northwind/4b1d": (200, "text/html; charset=utf-8", LEVER_PAGE),
    "/gh/fjord/jobs/99": (200, "text/html", GREENHOUSE_PAGE),
    "/api/lever/northwind/4b1d": (200, "application/json", json.dumps(LEVER_API)),
    "/moved": (302, "text/plain", "/gh/fjord/jobs/99"),
    "/to-file": (302, "text/plain", "file:///etc/passwd"),
    "/to-javascript": (301, "text/plain", "javascript:alert(1)"),
    "/to-ftp": (307, "text/plain", "ftp://files.example/job"),
    "/huge": (200, "text/html", "<title>x</title>" + "y" * (SIZE_CAP + 10)),
    "/long": (200, "text/html", '<script type="application/ld+json">' + json.dumps(
        {"@type": "JobPosting", "title": "T" * 5000, "hiringOrganization": "Co",
         "description": "word " * (DESCRIPTION_CAP // 2)}) + "</script>"),
}


@pytest.fixture(scope="module")
def site():
    with serving(PAGES) as address:
        yield address


def test_a_lever_shaped_page(site):
    found = capture(f"{site}/lever/northwind/4b1d")
    assert (found.company, found.role, found.location) == ("Northwind Labs", "Platform Engineer", "Toronto, ON")
    assert found.employment_type == "full-time" and not found.from_title
    assert found.description == "About us\n\nWe run the rails.\n\n- Go\n\n- Kubernetes"


def test_a_greenhouse_shaped_page(site):
    found = capture(f"{site}/gh/fjord/jobs/99")
    assert (found.company, found.role, found.location) == ("Fjord Freight", "Data Analyst", "Bergen, NO (+1 more)")
    assert found.salary == "NOK 650,000-720,000 a year"
    assert found.valid_through.startswith("2026-12-31") and found.description == "Ships & numbers."


def test_the_lever_api_answer_with_an_injected_base(site):
    found = capture("https://jobs.lever.co/northwind/4b1d", bases={"lever": f"{site}/api/lever",
                                                                   "greenhouse": site, "ashby": site})
    assert (found.role, found.locations, found.employment_type) == ("Platform Engineer", ("Toronto",), "full-time")
    assert "You" in found.description and "- Go" in found.description


def test_a_redirect_within_http_is_followed(site):
    assert capture(f"{site}/moved").role == "Data Analyst"


@pytest.mark.parametrize("path", ["/to-file", "/to-javascript", "/to-ftp"])
def test_a_redirect_to_another_scheme_is_refused(site, path):
    with pytest.raises(CaptureError, match="redirects to another scheme") as error:
        capture(f"{site}{path}")
    assert "\n" not in str(error.value)


def test_a_page_over_the_size_cap_is_refused_and_fields_are_capped(site):
    with pytest.raises(CaptureError, match="larger than 5 MB"):
        capture(f"{site}/huge")
    found = capture(f"{site}/long")
    assert len(found.role) == LINE_CAP and len(found.description) <= DESCRIPTION_CAP


def test_pasted_text_is_read_only_up_to_the_cap(tmp_path):
    saved = tmp_path / "job.html"
    saved.write_text("<title>Cook</title>" + " " * (SIZE_CAP + 100) + '<script type="application/ld+json">'
                     '{"@type": "JobPosting", "title": "Hidden"}</script>')
    assert capture(str(saved)).role == "Cook"  # the JSON-LD beyond 5 MB is never read


def test_a_name_that_does_not_resolve_is_one_line(monkeypatch):
    def no_such_name(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)  # the resolver says no: no query leaves
    with pytest.raises(CaptureError) as error:
        capture("https://jobs.example.invalid/123", timeout=2)
    assert str(error.value) == (
        "could not find jobs.example.invalid: the name does not resolve (check the address and your connection)"
    )


def test_a_certificate_that_does_not_verify_is_one_line():
    with serving(PAGES, tls=True) as secure:
        with pytest.raises(CaptureError) as error:
            capture(f"{secure}/gh/fjord/jobs/99", timeout=5)
    assert str(error.value).startswith("the secure connection to 127.0.0.1 failed (")
    assert "the page was not read" in str(error.value) and "\n" not in str(error.value)


def test_a_failed_fetch_leaves_the_board_untouched(site, tmp_path, frozen):
    db = ["--db", str(tmp_path / "board.json")]
    assert run_cli(*db, "add", "Acme", "Cook")[0] == 0
    before = (tmp_path / "board.json").read_bytes()
    code, out, err = run_cli(*db, "add", "--from", f"{site}/to-file")
    assert (code, out) == (1, "") and "redirects to another scheme" in err and len(err.splitlines()) == 1
    assert (tmp_path / "board.json").read_bytes() == before
