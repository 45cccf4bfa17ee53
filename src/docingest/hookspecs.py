"""The hooks through which every stage of docingest runs. Their docstrings are the reference documentation
(``docs/plugins.md`` repeats each signature; a test keeps the two in step).

A plugin is a module or object with functions named like these hooks and marked with
:data:`docingest.hookimpl`. Built-in stages are plugins too, registered exactly like third-party ones, with
``trylast=True`` on first-result hooks so that a third-party implementation wins.

Rules that keep plugins composable:

* Hooks are synchronous. Async work lives in the objects a hook returns (a :class:`~docingest.document.Fetcher`
  has ``fetch`` and ``afetch``): pluggy would take an un-awaited coroutine as a first result.
* Hooks that return components (cleaners, claim extractors, readers, writers) are called once per pipeline;
  the components carry a ``name`` (shown in provenance) and, for cleaners, an ``order``.
* Raise :class:`~docingest.IngestError` for a problem with the input. Any other exception from a plugin is
  caught by the pipeline and reported as ``Failure(kind="plugin_error", plugin=...)``.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence

import pluggy

from .document import (
    BlockCleaner,
    Candidate,
    ClaimExtractor,
    Decoded,
    Fetcher,
    InputReader,
    Metadata,
    OutputWriter,
    Page,
    RawDocument,
    TreeCleaner,
)
from .settings import FetchSettings, Options

PROJECT = "docingest"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec(firstresult=True)
def docingest_fetcher(settings: FetchSettings) -> Fetcher | None:
    """Return the :class:`~docingest.document.Fetcher` that fetches http(s) URLs under ``settings``.

    Called once per pipeline run that fetches. The first non-``None`` result is used; the built-in httpx
    fetcher is the fallback. A fetcher must enforce every setting (total deadline, size cap counted after
    decompression, private-address refusal, robots.txt) and raise :class:`~docingest.IngestError` for any
    failure.
    """


@hookspec(firstresult=True)
def docingest_load(source: str, options: Options) -> RawDocument | None:
    """Load a source that is not an http(s) URL: a file path, an archive record reference, a custom scheme.

    Return ``None`` to leave the source to other plugins. ``source`` comes stripped of surrounding whitespace.
    The built-in loader reads files (``.html``/``.htm`` as HTML, ``.txt`` as text, others sniffed; a ``.gz``
    file decompressed first, as its inner suffix says) and raises ``IngestError`` for missing, empty or
    unreadable files and unsupported schemes.
    """


@hookspec(firstresult=True)
def docingest_decode(raw: RawDocument) -> Decoded | None:
    """Decode ``raw.content`` to text, saying which encoding was used and how it was chosen.

    The built-in decoder follows the WHATWG encoding standard: BOM, then the HTTP ``charset``, then a
    ``<meta>`` prescan of the first 1024 bytes, then a late ``<meta>``, then detection, else windows-1252
    (UTF-8 for text documents). Raise ``IngestError(kind="decode_error")`` for bytes that are not text.
    """


@hookspec(firstresult=True)
def docingest_parse(raw: RawDocument, decoded: Decoded, options: Options) -> Page | None:
    """Turn decoded text into a :class:`~docingest.document.Page`: an HTML tree, or lines of plain text.

    Return ``None`` to leave the document to other plugins. Raise
    ``IngestError(kind="unsupported_content")`` for content no parser should accept.
    """


@hookspec
def docingest_tree_cleaners() -> Sequence[TreeCleaner]:
    """Return cleaners that prune the HTML tree before body extraction (page chrome).

    All results are collected and run in ``order`` (lower first; built-ins use multiples of 100).
    """


@hookspec(firstresult=True)
def docingest_extract_body(page: Page) -> Sequence[Candidate] | None:
    """Return the main content of ``page`` as candidate blocks in document order.

    First result wins: return ``None`` for pages your extractor does not handle. The built-ins handle HTML
    (scored main-content selection on the cleaned tree) and plain text (title line, paragraphs).
    """


@hookspec
def docingest_block_cleaners() -> Sequence[BlockCleaner]:
    """Return cleaners that judge candidate blocks as story or boilerplate (promos, tip lines, credits).

    All results are collected and run in ``order`` on the blocks the body extractor returned, for HTML and
    text alike. Each dropped block is recorded in the article's provenance with the cleaner and its reason.
    """


@hookspec
def docingest_extract_metadata(page: Page) -> Metadata | None:
    """Return what you know of ``page``'s metadata (title, authors, dates, site, language, canonical URL).

    Called on the intact page, right after parsing and before any cleaner. Every implementation is called;
    results are merged field by field, the first non-``None`` value winning in pluggy's call order (so a
    third-party plugin is asked before the ``trylast`` built-ins). Never invent a value the page does not give:
    ``None`` lets others fill it. Stages that learn a value later (a cleaner finding the site name in a promo)
    put it in ``page.late_metadata``, which fills only the fields left empty here.
    """


@hookspec
def docingest_claim_extractors() -> Sequence[ClaimExtractor]:
    """Return claim extractors (quotes, reported speech, numeric assertions).

    Their claims are merged and ordered by position. When two extractors report a claim of the same kind
    over the same span (for numeric claims: about the same quantity), the one with the higher confidence is kept.
    """


@hookspec
def docingest_input_readers() -> Sequence[InputReader]:
    """Return readers that expand CLI inputs (``-i FILE``, positional arguments) into sources.

    A reader that ``accepts`` a path turns it into many sources (a WARC file into its response records).
    """


@hookspec
def docingest_output_writers() -> Sequence[OutputWriter]:
    """Return writers for CLI output formats (``--format NAME`` or the output file's suffix)."""


def hook_names() -> tuple[str, ...]:
    """The names of docingest's hooks, in the order this module specifies them."""
    found = [
        (value.__code__.co_firstlineno, name)
        for name, value in globals().items()
        if name.startswith("docingest_") and inspect.isfunction(value) and hasattr(value, f"{PROJECT}_spec")
    ]
    return tuple(name for _, name in sorted(found))


def signature_of(name: str) -> str:
    """A hook's signature as written here: ``def docingest_load(source: str, options: Options) -> RawDocument | None``
    (the annotations as strings)."""
    spec = inspect.signature(globals()[name])  # annotations stay strings (postponed evaluation)
    params = ", ".join(f"{p.name}: {p.annotation}" for p in spec.parameters.values())
    return f"def {name}({params}) -> {spec.return_annotation}"

