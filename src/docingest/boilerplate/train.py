"""Training of the boilerplate model: L2-regularised logistic regression, pure Python and deterministic.

Training is plain weighted logistic regression fitted by AdaGrad over a fixed number of epochs, visiting the
examples in an order drawn from a seeded generator: the same examples give the same weights, bit for bit, on
every machine (no BLAS, no threads, no hash randomisation). Hashed n-gram weights get their own, stronger L2
penalty and are clipped to ``±cap`` after every step, so wording can nudge a decision but not make it alone.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from .features import Features


@dataclass(frozen=True)
class Example:
    """One training example: sparse features, label (1 = publisher text), weight, and an offset added to the
    logit (a fixed prior: the local logit, for the context model)."""

    features: Features
    label: int
    weight: float = 1.0
    offset: float = 0.0


@dataclass(frozen=True)
class Regularisation:
    """L2 penalties (per example seen, scaled by its weight) and the clip of the hashed weights."""

    dense: float = 1e-4
    hashed: float = 1e-3
    cap: float = 1.0
    epochs: int = 12
    rate: float = 0.3
    seed: int = 0


def sigmoid(z: float) -> float:
    """The logistic function, safe for large ``|z|``."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def fit(examples: Sequence[Example], size: int, hashed_from: int, reg: Regularisation) -> list[float]:
    """Weights (``size`` of them) of a logistic regression on ``examples``; indices from ``hashed_from`` on are
    hashed n-grams (stronger penalty, clipped)."""
    w = [0.0] * size
    g2 = [1e-8] * size
    order = list(range(len(examples)))
    rng = random.Random(reg.seed)
    rate, cap = reg.rate, reg.cap
    for _ in range(reg.epochs):
        rng.shuffle(order)
        for k in order:
            ex = examples[k]
            z = ex.offset
            for i, v in ex.features:
                z += w[i] * v
            err = (sigmoid(z) - ex.label) * ex.weight
            for i, v in ex.features:
                hashed = i >= hashed_from
                grad = err * v + (reg.hashed if hashed else reg.dense) * ex.weight * w[i]
                g2[i] += grad * grad
                value = w[i] - rate * grad / math.sqrt(g2[i])
                if hashed:
                    value = cap if value > cap else -cap if value < -cap else value
                w[i] = value
    return w


def logit(weights: Sequence[float], features: Features) -> float:
    """The model's logit for one example."""
    z = 0.0
    for i, v in features:
        z += weights[i] * v
    return z
