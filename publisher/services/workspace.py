"""Workspace-wide settings (approval required, grace period for missed times) and the people in it (roles)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from publisher.clock import Clock
from publisher.db.models import User, WorkspaceSetting
from publisher.db.session import Database
from publisher.domain import ROLES, Role
from publisher.domain.planning import DEFAULT_GRACE, UserInfo, WorkflowSettings
from publisher.errors import InputError, NotFound, PublisherError
from publisher.services._common import audit, ensure_user

MAX_GRACE = timedelta(days=7)
WORKFLOW_KEY = "workflow"


def read_workflow(session: Session) -> WorkflowSettings:
    row = session.get(WorkspaceSetting, WORKFLOW_KEY)
    value = row.value if row is not None and isinstance(row.value, dict) else {}
    minutes = value.get("grace_minutes")
    grace = timedelta(minutes=minutes) if isinstance(minutes, int) and minutes >= 0 else DEFAULT_GRACE
    return WorkflowSettings(approval_required=bool(value.get("approval_required", False)), grace=grace)


def role_of(session: Session, name: str, now: datetime) -> Role:
    return Role(ensure_user(session, name, now).role)


def require_role(session: Session, name: str, now: datetime, *allowed: Role, action: str) -> None:
    role = role_of(session, name, now)
    if role not in allowed:
        raise PublisherError("workflow.forbidden", user=name, role=role.value, action=action)


class WorkspaceService:
    def __init__(self, db: Database, clock: Clock, actor: str) -> None:
        self.db = db
        self.clock = clock
        self.actor = actor

    def workflow(self) -> WorkflowSettings:
        with self.db.session() as session:
            return read_workflow(session)

    def set_workflow(
        self, *, approval_required: bool | None = None, grace_minutes: int | None = None
    ) -> WorkflowSettings:
        """Change the workspace's workflow; only admins may."""
        if grace_minutes is not None and not 0 <= grace_minutes <= MAX_GRACE.total_seconds() // 60:
            raise InputError("workflow.bad_grace", value=grace_minutes, max=int(MAX_GRACE.total_seconds() // 60))
        now = self.clock.now()
        with self.db.session(write=True) as session:
            require_role(session, self.actor, now, Role.ADMIN, action="change workspace settings")
            current = read_workflow(session)
            updated = WorkflowSettings(
                approval_required=current.approval_required if approval_required is None else approval_required,
                grace=current.grace if grace_minutes is None else timedelta(minutes=grace_minutes),
            )
            row = session.get(WorkspaceSetting, WORKFLOW_KEY)
            if row is None:
                session.add(WorkspaceSetting(key=WORKFLOW_KEY, value=updated.to_json()))
            else:
                row.value = updated.to_json()
            audit(
                session,
                at=now,
                actor=self.actor,
                action="workspace.workflow",
                entity="workspace",
                entity_id=None,
                **updated.to_json(),
            )
            return updated

    def me(self) -> UserInfo:
        with self.db.session(write=True) as session:
            return _info(ensure_user(session, self.actor, self.clock.now()))

    def users(self) -> list[UserInfo]:
        with self.db.session(write=True) as session:
            ensure_user(session, self.actor, self.clock.now())
            return [_info(u) for u in session.scalars(select(User).order_by(User.name))]

    def set_role(self, name: str, role: str) -> UserInfo:
        """Give a person a role (adding them if new); only admins may, and the last admin stays an admin."""
        if role not in ROLES:
            raise InputError("workflow.bad_role", role=role, roles=", ".join(ROLES))
        name = name.strip()
        if not name:
            raise InputError("workflow.user_required")
        now = self.clock.now()
        with self.db.session(write=True) as session:
            require_role(session, self.actor, now, Role.ADMIN, action="change roles")
            user = session.scalar(select(User).where(User.name == name))
            if user is None:
                user = User(name=name, role=role, created_at=now)
                session.add(user)
            elif user.role == Role.ADMIN and role != Role.ADMIN:
                admins = session.scalars(select(User.id).where(User.role == Role.ADMIN)).all()
                if len(admins) <= 1:
                    raise InputError("workflow.last_admin", user=name)
            user.role = role
            audit(
                session,
                at=now,
                actor=self.actor,
                action="user.role",
                entity="user",
                entity_id=None,
                user=name,
                role=role,
            )
            session.flush()
            return _info(user)

    def get_user(self, name: str) -> UserInfo:
        with self.db.session() as session:
            user = session.scalar(select(User).where(User.name == name))
            if user is None:
                raise NotFound("workflow.user_not_found", user=name)
            return _info(user)


def _info(user: User) -> UserInfo:
    return UserInfo(name=user.name, role=Role(user.role), created_at=user.created_at)
