from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from publisher.domain.media import MediaInfo


class Role(StrEnum):
    AUTHOR = "author"
    EDITOR = "editor"
    ADMIN = "admin"


ROLES = tuple(r.value for r in Role)


class DeliveryState(StrEnum):
    """Where one post stands on one channel."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    FAILED = "failed"
    UNCONFIRMED = "unconfirmed"
    CANCELLED = "cancelled"


class PostStatus(StrEnum):
    """A post's overall status, derived from its workflow status and its deliveries."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    PARTIALLY_PUBLISHED = "partially_published"
    FAILED = "failed"
    NEEDS_ATTENTION = "needs_attention"
    CANCELLED = "cancelled"


def derive_post_status(workflow: str, states: Iterable[str]) -> PostStatus:
    states = list(states)
    if workflow in (PostStatus.DRAFT, PostStatus.IN_REVIEW, PostStatus.APPROVED) or not states:
        return PostStatus(workflow) if workflow in PostStatus.__members__.values() else PostStatus.DRAFT
    live = [s for s in states if s != DeliveryState.CANCELLED]
    if not live:
        return PostStatus.CANCELLED
    if all(s == DeliveryState.PUBLISHED for s in live):
        return PostStatus.PUBLISHED
    if any(s == DeliveryState.UNCONFIRMED for s in live):
        return PostStatus.NEEDS_ATTENTION
    if any(s == DeliveryState.PUBLISHING for s in live):
        return PostStatus.PUBLISHING
    if any(s == DeliveryState.FAILED for s in live):
        published = any(s == DeliveryState.PUBLISHED for s in live)
        return PostStatus.PARTIALLY_PUBLISHED if published else PostStatus.FAILED
    if any(s == DeliveryState.PUBLISHED for s in live):
        return PostStatus.PARTIALLY_PUBLISHED
    return PostStatus.SCHEDULED


@dataclass(frozen=True, slots=True)
class ChannelInfo:
    id: int
    kind: str
    name: str
    base_url: str | None
    handle: str | None
    settings: dict[str, Any]
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "url": self.base_url,
            "handle": self.handle,
            "settings": self.settings,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class DeliveryInfo:
    id: int
    post_id: int
    channel_id: int
    channel: str
    channel_kind: str
    state: DeliveryState
    scheduled_at: datetime | None
    scheduled_tz: str
    attempts: int
    next_attempt_at: datetime | None
    remote_id: str | None
    remote_url: str | None
    published_at: datetime | None
    error_code: str | None
    error: str | None
    handoff_at: datetime | None = None  # the network holds a scheduled copy due then (see Delivery.handoff_id)

    @property
    def handed_off(self) -> bool:
        return self.handoff_at is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "channel": self.channel,
            "channel_kind": self.channel_kind,
            "state": self.state.value,
            "scheduled_at": _iso(self.scheduled_at),
            "timezone": self.scheduled_tz,
            "attempts": self.attempts,
            "next_attempt_at": _iso(self.next_attempt_at),
            "remote_id": self.remote_id,
            "remote_url": self.remote_url,
            "published_at": _iso(self.published_at),
            "error_code": self.error_code,
            "error": self.error,
            "handed_off": self.handed_off,
        }


@dataclass(frozen=True, slots=True)
class PostSummary:
    """One row of the post list."""

    id: int
    title: str
    status: PostStatus
    campaign: str | None
    created_at: datetime
    scheduled_at: datetime | None
    deliveries: tuple[DeliveryInfo, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status.value,
            "campaign": self.campaign,
            "created_at": self.created_at.isoformat(),
            "scheduled_at": _iso(self.scheduled_at),
            "deliveries": [d.to_json() for d in self.deliveries],
        }


@dataclass(frozen=True, slots=True)
class PostDetail:
    id: int
    title: str | None
    body: str
    campaign: str | None
    author: str | None
    workflow_status: str
    status: PostStatus
    created_at: datetime
    updated_at: datetime
    deliveries: tuple[DeliveryInfo, ...]
    media: tuple[MediaInfo, ...] = ()  # in post order
    brand: str | None = None  # the brand profile the post is checked against

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "campaign": self.campaign,
            "author": self.author,
            "workflow_status": self.workflow_status,
            "status": self.status.value,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "deliveries": [d.to_json() for d in self.deliveries],
            "media": [m.to_json() for m in self.media],
            "brand": self.brand,
        }


@dataclass(frozen=True, slots=True)
class CommentInfo:
    """One entry of a post's review thread."""

    id: int
    post_id: int
    author: str
    kind: str  # comment | submitted | approved | sent_back
    body: str
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "author": self.author,
            "kind": self.kind,
            "body": self.body,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class EngineStatus:
    """What the status bar shows: is any runner alive, when did one last run, what is next."""

    running: bool
    runners: int
    last_run_at: datetime | None
    next_due_at: datetime | None
    failed: int
    unconfirmed: int

    def to_json(self) -> dict[str, Any]:
        return {
            "running": self.running,
            "runners": self.runners,
            "last_run_at": _iso(self.last_run_at),
            "next_due_at": _iso(self.next_due_at),
            "failed": self.failed,
            "unconfirmed": self.unconfirmed,
        }


def _iso(value: datetime | None) -> str | None:
    """ISO 8601 in UTC, whatever zone the value was given in (the JSON contract)."""
    return value.astimezone(UTC).isoformat() if value is not None else None
