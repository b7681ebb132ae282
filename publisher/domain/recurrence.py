"""Recurring posts and weekly queue slots: wall-clock times in an IANA zone, turned into UTC instants.

A rule says "every N days" or "every N weeks on these weekdays", ending after ``count`` occurrences or on the
``until`` date (inclusive). Occurrences are computed on the wall clock of the rule's zone, so a post at 09:00
Europe/Berlin stays at 09:00 in Berlin across the change to and from summer time (its UTC instant moves by an hour).

Two wall-clock times need a decision, and :func:`wall_to_utc` makes the same one everywhere (PEP 495 semantics with
``fold=0``):

* **Gap** (spring forward: 02:30 does not exist in Berlin on 29 March 2026): the time moves forward by the length
  of the gap, to 03:30 local (the instant 02:30 would be under the old offset).
* **Fold** (fall back: 02:30 happens twice in Berlin on 25 October 2026): the first one, still on summer time
  (00:30 UTC), so a post never goes out an hour later than a reader of the schedule expects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from publisher.errors import InputError

MAX_OCCURRENCES = 366
MAX_INTERVAL = 365
UNITS = ("days", "weeks")
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")

Unit = Literal["days", "weeks"]


def parse_hhmm(text: str) -> time:
    """``"09:30"`` → 09:30; anything else (``"9:30"``, ``"24:00"``, ``"09:30:00"``) is refused."""
    match = _HHMM.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise InputError("queue.bad_time", value=str(text))
    return time(int(match.group(1)), int(match.group(2)))


def wall_to_utc(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant of the wall-clock time ``at`` on ``day`` in ``tz``: a time in a gap moves forward by the
    gap's length, an ambiguous time in a fold is its first occurrence (see the module docstring)."""
    local = datetime(day.year, day.month, day.day, at.hour, at.minute, tzinfo=tz, fold=0)
    return local.astimezone(UTC)


def is_gap(day: date, at: time, tz: ZoneInfo) -> bool:
    """Whether the wall-clock time does not exist on that day (it was skipped when the clocks went forward)."""
    back = wall_to_utc(day, at, tz).astimezone(tz)
    return (back.hour, back.minute) != (at.hour, at.minute)


def is_fold(day: date, at: time, tz: ZoneInfo) -> bool:
    """Whether the wall-clock time happens twice on that day (the clocks went back)."""
    first = datetime(day.year, day.month, day.day, at.hour, at.minute, tzinfo=tz, fold=0)
    second = first.replace(fold=1)
    return first.utcoffset() != second.utcoffset() and not is_gap(day, at, tz)


@dataclass(frozen=True, slots=True)
class Recurrence:
    """Every ``every`` days or weeks (on ``weekdays``, 0 = Monday, for weeks); ends after ``count`` or on ``until``."""

    every: int
    unit: Unit
    weekdays: tuple[int, ...] = ()
    count: int | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        if isinstance(self.every, bool) or not isinstance(self.every, int) or not 1 <= self.every <= MAX_INTERVAL:
            raise InputError("recurrence.bad_interval", value=str(self.every), max=MAX_INTERVAL)
        if self.unit not in UNITS:
            raise InputError("recurrence.bad_unit", unit=str(self.unit))
        if self.weekdays:
            if self.unit != "weeks":
                raise InputError("recurrence.weekdays_need_weeks")
            if any(isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6 for d in self.weekdays):
                raise InputError("recurrence.bad_weekday", value=", ".join(str(d) for d in self.weekdays))
            object.__setattr__(self, "weekdays", tuple(sorted(set(self.weekdays))))
        if (self.count is None) == (self.until is None):
            raise InputError("recurrence.end_required")
        if self.count is not None and (
            isinstance(self.count, bool) or not isinstance(self.count, int) or not 1 <= self.count <= MAX_OCCURRENCES
        ):
            raise InputError("recurrence.too_many", max=MAX_OCCURRENCES)

    def to_json(self) -> dict[str, Any]:
        return {
            "every": self.every,
            "unit": self.unit,
            "weekdays": list(self.weekdays),
            "count": self.count,
            "until": self.until.isoformat() if self.until is not None else None,
        }

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Recurrence:
        until = value.get("until")
        try:
            until_date = date.fromisoformat(until) if isinstance(until, str) else None
        except ValueError:
            raise InputError("recurrence.bad_until", value=str(until)) from None
        return cls(
            every=value.get("every", 0),
            unit=value.get("unit", ""),
            weekdays=tuple(value.get("weekdays") or ()),
            count=value.get("count"),
            until=until_date,
        )


def _dates(rule: Recurrence, first: date) -> list[date]:
    """The occurrence dates from ``first`` (itself one only when it matches the rule), at most one more than the
    maximum, so that a rule producing too many is noticed."""
    limit = rule.count if rule.count is not None else MAX_OCCURRENCES + 1
    days: list[date] = []

    def wanted(day: date) -> bool:
        return (rule.until is None or day <= rule.until) and len(days) < limit

    if rule.unit == "days":
        day = first
        while wanted(day):
            days.append(day)
            day += timedelta(days=rule.every)
        return days
    weekdays = rule.weekdays or (first.weekday(),)
    monday = first - timedelta(days=first.weekday())
    while True:
        for weekday in weekdays:
            day = monday + timedelta(days=weekday)
            if day < first:
                continue
            if not wanted(day):
                return days
            days.append(day)
        monday += timedelta(weeks=rule.every)


def occurrences(rule: Recurrence, start: datetime, tz: str | ZoneInfo) -> list[datetime]:
    """The UTC instants of every occurrence, the first at or after ``start``, each at ``start``'s wall-clock time
    in ``tz`` (gaps and folds as in :func:`wall_to_utc`).

    Raises :class:`InputError` when ``start`` is naive, ``until`` lies before it, nothing matches, or the rule would
    make more than :data:`MAX_OCCURRENCES` posts.
    """
    if start.tzinfo is None or start.utcoffset() is None:
        raise InputError("time.naive", value=start.isoformat())
    zone = tz if isinstance(tz, ZoneInfo) else _zone(tz)
    local = start.astimezone(zone)
    first, at = local.date(), time(local.hour, local.minute)
    if rule.until is not None and rule.until < first:
        raise InputError("recurrence.until_before_start", until=rule.until.isoformat(), start=first.isoformat())
    days = _dates(rule, first)
    if len(days) > MAX_OCCURRENCES:
        raise InputError("recurrence.too_many", max=MAX_OCCURRENCES)
    if not days:
        raise InputError("recurrence.none")
    return [wall_to_utc(day, at, zone) for day in days]


def _zone(name: str) -> ZoneInfo:
    from publisher.timezones import zone

    return zone(name)
