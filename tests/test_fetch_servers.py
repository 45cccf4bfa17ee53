"""The fetcher against real HTTP servers on 127.0.0.1, started here (no other network is touched).

Each hostile behaviour of the issue has its test: compression bombs and huge bodies (too_large, memory
bounded), a server dripping bytes (timeout at the deadline), redirect loops, redirects and numeric hosts aimed
at a local address that is not allowed (blocked, and that server never sees a request), 429 then 200, 500,
image/png, robots.txt, and a windows-1252 page declared only by ``<meta charset>``.
"""

from __future__ import annotations

import asyncio
import gzip
import http.server
import socket
import time
import tracemalloc
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import brotli
import httpx
import pytest
import zstandard

import docingest
from docingest import FetchSettings, IngestError
from docingest.fetching import HttpxFetcher
from docingest.testing import LoopbackServer, reply

pytestmark = pytest.mark.network

Handler = Callable[[http.server.BaseHTTPRequestHandler], None]
PAGE = (
    b"<html><head><title>A page</title></head><body><article><p>"
    + b"The council approved the budget on Tuesday after a long debate. " * 8
    + b"</p></article></body></html>"
)


def page(
    status: int = 200, body: bytes = PAGE, content_type: str | None = "text/html; charset=utf-8", **headers: str
) -> Handler:
    return lambda h: reply(h, status, body, content_type, {k.replace("_", "-"): v for k, v in headers.items()})


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    srv = LoopbackServer()
    srv.routes["/robots.txt"] = page(404, b"", "text/plain")
    yield srv
    srv.close()


@pytest.fixture
def other() -> Iterator[LoopbackServer]:
    srv = LoopbackServer()
    srv.routes["*"] = page()
    yield srv
    srv.close()


def settings(srv: LoopbackServer, **overrides: Any) -> FetchSettings:
    values: dict[str, Any] = {"allow_private": (f"127.0.0.1:{srv.port}",), "timeout": 5.0, "backoff": 0.05}
    values.update(overrides)
    return FetchSettings(**values)


def fetch_both_timed(
    fetch_settings: FetchSettings, url: str
) -> list[tuple[IngestError | docingest.RawDocument, float]]:
    """Fetch with ``fetch`` and with ``afetch`` (fresh fetchers); the outcome of each and the seconds it took."""
    outcomes: list[tuple[IngestError | docingest.RawDocument, float]] = []
    fetcher = HttpxFetcher(fetch_settings)
    started = time.monotonic()
    try:
        outcomes.append((fetcher.fetch(url), time.monotonic() - started))
    except IngestError as exc:
        outcomes.append((exc, time.monotonic() - started))
    finally:
        fetcher.close()

    async def run() -> tuple[IngestError | docingest.RawDocument, float]:
        fetcher = HttpxFetcher(fetch_settings)
        started = time.monotonic()
        try:
            return await fetcher.afetch(url), time.monotonic() - started
        except IngestError as exc:
            return exc, time.monotonic() - started
        finally:
            await fetcher.aclose()

    outcomes.append(asyncio.run(run()))
    return outcomes


def fetch_both(fetch_settings: FetchSettings, url: str) -> list[IngestError | docingest.RawDocument]:
    """Fetch with ``fetch`` and with ``afetch`` (fresh fetchers); the outcome of each."""
    return [outcome for outcome, _ in fetch_both_timed(fetch_settings, url)]


def failure_kinds(outcomes: list[IngestError | docingest.RawDocument]) -> list[str]:
    return [o.failure.kind if isinstance(o, IngestError) else "ok" for o in outcomes]


# ------------------------------------------------------------------------------------------ bodies
MiB = 1024 * 1024


@cache
def bombs() -> dict[str, bytes]:
    zeros = b"\0" * (16 * MiB)
    return {
        "gzip": gzip.compress(zeros, compresslevel=6),
        "br": brotli.compress(zeros, quality=5),
        "zstd": zstandard.ZstdCompressor(level=3).compress(zeros),
        "deflate": zlib.compress(zeros, 9),
    }


