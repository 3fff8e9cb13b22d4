"""Workers end when the process that started them ends, however it ends (kill -9 included).

A pool worker is a child of the forkserver, not of the main process, and the forkserver lives as long as
any worker holds its liveness pipe: when the main process is killed, nothing tells the workers, and the
forkserver, the resource tracker and the workers stayed alive for minutes. So each worker watches the main
process itself, from a daemon thread: on Linux through a pidfd (readable the moment the process exits,
before it is reaped), elsewhere by polling. When the workers are gone, the forkserver and the resource
tracker see their pipes close and exit too. The worker's parent is also asked to send SIGKILL at its own
death (PR_SET_PDEATHSIG), which covers a forkserver that dies first.

In the main process, `terminate_on_sigterm` turns SIGTERM into SystemExit, so the pool is shut down as on
Ctrl-C (open ledger transactions roll back, the output written so far is flushed).
"""

from __future__ import annotations

import os
import select
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

POLL_SECONDS = 0.5  # where no pidfd is available
PR_SET_PDEATHSIG = 1


def watch(main_pid: int) -> None:
    """In a worker: exit as soon as `main_pid` ends (called from the pool initializer)."""
    _parent_death_signal()
    threading.Thread(target=_wait_then_exit, args=(main_pid,), name="warwire-lifeline", daemon=True).start()


def _wait_then_exit(main_pid: int) -> None:
    try:
        fd = os.pidfd_open(main_pid)  # Linux 5.3+
    except (AttributeError, OSError) as exc:
        if isinstance(exc, ProcessLookupError):
            os._exit(1)
        while _alive(main_pid):
            time.sleep(POLL_SECONDS)
    else:
        select.select([fd], [], [])  # readable once the process has exited
    os._exit(1)  # not sys.exit: this is a thread, and the main thread may be deep in spaCy


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a process of another user has the pid now
        return False
    try:  # an exited process not yet reaped by its parent is a zombie: dead for us
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def _parent_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the watcher thread still covers the main process
        pass


def _raise_exit(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def terminate_on_sigterm() -> Iterator[None]:
    """SIGTERM raises SystemExit in the main thread while the block runs (when nobody else handles it)."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) not in (
        signal.SIG_DFL,
        None,
    ):
        yield
        return
    signal.signal(signal.SIGTERM, _raise_exit)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
