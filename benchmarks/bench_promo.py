"""In-story boilerplate benchmark: what the promo cleaner removes, keeps and costs.

    .venv/bin/python -m benchmarks.bench_promo [--sections seed,heldout,validation,loso,quality] [--limit N]
        [--folds N] [--differential] [--show]

Sections (each prints a table):

* ``seed`` — the seed article (``../shared/seed``) as plain text and in the three page templates of
  :mod:`benchmarks.promo_pages`: story lines kept, publisher lines removed, title and site name right. (The seed
  is in the model's training data.)
* ``heldout`` — the promos corpus (``../shared/corpora/promos``, **held out**: never trained or tuned on), plain
  text and the three templates: publisher blocks removed, story blocks kept, with trafilatura's output on the same
  pages as the anchor.
* ``validation`` — the team's validation sets (``tests/data/house_styles/w4, w6``: never trained on), plain text
  and the three templates, in aggregate only (their misjudged blocks are never listed).
* ``loso`` — leave-styles-out over the team's training styles: the styles fall into ``--folds`` folds (10) by a
  hash of their name, and each style's articles are judged (plain text and the three templates) by a model the
  recipe trains without its fold.
* ``quality`` — shingle P/R/F1 of ``ingest_html`` on wcxb-dev (tuning part, held-out part, all) and readability,
  with and without the cleaner, and the cleaner's median cost per page (probe cleaners around it).
  ``--differential`` lists every page whose scores the cleaner changes and each block it removed, marked
  ``TRUTH`` when the ground truth keeps it; ``--tune-only`` runs wcxb-dev's tuning part alone (for decisions:
  its held-out part is measured only at milestones). This section runs on any docingest on ``PYTHONPATH`` (to measure an
  older cleaner the same way).
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import docingest
from benchmarks.common import _TOKEN, extraction_pages, page_counts, score, split_ids, table
from docingest.document import Candidate, Page, RawDocument, Verdict
from docingest.hookspecs import hookimpl
from docingest.pipeline import Pipeline
from docingest.plugins import new_plugin_manager

PROMO = "docingest.promo"
VIEWS = ("text", "flat", "asides", "cms")


# --------------------------------------------------------------------------------- labelled articles


@dataclass
class Tally:
    """Counts over labelled blocks of some articles in one view."""

    promo: int = 0
    removed: int = 0
    story: int = 0
    kept: int = 0
    title: int = 0
    site: int = 0
    docs: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, *head: Any) -> list[Any]:
        return [*head, self.docs, f"{self.removed}/{self.promo}", _pct(self.removed, self.promo),
                f"{self.kept}/{self.story}", _pct(self.kept, self.story), f"{self.title}/{self.docs}",
                f"{self.site}/{self.docs}"]


TALLY_HEADERS = ["docs", "publisher removed", "%", "story kept", "%", "title right", "site name right"]


def _pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:.1f}" if b else "-"


def _flat(text: str) -> str:
    return " ".join(text.split())


def judge_article(article: Any, view: str, pipeline: Pipeline, misses: list[str] | None = None) -> Tally:
    """Ingest one labelled article in one view and count what was kept and removed."""
    from benchmarks.promo_pages import TEMPLATES

    if view == "text":
        raw = RawDocument(source=article.id, content=article.text(), kind="text")
    else:
        raw = RawDocument(source=article.id, content=TEMPLATES[view](article), kind="html",
                          content_type="text/html")
    result = pipeline.run_raw(raw)
    text = _flat(result.text) if isinstance(result, docingest.Article) else ""
    tally = Tally(docs=1)
    for label, block in article.blocks:
        present = _flat(block) in text
        if label == "promo":
            tally.promo += 1
            tally.removed += not present
            if present and misses is not None:
                misses.append(f"  kept publisher [{article.id} {view}]: {block[:110]}")
        else:
            tally.story += 1
            tally.kept += present
            if not present and misses is not None:
                misses.append(f"  lost story     [{article.id} {view}]: {block[:110]}")
    if isinstance(result, docingest.Article):
        tally.title += result.title == article.title
        tally.site += result.site_name == article.site_name
    return tally


def judge_articles(articles: Sequence[Any], pipeline: Pipeline, views: Sequence[str] = VIEWS,
                   misses: list[str] | None = None) -> dict[str, Tally]:
    out = {view: Tally() for view in views}
    for article in articles:
        for view in views:
            out[view].add(judge_article(article, view, pipeline, misses))
    return out


def anchor(articles: Sequence[Any]) -> dict[str, Tally]:
    """trafilatura's output on the same pages (text view: not applicable)."""
    import trafilatura

    from benchmarks.promo_pages import TEMPLATES

    out: dict[str, Tally] = {}
    for view, render in TEMPLATES.items():
        tally = Tally()
        for article in articles:
            text = _flat(trafilatura.extract(render(article)) or "")
            tally.docs += 1
            for label, block in article.blocks:
                present = _flat(block) in text
                if label == "promo":
                    tally.promo += 1
                    tally.removed += not present
                else:
                    tally.story += 1
                    tally.kept += present
        out[view] = tally
    return out


