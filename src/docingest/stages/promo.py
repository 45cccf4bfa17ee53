"""Built-in block cleaner: publisher boilerplate inside the story (subscription pitches, tip lines)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..document import BlockCleaner, Candidate, Page, Verdict
from ..hookspecs import hookimpl

_PITCH = re.compile(
    r"\b(subscribe|subscription|your support|support us|sign up for|newsletter|become a member|donate)\b",
    re.IGNORECASE,
)


class PromoCleaner:
    """Drops short blocks that address the reader with a call to action."""

    name = "docingest.promo"
    order = 100

    def classify(self, blocks: Sequence[Candidate], page: Page) -> Iterable[Verdict]:
        for i, block in enumerate(blocks):
            if len(block.text) < 300 and _PITCH.search(block.text) and re.search(r"\byou(r)?\b", block.text, re.I):
                yield Verdict(i, "promotion")


@hookimpl
def docingest_block_cleaners() -> Sequence[BlockCleaner]:
    return [PromoCleaner()]
