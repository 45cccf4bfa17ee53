"""Map the docingest pipeline over a Ray Data dataset of sources."""

from __future__ import annotations

import inspect
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import ray.data

from docingest import Article, Failure
from docingest.pipeline import Pipeline, PipelineSpec

from .rows import INDEX, Format, records_from_rows
from .stage import IngestBatch, source_text

#: Times a batch is retried after its actor died, unless ``ray_remote_args`` says otherwise.
BATCH_RETRIES = 3


def pipeline_spec(
    pipeline: Pipeline | PipelineSpec | None = None, *, disable: Iterable[str] = (), **options: Any
) -> PipelineSpec:
    """The picklable description the actors build their pipeline from.

    Options are validated here, in the driver, so a typo fails before the cluster starts work. A pipeline
    built on a custom plugin manager loses plugins registered by hand: every worker finds the plugins
    installed in its own environment (entry points and the built-ins), so install yours on every node.
    """
    if isinstance(pipeline, PipelineSpec):
        if options or tuple(disable):
            raise TypeError("pass options either in the PipelineSpec or as keywords, not both")
        return pipeline
    if pipeline is not None:
        if options or tuple(disable):
            raise TypeError("pass options either in the Pipeline or as keywords, not both")
        return pipeline.spec()
    with Pipeline(disable=disable, **options) as built:
        return built.spec()


def ingest_dataset(
    sources: ray.data.Dataset | Iterable[str | os.PathLike[str]],
    *,
    pipeline: Pipeline | PipelineSpec | None = None,
    concurrency: int | tuple[int, int] = 1,
    batch_size: int = 32,
    num_cpus: float = 1.0,
    source_column: str = "source",
    ray_remote_args: Mapping[str, Any] | None = None,
    disable: Iterable[str] = (),
    **options: Any,
) -> ray.data.Dataset:
    """A dataset with one row per source: the input's columns, then ``source``, ``type``
    (``"article"``/``"failure"``), ``record`` (the model as JSON) and flat columns (see
    :mod:`docingest_ray.rows`).

    ``sources`` is a dataset with a ``source_column`` of URLs or paths (``ray.data.read_text(LIST)`` gives
    ``source_column="text"``), or an iterable of them, which becomes a dataset with an ``index`` column
    holding each source's position (Ray does not keep row order across actors; :func:`iter_records` and
    :func:`docingest_ray.read_records` put the rows back in order by it).

    ``concurrency`` actors (or an autoscaling ``(min, max)`` range), each reserving ``num_cpus`` CPUs, each
    building the pipeline once. ``batch_size`` sources go to an actor at a time and are fetched
    concurrently within the ``fetch`` settings' ``concurrency`` and ``per_host`` limits. Other keywords are
    :class:`docingest.Options`, exactly as for :func:`docingest.ingest_many`. The dataset is lazy: nothing
    runs until it is consumed or written (:func:`write_records`).

    ``ray_remote_args`` go to the actors (``memory``, ``resources``, ``runtime_env`` ...). By default a dead
    actor is always replaced but a batch is retried at most :data:`BATCH_RETRIES` times: Ray's own default
    (retry forever) would loop on a document that crashes its process every time; this way the run stops
    with Ray's error instead.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    spec = pipeline_spec(pipeline, disable=disable, **options)
    if isinstance(sources, ray.data.Dataset):
        dataset = sources
    elif isinstance(sources, str | bytes):
        raise TypeError("sources must be a dataset or an iterable of sources, not a single string")
    else:
        dataset = ray.data.from_items(
            [{INDEX: i, source_column: source_text(source)} for i, source in enumerate(sources)]
        )
    remote = dict(ray_remote_args or {})
    if _takes_remote_kwargs():
        remote = {"max_restarts": -1, "max_task_retries": BATCH_RETRIES, **remote}
    with warnings.catch_warnings():
        # Ray 2.60 deprecates passing actor options as keywords without naming a replacement for these two.
        warnings.filterwarnings("ignore", message=".*ray_remote_args.* is deprecated")
        return dataset.map_batches(
            IngestBatch,
            fn_constructor_kwargs={"spec": spec, "source_column": source_column},
            batch_format="pyarrow",
            batch_size=batch_size,
            compute=_actor_pool(concurrency),
            num_cpus=num_cpus,
            **remote,
        )


def _takes_remote_kwargs() -> bool:
    parameters = inspect.signature(ray.data.Dataset.map_batches).parameters.values()
    return any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)


def _actor_pool(concurrency: int | tuple[int, int]) -> ray.data.ActorPoolStrategy:
    # ``map_batches(concurrency=...)`` is deprecated since Ray 2.51 in favour of ``compute=``.
    if isinstance(concurrency, tuple):
        low, high = concurrency
        return ray.data.ActorPoolStrategy(min_size=low, max_size=high)
    return ray.data.ActorPoolStrategy(size=concurrency)


def write_records(dataset: ray.data.Dataset, path: str, format: Format = "jsonl", **kwargs: Any) -> None:
    """Write a dataset of record rows as JSON Lines or Parquet files under the directory ``path`` (local,
    or any filesystem Ray Data writes to: ``s3://``, ``gs://``, ``hdfs://`` ...). Keyword arguments go to
    ``Dataset.write_json`` / ``Dataset.write_parquet``."""
    if format == "jsonl":
        dataset.write_json(path, **kwargs)
    elif format == "parquet":
        dataset.write_parquet(path, **kwargs)
    else:
        raise ValueError(f"unknown format {format!r}: use 'jsonl' or 'parquet'")


def iter_records(dataset: ray.data.Dataset, *, ordered: bool = True) -> Iterator[Article | Failure]:
    """The dataset's records as models in this process; in input order when ``ordered`` and the rows carry
    an ``index`` (which gathers them first: for large datasets write them out instead)."""
    return records_from_rows(dataset.iter_rows(), ordered=ordered)