class _ModelPlugin:
    def __init__(self, model: Any) -> None:
        from docingest.stages.promo import PromoCleaner

        class Cleaner(PromoCleaner):
            name = "bench.model"  # not the built-in cleaner's name, which the pipeline disables

        self.cleaner = Cleaner(model=model, memory=False)

    @hookimpl
    def docingest_block_cleaners(self) -> Sequence[Any]:
        return [self.cleaner]


def model_pipeline(model: Any) -> Pipeline:
    """A pipeline whose promo cleaner uses ``model`` instead of the shipped weights."""
    pm = new_plugin_manager(plugins=[("bench.model", _ModelPlugin(model))])
    return Pipeline(plugin_manager=pm, disable=(PROMO,), claims=False)


def seed_section() -> list[list[Any]]:
    from benchmarks.promo_data import seed_article

    pipe = Pipeline(claims=False)
    misses: list[str] = []
    tallies = judge_articles([seed_article()], pipe, misses=misses)
    print("\n".join(misses))
    return [t.row("seed (trained on)", view) for view, t in tallies.items()]


def heldout_section() -> list[list[Any]]:
    """The held-out promos corpus: aggregate figures only (its misjudged blocks are never listed: no rule may be
    written from them)."""
    from benchmarks.promo_data import heldout_articles

    articles = heldout_articles()
    tallies = judge_articles(articles, Pipeline(claims=False))
    rows = [t.row("promos (held out)", view) for view, t in tallies.items()]
    with contextlib.suppress(ImportError):
        rows += [t.row("anchor: trafilatura", view) for view, t in anchor(articles).items()]
    return rows


#: Folds of the leave-styles-out check: each style's articles are judged by a model trained without that style
#: (and without the other styles of its fold).
FOLDS = 10


def loso_section(folds: int, show: bool) -> list[list[Any]]:
    """Leave-styles-out: per style, a model trained by the recipe without that style (styles fall into ``folds``
    folds by a hash of their name; each fold's model learns from the others and the real labelled pages) judges
    its articles."""
    from benchmarks.promo_data import (
        article_pages,
        page_kinds,
        real_pages,
        seed_article,
        team_articles,
        train_gate,
        train_model,
    )

    team = team_articles()
    styles = sorted({a.style for a in team})
    fold_of = {style: zlib.crc32(style.encode()) % folds for style in styles}
    articles = [seed_article(), *team]
    pages = {a.id: article_pages(a) for a in articles}
    real = real_pages()
    kinds = page_kinds()
    by_style: dict[str, dict[str, Tally]] = {}
    misses: list[str] = []
    for k in range(folds):
        held = [a for a in team if fold_of[a.style] == k]
        if not held:
            continue
        kept = [a for a in articles if a.style == "seed" or fold_of[a.style] != k]
        model = train_model([p for a in kept for p in pages[a.id]] + real, gate=train_gate(kept, kinds))
        pipe = model_pipeline(model)
        for style in sorted({a.style for a in held}):
            by_style[style] = judge_articles([a for a in held if a.style == style], pipe,
                                             misses=misses if show else None)
    if show:
        print("\n".join(misses))
    total = {view: Tally() for view in VIEWS}
    rows: list[list[Any]] = []
    for style in styles:
        tallies = by_style[style]
        html = Tally()
        for view, t in tallies.items():
            total[view].add(t)
            if view != "text":
                html.add(t)
        text = tallies["text"]
        rows.append([style, text.docs, f"{text.removed}/{text.promo}", _pct(text.removed, text.promo),
                     f"{text.kept}/{text.story}", _pct(text.kept, text.story),
                     f"{html.removed}/{html.promo}", _pct(html.removed, html.promo),
                     f"{html.kept}/{html.story}", _pct(html.kept, html.story)])
    print(table(["view", *TALLY_HEADERS], [t.row(f"all styles, {folds} folds", view) for view, t in total.items()]))
    print()
    return rows


def validation_section() -> list[list[Any]]:
    """The team's validation sets (never trained on): aggregate figures only — their misjudged blocks are not
    listed, so no rule is ever written from them."""
    from benchmarks.promo_data import validation_articles

    articles = validation_articles()
    tallies = judge_articles(articles, Pipeline(claims=False))
    return [t.row("house styles w4+w6 (validation)", view) for view, t in tallies.items()]


LOSO_HEADERS = ["held-out style", "docs", "text: publisher removed", "%", "text: story kept", "%",
                "3 templates: publisher removed", "%", "3 templates: story kept", "%"]


# ------------------------------------------------------------------------------------ extraction quality


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


def _raw(html: str, url: str | None) -> RawDocument:
    return RawDocument(source=url or "<html>", content=html, url=url if url and url.startswith("http") else None,
                       content_type="text/html", kind="html", fetched_at=datetime.now(UTC))


def _tokens(text: str) -> str:
    return " ".join(_TOKEN.findall(text))


