"""Ledger-wide counters every writer reads at the start of its write transactions (`ledger_state`).

- `changes`: bumped by each transaction that deletes links or documents (a merge, a replaced version, a
  re-link). A writer whose count differs from the one it saw last reads its caches again; before, it
  counted the rows up to its last id in both tables each transaction.
- `linked_upto`: the highest document row id whose links are in canonical order (`Ledger.relink`): the
  documents above it are re-linked at the end of the next ingest run, whichever process stored them.
  Starts at 0, so the first run after this migration re-links what a ledger already holds.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    state = op.create_table(
        "ledger_state",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(state, [{"name": "changes", "value": 0}, {"name": "linked_upto", "value": 0}])


def downgrade() -> None:
    op.drop_table("ledger_state")
