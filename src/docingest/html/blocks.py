"""Flattening a Lexbor tree into text blocks, in one pass.

:func:`flatten` walks an element's subtree once and returns

* ``elems``: the block-level elements met (containers such as ``div``/``section``/``li`` and leaf blocks such
  as ``p``/``h2``/``pre``/data tables), each with its tag, its lower-cased class/id text and the index of its
  block-level parent, so that a block's ancestry is a chain of integers;
* ``blocks``: the text blocks in document order, each with its kind (heading, paragraph, list item, block
  quote, table, code, caption), its whitespace-normalised text, the number of its characters that sit inside
  links, and the element that holds it.

Leaf blocks are read with Lexbor's own text extraction (``node.text()``); Python only visits the elements
between them. Inline text directly inside containers (``<div>text<br>more</div>``, forum posts) becomes a
paragraph of its own, so pages without ``<p>`` are read too.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from ..models import BlockKind
from . import squash, squash_lines

#: Elements whose content is never text of the page.
SKIP = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
        "video", "audio", "picture", "img", "select", "button", "input", "textarea", "head", "title", "meta",
        "link", "base", "map", "area", "source", "track", "-comment", "_comment", "#comment", "dialog",
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Block-level elements whose content is walked (they hold other blocks or loose text).
CONTAINERS = frozenset(
    {
        "html", "body", "div", "section", "article", "main", "aside", "header", "footer", "nav", "form",
        "fieldset", "details", "summary", "figure", "figcaption", "blockquote", "ul", "ol", "li", "dl", "dt",
        "dd", "menu", "dir", "center", "address", "hgroup", "legend", "tr", "td", "th", "tbody", "thead",
        "tfoot", "caption", "table", "search", "frameset", "frame", "label", "option", "optgroup",
    }
)
_LIST = frozenset({"ul", "ol", "menu", "dir"})
_BLOCK_INSIDE_TABLE = "table, p, div, ul, ol, pre, blockquote, h1, h2, h3, h4, h5, h6, section, article"
_MAX_CELL = 400
_MAX_NEST = 120


@dataclass(slots=True)
class Elem:
    """A block-level element met by the walk."""

    tag: str
    hint: str
    """Lower-cased ``class`` and ``id`` (and ``itemprop``/``role``) text."""
    parent: int
    """Index of the block-level parent in ``elems`` (-1 for the walk's root)."""
    node: LexborNode


@dataclass(slots=True)
class RawBlock:
    """A text block with its hints."""

    kind: BlockKind
    text: str
    level: int | None
    tag: str
    elem: int
    """Index of the element that holds the text (the ``p`` itself, or the container of loose text)."""
    links: int
    """Characters of the text inside links."""


def _hint(node: LexborNode) -> tuple[str, bool]:
    """(class/id/itemprop/role text lower-cased, hidden?)."""
    attrs = node.attributes
    if not attrs:
        return "", False
    parts = [v for k in ("class", "id", "itemprop", "role") if (v := attrs.get(k))]
    hidden = "hidden" in attrs or attrs.get("aria-hidden") == "true"
    style = attrs.get("style")
    if style and "none" in style:
        compact = style.replace(" ", "").lower()
        hidden = hidden or "display:none" in compact or "visibility:hidden" in compact
    return " ".join(parts).lower(), hidden


def _link_chars(node: LexborNode) -> int:
    return sum(len(squash(a.text())) for a in node.css("a"))


class _Walker:
    __slots__ = ("blocks", "buf", "buf_links", "elems", "nest")

    def __init__(self) -> None:
        self.nest = 0
        self.elems: list[Elem] = []
        self.blocks: list[RawBlock] = []
        self.buf: list[str] = []
        self.buf_links = 0

    def flush(self, elem: int, kind: BlockKind, level: int | None) -> None:
        if not self.buf:
            return
        text = squash("".join(self.buf))
        if text:
            self.blocks.append(
                RawBlock(kind, text, level, self.elems[elem].tag, elem, min(self.buf_links, len(text)))
            )
        self.buf = []
        self.buf_links = 0

    def register(self, node: LexborNode, tag: str, hint: str, parent: int) -> int:
        self.elems.append(Elem(tag, hint, parent, node))
        return len(self.elems) - 1

    def container(self, node: LexborNode, parent: int, kind: BlockKind, level: int | None, depth: int) -> None:
        tag = node.tag or ""
        hint, hidden = _hint(node)
        if hidden:
            return
        idx = self.register(node, tag, hint, parent)
        if tag == "li":
            kind, level = "list_item", max(1, min(depth, 6))
        elif tag == "blockquote":
            kind, level = "blockquote", None
        elif tag in ("figcaption", "caption"):
            kind, level = "caption", None
        elif tag in _LIST:
            depth += 1
        self.buf, self.buf_links = [], 0
        self.children(node, idx, kind, level, depth)
        self.flush(idx, kind, level)

    def children(self, node: LexborNode, idx: int, kind: BlockKind, level: int | None, depth: int) -> None:
        if self.nest >= _MAX_NEST:  # pathological nesting: the rest is read as one run of text
            self.buf.append(node.text())
            return
        self.nest += 1
        try:
            self._children(node, idx, kind, level, depth)
        finally:
            self.nest -= 1

    def _children(self, node: LexborNode, idx: int, kind: BlockKind, level: int | None, depth: int) -> None:
        child = node.child
        while child is not None:
            tag = child.tag
            if tag == "-text":
                self.buf.append(child.text_content or "")
            elif tag in SKIP or tag is None:
                pass
            elif tag == "a":
                text = child.text()
                if child.css_first("p, div, li, h1, h2, h3, h4, h5, h6, table") is None:
                    self.buf.append(text)
                    self.buf_links += len(squash(text))
                else:  # a card wrapped in a link: walk it as a container of link text
                    self.flush(idx, kind, level)
                    before = len(self.blocks)
                    self.container(child, idx, kind, level, depth)
                    for block in self.blocks[before:]:
                        block.links = len(block.text)
                    self.buf, self.buf_links = [], 0
            elif tag == "br":
                self.buf.append("\n")
            elif tag == "p" or tag in _HEADINGS:
                self.flush(idx, kind, level)
                self.leaf(child, tag, idx, kind, level)
            elif tag == "pre":
                self.flush(idx, kind, level)
                hint, hidden = _hint(child)
                if not hidden:
                    text = squash_lines(child.text())
                    if text:
                        own = self.register(child, tag, hint, idx)
                        self.blocks.append(RawBlock("code", text, None, tag, own, _link_chars(child)))
            elif tag == "table":
                self.flush(idx, kind, level)
                if child.css_first(_BLOCK_INSIDE_TABLE) is None and self.table(child, idx):
                    pass
                else:
                    self.container(child, idx, kind, level, depth)
                self.buf, self.buf_links = [], 0
            elif tag in CONTAINERS:
                self.flush(idx, kind, level)
                self.container(child, idx, kind, level, depth)
                self.buf, self.buf_links = [], 0
            elif tag == "hr":
                self.flush(idx, kind, level)
            else:  # inline element: its text joins the current paragraph
                self.children(child, idx, kind, level, depth)
            child = child.next

    def leaf(self, node: LexborNode, tag: str, parent: int, kind: BlockKind, level: int | None) -> None:
        hint, hidden = _hint(node)
        if hidden:
            return
        if node.css_first("br") is not None:
            own = self.register(node, tag, hint, parent)
            saved, saved_links = self.buf, self.buf_links
            self.buf, self.buf_links = [], 0
            self.children(node, own, kind, level, 0)
            text = squash("".join(self.buf))
            links = self.buf_links
            self.buf, self.buf_links = saved, saved_links
        else:
            text = squash(node.text())
            if not text:
                return
            own = self.register(node, tag, hint, parent)
            links = _link_chars(node) if node.css_first("a") is not None else 0
        if not text:
            return
        heading = _HEADINGS.get(tag)
        if heading is not None:
            self.blocks.append(RawBlock("heading", text, heading, tag, own, min(links, len(text))))
        else:
            self.blocks.append(RawBlock(kind, text, level, tag, own, min(links, len(text))))

    def table(self, node: LexborNode, parent: int) -> bool:
        """A data table as one block (rows on lines, cells tab-separated); False for layout tables."""
        hint, hidden = _hint(node)
        if hidden:
            return True
        rows: list[str] = []
        for row in node.css("tr"):
            cells = [squash(cell.text()) for cell in row.css("th, td")]
            if any(len(cell) > _MAX_CELL for cell in cells):
                return False
            if any(cells):
                rows.append("\t".join(cells))
        own = self.register(node, "table", hint, parent)
        caption = node.css_first("caption")
        if caption is not None and (text := squash(caption.text())):
            self.blocks.append(RawBlock("caption", text, None, "caption", own, 0))
        if rows:
            self.blocks.append(RawBlock("table", "\n".join(rows), None, "table", own, _link_chars(node)))
        return True


def flatten(root: LexborNode) -> tuple[list[Elem], list[RawBlock]]:
    """The block-level elements and the text blocks of ``root``'s subtree, in document order."""
    walker = _Walker()
    walker.container(root, -1, "paragraph", None, 0)
    return walker.elems, walker.blocks


__all__ = ["CONTAINERS", "SKIP", "Elem", "RawBlock", "flatten"]
