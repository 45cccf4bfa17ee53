"""Built-in loader: files on disk (and ``file://`` URLs) become raw documents.

``.html``/``.htm`` files are read as HTML, ``.txt`` as text, others sniffed; a ``.gz`` file (``page.html.gz``,
as crawls store pages) is decompressed first, its inner suffix deciding the kind, with the size cap counted
after decompression (a gzip bomb is refused as ``too_large``).
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..document import DocumentKind, RawDocument
from ..errors import IngestError, closest
from ..fetching.decoders import BodyDecoder, CorruptEncoding, TooLarge
from ..hookspecs import hookimpl
from ..settings import Options
from ..sources import url_suggestion

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_HTML_SUFFIXES = {".html": "text/html", ".htm": "text/html", ".xhtml": "application/xhtml+xml"}
_TEXT_SUFFIXES = {".txt": "text/plain", ".text": "text/plain", ".md": "text/plain"}
#: Files larger than this (after decompression) are refused as ``too_large`` (a news page is rarely over 5 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024


@hookimpl(trylast=True)
def docingest_load(source: str, options: Options) -> RawDocument | None:
    """Read a local file; refuse other schemes."""
    source = source.strip()
    path_text = source
    scheme = _SCHEME.match(source)
    if scheme and len(scheme.group(1)) > 1 and not url_suggestion(source):  # "C:" is a drive; "host:8000/x"
        name = scheme.group(1)
        if name.lower() != "file":
            near = closest(name.lower(), ["http", "https", "file"], cutoff=0.7)
            hint = f"did you mean {near}://?" if near else "use an http(s) URL or a file path"
            raise IngestError.of("invalid", source, f"unsupported scheme {name!r} ({hint})")
        path_text = unquote(urlsplit(source).path)
    if not path_text.strip():
        raise IngestError.of("invalid", source, "empty source")
    path = Path(path_text).expanduser()
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IngestError.of("invalid", source, "not a regular file")
        if size > MAX_FILE_BYTES:
            raise IngestError.of("too_large", source, f"file of {size} bytes exceeds {MAX_FILE_BYTES}")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        url = url_suggestion(source)
        message = f"no such file (for a web page, give its URL with the scheme: {url})" if url else "no such file"
        raise IngestError.of("invalid", source, message) from exc
    except (OSError, ValueError) as exc:
        raise IngestError.of("invalid", source, f"cannot read file: {exc}") from exc
    suffix = path.suffix.lower()
    if suffix == ".gz":
        data = _gunzip(source, data)
        suffix = Path(path.stem).suffix.lower()
    if not data.strip():
        raise IngestError.of("invalid", source, "empty file")
    kind: DocumentKind | None = None
    content_type: str | None = None
    if suffix in _HTML_SUFFIXES:
        kind, content_type = "html", _HTML_SUFFIXES[suffix]
    elif suffix in _TEXT_SUFFIXES:
        kind, content_type = "text", _TEXT_SUFFIXES[suffix]
    return RawDocument(
        source=source,
        content=data,
        content_type=content_type,
        fetched_at=datetime.fromtimestamp(os.stat(path).st_mtime, UTC),
        kind=kind,
    )


def _gunzip(source: str, data: bytes) -> bytes:
    """Decompress a gzip file, refusing more than :data:`MAX_FILE_BYTES` of output as ``too_large``."""
    try:
        return BodyDecoder("gzip", MAX_FILE_BYTES).decode_all(data)
    except TooLarge as exc:
        raise IngestError.of(
            "too_large", source, f"decompresses to more than {MAX_FILE_BYTES} bytes", details={"limit": MAX_FILE_BYTES}
        ) from exc
    except CorruptEncoding as exc:
        raise IngestError.of("invalid", source, f"not a valid gzip file: {exc}") from exc
