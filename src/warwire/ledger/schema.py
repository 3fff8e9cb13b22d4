"""SQLAlchemy 2 Core tables of the ledger: one schema for SQLite and PostgreSQL.

documents   one input article (deduplicated by sha256 of doc id + text)
doc_events  one event as one document tells it (blocking columns: country, admin1, year, month)
claims      one casualty figure of a doc_event
ledger_events  a deduplicated real-world event
links       doc_event -> ledger_event, with the score and the features that matched
ledger_state  counters writers share (migration 0005): `changes` (deletions), `linked_upto` (re-link)
review_log  the reviewers' decisions, append-only, keyed by the stable ids of ledger/keys.py
The migrations in ./migrations create exactly these tables; change both together.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc", String(512), nullable=False, index=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("outlet", String(256)),
    Column("url", Text),
    Column("published", String(10)),
    Column("data", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("link_day", Integer, index=True),  # relink.link_day (migration 0006)
)

doc_events = Table(
    "doc_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("event_index", Integer, nullable=False),
    Column("event_key", String(128)),
    Column("type", String(64), nullable=False),
    Column("is_primary", Boolean, nullable=False),
    Column("background", Boolean, nullable=False),
    Column("date", JSON, nullable=False),
    Column("location", JSON),
    Column("actors", JSON, nullable=False),
    Column("country", String(8)),
    Column("admin1", String(128)),
    Column("year", Integer),
    Column("month", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("killed", Integer),
    Column("wounded", Integer),
    Column("stable_key", Text),  # ledger/keys.py report_key (migration 0002)
    Index("ix_doc_events_block", "country", "year", "month"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "doc_event_id", Integer, ForeignKey("doc_events.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("outcome", String(16), nullable=False),
    Column("victim_group", String(32), nullable=False),
    Column("victims", Text),
    Column("value", Integer),
    Column("qualifier", String(16), nullable=False),
    Column("vague", String(64)),
    Column("low", Integer),
    Column("best", Integer),
    Column("high", Integer),
    Column("claimed_by", Text),
    Column("quote", Text),
    Column("claimant", JSON),  # model.Claimant as a dict (migration 0003)
    Column("claimant_id", String(128), index=True),
    Column("stable_key", Text),  # ledger/keys.py claim_key (migration 0002)
)

ledger_events = Table(
    "ledger_events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

links = Table(
    "links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "ledger_event_id",
        String(64),
        ForeignKey("ledger_events.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column(
        "doc_event_id", Integer, ForeignKey("doc_events.id", ondelete="CASCADE"), nullable=False, unique=True
    ),
    Column("score", Float),
    Column("explanation", JSON),
    sqlite_autoincrement=True,  # ids never reused (migration 0004): see blocks.BlockIndex.sync
)

review_log = Table(
    "review_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("who", String(128), nullable=False),
    Column("what", String(32), nullable=False),
    Column("target", Text, nullable=False),
    Column("before", JSON),
    Column("after", JSON),
    Column("note", Text),
    Index("ix_review_log_target", "target"),
)

ledger_state = Table(
    "ledger_state",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)
