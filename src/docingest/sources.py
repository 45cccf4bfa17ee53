"""What a source is: an http(s) URL, or something for the loaders (a path, a ``file:`` URL, a custom scheme).

Sources are normalised before use: surrounding whitespace (a pasted URL, a line of a list) is stripped.
"""

from __future__ import annotations

import os
import re

from .document import RawDocument

_URL = re.compile(r"^https?://", re.IGNORECASE)
_HOST = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?P<tld>[a-z]{2,24}|xn--[a-z0-9-]{1,59})(?::\d{1,5})?$", re.IGNORECASE
)
_LOCALHOST = re.compile(r"^localhost(?::\d{1,5})?$", re.IGNORECASE)
#: Suffixes of file names that a host-like first path segment ("page.html") really is.
_FILE_SUFFIXES = frozenset({
    "html", "htm", "xhtml", "shtml", "txt", "text", "md", "gz", "bz2", "xz", "zip", "json", "jsonl", "ndjson", "xml",
    "csv", "tsv", "warc", "arc", "pdf", "php", "asp", "aspx", "jsp", "py", "db", "sqlite", "log",
})


def is_url(source: object) -> bool:
    """True for an http(s) URL string (surrounding whitespace allowed)."""
    return isinstance(source, str) and bool(_URL.match(source.strip()))


def source_label(source: object) -> str:
    """How a source is named in provenance and failures: strings stripped of surrounding whitespace."""
    if isinstance(source, RawDocument):
        return source.source
    if isinstance(source, os.PathLike):
        return str(os.fspath(source))
    return str(source).strip()


def url_suggestion(text: str) -> str | None:
    """The URL meant by a source written without its scheme (``example.org/news`` → ``https://example.org/news``,
    ``localhost:8000/a`` → ``http://localhost:8000/a``), or ``None`` when it does not look like one."""
    rest = text.strip()
    if rest.startswith("//"):
        rest = rest[2:]
    head = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if _LOCALHOST.match(head):
        return "http://" + rest
    match = _HOST.match(head)
    if match is None or match["tld"].lower() in _FILE_SUFFIXES:
        return None
    return "https://" + rest


__all__ = ["is_url", "source_label", "url_suggestion"]
