"""unified inbox: items, conversations, contacts, tags, replies, sync state, full-text search

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

- ``inbox_items``: what people said to us, one row per network id and channel, with status, assignee, sentiment.
- ``inbox_conversations``: threads, linked to our post and its campaign when the root is one of our deliveries.
- ``inbox_contacts``: the people behind handles (per kind of network), mergeable, with tags and notes.
- ``inbox_item_tags``, ``inbox_replies`` (our answers, sent or failed), ``inbox_sync_state`` (per channel).
- Full-text search. SQLite: an FTS5 table ``inbox_fts`` over ``inbox_items`` (external content) kept in step by
  triggers (a bulk ingest may defer the insert trigger for its own rows through ``inbox_fts_control``).
  PostgreSQL: a GIN index on the ``to_tsvector`` expression that the inbox service's search queries.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Kept literally here (a migration must not change when the code does); the service uses the same text.
PG_SEARCH_EXPRESSION = (
    "to_tsvector('simple'::regconfig, coalesce(text, '') || ' ' || coalesce(author_name, '') || ' ' "
    "|| coalesce(author_handle, ''))"
)

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE inbox_fts USING fts5(text, author_name, author_handle, content='inbox_items', "
    "content_rowid='id', detail=column, tokenize='unicode61 remove_diacritics 2')",
    # One row: while ``deferred`` is 1 (only ever inside the inbox's own ingest transaction, which indexes the
    # page's rows in one statement before it sets it back), the insert trigger leaves the indexing to it.
    "CREATE TABLE inbox_fts_control (id INTEGER PRIMARY KEY CHECK (id = 1), deferred INTEGER NOT NULL)",
    "INSERT INTO inbox_fts_control (id, deferred) VALUES (1, 0)",
    "CREATE TRIGGER inbox_fts_ai AFTER INSERT ON inbox_items "
    "WHEN (SELECT deferred FROM inbox_fts_control WHERE id = 1) = 0 BEGIN "
    "INSERT INTO inbox_fts(rowid, text, author_name, author_handle) "
    "VALUES (new.id, new.text, new.author_name, new.author_handle); END",
    "CREATE TRIGGER inbox_fts_ad AFTER DELETE ON inbox_items BEGIN "
    "INSERT INTO inbox_fts(inbox_fts, rowid, text, author_name, author_handle) "
    "VALUES ('delete', old.id, old.text, old.author_name, old.author_handle); END",
    # Only when a searched column changes: status, assignee and read marks leave the index alone.
    "CREATE TRIGGER inbox_fts_au AFTER UPDATE OF text, author_name, author_handle ON inbox_items BEGIN "
    "INSERT INTO inbox_fts(inbox_fts, rowid, text, author_name, author_handle) "
    "VALUES ('delete', old.id, old.text, old.author_name, old.author_handle); "
    "INSERT INTO inbox_fts(rowid, text, author_name, author_handle) "
    "VALUES (new.id, new.text, new.author_name, new.author_handle); END",
]


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "inbox_conversations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("root_remote_id", sa.String(length=500), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("campaign", sa.String(length=200), nullable=True),
        sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("inbox_conversations", "channel_id", "channels", "CASCADE"),
        _fk("inbox_conversations", "post_id", "posts", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_conversations")),
        sa.UniqueConstraint("channel_id", "root_remote_id", name=op.f("uq_inbox_conversations_channel_id")),
    )
    op.create_index(op.f("ix_inbox_conversations_post_id"), "inbox_conversations", ["post_id"], unique=False)
    op.create_index(op.f("ix_inbox_conversations_campaign"), "inbox_conversations", ["campaign"], unique=False)

    op.create_table(
        "inbox_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_kind", sa.String(length=40), nullable=False),
        sa.Column("handle", sa.String(length=500), nullable=False),
        sa.Column("display_name", sa.String(length=500), nullable=False),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("inbox_contacts", "merged_into_id", "inbox_contacts", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_contacts")),
        sa.UniqueConstraint("channel_kind", "handle", name=op.f("uq_inbox_contacts_channel_kind")),
    )
    op.create_index(op.f("ix_inbox_contacts_merged_into_id"), "inbox_contacts", ["merged_into_id"], unique=False)

    op.create_table(
        "inbox_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("remote_id", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("author_handle", sa.String(length=500), nullable=False),
        sa.Column("author_name", sa.String(length=500), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("html", sa.Text(), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("in_reply_to_remote_id", sa.String(length=500), nullable=True),
        sa.Column("conversation_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("assignee", sa.String(length=200), nullable=True),
        sa.Column("sentiment_score", sa.Float(), nullable=False),
        sa.Column("sentiment_label", sa.String(length=10), nullable=False),
        sa.Column("sentiment_words", sa.JSON(), nullable=False),
        sa.Column("edited", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("inbox_items", "channel_id", "channels", "CASCADE"),
        _fk("inbox_items", "contact_id", "inbox_contacts", "SET NULL"),
        _fk("inbox_items", "conversation_id", "inbox_conversations", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_items")),
        sa.UniqueConstraint("channel_id", "remote_id", name=op.f("uq_inbox_items_channel_id")),
    )
    op.create_index("ix_inbox_items_received", "inbox_items", ["received_at", "id"], unique=False)
    op.create_index("ix_inbox_items_channel_received", "inbox_items", ["channel_id", "received_at"], unique=False)
    op.create_index("ix_inbox_items_status_received", "inbox_items", ["status", "received_at"], unique=False)
    op.create_index(op.f("ix_inbox_items_assignee"), "inbox_items", ["assignee"], unique=False)
    op.create_index(op.f("ix_inbox_items_sentiment_label"), "inbox_items", ["sentiment_label"], unique=False)
    op.create_index(op.f("ix_inbox_items_contact_id"), "inbox_items", ["contact_id"], unique=False)
    op.create_index(op.f("ix_inbox_items_conversation_id"), "inbox_items", ["conversation_id"], unique=False)

    op.create_table(
        "inbox_item_tags",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=100), nullable=False),
        _fk("inbox_item_tags", "item_id", "inbox_items", "CASCADE"),
        sa.PrimaryKeyConstraint("item_id", "tag", name=op.f("pk_inbox_item_tags")),
    )
    op.create_index(op.f("ix_inbox_item_tags_tag"), "inbox_item_tags", ["tag"], unique=False)

    op.create_table(
        "inbox_replies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("remote_id", sa.String(length=500), nullable=True),
        sa.Column("remote_url", sa.String(length=2000), nullable=True),
        sa.Column("error_code", sa.String(length=100), nullable=True),
        sa.Column("error_params", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        _fk("inbox_replies", "item_id", "inbox_items", "CASCADE"),
        _fk("inbox_replies", "conversation_id", "inbox_conversations", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_replies")),
    )
    op.create_index(op.f("ix_inbox_replies_item_id"), "inbox_replies", ["item_id"], unique=False)
    op.create_index(op.f("ix_inbox_replies_conversation_id"), "inbox_replies", ["conversation_id"], unique=False)

    op.create_table(
        "inbox_sync_state",
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("cursor", sa.String(length=2000), nullable=True),
        sa.Column("backfill_done", sa.Boolean(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error_code", sa.String(length=100), nullable=True),
        _fk("inbox_sync_state", "channel_id", "channels", "CASCADE"),
        sa.PrimaryKeyConstraint("channel_id", name=op.f("pk_inbox_sync_state")),
    )

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(f"CREATE INDEX ix_inbox_items_search ON inbox_items USING gin ({PG_SEARCH_EXPRESSION})")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("inbox_fts_au", "inbox_fts_ad", "inbox_fts_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS inbox_fts")
        op.execute("DROP TABLE IF EXISTS inbox_fts_control")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_inbox_items_search")
    op.drop_table("inbox_sync_state")
    op.drop_index(op.f("ix_inbox_replies_conversation_id"), table_name="inbox_replies")
    op.drop_index(op.f("ix_inbox_replies_item_id"), table_name="inbox_replies")
    op.drop_table("inbox_replies")
    op.drop_index(op.f("ix_inbox_item_tags_tag"), table_name="inbox_item_tags")
    op.drop_table("inbox_item_tags")
    for name in (
        "ix_inbox_items_conversation_id",
        "ix_inbox_items_contact_id",
        "ix_inbox_items_sentiment_label",
        "ix_inbox_items_assignee",
    ):
        op.drop_index(op.f(name), table_name="inbox_items")
    for name in ("ix_inbox_items_status_received", "ix_inbox_items_channel_received", "ix_inbox_items_received"):
        op.drop_index(name, table_name="inbox_items")
    op.drop_table("inbox_items")
    op.drop_index(op.f("ix_inbox_contacts_merged_into_id"), table_name="inbox_contacts")
    op.drop_table("inbox_contacts")
    op.drop_index(op.f("ix_inbox_conversations_campaign"), table_name="inbox_conversations")
    op.drop_index(op.f("ix_inbox_conversations_post_id"), table_name="inbox_conversations")
    op.drop_table("inbox_conversations")
