"""Built-in body extractor for HTML: the blocks of the main content, in document order.

The cleaned Lexbor tree is flattened once into text blocks (:mod:`docingest.html.blocks`), the main content is
chosen by scores over those blocks (:mod:`docingest.html.scoring`), and each kept block becomes a
:class:`~docingest.document.Candidate` carrying the hints block cleaners use: its tag, the class/id text of
its element and ancestors up to the content root, its link density and a short CSS-like path.
"""

from __future__ import annotations

from collections.abc import Sequence

from selectolax.lexbor import LexborHTMLParser

from ..document import Candidate, Page
from ..hookspecs import hookimpl
from ..html import squash, squash_lines, visible
from ..html.blocks import Elems, RawBlock, flatten
from ..html.related import drop_related
from ..html.scoring import block_weight, select
from ..html.story import STORY_PROSE, anchor
from ..html.title import _words as words
from ..html.title import drop_bylines, drop_headline, page_titles
from .parse import parse_html

#: Block kinds whose text keeps its lines (rows of a table, lines of code).
_LINED = frozenset({"table", "code"})


class _Hints:
    """The class/id hints and short paths of the elements of a flattened page, each computed once, from its
    parent's (the elements of a page share their ancestors)."""

    __slots__ = ("elems", "known", "root")

    def __init__(self, elems: Elems, root: int) -> None:
        self.elems = elems
        self.root = root
        #: element -> (class/id text of it and its ancestors up to the content root, the names of up to three
        #: ancestors inside the root and of it, farthest first: the path's parts in order)
        self.known: dict[int, tuple[str, tuple[str, ...]]] = {}

    def of(self, i: int) -> tuple[str, str]:
        """The class/id text of element ``i`` and its ancestors up to the content root, and a short CSS-like path
        (the element and up to three ancestors inside the root)."""
        known = self.known
        found = known.get(i)
        if found is None:
            # climb to the first element already known (or to the root), then fill in on the way down
            parents, root = self.elems.parents, self.root
            chain: list[int] = []
            attrs: str = ""
            names: tuple[str, ...] = ()
            j = i
            while True:
                chain.append(j)
                parent = parents[j]
                if j == root or parent < 0:
                    break
                above = known.get(parent)
                if above is not None:
                    attrs, names = above
                    break
                j = parent
            tags, hint_of = self.elems.tags, self.elems.hint
            for j in reversed(chain):
                hint = hint_of(j)
                if hint:
                    first = hint.split(" ", 1)[0]
                    names = (*names[-3:], f"{tags[j]}.{first}" if first else tags[j])
                    attrs = f"{hint} {attrs}".strip()
                else:
                    names = (*names[-3:], tags[j])
                known[j] = (attrs, names)
            found = (attrs, names)
        return found[0], " > ".join(found[1])


def to_candidates(elems: Elems, blocks: Sequence[RawBlock], kept: Sequence[int], root: int) -> list[Candidate]:
    """Candidates for the kept blocks, with their hints."""
    hints_of = _Hints(elems, root).of
    out: list[Candidate] = []
    for i in kept:
        block = blocks[i]
        raw = block.text
        text = visible(raw)
        if text is not raw:  # the invisible characters were around words or alone
            text = squash_lines(text) if block.kind in _LINED else squash(text)
            if not text:
                continue
        attrs, where = hints_of(block.elem)
        length = len(raw)
        # positional: a frozen dataclass's keyword call costs a fifth more, once per block of every page
        # (kind, text, level, tag, attrs, link_density, where)
        out.append(
            Candidate(block.kind, text, block.level, block.tag, attrs,
                      round(block.links / length, 3) if length else 0.0, where)
        )
    return out


#: A result with fewer characters than this is near-empty: the name-free strategy is tried too.
NEAR_EMPTY = 200


def extract(page: Page) -> list[Candidate]:
    """The main content of an HTML page as candidate blocks."""
    if page.tree is None:
        return []
    start = page.tree.body or page.tree.root
    if start is None:
        return []
    elems, blocks = flatten(start)
    root, kept = select(elems, blocks, anchor=anchor(blocks, _titles(page)))
    if (size := sum(len(blocks[i].text) for i in kept)) < NEAR_EMPTY and (better := _by_density(page, size)):
        elems, blocks, root, kept, _tree = better
    kept = drop_related(elems, blocks, kept, root)
    kept = drop_headline(blocks, kept, page)
    kept = drop_bylines(blocks, kept, page)
    return to_candidates(elems, blocks, kept, root)


def _titles(page: Page) -> list[tuple[str, ...]]:
    """The words of the titles the page declares and of the one its metadata found."""
    titles = page_titles(page)
    if page.metadata.title:
        titles.append(words(page.metadata.title))
    return titles


def _by_density(page: Page, size: int) -> tuple[Elems, list[RawBlock], int, list[int], LexborHTMLParser] | None:
    """The safety net for a near-empty result of ``size`` characters: the intact page (parsed again: the cleaners
    pruned the tree) read by text density alone, no class or id consulted; ``None`` unless it finds a region of
    running text, and more than twice as much text."""
    tree = parse_html(page.text)
    start = tree.body or tree.root
    if start is None:
        return None
    elems, blocks = flatten(start)
    root, kept = select(elems, blocks, names=False)
    if sum(block_weight(blocks[i]) for i in kept) < STORY_PROSE or sum(len(blocks[i].text) for i in kept) <= 2 * size:
        return None
    return elems, blocks, root, kept, tree  # the tree stays alive as long as its nodes are used


@hookimpl(trylast=True)
def docingest_extract_body(page: Page) -> Sequence[Candidate] | None:
    """Scored main-content selection on the (cleaned) Lexbor tree; ``None`` for non-HTML pages."""
    if page.kind != "html" or page.tree is None:
        return None
    return extract(page)
