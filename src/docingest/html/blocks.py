"""Flattening a Lexbor tree into text blocks, in one pass.

:func:`flatten` walks an element's subtree once and returns

* ``elems``: the block-level elements met (containers such as ``div``/``section``/``li`` and leaf blocks such
  as ``p``/``h2``/``pre``/data tables), each with its tag and the index of its block-level parent, so that a
  block's ancestry is a chain of integers (pre-order: an element's descendants follow it contiguously);
* ``blocks``: the text blocks in document order, each with its kind (heading, paragraph, list item, block
  quote, table, code, caption), its whitespace-normalised text, the number of its characters that sit inside
  links, and the element that holds it.

Speed matters here: elements are dispatched on Lexbor's integer tag ids, leaf blocks (``p``, headings,
``pre``, links, data tables) are read with Lexbor's own text extraction, and class/id hints are read lazily,
only for the few elements the scorer asks about. Inline text directly inside containers (``<div>text<br>more
</div>``, forum posts) becomes a paragraph of its own, so pages without ``<p>`` are read too.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..models import BlockKind
from . import squash, squash_lines

#: Elements whose text is never read: scripts and styles, embedded and replaced content (an ``<iframe>``'s or a
#: ``<noembed>``'s text is markup for another context, kept as raw text by the parser), form controls, and
#: ruby annotations (``<rt>``, ``<rp>``: the reading aid printed above the base text, not the text itself).
_SKIP_TAGS = (
    "script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
    "audio", "picture", "img", "select", "button", "input", "textarea", "head", "title", "meta", "link",
    "base", "map", "area", "source", "track", "dialog", "datalist", "output", "progress", "meter",
    "noembed", "noframes", "rt", "rp",
)
_VOID = frozenset({"img", "input", "meta", "link", "base", "area", "source", "track", "embed"})
#: What Lexbor's ``text()`` would wrongly include: the text of elements never read, and of ``<noscript>``.
_UNSHOWN = frozenset(tag for tag in (*_SKIP_TAGS, "noscript") if tag not in _VOID)
_CONTAINER_TAGS = (
    "html", "body", "div", "section", "article", "main", "aside", "header", "footer", "nav", "form",
    "fieldset", "details", "summary", "figure", "dl", "dt", "dd", "center", "address", "hgroup", "legend",
    "tr", "td", "th", "tbody", "thead", "tfoot", "search", "label", "option", "optgroup", "frameset", "frame",
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS = ("ul", "ol", "menu", "dir")

# categories of the dispatch
_INLINE, _TEXT, _SKIP, _CONTAINER, _LIST, _ITEM, _QUOTE, _CAPTION, _PARA, _HEADING, _PRE, _TABLE, _LINK, _BR, \
    _HR, _NOSCRIPT = range(16)


def _tag_ids() -> tuple[dict[int, int], dict[int, str]]:
    """Lexbor's tag ids of the tags we dispatch on (static for standard tags), and their names."""
    maker = LexborHTMLParser("")
    categories: dict[int, int] = {}
    names: dict[int, str] = {}

    def add(tags: tuple[str, ...] | list[str], category: int) -> None:
        for tag in tags:
            tag_id = maker.create_node(tag).tag_id
            categories[tag_id] = category
            names[tag_id] = tag

    add(_SKIP_TAGS, _SKIP)
    add(_CONTAINER_TAGS, _CONTAINER)
    add(_LISTS, _LIST)
    add(["li"], _ITEM)
    add(["blockquote"], _QUOTE)
    add(["figcaption", "caption"], _CAPTION)
    add(["p"], _PARA)
    add(list(_HEADINGS), _HEADING)
    add(["pre"], _PRE)
    add(["table"], _TABLE)
    add(["a"], _LINK)
    add(["br"], _BR)
    add(["hr"], _HR)
    add(["noscript"], _NOSCRIPT)
    probe = LexborHTMLParser("<p>x<!--c--></p>").css_first("p")
    assert probe is not None and probe.child is not None and probe.child.next is not None
    categories[probe.child.tag_id] = _TEXT
    categories[probe.child.next.tag_id] = _SKIP  # comments
    return categories, names


