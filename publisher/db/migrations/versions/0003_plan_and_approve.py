"""approvals, hand-off, queues, recurring posts, audience time zones

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

- ``post_comments``: a post's review thread (comments and the workflow steps submitted/approved/sent back).
- ``deliveries.handoff_id`` / ``handoff_at``: the network's scheduled copy of a delivery and when it is due.
- ``queue_slots``: weekly time slots per channel.
- ``posts.series_id`` / ``recurrence``: occurrences of a recurring post and the rule that made them.
- ``channels.audience_tz``: the zone a channel's audience lives in.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "post_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_post_comments_post_id_posts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_comments")),
    )
    op.create_index(op.f("ix_post_comments_post_id"), "post_comments", ["post_id"], unique=False)

    op.create_table(
        "queue_slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("time", sa.String(length=5), nullable=False),
        sa.Column("tz", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_id"], ["channels.id"], name=op.f("fk_queue_slots_channel_id_channels"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_slots")),
        sa.UniqueConstraint("channel_id", "weekday", "time", name=op.f("uq_queue_slots_channel_id")),
    )
    op.create_index(op.f("ix_queue_slots_channel_id"), "queue_slots", ["channel_id"], unique=False)

    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("handoff_id", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("handoff_at", sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("series_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("recurrence", sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f("ix_posts_series_id"), ["series_id"], unique=False)

    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.add_column(sa.Column("audience_tz", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.drop_column("audience_tz")
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posts_series_id"))
        batch_op.drop_column("recurrence")
        batch_op.drop_column("series_id")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_column("handoff_at")
        batch_op.drop_column("handoff_id")
    op.drop_index(op.f("ix_queue_slots_channel_id"), table_name="queue_slots")
    op.drop_table("queue_slots")
    op.drop_index(op.f("ix_post_comments_post_id"), table_name="post_comments")
    op.drop_table("post_comments")
