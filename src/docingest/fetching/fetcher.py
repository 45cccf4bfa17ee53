"""The built-in fetcher: httpx, hardened for a hostile web (see ``docs/fetching.md``).

One :class:`HttpxFetcher` serves both ``fetch`` (a thread-safe :class:`httpx.Client`, kept until
:meth:`~HttpxFetcher.close`) and ``afetch`` (one :class:`httpx.AsyncClient` per event loop, so a fetcher can be
used from several loops in turn; :meth:`~HttpxFetcher.aclose` closes the current loop's). Every fetch:

1. checks the URL: ``http``/``https`` only, and the host as written (IP literals in every numeric form,
   ``localhost``) against the address policy;
2. waits for a global and a per-host slot, then starts its total deadline (``FetchSettings.timeout``), which
   covers robots.txt, every redirect hop, retries and their waits, and the body;
3. consults robots.txt (cached per host) and waits out the politeness delay (the larger of
   ``FetchSettings.delay`` and the host's crawl-delay);
4. connects through :class:`~docingest.fetching.addresses.GuardedBackend`: the host is resolved once, every
   address checked, and the socket opened to a checked address;
5. retries 408, 429, 5xx and connection errors with exponential backoff and jitter, honouring
   ``Retry-After``; follows at most ``max_redirects`` redirects, each one going through steps 1-4 again;
6. refuses content types other than HTML and plain text before reading the body, then streams the raw body
   through capped decoders (:mod:`~docingest.fetching.decoders`).

Every failure is an :class:`~docingest.IngestError` whose failure kind says what happened: ``fetch_error``,
``http_status`` (with ``status``), ``blocked``, ``too_large``, ``timeout`` or ``unsupported_content``.

**Injected transports.** ``HttpxFetcher(settings, transport=..., async_transport=...)`` takes httpx
transports (``httpx.MockTransport`` in tests). Requests then never reach the guarded backend, so no DNS
happens and only the URL's literal host is checked (step 1: IP literals in every form and ``localhost``);
names are trusted as the transport answers them. The deadline is still enforced between body chunks (and, for
``afetch``, around the whole fetch).
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import ssl
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpcore
import httpx

from ..document import DocumentKind, RawDocument
from ..errors import IngestError
from ..models import FailureKind
from ..settings import FetchSettings
from .addresses import (
    DEADLINE,
    AddressBlocked,
    AddressPolicy,
    AsyncGuardedBackend,
    GuardedBackend,
    InvalidHost,
    parse_ipv4_host,
)
from .cache import CachedResponse, HttpCache, cacheable
from .decoders import BodyDecoder, CorruptEncoding, TooLarge, UnsupportedEncoding, accept_encoding
from .limits import AsyncLimits, Politeness, SyncLimits
from .robots import MAX_ROBOTS_BYTES, RobotsCache, RobotsRules, agent_token, robots_url, rules_from_response

RETRY_STATUSES = frozenset({408, 429, *range(500, 600)})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
#: Redirects followed when fetching robots.txt (RFC 9309 asks for at least five).
ROBOTS_REDIRECTS = 5
#: Longest single ``Retry-After`` or backoff wait honoured before giving up (the deadline bounds it too).
MAX_WAIT = 60.0


def _fail(kind: FailureKind, source: str, message: str, url: str | None = None, **fields: Any) -> IngestError:
    return IngestError.of(kind, source, message, url=url, **fields)


def _unreachable(source: str, url: httpx.URL, exc: Exception, when: str) -> IngestError:
    """The host did not answer (no address, connection refused or reset): said of the host, first, with the
    document's URL; ``when`` says which request found out (robots.txt is the first to a new host)."""
    host = url.netloc.decode("ascii", "replace")
    message = f"host {host} is unreachable: {exc or type(exc).__name__} ({when})"
    return _fail("fetch_error", source, message, url=str(url))


