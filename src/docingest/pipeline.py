"""The pipeline: one source in, one :class:`Article` or :class:`Failure` out, every stage a plugin hook.

    source ─load/fetch→ RawDocument ─decode→ Decoded ─parse→ Page ─metadata→ ─tree cleaners→
      ─extract body→ candidates ─block cleaners→ blocks ─claims→ Article

:class:`Pipeline` gathers the plugins' components once (cleaners, claim extractors), then runs documents
through them. It is cheap to keep and reuse; build one per configuration. Exceptions from plugins other than
:class:`IngestError` become ``Failure(kind="plugin_error")`` naming the plugin, so a bad plugin or a
pathological page never stops a batch.
"""

from __future__ import annotations

import asyncio
import os
import re
import threading
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from typing import Any, TypeVar, cast

import pluggy

from .document import (
    BlockCleaner,
    Candidate,
    ClaimContext,
    ClaimExtractor,
    Fetcher,
    Metadata,
    Page,
    RawDocument,
    TreeCleaner,
)
from .errors import IngestError
from .models import Article, Claim, Failure, Provenance, Removal, article_id, join_blocks
from .plugins import get_plugin_manager, plugin_name
from .settings import Options

T = TypeVar("T")
Source = str | os.PathLike[str] | RawDocument

_URL = re.compile(r"^https?://", re.IGNORECASE)
_MAX_REMOVED_TEXT = 2000


def is_url(source: object) -> bool:
    """True for an http(s) URL string."""
    return isinstance(source, str) and bool(_URL.match(source.strip()))


def source_label(source: object) -> str:
    """How a source is named in provenance and failures."""
    if isinstance(source, RawDocument):
        return source.source
    if isinstance(source, os.PathLike):
        return str(os.fspath(source))
    return str(source)


