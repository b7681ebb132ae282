"""Recurring posts keep their wall-clock time across daylight saving; gaps and folds are decided explicitly."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from publisher.domain.recurrence import (
    MAX_OCCURRENCES,
    Recurrence,
    is_fold,
    is_gap,
    occurrences,
    parse_hhmm,
    wall_to_utc,
)
from publisher.errors import InputError

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def test_daily_post_keeps_nine_oclock_in_berlin_across_spring_forward() -> None:
    start = datetime(2026, 3, 27, 9, 0, tzinfo=BERLIN)
    times = occurrences(Recurrence(every=1, unit="days", count=4), start, "Europe/Berlin")
    assert [t.astimezone(BERLIN).strftime("%d %H:%M") for t in times] == [
        "27 09:00",
        "28 09:00",
        "29 09:00",
        "30 09:00",
    ]
    assert [t.strftime("%d %H:%M") for t in times] == ["27 08:00", "28 08:00", "29 07:00", "30 07:00"]  # UTC moves
    assert all(t.tzinfo == UTC for t in times)


def test_weekly_post_keeps_its_time_in_new_york_across_fall_back() -> None:
    start = datetime(2026, 10, 26, 18, 30, tzinfo=NEW_YORK)  # a Monday
    times = occurrences(Recurrence(every=1, unit="weeks", count=3), start, "America/New_York")
    assert [t.astimezone(NEW_YORK).strftime("%a %d %H:%M") for t in times] == [
        "Mon 26 18:30",
        "Mon 02 18:30",
        "Mon 09 18:30",
    ]
    assert [t.hour for t in times] == [22, 23, 23]  # EDT (UTC-4), then EST (UTC-5)


@pytest.mark.parametrize(
    ("tz", "day", "wall", "expected_utc", "expected_local"),
    [
        # spring forward: 02:00 -> 03:00 in Berlin on 29 March 2026; 02:30 moves forward by the gap to 03:30
        (BERLIN, date(2026, 3, 29), time(2, 30), datetime(2026, 3, 29, 1, 30, tzinfo=UTC), "03:30"),
        # spring forward in New York on 8 March 2026
        (NEW_YORK, date(2026, 3, 8), time(2, 30), datetime(2026, 3, 8, 7, 30, tzinfo=UTC), "03:30"),
    ],
)
def test_a_time_in_the_gap_moves_forward_by_the_gap(
    tz: ZoneInfo, day: date, wall: time, expected_utc: datetime, expected_local: str
) -> None:
    assert is_gap(day, wall, tz)
    assert not is_fold(day, wall, tz)
    when = wall_to_utc(day, wall, tz)
    assert when == expected_utc
    assert when.astimezone(tz).strftime("%H:%M") == expected_local


@pytest.mark.parametrize(
    ("tz", "day", "wall", "expected_utc"),
    [
        # fall back: 03:00 -> 02:00 in Berlin on 25 October 2026; 02:30 is the first one (summer time, UTC+2)
        (BERLIN, date(2026, 10, 25), time(2, 30), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        # fall back in New York on 1 November 2026: 01:30 EDT (UTC-4) comes first
        (NEW_YORK, date(2026, 11, 1), time(1, 30), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
    ],
)
def test_a_time_in_the_fold_is_its_first_occurrence(
    tz: ZoneInfo, day: date, wall: time, expected_utc: datetime
) -> None:
    assert is_fold(day, wall, tz)
    assert not is_gap(day, wall, tz)
    assert wall_to_utc(day, wall, tz) == expected_utc


def test_daily_series_through_both_berlin_changes_at_0230() -> None:
    spring = occurrences(
        Recurrence(every=1, unit="days", count=3), datetime(2026, 3, 28, 2, 30, tzinfo=BERLIN), "Europe/Berlin"
    )
    assert [t.astimezone(BERLIN).strftime("%d %H:%M") for t in spring] == ["28 02:30", "29 03:30", "30 02:30"]
    autumn = occurrences(
        Recurrence(every=1, unit="days", count=3), datetime(2026, 10, 24, 2, 30, tzinfo=BERLIN), "Europe/Berlin"
    )
    assert [t.strftime("%d %H:%M") for t in autumn] == ["24 00:30", "25 00:30", "26 01:30"]  # UTC
    assert len(set(autumn)) == 3


def test_weekdays_every_two_weeks_until_a_date() -> None:
    start = datetime(2026, 11, 25, 9, 0, tzinfo=BERLIN)  # a Wednesday
    rule = Recurrence(every=2, unit="weeks", weekdays=(0, 2, 4), until=date(2026, 12, 11))
    days = [t.astimezone(BERLIN).strftime("%a %d.%m") for t in occurrences(rule, start, BERLIN)]
    # Monday 23 is before the start; the next weeks' days come two weeks later
    assert days == ["Wed 25.11", "Fri 27.11", "Mon 07.12", "Wed 09.12", "Fri 11.12"]


def test_every_three_days_until_is_inclusive() -> None:
    start = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    times = occurrences(Recurrence(every=3, unit="days", until=date(2026, 1, 10)), start, "UTC")
    assert [t.day for t in times] == [1, 4, 7, 10]


def test_rule_round_trips_through_json() -> None:
    rule = Recurrence(every=2, unit="weeks", weekdays=(4, 0, 4), until=date(2027, 1, 31))
    assert rule.weekdays == (0, 4)
    assert Recurrence.from_json(rule.to_json()) == rule


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"every": 0, "unit": "days", "count": 3}, "recurrence.bad_interval"),
        ({"every": 400, "unit": "days", "count": 3}, "recurrence.bad_interval"),
        ({"every": 1, "unit": "months", "count": 3}, "recurrence.bad_unit"),
        ({"every": 1, "unit": "days", "weekdays": (1,), "count": 3}, "recurrence.weekdays_need_weeks"),
        ({"every": 1, "unit": "weeks", "weekdays": (7,), "count": 3}, "recurrence.bad_weekday"),
        ({"every": 1, "unit": "days"}, "recurrence.end_required"),
        ({"every": 1, "unit": "days", "count": 3, "until": date(2027, 1, 1)}, "recurrence.end_required"),
        ({"every": 1, "unit": "days", "count": MAX_OCCURRENCES + 1}, "recurrence.too_many"),
    ],
)
def test_bad_rules_are_refused_with_a_code(kwargs: dict[str, object], code: str) -> None:
    with pytest.raises(InputError) as caught:
        Recurrence(**kwargs)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_too_many_occurrences_until_a_far_date_are_refused() -> None:
    rule = Recurrence(every=1, unit="days", until=date(2028, 1, 1))
    with pytest.raises(InputError) as caught:
        occurrences(rule, datetime(2026, 1, 1, 9, tzinfo=UTC), "UTC")
    assert caught.value.code == "recurrence.too_many"


def test_until_before_start_and_naive_start_are_refused() -> None:
    rule = Recurrence(every=1, unit="days", until=date(2025, 1, 1))
    with pytest.raises(InputError) as caught:
        occurrences(rule, datetime(2026, 1, 1, 9, tzinfo=UTC), "UTC")
    assert caught.value.code == "recurrence.until_before_start"
    with pytest.raises(InputError) as caught:
        occurrences(Recurrence(every=1, unit="days", count=2), datetime(2026, 1, 1, 9), "UTC")
    assert caught.value.code == "time.naive"


@pytest.mark.parametrize("text", ["9:30", "24:00", "09:60", "09:30:00", "", "nine"])
def test_bad_times_of_day_are_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_hhmm(text)
    assert caught.value.code == "queue.bad_time"
