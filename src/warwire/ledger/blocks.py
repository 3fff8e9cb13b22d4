"""The ledger's blocking on SQLite, in memory: which ledger events a new mention is compared with.

A cluster is a candidate when one of its members can still match the mention:
- fields rule: the pair's date and place features do not veto and their scores plus the largest possible
  type, actor and figure scores reach THRESHOLD (`link.fields_reachable`). So an event without a date (or
  with only a year-less month) is compared only with events of the same place (same admin1 or place name,
  or fine coordinates within MAX_KM); one with neither date nor place with nothing.
- story rule: primary events of documents published within LONG_DAYS (as the SQL `_story_filter`) that
  share a salient term with the mention: the story rule without a shared term (cosine 0) needs every bonus
  feature at its full score, and such a pair is reachable by the fields rule (found by the fields blocks).
- Arabic rule: Arabic primary events sharing a word with an Arabic primary mention (`_arabic_block`; words
  held by more than AR_TERM_ROWS rows are not looked up, so here alone a cluster left out may match).
Rows are found through indexes that cover every reachable pair, then tested with the features themselves:
dated rows by (country, year, month) (neighbouring months, as `ledger._block_filter`), any row by place
(admin1, place name, 0.25-degree grid cell of fine coordinates) and year, primary rows by salient term and
publication period. Place and term rows are filed by time too, so a lookup reads only rows whose dates can
match: without that, every place and common term gathered rows of every period, and the cost of a document
grew with the ledger (ingest of a copy of the dev sets took 32 s into a new ledger and 316 s into one of
11k events).
The SQL blocking kept for PostgreSQL (`ledger._candidates`) returns a superset of clusters; both give the
same links because a cluster left out here cannot match.
Kept in step with the database by reading the links added since the last read (`links.id > last`) at the
start of each write transaction: on SQLite one writer at a time assigns ids and commits, so ids grow in
commit order and nothing is missed (PostgreSQL keeps the SQL query). Links are never updated: a merge
(a bridging report) or a re-link deletes links and inserts them again under their new event, and a
replaced document's links are deleted. This process applies its own changes in memory (`merge`, `move`);
another process's shows as a new `changes` count in `ledger_state` (the ledger then builds a new index).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, select

from warwire.ledger.features import MAX_KM, Mention, _fine, _place_name, day_range, norm
from warwire.ledger.link import LONG_DAYS, _neighbour_months, fields_reachable
from warwire.ledger.schema import links

CELL = 0.25  # degrees; one cell of latitude (27.8 km) is wider than MAX_KM
MAX_YEARS = 3  # a row whose dates span more years is filed under no year (read by every lookup)
PERIOD = LONG_DAYS + 1  # days of one publication period of the term index
AR_TERM_ROWS = 100  # airwars_dev: the same ledger as with no limit but one event (458 vs 457), B-cubed F1 0.596
SINCE = select(links.c.id, links.c.ledger_event_id, links.c.doc_event_id).where(
    links.c.id > bindparam("last")).order_by(links.c.id)  # fmt: skip
Row = tuple[int, str, Mention]  # (link id, ledger event, member mention)
Lookup = Callable[[Connection, list[int]], dict[int, Mention]]  # doc_event ids -> their mentions


class BlockIndex:
    def __init__(self) -> None:
        self.last = 0
        self.dated: dict[Any, dict[tuple[Any, Any], list[Row]]] = defaultdict(lambda: defaultdict(list))
        # by place key, then year (None: no known year, or dates over more than MAX_YEARS)
        self.places: dict[tuple[Any, ...], dict[int | None, list[Row]]] = defaultdict(lambda: defaultdict(list))
        # primary rows with terms, by (term, publication period): (published ordinal, cluster)
        self.by_term: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
        # primary rows of Arabic reports by word (most carry no publication date): their clusters
        self.by_ar_term: dict[str, list[str]] = defaultdict(list)
        self.members: dict[str, list[Mention]] = defaultdict(list)
        self.first: dict[str, int] = {}  # cluster -> its first link id (the SQL query's order)
        self.own: list[tuple[int, str]] = []  # (provisional id, cluster) of links not inserted yet
        self.alias: dict[str, str] = {}  # ledger event merged away -> the one it was merged into
        self.dead: set[int] = set()  # ids of links deleted by a re-link (`move`): their rows are skipped

    def sync(self, conn: Connection, lookup: Lookup) -> None:
        """Read the links added since the last read (by another process: this one's own are added as it
        inserts them)."""
        got = conn.execute(SINCE, {"last": self.last}).all()
        if got:
            mentions = lookup(conn, [de for _, _, de in got])
            for lid, cid, de in got:
                self.add((lid, cid, mentions[de]))

    def find(self, cid: str) -> str:
        while cid in self.alias:
            cid = self.alias[cid]
        return cid

    def merge(self, keep: str, gone: str, last: int) -> None:
        """`gone`'s members now belong to `keep` (their links were inserted again: ids up to `last`)."""
        self.members[keep] += self.members.pop(gone)
        self.first[keep] = min(self.first[keep], self.first.pop(gone))
        self.alias[gone] = keep
        self.last = max(self.last, last)

    def move(self, moved: list[tuple[int, int, str, str, Mention]]) -> None:
        """Reports a re-link moved: (old link id, new link id, old event, new event, mention)."""
        for old, new, gone, into, m in moved:
            self.dead.add(old)
            kept = [x for x in self.members.get(gone, ()) if x is not m]
            if kept:
                self.members[gone] = kept
            else:
                self.members.pop(gone, None)
                self.first.pop(gone, None)
            self.add((new, into, m))

    def add(self, row: Row) -> None:
        lid, cid, m = row
        loc = m.location or {}
        year, month = (m.start.year, m.start.month) if m.start else (None, None)
        if year is not None or month is not None:
            self.dated[loc.get("country")][(year, month)].append(row)
        years = _years(m)
        for key in place_keys(loc):
            by_year = self.places[key]
            for y in years or (None,):
                by_year[y].append(row)
        if m.primary and m.arabic:
            for t in m.terms:
                self.by_ar_term[t].append(cid)
        if m.primary and m.published is not None:
            period = m.published // PERIOD
            for t in m.terms:
                self.by_term[(t, period)].append((m.published, cid))
        self.members[cid].append(m)
        self.first.setdefault(cid, lid)
        self.last = max(self.last, lid)

    def add_own(self, cid: str, m: Mention) -> None:
        """A link of the open transaction, inserted at its end: numbered after every link known (as SQLite
        will number it) until `settle` gives it its id."""
        self.own.append((self.last + 1, cid))
        self.add((self.last + 1, cid, m))

    def settle(self, ids: Sequence[int]) -> None:
        """The ids the links added by `add_own` got, in the same order."""
        for (provisional, cid), lid in zip(self.own, ids, strict=True):
            cid = self.find(cid)
            if self.first[cid] == provisional:
                self.first[cid] = lid
        if ids:
            self.last = ids[-1]
        self.own = []

    def clusters(self, mentions: list[Mention]) -> list[str]:
        """Ledger events with a member that can match any of the mentions, by their first link."""
        found: set[str] = set()
        for m in mentions:
            found |= self._fields_block(m)
            found |= self._story_block(m)
            found |= self._arabic_block(m)
        found = {c for cid in found if (c := self.find(cid)) in self.first}  # (not emptied by a re-link)
        return sorted(found, key=self.first.__getitem__)

    def _fields_block(self, m: Mention) -> set[str]:
        found: set[str] = set()
        dead = self.dead
        for lid, cid, other in self._rows(m):
            if cid not in found and lid not in dead and fields_reachable(m, other):
                found.add(cid)
        return found

    def _rows(self, m: Mention) -> Iterator[Row]:
        """Every row whose pair with `m` may be reachable (and more): dated rows by month, any row by place."""
        country = (m.location or {}).get("country")
        countries = [country, None] if country else list(self.dated)
        for c in countries:
            buckets = self.dated.get(c)
            if buckets:
                for key in _month_keys(m, buckets):
                    yield from buckets[key]
        years = _years(m, margin=1)
        for key in _near_keys(m.location or {}):
            by_year = self.places.get(key)
            if not by_year:
                continue
            if years is None:  # no known year: any row of the place may match
                for rows in by_year.values():
                    yield from rows
                continue
            for y in (None, *years):
                yield from by_year.get(y, ())

    def _arabic_block(self, m: Mention) -> set[str]:
        """Clusters of Arabic primary rows sharing a word with an Arabic primary mention (link.py's Arabic
        rule needs no date or place support). A word more than AR_TERM_ROWS rows hold is not looked up: it
        weighs little in the cosine, and looking it up would make each report cost as much as the ledger."""
        if not (m.primary and m.arabic):
            return set()
        by = self.by_ar_term
        return {cid for t in m.terms if 0 < len(rows := by.get(t, ())) <= AR_TERM_ROWS for cid in rows}

    def _story_block(self, m: Mention) -> set[str]:
        if not (m.primary and m.terms and m.published is not None):
            return set()
        lo, hi = m.published - LONG_DAYS, m.published + LONG_DAYS
        by_term = self.by_term
        periods = range(lo // PERIOD, hi // PERIOD + 1)
        return {cid for t in m.terms for p in periods if (t, p) in by_term
                for pub, cid in by_term[(t, p)] if lo <= pub <= hi}  # fmt: skip


def _years(m: Mention, margin: int = 0) -> list[int] | None:
    """The years the mention's dates touch (widened by `margin` days); None when no year is known or they
    span more than MAX_YEARS (filed under no year, and a lookup reads every year)."""
    got = day_range(m)
    if got is None:
        return None
    lo, hi = (date.fromordinal(max(1, min(d, date.max.toordinal()))).year for d in (got[0] - margin, got[1] + margin))
    return list(range(lo, hi + 1)) if hi - lo < MAX_YEARS else None


def _month_keys(m: Mention, buckets: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """(year, month) keys of dated rows that can score on the date alone: with both years known, the
    neighbouring months (the whole year for a year-only date); a year-less side needs month and day on
    both (the rest scores at most 0.1 on the date and is found by place)."""
    s = m.start
    if s is None or (s.year is None and not (s.month and s.day)):
        return []
    if s.year is not None:  # (the neighbours of a year-only date are every month of it)
        wanted = [*_neighbour_months(s.year, s.month), *([(None, s.month)] if s.day else [])]
        return [k for k in wanted if k in buckets]
    return [k for k in buckets if k[1] == s.month]


def place_keys(loc: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Keys a row is filed under: its admin1, its place name, and its grid cell when fine."""
    out: list[tuple[Any, ...]] = []
    if admin1 := norm(loc.get("admin1")):
        out.append(("a", admin1))
    if name := _place_name(loc):
        out.append(("n", name))
    if _fine(loc):
        out.append(("g", math.floor(loc["lat"] / CELL), math.floor(loc["lon"] / CELL)))
    return out


def _near_keys(loc: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The keys of `loc` and, when fine, every grid cell within MAX_KM of it."""
    out = [k for k in place_keys(loc) if k[0] != "g"]
    if _fine(loc):
        lat, lon = loc["lat"], loc["lon"]
        dlat = MAX_KM / 111.0 + 0.01
        cos = max(math.cos(math.radians(min(abs(lat) + dlat, 90.0))), 0.05)
        dlon = min(dlat / cos, 180.0)
        for i in range(math.floor((lat - dlat) / CELL), math.floor((lat + dlat) / CELL) + 1):
            for j in range(math.floor((lon - dlon) / CELL), math.floor((lon + dlon) / CELL) + 1):
                out.append(("g", i, j))
    return out