_CATEGORY, _NAME = _tag_ids()
_BLOCK_INSIDE = "table, p, div, ul, ol, pre, blockquote, h1, h2, h3, h4, h5, h6, section, article, li"
_UNSHOWN_SELECTOR = ", ".join(sorted(_UNSHOWN))
_TEXT_ID = next(tag_id for tag_id, cat in _CATEGORY.items() if cat == _TEXT)
_MAX_CELL = 400
_MAX_NEST = 120
_LITTLE = 1000
#: The least text hidden elements must add for the page to be read with them (a screen-reader hint or a
#: search box label hidden on a JavaScript shell is not its content).
_STREAMED = 200
#: Elements hidden from readers: their text is never content (a ``popover`` element shows only when opened).
HIDDEN = '[hidden], [popover], [aria-hidden="true"], [style*="display:none"], [style*="display: none"]'
#: Text meant for screen readers only, moved off screen by a utility class ("Opens in a new window", "Skip to
#: content"): helper strings, never content.
_READER_ONLY = (
    ".sr-only, .is-sr-only, .tw-sr-only, .visually-hidden, .u-visually-hidden, .visuallyhidden, .screen-reader-text, "
    ".screen-reader-only, .screenreader"
)
_READER_ONLY_CLASS = re.compile(r"sr-only|visually-?hidden|screen-?reader")
_UNSEEN = f"{HIDDEN}, {_READER_ONLY}"
#: Class/id of the folded panels of accordions and tabs: hidden until the reader opens them, but content.
_FOLD = re.compile(r"accordion|tab-?panel|tab-?content|tab__content|collaps")


#: The walk's context: the kind of the blocks being read, their level, the list nesting depth.
_Ctx = tuple[BlockKind, int | None, int]
_TOP: _Ctx = ("paragraph", None, 0)


class Elems:
    """The block-level elements met by the walk, in document order, as parallel lists: element ``i`` has the tag
    ``tags[i]``, the block-level parent ``parents[i]`` (an index, -1 for the walk's root) and the node
    ``nodes[i]``; pre-order, so an element's descendants follow it contiguously."""

    __slots__ = ("_hints", "nodes", "parents", "tags")

    def __init__(self) -> None:
        self.tags: list[str] = []
        self.parents: list[int] = []
        self.nodes: list[LexborNode] = []
        self._hints: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.tags)

    def add(self, tag: str, parent: int, node: LexborNode) -> int:
        """Append an element; its index."""
        self.tags.append(tag)
        self.parents.append(parent)
        self.nodes.append(node)
        return len(self.tags) - 1

    def hint(self, i: int) -> str:
        """Lower-cased ``class``, ``id``, ``itemprop`` and ``role`` text of element ``i`` (read on first use)."""
        hint = self._hints.get(i)
        if hint is None:
            attrs = self.nodes[i].attributes
            if attrs:
                get = attrs.get
                hint = " ".join([v for v in (get("class"), get("id"), get("itemprop"), get("role")) if v]).lower()
            else:  # most paragraphs: no attribute at all
                hint = ""
            self._hints[i] = hint
        return hint


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


def _has_blocks(table: LexborNode) -> bool:
    """True for a layout table: one holding other tables, paragraphs, lists or sections (Lexbor's ``css``
    matches the node itself too, hence the identity check)."""
    own = table.mem_id
    return any(node.mem_id != own for node in table.css(_BLOCK_INSIDE))


def shown_text(node: LexborNode, hidden: Container[int] = ()) -> str:
    """The text of ``node`` without that of the elements never read (Lexbor's ``text()`` includes the text of
    scripts, styles, ``<noscript>``, an ``<iframe>``'s raw text, buttons, ruby annotations ...) nor that of the
    elements whose ids are in ``hidden`` (the walk's hidden ones)."""
    if not hidden and node.css_first(_UNSHOWN_SELECTOR) is None:
        return node.text()
    return _walk_text(node.child, blocks=True, hidden=hidden) or ""


#: The start of a tag or comment written as text: markup kept as raw or escaped text inside a ``<noscript>``.
_TAG_AS_TEXT = re.compile(r"<[a-zA-Z/!]")


def _markup_as_text(noscript: LexborNode) -> bool:
    """True for a ``<noscript>`` that holds markup as text (a tracking pixel's ``<img height="1" …>``, raw or
    escaped) rather than elements: that text is markup for script-less browsers, never content."""
    child = noscript.child
    while child is not None:
        if child.tag_id == _TEXT_ID and _TAG_AS_TEXT.search(child.text_content or ""):
            return True
        child = child.next
    return False


