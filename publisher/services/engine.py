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
import time
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast
from urllib.parse import urlsplit

from sqlalchemy import CursorResult, func, or_, select, update
from sqlalchemy.orm import Session

from publisher.channels.protocol import (
    ChannelConfig,
    MediaItem,
    PublishRequest,
    PublishResult,
    SchedulingConnector,
    capabilities_of,
)
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
from publisher.services.workspace import read_workflow

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)
HEARTBEAT_STALE = timedelta(seconds=45)
MAX_ATTEMPTS = 8
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
CLAIMABLE = (DeliveryState.SCHEDULED, DeliveryState.FAILED)
MAX_WORKERS = 16  # deliveries sent at the same time by one runner
PER_HOST = 10  # … and at most this many to one server
POLL = 0.5  # seconds between looks at what falls due next while idle
MIN_GRACE = timedelta(minutes=1)  # a runner waking a few seconds late is not "missed"
HANDOFF_AHEAD = timedelta(minutes=6)  # hand a post to the network only this far ahead (Mastodon needs ≥ 5 min)
CONFIRM_AFTER = timedelta(minutes=1)  # look a handed-off post up this long after it fell due …
CONFIRM_WINDOW = timedelta(minutes=30)  # … and keep looking this long (WP-Cron fires on the next page view)


def lease_from_env() -> timedelta:
    """``PUBLISHER_LEASE_SECONDS`` shortens the lease (tests that kill runners); at least 1 s."""
    raw = os.environ.get("PUBLISHER_LEASE_SECONDS")
    try:
        return timedelta(seconds=max(float(raw), 1.0)) if raw else LEASE
    except ValueError:
        return LEASE


@dataclass(frozen=True, slots=True)
class _Claim:
    delivery_id: int
    post_id: int
    channel_kind: str
    config: ChannelConfig
    request: PublishRequest
    attempts: int
    recovering: bool
    host: str = ""
    handoff_id: str | None = None  # the network's scheduled copy, if it holds one
    handoff_at: datetime | None = None
    scheduled_at: datetime | None = None


