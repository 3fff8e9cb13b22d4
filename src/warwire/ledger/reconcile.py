"""Casualty reconciliation across the reports of one ledger event (UCDP-style low/best/high).

Rule, per outcome and victim group:
1. Reports are grouped by *source*: the claimant's id (a claim without a claimant object: its normalised
   `claimed_by`, `claimant_key`), or the outlet when the outlet states the figure in its own voice. Two
   outlets relaying one claimant (Sputnik and TASS both quoting the Russian Reconciliation Centre) are one
   source, counted once.
2. Within a source, later or repeated figures are merged: low = min, high = max, best = max of its bests
   (a source's updated toll usually supersedes, and rises).
3. Across independent sources: low = the lowest credible figure (min of the sources' lows), high = the
   highest (max of their highs), best = the median of the sources' bests (the lower middle value when even,
   UCDP's conservative habit); with one source its best.
Flags: `disagreement:<outcome>/<group>` when two sources' [low, high] ranges do not overlap;
`party_claim:<claimant>` when the claimant is a belligerent reporting its enemy's losses (a state body such
as a ministry of defence claiming armed_groups killed, or an armed group claiming state_forces killed), and
`party_own_claim:<claimant>` when it reports its own side's losses. A claimant object's `side` (an actor of
data/actors.json) says which side it is on; without one, words of the name do (`party_side`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from warwire.extraction.claimants import claimant_table
from warwire.ledger.features import tables


@dataclass
class Report:
    """One casualty claim of one report (what reconciliation needs)."""

    outcome: str
    group: str
    low: int | None
    best: int | None
    high: int | None
    claimed_by: str | None
    outlet: str | None
    doc: str
    claimant: dict[str, Any] | None = None  # model.Claimant as a dict


def claimant_key(name: str | None) -> str:
    """Normalised claimant: lowercase, no punctuation or filler words, one spelling, known aliases."""
    t = tables()
    words = re.sub(r"[^a-z0-9 ]+", " ", (name or "").lower().replace("'s", "")).split()
    words = " ".join(t["claimant_spelling"].get(w, w) for w in words).split()
    kept = [w for w in words if w not in t["claimant_drop_words"]]
    for needed, alias in t["claimant_aliases"]:
        if all(w in kept for w in needed):
            return alias
    return " ".join(kept)


def source_key(r: Report) -> str:
    """The claimant's id; for the outlet's own voice the outlet (its claimant-table id when it is a known
    agency, so "according to TASS" elsewhere is the same source)."""
    if r.claimant and r.claimant.get("id"):
        return r.claimant["id"]
    if r.claimed_by:
        return claimant_key(r.claimed_by)
    entry = claimant_table().lookup(r.outlet) if r.outlet else None
    if entry is not None and entry.kind == "media":
        return entry.id
    return "outlet:" + claimant_key(r.outlet or r.doc)


def _source_keys(reports: list[Report]) -> list[str]:
    """Per report its source; the police of one event are one source however each report names them
    ("Oakland police", "police", "the Oakland Police Department")."""
    keys = [source_key(r) for r in reports]
    police = next((k for k, r in zip(keys, reports, strict=True) if (r.claimant or {}).get("kind") == "police"), None)
    return [police if police and (r.claimant or {}).get("kind") == "police" else k
            for k, r in zip(keys, reports, strict=True)]


def party_side(claimant: str | None) -> str | None:
    """'state' or 'armed' when the claimant is a belligerent, else None."""
    key = " " + claimant_key(claimant) + " "
    raw = " " + re.sub(r"[^a-z0-9 ]+", " ", (claimant or "").lower()) + " "
    for side, words in tables()["party_claimants"].items():
        if any(f" {w} " in key or f" {w} " in raw for w in words):
            return side
    return None


@cache
def _actor_categories() -> dict[str, str]:
    text = resources.files("warwire.data").joinpath("actors.json").read_text(encoding="utf-8")
    return {a["name"]: a["category"] for a in json.loads(text)["actors"]}


STATE_CATEGORIES = frozenset({"state_forces", "external_forces"})


def report_side(r: Report) -> str | None:
    """'state' or 'armed' when the report's claimant is a party to the fighting, else None."""
    if r.claimant and r.claimant.get("id"):
        actor = r.claimant.get("side")
        if not actor:
            return None
        return "state" if _actor_categories().get(actor, "state_forces") in STATE_CATEGORIES else "armed"
    return party_side(r.claimed_by) if r.claimed_by else None


