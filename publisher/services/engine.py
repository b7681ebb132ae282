"""The publishing engine: the database is the queue.

Each delivery (post x channel) is claimed in one short transaction with a conditional UPDATE (works the same on
SQLite and PostgreSQL: only one runner's UPDATE matches the row), and the idempotency key is written in that same
transaction before any byte goes to the network. The outcome is recorded in a second transaction. A delivery
found in ``publishing`` with an expired lease was interrupted between the two: it is resent with the same key
only where the channel deduplicates by key, otherwise looked up on the network and marked ``published`` or
``unconfirmed``, never blindly resent.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, func, or_, select, update
from sqlalchemy.orm import Session

from publisher.channels.protocol import ChannelConfig, MediaItem, PublishRequest, PublishResult
from publisher.channels.registry import Registry
from publisher.clock import Clock
from publisher.db.models import Brand, Channel, Delivery, EngineHeartbeat, MediaAsset, Post
from publisher.db.session import Database
from publisher.domain import DeliveryState, EngineStatus, PostStatus
from publisher.errors import (
    AuthExpired,
    ChannelError,
    OutcomeUnknown,
    PublisherError,
    RateLimited,
    Rejected,
    Transient,
)
from publisher.messages import describe
from publisher.secrets import SecretStore
from publisher.services._common import audit
from publisher.services.channels import to_config

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)
HEARTBEAT_STALE = timedelta(seconds=45)
MAX_ATTEMPTS = 8
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
CLAIMABLE = (DeliveryState.SCHEDULED, DeliveryState.FAILED)


@dataclass(frozen=True, slots=True)
class _Claim:
    delivery_id: int
    post_id: int
    channel_kind: str
    config: ChannelConfig
    request: PublishRequest
    attempts: int
    recovering: bool


@dataclass(slots=True)
class RunReport:
    published: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    retrying: list[int] = field(default_factory=list)
    unconfirmed: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.published or self.failed or self.retrying or self.unconfirmed)


def backoff(attempts: int, rng: random.Random) -> timedelta:
    """Exponential back-off with full jitter: 30 s, 1 min, 2 min … capped at 1 h."""
    ceiling = min(BACKOFF_BASE * (2 ** max(attempts - 1, 0)), BACKOFF_CAP)
    return timedelta(seconds=max(5.0, rng.uniform(0.5, 1.0) * ceiling.total_seconds()))


class PublishingEngine:
    def __init__(
        self,
        db: Database,
        registry: Registry,
        secrets: SecretStore,
        clock: Clock,
        *,
        mode: str = "headless",
        runner_id: str | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.db = db
        self.registry = registry
        self.secrets = secrets
        self.clock = clock
        self.mode = mode
        self.runner_id = runner_id or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._rng = rng or random.Random()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._started_at: datetime | None = None

    # -- running --------------------------------------------------------------------------------

    def run_once(self) -> RunReport:
        """Publish everything that is due now, then return what happened."""
        report = RunReport()
        self.beat()
        while not self._stop.is_set():
            claim = self._claim_next()
            if claim is None:
                break
            self._deliver(claim, report)
        self.beat(ran=True)
        return report

    def run_forever(self, *, interval: float = 15.0, on_report: Callable[[RunReport], None] | None = None) -> None:
        """Run passes until :meth:`stop`; wakes early on :meth:`wake` or when something falls due."""
        self._stop.clear()
        try:
            while not self._stop.is_set():
                try:
                    report = self.run_once()
                    if on_report is not None:
                        on_report(report)
                except PublisherError as exc:  # database unavailable etc.: keep the runner alive
                    log.warning("publishing pass failed: %s", describe(exc))
                timeout = interval
                next_due = self.next_due_at()
                if next_due is not None:
                    timeout = max(0.05, min(interval, (next_due - self.clock.now()).total_seconds()))
                self._wake.wait(timeout)
                self._wake.clear()
        finally:
            self.mark_stopped()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def wake(self) -> None:
        self._wake.set()

    # -- heartbeat ------------------------------------------------------------------------------

    def beat(self, *, ran: bool = False) -> None:
        now = self.clock.now()
        with self.db.session(write=True) as session:
            row = session.get(EngineHeartbeat, self.runner_id)
            if row is None:
                self._started_at = now
                row = EngineHeartbeat(
                    runner_id=self.runner_id,
                    host=socket.gethostname(),
                    pid=os.getpid(),
                    mode=self.mode,
                    started_at=now,
                    last_beat_at=now,
                )
                session.add(row)
            row.last_beat_at = now
            row.stopped_at = None
            if ran:
                row.last_run_at = now

    def mark_stopped(self) -> None:
        now = self.clock.now()
        try:
            with self.db.session(write=True) as session:
                row = session.get(EngineHeartbeat, self.runner_id)
                if row is not None:
                    row.stopped_at = now
                    row.last_beat_at = now
        except PublisherError:  # pragma: no cover - best effort on shutdown
            log.warning("could not record that the runner stopped")

    def next_due_at(self) -> datetime | None:
        with self.db.session() as session:
            return session.scalar(select(func.min(Delivery.next_attempt_at)).where(Delivery.state.in_(CLAIMABLE)))

    # -- claim ----------------------------------------------------------------------------------

    def _claim_next(self) -> _Claim | None:
        now = self.clock.now()
        with self.db.session() as session:
            due = list(
                session.scalars(
                    select(Delivery.id)
                    .join(Post, Post.id == Delivery.post_id)
                    .where(
                        Post.status == PostStatus.SCHEDULED,
                        or_(
                            Delivery.state.in_(CLAIMABLE) & (Delivery.next_attempt_at <= now),
                            (Delivery.state == DeliveryState.PUBLISHING) & (Delivery.lease_until < now),
                        ),
                    )
                    .order_by(Delivery.next_attempt_at, Delivery.id)
                    .limit(20)
                )
            )
        for delivery_id in due:
            claim = self._try_claim(delivery_id, now)
            if claim is not None:
                return claim
        return None

    def _try_claim(self, delivery_id: int, now: datetime) -> _Claim | None:
        new_key = f"pub-{delivery_id}-{uuid.uuid4().hex}"
        with self.db.session(write=True) as session:
            recovering = bool(
                session.scalar(
                    select(Delivery.id).where(
                        Delivery.id == delivery_id,
                        Delivery.state == DeliveryState.PUBLISHING,
                        Delivery.lease_until < now,
                    )
                )
            )
            result = cast(
                CursorResult[Any],
                session.execute(
                    update(Delivery)
                    .where(
                        Delivery.id == delivery_id,
                        or_(
                            Delivery.state.in_(CLAIMABLE) & (Delivery.next_attempt_at <= now),
                            (Delivery.state == DeliveryState.PUBLISHING) & (Delivery.lease_until < now),
                        ),
                    )
                    .values(
                        state=DeliveryState.PUBLISHING,
                        lease_owner=self.runner_id,
                        lease_until=now + LEASE,
                        attempts=Delivery.attempts + (0 if recovering else 1),
                        idempotency_key=func.coalesce(Delivery.idempotency_key, new_key),
                        updated_at=now,
                    )
                    .execution_options(synchronize_session=False)
                ),
            )
            if result.rowcount != 1:  # another runner got there first
                return None
            delivery = session.get(Delivery, delivery_id)
            assert delivery is not None
            session.refresh(delivery)
            channel = session.get(Channel, delivery.channel_id)
            post = session.get(Post, delivery.post_id)
            assert channel is not None and post is not None
            text = next((v.body for v in post.variants if v.channel_id == channel.id), post.body)
            key = delivery.idempotency_key or new_key
            media, utm, frame = self._media_and_brand(session, post)
            audit(
                session,
                at=now,
                actor=self.runner_id,
                action="delivery.claimed",
                entity="delivery",
                entity_id=delivery_id,
                attempt=delivery.attempts,
                key=key,
                recovering=recovering,
            )
            return _Claim(
                delivery_id=delivery_id,
                post_id=post.id,
                channel_kind=channel.kind,
                config=to_config(channel),
                request=PublishRequest(
                    key=key,
                    post_id=post.id,
                    title=post.title,
                    text=text,
                    date=delivery.scheduled_at or now,
                    channel_name=channel.name,
                    campaign=post.campaign or "",
                    media=media,
                    utm=utm,
                    frame=frame,
                ),
                attempts=delivery.attempts,
                recovering=recovering,
            )

    @staticmethod
    def _media_and_brand(
        session: Session, post: Post
    ) -> tuple[tuple[MediaItem, ...], dict[str, str | None], dict[str, Any] | None]:
        rows = session.scalars(
            select(MediaAsset).where(MediaAsset.post_id == post.id).order_by(MediaAsset.position, MediaAsset.id)
        ).all()
        media: tuple[MediaItem, ...] = ()
        if rows:
            from publisher.media import MediaStore

            store = MediaStore()
            media = tuple(
                MediaItem(
                    path=str(store.path_of(row.storage_path)),
                    filename=row.filename,
                    mime_type=row.mime_type,
                    sha256=row.sha256,
                    alt_text=row.alt_text,
                )
                for row in rows
            )
        utm: dict[str, str | None] = {}
        frame: dict[str, Any] | None = None
        if post.brand_id is not None:
            brand = session.get(Brand, post.brand_id)
            if brand is not None and isinstance(brand.settings, dict):
                raw_utm = brand.settings.get("utm") or {}
                utm = {str(k): (str(v) if v is not None else None) for k, v in raw_utm.items()}
                raw_frame = brand.settings.get("frame")
                frame = dict(raw_frame) if isinstance(raw_frame, dict) else None
        return media, utm, frame

    # -- deliver and record -----------------------------------------------------------------

    def _deliver(self, claim: _Claim, report: RunReport) -> None:
        try:
            kind = self.registry.get(claim.channel_kind)
            secret = self.secrets.get(claim.config.id) if kind.needs_secret else None
            connector = kind.connect(claim.config, secret)
            if claim.recovering and not kind.idempotent_publish:
                found = connector.find_published(claim.request)
                if found is None:
                    self._record_unconfirmed(claim, report, OutcomeUnknown("engine.interrupted"))
                else:
                    self._record_published(claim, found, report)
                return
            result = connector.publish(claim.request)
        except OutcomeUnknown as exc:
            if self.registry.get(claim.channel_kind).idempotent_publish:
                self._record_failure(claim, exc, report, retry_in=backoff(claim.attempts, self._rng))
            else:
                self._record_unconfirmed(claim, report, exc)
            return
        except RateLimited as exc:
            self._record_failure(claim, exc, report, retry_in=timedelta(seconds=max(exc.retry_after, 1.0)))
            return
        except Transient as exc:
            retry = backoff(claim.attempts, self._rng) if claim.attempts < MAX_ATTEMPTS else None
            self._record_failure(claim, exc, report, retry_in=retry)
            return
        except (AuthExpired, Rejected, ChannelError) as exc:
            self._record_failure(claim, exc, report, retry_in=None)
            return
        except PublisherError as exc:
            self._record_failure(claim, exc, report, retry_in=None)
            return
        except Exception as exc:  # a bug in a connector must not kill the runner or hide the post
            log.exception("connector %s crashed", claim.channel_kind)
            self._record_failure(claim, PublisherError("engine.internal", reason=repr(exc)), report, retry_in=None)
            return
        self._record_published(claim, result, report)

    def _finish(self, claim: _Claim, action: str, **values: object) -> bool:
        now = self.clock.now()
        with self.db.session(write=True) as session:
            result = cast(
                CursorResult[Any],
                session.execute(
                    update(Delivery)
                    .where(
                        Delivery.id == claim.delivery_id,
                        Delivery.state == DeliveryState.PUBLISHING,
                        Delivery.lease_owner == self.runner_id,
                    )
                    .values(lease_owner=None, lease_until=None, updated_at=now, **values)
                    .execution_options(synchronize_session=False)
                ),
            )
            if result.rowcount != 1:
                log.warning("delivery %s was taken over by another runner", claim.delivery_id)
                return False
            detail = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in values.items()}
            audit(
                session,
                at=now,
                actor=self.runner_id,
                action=action,
                entity="delivery",
                entity_id=claim.delivery_id,
                **detail,
            )
            return True

    def _record_published(self, claim: _Claim, result: PublishResult, report: RunReport) -> None:
        if self._finish(
            claim,
            "delivery.published",
            state=DeliveryState.PUBLISHED,
            remote_id=result.remote_id,
            remote_url=result.remote_url,
            published_at=self.clock.now(),
            next_attempt_at=None,
            last_error_code=None,
            last_error_message=None,
            last_error_params=None,
        ):
            report.published.append(claim.delivery_id)

    def _record_unconfirmed(self, claim: _Claim, report: RunReport, exc: PublisherError) -> None:
        if self._finish(
            claim,
            "delivery.unconfirmed",
            state=DeliveryState.UNCONFIRMED,
            next_attempt_at=None,
            last_error_code=exc.code,
            last_error_message=describe(exc),
            last_error_params=_jsonable(exc.params),
        ):
            report.unconfirmed.append(claim.delivery_id)

    def _record_failure(
        self, claim: _Claim, exc: PublisherError, report: RunReport, *, retry_in: timedelta | None
    ) -> None:
        next_at = self.clock.now() + retry_in if retry_in is not None else None
        if self._finish(
            claim,
            "delivery.failed",
            state=DeliveryState.FAILED,
            next_attempt_at=next_at,
            last_error_code=exc.code,
            last_error_message=describe(exc),
            last_error_params=_jsonable(exc.params),
        ):
            (report.retrying if next_at else report.failed).append(claim.delivery_id)


def _jsonable(params: dict[str, object]) -> dict[str, object]:
    return {k: v if isinstance(v, str | int | float | bool | type(None)) else str(v) for k, v in params.items()}


def engine_status(db: Database, clock: Clock) -> EngineStatus:
    """What every window shows: read from the database, so a window and a headless runner agree."""
    now = clock.now()
    with db.session() as session:
        beats = list(session.scalars(select(EngineHeartbeat)))
        alive = [b for b in beats if b.stopped_at is None and now - b.last_beat_at < HEARTBEAT_STALE]
        runs = [b.last_run_at for b in beats if b.last_run_at is not None]
        next_due = session.scalar(select(func.min(Delivery.next_attempt_at)).where(Delivery.state.in_(CLAIMABLE)))
        failed = (
            session.scalar(
                select(func.count(Delivery.id)).where(
                    Delivery.state == DeliveryState.FAILED, Delivery.next_attempt_at.is_(None)
                )
            )
            or 0
        )
        unconfirmed = (
            session.scalar(select(func.count(Delivery.id)).where(Delivery.state == DeliveryState.UNCONFIRMED)) or 0
        )
    return EngineStatus(
        running=bool(alive),
        runners=len(alive),
        last_run_at=max(runs) if runs else None,
        next_due_at=next_due,
        failed=failed,
        unconfirmed=unconfirmed,
    )
