"""an index on deliveries.scheduled_at

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

The calendar reads a month's deliveries by their time; without an index SQLite scanned every delivery and
sorted them in a temporary table.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_deliveries_scheduled_at", "deliveries", ["scheduled_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_deliveries_scheduled_at", table_name="deliveries")
