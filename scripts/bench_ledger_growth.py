"""Benchmark: ingest time per copy of the dev sets as the ledger grows (issue 17, stores).

    python scripts/bench_ledger_growth.py [--copies 6] [--url sqlite:///...] [--dev tmp/bench_serve/dev.jsonl]
                                          [--profile K] [--docs N]

Copies of the extracted dev sets are ingested one after another into one new ledger, as
scripts/bench_serve.py builds its ledger (own document ids, dates moved 40 years per copy: copies do not
link with each other). Prints seconds and seconds per 1,000 documents for each copy, with the ledger's
size before it: constant seconds per copy means the cost of a document does not grow with the ledger.
`--profile K` profiles copy K (cProfile, top 25 by cumulative time, to stderr).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_serve import (
    copy_of,  # noqa: E402
    extracted,  # noqa: E402
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=6)
    ap.add_argument("--url", default=None, help="a new ledger (default: SQLite in a temporary directory)")
    ap.add_argument("--work", type=Path, default=Path(__file__).resolve().parents[1] / "tmp" / "bench_serve",
                    help="where bench_serve.py caches the extracted dev sets (dev.jsonl)")
    ap.add_argument("--profile", type=int, default=0)
    ap.add_argument("--docs", type=int, default=0, help="the first N documents of each copy only (0: all)")
    args = ap.parse_args()
    from warwire.ledger import Ledger
    from warwire.ledger.from_contract import document_from_dict

    args.work.mkdir(parents=True, exist_ok=True)
    dev = extracted(args.work)
    dev = dev[: args.docs] if args.docs else dev
    tmp = tempfile.TemporaryDirectory()
    ledger = Ledger(args.url or f"sqlite:///{tmp.name}/ledger.db")
    events = 0
    print("copy\tledger events before\tseconds\ts per 1k docs")
    for k in range(args.copies):
        docs = [document_from_dict(copy_of(d, k)) for d in dev]
        prof = cProfile.Profile() if args.profile == k + 1 else None
        t0 = time.monotonic()
        if prof:
            prof.enable()
        report = ledger.ingest_documents(docs)
        if prof:
            prof.disable()
        dt = time.monotonic() - t0
        print(f"{k + 1}\t{events}\t{dt:.1f}\t{dt * 1000 / len(docs):.2f}", flush=True)
        events += report.new_ledger_events
        if prof:
            pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    ledger.close()


if __name__ == "__main__":
    main()
