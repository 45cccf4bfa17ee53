"""An example docingest plugin: copy it, rename it, keep the hooks you need.

A plugin is a module whose functions are named like docingest's hooks (``docingest/hookspecs.py``; reference in
docingest's ``docs/plugins.md``) and marked with ``@hookimpl``. Two hooks are live here, with components that
pass docingest's conformance checks (see ``tests/``); every other hook kind has a commented example below.

Rules that keep plugins composable:

* Hooks are synchronous. Async work lives in the objects a hook returns (a Fetcher's ``afetch``).
* First-result hooks (fetcher, load, decode, parse, extract_body) ask your plugin before the built-ins:
  return ``None`` for inputs you do not handle.
* Raise ``docingest.IngestError`` for a problem with the input; any other exception becomes a
  ``plugin_error`` failure naming your plugin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from docingest import hookimpl
from docingest.document import BlockCleaner, Candidate, Page, TreeCleaner, Verdict
from docingest.models import Removal

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

__version__ = "0.1.0"

# ----------------------------------------------------------------------------------------------- live hooks
_BANNER = re.compile(r"\b(cookie|consent|gdpr)\b", re.IGNORECASE)


class CookieBannerCleaner:
    """Removes cookie-consent banners: elements whose class or id says cookie, consent or gdpr."""

    name = "example.cookie-banner"
    order = 150  # built-ins use multiples of 100: this runs after docingest's chrome cleaner (100)

    def clean(self, page: Page) -> None:
        if page.tree is None:
            return
        # Select first, then remove: a banner inside another banner goes with its outer one (never touch a node
        # after an ancestor of it was decomposed).
        chosen: list[LexborNode] = []
        ids: set[int] = set()
        for node in page.tree.css("[class], [id]"):
            marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
            if not _BANNER.search(marker) or _has_ancestor_in(node, ids):
                continue
            chosen.append(node)
            ids.add(node.mem_id)
        for node in chosen:
            text = " ".join((node.text(separator=" ") or "").split())
            # Record what you remove: the article's provenance keeps it, so nothing is lost silently.
            page.removed.append(Removal(cleaner=self.name, reason="cookie banner", text=text[:2000],
                                        where=node.tag))
            node.decompose()


def _has_ancestor_in(node: LexborNode, ids: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


_LISTEN = re.compile(r"^(listen to (this|the) (article|story)|audio:)\b.{0,80}$", re.IGNORECASE)


class ListenPromptCleaner:
    """Drops "Listen to this article" prompts that audio players leave in the body text."""

    name = "example.listen-prompt"
    order = 250

    def classify(self, blocks: Sequence[Candidate], page: Page) -> Iterable[Verdict]:
        for i, block in enumerate(blocks):
            if _LISTEN.match(block.text.strip()):
                yield Verdict(i, "audio player prompt")


@hookimpl
def docingest_tree_cleaners() -> Sequence[TreeCleaner]:
    return [CookieBannerCleaner()]


@hookimpl
def docingest_block_cleaners() -> Sequence[BlockCleaner]:
    return [ListenPromptCleaner()]


# ----------------------------------------------------------------------------------------------- other hooks
# Uncomment and adapt what you need. Signatures are exactly those of docingest/hookspecs.py.
#
# from docingest import IngestError
# from docingest.document import (ClaimContext, ClaimExtractor, Decoded, Fetcher, InputReader, Metadata,
#                                 OutputWriter, RawDocument)
# from docingest.models import Claim, Span, claim_id
# from docingest.settings import FetchSettings, Options
#
# @hookimpl
# def docingest_fetcher(settings: FetchSettings) -> Fetcher | None:
#     """Return your Fetcher (fetch/afetch/close/aclose) to replace the built-in httpx fetcher."""
#     return None  # None: let the built-in fetcher work
#
# @hookimpl
# def docingest_load(source: str, options: Options) -> RawDocument | None:
#     """Load sources that are not http(s) URLs, e.g. a custom scheme."""
#     if not source.startswith("archive:"):
#         return None
#     return RawDocument(source=source, content=b"...", kind="html")
#
# @hookimpl
# def docingest_decode(raw: RawDocument) -> Decoded | None:
#     """Decode bytes yourself (return None to leave it to the WHATWG decoder)."""
#     return None
#
# @hookimpl
# def docingest_parse(raw: RawDocument, decoded: Decoded, options: Options) -> Page | None:
#     """Parse a format of your own into a Page (return None for anything else)."""
#     return None
#
# @hookimpl
# def docingest_extract_body(page: Page) -> Sequence[Candidate] | None:
#     """Extract the body of pages you know (one site's layout); None for the others."""
#     if page.tree is None or "news.example" not in (page.url or ""):
#         return None
#     return [Candidate(kind="paragraph", text=node.text(separator=" ").strip(), tag="p")
#             for node in page.tree.css("div.story-body p")]
#
# @hookimpl
# def docingest_extract_metadata(page: Page) -> Metadata | None:
#     """Say what you know; leave the rest None (never invent a date or an author)."""
#     return Metadata(site_name="News Example") if "news.example" in (page.url or "") else None
#
# class EuroAmounts:
#     name = "example.euros"
#     kinds = frozenset({"numeric"})
#
#     def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]:
#         ...  # spans index `text`; ids from claim_id(kind, span, text)
#
# @hookimpl
# def docingest_claim_extractors() -> Sequence[ClaimExtractor]:
#     return [EuroAmounts()]
#
# @hookimpl
# def docingest_input_readers() -> Sequence[InputReader]:
#     return []  # objects with name, accepts(path) and read(path) -> Iterator[str | RawDocument]
#
# @hookimpl
# def docingest_output_writers() -> Sequence[OutputWriter]:
#     return []  # objects with name, suffixes and open(stream) -> RecordSink (see plugins/docingest-markdown)
