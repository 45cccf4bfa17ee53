"""Pairing quotation marks: which stretches of a text are quoted.

Handles straight (``"``), curly (``“ ”``), low-9 (``„``), doubled apostrophes (``''``, ``‘‘ ’’``), guillemets
(``« »``) and single marks (``‘ ’``, ``'``) outside double ones. Single marks inside a double-quoted stretch are
nested quotes and stay part of it. A quote left open at the end of a paragraph continues when the next
paragraph opens with a mark (the newspaper convention for quotes over several paragraphs); otherwise it runs to
the paragraph's end with a lower confidence. An unbalanced mark never affects other paragraphs.

Everything here works on ``(start, end)`` offsets into the caller's text and never raises on odd input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

#: double marks (each alternative opens with a literal character, so the regex engine skips fast to the marks;
#: a class among them would make it try every position)
_DOUBLE = re.compile(r"''|‘‘|’’|``|\"|“|”|„|‟|«|»")
_SINGLE = re.compile(r"[‘’']")
_BLANK = re.compile(r"\n\s*\n")
_LINE = re.compile(r"\n")

#: Characters after which a mark opens (besides the start of the paragraph and spaces).
_OPEN_BEFORE = set("([{—–-/:;,…\u00a0\t ")
#: Characters before which a mark closes (besides the end of the paragraph and spaces).
_CLOSE_AFTER = set(")]}—–-/:;,.!?…\u00a0\t \n")


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted stretch: content ``[start, end)`` between an opening mark at ``open`` and a closing one.

    ``close`` is the offset of the closing mark, or ``end`` when the quote is left open (``closed`` false).
    ``part`` numbers the paragraphs of a quote that runs over several (0 for the first); ``single`` tells a
    quote in single marks.
    """

    start: int
    end: int
    open: int
    close: int
    closed: bool
    part: int = 0
    single: bool = False
    open_len: int = 1
    close_len: int = 1

    @property
    def outer(self) -> tuple[int, int]:
        """The stretch with its marks."""
        return self.open, (self.close + self.close_len if self.closed else self.end)


#: what ends a sentence (or a heading line) before a line break that ends a paragraph: a scraper's plain text
#: puts one paragraph a line, a hard-wrapped text breaks lines mid-sentence
_SENTENCE_END = frozenset(".!?…:\"”’')]")


def _line_ends(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The line breaks in ``[start, end)`` that end a paragraph, each with the blanks before it: after a
    sentence's end, before more text. (What ``(?<=[.!?…:"”’')\\]])[^\\S\\n]*\\n(?=[^\\S\\n]*\\S)`` finds, a
    line break at a time: as a regex, tried at every character, it took a fifth of the time of pairing the
    marks.)"""
    nl = text.find("\n", start, end)
    while nl >= 0:
        a = nl
        while a > start and text[a - 1] != "\n" and text[a - 1].isspace():
            a -= 1
        if a > 0 and text[a - 1] in _SENTENCE_END:
            b = nl + 1
            while b < end and text[b] != "\n" and text[b].isspace():
                b += 1
            if b < end and not text[b].isspace():
                yield a, nl + 1
        nl = text.find("\n", nl + 1, end)


def paragraph_spans(text: str, given: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Paragraphs: the given spans (split again at line breaks that end a sentence), else blank-line
    separated blocks, else lines (single-newline texts)."""
    if given:
        out: list[tuple[int, int]] = []
        for lo, hi in given:
            start, end = max(0, lo), min(len(text), hi)
            if not 0 <= start < end:
                continue
            for a, b in _line_ends(text, start, end):
                if a > start:
                    out.append((start, a))
                start = b
            if start < end:
                out.append((start, end))
        return out
    splitter = _BLANK if _BLANK.search(text) else _LINE
    spans: list[tuple[int, int]] = []
    start = 0
    for m in splitter.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _role(text: str, lo: int, hi: int, pos: int, length: int) -> str:
    """``open``, ``close`` or ``either`` for the mark at ``pos`` (paragraph ``[lo, hi)``)."""
    mark = text[pos : pos + length]
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + length] if pos + length < hi else " "
    left = before.isspace() or before in _OPEN_BEFORE or pos == lo
    right = after.isspace() or after in _CLOSE_AFTER or pos + length == hi or after in "\"”’'»"
    if mark in ("“", "„", "‟", "«", "‘‘", "``"):
        return "close" if (right and not left and not after.isalnum()) else "open"
    if mark in ("”", "»", "’’"):
        return "open" if (left and not right) else "close"
    # straight marks and doubled apostrophes: decide by what is around them
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


