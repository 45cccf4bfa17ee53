"""Encoding sniffing: html5lib's cases, the WHATWG label table, the detector, and round-trip properties."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docingest import detect_encoding
from docingest.encoding import LABELS, NAMES, decode, get_encoding, prescan, python_codec, sniff
from tests.corpora import corpus_path


def _cases() -> list[dict[str, object]]:
    path = corpus_path("html5lib", "encoding.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.corpus
def test_html5lib_encoding_cases() -> None:
    cases = [c for c in _cases() if not c["scripted"]]
    within = [c for c in cases if c["within_1024_bytes"]]
    assert len(within) == 75
    failures = [
        (c["id"], detect_encoding(str(c["data"]).encode("latin-1")), c["expected_encoding"])
        for c in cases
        if detect_encoding(str(c["data"]).encode("latin-1")) != c["expected_encoding"]
    ]
    assert failures == []


def test_label_table_is_complete() -> None:
    assert len(LABELS) == 228
    assert len(NAMES) == 40
    assert get_encoding(" Latin1 ") == "windows-1252"
    assert get_encoding("x-sjis") == "shift_jis"
    assert get_encoding("ks_c_5601-1987") == "euc-kr"
    assert get_encoding("utf-16") == "utf-16le"
    assert get_encoding("no-such-thing") is None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="koi8-r">', "koi8-r"),
        (b"<meta http-equiv=Content-Type content='text/html; charset=iso-8859-7'>", "iso-8859-7"),
        (b'<meta content="text/html; charset=iso-8859-7">', None),  # no pragma: ignored
        (b"<!-- <meta charset=koi8-r> --><meta charset=big5>", "big5"),
        (b'<meta charset="utf-16">', "utf-8"),
        (b'<meta charset="x-user-defined">', "windows-1252"),
        (b'<div title="<meta charset=koi8-r>"><meta charset=gbk>', "gbk"),
        (b"<meta charset=bogus>", None),
    ],
)
def test_prescan(head: bytes, expected: str | None) -> None:
    assert prescan(head) == expected


def test_order_bom_http_meta_late_default() -> None:
    body = b"<meta charset=koi8-r>"
    assert sniff(b"\xef\xbb\xbf" + body, "text/html; charset=big5") == ("utf-8", "bom")
    assert sniff(body, "text/html; charset=big5") == ("big5", "http")
    assert sniff(body, "text/html; charset=nonsense") == ("koi8-r", "meta")
    late = b"<!--" + b"x" * 2000 + b"-->" + body
    assert sniff(late) == ("koi8-r", "meta_late")
    assert sniff(b"<p>plain ascii</p>") == ("windows-1252", "default")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Привет мир, как дела у тебя сегодня? Всё хорошо. " * 4, "koi8-r"),
        ("Привет мир, как дела у тебя сегодня? Всё хорошо. " * 4, "windows-1251"),
        ("日本語のテキストです。これはテストです。" * 4, "shift_jis"),
        ("日本語のテキストです。これはテストです。" * 4, "euc-jp"),
        ("这是一个中文测试文本，我们看看检测结果。" * 4, "gbk"),
        ("이것은 한국어 테스트 텍스트입니다. " * 4, "euc-kr"),
        ("Zażółć gęślą jaźń, łódź płynie szybko po jeziorze. " * 4, "windows-1250"),
        ("Αυτό είναι ένα ελληνικό κείμενο δοκιμής. " * 4, "windows-1253"),
        ("Voilà un café très agréable à Paris, déjà vu. " * 4, "windows-1252"),
        ("Voilà un café très agréable à Paris, déjà vu. " * 4, "utf-8"),
    ],
)
def test_detector_on_undeclared_pages(text: str, encoding: str) -> None:
    data = f"<html><body><p>{text}</p></body></html>".encode(encoding)
    assert sniff(data) == (encoding, "detected")
    assert text in decode(data, encoding)


def test_decode_never_raises_on_c1_bytes() -> None:
    assert decode(bytes(range(0x80, 0xA0)), "windows-1252")[1] == "\x81"
    for name in NAMES:
        decode(bytes(range(256)), name)


_DECLARABLE = ["utf-8", "windows-1252", "windows-1251", "koi8-r", "iso-8859-2", "shift_jis", "gbk", "euc-kr",
               "big5", "euc-jp", "windows-1253", "iso-8859-15"]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=0, max_size=200), st.sampled_from(_DECLARABLE), st.booleans())
def test_declared_encoding_round_trips(text: str, encoding: str, in_header: bool) -> None:
    """Any text the declared encoding can represent comes back exactly, declared by HTTP or by <meta>."""
    body = f"<p>{text}</p>"
    codec = python_codec(get_encoding(encoding) or "")
    try:
        payload = body.encode(codec)
    except UnicodeEncodeError:
        return
    if payload.decode(codec) != body:
        return  # a best-fit mapping (cp932 writes "¬" as the full-width "￢"): not representable
    if in_header:
        data, content_type = payload, f"text/html; charset={encoding}"
    else:
        data, content_type = f'<meta charset="{encoding}">'.encode("ascii") + payload, None
    name, _ = sniff(data, content_type)
    assert name == get_encoding(encoding)
    assert body in decode(data, name)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000), st.none() | st.text(max_size=40))
def test_sniffing_is_total(data: bytes, content_type: str | None) -> None:
    name, source = sniff(data, content_type)
    assert name in NAMES
    assert isinstance(decode(data, name), str)
    assert source in ("bom", "http", "meta", "meta_late", "detected", "default")
