"""The public functions: :func:`ingest` and its twins. Each call validates its options into
:class:`~docingest.settings.Options` and runs a :class:`~docingest.pipeline.Pipeline` (cached per options)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from typing import Any

from .document import ClaimContext
from .errors import OptionError
from .models import Article, Claim, Failure
from .pipeline import Pipeline, Source
from .plugins import generation
from .settings import options_from

_CACHE_SIZE = 8
_pipelines: OrderedDict[str, Pipeline] = OrderedDict()
_lock = threading.Lock()


def pipeline(**options: Any) -> Pipeline:
    """The shared pipeline for these options (built on first use, kept for reuse). Raises
    :class:`~docingest.OptionError` for an unknown or invalid option."""
    # keyed by the shared manager's state too: after reset_plugin_manager() (a plugin installed meanwhile) or a
    # plugin registered on it, the cached pipelines are not used again
    valid = options_from(options)
    settings = valid.model_dump_json()
    key = f"{settings}|{generation()}"
    with _lock:
        found = _pipelines.get(key)
        if found is not None:
            _pipelines.move_to_end(key)
            return found
    built = Pipeline(**dict(valid))
    with _lock:
        _pipelines[f"{settings}|{generation()}"] = built  # keyed after building, which may build the manager
        while len(_pipelines) > _CACHE_SIZE:
            _pipelines.popitem(last=False)[1].close()
    return built


def ingest(source: Source, **options: Any) -> Article:
    """Ingest an http(s) URL or a file path. Raises :class:`~docingest.IngestError` for bad input."""
    return pipeline(**options).ingest(source)


async def aingest(source: Source, **options: Any) -> Article:
    """The async twin of :func:`ingest`."""
    return await pipeline(**options).aingest(source)


def ingest_html(html: str | bytes, *, url: str | None = None, **options: Any) -> Article:
    """Ingest an HTML document given as text or bytes (bytes are decoded as a browser would)."""
    return pipeline(**options).ingest_html(html, url=url)


def ingest_text(text: str, *, url: str | None = None, **options: Any) -> Article:
    """Ingest a plain-text article: title on the first line, paragraphs one per line or blank-separated."""
    return pipeline(**options).ingest_text(text, url=url)


def ingest_many(
    sources: Iterable[Source],
    *,
    workers: int = 1,
    time_limit: float | None = None,
    max_tasks: int | None = None,
    **options: Any,
) -> Iterator[Article | Failure]:
    """Exactly one record per source, in input order; a bad source yields a :class:`Failure`.

    ``workers`` processes run the CPU-bound stages; ``time_limit`` bounds each document (seconds) and
    ``max_tasks`` recycles a worker after that many documents (see :meth:`Pipeline.ingest_many`).
    """
    return pipeline(**options).ingest_many(sources, workers=workers, time_limit=time_limit, max_tasks=max_tasks)


def aingest_many(
    sources: Iterable[Source] | AsyncIterable[Source], **options: Any
) -> AsyncIterator[Article | Failure]:
    """The async twin of :func:`ingest_many`: ``async for record in aingest_many(urls): ...``."""
    return pipeline(**options).aingest_many(sources)


def extract_claims(text: str, **options: Any) -> list[Claim]:
    """Claims (quotes, reported speech, numeric assertions) of ``text``; spans index ``text`` itself."""
    context = options.pop("context", None)
    if context is not None and not isinstance(context, ClaimContext):
        raise OptionError(f"context must be a docingest.document.ClaimContext, not {type(context).__name__}")
    return pipeline(**options).extract_claims(text, context)
