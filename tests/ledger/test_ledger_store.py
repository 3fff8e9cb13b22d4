"""The SQLite ledger: migrations, idempotent ingest, merging with explanations, filters."""

from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import func, select, text

from warwire.ledger import Ledger
from warwire.ledger.schema import claims, doc_events, documents, links
from warwire.ledger.store import alembic_config

T1 = "Jets hit a depot near Idlib on Saturday, killing 12 militants, the Russian Reconciliation Centre said."
T2 = "The Russian Center for Reconciliation reported 12 militants killed in a raid at Saraqib."
T3 = "Shelling on a Homs suburb killed 3 civilians, local medics said."


def sample(mk):
    return [
        mk.doc(
            "sp-1",
            T1,
            "Sputnik",
            (2020, 2, 8),
            mk.IDLIB,
            [("12 militants", "killed", "armed_groups", "the Russian Reconciliation Centre")],
        ),
        mk.doc(
            "ta-1",
            T2,
            "TASS",
            (2020, 2, 9),
            mk.SARAQIB,
            [("12 militants", "killed", "armed_groups", "Russian Center for Reconciliation")],
        ),
        mk.doc(
            "sa-1",
            T3,
            "SANA",
            (2020, 2, 8),
            mk.HOMS,
            [("3 civilians", "killed", "civilians", "local medics")],
            type_="shelling_artillery_missile_attack",
        ),
    ]


def counts(ledger: Ledger) -> tuple[int, ...]:
    with ledger.engine.connect() as c:
        return tuple(
            c.execute(select(func.count()).select_from(t)).scalar()
            for t in (documents, doc_events, claims, links)
        )


def test_sqlite_is_migrated_wal_with_foreign_keys(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    with ledger.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
        head = ScriptDirectory.from_config(alembic_config(ledger.engine)).get_current_head()
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
    Ledger(f"sqlite:///{tmp_path / 'l.db'}")  # reopening an up-to-date database is a no-op


def test_reingest_is_idempotent(tmp_path, mk):
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    first = ledger.ingest_documents(sample(mk))
    assert (first.stored, first.merged, first.new_ledger_events) == (3, 1, 2)
    before, events = counts(ledger), ledger.events()
    again = ledger.ingest_documents(sample(mk))
    assert (again.stored, again.skipped) == (0, 3)
    assert counts(ledger) == before == (3, 3, 3, 3)
    assert ledger.events() == events


def test_merged_event_lists_reports_and_why(tmp_path, mk):
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    ledger.ingest_documents(sample(mk))
    (ev,) = [e for e in ledger.events() if e["reports"] == 2]
    assert ev["documents"] == ["sp-1", "ta-1"] and ev["sources"] == ["Sputnik", "TASS"]
    (fig,) = ev["casualties"]
    assert (fig["best"], fig["sources"], fig["reports"]) == (12, 1, 2)  # one claimant relayed twice
    assert "party_claim:the Russian Reconciliation Centre" in ev["flags"]
    full = ledger.event(ev["id"])
    first, second = full["report_details"]
    assert first["merge"]["why"] is None and second["merge"]["score"] >= 0.5
    why = second["merge"]["why"]
    assert why["matched"] == ["sp-1", 0]
    assert (
        "km" in why["features"]["place"]["detail"]
        and "killed 12 ~ 12" in why["features"]["figures"]["detail"]
    )
    assert second["quotes"] == ["12 militants"] and second["claimants"] == [
        "Russian Center for Reconciliation"
    ]
    with pytest.raises(KeyError):
        ledger.event("no-such-event")


def test_filters(tmp_path, mk):
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    ledger.ingest_documents(sample(mk))
    assert len(ledger.events(country="SY")) == 2 and ledger.events(country="IQ") == []
    assert [e["documents"] for e in ledger.events(admin1="Homs")] == [["sa-1"]]
    assert len(ledger.events(type="shelling_artillery_missile_attack")) == 1
    assert len(ledger.events(since="2020-02-08", until="2020-02-08")) == 2
    assert ledger.events(since="2020-03") == [] and len(ledger.events(until="2020-02")) == 2


def test_new_document_joins_without_relinking(tmp_path, mk):
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    ledger.ingest_documents(sample(mk)[:1])
    (ev,) = ledger.events()
    late = mk.doc(
        "late",
        "A later report says 14 militants died near Idlib.",
        "Outlet X",
        (2020, 2, 8),
        mk.IDLIB,
        [("14 militants", "killed", "armed_groups", None)],
    )
    report = ledger.ingest_documents([late])
    assert report.merged == 1 and ledger.events()[0]["id"] == ev["id"]
    assert sorted(ledger.events()[0]["documents"]) == ["late", "sp-1"]  # (listed in canonical order)


def test_dataframe_or_clear_import_error(tmp_path, mk):
    from warwire.export.csv import events_dataframe

    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    ledger.ingest_documents(sample(mk))
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="needs pandas"):
            events_dataframe(ledger.events())
    else:
        df = events_dataframe(ledger.events(country="SY"))
        assert len(df) == 2 and "fatalities_best" in df.columns


def test_document_stored_by_another_process_meanwhile_is_skipped(tmp_path, mk):
    url = f"sqlite:///{tmp_path / 'l.db'}"
    mine, other = Ledger(url), Ledger(url)
    mine.ingest_documents(sample(mk)[:1])  # reads the stored hashes now
    other.ingest_documents(sample(mk)[1:2])  # stored after they were read: found by the insert's ON CONFLICT
    got = mine.ingest_documents(sample(mk))
    assert (got.stored, got.skipped) == (1, 2)
    assert counts(mine) == (3, 3, 3, 3)
    assert {frozenset(e["documents"]) for e in mine.events()} == {frozenset({"sp-1", "ta-1"}), frozenset({"sa-1"})}


def test_failure_mid_batch_rolls_back_whole_documents_and_a_rerun_completes(tmp_path, mk):
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")

    def failing():
        yield from sample(mk)[:2]
        raise RuntimeError("input broke")

    with pytest.raises(RuntimeError):
        ledger.ingest_documents(failing())
    assert counts(ledger) == (0, 0, 0, 0)  # one transaction held both: nothing half-stored
    got = ledger.ingest_documents(sample(mk))  # the caches were dropped with the rollback
    assert (got.stored, got.merged) == (3, 1)
    assert counts(ledger) == (3, 3, 3, 3)
