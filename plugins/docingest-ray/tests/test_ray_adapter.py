"""The Ray Data adapter gives the same records as ``docingest.ingest_many``: one row per source, in a fixed
schema, written to JSONL and Parquet and read back unchanged; its async stage keeps the per-host limits.

One local Ray instance (``num_cpus=2``) serves the module; the stage and row tests need Ray installed but no
cluster; the Spark recipe's tests (the code in docs/scaling.md) need neither.
"""

from __future__ import annotations

import contextlib
import gzip
import importlib
import importlib.util
import io
import json
import re
import socket
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.corpora import shared_dir

import docingest
from docingest import Article, Failure
from docingest.strategies import articles, failures
from docingest.testing import InFlight, LoopbackServer, reply

#: Everything but the Spark recipe's tests needs Ray and this package (``pip install -e plugins/docingest-ray``).
HAVE_RAY = all(importlib.util.find_spec(name) is not None for name in ("ray", "docingest_ray"))
if HAVE_RAY:
    import docingest_ray
    import ray
    import ray.data
    from docingest_ray.rows import record_row, result_schema, results_table, with_results
    from docingest_ray.stage import AsyncStage, host_key

    pa: Any = importlib.import_module("pyarrow")
    pq: Any = importlib.import_module("pyarrow.parquet")

if importlib.util.find_spec("xdist") is not None:
    # One Ray instance per module: under ``pytest -n N --dist loadgroup`` these tests stay on one worker.
    pytestmark = [pytest.mark.xdist_group("ray")]

needs_ray = pytest.mark.skipif(not HAVE_RAY, reason="ray[data] is not installed (pip install -e plugins/docingest-ray)")

# ------------------------------------------------------------------------------------------------ inputs
STORY = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | The Harbour Gazette</title><meta property="og:site_name" content="The Harbour Gazette">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1><p class="byline">By Ada Quill</p>
<p>{lead}</p>
<p>"We cannot keep patching the same pier every winter," said harbour master Tom Reyes.</p>
<p>The council will vote on the {amount} repair plan next month, officials said.</p>
</article><footer>© The Harbour Gazette</footer></body></html>"""

STORIES = [
    ("Pier repairs approved after storm", "Storm damage closed the north pier for nine days in March.", "€2.4 million"),
    ("Ferry timetable changes in May", "Two extra sailings will run on weekday mornings from May.", "$310,000"),
    ("Fish market reopens", "The covered fish market reopened on Saturday after a year of works.", "£1.1 million"),
]

TEXT_ARTICLE = """Library extends opening hours

The central library will open until 9 pm on weekdays from next month.

"Students asked for evenings, and we listened," said librarian Mira Okafor.

The change costs about 40,000 euros a year, the library said."""

NOT_AN_ARTICLE = "<html><head></head><body><nav><a href='/'>Home</a></nav></body></html>"

FETCH = {"allow_private": ("127.0.0.0/8",), "respect_robots": False, "retries": 0, "timeout": 10.0}


def _stories(h: BaseHTTPRequestHandler) -> None:
    """``/story/N`` answers one of the STORIES; anything else is 404."""
    if h.path.startswith("/story/"):
        title, lead, amount = STORIES[int(h.path.rsplit("/", 1)[1]) % len(STORIES)]
        reply(h, 200, STORY.format(title=title, lead=lead, amount=amount).encode())
    else:
        reply(h, 404, b"not here", "text/plain")


@contextlib.contextmanager
def serve(*shared: InFlight) -> Iterator[LoopbackServer]:
    """A loopback server of the stories; ``shared`` counters see its load together with other servers'."""
    with LoopbackServer(track=shared) as server:
        server.routes["*"] = _stories
        yield server


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    with serve() as running:
        yield running


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory, server: LoopbackServer) -> list[str]:
    """Team-written articles, bad files of every sort, failing URLs and, when present, a sample of real
    pages from the shared extraction corpus."""
    root = tmp_path_factory.mktemp("ray_inputs")
    paths: list[str] = []
    for i, (title, lead, amount) in enumerate(STORIES):
        page = root / f"story{i}.html"
        page.write_text(STORY.format(title=title, lead=lead, amount=amount), encoding="utf-8")
        paths.append(str(page))
    (root / "library.txt").write_text(TEXT_ARTICLE, encoding="utf-8")
    (root / "nav.html").write_text(NOT_AN_ARTICLE, encoding="utf-8")
    (root / "empty.html").write_bytes(b"")
    (root / "blank.txt").write_bytes(b"  \n\t\n")
    (root / "binary.html").write_bytes(bytes(range(256)) * 4)
    paths += [str(root / name) for name in ("library.txt", "nav.html", "empty.html", "blank.txt", "binary.html")]
    paths += [str(root / "missing.html"), str(root), "ftp://example.org/story.html", ""]
    paths += [server.url("/story/1"), server.url("/gone"), f"http://127.0.0.1:{_closed_port()}/story/2"]
    shared = shared_dir()
    if shared is not None:
        corpus = shared / "corpora" / "extraction" / "wcxb-dev" / "html"
        for page in sorted(corpus.glob("*.html.gz"))[::300]:
            target = root / page.name.removesuffix(".gz")
            target.write_bytes(gzip.decompress(page.read_bytes()))
            paths.append(str(target))
    return paths


