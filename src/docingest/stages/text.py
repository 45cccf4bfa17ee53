"""Built-in body extractor for plain text: title on the first line, then paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Candidate, Metadata, Page
from ..hookspecs import hookimpl

_BLANK = re.compile(r"\n\s*\n")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a text: blank-line separated, else one per line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    parts = _BLANK.split(text) if _BLANK.search(text) else text.split("\n")
    return [" ".join(p.split()) for p in parts if p.strip()]


@hookimpl(trylast=True)
def docingest_extract_body(page: Page) -> Sequence[Candidate] | None:
    if page.kind != "text":
        return None
    lines = split_paragraphs(page.text)
    return [Candidate(kind="paragraph", text=p, where=f"paragraph {i}") for i, p in enumerate(lines[1:], 1)]


@hookimpl(trylast=True)
def docingest_extract_metadata(page: Page) -> Metadata | None:
    if page.kind != "text":
        return None
    lines = split_paragraphs(page.text)
    return Metadata(title=lines[0]) if lines else None
