"""The statements of an inbox sync, for one page in one open transaction: two ways to run the same ones.

:class:`InboxStore` uses SQLAlchemy Core and works on every database (PostgreSQL for teams). On SQLite,
:class:`SqliteInboxStore` sends the same statements straight to the driver connection of the session's
transaction: SQLite runs in this process, so the per-statement and per-row cost of building and binding them is
most of the cost of an ingest, and here it is a fraction. Values are bound exactly as the models' types bind them
(the same timestamp text, the same JSON), so both write identical rows.

Neither commits. On PostgreSQL the database keeps its full-text index itself. On SQLite :meth:`add_items` leaves
the new rows out of the FTS5 index and marks where they begin; :func:`index_pending`, which the sync runs before
it returns, indexes them all in one statement (see migration 0007).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Dialect, Table, bindparam, select, update
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from publisher.db.models import (
    Delivery,
    InboxContact,
    InboxConversation,
    InboxItem,
    InboxReply,
    InboxSyncState,
    Post,
)

_ITEMS = cast(Table, InboxItem.__table__)
_CONTACTS = cast(Table, InboxContact.__table__)
_CONVERSATIONS = cast(Table, InboxConversation.__table__)
_REPLIES = cast(Table, InboxReply.__table__)
_CHUNK = 400  # values per IN (…) list on databases other than SQLite: well below any bound-parameter limit

# What a new item carries (the rest is the same for every new item: open, unassigned, unread, not edited).
NEW_ITEM_COLUMNS = (
    "channel_id",
    "remote_id",
    "kind",
    "author_handle",
    "author_name",
    "contact_id",
    "text",
    "html",
    "url",
    "received_at",
    "in_reply_to_remote_id",
    "conversation_id",
    "sentiment_score",
    "sentiment_label",
    "sentiment_words",
    "deleted",
)
NewItem = tuple[int, str, str, str, str, int | None, str, str | None, str | None, datetime, str | None, int | None,
                float, str, list[str], bool]  # fmt: skip
# An item we hold: id, text, html, deleted.
Known = tuple[int, str, str | None, bool]


def _chunks(values: Sequence[str], size: int = _CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class InboxStore:
    """SQLAlchemy Core: any database."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def known_items(self, channel_id: int, remote_ids: Sequence[str]) -> dict[str, Known]:
        found: dict[str, Known] = {}
        for chunk in _chunks(remote_ids):
            for row in self.session.execute(
                select(InboxItem.remote_id, InboxItem.id, InboxItem.text, InboxItem.html, InboxItem.deleted).where(
                    InboxItem.channel_id == channel_id, InboxItem.remote_id.in_(chunk)
                )
            ):
                found[row[0]] = (row[1], row[2], row[3], bool(row[4]))
        return found

    def change_items(self, changes: list[dict[str, Any]]) -> None:
        """Edits and deletions: dicts with ``id`` and the columns to set."""
        self.session.execute(update(InboxItem), changes)

    def contacts(self, channel_kind: str, handles: Sequence[str]) -> dict[str, tuple[int, str]]:
        found: dict[str, tuple[int, str]] = {}
        for chunk in _chunks(handles):
            for handle, contact_id, display in self.session.execute(
                select(InboxContact.handle, InboxContact.id, InboxContact.display_name).where(
                    InboxContact.channel_kind == channel_kind, InboxContact.handle.in_(chunk)
                )
            ):
                found[handle] = (contact_id, display)
        return found

    def rename_contacts(self, renamed: list[tuple[int, str]], now: datetime) -> None:
        self.session.execute(
            update(InboxContact), [{"id": i, "display_name": name, "updated_at": now} for i, name in renamed]
        )

    def add_contacts(self, channel_kind: str, names: list[tuple[str, str]], now: datetime) -> None:
        self.session.connection().execute(
            _CONTACTS.insert(),
            [
                {
                    "channel_kind": channel_kind,
                    "handle": handle,
                    "display_name": name,
                    "tags": [],
                    "notes": "",
                    "created_at": now,
                    "updated_at": now,
                }
                for handle, name in names
            ],
        )

    def parent_roots(self, channel_id: int, parents: Sequence[str]) -> dict[str, str]:
        """The conversation root of each parent we hold that is in a conversation."""
        found: dict[str, str] = {}
        for chunk in _chunks(parents):
            for remote_id, root in self.session.execute(
                select(InboxItem.remote_id, InboxConversation.root_remote_id)
                .join(InboxConversation, InboxConversation.id == InboxItem.conversation_id)
                .where(InboxItem.channel_id == channel_id, InboxItem.remote_id.in_(chunk))
            ):
                found[remote_id] = root
        return found

    def conversations(self, channel_id: int, roots: Sequence[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(roots):
            for root, conv_id in self.session.execute(
                select(InboxConversation.root_remote_id, InboxConversation.id).where(
                    InboxConversation.channel_id == channel_id, InboxConversation.root_remote_id.in_(chunk)
                )
            ):
                found[root] = conv_id
        return found

    def our_posts(self, channel_id: int, remote_ids: Sequence[str]) -> dict[str, tuple[int, str | None]]:
        """Our deliveries among these network ids: their post and its campaign."""
        found: dict[str, tuple[int, str | None]] = {}
        for chunk in _chunks(remote_ids):
            for delivered_id, post_id, campaign in self.session.execute(
                select(Delivery.remote_id, Delivery.post_id, Post.campaign)
                .join(Post, Post.id == Delivery.post_id)
                .where(Delivery.channel_id == channel_id, Delivery.remote_id.in_(chunk))
            ):
                found[str(delivered_id)] = (post_id, campaign)
        return found

    def add_conversations(self, rows: list[tuple[int, str, int | None, str | None, datetime]], now: datetime) -> None:
        """Rows of channel id, root, post id, campaign, last activity."""
        self.session.connection().execute(
            _CONVERSATIONS.insert(),
            [
                {
                    "channel_id": channel_id,
                    "root_remote_id": root,
                    "post_id": post_id,
                    "campaign": campaign,
                    "last_activity_at": at,
                    "created_at": now,
                }
                for channel_id, root, post_id, campaign, at in rows
            ],
        )

    def join_roots(self, channel_id: int, pairs: list[tuple[str, int]]) -> None:
        """A root we hold already (a mention that stood alone until now) joins its new conversation."""
        self.session.connection().execute(
            _ITEMS.update()
            .where(
                _ITEMS.c.channel_id == channel_id,
                _ITEMS.c.remote_id == bindparam("root"),
                _ITEMS.c.conversation_id.is_(None),
            )
            .values(conversation_id=bindparam("conv")),
            [{"root": root, "conv": conv} for root, conv in pairs],
        )

    def touch_conversations(self, touched: list[tuple[int, datetime]]) -> None:
        """Move each conversation's last activity forward to the time given (never back)."""
        self.session.connection().execute(
            _CONVERSATIONS.update()
            .where(_CONVERSATIONS.c.id == bindparam("conv"), _CONVERSATIONS.c.last_activity_at < bindparam("at"))
            .values(last_activity_at=bindparam("at")),
            [{"conv": conv, "at": at} for conv, at in touched],
        )

    def merge_conversations(self, merges: list[tuple[int, int]]) -> None:
        """Each (orphan, target): the orphan's items and replies move to the target, and the orphan goes."""
        params = [{"orphan": orphan, "target": target} for orphan, target in merges]
        connection = self.session.connection()
        for table in (_ITEMS, _REPLIES):
            connection.execute(
                table.update()
                .where(table.c.conversation_id == bindparam("orphan"))
                .values(conversation_id=bindparam("target")),
                params,
            )
        connection.execute(_CONVERSATIONS.delete().where(_CONVERSATIONS.c.id == bindparam("orphan")), params)

    def save_cursor(self, channel_id: int, cursor: str | None, *, backfill_done: bool) -> bool:
        """Where an unfinished back-fill goes on (none once it is done). False if the channel has no state yet."""
        done = self.session.connection().execute(
            update(InboxSyncState)
            .where(InboxSyncState.channel_id == channel_id)
            .values(cursor=None if backfill_done else cursor, backfill_done=backfill_done)
        )
        return bool(done.rowcount)

    def add_items(self, rows: list[NewItem], now: datetime) -> None:
        fixed = {"status": "open", "assignee": None, "edited": False, "read_at": None, "created_at": now}
        self.session.connection().execute(
            _ITEMS.insert(),
            [{**dict(zip(NEW_ITEM_COLUMNS, row, strict=True)), **fixed, "updated_at": now} for row in rows],
        )


def _bind_processor(type_: TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any]:
    """What SQLAlchemy does to a value of this type before the driver gets it, on this dialect."""
    process = type_.dialect_impl(dialect).bind_processor(dialect)
    assert process is not None, type_
    return process


_IN = "IN (SELECT value FROM json_each(?))"  # a list as one JSON parameter: one statement whatever its length


class SqliteInboxStore(InboxStore):
    """The same statements on SQLite, through the driver connection of the session's transaction."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        connection = session.connection()  # begins the unit's transaction (BEGIN IMMEDIATE for a writer)
        self.raw: Any = connection.connection.driver_connection
        dialect = connection.dialect
        self._bind_time = cast(Callable[[datetime], str], _bind_processor(_ITEMS.c.received_at.type, dialect))
        self._json = cast(Callable[[Any], str], _bind_processor(_ITEMS.c.sentiment_words.type, dialect))

    def _time(self, value: datetime) -> str:
        """A timestamp as the models' type writes it on SQLite; one already in UTC (most) without the type."""
        if value.tzinfo is UTC:
            return value.replace(tzinfo=None).isoformat(" ", "microseconds")
        return self._bind_time(value)

    def _words_json(self, words: list[str]) -> str:
        """``json.dumps(words)`` as the JSON type writes it; plain ASCII words (most) without the encoder."""
        if not words:
            return "[]"
        joined = '", "'.join(words)
        if joined.isascii() and joined.isprintable() and "\\" not in joined and joined.count('"') == 2 * len(words) - 2:
            return f'["{joined}"]'
        return self._json(words)

    def _rows(self, sql: str, *params: Any) -> list[Any]:
        return cast(list[Any], self.raw.execute(sql, params).fetchall())

    def known_items(self, channel_id: int, remote_ids: Sequence[str]) -> dict[str, Known]:
        rows = self._rows(
            f"SELECT remote_id, id, text, html, deleted FROM inbox_items WHERE channel_id = ? AND remote_id {_IN}",
            channel_id,
            json.dumps(list(remote_ids)),
        )
        return {r[0]: (r[1], r[2], r[3], bool(r[4])) for r in rows}

    def contacts(self, channel_kind: str, handles: Sequence[str]) -> dict[str, tuple[int, str]]:
        rows = self._rows(
            f"SELECT handle, id, display_name FROM inbox_contacts WHERE channel_kind = ? AND handle {_IN}",
            channel_kind,
            json.dumps(list(handles)),
        )
        return {r[0]: (r[1], r[2]) for r in rows}

    def rename_contacts(self, renamed: list[tuple[int, str]], now: datetime) -> None:
        at = self._time(now)
        self.raw.executemany(
            "UPDATE inbox_contacts SET display_name = ?, updated_at = ? WHERE id = ?",
            [(name, at, i) for i, name in renamed],
        )

    def add_contacts(self, channel_kind: str, names: list[tuple[str, str]], now: datetime) -> None:
        at = self._time(now)
        self.raw.executemany(
            "INSERT INTO inbox_contacts (channel_kind, handle, display_name, tags, notes, created_at, updated_at) "
            "VALUES (?, ?, ?, '[]', '', ?, ?)",
            [(channel_kind, handle, name, at, at) for handle, name in names],
        )

    def parent_roots(self, channel_id: int, parents: Sequence[str]) -> dict[str, str]:
        rows = self._rows(
            "SELECT i.remote_id, c.root_remote_id FROM inbox_items AS i "
            "JOIN inbox_conversations AS c ON c.id = i.conversation_id "
            f"WHERE i.channel_id = ? AND i.remote_id {_IN}",
            channel_id,
            json.dumps(list(parents)),
        )
        return dict(rows)

    def conversations(self, channel_id: int, roots: Sequence[str]) -> dict[str, int]:
        rows = self._rows(
            f"SELECT root_remote_id, id FROM inbox_conversations WHERE channel_id = ? AND root_remote_id {_IN}",
            channel_id,
            json.dumps(list(roots)),
        )
        return dict(rows)

    def our_posts(self, channel_id: int, remote_ids: Sequence[str]) -> dict[str, tuple[int, str | None]]:
        rows = self._rows(
            "SELECT d.remote_id, d.post_id, p.campaign FROM deliveries AS d JOIN posts AS p ON p.id = d.post_id "
            f"WHERE d.channel_id = ? AND d.remote_id {_IN}",
            channel_id,
            json.dumps(list(remote_ids)),
        )
        return {str(r[0]): (r[1], r[2]) for r in rows}

    def add_conversations(self, rows: list[tuple[int, str, int | None, str | None, datetime]], now: datetime) -> None:
        at = self._time(now)
        self.raw.executemany(
            "INSERT INTO inbox_conversations (channel_id, root_remote_id, post_id, campaign, last_activity_at, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [(channel, root, post, campaign, self._time(last), at) for channel, root, post, campaign, last in rows],
        )

    def join_roots(self, channel_id: int, pairs: list[tuple[str, int]]) -> None:
        self.raw.executemany(
            "UPDATE inbox_items SET conversation_id = ? "
            "WHERE channel_id = ? AND remote_id = ? AND conversation_id IS NULL",
            [(conv, channel_id, root) for root, conv in pairs],
        )

    def touch_conversations(self, touched: list[tuple[int, datetime]]) -> None:
        # The stored text has a fixed width, so comparing it as text compares the instants.
        self.raw.executemany(
            "UPDATE inbox_conversations SET last_activity_at = ?1 WHERE id = ?2 AND last_activity_at < ?1",
            [(self._time(at), conv) for conv, at in touched],
        )

    def merge_conversations(self, merges: list[tuple[int, int]]) -> None:
        params = [(target, orphan) for orphan, target in merges]
        for table in ("inbox_items", "inbox_replies"):
            self.raw.executemany(f"UPDATE {table} SET conversation_id = ? WHERE conversation_id = ?", params)
        self.raw.executemany("DELETE FROM inbox_conversations WHERE id = ?", [(orphan,) for orphan, _ in merges])

    def save_cursor(self, channel_id: int, cursor: str | None, *, backfill_done: bool) -> bool:
        done = self.raw.execute(
            "UPDATE inbox_sync_state SET cursor = ?, backfill_done = ? WHERE channel_id = ?",
            (None if backfill_done else cursor, backfill_done, channel_id),
        )
        return bool(done.rowcount)

    def add_items(self, rows: list[NewItem], now: datetime) -> None:
        at = self._time(now)
        time, dumps = self._time, self._words_json
        values = [
            (*row[:9], time(row[9]), row[10], row[11], row[12], row[13], dumps(row[14]), row[15], at) for row in rows
        ]
        raw = self.raw
        # Not indexed now: the sync indexes all it stored in one statement at its end (see index_pending), which
        # costs a fraction of one index segment per page. From the first such row on, the control row says where
        # the rows not indexed yet begin; it is written in this page's transaction, so it is never lost.
        raw.execute(
            "UPDATE inbox_fts_control SET deferred = (SELECT coalesce(max(id), 0) + 1 FROM inbox_items) "
            "WHERE id = 1 AND deferred = 0"
        )
        raw.executemany(
            "INSERT INTO inbox_items (channel_id, remote_id, kind, author_handle, author_name, contact_id, text, html, "
            "url, received_at, in_reply_to_remote_id, conversation_id, sentiment_score, sentiment_label, "
            "sentiment_words, deleted, status, assignee, edited, read_at, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', NULL, 0, NULL, ?17, ?17)",
            values,
        )


def index_pending(session: Session) -> int:
    """SQLite: put the rows that syncs stored but did not index yet into the full-text index, in one statement.

    Returns how many. Rows with an id from ``inbox_fts_control.deferred`` on are those (0: none); the triggers of
    migration 0007 leave them alone until then.
    """
    raw = session.connection().connection.driver_connection
    assert raw is not None
    (first,) = raw.execute("SELECT deferred FROM inbox_fts_control WHERE id = 1").fetchone()
    if not first:
        return 0
    cursor = raw.execute(
        "INSERT INTO inbox_fts (rowid, text, author_name, author_handle) "
        "SELECT id, text, author_name, author_handle FROM inbox_items WHERE id >= ?",
        (first,),
    )
    raw.execute("UPDATE inbox_fts_control SET deferred = 0 WHERE id = 1")
    return int(cursor.rowcount)


def store_for(session: Session, dialect: str) -> InboxStore:
    return SqliteInboxStore(session) if dialect == "sqlite" else InboxStore(session)
