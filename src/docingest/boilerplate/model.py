"""The boilerplate model at run time: shipped weights, a page's blocks in, a score and a class per block out.

:class:`Model` holds the weight vectors of ``weights.json`` (first-pass, local and context logistic regressions,
see :mod:`.features`; the page classifier, see :mod:`.page`) and the decision thresholds. :meth:`Model.gate` says
whether a page is judged at all and from which score its blocks are removed; :meth:`Model.judge` scores the blocks
of one page:

1. each block's local logit (blocks too long to judge, code and tables get :data:`~.features.LONG_LOGIT`);
2. each block's context features from those logits, and the context's correction of the local logit, bounded
   by :data:`CONTEXT_BOUND` (the neighbours can tip a doubtful block, never overturn a clear one): the model's
   score is the sigmoid of the local logit plus that correction;
3. the block's class — what kind of publisher text it looks like — from the feature group whose features add
   most to its local logit.

A block that holds a quotation gets no score above zero: it is never removed.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Protocol

from .cohesion import COHESION_BINARY, Words, cohesion, words_of
from .features import (
    COHESION_AT,
    CONTEXT_NAMES,
    HASH_BUCKETS,
    HASH_OFFSET,
    LOCAL_NAMES,
    LONG_LOGIT,
    MAX_JUDGED,
    PAIR_OFFSET,
    SITE_NAMED,
    Features,
    active_flags,
    context_features,
    cross_pairs,
    holds_quotation,
    local_features,
    may_report,
    names_site,
    outside_quotes,
    readable,
    reports,
    with_pairs,
)
from .page import PAGE_NAMES, page_kind_features
from .train import logit, sigmoid

WEIGHTS_FILE = "weights.json"
#: A page that reports is judged at the model's threshold: at least this many blocks attribute statements (an
#: attribution verb or a quotation). Another page is judged only when the page classifier reads it as an editorial
#: article (:meth:`Model.gate`): on product, service and documentation pages, how-tos and forums nearly every block
#: addresses the reader.
REPORTING_GATE = 3
#: ... and at least this many blocks must be paragraphs of prose: a page of headlines and teasers (a front page,
#: a listing) has no story for the publisher to insert its text into.
PROSE_GATE = 2
PROSE_CHARS = 150
#: The most the context may raise a block's logit (it may lower it by up to :data:`CONTEXT_VETO`): neighbours can
#: tip a doubtful block, never make a clear story paragraph the publisher's; a page whose every block reads like
#: an appeal to the reader (a how-to, a product page) can overrule them all.
CONTEXT_BOUND = 1.5
CONTEXT_VETO = 8.0
#: Local logits are clipped to this before the context corrects them (a block's wording alone is never so sure
#: that its page cannot overrule it).
LOCAL_CLIP = 6.0
#: A block whose first-pass logit is below this is story for cohesion (the document other blocks are compared
#: with).
FIRST_STORY = 0.0
#: A block with at least this share of its text in links is mostly a link.
LINKED = 0.5
#: How far below the threshold a score bound may fall and the block still be scored (rounding of the sums).
_MARGIN = 1e-9
#: Kinds never judged: code listings and tables are content, whatever they say.
UNJUDGED = frozenset({"code", "table"})

#: The classes of publisher text, each with the local features that speak for it (the class of a removal is
#: the one whose features add most to the block's logit).
CLASSES: dict[str, tuple[str, ...]] = {
    "subscription pitch": ("has_support", "has_money", "has_period", "has_offer"),
    "product promo": ("has_product",),
    "tip line": ("has_contact", "has_email", "has_phone", "has_messaging"),
    "share prompt": ("has_social", "has_handle"),
    "credit": ("has_credit", "slash_credit", "by_credit"),
    "legal notice": ("has_legal", "has_self_doc"),
    "author bio": ("has_bio", "about_label"),
    "related link": ("has_related", "all_links", "link_density"),
}
_CLASS_OF = {LOCAL_NAMES.index(f): name for name, fs in CLASSES.items() for f in fs}
PERKS = "member perks"
GENERIC = "publisher text"


@dataclass(frozen=True, slots=True)
class BlockView:
    """What the model reads of a block: its text, kind and markup hints."""

    text: str
    kind: str = "paragraph"
    link_density: float = 0.0
    hinted: bool = False


@dataclass(frozen=True, slots=True)
class Judgement:
    """The model's view of one block: its score (probability of publisher text) and its class."""

    score: float
    label: str
    quoted: bool


