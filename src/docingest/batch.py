"""Parallel batch ingestion: the CPU-bound stages in a pool of worker processes.

:func:`ingest_parallel` is what :meth:`Pipeline.ingest_many` runs when ``workers > 1``. The design:

* **Workers build their own pipeline.** Each worker process receives the pipeline's picklable
  :class:`~docingest.pipeline.PipelineSpec` and calls ``spec.build()`` once, finding the plugins installed in
  its own process and importing those registered on the pipeline by hand (a module, or an object bound to a
  name at the top of a module; others are reported with a warning); the plugin manager is never pickled.
  Workers are started with the ``forkserver`` method where available (the server process preloads docingest
  and the built-in stages, so starting or recycling a worker costs a fork, not a fresh interpreter), else
  ``spawn``. Never plain ``fork``: the parent runs threads
  (the fetch loop) and forking a threaded process can deadlock.
* **URLs are fetched in the parent, files are read in the workers.** Fetching is I/O: one asyncio loop in the
  parent (a helper thread) with one fetcher keeps the fetch settings' global ``concurrency`` and ``per_host``
  limits true for the whole run (workers fetching on their own would multiply them by the number of
  workers, and would each hold a connection pool), reuses connections across documents, and never occupies
  a worker's CPU while waiting on the network. The fetched bytes are sent to a worker with the document
  (a memory copy, small beside parsing). Local files are opened by the worker itself, so the parent stays
  light.
* **A per-document time limit.** Each worker is sent two documents ahead (so it never idles waiting for a
  busy parent) and answers in order; when the document it is on has not been answered within ``time_limit``
  seconds, the worker is killed and replaced, that input yields ``Failure(kind="timeout")`` and the document
  queued behind it goes to another worker. A worker that dies (a crash in a C extension, the OOM killer)
  yields ``Failure(kind="plugin_error")`` for the document it was on. Every input gets exactly one record.
* **Recycling.** A worker retires after ``max_tasks`` documents and a fresh one takes its place, so slow leaks
  in parsers or plugins cannot grow without bound.
* **Ordered, bounded streaming.** At most ``window`` inputs are in flight (read from the source iterator but
  not yet yielded); records are yielded in input order as soon as the oldest input is done.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import heapq
import multiprocessing
import multiprocessing.connection
import os
import queue
import signal
import socket
import sys
import threading
import time
import types
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

from .document import Fetcher, RawDocument
from .errors import IngestError
from .models import Article, Failure
from .plugins import BUILTIN_PLUGINS

if TYPE_CHECKING:
    from .pipeline import Pipeline, PipelineSpec, Source

#: Seconds a worker may spend on one document before it is killed and the input fails as ``timeout``.
DEFAULT_TIME_LIMIT = 60.0
#: Documents a worker processes before it is replaced by a fresh process.
DEFAULT_MAX_TASKS = 2000
#: Documents sent ahead to each worker, so that it never waits for the parent between two documents.
_PREFETCH = 2
#: Consecutive workers that may die before becoming ready before the run gives up.
_MAX_START_FAILURES = 3

Record = Article | Failure


def ingest_parallel(
    pipeline: Pipeline,
    sources: Iterable[Source],
    *,
    workers: int,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    max_tasks: int = DEFAULT_MAX_TASKS,
    window: int | None = None,
) -> Iterator[Article | Failure]:
    """One record per source, in input order, the CPU-bound stages running in ``workers`` processes.

    ``time_limit`` bounds the seconds one document may take in a worker (``None``: no limit); ``max_tasks``
    is the number of documents after which a worker is recycled; ``window`` bounds the inputs in flight
    (default: four per worker, at least twice the fetch concurrency when URLs are fetched).

    Plugins are found again in each worker from the installed entry points and the built-ins: plugins
    registered by hand on ``pipeline``'s own plugin manager do not exist there (a ``RuntimeWarning`` says
    so). Raises ``RuntimeError`` only when worker processes cannot start at all.
    """
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if max_tasks < 1:
        raise ValueError("max_tasks must be at least 1")
    if time_limit is not None and time_limit <= 0:
        raise ValueError("time_limit must be positive")
    if window is None:
        window = max(4 * workers, 2 * pipeline.options.fetch.concurrency)
    run = _Run(pipeline, workers=workers, time_limit=time_limit, max_tasks=max_tasks, window=max(1, window))
    return run.records(sources)


# ---------------------------------------------------------------------------------------------- the worker


def _worker_main(spec: PipelineSpec, conn: Connection) -> None:
    """Body of a worker process: build the pipeline once, then answer ``(index, source)`` tasks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides how a run ends
    try:
        pipeline = spec.build()
        names = pipeline.plugin_names
    except BaseException as exc:
        _send_quietly(conn, ("error", f"{type(exc).__name__}: {exc}"))
        return
    _send_quietly(conn, ("ready", names))
    # A thread takes tasks off the pipe while the main thread works, so that the parent's send of the next
    # document (possibly a large fetched body) never waits for the current one to finish.
    tasks: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def receive() -> None:
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):  # the parent is gone
                tasks.put(None)
                return
            tasks.put(task)
            if task is None:
                return

    threading.Thread(target=receive, name="docingest-receive", daemon=True).start()
    with pipeline:
        while True:
            task = tasks.get()
            if task is None:
                return
            index, source = task
            record = _run_one(pipeline, source)
            try:
                conn.send(("done", index, record))
            except (BrokenPipeError, EOFError, ConnectionResetError):
                return
            except Exception as exc:  # the record does not pickle: say so rather than lose the input
                failure = Failure(
                    kind="plugin_error",
                    source=_label(source),
                    message=f"the record could not be sent back from the worker: {type(exc).__name__}: {exc}",
                )
                if not _send_quietly(conn, ("done", index, failure)):
                    return


