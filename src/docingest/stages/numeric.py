"""Built-in claim extractor: numeric assertions (money, percentages, counts, ranges, years)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..claims.numbers import find_quantities
from ..document import ClaimContext, ClaimExtractor
from ..hookspecs import hookimpl
from ..models import Claim, claim_id


class NumericExtractor:
    """One ``numeric`` claim per quantity, its text the quantity as written."""

    name = "docingest.numeric"
    kinds = frozenset({"numeric"})

    def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]:
        for q in find_quantities(text):
            yield Claim(id=claim_id("numeric", q.span, q.surface), kind="numeric", text=q.surface, span=q.span,
                        quantity=q, confidence=0.8 if q.unit else 0.6)


@hookimpl
def docingest_claim_extractors() -> Sequence[ClaimExtractor]:
    return [NumericExtractor()]
