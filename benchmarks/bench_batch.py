"""Batch ingestion: throughput of ``ingest_many(workers=1)`` vs ``workers=2``, and memory over a long run.

    .venv/bin/python benchmarks/bench_batch.py [--pages 300] [--rounds 3] [--docs 10000] [--checkpoint 1000]

Real pages (the first ``--pages`` of wcxb-dev) are written to a temporary directory as ``.html`` files and
ingested by path, as ``docingest ingest -i LIST`` would. Throughput rounds alternate 1 and 2 workers and
report medians (the machine is shared: compare within one run). Memory: ``--docs`` documents (the pages
cycled) through ``workers=2``, with the resident set size of this process and of its descendants (the
forkserver and the workers) at every checkpoint.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import extraction_pages, table
from docingest import Article, Pipeline
from docingest.batch import DEFAULT_MAX_TASKS, ingest_parallel


def write_pages(folder: Path, limit: int) -> list[str]:
    paths = []
    for page in extraction_pages("wcxb-dev", limit):
        path = folder / f"{page.id}.html"
        path.write_text(page.html, encoding="utf-8")
        paths.append(str(path))
    return paths


def run(pipeline: Pipeline, paths: list[str], workers: int) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds of this process and its descendants, records, articles) for one pass."""
    me = os.getpid()
    before = {pid: _cpu_seconds(pid) for pid in _descendants(me)}
    cpu_start = time.process_time()
    start = time.perf_counter()
    records = articles = 0
    stream = pipeline.ingest_many(paths, workers=workers)
    for _ in range(len(paths)):  # stop before the pool shuts down, to read the workers' CPU time
        record = next(stream)
        records += 1
        articles += isinstance(record, Article)
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    cpu += sum(_cpu_seconds(pid) - before.get(pid, 0.0) for pid in _descendants(me))
    assert next(stream, None) is None  # exactly one record per input
    return wall, cpu, records, articles


# ---------------------------------------------------------------------------------------------- memory


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_seconds(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found: list[int] = []
    stack = [root]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def memory_run(pipeline: Pipeline, paths: list[str], docs: int, checkpoint: int) -> list[list[object]]:
    def sources() -> Iterator[str]:
        for i in range(docs):
            yield paths[i % len(paths)]

    rows: list[list[object]] = []
    start = time.perf_counter()
    n = 0
    for _record in ingest_parallel(pipeline, sources(), workers=2):
        n += 1
        if n % checkpoint == 0:
            me = os.getpid()
            kids = _descendants(me)
            parent = _rss_kib(me) / 1024
            others = [_rss_kib(pid) / 1024 for pid in kids]
            rows.append(
                [
                    n,
                    f"{parent:.0f}",
                    " + ".join(f"{x:.0f}" for x in sorted(others, reverse=True)),
                    f"{parent + sum(others):.0f}",
                    f"{n / (time.perf_counter() - start):.1f}",
                ]
            )
            print(f"  {n} documents: parent {parent:.0f} MiB, descendants {sum(others):.0f} MiB", file=sys.stderr)
    assert n == docs, (n, docs)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3, help="throughput rounds (0: skip)")
    parser.add_argument("--docs", type=int, default=10_000, help="documents of the memory run (0: skip it)")
    parser.add_argument("--checkpoint", type=int, default=1000)
    parser.add_argument(
        "--memory-smallest", type=int, default=0, help="memory run: cycle only the N smallest pages (0: all)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="docingest-bench-batch-") as tmp:
        paths = write_pages(Path(tmp), args.pages)
        pipeline = Pipeline()
        print(f"{len(paths)} wcxb-dev pages, {os.cpu_count()} CPUs", file=sys.stderr)

        if args.rounds:
            throughput(pipeline, paths, args.rounds)
        if args.docs:
            pool = paths
            if args.memory_smallest:
                pool = sorted(paths, key=os.path.getsize)[: args.memory_smallest]
                print(f"memory run cycles the {len(pool)} smallest pages", file=sys.stderr)
            rows = memory_run(pipeline, pool, args.docs, args.checkpoint)
            print(
                f"### Memory over {args.docs:,} documents (workers=2, recycled every {DEFAULT_MAX_TASKS} documents)\n"
            )
            print(table(["documents", "parent RSS MiB", "descendants' RSS MiB", "total MiB", "docs/s"], rows))


def throughput(pipeline: Pipeline, paths: list[str], rounds: int) -> None:
    cold_start = time.perf_counter()
    next(iter(ingest_parallel(pipeline, paths[:1], workers=2)))
    cold = time.perf_counter() - cold_start
    warm_start = time.perf_counter()
    list(ingest_parallel(pipeline, paths[:2], workers=2))
    warm = time.perf_counter() - warm_start
    run(pipeline, paths[:20], 1)  # warm the in-process pipeline too

    timings: dict[int, list[float]] = {1: [], 2: []}
    cpu: dict[int, list[float]] = {1: [], 2: []}
    outcome: dict[int, tuple[int, int]] = {}
    for r in range(rounds):
        for workers in (1, 2) if r % 2 == 0 else (2, 1):
            seconds, cpu_seconds, records, articles = run(pipeline, paths, workers)
            timings[workers].append(seconds)
            cpu[workers].append(cpu_seconds)
            outcome[workers] = (records, articles)
            print(
                f"  round {r + 1}, workers={workers}: {seconds:.2f} s wall, {cpu_seconds:.2f} s CPU",
                file=sys.stderr,
            )
    rows: list[list[object]] = []
    base = statistics.median(timings[1])
    base_cpu = statistics.median(cpu[1])
    for workers in (1, 2):
        med = statistics.median(timings[workers])
        med_cpu = statistics.median(cpu[workers])
        records, articles = outcome[workers]
        rows.append(
            [
                workers,
                records,
                articles,
                f"{len(paths) / med:.1f}",
                f"{base / med:.2f}×",
                f"{med_cpu * 1000 / len(paths):.2f}",
                f"{base_cpu / med_cpu:.2f}",
                " / ".join(f"{t:.2f}" for t in timings[workers]),
            ]
        )
    print(f"\n### Throughput ({len(paths)} wcxb-dev pages as files, median of {rounds} rounds)\n")
    print(
        table(
            [
                "workers",
                "records",
                "articles",
                "docs/s",
                "wall speed-up",
                "CPU ms/doc (all processes)",
                "CPU efficiency",
                "wall s per round",
            ],
            rows,
        )
    )
    load = os.getloadavg()
    print(
        f"\nLoad average during the run: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} CPUs. "
        "CPU efficiency = CPU time per document with 1 worker / with N workers (1.00: parallelism costs "
        "nothing); with 2 idle cores the wall speed-up is at most 2 × that."
    )
    print(
        f"\nPool start: {cold:.2f} s cold (first pool in the process: forkserver boot and preload), "
        f"{warm:.2f} s warm (fork + plugin discovery); included in the round times above.\n"
    )


if __name__ == "__main__":
    main()
