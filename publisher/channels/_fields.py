"""Reading fields out of a network's JSON without trusting its types: what every connector needs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

EPOCH = datetime.fromtimestamp(0, UTC)


def iso_timestamp(value: object) -> datetime:
    """An ISO 8601 time (``…Z`` or with an offset; one without an offset is UTC); the epoch if unreadable."""
    try:
        when = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return EPOCH
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def as_dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_int(value: object) -> int | None:
    """An integer, never a bool (JSON ``true`` is not a count)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None
