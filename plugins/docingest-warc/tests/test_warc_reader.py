"""The WARC reader end to end: a small archive written here with warcio, read into sources, ingested."""

from __future__ import annotations

import gzip
import importlib
import io
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import docingest

PAGE = (
    "<html><head><title>Council approves budget</title></head><body><article>"
    + "<p>The council approved the budget on Tuesday after a long debate about schools and roads.</p>" * 4
    + "</article></body></html>"
)


def _plugin() -> ModuleType:
    try:
        return importlib.import_module("docingest_warc")
    except ImportError:  # not installed: use the source tree beside this test
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
        return importlib.import_module("docingest_warc")


warc = _plugin()


def _chunked(data: bytes, size: int = 100) -> bytes:
    out = b"".join(b"%x\r\n%s\r\n" % (len(data[i : i + size]), data[i : i + size]) for i in range(0, len(data), size))
    return out + b"0\r\n\r\n"


RECORDS: list[tuple[str, str, list[tuple[str, str]], bytes]] = [
    ("https://news.example/plain", "200 OK", [("Content-Type", "text/html; charset=utf-8")], PAGE.encode()),
    (
        "https://news.example/gzip",
        "200 OK",
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
        gzip.compress(PAGE.encode()),
    ),
    (
        "https://news.example/chunked",
        "200 OK",
        [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")],
        _chunked(PAGE.encode()),
    ),
    (
        "https://news.example/cafe",
        "200 OK",
        [("Content-Type", "text/html")],
        PAGE.replace("<head>", "<head><meta charset=windows-1252>")
        .replace("budget on", "café crème budget on")
        .encode("windows-1252"),
    ),
    ("https://news.example/gone", "404 Not Found", [("Content-Type", "text/html")], b"<p>gone</p>"),
    ("https://news.example/moved", "301 Moved Permanently", [("Location", "https://news.example/plain")], b""),
    ("https://news.example/logo.png", "200 OK", [("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
    (
        "https://news.example/bomb",
        "200 OK",
        [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        gzip.compress(b"<p>" + b"a" * (8 * 1024 * 1024)),
    ),
]
EXPECTED = ["ok", "ok", "ok", "ok", "http_status", "http_status", "unsupported_content", "too_large"]


def write_warc(path: Path, gz: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "docingest tests"}))
        for url, status, headers, body in RECORDS:
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2024-03-05T06:07:08Z"},
            )
            writer.write_record(record)


@pytest.fixture(params=[False, True], ids=["warc", "warc.gz"])
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / ("news.warc.gz" if request.param else "news.warc")
    write_warc(path, gz=request.param)
    return path


@pytest.fixture
def registered() -> Iterator[None]:
    pm = docingest.get_plugin_manager()
    if pm.has_plugin("docingest_warc"):
        yield
        return
    pm.register(warc, name="docingest_warc")
    try:
        yield
    finally:
        pm.unregister(name="docingest_warc")


def test_reader_yields_one_source_per_response_record(archive: Path) -> None:
    reader = warc.WarcReader(max_bytes=1024 * 1024)
    assert reader.accepts(str(archive)) and not reader.accepts("page.html")
    sources = list(reader.read(str(archive)))
    assert len(sources) == len(RECORDS)
    for source, (url, _, headers, _), expected in zip(sources, RECORDS, EXPECTED, strict=True):
        if expected != "ok":
            assert isinstance(source, str) and warc.parse_ref(source) is not None
            continue
        assert isinstance(source, docingest.RawDocument)
        assert source.url == url and source.status == 200
        assert source.content_type == dict(headers)["Content-Type"]
        assert source.fetched_at == datetime(2024, 3, 5, 6, 7, 8, tzinfo=UTC)
        assert all(name == name.lower() for name, _ in source.headers)
        assert "content-encoding" not in dict(source.headers)
    docs: list[Any] = [s for s in sources if isinstance(s, docingest.RawDocument)]
    assert docs[0].content == docs[1].content == docs[2].content == PAGE.encode()


def test_archive_ingested_end_to_end(archive: Path, registered: None) -> None:
    reader = warc.WarcReader(max_bytes=1024 * 1024)
    records = list(docingest.ingest_many(reader.read(str(archive))))
    assert len(records) == len(RECORDS)
    kinds = ["ok" if isinstance(r, docingest.Article) else r.kind for r in records]
    assert kinds == EXPECTED
    articles = [r for r in records if isinstance(r, docingest.Article)]
    assert all(a.title == "Council approves budget" for a in articles)
    assert "café crème budget" in articles[3].text
    assert all(a.url is not None and a.url.startswith("https://news.example/") for a in articles)
    assert records[4].status == 404  # type: ignore[union-attr]


def test_record_reference_loads_through_the_hook(archive: Path, registered: None) -> None:
    sources = list(warc.WarcReader().read(str(archive)))
    ref = sources[0].source
    assert warc.parse_ref(ref) is not None
    article = docingest.ingest(ref)
    assert article.title == "Council approves budget"
    with pytest.raises(docingest.IngestError) as info:
        docingest.ingest(warc.record_ref(str(archive), 1))
    assert info.value.kind == "invalid"


def test_plugin_hooks_register_cleanly() -> None:
    pm = docingest.new_plugin_manager(entry_points=False, plugins=[("docingest_warc", warc)])
    readers = [r for group in pm.hook.docingest_input_readers() for r in group]
    assert any(r.name == "warc" for r in readers)



def test_an_offset_inside_a_record_is_invalid_whatever_the_bytes(tmp_path: Path) -> None:
    """No record starts inside another: such an offset is refused as ``invalid``. warcio, read from a byte inside
    a gzip member, made something of it that depended on the bytes there (each archive has random record ids), so
    about one archive in nine gave ``fetch_error``: many fresh archives are tried."""
    for n in range(60):
        path = tmp_path / f"news{n}.warc.gz"
        write_warc(path, gz=True)
        for offset in (1, 2, 7):
            with pytest.raises(docingest.IngestError) as info:
                warc.load_record(warc.record_ref(str(path), offset))
            assert info.value.kind == "invalid", (n, offset, info.value.failure.message)
