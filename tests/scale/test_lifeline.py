"""Killing the main process of `warwire extract/ingest --workers 2` ends its workers, forkserver and
resource tracker too (kill -9 or SIGTERM)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scale_inputs import own_records

from warwire.scale.lifeline import _alive

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the processes")


def descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.add(child)
            todo.append(child)
    return out


@pytest.mark.parametrize(
    ("command", "sig"),
    [("extract", signal.SIGKILL), ("extract", signal.SIGTERM), ("ingest", signal.SIGKILL), ("ingest", signal.SIGTERM)],
)
def test_killing_the_main_process_ends_its_workers(tmp_path, command, sig):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({**r, "id": f"{r['id']}-{k}"}) + "\n" for k in range(100) for r in own_records()))
    args = ["--db", f"sqlite:///{tmp_path / 'l.db'}"] if command == "ingest" else ["-o", str(tmp_path / "out.jsonl")]
    log = (tmp_path / "stderr").open("w+")
    main = subprocess.Popen(
        [sys.executable, "-m", "warwire.cli", command, str(src), "--workers", "2", *args],
        stdout=subprocess.DEVNULL, stderr=log, start_new_session=True,
    )  # fmt: skip
    family: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        # forkserver, resource tracker, 2 workers; then wait for the workers to be at work (a first result)
        while len(family) < 4 and time.monotonic() < deadline and main.poll() is None:
            time.sleep(0.2)
            family = descendants(main.pid)
        time.sleep(3)
        family |= descendants(main.pid)
        assert main.poll() is None, "the run ended before it could be killed"
        assert len(family) >= 4, family
        main.send_signal(sig)
        code = main.wait(timeout=60)
        left = family
        while left and time.monotonic() < deadline:
            time.sleep(0.2)
            left = {p for p in left if _alive(p)}
        assert not left, f"still alive after the main process ended: {sorted(left)}"
        if sig == signal.SIGTERM:  # shut down like Ctrl-C: an exit code, no traceback
            log.seek(0)
            stderr = log.read()
            assert code == 128 + signal.SIGTERM and "Traceback" not in stderr, stderr[-2000:]
    finally:
        if main.poll() is None:
            main.kill()
        for p in family:
            if _alive(p):
                os.kill(p, signal.SIGKILL)
