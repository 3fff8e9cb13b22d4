"""Queries over the reviewed events: facets, filters, and the plain scan that serve/facet_index.py speeds up
(kept as the reference the index is tested against)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from warwire.ledger.reconcile import party_side

# facet name -> label shown; values of each event are computed once per view (`facet_values`)
FACETS = {
    "country": "country",
    "admin1": "admin1",
    "type": "type",
    "claimant": "claimant",
    "claimant_kind": "claimant kind",
    "outlet": "outlet",
    "review": "review state",
    "disagree": "sources disagree",
    "party_claim": "party claim",
}
PER_PAGE = 50
FACET_LIMIT = 15


def claimant_kind(name: str) -> str:
    """For a claim without a claimant entity (ledgers stored before migration 0003): 'state' or 'armed' for a
    belligerent, else 'other'."""
    return party_side(name) or "other"


def facet_values(ev: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    got = ev.get("_facets")
    if got is None:
        loc = ev.get("location") or {}
        flags = ev.get("flags") or []
        entities = ev.get("claimant_entities") or []
        claimants = tuple(dict.fromkeys(name for _, name, _ in entities)) or tuple(ev.get("claimants") or ())
        kinds = tuple(sorted({kind for _, _, kind in entities})) or tuple(sorted({claimant_kind(c) for c in claimants}))
        got = {
            "country": (loc.get("country") or "",),
            "admin1": (loc.get("admin1") or "",),
            "type": (ev.get("type") or "",),
            "claimant": claimants,
            "claimant_kind": kinds,
            "outlet": tuple(ev.get("sources") or ()),
            "review": (ev.get("review_state") or "unreviewed",),
            "disagree": ("yes" if any(f.startswith("disagreement:") for f in flags) else "no",),
            "party_claim": ("yes" if any(f.startswith("party_claim:") for f in flags) else "no",),
        }
        ev["_facets"] = got
    return got


@dataclass
class Query:
    selected: dict[str, set[str]] = field(default_factory=dict)
    since: str | None = None
    until: str | None = None
    page: int = 1
    per_page: int = PER_PAGE
    background: bool = False

    @classmethod
    def from_params(cls, params: Mapping[str, Any], multi: Mapping[str, list[str]]) -> Query:
        selected = {k: {v for v in multi.get(k, []) if v is not None} for k in FACETS if multi.get(k)}
        try:
            page = max(1, int(params.get("page") or 1))
            per_page = min(500, max(1, int(params.get("per_page") or PER_PAGE)))
        except ValueError:
            page, per_page = 1, PER_PAGE
        return cls(selected, params.get("since") or None, params.get("until") or None, page, per_page,
                   params.get("background") == "1")  # fmt: skip

    def params(self) -> list[tuple[str, str]]:
        out = [(k, v) for k, vs in sorted(self.selected.items()) for v in sorted(vs)]
        out += [(k, v) for k, v in (("since", self.since), ("until", self.until)) if v]
        return out + ([("background", "1")] if self.background else [])


def _date_ok(ev: dict[str, Any], since: str | None, until: str | None) -> bool:
    start = ev["date"].get("start")
    end = ev["date"].get("end") or start
    if since and (end is None or end < since[: len(end)]):
        return False
    return not (until and (start is None or start[: len(until)] > until))


def _matches(vals: dict[str, tuple[str, ...]], selected: dict[str, set[str]], skip: str | None = None) -> bool:
    return all(k == skip or not sel.isdisjoint(vals[k]) for k, sel in selected.items())


def _count(rows: list[dict[str, tuple[str, ...]]], facet: str) -> list[tuple[str, int]]:
    c = Counter(chain.from_iterable(vals[facet] for vals in rows))  # one pass in C per facet
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_LIMIT]


def run(events: list[dict[str, Any]], q: Query) -> tuple[list[dict[str, Any]], dict[str, list[tuple[str, int]]]]:
    """The events matching `q` (in the view's order) and, per facet, value counts over them; a facet's
    own selection is left out of its counts, so its other values stay visible (Datasette's habit)."""
    base = [(e, facet_values(e)) for e in events
            if (q.background or not e["background"]) and (not (q.since or q.until) or _date_ok(e, q.since, q.until))]
    hits = [(e, vals) for e, vals in base if _matches(vals, q.selected)] if q.selected else base
    found, matched = [e for e, _ in hits], [vals for _, vals in hits]
    facets = {}
    for k in FACETS:
        if k in q.selected:
            facets[k] = _count([vals for _, vals in base if _matches(vals, q.selected, skip=k)], k)
        else:
            facets[k] = _count(matched, k)
    return found, facets


def public(ev: dict[str, Any]) -> dict[str, Any]:
    """An event dict without the view's private keys (for JSON)."""
    return {k: v for k, v in ev.items() if not k.startswith("_")}
