"""The titles a page declares (``html.title.page_titles``: the ``<title>``, ``og:title`` and ``twitter:title``) are
read by the metadata stage from the intact page, in the query it makes anyway, and handed to the body extractor
through ``Page.cache``. What it hands on must be what ``page_titles`` reads from the tree itself: checked on
generated markup that mixes every case (several titles, an SVG ``<title>``, metas in the body, a meta matched twice
by the stage's query, attribute names and values in other cases, empty contents) and on real pages.
"""

from __future__ import annotations

import gzip
import json

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from docingest.document import Page, RawDocument
from docingest.html.title import TITLES_KEY, page_titles
from docingest.settings import Options
from docingest.stages import metadata
from tests.corpora import corpus_path


def _page(html: str) -> Page:
    return Page(RawDocument(source="<test>", content=html, kind="html"), html, "html", Options(),
                tree=LexborHTMLParser(html))  # fmt: skip


def _check(html: str) -> None:
    staged = _page(html)
    metadata.docingest_extract_metadata(staged)
    assert TITLES_KEY in staged.cache
    assert page_titles(staged) == page_titles(_page(html))  # handed on == read from the tree


_METAS = (
    "<meta property='og:title' content='Og title'>", "<meta name='twitter:title' content='Card title'>",
    "<meta property='og:title' name='twitter:title' content='Both'>", "<meta property='OG:TITLE' content='Upper'>",
    "<meta name='Twitter:title' content='Mixed'>", "<meta itemprop='name' property='og:title' content='Micro'>",
    "<meta property='og:title' content='   '>", "<meta property='og:title'>", "<meta name='title' content='Plain'>",
    "<meta PROPERTY='og:title' content='Attr upper'>", "<meta property='og:title twitter:title' content='Two'>",
)  # fmt: skip
_PIECES = (
    *_METAS, "<title>Page title - Site</title>", "<title></title>", "<title>  </title>",
    "<svg><title>Icon</title></svg>", "<h1 itemprop='headline'>Headline</h1>", "<p>Text of the story.</p>",
    "<div itemprop='author'>Ana Ruiz</div>",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8), st.lists(st.sampled_from(_PIECES), max_size=8))
def test_the_titles_handed_on_are_the_titles_the_tree_declares(head: list[str], body: list[str]) -> None:
    _check(f"<!DOCTYPE html><html><head>{''.join(head)}</head><body>{''.join(body)}</body></html>")


def test_the_cached_titles_are_read_once_and_not_shared() -> None:
    page = _page("<html><head><title>Rates rise</title><meta property='og:title' content='Rates rise again'></head>"
                 "<body><p>x</p></body></html>")  # fmt: skip
    metadata.docingest_extract_metadata(page)
    titles = page_titles(page)
    assert titles == [("rates", "rise"), ("rates", "rise", "again")]
    titles.append(("changed",))  # the body extractor adds the metadata's title to its copy
    assert page_titles(page) == [("rates", "rise"), ("rates", "rise", "again")]


def test_wcxb_pages() -> None:
    base = corpus_path("extraction", "wcxb-dev")
    lines = (base / "truth.jsonl").read_text(encoding="utf-8").split("\n")  # not splitlines(): U+2028 in texts
    for truth in [json.loads(line) for line in lines if line.strip()][::10]:
        _check(gzip.decompress((base / "html" / f"{truth['id']}.html.gz").read_bytes()).decode("utf-8"))
