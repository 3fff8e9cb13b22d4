"""Seconds spent in each resolution stage of `Extractor().extract_many`, beside the whole run.

    python scripts/profile_resolve.py [--fakes 200] [--rdwti 600] [--cprofile N]

Records: the first N of ../shared/dev/fakes_dev.jsonl and rdwti_dev.jsonl (the `gold` key dropped).
Stages are timed by wrapping the functions where pipeline.py and resolve/events.py call them; figures are
CPU seconds of this process (the machine may be shared), including everything the stage calls.
`--cprofile N` also prints the N most expensive functions (cumulative) under cProfile.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

from warwire import pipeline
from warwire.resolve import events

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "dev"
TIMES: dict[str, float] = defaultdict(float)
# (module, attribute, label): pipeline-level stages first, then the per-event ones inside resolve_events.
STAGES = [
    (pipeline, "find_place_mentions", "places: find_place_mentions"),
    (pipeline, "choose_entries", "places: choose_entries"),
    (pipeline, "find_date_mentions", "dates: find_date_mentions"),
    (pipeline, "resolve_events", "resolve_events (all)"),
    (events, "document_country", "  document_country"),
    (events, "dateline_weekday_hint", "  dateline_weekday_hint"),
    (events, "resolve_date", "  dates: resolve_date"),
    (events, "resolve_place", "  places: resolve_place"),
    (events, "classify_event_type", "  types: classify_event_type"),
    (events, "find_actors", "  actors: find_actors"),
    (events, "assign_roles", "  actors: assign_roles"),
]


def _timed(fn, label):
    def wrapper(*args, **kwargs):
        t = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMES[label] += time.process_time() - t
    return wrapper


def records(n_fakes: int, n_rdwti: int) -> list[dict]:
    out = []
    for name, n in (("fakes_dev", n_fakes), ("rdwti_dev", n_rdwti)):
        with (DEV / f"{name}.jsonl").open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line, _ in zip(fh, range(n), strict=False)]
        out += [{k: v for k, v in r.items() if k != "gold"} for r in rows]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fakes", type=int, default=200)
    ap.add_argument("--rdwti", type=int, default=600)
    ap.add_argument("--cprofile", type=int, default=0)
    args = ap.parse_args()
    if not DEV.is_dir():
        sys.exit(f"../shared/dev not present: {DEV}")
    recs = records(args.fakes, args.rdwti)
    ex = pipeline.Extractor()
    list(ex.extract_many(recs[:5]))  # load models and tables outside the timing
    for mod, attr, label in STAGES:
        setattr(mod, attr, _timed(getattr(mod, attr), label))
    prof = cProfile.Profile() if args.cprofile else None
    t = time.process_time()
    if prof:
        prof.enable()
    n = sum(1 for _ in ex.extract_many(recs))
    if prof:
        prof.disable()
    total = time.process_time() - t
    print(f"{n} records, extract_many {total:.2f} s")
    for _, _, label in STAGES:
        print(f"{label:<34} {TIMES[label]:7.2f} s  {100 * TIMES[label] / total:5.1f} %")
    resolution = sum(TIMES[label] for _, _, label in STAGES[:4])
    print(f"{'resolution stages (top level)':<34} {resolution:7.2f} s  {100 * resolution / total:5.1f} %")
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.cprofile)


if __name__ == "__main__":
    main()