@pytest.fixture(scope="module")
def local_records(sources: list[str]) -> list[Article | Failure]:
    return list(docingest.ingest_many(sources, fetch=FETCH))


@pytest.fixture(scope="module")
def ray_session() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def ingested(ray_session: None, sources: list[str]) -> ray.data.Dataset:
    dataset = docingest_ray.ingest_dataset(sources, concurrency=2, batch_size=3, fetch=FETCH)
    materialized: ray.data.Dataset = dataset.materialize()
    return materialized


def through_json(record: Article | Failure) -> Article | Failure:
    """What the model's own JSON round trip gives: rows carry the model's JSON, so this is what they can keep
    (the model decides how faithful its JSON is; rows must lose nothing beyond that)."""
    return type(record).model_validate_json(record.model_dump_json())


def summary(record: Article | Failure) -> tuple[Any, ...]:
    """What must agree between the local and the Ray run (fetch times differ, so not the provenance)."""
    if isinstance(record, Article):
        claims = tuple((c.kind, c.span.start, c.span.end, c.speaker) for c in record.claims)
        return ("article", record.provenance.source, record.id, record.title, record.text, claims)
    return ("failure", record.source, record.kind)


# ------------------------------------------------------------------------------------------------ Ray runs
@needs_ray
def test_one_row_per_source_same_records_as_ingest_many(
    ingested: ray.data.Dataset, sources: list[str], local_records: list[Article | Failure]
) -> None:
    rows = ingested.take_all()
    assert len(rows) == len(sources)
    assert sorted(row["index"] for row in rows) == list(range(len(sources)))
    records = list(docingest_ray.records_from_rows(rows))
    assert [summary(r) for r in records] == [summary(r) for r in local_records]
    # Local files carry no fetch time of their own, so their records are identical, provenance included.
    for source, mine, theirs in zip(sources, records, local_records, strict=True):
        if not source.startswith("http"):
            assert mine == through_json(theirs)
    kinds = {r.kind for r in records if isinstance(r, Failure)}
    assert {"invalid", "not_an_article", "http_status", "fetch_error"} <= kinds
    assert sum(isinstance(r, Article) for r in records) >= len(STORIES) + 2  # files, text and the URL


@needs_ray
def test_flat_columns_agree_with_the_record(ingested: ray.data.Dataset) -> None:
    for row in ingested.take_all():
        record = docingest_ray.record_from_row(row)
        assert row["source"] == (record.provenance.source if isinstance(record, Article) else record.source)
        if isinstance(record, Article):
            assert row["type"] == "article"
            assert (row["id"], row["url"], row["title"]) == (record.id, record.url, record.title)
            assert row["text_length"] == len(record.text)
            assert row["claim_count"] == len(record.claims)
            assert row["kind"] is None
        else:
            assert row["type"] == "failure"
            assert (row["kind"], row["message"], row["url"]) == (record.kind, record.message, record.url)
            assert row["id"] is None


