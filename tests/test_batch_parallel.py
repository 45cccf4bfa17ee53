"""ingest_many(workers=N): exactly one record per input, in input order, whatever the inputs do.

Workers find plugins through entry points, so the misbehaving plugin used here (hangs, crashes, reports its
process id) is installed as a real distribution in a temporary directory put on ``sys.path``.
"""

from __future__ import annotations

import os
import textwrap
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docingest import Article, Failure, Pipeline, RawDocument, hookimpl, new_plugin_manager
from docingest.batch import ingest_parallel
from docingest.document import Metadata, Page
from docingest.testing import LoopbackServer

STORY = (
    "{title}\n\n"
    '"We will build it by {year}," said Ana Ruiz, the mayor of Townsville, on {day}.\n\n'
    "The council approved {n} new homes, a clinic and a bus line to the harbour district.\n"
)


def make_inputs(folder: Path) -> list[tuple[str, str]]:
    """(source, expected outcome) pairs: good HTML and text, missing, empty and binary files, failing URLs."""
    folder.mkdir(parents=True, exist_ok=True)
    inputs: list[tuple[str, str]] = []
    for i in range(6):
        body = STORY.format(title=f"Harbour plan {i}", year=2030 + i, day=f"day {i}", n=100 + i)
        if i % 2:
            path = folder / f"story{i}.txt"
            path.write_text(body, encoding="utf-8")
        else:
            paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n")[1:])
            path = folder / f"story{i}.html"
            path.write_text(
                f"<html><head><title>Harbour plan {i}</title></head><body><nav>Home | News</nav>"
                f"<article><h1>Harbour plan {i}</h1>{paras}</article><footer>(c) Example</footer></body></html>",
                encoding="utf-8",
            )
        inputs.append((str(path), "article"))
    (folder / "empty.html").write_bytes(b"")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 40)
    inputs += [
        (str(folder / "empty.html"), "failure"),
        (str(folder / "binary.html"), "failure"),
        (str(folder / "missing.html"), "failure"),
        (str(folder), "failure"),  # a directory
        ("http://127.0.0.1:9/closed-port", "failure"),
        ("gopher://example.org/1", "failure"),
    ]
    return inputs


def label(record: Article | Failure) -> str:
    return record.provenance.source if isinstance(record, Article) else record.source


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    return make_inputs(tmp_path_factory.mktemp("batch") / "in")


@pytest.mark.parametrize("workers", [1, 2])
def test_one_record_per_input_in_order(inputs: list[tuple[str, str]], workers: int) -> None:
    sources = [s for s, _ in inputs] * 2  # repeated inputs are inputs too
    records = list(Pipeline().ingest_many(sources, workers=workers))
    assert len(records) == len(sources)
    assert [label(r) for r in records] == sources
    expected = [e for _, e in inputs] * 2
    assert ["article" if isinstance(r, Article) else "failure" for r in records] == expected
    for record in records:
        if isinstance(record, Failure):
            assert record.kind != "plugin_error", record


def test_workers_give_the_same_records_as_one_process(inputs: list[tuple[str, str]]) -> None:
    sources = [s for s, _ in inputs]
    with Pipeline() as pipeline:
        serial = list(pipeline.ingest_many(sources))
        parallel = list(pipeline.ingest_many(sources, workers=2))

    def comparable(record: Article | Failure) -> object:
        if isinstance(record, Failure):
            return ("failure", record.kind, record.source)
        return ("article", record.id, record.text, record.title, tuple(c.text for c in record.claims))

    assert [comparable(r) for r in parallel] == [comparable(r) for r in serial]


def test_raw_documents_and_pathlike_sources(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<title>Path</title><p>A path-like source works as well as a string.</p>", encoding="utf-8")
    raw = RawDocument(source="record-1", content=b"<title>Raw</title><p>Bytes handed over.</p>", kind="html")
    records = list(ingest_parallel(Pipeline(), [page, raw, str(page)], workers=2))
    assert [label(r) for r in records] == [str(page), "record-1", str(page)]
    assert all(isinstance(r, Article) for r in records)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choice=st.lists(st.integers(0, 11), max_size=30), window=st.integers(1, 5))
