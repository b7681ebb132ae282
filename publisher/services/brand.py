"""Brand profiles: listing, saving (insert or update by name), removing, and the workspace's default profile."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from publisher.clock import Clock
from publisher.db.models import Brand
from publisher.db.session import Database
from publisher.errors import InputError, NotFound
from publisher.services._common import audit

if TYPE_CHECKING:  # the brand module compiles its patterns on import: loaded on first use, not at start-up
    from publisher.domain.brand import BrandProfile


def to_profile(row: Brand) -> BrandProfile:
    """The row's profile; the row's name wins over the one inside its settings."""
    from publisher.domain.brand import BrandProfile

    return BrandProfile.from_json({**(row.settings or {}), "name": row.name})


class BrandService:
    def __init__(self, db: Database, clock: Clock, actor: str) -> None:
        self.db = db
        self.clock = clock
        self.actor = actor
        self._default_name: str | None = None  # as last read or written by this service

    def all(self) -> list[BrandProfile]:
        """Every profile, by name (case-insensitive)."""
        with self.db.session() as session:
            rows = list(session.scalars(select(Brand).order_by(func.lower(Brand.name), Brand.name)))
            self._default_name = next((r.name for r in rows if r.is_default), None)
            return [to_profile(r) for r in rows]

    def default_name(self, brands: Sequence[BrandProfile] | None = None) -> str | None:
        """The default profile's name as of this service's last read or change (:meth:`all`, :meth:`default`,
        :meth:`save`, …). No database access, so a GUI thread may call it; with ``brands``, only a name among
        them (``None`` when the default is not in the list)."""
        name = self._default_name
        if brands is not None and name not in {b.name for b in brands}:
            return None
        return name

    def get(self, name: str) -> BrandProfile:
        with self.db.session() as session:
            return to_profile(self._row(session, name))

    def save(self, profile: BrandProfile) -> BrandProfile:
        """Inserts ``profile``, or replaces the one with the same name. The first profile becomes the default.

        The profile is validated again (a round trip through its JSON) and a watermark image must exist and be
        an image; on any error nothing is written.
        """
        from publisher.domain.brand import BrandProfile

        if not isinstance(profile, BrandProfile):
            raise InputError("brand.bad_json", expected="a brand profile")
        profile = BrandProfile.from_json(profile.to_json())
        if profile.frame is not None and profile.frame.watermark_image:
            _check_watermark(profile.frame.watermark_image)
        settings = profile.to_json()
        now = self.clock.now()
        with self.db.session(write=True) as session:
            row = session.scalar(select(Brand).where(Brand.name == profile.name))
            if row is None:
                first = session.scalar(select(Brand.id).limit(1)) is None
                row = Brand(name=profile.name, settings=settings, is_default=first, created_at=now, updated_at=now)
                session.add(row)
                action = "brand.created"
            else:
                row.settings = settings
                row.updated_at = now
                action = "brand.updated"
            session.flush()
            if row.is_default:
                self._default_name = row.name
            audit(
                session,
                at=now,
                actor=self.actor,
                action=action,
                entity="brand",
                entity_id=row.id,
                name=profile.name,
                is_default=row.is_default,
            )
            return to_profile(row)

    def remove(self, name: str) -> BrandProfile:
        """Removes a profile. Posts checked against it keep their text and lose the link (``brand`` becomes None);
        if it was the default, there is no default afterwards."""
        now = self.clock.now()
        with self.db.session(write=True) as session:
            row = self._row(session, name)
            profile = to_profile(row)
            audit(
                session,
                at=now,
                actor=self.actor,
                action="brand.removed",
                entity="brand",
                entity_id=row.id,
                name=row.name,
                was_default=row.is_default,
            )
            session.delete(row)
        if self._default_name == profile.name:
            self._default_name = None
        return profile

    def default(self) -> BrandProfile | None:
        with self.db.session() as session:
            row = session.scalar(select(Brand).where(Brand.is_default.is_(True)).order_by(Brand.id).limit(1))
            self._default_name = row.name if row is not None else None
            return to_profile(row) if row is not None else None

    def set_default(self, name: str | None) -> None:
        """Makes ``name`` the default profile (``None``: no default)."""
        now = self.clock.now()
        with self.db.session(write=True) as session:
            row = self._row(session, name) if name is not None else None
            previous = session.scalar(select(Brand.name).where(Brand.is_default.is_(True)).limit(1))
            session.execute(update(Brand).where(Brand.is_default.is_(True)).values(is_default=False))
            if row is not None:
                row.is_default = True
            audit(
                session,
                at=now,
                actor=self.actor,
                action="brand.default_set",
                entity="brand",
                entity_id=row.id if row is not None else None,
                name=row.name if row is not None else None,
                previous=previous,
            )
        self._default_name = row.name if row is not None else None

    @staticmethod
    def _row(session: Session, name: str) -> Brand:
        row = session.scalar(select(Brand).where(Brand.name == (name or "").strip()))
        if row is None:
            raise NotFound("brand.not_found", name=name)
        return row


def _check_watermark(path: str) -> None:
    from publisher.media import inspect_media

    try:
        info = inspect_media(Path(path))
    except InputError as exc:
        if exc.code == "media.missing":
            raise InputError("brand.watermark_missing", path=path) from None
        raise InputError("brand.watermark_not_image", path=path) from None
    if info.category != "image":
        raise InputError("brand.watermark_not_image", path=path)
