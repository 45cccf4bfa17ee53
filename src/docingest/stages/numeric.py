"""Built-in claim extractor: numeric assertions (percentages)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..document import ClaimContext, ClaimExtractor
from ..hookspecs import hookimpl
from ..models import Claim, Quantity, Span, claim_id

_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?(%|percent\b|per cent\b)")


class NumericExtractor:
    name = "docingest.numeric"
    kinds = frozenset({"numeric"})

    def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]:
        for m in _PERCENT.finditer(text):
            span = Span(start=m.start(), end=m.end())
            q = Quantity(value=float(m.group(1)), unit="percent", surface=m.group(0), span=span)
            yield Claim(id=claim_id("numeric", span, m.group(0)), kind="numeric", text=m.group(0), span=span,
                        quantity=q)


@hookimpl
def docingest_claim_extractors() -> Sequence[ClaimExtractor]:
    return [NumericExtractor()]