def quality(dataset: str, limit: int | None, differential: bool, tune_only: bool = False) -> list[list[Any]]:
    probe = _Probe()
    tune = split_ids("tune") if tune_only and dataset == "wcxb-dev" else None
    with_promo = Pipeline(plugin_manager=new_plugin_manager(plugins=[("bench.probe", probe)]), claims=False)
    without = Pipeline(disable=(PROMO,), claims=False)
    ids: list[str] = []
    on_counts: list[tuple[int, int, int]] = []
    off_counts: list[tuple[int, int, int]] = []
    reasons: Counter[str] = Counter()
    changed: list[tuple[int, str, list[tuple[str, str, bool]]]] = []
    for page in extraction_pages(dataset, limit):
        if tune is not None and page.id not in tune:
            continue  # the held-out part is not even run
        url = page.truth.get("url") or None
        on = with_promo.run_raw(_raw(page.html, url))
        off = without.run_raw(_raw(page.html, url))
        body = page.truth.get("body") or ""
        c_on = page_counts(body, on.text if isinstance(on, docingest.Article) else "")
        c_off = page_counts(body, off.text if isinstance(off, docingest.Article) else "")
        ids.append(page.id)
        on_counts.append(c_on)
        off_counts.append(c_off)
        if isinstance(on, docingest.Article):
            mine = [r for r in on.provenance.removed if r.cleaner == PROMO]
            reasons.update(r.reason for r in mine)
            if differential and c_on != c_off:
                truth = _tokens(body)
                changed.append((len(ids) - 1, page.id, [(r.reason, r.text, _tokens(r.text) in truth) for r in mine]))
    print(f"\n{dataset}: removals by class: {dict(reasons.most_common())}")
    parts: list[tuple[str, Callable[[str], bool]]] = [("all", lambda _: True)]
    if dataset == "wcxb-dev" and tune is not None:
        parts = [("tune (trained on)", lambda _: True)]
    elif dataset == "wcxb-dev":
        tuning, held = split_ids("tune") or frozenset(), split_ids("heldout") or frozenset()
        parts = [("tune (trained on)", tuning.__contains__), ("held out", held.__contains__),
                 ("all", lambda _: True)]
    rows: list[list[Any]] = []
    for part, chosen in parts:
        keep = [i for i, pid in enumerate(ids) if chosen(pid)]
        s_on = score([on_counts[i] for i in keep])
        s_off = score([off_counts[i] for i in keep])
        rows.append([dataset, part, len(keep), f"{s_off.f1:.4f}", f"{s_on.precision:.4f}", f"{s_on.recall:.4f}",
                     f"{s_on.f1:.4f}", f"{s_on.f1 - s_off.f1:+.4f}"])
    if changed:
        s_all = score(on_counts)
        effects = []
        for index, pid, removed in changed:
            counts = list(on_counts)
            counts[index] = off_counts[index]
            effects.append((s_all.f1 - score(counts).f1, pid, removed))
        print(f"  {len(changed)} pages changed; the cleaner's effect on F1, page by page (worst first):")
        for effect, pid, blocks in sorted(effects, key=lambda e: e[0]):
            print(f"  {effect:+.5f} {pid}")
            for reason, text, kept in blocks:
                print(f"      {'TRUTH' if kept else '-':5} {reason}: {text[:110]!r}")
    if probe.times:
        print(f"  {dataset}: promo cleaner median {statistics.median(probe.times):.3f} ms/page, "
              f"mean {statistics.fmean(probe.times):.3f}, p95 {statistics.quantiles(probe.times, n=20)[-1]:.3f}, "
              f"max {max(probe.times):.1f} ms over {len(probe.times)} pages")
    return rows


QUALITY_HEADERS = ["dataset", "part", "pages", "F1 without cleaner", "precision", "recall", "F1 with cleaner",
                   "change"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sections", default="seed,heldout,validation,loso,quality")
    parser.add_argument("--limit", type=int, default=None, help="pages per extraction dataset (default: all)")
    parser.add_argument("--differential", action="store_true", help="list every page the cleaner changes")
    parser.add_argument("--tune-only", action="store_true",
                        help="quality: wcxb-dev's tuning part only (its held-out pages are not run) and readability")
    parser.add_argument("--folds", type=int, default=FOLDS, help="folds of the leave-styles-out check")
    parser.add_argument("--show", action="store_true",
                        help="list every misjudged block of the seed and of the training styles in the loso section "
                        "(never of the held-out corpus or the validation sets)")
    args = parser.parse_args()
    sections = args.sections.split(",")
    if "seed" in sections:
        print(table(["article", "view", *TALLY_HEADERS], seed_section()))
    if "heldout" in sections:
        print()
        print(table(["corpus", "view", *TALLY_HEADERS], heldout_section()))
    if "validation" in sections:
        print()
        print(table(["corpus", "view", *TALLY_HEADERS], validation_section()))
    if "loso" in sections:
        print()
        print(table(LOSO_HEADERS, loso_section(args.folds, args.show)))
    if "quality" in sections:
        rows: list[list[Any]] = []
        for dataset in ("wcxb-dev", "readability"):
            rows += quality(dataset, args.limit, args.differential, args.tune_only)
        print()
        print(table(QUALITY_HEADERS, rows))


if __name__ == "__main__":
    main()
