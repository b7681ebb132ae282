"""A fake inbox network for the inbox tests and benchmark: items held newest first, served in pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from publisher.channels.protocol import (
    Capabilities,
    ChannelConfig,
    InboxItem,
    InboxPage,
    PublishRequest,
    PublishResult,
    VerifyResult,
)


@dataclass
class FakeInboxKind:
    """Channel kind ``fakeinbox``: ``items`` (any order; served newest first), ``page_size`` per page, a log of the
    cursors asked for, and the replies sent (``reply_error`` makes the next reply fail)."""

    items: list[InboxItem] = field(default_factory=list)
    page_size: int = 3
    cursors: list[str | None] = field(default_factory=list)
    replies: list[tuple[str, str]] = field(default_factory=list)
    reply_error: Exception | None = None
    fetch_error: Exception | None = None

    kind = "fakeinbox"
    display_name = "Fake inbox network"
    fields = ()
    needs_secret = False
    idempotent_publish = False
    capabilities = Capabilities(inbox=True)

    def validate(self, *, base_url, handle, path):
        return base_url, handle, {}

    def connect(self, config: ChannelConfig, secret: str | None) -> FakeInboxConnector:
        return FakeInboxConnector(self)

    def ordered(self) -> list[InboxItem]:
        """The items newest first (sorted once per change of the list, so paging 100,000 items stays cheap)."""
        key = (id(self.items), len(self.items))
        if getattr(self, "_sorted_key", None) != key:
            self._sorted = sorted(self.items, key=lambda i: i.created_at, reverse=True)
            self._sorted_key = key
        return self._sorted

    def add(self, remote_id: str, at: datetime, text: str = "hello", **extra) -> InboxItem:
        item = InboxItem(
            remote_id=remote_id,
            kind=extra.pop("kind", "reply" if extra.get("in_reply_to_id") else "mention"),
            author=extra.pop("author", "@ada@example.social"),
            author_name=extra.pop("author_name", "Ada"),
            text=text,
            created_at=at,
            **extra,
        )
        self.items = [i for i in self.items if i.remote_id != remote_id] + [item]
        return item


class FakeInboxConnector:
    def __init__(self, kind: FakeInboxKind) -> None:
        self.kind = kind

    def verify(self) -> VerifyResult:
        return VerifyResult(account="fake")

    def publish(self, request: PublishRequest) -> PublishResult:
        return PublishResult(remote_id=f"post-{request.post_id}", remote_url=None)

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        return None

    def fetch_inbox(self, cursor: str | None = None) -> InboxPage:
        self.kind.cursors.append(cursor)
        if self.kind.fetch_error is not None:
            raise self.kind.fetch_error
        ordered = self.kind.ordered()
        start = int(cursor or 0)
        end = start + self.kind.page_size
        return InboxPage(items=tuple(ordered[start:end]), next_cursor=str(end) if end < len(ordered) else None)

    def reply(self, to_remote_id: str, text: str) -> PublishResult:
        if self.kind.reply_error is not None:
            error, self.kind.reply_error = self.kind.reply_error, None
            raise error
        self.kind.replies.append((to_remote_id, text))
        return PublishResult(remote_id=f"our-reply-{len(self.kind.replies)}", remote_url="https://fake.example/r")
