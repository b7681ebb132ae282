"""Domain types: frozen values the services hand to the CLI and the UI (never ORM objects)."""

from publisher.domain._types import (
    ROLES,
    ChannelInfo,
    DeliveryInfo,
    DeliveryState,
    EngineStatus,
    PostDetail,
    PostStatus,
    PostSummary,
    Role,
    derive_post_status,
)

__all__ = [
    "ROLES",
    "ChannelInfo",
    "DeliveryInfo",
    "DeliveryState",
    "EngineStatus",
    "PostDetail",
    "PostStatus",
    "PostSummary",
    "Role",
    "derive_post_status",
]
