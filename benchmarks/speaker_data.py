"""Training data for the speaker ranker (:mod:`docingest.claims.ranker`): every quotation of the development sets
with its candidate speakers, their features, which are right, and which one the hand-ordered rules pick.

Sets (development only; the validation sets w4/w6 and the held-out promos corpus are never read here):
- ``ggt`` and ``polnear-dev`` (``../shared/corpora/quotes``): direct quotes; a candidate is right when its
  subject mention overlaps the gold speaker span, or its name shares a word with the gold name (ggt's
  ``speaker_coref``, polnear's speaker as written);
- the seed and the house styles w1, w2, w3, w5 (``tests/data/house_styles``): every labelled quotation; a
  candidate is right when its name is the canonical speaker, or names the same person in another form (the
  ranker chooses mentions; canonical forms are another step's), and "nobody" (or an unnamed source) is right
  for a quotation the gold credits to nobody.
Each quotation belongs to a *group* for cross-validation: ``ggt``, ``polnear`` or the house style's name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from benchmarks.bench_quotes import _content, labelled
from benchmarks.common import ROOT, shared_dir
from benchmarks.speaker_breakdown import same_entity
from docingest.claims.quotes import attributor
from docingest.pipeline import _paragraph_spans

_WORD = re.compile(r"\w+")
_STOP = frozenset({"the", "a", "an", "of", "for", "and", "mr", "mrs", "ms", "dr", "he", "she", "they", "it", "we"})


@dataclass(frozen=True, slots=True)
class Example:
    group: str
    #: each candidate's features
    candidates: list[list[str]]
    #: which candidates are right
    right: list[bool]
    #: the candidate the hand-ordered rules pick (index)
    rule: int


def _words(s: str) -> set[str]:
    return {w for w in _WORD.findall(s.casefold())} - _STOP


def _overlaps(a: tuple[int, int] | None, b: list[int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _examples(text: str, group: str, label: object) -> Iterator[Example]:
    """``label(q, ev)`` says whether event ``ev`` (``None``: nobody) is right for quote ``q``, or ``None`` when
    ``q`` is not in the gold."""
    attr = attributor(text, _paragraph_spans(text))
    previous = None
    for q in attr.quotes:
        cands = attr.candidates(q, previous)
        idx = next(i for i, (_, feats) in enumerate(cands) if "rule" in feats)
        previous = (q, cands[idx][0])  # the floor as the rules hold it
        right = [label(q, ev) for ev, _ in cands]  # type: ignore[operator]
        if right[0] is None:
            continue
        yield Example(group, [f for _, f in cands], [bool(r) for r in right], idx)


def gold_set(dataset: str) -> Iterator[Example]:
    base = shared_dir() / "corpora" / "quotes" / dataset
    gold: dict[str, list[dict[str, object]]] = {}
    for line in (base / "gold.jsonl").open(encoding="utf-8"):
        g = json.loads(line)
        if g["kind"] == "direct":
            gold.setdefault(g["doc"], []).append(g)
    group = "ggt" if dataset == "ggt" else "polnear"
    for doc in sorted(gold):
        text = (base / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
        gs = gold[doc]

        def label(q: object, ev: object, gs: list[dict[str, object]] = gs, text: str = text) -> bool | None:
            s, e = q.start, q.end  # type: ignore[attr-defined]
            g = next(
                (
                    g
                    for g in gs
                    if min(e, g["content_span"][1]) - max(s, g["content_span"][0])  # type: ignore[index]
                    > 0.5 * (e - s)
                ),
                None,
            )
            if g is None:
                return None
            if ev is None:
                return False
            if _overlaps(ev.mention, g.get("speaker_span")):  # type: ignore[attr-defined, arg-type]
                return True
            want = _words(str(g.get("speaker_coref") or g.get("speaker") or ""))
            name = ev.name or ""  # type: ignore[attr-defined]
            return bool(name) and bool(_words(name) & want)

        yield from _examples(text, group, label)


def labelled_set(name: str) -> Iterator[Example]:
    styles = {}
    if name not in ("seed", "promos"):
        for part in ("w1", "w2") if name == "w1w2" else (name,):
            path = ROOT / "tests" / "data" / "house_styles" / f"{part}.jsonl"
            for line in path.open(encoding="utf-8"):
                row = json.loads(line)
                styles[row["id"]] = row["style"]
    for doc, text, quotes in labelled(name):
        attr = attributor(text, _paragraph_spans(text))
        wanted = [(_content(c), s) for c, s in quotes]
        by_quote: dict[int, str | None] = {}
        at = 0
        for q in attr.quotes:
            if at < len(wanted) and _content(text[q.start : q.end]) == wanted[at][0]:
                by_quote[q.open] = wanted[at][1]
                at += 1

        def label(q: object, ev: object, by_quote: dict[int, str | None] = by_quote) -> bool | None:
            opened = q.open  # type: ignore[attr-defined]
            if opened not in by_quote:
                return None
            gold = by_quote[opened]
            name = ev.name if ev is not None else None  # type: ignore[attr-defined]
            if gold is None:
                return name is None
            return name is not None and (name.casefold() == gold.casefold() or same_entity(name, gold))

        yield from _examples(text, styles.get(doc, name), label)


def development() -> list[Example]:
    """Every development example, in a fixed order."""
    out = [*gold_set("ggt"), *gold_set("polnear-dev")]
    for name in ("seed", "w1w2", "w3", "w5"):
        out.extend(labelled_set(name))
    return out
