"""Metadata on a sample of wcxb-dev: floors under the benchmark's figures, so regressions show up in tests."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from docingest.stages.metadata import extract_metadata
from tests.corpora import corpus_path

SAMPLE = 200


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _names(text: str | None) -> frozenset[str]:
    pieces = re.split(r"\s*(?:,|;|&|\band\b)\s*", " ".join((text or "").split()))
    return frozenset(_norm(p) for p in pieces if p and not re.fullmatch(r"[A-Z]{2,5}|Ph\.?D\.?", p))


@pytest.mark.corpus
def test_wcxb_sample_floors() -> None:
    base = corpus_path("extraction", "wcxb-dev")
    lines = (base / "truth.jsonl").read_text(encoding="utf-8").split("\n")
    truths = [json.loads(line) for line in lines if line.strip()]
    title = author = date = invented = 0
    n_author = n_date = n_none = 0
    for truth in truths[::max(1, len(truths) // SAMPLE)][:SAMPLE]:
        html = gzip.decompress((base / "html" / f"{truth['id']}.html.gz").read_bytes()).decode("utf-8")
        m = extract_metadata(LexborHTMLParser(html), truth.get("url"))
        title += _norm(m.title) == _norm(truth["title"])
        if truth.get("author"):
            n_author += 1
            author += _names(", ".join(m.authors or ())) == _names(truth["author"])
        else:
            n_none += 1
            invented += bool(m.authors)
        if truth.get("date"):
            n_date += 1
            date += m.published is not None and m.published.isoformat()[:10] == truth["date"][:10]
        else:
            n_none += 1
            invented += m.published is not None
    # measured on this sample: title 0.780, author 0.825, date 0.824, invented 0.104
    assert title / SAMPLE >= 0.74
    assert author / n_author >= 0.78
    assert date / n_date >= 0.79
    assert invented / n_none <= 0.13
