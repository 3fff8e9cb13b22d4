"""Documents carry the day they stand at in canonical order (`documents.link_day`, relink.py), so a re-link
finds the documents from a given day onwards by an index. Filled in for the documents stored already.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

from warwire.ledger.relink import stored_link_day

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("link_day", sa.Integer))  # (SQLite: in place, no table copy)
    op.create_index("ix_documents_link_day", "documents", ["link_day"])
    conn = op.get_bind()
    meta = sa.MetaData()
    docs = sa.Table("documents", meta, autoload_with=conn)
    events = sa.Table("doc_events", meta, autoload_with=conn)
    starts: dict[int, list] = {}
    q = sa.select(events.c.document_id, events.c.date).where(events.c.background.is_(False))
    for doc_id, when in conn.execute(q):
        starts.setdefault(doc_id, []).append((when or {}).get("start"))
    rows = [{"i": doc_id, "d": stored_link_day(pub, starts.get(doc_id, ()))}
            for doc_id, pub in conn.execute(sa.select(docs.c.id, docs.c.published))]  # fmt: skip
    rows = [r for r in rows if r["d"] is not None]
    if rows:
        conn.execute(docs.update().where(docs.c.id == sa.bindparam("i")).values(link_day=sa.bindparam("d")), rows)


def downgrade() -> None:
    op.drop_index("ix_documents_link_day", "documents")
    # not a batch copy: on SQLite dropping the old table would cascade to every doc_event and link
    op.execute("ALTER TABLE documents DROP COLUMN link_day")
