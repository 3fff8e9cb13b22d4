"""Link an extraction output (contract JSONL) into ledger events JSONL for the linking scorer.

  python scripts/eval_linking.py EXTRACTED.jsonl EVENTS.jsonl [--db URL | --memory] [--records INPUT.jsonl]
  python3 ../shared/tools/score.py linking ../shared/dev/gva_linking_dev.jsonl EVENTS.jsonl

The contract output carries no text; `--records` puts each document's text back from the input records
(by id; only `id` and `text` are read), as `warwire ingest` has it, for the text feature of linking.
Ledger events that hold a document's primary event are written first (the scorer takes, per document,
the first ledger event that lists it).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from warwire.export.jsonl import to_jsonl
from warwire.ledger import Ledger, link_documents
from warwire.ledger.from_contract import read_jsonl
from warwire.model import Document


def documents(path: str, records: str | None) -> Iterator[Document]:
    texts: dict[str, str] = {}
    if records:
        with open(records, encoding="utf-8") as fh:
            texts = {r["id"]: r.get("text") or "" for r in map(json.loads, fh) if r.get("id")}
    for doc in read_jsonl(path):
        doc.text = doc.text or texts.get(doc.doc, "")
        yield doc


def memory_events(docs: list[Document]) -> list[dict]:
    primary = {(d.doc, i) for d in docs for i, e in enumerate(d.events) if e.primary}
    clusters = link_documents(docs)
    return [
        {"id": f"m{n}", "documents": list(dict.fromkeys(k[0] for k in c)), "primary": bool(set(c) & primary)}
        for n, c in enumerate(clusters)
    ]


def ledger_events(docs: Iterator[Document], url: str) -> list[dict]:
    ledger = Ledger(url)
    report = ledger.ingest_documents(docs)
    print(f"ingest: {report.stored} stored, {report.skipped} skipped, {report.merged} merged, "
          f"{report.new_ledger_events} new ledger events")  # fmt: skip
    return ledger.events()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("extracted")
    ap.add_argument("events_out")
    ap.add_argument("--db", help="ledger URL (default: a fresh SQLite file in a temp dir)")
    ap.add_argument("--memory", action="store_true", help="use link_documents() without a database")
    ap.add_argument("--records", help="the input records (jsonl with id, text) the extraction ran on")
    args = ap.parse_args()
    t0 = time.perf_counter()
    if args.memory:
        events = memory_events(list(documents(args.extracted, args.records)))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            url = args.db or f"sqlite:///{Path(tmp) / 'eval.db'}"
            events = ledger_events(documents(args.extracted, args.records), url)
    events.sort(key=lambda e: not e.get("primary"))
    with open(args.events_out, "w", encoding="utf-8") as fh:
        to_jsonl(events, fh)
    print(f"{len(events)} ledger events written in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
