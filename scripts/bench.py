"""Benchmark: warwire `extract` beside the plain spaCy pipeline on the same texts, in one run.

    python scripts/bench.py [--limit N]

Texts: rdwti_dev + fakes_dev from ../shared/dev (skipped with a message when absent). Each engine runs in
its own subprocess, so peak memory (ru_maxrss) is per engine; "load s" includes a warm-up on 20 records.
Prints documents/s, words/s, peak memory, the words/s ratio, where extraction spends its time, and ledger
ingest throughput against extract alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / ".." / "shared" / "dev"
SETS = ("rdwti_dev", "fakes_dev")
WARMUP = 20  # records run before timing, counted in "load s"


def load_records(limit: int | None) -> list[dict]:
    keys = ("id", "title", "text", "published", "outlet")  # never the gold
    out = []
    for name in SETS:
        with (DEV / f"{name}.jsonl").open(encoding="utf-8") as fh:
            out += [{k: r.get(k) for k in keys} for r in map(json.loads, fh)]
    return out[:limit] if limit else out


def words(records: list[dict]) -> int:
    return sum(len(r["text"].split()) for r in records)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child_spacy(records: list[dict]) -> dict:
    """The plain pipeline, every default component, over the same texts."""
    import spacy

    from warwire.settings import Settings

    t0 = time.perf_counter()
    nlp = spacy.load(Settings().model)
    for _ in nlp.pipe(r["text"] for r in records[:WARMUP]):
        pass
    loaded, mem_loaded = time.perf_counter() - t0, peak_mb()
    t0 = time.perf_counter()
    for _ in nlp.pipe(r["text"] for r in records):
        pass
    return {"load_s": loaded, "run_s": time.perf_counter() - t0, "mem_loaded_mb": mem_loaded,
            "peak_mb": peak_mb(), "components": list(nlp.pipe_names)}


class Timer:
    """Wraps pipeline functions (and the spaCy generator) to add up the time spent in each stage."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)

    def wrap(self, name: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.spent[name] += time.perf_counter() - t0

        return timed

    def wrap_gen(self, name: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs) -> Iterator:
            it = iter(fn(*args, **kwargs))
            while True:
                t0 = time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    self.spent[name] += time.perf_counter() - t0
                    return
                self.spent[name] += time.perf_counter() - t0
                yield item

        return timed


STAGES = {  # pipeline-namespace function -> stage name
    "find_place_mentions": "resolve: place mentions",
    "choose_entries": "resolve: place choice",
    "find_date_mentions": "resolve: date mentions",
    "resolve_events": "resolve: events (places, dates, actors, types)",
    "build_events": "extract: figures, claims, events",
    "candidate_sentences": "extract: candidate sentences",
    "prepare": "ingest: cleaning, sentences, dates",
}


def timed_pass(ex, records: list[dict]) -> tuple[list, dict[str, float], float]:
    """A second pass with every stage wrapped: the time split, and the documents for the ingest run."""
    import warwire.pipeline as pipeline

    timer = Timer()
    saved = {name: getattr(pipeline, name) for name in STAGES}
    for name, stage in STAGES.items():
        setattr(pipeline, name, timer.wrap(stage, saved[name]))
    ex.nlp.pipe = timer.wrap_gen("spaCy (tagger only, candidate sentences)", ex.nlp.pipe)
    t0 = time.perf_counter()
    try:
        docs = [d for d in ex.extract_many(records) if hasattr(d, "events")]
    finally:
        for name, fn in saved.items():
            setattr(pipeline, name, fn)
        del ex.nlp.pipe
    return docs, dict(timer.spent), time.perf_counter() - t0


def child_warwire(records: list[dict]) -> dict:
    from warwire.ledger import Ledger
    from warwire.model import Failure
    from warwire.pipeline import Extractor

    t0 = time.perf_counter()
    ex = Extractor()
    for _ in ex.extract_many(records[:WARMUP]):  # lazily loaded tables (gazetteer, actors) load here
        pass
    loaded, mem_loaded = time.perf_counter() - t0, peak_mb()
    t0 = time.perf_counter()
    failed = sum(isinstance(d, Failure) for d in ex.extract_many(records))  # streamed, nothing kept
    run_s, mem = time.perf_counter() - t0, peak_mb()
    docs, split, split_total = timed_pass(ex, records)
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger(f"sqlite:///{tmp}/bench.db")
        t0 = time.perf_counter()
        report = ledger.ingest_documents(docs)
        ingest_s = time.perf_counter() - t0
        ledger.close()
    return {"load_s": loaded, "run_s": run_s, "mem_loaded_mb": mem_loaded, "peak_mb": mem, "failed": failed,
            "split": split, "split_total_s": split_total, "ingest_s": ingest_s, "ingested": report.stored,
            "ledger_events": report.new_ledger_events}


def load_arabic(limit: int | None) -> list[dict]:
    """The Arabic records of airwars_dev (gold never read), for the Arabic path's speed."""
    path = DEV / "airwars_dev.jsonl"
    if not path.exists():
        return []
    keys = ("id", "title", "text", "published", "outlet")
    with path.open(encoding="utf-8") as fh:
        out = [{k: r.get(k) for k in keys} for r in map(json.loads, fh) if r.get("lang") == "ar"]
    return out[:limit] if limit else out


def child_arabic(records: list[dict]) -> dict:
    """warwire extract on Arabic records: the Arabic rule pack beside the English path (which sees no
    candidate sentence in Arabic text)."""
    from warwire.pipeline import Extractor

    t0 = time.perf_counter()
    ex = Extractor()
    for _ in ex.extract_many(records[:WARMUP]):
        pass
    loaded, mem_loaded = time.perf_counter() - t0, peak_mb()
    t0 = time.perf_counter()
    for _ in ex.extract_many(records):
        pass
    return {"load_s": loaded, "run_s": time.perf_counter() - t0, "mem_loaded_mb": mem_loaded, "peak_mb": peak_mb()}


def run_child(engine: str, limit: int | None) -> dict:
    cmd = [sys.executable, __file__, "--child", engine] + (["--limit", str(limit)] if limit else [])
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"bench: the {engine} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(n: int, nwords: int, ww: dict, sp: dict) -> None:
    def line(name: str, r: dict) -> str:
        return (f"{name:<34} {n / r['run_s']:>8.1f} {nwords / r['run_s']:>10.0f} {r['run_s']:>7.1f} "
                f"{r['load_s']:>6.1f} {r['mem_loaded_mb']:>9.0f} {r['peak_mb']:>8.0f}")

    print(f"{n} documents, {nwords} words (rdwti_dev + fakes_dev)\n")
    print(f"{'engine':<34} {'docs/s':>8} {'words/s':>10} {'run s':>7} {'load s':>6} {'loaded MB':>9} {'peak MB':>8}")
    print(line("warwire extract", ww))
    print(line(f"plain spaCy ({'+'.join(sp['components'])})"[:34], sp))
    print(f"\nwords/s ratio warwire / plain spaCy: {sp['run_s'] / ww['run_s']:.2f}x"
          f"   (failed documents: {ww['failed']})")
    print(f"\ntime split (second pass with timers, {ww['split_total_s']:.1f} s):")
    total = ww["split_total_s"]
    for stage, secs in sorted(ww["split"].items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<50} {secs:>7.2f} s {100 * secs / total:>5.1f}%")
    resolve = sum(v for k, v in ww["split"].items() if k.startswith("resolve"))
    print(f"  {'all resolution stages':<50} {resolve:>7.2f} s {100 * resolve / total:>5.1f}%")
    both = ww["run_s"] + ww["ingest_s"]
    print(f"\nledger ingest (SQLite, {ww['ingested']} documents, {ww['ledger_events']} ledger events): "
          f"{ww['ingest_s']:.1f} s, {ww['ingested'] / ww['ingest_s']:.1f} docs/s alone")
    print(f"extract + ingest: {n / both:.1f} docs/s = {100 * ww['run_s'] / both:.0f}% of extract alone "
          f"({n / ww['run_s']:.1f} docs/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N records")
    parser.add_argument("--child", choices=["warwire", "spacy", "arabic"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not all((DEV / f"{s}.jsonl").exists() for s in SETS):
        print(f"bench skipped: ../shared/dev not present ({DEV.resolve()})")
        return
    records = load_records(args.limit)
    if args.child:
        child = {"warwire": child_warwire, "spacy": child_spacy, "arabic": child_arabic}[args.child]
        result = child(load_arabic(args.limit) if args.child == "arabic" else records)
        print(json.dumps(result))
        return
    ww = run_child("warwire", args.limit)
    sp = run_child("spacy", args.limit)
    report(len(records), words(records), ww, sp)
    arabic = load_arabic(args.limit)
    if arabic:
        ar = run_child("arabic", args.limit)
        n, nwords = len(arabic), words(arabic)
        print(f"\nArabic (airwars_dev, {n} records, {nwords} words): {nwords / ar['run_s']:.0f} words/s, "
              f"{n / ar['run_s']:.1f} docs/s, load {ar['load_s']:.1f} s, peak {ar['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
