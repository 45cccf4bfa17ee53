"""The learned attribution step: which candidate speaker a quotation is credited to.

For each quotation the attributor (:mod:`.attribution`) gathers candidates — every attribution event whose cue
stands in the quotation's sentence or the two paragraphs before it, the name signing it after a dash, the
subject of a colon introduction, the person the writer's sentence before it is about, the speaker of the
previous quotation — and "nobody". Each candidate is described by features stating general facts of news writing
(:func:`features`): where its cue stands (after or before the quote in its sentence, how many cues and quotations
lie between, sentences and paragraphs away), whether the quote closes its sentence or runs on, what kind of
mention the subject is (a name, a pronoun, a description, an organisation, a document), whether it resolved to
an entity, whether it holds the floor (spoke the previous quotation). A linear model scores them; the best is
the speaker. Rules still find the cues and their subjects; the model only decides between them.

The weights (``speaker_weights.json``) come from ``scripts/train_speakers.py``: a conditional logit (softmax over
one quotation's candidates) trained on ggt, polnear-dev and the team's development articles, deterministic,
pure Python. Inference is a sum of a few weights per candidate.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat

WEIGHTS_FILE = "speaker_weights.json"


@dataclass(frozen=True, slots=True)
class Situation:
    """What is known of the quotation itself."""

    #: the quote's content ends a sentence ("… go deeper.”") and no lower-case word or comma follows it
    closed: bool
    #: the quote opens its paragraph
    opens: bool
    #: the quote stands inside a sentence of the writer's (words before it that are no introduction)
    embedded: bool


@dataclass(frozen=True, slots=True)
class Place:
    """Where a candidate stands relative to the quotation."""

    #: "after", "before" (in the quote's sentence), "prev" (the sentence before, same paragraph), "earlier"
    #: (further back in the paragraph), "para1", "para2" (paragraphs back), "dash", "colon", "topic", "floor"
    where: str
    #: how many candidates of the same place stand closer to the quote
    rank: int
    #: quotation marks opened between the cue and the quote
    quotes_between: int
    #: characters between the cue and the quote
    distance: int


def _bucket(n: int) -> str:
    return "0" if n < 20 else "1" if n < 60 else "2" if n < 150 else "3" if n < 400 else "4"


def features(  # noqa: PLR0917 - one candidate's facts, each a different kind
    place: Place,
    situation: Situation,
    kind: str,
    inverted: bool,
    mention: str,
    resolved: str,
    cue_class: str,
    rival: str,
    floor: bool,
    same_as_floor: bool,
    rule: bool,
) -> list[str]:
    """The features of one candidate speaker (a cue event) of a quotation. ``cue_class`` is what its cue is
    (a speech verb, a stance verb, a naming verb before its object's quote, a participle); ``rival`` the class of
    the nearest cue on the other side of the quote in its sentence ("none" when there is none)."""
    w = place.where
    closed = "c" if situation.closed else "o"
    out = [
        f"w={w}",
        f"w={w}|r={min(place.rank, 2)}",
        f"w={w}|q={min(place.quotes_between, 2)}",
        f"w={w}|d={_bucket(place.distance)}",
        f"w={w}|closed={closed}",
        f"w={w}|open={situation.opens}",
        f"w={w}|emb={situation.embedded}",
        f"w={w}|k={kind}",
        f"w={w}|inv={inverted}",
        f"k={kind}",
        f"m={mention}",
        f"w={w}|m={mention}",
        f"res={resolved}",
        f"m={mention}|res={resolved}",
    ]
    out.append(f"w={w}|cc={cue_class}")
    out.append(f"w={w}|rival={rival}")
    out.append(f"w={w}|cc={cue_class}|rival={rival}")
    if floor:
        out.append("floor")
        out.append(f"floor|w={w}")
    if rule:
        out.append("rule")
        out.append(f"rule|w={w}")
    if same_as_floor:
        out.append("same_as_floor")
        out.append(f"same_as_floor|w={w}")
    return out


def null_features(situation: Situation) -> list[str]:
    """The features of "nobody said it"."""
    return [
        "null",
        f"null|closed={situation.closed}",
        f"null|open={situation.opens}",
        f"null|emb={situation.embedded}",
    ]


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The shipped weights (without them, the hand-ordered rules' pick wins)."""
    try:
        raw = resources.files("docingest.claims").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {"rule": 1.0}
    data = json.loads(raw)
    return {str(k): float(v) for k, v in data["weights"].items()}


def score(feats: list[str], model: dict[str, float]) -> float:
    """A candidate's score: the sum of its features' weights (unknown features weigh nothing)."""
    return sum(map(model.get, feats, repeat(0.0)))
