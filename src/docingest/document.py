"""The working objects that flow through the pipeline, one stage to the next.

    RawDocument ─decode→ Decoded ─parse→ Page ─clean/extract→ Candidate blocks + Metadata ─claims→ Article

These are plain (mostly frozen) dataclasses, not records: they carry parser trees and bytes, and are never
serialised. Plugins receive them in hooks and return new ones; the only mutable object is :class:`Page`, whose
tree cleaners prune and whose ``removed`` list they append to.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

from .models import BlockKind, Claim, EncodingSource, Record, Removal
from .settings import FetchSettings, Options

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

DocumentKind = Literal["html", "text"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A document as obtained: bytes (or text) and what the transport said about them."""

    source: str
    """The source as the user gave it (URL, path, archive record reference, ``<html>``)."""
    content: bytes | str
    """The body: bytes to be decoded, or text that needs no decoding."""
    url: str | None = None
    """The URL the document belongs to, if any."""
    final_url: str | None = None
    """The URL after redirects."""
    status: int | None = None
    """HTTP status."""
    content_type: str | None = None
    """The ``Content-Type`` header value (with parameters), or a type inferred from a file name."""
    headers: tuple[tuple[str, str], ...] = ()
    """Response headers, lower-cased names."""
    fetched_at: datetime | None = None
    """When it was fetched or read (aware)."""
    kind: DocumentKind | None = None
    """``html`` or ``text`` when known (file extension, API used); ``None`` to sniff."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from a :class:`RawDocument`, with the encoding used and how it was chosen."""

    text: str
    encoding: str | None
    encoding_source: EncodingSource | None
    utf8: bytes | None = None
    """``text`` encoded as UTF-8, when the source bytes already were that (valid UTF-8): the parser reads them
    instead of encoding the text again (a fifth of the parse on a typical page). ``None`` when unknown; a decoder
    that sets it must give exactly ``text.encode("utf-8")``."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a metadata extractor found; ``None`` means "no opinion", so other extractors can fill it.

    Each field becomes the :class:`~docingest.models.Article` field of the same name. The set is fixed: a
    plugin cannot add a field (an ``Article`` is a closed, versioned schema that other programs read).
    """

    title: str | None = None
    """The headline, without the site's name (``"Harbour plan approved"``, not ``"... | The Gazette"``)."""
    description: str | None = None
    """The summary the page gives (``og:description``, ``<meta name=description>``)."""
    site_name: str | None = None
    """The publication's name."""
    authors: tuple[str, ...] | None = None
    """Author names, each a person's full name as written (``("Lena Ortiz",)``); ``()`` means "none"."""
    byline: str | None = None
    """The byline as printed (``"By Lena Ortiz, Harbour correspondent"``)."""
    published: date | datetime | None = None
    """Publication date: a timezone-aware ``datetime``, or a ``date`` when the page gives only the day (a
    naive time is turned into its date, never into a guessed timezone)."""
    modified: date | datetime | None = None
    """Last modification, as ``published``."""
    language: str | None = None
    """BCP-47 language tag (``en``, ``pt-BR``)."""
    canonical_url: str | None = None
    """The page's canonical http(s) URL (``<link rel=canonical>``, ``og:url``)."""
    image: str | None = None
    """The lead image's http(s) URL."""

    def merged_over(self, other: Metadata) -> Metadata:
        """This metadata, with fields it leaves ``None`` taken from ``other``."""
        return Metadata(
            **{
                f.name: getattr(self, f.name) if getattr(self, f.name) is not None else getattr(other, f.name)
                for f in fields(self)
            }
        )


@dataclass(slots=True)
class Page:
    """A parsed document on its way through the cleaners and extractors (the one mutable working object)."""

    raw: RawDocument
    """The document as loaded or fetched (its bytes, URL, headers)."""
    text: str
    """The decoded document: the HTML source, or the plain text."""
    kind: DocumentKind
    """``"html"`` or ``"text"``."""
    options: Options
    """The options of the run."""
    tree: LexborHTMLParser | None = None
    """The selectolax Lexbor tree for HTML; ``None`` for text. Tree cleaners remove nodes from it."""
    decoded: Decoded | None = None
    """The decoding: text, encoding and how it was chosen."""
    removed: list[Removal] = field(default_factory=list)
    """What cleaners removed, one :class:`~docingest.models.Removal` each (it ends in the article's
    provenance): append to it whenever you remove something."""
    refused: list[Removal] = field(default_factory=list)
    """What a cleaner's rule would have removed but the cleaner kept (an element named like chrome that holds the
    story), one :class:`~docingest.models.Removal` each with the rule's reason: it ends in
    ``Article.provenance.refused``."""
    cache: dict[str, Any] = field(default_factory=dict)
    """Derived data plugins share by key (parsed JSON-LD, ...)."""
    metadata: Metadata = field(default_factory=Metadata)
    """What the metadata extractors found on the intact page (set before any cleaner runs, so cleaners and
    body extractors can recognise the headline or the byline among the blocks)."""
    late_metadata: Metadata = field(default_factory=Metadata)
    """What cleaners and extractors learn about the metadata in passing (a site name in a promo they removed):
    it only fills fields the metadata extractors left empty."""

    @property
    def url(self) -> str | None:
        """The best URL known for the page (final URL after redirects, else the requested one)."""
        return self.raw.final_url or self.raw.url


