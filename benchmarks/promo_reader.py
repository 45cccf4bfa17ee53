"""A small, fixed HTML block reader for the boilerplate model's training recipe.

The recipe must give the same weights when docingest's own body extractor changes (it is tuned all the time), so
it reads real pages with this reader instead: a plain walk of the Lexbor tree that turns every block-level
element's inline text into one block, with its kind, link density and class/id words. It is deliberately simple
and frozen — change it and the shipped weights must be retrained.

:func:`article_region` keeps the blocks around the ones the page's ground truth keeps (from a little before the
first to a little after the last), which is roughly what a body extractor hands the block cleaners: the story
with the publisher's inserts inside and after it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

_SKIP = frozenset({
    "script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
    "picture", "img", "select", "button", "input", "textarea", "head", "title", "meta", "link", "noscript",
    "-comment", "option", "datalist", "dialog", "map",
})
_KINDS = {
    "p": "paragraph", "li": "list_item", "dt": "list_item", "dd": "list_item", "blockquote": "blockquote",
    "figcaption": "caption", "caption": "caption", "pre": "code", "table": "table",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
}
_BLOCKS = frozenset({
    *_KINDS, "div", "section", "article", "main", "aside", "header", "footer", "nav", "form", "fieldset",
    "details", "summary", "figure", "dl", "ul", "ol", "menu", "center", "address", "hgroup", "tr", "td", "th",
    "tbody", "thead", "tfoot", "body", "html", "br", "hr",
})
#: Blocks the region adds before the first and after the last block the truth keeps.
BEFORE = 3
AFTER = 10


@dataclass(frozen=True, slots=True)
class ReadBlock:
    """One block as the reader gives it."""

    kind: str
    text: str
    link_density: float
    attrs: str


def text_key(text: str) -> str:
    """The key of a block's text in the label file: SHA-256 of its whitespace-normalised text."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[ReadBlock] = []
        self.parts: list[str] = []
        self.linked = 0

    def flush(self, kind: str, attrs: str) -> None:
        text = " ".join("".join(self.parts).split())
        if text:
            self.blocks.append(ReadBlock(kind, text, round(min(self.linked, len(text)) / len(text), 3), attrs))
        self.parts.clear()
        self.linked = 0

    def walk(self, node: LexborNode, kind: str, attrs: Sequence[str], in_link: bool) -> None:
        child = node.child
        while child is not None:
            tag = child.tag
            if tag == "-text":
                text = child.text_content or ""
                self.parts.append(text)
                if in_link:
                    self.linked += len(" ".join(text.split()))
            elif tag not in _SKIP:
                if tag in _BLOCKS:
                    self.flush(kind, " ".join(attrs[-4:]))
                    if tag in ("br", "hr"):
                        child = child.next
                        continue
                    if tag == "table" and child.css_first("table table, p, div") is None:
                        self.parts.append(child.text(separator=" "))
                        self.flush("table", " ".join(attrs[-4:]))
                        child = child.next
                        continue
                    element = _KINDS.get(tag, kind if kind != "heading" else "paragraph")
                    hint = " ".join(filter(None, (child.attributes.get("class"), child.attributes.get("id"))))
                    self.walk(child, element, [*attrs, hint.lower()] if hint else attrs, in_link)
                    self.flush(element, " ".join([*attrs, hint.lower()][-4:]))
                else:
                    self.walk(child, kind, attrs, in_link or tag == "a")
            child = child.next


def read_blocks(html: str) -> list[ReadBlock]:
    """Every text block of a page, in document order."""
    tree = LexborHTMLParser(html)
    start = tree.body or tree.root
    if start is None:
        return []
    reader = _Reader()
    reader.walk(start, "paragraph", [], False)
    reader.flush("paragraph", "")
    return reader.blocks


def article_region(blocks: Sequence[ReadBlock], kept: Callable[[str], float]) -> list[ReadBlock]:
    """The blocks from :data:`BEFORE` blocks before the first block of eight words or more that the truth keeps
    (``kept(text) >= 0.5``) to :data:`AFTER` blocks after the last; empty when the truth keeps none."""
    inside = [i for i, b in enumerate(blocks) if len(b.text.split()) >= 8 and kept(b.text) >= 0.5]
    if not inside:
        return []
    return list(blocks[max(0, inside[0] - BEFORE): inside[-1] + AFTER + 1])
