"""HTML helpers of the built-in cleaner and body extractor: flattening a Lexbor tree into blocks, scoring them.

:mod:`docingest.html.blocks` walks the tree once and turns it into a flat list of text blocks, each knowing
the chain of elements it sits in; :mod:`docingest.html.scoring` picks the main content from that list.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

#: Characters that print nothing and only steer layout: the soft hyphen, zero-width space, word joiner, BOM
#: (zero-width no-break space), invisible math operators, Mongolian vowel separator, and bidirectional marks,
#: embeddings and isolates. Inside a word they split it for anything that compares text. Not the zero-width
#: (non-)joiners, which are part of the spelling of Persian, Indic scripts and emoji sequences.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


_MAKER = LexborHTMLParser("")


def tag_id(tag: str) -> int:
    """Lexbor's integer id of the element name ``tag`` (static for the standard names): comparing a node's
    ``tag_id`` is cheaper than reading its ``tag`` as a string."""
    return _MAKER.create_node(tag).tag_id


def visible(text: str) -> str:
    """``text`` without invisible formatting characters (soft hyphens, zero-width spaces, bidi marks ...)."""
    if text.isascii() or _INVISIBLE.search(text) is None:  # all of them lie outside ASCII
        return text
    return _INVISIBLE.sub("", text)


def squash(text: str) -> str:
    """Whitespace-normalised text: runs of whitespace become one space, no leading or trailing space."""
    return " ".join(text.split())


def squash_lines(text: str) -> str:
    """Text whose lines are whitespace-normalised, without blank lines (for ``pre`` and tables)."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


__all__ = ["squash", "squash_lines", "tag_id", "visible"]
