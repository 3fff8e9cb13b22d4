"""Each claimant's track record over the ledger: what it claimed, who relays it, and how its figures sit
against what the other independent sources said of the same losses.

Sources are the ones reconciliation counts (`reconcile._source_keys`: the claimant's id, the outlet for its
own voice, the police of one event as one). For each ledger event, outcome and victim group where the claimant
gave a best figure and at least one other source did too, its figure is compared with the others' reconciled
best (the lower median of their per-source bests, as `reconcile_group` computes it):
- `median_ratio`: the median of its best / the others' best (comparisons where the others' best is 0 are
  counted in higher/lower/equal but give no ratio);
- `higher`, `lower`, `equal`: the share of comparisons where its best is above, below or equal to theirs.
A party to the fighting gets the same split for its figures on its enemy's losses and on its own
(`reconcile.party_claim`).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from warwire.ledger.assemble import reports_of
from warwire.ledger.reconcile import Report, _median_low, _per_source, _source_keys, party_claim


@dataclass
class _Record:
    identity: dict[str, Any]
    figures: int = 0
    events: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    via: set[str] = field(default_factory=set)
    compared: list[tuple[int, int]] = field(default_factory=list)
    by_party: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    party_figures: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    rows: list[dict[str, Any]] = field(default_factory=list)


def _identity(key: str, r: Report) -> dict[str, Any]:
    k = r.claimant or {}
    if k.get("id") == key:
        return {"id": key, "name": k.get("name") or key, "kind": k.get("kind"), "side": k.get("side")}
    if r.claimant is None and r.claimed_by is None:  # the outlet in its own voice
        return {"id": key, "name": r.outlet or key, "kind": "media", "side": None}
    return {"id": key, "name": r.claimed_by or key, "kind": k.get("kind"), "side": k.get("side")}


def _stats(pairs: list[tuple[int, int]]) -> dict[str, Any]:
    ratios = [own / ref for own, ref in pairs if ref]
    n = len(pairs)

    def share(test) -> float | None:  # noqa: ANN001 - a comparison of (own, ref)
        return round(sum(1 for own, ref in pairs if test(own, ref)) / n, 3) if n else None

    return {
        "compared": n,
        "median_ratio": round(statistics.median(ratios), 3) if ratios else None,
        "higher": share(lambda own, ref: own > ref),
        "lower": share(lambda own, ref: own < ref),
        "equal": share(lambda own, ref: own == ref),
    }


def _compare(records: dict[str, _Record], reports: list[Report], keys: list[str]) -> None:
    """Per outcome and group of one event: each source's best against the other sources' reconciled best."""
    groups: dict[tuple[str, str], list[tuple[Report, str]]] = defaultdict(list)
    for r, key in zip(reports, keys, strict=True):
        groups[(r.outcome, r.group)].append((r, key))
    for items in groups.values():
        per = _per_source([r for r, _ in items], [k for _, k in items])
        about = {k: party_claim(r) for r, k in items}
        for key, (_, best, _) in per.items():
            if best is None:
                continue
            others = _median_low([b for k, (_, b, _) in per.items() if k != key and b is not None])
            if others is None:
                continue
            records[key].compared.append((best, others))
            party = about.get(key)
            if party:
                records[key].by_party[party].append((best, others))


def track_records(grouped: dict[str, list[dict[str, Any]]]) -> dict[str, _Record]:
    """Every source's record over the ledger events in `grouped` (member rows as `Ledger._members` reads)."""
    records: dict[str, _Record] = {}
    for event_id, members in grouped.items():
        rows = [(m, c) for m in members for c in m["claims"]]
        reports = reports_of(members)
        keys = _source_keys(reports)
        for (m, c), r, key in zip(rows, reports, keys, strict=True):
            rec = records.setdefault(key, _Record(_identity(key, r)))
            rec.figures += 1
            rec.events.add(event_id)
            if m.get("outlet"):
                rec.outlets.add(m["outlet"])
            if (c.get("claimant") or {}).get("via"):
                rec.via.add(c["claimant"]["via"])
            about = party_claim(r)
            if about:
                rec.party_figures[about] += 1
            rec.rows.append({"event": event_id, "doc": m["doc"], "outlet": m.get("outlet"), **_figure(c)})
        _compare(records, reports, keys)
    return records


def _figure(c: dict[str, Any]) -> dict[str, Any]:
    k = c.get("claimant") or {}
    return {
        **{f: c.get(f) for f in ("outcome", "group", "value", "qualifier", "vague", "low", "best", "high",
                                 "claimed_by")},
        "as_written": k.get("as_written"),
        "via": k.get("via"),
        "sentence": c.get("quote"),
    }


def summary(rec: _Record) -> dict[str, Any]:
    party = None
    if rec.party_figures:
        party = {about: {"figures": rec.party_figures.get(about, 0), **_stats(rec.by_party.get(about, []))}
                 for about in ("enemy", "own")}
    return {
        **rec.identity,
        "figures": rec.figures,
        "events": sorted(rec.events),
        "outlets": sorted(rec.outlets),
        "via": sorted(rec.via),
        **_stats(rec.compared),
        "party": party,
    }


def claimant_summaries(grouped: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """One summary per source, most figures first."""
    out = [summary(rec) for rec in track_records(grouped).values()]
    return sorted(out, key=lambda s: (-s["figures"], s["id"]))


def claimant_detail(grouped: dict[str, list[dict[str, Any]]], claimant_id: str) -> dict[str, Any]:
    """One source's summary and each of its figures with its sentence; KeyError when it has none."""
    rec = track_records(grouped)[claimant_id]
    return {**summary(rec), "claims": rec.rows}
