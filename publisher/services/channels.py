"""Adding, listing and removing channels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from publisher.channels.protocol import ChannelConfig, VerifyResult
from publisher.channels.registry import Registry
from publisher.clock import Clock
from publisher.db.models import Channel, Delivery
from publisher.db.session import Database
from publisher.domain import ChannelInfo, DeliveryState
from publisher.errors import InputError, NotFound, PublisherError
from publisher.secrets import SecretStore
from publisher.services._common import audit

AUTH_CODES = frozenset({"channel.auth_expired", "discord.webhook_gone"})
RATE_CODES = frozenset({"channel.rate_limited"})


@dataclass(frozen=True, slots=True)
class ChannelHealth:
    """``ok`` · ``unused`` · ``needs_sign_in`` · ``rate_limited`` (``until``) · ``failing`` (``code``)."""

    state: str
    until: datetime | None = None
    since: datetime | None = None
    code: str | None = None


PENDING_STATES = (DeliveryState.SCHEDULED, DeliveryState.FAILED, DeliveryState.PUBLISHING)


def to_info(row: Channel) -> ChannelInfo:
    return ChannelInfo(
        id=row.id,
        kind=row.kind,
        name=row.name,
        base_url=row.base_url,
        handle=row.handle,
        settings=dict(row.settings or {}),
        created_at=row.created_at,
    )


def to_config(row: Channel) -> ChannelConfig:
    return ChannelConfig(
        id=row.id, name=row.name, base_url=row.base_url, handle=row.handle, settings=dict(row.settings or {})
    )


class ChannelService:
    def __init__(self, db: Database, registry: Registry, secrets: SecretStore, clock: Clock, actor: str) -> None:
        self.db = db
        self.registry = registry
        self.secrets = secrets
        self.clock = clock
        self.actor = actor

    def kinds(self) -> list[str]:
        return self.registry.kinds()

    def add(
        self,
        kind: str,
        *,
        name: str,
        url: str | None = None,
        handle: str | None = None,
        path: str | None = None,
        secret: str | None = None,
    ) -> ChannelInfo:
        channel_kind = self.registry.get(kind)
        name = (name or "").strip()
        if not name:
            raise InputError("channel.name_required")
        if len(name) > 200:
            raise InputError("channel.name_too_long", max=200)
        if channel_kind.needs_secret and not secret:
            raise InputError("channel.secret_required", kind=kind)
        if not channel_kind.needs_secret and secret:
            raise InputError("channel.secret_not_used", kind=kind)
        base_url, handle, settings = channel_kind.validate(base_url=url, handle=handle, path=path)
        if secret:
            self.secrets.require()  # fail before anything is written
            exchange = getattr(channel_kind, "exchange_secret", None)
            if exchange is not None and base_url:
                # e.g. a Matrix password: log in once and keep only the token it returns
                secret = str(exchange(base_url=base_url, handle=handle, secret=secret))
        now = self.clock.now()
        with self.db.session(write=True) as session:
            if session.scalar(select(Channel.id).where(Channel.name == name)) is not None:
                raise InputError("channel.name_taken", name=name)
            row = Channel(kind=kind, name=name, base_url=base_url, handle=handle, settings=settings, created_at=now)
            session.add(row)
            session.flush()
            if secret:
                self.secrets.set(row.id, secret)
            audit(
                session,
                at=now,
                actor=self.actor,
                action="channel.added",
                entity="channel",
                entity_id=row.id,
                kind=kind,
                name=name,
            )
            return to_info(row)

    def all(self) -> list[ChannelInfo]:
        with self.db.session() as session:
            return [to_info(r) for r in session.scalars(select(Channel).order_by(func.lower(Channel.name)))]

    def get(self, name: str) -> ChannelInfo:
        with self.db.session() as session:
            row = session.scalar(select(Channel).where(Channel.name == name))
            if row is None:
                raise NotFound("channel.not_found", name=name)
            return to_info(row)

    def pending_count(self, name: str) -> int:
        """How many deliveries to this channel have not gone out yet (removing it drops them)."""
        with self.db.session() as session:
            return (
                session.scalar(
                    select(func.count(Delivery.id))
                    .join(Channel, Channel.id == Delivery.channel_id)
                    .where(Channel.name == name, Delivery.state.in_(PENDING_STATES))
                )
                or 0
            )

    def remove(self, name: str) -> ChannelInfo:
        now = self.clock.now()
        with self.db.session(write=True) as session:
            row = session.scalar(select(Channel).where(Channel.name == name))
            if row is None:
                raise NotFound("channel.not_found", name=name)
            info = to_info(row)
            session.delete(row)
            audit(
                session,
                at=now,
                actor=self.actor,
                action="channel.removed",
                entity="channel",
                entity_id=info.id,
                kind=info.kind,
                name=info.name,
            )
        if self.registry.get(info.kind).needs_secret:
            self.secrets.delete(info.id)
        return info

    def statuses(self) -> dict[str, ChannelHealth]:
        """How each channel is doing, read from its latest delivery: fine, needs sign-in, rate-limited until …"""
        now = self.clock.now()
        result: dict[str, ChannelHealth] = {}
        with self.db.session() as session:
            channels = list(session.scalars(select(Channel)))
            for channel in channels:
                latest = session.scalar(
                    select(Delivery)
                    .where(
                        Delivery.channel_id == channel.id,
                        Delivery.state.in_((DeliveryState.PUBLISHED, DeliveryState.FAILED)),
                    )
                    .order_by(Delivery.updated_at.desc(), Delivery.id.desc())
                    .limit(1)
                )
                if isinstance(channel.settings, dict) and channel.settings.get("paused"):
                    code = str(channel.settings["paused"].get("code") or "channel.auth_expired")
                    result[channel.name] = ChannelHealth("needs_sign_in", code=code)
                elif latest is None:
                    result[channel.name] = ChannelHealth("unused")
                elif latest.state == DeliveryState.FAILED and _verified_after(channel, latest.updated_at):
                    # "Test connection" or signing in again succeeded after the failure: it works now.
                    result[channel.name] = ChannelHealth("ok", since=_verified_at(channel))
                elif latest.state == DeliveryState.PUBLISHED:
                    result[channel.name] = ChannelHealth("ok", since=latest.published_at)
                elif latest.last_error_code in AUTH_CODES:
                    result[channel.name] = ChannelHealth("needs_sign_in", code=latest.last_error_code)
                elif latest.last_error_code in RATE_CODES and latest.next_attempt_at and latest.next_attempt_at > now:
                    result[channel.name] = ChannelHealth("rate_limited", until=latest.next_attempt_at)
                else:
                    result[channel.name] = ChannelHealth("failing", code=latest.last_error_code)
        return result

    def rename(self, name: str, new_name: str) -> ChannelInfo:
        new_name = (new_name or "").strip()
        if not new_name:
            raise InputError("channel.name_required")
        if len(new_name) > 200:
            raise InputError("channel.name_too_long", max=200)
        now = self.clock.now()
        with self.db.session(write=True) as session:
            row = session.scalar(select(Channel).where(Channel.name == name))
            if row is None:
                raise NotFound("channel.not_found", name=name)
            if new_name != name and session.scalar(select(Channel.id).where(Channel.name == new_name)) is not None:
                raise InputError("channel.name_taken", name=new_name)
            row.name = new_name
            audit(
                session,
                at=now,
                actor=self.actor,
                action="channel.renamed",
                entity="channel",
                entity_id=row.id,
                old=name,
                new=new_name,
            )
            session.flush()
            return to_info(row)

    def verify(self, name: str) -> VerifyResult:
        with self.db.session() as session:
            row = session.scalar(select(Channel).where(Channel.name == name))
            if row is None:
                raise NotFound("channel.not_found", name=name)
            config = to_config(row)
            kind = self.registry.get(row.kind)
        secret = self.secrets.get(config.id) if kind.needs_secret else None
        result = kind.connect(config, secret).verify()
        # Limits the network reported (e.g. a Mastodon instance's): the composer and the connector use them.
        found: dict[str, Any] = {
            key: value
            for key in ("max_characters", "max_media_attachments")
            if isinstance(value := result.details.get(key), int) and not isinstance(value, bool) and value > 0
        }
        paused = bool(config.settings.get("paused"))
        with self.db.session(write=True) as session:
            row = session.get(Channel, config.id)
            if row is not None:
                # Working (again): the channel's waiting posts go out, and its status says so.
                found["verified_at"] = self.clock.now().isoformat()
                row.settings = {k: v for k, v in {**row.settings, **found}.items() if k != "paused"}
                if paused:
                    audit(
                        session,
                        at=self.clock.now(),
                        actor=self.actor,
                        action="channel.resumed",
                        entity="channel",
                        entity_id=row.id,
                    )
        return result

    def update_secret(self, name: str, secret: str) -> VerifyResult:
        """Sign in again: store the new token or password, then check it (which resumes a paused channel).

        If the check fails the old secret is put back, so a typo does not break a working channel."""
        if not secret or not secret.strip():
            raise InputError("channel.secret_required", kind=self.get(name).kind)
        info = self.get(name)
        old = self.secrets.get(info.id)
        kind = self.registry.get(info.kind)
        exchange = getattr(kind, "exchange_secret", None)
        stored = secret
        if exchange is not None and info.base_url:  # e.g. a Matrix password: log in once, keep only the token
            stored = str(exchange(base_url=info.base_url, handle=info.handle, secret=secret))
        self.secrets.set(info.id, stored)
        try:
            return self.verify(name)
        except PublisherError:
            if old is not None:
                self.secrets.set(info.id, old)
            raise


def _verified_at(channel: Channel) -> datetime | None:
    raw = channel.settings.get("verified_at") if isinstance(channel.settings, dict) else None
    try:
        return datetime.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        return None


def _verified_after(channel: Channel, moment: datetime) -> bool:
    verified = _verified_at(channel)
    return verified is not None and verified >= moment
