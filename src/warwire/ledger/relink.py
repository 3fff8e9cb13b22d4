"""Canonical order: the ledger's partition is that of one run over its documents sorted by `doc_key`.

Linking is incremental and greedy (link.py), so its clusters depend on the order documents come in. The
order that counts is fixed instead: by `link_day` (the publication date; without one, the earliest date of
the document's news events; without either, last), then document id. `replay` links documents in that
order, each against the clusters of the documents before it, with the idf over those documents (the
background counts plus the documents before it), as one run over the sorted documents would.
`link_documents` (link.py) is `replay` over all documents; the ledger replays, at the end of each ingest
run, every document from the first one not yet in canonical order onwards (`Ledger.relink`): the clusters
of the documents before that point are those of the canonical run already, so the result is the canonical
run's whatever order or split the documents came in, and with however many processes.
The clusters of earlier documents a replayed document may join come in through `seeds` (the ledger's
blocking, restricted to documents before the replayed ones).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from warwire.ledger.blocks import BlockIndex
from warwire.ledger.features import Mention, TermStats, _safe_date
from warwire.ledger.link import Match, assign_and_bridge
from warwire.model import PartialDate

DocKey = tuple[int, int, str]  # (0 dated / 1 undated, day ordinal, document id)


def link_day(published: PartialDate | None, starts: Iterable[PartialDate | None]) -> int | None:
    """The day a document stands at in canonical order: its full publication date, else the earliest start
    of its news events that has a year (missing month or day: the first), else None (last)."""
    if published is not None and published.year and published.month and published.day:
        return _safe_date(published.year, published.month, published.day).toordinal()
    days = [_safe_date(s.year, s.month or 1, s.day or 1).toordinal() for s in starts if s is not None and s.year]
    return min(days) if days else None


def stored_link_day(published: str | None, starts: Iterable[dict[str, Any] | None]) -> int | None:
    """`link_day` of a stored document: published as 'YYYY-MM-DD' (or partial), event starts as dicts."""
    full = None
    if published and len(published) == 10:
        try:
            full = date.fromisoformat(published)
        except ValueError:
            full = None
    pub = PartialDate(full.year, full.month, full.day) if full else None
    return link_day(pub, (PartialDate.from_dict(s) for s in starts if s))


def doc_key(day: int | None, doc: str) -> DocKey:
    return (0, day, doc) if day is not None else (1, 0, doc)


Seeds = Callable[[list[Mention]], dict[Any, list[Mention]]]


class Clusters:
    """The replay's clusters (numbered by creation) over the ledger's exact blocking (blocks.BlockIndex):
    `link.MemoryIndex`'s blocks by country and month, and by publication week over LONG_DAYS, gave a
    document of a 6,000-document run three times the comparisons."""

    def __init__(self) -> None:
        self.clusters: list[list[Mention]] = []
        self._blocks = BlockIndex()
        self._rows = 0

    def find(self, cluster: int) -> int:
        return int(self._blocks.find(str(cluster)))  # (the index names clusters by string)

    def add(self, m: Mention, cluster: int | None) -> int:
        if cluster is None:
            self.clusters.append([])
            cluster = len(self.clusters) - 1
        cluster = self.find(cluster)
        self.clusters[cluster].append(m)
        self._rows += 1
        self._blocks.add((self._rows, str(cluster), m))
        return cluster

    def merge(self, keep: int, gone: int) -> None:
        self.clusters[keep] += self.clusters[gone]
        self.clusters[gone] = []
        self._blocks.merge(str(keep), str(gone), self._rows)

    def candidates(self, m: Mention) -> list[int]:
        return [int(c) for c in self._blocks.clusters([m])]


@dataclass
class Replay:
    """The clusters of a replay. `index.clusters[i]` (empty when merged into another); `seed_of`: cluster
    index -> the earlier cluster it started as (seeds only); `match`: id(mention) -> the match it joined
    its cluster by (none for a cluster's first mention); `merges`: (cluster merged away, cluster kept, the
    mention that matched both, its match with the one merged away), as cluster indexes."""

    index: Clusters = field(default_factory=Clusters)
    seed_of: dict[int, Any] = field(default_factory=dict)
    match: dict[int, Match] = field(default_factory=dict)
    merges: list[tuple[int, int, Mention, Match]] = field(default_factory=list)

    def clusters(self) -> list[list[Mention]]:
        return [c for c in self.index.clusters if c]


def replay(docs: Sequence[list[Mention]], stats: TermStats, seeds: Seeds | None = None) -> Replay:
    """Link each document's mentions (`doc_mentions` order), in the order given (canonical: by `doc_key`),
    against the clusters so far and the earlier clusters `seeds` returns for them. `stats` holds the
    documents before the first one given; each document's terms are added to it before it is linked."""
    out = Replay()
    index, seeded = out.index, {}
    for mentions in docs:
        if mentions and mentions[0].terms:
            stats.add(mentions[0].terms)
        for cid, members in (seeds(mentions) if seeds else {}).items():
            if cid not in seeded and members:
                idx = index.add(members[0], None)
                for m in members[1:]:
                    index.add(m, idx)
                seeded[cid] = idx
                out.seed_of[idx] = cid
        found = sorted({c for m in mentions for c in index.candidates(m)})
        cands = {c: index.clusters[c] for c in found}
        assigned, bridges = assign_and_bridge(mentions, cands, stats)
        for keep, merged, i in bridges:
            for gone, got in merged:
                index.merge(keep, gone)
                out.merges.append((gone, keep, mentions[i], got))
        joined = {i: (c, got) for i, c, got in assigned}
        for i, m in enumerate(mentions):
            if i in joined:
                c, got = joined[i]
                index.add(m, c)
                out.match[id(m)] = got
            else:
                index.add(m, None)
    return out
