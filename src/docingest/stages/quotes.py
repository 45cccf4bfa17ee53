"""Built-in claim extractor: direct quotes and reported speech, with resolved speakers (pure Python)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..claims.quotes import quote_claims, reported_claims
from ..document import ClaimContext, ClaimExtractor
from ..hookspecs import hookimpl
from ..models import Claim


class QuoteExtractor:
    """Quotes (text in quotation marks) and paraphrases ("X said that …"), each with speaker and cue."""

    name = "docingest.quotes"
    kinds = frozenset({"quote", "paraphrase"})

    def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]:
        claims = quote_claims(text, context.paragraphs) + reported_claims(text, context.paragraphs)
        return sorted(claims, key=lambda c: (c.span.start, c.span.end, c.kind))


@hookimpl
def docingest_claim_extractors() -> Sequence[ClaimExtractor]:
    return [QuoteExtractor()]
