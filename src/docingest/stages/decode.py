"""Built-in decoder: bytes to text by the WHATWG rules (see :mod:`docingest.encoding`)."""

from __future__ import annotations

import codecs

from ..document import Decoded, RawDocument
from ..encoding import decode, detect, sniff
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
    """Decode bytes with the sniffed encoding; text passes through.

    HTML follows the HTML standard's sniffing (BOM, HTTP charset, ``<meta>``, late ``<meta>``, detection,
    windows-1252). A text document has no ``<meta>``: BOM, then HTTP charset, then UTF-8 unless the bytes
    are not UTF-8 and the detector recognises a legacy encoding.
    """
    if isinstance(raw.content, str):
        return Decoded(text=raw.content, encoding=None, encoding_source=None)
    data = raw.content
    if looks_binary(data):
        raise IngestError.of("unsupported_content", raw.source, "binary data, not a text document")
    encoding, how = sniff(data, raw.content_type)
    if raw.kind == "text" and how in ("meta", "meta_late", "default"):
        # A plain-text file has no <meta> to obey; with nothing else to go on, text defaults to UTF-8.
        guess = detect(data)
        encoding, how = (guess, "detected") if guess is not None else ("utf-8", "default")
    text, utf8 = _utf8(data) if encoding == "utf-8" else (None, None)
    if text is None:
        text = decode(data, encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
        utf8 = utf8[3:] if utf8 is not None else None
    return Decoded(text=text, encoding=encoding, encoding_source=how, utf8=utf8)


def _utf8(data: bytes) -> tuple[str | None, bytes | None]:
    """The text of ``data`` and its bytes without the byte order mark, if ``data`` is valid UTF-8 (then
    :func:`~docingest.encoding.decode` replaces nothing: this is its text, and it encodes back to these bytes);
    else ``(None, None)``."""
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return body.decode("utf-8"), body
    except UnicodeDecodeError:
        return None, None
