"""Built-in claim extractor: direct quotes and their speakers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..document import ClaimContext, ClaimExtractor
from ..hookspecs import hookimpl
from ..models import Claim, Span, claim_id

_QUOTE = re.compile(r"[\"“]([^\"“”\n]{2,}?)[\"”]")


class QuoteExtractor:
    """Text between paired double quotation marks."""

    name = "docingest.quotes"
    kinds = frozenset({"quote"})

    def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]:
        for m in _QUOTE.finditer(text):
            span = Span(start=m.start(1), end=m.end(1))
            yield Claim(id=claim_id("quote", span, m.group(1)), kind="quote", text=m.group(1), span=span)


@hookimpl
def docingest_claim_extractors() -> Sequence[ClaimExtractor]:
    return [QuoteExtractor()]