class Pipeline:
    """Runs documents through the registered plugins.

    ``Pipeline(**options)`` uses the shared plugin manager; pass ``plugin_manager=`` to use your own (for
    example from :func:`docingest.plugins.new_plugin_manager` with extra plugins), or ``disable=`` to block
    plugins by name. Keyword options are those of :class:`~docingest.settings.Options`.
    """

    def __init__(
        self,
        *,
        plugin_manager: pluggy.PluginManager | None = None,
        disable: Iterable[str] = (),
        **options: Any,
    ) -> None:
        disabled = tuple(disable)
        if plugin_manager is None:
            plugin_manager = get_plugin_manager(disable=disabled)
        elif disabled:
            for name in disabled:
                if plugin_manager.has_plugin(name):
                    plugin_manager.unregister(name=name)
                plugin_manager.set_blocked(name)
        self.pm = plugin_manager
        self.disabled = disabled
        self.options = options_from(options)
        hook = self.pm.hook
        self.tree_cleaners: list[TreeCleaner] = sorted(
            _flatten(hook.docingest_tree_cleaners()), key=lambda c: c.order
        )
        self.block_cleaners: list[BlockCleaner] = sorted(
            _flatten(hook.docingest_block_cleaners()), key=lambda c: c.order
        )
        self.claim_extractors: list[ClaimExtractor] = list(_flatten(hook.docingest_claim_extractors()))
        self._fetcher: Fetcher | None = None
        self._fetcher_lock = threading.Lock()

    def spec(self) -> PipelineSpec:
        """A picklable description from which :meth:`PipelineSpec.build` makes an equivalent pipeline
        (in another process: plugins are found again there, the plugin manager is never pickled)."""
        from .plugins import extra_plugins

        portable, _ = extra_plugins(self.pm)
        return PipelineSpec(options=self.options, disable=self.disabled, plugins=tuple(portable))

    # ------------------------------------------------------------------------------------------ lifecycle
    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the synchronous fetcher, if one was opened."""
        with self._fetcher_lock:
            fetcher, self._fetcher = self._fetcher, None
        if fetcher is not None:
            fetcher.close()

    def new_fetcher(self) -> Fetcher:
        """A new fetcher for this pipeline's fetch settings (the caller closes it)."""
        fetcher: Fetcher | None = self._first("docingest_fetcher", settings=self.options.fetch)[0]
        if fetcher is None:
            raise IngestError.of("fetch_error", "<fetcher>", "no plugin provides a fetcher")
        return fetcher

    def _sync_fetcher(self) -> Fetcher:
        with self._fetcher_lock:
            if self._fetcher is None:
                self._fetcher = self.new_fetcher()
            return self._fetcher

    # ------------------------------------------------------------------------------------------ sources
    def load(self, source: Source) -> RawDocument:
        """Obtain the raw document of a source (fetching URLs); raises :class:`IngestError`."""
        if isinstance(source, RawDocument):
            return source
        label = source_label(source)
        if is_url(label):
            fetcher = self._sync_fetcher()
            return self._guard(label, "fetch", partial(fetcher.fetch, label.strip()))
        return self._load_local(label)

    async def aload(self, source: Source, fetcher: Fetcher | None = None) -> RawDocument:
        """The async twin of :meth:`load`."""
        if isinstance(source, RawDocument):
            return source
        label = source_label(source)
        if not is_url(label):
            return await asyncio.to_thread(self._load_local, label)
        own = fetcher is None
        active = self.new_fetcher() if fetcher is None else fetcher
        try:
            return await active.afetch(label.strip())
        except IngestError:
            raise
        except Exception as exc:
            raise _plugin_error(label, "fetch", exc) from exc
        finally:
            if own:
                await active.aclose()

    def _load_local(self, label: str) -> RawDocument:
        raw: RawDocument | None = self._first("docingest_load", source=label, options=self.options, label=label)[0]
        if raw is None:
            raise IngestError.of("invalid", label, "no plugin can load this source")
        return raw

    # ------------------------------------------------------------------------------------------ running
    def ingest(self, source: Source) -> Article:
        """Ingest one source (URL, path or :class:`RawDocument`). Raises :class:`IngestError`."""
        return self.process(self.load(source))

    async def aingest(self, source: Source) -> Article:
        """The async twin of :meth:`ingest`; the CPU-bound stages run in a worker thread."""
        raw = await self.aload(source)
        return await asyncio.to_thread(self.process, raw)

    def ingest_html(self, html: str | bytes, *, url: str | None = None) -> Article:
        """Ingest an HTML document given as text or bytes."""
        return self.process(self._string_source(html, url, "html"))

    def ingest_text(self, text: str, *, url: str | None = None) -> Article:
        """Ingest a plain-text document (title on the first line, then paragraphs)."""
        return self.process(self._string_source(text, url, "text"))

    def _string_source(self, content: str | bytes, url: str | None, kind: str) -> RawDocument:
        name = self.options.source_name or url or f"<{kind}>"
        if not isinstance(content, str | bytes):
            raise IngestError.of("invalid", name, f"expected str or bytes, got {type(content).__name__}")
        if url is not None and not is_url(url):
            raise IngestError.of("invalid", name, f"url {url!r} is not an http(s) URL")
        return RawDocument(
            source=name,
            content=content,
            url=url,
            content_type="text/html" if kind == "html" else "text/plain",
            fetched_at=datetime.now(UTC),
            kind="html" if kind == "html" else "text",
        )

    def run(self, source: Source) -> Article | Failure:
        """Like :meth:`ingest`, but returns the :class:`Failure` instead of raising."""
        try:
            return self.ingest(source)
        except IngestError as exc:
            return exc.failure

    async def arun(self, source: Source, fetcher: Fetcher | None = None) -> Article | Failure:
        """Like :meth:`aingest`, but returns the :class:`Failure` instead of raising."""
        try:
            raw = await self.aload(source, fetcher)
            return await asyncio.to_thread(self.process, raw)
        except IngestError as exc:
            return exc.failure

    def run_raw(self, raw: RawDocument) -> Article | Failure:
        """:meth:`process`, returning the failure instead of raising."""
        try:
            return self.process(raw)
        except IngestError as exc:
            return exc.failure

    # ------------------------------------------------------------------------------------------ batches
    async def aingest_many(
        self, sources: Iterable[Source] | AsyncIterable[Source], *, window: int | None = None
    ) -> AsyncIterator[Article | Failure]:
        """One record per source, in input order, fetching concurrently.

        At most ``window`` sources (default: twice the fetch concurrency) are in flight, so memory stays
        bounded however long the input is.
        """
        limit = window or max(2, 2 * self.options.fetch.concurrency)
        fetcher: Fetcher | None = None
        pending: list[asyncio.Task[Article | Failure]] = []
        try:
            async for source in _aiter(sources):
                if fetcher is None and is_url(source_label(source)):
                    fetcher = self.new_fetcher()
                pending.append(asyncio.ensure_future(self.arun(source, fetcher)))
                while len(pending) >= limit:
                    yield await pending.pop(0)
            while pending:
                yield await pending.pop(0)
        finally:
            for task in pending:
                task.cancel()
            if fetcher is not None:
                await fetcher.aclose()

    def ingest_many(
        self,
        sources: Iterable[Source],
        *,
        workers: int = 1,
        time_limit: float | None = None,
        max_tasks: int | None = None,
    ) -> Iterator[Article | Failure]:
        """One record per source, in input order. URLs are fetched concurrently (``fetch.concurrency``).

        ``workers > 1`` runs the CPU-bound stages in that many processes (see :mod:`docingest.batch`), each
        document under ``time_limit`` seconds (a slower one yields ``Failure(kind="timeout")``), each worker
        replaced after ``max_tasks`` documents. ``time_limit`` with one worker also runs it in a process, so a
        pathological page can be stopped.
        """
        if workers > 1 or time_limit is not None:
            from . import batch

            yield from batch.ingest_parallel(
                self,
                sources,
                workers=workers,
                time_limit=time_limit if time_limit is not None else batch.DEFAULT_TIME_LIMIT,
                max_tasks=max_tasks if max_tasks is not None else batch.DEFAULT_MAX_TASKS,
            )
            return
        yield from iterate_async(self.aingest_many(sources))

    # ------------------------------------------------------------------------------------------ stages
    def process(self, raw: RawDocument) -> Article:
        """Run the CPU-bound stages on a raw document: decode, parse, clean, extract, claims."""
        label = raw.source
        ran: list[str] = []
        decoded, name = self._first("docingest_decode", raw=raw, label=label)
        if decoded is None:
            raise IngestError.of("decode_error", label, "no plugin could decode the document")
        ran.append(name)
        page, name = self._first("docingest_parse", raw=raw, decoded=decoded, options=self.options, label=label)
        if page is None:
            raise IngestError.of("unsupported_content", label, "no plugin can parse this document")
        page.decoded = decoded
        ran.append(name)
        options = self.options
        if not options.extract:
            text, blocks = join_blocks([("paragraph", page.text, None)])
            meta = Metadata()
        else:
            meta = page.metadata = self._metadata(page, ran)  # on the intact page: chrome holds bylines, dates
            if options.clean and page.kind == "html":
                for cleaner in self.tree_cleaners:
                    self._guard(label, cleaner.name, partial(cleaner.clean, page))
                    ran.append(cleaner.name)
            candidates, name = self._first("docingest_extract_body", page=page, label=label)
            ran.append(name)
            kept = list(candidates or ())
            if options.clean:
                kept = self._clean_blocks(kept, page, ran)
            meta = meta.merged_over(page.late_metadata)
            text, blocks = join_blocks((c.kind, c.text, c.level) for c in kept)
        if len(text) < options.min_text_length or not (text or meta.title):
            raise IngestError.of(
                "not_an_article",
                label,
                "no main content found" if not text else f"body of {len(text)} characters is too short",
                url=page.url,
            )
        claims: tuple[Claim, ...] = ()
        if options.claims and options.extract and text and self.claim_extractors:
            context = ClaimContext(
                paragraphs=tuple((b.span.start, b.span.end) for b in blocks),
                authors=meta.authors or (),
                language=meta.language,
                site_name=meta.site_name,
            )
            claims = self._claims(text, context, label)
            ran.extend(e.name for e in self.claim_extractors)
        url = raw.url
        provenance = Provenance(
            source=label,
            final_url=raw.final_url,
            status=raw.status,
            content_type=raw.content_type,
            encoding=decoded.encoding,
            encoding_source=decoded.encoding_source,
            fetched_at=raw.fetched_at,
            plugins=tuple(dict.fromkeys(ran)),
            removed=tuple(page.removed),
        )
        fields = {
            "id": article_id(meta.canonical_url, url or raw.final_url, text),
            "url": url,
            "canonical_url": meta.canonical_url,
            "title": meta.title,
            "description": meta.description,
            "site_name": meta.site_name,
            "authors": meta.authors or (),
            "byline": meta.byline,
            "published": _aware_or_date(meta.published),
            "modified": _aware_or_date(meta.modified),
            "language": options.language or meta.language,
            "image": meta.image,
            "text": text,
            "blocks": blocks,
            "claims": claims,
            "provenance": provenance,
        }
        try:
            return Article(**fields)
        except ValueError as exc:  # a plugin produced a value the schema rejects
            raise IngestError.of("plugin_error", label, f"the extracted record is invalid: {exc}") from exc

    def _clean_blocks(self, kept: list[Candidate], page: Page, ran: list[str]) -> list[Candidate]:
        for cleaner in self.block_cleaners:
            snapshot = list(kept)
            verdicts = self._guard(page.raw.source, cleaner.name, partial(_listed, cleaner.classify, snapshot, page))
            ran.append(cleaner.name)
            drop = {v.index: v for v in verdicts if 0 <= v.index < len(snapshot)}
            if not drop:
                continue
            kept = []
            for i, block in enumerate(snapshot):
                if i in drop:
                    page.removed.append(
                        Removal(
                            cleaner=cleaner.name,
                            reason=drop[i].reason,
                            score=drop[i].score,
                            text=block.text[:_MAX_REMOVED_TEXT],
                            where=block.where,
                            after_block=len(kept) - 1 if kept else None,
                        )
                    )
                else:
                    kept.append(block)
        return kept

    def _metadata(self, page: Page, ran: list[str]) -> Metadata:
        merged = Metadata()
        for impl in reversed(self.pm.hook.docingest_extract_metadata.get_hookimpls()):
            name = plugin_name(self.pm, impl.plugin)
            result = cast("Metadata | None", self._guard(page.raw.source, name, partial(impl.function, page=page)))
            if result is not None:
                merged = merged.merged_over(result)
                ran.append(name)
        return merged

    def _claims(self, text: str, context: ClaimContext, label: str) -> tuple[Claim, ...]:
        best: dict[tuple[str, int, int], Claim] = {}
        for extractor in self.claim_extractors:
            found = self._guard(label, extractor.name, partial(_listed, extractor.extract, text, context))
            for claim in found:
                try:
                    claim.check_against(text)
                except ValueError as exc:
                    raise IngestError.of(
                        "plugin_error", label, f"{extractor.name} returned a bad claim: {exc}", plugin=extractor.name
                    ) from exc
                key = (claim.kind, claim.span.start, claim.span.end)
                if key not in best or claim.confidence > best[key].confidence:
                    best[key] = claim
        return tuple(sorted(best.values(), key=lambda c: (c.span.start, c.span.end, c.kind)))

    def extract_claims(self, text: str, context: ClaimContext | None = None) -> list[Claim]:
        """Claims of a text the caller already has; spans index ``text``."""
        if not isinstance(text, str):
            raise IngestError.of("invalid", "<text>", f"expected str, got {type(text).__name__}")
        if context is None:
            context = ClaimContext(paragraphs=_paragraph_spans(text))
        return list(self._claims(text, context, "<text>"))

    # ------------------------------------------------------------------------------------------ helpers
    def _first(self, hook_name: str, *, label: str = "<pipeline>", **kwargs: Any) -> tuple[Any, str]:
        """Call a first-result hook implementation by implementation, knowing which plugin answered."""
        caller = getattr(self.pm.hook, hook_name)
        for impl in reversed(caller.get_hookimpls()):
            name = plugin_name(self.pm, impl.plugin)
            args = {arg: kwargs[arg] for arg in impl.argnames}
            result = self._guard(label, name, partial(impl.function, **args))
            if result is not None:
                return result, name
        return None, ""

    @staticmethod
    def _guard(label: str, plugin: str, call: Callable[[], T]) -> T:
        try:
            return call()
        except IngestError:
            raise
        except RecursionError as exc:
            raise IngestError.of("invalid", label, "document nested too deeply", plugin=plugin) from exc
        except Exception as exc:
            raise _plugin_error(label, plugin, exc) from exc


