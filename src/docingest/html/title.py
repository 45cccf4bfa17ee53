"""The headline is metadata, not body: the heading that repeats the page's title leaves the body.

Both ground truths we measure against (WCXB and Mozilla Readability's hand-checked output) leave the headline
out of the main text in almost every page; the title itself is :attr:`Article.title`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Page
from .blocks import RawBlock

_WORD = re.compile(r"\w+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(text))


def page_titles(page: Page) -> list[tuple[str, ...]]:
    """Word sequences of the titles the page declares (``<title>``, ``og:title``, ``twitter:title``)."""
    tree = page.tree
    if tree is None:
        return []
    out: list[tuple[str, ...]] = []
    node = tree.css_first("title")
    if node is not None:
        out.append(_words(node.text()))
    for meta in tree.css('meta[property="og:title"], meta[name="twitter:title"]'):
        content = meta.attributes.get("content")
        if content:
            out.append(_words(content))
    return [t for t in out if t]


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    if not needle or len(needle) > len(haystack):
        return False
    first = needle[0]
    for i in range(len(haystack) - len(needle) + 1):
        if haystack[i] == first and haystack[i : i + len(needle)] == needle:
            return True
    return False


def drop_headline(blocks: Sequence[RawBlock], kept: list[int], page: Page) -> list[int]:
    """``kept`` without the heading that repeats the page title (at most one, before the first paragraph)."""
    if not kept:
        return kept
    titles = page_titles(page)
    if not titles:
        return kept
    for pos, i in enumerate(kept):
        block = blocks[i]
        if block.kind != "heading":
            if len(block.text) > 80:  # the body has started: a later heading is a section heading
                break
            continue
        words = _words(block.text)
        if words and any(_contains(t, words) or _contains(words, t) for t in titles):
            return kept[:pos] + kept[pos + 1 :]
    return kept
