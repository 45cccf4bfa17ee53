"""Labelled data of the in-story boilerplate model: articles whose blocks are labelled story or publisher text,
and real blocks of wcxb-dev tuning pages labelled by reading.

Sources (none of their texts is copied into the repository; they are read where they live):

* :func:`seed_article` — ``../shared/seed/`` (one real article; its labels are ``expected.json``);
* :func:`team_articles` — ``tests/data/house_styles/w1,w2,w3,w5.jsonl`` in this repository (team-written articles
  in many house styles, in the held-out corpus's format) and ``tests/data/promo/extra_styles.jsonl``;
* :func:`validation_articles` — ``tests/data/house_styles/w4,w6.jsonl``: validation sets, never trained on, measured
  in aggregate only;
* :func:`heldout_articles` — ``../shared/corpora/promos/articles.jsonl``: **held out**, for measuring only;
* :func:`real_pages` — wcxb-dev *tuning* pages read by the recipe's own block reader, with the blocks labelled by
  reading (``tests/data/promo/wcxb_labels.tsv``: page id, hash of the block's text, label).
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import _TOKEN, ROOT, shared_dir, shingles
from benchmarks.promo_reader import article_region, read_blocks, text_key
from docingest.boilerplate.features import (
    CONTEXT_NAMES,
    HASH_BUCKETS,
    HASH_OFFSET,
    Features,
    hinted_blocks,
    site_phrase,
)
from docingest.boilerplate.model import (
    BlockView,
    Model,
    PageFeatures,
    PageGate,
    attributions,
    logits_of,
    page_context,
    page_features,
    reporting,
    story_mask,
    with_cohesion,
)
from docingest.boilerplate.page import PAGE_NAMES, REPORTS_CAP, page_kind_features
from docingest.boilerplate.train import Example, Regularisation, fit

HOUSE_STYLES = Path(os.environ.get("DOCINGEST_HOUSE_STYLES") or ROOT / "tests" / "data" / "house_styles")
EXTRA_STYLES = ROOT / "tests" / "data" / "promo" / "extra_styles.jsonl"


@dataclass(frozen=True)
class LabelledArticle:
    """An article as labelled blocks: ``blocks`` are (label, text) pairs, label ``body`` or ``promo``."""

    id: str
    style: str
    title: str
    site_name: str | None
    blocks: tuple[tuple[str, str], ...]
    source: str

    def text(self) -> str:
        """The plain-text view a scraper gives: the title on line 1, then one block a line."""
        return "\n".join([self.title, *(text for _, text in self.blocks)]) + "\n"


def _from_json(obj: dict[str, Any], source: str) -> LabelledArticle:
    blocks = tuple((str(kind), " ".join(str(text).split())) for kind, text in obj["blocks"])
    bad = {kind for kind, _ in blocks} - {"body", "promo"}
    if bad:
        raise ValueError(f"{source}: {obj.get('id')}: unknown block labels {sorted(bad)}")
    return LabelledArticle(str(obj["id"]), str(obj.get("style") or obj["id"]), " ".join(str(obj["title"]).split()),
                           obj.get("site_name"), blocks, source)


def read_articles(path: Path, source: str) -> list[LabelledArticle]:
    """Articles of a JSONL file in the promos corpus's format; an invalid line raises, naming it."""
    out: list[LabelledArticle] = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(_from_json(json.loads(line), source))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{n}: invalid article: {exc}") from exc
    return out


def seed_article() -> LabelledArticle:
    """The seed as a labelled article (its title line, story and publisher lines from ``expected.json``)."""
    base = shared_dir() / "seed"
    expected = json.loads((base / "expected.json").read_text("utf-8"))
    lines = (base / expected["file"]).read_text("utf-8").splitlines()
    story, promo = set(expected["story_lines"]), set(expected["publisher_lines"])
    blocks = tuple(("body" if n in story else "promo", " ".join(lines[n - 1].split()))
                   for n in range(2, len(lines) + 1) if n in story | promo)
    return LabelledArticle("seed", "seed", lines[0].strip(), expected["site_name"], blocks, "seed")


#: The team's house-style files the model learns from; the others are validation sets (:func:`validation_articles`).
TRAINING_FILES = ("w1", "w2", "w3", "w5")
#: The team's house-style files kept for validation: measured in aggregate only (publisher removed, story kept),
#: never trained on, their misjudged blocks never read.
VALIDATION_FILES = ("w4", "w6")


def _house_styles(names: Sequence[str]) -> list[LabelledArticle]:
    out: list[LabelledArticle] = []
    for name in names:
        path = HOUSE_STYLES / f"{name}.jsonl"
        if path.exists():
            out += read_articles(path, name)
    return out


