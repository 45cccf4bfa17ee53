"""The pytest plugin's fixtures work, and the plugin loads lazily with no autouse fixture."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import httpx
import pluggy
import pytest

from docingest import Article, Failure, hookimpl
from docingest.document import Metadata, Page
from docingest.pipeline import Pipeline
from docingest.plugins import BUILTIN_PLUGINS
from docingest.strategies.news import NewsPage
from docingest.testing import InFlight, LoopbackServer, MockHttp

ROOT = Path(__file__).resolve().parents[1]


def test_plugin_manager_is_isolated_and_fresh(docingest_plugin_manager: pluggy.PluginManager) -> None:
    names = {name for name, plugin in docingest_plugin_manager.list_name_plugin() if plugin is not None}
    assert names == set(BUILTIN_PLUGINS)
    from docingest.plugins import get_plugin_manager

    assert docingest_plugin_manager is not get_plugin_manager()


class TitlePlugin:
    @hookimpl
    def docingest_extract_metadata(self, page: Page) -> Metadata | None:
        return Metadata(title="From the test plugin", authors=("Li Wei",))


def test_pipeline_factory_registers_plugins_first(docingest_pipeline_factory: Callable[..., Pipeline]) -> None:
    pipeline = docingest_pipeline_factory(("test.title", TitlePlugin()))
    article = pipeline.ingest_html("<title>Page title</title><article><p>Body text here.</p></article>")
    assert article.title == "From the test plugin"
    assert article.authors == ("Li Wei",)
    assert "test.title" in article.provenance.plugins
    plain = docingest_pipeline_factory(disable=["docingest.quotes"])
    assert "docingest.quotes" not in {e.name for e in plain.claim_extractors}


def test_http_router_serves_pipelines(docingest_http: MockHttp, news_page_factory: Callable[..., NewsPage]) -> None:
    page = news_page_factory()
    docingest_http.add(page.url, page.html, content_type="text/html; charset=utf-8")
    docingest_http.redirect("https://news.example/short", page.url, status=301)
    docingest_http.add("https://news.example/gone", "Gone", status=410)
    pipeline = docingest_http.pipeline(fetch={"retries": 0})

    article = pipeline.ingest("https://news.example/short")
    assert isinstance(article, Article)
    assert article.provenance.final_url == page.url
    assert article.provenance.status == 200
    for paragraph in page.paragraphs:
        assert paragraph in article.text
    fetched = [str(r.url) for r in docingest_http.requests]
    assert "https://news.example/short" in fetched and page.url in fetched

    gone = pipeline.run("https://news.example/gone")
    assert isinstance(gone, Failure) and gone.kind == "http_status" and gone.status == 410
    missing = pipeline.run("https://news.example/nowhere")
    assert isinstance(missing, Failure) and missing.status == 404

    async def twice() -> list[Article | Failure]:
        return [record async for record in pipeline.aingest_many([page.url, "https://news.example/gone"])]

    records = asyncio.run(twice())
    assert isinstance(records[0], Article) and records[0].text == article.text
    assert isinstance(records[1], Failure)


def test_http_router_custom_handler(docingest_http: MockHttp) -> None:
    def flaky(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    docingest_http.route("https://news.example/down", flaky)
    failure = docingest_http.pipeline(fetch={"retries": 0}).run("https://news.example/down")
    assert isinstance(failure, Failure) and failure.kind == "fetch_error"


def test_news_page_factory_places_promos(news_page_factory: Callable[..., NewsPage]) -> None:
    page = news_page_factory(
        paragraphs=["First paragraph.", "Second paragraph."],
        promos={1: "Subscribe to our newsletter.", 2: ["Got a tip? Email us.", "Follow us on social media."]},
        encoding="windows-1252",
        title="Café prices rise",
    )
    text = page.html.decode("cp1252")
    assert 'charset="windows-1252"' in text
    order = [text.index(s) for s in ("First paragraph.", "Subscribe to", "Second paragraph.", "Got a tip")]
    assert order == sorted(order)
    assert page.promos == ("Subscribe to our newsletter.", "Got a tip? Email us.", "Follow us on social media.")
    assert "Café prices rise" in text and page.encoding == "windows-1252"


def _run_pytest(tmp_path: Path, source: str, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_downstream.py").write_text(textwrap.dedent(source), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args, "test_downstream.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )


def test_downstream_suite_gets_fixtures_and_from_type(tmp_path: Path) -> None:
    # One downstream run: the first test sees no autouse fixture of ours and nothing heavy imported; the others
    # use the fixtures (found through the pytest11 entry point) and from_type (through hypothesis's).
    result = _run_pytest(tmp_path, """
        import sys

        from hypothesis import given, settings, strategies as st

        import docingest

        OURS = {"docingest_plugin_manager", "docingest_pipeline_factory", "docingest_http", "news_page_factory"}

        def test_no_autouse_and_nothing_loaded(request):
            assert not OURS & set(request.fixturenames)
            for module in ("selectolax", "docingest.testing", "docingest.stages"):
                assert module not in sys.modules, module

        def test_fixtures(docingest_http, news_page_factory, docingest_plugin_manager):
            page = news_page_factory()
            docingest_http.add(page.url, page.html)
            article = docingest_http.pipeline().ingest(page.url)
            assert article.title

        @settings(max_examples=5, deadline=None, database=None)
        @given(st.from_type(docingest.Article))
        def test_from_type(article):
            assert docingest.Article.model_validate_json(article.model_dump_json()) == article
    """)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout


def test_plugin_module_is_import_light() -> None:
    code = (
        "import sys, docingest.pytest_plugin as p, docingest._hypothesis_setup as h; "
        "heavy = [m for m in ('selectolax', 'httpx', 'hypothesis', 'docingest.testing', 'docingest.stages', "
        "'docingest.strategies') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stdout


def test_loopback_server_serves_routes_and_records(docingest_server: LoopbackServer) -> None:
    server = docingest_server
    server.add("/page", "<h1>Héllo</h1>")
    server.add("/raw", b"\x00\x01", content_type="application/octet-stream", headers={"X-Kind": "raw"})
    server.redirect("/old", "/page")
    with httpx.Client(follow_redirects=True) as client:
        page = client.get(server.url("/old"))
        raw = client.get(server.url("/raw"))
        missing = client.get(server.url("/missing?x=1"), headers={"X-Test": "yes"})
    assert page.status_code == 200 and page.text == "<h1>Héllo</h1>"
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert raw.content == b"\x00\x01" and raw.headers["x-kind"] == "raw"
    assert missing.status_code == 404
    assert server.hits == {"/old": 1, "/page": 1, "/raw": 1, "/missing?x=1": 1} and server.total == 4
    assert server.headers[-1]["x-test"] == "yes"
    assert server.in_flight.now == 0 and server.in_flight.peak == 1


def test_loopback_server_counts_concurrent_requests_and_refuses_other_addresses() -> None:
    shared = InFlight()
    with LoopbackServer(track=(shared,)) as one, LoopbackServer(track=(shared,)) as two:
        one.add("/", "one")
        two.add("/", "two")
        one.delay = two.delay = 0.2

        async def fetch_all() -> list[str]:
            async with httpx.AsyncClient() as client:
                answers = await asyncio.gather(*(client.get(s.url("/")) for s in (one, two, one, two)))
            return [a.text for a in answers]

        assert asyncio.run(fetch_all()) == ["one", "two", "one", "two"]
    assert shared.peak == 4 and one.in_flight.peak == 2 and two.in_flight.peak == 2
    for address in ("0.0.0.0", "192.168.1.10", "::"):
        with pytest.raises(ValueError, match="loopback"):
            LoopbackServer(address)