@needs_ray
@pytest.mark.parametrize("format", ["jsonl", "parquet"])
def test_written_records_read_back_unchanged_in_order(
    ingested: ray.data.Dataset, tmp_path: Path, format: docingest_ray.rows.Format
) -> None:
    expected = list(docingest_ray.iter_records(ingested))
    out = tmp_path / format
    docingest_ray.write_records(ingested, str(out), format=format)
    assert any(out.iterdir())
    assert list(docingest_ray.read_records(out, format=format)) == expected
    # The files are plain JSONL / Parquet: other tools read them without docingest.
    if format == "jsonl":
        lines = [json.loads(line) for f in sorted(out.iterdir()) for line in f.read_text().splitlines()]
        assert {line["type"] for line in lines} == {"article", "failure"}
        assert len(lines) == len(expected)
    else:
        table = pq.read_table(out)
        assert table.num_rows == len(expected)
        assert table.schema.field("record").type == pa.large_string()


@needs_ray
def test_dataset_of_sources_from_a_list_file(
    ray_session: None, tmp_path: Path, sources: list[str], local_records: list[Article | Failure]
) -> None:
    """``ray.data.read_text`` of a list file: the ``text`` column is the source, extra columns pass through."""
    chosen = [s for s in sources if s and not s.startswith("http")][:8]
    listing = tmp_path / "sources.txt"
    listing.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    dataset = ray.data.read_text(str(listing)).add_column("batch", lambda batch: pa.array(["b1"] * len(batch)),
                                                          batch_format="pyarrow")
    out = docingest_ray.ingest_dataset(dataset, source_column="text", concurrency=1, batch_size=4, fetch=FETCH)
    rows = out.take_all()
    assert sorted(row["text"] for row in rows) == sorted(chosen)
    assert all(row["batch"] == "b1" and row["source"] == row["text"] for row in rows)
    local = {summary(r)[1]: summary(r) for r in local_records}
    for row in rows:
        assert summary(docingest_ray.record_from_row(row)) == local[row["source"]]


@needs_ray
def test_bad_arguments_fail_in_the_driver() -> None:
    with pytest.raises(TypeError):
        docingest_ray.ingest_dataset("one/path.html")
    with pytest.raises(ValueError):
        docingest_ray.ingest_dataset(["a.html"], no_such_option=True)
    spec = docingest.Pipeline(claims=False).spec()
    assert docingest_ray.pipeline_spec(spec) is spec
    assert docingest_ray.pipeline_spec(claims=False) == spec
    with pytest.raises(TypeError):
        docingest_ray.pipeline_spec(spec, claims=True)


# ------------------------------------------------------------------------------------------------ the stage
@needs_ray
@pytest.mark.parametrize(("concurrency", "per_host"), [(16, 2), (3, 2), (1, 1)])
def test_async_stage_keeps_per_host_and_total_limits(concurrency: int, per_host: int) -> None:
    """Fetches overlap up to the limits and never beyond: measured at the servers, not trusted from the stage."""
    total = InFlight()
    with serve(total) as one, serve(total) as two:
        one.delay = two.delay = 0.3
        urls = [server.url(f"/story/{i}") for i in range(6) for server in (one, two)]
        options = dict(FETCH, concurrency=concurrency, per_host=per_host)
        stage = AsyncStage(docingest.Pipeline(fetch=options))
        try:
            records = stage.run(urls)
        finally:
            stage.close()
    assert [r.provenance.source if isinstance(r, Article) else r.source for r in records] == urls
    assert all(isinstance(r, Article) for r in records), records
    expected_total = min(concurrency, 2 * per_host)
    assert total.peak == expected_total
    assert max(one.in_flight.peak, two.in_flight.peak) <= per_host
    assert stage.peak_in_flight == expected_total
    assert set(stage.peak_per_host) == {host_key(one.url()), host_key(two.url())}


@needs_ray
def test_async_stage_mixes_files_and_urls_in_order(sources: list[str], local_records: list[Article | Failure]) -> None:
    stage = AsyncStage(docingest.Pipeline(fetch=FETCH))
    try:
        first = stage.run(sources)
        again = stage.run(list(reversed(sources)))  # the loop, fetcher and CPU thread are reused
    finally:
        stage.close()
    assert [summary(r) for r in first] == [summary(r) for r in local_records]
    assert [summary(r) for r in again] == [summary(r) for r in reversed(local_records)]
    with pytest.raises(RuntimeError):
        stage.run(sources[:1])


# ------------------------------------------------------------------------------------------------ rows
def _source(record: Article | Failure) -> str:
    return record.provenance.source if isinstance(record, Article) else record.source


