"""Built-in CLI input readers and output writers: JSON Lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from ..document import OutputWriter, RecordSink
from ..hookspecs import hookimpl
from ..models import Record


class _JsonlSink:
    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, record: Record) -> None:
        self._stream.write(record.model_dump_json())
        self._stream.write("\n")
        self._stream.flush()

    def close(self) -> None:
        self._stream.flush()


class JsonlWriter:
    """One JSON object per line: the record exactly as its model dumps it (``model_validate_json`` reads it)."""

    name = "jsonl"
    suffixes: tuple[str, ...] = (".jsonl", ".ndjson", ".json")

    def open(self, stream: IO[str]) -> RecordSink:
        return _JsonlSink(stream)


@hookimpl(trylast=True)
def docingest_output_writers() -> Sequence[OutputWriter]:
    return [JsonlWriter()]
