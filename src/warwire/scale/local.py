"""One machine, every core: a process pool of extractors fed bounded chunks, results in input order.

Each worker loads the spaCy model once (pool initializer). The parent keeps at most `ahead` chunks
in flight, so memory does not grow with the input. A chunk is `Settings.docs_per_batch` records,
the same batches the single-process path makes, so the output is the same.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from warwire.ingest.records import ReadError, Record
from warwire.model import Document, Failure
from warwire.scale.lifeline import terminate_on_sigterm, watch
from warwire.settings import Settings

Item = Record | ReadError | dict
Result = Document | Failure

_extractor = None  # one per worker process, set by _init_worker


def _init_worker(settings: Settings | None = None, main_pid: int | None = None) -> None:
    if main_pid is not None:
        watch(main_pid)  # end with the main process, even when it is killed
    # Each worker is one core's worth of work: keep numeric libraries from starting thread pools.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    global _extractor
    from warwire.pipeline import Extractor

    _extractor = Extractor(settings)


def _run_chunk(chunk: list[Item]) -> list[Result]:
    assert _extractor is not None, "worker not initialised"
    try:
        return list(_extractor.extract_many(chunk))
    except Exception:  # noqa: BLE001 - isolate the record that broke the batch, keep the rest
        return [_run_one(item) for item in chunk]


def _run_one(item: Item) -> Result:
    try:
        return next(_extractor.extract_many([item]))  # type: ignore[union-attr]
    except Exception as exc:  # noqa: BLE001
        return Failure(_item_id(item), f"extraction failed: {type(exc).__name__}: {exc}")


def _item_id(item: Item) -> str:
    return str(item.get("id") or "record") if isinstance(item, dict) else item.id


def _context() -> multiprocessing.context.BaseContext:
    # Never fork a parent that may hold a loaded model or threads; forkserver where the OS has it.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class LocalPool:
    """A pool of `workers` extractor processes; `run` streams results in input order."""

    def __init__(self, workers: int, chunk_size: int = 64, ahead: int | None = None,
                 settings: Settings | None = None) -> None:
        self.workers = workers
        self.settings = settings
        self.chunk_size = chunk_size
        self.ahead = ahead or 2 * workers
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=_init_worker,
                                   initargs=(self.settings, os.getpid()))

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def terminate(self) -> None:
        """Stop at once: the workers are killed, work in flight is dropped (an interrupted run)."""
        for proc in list((self._pool._processes or {}).values()):  # noqa: SLF001 - no public way
            proc.terminate()
        # SIGTERM's SystemExit may land inside the executor's own teardown, whose pipes are then closed already
        with contextlib.suppress(OSError):
            self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:  # an error, Ctrl-C, SIGTERM or the consumer stopping early: no need to finish the chunks
            self.terminate()

    def run(self, records: Iterable[Item]) -> Iterator[Result]:
        stream = iter(records)
        pending: deque[tuple[list[Item], Future]] = deque()
        while True:
            while len(pending) < self.ahead and (chunk := list(islice(stream, self.chunk_size))):
                pending.append((chunk, self._pool.submit(_run_chunk, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:
                yield from self._recover(chunk, pending)

    def _recover(self, chunk: list[Item], pending: deque[tuple[list[Item], Future]]) -> Iterator[Result]:
        """A worker died (killed, out of memory, a crash in native code): the whole pool is gone.
        Rerun the head chunk one record at a time to find the record that kills, report it as a
        Failure, and resubmit the chunks that were in flight."""
        self._restart()
        for item in chunk:
            try:
                yield from self._pool.submit(_run_chunk, [item]).result()
            except BrokenProcessPool:
                yield Failure(_item_id(item), "extraction failed: the worker process died")
                self._restart()
        for n, (queued, future) in enumerate(list(pending)):
            if not (future.done() and future.exception() is None):
                pending[n] = (queued, self._pool.submit(_run_chunk, queued))

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()


def run_local(records: Iterable[Item], workers: int = 1, chunk_size: int | None = None,
              settings: Settings | None = None) -> Iterator[Result]:
    """Single process (`workers == 1`): the plain pipeline. More: a LocalPool, closed at the end."""
    size = chunk_size or (settings or Settings()).docs_per_batch
    if workers <= 1:
        from warwire.pipeline import Extractor

        yield from Extractor(settings).extract_many(records)
        return
    with terminate_on_sigterm(), LocalPool(workers, chunk_size=size, settings=settings) as pool:
        yield from pool.run(records)