def test_ordinary_page_sync_and_async(server: LoopbackServer) -> None:
    server.routes["/a"] = page()
    outcomes = fetch_both(settings(server), server.url("/a"))
    for raw in outcomes:
        assert isinstance(raw, docingest.RawDocument)
        assert raw.content == PAGE and raw.status == 200 and raw.kind == "html"
        assert raw.content_type == "text/html; charset=utf-8"
        assert raw.final_url == server.url("/a") and raw.url == server.url("/a")
        assert raw.fetched_at is not None and raw.fetched_at.tzinfo is not None
        assert ("content-type", "text/html; charset=utf-8") in raw.headers
    sent = server.headers[-1]
    assert sent["user-agent"].startswith("docingest/")
    assert set(sent["accept-encoding"].split(", ")) == {"gzip", "deflate", "br", "zstd"}


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br", "zstd", "gzip, br", "zstd, gzip"])
def test_content_encodings_decode(server: LoopbackServer, encoding: str) -> None:
    body = PAGE
    for name in [e.strip() for e in encoding.split(",")]:
        body = {
            "gzip": gzip.compress,
            "deflate": zlib.compress,
            "br": brotli.compress,
            "zstd": zstandard.ZstdCompressor().compress,
        }[name](body)
    server.routes["/enc"] = page(body=body, content_encoding=encoding)
    for raw in fetch_both(settings(server), server.url("/enc")):
        assert isinstance(raw, docingest.RawDocument), raw
        assert raw.content == PAGE


def test_more_than_two_stacked_encodings_refused(server: LoopbackServer) -> None:
    body = gzip.compress(gzip.compress(gzip.compress(PAGE)))
    server.routes["/stack"] = page(body=body, content_encoding="gzip, gzip, gzip")
    assert failure_kinds(fetch_both(settings(server), server.url("/stack"))) == ["unsupported_content"] * 2


@pytest.mark.parametrize("encoding", ["gzip", "br", "zstd", "deflate"])
def test_compression_bomb_is_too_large_with_memory_bounded(server: LoopbackServer, encoding: str) -> None:
    bomb = bombs()[encoding]
    server.routes["/bomb"] = page(body=bomb, content_encoding=encoding)
    fetch_settings = settings(server, max_bytes=MiB)
    fetcher = HttpxFetcher(fetch_settings)
    tracemalloc.start()
    try:
        with pytest.raises(IngestError) as info:
            fetcher.fetch(server.url("/bomb"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        fetcher.close()
    assert info.value.failure.kind == "too_large"
    assert ("limit", str(MiB)) in info.value.failure.details
    # 16 MiB would come out; the cap is 1 MiB; the peak stays within a few caps.
    assert peak < 6 * MiB, peak


def test_compression_bomb_async_too_large(server: LoopbackServer) -> None:
    server.routes["/bomb"] = page(body=bombs()["br"], content_encoding="br")
    kinds = failure_kinds(fetch_both(settings(server, max_bytes=MiB), server.url("/bomb")))
    assert kinds == ["too_large", "too_large"]


def _stream_forever(h: http.server.BaseHTTPRequestHandler, total: int, length: bool) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    if length:
        h.send_header("Content-Length", str(total))
    else:
        h.send_header("Connection", "close")
    h.end_headers()
    chunk = b"x" * 65536
    sent = 0
    while sent < total:
        h.wfile.write(chunk)
        sent += len(chunk)


@pytest.mark.parametrize("declared", [True, False])
def test_fifty_megabyte_body_is_too_large(server: LoopbackServer, declared: bool) -> None:
    server.routes["/huge"] = lambda h: _stream_forever(h, 50 * MiB, declared)
    fetcher = HttpxFetcher(settings(server, max_bytes=MiB))
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(IngestError) as info:
            fetcher.fetch(server.url("/huge"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        fetcher.close()
    assert info.value.failure.kind == "too_large"
    assert peak < 6 * MiB, peak
    assert time.monotonic() - started < 5


def test_dripping_server_times_out_at_the_deadline(server: LoopbackServer) -> None:
    def drip(h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "100")
        h.end_headers()
        for _ in range(100):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.5)

    server.routes["/drip"] = drip
    timeout = 2.0
    for outcome, elapsed in fetch_both_timed(settings(server, timeout=timeout, retries=0), server.url("/drip")):
        assert isinstance(outcome, IngestError) and outcome.failure.kind == "timeout"
        assert timeout - 0.1 <= elapsed < timeout + 0.75, elapsed


# ------------------------------------------------------------------------------------------ redirects
def test_redirect_loop_stops_after_max_redirects(server: LoopbackServer) -> None:
    server.routes["/a"] = page(302, b"", location="/b")
    server.routes["/b"] = page(301, b"", location=server.url("/a"))
    outcomes = fetch_both(settings(server, max_redirects=3), server.url("/a"))
    assert failure_kinds(outcomes) == ["fetch_error", "fetch_error"]
    assert "redirects" in outcomes[0].failure.message  # type: ignore[union-attr]
    assert server.hits["/a"] + server.hits["/b"] == 2 * 4  # first request + 3 redirects, twice


def test_redirects_followed_and_final_url_kept(server: LoopbackServer) -> None:
    server.routes["/old"] = page(308, b"", location="/new")
    server.routes["/new"] = page()
    for raw in fetch_both(settings(server), server.url("/old")):
        assert isinstance(raw, docingest.RawDocument)
        assert raw.final_url == server.url("/new") and raw.url == server.url("/old")


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{port}/",
        "http://localhost:{port}/",
        "http://2130706433:{port}/",
        "http://0x7f000001:{port}/",
        "http://127.1:{port}/",
        "http://0177.0.0.1:{port}/",
        "http://[::ffff:127.0.0.1]:{port}/",
        "file:///etc/passwd",
    ],
)
def test_redirect_to_local_address_is_blocked_before_any_request(server: LoopbackServer, other: LoopbackServer,
    target: str) -> None:
    server.routes["/go"] = page(302, b"", location=target.format(port=other.port))
    outcomes = fetch_both(settings(server), server.url("/go"))
    assert failure_kinds(outcomes) == ["blocked", "blocked"]
    assert other.total == 0


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost", "2130706433", "0x7f000001", "127.1", "0177.0.0.1", "[::ffff:7f00:1]"]
)
def test_direct_numeric_hosts_are_blocked(other: LoopbackServer, host: str) -> None:
    url = f"http://{host}:{other.port}/"
    kinds = failure_kinds(fetch_both(FetchSettings(timeout=5), url))
    assert kinds == ["blocked", "blocked"]
    assert other.total == 0


