"""Built-in claim extractor: numeric statements (the clause asserting a quantity, with its speaker)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..claims.statements import numeric_claims
from ..document import ClaimContext, ClaimExtractor
from ..hookspecs import hookimpl
from ..models import Claim


class NumericExtractor:
    """One ``numeric`` claim per asserted quantity: its text the clause, its ``quantity`` the figure."""

    name = "docingest.numeric"
    kinds = frozenset({"numeric"})

    def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]:
        return numeric_claims(text, context.paragraphs)


@hookimpl
def docingest_claim_extractors() -> Sequence[ClaimExtractor]:
    return [NumericExtractor()]
