"""An optional on-disk HTTP cache for conditional requests (``FetchSettings.cache_dir``).

Only what makes repeat fetches cheap and correct: a successful response that carries an ``ETag`` or a
``Last-Modified`` header (and no ``Cache-Control: no-store``) is stored under the URL that answered it, as
two files: ``<key>.json`` (status, final URL, content type, headers, validators) and ``<key>.body`` (the
decoded body, already within ``max_bytes``). The next fetch of that URL sends ``If-None-Match`` /
``If-Modified-Since``; a ``304 Not Modified`` answer is served from the stored copy. Nothing is ever served
without asking the server (no freshness heuristics), so a stale page cannot hide a change. Files are written
atomically (temporary file, then rename), so concurrent fetchers and crashes never leave half an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CachedResponse:
    """A stored response."""

    url: str
    status: int
    content_type: str | None
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key == name:
                return value
        return None

    def conditional_headers(self) -> dict[str, str]:
        """Validators to send with the next request for this URL."""
        out: dict[str, str] = {}
        etag = self.header("etag")
        if etag:
            out["If-None-Match"] = etag
        modified = self.header("last-modified")
        if modified:
            out["If-Modified-Since"] = modified
        return out


def cacheable(status: int, headers: tuple[tuple[str, str], ...]) -> bool:
    """Whether a response may be stored: 200 with a validator and without ``no-store``."""
    names = {k: v for k, v in headers}
    if status != 200 or not ("etag" in names or "last-modified" in names):
        return False
    return "no-store" not in names.get("cache-control", "").lower()


class HttpCache:
    """Stored responses under one directory (created on first store)."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    def _key(self, url: str) -> str:
        return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()

    def load(self, url: str) -> CachedResponse | None:
        """The stored response for ``url``, or ``None`` (also for unreadable or inconsistent entries)."""
        key = self._key(url)
        try:
            meta = json.loads((self.directory / f"{key}.json").read_text(encoding="utf-8"))
            body = (self.directory / f"{key}.body").read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("url") != url or meta.get("length") != len(body):
            return None
        return CachedResponse(
            url=url,
            status=int(meta["status"]),
            content_type=meta.get("content_type"),
            headers=tuple((str(k), str(v)) for k, v in meta.get("headers", ())),
            body=body,
        )

    def store(self, response: CachedResponse) -> None:
        """Store ``response`` (silently skipped when the directory cannot be written)."""
        key = self._key(response.url)
        meta = {
            "url": response.url,
            "status": response.status,
            "content_type": response.content_type,
            "headers": [list(h) for h in response.headers],
            "length": len(response.body),
        }
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._atomic(self.directory / f"{key}.body", response.body)
            self._atomic(self.directory / f"{key}.json", json.dumps(meta).encode("utf-8"))
        except OSError:
            return

    def _atomic(self, path: Path, data: bytes) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


__all__ = ["CachedResponse", "HttpCache", "cacheable"]
