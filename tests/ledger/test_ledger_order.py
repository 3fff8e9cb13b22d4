"""The ledger does not depend on ingest order: a report that bridges two events merges them (logged), and
an edited article replaces its earlier version. On SQLite and PostgreSQL (`store_url`)."""

from __future__ import annotations

from itertools import permutations

from sqlalchemy import func, select

from warwire.ledger import Ledger, link_documents
from warwire.ledger.schema import doc_events, documents, ledger_events, links


def town(k: int) -> dict:
    # one town per case, far apart (1 degree), each in its own region
    return {"name": f"Qaryat {k}", "admin1": f"Region {k}", "country": "SY", "lat": 33.0 + k, "lon": 36.0 + k,
            "precision": "town"}  # fmt: skip


def trio(mk, k: int) -> dict:
    """Three reports of one strike: `a` has the date but only the country, `b` the town but no date, so
    a and b do not match each other; `c` has both and matches each."""
    t = "Jets struck a depot and killed 12 fighters, a monitor said."
    day = (2020, 1 + 2 * k, 8)
    fig = [("12 fighters", "killed", "armed_groups", None)]
    return {
        "a": mk.doc(f"o{k}-a", t, "Outlet A", day, {"country": "SY", "precision": "country"}, fig),
        "b": mk.doc(f"o{k}-b", t, "Outlet B", None, town(k), fig),
        "c": mk.doc(f"o{k}-c", t, "Outlet C", day, town(k), fig),
    }


def orphans(ledger: Ledger) -> int:
    with ledger.engine.connect() as c:
        linked = select(links.c.ledger_event_id)
        q = select(func.count()).select_from(ledger_events).where(~ledger_events.c.id.in_(linked))
        return c.execute(q).scalar()


def test_a_bridging_report_merges_two_events_in_any_order(store_url, mk):
    ledger = Ledger(store_url)
    for k, order in enumerate(permutations("abc")):
        docs = trio(mk, k)
        for name in order:  # one ingest run per report: each arrives later than the last
            ledger.ingest_documents([docs[name]])
        events = [e for e in ledger.events() if any(d.startswith(f"o{k}-") for d in e["documents"])]
        assert [sorted(e["documents"]) for e in events] == [[f"o{k}-a", f"o{k}-b", f"o{k}-c"]], order
    assert orphans(ledger) == 0
    # a then b then c: c merged b's event into a's; the merge is in the moved report's explanation
    (ev,) = [e for e in ledger.events() if "o0-a" in e["documents"]]
    detail = ledger.event(ev["id"])
    (moved,) = [r for r in detail["report_details"] if r["doc"] == "o0-b"]
    (record,) = moved["merge"]["why"]["merged"]
    assert record["into"] == ev["id"] and record["by"] == ["o0-c", 0] and record["from"] != ev["id"]
    assert record["features"]["place"]["ok"]
    (bridge,) = [r for r in detail["report_details"] if r["doc"] == "o0-c"]
    assert bridge["merge"]["why"]["matched"] in (["o0-a", 0], ["o0-b", 0])
    # the same partition without a database, in every order
    for order in permutations("abc"):
        docs = trio(mk, 0)
        assert [sorted(k for k, _ in c) for c in link_documents(docs[n] for n in order)] == [["o0-a", "o0-b", "o0-c"]]


def test_reports_of_two_incidents_are_not_bridged(store_url, mk):
    """A report located only to the country matches strikes in two regions; their places rule each other
    out, so it does not merge them."""
    ledger = Ledger(store_url)
    t = "Jets struck a depot and killed 12 fighters, a monitor said."
    fig = [("12 fighters", "killed", "armed_groups", None)]
    first = mk.doc("x-1", t, "Outlet A", (2020, 5, 2), town(7), fig)
    other = mk.doc("x-2", t, "Outlet B", (2020, 5, 2), town(8), fig)
    vague = mk.doc("x-3", t, "Outlet C", (2020, 5, 2), {"country": "SY", "precision": "country"}, fig)
    for d in (first, other, vague):
        report = ledger.ingest_documents([d])
    assert report.merged == 1 and report.bridged == 0  # the vague report joined one of them
    assert sorted(len(e["documents"]) for e in ledger.events()) == [1, 2]


def test_a_merge_by_another_writer_is_seen(store_url, mk):
    """Two Ledger objects on one store (as two processes): one merges, the other then links to the event
    kept (its caches of the merged event are read again)."""
    one, two = Ledger(store_url), Ledger(store_url)
    docs = trio(mk, 0)
    one.ingest_documents([docs["a"], docs["b"]])
    two.ingest_documents([docs["c"]])  # merges b's event into a's
    t = "Jets struck a depot and killed 12 fighters, a monitor said."
    late = mk.doc("o0-d", t, "Outlet D", (2020, 1, 8), town(0), [("12 fighters", "killed", "armed_groups", None)])
    one.ingest_documents([late])
    (ev,) = [e for e in one.events() if "o0-a" in e["documents"]]
    assert sorted(ev["documents"]) == ["o0-a", "o0-b", "o0-c", "o0-d"]
    assert orphans(one) == 0


def stored_versions(ledger: Ledger, doc: str) -> list[str]:
    with ledger.engine.connect() as c:
        return [r[0] for r in c.execute(select(documents.c.title).where(documents.c.doc == doc))]


