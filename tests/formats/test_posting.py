"""The posting reader on pages written in the shapes real job pages take (docs/capture.md)."""

import json

import pytest

from jobboard.formats.posting import NoPosting, Posting, from_ats_json, read_page, readable


def page(*blocks: str, head: str = "") -> str:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return f"<html><head>{head}{scripts}</head><body>Apply</body></html>"


POSTING = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Platform Engineer",
    "hiringOrganization": {"@type": "Organization", "name": "Acme &amp; Sons"},
    "description": "&lt;p&gt;Build things.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Python&lt;/li&gt;&lt;/ul&gt;",
    "jobLocation": [
        {"@type": "Place", "address": {"addressLocality": "Sunnyvale", "addressRegion": "CA"}},
        {"@type": "Place", "address": {"addressLocality": "Austin", "addressRegion": "TX"}},
    ],
    "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                   "value": {"minValue": 70000, "maxValue": 85000, "unitText": "YEAR"}},
    "employmentType": ["FULL_TIME"],
    "validThrough": "2026-06-08T00:00",
}


def test_a_plain_block_gives_every_field():
    found = read_page(page(json.dumps(POSTING)))
    assert found.company == "Acme & Sons"
    assert found.role == "Platform Engineer"
    assert found.description == "Build things.\n\n- Python"
    assert found.location == "Sunnyvale, CA (+1 more)"
    assert found.salary == "EUR 70,000-85,000 a year"
    assert found.employment_type == "full time"
    assert found.valid_through == "2026-06-08T00:00"
    assert not found.from_title


def test_graph_list_type_id_reference_cdata_and_several_blocks():
    org = {"@id": "#org", "@type": "Organization", "name": "Globex"}
    job = dict(POSTING, **{"@type": ["Thing", "JobPosting"], "hiringOrganization": {"@id": "#org"}})
    graph = json.dumps({"@context": "https://schema.org", "@graph": [org, job]})
    found = read_page(page('{"@type": "WebSite"}', "not json {", f"//<![CDATA[\n{graph}\n//]]>"))
    assert found.company == "Globex"


def test_organisation_as_string_and_literal_newlines():
    job = dict(POSTING, hiringOrganization="Initech", description="line one\\nline two")
    found = read_page(page(json.dumps(job)))
    assert found.company == "Initech"
    assert found.description == "line one\nline two"


def test_hostile_text_is_neutralised_and_capped():
    job = dict(POSTING, title="Boss\x1b[31m" + "x" * 5000, description="<p>a\x07b</p>" * 20000)
    found = read_page(page(json.dumps(job)))
    assert "\x1b" not in found.role and len(found.role) <= 300
    assert "\x07" not in found.description and len(found.description) <= 50_000


def test_title_is_a_last_resort_and_says_so():
    found = read_page('<html><head><meta property="og:title" content="Data Analyst | Hooli">'
                      '<meta property="og:site_name" content="Hooli"></head></html>')
    assert found == Posting(company="Hooli", role="Data Analyst", from_title=True)
    assert read_page("<title>Chef - Bistro</title>").role == "Chef"


def test_no_posting_data_is_refused():
    with pytest.raises(NoPosting):
        read_page("<html><body>nothing here</body></html>")


def test_the_three_job_board_apis():
    green = {"title": "SRE", "company_name": "Umbrella", "location": {"name": "Berlin"},
             "content": "&lt;p&gt;Keep it up&lt;/p&gt;"}
    assert from_ats_json("greenhouse", green) == Posting(
        company="Umbrella", role="SRE", description="Keep it up", locations=("Berlin",))
    lever = {"text": "Designer", "categories": {"commitment": "Full-time", "location": "Paris",
             "allLocations": ["Paris", "Lyon"]}, "description": "<p>Draw</p>",
             "lists": [{"text": "You", "content": "<li>care</li>"}], "additional": ""}
    found = from_ats_json("lever", lever)
    assert (found.role, found.location, found.employment_type) == ("Designer", "Paris (+1 more)",
                                                                   "full-time")
    assert found.description == "Draw\n\nYou\n\n- care"
    ashby = {"title": "PM", "location": "Remote", "employmentType": "FullTime",
             "secondaryLocations": [{"location": "London"}], "descriptionHtml": "<p>Plan</p>"}
    assert from_ats_json("ashby", ashby).locations == ("Remote", "London")


def test_readable_drops_scripts_and_tags():
    assert readable("<div>Hi<script>alert(1)</script> <b>there</b></div>") == "Hi there"
