"""Job pages we wrote ourselves, served from this machine on a free port (never the internet).

``serving(pages)`` runs a threaded stdlib HTTP server on 127.0.0.1 port 0 for the test's
duration and yields its base address; ``pages`` maps a path to (status, content type, body),
and a status of 3xx sends the body as the Location. With ``tls`` it serves https with the
self-signed certificate in tests/fixtures/tls (which no client trusts). With ``hold`` (an
Event), every answer waits until the test sets it: a page that is slow for as long as needed.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TLS_FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "tls"

Page = tuple[int, str, str]


def _handler(pages: Mapping[str, Page], hold: threading.Event | None) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            if hold is not None:
                hold.wait(timeout=60)
            status, kind, body = pages.get(self.path, (404, "text/plain", "gone"))
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", body)
                body = ""
            data = body.encode()
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serving(pages: Mapping[str, Page], tls: bool = False, hold: threading.Event | None = None) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(pages, hold))
    if tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(TLS_FOLDER / "self-signed.pem", TLS_FOLDER / "self-signed.key")
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{httpd.server_address[1]}"
    finally:
        if hold is not None:
            hold.set()  # a request still waiting is answered, so the server can stop
        httpd.shutdown()
        httpd.server_close()
        thread.join()
