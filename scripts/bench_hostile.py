"""Hostile-input benchmark: time and peak memory of one document per case, each in its own process.

    python scripts/bench_hostile.py [--only NAME ...] [--timeout S]

Cases: 0.5, 1, 2, 4 and 8 MB of article text (dev-set articles from ../shared/dev joined into one document;
sentences written here when absent) and the crafted inputs of issue 17: 20k numbers, "killed" 20k times,
100k capitalised words, "Al-" 100k times, "A" 40k times in one sentence, "." 40k times, a 7 MB page of
one wide table, and 21 MB on stdin. Time is the extraction of that one document after the model is
loaded (stdin: reading it), wall and CPU; memory is the process's peak RSS. The goal for each: under 10 s and 1 GB,
and 8 MB at most 2.5x the time of 4 MB. --doc-timeout is off here, so a slow step shows as slow.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import string
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / ".." / "shared" / "dev"
LIMIT_S, LIMIT_MB, RATIO = 10.0, 1024.0, 2.5
SENTENCES = [  # used when ../shared is absent
    "Artillery shells fired by militants killed four civilians and wounded 12 in the Midan district of Aleppo.",
    "The Syrian Observatory for Human Rights said 23 fighters died in clashes near Saraqeb on Sunday.",
    "A car bomb exploded at a checkpoint south of Kirkuk, killing three policemen, officials said.",
    "Residents said the strikes destroyed two houses and a school in the village late on Friday.",
]


def article_text(size: int) -> str:
    parts, total = [], 0
    files = [DEV / "rdwti_dev.jsonl", DEV / "fakes_dev.jsonl"]
    if all(f.exists() for f in files):
        texts = [json.loads(line)["text"] for f in files for line in f.open(encoding="utf-8")]
    else:
        texts = [" ".join(random.Random(n).sample(SENTENCES, 4)) for n in range(200)]
    while total < size:
        for t in texts:
            parts.append(t)
            total += len(t.encode("utf-8")) + 2
            if total >= size:
                break
    return "\n\n".join(parts)


def _words(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 9))).capitalize() for _ in range(n)]


def crafted(name: str) -> dict:
    """The record (or stdin bytes) of one crafted case."""
    if name == "numbers_20k":
        text = "Gunmen killed " + " ".join(str(n) for n in range(20_000)) + " people in the village."
    elif name == "killed_20k":
        text = "killed " * 20_000
    elif name == "capitalised_100k":
        text = " ".join(_words(100_000)) + "."
    elif name == "al_100k":
        text = "Al-" * 100_000
    elif name == "A_40k_one_sentence":
        text = "Gunmen killed five people " + "A " * 40_000 + "said."
    elif name == "dots_40k":
        text = "Gunmen killed five people." + "." * 40_000
    elif name == "table_7mb":
        row = "<tr>" + "".join(f"<td>cell {n} of the row</td>" for n in range(40)) + "</tr>"
        body = row * (7_000_000 // len(row))
        return {"html": f"<html><head><title>Data</title></head><body><table>{body}</table></body></html>"}
    else:
        raise ValueError(name)
    return {"text": text}


MB_CASES = {f"article_{mb}mb": int(mb * 1_000_000) for mb in (0.5, 1, 2, 4, 8)}
CRAFTED = ["numbers_20k", "killed_20k", "capitalised_100k", "al_100k", "A_40k_one_sentence", "dots_40k",
           "table_7mb"]
CASES = [*MB_CASES, *CRAFTED, "stdin_21mb"]


def child(name: str) -> dict:
    """Run one case in this process; the parent reads the JSON line it prints."""
    if name == "stdin_21mb":
        from warwire.ingest.records import iter_records

        start, cpu = time.perf_counter(), time.process_time()
        results = list(iter_records(["-"]))
        outcome = "; ".join(getattr(r, "message", "read") for r in results)
        return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                "outcome": outcome[:100]}
    import dataclasses

    from warwire.ingest.records import Record
    from warwire.pipeline import Extractor
    from warwire.settings import Settings

    extractor = Extractor(dataclasses.replace(Settings(), doc_timeout=0))
    list(extractor.extract_many([Record("warm", text=SENTENCES[0])]))
    fields = {"text": article_text(MB_CASES[name])} if name in MB_CASES else crafted(name)
    record = Record(name, **fields)
    start, cpu = time.perf_counter(), time.process_time()
    [result] = list(extractor.extract_many([record]))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if hasattr(result, "events"):
        outcome = f"{len(result.events)} events" + (f"; {result.warnings[0]}" if result.warnings else "")
    else:
        outcome = f"failed: {result.message}"
    return {"seconds": seconds, "cpu": cpu, "outcome": outcome[:100]}


def run_case(name: str, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--child", name]
    stdin = None
    if name == "stdin_21mb":
        stdin = article_text(21_000_000).encode("utf-8")
    before, load = time.perf_counter(), os.getloadavg()[0]
    try:
        proc = subprocess.run(cmd, input=stdin, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"name": name, "seconds": None, "cpu": None, "peak_mb": None, "load": load,
                "outcome": f"stopped after {timeout:.0f} s"}
    if proc.returncode != 0:
        return {"name": name, "seconds": None, "cpu": None, "peak_mb": None, "load": load,
                "outcome": proc.stderr.decode()[-200:]}
    data = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    data["name"] = name
    data["wall"] = time.perf_counter() - before
    data["load"] = (load + os.getloadavg()[0]) / 2
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", choices=CASES)
    parser.add_argument("--timeout", type=float, default=180.0, help="stop a case after this many seconds")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        data = child(args.child)
        data["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(data))
        return
    rows = [run_case(name, args.timeout) for name in (args.only or CASES)]
    print(f"load: the 1-minute load average over each case, on {os.cpu_count()} cores (wall time grows with it; "
          "CPU time less)")
    print(f"{'case':<22} {'seconds':>8} {'cpu s':>7} {'peak MB':>8} {'load':>5}  ok  outcome")
    for r in rows:
        ok = r["seconds"] is not None and r["seconds"] < LIMIT_S and r["peak_mb"] < LIMIT_MB
        secs = f"{r['seconds']:.2f}" if r["seconds"] is not None else "-"
        peak = f"{r['peak_mb']:.0f}" if r["peak_mb"] is not None else "-"
        cpu = f"{r['cpu']:.2f}" if r.get("cpu") is not None else "-"
        print(f"{r['name']:<22} {secs:>8} {cpu:>7} {peak:>8} {r['load']:>5.1f}  {'yes' if ok else 'NO ':<3} "
              f"{r['outcome']}")
    by_name = {r["name"]: r["seconds"] for r in rows}
    if by_name.get("article_4mb") and by_name.get("article_8mb"):
        ratio = by_name["article_8mb"] / by_name["article_4mb"]
        print(f"8 MB / 4 MB time: {ratio:.2f} (goal <= {RATIO})")


if __name__ == "__main__":
    main()
