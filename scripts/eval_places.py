"""Measure place resolution on ../shared/dev: country and city where named (rdwti), admin1 (fakes).

Usage:
  .venv/bin/python scripts/eval_places.py [--shared ../shared] [--limit N] [--show N]
      the place stage alone, as the pipeline uses it on the primary event (setting mentions only,
      document country as hint, focus = the first 600 characters); also times it per document.
  .venv/bin/python scripts/eval_places.py --pipeline OUT.jsonl
      city where named, on pipeline output for rdwti_dev (`warwire extract --format jsonl`).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from warwire.refs import is_setting
from warwire.resolve.gazetteer import norm
from warwire.resolve.places import document_country, find_place_mentions, resolve_place

ROOT = Path(__file__).resolve().parents[1]


def squash(s: str | None) -> str:
    return re.sub(r"[^a-z]", "", norm(s or "").replace("al ", ""))


def city_named(gold: dict, text: str) -> bool:
    city = gold.get("city") or ""
    return bool(city and norm(city) and f" {norm(city)} " in f" {norm(text)} ")


def city_ok(gold: dict, loc: dict) -> bool:
    want = squash(gold["city"])
    return bool(want) and want in (squash(loc.get("name")), squash(loc.get("as_written")))


def place_of(text: str):
    mentions = [m for m in find_place_mentions(text) if is_setting(text, m.start, m.end)]
    if not mentions:
        return None
    country = document_country(text, mentions)
    return resolve_place(mentions, text, focus=(0, 600), country_hint=country)


def _plain(s: str | None) -> str:
    """The scorer's comparison form (score.py norm): lowercase letters only."""
    return re.sub(r"[^a-z]", "", (s or "").lower())


def records(path: Path, limit: int | None) -> list[dict]:
    return [json.loads(line) for line in list(path.open())[:limit]]


def text_of(rec: dict) -> str:
    return f"{rec['title']}\n{rec['text']}" if rec.get("title") else rec["text"]


def rdwti(recs: list[dict], countries: dict[str, str], show: int) -> None:
    n = ok = named = cok = 0
    t0 = time.perf_counter()
    places = [place_of(text_of(r)) for r in recs]
    dt = time.perf_counter() - t0
    bad = []
    for rec, p in zip(recs, places, strict=True):
        gold, loc = rec["gold"], (p.to_dict() if p else {})
        want = countries.get(str(gold.get("country", "")).strip().lower())
        if want:
            n += 1
            ok += loc.get("country") == want
            if loc.get("country") != want:
                bad.append(f"country {loc.get('country')} want {want} [{loc.get('as_written')}] {rec['text'][:140]}")
        if city_named(gold, rec["text"]):
            named += 1
            cok += city_ok(gold, loc)
            if not city_ok(gold, loc):
                bad.append(f"city {loc.get('name')} [{loc.get('as_written')}] want {gold['city']}: {rec['text'][:140]}")
    print("\n".join(bad[:show]))
    print(f"rdwti: country {ok}/{n} = {ok / max(n, 1):.3f}; city where named {cok}/{named} = "
          f"{cok / max(named, 1):.3f}; {1000 * dt / max(len(recs), 1):.2f} ms/doc")


def fakes(recs: list[dict], show: int) -> None:
    n = ok = 0
    bad = []
    for rec in recs:
        want = squash(rec["gold"].get("admin1"))
        if not want:
            continue
        p = place_of(text_of(rec))
        got, want = _plain(p.admin1 if p else None), _plain(rec["gold"].get("admin1"))
        n += 1
        good = bool(got) and (got[:4] == want[:4] or want in got or got in want)
        ok += good
        if not good:
            bad.append(f"admin1 {got} [{p.as_written if p else None}] want {want}: {rec['text'][:120]}")
    print("\n".join(bad[:show]))
    print(f"fakes: admin1 {ok}/{n} = {ok / max(n, 1):.3f}")


def city_where_named(recs: list[dict], out_path: Path) -> tuple[int, int, int]:
    """(right, named, with an event): the primary event's city where the text names the gold city, on
    pipeline output; documents without events count as misses. The eval gate imports this."""
    out = {d["doc"]: d for d in map(json.loads, out_path.open()) if d}
    named = right = with_event = 0
    for rec in recs:
        if not city_named(rec["gold"], rec["text"]):
            continue
        evs = [e for e in out.get(rec["id"], {}).get("events", []) if not e.get("background")]
        prim = ([e for e in evs if e.get("primary")] or evs or [None])[0]
        named += 1
        right += prim is not None and city_ok(rec["gold"], prim.get("location") or {})
        with_event += prim is not None
    return right, named, with_event


def pipeline_city(recs: list[dict], out_path: Path) -> None:
    right, named, with_event = city_where_named(recs, out_path)
    print(f"pipeline city where named: {right}/{named} = {right / max(named, 1):.3f}; "
          f"among docs with an event {right}/{with_event} = {right / max(with_event, 1):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--pipeline", type=Path, default=None)
    ap.add_argument("--only", choices=["rdwti", "fakes"], default=None)
    args = ap.parse_args()
    rd = records(args.shared / "dev" / "rdwti_dev.jsonl", args.limit)
    if args.pipeline:
        pipeline_city(rd, args.pipeline)
        return
    countries = json.loads((args.shared / "tools" / "countries.json").read_text())
    find_place_mentions("warm up in Aleppo")
    if args.only != "fakes":
        rdwti(rd, countries, args.show)
    if args.only != "rdwti":
        fakes(records(args.shared / "dev" / "fakes_dev.jsonl", args.limit), args.show)


if __name__ == "__main__":
    main()
