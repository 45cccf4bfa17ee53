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
from ..html.title import drop_headline


def _where(elems: Sequence[Elem], elem: int, root: int) -> str:
    parts: list[str] = []
    i = elem
    while i >= 0 and len(parts) < 4:
        e = elems[i]
        cls = e.node.attributes.get("class") if e.node.attributes else None
        first = cls.split()[0] if cls and cls.split() else ""
        parts.append(f"{e.tag}.{first}" if first else e.tag)
        if i == root:
            break
        i = e.parent
    return " > ".join(reversed(parts))


def _attrs(elems: Sequence[Elem], elem: int, root: int) -> str:
    hints: list[str] = []
    i = elem
    while i >= 0:
        if elems[i].hint:
            hints.append(elems[i].hint)
        if i == root:
            break
        i = elems[i].parent
    return " ".join(hints)


def to_candidates(elems: Sequence[Elem], blocks: Sequence[RawBlock], kept: Sequence[int], root: int) -> list[Candidate]:
    """Candidates for the kept blocks, with their hints."""
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
                attrs=_attrs(elems, block.elem, root),
                link_density=round(block.links / length, 3) if length else 0.0,
                where=_where(elems, block.elem, root),
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
    return to_candidates(elems, blocks, kept, root)


@hookimpl(trylast=True)
def docingest_extract_body(page: Page) -> Sequence[Candidate] | None:
    """Scored main-content selection on the (cleaned) Lexbor tree; ``None`` for non-HTML pages."""
    if page.kind != "html" or page.tree is None:
        return None
    return extract(page)