@dataclass(slots=True)
class RunReport:
    published: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    retrying: list[int] = field(default_factory=list)
    unconfirmed: list[int] = field(default_factory=list)
    handed_off: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.published or self.failed or self.retrying or self.unconfirmed or self.handed_off)


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
        max_workers: int = MAX_WORKERS,
        per_host: int = PER_HOST,
        grace: timedelta | None = None,
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
        self.lease = lease_from_env()
        self.max_workers = max_workers
        self.per_host = per_host
        self.grace = grace  # None: the workspace's setting
        self._declined: set[tuple[int, datetime | None]] = set()  # hand-offs the network refused, this run

    # -- running --------------------------------------------------------------------------------

    def run_once(self) -> RunReport:
        """Publish everything that is due now (concurrently, bounded per server), then return what happened.

        Before that: remote copies of cancelled or moved posts are withdrawn, posts due far enough ahead are
        handed to networks that schedule server-side, and posts missed by more than the grace period are held
        for the user's decision.
        """
        report = RunReport()
        self.beat()
        self._withdraw_handoffs(report)
        self._hold_missed(report)
        self._hand_off_due(report)
        in_flight: dict[Future[None], _Claim] = {}
        per_host: dict[str, int] = {}
        renewed = time.monotonic()
        with ThreadPoolExecutor(max_workers=self.max_workers, thread_name_prefix="publish") as pool:
            while in_flight or not self._stop.is_set():
                claims: list[_Claim] = []
                if len(in_flight) < self.max_workers and not self._stop.is_set():
                    busy = {host for host, n in per_host.items() if n >= self.per_host}
                    claims = self._claim_due(busy, per_host, self.max_workers - len(in_flight))
                for claim in claims:
                    per_host[claim.host] = per_host.get(claim.host, 0) + 1
                    in_flight[pool.submit(self._deliver, claim, report)] = claim
                if claims:
                    continue
                if not in_flight:
                    break
                done, _ = wait(in_flight, timeout=self.lease.total_seconds() / 4, return_when=FIRST_COMPLETED)
                for future in done:
                    per_host[in_flight.pop(future).host] -= 1
                if time.monotonic() - renewed >= self.lease.total_seconds() / 4:
                    self._renew_leases([c.delivery_id for c in in_flight.values()])
                    renewed = time.monotonic()
            for future in in_flight:
                future.result()
        self.beat(ran=True)
        return report

    def _renew_leases(self, delivery_ids: list[int]) -> None:
        """A slow upload must not lose its lease to another runner, which would send it a second time."""
        if not delivery_ids:
            return
        with self.db.session(write=True) as session:
            session.execute(
                update(Delivery)
                .where(Delivery.id.in_(delivery_ids), Delivery.lease_owner == self.runner_id)
                .values(lease_until=self.clock.now() + self.lease)
                .execution_options(synchronize_session=False)
            )

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
                self._idle(interval)
        finally:
            self.mark_stopped()

    def _idle(self, interval: float) -> None:
        """Wait until the next pass: at most ``interval``, until something falls due, or until woken. Another
        process (a CLI command, a teammate's window) may schedule a post meanwhile, so the earliest due time is
        read again every ``POLL`` seconds (one indexed query; no write)."""
        deadline = time.monotonic() + interval
        while not self._stop.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            try:
                next_due = self.next_due_at()
            except PublisherError:
                next_due = None
            if next_due is not None:
                remaining = min(remaining, (next_due - self.clock.now()).total_seconds())
                if remaining <= 0:
                    return
            if self._wake.wait(min(remaining, POLL)):
                self._wake.clear()
                return

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

    def _due_condition(self, now: datetime) -> Any:
        return or_(
            Delivery.state.in_(CLAIMABLE) & (Delivery.next_attempt_at <= now),
            (Delivery.state == DeliveryState.PUBLISHING) & (Delivery.lease_until < now),
        )

    def _claim_due(self, busy_hosts: set[str], per_host: dict[str, int], room: int) -> list[_Claim]:
        """Up to ``room`` due deliveries claimed in one transaction (one commit, not one per channel, so a post to
        many channels starts sending at once), at most ``per_host`` to a server already busy with some."""
        now = self.clock.now()
        with self.db.session() as session:
            due = session.execute(
                select(Delivery.id, Channel.kind, Channel.base_url, Channel.settings)
                .join(Post, Post.id == Delivery.post_id)
                .join(Channel, Channel.id == Delivery.channel_id)
                .where(Post.status == PostStatus.SCHEDULED, self._due_condition(now))
                .order_by(Delivery.next_attempt_at, Delivery.id)
                .limit(50)
            ).all()
        wanted: list[int] = []
        load = dict(per_host)
        for delivery_id, kind, base_url, settings in due:
            if len(wanted) >= room:
                break
            if isinstance(settings, dict) and settings.get("paused"):
                continue
            host = host_key(kind, base_url)
            if host in busy_hosts or load.get(host, 0) >= self.per_host:
                continue
            load[host] = load.get(host, 0) + 1
            wanted.append(delivery_id)
        if not wanted:
            return []
        with self.db.session(write=True) as session:
            claims = [self._claim_in(session, delivery_id, now, self._due_condition(now)) for delivery_id in wanted]
        return [c for c in claims if c is not None]

    def _try_claim(self, delivery_id: int, now: datetime, *, condition: Any = None) -> _Claim | None:
        with self.db.session(write=True) as session:
            return self._claim_in(
                session, delivery_id, now, self._due_condition(now) if condition is None else condition
            )

    def _claim_in(self, session: Session, delivery_id: int, now: datetime, condition: Any) -> _Claim | None:
        """Claim one delivery inside ``session``'s write transaction: the key is written before anything is sent."""
        new_key = f"pub-{delivery_id}-{uuid.uuid4().hex}"
        # PostgreSQL: lock the row, skipping it if another runner holds it; SQLite serialises writers anyway.
        locked = session.execute(
            select(Delivery.id, Delivery.state, Delivery.lease_until)
            .where(Delivery.id == delivery_id, condition)
            .with_for_update(skip_locked=True)
        ).first()
        if locked is None:
            return None
        recovering = locked.state == DeliveryState.PUBLISHING
        result = cast(
            CursorResult[Any],
            session.execute(
                update(Delivery)
                .where(Delivery.id == delivery_id, condition)
                .values(
                    state=DeliveryState.PUBLISHING,
                    lease_owner=self.runner_id,
                    lease_until=now + self.lease,
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
            host=host_key(channel.kind, channel.base_url),
            handoff_id=delivery.handoff_id,
            handoff_at=delivery.handoff_at,
            scheduled_at=delivery.scheduled_at,
        )

    # -- missed times ---------------------------------------------------------------------------

    def _hold_missed(self, report: RunReport) -> None:
        """Deliveries more than the grace period late (the machine was off or asleep) wait for the user."""
        now = self.clock.now()
        with self.db.session(write=True) as session:
            grace = max(self.grace if self.grace is not None else read_workflow(session).grace, MIN_GRACE)
            rows = list(
                session.scalars(
                    select(Delivery)
                    .join(Post, Post.id == Delivery.post_id)
                    .where(
                        Post.status == PostStatus.SCHEDULED,
                        Delivery.state.in_(CLAIMABLE),
                        Delivery.handoff_id.is_(None),
                        Delivery.next_attempt_at < now - grace,
                    )
                )
            )
            for row in rows:
                due = row.next_attempt_at
                row.state = DeliveryState.FAILED
                row.next_attempt_at = None
                row.updated_at = now
                error = PublisherError(
                    "delivery.missed",
                    due=due.isoformat(timespec="minutes") if due else "",
                    grace=int(grace.total_seconds() // 60),
                )
                row.last_error_code = error.code
                row.last_error_message = describe(error)
                row.last_error_params = _jsonable(error.params)
                audit(
                    session,
                    at=now,
                    actor=self.runner_id,
                    action="delivery.missed",
                    entity="delivery",
                    entity_id=row.id,
                    due=due.isoformat() if due else None,
                )
                report.failed.append(row.id)

    # -- hand-off -------------------------------------------------------------------------------

    def _handoff_kind(self, kind_name: str) -> Any:
        try:
            kind = self.registry.get(kind_name)
        except PublisherError:
            return None
        return kind if capabilities_of(kind).server_scheduling else None

    def _hand_off_due(self, report: RunReport) -> None:
        """Give posts due far enough ahead to networks that publish them on time even with this machine off."""
        now = self.clock.now()
        with self.db.session() as session:
            rows = session.execute(
                select(Delivery.id, Delivery.scheduled_at, Channel.kind, Channel.settings)
                .join(Post, Post.id == Delivery.post_id)
                .join(Channel, Channel.id == Delivery.channel_id)
                .where(
                    Post.status == PostStatus.SCHEDULED,
                    Delivery.state == DeliveryState.SCHEDULED,
                    Delivery.handoff_id.is_(None),
                    Delivery.scheduled_at > now + HANDOFF_AHEAD,
                )
                .order_by(Delivery.scheduled_at)
                .limit(50)
            ).all()
        for delivery_id, scheduled_at, kind_name, settings in rows:
            if self._stop.is_set():
                return
            if (delivery_id, scheduled_at) in self._declined or (isinstance(settings, dict) and settings.get("paused")):
                continue
            if self._handoff_kind(kind_name) is None:
                continue
            condition = (
                (Delivery.state == DeliveryState.SCHEDULED)
                & Delivery.handoff_id.is_(None)
                & (Delivery.scheduled_at == scheduled_at)
            )
            claim = self._try_claim(delivery_id, now, condition=condition)
            if claim is not None:
                self._hand_off(claim, report)

    def _hand_off(self, claim: _Claim, report: RunReport) -> None:
        kind = self.registry.get(claim.channel_kind)
        at = claim.scheduled_at or claim.request.date
        try:
            connector = kind.connect(claim.config, self.secrets.get(claim.config.id) if kind.needs_secret else None)
            result = cast(SchedulingConnector, connector).schedule(claim.request, at)
        except OutcomeUnknown as exc:
            if kind.idempotent_publish:  # the same key again returns the same scheduled copy
                self._release(claim, next_attempt_at=at)
            else:
                self._record_unconfirmed(claim, report, exc)
            return
        except Exception as exc:  # the network cannot hold it: Publisher publishes it itself at the time
            log.info("hand-off of delivery %s declined: %s", claim.delivery_id, exc)
            self._declined.add((claim.delivery_id, claim.scheduled_at))
            self._release(claim, next_attempt_at=at, attempts_back=True)
            return
        if self._finish(
            claim,
            "delivery.handed_off",
            state=DeliveryState.SCHEDULED,
            handoff_id=result.remote_id,
            handoff_at=at,
            next_attempt_at=at + CONFIRM_AFTER,
            attempts=claim.attempts - 1,
        ):
            report.handed_off.append(claim.delivery_id)

    def _recover_handoff(self, claim: _Claim, report: RunReport) -> None:
        """The same key again where the network dedupes by it; otherwise look for the copy first (WordPress finds
        its future posts), and schedule only when there is none."""
        kind = self.registry.get(claim.channel_kind)
        if not kind.idempotent_publish:
            found = self._lookup(claim)
            if found is not None:
                at = claim.scheduled_at or claim.request.date
                if self._finish(
                    claim,
                    "delivery.handed_off",
                    state=DeliveryState.SCHEDULED,
                    handoff_id=found.remote_id,
                    handoff_at=at,
                    next_attempt_at=at + CONFIRM_AFTER,
                    attempts=claim.attempts - 1,
                ):
                    report.handed_off.append(claim.delivery_id)
                return
        self._hand_off(claim, report)

    def _release(self, claim: _Claim, *, next_attempt_at: datetime, attempts_back: bool = False) -> None:
        values: dict[str, Any] = {"state": DeliveryState.SCHEDULED, "next_attempt_at": next_attempt_at}
        if attempts_back:
            values["attempts"] = claim.attempts - 1
        self._finish(claim, "delivery.released", **values)

    def _withdraw_handoffs(self, report: RunReport) -> None:
        """Cancel the network's copy of posts that were cancelled, sent back to draft or moved in Publisher."""
        now = self.clock.now()
        with self.db.session() as session:
            rows = session.execute(
                select(Delivery.id, Delivery.state, Delivery.handoff_id)
                .where(
                    Delivery.handoff_id.is_not(None),
                    Delivery.state != DeliveryState.PUBLISHING,
                    or_(
                        Delivery.state != DeliveryState.SCHEDULED,
                        Delivery.handoff_at.is_(None),
                        Delivery.handoff_at != Delivery.scheduled_at,
                    ),
                )
                .limit(50)
            ).all()
        for delivery_id, state, handoff_id in rows:
            assert handoff_id is not None
            if self._stop.is_set():
                return
            if state == DeliveryState.SCHEDULED:  # moved or edited: withdraw under a claim, then it is due anew
                condition = (Delivery.state == DeliveryState.SCHEDULED) & (Delivery.handoff_id == handoff_id)
                claim = self._try_claim(delivery_id, now, condition=condition)
                if claim is not None:
                    self._replace_handoff(claim, report)
            else:
                self._cancel_remote(delivery_id, handoff_id)

    def _connector_for_delivery(self, delivery_id: int) -> tuple[Any, Any, Channel] | None:
        with self.db.session() as session:
            row = session.get(Delivery, delivery_id)
            if row is None:
                return None
            channel = row.channel
            session.expunge(channel)
        kind = self.registry.get(channel.kind)
        secret = self.secrets.get(channel.id) if kind.needs_secret else None
        return kind, kind.connect(to_config(channel), secret), channel

    def _cancel_remote(self, delivery_id: int, handoff_id: str) -> None:
        now = self.clock.now()
        try:
            found = self._connector_for_delivery(delivery_id)
            if found is None:
                return
            _kind, connector, _channel = found
            connector.cancel_scheduled(handoff_id)
        except (Transient, RateLimited, AuthExpired, OutcomeUnknown) as exc:
            # Unknown: the request may never have arrived; asking again is harmless (the network says "gone").
            log.info("withdrawing the network's copy of delivery %s failed, trying later: %s", delivery_id, exc)
            return
        except PublisherError as exc:  # gone already (published or deleted there): nothing left to withdraw
            log.info("the network's copy of delivery %s could not be withdrawn: %s", delivery_id, exc)
        with self.db.session(write=True) as session:
            session.execute(
                update(Delivery)
                .where(Delivery.id == delivery_id, Delivery.handoff_id == handoff_id)
                .values(handoff_id=None, handoff_at=None, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            audit(
                session,
                at=now,
                actor=self.runner_id,
                action="delivery.handoff_withdrawn",
                entity="delivery",
                entity_id=delivery_id,
                handoff_id=handoff_id,
            )

    def _replace_handoff(self, claim: _Claim, report: RunReport) -> None:
        """The post was moved or edited after the hand-off: cancel the network's copy; it is handed off or
        published anew with a new key (the network would answer the old key with the cancelled copy)."""
        assert claim.handoff_id is not None
        try:
            kind = self.registry.get(claim.channel_kind)
            connector = kind.connect(claim.config, self.secrets.get(claim.config.id) if kind.needs_secret else None)
            cast(SchedulingConnector, connector).cancel_scheduled(claim.handoff_id)
        except (Transient, RateLimited, AuthExpired, OutcomeUnknown) as exc:
            log.info("replacing the network's copy of delivery %s failed, trying later: %s", claim.delivery_id, exc)
            self._release(claim, next_attempt_at=claim.scheduled_at or self.clock.now(), attempts_back=True)
            return
        except PublisherError:
            if claim.handoff_at is not None and self.clock.now() < claim.handoff_at:
                # Gone before its time: an earlier withdrawal arrived though its answer was lost. Nothing is held.
                self._handoff_withdrawn(claim)
                return
            # Refused after its time: it went out already at the old time. Record it rather than post it twice.
            found = self._lookup(claim)
            if found is not None:
                self._record_published(claim, found, report)
            else:
                self._record_unconfirmed(
                    claim, report, PublisherError("engine.handoff_not_seen", due=_when(claim.handoff_at))
                )
            return
        self._handoff_withdrawn(claim)

    def _handoff_withdrawn(self, claim: _Claim) -> None:
        """The network's copy is gone: the delivery is due at its (new) time again, with a new key."""
        self._finish(
            claim,
            "delivery.handoff_replaced",
            state=DeliveryState.SCHEDULED,
            handoff_id=None,
            handoff_at=None,
            idempotency_key=None,
            attempts=claim.attempts - 1,
            next_attempt_at=claim.scheduled_at or self.clock.now(),
        )

    def _lookup(self, claim: _Claim) -> PublishResult | None:
        try:
            kind = self.registry.get(claim.channel_kind)
            connector = kind.connect(claim.config, self.secrets.get(claim.config.id) if kind.needs_secret else None)
            return connector.find_published(claim.request)
        except PublisherError:
            return None

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
        if claim.handoff_id is not None:
            if claim.handoff_at is not None and claim.handoff_at == claim.scheduled_at:
                self._confirm_handoff(claim, report)
            else:
                self._replace_handoff(claim, report)
            return
        if claim.recovering and claim.scheduled_at is not None and claim.scheduled_at > self.clock.now():
            # Interrupted while being handed off (only those are claimed before their time): hand it off again.
            self._recover_handoff(claim, report)
            return
        try:
            kind = self.registry.get(claim.channel_kind)
            secret = self.secrets.get(claim.config.id) if kind.needs_secret else None
            connector = kind.connect(claim.config, secret)
            if claim.recovering and not kind.idempotent_publish:
                # Interrupted between sending and recording: the network may have it. Look, never resend blindly.
                try:
                    found = connector.find_published(claim.request)
                except (Transient, RateLimited, OutcomeUnknown) as exc:  # look again later, still as a recovery
                    self._keep_recovering(claim, exc, report)
                    return
                if found is None:
                    self._record_unconfirmed(claim, report, OutcomeUnknown("engine.interrupted"))
                else:
                    self._record_published(claim, found, report)
                return
            if claim.attempts > 1 and not kind.idempotent_publish:
                # An earlier attempt failed, possibly after the network applied it (a 5xx from a proxy, a
                # reset): look first, so the retry cannot make a second post.
                found = connector.find_published(claim.request)
                if found is not None:
                    self._record_published(claim, found, report)
                    return
            result = connector.publish(claim.request)
        except OutcomeUnknown as exc:
            if self.registry.get(claim.channel_kind).idempotent_publish and claim.attempts < MAX_ATTEMPTS:
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
        except AuthExpired as exc:  # the connector refreshed once already; the channel waits for a new sign-in
            self._record_failure(claim, exc, report, retry_in=None)
            self._pause_channel(claim, exc)
            return
        except (Rejected, ChannelError) as exc:
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

    def _confirm_handoff(self, claim: _Claim, report: RunReport) -> None:
        """The network held the post and it fell due: find it on the account and record it as published."""
        now = self.clock.now()
        try:
            kind = self.registry.get(claim.channel_kind)
            connector = kind.connect(claim.config, self.secrets.get(claim.config.id) if kind.needs_secret else None)
            found = connector.find_published(claim.request)
        except PublisherError as exc:
            log.info("confirming delivery %s failed, trying later: %s", claim.delivery_id, exc)
            found = None
        if found is not None:
            self._record_published(claim, found, report)
        elif claim.handoff_at is not None and now - claim.handoff_at < CONFIRM_WINDOW:
            self._release(claim, next_attempt_at=now + CONFIRM_AFTER, attempts_back=True)
        else:
            self._record_unconfirmed(
                claim, report, PublisherError("engine.handoff_not_seen", due=_when(claim.handoff_at))
            )

    def _pause_channel(self, claim: _Claim, exc: PublisherError) -> None:
        now = self.clock.now()
        with self.db.session(write=True) as session:
            channel = session.get(Channel, claim.config.id)
            if channel is None:
                return
            settings = dict(channel.settings or {})
            settings["paused"] = {"code": exc.code, "at": now.isoformat()}
            channel.settings = settings
            audit(
                session,
                at=now,
                actor=self.runner_id,
                action="channel.paused",
                entity="channel",
                entity_id=channel.id,
                code=exc.code,
            )

    def _keep_recovering(self, claim: _Claim, exc: PublisherError, report: RunReport) -> None:
        """The look-up after an interruption failed: stay an interrupted delivery (``publishing``) whose lease runs
        out after a back-off, so the next attempt looks again instead of publishing; give up as unconfirmed."""
        if claim.attempts >= MAX_ATTEMPTS:
            self._record_unconfirmed(claim, report, OutcomeUnknown("engine.interrupted"))
            return
        retry_at = self.clock.now() + backoff(claim.attempts, self._rng)
        if self._finish(
            claim,
            "delivery.lookup_failed",
            state=DeliveryState.PUBLISHING,
            lease_until=retry_at,
            attempts=claim.attempts + 1,
            last_error_code=exc.code,
            last_error_message=describe(exc),
            last_error_params=_jsonable(exc.params),
        ):
            report.retrying.append(claim.delivery_id)

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
                    .values(**{"lease_owner": None, "lease_until": None, "updated_at": now, **values})
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
            handoff_id=None,
            handoff_at=None,
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


def host_key(kind: str, base_url: str | None) -> str:
    """Which server a channel talks to, for the per-server limit on concurrent sends."""
    host = urlsplit(base_url).netloc.lower() if base_url else ""
    return f"{kind}:{host}"


def _when(at: datetime | None) -> str:
    return at.isoformat(timespec="minutes") if at is not None else ""


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
