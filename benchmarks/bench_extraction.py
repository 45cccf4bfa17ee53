"""Main-content extraction: docingest against trafilatura and the bare Lexbor parse, in the same run.

For each page of an extraction dataset (``../shared/corpora/extraction/<dataset>``) this runs

* ``docingest``: the full public path ``docingest.ingest_html(html, url=..., claims=False)`` (decode, parse,
  chrome cleaner, body extractor, promo cleaner, metadata), scored on ``Article.text``;
* ``docingest without promo, metadata``: the same path with the promo cleaner and the metadata extractor
  disabled (what the extraction stages cost on their own, pipeline overhead included);
* ``docingest (extractor stage)``: parse + chrome cleaner + the built-in body extractor alone (given the
  metadata of the intact page, computed outside the timings, as the pipeline hands it to the extractor);
* ``trafilatura``: ``trafilatura.extract(html, url=...)`` with its defaults;
* ``lexbor parse``: ``LexborHTMLParser(html)`` alone (the floor), and its whole-page text for reference;

and prints Markdown tables: shingle precision / recall / F1 over all pages, on article pages and by
``page_type``; median milliseconds per page; and the peak memory of a long docingest run (tracemalloc, sampled
every 100 pages: a flat line means no growth). Timings are interleaved page by page so that machine noise hits
every contender alike.

wcxb-dev is split by site into a tuning part and a held-out part (``benchmarks/splits/wcxb-dev.json``): every
quality table is printed for each ``--part`` asked for (default: all, tune and heldout, from one run over the
whole dataset); the timings are over the pages run.

    python -m benchmarks.bench_extraction --dataset wcxb-dev
    python -m benchmarks.bench_extraction --dataset wcxb-dev --part heldout
    python -m benchmarks.bench_extraction --dataset readability
    python -m benchmarks.bench_extraction --dataset wcxb-dev --limit 300
    python -m benchmarks.bench_extraction --memory 1000
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import statistics
import tracemalloc
import warnings
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from benchmarks.common import PARTS, Page, extraction_pages, page_counts, score, split_ids, table, timed

Counts = tuple[int, int, int]


def _docingest(disable: Sequence[str] = ()) -> Callable[[Page], str]:
    import docingest
    from docingest.models import Article
    from docingest.pipeline import Pipeline

    pipeline = Pipeline(claims=False, disable=disable)

    def run(page: Page) -> str:
        record = pipeline.ingest_html(page.html, url=page.truth.get("url") or None)
        return record.text if isinstance(record, Article) else ""

    def safe(page: Page) -> str:
        try:
            return run(page)
        except docingest.IngestError:
            return ""

    return safe


def _stage(pages: Sequence[Page]) -> Callable[[Page], str]:
    from docingest.document import Page as WorkPage
    from docingest.document import RawDocument
    from docingest.settings import Options
    from docingest.stages import body, chrome
    from docingest.stages.metadata import extract_metadata

    cleaner = chrome.ChromeCleaner()
    options = Options(claims=False)
    # the stage's input includes the metadata found on the intact page (headline, authors: the byline leaves
    # the body); it is computed here, outside the timings, since it is not the extractor's work
    metadata = {p.id: extract_metadata(LexborHTMLParser(p.html), p.truth.get("url") or None) for p in pages}

    def run(page: Page) -> str:
        raw = RawDocument(source="<bench>", content=page.html, url=page.truth.get("url") or None, kind="html")
        work = WorkPage(raw=raw, text=page.html, kind="html", options=options, tree=LexborHTMLParser(page.html))
        work.metadata = metadata[page.id]
        cleaner.clean(work)
        return "\n\n".join(c.text for c in body.extract(work))

    return run


def _trafilatura() -> Callable[[Page], str]:
    import trafilatura

    def run(page: Page) -> str:
        return trafilatura.extract(page.html, url=page.truth.get("url") or None) or ""

    return run


def _lexbor(page: Page) -> str:
    LexborHTMLParser(page.html)
    return ""


def _lexbor_text(page: Page) -> str:
    tree = LexborHTMLParser(page.html)
    return tree.body.text(separator=" ") if tree.body is not None else ""


def _f1_rows(
    names: Sequence[str], counts: dict[str, list[Counts]], types: list[str], pick: list[int]
) -> list[list[Any]]:
    rows: list[list[Any]] = []
    articles = [i for i in pick if types[i] == "article"]
    split_articles = 0 < len(articles) < len(pick)
    for name in names:
        every = score([counts[name][i] for i in pick])
        row: list[Any] = [name, every.precision, every.recall, every.f1]
        if split_articles:
            only = score([counts[name][i] for i in articles])
            row += [only.precision, only.recall, only.f1]
        rows.append(row)
    return rows


def quality_tables(
    title: str, names: Sequence[str], counts: dict[str, list[Counts]], types: list[str], pick: list[int]
) -> None:
    """Shingle P / R / F1 of the pages ``pick`` (indices), overall, on articles and by page type."""
    kinds = sorted({types[i] for i in pick})
    print(f"### {title}: {len(pick)} pages\n")
    headers = ["extractor", "P", "R", "F1"]
    if "article" in kinds and len(kinds) > 1:
        headers += ["P (articles)", "R (articles)", "F1 (articles)"]
    print(table(headers, _f1_rows(names, counts, types, pick)))
    if len(kinds) > 1:
        print("\nF1 by page type:\n")
        rows: list[list[Any]] = []
        for kind in kinds:
            of_kind = [i for i in pick if types[i] == kind]
            rows.append([kind, len(of_kind), *(score([counts[n][i] for i in of_kind]).f1 for n in names)])
        print(table(["page type", "pages", *names], rows))
    print()


def quality_and_speed(dataset: str, limit: int | None, parts: Sequence[str]) -> None:
    pages = list(extraction_pages(dataset))
    ids = {p: split_ids(p) for p in parts} if dataset == "wcxb-dev" else {"all": None}
    if None not in ids.values():  # only some parts asked for: run only their pages
        wanted = frozenset().union(*(i for i in ids.values() if i is not None))
        pages = [p for p in pages if p.id in wanted]
    if limit is not None and limit < len(pages):  # an even sample over the dataset (sorted by page type)
        pages = [pages[i * len(pages) // limit] for i in range(limit)]
    contenders: dict[str, Callable[[Page], str]] = {
        "docingest": _docingest(),
        "docingest without promo, metadata": _docingest(("docingest.promo", "docingest.metadata")),
        "docingest (extractor stage)": _stage(pages),
        "trafilatura 2.3": _trafilatura(),
        "lexbor parse": _lexbor,
        "lexbor whole-page text": _lexbor_text,
    }
    for fn in contenders.values():  # warm up imports and caches
        fn(pages[0])
    counts: dict[str, list[Counts]] = defaultdict(list)
    millis: dict[str, list[float]] = defaultdict(list)
    types = [str(p.truth.get("page_type") or "article") for p in pages]
    for page in pages:
        truth = page.truth.get("body") or ""
        for name, fn in contenders.items():
            text, ms = timed(lambda fn=fn, page=page: fn(page))  # type: ignore[misc]
            millis[name].append(ms)
            if name != "lexbor parse":
                counts[name].append(page_counts(truth, text))
    scored = [n for n in contenders if n != "lexbor parse"]
    for part, members in ids.items():
        pick = [i for i, p in enumerate(pages) if members is None or p.id in members]
        title = dataset if dataset != "wcxb-dev" else f"{dataset}, part {part}"
        quality_tables(title, scored, counts, types, pick)
    print(f"Median time per page ({dataset}, {len(pages)} pages):\n")
    parse = statistics.median(millis["lexbor parse"])
    traf = statistics.median(millis["trafilatura 2.3"])
    rows: list[list[Any]] = []
    for name in contenders:
        med = statistics.median(millis[name])
        rows.append([name, f"{med:.2f}", f"{med / parse:.1f}×", f"{traf / med:.2f}×"])
    print(table(["extractor", "median ms/page", "vs lexbor parse", "trafilatura ÷ this"], rows))
    print()


def memory(pages_wanted: int) -> None:
    """Peak traced memory of docingest.ingest_html over a long run, sampled every 100 pages."""
    import docingest

    datasets = ["wcxb-dev", "readability"]
    pages: list[Page] = []
    for dataset in datasets:
        pages.extend(extraction_pages(dataset))
    gc.collect()
    tracemalloc.start()
    samples: list[list[Any]] = []
    done = 0
    while done < pages_wanted:
        for page in pages:
            with contextlib.suppress(docingest.IngestError):
                docingest.ingest_html(page.html, url=page.truth.get("url") or None, claims=False)
            done += 1
            if done % 100 == 0:
                current, peak = tracemalloc.get_traced_memory()
                samples.append([done, f"{current / 2**20:.1f}", f"{peak / 2**20:.1f}"])
                tracemalloc.reset_peak()
            if done >= pages_wanted:
                break
    tracemalloc.stop()
    print(f"### Memory over {done} pages (docingest.ingest_html, tracemalloc)\n")
    print(table(["pages done", "current MiB", "peak MiB in the last 100 pages"], samples))
    print()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--dataset", action="append", help="wcxb-dev, readability (repeatable; default both)")
    parser.add_argument(
        "--part", action="append", choices=PARTS, help="wcxb-dev part(s) to report (repeatable; default all three)"
    )
    parser.add_argument("--limit", type=int, default=None, help="N pages evenly spread over each dataset")
    parser.add_argument("--memory", type=int, default=1000, help="pages of the memory run (0 to skip)")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    for dataset in args.dataset or ["wcxb-dev", "readability"]:
        quality_and_speed(dataset, args.limit, args.part or list(PARTS))
    if args.memory:
        memory(args.memory)


if __name__ == "__main__":
    main()
