"""The headline, byline and dateline are metadata, not body: they leave the body.

Both ground truths we measure against (WCXB and Mozilla Readability's hand-checked output) leave the headline
out of the main text in almost every page; the title itself is :attr:`Article.title`. Likewise the byline and
dateline blocks at the head of the story ("By Marta Velasco · 12 November 2024"): the authors and dates are
``Article`` fields. Only the head is cleaned: further down, short lines naming a person or a date are content
(listing dates, a quoted name), and dropping them there cost more than it gained on wcxb-dev.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from ..document import Page
from .blocks import RawBlock

_WORD = re.compile(r"\w+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(text))


#: ``Page.cache`` key of the titles a page declares (:func:`page_titles`): the metadata stage puts them there from
#: the intact page, whose ``<title>`` and ``<meta>`` s it reads anyway (each query of a tree walks all of it).
TITLES_KEY = "docingest.page_titles"


def is_title_meta(attrs: Mapping[str, str | None]) -> bool:
    """True for the attributes of a ``<meta>`` that declares the page's title (``og:title``, ``twitter:title``)."""
    return attrs.get("property") == "og:title" or attrs.get("name") == "twitter:title"


def declared_titles(title: str | None, metas: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """Word sequences of a page's ``<title>`` text and of its title ``<meta>`` contents, the empty ones left out."""
    texts = metas if title is None else (title, *metas)
    return tuple(words for words in map(_words, texts) if words)


def page_titles(page: Page) -> list[tuple[str, ...]]:
    """Word sequences of the titles the page declares (``<title>``, ``og:title``, ``twitter:title``; not the
    metadata's title, which may come from the ``<h1>`` itself: on forums that heading is the post's, and kept),
    read once a page (``page.cache[TITLES_KEY]``)."""
    found: tuple[tuple[str, ...], ...] | None = page.cache.get(TITLES_KEY)
    if found is None:
        tree = page.tree
        if tree is None:
            return []
        node = tree.css_first("title")
        metas = [
            content
            for meta in tree.css("meta")
            if is_title_meta(attrs := meta.attributes) and (content := attrs.get("content"))
        ]
        found = page.cache[TITLES_KEY] = declared_titles(node.text() if node is not None else None, metas)
    return list(found)


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


# ---------------------------------------------------------------------------------------------- bylines
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)
_MONTH = "|".join(_MONTH_NAMES)
_DATE = re.compile(
    rf"\b(?:\d{{4}}-\d\d-\d\d|\d{{1,2}}([./])\d{{1,2}}\1(?:\d{{4}}|\d\d)(?![./\d])|"
    rf"(?:{_MONTH})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTH})\.?,? \d{{4}})\b",
    re.IGNORECASE,
)
_BY = re.compile(r"^(?:by|written by|posted by|words by|author:?|von|par|por|door)\s+(?!clicking\b)\w", re.IGNORECASE)
#: Words a dateline may hold besides its date ("Updated on 3 May 2024 at 10:00 am EST · 5 min read").
_DATELINE_WORDS = frozenset((
    "by", "on", "at", "in", "and", "the", "updated", "published", "posted", "last", "modified", "written",
    "reviewed", "edited", "am", "pm", "est", "edt", "pst", "pdt", "cst", "cdt", "gmt", "utc", "bst", "cet", "cest",
    "ist", "read", "min", "mins", "minute", "minutes", "reading", "time",
)) | frozenset(_MONTH_NAMES)
_LETTERS = re.compile(r"[^\W\d_]+")
#: Bylines and datelines are short.
BYLINE_MAX = 160
#: A block this long, not a heading, is running text: the body has started.
_BODY_STARTS = 80


def _dateline(text: str) -> bool:
    """True for a date with at most a few other words ("Updated 3 May 2024, 10:00 GMT", "Jan 5, 2025 · 4 min")."""
    if len(text) > 100 or not _DATE.search(text):
        return False
    rest = _DATE.sub(" ", text).casefold()
    return sum(1 for w in _LETTERS.findall(rest) if w not in _DATELINE_WORDS) <= 4


def _names(page: Page) -> list[tuple[str, ...]]:
    meta = page.metadata
    found = [_words(name) for name in meta.authors or ()]
    if meta.byline:
        found.append(_words(meta.byline))
    return [n for n in found if n and sum(len(w) for w in n) > 3]


def is_byline(text: str, names: Sequence[tuple[str, ...]]) -> bool:
    """True for a byline or dateline block: "By Marta Velasco · 12 November 2024", "Marta Velasco, staff
    writer", "Updated 3 May 2024"."""
    if len(text) > BYLINE_MAX:
        return False
    words = _words(text)
    if names and len(words) <= 14 and any(_contains(words, name) for name in names):
        return True
    if _BY.match(text) and len(words) <= 12:
        return True
    return _dateline(text)


def drop_bylines(blocks: Sequence[RawBlock], kept: list[int], page: Page) -> list[int]:
    """``kept`` without the byline and dateline blocks at the head of the body (before its running text):
    the authors and dates are :class:`~docingest.models.Article` fields, not body text."""
    names = _names(page)
    out: list[int] = []
    started = False
    for i in kept:
        block = blocks[i]
        if not started and block.kind in ("paragraph", "list_item", "caption") and is_byline(block.text, names):
            continue
        if not started and block.kind != "heading" and len(block.text) >= _BODY_STARTS:
            started = True
        out.append(i)
    return out