@needs_ray
@settings(max_examples=25, deadline=None)
@given(st.lists(st.one_of(articles(), failures()), max_size=6))
def test_rows_round_trip_through_arrow_jsonl_and_parquet(records: list[Article | Failure]) -> None:
    rows = [dict(record_row(_source(r), r), index=i) for i, r in enumerate(records)]
    table = results_table([{k: v for k, v in row.items() if k != "index"} for row in rows])
    assert table.schema == result_schema()  # the same schema whatever the batch holds
    expected = [through_json(r) for r in records]
    assert list(docingest_ray.records_from_rows(table.to_pylist(), ordered=False)) == expected
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    back = pq.read_table(io.BytesIO(buffer.getvalue())).to_pylist()
    assert [docingest_ray.record_from_row(row) for row in back] == expected
    lines = [json.loads(json.dumps(row)) for row in reversed(rows)]
    assert list(docingest_ray.records_from_rows(lines)) == expected  # the index restores the order
    assert [row["record"] for row in back] == [r.model_dump_json() for r in records]  # byte for byte


@needs_ray
def test_with_results_passes_other_columns_and_replaces_result_columns() -> None:
    batch = pa.table({"url_or_path": ["a", "b"], "type": ["x", "y"], "tag": [1, 2]})
    failure = Failure(kind="invalid", source="a", message="no such file")
    other = Failure(kind="invalid", source="b", message="no such file")
    out = with_results(batch, [record_row("a", failure), record_row("b", other)])
    assert out.column_names[:2] == ["url_or_path", "tag"]
    assert out.column("type").to_pylist() == ["failure", "failure"]
    assert out.column("tag").to_pylist() == [1, 2]
    with pytest.raises(ValueError):
        docingest_ray.record_from_row({"type": "other", "record": "{}"})


# ------------------------------------------------------------------------------------------------ the Spark recipe
DOC = Path(__file__).resolve().parents[3] / "docs" / "scaling.md"


def _recipe(marker: str) -> str:
    if not DOC.is_file():
        pytest.skip("docs/scaling.md is not beside this checkout")
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    found = [block for block in blocks if block.startswith(marker)]
    assert len(found) == 1, f"docs/scaling.md has no single block starting {marker!r}"
    return str(found[0])


def test_scaling_doc_code_blocks_compile() -> None:
    if not DOC.is_file():
        pytest.skip("docs/scaling.md is not beside this checkout")
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 4
    for i, block in enumerate(blocks):
        compile(block, f"docs/scaling.md block {i}", "exec")


def test_spark_recipe_partition_gives_one_row_per_warc_response(tmp_path: Path) -> None:
    """The documented per-partition function, run as written on a WARC written here: the same article as
    ingesting the page directly, a failure for the 404 and for the image, nothing for the request record."""
    pytest.importorskip("warcio")
    pytest.importorskip("fsspec")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    namespace: dict[str, Any] = {"__name__": "warc_recipe"}
    exec(compile(_recipe("# recipe: warc partition"), "warc_recipe.py", "exec"), namespace)
    title, lead, amount = STORIES[0]
    page = STORY.format(title=title, lead=lead, amount=amount).encode()
    url = "https://harbour.example/news/pier"
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        responses = [
            (url, "200 OK", "text/html; charset=utf-8", page),
            ("https://harbour.example/gone", "404 Not Found", "text/html", b"<p>gone</p>"),
            ("https://harbour.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        ]
        request = io.BytesIO(b"GET /news/pier HTTP/1.1\r\n\r\n")
        writer.write_record(writer.create_warc_record(url, "request", payload=request))
        for target, status, ctype, body in responses:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(target, "response", payload=io.BytesIO(body), http_headers=http)
            writer.write_record(record)
    spec = docingest.Pipeline().spec()
    rows = list(namespace["ingest_warc_partition"]([str(path)], spec))
    assert len(rows) == len(responses)
    assert [dict(zip(namespace["COLUMNS"], row, strict=True))["type"] for row in rows] == [
        "article", "failure", "failure"
    ]
    article = Article.model_validate_json(rows[0][2])
    direct = docingest.ingest_html(page, url=url)
    assert (article.text, article.title, article.id, article.url) == (direct.text, direct.title, direct.id, url)
    assert article.provenance.source.startswith(f"{path}#<urn:uuid:")
    gone = Failure.model_validate_json(rows[1][2])
    assert (gone.kind, gone.status) == ("http_status", 404)
    assert rows[2][6] == Failure.model_validate_json(rows[2][2]).kind
