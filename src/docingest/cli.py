"""The ``docingest`` command line (also ``python -m docingest``).

    docingest ingest SOURCE... [-i LIST] [-o OUT.jsonl] [--errors FAILED.jsonl] [--store PATH.db] ...
    docingest plugins
    docingest schema article|claim|failure
    docingest store stats DB | docingest store export DB
    docingest search DB QUERY [--speaker NAME] [--limit N]

Exit codes: 0 success (every input ingested), 1 some inputs failed (or a search found nothing, or
``docingest plugins`` found a broken plugin), 2 usage error (an unknown option or ``--disable`` name, a plugin
that cannot work). Problems with plugins are reported as ``docingest: warning: ...`` lines, never as tracebacks.
This module imports only the standard library at start; the pipeline is imported by the commands.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .document import InputReader, OutputWriter, RawDocument, RecordSink
    from .models import Article, Failure
    from .store import Store

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A problem with the command line or its files; exits with status 2."""


# ---------------------------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="docingest",
        description="Turn web documents (news articles above all) into typed, validated records.",
    )
    parser.add_argument("--version", action="version", version=f"docingest {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    ingest = commands.add_parser(
        "ingest",
        help="ingest URLs, files or archives into JSONL or a store",
        description=(
            "Ingest sources (http(s) URLs, file paths, or files an input-reader plugin expands, such as WARCs). "
            "Articles are written one a line (JSONL by default) to stdout or -o; failures as JSON lines to "
            "--errors, else to stderr. With --store, records go into an SQLite store instead, and running the "
            "same command again resumes: inputs already stored are skipped. Sources are read from stdin, one a "
            "line, when none is given. Exit status: 0 all ingested, 1 some failed, 2 usage error."
        ),
    )
    ingest.add_argument("sources", nargs="*", metavar="SOURCE", help="URL, file path, or archive")
    ingest.add_argument(
        "-i",
        "--input",
        action="append",
        default=[],
        metavar="LIST",
        help="file listing sources one a line ('-': stdin)",
    )
    ingest.add_argument("-o", "--output", metavar="OUT", help="write articles here instead of stdout")
    ingest.add_argument("--errors", metavar="FAILED", help="write failures here instead of stderr")
    ingest.add_argument("--format", metavar="NAME", help="output format (default: by OUT's suffix, else jsonl)")
    ingest.add_argument("--workers", type=_positive_int, default=1, metavar="N", help="worker processes (default 1)")
    ingest.add_argument(
        "--time-limit",
        type=_positive_float,
        default=None,
        metavar="SECONDS",
        help="kill and fail (kind timeout) a document that takes longer than this in a worker "
        "(default 60 with --workers > 1; setting it with one worker runs that worker in a process)",
    )
    ingest.add_argument("--store", metavar="PATH.db", help="record everything in this SQLite store (resumable)")
    ingest.add_argument("--retry-failed", action="store_true", help="with --store: retry inputs that failed before")
    ingest.add_argument("--no-claims", action="store_true", help="do not extract claims")
    _disable_argument(ingest)
    ingest.set_defaults(func=cmd_ingest)

    plugins = commands.add_parser(
        "plugins",
        help="list the plugins, their hooks and components, and check them (JSON)",
        description=(
            "List every plugin (built in or installed) with its hooks and components, as JSON, after checking "
            "each: it imports, its hooks are docingest hooks with the right signatures, its component hooks "
            "return well-formed components, and it runs on a sample HTML page and a sample text without raising. "
            "A broken plugin is listed with its \"error\" and reported on stderr. Exit status: 0 all plugins "
            "work, 1 some plugin is broken or looks wrong, 2 usage error."
        ),
    )
    _disable_argument(plugins)
    plugins.set_defaults(func=cmd_plugins)

    schema = commands.add_parser("schema", help="print a record's JSON Schema")
    schema.add_argument("name", choices=["article", "claim", "failure"])
    schema.set_defaults(func=cmd_schema)

    store = commands.add_parser("store", help="inspect an ingest store")
    store_commands = store.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    stats = store_commands.add_parser("stats", help="counts of inputs, articles, failures, claims, runs (JSON)")
    stats.add_argument("db", metavar="DB")
    stats.set_defaults(func=cmd_store_stats)
    export = store_commands.add_parser("export", help="the stored articles as JSONL")
    export.add_argument("db", metavar="DB")
    export.add_argument("--failures", action="store_true", help="export the failures instead")
    export.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    export.set_defaults(func=cmd_store_export)

    search = commands.add_parser(
        "search",
        help="who said what: search claims and articles in a store",
        description=(
            "Search a store. Prints JSON lines: claims whose text or speaker contains every word of QUERY "
            "(type 'claim': kind, text, speaker, cue, article url and title), then articles whose title or text "
            "does (type 'article'). --speaker keeps claims by that speaker only. Exit status 1 when nothing "
            "matches."
        ),
    )
    search.add_argument("db", metavar="DB")
    search.add_argument("query", nargs="?", default="", metavar="QUERY")
    search.add_argument("--speaker", metavar="NAME", help="only claims by this speaker")
    search.add_argument("--limit", type=_positive_int, default=20, metavar="N", help="hits of each type (default 20)")
    search.set_defaults(func=cmd_search)
    return parser


