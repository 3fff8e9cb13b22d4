"""Migration 0002 on a ledger stored before it: the review log appears and old rows get their stable keys."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from warwire.ledger import Ledger
from warwire.ledger.keys import claim_key
from warwire.ledger.store import alembic_config, upgrade


def test_rows_stored_before_0002_get_their_keys(tmp_path, mk):
    t = "Jets struck near Idlib on Monday and killed 9 fighters. Medics said 4 civilians were wounded."
    figures = [("9 fighters", "killed", "armed_groups", None), ("4 civilians", "wounded", "civilians", None)]
    doc = mk.doc("old", t, "Outlet", (2021, 5, 3), mk.IDLIB, figures)
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    ledger.ingest_documents([doc])
    with ledger.engine.connect() as c:
        fresh = c.execute(text("SELECT stable_key FROM claims ORDER BY id")).scalars().all()
    cfg = alembic_config(ledger.engine)
    with ledger.engine.begin() as conn:  # as an older warwire left it (downgrade drops the keys and the log)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    with ledger.engine.connect() as c:
        assert "review_log" not in {r[0] for r in c.execute(text("SELECT name FROM sqlite_master"))}
    upgrade(ledger.engine)
    with ledger.engine.connect() as c:
        keys = c.execute(text("SELECT stable_key FROM claims ORDER BY id")).scalars().all()
        report = c.execute(text("SELECT stable_key FROM doc_events")).scalar()
        assert c.execute(text("SELECT count(*) FROM links")).scalar() == 1  # nothing cascaded away
    data = doc.to_dict()["events"][0]["casualties"]
    assert keys == [claim_key("old", c) for c in data] == fresh
    assert keys[0] == f"old|killed/armed_groups|{t.index('9 fighters')}-{t.index('9 fighters') + 10}"
    assert report.startswith("old|")
