"""Measure place resolution on ../shared/dev: country (rdwti), city where named (rdwti), admin1 (fakes).

Usage: .venv/bin/python scripts/eval_places.py [--shared ../shared] [--limit N]
The place is resolve_place over the whole text (no event focus), so figures are a floor for the
primary-event place the pipeline computes.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from warwire.resolve.gazetteer import norm
from warwire.resolve.places import find_place_mentions, resolve_place

ROOT = Path(__file__).resolve().parents[1]


def squash(s: str | None) -> str:
    return re.sub(r"[^a-z]", "", norm(s or "").replace("al ", ""))


def rdwti(path: Path, countries: dict[str, str], limit: int | None) -> None:
    n = ok = named = city_ok = 0
    t0 = time.perf_counter()
    for line in list(path.open())[:limit]:
        rec = json.loads(line)
        gold, text = rec["gold"], f"{rec.get('title') or ''}\n{rec['text']}"
        place = resolve_place(find_place_mentions(text), text)
        want = countries.get(str(gold.get("country", "")).strip().lower())
        if want:
            n += 1
            ok += place.country == want
        city = gold.get("city") or ""
        if city and norm(city) and norm(city) in norm(text):
            named += 1
            city_ok += squash(city) in (squash(place.name), squash(place.as_written))
    dt = time.perf_counter() - t0
    print(f"rdwti: country {ok}/{n} = {ok / max(n, 1):.3f}; city where named {city_ok}/{named} = "
          f"{city_ok / max(named, 1):.3f}; {n / dt:.0f} docs/s")


def fakes(path: Path, limit: int | None) -> None:
    n = ok = 0
    for line in list(path.open())[:limit]:
        rec = json.loads(line)
        want = squash(rec["gold"].get("admin1"))
        if not want:
            continue
        text = f"{rec.get('title') or ''}\n{rec['text']}"
        got = squash(resolve_place(find_place_mentions(text), text).admin1)
        n += 1
        ok += bool(got) and (got[:4] == want[:4] or want in got or got in want)
    print(f"fakes: admin1 {ok}/{n} = {ok / max(n, 1):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    countries = json.loads((args.shared / "tools" / "countries.json").read_text())
    rdwti(args.shared / "dev" / "rdwti_dev.jsonl", countries, args.limit)
    fakes(args.shared / "dev" / "fakes_dev.jsonl", args.limit)


if __name__ == "__main__":
    main()
