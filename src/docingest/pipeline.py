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
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator
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
    Decoded,
    Fetcher,
    InputReader,
    Metadata,
    OutputWriter,
    Page,
    RawDocument,
    TreeCleaner,
    Verdict,
)
from .errors import IngestError, OptionError, PluginError, closest, warn_plugin
from .faults import (
    COMPONENTS,
    Origin,
    WrongResult,
    checked_items,
    component_list,
    plugin_error,
    unexpected,
    where,
    wrong_result,
)
from .hookspecs import hook_names
from .models import Article, Claim, Failure, Provenance, Removal, article_id, join_blocks
from .plugins import (
    BUILTIN_PLUGINS,
    ENV_DISABLE,
    PluginProblem,
    disabled_from_env,
    entry_point_names,
    get_plugin_manager,
    plugin_name,
)
from .settings import Options, names_of, options_from
from .sources import is_url, source_label, url_suggestion

T = TypeVar("T")
Source = str | os.PathLike[str] | RawDocument

_MAX_REMOVED_TEXT = 2000


class Pipeline:
    """Runs documents through the registered plugins.

    ``Pipeline(**options)`` uses the shared plugin manager (or, with ``disable=`` naming installed plugins, one
    built without them); pass ``plugin_manager=`` to use your own (for example from
    :func:`docingest.plugins.new_plugin_manager` with extra plugins). Keyword options are the fields of
    :class:`~docingest.settings.Options`; an unknown or invalid one raises :class:`~docingest.OptionError`.

    The plugins' components (cleaners, claim extractors, readers, writers) are gathered once, here, from the
    plugins registered at this moment. A component hook of an *installed* plugin that raises or returns the
    wrong type leaves that plugin's components out, with a :class:`~docingest.PluginWarning` (recorded in
    :attr:`problems`); one of a plugin registered by hand raises :class:`~docingest.PluginError`. ``disable``
    names plugins and components to leave out; an unknown name raises :class:`~docingest.OptionError`.
    """

    def __init__(self, *, plugin_manager: pluggy.PluginManager | None = None, **options: Any) -> None:
        self.options = options_from(options)
        pm = plugin_manager if plugin_manager is not None else get_plugin_manager(disable=self.options.disable)
        self.pm = pm
        self._env_disabled: tuple[str, ...] = getattr(pm, "env_disabled", None) or disabled_from_env()
        self._asked: tuple[str, ...] = names_of([*self.options.disable, *getattr(pm, "disabled", ())])
        #: Every plugin and component name left out (options, the manager's own and the environment's).
        self.disabled = frozenset({*self._asked, *self._env_disabled})
        #: Problems found while gathering components of installed plugins (each also warned about).
        self.problems: list[PluginProblem] = []
        self._installed = set(getattr(pm, "installed", ()))
        self._impls = {hook: self._implementations(hook) for hook in hook_names()}
        self._origins: dict[int, Origin] = {}
        self._component_names: set[str] = set()  # disabled ones too
        self.tree_cleaners: list[TreeCleaner] = sorted(
            self._components("docingest_tree_cleaners"), key=lambda c: c.order
        )
        self.block_cleaners: list[BlockCleaner] = sorted(
            self._components("docingest_block_cleaners"), key=lambda c: c.order
        )
        self.claim_extractors: list[ClaimExtractor] = self._components("docingest_claim_extractors")
        self.input_readers: list[InputReader] = self._components("docingest_input_readers")
        self.output_writers: list[OutputWriter] = self._components("docingest_output_writers")
        self._check_disabled()
        self._fetcher: Fetcher | None = None
        self._fetch_origin = Origin("<no fetcher>", "docingest_fetcher")
        self._fetcher_lock = threading.Lock()

    @property
    def plugin_names(self) -> list[str]:
        """The names of the plugins this pipeline uses (registered and not disabled), sorted."""
        registered = self.pm.list_name_plugin()
        return sorted(name for name, plugin in registered if plugin is not None and name not in self.disabled)

    def owner(self, component: object) -> str:
        """The name of the plugin that returned ``component`` (``None``: the plugin that made the fetchers)."""
        if component is None:
            return self._fetch_origin.plugin
        origin = self._origins.get(id(component))
        return origin.plugin if origin is not None else str(getattr(component, "name", component))

    def components(self) -> dict[str, list[str]]:
        """The names of the components this pipeline uses, by the plugin that returned them."""
        out: dict[str, list[str]] = {}
        for origin in self._origins.values():
            out.setdefault(origin.plugin, []).append(origin.component or "")
        return out

    def spec(self) -> PipelineSpec:
        """A picklable description from which :meth:`PipelineSpec.build` makes an equivalent pipeline
        (in another process: plugins are found again there, the plugin manager is never pickled)."""
        from .plugins import extra_plugins

        portable, _ = extra_plugins(self.pm)
        options = self.options.model_copy(update={"disable": self._asked})  # a tuple of names: still valid
        return PipelineSpec(options=options, plugins=tuple(portable))

    # ------------------------------------------------------------------------------------------ plugins
    def _implementations(self, hook: str) -> list[_Impl]:
        """The implementations of ``hook`` in pluggy's call order (third-party before ``trylast`` built-ins),
        those of disabled plugins left out."""
        caller = getattr(self.pm.hook, hook, None)
        found: list[_Impl] = []
        for impl in reversed(caller.get_hookimpls() if caller is not None else []):
            name = plugin_name(self.pm, impl.plugin)
            if name not in self.disabled:
                found.append(_Impl(impl.function, tuple(impl.argnames), Origin(name, hook)))
        return found

    def _components(self, hook: str) -> list[Any]:
        """Every component the plugins return from ``hook`` (minus disabled ones), each checked for its kind."""
        found: list[Any] = []
        for impl in self._impls[hook]:
            try:
                items = component_list(impl.function(), hook)
            except WrongResult as exc:
                self._broken(impl.origin, str(exc), None)
                continue
            except (Exception, SystemExit) as exc:  # a plugin's bug, at construction
                self._broken(impl.origin, f"raised {type(exc).__name__}: {exc}{where(exc, self.pm, impl.origin)}", exc)
                continue
            for item in items:
                self._component_names.add(item.name)
                if item.name not in self.disabled:
                    found.append(item)
                    self._origins[id(item)] = Origin(impl.origin.plugin, hook, item.name)
        return found

    def _broken(self, origin: Origin, reason: str, cause: BaseException | None) -> None:
        """A plugin's component hook failed: leave an installed plugin's components out (warned, recorded);
        raise :class:`PluginError` for a built-in one or one registered by hand."""
        if origin.plugin not in self._installed:
            raise PluginError(origin.plugin, f"{origin.hook} {reason}", hook=origin.hook) from cause
        kind = COMPONENTS[origin.hook][0]
        problem = PluginProblem(origin.plugin, f"{origin.hook} {reason}; its {kind}s are not used", hook=origin.hook)
        self.problems.append(problem)
        report = getattr(self.pm, "report", None)
        if report is not None:
            report(problem)
        else:
            warn_plugin(problem.sentence())

    def _check_disabled(self) -> None:
        """Every name asked for in ``disable`` must be a plugin or a component (the environment's are warned
        about): a typo would otherwise silently disable nothing."""
        unknown_asked = self._unknown(self._asked)
        if unknown_asked:
            raise OptionError(self._unknown_message(unknown_asked, "disable names"))
        unknown_env = self._unknown(self._env_disabled)
        if unknown_env:
            warn_plugin(f"docingest: {self._unknown_message(unknown_env, ENV_DISABLE + ' names')}")

    def _known_names(self, *, installed: bool) -> tuple[set[str], set[str]]:
        plugins = set(BUILTIN_PLUGINS) | {name for name, p in self.pm.list_name_plugin() if p is not None}
        if installed:
            plugins |= entry_point_names()
        return plugins, set(self._component_names)

    def _unknown(self, names: Iterable[str]) -> list[str]:
        plugins, components = self._known_names(installed=False)
        unknown = [n for n in names if n not in plugins and n not in components]
        if unknown:  # installed plugins not loaded (disabled ones) are known too: read the entry points once
            plugins, components = self._known_names(installed=True)
            off = [p for p in plugins if p in self.disabled]
            unknown = [
                n for n in unknown
                if n not in plugins and n not in components and not any(n.startswith(p + ".") for p in off)
            ]
        return unknown

    def _unknown_message(self, unknown: list[str], what: str) -> str:
        plugins, components = self._known_names(installed=True)
        hints = []
        for name in unknown:
            near = closest(name, plugins | components)
            hints.append(f"{name!r}" + (f" (did you mean {near!r}?)" if near else ""))
        return (
            f"{what} {', '.join(hints)}, which no plugin or component has. Plugins: {', '.join(sorted(plugins))}. "
            f"Components: {', '.join(sorted(components - plugins)) or 'none besides the plugins'}"
        )

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
        fetcher, origin = self._first("docingest_fetcher", settings=self.options.fetch, label="<fetcher>")
        if fetcher is None or origin is None:
            raise IngestError.of("fetch_error", "<fetcher>", "no plugin provides a fetcher")
        self._fetch_origin = Origin(origin.plugin, origin.hook, type(fetcher).__name__)
        return cast("Fetcher", fetcher)

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
        if not is_url(label):
            return self._load_local(label)
        fetcher = self._sync_fetcher()
        origin = self._fetch_origin.calling("fetch")
        return self._fetched(label, origin, self._guard(label, origin, partial(fetcher.fetch, label)))

    async def aload(self, source: Source, fetcher: Fetcher | None = None) -> RawDocument:
        """The async twin of :meth:`load`."""
        if isinstance(source, RawDocument):
            return source
        label = source_label(source)
        if not is_url(label):
            return await asyncio.to_thread(self._load_local, label)
        own = fetcher is None
        active = self.new_fetcher() if fetcher is None else fetcher
        origin = self._fetch_origin.calling("afetch")
        try:
            raw = await active.afetch(label)
        except IngestError:
            raise
        except Exception as exc:
            raise plugin_error(label, origin, exc, self.pm) from exc
        finally:
            if own:
                await active.aclose()
        return self._fetched(label, origin, raw)

    def _fetched(self, label: str, origin: Origin, raw: object) -> RawDocument:
        if not isinstance(raw, RawDocument):
            raise wrong_result(label, origin, raw, "a RawDocument")
        return raw

    def _load_local(self, label: str) -> RawDocument:
        raw, _ = self._first("docingest_load", source=label, options=self.options, label=label)
        if raw is None:
            hint = url_suggestion(label)
            raise IngestError.of(
                "invalid", label, "no plugin can load this source" + (f" (did you mean {hint}?)" if hint else "")
            )
        return cast("RawDocument", raw)

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
        if url is not None:
            url = url.strip() if isinstance(url, str) else url
        name = self.options.source_name or url or f"<{kind}>"
        if not isinstance(content, str | bytes):
            raise IngestError.of("invalid", name, f"expected str or bytes, got {type(content).__name__}")
        if url is not None and not is_url(url):
            hint = url_suggestion(url) if isinstance(url, str) else None
            raise IngestError.of(
                "invalid", name, f"url {url!r} is not an http(s) URL" + (f" (did you mean {hint!r}?)" if hint else "")
            )
        return RawDocument(
            source=name,
            content=content,
            url=url,
            content_type="text/html" if kind == "html" else "text/plain",
            fetched_at=datetime.now(UTC),
            kind="html" if kind == "html" else "text",
        )

    def run(self, source: Source) -> Article | Failure:
        """Like :meth:`ingest`, but returns the :class:`Failure` instead of raising (never raises for a
        source: even an unexpected error becomes a failure)."""
        try:
            return self.ingest(source)
        except IngestError as exc:
            return exc.failure
        except Exception as exc:
            return unexpected(source_label(source), exc)

    async def arun(self, source: Source, fetcher: Fetcher | None = None) -> Article | Failure:
        """Like :meth:`aingest`, but returns the :class:`Failure` instead of raising."""
        try:
            raw = await self.aload(source, fetcher)
            return await asyncio.to_thread(self.process, raw)
        except IngestError as exc:
            return exc.failure
        except Exception as exc:
            return unexpected(source_label(source), exc)

    def run_raw(self, raw: RawDocument) -> Article | Failure:
        """:meth:`process`, returning the failure instead of raising."""
        try:
            return self.process(raw)
        except IngestError as exc:
            return exc.failure
        except Exception as exc:
            return unexpected(raw.source, exc)

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
        decoded, origin = self._first("docingest_decode", raw=raw, label=label)
        if decoded is None or origin is None:
            raise IngestError.of("decode_error", label, "no plugin could decode the document")
        ran.append(origin.plugin)
        page, origin = self._first("docingest_parse", raw=raw, decoded=decoded, options=self.options, label=label)
        if page is None or origin is None:
            raise IngestError.of("unsupported_content", label, "no plugin can parse this document")
        page.decoded = decoded
        ran.append(origin.plugin)
        options = self.options
        if not options.extract:
            text, blocks = join_blocks([("paragraph", page.text, None)])
            meta = Metadata()
        else:
            meta = page.metadata = self._metadata(page, ran)  # on the intact page: chrome holds bylines, dates
            if options.clean and page.kind == "html":
                for cleaner in self.tree_cleaners:
                    self._guard(label, self._origins[id(cleaner)].calling("clean"), partial(cleaner.clean, page))
                    ran.append(cleaner.name)
            candidates, origin = self._first("docingest_extract_body", page=page, label=label)
            kept: list[Candidate] = []
            if origin is not None:
                ran.append(origin.plugin)
                kept = checked_items(label, origin, candidates, Candidate, "a list of Candidate")
            if options.clean:
                kept = self._clean_blocks(kept, page, ran)
            meta = meta.merged_over(page.late_metadata)
            text, blocks = join_blocks((c.kind, c.text, c.level) for c in kept)
        if not text.strip() or len(text) < options.min_text_length:  # never an empty Article, title or not
            raise IngestError.of(
                "not_an_article",
                label,
                "no main text found" if not text.strip() else f"body of {len(text)} characters is too short",
                url=page.url,
            )
        claims: tuple[Claim, ...] = ()
        if options.claims and options.extract and self.claim_extractors:
            context = ClaimContext(
                paragraphs=tuple((b.span.start, b.span.end) for b in blocks),
                authors=meta.authors or (),
                language=meta.language,
                site_name=meta.site_name,
            )
            claims = self._claims(text, context, label)
            ran.extend(e.name for e in self.claim_extractors)
        url = raw.url.strip() if raw.url is not None else None
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
            refused=tuple(page.refused),
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
        label = page.raw.source
        for cleaner in self.block_cleaners:
            snapshot = list(kept)
            origin = self._origins[id(cleaner)].calling("classify")
            found = self._guard(label, origin, partial(_listed, cleaner.classify, snapshot, page))
            verdicts = checked_items(label, origin, found, Verdict, "Verdicts")
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
        label = page.raw.source
        for impl in self._impls["docingest_extract_metadata"]:
            result = self._guard(label, impl.origin, partial(impl.function, page))
            if result is None:
                continue
            if not isinstance(result, Metadata):
                raise wrong_result(label, impl.origin, result, "a Metadata (or None)")
            merged = merged.merged_over(result)
            ran.append(impl.origin.plugin)
        return merged

    def _claims(self, text: str, context: ClaimContext, label: str) -> tuple[Claim, ...]:
        best: dict[tuple[str, int, int, int], Claim] = {}
        for extractor in self.claim_extractors:
            origin = self._origins[id(extractor)].calling("extract")
            found = self._guard(label, origin, partial(_listed, extractor.extract, text, context))
            for claim in checked_items(label, origin, found, Claim, "Claims"):
                try:
                    claim.check_against(text)
                except ValueError as exc:
                    raise plugin_error(label, origin, exc, self.pm, f"it returned a bad claim: {exc}") from exc
                # two numeric claims may share a clause ("rose from 12 to 15 per cent"): the quantity tells them apart
                quantity = claim.quantity.span if claim.quantity is not None else None
                key = (claim.kind, claim.span.start, claim.span.end, quantity.start if quantity else -1)
                if key not in best or claim.confidence > best[key].confidence:
                    best[key] = claim
        return tuple(
            sorted(
                best.values(),
                key=lambda c: (c.span.start, c.span.end, c.kind, c.quantity.span.start if c.quantity else -1),
            )
        )

    def extract_claims(self, text: str, context: ClaimContext | None = None) -> list[Claim]:
        """Claims of a text the caller already has; spans index ``text``."""
        if not isinstance(text, str):
            raise IngestError.of("invalid", "<text>", f"expected str, got {type(text).__name__}")
        if context is None:
            context = ClaimContext(paragraphs=_paragraph_spans(text))
        return list(self._claims(text, context, "<text>"))

    # ------------------------------------------------------------------------------------------ helpers
    def _first(self, hook: str, *, label: str = "<pipeline>", **kwargs: Any) -> tuple[Any, Origin | None]:
        """Call a first-result hook implementation by implementation, knowing which plugin answered; an answer
        of the wrong type is the answering plugin's error."""
        for impl in self._impls[hook]:
            call = partial(impl.function, *(kwargs[arg] for arg in impl.argnames))
            result = self._guard(label, impl.origin, call)
            if result is not None:
                expected = _ANSWERS.get(hook)
                if expected is not None and not isinstance(result, expected[0]):
                    raise wrong_result(label, impl.origin, result, expected[1])
                return result, impl.origin
        return None, None

    def _guard(self, label: str, origin: Origin, call: Callable[[], T]) -> T:
        try:
            return call()
        except IngestError:
            raise
        except RecursionError as exc:
            raise IngestError.of("invalid", label, "document nested too deeply", plugin=origin.plugin) from exc
        except (Exception, SystemExit) as exc:
            raise plugin_error(label, origin, exc, self.pm) from exc


