"""Does the ledger depend on ingest order? One run against half 2 then half 1, and two processes at once.

  python scripts/eval_linking_order.py EXTRACTED.jsonl --records INPUT.jsonl [--db-dir DIR | --pg URL]
      [--modes single,reversed,concurrent] [--gold GOLD.jsonl]

EXTRACTED is `warwire extract INPUT --format jsonl` output (texts put back from `--records`, as
scripts/eval_linking.py does). Each mode ingests into a fresh ledger (a new SQLite file under `--db-dir`, or a
new database on the PostgreSQL server of `--pg`):
- single: all documents in one run;
- reversed: the second half in one run, then the first half in another;
- concurrent: two processes, one per half, started at once.
Printed per mode: documents stored and duplicates, ledger events, B-cubed F1 against the gold incidents (as
`score.py linking`, with `--gold`) and the B-cubed F1 of its partition against the single run's.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_linking import documents  # noqa: E402

from warwire.ledger import Ledger  # noqa: E402
from warwire.ledger.schema import documents as documents_table  # noqa: E402

CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from eval_linking import documents
from warwire.ledger import Ledger
lo, hi = int(sys.argv[5]), int(sys.argv[6])
docs = [d for n, d in enumerate(documents(sys.argv[3], sys.argv[4])) if lo <= n < hi]
r = Ledger(sys.argv[2]).ingest_documents(docs)
print(f"  process {lo}-{hi}: {r.stored} stored, {r.skipped} skipped, {r.merged} joined, {r.new_ledger_events} new, "
      f"{r.bridged} bridged", flush=True)
"""


def partition(url: str) -> dict[str, str]:
    """Document -> its ledger event (the first one listing it, primary events first, as the scorer reads)."""
    ledger = Ledger(url)
    try:
        events = sorted(ledger.events(), key=lambda e: not e.get("primary"))
    finally:
        ledger.close()
    out: dict[str, str] = {}
    for e in events:
        for d in e["documents"]:
            out.setdefault(d, e["id"])
    return out


def b_cubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of `pred` against `gold` over gold's documents (missing: singletons)."""
    pred = {d: pred.get(d, f"unlinked:{d}") for d in gold}
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for d in gold:
        by_pred[pred[d]].add(d)
        by_gold[gold[d]].add(d)
    p = sum(len(by_pred[pred[d]] & by_gold[gold[d]]) / len(by_pred[pred[d]]) for d in gold) / len(gold)
    r = sum(len(by_pred[pred[d]] & by_gold[gold[d]]) / len(by_gold[gold[d]]) for d in gold) / len(gold)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def run_children(url: str, args: argparse.Namespace, ranges: list[tuple[int, int]], at_once: bool) -> None:
    here = str(Path(__file__).resolve().parent)
    cmds = [[sys.executable, "-c", CHILD, here, url, args.extracted, args.records or "", str(lo), str(hi)]
            for lo, hi in ranges]  # fmt: skip
    if at_once:
        procs = [subprocess.Popen(c) for c in cmds]
        codes = [p.wait() for p in procs]
    else:
        codes = [subprocess.run(c).returncode for c in cmds]
    if any(codes):
        print(f"  a process failed: exit codes {codes}")


def stored_counts(url: str) -> tuple[int, int]:
    engine = create_engine(url)
    with engine.connect() as c:
        n = c.execute(select(func.count()).select_from(documents_table)).scalar()
        distinct = c.execute(select(func.count(func.distinct(documents_table.c.doc)))).scalar()
    engine.dispose()
    return n, n - distinct


def fresh_url(args: argparse.Namespace, mode: str, tmp: str) -> str:
    if not args.pg:
        return f"sqlite:///{Path(args.db_dir or tmp) / f'order-{mode}-{uuid.uuid4().hex[:6]}.db'}"
    name = f"order_{mode}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return args.pg.rsplit("/", 1)[0] + "/" + name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("extracted")
    ap.add_argument("--records", help="the input records (jsonl with id, text) the extraction ran on")
    ap.add_argument("--db-dir", help="directory for the SQLite files (default: a temp dir)")
    ap.add_argument("--pg", help="a PostgreSQL URL whose server may create databases (one per mode)")
    ap.add_argument("--modes", default="single,reversed,concurrent")
    ap.add_argument("--gold", help="gold incidents (jsonl with id and gold.incident), e.g. gva_linking_dev")
    args = ap.parse_args()
    n = sum(1 for _ in documents(args.extracted, None))
    half = n // 2
    gold: dict[str, str] = {}
    if args.gold:
        with open(args.gold, encoding="utf-8") as fh:
            gold = {g["id"]: g["gold"]["incident"] for g in map(json.loads, fh)}
    parts: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mode in args.modes.split(","):
            url, t0 = fresh_url(args, mode, tmp), time.perf_counter()
            print(f"{mode}:", flush=True)
            if mode == "single":
                run_children(url, args, [(0, n)], at_once=False)
            elif mode == "reversed":
                run_children(url, args, [(half, n), (0, half)], at_once=False)
            elif mode == "concurrent":
                run_children(url, args, [(0, half), (half, n)], at_once=True)
            else:
                raise SystemExit(f"unknown mode {mode!r}")
            parts[mode] = partition(url)
            docs, dupes = stored_counts(url)
            line = (f"  {docs} of {n} documents stored, {dupes} duplicates, "
                    f"{len(set(parts[mode].values()))} ledger events, {time.perf_counter() - t0:.1f} s")  # fmt: skip
            if gold:
                p, r, f = b_cubed(parts[mode], gold)
                line += f"; gold B-cubed P {p:.3f} R {r:.3f} F1 {f:.4f}"
            if "single" in parts and mode != "single":
                line += f"; against single F1 {b_cubed(parts[mode], parts['single'])[2]:.4f}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
