"""Claims carry their claimant as an entity (id, name, kind, side, as_written, via).

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-07

Numbered 0003: 0002 is kept for the review log (issue 13), which revises this one.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("claimant", sa.JSON))
        batch.add_column(sa.Column("claimant_id", sa.String(128)))
    op.create_index("ix_claims_claimant_id", "claims", ["claimant_id"])


def downgrade() -> None:
    op.drop_index("ix_claims_claimant_id", "claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("claimant_id")
        batch.drop_column("claimant")
