"""Content-encoding decoders whose output is capped: a decompression bomb stops at the cap, memory bounded.

httpx decodes ``Content-Encoding`` itself, but without any bound: a few hundred bytes of brotli come out as one
half-gigabyte chunk. Here the fetcher streams raw bytes (``iter_raw``) through a :class:`BodyDecoder`, which
undoes up to two stacked encodings (``gzip``, ``deflate`` as zlib or raw, ``br``, ``zstd``), yields decoded
pieces of at most :data:`PIECE` bytes, and raises :class:`TooLarge` as soon as one more byte than the limit
would come out of any stage. ``br`` needs ``brotli`` ≥ 1.2 (for its output limit) and ``zstd`` needs
``zstandard``: both are optional (``pip install docingest[compression]``) and are advertised in
``Accept-Encoding`` only when importable.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from functools import cache
from typing import Any, Protocol

#: Largest piece a decoder hands out at once.
PIECE = 64 * 1024
#: Most content-encodings stacked on one body.
MAX_STACKED = 2
#: zstd window accepted at most (RFC 9659 asks HTTP decoders to limit it to 8 MiB).
ZSTD_MAX_WINDOW = 8 * 1024 * 1024


class TooLarge(Exception):
    """More bytes than the limit came out (or would have)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the body is larger than {limit} bytes after decoding")
        self.limit = limit


class UnsupportedEncoding(Exception):
    """A content-encoding we do not decode, or too many stacked."""


class CorruptEncoding(Exception):
    """Bytes that are not valid in the encoding the server named."""


