"""Place accuracy on the Airwars records: the primary event's coordinates within 25 km of the incident's.

  python scripts/eval_places_ar.py ../shared/dev/airwars_dev.jsonl OUT.jsonl [--km 25] [--lang ar]

OUT is `warwire extract --format jsonl` of the same records. A record counts when its gold carries lat/lon;
a primary event with no coordinates is a miss. Also printed: the share within the radius by the event's
place precision (a governorate centroid rarely lies within 25 km of a village).
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def primary_location(doc: dict) -> dict | None:
    events = doc.get("events") or []
    event = next((e for e in events if e.get("primary")), events[0] if events else None)
    return (event or {}).get("location")


def within(record: dict, doc: dict | None, radius: float) -> bool:
    """Whether the record's document put its primary event within `radius` km of the gold coordinates."""
    g = record.get("gold") or {}
    loc = primary_location(doc or {})
    return bool(loc and loc.get("lat") is not None and km(g["lat"], g["lon"], loc["lat"], loc["lon"]) <= radius)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("out")
    ap.add_argument("--km", type=float, default=25.0)
    ap.add_argument("--lang", default="ar", help="records of this `lang` only ('all': every record)")
    a = ap.parse_args()
    with open(a.out, encoding="utf-8") as fh:
        out = {d["doc"]: d for d in map(json.loads, fh) if d}
    with open(a.gold, encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    n = hit = 0
    by_precision: Counter[str] = Counter()
    hits_by_precision: Counter[str] = Counter()
    for r in gold:
        g = r.get("gold") or {}
        if g.get("lat") is None or (a.lang != "all" and r.get("lang") != a.lang):
            continue
        n += 1
        loc = primary_location(out.get(r["id"]) or {})
        precision = (loc or {}).get("precision") or "none"
        by_precision[precision] += 1
        if within(r, out.get(r["id"]), a.km):
            hit += 1
            hits_by_precision[precision] += 1
    print(f"primary event within {a.km:g} km of the gold coordinates: {hit}/{n} = {hit / max(n, 1):.3f} "
          f"(lang={a.lang})")
    for precision, count in by_precision.most_common():
        print(f"  {precision:<10} {count:>4}  within {hits_by_precision[precision] / count:.3f}")


if __name__ == "__main__":
    main()