def _run_one(pipeline: Pipeline, source: str | RawDocument) -> Record:
    try:
        if isinstance(source, RawDocument):
            return pipeline.run_raw(source)
        return pipeline.run(source)
    except Exception as exc:  # the pipeline guards plugins; this is a last line of defence
        return Failure(
            kind="plugin_error",
            source=_label(source),
            message=f"unexpected {type(exc).__name__} while ingesting: {exc}",
            details=(("exception", type(exc).__name__),),
        )


def _send_quietly(conn: Connection, message: object) -> bool:
    try:
        conn.send(message)
    except Exception:
        return False
    return True


def _label(source: object) -> str:
    if isinstance(source, RawDocument):
        return source.source
    if isinstance(source, os.PathLike):
        return str(os.fspath(source))
    return str(source)


# ---------------------------------------------------------------------------------------------- processes

_context_lock = threading.Lock()
_context: BaseContext | None = None


def _mp_context() -> BaseContext:
    """The ``forkserver`` context (preloading docingest) where available, else ``spawn``."""
    global _context
    with _context_lock:
        if _context is None:
            if "forkserver" in multiprocessing.get_all_start_methods():
                ctx = multiprocessing.get_context("forkserver")
                ctx.set_forkserver_preload(["docingest.batch", "docingest.pipeline", *BUILTIN_PLUGINS.values()])
                _context = ctx
            else:
                _context = multiprocessing.get_context("spawn")
        return _context


@contextlib.contextmanager
def _bare_main() -> Iterator[None]:
    """Start a process without making it re-import the caller's ``__main__`` module.

    ``spawn`` and ``forkserver`` children normally import the parent's main script (which then needs an
    ``if __name__ == "__main__":`` guard, and makes every worker import whatever the script imports: pytest,
    a web framework, a GPU library). A docingest worker needs nothing from it: its target and arguments live
    in docingest. For the instant ``Process.start`` reads the preparation data, ``__main__`` is an empty module.
    """
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if saved is None:
            del sys.modules["__main__"]
        else:
            sys.modules["__main__"] = saved


@dataclass(eq=False)
class _Entry:
    """One input on its way through the run."""

    index: int
    label: str
    payload: str | RawDocument | None = None
    result: Record | None = None


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    entries: deque[_Entry] = field(default_factory=deque)  # sent, unanswered, in the order sent
    deadline: float = float("inf")  # for the first of ``entries``, the one being processed
    assigned: int = 0
    done: int = 0
    started: float = field(default_factory=time.monotonic)


