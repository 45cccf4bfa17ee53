"""Labelled data of the in-story boilerplate model: articles whose blocks are labelled story or publisher text,
and real blocks of the extraction corpora labelled by their ground truth.

Sources (none of their texts is copied into the repository; they are read where they live):

* :func:`seed_article` — ``../shared/seed/`` (one real article; its labels are ``expected.json``);
* :func:`team_articles` — ``tests/data/house_styles/*.jsonl`` in this repository (team-written articles, two per
  house style, in the held-out corpus's format) and ``tests/data/promo/extra_styles.jsonl``;
* :func:`heldout_articles` — ``../shared/corpora/promos/articles.jsonl``: **held out**, for measuring only;
* :func:`wcxb_blocks` — the candidate blocks docingest's body extractor gives on wcxb-dev pages (the *tuning*
  part of the fixed split by default), each labelled by how much of it the page's ground truth keeps.
"""

from __future__ import annotations

import json
import os
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import _TOKEN, ROOT, extraction_pages, shared_dir, shingles, split_ids
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
    local_logits,
    page_context,
    page_features,
    reporting,
)
from docingest.boilerplate.train import Example, Regularisation, fit, logit, sigmoid
from docingest.document import Candidate, Page, RawDocument, Verdict
from docingest.hookspecs import hookimpl
from docingest.pipeline import Pipeline
from docingest.plugins import new_plugin_manager

PROMO = "docingest.promo"
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


def team_articles() -> list[LabelledArticle]:
    """The team-written articles (``tests/data/house_styles/*.jsonl``, then the extra styles), in file order."""
    out: list[LabelledArticle] = []
    # w1 and w2 are what the shipped weights were trained on; w3 and w4 (written later) join at the next retraining
    for path in sorted(HOUSE_STYLES.glob("w[12].jsonl")):
        out += read_articles(path, path.stem)
    if EXTRA_STYLES.exists():
        out += read_articles(EXTRA_STYLES, "extra")
    return out


def heldout_articles() -> list[LabelledArticle]:
    """The held-out promos corpus: measure on it, never tune on it."""
    return read_articles(shared_dir() / "corpora" / "promos" / "articles.jsonl", "promos")


# ------------------------------------------------------------------------------------ extraction corpora


@dataclass(frozen=True)
class PageBlocks:
    """The candidate blocks of one extraction-corpus page and, for each, the share of its shingles the truth
    keeps."""

    id: str
    url: str | None
    site_name: str | None
    blocks: tuple[Candidate, ...]
    kept: tuple[float, ...]


class _Capture:
    """A block cleaner that only records the candidates it is shown (run with the promo cleaner disabled)."""

    name = "promo-data.capture"
    order = 99

    def __init__(self) -> None:
        self.seen: list[tuple[list[Candidate], str | None]] = []

    def classify(self, blocks: Sequence[Candidate], page: Page) -> list[Verdict]:
        self.seen.append((list(blocks), page.metadata.site_name))
        return []

    @hookimpl
    def docingest_block_cleaners(self) -> Sequence[Any]:
        return [self]


def candidate_pipeline() -> tuple[Pipeline, _Capture]:
    """A pipeline that stops judging blocks after the body extractor: the promo cleaner is off and a capture
    cleaner records each page's candidates."""
    capture = _Capture()
    pm = new_plugin_manager(plugins=[("promo-data.capture", capture)])
    return Pipeline(plugin_manager=pm, disable=(PROMO,), claims=False), capture


def kept_share(block: str, truth: Counter[tuple[str, ...]], truth_tokens: str) -> float:
    """The share of the block's shingles that the truth has (a block of under four tokens: 1 when the truth has
    its tokens in a row, else 0)."""
    tokens = _TOKEN.findall(block)
    if len(tokens) < 4:
        return float(bool(tokens) and f" {' '.join(tokens)} " in truth_tokens) if tokens else 1.0
    mine = shingles(block)
    return sum((mine & truth).values()) / sum(mine.values())


