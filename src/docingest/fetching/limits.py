"""Concurrency limits (global and per host) and the per-host politeness delay.

:class:`Politeness` is shared by the sync and async paths: it hands out the next start time for a host, so two
requests to one host start at least ``delay`` seconds apart whoever sends them. :class:`SyncLimits` uses
threading semaphores; :class:`AsyncLimits` uses asyncio semaphores and belongs to one event loop (the fetcher
keeps one per loop). Per-host semaphores are dropped when no fetch uses them, so memory does not grow with the
number of hosts seen.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

_MAX_REMEMBERED = 4096


class Politeness:
    """Per-host earliest start times; thread-safe and loop-agnostic."""

    def __init__(self) -> None:
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def reserve(self, host: str, delay: float) -> float:
        """Book the next slot for ``host``; returns how long to wait before starting (0 when free)."""
        if delay <= 0:
            return 0.0
        now = time.monotonic()
        with self._lock:
            if len(self._next) > _MAX_REMEMBERED:
                self._next = {h: t for h, t in self._next.items() if t > now}
            start = max(now, self._next.get(host, 0.0))
            self._next[host] = start + delay
        return start - now


class SyncLimits:
    """``concurrency`` fetches at once overall and ``per_host`` per host, for threads."""

    def __init__(self, concurrency: int, per_host: int) -> None:
        self.per_host = per_host
        self.overall = threading.BoundedSemaphore(concurrency)
        self._hosts: dict[str, tuple[threading.BoundedSemaphore, int]] = {}
        self._lock = threading.Lock()

    @contextmanager
    def host(self, key: str, timeout: float | None = None) -> Iterator[bool]:
        """Hold a slot for ``key``; yields ``False`` when none came free within ``timeout``."""
        with self._lock:
            sem, users = self._hosts.get(key) or (threading.BoundedSemaphore(self.per_host), 0)
            self._hosts[key] = (sem, users + 1)
        got = sem.acquire(timeout=timeout) if timeout is not None else sem.acquire()
        try:
            yield got
        finally:
            if got:
                sem.release()
            with self._lock:
                sem, users = self._hosts[key]
                if users <= 1:
                    del self._hosts[key]
                else:
                    self._hosts[key] = (sem, users - 1)


class AsyncLimits:
    """The asyncio twin of :class:`SyncLimits`, bound to the event loop that uses it."""

    def __init__(self, concurrency: int, per_host: int) -> None:
        self.per_host = per_host
        self.overall = asyncio.Semaphore(concurrency)
        self._hosts: dict[str, tuple[asyncio.Semaphore, int]] = {}

    @asynccontextmanager
    async def host(self, key: str) -> AsyncIterator[None]:
        """Hold a slot for ``key`` (cancel the task, or wrap in a timeout, to stop waiting)."""
        sem, users = self._hosts.get(key) or (asyncio.Semaphore(self.per_host), 0)
        self._hosts[key] = (sem, users + 1)
        try:
            async with sem:
                yield
        finally:
            sem, users = self._hosts[key]
            if users <= 1:
                del self._hosts[key]
            else:
                self._hosts[key] = (sem, users - 1)


__all__ = ["AsyncLimits", "Politeness", "SyncLimits"]
