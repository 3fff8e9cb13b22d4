"""Turn stored rows of one ledger event into the dicts `Ledger.events()` and `Ledger.event()` return."""

from __future__ import annotations

from collections import Counter
from typing import Any

from warwire.ledger.features import tables
from warwire.ledger.reconcile import Report, reconcile

DATE_ORDER = ["day", "days", "week", "month", "year", "unknown"]
GEO_ORDER = ["point", "town", "near_town", "admin2", "admin1", "country", "unknown"]


def _iso(p: dict[str, Any] | None) -> str | None:
    if not p or p.get("year") is None:
        return None
    out = f"{p['year']:04d}"
    if p.get("month"):
        out += f"-{p['month']:02d}"
        if p.get("day"):
            out += f"-{p['day']:02d}"
    return out


def pick_type(members: list[dict[str, Any]]) -> str:
    """The most reported specific type; generic types only when nothing else was said."""
    generic = set(tables()["generic_types"])
    counts = Counter(m["type"] for m in members if m["type"] not in generic)
    return counts.most_common(1)[0][0] if counts else members[0]["type"]


def pick_date(members: list[dict[str, Any]]) -> dict[str, Any]:
    """The most precise date any report gives (the earliest among equals)."""

    def rank(m: dict[str, Any]) -> tuple[int, str]:
        d = m["date"] or {}
        prec = d.get("precision") if _iso(d.get("start")) else "unknown"
        return DATE_ORDER.index(prec if prec in DATE_ORDER else "unknown"), _iso(d.get("start")) or "9999"

    d = min(members, key=rank)["date"] or {}
    return {
        "start": _iso(d.get("start")),
        "end": _iso(d.get("end")),
        "precision": d.get("precision", "unknown"),
        "start_parts": d.get("start"),
        "as_written": d.get("as_written"),
    }


def pick_location(members: list[dict[str, Any]]) -> dict[str, Any] | None:
    locs = [m["location"] for m in members if m["location"]]
    if not locs:
        return None
    return min(locs, key=lambda loc: GEO_ORDER.index(loc.get("precision") or "unknown"))


def union_actors(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for m in members:
        for a in m["actors"]:
            seen.setdefault(a["name"].lower(), {k: a.get(k) for k in ("name", "category", "role")})
    return list(seen.values())


def reports_of(members: list[dict[str, Any]]) -> list[Report]:
    return [
        Report(
            c["outcome"], c["group"], c["low"], c["best"], c["high"], c["claimed_by"], m["outlet"], m["doc"],
            c.get("claimant"),
        )
        for m in members
        for c in m["claims"]
    ]


def summary(event_id: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    """One ledger event as `Ledger.events()` returns it."""
    figures, flags = reconcile(reports_of(members))
    docs = list(dict.fromkeys(m["doc"] for m in members))
    return {
        "id": event_id,
        "documents": docs,
        "type": pick_type(members),
        "date": pick_date(members),
        "location": pick_location(members),
        "actors": union_actors(members),
        "casualties": figures,
        "sources": sorted({m["outlet"] for m in members if m["outlet"]}),
        "claimants": sorted({c["claimed_by"] for m in members for c in m["claims"] if c["claimed_by"]}),
        "flags": flags,
        "reports": len(members),
        "primary": any(m["primary"] for m in members),
    }


def detail(event_id: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    """One ledger event with every report and why each was merged."""
    out = summary(event_id, members)
    out["report_details"] = [
        {
            "doc": m["doc"],
            "outlet": m["outlet"],
            "title": m["title"],
            "url": m["url"],
            "event_index": m["event_index"],
            "type": m["type"],
            "date": m["date"],
            "location": m["location"],
            "claimants": sorted({c["claimed_by"] for c in m["claims"] if c["claimed_by"]}),
            "figures": [
                {
                    k: c[k]
                    for k in (
                        "outcome",
                        "group",
                        "value",
                        "qualifier",
                        "vague",
                        "low",
                        "best",
                        "high",
                        "claimed_by",
                        "claimant",
                        "victims",
                    )
                }
                for c in m["claims"]
            ],
            "quotes": [c["quote"] for c in m["claims"] if c["quote"]],
            "merge": {"score": m["score"], "why": m["explanation"]},
        }
        for m in members
    ]
    return out
