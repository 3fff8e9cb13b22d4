"""The in-memory blocking (SQLite) finds exactly the ledger events the SQL blocking query finds."""

from __future__ import annotations

import itertools

from warwire.ledger import Ledger
from warwire.ledger.ledger import _candidates
from warwire.ledger.link import doc_mentions, match_cluster

ALEPPO = {"name": "Aleppo", "admin1": "Aleppo", "country": "SY", "lat": 36.2, "lon": 37.16, "precision": "town"}
NO_COORDS = {"name": "Ariha", "admin1": "Idlib", "country": "SY", "precision": "town"}
NEAR_IDLIB = {"name": "Binnish", "admin1": "Aleppo", "country": "SY", "lat": 35.95, "lon": 36.71, "precision": "town"}
ADMIN1_ONLY = {"admin1": "Homs", "country": "SY", "precision": "admin1"}
OTHER_COUNTRY = {"name": "Mosul", "admin1": "Nineveh", "country": "IQ", "lat": 36.34, "lon": 43.13, "precision": "town"}
NO_COUNTRY = {"as_written": "the village"}
DAYS = [(2016, 3, 4), (2016, 3, 31), (2016, 4, 1), (2016, 1, 2), (2015, 12, 31), (2016, 3, None), (2016, None, None),
        (None, 3, 5), None, (2017, 2, 1)]  # fmt: skip


def docs(mk, prefix: str) -> list:
    places = [mk.IDLIB, mk.SARAQIB, mk.HOMS, ALEPPO, NO_COORDS, NEAR_IDLIB, ADMIN1_ONLY, OTHER_COUNTRY, NO_COUNTRY,
              None]  # fmt: skip
    out = []
    for n, (day, place) in enumerate(itertools.product(DAYS, places)):
        text = f"Report {prefix}{n} of shelling near {['Harbor', 'Linden', 'Quarry'][n % 3]} Road."
        out.append(mk.doc(f"{prefix}{n}", text, "Outlet", day, place, type_=["shelling", "attack"][n % 2]))
    return out


def grouping(ledger: Ledger) -> set[frozenset[str]]:
    return {frozenset(e["documents"]) for e in ledger.events()}


def test_memory_blocks_miss_no_cluster_the_sql_blocks_could_match(tmp_path, mk):
    ledger = Ledger(f"sqlite:///{tmp_path / 'b.db'}")
    ledger.ingest_documents(docs(mk, "d")[::3])
    probes = [m for d in docs(mk, "p") for m in doc_mentions(d)]
    matched = 0
    with ledger.engine.connect() as conn:
        ledger._blocks.sync(conn, ledger._lookup)
        stats = ledger._terms.stats(conn)
        for m in probes:
            m.source = -1  # a new document
            sql = _candidates(conn, [m], ledger._terms, {})
            memory = set(ledger._blocks.clusters([m]))
            for cid, members in sql.items():
                if match_cluster(m, members, stats) is not None:
                    matched += 1
                    assert cid in memory, (m, cid)
            assert len(memory) <= len(sql) or any(match_cluster(m, ledger._blocks.members[c], stats) for c in memory)
    assert matched > 20


def test_undated_mention_is_compared_only_with_its_place(tmp_path, mk):
    ledger = Ledger(f"sqlite:///{tmp_path / 'b.db'}")
    ledger.ingest_documents(docs(mk, "d"))
    undated_homs, = doc_mentions(mk.doc("u1", "Shelling in Homs.", "Outlet", None, mk.HOMS))
    nowhere, = doc_mentions(mk.doc("u2", "Shelling somewhere.", "Outlet", None, None))
    with ledger.engine.connect() as conn:
        ledger._blocks.sync(conn, ledger._lookup)
    found = ledger._blocks.clusters([undated_homs])
    assert found and len(found) < len(ledger._blocks.members) / 2
    for cid in found:
        assert any((m.location or {}).get("admin1") == "Homs" for m in ledger._blocks.members[cid])
    assert ledger._blocks.clusters([nowhere]) == []


def test_memory_blocks_link_as_the_sql_blocks(tmp_path, mk):
    """The in-memory blocking (SQLite) and the SQL query (PostgreSQL) give the same ledger."""
    batch = docs(mk, "d") + docs(mk, "e")
    memory = Ledger(f"sqlite:///{tmp_path / 'm.db'}")
    memory.ingest_documents(batch)
    sql = Ledger(f"sqlite:///{tmp_path / 's.db'}")
    sql._blocks = None
    sql.ingest_documents(batch)
    assert grouping(memory) == grouping(sql)
    assert any(len(g) > 1 for g in grouping(memory))
