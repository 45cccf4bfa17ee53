"""UTF-8 bytes are handed to the parser as they came (``Decoded.utf8``) instead of being decoded and encoded again.
The bytes must be exactly the text's UTF-8 encoding, the text exactly what the WHATWG decoder gives, and the
Article the same as for the same page given as text; invalid UTF-8 is decoded as before and carries no bytes.
"""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

import docingest
from docingest.document import RawDocument
from docingest.encoding import decode
from docingest.stages.decode import docingest_decode, looks_binary
from tests.corpora import corpus_path

_BOM = b"\xef\xbb\xbf"


def _decoded(data: bytes, content_type: str = "text/html; charset=utf-8") -> docingest.document.Decoded:
    found = docingest_decode(RawDocument(source="<test>", content=data, content_type=content_type, kind="html"))
    assert found is not None
    return found


def _reference(data: bytes) -> str:
    """The text the decoder gave before: WHATWG UTF-8 decoding, then a second byte order mark dropped."""
    text = decode(data, "utf-8")
    return text[1:] if text.startswith("\ufeff") else text


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cc"])), st.integers(0, 2))  # control bytes read as binary
def test_valid_utf8_bytes_are_the_texts_encoding(text: str, boms: int) -> None:
    data = _BOM * boms + text.encode("utf-8", "surrogatepass")
    decoded = _decoded(data)
    assert decoded.text == _reference(data)
    if decoded.utf8 is not None:
        assert decoded.utf8 == decoded.text.encode("utf-8")
    else:  # only lone surrogates make the bytes invalid
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200).filter(lambda data: not looks_binary(b"<p>" + data)))
def test_any_bytes_decode_as_before(data: bytes) -> None:
    decoded = _decoded(b"<p>" + data)
    assert decoded.text == _reference(b"<p>" + data)
    assert decoded.utf8 is None or decoded.utf8 == decoded.text.encode("utf-8")


def test_invalid_utf8_carries_no_bytes() -> None:
    decoded = _decoded(b"<p>caf\xe9</p>")
    assert decoded.utf8 is None and decoded.text == "<p>caf\ufffd</p>"


def test_other_encodings_carry_no_bytes() -> None:
    assert _decoded(b"<p>plain</p>", "text/html; charset=windows-1252").utf8 is None


def _same_article(html: str) -> None:
    when = datetime(2026, 1, 1, tzinfo=UTC)
    pipeline = docingest.Pipeline(claims=False)
    as_text = pipeline.run_raw(RawDocument(source="p", content=html, kind="html", fetched_at=when))
    as_bytes = pipeline.run_raw(
        RawDocument(source="p", content=html.encode("utf-8"), kind="html", fetched_at=when,
                    content_type="text/html; charset=utf-8")
    )
    if isinstance(as_text, docingest.Article):
        assert isinstance(as_bytes, docingest.Article)
        left = as_text.model_dump(exclude={"provenance"})
        right = as_bytes.model_dump(exclude={"provenance"})
        assert left == right
        assert as_text.provenance.removed == as_bytes.provenance.removed
    else:
        assert type(as_bytes) is type(as_text)


def test_pages_read_the_same_as_bytes_and_as_text() -> None:
    base = corpus_path("extraction", "wcxb-dev")
    lines = (base / "truth.jsonl").read_text(encoding="utf-8").split("\n")  # not splitlines(): U+2028 in texts
    for truth in [json.loads(line) for line in lines if line.strip()][::25]:
        _same_article(gzip.decompress((base / "html" / f"{truth['id']}.html.gz").read_bytes()).decode("utf-8"))
