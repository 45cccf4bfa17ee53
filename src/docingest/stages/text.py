"""Built-in body and metadata extractor for plain text: a copied or scraped article.

The layout read is the one people paste: the title on the first line, an optional byline ("By Ana Ruiz"),
then paragraphs — one per line, or separated by blank lines. Hard-wrapped paragraphs (blank-line separated,
every line shorter than about 100 characters) are joined again; bulleted lines ("- ", "* ", "• ", "1. ")
become list items. Each candidate says where it was (``line N``, 1-based), so a removal can be traced back to
the source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Candidate, Metadata, Page
from ..hookspecs import hookimpl
from ..html import visible
from ..models import BlockKind

_BULLET = re.compile(r"^\s*(?:[-*•·‣◦▪–]|\d{1,2}[.)])\s+")
_TERMINAL = re.compile(r"[.!?:;\"”’)»]\s*$")
_BYLINE = re.compile(r"^\s*by\s+(?P<rest>[A-Z].*)$", re.IGNORECASE)
_BYLINE_END = re.compile(r"\s+[|•·—–-]\s+|\s*[|•·]\s*")
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
_PERSON = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}$")
_WRAP_WIDTH = 100


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A paragraph or list item of a plain-text document, with the line it starts on (1-based)."""

    kind: BlockKind
    text: str
    line: int


def _norm(text: str) -> str:
    return " ".join(text.split())


def _chunks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines with their 1-based numbers."""
    out: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    for n, line in enumerate(lines, 1):
        if line.strip():
            run.append((n, line))
        elif run:
            out.append(run)
            run = []
    if run:
        out.append(run)
    return out


def _block(kind: BlockKind, parts: list[str], line: int) -> TextBlock:
    return TextBlock(kind, _norm(" ".join(parts)), line)


def _split_chunk(chunk: list[tuple[int, str]], wrapped: bool) -> list[TextBlock]:
    """One chunk of lines into blocks: every line its own block unless the chunk is hard-wrapped."""
    out: list[TextBlock] = []
    if not wrapped:
        for n, line in chunk:
            bullet = _BULLET.match(line)
            if bullet:
                out.append(TextBlock("list_item", _norm(line[bullet.end():]), n))
            else:
                out.append(TextBlock("paragraph", _norm(line), n))
        return [b for b in out if b.text]
    width = max(len(line.rstrip()) for _, line in chunk)
    parts: list[str] = []
    kind: BlockKind = "paragraph"
    start = chunk[0][0]
    for n, line in chunk:
        bullet = _BULLET.match(line)
        if bullet or not parts:
            if parts:
                out.append(_block(kind, parts, start))
            parts = [line[bullet.end():] if bullet else line]
            kind = "list_item" if bullet else "paragraph"
            start = n
        else:
            parts.append(line)
        stripped = line.rstrip()
        if _TERMINAL.search(stripped) and len(stripped) < 0.75 * width:
            out.append(_block(kind, parts, start))
            parts = []
    if parts:
        out.append(_block(kind, parts, start))
    return [b for b in out if b.text]


def text_blocks(text: str) -> list[TextBlock]:
    """The paragraphs and list items of a plain-text document, in order, the title line included."""
    lines = visible(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    chunks = _chunks(lines)
    blank_separated = len(chunks) > 1
    out: list[TextBlock] = []
    for chunk in chunks:
        wrapped = (
            blank_separated
            and len(chunk) > 1
            and max(len(line.rstrip()) for _, line in chunk) <= _WRAP_WIDTH
        )
        out.extend(_split_chunk(chunk, wrapped))
    return out


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a text (blank-line separated, else one per line), whitespace-normalised."""
    return [b.text for b in text_blocks(text)]


def _byline(block: TextBlock) -> tuple[str, tuple[str, ...]] | None:
    if len(block.text) > 120:
        return None
    match = _BYLINE.match(block.text)
    if match is None:
        return None
    head = _BYLINE_END.split(match.group("rest"), maxsplit=1)[0]
    names = tuple(n.strip() for n in _NAME_SPLIT.split(head) if n.strip())
    if not names or not all(_PERSON.match(n) for n in names):
        return None
    return block.text, names


def _parts(page: Page) -> tuple[TextBlock | None, tuple[str, tuple[str, ...]] | None, list[TextBlock]]:
    cached = page.cache.get("text.parts")
    if cached is None:
        blocks = text_blocks(page.text)
        title = blocks[0] if blocks else None
        rest = blocks[1:]
        byline = _byline(rest[0]) if rest else None
        if byline is not None:
            rest = rest[1:]
        cached = page.cache["text.parts"] = (title, byline, rest)
    return cached  # type: ignore[no-any-return,unused-ignore]


@hookimpl(trylast=True)
def docingest_extract_body(page: Page) -> Sequence[Candidate] | None:
    """The paragraphs after the title (and byline) line, as candidates placed by line number."""
    if page.kind != "text":
        return None
    _, _, rest = _parts(page)
    return [Candidate(kind=b.kind, text=b.text, where=f"line {b.line}") for b in rest]


@hookimpl(trylast=True)
def docingest_extract_metadata(page: Page) -> Metadata | None:
    """The title (first line) and the byline's authors of a plain-text document."""
    if page.kind != "text":
        return None
    title, byline, _ = _parts(page)
    if title is None:
        return None
    return Metadata(
        title=title.text,
        byline=byline[0] if byline else None,
        authors=byline[1] if byline else None,
    )
