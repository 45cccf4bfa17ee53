"""Built-in parser: HTML through selectolax's Lexbor parser, plain text as it is."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser

from ..document import Decoded, DocumentKind, Page, RawDocument
from ..errors import IngestError
from ..hookspecs import hookimpl
from ..settings import Options

_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")
#: Lexbor builds the tree without its mutation events, in 8% less time: the default parser's tree on every corpus
#: page and html5lib input (``tests/test_parse_options.py``), but for what the events add in a browser: a
#: customizable ``<select>``'s ``<selectedcontent>`` receives no copy of the selected ``<option>`` (a second copy of
#: text the extractor never reads).
PARSER_OPTIONS = LexborDocumentOptions.WO_EVENTS.value


def parse_html(text: str | bytes) -> LexborHTMLParser:
    """The Lexbor tree of an HTML document (text, or its UTF-8 bytes), as the pipeline builds it."""
    return LexborHTMLParser(text, options=PARSER_OPTIONS)


_MARKUP = re.compile(r"<(?:!doctype|html|head|body|p|div|article|title|meta|br|h[1-6]|span|a)\b", re.IGNORECASE)


def sniff_kind(raw: RawDocument, text: str) -> DocumentKind:
    """HTML or text, from what the source says, else from the content itself."""
    if raw.kind is not None:
        return raw.kind
    media = (raw.content_type or "").split(";", 1)[0].strip().lower()
    if media in _HTML_TYPES:
        return "html"
    if media == "text/plain":
        return "text"
    if media and not media.startswith("text/"):
        raise IngestError.of("unsupported_content", raw.source, f"content type {media!r} is not HTML or text")
    return "html" if _MARKUP.search(text[:4096]) else "text"


@hookimpl(trylast=True)
def docingest_parse(raw: RawDocument, decoded: Decoded, options: Options) -> Page | None:
    """Parse HTML into a Lexbor tree; keep text as text."""
    kind = sniff_kind(raw, decoded.text)
    page = Page(raw=raw, text=decoded.text, kind=kind, options=options, decoded=decoded)
    if kind == "html":
        page.tree = parse_html(decoded.utf8 if decoded.utf8 is not None else decoded.text)
    return page
