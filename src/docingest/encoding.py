"""Bytes → text as a browser decides it (WHATWG encoding standard): BOM, HTTP charset, ``<meta>`` prescan,
default windows-1252."""

from __future__ import annotations

import codecs
import re

from .models import EncodingSource

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""", re.IGNORECASE)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.IGNORECASE)

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16le"), (codecs.BOM_UTF16_BE, "utf-16be"))

_LABELS = {
    "utf8": "utf-8", "utf-8": "utf-8", "unicode-1-1-utf-8": "utf-8",
    "latin1": "windows-1252", "iso-8859-1": "windows-1252", "ascii": "windows-1252", "us-ascii": "windows-1252",
    "windows-1252": "windows-1252", "cp1252": "windows-1252",
}


def whatwg_label(label: str) -> str | None:
    """The WHATWG encoding name for a label, or ``None`` for an unknown label."""
    key = label.strip().lower()
    if key in _LABELS:
        return _LABELS[key]
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def sniff(data: bytes, content_type: str | None = None) -> tuple[str, EncodingSource]:
    """The encoding of ``data`` and how it was found."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, "bom"
    if content_type:
        m = _HTTP_CHARSET.search(content_type)
        if m and (name := whatwg_label(m.group(1))):
            return name, "http"
    m = _CHARSET.search(data[:1024])
    if m and (name := whatwg_label(m.group(1).decode("ascii", "replace"))):
        if name.startswith("utf-16"):
            name = "utf-8"
        return name, "meta"
    return "windows-1252", "default"


def detect_encoding(data: bytes, content_type: str | None = None) -> str:
    """The WHATWG name of the encoding a browser would decode ``data`` with."""
    return sniff(data, content_type)[0]
