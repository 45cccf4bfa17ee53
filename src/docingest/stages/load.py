"""Built-in loader: files on disk (and ``file://`` URLs) become raw documents."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..document import DocumentKind, RawDocument
from ..errors import IngestError
from ..hookspecs import hookimpl
from ..settings import Options

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_HTML_SUFFIXES = {".html": "text/html", ".htm": "text/html", ".xhtml": "application/xhtml+xml"}
_TEXT_SUFFIXES = {".txt": "text/plain", ".text": "text/plain", ".md": "text/plain"}
#: Files larger than this are refused as ``too_large`` (a news page is rarely over 5 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024


@hookimpl(trylast=True)
def docingest_load(source: str, options: Options) -> RawDocument | None:
    """Read a local file; refuse other schemes."""
    path_text = source
    scheme = _SCHEME.match(source)
    if scheme and len(scheme.group(1)) > 1:  # "C:" is a drive, not a scheme
        if scheme.group(1).lower() != "file":
            raise IngestError.of("invalid", source, f"unsupported scheme {scheme.group(1)!r}: use http(s) or a path")
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
        raise IngestError.of("invalid", source, "no such file") from exc
    except (OSError, ValueError) as exc:
        raise IngestError.of("invalid", source, f"cannot read file: {exc}") from exc
    if not data.strip():
        raise IngestError.of("invalid", source, "empty file")
    suffix = path.suffix.lower()
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
