"""Benchmark: the review desk on a ledger of 100k events built from the dev sets.

    python scripts/bench_serve.py [--events 100000] [--work DIR] [--requests 40]

The dev sets (../shared/dev, every set) are extracted once (cached under --work as dev.jsonl) and ingested
once with `Ledger.ingest_documents` (copy 0: linking as for any input). The ledger is then grown to --events
at the store level (`replicate`): copy 0's rows of documents, doc_events, claims, ledger_events and links are
written again per copy k with new ids, document ids `doc~k`, stable keys re-keyed and every date moved 40*k
years (an event with no year gets 3000 + k), so copies link only within themselves, as copy 0 did. This is
what re-ingesting the copies would store, without paying for their linking (which slows as the ledger
grows). Then the desk runs in process (FastAPI's TestClient: routing, guards, templates, JSON) and each
request is timed: p50 and p95 of the events page with facets (unfiltered and with two facets chosen), an
event page, the map data, and a review decision with the events page after it. Goal: p95 under 300 ms.
Each request is timed twice: as after a change (what the desk keeps per state of the ledger forgotten
first) and as the desk serves a repeated one. The reviewed view is built once per start (timed apart).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / ".." / "shared" / "dev"
SETS = ("rdwti_dev", "fakes_dev", "gva_linking_dev", "wad_dev", "isaf_dev", "case2021_dev", "airwars_dev")
SHIFT = 40  # years between copies


def extracted(work: Path) -> list[dict]:
    """The dev sets' extraction as contract dicts with their text (cached)."""
    cache = work / "dev.jsonl"
    if not cache.exists():
        import warwire
        from warwire.ingest.records import iter_records

        paths = [str(DEV / f"{s}.jsonl") for s in SETS if (DEV / f"{s}.jsonl").exists()]
        t0 = time.monotonic()
        with cache.open("w", encoding="utf-8") as fh:
            for d in warwire.extractor().extract_many(iter_records(paths)):
                if isinstance(d, warwire.Document):
                    fh.write(json.dumps({**d.to_dict(), "text": d.text}, ensure_ascii=False) + "\n")
        print(f"extracted the dev sets in {time.monotonic() - t0:.0f} s", file=sys.stderr)
    with cache.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _shift(p: dict | None, k: int) -> dict | None:
    if not p:
        return p
    return {**p, "year": (p["year"] + SHIFT * k) if p.get("year") else 3000 + k}


def copy_of(d: dict, k: int) -> dict:
    out = json.loads(json.dumps(d))
    out["doc"] = f"{d['doc']}~{k}"
    pub = (out.get("published") or {}).get("date")
    if pub and pub.get("year"):
        out["published"]["date"] = _shift(pub, k)
    for ev in out["events"]:
        ev["date"]["start"] = _shift(ev["date"].get("start") or {"year": None}, k)
        ev["date"]["end"] = _shift(ev["date"].get("end"), k)
    return out


def _shift_iso(iso: str | None, k: int) -> str | None:
    if not iso or not iso[:4].isdigit():
        return iso
    return f"{int(iso[:4]) + SHIFT * k:04d}{iso[4:]}"


def _year(y: int | None, k: int) -> int:
    return 3000 + k if y in (None, 3000) else y + SHIFT * k


def _shift_date(d: dict | None, k: int) -> dict | None:
    """A stored event date ({"start": parts, "end": parts}) of copy 0 moved to copy k."""
    if not d:
        return d
    out = dict(d)
    for end in ("start", "end"):
        if d.get(end):
            out[end] = {**d[end], "year": _year(d[end].get("year"), k)}
    return out


def _rekey(key: str | None, doc: str, new_doc: str) -> str | None:
    return new_doc + key[len(doc):] if key and key.startswith(doc) else key


