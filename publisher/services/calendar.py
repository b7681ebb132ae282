"""The content calendar: deliveries in a date range with filters, queues of weekly time slots, recurring posts,
and each channel's audience time zone.

Times are stored in UTC with the IANA zone the user meant; wall-clock arithmetic (moving a post by whole days,
queue slots, recurrences) happens in that zone, with gaps and folds decided by
:func:`publisher.domain.recurrence.wall_to_utc`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from publisher.clock import Clock
from publisher.db.models import Channel, Delivery, Post, QueueSlot, User
from publisher.db.session import Database
from publisher.domain import DeliveryState, PostDetail
from publisher.domain.planning import NO_CAMPAIGN, PENDING, CalendarRow, FilterOptions, QueueSlotInfo
from publisher.domain.recurrence import Recurrence, occurrences, parse_hhmm, wall_to_utc
from publisher.errors import InputError, NotFound
from publisher.media import MediaInput
from publisher.services._common import audit
from publisher.services.posts import PostService
from publisher.timezones import zone

TITLE_HEAD = 400  # characters of the body read to find a title: the calendar never loads whole bodies
QUEUE_HORIZON_WEEKS = 53  # "add to queue" looks this far ahead for a free slot
MAX_SLOTS_PER_CHANNEL = 100


def title_from(title: str | None, head: str | None) -> str:
    """The post's title, else the first non-empty line of its body (as :func:`publisher.services.posts.title_of`)."""
    if title:
        return title
    for line in (head or "").splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:120]
    return ""


