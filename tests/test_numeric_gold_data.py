"""The hand-annotated numeric-claims gold set (tests/data/numeric_gold) is well formed and matches its articles.

The files are checked on their own; the offsets, hashes and the choice of articles are checked against
``../shared/corpora/quotes`` when it is present (skipped cleanly otherwise).
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.corpora import corpus_path

GOLD_DIR = Path(__file__).parent / "data" / "numeric_gold"
DATASETS = ("ggt", "polnear-dev")
PER_DATASET = 20
QUALIFIERS = {"exact", "about", "at_least", "more_than", "at_most", "less_than", "range"}
WHERE_KEYS = {"dataset", "doc", "part", "quantity_span", "surface", "clause_span"}
WHAT_KEYS = {"value", "value_max", "unit", "qualifier", "measured", "speaker"}
DOC_KEYS = {"dataset", "doc", "part", "sha256", "claims"}


def _rows(name: str) -> list[dict[str, Any]]:
    with (GOLD_DIR / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


GOLD = _rows("gold.jsonl")
DOCS = _rows("docs.jsonl")
PARTS = {(d["dataset"], d["doc"]): d["part"] for d in DOCS}


def test_docs_list_is_forty_articles_twenty_per_dataset() -> None:
    assert all(set(d) == DOC_KEYS for d in DOCS)
    keys = [(d["dataset"], d["doc"]) for d in DOCS]
    assert len(set(keys)) == len(keys)
    assert Counter(d["dataset"] for d in DOCS) == dict.fromkeys(DATASETS, PER_DATASET)
    for dataset in DATASETS:
        names = sorted(d["doc"] for d in DOCS if d["dataset"] == dataset)
        assert [PARTS[dataset, n] for n in names] == ["dev", "test"] * (PER_DATASET // 2)


def test_claim_counts_match_gold_entries() -> None:
    counted = Counter((g["dataset"], g["doc"]) for g in GOLD)
    assert {(d["dataset"], d["doc"]): d["claims"] for d in DOCS} == {
        (d["dataset"], d["doc"]): counted.get((d["dataset"], d["doc"]), 0) for d in DOCS
    }
    assert set(counted) <= {(d["dataset"], d["doc"]) for d in DOCS}
    assert any(d["claims"] == 0 for d in DOCS)  # articles without claims are listed too (they count for precision)


@pytest.mark.parametrize("entry", GOLD, ids=lambda g: f"{g['doc'][:24]}@{g['quantity_span'][0]}")
def test_entry_is_well_formed(entry: dict[str, Any]) -> None:
    assert set(entry) == WHERE_KEYS | WHAT_KEYS
    assert entry["part"] == PARTS[entry["dataset"], entry["doc"]]
    (qs, qe), (cs, ce) = entry["quantity_span"], entry["clause_span"]
    assert 0 <= cs <= qs < qe <= ce
    assert entry["surface"] and entry["surface"] == entry["surface"].strip()
    assert entry["qualifier"] in QUALIFIERS
    assert isinstance(entry["value"], float)
    if entry["qualifier"] == "range":
        assert isinstance(entry["value_max"], float) and entry["value_max"] > entry["value"]
    else:
        assert entry["value_max"] is None
    assert entry["unit"] is None or (isinstance(entry["unit"], str) and entry["unit"].strip() == entry["unit"] != "")
    assert isinstance(entry["measured"], str) and entry["measured"].strip()
    assert entry["speaker"] is None or (isinstance(entry["speaker"], str) and entry["speaker"].strip())


def test_no_quantity_is_annotated_twice() -> None:
    spans = Counter((g["dataset"], g["doc"], *g["quantity_span"]) for g in GOLD)
    assert [k for k, n in spans.items() if n > 1] == []
    by_doc: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for g in GOLD:
        by_doc.setdefault((g["dataset"], g["doc"]), []).append(tuple(g["quantity_span"]))
    for spans_in_doc in by_doc.values():
        ordered = sorted(spans_in_doc)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(ordered)), "overlapping quantity spans"


@pytest.mark.corpus
@pytest.mark.parametrize("dataset", DATASETS)
def test_articles_are_the_first_twenty_by_file_name(dataset: str) -> None:
    """With the alternation checked above, this pins the parts to positions 0, 2, 4, ... of the sorted files."""
    files = sorted(p.stem for p in corpus_path("quotes", dataset, "docs").glob("*.txt"))[:PER_DATASET]
    assert sorted(d["doc"] for d in DOCS if d["dataset"] == dataset) == files


@pytest.mark.corpus
@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d["doc"][:40])
def test_article_hash_and_offsets_match_the_text(doc: dict[str, Any]) -> None:
    path = corpus_path("quotes", doc["dataset"], "docs") / f"{doc['doc']}.txt"
    raw = path.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == doc["sha256"]
    text = raw.decode("utf-8")
    # The offsets are into the decoded bytes; reading in text mode gives the same string (no CR in these files).
    assert path.read_text(encoding="utf-8") == text
    for g in (g for g in GOLD if (g["dataset"], g["doc"]) == (doc["dataset"], doc["doc"])):
        (qs, qe), (cs, ce) = g["quantity_span"], g["clause_span"]
        assert text[qs:qe] == g["surface"]
        clause = text[cs:ce]
        assert ce <= len(text) and "\n" not in clause and clause == clause.strip()
