"""A real HTTP/1.1 server on a loopback address, in a background thread, for tests that must cross a socket.

:class:`~docingest.testing.MockHttp` answers httpx without a network, which is what most tests want. Some
behaviour only shows on a real connection: timeouts and slow bodies, connection limits, redirects across
hosts, work split between processes (a worker cannot share a mock transport), DNS and address checks. For
those, :class:`LoopbackServer` serves routes from ``127.0.0.1`` (or another loopback address) and records what
it was asked::

    with LoopbackServer() as server:
        server.add("/story", "<h1>Title</h1><p>Text.</p>")
        pipeline = Pipeline(fetch=server.fetch_settings())
        article = pipeline.ingest(server.url("/story"))
        assert server.hits["/story"] == 1

It binds loopback addresses only (a test must never open a port to the network), answers unknown paths with
404, and uses only the standard library. The pytest fixture ``docingest_server`` yields one per test.
"""

from __future__ import annotations

import http.server
import ipaddress
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from .settings import FetchSettings

__all__ = ["InFlight", "LoopbackServer", "RequestHandler", "canned", "reply"]

RequestHandler = Callable[[http.server.BaseHTTPRequestHandler], None]
"""A route: called with the standard library's request handler, it writes the whole response."""


class InFlight:
    """Requests being answered right now, and the most seen at once (thread-safe). One counter can be shared
    by several servers to see the load on all of them together."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.now = 0
        self.peak = 0

    def __enter__(self) -> InFlight:
        with self._lock:
            self.now += 1
            self.peak = max(self.peak, self.now)
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self.now -= 1


def canned(
    body: str | bytes, content_type: str | None = None, headers: Mapping[str, str] | None = None
) -> tuple[bytes, dict[str, str]]:
    """The bytes and headers of a canned answer: ``str`` is sent as UTF-8 and typed ``text/html; charset=utf-8``
    unless ``content_type`` or a ``Content-Type`` in ``headers`` says otherwise; ``bytes`` go untyped."""
    sent = dict(headers or {})
    if content_type is not None:
        sent["content-type"] = content_type
    elif isinstance(body, str) and not any(k.lower() == "content-type" for k in sent):
        sent["content-type"] = "text/html; charset=utf-8"
    return (body.encode("utf-8") if isinstance(body, str) else body), sent


def reply(
    handler: http.server.BaseHTTPRequestHandler,
    status: int,
    body: bytes = b"",
    content_type: str | None = "text/html; charset=utf-8",
    headers: Mapping[str, str] | None = None,
) -> None:
    """Write a complete response with a ``Content-Length`` (``content_type=None`` sends no type)."""
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class LoopbackServer:
    """A threaded HTTP/1.1 server on a loopback address with per-path routes.

    ``routes`` maps a path (query included, as sent) to a :data:`RequestHandler`; the path ``"*"`` answers
    every path that has no route of its own. :meth:`add` and :meth:`redirect` cover the usual cases.

    Recorded: :attr:`hits` (requests per path), :attr:`headers` (each request's headers, lower-cased names),
    :attr:`in_flight` (concurrent requests now and at peak, plus any counters passed as ``track``).
    :attr:`delay` seconds are slept before each answer, to hold connections open.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, track: tuple[InFlight, ...] = ()) -> None:
        if not ipaddress.ip_address(host).is_loopback:
            raise ValueError(f"LoopbackServer binds loopback addresses only, not {host!r}")
        self.routes: dict[str, RequestHandler] = {}
        self.hits: Counter[str] = Counter()
        self.headers: list[dict[str, str]] = []
        self.in_flight = InFlight()
        self.delay = 0.0
        counters = (self.in_flight, *track)
        owner = self

        class _Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                owner.hits[self.path] += 1
                owner.headers.append({k.lower(): v for k, v in self.headers.items()})
                route = owner.routes.get(self.path) or owner.routes.get("*")
                try:
                    for counter in counters:
                        counter.__enter__()
                    try:
                        if owner.delay:
                            time.sleep(owner.delay)
                        if route is None:
                            reply(self, 404, b"not found", "text/plain")
                        else:
                            route(self)
                    finally:
                        for counter in counters:
                            counter.__exit__()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = http.server.ThreadingHTTPServer((host, port), _Handler)
        self._httpd.daemon_threads = True
        self.host: str = host
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------------------------------ routes
    def add(
        self,
        path: str,
        body: str | bytes = b"",
        *,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        content_type: str | None = None,
    ) -> None:
        """Answer ``path`` with ``body`` (typed as :func:`canned` says)."""
        data, sent = canned(body, content_type, headers)
        self.routes[path] = lambda h: reply(h, status, data, None, sent)

    def redirect(self, path: str, location: str, *, status: int = 302) -> None:
        """Redirect ``path`` to ``location`` (a path on this server or any URL)."""
        self.routes[path] = lambda h: reply(h, status, b"", None, {"Location": location})

    # ------------------------------------------------------------------------------------------ addresses
    def url(self, path: str = "/") -> str:
        """The absolute URL of ``path`` on this server."""
        return f"http://{self.host}:{self.port}{path}"

    @property
    def allow(self) -> str:
        """``host:port``, the entry that lets the fetcher reach this server (``FetchSettings.allow_private``)."""
        return f"{self.host}:{self.port}"

    def fetch_settings(self, **overrides: Any) -> FetchSettings:
        """Fetch settings that reach this server and no other private address, without retries or robots.txt
        (so that :attr:`hits` counts only what a test asks for); ``overrides`` replace any field."""
        values: dict[str, Any] = {"allow_private": (self.allow,), "retries": 0, "respect_robots": False}
        values.update(overrides)
        return FetchSettings(**values)

    @property
    def total(self) -> int:
        """Requests received, on every path."""
        return sum(self.hits.values())

    # ------------------------------------------------------------------------------------------ life
    def close(self) -> None:
        """Stop serving and release the port."""
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> LoopbackServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
