"""Choosing the main content among the blocks of a flattened page.

Every text block gets a weight that a person would recognise as "reads like content": its characters outside
links, more for sentences (punctuation) and ``<p>`` paragraphs, little for short labels, nothing for link
lists. Weights add up the element tree (one reverse pass over the elements: children come after their
parents). The content root is found by descending from the top while one child holds most of its parent's
weight; a semantic container (``<article>``, ``<main>``, ``itemprop=articleBody``, ``role=main``) holding
most of the weight takes precedence over a shallower root. Inside the root, link lists and blocks in sub-trees
that are mostly links are dropped, and so is a second copy of a run of blocks (a ``<noscript>`` twin, the
mobile variant of a responsive layout).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .blocks import Elems, RawBlock

#: A child holding at least this share of its parent's weight becomes the root.
DESCEND = 0.75
#: Below this much running-text weight, a page is read as a listing: links count as content.
PROSE_MIN = 500.0
#: The share of a node's weight that may not be left out with the start of the story when descending.
LEFT_OUT = 0.05
#: A semantic container holding at least this share of the root's weight replaces it.
SEMANTIC = 0.6
_SEMANTIC_HINT = re.compile(r"\barticlebody\b|\bmain\b|\bpost-?body\b|\bentry-content\b|\barticle-?body\b")


def block_weight(block: RawBlock) -> float:
    """How much a block reads like content (0 for headings and link lists)."""
    if block.kind == "heading":
        return 0.0
    length = len(block.text)
    own = length - block.links
    if own <= 0 or block.links > 0.5 * length:
        return 0.0
    weight = float(own)
    if length < 40:
        weight *= 0.3
    if not _punctuated(block.text):
        weight *= 0.5
    if block.tag == "p":
        weight *= 1.5
    return weight


def _punctuated(text: str) -> bool:
    """True for text that reads as sentences (a full stop or comma followed by a space, or a final stop)."""
    return ". " in text or ", " in text or text[-1] in ".!?。！？" or "。" in text or "，" in text


def select(
    elems: Elems, blocks: Sequence[RawBlock], *, names: bool = True, anchor: int = -1
) -> tuple[int, list[int]]:
    """(index of the content root in ``elems``, indices of the kept blocks in document order).

    With ``names=False`` the root is found by text density alone, never by what a class or id says. ``anchor``
    is the element where the story starts (:func:`docingest.html.story.anchor`, -1 if unknown): the root is
    not sought below an element whose heaviest child would leave the anchor and a share of prose out.
    """
    if not blocks:
        return 0, []
    n = len(elems)
    parents = elems.parents
    good = [0.0] * n
    text = [0] * n
    for block in blocks:
        e = block.elem
        good[e] += block_weight(block)
        text[e] += len(block.text)
    for i in range(n - 1, 0, -1):
        parent = parents[i]
        if parent >= 0:
            good[parent] += good[i]
            text[parent] += text[i]
    listing = good[0] < PROSE_MIN
    # little running text: a listing, a shop, a link hub, whose links are its content
    weights = [float(t) for t in text] if listing else good
    if weights[0] <= 0:
        root = 0
    else:
        root = _descend(0, weights, parents, anchor if not listing else -1)
        if names:
            root = _semantic(root, elems, weights)
    inside = _subtree(root, n, parents)
    kept = [
        i
        for i, block in enumerate(blocks)
        if inside[block.elem] and (_keep(block) if not listing else not _label(block))
    ]
    return root, _drop_copies(elems, blocks, kept, text)


def _descend(start: int, good: list[float], parents: list[int], anchor: int = -1) -> int:
    """From ``start`` down, while one child holds at least :data:`DESCEND` of its parent's weight (and, with an
    ``anchor`` element, does not leave it out together with :data:`LEFT_OUT` of its parent's weight: a gallery
    or a comment thread heavier than the story it follows)."""
    # each element's heaviest child (the first of equals), in one pass instead of lists of children
    best = [-1] * len(parents)
    for i in range(1, len(parents)):
        parent = parents[i]
        if parent >= 0 and (best[parent] < 0 or good[i] > good[best[parent]]):
            best[parent] = i
    holds = _chain(anchor, parents)
    current = start
    while True:
        child = best[current]
        if child < 0 or good[child] < DESCEND * good[current]:
            return current
        if current in holds and child not in holds and good[child] <= (1 - LEFT_OUT) * good[current]:
            return current
        current = child


def _chain(i: int, parents: list[int]) -> set[int]:
    """``i`` and its ancestors (empty for -1)."""
    out: set[int] = set()
    while i >= 0:
        out.add(i)
        i = parents[i]
    return out


def _semantic(root: int, elems: Elems, good: list[float]) -> int:
    best, best_good = -1, 0.0
    floor = SEMANTIC * good[root]
    tags, parents = elems.tags, elems.parents
    for i, weight in enumerate(good):
        if weight < floor or weight <= best_good:
            continue
        if tags[i] in ("article", "main") or _SEMANTIC_HINT.search(elems.hint(i)):
            best, best_good = i, weight
    if best < 0 or best == root or best_good < SEMANTIC * good[root]:
        return root
    # only move down: the semantic container must lie inside the root
    ancestor = parents[best]
    while ancestor >= 0:
        if ancestor == root:
            return best
        ancestor = parents[ancestor]
    return root


def _subtree(root: int, n: int, parents: list[int]) -> list[bool]:
    inside = [False] * n
    inside[root] = True
    for i in range(root + 1, n):
        parent = parents[i]
        if parent >= 0 and inside[parent]:
            inside[i] = True
    return inside


#: A copy of the content (a ``<noscript>`` twin, the mobile variant of a responsive layout, a preview of the
#: first post beside a thread): an element of at least this many characters and blocks, one of them a sentence
#: or longer, whose blocks repeat those of an earlier element word for word.
COPY_MIN = 100
COPY_BLOCKS = 2
COPY_SENTENCE = 80


def _drop_copies(elems: Elems, blocks: Sequence[RawBlock], kept: list[int], text: list[int]) -> list[int]:
    """``kept`` without the blocks of an element whose blocks repeat those of an earlier element (a single
    repeated paragraph stays: a refrain, a repeated notice, a test page's filler; so do runs of short labels,
    such as the same colour swatches on every product card)."""
    long = [t for i in kept if len(t := blocks[i].text) >= COPY_SENTENCE]
    if len(set(long)) == len(long):  # no sentence repeats: nothing to look for (most pages)
        return kept
    n = len(elems)
    first = [len(blocks)] * n  # the range of each element's blocks (a subtree's blocks are contiguous)
    last = [-1] * n
    for j, block in enumerate(blocks):
        e = block.elem
        if last[e] < 0:
            first[e] = j
        last[e] = j
    parents = elems.parents
    for i in range(n - 1, 0, -1):
        parent = parents[i]
        if parent >= 0:
            first[parent] = min(first[parent], first[i])
            last[parent] = max(last[parent], last[i])
    seen: dict[tuple[int, int, str, str], int] = {}
    gone: set[int] = set()
    for i, size in enumerate(text):
        a, b = first[i], last[i]
        if size < COPY_MIN or b - a + 1 < COPY_BLOCKS:
            continue
        key = (size, b - a, blocks[a].text, blocks[b].text)
        earlier = seen.setdefault(key, a)
        if (
            earlier + b - a < a  # disjoint: not the same blocks seen through a wrapper
            and any(len(blocks[k].text) >= COPY_SENTENCE for k in range(a, b + 1))
            and all(blocks[earlier + k].text == blocks[a + k].text for k in range(b - a + 1))
        ):
            gone.update(range(a, b + 1))
    return [i for i in kept if i not in gone] if gone else kept


#: A photo credit on a line of its own ("Credit: Jane Doe / Agency", "Image courtesy of the museum"): the
#: picture's small print, not the story's text.
_CREDIT = re.compile(
    r"(?:(?:photo(?:graph)?|image|picture|illustration|video)s? )?credits?\s*:|"
    r"(?:(?:photo(?:graph)?|image|picture)s? )?courtesy of\b",
    re.IGNORECASE,
)

#: A stock or wire agency's photo credit ("Jane Roe/Getty Images", "Shutterstock", "AP Photo/John Doe"): a short
#: line naming the agency is the picture's small print even without a "Credit:" label.
_AGENCY = re.compile(r"\b(?:getty images|istock(?:photo)?|shutterstock|ap photo)\b", re.IGNORECASE)

#: The consent note under a sign-up form or a video player ("By signing up, you agree to our Privacy Policy").
_CONSENT = re.compile(
    r"by (?:signing|subscribing|clicking|submitting|registering|continuing|providing|tapping)\b"
    r".{0,300}?\b(?:agree|consent|accept|acknowledge|confirm)",
    re.IGNORECASE,
)

#: A control's label on a line of its own ("Read more", "Add to wishlist", "Quick shop", "Toggle caption"): a
#: button or a link to elsewhere, not the text it stands next to.
_CONTROL = re.compile(
    r"(?:read more|learn more|see more|show more|view more|continue reading|find out more|click here|"
    r"add to (?:cart|bag|basket|wish ?list|compare)|quick (?:shop|view)|toggle caption)\W*",
    re.IGNORECASE,
)

#: A widget's own label on a line of its own: a reading time ("5 min read"), a like or reply count ("3 Likes"),
#: a form's sent / failed message, a loading placeholder, a sort menu, a close button, a "Sponsored" tag, a
#: recommendation strip's title; a forum poster's stats ("Posts: 1,077", "Original Poster"); a shop's rating
#: and badge labels ("Rated 4.8 out of 5", "Based on 120 reviews", "In stock", "New arrival", "Top rated"); an
#: answer count, an edit stamp, an "Advertisement" slug, a table of contents' or share bar's title left alone.
_WIDGET = re.compile(
    r"(?:\d+ min(?:ute)?s? read|\d+ likes?|\d+ repl(?:y|ies)|oops! something went wrong while submitting the form\.?|"
    r"thank you! your submission has been received!?|sponsored|tags:?|loading\.*|close|sort(?:ed)? by:?|"
    r"verified buyer|recommended for you|you may also like|"
    r"posts:? ?[\d,]+|wrote on:?|original poster|new arrivals?|in stock|award winner|"
    r"rated \d(?:\.\d)? out of 5(?: stars)?|based on [\d,]+ reviews?|\d+ stars?|"
    r"press enter or click to view image in full size|thank you for your feedback.{0,60}|"
    r"top rated|limited edition|\d+ answers?(?: \d+)?|seller [\d.]+% positive|reviewed in .{3,30} on .{5,25}|"
    r"table of contents(?: \[?(?:hide|show|toggle)\]?)*|contents|share (?:this|the) (?:article|post|story|page)|"
    r"share this(?: on)?|share on|last edited(?: by)?:? .{3,60}|edited by|last updated on .{3,40}|advertisement|"
    r"\d+ min\.? read|contact us|filters|recently viewed|quantity|related (?:articles|posts):?|website|downloads|"
    r"activity|thanks for reading!? subscribe.{0,100})\W*",
    re.IGNORECASE,
)


def _label(block: RawBlock) -> bool:
    """True for a control's or a widget's label on a line of its own (on listings too)."""
    length = len(block.text)
    return (
        (length < 30 and _CONTROL.fullmatch(block.text) is not None)
        or (length < 130 and _WIDGET.fullmatch(block.text) is not None)
    )


def _keep(block: RawBlock) -> bool:
    text = block.text
    length = len(text)
    heading = block.kind == "heading"
    if not heading and block.links > 0.6 * length:  # a link list: no need to read it
        return False
    if _label(block):
        return False
    if heading:
        return True
    if length < 100 and _CREDIT.match(text) is not None:
        return False
    if length < 130 and _agency(text):
        return False
    return not (length < 400 and text[:3].lower() == "by " and _CONSENT.match(text) is not None)


def _agency(text: str) -> bool:
    """True for text naming a photo agency (:data:`_AGENCY`); ASCII text without one of its words is not read."""
    if text.isascii():  # ASCII: lower-casing is the pattern's case folding, and the words it needs are plain
        lowered = text.lower()
        if "getty" not in lowered and "stock" not in lowered and "ap photo" not in lowered:
            return False
    return _AGENCY.search(text) is not None


__all__ = ["DESCEND", "LEFT_OUT", "PROSE_MIN", "SEMANTIC", "block_weight", "select"]
