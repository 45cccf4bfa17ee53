"""Bylines without a label: a person's name printed on its own beside the headline.

Many pages print the author without "By" and without an author class: ``<h1>…</h1><p>Elliot Raba</p>
<p>23.07.2025 · 6 min read</p>``. Such a name is recognised by what a byline *is*, not by its wording: a piece
of text of its own (a text node), shaped like a person's name (two to four capitalised words, no digits, no
verb or control label), among the pieces between the headline and the running text, and tied to the story by
the page's own structure — at least one of:

- a date or a reading time printed within a few pieces of it (the dateline it shares a header with);
- a job title printed right after it ("Tech Writer", "Co-Founder & Marketing Director");
- a link around it to a page about a person (``/blog/authors/emmanuel-oyibo``, ``/profiles/jane-doe``);
- a container marked as the author's (``class="elementor-author-box"``, ``"byline"``).

A capitalised label that is the page's vocabulary rather than a name ("Cloud Computing", "Size Chart") is told
apart by the page itself: a word of it is also written in lower case in the page's prose, which a person's
name is not. (A picture beside the name is no evidence: product cards are pictured and named the same way.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborNode

from .authors import COLLECTIVE, clean_authors, job_title
from .dates import dateline

#: Words that may stand lower-case inside a name ("Ludwig van Beethoven", "Ana de la Cruz").
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "al",
                        "dos", "das", "ter", "ten", "y"})  # fmt: skip
_NAME_WORD = re.compile(r"^(?:[^\W\d_]\.|[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]+)*\.?)$")
_WORDS = re.compile(r"[^\W\d_]+")
_AUTHOR_MARK = re.compile(r"author(?!i[sz])|byline", re.IGNORECASE)
#: Path segments of the pages a site keeps about its people.
_PERSON_PATHS = ("author", "autor", "auteur", "profil", "writer", "contributor", "staff", "reviewer")
_FIELDS = re.compile(r"\s+[|·•]\s+")
_FIELD_MARKS = frozenset("|·•")
#: Characters that glue a word into an identifier, a path or a quoted value.
_GLUE = frozenset("-_/'\"=.@#")
#: How far (in pieces) a dateline may stand from the name it goes with.
_DATE_REACH = 3
#: A piece this long is running text: the pieces before the second such piece are the headline's header.
_RUNNING = 100


def person_like(text: str) -> bool:
    """True for text shaped like a person's name: two to four words, each capitalised (or a particle or an
    initial), letters only."""
    if len(text) > 50 or not text[:1].isupper():
        return False
    words = text.split()
    if not 2 <= len(words) <= 4:
        return False
    capitals = 0
    for word in words:
        if word in _PARTICLES:
            continue
        if not _NAME_WORD.match(word) or not word[0].isupper():
            return False
        capitals += 1
    return capitals >= 2


def _profile_link(node: LexborNode) -> bool:
    """True when a link around ``node`` leads to a page about a person (``/blog/authors/emmanuel-oyibo``,
    ``/profiles/jane-doe``, ``/people/…``). A link named after its text is no evidence by itself: categories,
    products and books are linked that way too."""
    current: LexborNode | None = node.parent
    for _ in range(3):
        if current is None:
            return False
        if current.tag == "a":
            path = unquote(urlsplit(current.attributes.get("href") or "").path).casefold()
            return any(s.startswith(_PERSON_PATHS) for s in path.split("/")[:-1] if s)
        current = current.parent
    return False


def _marked(node: LexborNode) -> bool:
    """True when a container around ``node`` (up to four levels) is marked as the author's or the byline."""
    current: LexborNode | None = node.parent
    for _ in range(4):
        if current is None or current.tag in ("body", "html", "main", "article"):
            return False
        attrs = current.attributes
        if _AUTHOR_MARK.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            return True
        current = current.parent
    return False


def _written_lower(word: str, text: str) -> bool:
    """True when ``word`` (lower case) stands in ``text`` as a word of its own: not inside a longer word, an
    identifier or a quoted value ("size-chart", "/size/", '"size"')."""
    start = text.find(word)
    seen = 0
    while start >= 0 and seen < 50:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in _GLUE or after.isalnum() or after in _GLUE):
            return True
        start = text.find(word, start + 1)
        seen += 1
    return False


def _vocabulary(name: str, texts: Sequence[str], page: LexborNode | None) -> bool:
    """True when a word of ``name`` is also written in lower case on the page: a label ("Road Running", "Size
    Chart", "Linux Kernel"), not a person's name ("The" and collective words such as "Team" aside)."""
    words = [w for w in (x.casefold() for x in _WORDS.findall(name)) if w != "the" and w not in COLLECTIVE]
    near = " ".join(texts)
    if any(_written_lower(w, near) for w in words):
        return True
    whole = page.text(deep=True, separator=" ") if page is not None else ""
    return any(_written_lower(w, whole) for w in words)


def bare_byline(
    pieces: Sequence[tuple[str, LexborNode]], exclude: Sequence[str], headline: str | None = None,
    page: LexborNode | None = None, chrome: Callable[[LexborNode], bool] | None = None,
) -> tuple[tuple[str, ...], str] | None:  # fmt: skip
    """The names of an unlabelled byline among ``pieces`` (the text after the headline, with its nodes) and
    the piece they were read from, or ``None``. ``page`` (the ``<body>``) supplies the page's vocabulary;
    ``chrome`` tells whether a node sits in page chrome (a sidebar, a footer), where no byline is."""
    # a header line of fields ("Aaron Ricadela | Senior Writer | July 2, 2025") is read field by field
    fields = [
        (field, node)
        for text, node in pieces
        for field in (_FIELDS.split(text) if len(text) < _RUNNING and _FIELD_MARKS & set(text) else [text])
        if field
    ]
    texts = [text for text, _ in fields]
    running = 0
    head = (headline or "").casefold()
    for i, (text, node) in enumerate(fields):
        if len(text) >= _RUNNING:
            running += 1
            if running >= 2:
                break
            continue
        if not person_like(text) or text.casefold() in head:
            continue
        titled = i + 1 < len(texts) and job_title(texts[i + 1])
        if not (titled or _profile_link(node) or _marked(node)):
            near = texts[max(0, i - _DATE_REACH) : i] + texts[i + 1 : i + 1 + _DATE_REACH]
            if not any(dateline(t) for t in near):
                continue
        names = clean_authors([text], exclude, strict=True)
        if len(names) != 1 or names[0] != text:
            continue  # a job title, a publication, a control: not a bare name
        if chrome is not None and chrome(node):
            continue
        if _vocabulary(text, texts, page):
            continue
        return names, text
    return None


__all__ = ["bare_byline", "person_like"]
