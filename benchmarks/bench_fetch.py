"""Fetch throughput: docingest's hardened fetcher against a bare httpx loop, on a local server.

A small asyncio HTTP/1.1 server (keep-alive, one process of its own, 127.0.0.1 only) serves ``--pages``
distinct small article pages. In the same run, with concurrency 64 everywhere:

* **bare httpx**: ``httpx.AsyncClient`` GETs under an ``asyncio.Semaphore(64)``, bodies read whole;
* **docingest, extract=False**: ``docingest.ingest_many(urls, fetch=FetchSettings(concurrency=64,
  per_host=64, allow_private=("127.0.0.1",), respect_robots=False), extract=False)``: the fetcher with every
  guard on (address check at connect, total deadline, capped decoding, retries armed), then decode + parse;
* **docingest, extract=True** with ``workers`` = 1 and 2 (CPU-bound: extraction, cleaning, claims).

Each configuration runs ``--rounds`` times (alternating, so machine noise hits all alike); the table shows
median pages/s and the ratio to the bare loop. Needs no corpora.

    .venv/bin/python -m benchmarks.bench_fetch [--pages 2000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import statistics
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection

import httpx

import docingest
from benchmarks.common import table
from docingest import FetchSettings

CONCURRENCY = 64
_WORDS = [
    "council",
    "budget",
    "school",
    "road",
    "mayor",
    "vote",
    "river",
    "bridge",
    "housing",
    "plan",
    "rent",
    "tax",
    "city",
    "market",
    "train",
    "park",
    "hospital",
]


def page_html(n: int) -> bytes:
    """A small, distinct article page (≈1.1 KB): title, byline, five paragraphs, some chrome."""
    words = [_WORDS[(n * 7 + i * 3) % len(_WORDS)] for i in range(60)]
    paras = "".join(
        f"<p>{' '.join(words[i * 12 : (i + 1) * 12]).capitalize()} in story {n}, "
        f'officials said on Tuesday. "We will review it," said Ana Ruiz, {n % 90 + 10} years old.</p>'
        for i in range(5)
    )
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Story {n}: the {words[0]} "
        f"{words[1]}</title></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>"
        f"<article><h1>Story {n}</h1><p class=byline>By Sam Lee</p>{paras}</article>"
        f"<footer>© Local News</footer></body></html>"
    ).encode()


async def _serve(pages: int, ready: Connection) -> None:
    bodies = [page_html(n) for n in range(pages)]
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
    missing = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n"

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await reader.readuntil(b"\r\n\r\n")
                path = request.split(b" ", 2)[1]
                index = int(path[3:]) if path.startswith(b"/p/") and path[3:].isdigit() else -1
                if 0 <= index < pages:
                    writer.write(head % len(bodies[index]) + bodies[index])
                else:
                    writer.write(missing)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    ready.send(server.sockets[0].getsockname()[1])
    async with server:
        await server.serve_forever()


def _server_main(pages: int, ready: Connection) -> None:
    asyncio.run(_serve(pages, ready))


def bare_httpx(urls: list[str]) -> int:
    async def run() -> int:
        sem = asyncio.Semaphore(CONCURRENCY)
        limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
        async with httpx.AsyncClient(limits=limits, timeout=30.0) as client:

            async def get(url: str) -> int:
                async with sem:
                    response = await client.get(url)
                    return len(response.content) if response.status_code == 200 else 0

            sizes = await asyncio.gather(*(get(u) for u in urls))
        return sum(1 for s in sizes if s)

    return asyncio.run(run())


FETCH = FetchSettings(concurrency=CONCURRENCY, per_host=CONCURRENCY, allow_private=("127.0.0.1",), respect_robots=False)


def docingest_run(urls: list[str], *, extract: bool, workers: int = 1) -> int:
    ok = 0
    for record in docingest.ingest_many(urls, fetch=FETCH, extract=extract, workers=workers):
        if isinstance(record, docingest.Article):
            ok += 1
        else:
            print(f"failure: {record.kind} {record.message}", file=sys.stderr)
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    server = ctx.Process(target=_server_main, args=(args.pages, child), daemon=True)
    server.start()
    try:
        port = parent.recv()
        urls = [f"http://127.0.0.1:{port}/p/{n}" for n in range(args.pages)]
        configs: list[tuple[str, Callable[[], int]]] = [
            ("bare httpx.AsyncClient GET loop", lambda: bare_httpx(urls)),
            ("docingest ingest_many, extract=False", lambda: docingest_run(urls, extract=False)),
            ("docingest ingest_many, extract=True, workers=1", lambda: docingest_run(urls, extract=True)),
            ("docingest ingest_many, extract=True, workers=2", lambda: docingest_run(urls, extract=True, workers=2)),
        ]
        # warm-up (imports, plugin discovery, worker start-up paths) on a few pages
        bare_httpx(urls[:50])
        docingest_run(urls[:50], extract=True)
        rates: dict[str, list[float]] = {name: [] for name, _ in configs}
        for _ in range(args.rounds):
            for name, run in configs:
                start = time.perf_counter()
                ok = run()
                elapsed = time.perf_counter() - start
                if ok != len(urls):
                    raise SystemExit(f"{name}: only {ok} of {len(urls)} pages succeeded")
                rates[name].append(len(urls) / elapsed)
                print(f"  {name}: {len(urls) / elapsed:.0f} pages/s", file=sys.stderr)
        bare = statistics.median(rates[configs[0][0]])
        rows = []
        for name, _ in configs:
            median = statistics.median(rates[name])
            spread = f"{min(rates[name]):.0f}–{max(rates[name]):.0f}"
            rows.append([name, f"{median:.0f}", spread, f"{median / bare:.0%}"])
        print(f"{args.pages} distinct pages, concurrency {CONCURRENCY}, {args.rounds} rounds (median pages/s)\n")
        print(table(["configuration", "pages/s", "range", "vs bare httpx"], rows))
    finally:
        server.kill()
        server.join()


if __name__ == "__main__":
    main()