def test_property_order_and_count_for_any_mix(
    inputs: list[tuple[str, str]], choice: list[int], window: int
) -> None:
    sources = [inputs[i][0] for i in choice]
    records = list(ingest_parallel(Pipeline(), iter(sources), workers=2, window=window))
    assert [label(r) for r in records] == sources
    assert ["article" if isinstance(r, Article) else "failure" for r in records] == [inputs[i][1] for i in choice]


def test_window_bounds_reading_ahead(inputs: list[tuple[str, str]]) -> None:
    pulled: list[int] = []

    def sources() -> Iterator[str]:
        for i in range(40):
            pulled.append(i)
            yield inputs[i % 6][0]

    stream = ingest_parallel(Pipeline(), sources(), workers=2, window=3)
    for n, _record in enumerate(stream):
        # never more than `window` inputs read and not yet yielded
        assert len(pulled) - (n + 1) <= 3
        if n == 10:
            break
    stream.close()  # type: ignore[attr-defined]
    assert len(pulled) <= 14


# ---------------------------------------------------------------------------------------------- misbehaviour

PLUGIN = '''
import os, time
from datetime import UTC, datetime
from docingest import RawDocument, hookimpl

@hookimpl
def docingest_load(source, options):
    if source.endswith(".hang"):
        while True:
            time.sleep(1)
    if source.endswith(".crash"):
        os._exit(3)
    if source.endswith(".pid"):
        return RawDocument(source=source, content=f"Worker report\\n\\nProcess {os.getpid()} handled it.",
                           kind="text", fetched_at=datetime.now(UTC))
    return None
'''


