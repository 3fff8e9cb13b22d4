"""Cross-report linking: which event mentions of different documents tell the same event.

A mention joins an existing cluster (ledger event) when it is compatible with every member (no feature
vetoes, see features.py), never shares a document with one, and its best member score is >= THRESHOLD;
it joins the best-scoring cluster, else starts a new one. Incremental: a new document is compared only
with the clusters in its blocks (country x month, see `MemoryIndex`), nothing is recomputed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from warwire.ledger.features import (
    Mention,
    actor_feature,
    date_feature,
    figure_feature,
    place_feature,
    type_feature,
)
from warwire.model import Document, Event

WEIGHTS = {"date": 0.3, "place": 0.3, "type": 0.15, "actors": 0.1, "figures": 0.15}
FEATURES = {
    "date": date_feature,
    "place": place_feature,
    "type": type_feature,
    "actors": actor_feature,
    "figures": figure_feature,
}
THRESHOLD = 0.5


@dataclass
class Match:
    score: float
    features: dict[str, dict[str, Any]] = field(default_factory=dict)
    with_key: tuple[str, int] | None = None


def compare(a: Mention, b: Mention) -> Match | None:
    """Weighted feature score of two mentions, or None when a feature vetoes."""
    total, feats = 0.0, {}
    for name, fn in FEATURES.items():
        ok, score, detail = fn(a, b)
        if not ok:
            return None
        total += WEIGHTS[name] * score
        feats[name] = {"score": round(score, 3), "detail": detail}
    return Match(round(total, 4), feats, b.key)


def match_cluster(m: Mention, members: Sequence[Mention]) -> Match | None:
    """Best match of `m` against a cluster: compatible with all members, scored by the closest one."""
    best: Match | None = None
    for other in members:
        if other.source == m.source:
            return None
        got = compare(m, other)
        if got is None:
            return None
        if best is None or got.score > best.score:
            best = got
    return best


def _killed(ev: Event, outcome: str = "killed") -> int | None:
    """The event's figure for an outcome: per victim group the largest best, summed over groups."""
    per_group: dict[str, int] = {}
    for c in ev.casualties:
        if c.outcome == outcome and c.best is not None:
            per_group[c.group] = max(per_group.get(c.group, 0), c.best)
    return sum(per_group.values()) if per_group else None


def mention_from_event(doc: Document, index: int, ev: Event, source: Any = None) -> Mention:
    loc = ev.location.to_dict() if ev.location else {}
    return Mention(
        key=(doc.doc, index),
        source=source if source is not None else doc.doc,
        type=ev.type,
        start=ev.date.start,
        end=ev.date.end,
        precision=ev.date.precision,
        location=loc,
        actors=[a.to_dict() for a in ev.actors],
        killed=_killed(ev),
        wounded=_killed(ev, "wounded"),
        primary=ev.primary,
    )


def block_keys(m: Mention) -> list[tuple[str, Any, Any]]:
    """Blocks a mention is filed under: (country, year, month); unknowns get their own keys."""
    country = ((m.location or {}).get("country") or "?").upper()
    if m.start and m.start.year is not None:
        return [(country, m.start.year, m.start.month)]
    return [(country, None, m.start.month if m.start else None)]


def _neighbour_months(year: int, month: int | None) -> list[tuple[int, int | None]]:
    if month is None:
        return [(year, mo) for mo in range(1, 13)] + [(year, None), (year - 1, 12), (year + 1, 1)]
    out = [(year, month), (year, None)]
    out.append((year, month - 1) if month > 1 else (year - 1, 12))
    out.append((year, month + 1) if month < 12 else (year + 1, 1))
    return out


class MemoryIndex:
    """Clusters held in memory with their blocks: the DB-free twin of the ledger's SQL blocking."""

    def __init__(self) -> None:
        self.clusters: list[list[Mention]] = []
        self.blocks: dict[tuple[str, Any, Any], set[int]] = defaultdict(set)
        self.countries: set[str] = set()

    def candidates(self, m: Mention) -> set[int]:
        country = ((m.location or {}).get("country") or "?").upper()
        countries = {country, "?"} if country != "?" else self.countries | {"?"}
        found: set[int] = set()
        for c in countries:
            found |= self._in_country(c, m)
        return found

    def _in_country(self, c: str, m: Mention) -> set[int]:
        found: set[int] = set()
        if m.start and m.start.year is not None:
            for y, mo in _neighbour_months(m.start.year, m.start.month):
                found |= self.blocks.get((c, y, mo), set())
            month_keys = [(c, None, m.start.month), (c, None, None)] if m.start.month else []
            for k in month_keys or [k for k in self.blocks if k[0] == c and k[1] is None]:
                found |= self.blocks.get(k, set())
            return found
        return {i for k, ids in self.blocks.items() if k[0] == c for i in ids}

    def add(self, m: Mention, cluster: int | None) -> int:
        if cluster is None:
            self.clusters.append([])
            cluster = len(self.clusters) - 1
        self.clusters[cluster].append(m)
        country = ((m.location or {}).get("country") or "?").upper()
        self.countries.add(country)
        for k in block_keys(m):
            self.blocks[k].add(cluster)
        return cluster


def assign(
    mentions: Sequence[Mention], candidates: dict[int, Sequence[Mention]]
) -> list[tuple[int, Any, Match]]:
    """Greedy best-first assignment of one document's mentions to candidate clusters (one each)."""
    scored = []
    for i, m in enumerate(mentions):
        for cid, members in candidates.items():
            got = match_cluster(m, members)
            if got is not None and got.score >= THRESHOLD:
                scored.append((got.score, i, cid, got))
    scored.sort(key=lambda t: (-t[0], t[1], str(t[2])))
    used_m, used_c, out = set(), set(), []
    for _, i, cid, got in scored:
        if i not in used_m and cid not in used_c:
            used_m.add(i)
            used_c.add(cid)
            out.append((i, cid, got))
    return out


def doc_mentions(doc: Document) -> list[Mention]:
    """The document's news (non-background) events as mentions, the primary one first."""
    ms = [mention_from_event(doc, i, ev) for i, ev in enumerate(doc.events) if not ev.background]
    return sorted(ms, key=lambda m: not m.primary)


def link_documents(docs: Iterable[Document]) -> list[list[tuple[str, int]]]:
    """Cluster the news events of `docs` without a database: lists of (doc id, event index)."""
    index = MemoryIndex()
    for doc in docs:
        mentions = doc_mentions(doc)
        cands = {cid: index.clusters[cid] for m in mentions for cid in index.candidates(m)}
        joined = {i: cid for i, cid, _ in assign(mentions, cands)}
        for i, m in enumerate(mentions):
            index.add(m, joined.get(i))
    return [[m.key for m in c] for c in index.clusters]
