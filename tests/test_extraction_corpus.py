"""Main-content extraction on the shared corpora (skipped when ../shared is absent), and invariants of the
extractor's output on random tag soup and on html5lib's malformed inputs."""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import docingest
from docingest.document import Page, RawDocument
from docingest.models import Article, Failure
from docingest.settings import Options
from docingest.stages import body, chrome
from docingest.stages.metadata import extract_metadata
from tests.corpora import corpus_path

_TOKEN = re.compile(r"\w+")
_KINDS = {"heading", "paragraph", "list_item", "blockquote", "table", "code", "caption"}


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def _extract(html: str, *, metadata: bool = False) -> list[docingest.document.Candidate]:
    raw = RawDocument(source="<test>", content=html, kind="html")
    page = Page(raw=raw, text=html, kind="html", options=Options(), tree=LexborHTMLParser(html))
    if metadata:  # as the pipeline does: metadata from the intact page, before cleaning
        page.metadata = extract_metadata(LexborHTMLParser(html))
    chrome.ChromeCleaner().clean(page)
    return list(body.extract(page))


def _check_candidates(candidates: list[docingest.document.Candidate]) -> None:
    for c in candidates:
        assert c.kind in _KINDS
        assert c.text and c.text == c.text.strip(" \n")
        if c.kind in ("table", "code"):  # lines kept, each normalised; no blank line inside the block
            for line in c.text.split("\n"):
                assert line.strip()
                assert all(cell == " ".join(cell.split()) for cell in line.split("\t"))
        else:
            assert c.text == " ".join(c.text.split())
        assert 0.0 <= c.link_density <= 1.0
        assert c.tag and c.where
        assert c.attrs == c.attrs.lower()
        if c.kind == "heading":
            assert c.level is not None and 1 <= c.level <= 6


def test_wcxb_sample_f1_floor() -> None:
    """Shingle F1 over an even sample of wcxb-dev stays above a floor (full figures: the benchmark)."""
    base = corpus_path("extraction", "wcxb-dev")
    lines = (base / "truth.jsonl").read_text(encoding="utf-8").split("\n")  # not splitlines(): U+2028 in texts
    truths = [json.loads(line) for line in lines if line.strip()]
    sample = truths[::25]
    precisions: list[float] = []
    recalls: list[float] = []
    for truth in sample:
        html = gzip.decompress((base / "html" / f"{truth['id']}.html.gz").read_bytes()).decode("utf-8")
        candidates = _extract(html, metadata=True)
        _check_candidates(candidates)
        t, p = _shingles(truth["body"]), _shingles("\n\n".join(c.text for c in candidates))
        tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
        precisions.append(tp / (tp + fp) if tp + fp else float(fn == 0))
        recalls.append(tp / (tp + fn) if tp + fn else float(fp == 0))
    precision, recall = sum(precisions) / len(sample), sum(recalls) / len(sample)
    f1 = 2 * precision * recall / (precision + recall)
    # this sample measured P 0.875 / R 0.890 / F1 0.883 (full dataset: docs/benchmarks.md)
    assert f1 >= 0.86, (precision, recall, f1)


def test_html5lib_inputs_give_an_article_or_a_typed_failure() -> None:
    path = corpus_path("html5lib", "tree_inputs.jsonl")
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    kinds: Counter[str] = Counter()
    slowest = 0.0
    for case in cases:
        start = time.perf_counter()
        try:
            record: Article | Failure = docingest.ingest_html(case["data"])
        except docingest.IngestError as exc:
            record = exc.failure
        slowest = max(slowest, time.perf_counter() - start)
        assert isinstance(record, Article | Failure), case["id"]
        if isinstance(record, Failure):
            # the only acceptable failure of a parsable page is "nothing to extract"
            assert record.kind == "not_an_article", (case["id"], record.kind, record.message)
            kinds[record.kind] += 1
        else:
            _check_candidates([])
            kinds["article"] += 1
    assert kinds["article"] > 0 and sum(kinds.values()) == len(cases)
    assert slowest < 5.0


_TAGS = ["div", "p", "span", "a", "li", "ul", "table", "tr", "td", "pre", "h2", "blockquote", "nav", "article",
         "footer", "br", "b", "section", "figcaption", "noscript", "script"]
_CLASSES = ["", "content", "sidebar", "share", "comments", "menu-item", "article-body", "related", "ad"]


@st.composite
def _soup(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 60))):
        choice = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(_TAGS))
        if choice == 0:
            cls = draw(st.sampled_from(_CLASSES))
            parts.append(f"<{tag} class='{cls}'>" if cls else f"<{tag}>")
        elif choice == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(st.text(st.characters(exclude_categories=["Cs"]), max_size=40)))
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(_soup())
def test_random_tag_soup_gives_well_formed_candidates(html: str) -> None:
    candidates = _extract(html)
    _check_candidates(candidates)
    # the chrome cleaner is idempotent on whatever it is given
    raw = RawDocument(source="<test>", content=html, kind="html")
    page = Page(raw=raw, text=html, kind="html", options=Options(), tree=LexborHTMLParser(html))
    cleaner = chrome.ChromeCleaner()
    cleaner.clean(page)
    first = len(page.removed)
    cleaner.clean(page)
    assert len(page.removed) == first


@pytest.mark.parametrize("depth", [50, 400, 3000])
def test_deep_nesting_is_read_not_crashed(depth: int) -> None:
    html = "<div>" * depth + "Deep text that still belongs to the page, with a full sentence." + "</div>" * depth
    candidates = _extract(html)
    assert "Deep text that still belongs to the page" in " ".join(c.text for c in candidates)