@pytest.fixture
def misbehaving_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A distribution `docingest-test-misbehave` with a `docingest` entry point, importable from tmp_path."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "docingest_test_misbehave.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "docingest_test_misbehave-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: docingest-test-misbehave\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            """\
            [docingest]
            test-misbehave = docingest_test_misbehave
            """
        )
    )
    monkeypatch.syspath_prepend(str(site))
    return tmp_path


def _pipeline() -> Pipeline:
    # The parent does not load the plugin (its own plugin manager without entry points); workers do.
    return Pipeline(plugin_manager=new_plugin_manager(entry_points=False))


def test_time_limit_kills_a_stuck_document(misbehaving_plugin: Path, inputs: list[tuple[str, str]]) -> None:
    good = inputs[0][0]
    sources = [good, "doc.hang", good, good, "other.hang", good]
    records = list(ingest_parallel(_pipeline(), sources, workers=2, time_limit=1.0))
    assert [label(r) for r in records] == sources
    kinds = [r.kind if isinstance(r, Failure) else "article" for r in records]
    assert kinds == ["article", "timeout", "article", "article", "timeout", "article"]


def test_a_crashed_worker_fails_only_its_document(misbehaving_plugin: Path, inputs: list[tuple[str, str]]) -> None:
    good = inputs[1][0]
    sources = [good, "a.crash", good, "b.crash", "c.crash", good, good]
    records = list(ingest_parallel(_pipeline(), sources, workers=2))
    assert [label(r) for r in records] == sources
    for source, record in zip(sources, records, strict=True):
        if source.endswith(".crash"):
            assert isinstance(record, Failure) and record.kind == "plugin_error"
            assert "died" in record.message
        else:
            assert isinstance(record, Article)


def test_workers_are_recycled(misbehaving_plugin: Path) -> None:
    sources = [f"doc{i}.pid" for i in range(7)]
    records = list(ingest_parallel(_pipeline(), sources, workers=1, max_tasks=2))
    assert all(isinstance(r, Article) for r in records)
    pids = [r.text.split(" handled")[0] for r in records if isinstance(r, Article)]
    # two documents per process: 7 documents → 4 processes, each used for consecutive inputs
    assert len(set(pids)) == 4
    assert pids[0] == pids[1] != pids[2] == pids[3] != pids[4] == pids[5] != pids[6]
    assert f"Process {os.getpid()}" not in pids


def test_plugins_missing_in_workers_are_reported(inputs: list[tuple[str, str]]) -> None:
    class Extra:
        pass

    pm = new_plugin_manager(plugins=[("hand-registered", Extra())])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        records = list(ingest_parallel(Pipeline(plugin_manager=pm), [inputs[0][0]], workers=1))
    assert len(records) == 1
    assert any("hand-registered" in str(w.message) for w in caught)


class _Stamp:
    """A hand-registered plugin bound at the top of this module: workers can import it by reference."""

    @hookimpl
    def docingest_extract_metadata(self, page: Page) -> Metadata:
        return Metadata(site_name=f"Stamped in process {os.getpid()}")


STAMP = _Stamp()


def test_hand_registered_importable_plugins_run_in_workers(inputs: list[tuple[str, str]]) -> None:
    pm = new_plugin_manager(entry_points=False, plugins=[("stamp", STAMP)])
    pipeline = Pipeline(plugin_manager=pm, disable=["docingest.numeric"])
    spec = pipeline.spec()
    assert spec.plugins == (("stamp", f"{__name__}:STAMP"),) and spec.disable == ("docingest.numeric",)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is reported missing
        records = list(ingest_parallel(pipeline, [path for path, _ in inputs[:4]], workers=2))
    stamps = {r.site_name for r in records if isinstance(r, Article)}
    assert stamps and all(s and s.startswith("Stamped in process ") for s in stamps)
    assert f"Stamped in process {os.getpid()}" not in stamps


def test_arguments_are_checked() -> None:
    with pytest.raises(ValueError):
        ingest_parallel(Pipeline(), [], workers=0)
    with pytest.raises(ValueError):
        ingest_parallel(Pipeline(), [], workers=2, time_limit=0)
    assert list(ingest_parallel(Pipeline(), [], workers=2)) == []


def _story(n: int) -> str:
    return (
        f"<html><head><title>Loopback {n}</title></head><body><article><h1>Loopback {n}</h1>"
        f"<p>Story {n} was fetched over HTTP by the parent and parsed in a worker.</p></article></body></html>"
    )


@pytest.mark.network
def test_urls_are_fetched_in_the_parent_and_processed_in_workers(
    inputs: list[tuple[str, str]], docingest_server: LoopbackServer
) -> None:
    server = docingest_server
    for n in (1, 2):
        server.add(f"/story/{n}", _story(n))
    sources = [server.url("/story/1"), inputs[0][0], server.url("/gone"), server.url("/story/2"), "http://127.0.0.1:9/"]
    pipeline = Pipeline(fetch=server.fetch_settings())
    records = list(ingest_parallel(pipeline, sources, workers=2))
    assert [label(r) for r in records] == sources
    first, local, gone, second, closed = records
    assert isinstance(first, Article) and first.title == "Loopback 1" and first.url == sources[0]
    assert isinstance(second, Article) and "Story 2 was fetched" in second.text
    assert isinstance(local, Article)
    assert isinstance(gone, Failure) and gone.kind == "http_status" and gone.status == 404
    assert isinstance(closed, Failure) and closed.kind in {"blocked", "fetch_error"}


def test_plugin_references_name_what_another_process_can_import() -> None:
    from docingest.plugins import load_plugin_reference, plugin_reference
    from docingest.stages import numeric

    class Local:
        pass

    assert plugin_reference(numeric) == "docingest.stages.numeric"
    assert plugin_reference(STAMP) == f"{__name__}:STAMP"
    assert plugin_reference(_Stamp) == f"{__name__}:_Stamp"
    assert plugin_reference(Local()) is None and plugin_reference(Local) is None
    for plugin in (numeric, STAMP, _Stamp):
        reference = plugin_reference(plugin)
        assert reference is not None and load_plugin_reference(reference) is plugin
