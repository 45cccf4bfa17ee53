"""Cohesion: how much a block shares its subject with the rest of the document.

A publisher's insert talks about the publication and the reader's relation to it, not about the story's subject:
a pitch, a tip line, a credit or a copyright line shares almost none of its content words with the story around
it (at most the publication's name). A story paragraph — even one that addresses the reader, even one about
subscriptions in a story about subscriptions — shares its subject with the rest of the document: the blog's "add
a pinch of salt to the soup" is about soup, like the page.

:func:`words_of` reads a block's content words (lower-cased, lightly stemmed, stop words and numbers out) and the
capitalised names it uses, outside quotation marks; :func:`cohesion` compares each block with the title and the
other blocks of its page — only those a first pass judged to be story, so that pitches do not vouch for each
other — and gives each block a few numbers: the share of its content words found elsewhere, found in at least two
other blocks, found in the title, how central they are to the page, the share of its names found elsewhere, and
how the block compares with the page's typical story block.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

#: English function words and the most general verbs and adverbs: they say nothing about a subject.
_STOP = """
a about above across after again against all almost along already also although always am among an and another
any anyone anything are around as at away back be became because become been before being below between both but
by can cannot could did do does doing done down during each either else enough even ever every few for from
further get gets getting go goes going got had has have having he her here hers herself him himself his how
however i if in into is it its itself just least less like made make makes many may me might mine more most much
must my myself near need needs neither never new next no nor not now of off often on once one only onto or other
others our ours ourselves out over own per perhaps put rather really said same say says see seen set several
shall she should since so some something still such take than that the their theirs them themselves then there
these they thing things this those though through thus to too toward towards two under until up upon us use used
very via was way we well were what when where whether which while who whom whose why will with within without
would yet you your yours yourself yourselves told according added mr mrs ms dr cent percent
"""
STOP_WORDS = frozenset(_STOP.split())

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?:;]$")


_STEMS: dict[str, str] = {}
_STEMS_MAX = 1 << 16


def stem(word: str) -> str:
    """A light stem: possessive and plural endings off, then the first six letters (a crude but stable way to
    make "subscribers", "subscription" and "subscribe", or "photographs" and "photography", one word)."""
    found = _STEMS.get(word)
    if found is None:
        if len(_STEMS) >= _STEMS_MAX:
            _STEMS.clear()
        found = _STEMS[word] = _stem(word)
    return found


def _stem(word: str) -> str:
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:6]


@dataclass(frozen=True, slots=True)
class Words:
    """What cohesion reads of a block: its content-word stems and names outside quotations (``own``, ``names``),
    and every content-word stem and name of its whole text (``all``: what it lends the other blocks)."""

    own: frozenset[str]
    names: frozenset[str]
    all: frozenset[str]


def words_of(text: str, outside: str) -> Words:
    """The :class:`Words` of a block (``outside``: its text with quotations cut out)."""
    own: set[str] = set()
    names: set[str] = set()
    capitalised: set[str] = set()
    previous_end = True
    for raw in _TOKEN.findall(outside):
        low = raw.lower()
        if raw[0].isupper():
            capitalised.add(low)
            if not previous_end and low not in STOP_WORDS and len(raw) > 1:
                names.add(low)
        previous_end = False
        if low not in STOP_WORDS and len(low) > 2:
            own.add(stem(low))
    everything = set(own) | names
    if outside is not text:
        for raw in _TOKEN.findall(text):
            low = raw.lower()
            if low not in STOP_WORDS and len(low) > 2:
                everything.add(stem(low))
                if raw[0].isupper():
                    everything.add(low)
    else:
        everything |= capitalised
    return Words(frozenset(own), frozenset(names), frozenset(everything))


#: The cohesion numbers of a block, in order (see :func:`cohesion`).
COHESION_NAMES = (
    "coh_share", "coh_strong", "coh_title", "coh_central", "coh_names", "coh_relative", "coh_few_words",
    "coh_none", "coh_low", "coh_high", "coh_names_foreign",
)
#: The cohesion numbers that are flags (0 or 1): their pairs with the block's other flags are features too.
COHESION_BINARY = ("coh_few_words", "coh_none", "coh_low", "coh_high")


def cohesion(words: Sequence[Words | None], title: Words | None, story: Sequence[bool],
             texts: Sequence[str]) -> list[dict[str, float]]:
    """The cohesion numbers of every block (empty for a block not judged, ``None``). The document a block is
    compared with is the title and the other blocks marked ``story`` (a repeated text counts once, and never for
    its own copies)."""
    df: Counter[str] = Counter()  # in how many distinct story texts (and the title) each word occurs
    counted: set[str] = set()
    for w, s, text in zip(words, story, texts, strict=True):
        if w is not None and s and text not in counted:
            counted.add(text)
            df.update(w.all)
    size = len(counted)
    title_words = title.all if title is not None else frozenset()
    df.update(title_words)
    out: list[dict[str, float]] = []
    shares: list[float] = []
    count = df.get
    scale = max(2.0, 0.25 * size)
    for w, text in zip(words, texts, strict=True):
        if w is None:
            out.append({})
            continue
        mine = 1 if text in counted else 0  # its own words are in df once: take them out
        n = len(w.own)
        f: dict[str, float] = {}
        if n:
            shared = strong = 0
            central = 0.0
            for word in w.own:  # (its own words are among all its words)
                d = count(word, 0) - mine
                if d > 0:
                    shared += 1
                    x = d / scale
                    central += x if x < 1.0 else 1.0
                    if d > 1:
                        strong += 1
            f["coh_share"] = shared / n
            f["coh_strong"] = strong / n
            f["coh_central"] = central / n
            f["coh_title"] = len(w.own & title_words) / n
            if n < 3:
                f["coh_few_words"] = 1.0
            elif shared == 0:
                f["coh_none"] = 1.0
            elif shared / n < 0.25:
                f["coh_low"] = 1.0
            elif shared / n >= 0.5:
                f["coh_high"] = 1.0
            if n >= 3:
                shares.append(shared / n)
        else:
            f["coh_few_words"] = 1.0
        if w.names:
            found = sum(1 for name in w.names if count(name, 0) > mine)
            f["coh_names"] = found / len(w.names)
            if found < len(w.names):
                f["coh_names_foreign"] = min(1.0, (len(w.names) - found) / 3.0)
        out.append(f)
    if shares:
        typical = sorted(shares)[len(shares) // 2]
        for f in out:
            if "coh_share" in f and "coh_few_words" not in f:
                f["coh_relative"] = f["coh_share"] - typical
    return out
