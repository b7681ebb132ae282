from __future__ import annotations

import getpass
import logging
import threading
from collections.abc import Callable
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


class PeriodicTask:
    """Runs ``work`` at once and then every ``every`` seconds on a daemon thread, until :meth:`stop`. A failure is
    logged and the next run comes as planned: e.g. the inbox sync beside the publishing engine in ``publisher run``.
    """

    def __init__(self, name: str, work: Callable[[], object], every: float) -> None:
        self.name = name
        self.work = work
        self.every = every
        self.runs = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)

    def start(self) -> PeriodicTask:
        self._thread.start()
        return self

    def stop(self, timeout: float | None = 30.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.work()
            except Exception:  # a failing run must not end the loop; the next one may work
                logging.getLogger(__name__).exception("%s failed; trying again in %s s", self.name, self.every)
            self.runs += 1
            self._stop.wait(self.every)
