"""A time budget for one piece of work (`--doc-timeout`): past it, DocTimeout is raised inside the work.

A timer signal (SIGALRM) interrupts pure-Python loops and regexes between bytecodes, so it needs no
cooperation from the code it bounds. Signals reach only a process's main thread: elsewhere (or on a
platform without setitimer) the budget is not enforced.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class DocTimeout(Exception):  # noqa: N818 - reads as the failure it reports
    pass


def _enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, what: str = "document") -> Iterator[None]:
    if not seconds or seconds <= 0 or not _enforceable():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocTimeout(f"{what} took over {seconds:g} s (--doc-timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