def team_articles() -> list[LabelledArticle]:
    """The team-written articles the model learns from (:data:`TRAINING_FILES` of ``tests/data/house_styles/``,
    then the extra styles), in file order."""
    out = _house_styles(TRAINING_FILES)
    if EXTRA_STYLES.exists():
        out += read_articles(EXTRA_STYLES, "extra")
    return out


def validation_articles() -> list[LabelledArticle]:
    """The team-written articles kept for validation (:data:`VALIDATION_FILES`): never trained on."""
    return _house_styles(VALIDATION_FILES)


def heldout_articles() -> list[LabelledArticle]:
    """The held-out promos corpus: measure on it, never tune on it."""
    return read_articles(shared_dir() / "corpora" / "promos" / "articles.jsonl", "promos")


# ------------------------------------------------------------------------------------ extraction corpora


def kept_share(block: str, truth: Counter[tuple[str, ...]], truth_tokens: str) -> float:
    """The share of the block's shingles that the truth has (a block of under four tokens: 1 when the truth has
    its tokens in a row, else 0)."""
    tokens = _TOKEN.findall(block)
    if len(tokens) < 4:
        return float(bool(tokens) and f" {' '.join(tokens)} " in truth_tokens) if tokens else 1.0
    mine = shingles(block)
    return sum((mine & truth).values()) / sum(mine.values())


# ------------------------------------------------------------------------------------------- the recipe


@dataclass(frozen=True)
class TrainingPage:
    """One page of training data: what the model reads of it, and a label and weight for the blocks that have
    one (``None``: unlabelled, context only)."""

    group: str
    style: str
    features: PageFeatures
    labels: tuple[int | None, ...]
    weights: tuple[float, ...]
    local: bool = True
    """Whether the first-pass and local models learn from its blocks (not from a cleaned copy of a page: its
    blocks are already in the page it came from; only the context model learns from that)."""


#: The score from which a block is removed (chosen on the leave-style-out folds of the team's articles and on
#: wcxb-dev tuning pages the model did not learn from).
THRESHOLD = 0.5
#: Weight of a story block in a cleaned page (for the context model).
CLEANED_WEIGHT = 0.5
#: Regularisation of the first-pass and local models.
LOCAL_REG = Regularisation(dense=1e-3, hashed=3e-3, cap=0.5)
CONTEXT_REG = Regularisation(dense=1e-3)


def article_pages(article: LabelledArticle) -> list[TrainingPage]:
    """A labelled article as pages, one block per labelled block as the plain-text path gives them: once knowing
    the publication's name (as a page's metadata often gives it) and once not (as plain text usually leaves it),
    each at half weight."""
    views = [BlockView(text) for _, text in article.blocks]
    labels = tuple(int(kind == "promo") for kind, _ in article.blocks)
    story = [BlockView(text) for kind, text in article.blocks if kind == "body"]
    return [
        *(TrainingPage(article.id, article.style, page_features(views, site, article.title), labels,
                       tuple(0.5 for _ in labels)) for site in (site_phrase(article.site_name), "")),
        TrainingPage(article.id, article.style, page_features(story, "", article.title), tuple(0 for _ in story),
                     tuple(CLEANED_WEIGHT for _ in story), local=False),
    ]


REAL_LABELS = ROOT / "tests" / "data" / "promo" / "wcxb_labels.tsv"
#: How the labels of real blocks train the model: publisher text is a positive, content a negative, other page
#: text (navigation, dates, form fields, comments: neither the story nor the publisher speaking) is left out.
REAL_CLASSES = {"publisher": 1, "content": 0}
#: Weight of a real labelled block (beside a block of the team's articles, weight 1).
REAL_WEIGHT = 0.25


def real_labels(path: Path = REAL_LABELS) -> dict[str, dict[str, str]]:
    """The labels of real blocks read one by one: page id -> SHA-256 of the block's normalised text -> class."""
    out: dict[str, dict[str, str]] = {}
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            page, key, label = line.split("\t")
        except ValueError as exc:
            raise ValueError(f"{path}:{n}: expected page, key and label separated by tabs") from exc
        out.setdefault(page, {})[key] = label
    return out


def read_pages(ids: Collection[str], dataset: str = "wcxb-dev") -> Iterator[tuple[dict[str, Any], str]]:
    """The truth and the HTML of the pages ``ids`` of an extraction dataset, in id order."""
    base = shared_dir() / "corpora" / "extraction" / dataset
    with (base / "truth.jsonl").open(encoding="utf-8") as fh:
        truths = [json.loads(line) for line in fh if line.strip()]
    for truth in truths:
        if truth["id"] in ids:
            yield truth, gzip.decompress((base / "html" / f"{truth['id']}.html.gz").read_bytes()).decode("utf-8")


