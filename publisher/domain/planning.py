"""Plain values of planning: calendar rows and filters, queue slots, workflow settings and people (no database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from publisher.domain._types import DeliveryState, Role

DEFAULT_GRACE = timedelta(hours=2)  # a missed post still goes out when it is at most this late
# Deliveries that have not gone out yet: rescheduling moves them, cancelling cancels them.
PENDING = (
    DeliveryState.DRAFT,
    DeliveryState.IN_REVIEW,
    DeliveryState.APPROVED,
    DeliveryState.SCHEDULED,
    DeliveryState.FAILED,
)
NO_CAMPAIGN = ""  # the campaign filter's value for posts without a campaign


@dataclass(frozen=True, slots=True)
class CalendarRow:
    """One delivery on the calendar: light enough to hold ten thousand."""

    delivery_id: int
    post_id: int
    title: str
    channel_id: int
    channel: str
    kind: str
    state: DeliveryState
    scheduled_at: datetime  # UTC
    tz: str  # the zone the time was meant in
    campaign: str | None
    author: str | None
    workflow_status: str  # the post's: draft, in_review, approved, scheduled
    audience_tz: str | None  # the channel's audience zone
    handoff_at: datetime | None = None  # the network holds a scheduled copy due then
    series_id: int | None = None

    @property
    def handed_off(self) -> bool:
        return self.handoff_at is not None

    @property
    def movable(self) -> bool:
        return self.state in PENDING


@dataclass(frozen=True, slots=True)
class FilterOptions:
    """What the filter menus offer: every channel, campaign and author in the workspace."""

    channels: tuple[tuple[int, str], ...]
    campaigns: tuple[str, ...]
    authors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QueueSlotInfo:
    id: int
    channel: str
    weekday: int  # 0 = Monday
    time: str  # "HH:MM" wall clock in tz
    tz: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "channel": self.channel, "weekday": self.weekday, "time": self.time, "tz": self.tz}


@dataclass(frozen=True, slots=True)
class WorkflowSettings:
    approval_required: bool = False
    grace: timedelta = DEFAULT_GRACE  # a missed post goes out on wake if it is less late than this

    def to_json(self) -> dict[str, Any]:
        return {"approval_required": self.approval_required, "grace_minutes": int(self.grace.total_seconds() // 60)}


@dataclass(frozen=True, slots=True)
class UserInfo:
    name: str
    role: Role
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role.value, "created_at": self.created_at.isoformat()}
