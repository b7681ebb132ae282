"""The calendar service: filtered rows, moving posts by days, queues of weekly slots, recurring series, audience
zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from publisher.clock import ManualClock
from publisher.db.models import Delivery, Post
from publisher.domain import DeliveryState
from publisher.domain.recurrence import Recurrence
from publisher.errors import InputError, NotFound
from publisher.services import Services
from publisher.services.calendar import NO_CAMPAIGN

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def two_channels(services: Services, tmp_path: Path) -> tuple[str, str]:
    for name in ("Blog", "Press"):
        folder = tmp_path / name
        folder.mkdir()
        services.channels.add("feed", name=name, path=str(folder))
    return "Blog", "Press"


def test_rows_in_a_range_with_every_filter(services: Services, two_channels: tuple[str, str]) -> None:
    at = datetime(2026, 12, 1, 9, tzinfo=BERLIN)
    a = services.posts.create("# Launch\n\nBody", channels=["Blog", "Press"], at=at, tz="Europe/Berlin", campaign="X")
    b = services.posts.create("Plain", channels=["Blog"], at=at + timedelta(days=1))
    services.posts.create("Too late", channels=["Blog"], at=at + timedelta(days=40))
    cal = services.calendar
    start, end = datetime(2026, 12, 1, tzinfo=UTC) - timedelta(days=1), datetime(2027, 1, 1, tzinfo=UTC)
    rows = cal.rows(start, end)
    assert [(r.post_id, r.channel) for r in rows] == [(a.id, "Blog"), (a.id, "Press"), (b.id, "Blog")]
    first = rows[0]
    assert first.title == "Launch" and first.campaign == "X" and first.author == "tester"
    assert first.tz == "Europe/Berlin" and first.scheduled_at == at.astimezone(UTC)
    assert first.state == DeliveryState.SCHEDULED and not first.handed_off and first.movable
    press = dict(services.calendar.filter_options().channels)
    press_id = next(i for i, n in press.items() if n == "Press")
    assert [r.channel for r in cal.rows(start, end, channels=[press_id])] == ["Press"]
    assert {r.post_id for r in cal.rows(start, end, campaigns=["X"])} == {a.id}
    assert {r.post_id for r in cal.rows(start, end, campaigns=[NO_CAMPAIGN])} == {b.id}
    assert cal.rows(start, end, statuses=["published"]) == []
    assert len(cal.rows(start, end, authors=["tester"])) == 3
    assert cal.rows(start, end, authors=["someone else"]) == []
    options = cal.filter_options()
    assert options.campaigns == ("X",) and options.authors == ("tester",)
    assert [n for _i, n in options.channels] == ["Blog", "Press"]


def test_handed_off_rows_say_so(services: Services, two_channels: tuple[str, str]) -> None:
    at = datetime(2026, 12, 1, 9, tzinfo=UTC)
    post = services.posts.create("Held", channels=["Blog"], at=at)
    with services.db.session(write=True) as session:
        session.execute(update(Delivery).values(handoff_id="remote-1", handoff_at=at))
    (row,) = services.calendar.rows(at - timedelta(hours=1), at + timedelta(hours=1))
    assert row.post_id == post.id and row.handed_off and row.handoff_at == at


def test_moving_by_days_keeps_the_wall_clock_of_each_zone(services: Services, two_channels: tuple[str, str]) -> None:
    before = datetime(2026, 3, 27, 9, tzinfo=BERLIN)  # two days before Berlin springs forward
    post = services.posts.create("Spring", channels=["Blog", "Press"], at=before, tz="Europe/Berlin")
    moved = services.calendar.move(post.id, days=3)
    for delivery in moved.deliveries:
        assert delivery.scheduled_at is not None
        assert delivery.scheduled_at.astimezone(BERLIN) == datetime(2026, 3, 30, 9, tzinfo=BERLIN)
        assert delivery.scheduled_at.hour == 7  # UTC+2 now


def test_moving_keeps_each_channels_own_time(services: Services, two_channels: tuple[str, str]) -> None:
    at = datetime(2026, 11, 1, 0, 30, tzinfo=NEW_YORK)
    post = services.posts.create("Two times", channels=["Blog", "Press"], at=at, tz="America/New_York")
    services.posts.reschedule(post.id, at + timedelta(hours=2), channel="Press")
    moved = services.calendar.move(post.id, days=-1)
    times = {d.channel: d.scheduled_at.astimezone(NEW_YORK).strftime("%d %H:%M") for d in moved.deliveries if d}
    assert times == {"Blog": "31 00:30", "Press": "31 02:30"}  # each keeps its wall-clock time, one day earlier


def test_moving_to_an_instant_and_nothing_to_move(services: Services, two_channels: tuple[str, str]) -> None:
    at = datetime(2026, 12, 1, 9, tzinfo=UTC)
    post = services.posts.create("Move me", channels=["Blog"], at=at)
    moved = services.calendar.move(post.id, at=at + timedelta(hours=5))
    assert moved.deliveries[0].scheduled_at == at + timedelta(hours=5)
    services.posts.cancel(post.id)
    with pytest.raises(InputError) as caught:
        services.calendar.move(post.id, days=1)
    assert caught.value.code == "post.nothing_to_move"


def test_queue_slots_are_checked(services: Services, two_channels: tuple[str, str]) -> None:
    cal = services.calendar
    slot = cal.add_slot("Blog", weekday=0, at="09:30", tz="Europe/Berlin")
    assert (slot.weekday, slot.time, slot.tz) == (0, "09:30", "Europe/Berlin")
    for kwargs, code in [
        ({"weekday": 7, "at": "09:00", "tz": "UTC"}, "queue.bad_weekday"),
        ({"weekday": 1, "at": "9:00", "tz": "UTC"}, "queue.bad_time"),
        ({"weekday": 1, "at": "25:00", "tz": "UTC"}, "queue.bad_time"),
        ({"weekday": 1, "at": "09:00", "tz": "Mars/Olympus"}, "time.unknown_zone"),
        ({"weekday": 0, "at": "09:30", "tz": "UTC"}, "queue.duplicate_slot"),
    ]:
        with pytest.raises(InputError) as caught:
            cal.add_slot("Blog", **kwargs)  # type: ignore[arg-type]
        assert caught.value.code == code, kwargs
    with pytest.raises(NotFound):
        cal.add_slot("Nope", weekday=0, at="09:00", tz="UTC")
    replaced = cal.set_slots("Blog", [(2, "12:00", "UTC"), (4, "08:15", "America/New_York")])
    assert [(s.weekday, s.time) for s in replaced] == [(2, "12:00"), (4, "08:15")]
    assert cal.slots("Blog") == replaced
    cal.remove_slot(replaced[0].id)
    assert [s.time for s in cal.slots("Blog")] == ["08:15"]
    with pytest.raises(InputError) as caught:
        cal.set_slots("Blog", [(1, "10:00", "UTC"), (1, "10:00", "UTC")])
    assert caught.value.code == "queue.duplicate_slot"
    assert [s.time for s in cal.slots("Blog")] == ["08:15"]  # unchanged


def test_next_free_slot_skips_taken_slots(
    services: Services, two_channels: tuple[str, str], clock: ManualClock
) -> None:
    cal = services.calendar
    with pytest.raises(InputError) as caught:
        cal.next_free_slot("Blog", clock.now())
    assert caught.value.code == "queue.no_slots"
    cal.set_slots("Blog", [(0, "09:00", "Europe/Berlin"), (2, "09:00", "Europe/Berlin")])
    now = clock.now()  # Monday 23 November 2026, 09:00 UTC (10:00 in Berlin): Monday's slot has passed
    first, tz = cal.next_free_slot("Blog", now)
    assert tz == "Europe/Berlin" and first.astimezone(BERLIN) == datetime(2026, 11, 25, 9, tzinfo=BERLIN)
    post = services.calendar.create_queued("Queued one", channels=["Blog"])
    assert post.deliveries[0].scheduled_at == first and post.deliveries[0].scheduled_tz == "Europe/Berlin"
    second = services.calendar.create_queued("Queued two", channels=["Blog"])
    assert second.deliveries[0].scheduled_at is not None
    assert second.deliveries[0].scheduled_at.astimezone(BERLIN) == datetime(2026, 11, 30, 9, tzinfo=BERLIN)
    services.posts.cancel(post.id)  # a cancelled delivery frees its slot
    assert cal.next_free_slot("Blog", now)[0] == first


def test_a_queue_slot_in_the_spring_gap_falls_an_hour_later(services: Services, two_channels: tuple[str, str]) -> None:
    services.calendar.set_slots("Blog", [(6, "02:30", "Europe/Berlin")])  # Sundays 02:30
    when, _tz = services.calendar.next_free_slot("Blog", datetime(2026, 3, 27, tzinfo=UTC))
    assert when.astimezone(BERLIN) == datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN)  # 02:30 does not exist that day
    autumn, _tz = services.calendar.next_free_slot("Blog", datetime(2026, 10, 23, tzinfo=UTC))
    assert autumn == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # the first 02:30 (summer time)


def test_add_to_queue_moves_each_channel_to_its_own_next_slot(
    services: Services, two_channels: tuple[str, str], clock: ManualClock
) -> None:
    cal = services.calendar
    cal.set_slots("Blog", [(1, "10:00", "UTC")])
    cal.set_slots("Press", [(3, "15:00", "America/New_York")])
    post = services.posts.create("Queue me", channels=["Blog", "Press"], at=clock.now() + timedelta(days=60))
    moved = cal.add_to_queue(post.id)
    times = {d.channel: (d.scheduled_at, d.scheduled_tz) for d in moved.deliveries}
    assert times["Blog"] == (datetime(2026, 11, 24, 10, tzinfo=UTC), "UTC")
    assert times["Press"] == (datetime(2026, 11, 26, 15, tzinfo=NEW_YORK).astimezone(UTC), "America/New_York")
    again = cal.add_to_queue(post.id, channel="Blog")  # its own slot does not block it
    assert again.deliveries[0].scheduled_at == datetime(2026, 11, 24, 10, tzinfo=UTC)
    with pytest.raises(NotFound):
        cal.add_to_queue(post.id, channel="Nope")


def test_recurring_posts_share_a_series_and_keep_berlin_time(services: Services, two_channels: tuple[str, str]) -> None:
    rule = Recurrence(every=1, unit="weeks", weekdays=(6,), count=3)
    start = datetime(2026, 3, 22, 9, tzinfo=BERLIN)  # Sunday; Berlin springs forward on the 29th
    posts = services.calendar.create_recurring(
        "Weekly tip", channels=["Blog", "Press"], at=start, tz="Europe/Berlin", rule=rule, campaign="Tips"
    )
    assert len(posts) == 3
    local = [p.deliveries[0].scheduled_at.astimezone(BERLIN) for p in posts if p.deliveries[0].scheduled_at]
    assert [t.strftime("%d %H:%M") for t in local] == ["22 09:00", "29 09:00", "05 09:00"]
    assert all(len(p.deliveries) == 2 and p.campaign == "Tips" for p in posts)
    with services.db.session() as session:
        rows = session.execute(select(Post.id, Post.series_id, Post.recurrence).order_by(Post.id)).all()
    assert {r[1] for r in rows} == {posts[0].id}
    assert Recurrence.from_json(rows[1][2]) == rule
    assert services.calendar.series(posts[0].id) == [p.id for p in posts]


def test_a_refused_recurrence_writes_nothing(services: Services, two_channels: tuple[str, str]) -> None:
    rule = Recurrence(every=1, unit="days", until=date(2028, 1, 1))
    with pytest.raises(InputError) as caught:
        services.calendar.create_recurring(
            "Too many", channels=["Blog"], at=datetime(2026, 12, 1, 9, tzinfo=UTC), tz="UTC", rule=rule
        )
    assert caught.value.code == "recurrence.too_many"
    with pytest.raises(NotFound):
        services.calendar.create_recurring(
            "No channel",
            channels=["Nope"],
            at=datetime(2026, 12, 1, 9, tzinfo=UTC),
            tz="UTC",
            rule=Recurrence(every=1, unit="days", count=2),
        )
    assert services.posts.count() == 0


def test_audience_zone_is_set_checked_and_shown(services: Services, two_channels: tuple[str, str]) -> None:
    cal = services.calendar
    assert cal.audience_zones() == {"Blog": None, "Press": None}
    assert cal.set_audience_zone("Press", "America/New_York") == "America/New_York"
    with pytest.raises(InputError) as caught:
        cal.set_audience_zone("Press", "Nowhere/City")
    assert caught.value.code == "time.unknown_zone"
    assert cal.audience_zones()["Press"] == "America/New_York"
    at = datetime(2026, 12, 1, 9, tzinfo=UTC)
    services.posts.create("Hello", channels=["Press"], at=at)
    (row,) = cal.rows(at, at + timedelta(minutes=1))
    assert row.audience_tz == "America/New_York"
    cal.set_audience_zone("Press", " ")
    assert cal.audience_zones()["Press"] is None
