"""Benchmark: the review desk on a ledger of 100k events built from the dev sets.

    python scripts/bench_serve.py [--events 100000] [--work DIR] [--requests 40]

The dev sets (../shared/dev, every set) are extracted once (cached under --work as dev.jsonl); copies of
their documents are ingested until the ledger holds --events news events. Each copy has its own document
ids and its dates moved 40 years on (an event with no year gets year 3000 + copy), so copies do not link
with each other and the ledger's blocks stay the size the dev sets give. Then the desk runs in process
(FastAPI's TestClient: routing, guards, templates, JSON) and each request is timed: p50 and p95 of the
events page with facets (unfiltered and with two facets chosen), an event page, the map data, and a review
decision with the events page after it. Goal: p95 under 300 ms. Each request is timed twice: as after a
change (what the desk keeps per state of the ledger forgotten first) and as the desk serves a repeated one.
(timed apart: it happens once per start and after an ingest).
"""

from __future__ import annotations

import argparse
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


def build(url: str, dev: list[dict], target: int) -> int:
    from warwire.ledger import Ledger
    from warwire.ledger.from_contract import document_from_dict

    news = sum(1 for d in dev for e in d["events"] if not e["background"])
    copies = -(-target // max(1, news))
    ledger = Ledger(url)
    t0 = time.monotonic()
    for k in range(copies):
        docs = (document_from_dict(copy_of(d, k)) for d in dev)
        ledger.ingest_documents(docs)
        print(f"  copy {k + 1}/{copies} stored ({time.monotonic() - t0:.0f} s)", file=sys.stderr)
    ledger.close()
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--work", type=Path, default=REPO / "tmp" / "bench_serve")
    ap.add_argument("--requests", type=int, default=40)
    args = ap.parse_args()
    if not DEV.exists():
        sys.exit(f"../shared/dev not present ({DEV.resolve()}): nothing to build the ledger from")
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / f"ledger-{args.events}.db"
    url = f"sqlite:///{db}"
    if not db.exists():
        dev = extracted(args.work)
        t0 = time.monotonic()
        copies = build(url, dev, args.events)
        print(f"ledger: {copies} copies of {len(dev)} documents in {time.monotonic() - t0:.0f} s", file=sys.stderr)

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
    print(f"ledger: {len(events):,} events ({db.stat().st_size / 1e6:.0f} MB); reviewed view built in {cold:.1f} s "
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
