"""A real HTTP server on 127.0.0.1 for the fetch tests: serves ``tests/data/web`` and the failures
a news site can throw at a crawler.

Static files: ``{{BASE}}`` in ``.xml``/``.html`` files becomes the server's base URL (feeds link
to absolute URLs); every file has an ``ETag`` and answers ``304`` to ``If-None-Match``.

``overrides`` serves other text at a file's path.

Failure routes under ``/fail/``: ``500`` (always), ``flaky`` (500 twice, then a page), ``slow``
(answers after ``slow_seconds``), ``pdf`` (not HTML), ``huge`` (over the limit, with a
Content-Length), ``huge-stream`` (over the limit, no Content-Length), ``bad-charset`` (says
UTF-8, is Latin-1), ``unknown-charset``, ``untyped`` and ``untyped-binary`` (no Content-Type),
``retry-after`` (503 with Retry-After once).  Anything missing is a 404.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB_DATA = Path(__file__).resolve().parent / "data" / "web"

HUGE_BYTES = 300_000
_ARTICLE = (
    "<!DOCTYPE html><html><head><meta charset='{charset}'><title>{title}</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/ukraine'>Ukraine</a></nav><article><h1>{title}</h1>{body}</article>"
    "</body></html>"
)


def article_html(title: str, paragraphs: list[str], charset: str = "utf-8") -> str:
    """A small news page with a navigation bar."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return _ARTICLE.format(charset=charset, title=title, body=body)


@dataclass
class Hit:
    """One request the server answered."""

    path: str
    status: int
    user_agent: str
    at: float


@dataclass
class WebServer:
    """The running server: its base URL and every request it answered, in order."""

    base: str = ""
    hits: list[Hit] = field(default_factory=list)
    slow_seconds: float = 3.0
    flaky_failures: int = 2
    # path -> file text served instead of the file (a feed that has grown since the last run)
    overrides: dict[str, str] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, path: str) -> int:
        """How many requests for ``path`` (query ignored) the server answered."""
        return sum(1 for h in self.hits if h.path.split("?")[0] == path)

    def statuses(self, path: str) -> list[int]:
        """The statuses given for ``path``, in order."""
        return [h.status for h in self.hits if h.path.split("?")[0] == path]

    def seen(self, path: str) -> int:
        with self._lock:
            self._counts[path] = self._counts.get(path, 0) + 1
            return self._counts[path]


def _handler(server_state: WebServer) -> type[SimpleHTTPRequestHandler]:
    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, directory=str(WEB_DATA), **kwargs)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass  # keep the test output clean

        def _send(self, status: int, body: bytes, content_type: str | None = "text/html; charset=utf-8",
                  headers: dict[str, str] | None = None, length: bool = True) -> None:
            self._record(status)  # before answering: the client may look at the log as soon as it has the answer
            self.send_response(status)
            if content_type is not None:
                self.send_header("Content-Type", content_type)
            if length:
                self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout or a size limit): what the test wants

        def _record(self, status: int) -> None:
            with server_state._lock:
                server_state.hits.append(Hit(self.path, status, self.headers.get("User-Agent", ""), time.monotonic()))

        def do_GET(self) -> None:  # noqa: N802 - the base class's name
            path = self.path.split("?")[0]
            if path.startswith("/fail/") and not (WEB_DATA / path.lstrip("/")).is_file():
                return self._failure(path.removeprefix("/fail/"))
            file = (WEB_DATA / path.lstrip("/")).resolve()
            if not file.is_file() or WEB_DATA not in file.parents:
                return self._send(404, b"<h1>Not Found</h1>")
            body = server_state.overrides[path].encode() if path in server_state.overrides else file.read_bytes()
            if file.suffix in (".xml", ".html"):
                body = body.replace(b"{{BASE}}", server_state.base.encode())
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self._record(304)
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            kind = {".xml": "application/rss+xml", ".html": "text/html"}.get(file.suffix, "application/octet-stream")
            if file.name == "atom.xml":
                kind = "application/atom+xml"
            self._send(200, body, kind, {"ETag": etag})

        def _failure(self, name: str) -> None:
            story = article_html("Ceasefire talks resume", [
                "Negotiators from both sides met in Geneva on Thursday for a second round of talks on a "
                "ceasefire, the mediators said in a statement after the meeting ended late at night."])
            if name == "500":
                self._send(500, b"<h1>Internal Server Error</h1>")
            elif name == "flaky":
                if server_state.seen(name) <= server_state.flaky_failures:
                    self._send(500, b"<h1>Internal Server Error</h1>")
                else:
                    self._send(200, story.encode())
            elif name == "retry-after":
                if server_state.seen(name) == 1:
                    self._send(503, b"busy", headers={"Retry-After": "1"})
                else:
                    self._send(200, story.encode())
            elif name == "slow":
                time.sleep(server_state.slow_seconds)
                self._send(200, story.encode())
            elif name == "pdf":
                self._send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n", "application/pdf")
            elif name in ("huge", "huge-stream"):
                filler = "<p>" + "The talks went on late into the night. " * 40 + "</p>"
                body = article_html("A very long page", [filler] * (HUGE_BYTES // len(filler) + 1)).encode()
                self._send(200, body, length=name == "huge")
            elif name == "bad-charset":
                page = article_html("Ölfeld in Flammen", [
                    "Die Miliz griff am Montag das Ölfeld bei Heglig an, sagten Augenzeugen, und die Armee "
                    "schickte Verstärkung in die Grenzregion, während Tausende Bewohner flohen."])
                self._send(200, page.encode("latin-1"), "text/html; charset=utf-8")
            elif name == "untyped":
                self._send(200, story.encode(), None)
            elif name == "untyped-binary":
                self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00", None)
            elif name == "unknown-charset":
                self._send(200, story.encode(), "text/html; charset=x-martian")
            else:
                self._send(404, b"<h1>Not Found</h1>")

    return Handler


class RunningServer:
    """Context manager: start the server in a thread, stop it on exit."""

    def __init__(self) -> None:
        self.state = WebServer()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.state))
        self._httpd.daemon_threads = True
        self.state.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> WebServer:
        self._thread.start()
        return self.state

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
