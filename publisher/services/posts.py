"""Creating posts with their deliveries, and reading them back for the list, the calendar and the CLI."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from publisher.clock import Clock
from publisher.db.models import Brand, Channel, Delivery, MediaAsset, Post, PostComment, User, Variant
from publisher.db.session import Database
from publisher.domain import (
    CommentInfo,
    DeliveryInfo,
    DeliveryState,
    MediaInfo,
    PostDetail,
    PostStatus,
    PostSummary,
    Role,
    derive_post_status,
)
from publisher.domain.planning import PENDING
from publisher.errors import InputError, NotFound
from publisher.media import MAX_ALT_TEXT, MediaInput, MediaStore, StoredMedia, inspect_media, media_problems
from publisher.services._common import audit, ensure_user
from publisher.services.workspace import read_workflow, require_role
from publisher.timezones import zone

MAX_COMMENT_CHARS = 10_000


def _delivery_state_for(status: PostStatus) -> DeliveryState:
    return {
        PostStatus.DRAFT: DeliveryState.DRAFT,
        PostStatus.IN_REVIEW: DeliveryState.IN_REVIEW,
        PostStatus.APPROVED: DeliveryState.APPROVED,
    }.get(status, DeliveryState.SCHEDULED)


MAX_BODY_CHARS = 100_000
MAX_MEDIA_PER_POST = 20  # more than any network takes (LinkedIn and Threads: 20)


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
        handoff_at=row.handoff_at if row.handoff_id else None,
    )


def title_of(post: Post) -> str:
    if post.title:
        return post.title
    for line in post.body.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:120]
    return ""


def media_info(row: MediaAsset) -> MediaInfo:
    return MediaInfo(
        mime_type=row.mime_type,
        size=row.size,
        filename=row.filename,
        width=row.width,
        height=row.height,
        duration_ms=row.duration_ms,
        alt_text=row.alt_text,
        sha256=row.sha256,
        storage_path=row.storage_path,
        position=row.position,
    )


def inspect_inputs(media: Sequence[MediaInput]) -> list[MediaInfo]:
    """Inspects every file and takes its alt text, raising the first problem before anything is written."""
    if len(media) > MAX_MEDIA_PER_POST:
        raise InputError("media.too_many_files", max=MAX_MEDIA_PER_POST)
    infos: list[MediaInfo] = []
    for position, item in enumerate(media):
        info = inspect_media(item.path).with_alt(item.alt_text)
        if info.alt_text is not None and len(info.alt_text) > MAX_ALT_TEXT:
            raise InputError("media.alt_too_long_to_store", filename=info.filename, max=MAX_ALT_TEXT)
        if info.alt_text is not None and "\x00" in info.alt_text:
            raise InputError("post.binary")
        infos.append(replace(info, position=position))
    return infos


def _variants(variants: Mapping[str, str], names: Sequence[str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for name, text in variants.items():
        if name not in names:
            raise InputError("post.variant_not_selected", channel=name)
        if not text or not text.strip():
            continue
        if len(text) > MAX_BODY_CHARS:
            raise InputError("post.too_long", max=MAX_BODY_CHARS, channel=name)
        if "\x00" in text:
            raise InputError("post.binary", channel=name)
        texts[name] = text
    return texts


class PostService:
    def __init__(self, db: Database, clock: Clock, actor: str, *, media_store: MediaStore | None = None) -> None:
        self.db = db
        self.clock = clock
        self.actor = actor
        self.media_store = media_store or MediaStore()

    def create(
        self,
        body: str,
        *,
        channels: Sequence[str],
        title: str | None = None,
        campaign: str | None = None,
        at: datetime | None = None,
        tz: str = "UTC",
        variants: Mapping[str, str] | None = None,
        media: Sequence[MediaInput] = (),
        brand: str | None = None,
        draft: bool = False,
        submit: bool = False,
        approve: bool = False,
    ) -> PostDetail:
        """Create a post scheduled on each named channel; ``at=None`` means publish now.

        Workflow: ``draft`` keeps it a draft, ``submit`` sends it for review, ``approve`` (editors and admins)
        approves it at once. Without any of them the post is scheduled, unless the workspace requires approval:
        then it stays a draft until it is submitted and approved.

        ``variants`` maps a channel name (one of ``channels``) to that channel's own text; a blank one is
        ignored. ``media`` are attached in order: every file is inspected and checked against each channel's network
        (type, size, count, alt text) and, with ``brand``, the body is brand-checked for each channel, all before
        anything is written. A blocking problem raises :class:`InputError` with the problem's code and params
        plus ``channel``. The files are then copied into the media store and the post, its deliveries and its
        media rows are written in one transaction: either all of it is saved or none of it.
        """
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
        if sum((draft, submit, approve)) > 1:
            raise InputError("workflow.one_step")
        zone(tz)
        texts = _variants(variants or {}, names)
        infos = inspect_inputs(media)
        now = self.clock.now()
        when = now if at is None else at
        stored: list[StoredMedia] = []
        try:
            with self.db.session(write=True) as session:
                rows = list(session.scalars(select(Channel).where(Channel.name.in_(names))))
                found = {c.name for c in rows}
                missing = [n for n in names if n not in found]
                if missing:
                    raise NotFound("channel.not_found", name=missing[0])
                by_name = {c.name: c for c in rows}
                brand_row = self._brand_row(session, brand) if brand is not None else None
                status = self._initial_status(session, now, draft=draft, submit=submit, approve=approve)
                self._refuse_blocking_problems(body, texts, infos, [by_name[n] for n in names], brand_row)
                for info in infos:
                    stored.append(self.media_store.put(Path(media[info.position].path)))
                return self._insert(
                    session,
                    body=body,
                    names=names,
                    by_name=by_name,
                    texts=texts,
                    title=title,
                    campaign=campaign,
                    brand_row=brand_row,
                    infos=infos,
                    stored=stored,
                    now=now,
                    when=when,
                    tz=tz,
                    status=status,
                    approved=approve,
                )
        except BaseException:
            for item in stored:
                self.media_store.discard(item)
            raise

    def _insert(
        self,
        session: Session,
        *,
        body: str,
        names: list[str],
        by_name: dict[str, Channel],
        texts: dict[str, str],
        title: str | None,
        campaign: str | None,
        brand_row: Brand | None,
        infos: list[MediaInfo],
        stored: list[StoredMedia],
        now: datetime,
        when: datetime,
        tz: str,
        status: PostStatus,
        approved: bool,
    ) -> PostDetail:
        author = ensure_user(session, self.actor, now)
        post = Post(
            title=(title or "").strip() or None,
            body=body,
            campaign=(campaign or "").strip() or None,
            author_id=author.id,
            status=status,
            brand_id=brand_row.id if brand_row is not None else None,
            created_at=now,
            updated_at=now,
        )
        session.add(post)
        session.flush()
        for name in names:
            session.add(
                Delivery(
                    post_id=post.id,
                    channel_id=by_name[name].id,
                    state=_delivery_state_for(status),
                    scheduled_at=when,
                    scheduled_tz=tz,
                    next_attempt_at=when if status == PostStatus.SCHEDULED else None,
                    attempts=0,
                    created_at=now,
                    updated_at=now,
                )
            )
        for name, text in texts.items():
            session.add(Variant(post_id=post.id, channel_id=by_name[name].id, body=text))
        for info, item in zip(infos, stored, strict=True):
            session.add(
                MediaAsset(
                    post_id=post.id,
                    sha256=item.sha256,
                    mime_type=info.mime_type,
                    size=item.size,
                    filename=info.filename[:500],
                    alt_text=info.alt_text,
                    width=info.width,
                    height=info.height,
                    duration_ms=info.duration_ms,
                    storage_path=item.storage_path,
                    position=info.position,
                    created_at=now,
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
            **({"variants": sorted(texts)} if texts else {}),
            **({"media": [item.sha256 for item in stored]} if stored else {}),
            **({"brand": brand_row.name} if brand_row is not None else {}),
            status=status.value,
        )
        if status == PostStatus.IN_REVIEW:
            self._add_comment(session, post.id, "submitted", "", now)
        elif approved:
            self._add_comment(session, post.id, "approved", "", now)
        session.flush()
        return self._detail(session, post.id)

    def _initial_status(
        self, session: Session, now: datetime, *, draft: bool, submit: bool, approve: bool
    ) -> PostStatus:
        if approve:
            require_role(session, self.actor, now, Role.EDITOR, Role.ADMIN, action="approve posts")
            return PostStatus.SCHEDULED
        if submit:
            return PostStatus.IN_REVIEW
        if draft or read_workflow(session).approval_required:
            return PostStatus.DRAFT
        return PostStatus.SCHEDULED

    @staticmethod
    def _brand_row(session: Session, name: str) -> Brand:
        row = session.scalar(select(Brand).where(Brand.name == name.strip()))
        if row is None:
            raise NotFound("brand.not_found", name=name)
        return row

    @staticmethod
    def _refuse_blocking_problems(
        body: str,
        texts: Mapping[str, str],
        infos: Sequence[MediaInfo],
        channels: Sequence[Channel],
        brand_row: Brand | None,
    ) -> None:
        """Scheduling is refused while a channel has a blocking media or brand problem (the first one is raised)."""
        profile = None
        if brand_row is not None:
            from publisher.domain.brand import brand_check
            from publisher.services.brand import to_profile

            profile = to_profile(brand_row)
        for channel in channels:
            problems = media_problems(infos, channel.kind)
            if profile is not None:
                text = texts.get(channel.name, body)
                problems += brand_check(text, kind=channel.kind, profile=profile, channel=channel.name)
            for problem in problems:
                if problem.blocks:
                    raise InputError(problem.code, channel=channel.name, **problem.params)

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

    # -- workflow ------------------------------------------------------------------------------

    def submit(self, post_id: int, comment: str | None = None) -> PostDetail:
        """Send a draft for review."""
        return self._step(post_id, "submitted", comment, {PostStatus.DRAFT}, PostStatus.IN_REVIEW)

    def approve(self, post_id: int, comment: str | None = None) -> PostDetail:
        """Approve a draft or a post in review (editors and admins): its deliveries are scheduled."""
        return self._step(
            post_id,
            "approved",
            comment,
            {PostStatus.DRAFT, PostStatus.IN_REVIEW},
            PostStatus.SCHEDULED,
            roles=(Role.EDITOR, Role.ADMIN),
            action="approve posts",
        )

    def send_back(self, post_id: int, comment: str) -> PostDetail:
        """Return a post in review to its author with a comment (editors and admins)."""
        if not comment or not comment.strip():
            raise InputError("workflow.comment_required")
        return self._step(
            post_id,
            "sent_back",
            comment,
            {PostStatus.IN_REVIEW},
            PostStatus.DRAFT,
            roles=(Role.EDITOR, Role.ADMIN),
            action="send posts back",
        )

    def edit(self, post_id: int, body: str, *, title: str | None = None) -> PostDetail:
        """Change the text (and title) of a post that has not gone out everywhere yet.

        Checked like a new post (length, brand) for every channel still to come. A copy a network holds for later
        is replaced there by the engine. With approval required, an author's edit of an approved post sends it
        back to draft: what goes out is always what an editor approved.
        """
        if not body or not body.strip():
            raise InputError("post.empty")
        if len(body) > MAX_BODY_CHARS:
            raise InputError("post.too_long", max=MAX_BODY_CHARS)
        if "\x00" in body:
            raise InputError("post.binary")
        now = self.clock.now()
        with self.db.session(write=True) as session:
            post = session.get(Post, post_id)
            if post is None:
                raise NotFound("post.not_found", id=post_id)
            if any(d.state == DeliveryState.PUBLISHING for d in post.deliveries):
                raise InputError("post.busy", id=post_id)
            pending = [d for d in post.deliveries if d.state in PENDING]
            if not pending:
                raise InputError("post.nothing_to_edit", id=post_id)
            brand_row = session.get(Brand, post.brand_id) if post.brand_id else None
            texts = {v.channel_id: v.body for v in post.variants}
            channels = [d.channel for d in pending if d.channel_id not in texts]
            self._refuse_blocking_problems(body, {}, [], channels, brand_row)
            post.body = body
            if title is not None:
                post.title = title.strip() or None
            post.updated_at = now
            for row in pending:
                if row.handoff_id:
                    row.handoff_at = None  # the network's copy has the old text: the engine replaces it
                row.updated_at = now
            back_to_draft = (
                post.status == PostStatus.SCHEDULED
                and read_workflow(session).approval_required
                and Role(ensure_user(session, self.actor, now).role) == Role.AUTHOR
            )
            if back_to_draft:
                post.status = PostStatus.DRAFT
                for row in pending:
                    row.state = DeliveryState.DRAFT
                    row.next_attempt_at = None
            self._add_comment(session, post.id, "edited", "", now)
            audit(
                session,
                at=now,
                actor=self.actor,
                action="post.edited",
                entity="post",
                entity_id=post.id,
                back_to_draft=back_to_draft,
            )
            session.flush()
            return self._detail(session, post.id)

    def unschedule(self, post_id: int) -> PostDetail:
        """Take a scheduled post back to draft (nothing published is touched); needs approval again if required."""
        return self._step(post_id, "unscheduled", None, {PostStatus.SCHEDULED}, PostStatus.DRAFT)

    def _step(
        self,
        post_id: int,
        kind: str,
        comment: str | None,
        allowed: set[PostStatus],
        target: PostStatus,
        *,
        roles: tuple[Role, ...] = (),
        action: str = "",
    ) -> PostDetail:
        text = _comment_text(comment) if comment is not None else ""
        now = self.clock.now()
        with self.db.session(write=True) as session:
            post = session.get(Post, post_id)
            if post is None:
                raise NotFound("post.not_found", id=post_id)
            if roles:
                require_role(session, self.actor, now, *roles, action=action)
            if post.status not in allowed:
                raise InputError(
                    "workflow.wrong_status",
                    id=post_id,
                    status=post.status,
                    step=kind,
                    allowed=", ".join(sorted(allowed)),
                )
            post.status = target
            post.updated_at = now
            for row in post.deliveries:
                if row.state in PENDING:
                    row.state = _delivery_state_for(target)
                    row.next_attempt_at = row.scheduled_at if target == PostStatus.SCHEDULED else None
                    row.updated_at = now
            self._add_comment(session, post.id, kind, text, now)
            audit(
                session,
                at=now,
                actor=self.actor,
                action=f"post.{kind}",
                entity="post",
                entity_id=post.id,
                **({"comment": text} if text else {}),
            )
            session.flush()
            return self._detail(session, post.id)

    def comment(self, post_id: int, text: str) -> CommentInfo:
        body = _comment_text(text)
        if not body:
            raise InputError("workflow.comment_required")
        now = self.clock.now()
        with self.db.session(write=True) as session:
            if session.get(Post, post_id) is None:
                raise NotFound("post.not_found", id=post_id)
            row = self._add_comment(session, post_id, "comment", body, now)
            audit(session, at=now, actor=self.actor, action="post.comment", entity="post", entity_id=post_id)
            session.flush()
            return _comment_info(row)

    def comments(self, post_id: int) -> list[CommentInfo]:
        with self.db.session() as session:
            if session.get(Post, post_id) is None:
                raise NotFound("post.not_found", id=post_id)
            rows = session.scalars(
                select(PostComment)
                .where(PostComment.post_id == post_id)
                .order_by(PostComment.created_at, PostComment.id)
            )
            return [_comment_info(r) for r in rows]

    def _add_comment(self, session: Session, post_id: int, kind: str, body: str, now: datetime) -> PostComment:
        ensure_user(session, self.actor, now)
        row = PostComment(post_id=post_id, author=self.actor, kind=kind, body=body, created_at=now)
        session.add(row)
        return row

    # -- planning -------------------------------------------------------------------------------

    def reschedule(
        self, post_id: int, at: datetime, tz: str | None = None, *, channel: str | None = None
    ) -> PostDetail:
        """Move the post's deliveries that have not gone out yet (or only ``channel``'s) to ``at``.

        A delivery the network holds as a scheduled copy is moved there too: the engine replaces the remote copy.
        """
        if at.tzinfo is None or at.utcoffset() is None:
            raise InputError("time.naive", value=at.isoformat())
        if tz is not None:
            zone(tz)
        now = self.clock.now()
        with self.db.session(write=True) as session:
            post = session.get(Post, post_id)
            if post is None:
                raise NotFound("post.not_found", id=post_id)
            rows = self._pending_rows(post, channel)
            if not rows:
                raise InputError("post.nothing_to_move", id=post_id)
            for row in rows:
                old = row.scheduled_at
                row.scheduled_at = at
                if tz is not None:
                    row.scheduled_tz = tz
                if row.state == DeliveryState.FAILED and post.status == PostStatus.SCHEDULED:
                    row.state = DeliveryState.SCHEDULED
                if row.state == DeliveryState.SCHEDULED:
                    row.next_attempt_at = at
                row.updated_at = now
                audit(
                    session,
                    at=now,
                    actor=self.actor,
                    action="delivery.rescheduled",
                    entity="delivery",
                    entity_id=row.id,
                    old=old.isoformat() if old else None,
                    new=at.isoformat(),
                    handed_off=bool(row.handoff_id),
                )
            post.updated_at = now
            session.flush()
            return self._detail(session, post.id)

    def cancel(self, post_id: int, *, channel: str | None = None) -> PostDetail:
        """Cancel what has not gone out yet; a copy the network holds for later is cancelled there by the engine."""
        now = self.clock.now()
        with self.db.session(write=True) as session:
            post = session.get(Post, post_id)
            if post is None:
                raise NotFound("post.not_found", id=post_id)
            if any(
                d.state == DeliveryState.PUBLISHING
                for d in post.deliveries
                if channel is None or d.channel.name == channel
            ):
                raise InputError("post.busy", id=post_id)
            rows = self._pending_rows(post, channel)
            if not rows:
                raise InputError("post.nothing_to_cancel", id=post_id)
            for row in rows:
                row.state = DeliveryState.CANCELLED
                row.next_attempt_at = None
                row.updated_at = now
                audit(
                    session,
                    at=now,
                    actor=self.actor,
                    action="delivery.cancelled",
                    entity="delivery",
                    entity_id=row.id,
                    handed_off=bool(row.handoff_id),
                )
            post.updated_at = now
            session.flush()
            return self._detail(session, post.id)

    @staticmethod
    def _pending_rows(post: Post, channel: str | None) -> list[Delivery]:
        if channel is not None and not any(d.channel.name == channel for d in post.deliveries):
            raise NotFound("post.channel_not_found", id=post.id, channel=channel)
        return [d for d in post.deliveries if d.state in PENDING and (channel is None or d.channel.name == channel)]

    def retry_post(self, post_id: int, *, channel: str | None = None) -> list[DeliveryInfo]:
        """Send the post's failed or unconfirmed deliveries (or only ``channel``'s) again."""
        with self.db.session() as session:
            post = session.get(Post, post_id)
            if post is None:
                raise NotFound("post.not_found", id=post_id)
            if channel is not None and not any(d.channel.name == channel for d in post.deliveries):
                raise NotFound("post.channel_not_found", id=post_id, channel=channel)
            ids = [
                d.id
                for d in post.deliveries
                if d.state in (DeliveryState.FAILED, DeliveryState.UNCONFIRMED)
                and (channel is None or d.channel.name == channel)
            ]
        if not ids:
            raise InputError("post.nothing_to_retry", id=post_id)
        return [self.retry(i) for i in ids]

    def mark_published(self, delivery_id: int, remote_url: str) -> DeliveryInfo:
        """The user found an unconfirmed delivery on the network: record it as published with that address."""
        url = remote_url.strip()
        if not url.startswith(("https://", "http://")):
            raise InputError("delivery.bad_url", url=remote_url)
        now = self.clock.now()
        with self.db.session(write=True) as session:
            row = session.get(Delivery, delivery_id)
            if row is None:
                raise NotFound("delivery.not_found", id=delivery_id)
            if row.state != DeliveryState.UNCONFIRMED:
                raise InputError("delivery.not_unconfirmed", state=row.state)
            row.state = DeliveryState.PUBLISHED
            row.remote_url = url
            row.published_at = row.published_at or now
            row.updated_at = now
            audit(
                session,
                at=now,
                actor=self.actor,
                action="delivery.matched",
                entity="delivery",
                entity_id=row.id,
                url=url,
            )
            session.flush()
            return delivery_info(row, row.channel)

    def retry(self, delivery_id: int) -> DeliveryInfo:
        """Send one failed or unconfirmed delivery again; the post's other channels are left alone."""
        now = self.clock.now()
        with self.db.session(write=True) as session:
            row = session.get(Delivery, delivery_id)
            if row is None:
                raise NotFound("delivery.not_found", id=delivery_id)
            if row.state not in (DeliveryState.FAILED, DeliveryState.UNCONFIRMED):
                raise InputError("delivery.not_retryable", state=row.state)
            if row.post.status != PostStatus.SCHEDULED:  # approval still pending: nothing unapproved goes out
                raise InputError("workflow.not_approved", id=row.post_id)
            if row.state == DeliveryState.UNCONFIRMED:
                row.idempotency_key = None  # the user decided: this is a new attempt
            if isinstance(row.channel.settings, dict) and row.channel.settings.get("paused"):
                # The user fixed what paused the channel (e.g. signed in again) and says so by retrying.
                row.channel.settings = {k: v for k, v in row.channel.settings.items() if k != "paused"}
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
        media = session.scalars(
            select(MediaAsset).where(MediaAsset.post_id == post.id).order_by(MediaAsset.position, MediaAsset.id)
        )
        brand = session.get(Brand, post.brand_id) if post.brand_id else None
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
            media=tuple(media_info(m) for m in media),
            brand=brand.name if brand is not None else None,
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


def _comment_text(text: str) -> str:
    body = text.strip()
    if len(body) > MAX_COMMENT_CHARS:
        raise InputError("workflow.comment_too_long", max=MAX_COMMENT_CHARS)
    if "\x00" in body:
        raise InputError("post.binary")
    return body


def _comment_info(row: PostComment) -> CommentInfo:
    return CommentInfo(
        id=row.id, post_id=row.post_id, author=row.author, kind=row.kind, body=row.body, created_at=row.created_at
    )
