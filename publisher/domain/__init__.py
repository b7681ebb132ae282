"""Domain types: frozen values the services hand to the CLI and the UI (never ORM objects)."""

from publisher.domain._types import (
    ROLES,
    ChannelInfo,
    CommentInfo,
    DeliveryInfo,
    DeliveryState,
    EngineStatus,
    PostDetail,
    PostStatus,
    PostSummary,
    Role,
    derive_post_status,
)
from publisher.domain.media import MediaInfo
from publisher.domain.problems import Fix, Problem, Severity

__all__ = [
    "ROLES",
    "ChannelInfo",
    "CommentInfo",
    "DeliveryInfo",
    "DeliveryState",
    "EngineStatus",
    "Fix",
    "MediaInfo",
    "PostDetail",
    "PostStatus",
    "PostSummary",
    "Problem",
    "Role",
    "Severity",
    "derive_post_status",
]
