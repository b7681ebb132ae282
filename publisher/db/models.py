"""The schema, as SQLAlchemy 2 typed models. Migrations in ``migrations/versions`` must match it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Tables the migrations create outside these models (SQLite FTS5 and its shadow tables); schema comparisons skip them.
UNMANAGED_TABLE_PREFIX = "inbox_fts"


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that is always UTC. Naive datetimes are refused rather than guessed."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime refused: give a timezone-aware datetime")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON}  # noqa: RUF012 - SQLAlchemy API


class WorkspaceSetting(Base):
    __tablename__ = "workspace_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    email: Mapped[str | None] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(20))  # author | editor | admin
    created_at: Mapped[datetime]


class Channel(Base):
    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200), unique=True)
    base_url: Mapped[str | None] = mapped_column(String(2000))
    handle: Mapped[str | None] = mapped_column(String(500))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The IANA zone most of the channel's audience lives in; the calendar shows times there beside the user's.
    audience_tz: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]


class QueueSlot(Base):
    """A weekly time slot of a channel's queue: "add to queue" takes the next free one."""

    __tablename__ = "queue_slots"
    __table_args__ = (UniqueConstraint("channel_id", "weekday", "time"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday … 6 = Sunday
    time: Mapped[str] = mapped_column(String(5))  # wall-clock "HH:MM" in ``tz``
    tz: Mapped[str] = mapped_column(String(64))


class Brand(Base):
    """A brand profile; ``settings`` holds :meth:`publisher.domain.brand.BrandProfile.to_json`."""

    __tablename__ = "brand_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str | None] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text)
    campaign: Mapped[str | None] = mapped_column(String(200))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20))  # workflow: draft, in_review, approved, scheduled
    brand_id: Mapped[int | None] = mapped_column(ForeignKey("brand_profiles.id", ondelete="SET NULL"), index=True)
    # Recurring posts: every occurrence is its own post; they share the first one's id as series id.
    series_id: Mapped[int | None] = mapped_column(Integer, index=True)
    recurrence: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    deliveries: Mapped[list[Delivery]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="Delivery.id"
    )
    variants: Mapped[list[Variant]] = relationship(cascade="all, delete-orphan")


class Variant(Base):
    """A channel's own text for a post; without one the channel gets the post's body."""

    __tablename__ = "variants"
    __table_args__ = (UniqueConstraint("post_id", "channel_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    body: Mapped[str] = mapped_column(Text)


class MediaAsset(Base):
    """One image or video attached to a post. The bytes live in the media store (content-addressed by sha256)."""

    __tablename__ = "media_assets"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    mime_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(500))
    alt_text: Mapped[str | None] = mapped_column(Text)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    # Relative to the data directory (``media/<sha256[:2]>/<sha256>``), so the folder can move.
    storage_path: Mapped[str] = mapped_column(String(1000))
    position: Mapped[int] = mapped_column(Integer, default=0)  # order within the post, from 0
    created_at: Mapped[datetime]


class Delivery(Base):
    """One post on one channel: the unit the publishing engine claims, sends and records."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("post_id", "channel_id"),
        Index("ix_deliveries_due", "state", "next_attempt_at"),
        Index("ix_deliveries_scheduled_at", "scheduled_at"),  # the calendar reads deliveries by time
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(20))
    scheduled_at: Mapped[datetime | None]
    scheduled_tz: Mapped[str] = mapped_column(String(64), default="UTC")
    next_attempt_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    idempotency_key: Mapped[str | None] = mapped_column(String(100))
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None]
    remote_id: Mapped[str | None] = mapped_column(String(500))
    remote_url: Mapped[str | None] = mapped_column(String(2000))
    published_at: Mapped[datetime | None]
    last_error_code: Mapped[str | None] = mapped_column(String(100))
    last_error_message: Mapped[str | None] = mapped_column(Text)  # English, for logs and the CLI
    last_error_params: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the UI translates code+params
    # Hand-off: the network holds a scheduled copy (Mastodon scheduled status, WordPress future post, Matrix
    # delayed event) with this id, due at ``handoff_at``. The engine cancels or replaces it when the delivery is
    # cancelled or moved, and confirms it after it fell due.
    handoff_id: Mapped[str | None] = mapped_column(String(500))
    handoff_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    post: Mapped[Post] = relationship(back_populates="deliveries")
    channel: Mapped[Channel] = relationship()


class PostComment(Base):
    """A comment in a post's review thread; ``kind`` records workflow steps (submitted, approved, sent back)."""

    __tablename__ = "post_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # comment | submitted | approved | sent_back
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int | None]
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class EngineHeartbeat(Base):
    """Each runner (app window or headless) writes its beat here, so every window shows the same truth."""

    __tablename__ = "engine_heartbeats"

    runner_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int]
    mode: Mapped[str] = mapped_column(String(20))  # app | headless
    started_at: Mapped[datetime]
    last_beat_at: Mapped[datetime]
    last_run_at: Mapped[datetime | None]
    stopped_at: Mapped[datetime | None]


