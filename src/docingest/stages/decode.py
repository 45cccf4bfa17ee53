"""Built-in decoder: bytes to text by the WHATWG rules (see :mod:`docingest.encoding`)."""

from __future__ import annotations

from ..document import Decoded, RawDocument
from ..encoding import sniff
from ..errors import IngestError
from ..hookspecs import hookimpl

#: Share of NUL / control bytes above which bytes are taken for a binary file, not text.
_BINARY_SHARE = 0.1


def looks_binary(data: bytes) -> bool:
    """True when ``data`` looks like a binary file (images, archives) rather than text in any encoding."""
    head = data[:4096]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return b"\x00" in head or controls / len(head) > _BINARY_SHARE


@hookimpl(trylast=True)
def docingest_decode(raw: RawDocument) -> Decoded | None:
    """Decode bytes with the sniffed encoding; text passes through."""
    if isinstance(raw.content, str):
        return Decoded(text=raw.content, encoding=None, encoding_source=None)
    data = raw.content
    if looks_binary(data):
        raise IngestError.of("unsupported_content", raw.source, "binary data, not a text document")
    encoding, how = sniff(data, raw.content_type)
    if raw.kind == "text" and how == "default":
        encoding = "utf-8"
    text = data.decode(encoding, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return Decoded(text=text, encoding=encoding, encoding_source=how)
