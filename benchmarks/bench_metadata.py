"""Metadata quality and speed: docingest's metadata stage beside trafilatura's, in the same run.

    .venv/bin/python -m benchmarks.bench_metadata [--dataset wcxb-dev --dataset readability] [--limit N]
        [--part all|tune|heldout ...] [--failures FIELD] [--no-anchor]

wcxb-dev is reported on each ``--part`` of its fixed split by site (``benchmarks/splits/wcxb-dev.json``;
default: tune, heldout and all, in that order); readability is reported whole (it is a development set).
Rules are developed on the tuning part and readability only: ``--failures`` lists failures of tuning pages
and readability pages, never of held-out ones.

For each dataset: exact title (casefolded, whitespace-normalised equality), shown twice: strictly, and with
typography folded (curly quotes and apostrophes made straight, en/em dashes made hyphens, no-break spaces made
spaces), because the truth's annotators straightened them while we keep the page's text as written;
``--failures title`` lists the folded failures. Author: the same set of names (both sides split on ``,`` ``;``
``&`` ``and``, credentials such as "MS", "PhD" dropped). Published date: the same YYYY-MM-DD. Each is over the
pages whose truth has that field; the *invented* rates are how often an author or a date is filled on pages
whose truth has none. Timing is the metadata stage alone on an already parsed tree (docingest:
:func:`docingest.stages.metadata.extract_metadata` on a Lexbor tree; trafilatura:
``trafilatura.metadata.extract_metadata`` on its lxml tree, the metadata step of
``bare_extraction(with_metadata=True)``), median milliseconds per page.
"""

from __future__ import annotations

import argparse
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from benchmarks.common import PARTS, Page, extraction_pages, split_ids, table, timed
from docingest.stages.metadata import extract_metadata

_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*", re.IGNORECASE)
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,5}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?)$")


_TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "\u201c": '"',
                             "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u2013": "-", "\u2014": "-",
                             "\u2212": "-", "\u00a0": " "})  # fmt: skip


def norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def folded(text: str | None) -> str:
    """:func:`norm` with typography folded (curly quotes → straight, en/em dash → hyphen, NBSP → space)."""
    return norm((text or "").translate(_TYPOGRAPHY))


def name_set(text: str | None) -> frozenset[str]:
    """The names of an author string, for comparison."""
    if not text:
        return frozenset()
    pieces = (p.strip(" .") for p in _SPLIT.split(" ".join(text.split())))
    return frozenset(norm(p) for p in pieces if p and not _CREDENTIAL.match(p))


def day(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    m = re.match(r"\d{4}-\d{2}-\d{2}", str(value))
    return m.group() if m else None


@dataclass
class Found:
    title: str | None
    author: str | None
    date: str | None


@dataclass
class Tally:
    title: list[bool] = field(default_factory=list)
    title_folded: list[bool] = field(default_factory=list)
    author: list[bool] = field(default_factory=list)
    date: list[bool] = field(default_factory=list)
    author_invented: list[bool] = field(default_factory=list)
    date_invented: list[bool] = field(default_factory=list)
    ms: list[float] = field(default_factory=list)
    failures: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, page: Page, found: Found, ms: float) -> None:
        truth = page.truth
        self.ms.append(ms)
        if truth.get("title"):
            self.title.append(norm(found.title) == norm(truth["title"]))
            ok = folded(found.title) == folded(truth["title"])
            self.title_folded.append(ok)
            if not ok:
                self.failures.append(("title", page.id, str(truth["title"]), str(found.title)))
        if truth.get("author"):
            ok = bool(found.author) and name_set(found.author) == name_set(truth["author"])
            self.author.append(ok)
            if not ok:
                self.failures.append(("author", page.id, str(truth["author"]), str(found.author)))
        else:
            self.author_invented.append(bool(found.author))
            if found.author:
                self.failures.append(("author-invented", page.id, "", str(found.author)))
        if day(truth.get("date")):
            ok = day(found.date) == day(truth["date"])
            self.date.append(ok)
            if not ok:
                self.failures.append(("date", page.id, str(truth["date"]), str(found.date)))
        else:
            self.date_invented.append(bool(day(found.date)))
            if day(found.date):
                self.failures.append(("date-invented", page.id, "", str(found.date)))

    def row(self, name: str) -> list[Any]:
        def pct(xs: list[bool]) -> str:
            return f"{100 * sum(xs) / len(xs):.1f}" if xs else "–"

        both = self.author_invented + self.date_invented
        return [
            name,
            pct(self.title),
            pct(self.title_folded),
            pct(self.author),
            pct(self.date),
            pct(self.author_invented),
            pct(self.date_invented),
            pct(both),
            f"{statistics.median(self.ms):.2f}" if self.ms else "–",
        ]


