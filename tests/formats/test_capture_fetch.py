"""Fetching postings from a local test server (never the internet), docs/capture.md."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from jobboard.capture import CaptureError, capture

JOB = {"@type": "JobPosting", "title": "Baker", "hiringOrganization": "Crumbs",
       "jobLocation": {"address": {"addressLocality": "Lyon", "addressCountry": "FR"}}}
PAGES = {
    "/job": (200, "text/html", f'<script type="application/ld+json">{json.dumps(JOB)}</script>'),
    "/plain": (200, "text/html", "<p>no posting</p>"),
    "/big": (200, "text/html", "x" * (6 * 1024 * 1024)),
    "/gh/acme/jobs/7": (200, "application/json", json.dumps(
        {"title": "SRE", "company_name": "Acme", "location": {"name": "Oslo"}, "content": ""})),
    "/ashby/acme": (200, "application/json", json.dumps(
        {"jobs": [{"id": "a1", "title": "PM", "location": "Remote"}]})),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the stdlib's name
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
            self.end_headers()
            return
        if self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://example.invalid/x")
            self.end_headers()
            return
        status, kind, body = PAGES.get(self.path, (404, "text/plain", "gone"))
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_a_page_is_fetched_and_read(server):
    found = capture(f"{server}/job")
    assert (found.company, found.role, found.location) == ("Crumbs", "Baker", "Lyon, FR")


@pytest.mark.parametrize(("path", "words"), [
    ("/plain", "no job posting data"),
    ("/big", "larger than 5 MB"),
    ("/loop", "redirects more than 5 times"),
    ("/to-ftp", "another scheme"),
    ("/missing", "answered 404"),
])
def test_every_failure_is_one_line(server, path, words):
    with pytest.raises(CaptureError) as error:
        capture(f"{server}{path}")
    assert words in str(error.value) and "\n" not in str(error.value)


def test_not_http_and_unreachable():
    with pytest.raises(CaptureError, match="not an http"):
        capture("ftp://example.invalid/job")
    with pytest.raises(CaptureError, match="could not reach"):
        capture("http://127.0.0.1:9/job", timeout=2)


def test_job_board_apis_use_the_injected_bases(server):
    bases = {"greenhouse": f"{server}/gh", "lever": f"{server}/lever", "ashby": f"{server}/ashby"}
    found = capture("https://boards.greenhouse.io/acme/jobs/7", bases=bases)
    assert (found.company, found.role, found.locations) == ("Acme", "SRE", ("Oslo",))
    assert capture("https://jobs.ashbyhq.com/acme/a1", bases=bases).role == "PM"


def test_a_saved_file_needs_no_network(tmp_path):
    saved = tmp_path / "job.html"
    saved.write_text(PAGES["/job"][2])
    assert capture(str(saved)).role == "Baker"