@dataclass(frozen=True)
class PipelineSpec:
    """What a pipeline is made of, small and picklable: its options, the plugins it disables, and the plugins
    registered on it by hand, as ``(name, "package.module[:attribute]")`` references that another process
    imports (see :func:`docingest.plugins.plugin_reference`)."""

    options: Options
    disable: tuple[str, ...] = ()
    plugins: tuple[tuple[str, str], ...] = ()

    def build(self) -> Pipeline:
        """A pipeline with these options, using the plugins installed in this process plus :attr:`plugins`."""
        if not self.plugins:
            return Pipeline(disable=self.disable, **self.options.model_dump())
        from .plugins import load_plugin_reference, new_plugin_manager

        extra = [(name, load_plugin_reference(reference)) for name, reference in self.plugins]
        pm = new_plugin_manager(disable=self.disable, plugins=extra)
        return Pipeline(plugin_manager=pm, disable=self.disable, **self.options.model_dump())


def _plugin_error(label: str, plugin: str, exc: BaseException) -> IngestError:
    return IngestError.of(
        "plugin_error",
        label,
        f"plugin {plugin} raised {type(exc).__name__}: {exc}",
        plugin=plugin,
        details={"exception": type(exc).__name__},
    )


def _listed(function: Callable[..., Iterable[T]], *args: Any) -> list[T]:
    return list(function(*args))


