"""The same ledger on PostgreSQL: set WARWIRE_TEST_PG_URL (a scratch database) to run it."""

from __future__ import annotations

import os
import uuid

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from warwire.ledger.store import alembic_config

PG_URL = os.environ.get("WARWIRE_TEST_PG_URL")
pytestmark = pytest.mark.skipif(
    not PG_URL, reason="WARWIRE_TEST_PG_URL not set: PostgreSQL ledger test skipped"
)


def test_postgres_ingest_idempotent_and_merges(mk):
    from warwire.ledger import Ledger

    ledger = Ledger(PG_URL)
    tag = uuid.uuid4().hex[:8]  # own documents, so the test can share a database
    t = f"Run {tag}: jets struck near Idlib and killed 9 fighters."
    docs = [
        mk.doc(
            f"{tag}-a",
            t,
            "Outlet A",
            (2021, 5, 3),
            mk.IDLIB,
            [("9 fighters", "killed", "armed_groups", None)],
        ),
        mk.doc(
            f"{tag}-b",
            t,
            "Outlet B",
            (2021, 5, 3),
            mk.SARAQIB,
            [("9 fighters", "killed", "armed_groups", None)],
        ),
    ]
    assert ledger.ingest_documents(docs).stored == 2
    assert ledger.ingest_documents(docs).skipped == 2
    # earlier runs on the same database may hold the same invented event: ours must be together in one
    (ev,) = [e for e in ledger.events(country="SY") if f"{tag}-a" in e["documents"]]
    assert {f"{tag}-a", f"{tag}-b"} <= set(ev["documents"])
    head = ScriptDirectory.from_config(alembic_config(ledger.engine)).get_current_head()
    with ledger.engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