def wcxb_blocks(part: str = "tune", dataset: str = "wcxb-dev", limit: int | None = None) -> Iterator[PageBlocks]:
    """Candidate blocks of each page of ``dataset`` (for wcxb-dev, of one part of the fixed split)."""
    wanted = split_ids(part) if dataset == "wcxb-dev" else None
    pipe, capture = candidate_pipeline()
    for page in extraction_pages(dataset, limit):
        if wanted is not None and page.id not in wanted:
            continue
        url = page.truth.get("url") or None
        capture.seen.clear()
        pipe.run_raw(RawDocument(source=page.id, content=page.html, url=url, kind="html"))
        if not capture.seen:
            continue
        blocks, site = capture.seen[-1]
        body = page.truth.get("body") or ""
        truth, tokens = shingles(body), f" {' '.join(_TOKEN.findall(body))} "
        yield PageBlocks(page.id, url, site, tuple(blocks), tuple(kept_share(b.text, truth, tokens) for b in blocks))


# ------------------------------------------------------------------------------------------- the recipe


@dataclass(frozen=True)
class TrainingPage:
    """One page of training data: its blocks' features, and a label and weight for the blocks that have one."""

    group: str
    style: str
    features: PageFeatures
    labels: tuple[int | None, ...]
    weights: tuple[float, ...]
    texts: tuple[str, ...]


#: Weight of a wcxb-dev block that the truth keeps (a negative: real content of every kind of page). Lower than
#: a team-labelled block's: the truths keep some publisher text.
WCXB_NEGATIVE = 0.5
#: Blocks a wcxb-dev page gives as negatives in the first round (a fixed sample; the second round adds every
#: kept block the first model scores as publisher text).
WCXB_SAMPLE = 6
#: A wcxb-dev block counts as kept by the truth when this share of its shingles is in it.
WCXB_KEPT = 0.9
#: ... and as dropped by it when at most this share is.
WCXB_DROPPED = 0.1
HARD_NEGATIVE = 0.2
#: The score from which a block is removed (chosen on the leave-style-out folds of the team's articles and on
#: wcxb-dev tuning pages the model did not learn from: recall against kept content lost).
THRESHOLD = 0.4
#: Regularisation of the local model.
LOCAL_REG = Regularisation(dense=1e-3, hashed=3e-3, cap=0.5)
#: Weight of a hard negative (a kept wcxb-dev block the first model reads as publisher text): low, since this is
#: where the truths' noise concentrates (they keep some pitches).
HARD_WEIGHT = 0.5
#: Weight of a hard negative for the context model (which must learn to overrule such blocks on their pages).
CONTEXT_HARD_WEIGHT = 1.0
#: Whether the local model learns from wcxb-dev blocks too (else only the context model does).
LOCAL_WCXB = False
#: Weight of a publisher block of a labelled article (they are few beside the wcxb-dev negatives).
POSITIVE_WEIGHT = 1.0


def _views(blocks: Sequence[Candidate]) -> list[BlockView]:
    hinted = hinted_blocks(blocks)
    return [BlockView(b.text, b.kind, b.link_density, h) for b, h in zip(blocks, hinted, strict=True)]


def article_page(article: LabelledArticle, style: str | None = None) -> TrainingPage:
    """A labelled article as the plain-text path gives its blocks (labels matched by text)."""
    pipe, capture = candidate_pipeline()
    pipe.run_raw(RawDocument(source=article.id, content=article.text(), kind="text"))
    blocks = capture.seen[-1][0] if capture.seen else []
    label_of = {text: int(kind == "promo") for kind, text in article.blocks}
    labels = tuple(label_of.get(b.text) for b in blocks)
    features = page_features(_views(blocks), site_phrase(article.site_name))
    return TrainingPage(article.id, style or article.style, features, labels,
                        tuple(POSITIVE_WEIGHT if label == 1 else 1.0 for label in labels),
                        tuple(b.text for b in blocks))


def wcxb_page(page: PageBlocks) -> TrainingPage | None:
    """A wcxb-dev page: blocks the truth keeps are negatives (a fixed sample of them), the rest unlabelled; ``None``
    for a page that does not report (the model never judges such pages)."""
    views = _views(page.blocks)
    if not reporting(views):
        return None
    features = page_features(views, site_phrase(page.site_name))
    kept = [i for i, (f, k) in enumerate(zip(features.local, page.kept, strict=True))
            if f is not None and k >= WCXB_KEPT]
    sample = set(sorted(kept, key=lambda i: zlib.crc32(page.blocks[i].text.encode()))[:WCXB_SAMPLE])
    # confident positives: short blocks the truth drops whose own markup calls them the publisher's boxes
    boxes = {i for i, (v, f, k) in enumerate(zip(views, features.local, page.kept, strict=True))
             if f is not None and v.hinted and k <= WCXB_DROPPED and len(v.text) <= 300}
    labels = tuple(1 if i in boxes else 0 if i in sample else (-1 if i in kept else None)
                   for i in range(len(page.blocks)))
    return TrainingPage(f"wcxb:{page.id}", "wcxb", features, labels, tuple(WCXB_NEGATIVE for _ in page.blocks),
                        tuple(b.text for b in page.blocks))


