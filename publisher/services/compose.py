"""Targets from configured channels (their kind and the limits found when they were connected)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from publisher.db.models import Channel
from publisher.db.session import Database
from publisher.errors import InputError, NotFound

if TYPE_CHECKING:
    from publisher.compose import CheckResult, Target
    from publisher.domain.brand import BrandProfile

# The text engine (regex, Markdown, the networks' tables) is loaded by the first check, not with the services:
# the window opens its database right after the first paint and needs none of it for that.


class ComposeService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @staticmethod
    def kind_targets(kinds: Sequence[str]) -> list[Target]:
        """Targets for bare network kinds: no database needed."""
        from publisher.compose import Target
        from publisher.text import kind_info

        for kind in kinds:
            kind_info(kind)  # raises InputError for an unknown kind
        return [Target(name=kind, kind=kind) for kind in kinds]

    def targets(self, *, kinds: Sequence[str] = (), channels: Sequence[str] = ()) -> list[Target]:
        """Targets for network kinds and for configured channels (by name). Unknown ones are refused."""
        from publisher.compose import Target, text_kind_of

        result = self.kind_targets(kinds)
        if channels:
            with self.db.session() as session:
                rows = {c.name: c for c in session.scalars(select(Channel).where(Channel.name.in_(list(channels))))}
            for name in channels:
                row = rows.get(name)
                if row is None:
                    raise NotFound("channel.not_found", name=name)
                limit = row.settings.get("max_characters") if isinstance(row.settings, dict) else None
                result.append(
                    Target(
                        name=name,
                        kind=text_kind_of(row.kind),
                        limit=limit if isinstance(limit, int) else None,
                        channel=name,
                    )
                )
        if not result:
            raise InputError("check.no_target")
        return result

    def check(
        self,
        markdown: str,
        targets: Sequence[Target],
        *,
        brand: BrandProfile | None = None,
        variants: Mapping[str, str] | None = None,
    ) -> list[CheckResult]:
        from publisher.compose import check_text

        variants = variants or {}
        return [check_text(variants.get(t.name, markdown), t, brand=brand) for t in targets]