def replicate(url: str, copies: int) -> None:
    """Copies 1..copies-1 of what copy 0 stored, written straight into the tables (no extraction, no
    linking): every row of documents, doc_events, claims, ledger_events and links again with new ids,
    document ids `doc~k`, stable keys re-keyed to them, and every date moved SHIFT*k years (no year: 3000+k).
    Copy 0 was ingested by `Ledger.ingest_documents`, so each copy links within itself exactly as copy 0
    did, and no copy shares a block (year) with another."""
    from sqlalchemy import func, insert, select, text

    from warwire.ledger import Ledger
    from warwire.ledger.schema import claims, doc_events, documents, ledger_events, links

    ledger = Ledger(url)
    eng = ledger.engine
    with eng.connect() as conn:
        rows = {t.name: [dict(r._mapping) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
                for t in (documents, doc_events, claims, ledger_events, links)}  # fmt: skip
        top = {t.name: conn.execute(select(func.max(t.c.id))).scalar() or 0
               for t in (documents, doc_events, claims, links)}  # fmt: skip
    doc_of_row = {d["id"]: d["doc"] for d in rows["documents"]}
    de_doc = {e["id"]: doc_of_row[e["document_id"]] for e in rows["doc_events"]}
    t0 = time.monotonic()
    for k in range(1, copies):
        off = {name: top[name] * k for name in top}
        docs = []
        for d in rows["documents"]:
            new_doc = _copy_doc(d["doc"], k)
            data = dict(d["data"])
            data["doc"] = new_doc
            pub = (data.get("published") or {}).get("date")
            if pub:
                data["published"] = {**data["published"], "date": _shift_date({"start": pub}, k)["start"]}
            data["events"] = [{**ev, "date": _shift_date(ev.get("date"), k)} for ev in data.get("events") or []]
            docs.append({**d, "id": d["id"] + off["documents"], "doc": new_doc, "data": data,
                         "sha256": hashlib.sha256(f"{d['sha256']}~{k}".encode()).hexdigest(),
                         "published": _shift_iso(d["published"], k)})  # fmt: skip
        new_doc_of = {d["id"] - off["documents"]: d["doc"] for d in docs}
        evs = []
        for e in rows["doc_events"]:
            doc, new_doc = doc_of_row[e["document_id"]], new_doc_of[e["document_id"]]
            date = _shift_date(e["date"], k)
            evs.append({**e, "id": e["id"] + off["doc_events"], "document_id": e["document_id"] + off["documents"],
                        "date": date, "year": (date.get("start") or {}).get("year"),
                        "event_key": _rekey(e["event_key"], doc, new_doc),
                        "stable_key": _rekey(e["stable_key"], doc, new_doc)})  # fmt: skip
        cls = [{**c, "id": c["id"] + off["claims"], "doc_event_id": c["doc_event_id"] + off["doc_events"],
                "stable_key": _rekey(c["stable_key"], de_doc[c["doc_event_id"]],
                                     _copy_doc(de_doc[c["doc_event_id"]], k))}
               for c in rows["claims"]]  # fmt: skip
        les = [{**le, "id": f"{le['id']}~{k}"} for le in rows["ledger_events"]]
        lks = [{**lk, "id": lk["id"] + off["links"], "ledger_event_id": f"{lk['ledger_event_id']}~{k}",
                "doc_event_id": lk["doc_event_id"] + off["doc_events"]} for lk in rows["links"]]  # fmt: skip
        with eng.begin() as conn:
            batches = ((documents, docs), (doc_events, evs), (claims, cls), (ledger_events, les), (links, lks))
            for table, batch in batches:
                if batch:
                    conn.execute(insert(table), batch)
        print(f"  copy {k + 1}/{copies} written ({time.monotonic() - t0:.0f} s)", file=sys.stderr)
    if eng.dialect.name == "postgresql":  # explicit ids: the sequences move past them for later ingests
        with eng.begin() as conn:
            for name in top:
                seq = f"pg_get_serial_sequence('{name}', 'id')"
                conn.execute(text(f"SELECT setval({seq}, (SELECT max(id) FROM {name}))"))
    ledger.close()


def _copy_doc(doc: str, k: int) -> str:
    return f"{doc[:-2]}~{k}" if doc.endswith("~0") else f"{doc}~{k}"


def build(url: str, dev: list[dict], target: int) -> int:
    """Copy 0 ingested as any input is (extraction output -> Ledger.ingest_documents: linking included), then
    replicated at the store level until the ledger holds `target` news events."""
    from sqlalchemy import func, select

    from warwire.ledger import Ledger
    from warwire.ledger.from_contract import document_from_dict
    from warwire.ledger.schema import ledger_events

    ledger = Ledger(url)
    t0 = time.monotonic()
    ledger.ingest_documents(document_from_dict(copy_of(d, 0)) for d in dev)
    with ledger.engine.connect() as conn:  # the events one copy makes, after linking
        per_copy = conn.execute(select(func.count()).select_from(ledger_events)).scalar() or 1
    ledger.close()
    copies = -(-target // per_copy)
    print(f"  copy 1/{copies} ingested: {per_copy} events ({time.monotonic() - t0:.0f} s)", file=sys.stderr)
    replicate(url, copies)
    return copies


def timed(fn, n: int, forget=None) -> list[float]:  # noqa: ANN001 - callables
    out = []
    for _ in range(n):
        if forget:
            forget()  # what the desk kept of earlier requests: each one is computed as after a change
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def pct(ms: list[float], p: float) -> float:
    return statistics.quantiles(ms, n=100, method="inclusive")[int(p) - 1] if len(ms) > 1 else ms[0]


def _empty(url: str) -> bool:
    from warwire.ledger import Ledger
    from warwire.ledger.schema import documents

    ledger = Ledger(url)
    with ledger.engine.connect() as conn:
        empty = conn.execute(documents.select().limit(1)).first() is None
    ledger.close()
    return empty


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--work", type=Path, default=REPO / "tmp" / "bench_serve")
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--db", help="ledger URL (default: sqlite:///WORK/ledger-EVENTS.db); built when it is empty")
    ap.add_argument("--build-only", action="store_true", help="build the ledger and stop")
    args = ap.parse_args()
    if not DEV.exists():
        sys.exit(f"../shared/dev not present ({DEV.resolve()}): nothing to build the ledger from")
    args.work.mkdir(parents=True, exist_ok=True)
    url = args.db or f"sqlite:///{args.work / f'ledger-{args.events}.db'}"
    if _empty(url):
        dev = extracted(args.work)
        t0 = time.monotonic()
        copies = build(url, dev, args.events)
        print(f"ledger: copy 1 of {len(dev)} documents ingested, {copies - 1} more written at the store level, "
              f"in {time.monotonic() - t0:.0f} s", file=sys.stderr)  # fmt: skip
    if args.build_only:
        return

    from fastapi.testclient import TestClient

    from warwire.serve import create_app

    app = create_app(url, token="bench")
    client = TestClient(app, base_url="http://127.0.0.1:8080")
    t0 = time.perf_counter()
    assert client.get("/events").status_code == 200
    cold = time.perf_counter() - t0
    events = app.state.desk.events()
    data = client.get("/events.json").json()
    top = {k: [f["value"] for f in v if f["value"]] for k, v in data["facets"].items()}
    rng = random.Random(13)
    ids = [e["id"] for e in events]
    headers = {"Sec-Fetch-Site": "same-origin", "Authorization": "Bearer bench", "Accept": "application/json"}

    def faceted() -> None:
        q = {"country": rng.choice(top["country"][:5]), "type": rng.choice(top["type"][:5])}
        assert client.get("/events", params=q).status_code == 200

    def event_page() -> None:
        assert client.get(f"/event/{rng.choice(ids)}").status_code == 200

    claims = [c["stable_key"] for eid in rng.sample(ids, 200) for m in app.state.desk.view().members[eid]
              for c in m["raw_claims"] if c["stable_key"]]  # fmt: skip

    def decide() -> None:
        r = client.post("/review/claim", data={"key": claims.pop(), "action": "confirm"}, headers=headers)
        assert r.status_code == 200, r.text
        assert client.get("/events").status_code == 200

    rows = [
        ("events page with facets", lambda: client.get("/events")),
        ("events page, two facets chosen", faceted),
        ("events .json", lambda: client.get("/events.json")),
        ("an event page", event_page),
        ("map data (newest 5,000)", lambda: client.get("/map.json")),
        ("map data, one country", lambda: client.get("/map.json", params={"country": top["country"][0]})),
        ("a decision + the events page", decide),
    ]
    print(f"ledger: {len(events):,} events ({url.rsplit('/', 1)[-1]}); reviewed view built in {cold:.1f} s "
          f"(first request)")  # fmt: skip
    print(f"{'request':34} {'p50 ms':>8} {'p95 ms':>8} {'p50 kept':>9} {'p95 kept':>9}  (n={args.requests})")
    for name, fn in rows:
        fn()  # warm
        ms = timed(fn, args.requests, forget=lambda: app.state.desk.view().memo.clear())
        kept = timed(fn, args.requests)
        print(f"{name:34} {statistics.median(ms):8.1f} {pct(ms, 95):8.1f} {statistics.median(kept):9.1f} "
              f"{pct(kept, 95):9.1f}")


if __name__ == "__main__":
    main()