class _Stage(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...

    def finish(self) -> Iterator[bytes]: ...


class _Counted:
    """Counts one stage's output against the limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.total = 0

    def count(self, piece: bytes) -> bytes:
        self.total += len(piece)
        if self.total > self.limit:
            raise TooLarge(self.limit)
        return piece


class _Zlib(_Counted):
    """gzip (possibly several members) or deflate (zlib-wrapped, or raw as some servers send it)."""

    def __init__(self, limit: int, gzip: bool) -> None:
        super().__init__(limit)
        self._gzip = gzip
        self._d: Any = zlib.decompressobj(31) if gzip else None
        self._head = b""
        self._done = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._done:
            return
        if self._d is None:  # deflate: decide zlib vs raw from the first two bytes
            self._head += data
            if len(self._head) < 2:
                return
            b0, b1 = self._head[0], self._head[1]
            wrapped = (b0 & 0x0F) == 8 and (b0 * 256 + b1) % 31 == 0
            self._d = zlib.decompressobj(15 if wrapped else -15)
            data, self._head = self._head, b""
        yield from self._run(data)

    def _run(self, data: bytes) -> Iterator[bytes]:
        buf = data
        while True:
            try:
                out = self._d.decompress(buf, PIECE)
            except zlib.error as exc:
                raise CorruptEncoding(str(exc)) from exc
            if out:
                yield self.count(out)
            buf = self._d.unconsumed_tail
            if self._d.eof:
                rest = self._d.unused_data
                if self._gzip and rest.lstrip(b"\0"):
                    self._d = zlib.decompressobj(31)
                    buf = rest.lstrip(b"\0")
                    continue
                self._done = True
                return
            if not buf and len(out) < PIECE:
                return

    def finish(self) -> Iterator[bytes]:
        if self._d is None and self._head:
            self._d = zlib.decompressobj(-15)
            data, self._head = self._head, b""
            yield from self._run(data)
        # A truncated stream yields what it had, as browsers do.


class _Brotli(_Counted):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        import brotli

        self._d: Any = brotli.Decompressor()
        self._error: type[Exception] = brotli.error

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._d.is_finished():
            return
        try:
            out = self._d.process(data, output_buffer_limit=PIECE)
            if out:
                yield self.count(out)
            # A full output buffer means more may be pending: drain it with empty input.
            while len(out) >= PIECE or not self._d.can_accept_more_data():
                out = self._d.process(b"", output_buffer_limit=PIECE)
                if not out:
                    break
                yield self.count(out)
        except self._error as exc:
            raise CorruptEncoding(str(exc)) from exc

    def finish(self) -> Iterator[bytes]:
        return iter(())


class _Sink:
    """Where the zstd stream writer puts its output; refuses to grow past the limit."""

    def __init__(self, stage: _Counted) -> None:
        self.stage = stage
        self.pieces: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.pieces.append(self.stage.count(bytes(data)))
        return len(data)


class _Zstd(_Counted):
    _STEP = 4096

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        import zstandard

        self._sink = _Sink(self)
        dctx = zstandard.ZstdDecompressor(max_window_size=ZSTD_MAX_WINDOW)
        sink: Any = self._sink
        self._w: Any = dctx.stream_writer(sink, write_size=PIECE, write_return_read=True)
        self._error: type[Exception] = zstandard.ZstdError

    def feed(self, data: bytes) -> Iterator[bytes]:
        view = memoryview(data)
        for start in range(0, len(view), self._STEP):
            try:
                self._w.write(view[start : start + self._STEP])
            except self._error as exc:
                raise CorruptEncoding(str(exc)) from exc
            pieces, self._sink.pieces = self._sink.pieces, []
            yield from pieces

    def finish(self) -> Iterator[bytes]:
        return iter(())


@cache
def _has_brotli() -> bool:
    try:
        import brotli
    except ImportError:
        return False
    return hasattr(brotli.Decompressor(), "can_accept_more_data")


@cache
def _has_zstd() -> bool:
    try:
        import zstandard  # noqa: F401
    except ImportError:
        return False
    return True


def supported_encodings() -> tuple[str, ...]:
    """Content-encodings this installation decodes (``br`` and ``zstd`` only with their packages)."""
    names = ["gzip", "deflate"]
    if _has_brotli():
        names.append("br")
    if _has_zstd():
        names.append("zstd")
    return tuple(names)


def accept_encoding() -> str:
    """The ``Accept-Encoding`` header value: exactly what :func:`supported_encodings` lists."""
    return ", ".join(supported_encodings())


def parse_encodings(header: str | None) -> list[str]:
    """The codings of a ``Content-Encoding`` header, in the order they were applied (``identity`` dropped)."""
    if not header:
        return []
    names = [part.strip().lower() for part in header.split(",")]
    return [n for n in names if n and n != "identity"]


def _stage(name: str, limit: int) -> _Stage:
    if name in ("gzip", "x-gzip"):
        return _Zlib(limit, gzip=True)
    if name == "deflate":
        return _Zlib(limit, gzip=False)
    if name == "br" and _has_brotli():
        return _Brotli(limit)
    if name == "zstd" and _has_zstd():
        return _Zstd(limit)
    raise UnsupportedEncoding(f"content-encoding {name!r} is not supported")


class BodyDecoder:
    """Undoes a body's content-encodings, counting decoded bytes against ``limit``.

    ``feed(raw)`` and ``finish()`` yield decoded pieces; each raises :class:`TooLarge` once more than
    ``limit`` bytes came out of any stage, :class:`CorruptEncoding` for invalid data. Raw bytes are counted
    against the limit too (a compressed body larger than the cap is refused as well).
    """

    def __init__(self, content_encoding: str | None, limit: int) -> None:
        names = parse_encodings(content_encoding)
        if len(names) > MAX_STACKED:
            raise UnsupportedEncoding(
                f"{len(names)} stacked content-encodings ({', '.join(names)}); at most {MAX_STACKED} are accepted"
            )
        self.limit = limit
        self.encodings = tuple(names)
        # Applied first, undone last.
        self._stages = [_stage(name, limit) for name in reversed(names)]
        self.raw_bytes = 0
        self.decoded_bytes = 0

    def _through(self, pieces: Iterator[bytes], index: int) -> Iterator[bytes]:
        if index == len(self._stages):
            for piece in pieces:
                self.decoded_bytes += len(piece)
                if self.decoded_bytes > self.limit:
                    raise TooLarge(self.limit)
                yield piece
            return
        stage = self._stages[index]
        for piece in pieces:
            yield from self._through(stage.feed(piece), index + 1)

    def feed(self, raw: bytes) -> Iterator[bytes]:
        self.raw_bytes += len(raw)
        if self.raw_bytes > self.limit:
            raise TooLarge(self.limit)
        return self._through(iter((raw,)) if raw else iter(()), 0)

    def finish(self) -> Iterator[bytes]:
        for index, stage in enumerate(self._stages):
            yield from self._through(stage.finish(), index + 1)

    def decode_all(self, raw: bytes) -> bytes:
        """Decode a whole body at once (still capped)."""
        out = bytearray()
        for piece in self.feed(raw):
            out += piece
        for piece in self.finish():
            out += piece
        return bytes(out)


__all__ = [
    "MAX_STACKED",
    "BodyDecoder",
    "CorruptEncoding",
    "TooLarge",
    "UnsupportedEncoding",
    "accept_encoding",
    "parse_encodings",
    "supported_encodings",
]
