"""The per-actor stage: one pipeline, one event loop, one fetcher, kept for the actor's life.

Ray Data calls :meth:`IngestBatch.__call__` from a thread pool, so the async part does not run on the calling
thread: the actor owns an event loop in a daemon thread and hands each batch to it. On that loop, URL sources
are fetched concurrently under two limits (``fetch.concurrency`` in flight in all, ``fetch.per_host`` per
host: the limits hold per actor, so a cluster of N actors makes at most N × ``per_host`` requests to one
host at once), local sources are read in threads, and the CPU-bound stages run one document at a time on a
single dedicated thread (an actor is sized for one CPU), overlapping with the fetches still in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from docingest import Article, Failure, IngestError
from docingest.document import Fetcher, RawDocument
from docingest.pipeline import Pipeline, PipelineSpec, is_url, source_label

from .rows import record_row, with_results


def host_key(url: str) -> str:
    """The host a URL's fetch is counted against (lower-cased host and port)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host


def source_text(value: object) -> str:
    """A dataset cell as a source string (``None`` becomes the empty source, which fails as ``invalid``)."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return os.fsdecode(value)
    return source_label(value)


class AsyncStage:
    """Runs sources through a pipeline on a private event loop; thread-safe, reusable, closed once."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        fetch = pipeline.options.fetch
        self.concurrency = fetch.concurrency
        self.per_host = fetch.per_host
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="docingest-ray-loop", daemon=True)
        self._thread.start()
        self._cpu = ThreadPoolExecutor(max_workers=1, thread_name_prefix="docingest-ray-cpu")
        # Created on the loop, used only there.
        self._fetcher: Fetcher | None = None
        self._all: asyncio.Semaphore | None = None
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._closed = False
        #: Most fetches seen in flight at once, per host and in all (for tests and tuning).
        self.peak_per_host: dict[str, int] = {}
        self.peak_in_flight = 0
        self._in_flight: dict[str, int] = {}

    def run(self, sources: Sequence[str]) -> list[Article | Failure]:
        """One record per source, in the order given."""
        if self._closed:
            raise RuntimeError("the stage is closed")
        future = asyncio.run_coroutine_threadsafe(self._run_all(sources), self._loop)
        return future.result()

    async def _run_all(self, sources: Sequence[str]) -> list[Article | Failure]:
        return list(await asyncio.gather(*(self._one(source) for source in sources)))

    async def _one(self, source: str) -> Article | Failure:
        try:
            raw = await self._load(source)
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._cpu, self.pipeline.run_raw, raw)
        except IngestError as exc:
            return exc.failure
        except Exception as exc:  # a bug outside the plugins' guards: still exactly one record per source
            return Failure(
                kind="plugin_error",
                source=source,
                message=f"unexpected {type(exc).__name__} in the pipeline: {exc}",
                details=(("exception", type(exc).__name__),),
            )

    async def _load(self, source: str) -> RawDocument:
        if not is_url(source):
            return await self.pipeline.aload(source)
        if self._all is None:
            self._all = asyncio.Semaphore(self.concurrency)
        if self._fetcher is None:
            self._fetcher = self.pipeline.new_fetcher()
        host = host_key(source)
        limit = self._hosts.get(host)
        if limit is None:
            limit = self._hosts[host] = asyncio.Semaphore(self.per_host)
        async with limit, self._all:
            self._enter(host)
            try:
                return await self.pipeline.aload(source, self._fetcher)
            finally:
                self._in_flight[host] -= 1

    def _enter(self, host: str) -> None:
        count = self._in_flight.get(host, 0) + 1
        self._in_flight[host] = count
        self.peak_per_host[host] = max(self.peak_per_host.get(host, 0), count)
        self.peak_in_flight = max(self.peak_in_flight, sum(self._in_flight.values()))

    def close(self) -> None:
        """Close the fetcher, stop the loop and the CPU thread; idempotent."""
        if self._closed:
            return
        self._closed = True
        if self._fetcher is not None and self._loop.is_running():
            fetcher, self._fetcher = self._fetcher, None
            with contextlib.suppress(Exception):  # closing is best effort: the actor is going away
                asyncio.run_coroutine_threadsafe(fetcher.aclose(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        if not self._thread.is_alive():
            self._loop.close()
        self._cpu.shutdown(wait=False)
        self.pipeline.close()


class IngestBatch:
    """The Ray Data callable class: ``ds.map_batches(IngestBatch, fn_constructor_kwargs={"spec": spec},
    batch_format="pyarrow", concurrency=N)``.

    Each actor builds its pipeline once from the picklable :class:`~docingest.pipeline.PipelineSpec` (plugins
    are found again in the worker; no plugin manager crosses a process boundary) and keeps it, its fetcher and
    its event loop for all the batches it is given.
    """

    def __init__(self, spec: PipelineSpec, source_column: str = "source") -> None:
        self.source_column = source_column
        self.stage = AsyncStage(spec.build())

    def __call__(self, batch: Any) -> Any:
        """A ``pyarrow.Table`` batch in, the same rows with the result columns appended out."""
        sources = [source_text(value) for value in batch.column(self.source_column).to_pylist()]
        records = self.stage.run(sources)
        return with_results(batch, [record_row(s, r) for s, r in zip(sources, records, strict=True)])

    def __del__(self) -> None:
        stage = getattr(self, "stage", None)
        if stage is not None:
            with contextlib.suppress(Exception):  # the actor is going away; nothing to report to
                stage.close()