def _flatten(results: Iterable[Sequence[T] | None]) -> Iterator[T]:
    for group in results:
        if group:
            yield from group


def _aware_or_date(value: date | datetime | None) -> date | datetime | None:
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.date()
    return value


_BLANK = re.compile(r"\n\s*\n")


def _paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BLANK.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(spans)


async def _aiter(sources: Iterable[T] | AsyncIterable[T]) -> AsyncIterator[T]:
    if isinstance(sources, AsyncIterable):
        async for item in sources:
            yield item
    else:
        for item in sources:
            yield item


def iterate_async(agen: AsyncIterator[T]) -> Iterator[T]:
    """Drive an async iterator from synchronous code, one item at a time.

    Runs on a private event loop in this thread; when called from inside a running loop, the loop runs in a
    helper thread instead.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        with asyncio.Runner() as runner:
            try:
                while True:
                    try:
                        yield runner.run(_next(agen))
                    except StopAsyncIteration:
                        return
            finally:
                runner.run(_aclose(agen))
    else:
        yield from _iterate_in_thread(agen)


async def _next(agen: AsyncIterator[T]) -> T:
    return await agen.__anext__()


async def _aclose(agen: AsyncIterator[Any]) -> None:
    close = getattr(agen, "aclose", None)
    if close is not None:
        await close()


def _iterate_in_thread(agen: AsyncIterator[T]) -> Iterator[T]:
    import queue

    items: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=16)

    def pump() -> None:
        async def drain() -> None:
            try:
                async for item in agen:
                    items.put(("item", item))
            except BaseException as exc:
                items.put(("error", exc))
            finally:
                items.put(("done", None))

        asyncio.run(drain())

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    while True:
        tag, value = items.get()
        if tag == "item":
            yield value
        elif tag == "error":
            raise value
        else:
            break
    thread.join()


def options_from(options: dict[str, Any]) -> Options:
    """Validate keyword options into :class:`Options` (``fetch`` may be a dict or FetchSettings)."""
    return Options.model_validate(options)


__all__ = ["Pipeline", "PipelineSpec", "Source", "is_url", "iterate_async"]
