"""Time zones: we store UTC plus the IANA zone the user meant."""

from __future__ import annotations

import functools
import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from publisher.errors import InputError


def local_zone_name() -> str:
    """The system's IANA zone name (``TZ``, then ``/etc/localtime``), ``UTC`` when it cannot be told."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and _valid(tz):
        return tz
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        name = target.split("zoneinfo/", 1)[1]
        if _valid(name):
            return name
    timezone_file = Path("/etc/timezone")
    if timezone_file.exists():
        name = timezone_file.read_text(encoding="utf-8", errors="replace").strip()
        if _valid(name):
            return name
    return "UTC"


def _valid(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone(name: str) -> ZoneInfo:
    if not _valid(name):
        raise InputError("time.unknown_zone", zone=name)
    return ZoneInfo(name)


@functools.cache
def _zone_names() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


def all_zone_names() -> list[str]:
    """Every IANA zone name, sorted (read from the system's tz database once)."""
    return list(_zone_names())


def parse_aware(text: str) -> datetime:
    """Parse ISO 8601 with an explicit offset (``2026-12-01T09:30+01:00`` or ``…Z``); naive times are refused."""
    raw = text.strip()
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise InputError("time.malformed", value=text) from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise InputError("time.naive", value=text)
    return value
