"""The same extraction over Ray Data (optional extra `warwire[ray]`): local Ray or any cluster.

Each Ray actor loads one Extractor (`ExtractorCallable.__init__`) and runs `extract_many` on
batches of `Settings.docs_per_batch` rows. A result row carries the contract dict as JSON
(`result`: `Document.to_dict()`, or `{"doc", "error"}` for a failure), which a cluster job can
write straight to storage, and the pickled Document/Failure (`pickled`), which `run_ray` yields
so callers get the same objects as from the local engine. Row order is preserved.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from warwire.ingest.records import ReadError, Record, _jsonl_lines
from warwire.model import Document, Failure
from warwire.settings import Settings

Item = Record | ReadError | dict
Result = Document | Failure
WINDOW = 10_000  # records per Ray dataset when the input is an in-process iterable


class ExtractorCallable:
    """A Ray Data map_batches UDF: rows with `item` (a pickled record) or `text` (a JSONL line)."""

    def __init__(self, source: str = "ray", settings: Settings | None = None) -> None:
        from warwire.pipeline import Extractor

        self.extractor = Extractor(settings)
        self.source = source
        self.max_bytes = self.extractor.settings.max_bytes

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        items = [self._item(row) for row in _rows(batch)]
        results = list(self.extractor.extract_many(items))
        return {
            "doc": [r.doc for r in results],
            "ok": [isinstance(r, Document) for r in results],
            "result": [json.dumps(contract_dict(r), ensure_ascii=False) for r in results],
            "pickled": [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in results],
        }

    def _item(self, row: dict[str, Any]) -> Item:
        if "item" in row:
            return pickle.loads(row["item"])
        # Ray reads lines without their numbers; a record with no id is named after the file.
        return next(_jsonl_lines([row["text"].encode("utf-8")], self.source, self.max_bytes))


def _rows(batch: dict[str, Any]) -> Iterator[dict[str, Any]]:
    keys = list(batch)
    return (dict(zip(keys, values, strict=True)) for values in zip(*(batch[k] for k in keys), strict=True))


def contract_dict(result: Result) -> dict[str, Any]:
    if isinstance(result, Document):
        return result.to_dict()
    return {"doc": result.doc, "error": result.message}


def init_ray(address: str | None = None, num_cpus: int | None = None) -> None:
    """Connect to a cluster (`address`, e.g. 'auto' or 'ray://head:10001') or start a local Ray."""
    import ray

    if ray.is_initialized():
        return
    if address:
        ray.init(address=address, logging_level=logging.WARNING)
    else:
        ray.init(num_cpus=num_cpus or os.cpu_count(), include_dashboard=False, logging_level=logging.WARNING)
    _quiet_data_context()


def _quiet_data_context() -> None:
    from ray.data import DataContext

    ctx = DataContext.get_current()
    ctx.execution_options.preserve_order = True  # output in input order, as the local engine gives
    ctx.enable_progress_bars = False


def extract_dataset(ds: Any, workers: int, source: str = "ray", settings: Settings | None = None) -> Any:
    """The lazy Ray Dataset of results for `ds` (rows with `item` or `text`): columns doc, ok,
    result (contract JSON), pickled. On a cluster, `.drop_columns(["pickled"]).write_json(...)`."""
    return ds.map_batches(ExtractorCallable, fn_constructor_kwargs={"source": source, "settings": settings},
                          concurrency=workers, batch_size=(settings or Settings()).docs_per_batch,
                          batch_format="numpy", num_cpus=1)


def read_jsonl(path: str | Path, workers: int, settings: Settings | None = None) -> Any:
    """A JSONL file (or directory of them; local or any filesystem pyarrow reads) as a Ray Dataset
    of results, read by Ray itself so the driver never holds the input."""
    import ray.data

    # Reading is I/O: ask for no CPU, or the read waits forever behind actors holding every core.
    lines = ray.data.read_text(str(path), num_cpus=0)
    return extract_dataset(lines, workers, source=Path(str(path)).name, settings=settings)


def run_ray(records: Iterable[Item], workers: int, ray_address: str | None = None,
            settings: Settings | None = None) -> Iterator[Result]:
    """Stream `records` through Ray in windows of WINDOW, results in input order."""
    import ray.data

    init_ray(ray_address, num_cpus=None)
    stream = iter(records)
    while window := [{"item": pickle.dumps(item)} for item in islice(stream, WINDOW)]:
        yield from _collect(extract_dataset(ray.data.from_items(window), workers, settings=settings))


def run_ray_jsonl(path: str | Path, workers: int, ray_address: str | None = None,
                  settings: Settings | None = None) -> Iterator[Result]:
    init_ray(ray_address)
    yield from _collect(read_jsonl(path, workers, settings))


def _collect(results: Any) -> Iterator[Result]:
    for row in results.iter_rows():
        yield pickle.loads(row["pickled"])
