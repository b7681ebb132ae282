"""The contract between the publishing engine and a network.

A :class:`ChannelKind` describes a network (what a user must enter to add a channel, whether it needs a
secret) and builds :class:`Connector` objects for configured channels. Connectors never touch the database,
files outside their own channel's target, or Qt, and raise only :class:`publisher.errors.ChannelError`
subclasses, so the engine can decide what to do from the class alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol


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


class Connector(Protocol):
    def verify(self) -> VerifyResult: ...

    def publish(self, request: PublishRequest) -> PublishResult: ...

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        """Look the post up on the network (by key or exact text) after an unknown outcome."""
        ...


class ChannelKind(Protocol):
    kind: str
    display_name: str
    fields: tuple[FieldSpec, ...]
    needs_secret: bool
    idempotent_publish: bool  # resending with the same key never makes a second post

    def validate(
        self, *, base_url: str | None, handle: str | None, path: str | None
    ) -> tuple[str | None, str | None, dict[str, Any]]:
        """Check what the user entered; return normalised ``(base_url, handle, settings)``."""
        ...

    def connect(self, config: ChannelConfig, secret: str | None) -> Connector: ...
