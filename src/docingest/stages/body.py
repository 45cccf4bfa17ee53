"""Built-in body extractor for HTML: the blocks of the main content, in document order.

The cleaned Lexbor tree is flattened once into text blocks (:mod:`docingest.html.blocks`), the main content is
chosen by scores over those blocks (:mod:`docingest.html.scoring`), and each kept block becomes a
:class:`~docingest.document.Candidate` carrying the hints block cleaners use: its tag, the class/id text of
its element and ancestors up to the content root, its link density and a short CSS-like path.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..document import Candidate, Page
from ..hookspecs import hookimpl
from ..html.blocks import Elem, RawBlock, flatten
from ..html.scoring import select
from ..html.title import drop_bylines, drop_headline


class _Hints:
    """Class/id hints and short paths of the elements of a flattened page, computed once per element."""

    def __init__(self, elems: Sequence[Elem], root: int) -> None:
        self.elems = elems
        self.root = root
        self.attrs: dict[int, str] = {}
        self.names: dict[int, str] = {}

    def attrs_of(self, i: int) -> str:
        """The class/id text of element ``i`` and its ancestors up to the content root."""
        found = self.attrs.get(i)
        if found is None:
            elem = self.elems[i]
            above = "" if i == self.root or elem.parent < 0 else self.attrs_of(elem.parent)
            found = f"{elem.hint} {above}".strip() if elem.hint else above
            self.attrs[i] = found
        return found

    def name_of(self, i: int) -> str:
        found = self.names.get(i)
        if found is None:
            elem = self.elems[i]
            first = elem.hint.split(" ", 1)[0] if elem.hint else ""
            found = f"{elem.tag}.{first}" if first else elem.tag
            self.names[i] = found
        return found

    def where(self, i: int) -> str:
        """A short CSS-like path: the element and up to three ancestors inside the content root."""
        parts: list[str] = []
        while i >= 0 and len(parts) < 4:
            parts.append(self.name_of(i))
            if i == self.root:
                break
            i = self.elems[i].parent
        return " > ".join(reversed(parts))


def to_candidates(elems: Sequence[Elem], blocks: Sequence[RawBlock], kept: Sequence[int], root: int) -> list[Candidate]:
    """Candidates for the kept blocks, with their hints."""
    hints = _Hints(elems, root)
    out: list[Candidate] = []
    for i in kept:
        block = blocks[i]
        length = len(block.text)
        out.append(
            Candidate(
                kind=block.kind,
                text=block.text,
                level=block.level,
                tag=block.tag,
                attrs=hints.attrs_of(block.elem),
                link_density=round(block.links / length, 3) if length else 0.0,
                where=hints.where(block.elem),
            )
        )
    return out


def extract(page: Page) -> list[Candidate]:
    """The main content of an HTML page as candidate blocks."""
    if page.tree is None:
        return []
    start = page.tree.body or page.tree.root
    if start is None:
        return []
    elems, blocks = flatten(start)
    root, kept = select(elems, blocks)
    kept = drop_headline(blocks, kept, page)
    kept = drop_bylines(blocks, kept, page)
    return to_candidates(elems, blocks, kept, root)


@hookimpl(trylast=True)
def docingest_extract_body(page: Page) -> Sequence[Candidate] | None:
    """Scored main-content selection on the (cleaned) Lexbor tree; ``None`` for non-HTML pages."""
    if page.kind != "html" or page.tree is None:
        return None
    return extract(page)