def test_numeric_host_reaches_an_allowed_server(other: LoopbackServer) -> None:
    # The form the guard checks is the address the socket connects to.
    for raw in fetch_both(FetchSettings(allow_private=(f"127.0.0.1:{other.port}",)), f"http://127.1:{other.port}/x"):
        assert isinstance(raw, docingest.RawDocument)
    assert other.hits["/x"] == 2


def test_dns_is_resolved_once_and_the_checked_address_is_connected(monkeypatch: pytest.MonkeyPatch) -> None:
    # A rebinding name: first 127.0.0.2 (allowed), then 127.0.0.1 (not allowed). Two servers on one port.
    refused = LoopbackServer("127.0.0.1")
    try:
        allowed = LoopbackServer("127.0.0.2", refused.port)
    except OSError:
        refused.close()
        pytest.skip("cannot bind 127.0.0.2 here")
    allowed.routes["*"] = page()
    refused.routes["*"] = page()
    real = socket.getaddrinfo
    lookups: list[str] = []

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "rebind.test":
            lookups.append(host)
            address = "127.0.0.2" if len(lookups) == 1 else "127.0.0.1"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    try:
        fetch_settings = FetchSettings(allow_private=("127.0.0.2",), respect_robots=False, retries=0)
        fetcher = HttpxFetcher(fetch_settings)
        raw = fetcher.fetch(f"http://rebind.test:{refused.port}/page")
        fetcher.close()
        assert raw.status == 200
        assert lookups == ["rebind.test"]
        assert allowed.hits["/page"] == 1 and refused.total == 0
        # a new connection resolves again, sees 127.0.0.1, and is refused
        fetcher = HttpxFetcher(fetch_settings)
        with pytest.raises(IngestError) as info:
            fetcher.fetch(f"http://rebind.test:{refused.port}/page")
        fetcher.close()
        assert info.value.failure.kind == "blocked" and refused.total == 0
    finally:
        allowed.close()
        refused.close()