def origin_of(url: httpx.URL) -> str:
    """``scheme://host:port``: the key of per-host limits, politeness and robots.txt."""
    port = url.port or (443 if url.scheme == "https" else 80)
    return f"{url.scheme}://{url.host}:{port}"


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date), or ``None``."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def backoff_delay(base: float, attempt: int) -> float:
    """Exponential backoff with jitter: ``base * 2**attempt`` scaled by a random factor in [0.5, 1.5)."""
    return float(base * (2**attempt) * random.uniform(0.5, 1.5))


@cache
def tls_context() -> ssl.SSLContext:
    """The TLS context of every guarded client: certificates and host names always verified (certifi's CAs,
    or ``SSL_CERT_FILE`` / ``SSL_CERT_DIR``). Built once per process; there is no way to turn checks off."""
    return httpx.create_ssl_context(verify=True)


def canonical_ipv4(url: str) -> str:
    """``url`` with an IPv4 host written in any numeric form (``0177.0.0.1``, ``0x7f000001``, ``127.1``)
    rewritten as dotted decimal, as browsers do (httpx refuses some forms and passes others to the resolver)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return url
    if not host or ":" in host:
        return url
    address = parse_ipv4_host(host)
    if address is None or str(address) == host:
        return url
    netloc = parts.netloc
    at = netloc.rfind("@") + 1
    rest = netloc[at:]
    port = rest[len(host) :] if rest.lower().startswith(host) else ""
    return urlunsplit(parts._replace(netloc=netloc[:at] + str(address) + port))


#: Where a ``Location`` header that httpx cannot parse is kept, so that httpx does not fail on it first.
BAD_LOCATION = "x-docingest-unparsed-location"


def _fix_location(response: httpx.Response) -> None:
    """Response hook: numeric IPv4 hosts in ``Location`` made canonical before httpx parses the header (it
    refuses ``0177.0.0.1``); a location still unparseable is moved aside for the fetcher to report."""
    location = response.headers.get("location")
    if location is None:
        return
    try:
        fixed = canonical_ipv4(location.strip())
        response.request.url.join(fixed)
    except (httpx.InvalidURL, InvalidHost, ValueError):
        del response.headers["location"]
        response.headers[BAD_LOCATION] = location
        return
    if fixed != location:
        response.headers["location"] = fixed


async def _afix_location(response: httpx.Response) -> None:
    _fix_location(response)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over an httpcore pool whose network backend is the address guard."""

    def __init__(self, policy: AddressPolicy, limits: httpx.Limits) -> None:
        ssl_context = tls_context()
        super().__init__(verify=ssl_context, trust_env=False, limits=limits)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(policy),
        )


class _AsyncGuardedTransport(httpx.AsyncHTTPTransport):
    def __init__(self, policy: AddressPolicy, limits: httpx.Limits) -> None:
        ssl_context = tls_context()
        super().__init__(verify=ssl_context, trust_env=False, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=AsyncGuardedBackend(policy),
        )


class _LoopState:
    """What ``afetch`` keeps per event loop: the client, the limits, robots.txt locks."""

    def __init__(self, client: httpx.AsyncClient, limits: AsyncLimits) -> None:
        self.client = client
        self.limits = limits
        self.robots_locks: dict[str, asyncio.Lock] = {}