#: A notice shown when scripts are off ("You need to enable JavaScript to run this app"), not content.
_SCRIPT_NOTICE = re.compile(r"javascript", re.IGNORECASE)


def _plain_text(first: LexborNode | None) -> tuple[list[str], int] | None:
    """The text pieces and link characters of a paragraph whose children (from ``first`` on) are text, and
    links or inline elements holding one text node or none; ``None`` for any other paragraph (it is queried)."""
    parts: list[str] = []
    links = 0
    node = first
    while node is not None:
        tag_id = node.tag_id
        if tag_id == _TEXT_ID:
            parts.append(node.text_content or "")
        else:
            cat = _CATEGORY.get(tag_id, _INLINE)
            if cat not in (_INLINE, _LINK):
                return None
            inner = node.child
            if inner is not None:
                if inner.next is not None or inner.tag_id != _TEXT_ID:
                    return None
                text = inner.text_content or ""
                parts.append(text)
                if cat == _LINK:
                    links += len(squash(text))
        node = node.next
    return parts, links


def _walk_text(first: LexborNode | None, *, blocks: bool, hidden: Container[int] = ()) -> str | None:
    """The shown text of the nodes from ``first`` on and of their descendants, walked without recursion (any
    depth), without the elements whose ids are in ``hidden``; ``None`` when a block-level element is among them
    and ``blocks`` is false."""
    parts: list[str] = []
    resume: list[LexborNode | None] = []  # the next siblings of the elements entered
    node = first
    category = _CATEGORY.get
    while True:
        while node is None:
            if not resume:
                return "".join(parts)
            node = resume.pop()
        tag_id = node.tag_id
        if tag_id == _TEXT_ID:
            parts.append(node.text_content or "")
            node = node.next
            continue
        cat = category(tag_id, _INLINE)
        if cat in (_SKIP, _NOSCRIPT, _HR) or (hidden and node.mem_id in hidden):
            node = node.next
        elif blocks or cat in (_INLINE, _LINK, _BR):
            resume.append(node.next)
            node = node.child
        else:
            return None


def _link_chars(node: LexborNode) -> int:
    return sum(len(squash(a.text())) for a in node.css("a"))