def test_a_hanging_dns_lookup_ends_at_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """The system resolver cannot be interrupted; both fetch paths stop waiting for it at the deadline."""
    real = socket.getaddrinfo

    def hanging(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host in ("hang.test", b"hang.test"):  # anyio passes the IDNA-encoded bytes
            time.sleep(2.0)
            raise socket.gaierror("gave up")
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", hanging)
    fetch_settings = FetchSettings(respect_robots=False, retries=0, timeout=0.5)
    for outcome, elapsed in fetch_both_timed(fetch_settings, "http://hang.test/page"):
        assert isinstance(outcome, IngestError) and outcome.failure.kind == "timeout", outcome
        assert elapsed < 1.5, elapsed


# ------------------------------------------------------------------------------------------ statuses
def test_429_then_200_succeeds_honouring_retry_after(server: LoopbackServer) -> None:
    calls: Counter[str] = Counter()

    def flaky(h: http.server.BaseHTTPRequestHandler) -> None:
        calls["n"] += 1
        if calls["n"] % 2 == 1:
            reply(h, 429, b"slow down", "text/plain", {"Retry-After": "1"})
        else:
            reply(h, 200, PAGE)

    server.routes["/flaky"] = flaky
    started = time.monotonic()
    outcomes = fetch_both(settings(server, retries=2), server.url("/flaky"))
    assert failure_kinds(outcomes) == ["ok", "ok"]
    assert server.hits["/flaky"] == 4
    assert time.monotonic() - started >= 2.0  # one Retry-After: 1 wait per fetch


def test_retry_after_zero_and_503(server: LoopbackServer) -> None:
    calls: Counter[str] = Counter()

    def flaky(h: http.server.BaseHTTPRequestHandler) -> None:
        calls["n"] += 1
        if calls["n"] % 3:
            reply(h, 503, b"busy", "text/plain", {"Retry-After": "0"})
        else:
            reply(h, 200, PAGE)

    server.routes["/busy"] = flaky
    assert failure_kinds(fetch_both(settings(server, retries=2), server.url("/busy"))) == ["ok", "ok"]
    assert server.hits["/busy"] == 6


def test_500_is_http_status_after_retries(server: LoopbackServer) -> None:
    server.routes["/err"] = page(500, b"boom", "text/plain")
    outcomes = fetch_both(settings(server, retries=1), server.url("/err"))
    assert failure_kinds(outcomes) == ["http_status", "http_status"]
    assert all(o.failure.status == 500 for o in outcomes if isinstance(o, IngestError))
    assert server.hits["/err"] == 4  # one retry each


def test_404_is_http_status_without_retry(server: LoopbackServer) -> None:
    outcomes = fetch_both(settings(server), server.url("/missing"))
    assert failure_kinds(outcomes) == ["http_status", "http_status"]
    assert server.hits["/missing"] == 2


def test_retry_after_beyond_the_deadline_gives_up_early(server: LoopbackServer) -> None:
    server.routes["/later"] = page(503, b"", "text/plain", retry_after="30")
    started = time.monotonic()
    outcomes = fetch_both(settings(server, timeout=2.0), server.url("/later"))
    assert failure_kinds(outcomes) == ["http_status", "http_status"]
    assert time.monotonic() - started < 2.0


def test_connection_refused_is_fetch_error(other: LoopbackServer) -> None:
    port = other.port
    other.close()
    fetch_settings = FetchSettings(allow_private=(f"127.0.0.1:{port}",), retries=1, backoff=0.01, timeout=3)
    assert failure_kinds(fetch_both(fetch_settings, f"http://127.0.0.1:{port}/")) == ["fetch_error"] * 2


def test_image_is_unsupported_before_the_body_is_read(server: LoopbackServer) -> None:
    server.routes["/img"] = page(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 1000, content_type="image/png")
    outcomes = fetch_both(settings(server), server.url("/img"))
    assert failure_kinds(outcomes) == ["unsupported_content"] * 2


def test_image_body_is_never_downloaded(server: LoopbackServer) -> None:
    def big_png(h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "image/png")
        h.send_header("Content-Length", str(200 * MiB))
        h.end_headers()
        for _ in range(200 * 16):
            h.wfile.write(b"\0" * 65536)

    server.routes["/big.png"] = big_png
    started = time.monotonic()
    assert failure_kinds(fetch_both(settings(server), server.url("/big.png"))) == ["unsupported_content"] * 2
    assert time.monotonic() - started < 3


def test_plain_text_accepted(server: LoopbackServer) -> None:
    server.routes["/t"] = page(body=b"Title\n\nSome text.", content_type="text/plain; charset=utf-8")
    for raw in fetch_both(settings(server), server.url("/t")):
        assert isinstance(raw, docingest.RawDocument) and raw.kind == "text"


# ------------------------------------------------------------------------------------------ robots.txt
def test_robots_disallow_is_blocked_and_cached(server: LoopbackServer) -> None:
    server.routes["/robots.txt"] = page(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.routes["*"] = page()
    fetcher = HttpxFetcher(settings(server))
    try:
        with pytest.raises(IngestError) as info:
            fetcher.fetch(server.url("/private/x"))
        assert info.value.failure.kind == "blocked"
        assert fetcher.fetch(server.url("/public")).status == 200
        with pytest.raises(IngestError):
            fetcher.fetch(server.url("/private/y"))
    finally:
        fetcher.close()
    assert server.hits["/robots.txt"] == 1
    assert server.hits["/private/x"] == 0 and server.hits["/private/y"] == 0
    # respect_robots=False fetches it
    assert failure_kinds(fetch_both(settings(server, respect_robots=False), server.url("/private/x"))) == ["ok"] * 2


def test_robots_for_our_agent_and_5xx(server: LoopbackServer) -> None:
    server.routes["/robots.txt"] = page(
        body=b"User-agent: docingest\nDisallow: /\n\nUser-agent: *\nAllow: /\n", content_type="text/plain"
    )
    assert failure_kinds(fetch_both(settings(server), server.url("/a"))) == ["blocked"] * 2
    server.routes["/robots.txt"] = page(503, b"", "text/plain")
    assert failure_kinds(fetch_both(settings(server), server.url("/a"))) == ["blocked"] * 2
    assert server.hits["/a"] == 0


def test_crawl_delay_spaces_requests(server: LoopbackServer) -> None:
    server.routes["/robots.txt"] = page(body=b"User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
    server.routes["*"] = page()
    fetcher = HttpxFetcher(settings(server))
    started = time.monotonic()
    try:
        fetcher.fetch(server.url("/1"))
        fetcher.fetch(server.url("/2"))
    finally:
        fetcher.close()
    assert time.monotonic() - started >= 1.0


# ------------------------------------------------------------------------------------------ end to end
def test_windows_1252_page_with_only_meta_charset(server: LoopbackServer) -> None:
    text = "Le café crème coûte 3 € à Zürich, dit-elle — « c’est cher ». " * 4
    body = (
        "<html><head><meta charset=windows-1252><title>Café</title></head><body><article><p>"
        + text
        + "</p></article></body></html>"
    ).encode("windows-1252")
    server.routes["/cp1252"] = page(body=body, content_type="text/html")
    article = docingest.ingest(server.url("/cp1252"), fetch=FetchSettings(allow_private=("127.0.0.1",)))
    assert "café crème coûte 3 € à Zürich" in article.text
    assert article.title == "Café"
    assert article.provenance.encoding in ("windows-1252", "cp1252")


def test_ingest_many_over_a_local_server(server: LoopbackServer) -> None:
    server.routes["*"] = page()
    urls = [server.url(f"/p{i}") for i in range(20)] + [server.url("/x.png")]
    server.routes["/x.png"] = page(body=b"\x89PNG", content_type="image/png")
    records = list(
        docingest.ingest_many(urls, fetch=FetchSettings(allow_private=("127.0.0.1",), per_host=4), extract=False)
    )
    assert len(records) == len(urls)
    assert all(isinstance(r, docingest.Article) for r in records[:20])
    assert isinstance(records[-1], docingest.Failure) and records[-1].kind == "unsupported_content"


def test_conditional_requests_with_the_cache(server: LoopbackServer, tmp_path: Any) -> None:
    def etagged(h: http.server.BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-None-Match") == '"v1"':
            h.send_response(304)
            h.send_header("ETag", '"v1"')
            h.send_header("Content-Length", "0")
            h.end_headers()
        else:
            reply(h, 200, PAGE, headers={"ETag": '"v1"'})

    server.routes["/c"] = etagged
    fetch_settings = settings(server, cache_dir=str(tmp_path))
    first = fetch_both(fetch_settings, server.url("/c"))
    second = fetch_both(fetch_settings, server.url("/c"))
    for raw in first + second:
        assert isinstance(raw, docingest.RawDocument) and raw.content == PAGE and raw.status == 200
    conditional = [h.get("if-none-match") for h in server.headers if h.get("if-none-match")]
    assert len(conditional) == 3  # every fetch after the first one revalidated


def test_one_fetcher_across_event_loops(server: LoopbackServer) -> None:
    server.routes["*"] = page()
    fetcher = HttpxFetcher(settings(server))

    async def run(n: int) -> list[int]:
        docs = await asyncio.gather(*(fetcher.afetch(server.url(f"/{n}/{i}")) for i in range(5)))
        return [d.status or 0 for d in docs]

    try:
        assert asyncio.run(run(1)) == [200] * 5
        assert asyncio.run(run(2)) == [200] * 5
    finally:
        fetcher.close()


def test_injected_transport_checks_literal_hosts_only() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, headers={"content-type": "text/html"}, content=PAGE)

    fetch_settings = FetchSettings(respect_robots=False)
    fetcher = HttpxFetcher(fetch_settings, transport=httpx.MockTransport(handler))
    assert fetcher.fetch("http://news.example/a").content == PAGE
    for url in ("http://127.0.0.1/", "http://2130706433/", "http://localhost/", "http://[::1]/"):
        with pytest.raises(IngestError) as info:
            fetcher.fetch(url)
        assert info.value.failure.kind == "blocked"
    fetcher.close()
    assert seen == ["http://news.example/a"]
