"""Capped content decoders: round trips, chunking does not matter, the cap always holds, bad input typed."""

from __future__ import annotations

import gzip
import itertools
import zlib
from collections.abc import Callable

import brotli
import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from docingest.fetching.decoders import (
    BodyDecoder,
    CorruptEncoding,
    TooLarge,
    UnsupportedEncoding,
    accept_encoding,
    parse_encodings,
)
from tests.corpora import corpus_path

ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.compress,
    "deflate": zlib.compress,
    "raw-deflate": lambda b: zlib.compress(b)[2:-4],
    "br": lambda b: brotli.compress(b, quality=5),
    "zstd": zstandard.ZstdCompressor().compress,
}
HEADER = {"raw-deflate": "deflate"}


def encode(data: bytes, names: list[str]) -> tuple[bytes, str]:
    for name in names:
        data = ENCODERS[name](data)
    return data, ", ".join(HEADER.get(n, n) for n in names)


def decode_in_chunks(body: bytes, header: str, limit: int, cuts: list[int]) -> bytes:
    decoder = BodyDecoder(header, limit)
    out = bytearray()
    points = sorted({c % (len(body) + 1) for c in cuts} | {0, len(body)})
    for start, end in itertools.pairwise(points):
        for piece in decoder.feed(body[start:end]):
            out += piece
    for piece in decoder.finish():
        out += piece
    return bytes(out)


names = st.sampled_from(sorted(ENCODERS))
stacks = st.lists(names, min_size=0, max_size=2)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=20_000), stacks, st.lists(st.integers(min_value=0, max_value=10**6), max_size=8))
def test_round_trip_whatever_the_chunking(data: bytes, stack: list[str], cuts: list[int]) -> None:
    body, header = encode(data, stack)
    # the cap applies to every layer, so it must fit the largest one (an inner gzip stream can be larger
    # than both the data and the outer body)
    layers = [len(encode(data, stack[:n])[0]) for n in range(len(stack) + 1)]
    assert decode_in_chunks(body, header, max(*layers, 1), cuts) == data


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=1, max_size=20_000), stacks, st.integers(min_value=0, max_value=20_000))
def test_cap_holds_exactly(data: bytes, stack: list[str], limit: int) -> None:
    body, header = encode(data, stack)
    limit = max(limit, 1)
    if len(data) > limit or len(body) > limit:
        with pytest.raises(TooLarge):
            decode_in_chunks(body, header, limit, [])
    else:
        assert decode_in_chunks(body, header, limit, []) == data


def test_real_pages_round_trip() -> None:
    folder = corpus_path("extraction", "readability", "html")
    for path in sorted(folder.glob("*.html.gz"))[:15]:
        html = gzip.decompress(path.read_bytes())
        for stack in (["gzip"], ["br"], ["zstd"], ["deflate", "gzip"]):
            body, header = encode(html, stack)
            assert decode_in_chunks(body, header, len(html), [1, 100, 5000]) == html
            if len(html) > 1:
                with pytest.raises(TooLarge):
                    decode_in_chunks(body, header, len(html) - 1, [7])


@pytest.mark.parametrize("name", ["gzip", "br", "zstd", "deflate"])
def test_bomb_output_bounded_per_piece(name: str) -> None:
    body, header = encode(b"\0" * (8 * 1024 * 1024), [name])
    decoder = BodyDecoder(header, 1024 * 1024)
    biggest = 0
    with pytest.raises(TooLarge):
        for piece in decoder.feed(body):
            biggest = max(biggest, len(piece))
    assert biggest <= 128 * 1024


def test_headers_and_refusals() -> None:
    assert parse_encodings("identity, GZIP , br") == ["gzip", "br"]
    assert accept_encoding() == "gzip, deflate, br, zstd"
    with pytest.raises(UnsupportedEncoding):
        BodyDecoder("gzip, gzip, gzip", 100)
    with pytest.raises(UnsupportedEncoding):
        BodyDecoder("compress", 100)
    for header in ("gzip", "br", "zstd", "deflate"):
        with pytest.raises(CorruptEncoding):
            BodyDecoder(header, 10**6).decode_all(b"\xff" * 64)
