"""SQLite: links never reuse a deleted row's id (AUTOINCREMENT).

A merge (a bridging report) deletes a ledger event's links and inserts them again, and a replaced document's
links are deleted; another process notices by counting the links up to the last id it read
(`blocks.BlockIndex.sync`), which only works when ids are never handed out twice. PostgreSQL sequences never
are: nothing to do there. Only `links` is rebuilt (no table refers to it, so the copy cascades nothing).

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-07
"""

from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table("links", recreate="always", table_kwargs={"sqlite_autoincrement": True}):
        pass


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table("links", recreate="always", table_kwargs={"sqlite_autoincrement": False}):
        pass