@dataclass(frozen=True, slots=True)
class PageFeatures:
    """What the model reads of a page: each block's local features (``None`` for a block not judged) and the
    flags they hold, each block's words (for cohesion, see :mod:`.cohesion`), the title's, and the shapes the
    context features need."""

    local: tuple[Features | None, ...]
    flags: tuple[tuple[int, ...], ...]
    words: tuple[Words, ...]
    title: Words | None
    texts: tuple[str, ...]
    sizes: tuple[int, ...]
    kinds: tuple[str, ...]
    ends_colon: tuple[bool, ...]
    linked: tuple[bool, ...]
    addresses_reader: tuple[bool, ...]
    speaks_as_we: tuple[bool, ...]
    names_site: tuple[bool, ...]
    says: tuple[bool, ...]
    reports: tuple[bool, ...]
    quoted: tuple[bool, ...]


_YOU = LOCAL_NAMES.index("has_you")
_SAID = LOCAL_NAMES.index("has_said")
_WE = LOCAL_NAMES.index("has_we")
_SAY = LOCAL_NAMES.index("has_say")
_CACHE: dict[tuple[str, float, bool, bool], tuple[Features | None, tuple[int, ...], bool, Words]] = {}
_CACHE_SIZE = 2048


_NAMED: dict[tuple[str, str], bool] = {}


def _names_site(text: str, site: str) -> bool:
    """:func:`~.features.names_site`, remembered (every judging round asks it of every block)."""
    key = (text, site)
    found = _NAMED.get(key)
    if found is None:
        if len(_NAMED) >= _CACHE_SIZE:
            _NAMED.clear()
        found = _NAMED[key] = names_site(text, site)
    return found


def _read(b: BlockView, site: str) -> tuple[Features | None, tuple[int, ...], bool, Words]:
    """One block's local features (with their pairs), its active flags, whether it quotes, and its words."""
    named = bool(site) and _names_site(b.text, site)
    key = (b.text, round(b.link_density, 2), b.hinted, named) if b.kind not in UNJUDGED else (b.text, -1.0, False,
                                                                                              False)
    found = _CACHE.get(key)
    if found is None:
        outside = outside_quotes(b.text)
        words = words_of(b.text, outside[0])
        if len(b.text) > MAX_JUDGED or b.kind in UNJUDGED or not readable(b.text):
            found = (None, (), True, words)
        else:
            features = local_features(b.text, link_density=b.link_density, hinted=b.hinted, outside=outside)
            if named:
                features = sorted([*features, (SITE_NAMED, 1.0)])
            flags = active_flags(features)
            found = (with_pairs(features, flags), flags, holds_quotation(b.text), words)
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[key] = found
    return found


def page_features(blocks: Sequence[BlockView], site: str = "", title: str | None = None) -> PageFeatures:
    """What the model reads of a page (``site``: the publication's name, see :func:`~.features.site_phrase`;
    ``title``: the document's title)."""
    read = [_read(b, site) for b in blocks]
    local = tuple(r[0] for r in read)
    flags = tuple(r[1] for r in read)  # the binary features set, each 1.0: a look-up says what a block does
    quoted = tuple(r[2] for r in read)
    return PageFeatures(
        local=local,
        flags=flags,
        words=tuple(r[3] for r in read),
        title=words_of(title, outside_quotes(title)[0]) if title else None,
        texts=tuple(b.text for b in blocks),
        sizes=tuple(len(b.text) for b in blocks),
        kinds=tuple(b.kind for b in blocks),
        ends_colon=tuple(b.text.rstrip().endswith(":") for b in blocks),
        linked=tuple(b.link_density >= LINKED for b in blocks),
        addresses_reader=tuple(_YOU in fl for fl in flags),
        speaks_as_we=tuple(_WE in fl for fl in flags),
        names_site=tuple(SITE_NAMED in fl for fl in flags),
        says=tuple(_SAY in fl for fl in flags),
        reports=tuple(f is not None and (q or _SAID in fl) for f, fl, q in zip(local, flags, quoted, strict=True)),
        quoted=quoted,
    )


_REPORTS: dict[str, bool] = {}


