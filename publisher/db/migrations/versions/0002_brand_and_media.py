"""brand profiles, a post's brand, media metadata and storage

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

- ``brand_profiles``: one row per brand profile; ``settings`` holds the profile's JSON.
- ``posts.brand_id``: the brand a post is checked against (``SET NULL`` when the profile is removed).
- ``media_assets``: ``width``, ``height``, ``duration_ms`` (what inspecting the file found), ``storage_path``
  (where the bytes live, relative to the data directory) and ``position`` (order within the post). Rows that
  exist already get the content-addressed path their sha256 implies and positions in id order.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "brand_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brand_profiles")),
        sa.UniqueConstraint("name", name=op.f("uq_brand_profiles_name")),
    )

    # Nullable first, filled in for existing rows, then NOT NULL (a server default would stay in the schema).
    with op.batch_alter_table("media_assets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("width", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("height", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("duration_ms", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("storage_path", sa.String(length=1000), nullable=True))
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE media_assets SET storage_path = 'media/' || substr(sha256, 1, 2) || '/' || sha256, "
        "position = (SELECT count(*) FROM media_assets AS earlier "
        "WHERE earlier.post_id = media_assets.post_id AND earlier.id < media_assets.id)"
    )
    with op.batch_alter_table("media_assets", schema=None) as batch_op:
        batch_op.alter_column("storage_path", existing_type=sa.String(length=1000), nullable=False)
        batch_op.alter_column("position", existing_type=sa.Integer(), nullable=False)

    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("brand_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_posts_brand_id"), ["brand_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_posts_brand_id_brand_profiles"),
            "brand_profiles",
            ["brand_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_posts_brand_id_brand_profiles"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_posts_brand_id"))
        batch_op.drop_column("brand_id")

    with op.batch_alter_table("media_assets", schema=None) as batch_op:
        batch_op.drop_column("position")
        batch_op.drop_column("storage_path")
        batch_op.drop_column("duration_ms")
        batch_op.drop_column("height")
        batch_op.drop_column("width")

    op.drop_table("brand_profiles")