class _Walker:
    # The buffer of loose text is one list, emptied in place (``leaf`` swaps in its own and puts it back), so
    # the loop over an element's children can keep it in a local; the children are reached through the
    # ``next`` pointers and dispatched on their integer tag ids: this loop runs once per node of the page.
    __slots__ = ("blocks", "buf", "buf_links", "elems", "hidden", "holders", "nest", "nodes", "parents", "tags")

    def __init__(self, hidden: dict[int, int]) -> None:
        self.nest = 0
        #: the ids of the elements not read, and (``holders``) of the paragraphs and headings they are children
        #: of: those are walked (their fast paths read every child); on most pages there is none
        self.hidden = hidden
        self.holders = set(hidden.values())
        self.holders.discard(-1)
        self.elems = Elems()
        # the element lists, appended to in place (``Elems.add`` inlined: one call less per element)
        self.tags = self.elems.tags
        self.parents = self.elems.parents
        self.nodes = self.elems.nodes
        self.blocks: list[RawBlock] = []
        self.buf: list[str] = []
        self.buf_links = 0

    def flush(self, elem: int, kind: BlockKind, level: int | None) -> None:
        buf = self.buf
        text = squash("".join(buf))
        if text:
            self.blocks.append(
                RawBlock(kind, text, level, self.tags[elem], elem, min(self.buf_links, len(text)))
            )
        buf.clear()
        self.buf_links = 0

    def container(self, node: LexborNode, tag: str, parent: int, ctx: _Ctx, cat: int) -> None:
        tags = self.tags
        idx = len(tags)
        tags.append(tag)
        self.parents.append(parent)
        self.nodes.append(node)
        if cat != _CONTAINER:  # a plain container (most) reads its children in the context it is in
            kind, level, depth = ctx
            if cat == _ITEM:
                kind, level = "list_item", max(1, min(depth, 6))
            elif cat == _QUOTE:
                kind, level = "blockquote", None
            elif cat == _CAPTION:
                kind, level = "caption", None
            elif cat == _LIST:
                depth += 1
            ctx = (kind, level, depth)
        self.buf.clear()
        self.buf_links = 0
        self.children(node, idx, ctx)
        if self.buf:
            self.flush(idx, ctx[0], ctx[1])

    def children(self, node: LexborNode, idx: int, ctx: _Ctx) -> None:
        buf = self.buf
        if self.nest >= _MAX_NEST:  # pathological nesting: the rest is read as one run of text
            buf.append(shown_text(node, self.hidden))
            return
        self.nest += 1
        kind, level, _ = ctx
        hidden = self.hidden
        category = _CATEGORY.get
        child = node.child
        while child is not None:
            tag_id = child.tag_id
            if tag_id == _TEXT_ID:
                # whitespace opening a run of text is dropped by ``squash``: it is not even buffered (most text
                # nodes are the whitespace between block elements)
                text = child.text_content
                if text and (buf or not text.isspace()):
                    buf.append(text)
                child = child.next
                continue
            cat = category(tag_id, _INLINE)
            if cat == _SKIP or (hidden and child.mem_id in hidden):
                pass
            elif cat == _INLINE:  # its text joins the current paragraph
                self.children(child, idx, ctx)
            elif cat == _LINK:
                first = child.child
                if first is not None and first.next is None and first.tag_id == _TEXT_ID:  # most links: no query
                    text = first.text_content or ""
                    buf.append(text)
                    self.buf_links += len(squash(text))
                # no block inside (a link: few nodes); its hidden elements are not read
                elif (text := _walk_text(first, blocks=False, hidden=hidden)) is not None:
                    buf.append(text)
                    self.buf_links += len(squash(text))
                else:  # a card wrapped in a link: its blocks are all link text
                    if buf:
                        self.flush(idx, kind, level)
                    before = len(self.blocks)
                    self.container(child, "a", idx, ctx, _CONTAINER)
                    for block in self.blocks[before:]:
                        block.links = len(block.text)
                    buf.clear()
                    self.buf_links = 0
            elif cat == _BR:
                if buf:
                    buf.append("\n")
            else:
                if buf:
                    self.flush(idx, kind, level)
                tag = _NAME[tag_id]
                if cat == _CONTAINER:  # the most common block element: dispatched first
                    self.container(child, tag, idx, ctx, cat)
                    buf.clear()
                    self.buf_links = 0
                elif cat in (_PARA, _HEADING):
                    self.leaf(child, tag, idx, ctx, cat)
                elif cat == _PRE:
                    text = squash_lines(shown_text(child, hidden))
                    if text:
                        own = self.elems.add(tag, idx, child)
                        self.blocks.append(RawBlock("code", text, None, tag, own, min(_link_chars(child), len(text))))
                elif cat == _TABLE:
                    if _has_blocks(child) or not self.table(child, idx):
                        self.container(child, tag, idx, ctx, _CONTAINER)
                        buf.clear()
                        self.buf_links = 0
                elif cat == _NOSCRIPT:
                    # read when parsed as elements (Discourse serves its posts there), not when it is raw
                    # markup kept as text
                    if (
                        child.child is not None
                        and not _markup_as_text(child)
                        and not ((notice := child.text()) and len(notice) < 300 and _SCRIPT_NOTICE.search(notice))
                    ):
                        self.container(child, tag, idx, ctx, _CONTAINER)
                        buf.clear()
                        self.buf_links = 0
                elif cat != _HR:
                    self.container(child, tag, idx, ctx, cat)
                    buf.clear()
                    self.buf_links = 0
            child = child.next
        self.nest -= 1

    def leaf(self, node: LexborNode, tag: str, parent: int, ctx: _Ctx, cat: int) -> None:
        kind, level, _ = ctx
        own = self.elems.add(tag, parent, node)
        first = node.child
        if first is not None and first.next is None and first.tag_id == _TEXT_ID:
            # the common paragraph: one run of text, no markup (what ``text()`` would read, without links)
            text = squash(first.text_content or "")
            links = 0
        elif (not self.holders or node.mem_id not in self.holders) and (plain := _plain_text(first)) is not None:
            text = squash("".join(plain[0]))
            links = plain[1] if text else 0
        else:  # walked: line breaks, scripts, controls and annotations are what Lexbor's ``text()`` gets wrong
            saved, saved_links = self.buf, self.buf_links
            self.buf, self.buf_links = [], 0
            self.children(node, own, (kind, level, 0))
            text = squash("".join(self.buf))
            links = self.buf_links
            self.buf, self.buf_links = saved, saved_links
        if not text:
            return
        if cat == _HEADING:
            self.blocks.append(RawBlock("heading", text, _HEADINGS[tag], tag, own, min(links, len(text))))
        else:
            self.blocks.append(RawBlock(kind, text, level, tag, own, min(links, len(text))))

    def table(self, node: LexborNode, parent: int) -> bool:
        """A data table as one block (rows on lines, cells tab-separated); False for layout tables."""
        rows: list[str] = []
        hidden = self.hidden
        scripted = bool(hidden) or node.css_first(_UNSHOWN_SELECTOR) is not None
        for row in node.css("tr"):
            cells = [squash(shown_text(cell, hidden) if scripted else cell.text()) for cell in row.css("th, td")]
            if any(len(cell) > _MAX_CELL for cell in cells):
                return False
            if any(cells):
                rows.append("\t".join(cells).rstrip("\t"))
        own = self.elems.add("table", parent, node)
        caption = node.css_first("caption")
        if caption is not None and (text := squash(shown_text(caption, hidden) if scripted else caption.text())):
            self.blocks.append(RawBlock("caption", text, None, "caption", own, 0))
        if rows:
            text = "\n".join(rows)
            self.blocks.append(RawBlock("table", text, None, "table", own, min(_link_chars(node), len(text))))
        return True


