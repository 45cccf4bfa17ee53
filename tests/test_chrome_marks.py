"""The chrome cleaner reads its protected elements and the story's headings from one Lexbor query
(``chrome._marks``), telling them apart by how many times Lexbor lists each element. The split must say exactly
what the two separate queries say: checked on generated markup that mixes every overlap (an ``<article>`` or a
heading that also carries ``itemprop=articleBody`` or ``role=main``, nested protectors, titles and metas in the
body) and on wcxb-dev pages. Its candidates come from one selector, which must find what the list of selectors it
replaced found (each element once).
"""

from __future__ import annotations

import gzip
import json

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from docingest.html.story import BY_TAG
from docingest.stages import chrome
from tests.corpora import corpus_path

_PROTECTORS = "main, [itemprop=articleBody], [role=main]"
_TAGS = ("div", "section", "article", "main", "h1", "h2", "h3", "title", "meta", "nav", "p", "span")
_ATTRS = (
    "", "itemprop='articleBody'", "role='main'", "role='navigation'", "itemprop='articleBody' role='main'",
    "class='main'", "itemprop='articlebody'", "role='MAIN'", "property='og:title' content='x'",
)


def _separately(body: LexborNode) -> tuple[set[int], list[int]]:
    """What the cleaner computed before, with two queries: the protected ids and the ids of the headings."""
    keep: list[LexborNode] = []
    articles: list[LexborNode] = []
    for node in body.css(f"{_PROTECTORS}, article"):
        if node.tag != "article":
            keep.append(node)
        else:
            articles.append(node)
            if node.css_matches(_PROTECTORS):
                keep.append(node)
    if len(articles) > 1:
        articles = [max(articles, key=lambda node: len(node.text()))]
    ids: set[int] = set()
    for node in keep + articles:
        current: LexborNode | None = node
        while current is not None:
            ids.add(current.mem_id)
            current = current.parent
    return ids, [node.mem_id for node in body.css(BY_TAG)]


def _check(html: str) -> None:
    tree = LexborHTMLParser(html)
    body = tree.body
    assert body is not None
    keep, marked = chrome._marks(body)
    assert (keep, [node.mem_id for node in marked]) == _separately(body)


@st.composite
def _markup(draw: st.DrawFn) -> str:
    parts: list[str] = []
    open_tags: list[str] = []
    for _ in range(draw(st.integers(1, 25))):
        close: bool = draw(st.booleans())
        if open_tags and close:
            parts.append(f"</{open_tags.pop()}>")
            continue
        tag = draw(st.sampled_from(_TAGS))
        parts.append(f"<{tag} {draw(st.sampled_from(_ATTRS))}>" + "text " * draw(st.integers(0, 3)))
        if tag != "meta":
            open_tags.append(tag)
    return "<!DOCTYPE html><html><body>" + "".join(parts) + "</body></html>"


@settings(max_examples=300, deadline=None)
@given(_markup())
def test_one_query_says_what_two_said(html: str) -> None:
    _check(html)


def test_overlaps_by_hand() -> None:
    _check(
        "<body><article itemprop='articleBody' role='main'><h1 role='main'>t</h1><div role=main><main>x</main>"
        "</div><h2>y</h2></article><article>short</article><meta property='og:title' content='z'><title>q</title>"
        "<h3 itemprop='articleBody'>h</h3></body>"
    )


def test_wcxb_pages() -> None:
    base = corpus_path("extraction", "wcxb-dev")
    lines = (base / "truth.jsonl").read_text(encoding="utf-8").split("\n")  # not splitlines(): U+2028 in texts
    for truth in [json.loads(line) for line in lines if line.strip()][::15]:
        _check(gzip.decompress((base / "html" / f"{truth['id']}.html.gz").read_bytes()).decode("utf-8"))


#: The chrome cleaner's candidates as a list of selectors (each element listed once per selector it matches).
_CANDIDATE_LIST = ":is(div, section, ul, ol):is([class], [id]), nav, aside, footer, header, form, dialog, menu, [role]"
_CANDIDATE_TAGS = ("div", "section", "ul", "ol", "nav", "aside", "footer", "header", "form", "dialog", "menu", "span")
_CANDIDATE_ATTRS = ("", "class='a'", "id='b'", "class='a' id='b'", "role='navigation'", "role=''", "class=''",
                    "class='x' role='main'")


def _check_candidates(html: str) -> None:
    body = LexborHTMLParser(html).body
    assert body is not None
    listed: list[int] = []
    for node in body.css(_CANDIDATE_LIST):
        if not listed or listed[-1] != node.mem_id:
            listed.append(node.mem_id)
    assert [node.mem_id for node in body.css(chrome._CANDIDATES)] == listed  # the same elements, each once


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_CANDIDATE_TAGS), st.sampled_from(_CANDIDATE_ATTRS), st.booleans()),
                max_size=20))
def test_one_selector_finds_the_candidates_each_once(elements: list[tuple[str, str, bool]]) -> None:
    html = "".join(f"<{tag} {attrs}>x" + (f"</{tag}>" if close else "") for tag, attrs, close in elements)
    _check_candidates(f"<!DOCTYPE html><body>{html}</body>")


def test_one_selector_finds_the_candidates_of_wcxb_pages() -> None:
    base = corpus_path("extraction", "wcxb-dev")
    lines = (base / "truth.jsonl").read_text(encoding="utf-8").split("\n")  # not splitlines(): U+2028 in texts
    for truth in [json.loads(line) for line in lines if line.strip()][::15]:
        _check_candidates(gzip.decompress((base / "html" / f"{truth['id']}.html.gz").read_bytes()).decode("utf-8"))
