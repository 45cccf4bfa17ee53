"""docingest on Ray Data: the same pipeline, mapped over a dataset of sources on one machine or a cluster.

    >>> import ray, docingest_ray
    >>> ray.init()                                     # or ray.init(address="ray://head:10001")
    >>> ds = docingest_ray.ingest_dataset(urls, concurrency=4, fetch={"per_host": 2})
    >>> docingest_ray.write_records(ds, "out/", format="parquet")
    >>> records = list(docingest_ray.read_records("out/", format="parquet"))   # Article | Failure, in order

One output row per source: ``source``, ``type`` ("article" or "failure"), ``record`` (the model's JSON) and
flat columns (``id``, ``url``, ``title``, ``kind``, ...); see :mod:`docingest_ray.rows`.
"""

from __future__ import annotations

from .adapter import BATCH_RETRIES, ingest_dataset, iter_records, pipeline_spec, write_records
from .rows import (
    INDEX,
    RESULT_COLUMNS,
    read_records,
    read_rows,
    record_from_row,
    record_row,
    records_from_rows,
    result_schema,
)
from .stage import AsyncStage, IngestBatch

__version__ = "0.1.0"

__all__ = [
    "BATCH_RETRIES",
    "INDEX",
    "RESULT_COLUMNS",
    "AsyncStage",
    "IngestBatch",
    "__version__",
    "ingest_dataset",
    "iter_records",
    "pipeline_spec",
    "read_records",
    "read_rows",
    "record_from_row",
    "record_row",
    "records_from_rows",
    "result_schema",
    "write_records",
]
