"""Use cases. :func:`build_services` is the one place the core is wired together (the UI's composition root
and the CLI both call it)."""

from __future__ import annotations

from dataclasses import dataclass

from publisher.channels.registry import Registry, default_registry
from publisher.clock import Clock, SystemClock
from publisher.db.session import Database
from publisher.domain import EngineStatus
from publisher.secrets import SecretStore
from publisher.services._common import current_login
from publisher.services.brand import BrandService
from publisher.services.calendar import CalendarService
from publisher.services.channels import ChannelService
from publisher.services.compose import ComposeService
from publisher.services.contacts import ContactService
from publisher.services.engine import PublishingEngine, RunReport, engine_status
from publisher.services.inbox import InboxFilter, InboxService
from publisher.services.posts import PostService
from publisher.services.saved_replies import SavedReplyService
from publisher.services.workspace import WorkspaceService

__all__ = [
    "BrandService",
    "CalendarService",
    "ChannelService",
    "ContactService",
    "InboxFilter",
    "InboxService",
    "PostService",
    "PublishingEngine",
    "RunReport",
    "SavedReplyService",
    "Services",
    "build_services",
]


@dataclass
class Services:
    db: Database
    clock: Clock
    registry: Registry
    secrets: SecretStore
    channels: ChannelService
    posts: PostService
    actor: str
    brands: BrandService
    compose: ComposeService
    workspace: WorkspaceService
    calendar: CalendarService
    inbox: InboxService
    contacts: ContactService
    saved_replies: SavedReplyService

    def engine(self, *, mode: str = "headless") -> PublishingEngine:
        return PublishingEngine(self.db, self.registry, self.secrets, self.clock, mode=mode)

    def engine_status(self) -> EngineStatus:
        return engine_status(self.db, self.clock)

    def close(self) -> None:
        self.db.dispose()


def build_services(
    url: str,
    *,
    clock: Clock | None = None,
    registry: Registry | None = None,
    secrets: SecretStore | None = None,
    actor: str | None = None,
    migrate: bool = True,
) -> Services:
    db = Database(url)
    if migrate:
        db.migrate()
    clock = clock or SystemClock()
    registry = registry or default_registry()
    secrets = secrets or SecretStore()
    actor = actor or current_login()
    posts = PostService(db, clock, actor)
    return Services(
        db=db,
        clock=clock,
        registry=registry,
        secrets=secrets,
        channels=ChannelService(db, registry, secrets, clock, actor),
        posts=posts,
        actor=actor,
        brands=BrandService(db, clock, actor),
        compose=ComposeService(db),
        workspace=WorkspaceService(db, clock, actor),
        calendar=CalendarService(db, clock, actor, posts),
        inbox=InboxService(db, registry, secrets, clock, actor),
        contacts=ContactService(db, clock, actor),
        saved_replies=SavedReplyService(db, clock, actor),
    )