def _disable_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="NAME",
        help="leave out a plugin or a component by name (repeatable, or comma-separated); a disabled plugin is "
        "never imported",
    )


def _disabled(args: argparse.Namespace) -> tuple[str, ...]:
    return tuple(name.strip() for value in args.disable for name in value.split(",") if name.strip())


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text} is not positive")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error argparse already reported
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    args.argv = list(sys.argv[1:] if argv is None else argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_usage(sys.stderr)
        print("docingest: error: a command is required (ingest, plugins, schema, store, search)", file=sys.stderr)
        return EXIT_USAGE
    try:
        with _plugin_warnings_as_lines():
            return func(args)
    except UsageError as exc:
        print(f"docingest: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except _docingest_errors() as exc:  # an unknown option or --disable name, a plugin that cannot work
        print(f"docingest: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader of our output went away (`| head`)
        _silence_stdout()
        return EXIT_FAILED if args.command == "ingest" else EXIT_OK
    except KeyboardInterrupt:
        print("docingest: interrupted", file=sys.stderr)
        return 130


def _docingest_errors() -> type[Exception]:
    from .errors import DocingestError

    return DocingestError


@contextlib.contextmanager
def _plugin_warnings_as_lines() -> Iterator[None]:
    """Show docingest's plugin warnings as ``docingest: warning: ...`` lines (not as source lines)."""
    from .errors import PluginWarning

    with warnings.catch_warnings():
        shown = warnings.showwarning

        def show(message: Warning | str, category: type[Warning], *rest: Any, **kwargs: Any) -> None:
            if issubclass(category, PluginWarning):
                text = str(message).removeprefix("docingest: ").removeprefix("docingest ")
                print(f"docingest: warning: {text}", file=sys.stderr)
            else:
                shown(message, category, *rest, **kwargs)

        warnings.showwarning = show
        yield


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# ---------------------------------------------------------------------------------------------- ingest


def cmd_ingest(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline

    if args.retry_failed and not args.store:
        raise UsageError("--retry-failed needs --store")
    for listing in args.input:
        if listing != "-" and not os.path.isfile(listing):
            raise UsageError(f"input list {listing!r}: no such file")
    if not args.sources and not args.input and sys.stdin.isatty():
        raise UsageError("no sources: give SOURCE arguments, -i LIST, or sources on stdin")
    pipeline = Pipeline(disable=_disabled(args), claims=not args.no_claims)
    writers = pipeline.output_writers
    readers = pipeline.input_readers
    out_writer = _choose_writer(writers, args.format, args.output)
    err_writer = _choose_writer(writers, None, args.errors)

    store: Store | None = None
    if args.store:
        from .store import Store, StoreError

        try:
            store = Store(args.store)
        except StoreError as exc:
            raise UsageError(str(exc)) from exc

    opened: list[IO[str]] = []
    sinks: list[RecordSink] = []
    try:
        out_sink = _open_sink(out_writer, args.output, sys.stdout if store is None else None, opened, sinks)
        err_sink = _open_sink(err_writer, args.errors, sys.stderr if store is None else None, opened, sinks)
        return _ingest(args, pipeline, readers=readers, store=store, out_sink=out_sink, err_sink=err_sink)
    finally:
        for sink in sinks:
            sink.close()
        for stream in opened:
            stream.close()
        if store is not None:
            store.close()
        pipeline.close()


def _ingest(
    args: argparse.Namespace,
    pipeline: Any,
    *,
    readers: list[InputReader],
    store: Store | None,
    out_sink: RecordSink | None,
    err_sink: RecordSink | None,
) -> int:
    from .document import RawDocument
    from .models import Article

    run_id = store.begin_run(["docingest", *args.argv]) if store is not None else None
    progress = _Progress() if sys.stderr.isatty() else None
    keys: deque[str] = deque()
    counts = {"articles": 0, "failed": 0, "skipped": 0}

    def feed() -> Iterator[str | RawDocument]:
        for source in _sources(args, readers):
            key = source.source if isinstance(source, RawDocument) else source.strip()
            if store is not None and store.is_done(key, retry_failed=args.retry_failed):
                counts["skipped"] += 1
                if store.status(key) == "failure":
                    counts["failed"] += 1
                continue
            keys.append(key)
            yield source

    records: Iterable[Article | Failure]
    if args.workers > 1 or args.time_limit is not None:
        from .batch import DEFAULT_TIME_LIMIT, ingest_parallel

        records = ingest_parallel(
            pipeline, feed(), workers=args.workers, time_limit=args.time_limit or DEFAULT_TIME_LIMIT
        )
    else:
        records = pipeline.ingest_many(feed())
    for record in records:
        key = keys.popleft()
        if store is not None:
            store.add(key, record, run_id)
        if isinstance(record, Article):
            counts["articles"] += 1
            if out_sink is not None:
                out_sink.write(record)
        else:
            counts["failed"] += 1
            if err_sink is not None:
                if progress is not None:
                    progress.clear()
                err_sink.write(record)
        if progress is not None:
            progress.show(counts)
    if progress is not None:
        progress.show(counts, final=True)
    if store is not None and run_id is not None:
        store.finish_run(run_id, skipped=counts["skipped"])
    return EXIT_FAILED if counts["failed"] else EXIT_OK


def _sources(args: argparse.Namespace, readers: list[InputReader]) -> Iterator[str | RawDocument]:
    """Every source of the command, lazily: positional arguments, then each -i list, else stdin."""
    for source in args.sources:
        if source.strip():
            yield from _expand(source.strip(), readers)
    for listing in args.input:
        if listing == "-":
            yield from _lines(sys.stdin)
            continue
        reader = _reader_for(listing, readers)
        if reader is not None:
            yield from reader.read(listing)
        else:
            with open(listing, encoding="utf-8", errors="replace") as fh:
                for line in _lines(fh):
                    yield from _expand(line, readers)
    if not args.sources and not args.input:
        yield from _lines(sys.stdin)


def _expand(source: str, readers: list[InputReader]) -> Iterator[str | RawDocument]:
    reader = _reader_for(source, readers) if os.path.isfile(source) else None
    if reader is None:
        yield source
    else:
        yield from reader.read(source)


def _reader_for(path: str, readers: list[InputReader]) -> InputReader | None:
    for reader in readers:
        if reader.accepts(path):
            return reader
    return None


def _lines(stream: Iterable[str]) -> Iterator[str]:
    for line in stream:
        text = line.strip()
        if text and not text.startswith("#"):
            yield text


def _choose_writer(writers: list[OutputWriter], name: str | None, path: str | None) -> OutputWriter:
    if name is not None:
        for writer in writers:
            if writer.name == name:
                return writer
        known = ", ".join(sorted(w.name for w in writers)) or "none"
        raise UsageError(f"unknown format {name!r} (installed: {known})")
    if path is not None and path != "-":
        suffix = os.path.splitext(path)[1].lower()
        for writer in writers:
            if suffix in writer.suffixes:
                return writer
    for writer in writers:
        if writer.name == "jsonl":
            return writer
    if not writers:
        raise UsageError("no output writer is installed (is the docingest.io plugin disabled?)")
    return writers[0]


def _open_sink(
    writer: OutputWriter,
    path: str | None,
    default: IO[str] | None,
    opened: list[IO[str]],
    sinks: list[RecordSink],
) -> RecordSink | None:
    stream: IO[str] | None
    if path is None:
        stream = default
    elif path == "-":
        stream = sys.stdout
    else:
        try:
            stream = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 (closed by the caller)
        except OSError as exc:
            raise UsageError(f"cannot write {path!r}: {exc.strerror}") from exc
        opened.append(stream)
    if stream is None:
        return None
    sink = writer.open(stream)
    sinks.append(sink)
    return sink


class _Progress:
    """A one-line progress report on a terminal's stderr, redrawn at most five times a second."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False

    def show(self, counts: dict[str, int], *, final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - self.last < 0.2:
            return
        self.last = now
        done = counts["articles"] + counts["failed"]
        rate = done / max(now - self.start, 1e-9)
        line = (
            f"docingest: {done} done ({counts['articles']} articles, {counts['failed']} failed"
            f"{', ' + str(counts['skipped']) + ' skipped' if counts['skipped'] else ''}), {rate:.1f}/s"
        )
        sys.stderr.write("\r\x1b[K" + line + ("\n" if final else ""))
        sys.stderr.flush()
        self.shown = not final

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            self.shown = False


# ---------------------------------------------------------------------------------------------- other commands


def cmd_plugins(args: argparse.Namespace) -> int:
    from .diagnose import diagnose
    from .plugins import describe_plugins

    found = diagnose(_disabled(args))
    print(json.dumps(describe_plugins(found.manager, found.pipeline.components()), indent=2))
    for problem in found.problems:
        level = "error" if problem.severity == "error" else "warning"
        print(f"docingest: {level}: {problem.sentence().removeprefix('docingest ')}", file=sys.stderr)
    return EXIT_FAILED if found.problems else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import dumps

    sys.stdout.write(dumps(args.name))  # exactly the committed docs/schema/<name>.json
    return EXIT_OK


def _open_store(path: str) -> Store:
    from .store import Store, StoreError

    try:
        return Store(path, readonly=True)
    except StoreError as exc:
        raise UsageError(str(exc)) from exc


def cmd_store_stats(args: argparse.Namespace) -> int:
    with _open_store(args.db) as store:
        stats: dict[str, Any] = dict(store.stats())
        stats["failure_kinds"] = store.failure_kinds()
    print(json.dumps(stats, indent=2))
    return EXIT_OK


def cmd_store_export(args: argparse.Namespace) -> int:
    with _open_store(args.db) as store:
        lines: Iterable[str] = (
            (f.model_dump_json() for f in store.failures()) if args.failures else store.article_json()
        )
        if args.output and args.output != "-":
            try:
                with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
                    for line in lines:
                        fh.write(line + "\n")
            except OSError as exc:
                raise UsageError(f"cannot write {args.output!r}: {exc.strerror}") from exc
        else:
            for line in lines:
                sys.stdout.write(line + "\n")
            sys.stdout.flush()
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    if not args.query.strip() and not (args.speaker or "").strip():
        raise UsageError("give a QUERY, --speaker NAME, or both")
    with _open_store(args.db) as store:
        hits = store.search(args.query, speaker=args.speaker, limit=args.limit)
    for hit in hits:
        sys.stdout.write(json.dumps(hit, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return EXIT_OK if hits else EXIT_FAILED


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
