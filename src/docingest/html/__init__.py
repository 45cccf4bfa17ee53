"""HTML helpers of the built-in cleaner and body extractor: flattening a Lexbor tree into blocks, scoring them.

:mod:`docingest.html.blocks` walks the tree once and turns it into a flat list of text blocks, each knowing
the chain of elements it sits in; :mod:`docingest.html.scoring` picks the main content from that list.
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Whitespace-normalised text: runs of whitespace become one space, no leading or trailing space."""
    return " ".join(text.split())


def squash_lines(text: str) -> str:
    """Text whose lines are whitespace-normalised, without blank lines (for ``pre`` and tables)."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


__all__ = ["squash", "squash_lines"]
