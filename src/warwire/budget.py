"""A time budget for one piece of work (`--doc-timeout`): past it, DocTimeout is raised inside the work.

In a process's main thread a timer signal (SIGALRM) raises it; signals reach only the main thread, so in
any other thread (Ray Data runs its actors' batches in a thread pool) a timer thread raises it there
asynchronously (PyThreadState_SetAsyncExc). Either way it lands between bytecodes, so pure-Python loops and
regexes are interrupted with no cooperation from the code; one long call in C (one regex match, a sleep
outside the main thread) is interrupted only when it returns.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class DocTimeout(Exception):  # noqa: N818 - reads as the failure it reports
    pass


@contextmanager
def time_limit(seconds: float | None, what: str = "document") -> Iterator[None]:
    if not seconds or seconds <= 0:
        yield
        return
    message = f"{what} took over {seconds:g} s (--doc-timeout)"
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds, message):
            yield
        return
    with _thread_timer(seconds, message):
        yield


@contextmanager
def _alarm(seconds: float, message: str) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise DocTimeout(message)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_timer(seconds: float, message: str) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    guard = threading.Lock()
    state = {"active": True, "fired": False}

    def expire() -> None:
        with guard:  # never once the work has left the block: the exception would land in unrelated code
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(DocTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except DocTimeout as exc:
        if exc.args:  # raised by the work itself or an inner budget: keep its message
            raise
        raise DocTimeout(message) from None
    finally:
        with guard:
            state["active"] = False
            if state["fired"]:  # fired as the work ended: clear it if it has not landed yet
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
        timer.cancel()
