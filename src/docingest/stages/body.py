"""Built-in body extractor for HTML: the blocks of the main content, in document order."""

from __future__ import annotations

from collections.abc import Sequence

from ..document import Candidate, Page
from ..hookspecs import hookimpl
from ..models import BlockKind

_BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, table, figcaption"
_KINDS: dict[str, BlockKind] = {"p": "paragraph", "li": "list_item", "blockquote": "blockquote",
                                "pre": "code", "table": "table", "figcaption": "caption"}


@hookimpl(trylast=True)
def docingest_extract_body(page: Page) -> Sequence[Candidate] | None:
    """Every block-level text element of ``<article>``, else ``<main>``, else ``<body>``."""
    if page.tree is None:
        return None
    root = page.tree.css_first("article") or page.tree.css_first("main") or page.tree.body
    if root is None:
        return []
    out: list[Candidate] = []
    for node in root.css(_BLOCKS):
        tag = node.tag or ""
        text = " ".join((node.text(separator=" ") or "").split())
        if not text:
            continue
        if tag.startswith("h") and len(tag) == 2:
            out.append(Candidate(kind="heading", text=text, level=int(tag[1]), tag=tag))
        else:
            out.append(Candidate(kind=_KINDS.get(tag, "paragraph"), text=text, tag=tag))
    return out