def party_claim(r: Report) -> str | None:
    """'enemy' when a party's claim is about its enemy's losses, 'own' when about its own side's, else None."""
    side = report_side(r)
    if side is None or r.group not in ("state_forces", "armed_groups"):
        return None
    own = "state_forces" if side == "state" else "armed_groups"
    return "own" if r.group == own else "enemy"


def claimant_label(r: Report) -> str:
    return (r.claimant or {}).get("id") or r.claimed_by or ""


def _range(r: Report) -> tuple[int | None, int | None, int | None]:
    best = r.best
    low = r.low if r.low is not None else best
    high = r.high if r.high is not None else best
    return low, best, high


def _pick(fn, *values: int | None) -> int | None:  # noqa: ANN001 - min or max
    known = [v for v in values if v is not None]
    return fn(known) if known else None


def _per_source(reports: list[Report], keys: list[str] | None = None
                ) -> dict[str, tuple[int | None, int | None, int | None]]:
    """(low, best, high) per source: low = min, high = max, best = max (a source's updated toll)."""
    out: dict[str, tuple[int | None, int | None, int | None]] = {}
    for r, k in zip(reports, keys or _source_keys(reports), strict=True):
        low, best, high = _range(r)
        if k in out:
            ol, ob, oh = out[k]
            low, best, high = _pick(min, low, ol), _pick(max, best, ob), _pick(max, high, oh)
        out[k] = (low, best, high)
    return out


def _median_low(values: list[int]) -> int | None:
    if not values:
        return None
    v = sorted(values)
    return v[(len(v) - 1) // 2]


def reconcile_group(reports: list[Report]) -> dict[str, Any]:
    """low/best/high of one outcome and group, with sources and disagreement."""
    per = _per_source(reports)
    lows = [x[0] for x in per.values() if x[0] is not None]
    highs = [x[2] for x in per.values() if x[2] is not None]
    bests = [x[1] for x in per.values() if x[1] is not None]
    ranges = [(lo, hi) for lo, _, hi in per.values() if lo is not None and hi is not None]
    disagree = any(a[1] < b[0] or b[1] < a[0] for i, a in enumerate(ranges) for b in ranges[i + 1 :])
    return {
        "low": min(lows) if lows else None,
        "best": _median_low(bests),
        "high": max(highs) if highs else None,
        "sources": len(per),
        "reports": len(reports),
        "by_source": {k: list(v) for k, v in per.items()},
        "claimants": sorted({r.claimed_by for r in reports if r.claimed_by}),
        "outlets": sorted({r.outlet for r in reports if r.outlet}),
        "disagreement": disagree,
    }


def reconcile(reports: Iterable[Report]) -> tuple[list[dict[str, Any]], list[str]]:
    """All outcome/group figures of one ledger event, and its flags."""
    groups: dict[tuple[str, str], list[Report]] = defaultdict(list)
    flags: set[str] = set()
    for r in reports:
        groups[(r.outcome, r.group)].append(r)
        about = party_claim(r)
        if about:
            flags.add(f"{'party_claim' if about == 'enemy' else 'party_own_claim'}:{claimant_label(r)}")
    figures = []
    for (outcome, group), rs in sorted(groups.items()):
        fig = {"outcome": outcome, "group": group, **reconcile_group(rs)}
        if fig["disagreement"]:
            flags.add(f"disagreement:{outcome}/{group}")
        figures.append(fig)
    return figures, sorted(flags)
