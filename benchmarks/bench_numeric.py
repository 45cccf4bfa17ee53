"""Numeric-claims benchmark: docingest's numeric claims against the hand-annotated gold set.

    .venv/bin/python -m benchmarks.bench_numeric [--show dev]

Gold: ``tests/data/numeric_gold`` (40 articles of ``../shared/corpora/quotes``, 373 numeric statements; see its
README). Each article is ``part: dev`` (the numeric rules were tuned on it) or ``test`` (held out: measured,
never tuned on; ``--show`` refuses it). A predicted numeric claim matches a gold entry (one to one, in order)
when their quantity spans share a character. Reported per part: precision, recall, F1; on matched pairs the
share with the gold value (and ``value_max``), unit (money and percent only: counted nouns are worded freely),
qualifier, and speaker (canonical name, case aside; ``None`` must match ``None``; an unnamed source, whose
``Claim.speaker`` is ``None``, by its mention as the gold keeps it); whether ``Quantity.measured``
names the same thing as the gold's ``measured`` (their head nouns agree: the last word before a preposition or
relative pronoun, lower-cased, without a plural or possessive ending: "ice rinks in Fleetwood" → "rink"); and
how much of the gold clause the claim's text covers (character overlap / the longer of the two).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from typing import Any

import docingest
from benchmarks.common import ROOT, shared_dir, table

GOLD = ROOT / "tests" / "data" / "numeric_gold"
_MONEY = {"USD", "CAD", "EUR", "GBP", "AUD", "JPY", "CNY", "INR", "CHF", "percent", "percentage_points"}


def _rows(name: str) -> list[dict[str, Any]]:
    with (GOLD / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


_STOP = re.compile(
    r"\s(?:of|in|on|for|at|to|from|by|with|that|which|who|whose|per|before|after|since|during|over|under|than|"
    r"relative|compared|between|against|across|among|about|if|when|as)\s"
)


def head_noun(phrase: str | None) -> str:
    """The head noun of a measured phrase: its last word before a preposition or relative pronoun, lower-cased,
    without a plural or possessive ending ("ice rinks in Fleetwood" → "rink"; "TransLink's shortfall" →
    "shortfall")."""
    if not phrase:
        return ""
    words = _STOP.split(f" {phrase.lower()} ", maxsplit=1)[0].split()
    if not words:
        return ""
    word = re.sub(r"[’']s?$", "", words[-1].strip(".,;:()“”\"'"))
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, inter) / max(a[1] - a[0], b[1] - b[0], 1)


def score(part: str, show: bool) -> dict[str, float]:
    gold = _rows("gold.jsonl")
    tp = npred = ngold = 0
    value_ok = unit_ok = unit_n = qual_ok = speaker_ok = measured_ok = 0
    clause_cover = 0.0
    for doc in _rows("docs.jsonl"):
        if doc["part"] != part:
            continue
        path = shared_dir() / "corpora" / "quotes" / doc["dataset"] / "docs" / f"{doc['doc']}.txt"
        text = path.read_bytes().decode("utf-8")
        golds = [g for g in gold if g["doc"] == doc["doc"]]
        preds = [c for c in docingest.extract_claims(text) if c.kind == "numeric" and c.quantity is not None]
        npred += len(preds)
        ngold += len(golds)
        used: set[int] = set()
        for c in preds:
            q = c.quantity
            assert q is not None
            hit = next(
                (
                    i
                    for i, g in enumerate(golds)
                    if i not in used and _overlap((q.span.start, q.span.end), g["quantity_span"]) > 0
                ),
                None,
            )
            if hit is None:
                if show:
                    print(f"FP {doc['doc'][:12]} {q.surface!r}: {text[max(0, q.span.start - 60) : q.span.end + 40]!r}")
                continue
            used.add(hit)
            g = golds[hit]
            tp += 1
            same_max = (g["value_max"] is None) == (q.value_max is None) and (
                g["value_max"] is None or math.isclose(g["value_max"], q.value_max or 0.0, rel_tol=1e-3)
            )
            value_ok += math.isclose(g["value"], q.value, rel_tol=1e-3) and same_max
            if g["unit"] in _MONEY:
                unit_n += 1
                unit_ok += g["unit"] == q.unit
            qual_ok += g["qualifier"] == q.qualifier
            # the gold keeps an unnamed source's description ("officials"): Claim.speaker is None there, the
            # mention tells it
            said = c.speaker or (c.speaker_mention.text if c.speaker_mention else "")
            speaker_ok += (g["speaker"] or "").casefold() == said.casefold()
            clause_cover += _overlap((c.span.start, c.span.end), g["clause_span"])
            measured_ok += bool(head_noun(q.measured)) and head_noun(q.measured) == head_noun(g["measured"])
        if show:
            for i, g in enumerate(golds):
                if i not in used:
                    s, e = g["quantity_span"]
                    print(f"FN {doc['doc'][:12]} {g['surface']!r}: {text[max(0, s - 60) : e + 40]!r}")
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {
        "gold": ngold,
        "pred": npred,
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "value": value_ok / tp if tp else 0.0,
        "unit": unit_ok / unit_n if unit_n else 0.0,
        "qualifier": qual_ok / tp if tp else 0.0,
        "speaker": speaker_ok / tp if tp else 0.0,
        "measured": measured_ok / tp if tp else 0.0,
        "clause": clause_cover / tp if tp else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", default=None, help="print misses of a part (dev only: test is held out)")
    args = ap.parse_args()
    if args.show == "test":
        sys.exit("the test part is held out: it is measured, never inspected")
    rows = []
    for part, use in (("dev", "tuned on"), ("test", "held out")):
        res = score(part, args.show == part)
        rows.append(
            [
                part,
                use,
                res["gold"],
                res["pred"],
                f"{res['P']:.3f}",
                f"{res['R']:.3f}",
                f"{res['F1']:.3f}",
                f"{res['value']:.3f}",
                f"{res['unit']:.3f}",
                f"{res['qualifier']:.3f}",
                f"{res['speaker']:.3f}",
                f"{res['measured']:.3f}",
                f"{res['clause']:.3f}",
            ]
        )
    print(
        table(
            [
                "part",
                "use",
                "gold",
                "claims",
                "precision",
                "recall",
                "F1",
                "value ok",
                "money/percent unit ok",
                "qualifier ok",
                "speaker ok",
                "measured head ok",
                "clause overlap",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
