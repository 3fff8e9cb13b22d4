"""Scaling table for warwire extraction: documents/s and peak memory, 1 and 2 local workers and Ray.

    .venv/bin/python scripts/bench_scale.py            # rdwti_dev + fakes_dev: local 1, local 2, ray
    .venv/bin/python scripts/bench_scale.py --no-ray   # skip the Ray engine
    .venv/bin/python scripts/bench_scale.py --big      # also: a synthetic 100k-record JSONL, memory at 10k vs 100k

Each configuration runs in a fresh child process, so its peak memory is its own: ru_maxrss of that
process, and the peak RSS of each of its descendants (pool workers, Ray actors), sampled from /proc
every 0.5 s (ru_maxrss of children only counts processes already reaped). CPU seconds are reported
too: this machine is shared, so wall-clock figures move with other load; documents per CPU-second do not.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / ".." / "shared" / "dev"
INPUTS = [DEV / "rdwti_dev.jsonl", DEV / "fakes_dev.jsonl"]


def run_one(engine: str, workers: int, paths: list[str], marks: list[int], out: str | None) -> dict:
    """In this (child) process: extract `paths`, report rate, memory, and RSS at the `marks` counts."""
    from warwire.ingest.records import iter_records
    from warwire.scale import run_extraction

    sampler = Sampler()
    sampler.start()
    start, count, at = time.perf_counter(), 0, {}
    sink = open(out, "w") if out else None  # noqa: SIM115
    for result in run_extraction(iter_records(paths), workers=workers, engine=engine):
        count += 1
        if sink:
            data = result.to_dict() if hasattr(result, "to_dict") else {"doc": result.doc, "error": result.message}
            sink.write(json.dumps(data, sort_keys=True, ensure_ascii=False) + "\n")
        if count in marks:
            at[count] = {"total_now_mb": sampler.sample(), "workers_peak_mb": sampler.workers_mb()}
    if sink:
        sink.close()
    wall = time.perf_counter() - start
    sampler.sample()
    sampler.stop.set()
    cpu = sum(sampler.cpu.values())
    return {"engine": engine, "workers": workers, "docs": count, "seconds": round(wall, 1),
            "docs_per_s": round(count / wall, 1), "cpu_s": round(cpu, 1), "docs_per_cpu_s": round(count / cpu, 1),
            "peak_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "peak_worker_mb": sampler.workers_mb(), "peak_total_mb": sampler.peak_total // 1024,
            "rss_at": at, "load_avg": round(os.getloadavg()[0], 2)}


class Sampler(threading.Thread):
    """Samples this process and all its descendants every `every` seconds: peak RSS per process,
    peak total RSS, and CPU seconds (the last reading of each process, so exited ones still count)."""

    def __init__(self, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.every, self.stop = every, threading.Event()
        self.peak_rss: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self.names: dict[int, str] = {}
        self.peak_total = 0

    def run(self) -> None:
        while not self.stop.wait(self.every):
            self.sample()

    def sample(self) -> int:
        total = 0
        for pid, name, rss_kb, cpu in _tree(os.getpid()):
            self.peak_rss[pid] = max(self.peak_rss.get(pid, 0), rss_kb)
            self.cpu[pid], self.names[pid] = cpu, name
            total += rss_kb
        self.peak_total = max(self.peak_total, total)
        return total // 1024

    def workers_mb(self) -> list[int]:
        """Peak RSS of each extraction worker (a pool process or a Ray map actor), in MB."""
        me = os.getpid()
        big = [kb for pid, kb in self.peak_rss.items() if pid != me and kb > 150 * 1024]
        return sorted(kb // 1024 for kb in big)


def _tree(root: int) -> list[tuple[int, str, int, float]]:
    procs, tick, page_kb = {}, os.sysconf("SC_CLK_TCK"), os.sysconf("SC_PAGE_SIZE") // 1024
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            name, rest = (entry / "stat").read_text().rsplit(")", 1)
            f = rest.split()
            procs[int(entry.name)] = (int(f[1]), name.split("(", 1)[1], int(f[21]) * page_kb,
                                      (int(f[11]) + int(f[12])) / tick)
        except (OSError, IndexError, ValueError):
            continue
    keep, frontier = [], {root}
    while frontier:
        keep += [(pid, procs[pid][1], procs[pid][2], procs[pid][3]) for pid in frontier if pid in procs]
        frontier = {pid for pid, p in procs.items() if p[0] in frontier}
    return keep


def synthetic(count: int, path: Path) -> None:
    """`count` records made by repeating the dev sets with fresh ids (written once, streamed after)."""
    rows = [json.loads(line) for p in INPUTS for line in p.open(encoding="utf-8") if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            row = dict(rows[n % len(rows)], id=f"synth-{n:07d}")
            row.pop("gold", None)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def child(args: list[str]) -> dict:
    cmd = [sys.executable, __file__, "--child", *args]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-ray", action="store_true")
    ap.add_argument("--big", action="store_true", help="also the 100k synthetic run (local, 2 workers)")
    ap.add_argument("--big-count", type=int, default=100_000)
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        engine, workers, out, marks, *paths = args.child
        print(json.dumps(run_one(engine, int(workers), paths, [int(m) for m in marks.split(",") if m],
                                 None if out == "-" else out)))
        return
    _table(args)


def _table(args: argparse.Namespace) -> None:
    paths = [str(p) for p in INPUTS]
    configs = [("local", 1), ("local", 2)] + ([] if args.no_ray else [("ray", 2)])
    outs, rows = {}, []
    with tempfile.TemporaryDirectory() as tmp:
        for engine, workers in configs:
            outs[(engine, workers)] = out = str(Path(tmp) / f"{engine}{workers}.jsonl")
            rows.append(child([engine, str(workers), out, "", *paths]))
            print(_fmt(rows[-1]), flush=True)
        texts = {k: sorted(Path(v).read_text().splitlines()) for k, v in outs.items()}
        base = texts[("local", 1)]
        for key, lines in texts.items():
            print(f"{key[0]} x{key[1]}: output {'identical to' if lines == base else 'DIFFERS from'} local x1")
        speed = rows[1]["docs_per_s"] / rows[0]["docs_per_s"]
        print(f"speed-up local x2 / x1: {speed:.2f} (wall), "
              f"{rows[1]['docs_per_cpu_s'] / rows[0]['docs_per_cpu_s']:.2f} (docs per CPU-second ratio)")
        if args.big:
            big = Path(tmp) / "synthetic.jsonl"
            synthetic(args.big_count, big)
            marks = f"{args.big_count // 10},{args.big_count}"
            row = child(["local", "2", "-", marks, str(big)])
            print(_fmt(row))
            print("RSS at 10% and 100% of the input:", json.dumps(row["rss_at"]))


def _fmt(row: dict) -> str:
    return (f"{row['engine']:>5} x{row['workers']}  {row['docs']:>7} docs  {row['seconds']:>7}s  "
            f"{row['docs_per_s']:>6} docs/s  {row['docs_per_cpu_s']:>5} docs/CPU-s\n"
            f"        peak: driver {row['peak_self_mb']} MB, workers {row['peak_worker_mb']} MB, "
            f"all {row['peak_total_mb']} MB  (load {row['load_avg']})")


if __name__ == "__main__":
    main()