def _starts_with_opener(text: str, lo: int, hi: int) -> bool:
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    m = _DOUBLE.match(text, i)
    return m is not None and _role(text, lo, hi, i, len(m.group(0))) != "close"


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> list[Quoted]:
    """Every quoted stretch of ``text`` in order (double marks first, then single marks outside them)."""
    paras = paragraph_spans(text, paragraphs)
    out: list[Quoted] = []
    carry = 0  # part number of a quote continuing from the previous paragraph (0: none)
    for n, (lo, hi) in enumerate(paras):
        found, left_open = _pair_paragraph(text, lo, hi, carry)
        out.extend(found)
        nxt = paras[n + 1] if n + 1 < len(paras) else None
        if left_open is not None:
            o_pos, o_len, part = left_open
            cont = nxt is not None and _starts_with_opener(text, nxt[0], nxt[1])
            start = o_pos + o_len
            end = _rstrip(text, start, hi)
            if end > start:
                out.append(Quoted(start, end, o_pos, end, False, part, open_len=o_len, close_len=0))
            carry = part + 1 if cont else 0
        else:
            carry = 0
        out.extend(_single_quotes(text, lo, hi, found))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _pair_paragraph(text: str, lo: int, hi: int, carry: int) -> tuple[list[Quoted], tuple[int, int, int] | None]:
    found: list[Quoted] = []
    opened: tuple[int, int, int] | None = None  # (pos, len, part)
    first = True
    for m in _DOUBLE.finditer(text, lo, hi):
        pos, length = m.start(), len(m.group(0))
        if length == 2 and m.group(0) in ("’’",) and opened is None and pos > lo and text[pos - 1].isalnum():
            pass  # a closing doubled mark with nothing open is ignored below
        role = _role(text, lo, hi, pos, length)
        part = carry if first and carry else 0
        first = False
        if opened is None:
            if role != "close":
                opened = (pos, length, part)
            continue
        if role == "open" and pos > opened[0] + opened[1]:
            # a second opener while one is open: the first was never closed; end it before this one
            o_pos, o_len, o_part = opened
            end = _rstrip(text, o_pos + o_len, pos)
            if end > o_pos + o_len:
                found.append(Quoted(o_pos + o_len, end, o_pos, end, False, o_part, open_len=o_len, close_len=0))
            opened = (pos, length, 0)
            continue
        o_pos, o_len, o_part = opened
        if pos > o_pos + o_len:
            found.append(Quoted(o_pos + o_len, pos, o_pos, pos, True, o_part, open_len=o_len, close_len=length))
        opened = None
    return found, opened


def _single_quotes(text: str, lo: int, hi: int, doubles: list[Quoted]) -> Iterator[Quoted]:
    """Quotes in single marks that lie outside every double-quoted stretch of the paragraph."""
    inside = [(q.open, q.close + q.close_len) for q in doubles]

    def covered(pos: int) -> bool:
        return any(a <= pos < b for a, b in inside)

    opened: int | None = None
    for m in _SINGLE.finditer(text, lo, hi):
        pos = m.start()
        if covered(pos):
            continue
        before = text[pos - 1] if pos > lo else " "
        after = text[pos + 1] if pos + 1 < hi else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe: don't, O'Brien
        is_open = (before.isspace() or before in _OPEN_BEFORE or pos == lo) and after.isalnum()
        is_close = (
            not before.isspace()
            and (after.isspace() or after in _CLOSE_AFTER or pos + 1 == hi)
            and not (before in "sS" and m.group(0) != "‘" and opened is None)
        )
        if opened is None:
            if is_open and m.group(0) != "’":
                opened = pos
            continue
        if is_close and m.group(0) != "‘":
            if pos > opened + 1 and not covered(opened):
                yield Quoted(opened + 1, pos, opened, pos, True, 0, single=True)
            opened = None
        elif is_open and m.group(0) != "’":
            opened = pos