# -- inbox ---------------------------------------------------------------------------------------------------


class InboxConversation(Base):
    """A thread on one channel, named by its root's network id; linked to our post when the root is one of ours."""

    __tablename__ = "inbox_conversations"
    __table_args__ = (UniqueConstraint("channel_id", "root_remote_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    root_remote_id: Mapped[str] = mapped_column(String(500))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"), index=True)
    campaign: Mapped[str | None] = mapped_column(String(200), index=True)
    last_activity_at: Mapped[datetime]
    created_at: Mapped[datetime]


class InboxContact(Base):
    """The person behind a handle on one kind of network; ``merged_into_id`` joins handles the user merged."""

    __tablename__ = "inbox_contacts"
    __table_args__ = (UniqueConstraint("channel_kind", "handle"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_kind: Mapped[str] = mapped_column(String(40))
    handle: Mapped[str] = mapped_column(String(500))
    display_name: Mapped[str] = mapped_column(String(500), default="")  # the network's name; sync keeps it current
    user_name: Mapped[str | None] = mapped_column(String(500))  # the team's own name for the person; sync leaves it
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("inbox_contacts.id", ondelete="SET NULL"), index=True)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class InboxItem(Base):
    """One reply, mention, comment or message received on a channel. ``text`` is plain; ``html`` is sanitised."""

    __tablename__ = "inbox_items"
    __table_args__ = (
        UniqueConstraint("channel_id", "remote_id"),
        Index("ix_inbox_items_received", "received_at", "id"),
        Index("ix_inbox_items_channel_received", "channel_id", "received_at"),
        Index("ix_inbox_items_status_received", "status", "received_at"),
        # Partial: a new item is unassigned and most stand alone, so ingesting one adds no entry here (0007).
        Index(
            "ix_inbox_items_assignee",
            "assignee",
            sqlite_where=text("assignee IS NOT NULL"),
            postgresql_where=text("assignee IS NOT NULL"),
        ),
        Index(
            "ix_inbox_items_conversation_id",
            "conversation_id",
            sqlite_where=text("conversation_id IS NOT NULL"),
            postgresql_where=text("conversation_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    remote_id: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))  # reply | mention | comment | message
    author_handle: Mapped[str] = mapped_column(String(500))
    author_name: Mapped[str] = mapped_column(String(500))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("inbox_contacts.id", ondelete="SET NULL"), index=True)
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2000))
    received_at: Mapped[datetime]
    in_reply_to_remote_id: Mapped[str | None] = mapped_column(String(500))
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("inbox_conversations.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | done
    assignee: Mapped[str | None] = mapped_column(String(200))
    sentiment_score: Mapped[float] = mapped_column(Float, default=0.0)  # -1 … 1
    # Not indexed (0007): each label is a large share, so "newest first" reads ix_inbox_items_received instead.
    sentiment_label: Mapped[str] = mapped_column(String(10))  # negative | neutral | positive
    sentiment_words: Mapped[list[str]] = mapped_column(JSON, default=list)  # the words that tipped it
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    read_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class InboxItemTag(Base):
    __tablename__ = "inbox_item_tags"

    item_id: Mapped[int] = mapped_column(ForeignKey("inbox_items.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(100), primary_key=True, index=True)


class InboxReply(Base):
    """Our answer to an inbox item: ``sent`` with the network's id, or ``failed`` with the error (never lost)."""

    __tablename__ = "inbox_replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("inbox_items.id", ondelete="CASCADE"), index=True)
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbox_conversations.id", ondelete="SET NULL"), index=True
    )
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10))  # sent | failed
    remote_id: Mapped[str | None] = mapped_column(String(500))
    remote_url: Mapped[str | None] = mapped_column(String(2000))
    error_code: Mapped[str | None] = mapped_column(String(100))
    error_params: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class InboxSyncState(Base):
    """Per channel: when it was last synced, how far the 30-day back-fill got, and the last failure."""

    __tablename__ = "inbox_sync_state"

    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"), primary_key=True)
    cursor: Mapped[str | None] = mapped_column(String(2000))  # where an unfinished back-fill goes on
    backfill_done: Mapped[bool] = mapped_column(Boolean, default=False)
    last_sync_at: Mapped[datetime | None]
    last_error_code: Mapped[str | None] = mapped_column(String(100))


class SavedReply(Base):
    """A canned answer the team shares; ``{name}`` and the other placeholders are filled in when it is used."""

    __tablename__ = "saved_replies"
    __table_args__ = (UniqueConstraint("title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
