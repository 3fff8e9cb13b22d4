"""The review log (append-only: triggers refuse UPDATE and DELETE) and stable keys of reports and claims.

Revision ID: 0002
Revises: 0003 (the claimants migration, landed first)
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0003"
branch_labels = None
depends_on = None

PG_GUARD = [
    "CREATE OR REPLACE FUNCTION review_log_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'review_log is append-only'; END; $$ LANGUAGE plpgsql",
    "CREATE TRIGGER review_log_no_update BEFORE UPDATE OR DELETE ON review_log "
    "FOR EACH ROW EXECUTE FUNCTION review_log_append_only()",
]
SQLITE_GUARD = [
    "CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log "
    "BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END",
    "CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log "
    "BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END",
]


def upgrade() -> None:
    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(128), nullable=False),
        sa.Column("what", sa.String(32), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_review_log_target", "review_log", ["target"])
    for stmt in PG_GUARD if op.get_bind().dialect.name == "postgresql" else SQLITE_GUARD:
        op.execute(stmt)
    # plain ADD COLUMN: a batch (copy and drop) of doc_events would cascade-delete its claims and links
    op.add_column("doc_events", sa.Column("stable_key", sa.Text))
    op.add_column("claims", sa.Column("stable_key", sa.Text))
    _backfill()


def _backfill() -> None:
    """Keys of rows stored before this migration, from each document's stored contract dict."""
    from warwire.ledger.keys import claim_key, report_key

    conn = op.get_bind()
    docs = sa.table("documents", sa.column("id"), sa.column("doc"), sa.column("data", sa.JSON))
    des = sa.table("doc_events", sa.column("id"), sa.column("document_id"), sa.column("event_index"),
                   sa.column("stable_key"))  # fmt: skip
    cls = sa.table("claims", sa.column("id"), sa.column("doc_event_id"), sa.column("stable_key"))
    for doc_id, doc, data in conn.execute(sa.select(docs.c.id, docs.c.doc, docs.c.data)).all():
        events = (data or {}).get("events") or []
        rows = conn.execute(sa.select(des.c.id, des.c.event_index).where(des.c.document_id == doc_id)).all()
        for de_id, index in rows:
            if index >= len(events):
                continue
            ev = events[index]
            conn.execute(des.update().where(des.c.id == de_id).values(stable_key=report_key(doc, index, ev)))
            claim_ids = conn.execute(sa.select(cls.c.id).where(cls.c.doc_event_id == de_id).order_by(cls.c.id))
            for cid, c in zip(claim_ids.scalars().all(), ev.get("casualties") or [], strict=False):
                conn.execute(cls.update().where(cls.c.id == cid).values(stable_key=claim_key(doc, c)))


def downgrade() -> None:
    op.drop_column("claims", "stable_key")
    op.drop_column("doc_events", "stable_key")
    op.drop_table("review_log")