def test_an_edited_article_replaces_its_earlier_version_and_is_linked_again(store_url, mk):
    ledger = Ledger(store_url)
    t1 = "Jets struck a depot near Idlib and killed 12 fighters, a monitor said."
    t2 = "Shelling hit a market in Homs and killed 3 civilians, medics said."
    fig12 = [("12 fighters", "killed", "armed_groups", None)]
    other = mk.doc("e-other", t1, "Outlet B", (2020, 2, 8), mk.SARAQIB, fig12)
    homs = mk.doc("e-homs", t2, "Outlet C", (2020, 2, 8), mk.HOMS, [("3 civilians", "killed", "civilians", None)],
                  type_="shelling_artillery_missile_attack")  # fmt: skip
    v1 = mk.doc("e-x", t1, "Outlet A", (2020, 2, 8), mk.IDLIB, fig12)
    ledger.ingest_documents([other, homs, v1])
    (ev,) = [e for e in ledger.events() if "e-x" in e["documents"]]
    assert sorted(ev["documents"]) == ["e-other", "e-x"]
    # the outlet corrects its story: another incident (Homs, 3 civilians), same id
    v2 = mk.doc("e-x", t2, "Outlet A", (2020, 2, 8), mk.HOMS, [("3 civilians", "killed", "civilians", None)],
                type_="shelling_artillery_missile_attack")  # fmt: skip
    report = ledger.ingest_documents([v2])
    assert (report.stored, report.replaced) == (1, 1)
    assert stored_versions(ledger, "e-x") == [t2[:30]]  # one document, the new version
    by_doc = {d: sorted(e["documents"]) for e in ledger.events() for d in e["documents"]}
    assert by_doc["e-x"] == ["e-homs", "e-x"] and by_doc["e-other"] == ["e-other"]
    assert orphans(ledger) == 0
    with ledger.engine.connect() as c:  # the old version's events are gone
        n = c.execute(select(func.count()).select_from(doc_events).join(documents).where(documents.c.doc == "e-x"))
        assert n.scalar() == len(v2.events)
    # unchanged re-ingest still changes nothing
    again = ledger.ingest_documents([v2, other, homs])
    assert (again.stored, again.skipped, again.replaced) == (0, 3, 0)
    # another writer replacing a version: the first sees it and links against the new one
    two = Ledger(store_url)
    two.ingest_documents([v1])  # back to the first version
    late = mk.doc("e-late", t1, "Outlet D", (2020, 2, 9), mk.IDLIB, fig12)
    ledger.ingest_documents([late])
    by_doc = {d: sorted(e["documents"]) for e in ledger.events() for d in e["documents"]}
    assert by_doc["e-late"] == ["e-late", "e-other", "e-x"] and by_doc["e-homs"] == ["e-homs"]
    assert stored_versions(ledger, "e-x") == [t1[:30]]
    assert orphans(ledger) == 0


def test_migration_0004_keeps_the_links(tmp_path, mk):
    """SQLite: the links table rebuilt with AUTOINCREMENT (ids never reused) keeps every row."""
    from alembic import command

    from warwire.ledger.store import alembic_config

    url = f"sqlite:///{tmp_path / 'm.db'}"
    ledger = Ledger(url)
    ledger.ingest_documents(trio(mk, 0).values())
    before = sorted((e["id"], tuple(e["documents"])) for e in ledger.events())
    cfg = alembic_config(ledger.engine)
    command.downgrade(cfg, "0002")
    with ledger.engine.connect() as c:
        assert "AUTOINCREMENT" not in c.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name='links'").scalar()
    ledger = Ledger(url)  # migrates back to head
    with ledger.engine.connect() as c:
        assert "AUTOINCREMENT" in c.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name='links'").scalar()
    assert sorted((e["id"], tuple(e["documents"])) for e in ledger.events()) == before


def test_an_event_merged_away_is_found_under_the_event_it_joined(store_url, mk):
    """A bookmark or a review made before a merge names the old id: it leads to the event kept, and the
    desk redirects its page."""
    ledger = Ledger(store_url)
    docs = trio(mk, 0)
    ledger.ingest_documents([docs["a"]])
    ledger.ingest_documents([docs["b"]])
    (old_b,) = [e["id"] for e in ledger.events() if e["documents"] == ["o0-b"]]
    (old_a,) = [e["id"] for e in ledger.events() if e["documents"] == ["o0-a"]]
    assert ledger.current_id(old_b) == old_b
    ledger.ingest_documents([docs["c"]])  # merges b's event into a's
    assert ledger.current_id(old_b) == old_a and ledger.current_id(old_a) == old_a
    assert sorted(ledger.event(old_b)["documents"]) == ["o0-a", "o0-b", "o0-c"]
    assert ledger.current_id("ev-nothing-0") is None
    from fastapi.testclient import TestClient

    from warwire.serve import create_app

    client = TestClient(create_app(ledger, token="t"), base_url="http://127.0.0.1:8080")
    got = client.get(f"/event/{old_b}.json", follow_redirects=False)
    assert got.status_code == 307 and got.headers["location"] == f"/event/{old_a}.json"
    assert sorted(client.get(f"/event/{old_b}.json").json()["event"]["documents"]) == ["o0-a", "o0-b", "o0-c"]
    assert client.get("/event/ev-nothing-0").status_code == 404
