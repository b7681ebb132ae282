"""The contract between the publishing engine and a network.

A :class:`ChannelKind` describes a network (what a user must enter to add a channel, whether it needs a
secret) and builds :class:`Connector` objects for configured channels. Connectors never touch the database,
files outside their own channel's target, or Qt, and raise only :class:`publisher.errors.ChannelError`
subclasses, so the engine can decide what to do from the class alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One thing a user enters when adding a channel: ``url``, ``handle`` or ``path``."""

    name: str
    required: bool


@dataclass(frozen=True, slots=True)
class MediaItem:
    """A file attached to the post, as stored in the media store."""

    path: str
    filename: str
    mime_type: str
    sha256: str
    alt_text: str | None


@dataclass(frozen=True, slots=True)
class PublishRequest:
    key: str  # idempotency key, written to the database before any byte goes out
    post_id: int
    title: str | None
    text: str  # Markdown source (the channel's variant, or the post body); connectors render it
    date: datetime  # stable across retries: when the post was meant to go out
    channel_name: str
    campaign: str = ""
    media: tuple[MediaItem, ...] = ()
    utm: dict[str, str | None] = field(default_factory=dict)  # the brand's UTM template, applied on the way out
    frame: dict[str, Any] | None = None  # the brand's image frame (ImageFrame JSON), applied to images on export


@dataclass(frozen=True, slots=True)
class PublishResult:
    remote_id: str
    remote_url: str | None


@dataclass(frozen=True, slots=True)
class VerifyResult:
    account: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ChannelConfig:
    """What a connector knows about its channel; secrets come separately."""

    id: int
    name: str
    base_url: str | None
    handle: str | None
    settings: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What a network can do beyond publishing; the UI and services ask this before calling optional methods."""

    inbox: bool = False  # the connector has fetch_inbox() and reply()
    metrics: bool = False  # fetch_metrics()
    server_scheduling: bool = False  # schedule() / cancel_scheduled(): the post goes out while the laptop is off
    threads: bool = False  # long text becomes a chain of posts
    media: bool = False  # images/videos are uploaded with the post


NO_CAPABILITIES = Capabilities()


@dataclass(frozen=True, slots=True)
class InboxItem:
    """Something addressed to the account: a mention, a reply, a comment."""

    remote_id: str  # the item on the network; what reply() answers
    kind: str  # "mention", "reply", "comment", "message"
    author: str  # handle, e.g. "@ada@example.social"
    author_name: str
    text: str  # plain text
    created_at: datetime
    url: str | None = None
    in_reply_to_id: str | None = None  # the post it answers, if it answers one of ours
    html: str | None = None  # the network's rich text, as received (the inbox sanitises it); None if plain only
    deleted: bool = False  # the network reports it deleted (the inbox marks its copy)


@dataclass(frozen=True, slots=True)
class InboxPage:
    items: tuple[InboxItem, ...]
    next_cursor: str | None  # pass to fetch_inbox() for older items; None at the end


@dataclass(frozen=True, slots=True)
class Metrics:
    """Counters of one published post; None where the network does not report that counter."""

    replies: int | None = None
    reposts: int | None = None
    likes: int | None = None
    quotes: int | None = None
    impressions: int | None = None


class Connector(Protocol):
    def verify(self) -> VerifyResult: ...

    def publish(self, request: PublishRequest) -> PublishResult: ...

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        """Look the post up on the network (by key or exact text) after an unknown outcome."""
        ...


@runtime_checkable
class InboxConnector(Connector, Protocol):
    """Optional: kinds whose ``capabilities.inbox`` is true."""

    def fetch_inbox(self, cursor: str | None = None) -> InboxPage: ...

    def reply(self, to_remote_id: str, text: str) -> PublishResult: ...


@runtime_checkable
class MetricsConnector(Connector, Protocol):
    """Optional: kinds whose ``capabilities.metrics`` is true. Ids the network no longer knows are left out."""

    def fetch_metrics(self, remote_ids: Sequence[str]) -> dict[str, Metrics]: ...


@runtime_checkable
class SchedulingConnector(Connector, Protocol):
    """Optional: kinds whose ``capabilities.server_scheduling`` is true."""

    def schedule(self, request: PublishRequest, at: datetime) -> PublishResult: ...

    def cancel_scheduled(self, remote_id: str) -> None: ...


class ChannelKind(Protocol):
    kind: str
    display_name: str
    fields: tuple[FieldSpec, ...]
    needs_secret: bool
    idempotent_publish: bool  # resending with the same key never makes a second post
    capabilities: Capabilities

    def validate(
        self, *, base_url: str | None, handle: str | None, path: str | None
    ) -> tuple[str | None, str | None, dict[str, Any]]:
        """Check what the user entered; return normalised ``(base_url, handle, settings)``."""
        ...

    def connect(self, config: ChannelConfig, secret: str | None) -> Connector: ...


def capabilities_of(kind: object) -> Capabilities:
    """The kind's capabilities; none for third-party kinds written before capabilities existed."""
    caps = getattr(kind, "capabilities", None)
    return caps if isinstance(caps, Capabilities) else NO_CAPABILITIES
