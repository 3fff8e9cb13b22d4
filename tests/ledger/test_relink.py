"""Canonical order (relink.py): the ledger's partition is that of one run over the documents sorted by day
and id, whatever order or split they are ingested in; a report the re-link moves is logged."""

from __future__ import annotations

import random

from sqlalchemy import select

from warwire.ledger import Ledger, link_documents
from warwire.ledger.link import compare, doc_mentions
from warwire.ledger.relink import doc_key, link_day
from warwire.ledger.schema import doc_events, documents, links
from warwire.model import PartialDate

TOWNS = [("Idlib", 35.93, 36.63), ("Saraqib", 35.86, 36.80), ("Ariha", 35.81, 36.61), ("Homs", 34.73, 36.71)]


def _chain(mk):
    """Three reports of one day along a road: the middle one matches both ends, the ends rule each other out
    by distance (about 27 km: over MAX_KM). Which end the middle one joins depends on which came first."""
    out = []
    for name, lat in (("a-west", 35.90), ("b-mid", 36.02), ("c-east", 36.14)):
        place = {"name": name, "admin1": "Idlib", "country": "SY", "lat": lat, "lon": 36.63, "precision": "town"}
        out.append(mk.doc(name, f"Shelling near {name} killed 4 people, residents said.", "Outlet " + name,
                          (2020, 3, 1), place, [("4 people", "killed", "civilians", None)]))  # fmt: skip
    return out


def _event_partition(ledger: Ledger) -> list[list[tuple[str, int]]]:
    with ledger.engine.connect() as c:
        q = (select(links.c.ledger_event_id, documents.c.doc, doc_events.c.event_index)
             .join(doc_events, links.c.doc_event_id == doc_events.c.id)
             .join(documents, doc_events.c.document_id == documents.c.id))  # fmt: skip
        groups: dict[str, list[tuple[str, int]]] = {}
        for cid, doc, i in c.execute(q):
            groups.setdefault(cid, []).append((doc, i))
    return sorted(sorted(g) for g in groups.values())


def _corpus(mk):
    docs = []
    for i in range(60):
        name, lat, lon = TOWNS[i % 4]
        n = 2 + (i // 4) % 6
        place = {"name": name, "admin1": name, "country": "SY", "lat": lat, "lon": lon, "precision": "town"}
        text = f"Report {i}: a strike near {name} killed {n} fighters, a monitor said."
        docs.append(mk.doc(f"r{i:02d}", text, f"Outlet {i % 5}", (2020, 1 + i // 20, 1 + (i * 7) % 27), place,
                           [(f"{n} fighters", "killed", "armed_groups", None)]))  # fmt: skip
    return docs + _chain(mk)


def test_the_chain_depends_on_order_without_a_relink(mk):
    west, mid, east = (doc_mentions(d)[0] for d in _chain(mk))
    assert compare(west, mid) and compare(mid, east) and compare(west, east) is None


def test_any_order_or_split_gives_the_canonical_partition(store_url, mk):
    docs = _corpus(mk)
    want = sorted(sorted(c) for c in link_documents(docs))
    rng = random.Random(17)
    shuffled = docs[:]
    rng.shuffle(shuffled)
    assert sorted(sorted(c) for c in link_documents(shuffled)) == want  # the DB-free twin sorts itself
    ledger = Ledger(store_url)
    for part in (shuffled[40:], shuffled[:15], shuffled[15:40]):  # three runs, out of order
        ledger.ingest_documents(part)
        _index_agrees(ledger)
    assert _event_partition(ledger) == want
    ledger.close()


def _index_agrees(ledger: Ledger) -> None:
    """SQLite: the block index files each report under the event it is stored in (a re-link once gave a
    cluster the id of an event merged away, which the index still resolved to the event it went into)."""
    if ledger._blocks is None:
        return
    with ledger.engine.connect() as c:
        stored = dict(c.execute(select(links.c.doc_event_id, links.c.ledger_event_id)).all())
    filed = {m.key: ledger._blocks.find(cid) for cid, ms in ledger._blocks.members.items() for m in ms}
    assert filed == {ledger._mentions[de].key: cid for de, cid in stored.items()}


def test_a_moved_report_is_logged_and_its_old_event_redirects(store_url, mk):
    west, mid, east = _chain(mk)
    ledger = Ledger(store_url)
    first = ledger.ingest_documents([east, mid])  # mid joins east
    (before,) = ledger.events()
    assert first.moved == 0 and sorted(before["documents"]) == ["b-mid", "c-east"]
    report = ledger.ingest_documents([west])  # in canonical order west comes first: mid joins west
    assert report.relinked == 3 and report.moved == 1
    got = {tuple(sorted(e["documents"])): e["id"] for e in ledger.events()}
    assert set(got) == {("a-west", "b-mid"), ("c-east",)}
    assert got[("c-east",)] == before["id"]  # the event keeps its id for the report that stays
    detail = ledger.event(got[("a-west", "b-mid")])
    why = next(r["merge"]["why"] for r in detail["report_details"] if r["doc"] == "b-mid")
    (record,) = why["merged"]
    assert record["relinked"] and record["from"] == before["id"] and record["into"] == got[("a-west", "b-mid")]
    assert record["rule"] == "fields" and why["matched"] == ["a-west", 0]
    again = ledger.ingest_documents([west, mid, east])  # nothing new: nothing re-linked
    assert again.skipped == 3 and again.relinked == 0
    ledger.close()


def test_link_day_falls_back_to_the_event_dates():
    assert link_day(PartialDate(2020, 3, 1), []) == link_day(None, [PartialDate(2020, 3, 1)])
    assert link_day(PartialDate(2020, 3), [PartialDate(2019, 5), None]) == link_day(PartialDate(2019, 5, 1), [])
    assert link_day(None, [PartialDate(None, 3, 1)]) is None
    assert doc_key(None, "a") > doc_key(10**6, "z") > doc_key(10**6, "b")


def _report_key(ledger: Ledger, doc: str) -> str:
    with ledger.engine.connect() as c:
        q = select(doc_events.c.stable_key).join(documents, doc_events.c.document_id == documents.c.id)
        return c.execute(q.where(documents.c.doc == doc)).scalar_one()


def test_review_decisions_follow_the_reports_a_relink_moves(store_url, mk):
    from warwire.ledger.review import ReviewLog
    from warwire.ledger.reviewed import ReviewedLedger

    west, mid, east = _chain(mk)
    ledger = Ledger(store_url)
    ledger.ingest_documents([east, mid])
    log, view = ReviewLog(ledger.engine), ReviewedLedger(ledger)
    log.append("ann", "split", _report_key(ledger, "b-mid"), note="not the same shelling")

    def reviewed() -> list[list[str]]:
        return sorted(sorted(e["documents"]) for e in view.events())

    assert reviewed() == [["b-mid"], ["c-east"]]
    assert ledger.ingest_documents([west]).moved == 1  # the machine now puts mid with west
    assert sorted(sorted(e["documents"]) for e in ledger.events()) == [["a-west", "b-mid"], ["c-east"]]
    assert reviewed() == [["a-west"], ["b-mid"], ["c-east"]]  # the split still holds
    east_key, west_key = _report_key(ledger, "c-east"), _report_key(ledger, "a-west")
    log.append("ann", "merge", east_key, after={"a": [east_key], "b": [west_key]})
    assert reviewed() == [["a-west", "c-east"], ["b-mid"]]
    ledger.close()
