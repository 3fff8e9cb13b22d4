"""Initial ledger schema: documents, doc_events, claims, ledger_events, links.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc", sa.String(512), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.String(256)),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_doc", "documents", ["doc"])
    op.create_table(
        "doc_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("event_index", sa.Integer, nullable=False),
        sa.Column("event_key", sa.String(128)),
        sa.Column("type", sa.String(64), nullable=False),
        sa.Column("is_primary", sa.Boolean, nullable=False),
        sa.Column("background", sa.Boolean, nullable=False),
        sa.Column("date", sa.JSON, nullable=False),
        sa.Column("location", sa.JSON),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("admin1", sa.String(128)),
        sa.Column("year", sa.Integer),
        sa.Column("month", sa.Integer),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("killed", sa.Integer),
        sa.Column("wounded", sa.Integer),
    )
    op.create_index("ix_doc_events_document_id", "doc_events", ["document_id"])
    op.create_index("ix_doc_events_block", "doc_events", ["country", "year", "month"])
    _claims_ledger_links()


def _claims_ledger_links() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "doc_event_id", sa.Integer, sa.ForeignKey("doc_events.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("victim_group", sa.String(32), nullable=False),
        sa.Column("victims", sa.Text),
        sa.Column("value", sa.Integer),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("vague", sa.String(64)),
        sa.Column("low", sa.Integer),
        sa.Column("best", sa.Integer),
        sa.Column("high", sa.Integer),
        sa.Column("claimed_by", sa.Text),
        sa.Column("quote", sa.Text),
    )
    op.create_index("ix_claims_doc_event_id", "claims", ["doc_event_id"])
    op.create_table(
        "ledger_events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "ledger_event_id",
            sa.String(64),
            sa.ForeignKey("ledger_events.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "doc_event_id",
            sa.Integer,
            sa.ForeignKey("doc_events.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("score", sa.Float),
        sa.Column("explanation", sa.JSON),
    )
    op.create_index("ix_links_ledger_event_id", "links", ["ledger_event_id"])


def downgrade() -> None:
    for table in ("links", "ledger_events", "claims", "doc_events", "documents"):
        op.drop_table(table)
