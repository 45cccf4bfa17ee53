"""robots.txt: rules parsed by Protego, the RFC 9309 reading of fetch outcomes, and a bounded per-host cache.

The fetcher downloads ``/robots.txt`` through the same guarded client as pages (address checks, deadline, size
cap) and hands the outcome to :func:`rules_from_response`:

* 2xx: the file's rules (the first :data:`MAX_ROBOTS_BYTES` bytes, as RFC 9309 allows);
* 4xx (404 above all): no rules, everything allowed;
* 429 and 5xx: "unreachable", everything disallowed for a short while (RFC 9309 §2.3.1.4).

Transport errors are not cached: the fetch fails as ``fetch_error`` and the next one tries again.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

#: Bytes of robots.txt parsed at most (RFC 9309 asks for at least 500 KiB).
MAX_ROBOTS_BYTES = 512 * 1024
#: How long a fetched robots.txt is trusted.
TTL_OK = 24 * 3600.0
#: How long an unreachable robots.txt (5xx, 429) keeps the host disallowed before we ask again.
TTL_UNREACHABLE = 300.0
#: Hosts remembered at most.
CACHE_SIZE = 2048
#: Crawl-delay honoured at most, in seconds (a larger value would make every fetch time out).
MAX_CRAWL_DELAY = 30.0

_TOKEN = re.compile(r"[A-Za-z_-]+")


_USER_AGENT_KEYS = frozenset({"user-agent", "useragent", "user agent"})
#: Directives Protego understands (with the misspellings it accepts); other ``key: value`` lines are dropped.
_KNOWN_KEYS = _USER_AGENT_KEYS | frozenset(
    {
        "allow",
        "disallow",
        "dissallow",
        "dissalow",
        "disalow",
        "diasllow",
        "disallaw",
        "sitemap",
        "sitemaps",
        "site-map",
        "crawl-delay",
        "crawl delay",
        "request-rate",
        "request rate",
        "visit-time",
        "visit time",
        "host",
    }
)
_AGENT_VALUE = re.compile(r"[A-Za-z_*-]+")


def normalise(text: str) -> str:
    """robots.txt as RFC 9309 reads it, before Protego parses it.

    * A ``user-agent`` value is matched by its product token only (``User-agent: Foo Bar`` is the group of
      ``Foo``), case-insensitively.
    * Lines with an unknown directive are ignored instead of ending the group they sit in (RFC 9309 §2.2:
      crawlers ignore unrecognised records).
    """
    out: list[str] = []
    for line in text.splitlines():
        content = line.split("#", 1)[0]
        kept = line
        if ":" in content:
            key, value = content.split(":", 1)
            name = key.strip().lower()
            if name in _USER_AGENT_KEYS:
                token = _AGENT_VALUE.match(value.strip())
                if token:
                    kept = f"user-agent: {token.group(0)}"
            elif name not in _KNOWN_KEYS:
                continue
        out.append(kept)
    return "\n".join(out) + "\n"


def agent_token(user_agent: str) -> str:
    """The product token robots.txt groups are matched against: ``docingest`` for ``docingest/1.0 (+url)``."""
    match = _TOKEN.match(user_agent.strip())
    return match.group(0) if match else user_agent.strip()


def robots_url(url: str) -> str:
    """The robots.txt URL governing ``url``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


@dataclass(frozen=True)
class RobotsRules:
    """The rules of one host: parsed rules, or a blanket allow / disallow with the reason."""

    parser: Protego | None = None
    allow_all: bool = True
    reason: str = "no robots.txt"

    @classmethod
    def parse(cls, text: str) -> RobotsRules:
        return cls(parser=Protego.parse(normalise(text)), allow_all=False, reason="robots.txt")

    @classmethod
    def disallow_everything(cls, reason: str) -> RobotsRules:
        return cls(parser=None, allow_all=False, reason=reason)

    def allowed(self, url: str, user_agent: str) -> bool:
        """Whether ``user_agent`` may fetch ``url`` (``/robots.txt`` itself is always allowed)."""
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, agent_token(user_agent)))

    def crawl_delay(self, user_agent: str) -> float:
        """The crawl-delay for ``user_agent`` in seconds (0 when none), capped at :data:`MAX_CRAWL_DELAY`."""
        if self.parser is None:
            return 0.0
        try:
            delay = self.parser.crawl_delay(agent_token(user_agent))
        except (TypeError, ValueError):
            return 0.0
        if delay is None or math.isnan(delay) or delay <= 0:
            return 0.0
        return min(float(delay), MAX_CRAWL_DELAY)


def rules_from_response(status: int, body: bytes) -> tuple[RobotsRules, float]:
    """Rules for a robots.txt answer and how long to keep them (RFC 9309 §2.3.1)."""
    if 200 <= status < 300:
        text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        return RobotsRules.parse(text), TTL_OK
    if status == 429 or status >= 500:
        return RobotsRules.disallow_everything(f"robots.txt answered HTTP {status}"), TTL_UNREACHABLE
    return RobotsRules(), TTL_OK


class RobotsCache:
    """Rules per origin (``scheme://host:port``), least recently used dropped beyond ``size``; thread-safe."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[str, tuple[RobotsRules, float]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, origin: str) -> RobotsRules | None:
        with self._lock:
            item = self._items.get(origin)
            if item is None:
                return None
            if item[1] < time.monotonic():
                del self._items[origin]
                return None
            self._items.move_to_end(origin)
            return item[0]

    def put(self, origin: str, rules: RobotsRules, ttl: float) -> None:
        with self._lock:
            self._items[origin] = (rules, time.monotonic() + ttl)
            self._items.move_to_end(origin)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


__all__ = ["MAX_ROBOTS_BYTES", "RobotsCache", "RobotsRules", "agent_token", "robots_url", "rules_from_response"]
