from __future__ import annotations

import getpass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from publisher.db.models import AuditEntry, User
from publisher.domain import Role


def audit(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    **detail: Any,
) -> None:
    session.add(AuditEntry(at=at, actor=actor, action=action, entity=entity, entity_id=entity_id, detail=detail))


def current_login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "user"


def ensure_user(session: Session, name: str, now: datetime) -> User:
    """The person at the keyboard. The first user of a workspace is its admin."""
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        first = session.scalar(select(User.id).limit(1)) is None
        user = User(name=name, role=Role.ADMIN if first else Role.AUTHOR, created_at=now)
        session.add(user)
        session.flush()
    return user