def ours(page: Page) -> tuple[Found, float]:
    tree = LexborHTMLParser(page.html)
    url = page.truth.get("url")
    meta, ms = timed(lambda: extract_metadata(tree, url))
    published = meta.published
    return Found(meta.title, ", ".join(meta.authors or ()) or None, day(published)), ms


def trafilatura_runner() -> Callable[[Page], tuple[Found, float]] | None:
    try:
        from trafilatura.metadata import extract_metadata as traf_meta
        from trafilatura.utils import load_html
    except ImportError:
        return None

    def run(page: Page) -> tuple[Found, float]:
        tree = load_html(page.html)
        if tree is None:
            return Found(None, None, None), 0.0
        doc, ms = timed(lambda: traf_meta(tree, default_url=page.truth.get("url")))
        author = (doc.author or "").replace(";", ",") or None
        return Found(doc.title, author, day(doc.date)), ms

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", action="append", help="wcxb-dev and/or readability (default: both)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--part", action="append", choices=PARTS,
                        help="wcxb-dev part(s) to report (default: tune, heldout, all)")  # fmt: skip
    parser.add_argument("--failures", default=None,
                        help="print our failures of this kind (title, author, ...): tuning pages only")  # fmt: skip
    parser.add_argument("--no-anchor", action="store_true", help="skip trafilatura")
    args = parser.parse_args()
    datasets = args.dataset or ["wcxb-dev", "readability"]
    anchor = None if args.no_anchor else trafilatura_runner()
    headers = ["extractor", "title %", "title (folded) %", "author %", "date (day) %", "author invented %",
               "date invented %", "author or date invented %", "median ms"]  # fmt: skip
    for dataset in datasets:
        parts = (args.part or ["tune", "heldout", "all"]) if dataset == "wcxb-dev" else ["all"]
        selections = [(part, split_ids(part) if dataset == "wcxb-dev" else None) for part in parts]
        tune = split_ids("tune") if dataset == "wcxb-dev" else None
        tallies = {part: (Tally(), Tally()) for part in parts}
        for page in extraction_pages(dataset, args.limit):
            chosen = [part for part, ids in selections if ids is None or page.id in ids]
            if not chosen:
                continue
            found, ms = ours(page)
            for part in chosen:
                tallies[part][0].add(page, found, ms)
            if anchor is not None:
                found, ms = anchor(page)
                for part in chosen:
                    tallies[part][1].add(page, found, ms)
        for part in parts:
            mine, theirs = tallies[part]
            rows = [mine.row("docingest")]
            if anchor is not None:
                rows.append(theirs.row("trafilatura 2.3"))
            name = dataset if dataset != "wcxb-dev" else f"{dataset}, {part}"
            counts = f"{len(mine.ms)} pages; truth has a title on {len(mine.title)}, an author on {len(mine.author)}"
            counts += f", a date on {len(mine.date)}"
            print(f"\n### {name} ({counts})\n")
            print(table(headers, rows))
        if args.failures:
            # only pages rules may be developed on: never print a held-out page's failure
            source = next((t for p, (t, _) in tallies.items() if p in ("all", "tune")), None)
            print()
            for kind, pid, truth, got in source.failures if source is not None else []:
                if kind == args.failures and (tune is None or pid in tune):
                    print(f"{pid}\t{truth!r}\t{got!r}")


if __name__ == "__main__":
    main()
