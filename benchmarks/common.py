"""Shared helpers of the benchmark scripts: corpus location, the shingle metric, timing, tables."""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_TOKEN = re.compile(r"\w+")


def shared_dir() -> Path:
    """The ``shared`` folder (``$DOCINGEST_CORPORA`` or ``../shared``); exits with a message when absent."""
    env = os.environ.get("DOCINGEST_CORPORA")
    for path in ([Path(env)] if env else []) + [ROOT.parent / "shared"]:
        if (path / "corpora").is_dir():
            return path
    sys.exit("benchmarks need the shared corpora: put them at ../shared or set DOCINGEST_CORPORA")


@dataclass(frozen=True)
class Page:
    """One page of an extraction dataset with its ground truth."""

    id: str
    html: str
    truth: dict[str, Any]


def extraction_pages(dataset: str, limit: int | None = None) -> Iterator[Page]:
    """Pages of ``shared/corpora/extraction/<dataset>`` in id order."""
    base = shared_dir() / "corpora" / "extraction" / dataset
    with (base / "truth.jsonl").open(encoding="utf-8") as fh:
        truths = [json.loads(line) for line in fh if line.strip()]
    for n, truth in enumerate(truths):
        if limit is not None and n >= limit:
            break
        html = gzip.decompress((base / "html" / f"{truth['id']}.html.gz").read_bytes()).decode("utf-8")
        yield Page(id=str(truth["id"]), html=html, truth=truth)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of ``n``-token shingles (a text shorter than ``n`` tokens is one shorter shingle)."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(truth: str, pred: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of one page under the shingle metric."""
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    return tp, fp, fn


@dataclass
class Scores:
    """Mean precision / recall over pages and F1 of the two means (scrapinghub's definition)."""

    precision: float
    recall: float
    f1: float
    pages: int


def score(counts: list[tuple[int, int, int]]) -> Scores:
    precisions: list[float] = []
    recalls: list[float] = []
    for tp, fp, fn in counts:
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        elif fn == 0:
            precisions.append(1.0)
        else:
            precisions.append(0.0)
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
        elif fp == 0:
            recalls.append(1.0)
        else:
            recalls.append(0.0)
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(p, r, f1, len(counts))


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    """(result, milliseconds)."""
    start = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - start) * 1000.0


def table(headers: list[str], rows: list[list[Any]]) -> str:
    """A Markdown table."""

    def cell(v: Any) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


SPLIT_FILE = ROOT / "benchmarks" / "splits" / "wcxb-dev.json"
PARTS = ("all", "tune", "heldout")


def split_ids(part: str) -> frozenset[str] | None:
    """Page ids of one part of the fixed wcxb-dev split (``benchmarks/make_split.py``); ``None`` for "all"."""
    if part == "all":
        return None
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}: one of {', '.join(PARTS)}")
    split = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    return frozenset(split[part])
