"""The in-memory blocking (SQLite) finds exactly the ledger events the SQL blocking query finds."""

from __future__ import annotations

import itertools

from warwire.ledger import Ledger
from warwire.ledger.ledger import _candidates
from warwire.ledger.link import doc_mentions

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


def test_memory_blocks_equal_the_sql_query(tmp_path, mk):
    ledger = Ledger(f"sqlite:///{tmp_path / 'b.db'}")
    ledger.ingest_documents(docs(mk, "d")[::3])
    probes = [m for d in docs(mk, "p") for m in doc_mentions(d)]
    with ledger.engine.connect() as conn:
        ledger._blocks.sync(conn)
        for m in probes:
            sql = list(_candidates(conn, [m], ledger._terms, {}))
            assert ledger._blocks.clusters([m]) == sql, m
    assert any(len(ledger._blocks.clusters([m])) > 1 for m in probes)