class CalendarService:
    def __init__(self, db: Database, clock: Clock, actor: str, posts: PostService) -> None:
        self.db = db
        self.clock = clock
        self.actor = actor
        self.posts = posts

    # -- reading ------------------------------------------------------------------------------------

    def rows(
        self,
        start: datetime,
        end: datetime,
        *,
        channels: Collection[int] = (),
        campaigns: Collection[str] = (),
        statuses: Collection[str] = (),
        authors: Collection[str] = (),
    ) -> list[CalendarRow]:
        """Deliveries scheduled in ``[start, end)``, in time order, in one query.

        Each filter is "any of these"; an empty one does not filter. ``campaigns`` may hold :data:`NO_CAMPAIGN` for
        posts without one; ``statuses`` are delivery states.
        """
        for value in (start, end):
            if value.tzinfo is None or value.utcoffset() is None:
                raise InputError("time.naive", value=value.isoformat())
        query = (
            select(
                Delivery.id,
                Delivery.post_id,
                Post.title,
                func.substr(Post.body, 1, TITLE_HEAD),
                Delivery.channel_id,
                Channel.name,
                Channel.kind,
                Delivery.state,
                Delivery.scheduled_at,
                Delivery.scheduled_tz,
                Post.campaign,
                User.name,
                Post.status,
                Channel.audience_tz,
                Delivery.handoff_id,
                Delivery.handoff_at,
                Post.series_id,
            )
            .join(Channel, Channel.id == Delivery.channel_id)
            .join(Post, Post.id == Delivery.post_id)
            .outerjoin(User, User.id == Post.author_id)
            .where(Delivery.scheduled_at >= start, Delivery.scheduled_at < end)
            .order_by(Delivery.scheduled_at, Delivery.id)
        )
        if channels:
            query = query.where(Delivery.channel_id.in_(list(channels)))
        if campaigns:
            named = [c for c in campaigns if c != NO_CAMPAIGN]
            if NO_CAMPAIGN in campaigns:
                query = query.where(or_(Post.campaign.in_(named), Post.campaign.is_(None)))
            else:
                query = query.where(Post.campaign.in_(named))
        if statuses:
            query = query.where(Delivery.state.in_(list(statuses)))
        if authors:
            query = query.where(User.name.in_(list(authors)))
        with self.db.session() as session:
            result = session.connection().execute(query).all()  # plain rows: no ORM loading for thousands of them
        return [
            CalendarRow(
                delivery_id=r[0],
                post_id=r[1],
                title=title_from(r[2], r[3]),
                channel_id=r[4],
                channel=r[5],
                kind=r[6],
                state=DeliveryState(r[7]),
                scheduled_at=r[8],
                tz=r[9],
                campaign=r[10],
                author=r[11],
                workflow_status=r[12],
                audience_tz=r[13],
                handoff_at=(r[15] or r[8]) if r[14] else None,
                series_id=r[16],
            )
            for r in result
            if r[8] is not None
        ]

    def filter_options(self) -> FilterOptions:
        with self.db.session() as session:
            channels = session.execute(select(Channel.id, Channel.name).order_by(func.lower(Channel.name))).all()
            campaigns = session.scalars(
                select(Post.campaign).where(Post.campaign.is_not(None)).distinct().order_by(Post.campaign)
            ).all()
            authors = session.scalars(
                select(User.name).join(Post, Post.author_id == User.id).distinct().order_by(User.name)
            ).all()
        return FilterOptions(
            channels=tuple((i, n) for i, n in channels),
            campaigns=tuple(c for c in campaigns if c),
            authors=tuple(authors),
        )

    # -- moving -------------------------------------------------------------------------------------

    def move(self, post_id: int, *, days: int = 0, at: datetime | None = None) -> PostDetail:
        """Move every delivery of the post that has not gone out yet.

        With ``at``, all of them go to that instant (each keeps its zone). With ``days``, each moves by that many
        calendar days on the wall clock of its own zone: 09:00 Berlin stays 09:00 Berlin across a change of summer
        time. A delivery the network holds for later is moved there too (the engine replaces the remote copy).
        """
        if at is not None:
            return self.posts.reschedule(post_id, at)
        if not days:
            return self.posts.get(post_id)
        detail = self.posts.get(post_id)
        targets: dict[str, datetime] = {}
        for delivery in detail.deliveries:
            if delivery.state not in PENDING or delivery.scheduled_at is None:
                continue
            tz = zone(delivery.scheduled_tz)
            local = delivery.scheduled_at.astimezone(tz)
            targets[delivery.channel] = wall_to_utc(
                local.date() + timedelta(days=days), time(local.hour, local.minute), tz
            )
        if not targets:
            raise InputError("post.nothing_to_move", id=post_id)
        if len(set(targets.values())) == 1:
            return self.posts.reschedule(post_id, next(iter(targets.values())))
        for channel, when in targets.items():
            detail = self.posts.reschedule(post_id, when, channel=channel)
        return detail

    # -- queues -------------------------------------------------------------------------------------

    def slots(self, channel: str) -> list[QueueSlotInfo]:
        with self.db.session() as session:
            row = _channel(session, channel)
            return [_slot_info(s, row.name) for s in _slot_rows(session, row.id)]

    def add_slot(self, channel: str, *, weekday: int, at: str, tz: str) -> QueueSlotInfo:
        """Add a weekly slot: ``weekday`` 0 (Monday) to 6, ``at`` "HH:MM" on the wall clock of the IANA zone ``tz``."""
        hhmm = _check_slot(weekday, at, tz)
        now = self.clock.now()
        with self.db.session(write=True) as session:
            row = _channel(session, channel)
            existing = _slot_rows(session, row.id)
            if any(s.weekday == weekday and s.time == hhmm for s in existing):
                raise InputError("queue.duplicate_slot", channel=row.name, weekday=weekday, time=hhmm)
            if len(existing) >= MAX_SLOTS_PER_CHANNEL:
                raise InputError("queue.too_many_slots", channel=row.name, max=MAX_SLOTS_PER_CHANNEL)
            slot = QueueSlot(channel_id=row.id, weekday=weekday, time=hhmm, tz=tz)
            session.add(slot)
            session.flush()
            audit(
                session,
                at=now,
                actor=self.actor,
                action="queue.slot_added",
                entity="channel",
                entity_id=row.id,
                weekday=weekday,
                time=hhmm,
                tz=tz,
            )
            return _slot_info(slot, row.name)

    def remove_slot(self, slot_id: int) -> None:
        now = self.clock.now()
        with self.db.session(write=True) as session:
            slot = session.get(QueueSlot, slot_id)
            if slot is None:
                raise NotFound("queue.slot_not_found", id=slot_id)
            session.delete(slot)
            audit(
                session,
                at=now,
                actor=self.actor,
                action="queue.slot_removed",
                entity="channel",
                entity_id=slot.channel_id,
                weekday=slot.weekday,
                time=slot.time,
                tz=slot.tz,
            )

    def set_slots(self, channel: str, slots: Sequence[tuple[int, str, str]]) -> list[QueueSlotInfo]:
        """Replace the channel's slots with ``(weekday, "HH:MM", zone)`` triples, all checked before any is saved."""
        checked = [(weekday, _check_slot(weekday, at, tz), tz) for weekday, at, tz in slots]
        if len(checked) > MAX_SLOTS_PER_CHANNEL:
            raise InputError("queue.too_many_slots", channel=channel, max=MAX_SLOTS_PER_CHANNEL)
        seen: set[tuple[int, str]] = set()
        for weekday, hhmm, _tz in checked:
            if (weekday, hhmm) in seen:
                raise InputError("queue.duplicate_slot", channel=channel, weekday=weekday, time=hhmm)
            seen.add((weekday, hhmm))
        now = self.clock.now()
        with self.db.session(write=True) as session:
            row = _channel(session, channel)
            for old in _slot_rows(session, row.id):
                session.delete(old)
            session.flush()
            for weekday, hhmm, tz in checked:
                session.add(QueueSlot(channel_id=row.id, weekday=weekday, time=hhmm, tz=tz))
            session.flush()
            audit(
                session,
                at=now,
                actor=self.actor,
                action="queue.slots_set",
                entity="channel",
                entity_id=row.id,
                slots=[{"weekday": w, "time": t, "tz": z} for w, t, z in checked],
            )
            return [_slot_info(s, row.name) for s in _slot_rows(session, row.id)]

    def next_free_slot(self, channel: str, after: datetime, *, ignore_post: int | None = None) -> tuple[datetime, str]:
        """The first slot of the channel's queue strictly after ``after`` that no pending delivery on the channel
        takes yet: ``(UTC instant, zone)``.

        Each slot is a wall-clock time in its zone: a slot in a gap (02:30 on the day Berlin springs forward) falls
        at 03:30 that day, a slot in a fold (02:30 on the day it falls back) at the first 02:30 (summer time); see
        :func:`publisher.domain.recurrence.wall_to_utc`. Deliveries of ``ignore_post`` do not count as taken.
        """
        if after.tzinfo is None or after.utcoffset() is None:
            raise InputError("time.naive", value=after.isoformat())
        with self.db.session() as session:
            row = _channel(session, channel)
            slots = _slot_rows(session, row.id)
            if not slots:
                raise InputError("queue.no_slots", channel=row.name)
            query = select(Delivery.scheduled_at).where(
                Delivery.channel_id == row.id,
                Delivery.state.in_(list(PENDING)),
                Delivery.scheduled_at > after - timedelta(days=1),
            )
            if ignore_post is not None:
                query = query.where(Delivery.post_id != ignore_post)
            taken = {t.astimezone(UTC).replace(second=0, microsecond=0) for t in session.scalars(query) if t}
            name = row.name
        for when, tz in _slot_times(slots, after):
            if when > after and when not in taken:
                return when, tz
        raise InputError("queue.full", channel=name, weeks=QUEUE_HORIZON_WEEKS)

    def add_to_queue(self, post_id: int, *, channel: str | None = None) -> PostDetail:
        """Move the post's pending deliveries (or only ``channel``'s) each to its channel's next free slot."""
        detail = self.posts.get(post_id)
        names = [
            d.channel for d in detail.deliveries if d.state in PENDING and (channel is None or d.channel == channel)
        ]
        if channel is not None and not any(d.channel == channel for d in detail.deliveries):
            raise NotFound("post.channel_not_found", id=post_id, channel=channel)
        if not names:
            raise InputError("post.nothing_to_move", id=post_id)
        now = self.clock.now()
        times = {name: self.next_free_slot(name, now, ignore_post=post_id) for name in names}  # all checked first
        for name, (when, tz) in times.items():
            detail = self.posts.reschedule(post_id, when, tz, channel=name)
        return detail

    def create_queued(self, body: str, *, channels: Sequence[str], **create: Any) -> PostDetail:
        """Create a post (arguments as :meth:`PostService.create`, without ``at``/``tz``) with each channel at its
        next free queue slot. Every channel's slot is found before anything is written."""
        now = self.clock.now()
        names = [c.strip() for c in channels if c.strip()]
        times = {name: self.next_free_slot(name, now) for name in names}
        if not times:
            raise InputError("post.no_channel")
        first_name = min(times, key=lambda n: times[n][0])
        first, first_tz = times[first_name]
        detail = self.posts.create(body, channels=names, at=first, tz=first_tz, **create)
        for name, (when, tz) in times.items():
            if (when, tz) != (first, first_tz):
                detail = self.posts.reschedule(detail.id, when, tz, channel=name)
        return detail

    # -- recurring posts ------------------------------------------------------------------------------

    def preview_recurrence(self, rule: Recurrence, start: datetime, tz: str) -> list[datetime]:
        """The UTC instants the rule would create posts at (nothing is written)."""
        return occurrences(rule, start, tz)

    def create_recurring(
        self,
        body: str,
        *,
        channels: Sequence[str],
        at: datetime,
        tz: str,
        rule: Recurrence,
        title: str | None = None,
        campaign: str | None = None,
        variants: Mapping[str, str] | None = None,
        media: Sequence[MediaInput] = (),
        brand: str | None = None,
        draft: bool = False,
        submit: bool = False,
        approve: bool = False,
    ) -> list[PostDetail]:
        """One post per occurrence of ``rule`` from ``at`` (wall-clock time kept in ``tz``), each with the same
        channels, text, variants, media and brand. They share the first post's id as ``series_id`` and the rule.

        Occurrences are computed (and refused, e.g. more than 366) before anything is written; if creating one
        fails, the ones already created are deleted again, so the series is all or nothing.
        """
        times = occurrences(rule, at, tz)
        created: list[PostDetail] = []
        try:
            for when in times:
                created.append(
                    self.posts.create(
                        body,
                        channels=channels,
                        title=title,
                        campaign=campaign,
                        at=when,
                        tz=tz,
                        variants=variants,
                        media=media,
                        brand=brand,
                        draft=draft,
                        submit=submit,
                        approve=approve,
                    )
                )
            ids = [d.id for d in created]
            now = self.clock.now()
            with self.db.session(write=True) as session:
                session.execute(
                    update(Post).where(Post.id.in_(ids)).values(series_id=ids[0], recurrence=rule.to_json())
                )
                audit(
                    session,
                    at=now,
                    actor=self.actor,
                    action="post.series_created",
                    entity="post",
                    entity_id=ids[0],
                    posts=len(ids),
                    recurrence=rule.to_json(),
                    timezone=tz,
                )
        except BaseException:
            for detail in created:  # best effort: the original error is what the user needs to see
                with contextlib.suppress(Exception):
                    self.posts.delete(detail.id)
            raise
        return created

    def series(self, series_id: int) -> list[int]:
        """The ids of a series' posts, in time order of their first delivery."""
        with self.db.session() as session:
            return list(
                session.scalars(
                    select(Post.id)
                    .where(Post.series_id == series_id)
                    .join(Delivery, Delivery.post_id == Post.id)
                    .group_by(Post.id)
                    .order_by(func.min(Delivery.scheduled_at), Post.id)
                )
            )

    # -- audience zones -------------------------------------------------------------------------------

    def audience_zones(self) -> dict[str, str | None]:
        """Each channel's audience zone (``None`` when not set)."""
        with self.db.session() as session:
            return {name: tz for name, tz in session.execute(select(Channel.name, Channel.audience_tz))}

    def set_audience_zone(self, channel: str, tz: str | None) -> str | None:
        """Set (an IANA name) or clear (``None`` or blank) the zone most of the channel's audience lives in."""
        value = (tz or "").strip() or None
        if value is not None:
            zone(value)
        now = self.clock.now()
        with self.db.session(write=True) as session:
            row = _channel(session, channel)
            old = row.audience_tz
            row.audience_tz = value
            audit(
                session,
                at=now,
                actor=self.actor,
                action="channel.audience_zone",
                entity="channel",
                entity_id=row.id,
                old=old,
                new=value,
            )
            return value


