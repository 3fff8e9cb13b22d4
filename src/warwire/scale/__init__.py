"""Scale-out: every core of one machine (`engine="local"`) or a Ray cluster (`engine="ray"`).

`run_extraction` streams: input is read lazily, at most a few chunks are in flight, and results
come back in input order, so memory does not grow with the input.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator

from warwire.ingest.records import ReadError, Record
from warwire.model import Document, Failure
from warwire.scale.local import LocalPool, run_local
from warwire.settings import Settings

ENGINES = ("local", "ray")

__all__ = ["ENGINES", "LocalPool", "default_workers", "run_extraction"]


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_extraction(records: Iterable[Record | ReadError | dict], *, workers: int | None = None,
                   engine: str = "local", ray_address: str | None = None,
                   settings: Settings | None = None) -> Iterator[Document | Failure]:
    """Documents and Failures for `records`, in input order, as `Extractor().extract_many` gives them."""
    count = workers or default_workers()
    if engine == "local":
        return run_local(records, workers=count, settings=settings)
    if engine == "ray":
        if importlib.util.find_spec("ray") is None:
            raise RuntimeError("the ray engine needs the ray extra: pip install 'warwire[ray]'")
        from warwire.scale.ray_engine import run_ray

        return run_ray(records, workers=count, ray_address=ray_address, settings=settings)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")

