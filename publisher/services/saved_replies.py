"""The team's saved replies: list, add, change, remove, and fill one in for an inbox item."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from publisher.clock import Clock
from publisher.db.models import Channel, InboxItem, SavedReply
from publisher.db.session import Database
from publisher.domain.saved_replies import MAX_BODY_CHARS, MAX_TITLE_CHARS, SavedReplyInfo, check_template, fill
from publisher.errors import InputError, NotFound
from publisher.services._common import audit


class SavedReplyService:
    def __init__(self, db: Database, clock: Clock, actor: str) -> None:
        self.db = db
        self.clock = clock
        self.actor = actor

    def list(self) -> list[SavedReplyInfo]:
        """Every saved reply, by title (case-insensitive)."""
        with self.db.session() as session:
            rows = session.scalars(select(SavedReply).order_by(func.lower(SavedReply.title)))
            return [_info(r) for r in rows]

    def get(self, ref: int | str) -> SavedReplyInfo:
        """One saved reply by id or by its title."""
        with self.db.session() as session:
            return _info(self._find(session, ref))

    def add(self, title: str, body: str) -> SavedReplyInfo:
        title, body = _checked(title, body)
        now = self.clock.now()
        try:
            with self.db.session(write=True) as session:
                _refuse_taken(session, title, None)
                row = SavedReply(title=title, body=body, created_by=self.actor, created_at=now, updated_at=now)
                session.add(row)
                session.flush()
                audit(
                    session,
                    at=now,
                    actor=self.actor,
                    action="saved_reply.add",
                    entity="saved_reply",
                    entity_id=row.id,
                    title=title,
                )
                return _info(row)
        except IntegrityError as exc:
            raise InputError("saved_reply.title_taken", title=title) from exc

    def update(self, ref: int | str, *, title: str | None = None, body: str | None = None) -> SavedReplyInfo:
        now = self.clock.now()
        try:
            with self.db.session(write=True) as session:
                row = self._find(session, ref)
                new_title, new_body = _checked(
                    row.title if title is None else title, row.body if body is None else body
                )
                _refuse_taken(session, new_title, row.id)
                row.title, row.body, row.updated_at = new_title, new_body, now
                session.flush()
                audit(
                    session,
                    at=now,
                    actor=self.actor,
                    action="saved_reply.update",
                    entity="saved_reply",
                    entity_id=row.id,
                    title=new_title,
                )
                return _info(row)
        except IntegrityError as exc:
            raise InputError("saved_reply.title_taken", title=title or "") from exc

    def remove(self, ref: int | str) -> None:
        now = self.clock.now()
        with self.db.session(write=True) as session:
            row = self._find(session, ref)
            audit(
                session,
                at=now,
                actor=self.actor,
                action="saved_reply.remove",
                entity="saved_reply",
                entity_id=row.id,
                title=row.title,
            )
            session.delete(row)

    def render(self, ref: int | str, item_id: int) -> str:
        """The saved reply's text for answering inbox item ``item_id``: its placeholders filled in."""
        with self.db.session() as session:
            row = self._find(session, ref)
            found = session.execute(
                select(InboxItem.author_name, InboxItem.author_handle, Channel.name)
                .join(Channel, Channel.id == InboxItem.channel_id)
                .where(InboxItem.id == item_id)
            ).first()
            if found is None:
                raise NotFound("inbox.item_not_found", id=item_id)
            name, handle, channel = found
            return fill(row.body, name=name or "", handle=handle or "", channel=channel, me=self.actor)

    @staticmethod
    def _find(session: Session, ref: int | str) -> SavedReply:
        """By id (an int, or a string of digits that is no title) or by title, ignoring case."""
        row: SavedReply | None = None
        if isinstance(ref, str):
            row = session.scalar(select(SavedReply).where(func.lower(SavedReply.title) == ref.strip().lower()))
        if row is None and (isinstance(ref, int) or ref.strip().isdigit()):
            row = session.get(SavedReply, int(ref))
        if row is None:
            raise NotFound("saved_reply.not_found", ref=str(ref))
        return row


def _refuse_taken(session: Session, title: str, own_id: int | None) -> None:
    """Titles are unique ignoring case (they are looked up that way)."""
    query = select(SavedReply.id).where(func.lower(SavedReply.title) == title.lower())
    if own_id is not None:
        query = query.where(SavedReply.id != own_id)
    if session.scalar(query) is not None:
        raise InputError("saved_reply.title_taken", title=title)


def _checked(title: str, body: str) -> tuple[str, str]:
    title = " ".join((title or "").split())
    if not title:
        raise InputError("saved_reply.title_empty")
    if len(title) > MAX_TITLE_CHARS:
        raise InputError("saved_reply.title_too_long", limit=MAX_TITLE_CHARS)
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise InputError("saved_reply.body_empty")
    if len(body) > MAX_BODY_CHARS:
        raise InputError("saved_reply.body_too_long", limit=MAX_BODY_CHARS)
    check_template(body)
    return title, body


def _info(row: SavedReply) -> SavedReplyInfo:
    return SavedReplyInfo(
        id=row.id, title=row.title, body=row.body, created_by=row.created_by, updated_at=row.updated_at
    )
