"""Rows of the record datasets: one per source, the record as JSON plus flat columns to filter and query on.

A row is ``{"source", "type", "record", ...flat columns}``. ``type`` is ``"article"`` or ``"failure"``;
``record`` is the model's JSON (``Article.model_validate_json`` / ``Failure.model_validate_json`` read it back
unchanged); the flat columns repeat a few fields so a Parquet or JSONL file can be filtered without parsing
``record``. Every batch gets the same Arrow schema, whatever its records, so files written by different
workers concatenate cleanly.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final, Literal

from docingest import Article, Failure

#: Name of the column holding the input position, added when the sources are given as an iterable.
INDEX: Final = "index"

#: The result columns and their Arrow types (as ``pyarrow`` factory names).
RESULT_COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("source", "string"),
    ("type", "string"),
    ("record", "large_string"),
    ("id", "string"),
    ("url", "string"),
    ("canonical_url", "string"),
    ("title", "string"),
    ("language", "string"),
    ("published", "string"),
    ("text_length", "int64"),
    ("claim_count", "int64"),
    ("kind", "string"),
    ("message", "string"),
)

RecordType = Literal["article", "failure"]
Format = Literal["jsonl", "parquet"]


def _pyarrow() -> Any:
    # pyarrow ships no type information; importing it dynamically keeps the rest of this module typed.
    return importlib.import_module("pyarrow")


def result_schema() -> Any:
    """The Arrow schema of the result columns (a ``pyarrow.Schema``)."""
    pa = _pyarrow()
    return pa.schema([pa.field(name, getattr(pa, kind)()) for name, kind in RESULT_COLUMNS])


def record_row(source: str, record: Article | Failure) -> dict[str, Any]:
    """The result columns for one record."""
    if isinstance(record, Article):
        published = record.published.isoformat() if record.published is not None else None
        return {
            "source": source,
            "type": "article",
            "record": record.model_dump_json(),
            "id": record.id,
            "url": record.url,
            "canonical_url": record.canonical_url,
            "title": record.title,
            "language": record.language,
            "published": published,
            "text_length": len(record.text),
            "claim_count": len(record.claims),
            "kind": None,
            "message": None,
        }
    return {
        "source": source,
        "type": "failure",
        "record": record.model_dump_json(),
        "id": None,
        "url": record.url,
        "canonical_url": None,
        "title": None,
        "language": None,
        "published": None,
        "text_length": None,
        "claim_count": None,
        "kind": record.kind,
        "message": record.message,
    }


def results_table(rows: list[dict[str, Any]]) -> Any:
    """A ``pyarrow.Table`` of result rows with :func:`result_schema`."""
    pa = _pyarrow()
    schema = result_schema()
    columns = {name: [row[name] for row in rows] for name in schema.names}
    return pa.table(columns, schema=schema)


def with_results(batch: Any, rows: list[dict[str, Any]]) -> Any:
    """``batch`` (a ``pyarrow.Table``) with the result columns appended; input columns of the same name are
    replaced, the others are passed through."""
    results = results_table(rows)
    reserved = set(results.schema.names)
    kept = [name for name in batch.schema.names if name not in reserved]
    out = batch.select(kept)
    for name in results.schema.names:
        out = out.append_column(results.schema.field(name), results.column(name))
    return out


def record_from_row(row: Mapping[str, Any]) -> Article | Failure:
    """The :class:`~docingest.Article` or :class:`~docingest.Failure` a row carries."""
    kind = row["type"]
    if kind == "article":
        return Article.model_validate_json(row["record"])
    if kind == "failure":
        return Failure.model_validate_json(row["record"])
    raise ValueError(f"row of unknown type {kind!r}")


def records_from_rows(rows: Iterable[Mapping[str, Any]], *, ordered: bool = True) -> Iterator[Article | Failure]:
    """Records of rows; with ``ordered`` and an ``index`` column, in input order (the rows are gathered
    first, so this holds them all in memory)."""
    if ordered:
        gathered = list(rows)
        if gathered and all(row.get(INDEX) is not None for row in gathered):
            gathered.sort(key=lambda row: int(row[INDEX]))
        rows = gathered
    for row in rows:
        yield record_from_row(row)


def _files(path: str | Path, suffixes: tuple[str, ...]) -> list[Path]:
    root = Path(path)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise FileNotFoundError(f"no such file or directory: {root}")
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name.endswith(suffixes))


def read_rows(path: str | Path, format: Format = "jsonl") -> Iterator[dict[str, Any]]:
    """Rows of the files :func:`docingest_ray.write_records` wrote (a file or a directory of them), read
    in this process without Ray."""
    if format == "jsonl":
        for file in _files(path, (".json", ".jsonl")):
            with file.open(encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        row = json.loads(line)
                        if not isinstance(row, dict):
                            raise ValueError(f"{file}: a line is not a JSON object")
                        yield row
    elif format == "parquet":
        parquet = importlib.import_module("pyarrow.parquet")
        for file in _files(path, (".parquet",)):
            table = parquet.read_table(file)
            yield from table.to_pylist()
    else:
        raise ValueError(f"unknown format {format!r}: use 'jsonl' or 'parquet'")


def read_records(
    path: str | Path, format: Format = "jsonl", *, ordered: bool = True
) -> Iterator[Article | Failure]:
    """The records written by :func:`docingest_ray.write_records`, back as models (in input order when
    ``ordered`` and the rows carry an ``index``)."""
    return records_from_rows(read_rows(path, format), ordered=ordered)
