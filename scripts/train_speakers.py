"""Train the speaker ranker and write ``src/docingest/claims/speaker_weights.json``.

    .venv/bin/python scripts/train_speakers.py            # cross-validate, train on everything, write the weights
    .venv/bin/python scripts/train_speakers.py --cv-only  # cross-validation table only
    .venv/bin/python scripts/train_speakers.py --check    # train and compare with the shipped file
    .venv/bin/python scripts/train_speakers.py --cv-only --drop rule   # ablation: without features "rule…"

The data recipe is ``benchmarks/speaker_data.py`` (development sets only: ggt, polnear-dev, the seed, house
styles w1, w2, w3, w5). The model is a conditional logit: for each quotation, a softmax over its candidates'
scores (a sum of feature weights), trained to put the probability on the right candidates (log of their summed
probability), with an L2 penalty, by AdaGrad over full passes in a fixed order: deterministic, pure Python.

Cross-validation holds out groups, never the validation sets: train on ggt, test on polnear and the reverse;
train on everything but one house style, test on that style (all styles in turn). It compares the ranker's pick
with the hand-ordered rules' pick on the same quotations (the right candidate chosen; quotations with no right
candidate count as wrong for both). The rules' pick is itself a feature ("rule"): the model learns where
the other facts should overrule it.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import table  # noqa: E402
from benchmarks.speaker_data import Example, development  # noqa: E402

from docingest.claims.ranker import WEIGHTS_FILE  # noqa: E402

OUT = ROOT / "src" / "docingest" / "claims" / WEIGHTS_FILE
#: training passes, learning rate, L2 penalty (chosen by the cross-validation below)
EPOCHS = 60
RATE = 0.3
L2 = 0.01
#: a feature seen in fewer examples than this gets no weight
MIN_COUNT = 3


def train(examples: list[Example], epochs: int = EPOCHS, rate: float = RATE, l2: float = L2) -> dict[str, float]:
    counts: dict[str, int] = {}
    for ex in examples:
        for feats in ex.candidates:
            for f in feats:
                counts[f] = counts.get(f, 0) + 1
    used = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(used)}
    data = [
        ([[index[f] for f in feats if f in index] for feats in ex.candidates], ex.right)
        for ex in examples
        if any(ex.right) and not all(ex.right)
    ]
    w = [0.0] * len(used)
    hist = [1e-8] * len(used)
    for _ in range(epochs):
        grad = [0.0] * len(used)
        for cands, right in data:
            scores = [sum(w[i] for i in c) for c in cands]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            pos = sum(e for e, r in zip(exps, right, strict=True) if r)
            for c, e, r in zip(cands, exps, right, strict=True):
                # d(-log(pos/total))/ds_c = p_c - (r_c * e_c / pos)
                g = e / total - (e / pos if r else 0.0)
                if g:
                    for i in c:
                        grad[i] += g
        n = len(data)
        for i in range(len(w)):
            g = grad[i] / n + l2 * w[i]
            hist[i] += g * g
            w[i] -= rate * g / math.sqrt(hist[i])
    return {f: round(w[i], 4) for f, i in index.items() if abs(w[i]) >= 1e-4}


def pick(feats: list[list[str]], model: dict[str, float]) -> int:
    best, best_score = 0, float("-inf")
    for i, fs in enumerate(feats):
        s = sum(model.get(f, 0.0) for f in fs)
        if s > best_score:
            best, best_score = i, s
    return best


def folds(examples: list[Example]) -> list[tuple[str, list[str]]]:
    """(fold name, held-out groups): ggt, polnear, then each house style."""
    styles = sorted({e.group for e in examples} - {"ggt", "polnear"})
    return [("ggt", ["ggt"]), ("polnear", ["polnear"])] + [(s, [s]) for s in styles]


def cross_validate(
    examples: list[Example], epochs: int = EPOCHS, rate: float = RATE, l2: float = L2
) -> dict[str, tuple[int, int, int, int]]:
    """Per held-out part ("ggt", "polnear", "house styles"): (quotations, reachable, rules right, ranker right)."""
    out: dict[str, list[int]] = {}
    for _, held in folds(examples):
        train_on = [e for e in examples if e.group not in held]
        if held == ["ggt"]:
            train_on = [e for e in examples if e.group == "polnear"]
        elif held == ["polnear"]:
            train_on = [e for e in examples if e.group == "ggt"]
        model = train(train_on, epochs, rate, l2)
        part = held[0] if held[0] in ("ggt", "polnear") else "house styles"
        row = out.setdefault(part, [0, 0, 0, 0])
        for e in examples:
            if e.group not in held:
                continue
            row[0] += 1
            row[1] += any(e.right)
            row[2] += e.right[e.rule]
            row[3] += e.right[pick(e.candidates, model)]
    return {k: (v[0], v[1], v[2], v[3]) for k, v in out.items()}


def dumps(model: dict[str, float]) -> str:
    about = {
        "trained_by": "scripts/train_speakers.py",
        "data": "benchmarks/speaker_data.py: ggt, polnear-dev, seed, house styles w1 w2 w3 w5",
        "epochs": EPOCHS,
        "rate": RATE,
        "l2": L2,
    }
    return json.dumps({"about": about, "weights": dict(sorted(model.items()))}, indent=0, sort_keys=False) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--drop", action="append", default=[], help="leave out features starting with this (ablation)")
    args = ap.parse_args()
    examples = development()
    if args.drop:
        drop = tuple(args.drop)
        examples = [
            replace(e, candidates=[[f for f in c if not f.startswith(drop)] for c in e.candidates]) for e in examples
        ]
    if not args.check:
        cv = cross_validate(examples)
        rows = [
            [part, n, reach, f"{rules} ({rules / n:.1%})", f"{ranked} ({ranked / n:.1%})"]
            for part, (n, reach, rules, ranked) in cv.items()
        ]
        print(table(["held out", "quotations", "a right candidate", "rules right", "ranker right"], rows))
    if args.cv_only:
        return 0
    text = dumps(train(examples))
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("shipped weights reproduced" if same else "shipped weights differ from the recipe's")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