def _hidden(attrs: dict[str, str | None]) -> bool:
    """True for the attributes of an element that :data:`HIDDEN` matches."""
    if "hidden" in attrs or "popover" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style") or ""
    return "display:none" in style or "display: none" in style


def _folded(node: LexborNode) -> bool:
    """True for a panel of an accordion or of tabs, folded away with the ``hidden`` attribute: content the
    reader opens with a click (not one hidden with ``aria-hidden`` or ``display: none``)."""
    attrs = node.attributes
    if "hidden" not in attrs:
        return False
    if (attrs.get("role") or "") == "tabpanel":
        return True
    hint = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return _FOLD.search(hint) is not None


def flatten(root: LexborNode) -> tuple[Elems, list[RawBlock]]:
    """The block-level elements and the text blocks of ``root``'s subtree, in document order."""
    # ``<div hidden>`` children of the body hold content streamed in by the server (React's <div hidden
    # id="S:0">, swapped in for "Loading ..." placeholders): they are read, and so are folded accordion and
    # tab panels; other hidden elements are not
    top = root.mem_id
    # element id -> the id of the paragraph or heading it is a child of (-1 for another parent), of the elements
    # never read (screen-reader text) and of the hidden ones
    hidden: dict[int, int] = {}
    unread: dict[int, int] = {}
    for node in root.css(_UNSEEN):  # one query for both kinds: each query walks the whole tree
        attrs = node.attributes
        parent = node.parent
        leaf = parent.mem_id if parent is not None and _CATEGORY.get(parent.tag_id) in (_PARA, _HEADING) else -1
        if _READER_ONLY_CLASS.search(attrs.get("class") or ""):
            unread[node.mem_id] = leaf
        elif _hidden(attrs) and not (
            parent is not None and parent.mem_id == top and node.tag == "div" and "hidden" in attrs
        ) and not _folded(node):
            hidden[node.mem_id] = leaf
    hidden |= unread
    walker = _Walker(hidden)
    walker.container(root, root.tag or "body", -1, _TOP, _CONTAINER)
    if hidden and (shown := sum(len(b.text) for b in walker.blocks)) < _LITTLE:
        # little is visible: the content may be streamed into hidden elements (React's <div hidden id="S:0">)
        everything = _Walker(unread)
        everything.container(root, root.tag or "body", -1, _TOP, _CONTAINER)
        total = sum(len(b.text) for b in everything.blocks)
        if total > 3 * shown and total - shown >= _STREAMED:
            walker = everything
    return walker.elems, walker.blocks


__all__ = ["HIDDEN", "Elems", "RawBlock", "flatten"]