def real_page(truth: dict[str, Any], html: str, labels: dict[str, str]) -> TrainingPage | None:
    """A real page read by the recipe's own block reader (:mod:`benchmarks.promo_reader`), its labelled blocks
    labelled; ``None`` when the truth keeps none of its blocks or the page does not report (:func:`reporting`: the
    block model learns from reporting pages; see ``docs/boilerplate.md`` for the pages the page classifier adds)."""
    body = truth.get("body") or ""
    shingled, tokens = shingles(body), f" {' '.join(_TOKEN.findall(body))} "
    region = article_region(read_blocks(html), lambda text: kept_share(text, shingled, tokens))
    if not region or not reporting(region):
        return None
    hinted = hinted_blocks(region)
    views = [BlockView(b.text, b.kind, b.link_density, h) for b, h in zip(region, hinted, strict=True)]
    features = page_features(views, "", truth.get("title"))
    found = [REAL_CLASSES.get(labels.get(text_key(b.text), "")) for b in region]
    return TrainingPage(f"wcxb:{truth['id']}", "wcxb", features, tuple(found), tuple(REAL_WEIGHT for _ in found))


def real_pages(limit: int | None = None) -> list[TrainingPage]:
    """The real pages with labelled blocks (wcxb-dev tuning pages), in id order (the first ``limit`` of them)."""
    labels = real_labels()
    ids = sorted(labels)[:limit]
    pages = (real_page(truth, html, labels[truth["id"]]) for truth, html in read_pages(set(ids)))
    return [page for page in pages if page is not None]


def _base(features: Features | None) -> Features | None:
    """The first pass's features: the local ones without hashed n-grams."""
    return None if features is None else [(i, v) for i, v in features if i < HASH_OFFSET]


def _examples(pages: Sequence[TrainingPage], vectors: Sequence[Sequence[Features | None]],
              offsets: Sequence[Sequence[float]] = ()) -> list[Example]:
    out: list[Example] = []
    for n, (page, vecs) in enumerate(zip(pages, vectors, strict=True)):
        for i, (label, vec) in enumerate(zip(page.labels, vecs, strict=True)):
            if vec is None or label is None or page.features.local[i] is None:
                continue
            out.append(Example(vec, label, page.weights[i], offsets[n][i] if offsets else 0.0))
    return out


_SIZE = HASH_OFFSET + HASH_BUCKETS


def _fit(pages: Sequence[TrainingPage], vectors: Sequence[Sequence[Features | None]],
         reg: Regularisation) -> list[float]:
    return fit(_examples(pages, vectors), _SIZE, HASH_OFFSET, reg)


def _repeated(pages: Sequence[TrainingPage]) -> list[list[bool]]:
    """Which blocks of each labelled article another article of the same house style has too (as the cleaner's
    memory of a site would say)."""
    seen: dict[tuple[str, str], set[str]] = {}
    for p in pages:
        if p.style != "wcxb":
            for text in p.features.texts:
                seen.setdefault((p.style, text), set()).add(p.group)
    return [[p.style != "wcxb" and len(seen[(p.style, text)]) > 1 for text in p.features.texts] for p in pages]


def train_model(pages: Sequence[TrainingPage], reg: Regularisation | None = None, threshold: float = THRESHOLD,
                about: dict[str, Any] | None = None, gate: PageGate | None = None) -> Model:
    """The model of ``pages``: first pass, local model with cohesion, context model.

    Each stage learns from what the stage before gives on pages it did not learn from (two folds by page group):
    cohesion is computed against the blocks that a first pass not trained on the page reads as story, and the
    context model reads local logits of a model not trained on the page, so each trusts the one before as much as
    it deserves on unseen pages."""
    reg = reg or LOCAL_REG
    fold = [zlib.crc32(p.group.encode()) % 2 for p in pages]
    base = [[_base(f) for f in p.features.local] for p in pages]

    def out_of_fold(vectors: Sequence[Sequence[Features | None]]) -> list[list[float]]:
        found: list[list[float]] = [[] for _ in pages]
        for k in (0, 1):
            train = [n for n in range(len(pages)) if fold[n] != k and pages[n].local]
            weights = _fit([pages[n] for n in train], [vectors[n] for n in train], reg)
            for n in range(len(pages)):
                if fold[n] == k:
                    found[n] = logits_of(weights, vectors[n])
        return found

    first_oof = out_of_fold(base)
    full = [with_cohesion(p.features, story_mask(z)) for p, z in zip(pages, first_oof, strict=True)]
    local_oof = out_of_fold(full)
    repeated = _repeated(pages)
    contexts = [page_context(p.features, z, r) for p, z, r in zip(pages, local_oof, repeated, strict=True)]
    context = fit(_examples(pages, contexts, local_oof), len(CONTEXT_NAMES), len(CONTEXT_NAMES),
                  Regularisation(dense=CONTEXT_REG.dense, epochs=reg.epochs, rate=reg.rate, seed=reg.seed))
    first = [n for n, p in enumerate(pages) if p.local]
    return Model.from_weights(_fit([pages[n] for n in first], [base[n] for n in first], reg),
                              _fit([pages[n] for n in first], [full[n] for n in first], reg), context, threshold, about,
                              page=gate)