def _examples(pages: Sequence[TrainingPage], vectors: Sequence[Sequence[Features | None]],
              hard: Sequence[set[int]] = (), offsets: Sequence[Sequence[float]] = (),
              hard_weight: float = 0.0) -> list[Example]:
    out: list[Example] = []
    for n, (page, vecs) in enumerate(zip(pages, vectors, strict=True)):
        extra = hard[n] if hard else set()
        for i, (label, vec) in enumerate(zip(page.labels, vecs, strict=True)):
            if vec is None or label is None or page.features.local[i] is None:
                continue
            offset = offsets[n][i] if offsets else 0.0
            if label >= 0:
                out.append(Example(vec, label, page.weights[i], offset))
            elif i in extra:
                out.append(Example(vec, 0, page.weights[i] * hard_weight, offset))
    return out


def _fit_local(pages: Sequence[TrainingPage], reg: Regularisation) -> list[float]:
    """Local weights: a first fit, then a second with every reserved negative the first scores above
    :data:`HARD_NEGATIVE` (the kept wcxb-dev blocks that look most like publisher text)."""
    size = HASH_OFFSET + HASH_BUCKETS
    local = [p.features.local for p in pages]
    first = fit(_examples(pages, local), size, HASH_OFFSET, reg)
    hard = [{i for i, (label, vec) in enumerate(zip(p.labels, p.features.local, strict=True))
             if label == -1 and vec is not None and sigmoid(logit(first, vec)) > HARD_NEGATIVE} for p in pages]
    return fit(_examples(pages, local, hard, hard_weight=HARD_WEIGHT), size, HASH_OFFSET, reg)


def _repeated(pages: Sequence[TrainingPage]) -> list[list[bool]]:
    """Which blocks of each labelled article another article of the same house style has too (as the cleaner's
    memory of a site would say)."""
    seen: dict[tuple[str, str], set[str]] = {}
    for p in pages:
        if p.style != "wcxb":
            for text in p.texts:
                seen.setdefault((p.style, text), set()).add(p.group)
    return [[p.style != "wcxb" and len(seen[(p.style, text)]) > 1 for text in p.texts] for p in pages]


def train_model(pages: Sequence[TrainingPage], reg: Regularisation | None = None, threshold: float = THRESHOLD,
                about: dict[str, Any] | None = None) -> Model:
    """The two-stage model of ``pages``. The context model learns from local logits of a model that did not
    see the page (two folds by page group), so it trusts them as much as they deserve on unseen pages."""
    reg = reg or LOCAL_REG
    folds = [[p for p in pages if zlib.crc32(p.group.encode()) % 2 == k] for k in (0, 1)]
    logits: dict[str, list[float]] = {}
    for k in (0, 1):
        weights = _fit_local([p for p in folds[1 - k] if LOCAL_WCXB or p.style != "wcxb"], reg)
        for p in folds[k]:
            logits[p.group] = local_logits(weights, p.features)
    repeated = _repeated(pages)
    contexts = [page_context(p.features, logits[p.group], r) for p, r in zip(pages, repeated, strict=True)]
    hard = [{i for i, label in enumerate(p.labels) if label == -1 and logits[p.group][i] > 0} for p in pages]
    offsets = [logits[p.group] for p in pages]
    examples = _examples(pages, contexts, hard, offsets, CONTEXT_HARD_WEIGHT)
    context = fit(examples, len(CONTEXT_NAMES), len(CONTEXT_NAMES),
                  Regularisation(dense=1e-3, epochs=reg.epochs, rate=reg.rate, seed=reg.seed))
    return Model.from_weights(_fit_local([p for p in pages if LOCAL_WCXB or p.style != "wcxb"], reg), context,
                              threshold, about)