def _channel(session: Session, name: str) -> Channel:
    row = session.scalar(select(Channel).where(Channel.name == name))
    if row is None:
        raise NotFound("channel.not_found", name=name)
    return row


def _slot_rows(session: Session, channel_id: int) -> list[QueueSlot]:
    return list(
        session.scalars(
            select(QueueSlot).where(QueueSlot.channel_id == channel_id).order_by(QueueSlot.weekday, QueueSlot.time)
        )
    )


def _slot_info(slot: QueueSlot, channel: str) -> QueueSlotInfo:
    return QueueSlotInfo(id=slot.id, channel=channel, weekday=slot.weekday, time=slot.time, tz=slot.tz)


def _check_slot(weekday: int, at: str, tz: str) -> str:
    if isinstance(weekday, bool) or not isinstance(weekday, int) or not 0 <= weekday <= 6:
        raise InputError("queue.bad_weekday", value=str(weekday))
    parsed = parse_hhmm(at)
    zone(tz)
    return f"{parsed.hour:02d}:{parsed.minute:02d}"


def _slot_times(slots: Sequence[QueueSlot], after: datetime) -> list[tuple[datetime, str]]:
    """Every slot's instants from the day before ``after`` (in each slot's zone) over the queue horizon, sorted."""
    found: list[tuple[datetime, str]] = []
    for slot in slots:
        tz = ZoneInfo(slot.tz)
        at = parse_hhmm(slot.time)
        day: date = after.astimezone(tz).date() - timedelta(days=1)
        day += timedelta(days=(slot.weekday - day.weekday()) % 7)
        for week in range(QUEUE_HORIZON_WEEKS + 1):
            found.append((wall_to_utc(day + timedelta(weeks=week), at, tz), slot.tz))
    found.sort(key=lambda item: item[0])
    return found
