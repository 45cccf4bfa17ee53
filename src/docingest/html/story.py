"""Where the story lives on a page, found from structure alone: the headline and the paragraphs after it.

A name-based judgement ("this ``div`` is a sidebar, its class says so") is only a hint. Before a big element
goes, the chrome cleaner asks :class:`Story` whether it holds the story: whether it contains the text where the
story starts (the first paragraph, or run of text, after the headline: the heading that repeats the page's
title, else the first ``<h1>``) together with most of the page's text. A page without a headline says nothing
of where its story is: there the names decide, and the body extractor's name-free safety net catches a story
they removed.

Everything is read with Lexbor's own queries, once per page and only when a big element is about to go.
"""

from __future__ import annotations

from collections.abc import Sequence

from selectolax.lexbor import LexborNode

from .blocks import RawBlock
from .title import _contains as contains
from .title import _words as words

#: Where the story starts: a ``<p>`` or a run of text of at least this many characters (a sentence or more).
PARAGRAPH = 80
#: The least text (characters) of an element that holds a story: a few paragraphs ...
STORY_CHARS = 500
#: ... and the least share of the page's text it shows.
MOST = 0.5
#: The least prose a story has, as a weight of :func:`docingest.html.scoring.block_weight` (``<p>`` text counts
#: 1.5 times): what the body extractor's name-free safety net must find.
STORY_PROSE = 1.5 * STORY_CHARS
#: The least text (outside links) of the block where the story starts on a flattened page: a line of text.
STORY_TEXT = 30


_UNREAD = frozenset({"script", "style", "noscript", "template", "svg", "select", "button", "textarea"})
#: How far after the headline the story may start (elements and text nodes walked).
_REACH = 3000


def _start_after(head: LexborNode) -> LexborNode | None:
    """The element holding the first run of text after ``head`` (in document order): a ``<p>``, or a text node,
    of at least :data:`PARAGRAPH` characters; ``None`` if there is none within reach."""
    node: LexborNode | None = head
    steps = 0
    while node is not None and steps < _REACH:
        # the next node in document order that is not inside ``node``: its next sibling, else an ancestor's
        while node is not None and node.next is None:
            node = node.parent
        if node is None:
            return None
        node = node.next
        while node is not None and steps < _REACH:
            steps += 1
            if node.is_text_node:
                if len((node.text_content or "").strip()) >= PARAGRAPH:
                    return node.parent
            elif node.tag == "p":
                if len(node.text(strip=True)) >= PARAGRAPH:
                    return node
            elif node.tag not in _UNREAD and node.child is not None:
                node = node.child
                continue
            if node.next is None:
                break
            node = node.next
    return None


def anchor(blocks: Sequence[RawBlock], titles: Sequence[tuple[str, ...]]) -> int:
    """The flattened page's counterpart of :class:`Story`: the index of the element holding the first line of
    text (:data:`STORY_TEXT` characters outside links, in any script) after the headline block (the first heading
    whose words a title holds, or that holds a title's, else the first ``<h1>``); -1 without either."""
    head = -1
    for j, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        heading = words(block.text)
        if heading and any(contains(t, heading) or contains(heading, t) for t in titles):
            head = j
            break
        if head < 0 and block.level == 1:
            head = j
    if head < 0:
        return -1
    for j in range(head + 1, len(blocks)):
        block = blocks[j]
        if block.kind != "heading" and len(block.text) - block.links >= STORY_TEXT:
            return block.elem
    return -1


#: The titles a page declares and its headings, in one query (of the ``<head>``: small) ...
_TITLES_AND_HEADINGS = 'title, meta[property="og:title"], meta[name="twitter:title"], h1, h2, h3'
#: ... and, in the rest of the page, by tag alone (an attribute test on every element of a body costs as much as
#: the rest of the query): a body seldom has a ``<meta>``, and each is tested on its own.
BY_TAG = "title, meta, h1, h2, h3"
_TITLE_METAS = 'meta[property="og:title"], meta[name="twitter:title"]'


class Story:
    """Where the story of a page is (read on first question): ``root`` is the document, ``body`` its body, and
    ``title`` a title found for it elsewhere (the metadata's). ``marked`` is what ``body.css(BY_TAG)`` finds, when
    the caller already has it (each query walks the whole body)."""

    def __init__(
        self, root: LexborNode, body: LexborNode, title: str | None, marked: list[LexborNode] | None = None
    ) -> None:
        self.root = root
        self.body = body
        self.title = title
        self.marked = marked
        self._holders: set[int] | None = None
        self._total = -1

    def headline(self) -> LexborNode | None:
        """The heading that repeats a title the page declares, else the first ``<h1>``."""
        titles = [words(self.title)] if self.title else []
        headings: list[LexborNode] = []
        for node in _titles_and_headings(self.root, self.body, self.marked):
            tag = node.tag
            if tag == "title":
                titles.append(words(node.text()))
            elif tag == "meta":
                titles.append(words(node.attributes.get("content") or ""))
            else:
                headings.append(node)
        titles = [t for t in titles if t]
        first_h1: LexborNode | None = None
        for node in headings:
            if node.tag == "h1" and first_h1 is None:
                first_h1 = node
            heading = words(node.text())
            if heading and any(contains(t, heading) or contains(heading, t) for t in titles):
                return node
        return first_h1

    def _find(self) -> set[int]:
        """Ids of the elements holding the text where the story starts (empty without a headline)."""
        holders: set[int] = set()
        head = self.headline()
        current = _start_after(head) if head is not None else None
        while current is not None:
            holders.add(current.mem_id)
            current = current.parent
        return holders

    def holds(self, node: LexborNode, shown: int) -> bool:
        """True when ``node``, showing ``shown`` characters of text, holds the story: the text where it starts,
        and most of the page's text."""
        if self._holders is None:
            self._holders = self._find()
        if shown < STORY_CHARS or node.mem_id not in self._holders:
            return False
        if self._total < 0:  # the page's text, read once
            unread = sum(len(node.text()) for node in self.body.css("script, style, noscript, template"))
            self._total = len(self.body.text()) - unread
        return shown >= MOST * self._total


def _titles_and_headings(
    root: LexborNode, body: LexborNode, marked: list[LexborNode] | None
) -> list[LexborNode]:
    """The ``<title>``s, title ``<meta>``s and ``<h1>``-``<h3>`` headings of the document ``root``, in document
    order (``marked``: what ``body.css(BY_TAG)`` finds, if known)."""
    found: list[LexborNode] = []
    part = root.child
    while part is not None:
        if part.tag == "head":
            found.extend(part.css(_TITLES_AND_HEADINGS))
        elif part.is_element_node:
            tagged = marked if marked is not None and part.mem_id == body.mem_id else part.css(BY_TAG)
            found.extend(node for node in tagged if node.tag != "meta" or node.css_matches(_TITLE_METAS))
        part = part.next
    return found


__all__ = ["BY_TAG", "MOST", "PARAGRAPH", "STORY_CHARS", "STORY_PROSE", "STORY_TEXT", "Story", "anchor"]