class _Fetches:
    """URL fetching on an asyncio loop in a helper thread, one fetcher for the whole run."""

    def __init__(self, pipeline: Pipeline, done: queue.SimpleQueue[tuple[_Entry, Any]], wake: socket.socket):
        self._pipeline = pipeline
        self._done = done
        self._wake = wake
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="docingest-fetch", daemon=True)
        self._thread.start()
        self._futures: set[concurrent.futures.Future[Any]] = set()
        self._fetcher: Fetcher | None = None
        self._error: Failure | None = None
        try:
            self._fetcher = asyncio.run_coroutine_threadsafe(self._make(), self._loop).result()
        except IngestError as exc:
            self._error = exc.failure

    async def _make(self) -> Fetcher:
        return self._pipeline.new_fetcher()

    async def _load(self, label: str) -> RawDocument | Failure:
        if self._fetcher is None:
            assert self._error is not None
            return Failure(kind=self._error.kind, source=label, message=self._error.message)
        try:
            return await self._pipeline.aload(label, self._fetcher)
        except IngestError as exc:
            return exc.failure
        except Exception as exc:
            return Failure(kind="plugin_error", source=label, message=f"fetch raised {type(exc).__name__}: {exc}")

    def submit(self, entry: _Entry) -> None:
        future = asyncio.run_coroutine_threadsafe(self._load(entry.label), self._loop)
        self._futures.add(future)

        def finished(fut: concurrent.futures.Future[Any]) -> None:
            self._futures.discard(fut)
            if fut.cancelled():
                return
            exc = fut.exception()
            outcome: Any = (
                fut.result()
                if exc is None
                else Failure(
                    kind="plugin_error", source=entry.label, message=f"fetch raised {type(exc).__name__}: {exc}"
                )
            )
            self._done.put((entry, outcome))
            with contextlib.suppress(OSError):
                self._wake.send(b"\0")

        future.add_done_callback(finished)

    def close(self) -> None:
        for future in list(self._futures):
            future.cancel()
        if self._fetcher is not None:
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(self._fetcher.aclose(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        if not self._thread.is_alive():
            self._loop.close()


class _Run:
    """The scheduler of one :func:`ingest_parallel` call (runs in the caller's thread)."""

    def __init__(
        self, pipeline: Pipeline, *, workers: int, time_limit: float | None, max_tasks: int, window: int
    ) -> None:
        self.pipeline = pipeline
        self.spec = pipeline.spec()
        self.size = workers
        self.time_limit = time_limit
        self.max_tasks = max_tasks
        self.window = window
        self.prefetch = _PREFETCH
        self.workers: list[_Worker] = []
        self.ready: list[tuple[int, _Entry]] = []  # heap by input index: the oldest input goes first
        self.fetched: queue.SimpleQueue[tuple[_Entry, Any]] = queue.SimpleQueue()
        self.wake_r, self.wake_w = socket.socketpair()
        self.wake_r.setblocking(False)
        self.fetches: _Fetches | None = None
        self.start_failures = 0
        self.last_start_error = ""
        self.expected_plugins = pipeline.plugin_names
        self.warned = False

    # ------------------------------------------------------------------------------------------ main loop
    def records(self, sources: Iterable[Source]) -> Iterator[Record]:
        from .pipeline import is_url, source_label

        source_iter = iter(sources)
        exhausted = False
        entries: deque[_Entry] = deque()
        count = 0
        try:
            while True:
                while not exhausted and len(entries) < self.window:
                    try:
                        source = next(source_iter)
                    except StopIteration:
                        exhausted = True
                        break
                    entry = _Entry(index=count, label=source_label(source))
                    count += 1
                    entries.append(entry)
                    if isinstance(source, RawDocument):
                        self._make_ready(entry, source)
                    elif is_url(entry.label):
                        if self.fetches is None:
                            self.fetches = _Fetches(self.pipeline, self.fetched, self.wake_w)
                        self.fetches.submit(entry)
                    else:
                        self._make_ready(entry, entry.label)
                if self.ready:
                    self._staff()
                    self._dispatch()
                while entries and entries[0].result is not None:
                    record = entries.popleft().result
                    assert record is not None
                    yield record
                if exhausted and not entries:
                    return
                if entries and entries[0].result is None:
                    self._wait()
        finally:
            self._shutdown()

    def _make_ready(self, entry: _Entry, payload: str | RawDocument) -> None:
        entry.payload = payload
        heapq.heappush(self.ready, (entry.index, entry))

    # ------------------------------------------------------------------------------------------ workers
    def _staff(self) -> None:
        """Keep the pool at full size while there is work."""
        while len(self.workers) < self.size:
            self.workers.append(self._start())

    def _start(self) -> _Worker:
        ctx = _mp_context()
        parent_conn, child_conn = ctx.Pipe(duplex=True)
        process = ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(self.spec, child_conn), name="docingest-worker", daemon=True
        )
        with _bare_main():
            process.start()
        child_conn.close()
        return _Worker(process=process, conn=parent_conn)

    def _dispatch(self) -> None:
        for worker in self.workers:
            if not self.ready:
                return
            while (
                worker.ready and self.ready and len(worker.entries) < self.prefetch and worker.assigned < self.max_tasks
            ):
                _, entry = heapq.heappop(self.ready)
                try:
                    worker.conn.send((entry.index, entry.payload))
                except (BrokenPipeError, ConnectionResetError, EOFError, OSError):
                    heapq.heappush(self.ready, (entry.index, entry))  # the worker is dying: it never had it
                    break
                if not worker.entries:
                    worker.deadline = self._deadline()
                worker.entries.append(entry)
                worker.assigned += 1

    def _wait(self) -> None:
        waitables: list[Any] = [self.wake_r]
        for worker in self.workers:
            waitables.append(worker.conn)
            waitables.append(worker.process.sentinel)
        deadline = min((w.deadline for w in self.workers if w.entries), default=float("inf"))
        timeout = None if deadline == float("inf") else max(0.0, deadline - time.monotonic())
        ready = multiprocessing.connection.wait(waitables, timeout)
        if self.wake_r in ready:
            self._drain_wake()
        for worker in list(self.workers):
            if worker.conn in ready or worker.process.sentinel in ready:
                self._service(worker)
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.entries and now >= worker.deadline:
                self._time_out(worker)

    def _drain_wake(self) -> None:
        try:
            while self.wake_r.recv(4096):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        while True:
            try:
                entry, outcome = self.fetched.get_nowait()
            except queue.Empty:
                return
            if isinstance(outcome, RawDocument):
                self._make_ready(entry, outcome)
            else:
                entry.result = outcome

    def _service(self, worker: _Worker) -> None:
        """Read what a worker sent; notice when it has died."""
        try:
            while worker.conn.poll():
                self._handle(worker, worker.conn.recv())
                if worker not in self.workers:
                    return
        except (EOFError, OSError):
            pass
        else:
            if worker.process.is_alive():
                return
        self._lost(worker)

    def _handle(self, worker: _Worker, message: Any) -> None:
        tag = message[0]
        if tag == "ready":
            worker.ready = True
            self.start_failures = 0
            self._check_plugins(message[1])
        elif tag == "error":
            self.last_start_error = str(message[1])
        elif tag == "done":
            _, index, record = message
            if not worker.entries or worker.entries[0].index != index:  # cannot happen: answers come in order
                raise RuntimeError(f"worker answered for input {index} out of turn")
            entry = worker.entries.popleft()
            entry.result = record
            entry.payload = None
            # the next document started when this answer was sent (a little before now: a lenient deadline)
            worker.deadline = self._deadline() if worker.entries else float("inf")
            worker.done += 1
            if worker.done >= self.max_tasks:
                self._retire(worker)

    def _lost(self, worker: _Worker) -> None:
        """A worker exited or its pipe broke: its document fails, a new worker takes its place later."""
        self._remove(worker, kill=True)
        code = worker.process.exitcode
        entry = self._requeue(worker)
        if entry is not None:
            entry.result = Failure(
                kind="plugin_error",
                source=entry.label,
                message=f"the worker process died while ingesting this document (exit code {code})",
                details=(("exitcode", str(code)),),
            )
            entry.payload = None
        if not worker.ready:
            self.start_failures += 1
            if self.start_failures >= _MAX_START_FAILURES:
                detail = self.last_start_error or f"exit code {code}"
                raise RuntimeError(f"docingest worker processes cannot start: {detail}")

    def _time_out(self, worker: _Worker) -> None:
        self._remove(worker, kill=True)
        entry = self._requeue(worker)
        assert entry is not None
        limit = self.time_limit
        entry.result = Failure(
            kind="timeout",
            source=entry.label,
            message=f"processing took longer than the {limit:g} s limit; the worker was stopped",
            details=(("time_limit", f"{limit:g}"),),
        )
        entry.payload = None

    def _deadline(self) -> float:
        return time.monotonic() + self.time_limit if self.time_limit is not None else float("inf")

    def _requeue(self, worker: _Worker) -> _Entry | None:
        """After a worker is gone: the document it was processing, its other documents back in the queue."""
        if not worker.entries:
            return None
        current = worker.entries.popleft()
        for entry in worker.entries:  # sent but never started
            heapq.heappush(self.ready, (entry.index, entry))
        worker.entries.clear()
        return current

    def _retire(self, worker: _Worker) -> None:
        _send_quietly(worker.conn, None)
        self._remove(worker, kill=False)

    def _remove(self, worker: _Worker, *, kill: bool) -> None:
        if worker in self.workers:
            self.workers.remove(worker)
        if kill and worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=None if kill else 5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()

    def _check_plugins(self, names: list[str]) -> None:
        missing = sorted(set(self.expected_plugins) - set(names))
        if missing and not self.warned:
            self.warned = True
            warnings.warn(
                "plugins registered on this pipeline's own plugin manager cannot be imported by worker "
                f"processes and will not run there: {', '.join(missing)} (register a module, or an object bound "
                "to a name at the top of a module, or install them as entry points)",
                RuntimeWarning,
                stacklevel=2,
            )

    def _shutdown(self) -> None:
        workers, self.workers = self.workers, []
        for worker in workers:
            if not worker.entries:
                _send_quietly(worker.conn, None)
            elif worker.process.is_alive():
                worker.process.kill()
        end = time.monotonic() + 5
        for worker in workers:
            worker.process.join(timeout=max(0.0, end - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        if self.fetches is not None:
            self.fetches.close()
            self.fetches = None
        self.wake_r.close()
        self.wake_w.close()


__all__ = ["DEFAULT_MAX_TASKS", "DEFAULT_TIME_LIMIT", "ingest_parallel"]
