"""A timeline drawn on the server: events and killed (reconciled best) per day, as SVG bar geometry."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

WIDTH, HEIGHT, PAD = 900, 140, 24


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso) if iso and len(iso) == 10 else None
    except ValueError:
        return None


def timeline(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars (x, width, heights) per day with a known day; events without one are counted apart."""
    per_day: Counter[date] = Counter()
    killed: Counter[date] = Counter()
    undated = 0
    for ev in events:
        d = _day(ev["date"].get("start"))
        if d is None:
            undated += 1
            continue
        per_day[d] += 1
        killed[d] += sum(f["best"] or 0 for f in ev.get("casualties", []) if f["outcome"] == "killed")
    if not per_day:
        return {"width": WIDTH, "height": HEIGHT, "bars": [], "undated": undated, "first": None, "last": None}
    first, last = min(per_day), max(per_day)
    days = (last - first).days + 1
    step = (WIDTH - 2 * PAD) / days
    top_n, top_k = max(per_day.values()), max(killed.values()) or 1
    half = (HEIGHT - 2 * PAD) / 2
    bars = []
    for d in sorted(per_day):
        x = PAD + (d - first).days * step
        hn, hk = half * per_day[d] / top_n, half * killed[d] / top_k
        bars.append({"day": d.isoformat(), "x": round(x, 2), "w": round(min(max(step * 0.8, 1.0), 24.0), 2),
                     "events": per_day[d], "killed": killed[d], "y_events": round(PAD + half - hn, 2),
                     "h_events": round(hn, 2), "y_killed": round(PAD + half, 2), "h_killed": round(hk, 2)})  # fmt: skip
    return {"width": WIDTH, "height": HEIGHT, "bars": bars, "undated": undated, "first": first.isoformat(),
            "last": last.isoformat(), "axis": PAD + half, "max_events": top_n, "max_killed": top_k}  # fmt: skip