@dataclass(frozen=True, slots=True)
class _Impl:
    function: Callable[..., Any]
    argnames: tuple[str, ...]
    origin: Origin


#: What the first-result hooks must answer (besides ``None``): the type, and how to say it.
_ANSWERS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "docingest_fetcher": (Fetcher, "a Fetcher (fetch, afetch, close, aclose)"),
    "docingest_load": (RawDocument, "a RawDocument (or None)"),
    "docingest_decode": (Decoded, "a Decoded (or None)"),
    "docingest_parse": (Page, "a Page (or None)"),
    "docingest_extract_body": ((list, tuple), "a list of Candidate (or None)"),
}

@dataclass(frozen=True)
class PipelineSpec:
    """What a pipeline is made of, small and picklable: its options (the plugins it disables among them) and the
    plugins registered on it by hand, as ``(name, "package.module[:attribute]")`` references that another
    process imports (see :func:`docingest.plugins.plugin_reference`)."""

    options: Options
    plugins: tuple[tuple[str, str], ...] = ()

    @property
    def disable(self) -> tuple[str, ...]:
        """The plugins and components the pipeline leaves out (``options.disable``)."""
        return self.options.disable

    def build(self) -> Pipeline:
        """A pipeline with these options, using the plugins installed in this process plus :attr:`plugins`."""
        options = self.options.model_dump()
        if not self.plugins:
            return Pipeline(**options)
        from .plugins import load_plugin_reference, new_plugin_manager

        extra = [(name, load_plugin_reference(reference)) for name, reference in self.plugins]
        return Pipeline(plugin_manager=new_plugin_manager(disable=self.options.disable, plugins=extra), **options)


def _listed(function: Callable[..., Iterable[T]], *args: Any) -> list[T]:
    return list(function(*args))


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


__all__ = ["Pipeline", "PipelineSpec", "Source", "is_url", "iterate_async", "source_label"]
