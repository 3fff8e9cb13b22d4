"""Facet counts, filters and keyset-ordered paging over the reviewed events, as integer columns.

Each event of the view has a slot; each facet is two int32 columns (slot, value code), one row per value an
event has, so a filter is a boolean mask over slots and a facet's counts are one `np.bincount`. A decision
remakes a few events: their old slots die (masked out) and the new ones are appended, so the index follows
the view in O(changed events) instead of recounting 100k events (`update`, from `View.changes`). It gives
exactly what the plain scan `query.run` gives (a test holds them equal).
"""

from __future__ import annotations

import json
import threading
from array import array
from bisect import bisect_left, insort
from typing import Any

import numpy as np

from warwire.serve.query import FACET_LIMIT, FACETS, Query, facet_values

REBUILD_DEAD = 0.5  # share of dead slots at which the columns are rebuilt from the live events


def map_feature(ev: dict[str, Any]) -> dict[str, Any] | None:
    """What the map draws of an event: towns as points, admin1/country placements as areas; None when
    the event is not placed at all."""
    loc = ev.get("location") or {}
    if not loc.get("country") and loc.get("lat") is None:
        return None
    killed = sum(f["best"] or 0 for f in ev.get("casualties", []) if f["outcome"] == "killed")
    return {"id": ev["id"], "name": loc.get("name"), "admin1": loc.get("admin1"), "country": loc.get("country"),
            "lat": loc.get("lat"), "lon": loc.get("lon"), "precision": loc.get("precision") or "unknown",
            "date": ev["date"].get("start"), "type": ev["type"], "killed": killed}  # fmt: skip