class HttpxFetcher:
    """Fetches http(s) URLs under :class:`~docingest.settings.FetchSettings` (see the module docstring).

    ``transport`` / ``async_transport`` replace the guarded network transports (tests use
    ``httpx.MockTransport``); then only the URL's literal host is checked against the address policy.
    """

    def __init__(
        self,
        settings: FetchSettings,
        *,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self.policy = AddressPolicy.from_entries(settings.allow_private)
        self.agent = agent_token(settings.user_agent)
        self._transport = transport
        self._async_transport = async_transport
        self._client: httpx.Client | None = None
        self._client_lock = threading.Lock()
        self._loops: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopState] = weakref.WeakKeyDictionary()
        self._sync_limits = SyncLimits(settings.concurrency, settings.per_host)
        self._politeness = Politeness()
        self._robots = RobotsCache()
        self._robots_locks: dict[str, threading.Lock] = {}
        self._robots_locks_lock = threading.Lock()
        self._cache = HttpCache(settings.cache_dir) if settings.cache_dir else None
        self._limits = httpx.Limits(
            max_connections=settings.concurrency + 4,
            max_keepalive_connections=settings.concurrency,
            keepalive_expiry=5.0,
        )
        self.headers = {
            "User-Agent": settings.user_agent,
            "Accept": ACCEPT,
            "Accept-Encoding": accept_encoding(),
        }

    # ------------------------------------------------------------------------------------------ clients
    def _client_options(self) -> dict[str, Any]:
        s = self.settings
        return {
            "follow_redirects": False,
            "trust_env": False,
            "headers": self.headers,
            "timeout": httpx.Timeout(s.timeout, connect=min(s.connect_timeout, s.timeout)),
        }

    def _sync_client(self) -> httpx.Client:
        with self._client_lock:
            if self._client is None:
                transport = self._transport or _GuardedTransport(self.policy, self._limits)
                hooks = {"response": [_fix_location]}
                self._client = httpx.Client(transport=transport, event_hooks=hooks, **self._client_options())
            return self._client

    def _loop_state(self) -> _LoopState:
        loop = asyncio.get_running_loop()
        state = self._loops.get(loop)
        if state is None:
            transport = self._async_transport or _AsyncGuardedTransport(self.policy, self._limits)
            hooks = {"response": [_afix_location]}
            client = httpx.AsyncClient(transport=transport, event_hooks=hooks, **self._client_options())
            state = _LoopState(client, AsyncLimits(self.settings.concurrency, self.settings.per_host))
            self._loops[loop] = state
        return state

    def close(self) -> None:
        """Close the synchronous client (async clients of loops that are gone are dropped)."""
        with self._client_lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    async def aclose(self) -> None:
        """Close the current event loop's client, and the synchronous one."""
        state = self._loops.pop(asyncio.get_running_loop(), None)
        if state is not None:
            await state.client.aclose()
        self.close()

    # ------------------------------------------------------------------------------------------ checks
    def target(self, source: str, url: str | httpx.URL) -> httpx.URL:
        """Parse and check one URL (scheme, literal host); raises :class:`IngestError`."""
        try:
            parsed = url if isinstance(url, httpx.URL) else httpx.URL(canonical_ipv4(url.strip()))
        except InvalidHost as exc:
            raise _fail("fetch_error", source, str(exc), url=str(url)) from exc
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise _fail("fetch_error", source, f"not a valid URL: {exc}", url=str(url)) from exc
        if parsed.scheme not in ("http", "https"):
            raise _fail("blocked", source, f"scheme {parsed.scheme!r} is not fetched (http/https only)", str(url))
        if not parsed.host:
            raise _fail("fetch_error", source, "the URL has no host", url=str(url))
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        try:
            self.policy.check_literal(parsed.host, port)
        except AddressBlocked as exc:
            raise _fail("blocked", source, str(exc), url=str(parsed)) from exc
        except InvalidHost as exc:
            raise _fail("fetch_error", source, str(exc), url=str(parsed)) from exc
        return parsed.copy_with(fragment=None)

    def _timeouts(self, deadline: float) -> httpx.Timeout:
        left = max(0.001, deadline - time.monotonic())
        return httpx.Timeout(left, connect=min(self.settings.connect_timeout, left))

    def _headers_for(self, cached: CachedResponse | None) -> dict[str, str]:
        return cached.conditional_headers() if cached is not None else {}

    def _left(self, deadline: float, source: str, url: httpx.URL) -> float:
        left = deadline - time.monotonic()
        if left <= 0:
            raise self._timeout(source, url)
        return left

    def _timeout(self, source: str, url: httpx.URL | str) -> IngestError:
        return _fail(
            "timeout",
            source,
            f"no complete answer within the {self.settings.timeout:g} s deadline",
            url=str(url),
            details={"timeout": self.settings.timeout},
        )

    def _wait_or_give_up(
        self, wait: float, deadline: float, source: str, url: httpx.URL, give_up: IngestError
    ) -> float:
        """The wait before a retry, or raise ``give_up`` when it would pass the deadline."""
        if wait > MAX_WAIT or time.monotonic() + wait >= deadline:
            raise give_up
        return wait

    @staticmethod
    def _status_error(source: str, url: httpx.URL, response: httpx.Response, note: str = "") -> IngestError:
        status = response.status_code
        return _fail(
            "http_status",
            source,
            f"HTTP {status} {response.reason_phrase}{note}".rstrip(),
            url=str(url),
            status=status,
        )

    def _redirect_target(self, source: str, url: httpx.URL, response: httpx.Response, hops: int) -> httpx.URL | None:
        if response.status_code not in REDIRECT_STATUSES:
            return None
        if BAD_LOCATION in response.headers:
            bad = response.headers[BAD_LOCATION]
            try:
                canonical_ipv4(bad.strip())
            except InvalidHost as exc:
                raise _fail("fetch_error", source, f"bad redirect location {bad!r}: {exc}", url=str(url)) from exc
            raise _fail("fetch_error", source, f"bad redirect location {bad!r}", url=str(url))
        if "location" not in response.headers:
            return None
        if hops >= self.settings.max_redirects:
            raise _fail(
                "fetch_error",
                source,
                f"more than {self.settings.max_redirects} redirects (a redirect loop?)",
                url=str(url),
                details={"max_redirects": self.settings.max_redirects},
            )
        try:
            nxt = url.join(canonical_ipv4(response.headers["location"].strip()))
        except (httpx.InvalidURL, InvalidHost, ValueError) as exc:
            raise _fail("fetch_error", source, f"bad redirect location: {exc}", url=str(url)) from exc
        return self.target(source, nxt)

    def _body_plan(
        self, source: str, url: httpx.URL, response: httpx.Response
    ) -> tuple[DocumentKind | None, BodyDecoder]:
        """Check status, content type and encodings before any body byte is read."""
        if not 200 <= response.status_code < 300:
            raise self._status_error(source, url, response)
        content_type = response.headers.get("content-type")
        media = content_type.split(";", 1)[0].strip().lower() if content_type else ""
        kind: DocumentKind | None = "html" if media in HTML_TYPES else "text" if media in TEXT_TYPES else None
        if media and kind is None:
            raise _fail(
                "unsupported_content",
                source,
                f"content type {media!r} is not HTML or plain text",
                url=str(url),
                details={"content_type": content_type or ""},
            )
        encoding = response.headers.get("content-encoding")
        try:
            decoder = BodyDecoder(encoding, self.settings.max_bytes)
        except UnsupportedEncoding as exc:
            raise _fail("unsupported_content", source, str(exc), url=str(url)) from exc
        length = response.headers.get("content-length", "")
        if not decoder.encodings and length.isdigit() and int(length) > self.settings.max_bytes:
            raise self._too_large(source, url, f"Content-Length {length}")
        return kind, decoder

    def _preread(self, source: str, url: httpx.URL, response: httpx.Response) -> bytes:
        if len(response.content) > self.settings.max_bytes:
            raise self._too_large(source, url)
        return response.content

    def _too_large(self, source: str, url: httpx.URL, what: str = "") -> IngestError:
        limit = self.settings.max_bytes
        message = f"the body is larger than max_bytes={limit} after decoding" + (f" ({what})" if what else "")
        return _fail("too_large", source, message, url=str(url), details={"limit": limit})

    def _document(
        self, source: str, url: httpx.URL, response: httpx.Response, body: bytes, kind: DocumentKind | None
    ) -> RawDocument:
        headers = tuple((k.lower(), v) for k, v in response.headers.multi_items())
        if self._cache is not None and cacheable(response.status_code, headers):
            self._cache.store(
                CachedResponse(
                    url=str(url),
                    status=response.status_code,
                    content_type=response.headers.get("content-type"),
                    headers=headers,
                    body=body,
                )
            )
        return RawDocument(
            source=source,
            content=body,
            url=source.strip(),
            final_url=str(url),
            status=response.status_code,
            content_type=response.headers.get("content-type"),
            headers=headers,
            fetched_at=datetime.now(UTC),
            kind=kind,
        )

    def _from_cache(self, source: str, cached: CachedResponse) -> RawDocument:
        media = (cached.content_type or "").split(";", 1)[0].strip().lower()
        kind: DocumentKind | None = "html" if media in HTML_TYPES else "text" if media in TEXT_TYPES else None
        return RawDocument(
            source=source,
            content=cached.body,
            url=source.strip(),
            final_url=cached.url,
            status=cached.status,
            content_type=cached.content_type,
            headers=cached.headers,
            fetched_at=datetime.now(UTC),
            kind=kind,
        )

    @contextmanager
    def _mapped(self, source: str, where: list[httpx.URL]) -> Iterator[None]:
        """Turn every exception of a fetch into the right :class:`IngestError` (``where[-1]`` is the hop)."""
        try:
            yield
        except IngestError:
            raise
        except AddressBlocked as exc:
            raise _fail("blocked", source, str(exc), url=str(where[-1])) from exc
        except (httpx.TimeoutException, TimeoutError) as exc:
            raise self._timeout(source, where[-1]) from exc
        except TooLarge as exc:
            raise self._too_large(source, where[-1]) from exc
        except CorruptEncoding as exc:
            raise _fail("fetch_error", source, f"corrupt content-encoding: {exc}", url=str(where[-1])) from exc
        except httpx.ConnectError as exc:
            raise _unreachable(source, where[-1], exc, f"{self.settings.retries + 1} attempts") from exc
        except httpx.HTTPError as exc:
            raise _fail(
                "fetch_error",
                source,
                f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__,
                url=str(where[-1]),
            ) from exc

    @staticmethod
    def _transport_error(source: str, url: httpx.URL, exc: Exception) -> IngestError:
        return _fail("fetch_error", source, f"{type(exc).__name__}: {exc} (retries exhausted)", url=str(url))

    # ------------------------------------------------------------------------------------------ sync
    def fetch(self, url: str) -> RawDocument:
        """Fetch one URL; raises :class:`~docingest.IngestError` for every failure."""
        source = url
        first = self.target(source, url)
        client = self._sync_client()
        where = [first]
        with self._sync_limits.overall, self._mapped(source, where), self._SyncHold(self._sync_limits) as hold:
            hold.move(origin_of(first), None)
            deadline = time.monotonic() + self.settings.timeout
            token = DEADLINE.set(deadline)
            try:
                return self._chain(client, source=source, url=first, deadline=deadline, hold=hold, where=where)
            finally:
                DEADLINE.reset(token)

    class _SyncHold:
        def __init__(self, limits: SyncLimits) -> None:
            self.limits = limits
            self.key: str | None = None
            self._cm: Any = None

        def __enter__(self) -> HttpxFetcher._SyncHold:
            return self

        def __exit__(self, *exc: object) -> None:
            self.release()

        def move(self, key: str, timeout: float | None) -> None:
            if key == self.key:
                return
            self.release()
            cm = self.limits.host(key, timeout)
            if not cm.__enter__():
                cm.__exit__(None, None, None)
                raise TimeoutError(f"no free slot for {key}")
            self._cm, self.key = cm, key

        def release(self) -> None:
            if self._cm is not None:
                cm, self._cm, self.key = self._cm, None, None
                cm.__exit__(None, None, None)

    def _chain(
        self,
        client: httpx.Client,
        *,
        source: str,
        url: httpx.URL,
        deadline: float,
        hold: HttpxFetcher._SyncHold,
        where: list[httpx.URL],
    ) -> RawDocument:
        hops = 0
        while True:
            where.append(url)
            key = origin_of(url)
            hold.move(key, self._left(deadline, source, url))
            delay = self.settings.delay
            if self.settings.respect_robots:
                rules = self._rules(client, source, url, deadline)
                self._check_robots(rules, source, url)
                delay = max(delay, rules.crawl_delay(self.settings.user_agent))
            cached = self._cache.load(str(url)) if self._cache is not None else None
            response = self._send(
                client, source=source, url=url, deadline=deadline, key=key, delay=delay, cached=cached
            )
            try:
                nxt = self._redirect_target(source, url, response, hops)
                if nxt is not None:
                    hops += 1
                    url = nxt
                    continue
                if response.status_code == 304 and cached is not None:
                    return self._from_cache(source, cached)
                kind, decoder = self._body_plan(source, url, response)
                if response.is_stream_consumed:  # an in-memory response (MockTransport): httpx decoded it
                    return self._document(source, url, response, self._preread(source, url, response), kind)
                body = bytearray()
                for chunk in response.iter_raw():
                    for piece in decoder.feed(chunk):
                        body += piece
                    self._left(deadline, source, url)
                for piece in decoder.finish():
                    body += piece
                return self._document(source, url, response, bytes(body), kind)
            finally:
                response.close()

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)

    def _send(
        self,
        client: httpx.Client,
        *,
        source: str,
        url: httpx.URL,
        deadline: float,
        key: str,
        delay: float,
        cached: CachedResponse | None,
    ) -> httpx.Response:
        attempt = 0
        while True:
            wait = self._politeness.reserve(key, delay)
            if wait > 0:
                self._wait_or_give_up(wait, deadline, source, url, self._timeout(source, url))
                self._sleep(wait)
            request = client.build_request(
                "GET", url, headers=self._headers_for(cached), timeout=self._timeouts(deadline)
            )
            try:
                response = client.send(request, stream=True)
            except httpx.TransportError as exc:
                if attempt >= self.settings.retries or time.monotonic() >= deadline:
                    raise
                give_up = self._transport_error(source, url, exc)
                self._sleep(
                    self._wait_or_give_up(backoff_delay(self.settings.backoff, attempt), deadline, source, url, give_up)
                )
                attempt += 1
                continue
            if response.status_code in RETRY_STATUSES and attempt < self.settings.retries:
                after = retry_after(response.headers.get("retry-after"))
                wait = backoff_delay(self.settings.backoff, attempt) if after is None else after
                response.close()
                give_up = self._status_error(source, url, response, f" (retry in {wait:g} s would pass the deadline)")
                self._sleep(self._wait_or_give_up(wait, deadline, source, url, give_up))
                attempt += 1
                continue
            return response

    def _check_robots(self, rules: RobotsRules, source: str, url: httpx.URL) -> None:
        if not rules.allowed(str(url), self.settings.user_agent):
            raise _fail(
                "blocked",
                source,
                f"{rules.reason} of {origin_of(url)} disallows this URL for {self.agent!r}",
                url=str(url),
            )

    def _robots_lock(self, origin: str) -> threading.Lock:
        with self._robots_locks_lock:
            return self._robots_locks.setdefault(origin, threading.Lock())

    def _rules(self, client: httpx.Client, source: str, url: httpx.URL, deadline: float) -> RobotsRules:
        origin = origin_of(url)
        rules = self._robots.get(origin)
        if rules is not None:
            return rules
        with self._robots_lock(origin):
            rules = self._robots.get(origin)
            if rules is None:
                status, body = self._fetch_robots(client, source, url, deadline)
                rules, ttl = rules_from_response(status, body)
                self._robots.put(origin, rules, ttl)
        with self._robots_locks_lock:
            self._robots_locks.pop(origin, None)
        return rules

    def _fetch_robots(self, client: httpx.Client, source: str, url: httpx.URL, deadline: float) -> tuple[int, bytes]:
        target = httpx.URL(robots_url(str(url)))
        for _ in range(ROBOTS_REDIRECTS + 1):
            request = client.build_request("GET", target, timeout=self._timeouts(deadline))
            try:
                response = client.send(request, stream=True)
            except httpx.TimeoutException:
                raise
            except httpx.TransportError as exc:
                raise _unreachable(source, url, exc, f"when asking for {target}") from exc
            try:
                try:
                    nxt = self._robots_redirect(target, response)
                except _DeadEnd:
                    return 404, b""
                if nxt is not None:
                    target = nxt
                    continue
                if not 200 <= response.status_code < 300:
                    return response.status_code, b""
                decoder = self._robots_decoder(response)
                if decoder is None:
                    return 404, b""
                body = bytearray()
                try:
                    for chunk in response.iter_raw():
                        for piece in decoder.feed(chunk):
                            body += piece
                        self._left(deadline, source, target)
                    for piece in decoder.finish():
                        body += piece
                except TooLarge:
                    pass  # RFC 9309: parse the first 500 KiB
                except CorruptEncoding:
                    return 404, b""
                return response.status_code, bytes(body[:MAX_ROBOTS_BYTES])
            finally:
                response.close()
        return 404, b""  # too many redirects: RFC 9309 treats robots.txt as unavailable

    def _robots_redirect(self, target: httpx.URL, response: httpx.Response) -> httpx.URL | None:
        """Where a robots.txt redirect leads; :class:`_DeadEnd` when it leads nowhere we may go."""
        if response.status_code not in REDIRECT_STATUSES or "location" not in response.headers:
            return None
        try:
            location = canonical_ipv4(response.headers["location"].strip())
            return self.target("<robots.txt>", target.join(location))
        except (IngestError, httpx.InvalidURL, InvalidHost, ValueError) as exc:
            raise _DeadEnd from exc

    @staticmethod
    def _robots_decoder(response: httpx.Response) -> BodyDecoder | None:
        try:
            return BodyDecoder(response.headers.get("content-encoding"), MAX_ROBOTS_BYTES)
        except UnsupportedEncoding:
            return None

    # ------------------------------------------------------------------------------------------ async
    async def afetch(self, url: str) -> RawDocument:
        """The async twin of :meth:`fetch`."""
        source = url
        first = self.target(source, url)
        state = self._loop_state()
        where = [first]
        with self._mapped(source, where):
            async with state.limits.overall:
                hold = _AsyncHold(state.limits)
                try:
                    await hold.move(origin_of(first))
                    deadline = time.monotonic() + self.settings.timeout
                    token = DEADLINE.set(deadline)
                    try:
                        async with asyncio.timeout(self.settings.timeout):
                            return await self._achain(
                                state, source=source, url=first, deadline=deadline, hold=hold, where=where
                            )
                    finally:
                        DEADLINE.reset(token)
                finally:
                    await hold.release()

    async def _achain(
        self,
        state: _LoopState,
        *,
        source: str,
        url: httpx.URL,
        deadline: float,
        hold: _AsyncHold,
        where: list[httpx.URL],
    ) -> RawDocument:
        hops = 0
        while True:
            where.append(url)
            key = origin_of(url)
            await hold.move(key)
            self._left(deadline, source, url)
            delay = self.settings.delay
            if self.settings.respect_robots:
                rules = await self._arules(state, source, url, deadline)
                self._check_robots(rules, source, url)
                delay = max(delay, rules.crawl_delay(self.settings.user_agent))
            cached = None
            if self._cache is not None:
                cached = await asyncio.to_thread(self._cache.load, str(url))
            response = await self._asend(
                state.client, source=source, url=url, deadline=deadline, key=key, delay=delay, cached=cached
            )
            try:
                nxt = self._redirect_target(source, url, response, hops)
                if nxt is not None:
                    hops += 1
                    url = nxt
                    continue
                if response.status_code == 304 and cached is not None:
                    return self._from_cache(source, cached)
                kind, decoder = self._body_plan(source, url, response)
                if response.is_stream_consumed:  # an in-memory response (MockTransport): httpx decoded it
                    return self._document(source, url, response, self._preread(source, url, response), kind)
                body = bytearray()
                async for chunk in response.aiter_raw():
                    for piece in decoder.feed(chunk):
                        body += piece
                    self._left(deadline, source, url)
                for piece in decoder.finish():
                    body += piece
                if self._cache is not None:
                    return await asyncio.to_thread(self._document, source, url, response, bytes(body), kind)
                return self._document(source, url, response, bytes(body), kind)
            finally:
                await response.aclose()

    async def _asend(
        self,
        client: httpx.AsyncClient,
        *,
        source: str,
        url: httpx.URL,
        deadline: float,
        key: str,
        delay: float,
        cached: CachedResponse | None,
    ) -> httpx.Response:
        attempt = 0
        while True:
            wait = self._politeness.reserve(key, delay)
            if wait > 0:
                self._wait_or_give_up(wait, deadline, source, url, self._timeout(source, url))
                await asyncio.sleep(wait)
            request = client.build_request(
                "GET", url, headers=self._headers_for(cached), timeout=self._timeouts(deadline)
            )
            try:
                response = await client.send(request, stream=True)
            except httpx.TransportError as exc:
                if attempt >= self.settings.retries or time.monotonic() >= deadline:
                    raise
                give_up = self._transport_error(source, url, exc)
                await asyncio.sleep(
                    self._wait_or_give_up(backoff_delay(self.settings.backoff, attempt), deadline, source, url, give_up)
                )
                attempt += 1
                continue
            if response.status_code in RETRY_STATUSES and attempt < self.settings.retries:
                after = retry_after(response.headers.get("retry-after"))
                wait = backoff_delay(self.settings.backoff, attempt) if after is None else after
                await response.aclose()
                give_up = self._status_error(source, url, response, f" (retry in {wait:g} s would pass the deadline)")
                await asyncio.sleep(self._wait_or_give_up(wait, deadline, source, url, give_up))
                attempt += 1
                continue
            return response

    async def _arules(self, state: _LoopState, source: str, url: httpx.URL, deadline: float) -> RobotsRules:
        origin = origin_of(url)
        rules = self._robots.get(origin)
        if rules is not None:
            return rules
        lock = state.robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:
            rules = self._robots.get(origin)
            if rules is None:
                status, body = await self._afetch_robots(state.client, source, url, deadline)
                rules, ttl = rules_from_response(status, body)
                self._robots.put(origin, rules, ttl)
        state.robots_locks.pop(origin, None)
        return rules

    async def _afetch_robots(
        self, client: httpx.AsyncClient, source: str, url: httpx.URL, deadline: float
    ) -> tuple[int, bytes]:
        target = httpx.URL(robots_url(str(url)))
        for _ in range(ROBOTS_REDIRECTS + 1):
            request = client.build_request("GET", target, timeout=self._timeouts(deadline))
            try:
                response = await client.send(request, stream=True)
            except httpx.TimeoutException:
                raise
            except httpx.TransportError as exc:
                raise _unreachable(source, url, exc, f"when asking for {target}") from exc
            try:
                try:
                    nxt = self._robots_redirect(target, response)
                except _DeadEnd:
                    return 404, b""
                if nxt is not None:
                    target = nxt
                    continue
                if not 200 <= response.status_code < 300:
                    return response.status_code, b""
                decoder = self._robots_decoder(response)
                if decoder is None:
                    return 404, b""
                body = bytearray()
                try:
                    async for chunk in response.aiter_raw():
                        for piece in decoder.feed(chunk):
                            body += piece
                        self._left(deadline, source, target)
                    for piece in decoder.finish():
                        body += piece
                except TooLarge:
                    pass
                except CorruptEncoding:
                    return 404, b""
                return response.status_code, bytes(body[:MAX_ROBOTS_BYTES])
            finally:
                await response.aclose()
        return 404, b""


class _DeadEnd(Exception):
    """A robots.txt redirect to a URL we do not fetch: robots.txt counts as unavailable (RFC 9309: 4xx)."""


class _AsyncHold:
    """The per-host slot a fetch holds; moved (released, then taken) when a redirect changes host."""

    def __init__(self, limits: AsyncLimits) -> None:
        self.limits = limits
        self.key: str | None = None
        self._cm: Any = None

    async def move(self, key: str) -> None:
        if key == self.key:
            return
        await self.release()
        cm = self.limits.host(key)
        await cm.__aenter__()
        self._cm, self.key = cm, key

    async def release(self) -> None:
        if self._cm is not None:
            cm, self._cm, self.key = self._cm, None, None
            await cm.__aexit__(None, None, None)


__all__ = ["HttpxFetcher", "backoff_delay", "origin_of", "retry_after"]