# ------------------------------------------------------------------------------------ the page classifier

PAGE_KINDS = ROOT / "tests" / "data" / "promo" / "page_kinds.tsv"
#: Weight of a team article beside a real page in the page classifier's training (the articles are the kind of
#: page whose inserts the block model knows; there are eight real pages for each of them).
ARTICLE_WEIGHT = 3.0
PAGE_REG = Regularisation(dense=1e-3, epochs=30)
#: The page classifier's threshold: a page that does not report is judged from this probability of being an
#: editorial article on, and its blocks are removed from this score on (chosen on wcxb-dev tuning pages,
#: readability and the leave-styles-out folds).
PAGE_THRESHOLD = 0.87
STRICT_THRESHOLD = 0.85


@dataclass(frozen=True)
class PageKind:
    """A real page's type (from its ground truth) and its page features as the pipeline's block cleaners saw
    them (:func:`docingest.boilerplate.page.page_kind_features`)."""

    id: str
    site: str
    page_type: str
    features: Features


def page_kinds(path: Path = PAGE_KINDS) -> list[PageKind]:
    """The page kinds of the wcxb-dev tuning pages, as recorded (:func:`write_page_kinds`)."""
    lines = path.read_text("utf-8").splitlines()
    names = lines[0].split("\t")[3:]
    if tuple(names) != PAGE_NAMES:
        raise ValueError(f"{path}: its features are not the page classifier's: run scripts/train_promo.py "
                         "--page-kinds")
    out: list[PageKind] = []
    for line in lines[1:]:
        pid, site, kind, *values = line.split("\t")
        out.append(PageKind(pid, site, kind, [(i, float(v)) for i, v in enumerate(values) if float(v)]))
    return out


def write_page_kinds(path: Path = PAGE_KINDS) -> int:
    """Record the page features of every wcxb-dev tuning page as the pipeline hands its blocks to the block
    cleaners, with the page type its truth gives: the page classifier's training data. (Recorded, not recomputed
    by the recipe, so that the shipped weights do not change when the body extractor does; rerun this when the
    page features change.)"""
    from urllib.parse import urlsplit

    from benchmarks.common import split_ids
    from docingest.document import Candidate, Page, RawDocument
    from docingest.hookspecs import hookimpl
    from docingest.pipeline import Pipeline
    from docingest.plugins import new_plugin_manager

    seen: list[list[Candidate]] = []

    class Probe:
        name = "recipe.page_kinds"
        order = 99

        def classify(self, blocks: Sequence[Candidate], page: Page) -> list[Any]:
            seen.append(list(blocks))
            return []

    class Plugin:
        @hookimpl
        def docingest_block_cleaners(self) -> Sequence[Any]:
            return [Probe()]

    pipeline = Pipeline(plugin_manager=new_plugin_manager(plugins=[("recipe.page_kinds", Plugin())]),
                        disable=("docingest.promo",), claims=False)
    tune = split_ids("tune") or frozenset()
    rows = ["\t".join(("id", "site", "page_type", *PAGE_NAMES))]
    for truth, html in read_pages(tune):
        url = truth.get("url") if str(truth.get("url") or "").startswith("http") else None
        seen.clear()
        pipeline.run_raw(RawDocument(source=url or truth["id"], content=html, url=url, content_type="text/html",
                                     kind="html"))
        blocks = seen[0] if seen else []
        values = dict(page_kind_features(blocks, attributions(blocks, REPORTS_CAP)))
        site = (urlsplit(url or "").hostname or "").removeprefix("www.")
        rows.append("\t".join((truth["id"], site, truth["page_type"],
                               *(f"{values.get(i, 0.0):.5g}" for i in range(len(PAGE_NAMES))))))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows) - 1


def gate_examples(articles: Sequence[LabelledArticle], kinds: Sequence[PageKind]) -> list[Example]:
    """The page classifier's examples: each real page (an editorial article or not, by its truth's page type) and
    each labelled article (an article), as the plain-text path gives its blocks."""
    out = [Example(k.features, int(k.page_type == "article")) for k in kinds]
    for a in articles:
        views = [BlockView(text) for _, text in a.blocks]
        out.append(Example(page_kind_features(views, attributions(views, REPORTS_CAP)), 1, ARTICLE_WEIGHT))
    return out


def train_gate(articles: Sequence[LabelledArticle], kinds: Sequence[PageKind]) -> PageGate:
    """The page classifier."""
    weights = fit(gate_examples(articles, kinds), len(PAGE_NAMES), len(PAGE_NAMES), PAGE_REG)
    return PageGate(weights, PAGE_THRESHOLD, STRICT_THRESHOLD)