class _Texted(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def link_density(self) -> float: ...


class _Kinded(_Texted, Protocol):
    @property
    def kind(self) -> str: ...


def reporting(blocks: Sequence[_Texted]) -> bool:
    """Is the page a story that reports: at least :data:`REPORTING_GATE` blocks attribute statements, and at
    least :data:`PROSE_GATE` are paragraphs of prose (:data:`PROSE_CHARS` characters or more, mostly not links)?"""
    return has_prose(blocks) and attributions(blocks, REPORTING_GATE) >= REPORTING_GATE


def has_prose(blocks: Sequence[_Texted]) -> bool:
    """Are at least :data:`PROSE_GATE` of the blocks paragraphs of prose (:data:`PROSE_CHARS` characters or more,
    mostly not links)? A page of headlines and teasers has no story for the publisher to insert its text into."""
    prose = 0
    for b in blocks:
        if len(b.text) >= PROSE_CHARS and b.link_density < LINKED:
            prose += 1
            if prose >= PROSE_GATE:
                return True
    return False


def attributions(blocks: Sequence[_Texted], enough: int) -> int:
    """How many of the blocks attribute statements (an attribution verb, a quotation), counted up to ``enough``;
    remembered by text."""
    count = 0
    unknown: list[str] = []
    for b in blocks:
        found = _REPORTS.get(b.text)
        if found is None:
            unknown.append(b.text)
        elif found:
            count += 1
    if count < enough and unknown:
        if len(_REPORTS) + len(unknown) > _CACHE_SIZE:
            _REPORTS.clear()
        candidates = may_report(unknown)
        maybe = {unknown[i] for i in candidates}
        _REPORTS.update((text, False) for text in unknown if text not in maybe)  # no attribution verb: no report
        for i in candidates:
            found = _REPORTS.get(unknown[i])
            if found is None:
                found = _REPORTS[unknown[i]] = reports(unknown[i])
            count += found
            if count >= enough:
                break
    return min(count, enough)


def _clip(z: float) -> float:
    return max(-LOCAL_CLIP, min(LOCAL_CLIP, z))


def logits_of(weights: Sequence[float], features: Sequence[Features | None]) -> list[float]:
    """Each block's logit, clipped to :data:`LOCAL_CLIP` (:data:`LONG_LOGIT` for a block not judged)."""
    return [LONG_LOGIT if f is None else _clip(logit(weights, f)) for f in features]


def story_mask(first: Sequence[float]) -> list[bool]:
    """The blocks the first pass reads as story (they make the document cohesion compares with)."""
    return [z < FIRST_STORY for z in first]


def cohesion_features(flags: Sequence[int], found: dict[str, float]) -> Features:
    """A block's cohesion numbers as features, with the pairs of its cohesion flag with its other ``flags``: what
    :func:`with_cohesion` appends to its local features."""
    extra = [(COHESION_AT[name], value) for name, value in found.items()]
    for name in COHESION_BINARY:
        if name in found:
            extra += cross_pairs(flags, COHESION_AT[name])
    return extra


def with_cohesion(page: PageFeatures, story: Sequence[bool]) -> list[Features | None]:
    """Each judged block's local features with its cohesion numbers (and the pairs of its cohesion flag with its
    other flags) added."""
    numbers = cohesion(page.words, page.title, story, page.texts)
    return [None if f is None else [*f, *cohesion_features(flags, found)]
            for f, flags, found in zip(page.local, page.flags, numbers, strict=True)]


def page_context(page: PageFeatures, logits: Sequence[float], repeated: Sequence[bool],
                 only: Collection[int] | None = None) -> list[Features]:
    """The context features of every block of a page (of the blocks at the indices ``only``, in page order)."""
    return context_features(logits, sizes=page.sizes, kinds=page.kinds, ends_colon=page.ends_colon,
                            addresses_reader=page.addresses_reader, reports=page.reports, repeated=repeated,
                            linked=page.linked, we=page.speaks_as_we, site=page.names_site, says=page.says,
                            only=only)


@dataclass(frozen=True)
class PageGate:
    """The page classifier (:mod:`.page`): its weights, the probability of being an editorial article from which
    a page that does not report is judged, and the score from which that page's blocks are removed."""

    weights: Sequence[float]
    threshold: float
    strict: float


class Model:
    """The three logistic regressions (first pass, local, context), the page classifier and the thresholds of
    ``weights.json``."""

    def __init__(self, data: dict[str, Any]) -> None:
        gate = data.get("page")
        #: The page classifier's weights (:mod:`.page`), or None for the reporting gate alone (:func:`reporting`).
        self.page = None if gate is None else [float(gate["weights"].get(name, 0.0)) for name in PAGE_NAMES]
        #: The probability of being an editorial article from which a page that does not report is judged ...
        self.page_threshold = 1.0 if gate is None else float(gate["threshold"])
        #: ... and the score from which its blocks are removed.
        self.strict_threshold = 1.0 if gate is None else float(gate["strict"])
        self.first = _vector(data["first"])
        self.local = _vector(data["local"])
        self.context = [float(data["context"].get(name, 0.0)) for name in CONTEXT_NAMES]
        self.threshold = float(data["threshold"])
        self.data = data
        self._memo: dict[int, tuple[Features, float, float]] = {}

    @classmethod
    def from_weights(cls, first: Sequence[float], local: Sequence[float], context: Sequence[float],
                     threshold: float, about: dict[str, Any] | None = None, *, page: PageGate | None = None) -> Model:
        """A model from trained weight vectors (rounded as they are when written) and the page classifier."""
        return cls(weights_data(first, local, context, threshold, about or {}, page=page))

    def gate(self, blocks: Sequence[_Kinded]) -> float | None:
        """The score from which the page's blocks are removed, or None when it is not judged at all: a page that
        reports (:func:`reporting`) at :attr:`threshold`; a page that does not, but that the page classifier reads
        as an editorial article (:mod:`.page`), at :attr:`strict_threshold`."""
        if not has_prose(blocks):
            return None
        count = attributions(blocks, REPORTING_GATE)  # (exact when under the gate)
        if count >= REPORTING_GATE:
            return self.threshold
        if self.page is None or sigmoid(logit(self.page, page_kind_features(blocks, count))) < self.page_threshold:
            return None
        return self.strict_threshold

    def logits(self, page: PageFeatures) -> list[float]:
        """Each block's local logit: a first pass without cohesion says which blocks are story, then the local
        model reads every block with its cohesion with that story."""
        bases = [None if f is None else self._bases(f) for f in page.local]
        story = story_mask([LONG_LOGIT if b is None else _clip(b[0]) for b in bases])
        numbers = cohesion(page.words, page.title, story, page.texts)
        weights = self.local
        out: list[float] = []
        for base, flags, found in zip(bases, page.flags, numbers, strict=True):
            if base is None:
                out.append(LONG_LOGIT)
                continue
            z = base[1]  # the sum over the local features, then on over the cohesion ones: as logit() adds them
            for i, v in cohesion_features(flags, found):
                z += weights[i] * v
            out.append(_clip(z))
        return out

    def _bases(self, features: Features) -> tuple[float, float]:
        """The first-pass logit of a block's local features, and the local model's sum over them (before the
        cohesion features): remembered, as judging rounds read the same blocks again."""
        key = id(features)
        found = self._memo.get(key)
        if found is None or found[0] is not features:  # (the list is kept: its id cannot be reused meanwhile)
            if len(self._memo) >= _CACHE_SIZE:
                self._memo.clear()
            found = self._memo[key] = (features, logit(self.first, features), logit(self.local, features))
        return found[1], found[2]

    def judge(self, blocks: Sequence[BlockView], site: str = "", repeated: Sequence[bool] | None = None,
              title: str | None = None) -> list[Judgement]:
        """The score and the class of every block of a page (all zero on a page the model does not judge)."""
        if self.gate(blocks) is None:
            return [Judgement(0.0, GENERIC, False) for _ in blocks]
        page, scored = self._scored(blocks, site, repeated, title, None)
        return [scored.get(i) or Judgement(0.0, GENERIC, q) for i, q in enumerate(page.quoted)]

    def removals(self, blocks: Sequence[BlockView], site: str = "", repeated: Sequence[bool] | None = None,
                 title: str | None = None, *, threshold: float | None = None) -> dict[int, Judgement]:
        """The blocks :meth:`judge` scores at least the page's threshold (:meth:`gate`), by index, with the same
        judgements (cheaper: the context is read only for blocks whose local logit leaves it a chance to reach the
        threshold). A caller that has already asked :meth:`gate` passes its answer as ``threshold``."""
        threshold = self.gate(blocks) if threshold is None else threshold
        if threshold is None:
            return {}
        _, scored = self._scored(blocks, site, repeated, title, threshold)
        return {i: j for i, j in scored.items() if j.score >= threshold}

    def _scored(self, blocks: Sequence[BlockView], site: str, repeated: Sequence[bool] | None, title: str | None,
                threshold: float | None) -> tuple[PageFeatures, dict[int, Judgement]]:
        """The page's features and the judgements of its blocks that are judged and hold no quotation (given a
        ``threshold``, only of those that may reach it: the context adds at most :data:`CONTEXT_BOUND`)."""
        page = page_features(blocks, site, title)
        logits = self.logits(page)
        judged = [i for i, (f, q) in enumerate(zip(page.local, page.quoted, strict=True)) if f is not None and not q]
        if threshold is not None:
            judged = [i for i in judged if sigmoid(logits[i] + CONTEXT_BOUND) >= threshold - _MARGIN]
        context = page_context(page, logits, repeated or [False] * len(blocks), frozenset(judged))
        out: dict[int, Judgement] = {}
        for i, features in zip(judged, context, strict=True):
            local = page.local[i]
            assert local is not None
            score = sigmoid(logits[i] + self.correction(features))
            out[i] = Judgement(score, self._label(local, features) if score >= self.threshold else GENERIC, False)
        return page, out

    def local_scores(self, blocks: Sequence[BlockView]) -> list[float]:
        """Each block's score on its own (first pass: no page, no context, no reporting gate): for text found
        outside the story, such as page chrome that tree cleaners removed."""
        page = page_features(blocks)
        return [0.0 if f is None or q else sigmoid(z) for f, q, z in
                zip(page.local, page.quoted, logits_of(self.first, page.local), strict=True)]

    def correction(self, context: Features) -> float:
        """The context's correction of a block's local logit."""
        return max(-CONTEXT_VETO, min(CONTEXT_BOUND, logit(self.context, context)))

    def _label(self, local: Features, context: Features) -> str:
        by_class: dict[str, float] = {}
        for i, v in local:
            name = _CLASS_OF.get(i)
            if name is not None and self.local[i] * v > 0:  # what speaks for the class
                by_class[name] = by_class.get(name, 0.0) + self.local[i] * v
        perks = sum(self.context[i] * v for i, v in context
                    if CONTEXT_NAMES[i] in ("prev_lead", "list_chain"))
        best = max(by_class.items(), key=lambda item: item[1], default=(GENERIC, 0.0))
        if perks > 0 and perks >= best[1]:
            return PERKS
        return best[0] if best[1] > 0 else GENERIC


def _vector(data: dict[str, Any]) -> list[float]:
    """A weight vector from its sparse form in the weights file."""
    weights = [0.0] * (HASH_OFFSET + HASH_BUCKETS)
    for name, w in data["named"].items():
        weights[LOCAL_NAMES.index(name)] = float(w)
    for pair, w in data.get("pairs", {}).items():
        a, b = (LOCAL_NAMES.index(name) for name in pair.split("&"))
        weights[PAIR_OFFSET + a * len(LOCAL_NAMES) + b] = float(w)
    for bucket, w in data.get("hashed", {}).items():
        weights[HASH_OFFSET + int(bucket)] = float(w)
    return weights


def _sparse(weights: Sequence[float]) -> dict[str, Any]:
    """A weight vector's sparse form: named weights, non-zero pair and hashed weights, rounded to 4 decimals."""
    n = len(LOCAL_NAMES)
    return {
        "named": {name: round(weights[i], 4) for i, name in enumerate(LOCAL_NAMES)},
        "pairs": {f"{a}&{b}": round(weights[PAIR_OFFSET + i * n + j], 4)
                  for i, a in enumerate(LOCAL_NAMES) for j, b in enumerate(LOCAL_NAMES)
                  if j > i and round(weights[PAIR_OFFSET + i * n + j], 3) != 0.0},
        "hashed": {str(b): round(weights[HASH_OFFSET + b], 4) for b in range(HASH_BUCKETS)
                   if round(weights[HASH_OFFSET + b], 3) != 0.0},
    }


def weights_data(first: Sequence[float], local: Sequence[float], context: Sequence[float], threshold: float,
                 about: dict[str, Any], *, page: PageGate | None = None) -> dict[str, Any]:
    """The content of ``weights.json``."""
    gate = {} if page is None else {"page": {
        "weights": {name: round(page.weights[i], 4) for i, name in enumerate(PAGE_NAMES)},
        "threshold": round(page.threshold, 4), "strict": round(page.strict, 4)}}
    return {
        **gate,
        "format": 2,
        "about": about,
        "threshold": round(threshold, 4),
        "first": _sparse(first),
        "local": _sparse(local),
        "context": {name: round(context[i], 4) for i, name in enumerate(CONTEXT_NAMES)},
    }


def dumps(data: dict[str, Any]) -> str:
    """``weights.json`` as written (stable key order, one line per section)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n"


@cache
def shipped() -> Model:
    """The model shipped with docingest."""
    text = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return Model(json.loads(text))
