"""In-story boilerplate benchmark: what the promo cleaner costs and what it gains.

    .venv/bin/python -m benchmarks.bench_promo [--limit N] [--samples N] [--show-drops N] [--differential]

1. Extraction quality with and without the cleaner: shingle P/R/F1 of ``docingest.ingest_html`` on wcxb-dev
   and readability, default pipeline vs ``disable=("docingest.promo",)`` (must not drop), with the number of
   blocks the cleaner removed and by which reason. ``--differential`` lists every page whose scores the
   cleaner changes, with its effect on the dataset's F1 and each removed block marked ``TRUTH`` when the
   ground truth has it (a block the truth keeps: a precision bug of the cleaner, or boilerplate the truth set
   keeps) or ``-`` when it does not.
2. Cost: the cleaner's time per page (measured by probe block cleaners registered around it) as a share of
   the median extraction time.
3. Removal precision/recall on ``news_pages()`` / ``news_texts()`` samples (a fixed, derandomised draw): an
   injected promo block is a positive; a story paragraph lost is a false positive. trafilatura's output on the
   same HTML pages is the anchor (how many injected promo blocks it keeps).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import docingest
from benchmarks.common import _TOKEN, extraction_pages, page_counts, score, table
from docingest.document import Candidate, Page, Verdict
from docingest.hookspecs import hookimpl
from docingest.pipeline import Pipeline
from docingest.plugins import new_plugin_manager
from docingest.strategies.news import NewsPage, NewsText, news_pages, news_texts

PROMO = "docingest.promo"


class _Probe:
    """Two block cleaners around the promo cleaner (order 100): the time between them is its cost."""

    def __init__(self) -> None:
        self.started = 0.0
        self.times: list[float] = []
        probe = self

        class Before:
            name = "bench.before"
            order = 99

            def classify(self, blocks: Sequence[Candidate], page: Page) -> list[Verdict]:
                probe.started = time.perf_counter()
                return []

        class After:
            name = "bench.after"
            order = 101

            def classify(self, blocks: Sequence[Candidate], page: Page) -> list[Verdict]:
                probe.times.append((time.perf_counter() - probe.started) * 1000.0)
                return []

        self.cleaners = [Before(), After()]

    @hookimpl
    def docingest_block_cleaners(self) -> Sequence[Any]:
        return self.cleaners


def quality(dataset: str, limit: int | None, show: int, differential: bool = False) -> list[list[Any]]:
    probe = _Probe()
    with_promo = Pipeline(plugin_manager=new_plugin_manager(plugins=[("bench.probe", probe)]), claims=False)
    without = Pipeline(disable=(PROMO,), claims=False)
    counts_on: list[tuple[int, int, int]] = []
    counts_off: list[tuple[int, int, int]] = []
    totals: list[float] = []
    reasons: Counter[str] = Counter()
    drops: list[tuple[int, str, list[str]]] = []
    changed: list[tuple[int, str, list[tuple[str, str, bool]]]] = []
    for page in extraction_pages(dataset, limit):
        url = page.truth.get("url") or None
        t0 = time.perf_counter()
        on = with_promo.run_raw(_raw(page.html, url))
        totals.append((time.perf_counter() - t0) * 1000.0)
        off = without.run_raw(_raw(page.html, url))
        text_on = on.text if isinstance(on, docingest.Article) else ""
        text_off = off.text if isinstance(off, docingest.Article) else ""
        c_on = page_counts(page.truth.get("body") or "", text_on)
        c_off = page_counts(page.truth.get("body") or "", text_off)
        counts_on.append(c_on)
        counts_off.append(c_off)
        if isinstance(on, docingest.Article):
            mine = [r for r in on.provenance.removed if r.cleaner == PROMO]
            reasons.update(r.reason for r in mine)
            lost = c_off[0] - c_on[0]
            if lost > 0:
                drops.append((lost, page.id, [f"{r.reason}: {r.text[:100]}" for r in mine]))
            if differential and c_on != c_off:
                truth = _tokens(page.truth.get("body") or "")
                changed.append(
                    (len(counts_on) - 1, page.id, [(r.reason, r.text, _tokens(r.text) in truth) for r in mine])
                )
    s_on, s_off = score(counts_on), score(counts_off)
    promo_ms = statistics.median(probe.times) if probe.times else 0.0
    total_ms = statistics.median(totals)
    share = promo_ms / total_ms if total_ms else 0.0
    print(f"\n{dataset}: removals by reason: {dict(reasons.most_common())}")
    if show:
        for lost, pid, removed in sorted(drops, reverse=True)[:show]:
            print(f"  {pid}: {lost} true shingles lost; removed {removed}")
    if changed:
        effects = []
        for index, pid, page_removed in changed:
            counts = list(counts_on)
            counts[index] = counts_off[index]
            effects.append((s_on.f1 - score(counts).f1, pid, page_removed))
        print(f"  {len(changed)} pages changed; the cleaner's effect on F1, page by page (worst first):")
        for effect, pid, blocks in sorted(effects, key=lambda e: e[0]):
            print(f"  {effect:+.5f} {pid}")
            for reason, text, kept in blocks:
                print(f"      {'TRUTH' if kept else '-':5} {reason}: {text[:110]!r}")
    return [
        [dataset, "without promo", f"{s_off.precision:.4f}", f"{s_off.recall:.4f}", f"{s_off.f1:.4f}", "", ""],
        [
            dataset,
            "with promo",
            f"{s_on.precision:.4f}",
            f"{s_on.recall:.4f}",
            f"{s_on.f1:.4f}",
            f"{total_ms:.2f}",
            f"{promo_ms:.3f} ({share:.1%})",
        ],
    ]


def _tokens(text: str) -> str:
    return " ".join(_TOKEN.findall(text))


def _raw(html: str, url: str | None) -> docingest.document.RawDocument:
    from datetime import UTC, datetime

    return docingest.document.RawDocument(
        source=url or "<html>",
        content=html,
        url=url if url and url.startswith("http") else None,
        content_type="text/html",
        kind="html",
        fetched_at=datetime.now(UTC),
    )


def draw_samples(strategy: st.SearchStrategy[Any], n: int) -> list[Any]:
    """``n`` values of ``strategy``, the same on every run (derandomised)."""
    out: list[Any] = []

    @settings(max_examples=n, derandomize=True, database=None, deadline=None)
    @given(strategy)
    def collect(value: Any) -> None:
        out.append(value)

    collect()
    return out


def removal(samples: int) -> list[list[Any]]:
    rows: list[list[Any]] = []
    pages: list[NewsPage] = draw_samples(news_pages(), samples)
    texts: list[NewsText] = draw_samples(news_texts(), samples)
    for label, items in (("news_pages (HTML)", pages), ("news_texts (text)", texts)):
        tp = fn = fp = story = 0
        site_ok = title_ok = 0
        for item in items:
            if isinstance(item, NewsPage):
                article = docingest.ingest_html(item.html, url=item.url, claims=False)
            else:
                article = docingest.ingest_text(item.text, url=item.url, claims=False)
            blocks = {b.text for b in article.blocks}
            left = sum(1 for p in item.promos if p in article.text)
            fn += left
            tp += len(item.promos) - left
            lost = sum(1 for p in item.paragraphs if p not in blocks)
            fp += lost
            story += len(item.paragraphs)
            site_ok += article.site_name == item.site_name
            title_ok += article.title == item.title
        rows.append(
            [
                label,
                len(items),
                tp + fn,
                story,
                tp / (tp + fp) if tp + fp else 1.0,
                tp / (tp + fn) if tp + fn else 1.0,
                f"{title_ok}/{len(items)}",
                f"{site_ok}/{len(items)}",
            ]
        )
    try:
        import trafilatura
    except ImportError:
        return rows
    kept = total = lost = story = 0
    for item in pages:
        out = trafilatura.extract(item.html) or ""
        flat = " ".join(out.split())
        kept += sum(1 for p in item.promos if p in flat)
        total += len(item.promos)
        lost += sum(1 for p in item.paragraphs if " ".join(p.split()) not in flat)
        story += len(item.paragraphs)
    rows.append(
        [
            "anchor: trafilatura on news_pages",
            len(pages),
            total,
            story,
            f"{(story - lost) / story:.3f} story kept",
            f"{(total - kept) / total:.3f}",
            "",
            "",
        ]
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="pages per dataset (default: all)")
    parser.add_argument("--samples", type=int, default=300, help="news_pages/news_texts samples")
    parser.add_argument("--show-drops", type=int, default=0, help="print the N pages that lost most")
    parser.add_argument(
        "--differential",
        action="store_true",
        help="list every page the cleaner changes, its F1 effect and what it removed",
    )
    args = parser.parse_args()
    rows: list[list[Any]] = []
    for dataset in ("wcxb-dev", "readability"):
        rows += quality(dataset, args.limit, args.show_drops, args.differential)
    print()
    print(table(["dataset", "pipeline", "precision", "recall", "F1", "median ms/page", "promo ms (share)"], rows))
    print()
    print(
        table(
            [
                "sample",
                "docs",
                "promo blocks",
                "story paragraphs",
                "removal precision",
                "removal recall",
                "title right",
                "site name right",
            ],
            removal(args.samples),
        )
    )


if __name__ == "__main__":
    main()
