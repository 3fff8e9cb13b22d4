"""The ledger's blocking (`ledger._block_filter` / `_story_filter`) evaluated in memory, for SQLite.

Every linked doc_event is held as a small row (blocking columns, publication date, ledger event), indexed by
country and (year, month) and, for the story rule, by publication date; the same predicates as the SQL give
the same candidate ledger events without a join over the whole ledger per document.
Kept in step with the database by reading the links added since the last read (`links.id > last`) at the
start of each document's transaction: on SQLite one writer at a time assigns ids and commits, so ids grow in
commit order and nothing is missed (PostgreSQL keeps the SQL query: its sequences commit out of order).
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from warwire.ledger.features import Mention
from warwire.ledger.link import LONG_DAYS, _neighbour_months
from warwire.ledger.schema import doc_events, documents, links


@dataclass(frozen=True, slots=True)
class Row:
    link_id: int
    cluster: str
    doc_event_id: int
    admin1: str | None
    lat: float | None
    lon: float | None


class BlockIndex:
    def __init__(self) -> None:
        self.last = 0
        self.by_country: dict[Any, dict[tuple[Any, Any], list[Row]]] = defaultdict(lambda: defaultdict(list))
        self.published: list[tuple[str, int, str]] = []  # (published, link id, cluster) of primary events
        self.members: dict[str, list[tuple[int, int]]] = defaultdict(list)  # cluster -> (link id, doc_event)

    def sync(self, conn: Connection) -> None:
        q = (
            select(links.c.id, links.c.ledger_event_id, links.c.doc_event_id, doc_events.c.country,
                   doc_events.c.admin1, doc_events.c.year, doc_events.c.month, doc_events.c.lat,
                   doc_events.c.lon, doc_events.c.is_primary, documents.c.published)
            .join(doc_events, links.c.doc_event_id == doc_events.c.id)
            .join(documents, doc_events.c.document_id == documents.c.id)
            .where(links.c.id > self.last)
            .order_by(links.c.id)
        )  # fmt: skip
        for lid, cid, de, country, admin1, year, month, lat, lon, primary, published in conn.execute(q):
            self.by_country[country][(year, month)].append(Row(lid, cid, de, admin1, lat, lon))
            if primary and published is not None:
                bisect.insort(self.published, (published, lid, cid))
            self.members[cid].append((lid, de))
            self.last = lid

    def clusters(self, mentions: list[Mention]) -> list[str]:
        """Ledger events with a member in any mention's blocks, by their first link (as the SQL orders)."""
        found: set[str] = set()
        for m in mentions:
            found |= self._fields_block(m)
            found |= self._story_block(m)
        return sorted(found, key=lambda c: self.members[c][0][0])

    def _fields_block(self, m: Mention) -> set[str]:
        loc = m.location or {}
        country = loc.get("country")
        countries = [country, None] if country else list(self.by_country)
        ok_row = _admin1_test(loc)
        found: set[str] = set()
        for c in countries:
            buckets = self.by_country.get(c)
            if not buckets:
                continue
            for key in _month_keys(m, buckets):
                for row in buckets.get(key, ()):
                    if ok_row(row):
                        found.add(row.cluster)
        return found

    def _story_block(self, m: Mention) -> set[str]:
        if not (m.primary and m.terms and m.published is not None):
            return set()
        lo, hi = (date.fromordinal(m.published + d).isoformat() for d in (-LONG_DAYS, LONG_DAYS))
        i = bisect.bisect_left(self.published, (lo,))
        out: set[str] = set()
        while i < len(self.published) and self.published[i][0] <= hi:
            out.add(self.published[i][2])
            i += 1
        return out


def _month_keys(m: Mention, buckets: dict[tuple[Any, Any], list[Row]]) -> list[tuple[Any, Any]]:
    """The (year, month) keys the SQL date condition accepts, among the keys present."""
    if m.start and m.start.year is not None:
        wanted = set(_neighbour_months(m.start.year, m.start.month))
        return [k for k in buckets if k[0] is None or k in wanted or (m.start.month is None and k[0] == m.start.year)]
    if m.start and m.start.month:
        return [k for k in buckets if k[1] == m.start.month or k[1] is None]
    return list(buckets)


def _admin1_test(loc: dict[str, Any]) -> Any:
    """The SQL admin1 condition (`ledger._admin1_or_near`) as a row predicate."""
    admin1 = loc.get("admin1")
    if not admin1:
        return lambda row: True
    box = None
    if loc.get("lat") is not None and loc.get("lon") is not None:
        dlat = 0.25
        dlon = min(dlat / max(math.cos(math.radians(loc["lat"])), 0.05), 180.0)
        box = (loc["lat"] - dlat, loc["lat"] + dlat, loc["lon"] - dlon, loc["lon"] + dlon)

    def ok(row: Row) -> bool:
        if row.admin1 is None or row.admin1 == admin1:
            return True
        return bool(box and row.lat is not None and row.lon is not None
                    and box[0] <= row.lat <= box[1] and box[2] <= row.lon <= box[3])  # fmt: skip

    return ok
