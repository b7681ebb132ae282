"""Creating posts with their deliveries, and reading them back for the list, the calendar and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from publisher.clock import Clock
from publisher.db.models import Channel, Delivery, Post, User
from publisher.db.session import Database
from publisher.domain import (
    DeliveryInfo,
    DeliveryState,
    PostDetail,
    PostStatus,
    PostSummary,
    derive_post_status,
)
from publisher.errors import InputError, NotFound
from publisher.services._common import audit, ensure_user
from publisher.timezones import zone

MAX_BODY_CHARS = 100_000


def delivery_info(row: Delivery, channel: Channel) -> DeliveryInfo:
    return DeliveryInfo(
        id=row.id,
        post_id=row.post_id,
        channel_id=row.channel_id,
        channel=channel.name,
        channel_kind=channel.kind,
        state=DeliveryState(row.state),
        scheduled_at=row.scheduled_at,
        scheduled_tz=row.scheduled_tz,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        remote_id=row.remote_id,
        remote_url=row.remote_url,
        published_at=row.published_at,
        error_code=row.last_error_code,
        error=row.last_error_message,
    )


def title_of(post: Post) -> str:
    if post.title:
        return post.title
    for line in post.body.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:120]
    return ""


class PostService:
    def __init__(self, db: Database, clock: Clock, actor: str) -> None:
        self.db = db
        self.clock = clock
        self.actor = actor

    def create(
        self,
        body: str,
        *,
        channels: Sequence[str],
        title: str | None = None,
        campaign: str | None = None,
        at: datetime | None = None,
        tz: str = "UTC",
    ) -> PostDetail:
        """Create a post scheduled on each named channel; ``at=None`` means publish now."""
        if not body or not body.strip():
            raise InputError("post.empty")
        if len(body) > MAX_BODY_CHARS:
            raise InputError("post.too_long", max=MAX_BODY_CHARS)
        if "\x00" in body:
            raise InputError("post.binary")
        names = [c.strip() for c in channels if c.strip()]
        if not names:
            raise InputError("post.no_channel")
        if len(set(names)) != len(names):
            raise InputError("post.duplicate_channel")
        if at is not None and (at.tzinfo is None or at.utcoffset() is None):
            raise InputError("time.naive", value=at.isoformat())
        zone(tz)
        now = self.clock.now()
        when = now if at is None else at
        with self.db.session(write=True) as session:
            rows = list(session.scalars(select(Channel).where(Channel.name.in_(names))))
            found = {c.name for c in rows}
            missing = [n for n in names if n not in found]
            if missing:
                raise NotFound("channel.not_found", name=missing[0])
            author = ensure_user(session, self.actor, now)
            title = (title or "").strip() or None
            post = Post(
                title=title,
                body=body,
                campaign=(campaign or "").strip() or None,
                author_id=author.id,
                status=PostStatus.SCHEDULED,
                created_at=now,
                updated_at=now,
            )
            session.add(post)
            session.flush()
            by_name = {c.name: c for c in rows}
            for name in names:
                session.add(
                    Delivery(
                        post_id=post.id,
                        channel_id=by_name[name].id,
                        state=DeliveryState.SCHEDULED,
                        scheduled_at=when,
                        scheduled_tz=tz,
                        next_attempt_at=when,
                        attempts=0,
                        created_at=now,
                        updated_at=now,
                    )
                )
            audit(
                session,
                at=now,
                actor=self.actor,
                action="post.created",
                entity="post",
                entity_id=post.id,
                channels=names,
                scheduled_at=when.isoformat(),
                timezone=tz,
            )
            session.flush()
            return self._detail(session, post.id)

    def get(self, post_id: int) -> PostDetail:
        with self.db.session() as session:
            return self._detail(session, post_id)

    def count(self) -> int:
        with self.db.session() as session:
            return session.scalar(select(func.count(Post.id))) or 0

    def ids(self) -> list[int]:
        """Every post id, newest first: the list view holds only these and loads rows lazily."""
        with self.db.session() as session:
            return list(session.scalars(select(Post.id).order_by(Post.id.desc())))

    def summaries(self, ids: Sequence[int]) -> list[PostSummary]:
        """Rows for the given ids, in the same order."""
        if not ids:
            return []
        with self.db.session() as session:
            posts = session.scalars(
                select(Post)
                .where(Post.id.in_(list(ids)))
                .options(selectinload(Post.deliveries).selectinload(Delivery.channel))
            ).all()
            by_id = {p.id: self._summary(p) for p in posts}
            return [by_id[i] for i in ids if i in by_id]

    def page(self, *, limit: int | None = None, offset: int = 0) -> list[PostSummary]:
        with self.db.session() as session:
            query = select(Post.id).order_by(Post.id.desc()).offset(offset)
            if limit is not None:
                query = query.limit(limit)
            ids = list(session.scalars(query))
        return self.summaries(ids)

    def deliveries_between(self, start: datetime, end: datetime) -> list[tuple[DeliveryInfo, str]]:
        """Deliveries scheduled in ``[start, end)`` with their post's title, for the calendar."""
        with self.db.session() as session:
            rows = session.execute(
                select(Delivery, Channel, Post)
                .join(Channel, Channel.id == Delivery.channel_id)
                .join(Post, Post.id == Delivery.post_id)
                .where(Delivery.scheduled_at >= start, Delivery.scheduled_at < end)
                .order_by(Delivery.scheduled_at, Delivery.id)
            ).all()
            return [(delivery_info(d, c), title_of(p)) for d, c, p in rows]

    def retry(self, delivery_id: int) -> DeliveryInfo:
        """Send one failed or unconfirmed delivery again; the post's other channels are left alone."""
        now = self.clock.now()
        with self.db.session(write=True) as session:
            row = session.get(Delivery, delivery_id)
            if row is None:
                raise NotFound("delivery.not_found", id=delivery_id)
            if row.state not in (DeliveryState.FAILED, DeliveryState.UNCONFIRMED):
                raise InputError("delivery.not_retryable", state=row.state)
            if row.state == DeliveryState.UNCONFIRMED:
                row.idempotency_key = None  # the user decided: this is a new attempt
            row.state = DeliveryState.SCHEDULED
            row.next_attempt_at = now
            row.updated_at = now
            audit(
                session,
                at=now,
                actor=self.actor,
                action="delivery.retry",
                entity="delivery",
                entity_id=row.id,
            )
            session.flush()
            return delivery_info(row, row.channel)

    def delete(self, post_id: int) -> None:
        now = self.clock.now()
        with self.db.session(write=True) as session:
            post = session.get(Post, post_id)
            if post is None:
                raise NotFound("post.not_found", id=post_id)
            if any(d.state == DeliveryState.PUBLISHING for d in post.deliveries):
                raise InputError("post.busy", id=post_id)
            session.execute(delete(Post).where(Post.id == post_id))
            audit(session, at=now, actor=self.actor, action="post.deleted", entity="post", entity_id=post_id)

    # -- mapping --------------------------------------------------------------------------------

    def _detail(self, session: Session, post_id: int) -> PostDetail:
        post = session.get(Post, post_id)
        if post is None:
            raise NotFound("post.not_found", id=post_id)
        deliveries = tuple(delivery_info(d, d.channel) for d in post.deliveries)
        author = session.get(User, post.author_id) if post.author_id else None
        return PostDetail(
            id=post.id,
            title=post.title,
            body=post.body,
            campaign=post.campaign,
            author=author.name if author else None,
            workflow_status=post.status,
            status=derive_post_status(post.status, [d.state for d in deliveries]),
            created_at=post.created_at,
            updated_at=post.updated_at,
            deliveries=deliveries,
        )

    @staticmethod
    def _summary(post: Post) -> PostSummary:
        deliveries = tuple(delivery_info(d, d.channel) for d in post.deliveries)
        times = [d.scheduled_at for d in deliveries if d.scheduled_at is not None]
        return PostSummary(
            id=post.id,
            title=title_of(post),
            status=derive_post_status(post.status, [d.state for d in deliveries]),
            campaign=post.campaign,
            created_at=post.created_at,
            scheduled_at=min(times) if times else None,
            deliveries=deliveries,
        )
