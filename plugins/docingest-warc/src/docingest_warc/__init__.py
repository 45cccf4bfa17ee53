"""docingest-warc: an input reader for WARC files (``.warc`` / ``.warc.gz``), on warcio.

Each HTTP ``response`` record becomes one source: a :class:`docingest.RawDocument` ready for the pipeline, or,
when the record cannot be one (non-2xx status, unsupported content type, body over ``max_bytes``, corrupt
payload), a record reference ``warc:<path>#<offset>`` that this plugin's loader turns into the matching typed
failure. So one response record in gives exactly one record out.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.exceptions import ArchiveLoadFailed

from docingest import IngestError, RawDocument, hookimpl
from docingest.document import DocumentKind, InputReader
from docingest.fetching.decoders import BodyDecoder, CorruptEncoding, TooLarge, UnsupportedEncoding
from docingest.settings import Options

__version__ = "0.1.0"

PREFIX = "warc:"
SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_READ = 64 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
#: Headers describing the stored encoding; dropped because the body handed on is decoded.
_ENCODING_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


def record_ref(path: str, offset: int, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The reference of the record at ``offset`` in ``path``: ``warc:<path>#<offset>``, with ``@<max_bytes>``
    appended when the reader's cap is not the default (so that loading the reference judges it the same way)."""
    cap = "" if max_bytes == DEFAULT_MAX_BYTES else f"@{max_bytes}"
    return f"{PREFIX}{path}#{offset}{cap}"


def parse_ref(ref: str) -> tuple[str, int, int] | None:
    """``(path, offset, max_bytes)`` of a record reference, or ``None`` for anything else."""
    if not ref.startswith(PREFIX) or "#" not in ref:
        return None
    path, _, fragment = ref[len(PREFIX) :].rpartition("#")
    offset, _, cap = fragment.partition("@")
    if not offset.isdigit() or not path or (cap and not cap.isdigit()):
        return None
    return path, int(offset), int(cap) if cap else DEFAULT_MAX_BYTES


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _read_capped(stream: IO[bytes] | Any, decoder: BodyDecoder) -> bytes:
    body = bytearray()
    while True:
        chunk = stream.read(_READ)
        if not chunk:
            break
        for piece in decoder.feed(chunk):
            body += piece
    for piece in decoder.finish():
        body += piece
    return bytes(body)


def record_document(path: str, offset: int, record: Any, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """The :class:`RawDocument` of one WARC response record; raises :class:`IngestError` when it is none."""
    ref = record_ref(path, offset, max_bytes)
    url = record.rec_headers.get_header("WARC-Target-URI")
    http = record.http_headers
    if http is None or not url:
        raise IngestError.of("fetch_error", ref, "the record has no HTTP response or no target URI", url=url)
    try:
        status = int(http.get_statuscode())
    except (TypeError, ValueError) as exc:
        raise IngestError.of("fetch_error", ref, "the record's HTTP status line is unreadable", url=url) from exc
    if not 200 <= status < 300:
        raise IngestError.of("http_status", ref, f"the archived response is HTTP {status}", url=url, status=status)
    content_type = http.get_header("content-type")
    media = content_type.split(";", 1)[0].strip().lower() if content_type else ""
    kind: DocumentKind | None = "html" if media in HTML_TYPES else "text" if media in TEXT_TYPES else None
    if media and kind is None:
        raise IngestError.of("unsupported_content", ref, f"content type {media!r} is not HTML or plain text", url=url)
    stream: Any = record.raw_stream
    if "chunked" in (http.get_header("transfer-encoding") or "").lower():
        stream = ChunkedDataReader(stream)
    try:
        decoder = BodyDecoder(http.get_header("content-encoding"), max_bytes)
        body = _read_capped(stream, decoder)
    except UnsupportedEncoding as exc:
        raise IngestError.of("unsupported_content", ref, str(exc), url=url) from exc
    except TooLarge as exc:
        raise IngestError.of(
            "too_large",
            ref,
            f"the body is larger than {max_bytes} bytes after decoding",
            url=url,
            details={"limit": max_bytes},
        ) from exc
    except (CorruptEncoding, OSError, ValueError) as exc:
        raise IngestError.of("fetch_error", ref, f"corrupt archived body: {exc}", url=url) from exc
    headers = tuple((name.lower(), value) for name, value in http.headers if name.lower() not in _ENCODING_HEADERS)
    return RawDocument(
        source=ref,
        content=body,
        url=url,
        final_url=url,
        status=status,
        content_type=content_type,
        headers=headers,
        fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
        kind=kind,
    )


class WarcReader:
    """Reads ``.warc`` and ``.warc.gz`` files into sources, one per HTTP response record."""

    name = "warc"

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes

    def accepts(self, path: str) -> bool:
        return os.fspath(path).lower().endswith(SUFFIXES)

    def read(self, path: str) -> Iterator[str | RawDocument]:
        name = os.fspath(path)
        with open(name, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                if record.rec_type != "response":
                    continue
                try:
                    document: RawDocument | None = record_document(name, -1, record, self.max_bytes)
                except IngestError:
                    document = None
                # warcio knows a record's offset once the record is read to its end.
                ref = record_ref(name, records.get_record_offset(), self.max_bytes)
                yield ref if document is None else replace(document, source=ref)


def load_record(ref: str) -> RawDocument:
    """Read the record a reference names (raising :class:`IngestError` when it is not a document)."""
    parsed = parse_ref(ref)
    if parsed is None:
        raise IngestError.of("invalid", ref, "not a WARC record reference (warc:<path>#<offset>)")
    path, offset, max_bytes = parsed
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            # a record (or, compressed, the gzip member holding it) must start exactly here: warcio would
            # otherwise read on from a byte in the middle of one, and what it made of that depended on the bytes
            if not fh.read(5).startswith((_GZIP_MAGIC, b"WARC/")):
                raise IngestError.of("invalid", ref, "no WARC record starts at this offset")
            fh.seek(offset)
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    break
                document = record_document(path, offset, record, max_bytes)
                return replace(document, source=ref)
    except (OSError, ArchiveLoadFailed) as exc:
        raise IngestError.of("invalid", ref, f"cannot read a record there: {exc}") from exc
    raise IngestError.of("invalid", ref, "no response record at this offset")


@hookimpl
def docingest_input_readers() -> Sequence[InputReader]:
    """The WARC reader."""
    return [WarcReader()]


@hookimpl
def docingest_load(source: str, options: Options) -> RawDocument | None:
    """Load ``warc:<path>#<offset>`` references (other sources are left to other loaders)."""
    if not source.startswith(PREFIX):
        return None
    return load_record(source)


__all__ = ["WarcReader", "docingest_input_readers", "docingest_load", "load_record", "parse_ref", "record_ref"]
