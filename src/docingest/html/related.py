"""Related-content lists recognised by their structure, in any language: a run of teasers after the story.

A "you may also like" / "Lire aussi" / "関連記事" list is a run of look-alike items (siblings of the same tag and
first class), each of which is mostly a link to another page: a headline-shaped link text (short, linked whole,
no final full stop, not starting in lower case) with at most a short summary, a date, a byline or a section label
beside it. Inside the content root such items survive the link-density test (their headlines are headings, kept
whatever their links; their dates and summaries have no links), so a story would end with other stories'
headlines. A run of at least :data:`RUN` such items is dropped, with the short heading that labels it whatever
the label says, when

* it follows a story: at least :data:`STORY_BEFORE` of prose weight before it, in the same root;
* it is one run: no story block between its items, and each item is a teaser (at most :data:`ITEM_BLOCKS` blocks
  and :data:`ITEM_MAX` characters), never a section of the story or an entry of a guide;
* its links lead elsewhere (a table of contents and an accordion link to places on the page itself);
* with the story going on after it, it is a box of bare headlines (a headline and at most one short line each);
* and the story keeps most of the text: at least :data:`STORY_OVER_RUNS` times the runs' text and
  :data:`PROSE_LEFT` of prose.

The thresholds were chosen on the tuning part of wcxb-dev (``docs/benchmarks.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from .blocks import Elems, RawBlock
from .scoring import block_weight

#: The least items of a run.
RUN = 3
#: A headline-shaped link: between these many characters ...
HEADLINE_MIN = 8
HEADLINE_MAX = 200
#: ... with at least this share of them inside links.
LINKED = 0.8
#: An item holds at most this many blocks and characters: a teaser.
ITEM_BLOCKS = 4
ITEM_MAX = 700
#: A bare item's line beside its headline (a date, a byline, a section label) has at most this many characters.
BARE_LINE = 80
#: The label of a run: a heading without links, of at most this many characters, right before its first item.
LABEL_MAX = 80
#: The story before a run: at least this much prose weight (:func:`block_weight`; ``<p>`` text counts 1.5 times).
STORY_BEFORE = 2000.0
#: What the story keeps: at least this many times the runs' text, and this much prose weight.
STORY_OVER_RUNS = 2.0
PROSE_LEFT = 750.0
#: Running text: a block of at least this many characters outside links.
_RUNNING = 80
#: How far above its headline an item may start (elements).
_ITEM_DEPTH = 6


def drop_related(elems: Elems, blocks: Sequence[RawBlock], kept: list[int], root: int) -> list[int]:
    """``kept`` (indices of ``blocks`` inside the content root ``root``, in document order) without the runs of
    teasers that follow the story, and without their labels."""
    before = list(accumulate((block_weight(blocks[i]) for i in kept), initial=0.0))
    heads = [j for j, i in enumerate(kept) if before[j] >= STORY_BEFORE and _headline(blocks[i])]
    if len(heads) < RUN:
        return kept
    parents = elems.parents
    signatures: dict[int, str] = {}

    def signature(e: int) -> str:
        found = signatures.get(e)
        if found is None:
            classes = (elems.nodes[e].attributes.get("class") or "").split(None, 1)
            found = signatures[e] = f"{elems.tags[e]}.{classes[0]}" if classes else elems.tags[e]
        return found

    # the items: for each headline, its nearest ancestor with RUN look-alike siblings that hold headlines
    chains: list[list[int]] = []
    holders: dict[tuple[int, str], list[int]] = {}  # (parent, signature) -> elements holding headlines, in order
    for j in heads:
        chain: list[int] = []
        e = blocks[kept[j]].elem
        while e >= 0 and e != root and len(chain) < _ITEM_DEPTH:
            chain.append(e)
            found = holders.setdefault((parents[e], signature(e)), [])
            if not found or found[-1] != e:
                found.append(e)
            e = parents[e]
        chains.append(chain)
    runs: dict[tuple[int, str], list[int]] = {}
    for chain in chains:
        for e in chain:
            key = (parents[e], signature(e))
            if len(holders[key]) >= RUN:
                run = runs.setdefault(key, [])
                if not run or run[-1] != e:
                    run.append(e)
                break
    runs = {key: run for key, run in runs.items() if len(run) >= RUN}
    if not runs:
        return kept
    members = _members(blocks, kept, parents, {e for run in runs.values() for e in run})
    drop: set[int] = set()
    for run in runs.values():
        items = [members.get(e, []) for e in run]
        gone = _run(blocks, kept, items, elems)
        if gone:
            drop |= gone
    if not drop:
        return kept
    left = [i for i in kept if i not in drop]
    if sum(block_weight(blocks[i]) for i in left) < PROSE_LEFT or sum(len(blocks[i].text) for i in left) < (
        STORY_OVER_RUNS * sum(len(blocks[i].text) for i in drop)
    ):
        return kept
    return left


def _run(blocks: Sequence[RawBlock], kept: list[int], items: list[list[int]], elems: Elems) -> set[int]:
    """The positions in ``kept`` of a run's blocks and label to drop (``items``: the positions of each item's
    blocks), or nothing when the items are not a run of teasers."""
    if any(not item or len(item) > ITEM_BLOCKS or sum(len(blocks[kept[j]].text) for j in item) > ITEM_MAX
           for item in items):
        return set()
    first, last = items[0][0], items[-1][-1]
    gone = {kept[j] for item in items for j in item}
    if len(gone) != last - first + 1:  # story blocks lie between the items
        return set()
    if not all(_elsewhere(elems, blocks[kept[j]].elem) for item in items for j in item if _headline(blocks[kept[j]])):
        return set()  # a table of contents, an accordion: links to places on this page
    if any(_running(blocks[i]) for i in kept[last + 1 :]) and not all(_bare(blocks, kept, item) for item in items):
        return set()  # the story goes on after the run: only a box of bare headlines lies between its blocks
    label = blocks[kept[first - 1]] if first else None
    if label is not None and label.kind == "heading" and len(label.text) <= LABEL_MAX and not label.links:
        gone.add(kept[first - 1])
    return gone


def _members(blocks: Sequence[RawBlock], kept: list[int], parents: list[int], items: set[int]) -> dict[int, list[int]]:
    """The positions in ``kept`` of the blocks inside each of the elements ``items``."""
    out: dict[int, list[int]] = {}
    for j, i in enumerate(kept):
        e = blocks[i].elem
        depth = 0
        while e >= 0 and depth <= _ITEM_DEPTH:
            if e in items:
                out.setdefault(e, []).append(j)
                break
            e = parents[e]
            depth += 1
    return out


def _headline(block: RawBlock) -> bool:
    """True for a headline-shaped link: short, linked (almost) whole, no final full stop, not starting in lower
    case (in scripts that have case)."""
    text = block.text
    length = len(text)
    if not HEADLINE_MIN <= length <= HEADLINE_MAX or block.links < LINKED * length:
        return False
    if (text.endswith(".") and not text.endswith("...")) or text.endswith("。"):
        return False
    first = next((c for c in text if c.isalpha()), "")
    return not first.islower()


def _bare(blocks: Sequence[RawBlock], kept: list[int], item: list[int]) -> bool:
    """True for an item that is a headline with at most one short line beside it."""
    return len(item) <= 2 and all(
        len(blocks[kept[j]].text) <= BARE_LINE for j in item if not _headline(blocks[kept[j]])
    )


def _running(block: RawBlock) -> bool:
    return block.kind != "heading" and len(block.text) - block.links >= _RUNNING


def _elsewhere(elems: Elems, e: int) -> bool:
    """True when the link of the headline held by element ``e`` (inside it, or around it: a card wrapped in a link)
    leads to another page, not to a place on this one."""
    node = elems.nodes[e]
    link = node.css_first("a[href]")
    while link is None and node.parent is not None:
        node = node.parent
        if node.tag == "a":
            link = node
    href = (link.attributes.get("href") or "").strip() if link is not None else ""
    return bool(href) and not href.startswith(("#", "javascript:"))


__all__ = ["drop_related"]
