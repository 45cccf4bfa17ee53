"""The public API end to end on simple documents, and its promises about bad input."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docingest
from docingest import Article, Failure, IngestError
from docingest.document import Candidate, ClaimContext, Page, RawDocument, Verdict
from docingest.models import Claim, Quantity, Span, claim_id
from docingest.testing import tag_soup

PAGE = """<!doctype html><html lang="en"><head><title>Harbour plan approved | The Test Gazette</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour plan approved</h1>
<p>The council approved the harbour plan on Tuesday after a long debate about its cost and its timetable.</p>
<p>"We will start building in spring," said Mayor Lena Ortiz, who has backed the plan since her election.</p>
</article><footer>Copyright The Test Gazette</footer></body></html>"""


def test_ingest_html_end_to_end() -> None:
    article = docingest.ingest_html(PAGE, url="https://example.org/harbour")
    assert isinstance(article, Article)
    assert article.url == "https://example.org/harbour"
    assert "approved the harbour plan" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.language == "en"
    assert any(c.kind == "quote" and c.text.startswith("We will start building") for c in article.claims)
    assert "docingest.parse" in article.provenance.plugins
    assert Article.model_validate_json(article.model_dump_json()) == article


def test_ingest_html_bytes_and_file(tmp_path: Path) -> None:
    data = PAGE.replace("debate", "débat").encode("windows-1252")
    data = data.replace(b"<head>", b'<head><meta charset="windows-1252">')
    from_bytes = docingest.ingest_html(data)
    assert "débat" in from_bytes.text
    assert from_bytes.provenance.encoding == "windows-1252"
    path = tmp_path / "page.html"
    path.write_bytes(data)
    from_file = docingest.ingest(path)
    assert from_file.text == from_bytes.text
    assert docingest.ingest(str(path)).text == from_bytes.text


def test_ingest_text_and_sniffed_file(tmp_path: Path) -> None:
    text = "Harbour plan approved\n\nThe council approved the plan on Tuesday.\n\nWork starts in spring."
    article = docingest.ingest_text(text)
    assert article.title == "Harbour plan approved"
    assert article.paragraphs == ("The council approved the plan on Tuesday.", "Work starts in spring.")
    sniffed = tmp_path / "story.data"
    sniffed.write_text(text, encoding="utf-8")
    assert docingest.ingest(sniffed).text == article.text


def test_aingest_is_the_twin_of_ingest(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(PAGE, encoding="utf-8")
    assert asyncio.run(docingest.aingest(path)).text == docingest.ingest(path).text


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("/definitely/not/here.html", "invalid"),
        ("ftp://example.org/file.html", "invalid"),
        ("gopher://example.org/", "invalid"),
        ("", "invalid"),
    ],
)
def test_bad_sources_raise_ingest_error(source: str, kind: str) -> None:
    with pytest.raises(IngestError) as info:
        docingest.ingest(source)
    assert info.value.failure.kind == kind
    assert info.value.failure.source == source


def test_empty_and_binary_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(IngestError) as info:
        docingest.ingest(empty)
    assert info.value.kind == "invalid"
    with pytest.raises(IngestError) as info:
        docingest.ingest(binary)
    assert info.value.kind == "unsupported_content"
    with pytest.raises(IngestError):
        docingest.ingest(tmp_path)  # a directory


def test_empty_html_is_not_an_article() -> None:
    with pytest.raises(IngestError) as info:
        docingest.ingest_html("<html><body><nav>menu</nav></body></html>")
    assert info.value.kind == "not_an_article"
    with pytest.raises(IngestError) as info:
        docingest.ingest_html(12345)  # type: ignore[arg-type]
    assert info.value.kind == "invalid"


def test_min_text_length_option() -> None:
    with pytest.raises(IngestError) as info:
        docingest.ingest_html(PAGE, min_text_length=100_000)
    assert info.value.kind == "not_an_article"


def test_unknown_option_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="no_such_option"):
        docingest.ingest_html(PAGE, no_such_option=True)


def test_extract_claims_indexes_the_given_text() -> None:
    text = 'Officials met on Monday.\n\n"Costs rose by 12%," the minister said.'
    claims = docingest.extract_claims(text)
    assert claims, "expected at least one claim"
    for claim in claims:
        claim.check_against(text)
    assert [c.span.start for c in claims] == sorted(c.span.start for c in claims)


def test_ingest_many_mixed_inputs_keeps_order(tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_text(PAGE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    sources: list[str | Path] = [good, "/missing.html", empty, "ftp://x/y", str(good)]
    records = list(docingest.ingest_many(sources))
    assert [type(r).__name__ for r in records] == ["Article", "Failure", "Failure", "Failure", "Article"]
    assert all(isinstance(r, Article | Failure) for r in records)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["good", "missing", "empty", "binary", "scheme", "text"]), max_size=12))
def test_ingest_many_yields_one_record_per_input_in_order(tmp_path: Path, kinds: list[str]) -> None:
    files = {
        "good": ("g.html", PAGE.encode()),
        "empty": ("e.html", b""),
        "binary": ("b.bin", bytes(range(256))),
        "text": ("t.txt", b"Title\n\nA paragraph of text."),
    }
    sources: list[str] = []
    for kind in kinds:
        if kind in files:
            name, data = files[kind]
            path = tmp_path / name
            path.write_bytes(data)
            sources.append(str(path))
        elif kind == "missing":
            sources.append(str(tmp_path / "nope.html"))
        else:
            sources.append("mailto:someone@example.org")
    records = list(docingest.ingest_many(sources))
    assert len(records) == len(sources)
    for kind, source, record in zip(kinds, sources, records, strict=True):
        expected = Article if kind in ("good", "text") else Failure
        assert isinstance(record, expected), (kind, record)
        if isinstance(record, Failure):
            assert record.source == source
        else:
            assert record.provenance.source == source


def test_aingest_many_counts_records(tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_text(PAGE, encoding="utf-8")

    async def collect() -> list[Article | Failure]:
        return [r async for r in docingest.aingest_many([str(good), "/missing", str(good)])]

    records = asyncio.run(collect())
    assert [isinstance(r, Article) for r in records] == [True, False, True]


def test_ingest_many_inside_a_running_loop(tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_text(PAGE, encoding="utf-8")

    async def inside() -> int:
        return len(list(docingest.ingest_many([str(good), "/missing"])))

    assert asyncio.run(inside()) == 2


def test_raw_document_source_skips_loading() -> None:
    raw = RawDocument(source="archive#1", content=PAGE.encode(), url="https://example.org/a", kind="html")
    article = docingest.ingest(raw)
    assert article.provenance.source == "archive#1"
    assert article.url == "https://example.org/a"


# ------------------------------------------------------------------------------------------------ plugins
class _ShoutingExtractor:
    name = "test.shout"
    kinds = frozenset({"quote"})

    def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]:
        span = Span(start=0, end=min(5, len(text)))
        yield Claim(id=claim_id("quote", span, span.slice(text)), kind="quote", text=span.slice(text), span=span)


class _BrokenExtractor:
    name = "test.broken"
    kinds = frozenset({"quote"})

    def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]:
        raise RuntimeError("boom")


class _LyingExtractor:
    name = "test.lying"
    kinds = frozenset({"quote"})

    def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]:
        span = Span(start=0, end=3)
        yield Claim(id="x", kind="quote", text="not what the text says", span=span)


class _DropFirst:
    name = "test.dropfirst"
    order = 50

    def classify(self, blocks: Sequence[Candidate], page: Page) -> Iterable[Verdict]:
        if blocks:
            yield Verdict(0, "first block")


def _plugin(**hooks: object) -> object:
    class Plugin:
        pass

    plugin = Plugin()
    for name, value in hooks.items():
        setattr(plugin, name, docingest.hookimpl(value))  # type: ignore[call-overload]
    return plugin


def test_third_party_plugins_join_the_pipeline() -> None:
    pm = docingest.new_plugin_manager(entry_points=False)

    def docingest_claim_extractors() -> list[_ShoutingExtractor]:
        return [_ShoutingExtractor()]

    def docingest_block_cleaners() -> list[_DropFirst]:
        return [_DropFirst()]

    pm.register(_plugin(docingest_claim_extractors=docingest_claim_extractors,
                        docingest_block_cleaners=docingest_block_cleaners), name="test.plugin")
    pipeline = docingest.Pipeline(plugin_manager=pm)
    article = pipeline.ingest_html(PAGE)
    assert "test.shout" in article.provenance.plugins
    assert any(r.cleaner == "test.dropfirst" and r.reason == "first block" for r in article.provenance.removed)
    assert not article.text.startswith("Harbour plan approved")


def test_third_party_first_result_hook_wins_over_builtin() -> None:
    pm = docingest.new_plugin_manager(entry_points=False)

    def docingest_extract_body(page: Page) -> list[Candidate]:
        return [Candidate(kind="paragraph", text="Replaced body.")]

    pm.register(_plugin(docingest_extract_body=docingest_extract_body), name="test.body")
    article = docingest.Pipeline(plugin_manager=pm, claims=False).ingest_html(PAGE)
    assert article.text == "Replaced body."


@pytest.mark.parametrize("extractor", [_BrokenExtractor(), _LyingExtractor()])
def test_faulty_plugins_become_plugin_errors(extractor: object) -> None:
    pm = docingest.new_plugin_manager(entry_points=False)

    def docingest_claim_extractors() -> list[object]:
        return [extractor]

    pm.register(_plugin(docingest_claim_extractors=docingest_claim_extractors), name="test.faulty")
    record = docingest.Pipeline(plugin_manager=pm).run(RawDocument(source="s", content=PAGE, kind="html"))
    assert isinstance(record, Failure)
    assert record.kind == "plugin_error"
    assert record.plugin == "test.faulty"  # the plugin's name; the component's is in the details
    assert ("component", extractor.name) in record.details  # type: ignore[attr-defined]
    assert ("hook", "docingest_claim_extractors") in record.details
    assert "test.faulty" in record.message and extractor.name in record.message  # type: ignore[attr-defined]


def test_plugins_can_be_disabled_by_name() -> None:
    article = docingest.ingest_html(PAGE, disable=["docingest.quotes", "docingest.numeric"])
    assert article.claims == ()
    assert "docingest.quotes" not in article.provenance.plugins


def test_typo_in_a_hook_name_is_caught() -> None:
    def docingest_extract_bdy(page: Page) -> None:
        return None

    with pytest.raises(docingest.PluginError, match="did you mean docingest_extract_body") as info:
        docingest.new_plugin_manager(plugins=[("typo", _plugin(docingest_extract_bdy=docingest_extract_bdy))])
    assert info.value.plugin == "typo" and info.value.hook == "docingest_extract_bdy"


def test_import_is_light_and_loads_no_plugins() -> None:
    code = (
        "import sys, docingest; "
        "print(json.dumps([docingest.plugins._default is None, "
        "any(m.startswith('docingest.stages') for m in sys.modules), 'selectolax' in sys.modules]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", "import json; " + code], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == [True, False, False]


def test_builtins_are_registered_like_plugins() -> None:
    from docingest.plugins import BUILTIN_PLUGINS, describe_plugins

    names = {p["name"] for p in describe_plugins(docingest.new_plugin_manager())}
    assert set(BUILTIN_PLUGINS) <= names


def test_pipeline_spec_round_trips_through_pickle() -> None:
    import pickle

    pipeline = docingest.Pipeline(claims=False, disable=("docingest.promo",))
    rebuilt = pickle.loads(pickle.dumps(pipeline.spec())).build()
    assert rebuilt.options == pipeline.options
    assert rebuilt.ingest_html(PAGE).text == pipeline.ingest_html(PAGE).text


def test_async_hookimpls_are_refused() -> None:
    async def docingest_extract_body(page: Page) -> None:
        return None

    with pytest.raises(docingest.PluginError, match="synchronous"):
        docingest.new_plugin_manager(plugins=[("async", _plugin(docingest_extract_body=docingest_extract_body))])


def test_a_broken_entry_point_is_skipped_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    from docingest import plugins

    broken = metadata.EntryPoint(name="broken", value="docingest_no_such_module", group="docingest")
    real = metadata.entry_points

    def fake(**kwargs: str) -> object:
        found = real(**kwargs)
        if kwargs.get("group") == "docingest":
            return metadata.EntryPoints([*found, broken])
        return found

    monkeypatch.setattr(metadata, "entry_points", fake)
    with pytest.warns(docingest.PluginWarning, match="'broken': cannot be imported"):
        pm = plugins.new_plugin_manager()
    assert not pm.has_plugin("broken")
    assert [p.plugin for p in pm.problems] == ["broken"]
    assert docingest.Pipeline(plugin_manager=pm).ingest_html(PAGE).title
    listed = {p["name"]: p for p in plugins.describe_plugins(pm)}
    assert "ModuleNotFoundError" in listed["broken"]["error"]


def test_reset_plugin_manager_is_seen_by_the_public_functions() -> None:
    from docingest import plugins

    def docingest_extract_body(page: Page) -> list[Candidate]:
        return [Candidate(kind="paragraph", text="From a plugin installed later.")]

    docingest.ingest_html(PAGE, claims=False)  # caches a pipeline on the current shared manager
    plugins.reset_plugin_manager()
    try:
        docingest.get_plugin_manager().register(
            _plugin(docingest_extract_body=docingest_extract_body), name="test.late"
        )
        assert docingest.ingest_html(PAGE, claims=False).text == "From a plugin installed later."
    finally:
        plugins.reset_plugin_manager()


# ------------------------------------------------------------------------------------------------ sources
def test_sources_are_stripped_in_every_entry_point(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docingest.cli import main
    from docingest.testing import MockHttp

    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    padded = f"  {path}\t\n"
    assert docingest.ingest(padded).provenance.source == str(path)
    assert docingest.ingest_html(PAGE, url=" https://example.org/a \n").url == "https://example.org/a"
    assert docingest.ingest_text("Title\n\nBody text.", url="\thttps://example.org/t ").url == "https://example.org/t"
    records = list(docingest.ingest_many([padded, f" {path}"]))
    assert [type(r).__name__ for r in records] == ["Article", "Article"]

    router = MockHttp()
    router.add("https://news.example/a", PAGE, content_type="text/html")
    with router.pipeline(claims=False) as pipeline:
        fetched = pipeline.run(" https://news.example/a \n")
        assert isinstance(fetched, Article) and fetched.provenance.source == "https://news.example/a"
        assert [isinstance(r, Article) for r in pipeline.ingest_many(["https://news.example/a  "])] == [True]
    router.close()

    listing = tmp_path / "list.txt"
    listing.write_text(f"  {path}  \n\t{path}\n", encoding="utf-8")
    assert main(["ingest", f" {path} ", "-i", str(listing)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [Article.model_validate_json(line).provenance.source for line in lines] == [str(path)] * 3


@pytest.mark.parametrize("name", ["page.html.gz", "page.htm.gz", "page.HTML.GZ", "story.txt.gz", "page.gz"])
def test_gzip_files_read_like_their_inner_kind(tmp_path: Path, name: str) -> None:
    import gzip

    text = "Harbour plan approved\n\nThe council approved the plan on Tuesday.\n\nWork starts in spring."
    data = text if name.startswith("story") else PAGE
    path = tmp_path / name
    path.write_bytes(gzip.compress(data.encode("utf-8")))
    plain = tmp_path / ("story.txt" if name.startswith("story") else "page.html")
    plain.write_text(data, encoding="utf-8")
    article = docingest.ingest(path, claims=False)
    assert article.text == docingest.ingest(plain, claims=False).text
    assert article.provenance.content_type == ("text/plain" if name.startswith("story") else
                                               None if name == "page.gz" else "text/html")


def test_gzip_bombs_and_corrupt_gzip_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gzip

    from docingest.stages import load

    monkeypatch.setattr(load, "MAX_FILE_BYTES", 1_000_000)
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 5_000_000))  # ~5 KB that would become 5 MB
    assert bomb.stat().st_size < 20_000
    with pytest.raises(IngestError) as info:
        docingest.ingest(bomb)
    assert info.value.kind == "too_large" and ("limit", "1000000") in info.value.failure.details
    corrupt = tmp_path / "corrupt.html.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00not gzip at all")
    with pytest.raises(IngestError) as info:
        docingest.ingest(corrupt)
    assert info.value.kind == "invalid" and "not a valid gzip file" in info.value.failure.message
    empty = tmp_path / "empty.txt.gz"
    empty.write_bytes(gzip.compress(b"  \n"))
    with pytest.raises(IngestError, match="empty file"):
        docingest.ingest(empty)


# ------------------------------------------------------------------------------------------------ never empty
def _never_empty(record: Article | Failure) -> None:
    if isinstance(record, Article):
        assert record.text.strip() and record.blocks, record
    else:
        assert record.kind in ("not_an_article", "unsupported_content", "decode_error", "invalid"), record


def test_a_title_without_main_text_is_not_an_article() -> None:
    for page in ("<title>Only a title</title>", "<html><head><title>T</title></head><body><nav>Home</nav></body>"):
        with pytest.raises(IngestError) as info:
            docingest.ingest_html(page)
        assert info.value.kind == "not_an_article" and info.value.failure.message == "no main text found"
    with pytest.raises(IngestError, match="no main text found"):
        docingest.ingest_text("Only a title line")


def _corpus_seeds() -> list[str]:
    from tests.corpora import shared_dir

    base = shared_dir()
    if base is None:
        return []
    path = base / "corpora" / "html5lib" / "tree_inputs.jsonl"
    lines = path.read_text(encoding="utf-8").split("\n") if path.exists() else []
    return [json.loads(line)["data"] for line in lines if line.strip()]


_SEEDS = _corpus_seeds()
_DOCUMENTS = st.one_of(
    tag_soup(),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=300),
    *([st.sampled_from(_SEEDS)] if _SEEDS else []),
)


@settings(max_examples=150, deadline=None)
@given(_DOCUMENTS, st.sampled_from(["html", "text", "bytes"]))
def test_no_article_has_an_empty_text(document: str, kind: str) -> None:
    pipeline = docingest.pipeline(claims=False)
    content: str | bytes = document.encode("utf-8", "surrogatepass") if kind == "bytes" else document
    raw = RawDocument(source="<prop>", content=content, kind="text" if kind == "text" else None)
    _never_empty(pipeline.run_raw(raw))


@pytest.mark.corpus
def test_no_article_has_an_empty_text_on_the_corpora() -> None:
    """Every html5lib input and readability page, and every 10th wcxb-dev page, through the whole pipeline."""
    import gzip

    from tests.corpora import corpus_path

    corpus_path("html5lib")  # skips, saying why, when ../shared is absent
    pipeline = docingest.Pipeline(claims=False)
    seeds = _corpus_seeds()
    assert seeds, "the html5lib inputs are missing"
    for i, data in enumerate(seeds):
        _never_empty(pipeline.run_raw(RawDocument(source=f"html5lib#{i}", content=data, kind="html")))
    for name, stride in (("readability", 1), ("wcxb-dev", 10)):
        folder = corpus_path("extraction", name) / "html"
        for page in sorted(folder.glob("*.html.gz"))[::stride]:
            _never_empty(pipeline.run_raw(RawDocument(source=page.name, content=gzip.decompress(page.read_bytes()))))


def test_a_plugin_registered_on_the_shared_manager_after_use_is_seen() -> None:
    def docingest_extract_body(page: Page) -> list[Candidate]:
        return [Candidate(kind="paragraph", text="From a plugin registered after first use.")]

    docingest.ingest_html(PAGE, claims=False)
    plugin = _plugin(docingest_extract_body=docingest_extract_body)
    docingest.get_plugin_manager().register(plugin, name="test.after")
    try:
        assert docingest.ingest_html(PAGE, claims=False).text == "From a plugin registered after first use."
    finally:
        docingest.get_plugin_manager().unregister(plugin)
    assert docingest.ingest_html(PAGE, claims=False).text != "From a plugin registered after first use."


class _TwoQuantities:
    """Two numeric claims over one clause ("rose from 12% to 15%"), each about its own quantity."""

    name = "test.two_quantities"
    kinds = frozenset({"numeric"})

    def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]:
        clause = Span(start=0, end=text.index(" last"))
        for surface in ("12%", "15%"):
            start = text.index(surface)
            quantity = Quantity(
                value=float(surface[:-1]), unit="percent", surface=surface, span=Span(start=start, end=start + 3)
            )
            yield Claim(
                id=claim_id("numeric", clause, clause.slice(text) + surface),
                kind="numeric",
                text=clause.slice(text),
                span=clause,
                quantity=quantity,
            )


def test_numeric_claims_sharing_a_clause_are_both_kept() -> None:
    pm = docingest.new_plugin_manager(entry_points=False, disable=["docingest.numeric", "docingest.quotes"])

    def docingest_claim_extractors() -> list[_TwoQuantities]:
        return [_TwoQuantities()]

    pm.register(_plugin(docingest_claim_extractors=docingest_claim_extractors), name="test.numbers")
    claims = docingest.Pipeline(plugin_manager=pm).extract_claims("Turnout rose from 12% to 15% last year.")
    assert [c.quantity.surface for c in claims if c.quantity] == ["12%", "15%"]