@dataclass(frozen=True, slots=True)
class Candidate:
    """A block of the main content as an extractor found it, before block cleaners judge it.

    The hints describe where the block came from, for cleaners that classify blocks (promos, tip lines):
    ``tag`` and ``attrs`` (class and id text of the element and its ancestors, lower-cased) for HTML, and
    ``link_density`` (share of the text inside links).
    """

    kind: BlockKind
    text: str
    level: int | None = None
    tag: str | None = None
    attrs: str = ""
    link_density: float = 0.0
    where: str | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """A block cleaner's decision to drop one candidate: its index, the reason (the class of text it is), and the
    cleaner's score for it when it has one."""

    index: int
    reason: str
    score: float | None = None
    """How sure the cleaner is, in [0, 1] (for a learned cleaner, the model's probability); ``None`` for a rule."""


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """What a claim extractor knows besides the text: paragraph spans and the article's metadata."""

    paragraphs: tuple[tuple[int, int], ...] = ()
    """(start, end) of each block of the text, in order; empty means "split on blank lines yourself"."""
    authors: tuple[str, ...] = ()
    language: str | None = None
    site_name: str | None = None


# ---------------------------------------------------------------------------------------------- protocols
# What plugins register. Hooks are synchronous (pluggy has no async support); async methods live on these
# objects.


@runtime_checkable
class Fetcher(Protocol):
    """Fetches URLs. Returned by the :func:`~docingest.hookspecs.docingest_fetcher` hook.

    Both methods raise :class:`~docingest.IngestError` for every failure (timeouts, blocked addresses, bodies
    too large, HTTP errors) and nothing else.
    """

    def fetch(self, url: str) -> RawDocument: ...

    async def afetch(self, url: str) -> RawDocument: ...

    def close(self) -> None: ...

    async def aclose(self) -> None: ...


@runtime_checkable
class TreeCleaner(Protocol):
    """Prunes the HTML tree before body extraction (page chrome: navigation, footers, ads, comments ...).

    ``order`` sorts cleaners (lower first). ``clean`` removes nodes from ``page.tree`` and appends a
    :class:`~docingest.models.Removal` for each to ``page.removed``. It must be idempotent and total.
    """

    name: str
    order: int

    def clean(self, page: Page) -> None: ...


@runtime_checkable
class BlockCleaner(Protocol):
    """Judges the candidate blocks of the main content (HTML and text alike): story or boilerplate.

    Returns a :class:`Verdict` for each block to drop. It sees the blocks that earlier cleaners kept, in
    document order, and must not drop a block for a reason that a second run would not give again.
    """

    name: str
    order: int

    def classify(self, blocks: Sequence[Candidate], page: Page) -> Iterable[Verdict]: ...


@runtime_checkable
class ClaimExtractor(Protocol):
    """Finds claims in a text. Spans index ``text``; ids come from :func:`~docingest.models.claim_id`."""

    name: str
    kinds: frozenset[str]

    def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]: ...


@runtime_checkable
class InputReader(Protocol):
    """Turns a CLI input (``-i FILE`` or a positional argument) into sources, for formats such as WARC.

    ``accepts(path)`` says whether this reader handles the file; ``read(path)`` yields sources: strings (URLs,
    paths) or ready :class:`RawDocument` s.
    """

    name: str

    def accepts(self, path: str) -> bool: ...

    def read(self, path: str) -> Iterator[str | RawDocument]: ...


@runtime_checkable
class OutputWriter(Protocol):
    """Writes records for the CLI in one format (``-o out.jsonl``, ``--format NAME``)."""

    name: str
    suffixes: tuple[str, ...]

    def open(self, stream: IO[str]) -> RecordSink: ...


class RecordSink(Protocol):
    """An open output: takes records one at a time."""

    def write(self, record: Record) -> None: ...

    def close(self) -> None: ...



__all__ = [
    "BlockCleaner",
    "Candidate",
    "ClaimContext",
    "ClaimExtractor",
    "Decoded",
    "FetchSettings",
    "Fetcher",
    "InputReader",
    "Metadata",
    "OutputWriter",
    "Page",
    "RawDocument",
    "RecordSink",
    "TreeCleaner",
    "Verdict",
]
