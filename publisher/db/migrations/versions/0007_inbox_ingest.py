"""inbox: cheaper ingest (full-text indexing at the end of a sync, fewer index entries per new item)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23

SQLite: a sync indexes the rows it stores in one statement at its end instead of one small index segment per fetched
page (several times faster for a back-fill). ``inbox_fts_control.deferred`` now says which rows are indexed:
0 means all of them, any other value N means those with an id below N (the rows from N on are indexed by the sync
that stored them, or by the next one if it was interrupted). The triggers follow that rule, so an edit or a deletion
of a row not yet indexed leaves the index alone rather than removing words it never held.

Indexes on ``inbox_items``, each one written for every stored item, kept only where a query needs them:

* ``assignee`` and ``conversation_id`` become partial (``IS NOT NULL``): a new item is unassigned and most stand
  alone, so it adds no entry to either, while finding one person's items, a conversation's items or the items
  pointing at a removed conversation (``= value``, which implies ``IS NOT NULL``) still uses them.
* ``sentiment_label`` goes: three values, each a large share of the inbox, so the list reads the newest items
  through ``ix_inbox_items_received`` and finds a page of any label in a few hundred rows; the index was never the
  better plan for "newest first".
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_INDEXED = "(SELECT deferred FROM inbox_fts_control WHERE id = 1)"

SQLITE_TRIGGERS = [
    "CREATE TRIGGER inbox_fts_ai AFTER INSERT ON inbox_items "
    f"WHEN {_INDEXED} = 0 OR new.id < {_INDEXED} BEGIN "
    "INSERT INTO inbox_fts(rowid, text, author_name, author_handle) "
    "VALUES (new.id, new.text, new.author_name, new.author_handle); END",
    "CREATE TRIGGER inbox_fts_ad AFTER DELETE ON inbox_items "
    f"WHEN {_INDEXED} = 0 OR old.id < {_INDEXED} BEGIN "
    "INSERT INTO inbox_fts(inbox_fts, rowid, text, author_name, author_handle) "
    "VALUES ('delete', old.id, old.text, old.author_name, old.author_handle); END",
    # Only when a searched column changes: status, assignee and read marks leave the index alone.
    "CREATE TRIGGER inbox_fts_au AFTER UPDATE OF text, author_name, author_handle ON inbox_items "
    f"WHEN {_INDEXED} = 0 OR old.id < {_INDEXED} BEGIN "
    "INSERT INTO inbox_fts(inbox_fts, rowid, text, author_name, author_handle) "
    "VALUES ('delete', old.id, old.text, old.author_name, old.author_handle); "
    "INSERT INTO inbox_fts(rowid, text, author_name, author_handle) "
    "VALUES (new.id, new.text, new.author_name, new.author_handle); END",
]

# As revision 0004 made them.
SQLITE_TRIGGERS_0004 = [
    "CREATE TRIGGER inbox_fts_ai AFTER INSERT ON inbox_items "
    "WHEN (SELECT deferred FROM inbox_fts_control WHERE id = 1) = 0 BEGIN "
    "INSERT INTO inbox_fts(rowid, text, author_name, author_handle) "
    "VALUES (new.id, new.text, new.author_name, new.author_handle); END",
    "CREATE TRIGGER inbox_fts_ad AFTER DELETE ON inbox_items BEGIN "
    "INSERT INTO inbox_fts(inbox_fts, rowid, text, author_name, author_handle) "
    "VALUES ('delete', old.id, old.text, old.author_name, old.author_handle); END",
    "CREATE TRIGGER inbox_fts_au AFTER UPDATE OF text, author_name, author_handle ON inbox_items BEGIN "
    "INSERT INTO inbox_fts(inbox_fts, rowid, text, author_name, author_handle) "
    "VALUES ('delete', old.id, old.text, old.author_name, old.author_handle); "
    "INSERT INTO inbox_fts(rowid, text, author_name, author_handle) "
    "VALUES (new.id, new.text, new.author_name, new.author_handle); END",
]

# Rows stored by an interrupted sync and not indexed yet: indexed now, so the old triggers find the index complete.
_INDEX_PENDING = [
    "INSERT INTO inbox_fts(rowid, text, author_name, author_handle) "
    f"SELECT id, text, author_name, author_handle FROM inbox_items WHERE {_INDEXED} <> 0 AND id >= {_INDEXED}",
    "UPDATE inbox_fts_control SET deferred = 0 WHERE id = 1",
]


def _replace_triggers(statements: list[str]) -> None:
    for name in ("inbox_fts_au", "inbox_fts_ad", "inbox_fts_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in statements:
        op.execute(statement)


_PARTIAL = ("assignee", "conversation_id")


def _index(column: str, *, partial: bool) -> None:
    name = f"ix_inbox_items_{column}"
    if partial:
        where = sa.text(f"{column} IS NOT NULL")
        op.create_index(name, "inbox_items", [column], unique=False, sqlite_where=where, postgresql_where=where)
    else:
        op.create_index(name, "inbox_items", [column], unique=False)


def upgrade() -> None:
    op.drop_index("ix_inbox_items_sentiment_label", table_name="inbox_items")
    for column in _PARTIAL:
        op.drop_index(f"ix_inbox_items_{column}", table_name="inbox_items")
        _index(column, partial=True)
    if op.get_bind().dialect.name == "sqlite":
        _replace_triggers(SQLITE_TRIGGERS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in _INDEX_PENDING:
            op.execute(statement)
        _replace_triggers(SQLITE_TRIGGERS_0004)
    for column in _PARTIAL:
        op.drop_index(f"ix_inbox_items_{column}", table_name="inbox_items")
        _index(column, partial=False)
    _index("sentiment_label", partial=False)