class FacetIndex:
    def __init__(self, events: list[dict[str, Any]]) -> None:
        self.lock = threading.Lock()
        self.applied = 0  # View.changes taken in
        self.slots: list[dict[str, Any]] = []  # a dead slot keeps its event (masked out by `alive`)
        self.slot_of: dict[str, int] = {}
        self.codes: dict[str, dict[str, int]] = {k: {} for k in FACETS}
        self.names: dict[str, list[str]] = {k: [] for k in FACETS}
        self.pair_slot = {k: array("i") for k in FACETS}
        self.pair_code = {k: array("i") for k in FACETS}
        self.alive, self.bg, self.located = bytearray(), bytearray(), bytearray()
        self.dates: list[tuple[str | None, str | None]] = []
        self.feature: list[str | None] = []  # a slot's map feature as JSON, made when first drawn
        self.dead = 0
        for ev in events:
            self._add(ev)
        self.order = list(range(len(events)))  # live slots in the view's order (newest first, by `_sort`)
        self._np: dict[str, Any] | None = None

    def _add(self, ev: dict[str, Any]) -> None:
        slot = len(self.slots)
        self.slots.append(ev)
        self.slot_of[ev["id"]] = slot
        for k, vals in facet_values(ev).items():
            codes = self.codes[k]
            for v in vals:
                code = codes.get(v)
                if code is None:
                    code = codes[v] = len(self.names[k])
                    self.names[k].append(v)
                self.pair_slot[k].append(slot)
                self.pair_code[k].append(code)
        self.alive.append(1)
        self.bg.append(1 if ev["background"] else 0)
        loc = ev.get("location") or {}
        self.located.append(1 if loc.get("country") or loc.get("lat") is not None else 0)
        start = ev["date"].get("start")
        self.dates.append((start, ev["date"].get("end") or start))
        self.feature.append(None)

    def update(self, by_id: dict[str, dict[str, Any]], changes: list[tuple[set[str], list[str]]]) -> None:
        """Take in the view's changes since the last call: events remade or gone since."""
        if self.applied >= len(changes):
            return
        touched: set[str] = set()
        for removed, added in changes[self.applied :]:
            touched |= removed
            touched.update(added)
        self.applied = len(changes)
        for eid in touched:
            slot = self.slot_of.pop(eid, None)
            if slot is None:
                continue
            i = bisect_left(self.order, self.slots[slot]["_sort"], key=self._sort_key)
            if i < len(self.order) and self.order[i] == slot:
                del self.order[i]
            self.alive[slot] = 0
            self.dead += 1
        for eid in touched:
            ev = by_id.get(eid)
            if ev is not None:
                self._add(ev)
                insort(self.order, len(self.slots) - 1, key=self._sort_key)
        self._np = None

    def _sort_key(self, slot: int) -> Any:
        return self.slots[slot]["_sort"]

    def worn(self) -> bool:
        """Mostly dead slots: time for a new index (made anew, so slots a request holds stay valid)."""
        return self.dead > REBUILD_DEAD * len(self.slots)

    def arrays(self) -> dict[str, Any]:
        if self._np is None:
            self._np = {
                "alive": np.frombuffer(bytes(self.alive), dtype=np.bool_),
                "bg": np.frombuffer(bytes(self.bg), dtype=np.bool_),
                "located": np.frombuffer(bytes(self.located), dtype=np.bool_),
                "order": np.array(self.order, dtype=np.int64),
                **{f"s:{k}": np.array(self.pair_slot[k], dtype=np.int64) for k in FACETS},
                **{f"c:{k}": np.array(self.pair_code[k], dtype=np.int64) for k in FACETS},
            }  # fmt: skip
        return self._np

    def _dates(self, since: str | None, until: str | None) -> Any:
        """Mask of the slots whose dates meet the range (as query._date_ok)."""
        out = np.zeros(len(self.slots), dtype=np.bool_)
        for slot, (start, end) in enumerate(self.dates):
            if since and (end is None or end < since[: len(end)]):
                continue
            if until and (start is None or start[: len(until)] > until):
                continue
            out[slot] = True
        return out

    def _match(self, a: dict[str, Any], k: str, chosen: set[str]) -> Any:
        codes = [self.codes[k][v] for v in chosen if v in self.codes[k]]
        out = np.zeros(len(self.slots), dtype=np.bool_)
        if codes:
            out[a[f"s:{k}"][np.isin(a[f"c:{k}"], codes)]] = True
        return out

    def _count(self, a: dict[str, Any], k: str, mask: Any) -> list[tuple[str, int]]:
        counts = np.bincount(a[f"c:{k}"][mask[a[f"s:{k}"]]], minlength=len(self.names[k]))
        nz = np.flatnonzero(counts)
        if len(nz) > FACET_LIMIT:  # only the values that can be in the top FACET_LIMIT are sorted by name
            floor = np.partition(counts[nz], -FACET_LIMIT)[-FACET_LIMIT]
            nz = nz[counts[nz] >= floor]
        names = self.names[k]
        top = sorted(((names[c], int(counts[c])) for c in nz), key=lambda kv: (-kv[1], kv[0]))
        return top[:FACET_LIMIT]

    def run(self, q: Query) -> tuple[Any, dict[str, list[tuple[str, int]]]]:
        """The slots matching `q` in the view's order, and per facet its value counts (as query.run)."""
        with self.lock:
            a = self.arrays()
            base = a["alive"] if q.background else a["alive"] & ~a["bg"]
            if q.since or q.until:
                base = base & self._dates(q.since, q.until)
            match = {k: self._match(a, k, sel) for k, sel in q.selected.items()}
            hits = base.copy()
            for m in match.values():
                hits &= m
            facets = {}
            for k in FACETS:
                if k in q.selected:
                    mask = base.copy()
                    for j, m in match.items():
                        if j != k:
                            mask &= m
                    facets[k] = self._count(a, k, mask)
                else:
                    facets[k] = self._count(a, k, hits)
            order = a["order"]
            return order[hits[order]], facets

    def events(self, slots: Any) -> list[dict[str, Any]]:
        return [self.slots[s] for s in slots.tolist()]

    def progress(self) -> dict[str, int]:
        """Live (not background) events and how many of them are reviewed."""
        with self.lock:
            a = self.arrays()
            live = a["alive"] & ~a["bg"]
            done = self._match(a, "review", {"reviewed"}) & live
            return {"reviewed": int(done.sum()), "events": int(live.sum())}

    def map_json(self, slots: Any, limit: int) -> str:
        """The map data of these slots (the first `limit` placed ones), as JSON text from per-event parts."""
        with self.lock:
            located = self.arrays()["located"]
            placed = slots[located[slots]]
            parts = []
            for s in placed[:limit].tolist():
                got = self.feature[s]
                if got is None:
                    got = self.feature[s] = json.dumps(map_feature(self.slots[s]), ensure_ascii=False, default=str)
                parts.append(got)
        return f'{{"count": {len(placed)}, "shown": {len(parts)}, "features": [{", ".join(parts)}]}}'
