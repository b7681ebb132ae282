"""Contacts: the people behind inbox messages, searched, merged across networks, tagged and annotated.

Sync (:mod:`publisher.services.inbox`) makes one contact per handle and kind of network and points each item at
the contact of its author. Here the user works with them:

- **Groups.** Merging contact A into B makes B's group's *primary* the primary of A's whole group
  (``merged_into_id`` always points straight at a primary, never along a chain). The group's tags, notes and name
  live on the primary; a merged handle keeps its own row as it was, so splitting it off again gives it back its
  details from before. Splitting off the primary hands the group over to its oldest remaining handle.
- **Names.** Sync writes the network's name into ``display_name`` whenever the network reports a new one, so the
  user's own name for a contact is kept apart from it (``user_name``, which sync never touches) and shown instead
  of the network's name while set.
- Every change goes into the audit log; bad input raises :class:`InputError` and changes nothing.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, String, cast, func, or_, select, update
from sqlalchemy.orm import Session

from publisher.clock import Clock
from publisher.db.models import Channel, InboxContact, InboxItem
from publisher.db.session import Database
from publisher.domain.contacts import (
    MAX_NAME_CHARS,
    ContactDetail,
    ContactHandle,
    ContactMessage,
    ContactRow,
    join_notes,
    normalise_notes,
    normalise_tag,
    normalise_tags,
)
from publisher.domain.inbox import clean_name
from publisher.errors import InputError, NotFound
from publisher.services._common import audit

HISTORY_LIMIT = 500
PREVIEW_CHARS = 300
_CHUNK = 400
_PRIMARY_OF = func.coalesce(InboxContact.merged_into_id, InboxContact.id)  # a contact's group


def _primary_id(contact: InboxContact) -> int:
    return contact.merged_into_id if contact.merged_into_id is not None else contact.id


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, with its own ``%``, ``_`` and ``\\`` taken literally."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _chunks(values: Sequence[int], size: int = _CHUNK) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class ContactService:
    def __init__(self, db: Database, clock: Clock, actor: str) -> None:
        self.db = db
        self.clock = clock
        self.actor = actor

    # -- reading --------------------------------------------------------------------------------------------

    def list(
        self, query: str | None = None, *, tag: str | None = None, limit: int = 200, offset: int = 0
    ) -> builtins.list[ContactRow]:
        """Contacts, a merged group as one (its primary with every handle), most recently heard from first.

        ``query`` matches a handle, the network's name or the user's name (case-insensitive, anywhere in it);
        ``tag`` keeps contacts carrying that tag.
        """
        ids = self.ids(query, tag=tag)
        return self.rows(ids[max(offset, 0) : max(offset, 0) + max(limit, 0)])

    def ids(self, query: str | None = None, *, tag: str | None = None) -> builtins.list[int]:
        """The ids of the contacts :meth:`list` shows, in its order (for a lazy list)."""
        wanted_tag = normalise_tag(tag) if tag is not None and tag.strip() else None
        with self.db.session() as session:
            conditions: builtins.list[ColumnElement[bool]] = []
            connection = session.connection()  # Core rows: the ORM's per-row work would double the time
            needle = " ".join((query or "").split()).casefold()
            if needle:
                # Matched in Python: SQLite's lower() knows only ASCII, and "Jürgen" must be found as "JÜRGEN".
                matching = {
                    merged_into or cid
                    for cid, merged_into, handle, name in connection.execute(
                        select(
                            InboxContact.id, InboxContact.merged_into_id, InboxContact.handle, InboxContact.display_name
                        )
                    )
                    if needle in handle.casefold() or needle in (name or "").casefold()
                }
                matching.update(self._primaries_of(session, self._all_user_names(session), needle))
                if not matching:
                    return []
            if wanted_tag is not None:
                # The JSON text holds the tag as a JSON string: a cheap pre-filter, checked exactly below.
                conditions.append(cast(InboxContact.tags, String).like(_like(json.dumps(wanted_tag)), escape="\\"))
            if wanted_tag is None:
                candidates = set(
                    connection.execute(
                        select(InboxContact.id).where(InboxContact.merged_into_id.is_(None), *conditions)
                    ).scalars()
                )
            else:
                candidates = {
                    cid
                    for cid, tags in connection.execute(
                        select(InboxContact.id, InboxContact.tags).where(
                            InboxContact.merged_into_id.is_(None), *conditions
                        )
                    )
                    if wanted_tag in (tags or ())
                }
            if needle:
                candidates &= matching
            if not candidates:
                return []
            # Most recently heard from first: walk the messages newest first (an index gives that order) and keep
            # each group the first time it appears, stopping once every candidate is placed. An aggregate per
            # contact (max(received_at) … GROUP BY) is slower on a big inbox, and ordering a join with it far slower.
            primary_of: dict[int, int] = {
                cid: pid
                for cid, pid in connection.execute(
                    select(InboxContact.id, InboxContact.merged_into_id).where(InboxContact.merged_into_id.is_not(None))
                )
                if pid is not None
            }
            ordered: dict[int, None] = {}
            messages = connection.execute(
                select(InboxItem.contact_id)
                .where(InboxItem.contact_id.is_not(None))
                .order_by(InboxItem.received_at.desc(), InboxItem.id.desc())
            )
            for chunk in messages.scalars().partitions(5000):
                for contact_id in chunk:
                    if contact_id is None:  # excluded by the query; for the type checker
                        continue
                    pid = primary_of.get(contact_id, contact_id)
                    if pid in candidates and pid not in ordered:
                        ordered[pid] = None
                if len(ordered) == len(candidates):
                    break
            messages.close()
            silent = sorted(candidates.difference(ordered), reverse=True)  # no message (any more): newest last
            return [*ordered, *silent]

    def rows(self, ids: Sequence[int]) -> builtins.list[ContactRow]:
        """The list rows of these contacts, in this order (an id that is gone or merged away is left out)."""
        with self.db.session() as session:
            primaries: dict[int, InboxContact] = {}
            for chunk in _chunks(builtins.list(ids)):
                for contact in session.scalars(
                    select(InboxContact).where(InboxContact.id.in_(chunk), InboxContact.merged_into_id.is_(None))
                ):
                    primaries[contact.id] = contact
            handles = self._handles(session, builtins.list(primaries))
            names = self._user_names(session, builtins.list(primaries))
            rows = []
            for contact_id in ids:
                c = primaries.get(contact_id)
                if c is None:
                    continue
                own = handles.get(c.id, ())
                seen = [h.last_seen for h in own if h.last_seen is not None]
                rows.append(
                    ContactRow(
                        id=c.id,
                        name=names.get(c.id) or c.display_name or c.handle,
                        handles=own,
                        tags=tuple(c.tags or ()),
                        message_count=sum(h.message_count for h in own),
                        last_seen=max(seen) if seen else None,
                    )
                )
            return rows

    def tags(self) -> builtins.list[str]:
        """Every tag some contact carries, sorted (for a tag filter's choices)."""
        with self.db.session() as session:
            found: set[str] = set()
            for tags in session.scalars(select(InboxContact.tags).where(InboxContact.merged_into_id.is_(None))):
                found.update(tags or ())
        return sorted(found)

    def get(self, contact_id: int, *, history_limit: int = HISTORY_LIMIT) -> ContactDetail:
        """A contact in full (a merged handle's id gives its group): every handle, tags, notes, and the messages
        of every handle, newest first (at most ``history_limit``; ``message_count`` counts them all)."""
        with self.db.session() as session:
            return self._detail(session, self._primary(session, contact_id), history_limit)

    def contact_for_item(self, item_id: int) -> int:
        """The id of the contact (the primary of its group) who wrote an inbox item: for "open contact"."""
        with self.db.session() as session:
            item = session.get(InboxItem, item_id)
            if item is None:
                raise NotFound("inbox.item_not_found", id=item_id)
            if item.contact_id is None:
                raise NotFound("contact.none_for_item", id=item_id)
            return self._primary(session, item.contact_id).id

    # -- changing -------------------------------------------------------------------------------------------

    def merge(self, contact_id: int, into_id: int) -> ContactDetail:
        """Merge contact ``contact_id`` (with its whole group) into ``into_id``'s group. Tags are united, notes
        joined; the user's name for the group is kept (or taken over from the merged one if the group had none).
        """
        if contact_id == into_id:
            raise InputError("contact.merge_self", id=contact_id)
        now = self.clock.now()
        with self.db.session(write=True) as session:
            source = self._primary(session, contact_id)
            target = self._primary(session, into_id)
            if source.id == target.id:
                raise InputError("contact.same_group", id=contact_id, into=into_id)
            moved = [
                source.id,
                *session.scalars(select(InboxContact.id).where(InboxContact.merged_into_id == source.id)),
            ]
            tags = normalise_tags([*(target.tags or ()), *(source.tags or ())])
            session.execute(
                update(InboxContact)
                .where(InboxContact.id.in_(moved))
                .values(merged_into_id=target.id, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            target.tags = list(tags)
            target.notes = join_notes(target.notes or "", source.notes or "")
            target.updated_at = now
            names = self._user_names(session, [source.id, target.id])
            if target.id not in names and source.id in names:
                self._store_user_name(session, target.id, names[source.id])
            audit(
                session,
                at=now,
                actor=self.actor,
                action="contact.merged",
                entity="contact",
                entity_id=target.id,
                merged=source.id,
                handles=sorted(moved),
            )
            session.flush()
            session.expire_all()
            return self._detail(session, self._primary(session, target.id), HISTORY_LIMIT)

    def unmerge(self, contact_id: int) -> ContactDetail:
        """Split one handle off its group again; it gets back its own tags, notes and name from before the merge.
        Splitting off the group's primary hands the group (with its tags, notes and name) to its oldest handle.
        Returns the contact split off."""
        now = self.clock.now()
        with self.db.session(write=True) as session:
            contact = session.get(InboxContact, contact_id)
            if contact is None:
                raise NotFound("contact.not_found", id=contact_id)
            if contact.merged_into_id is not None:
                group = contact.merged_into_id
                contact.merged_into_id = None
            else:
                members = builtins.list(
                    session.scalars(
                        select(InboxContact).where(InboxContact.merged_into_id == contact.id).order_by(InboxContact.id)
                    )
                )
                if not members:
                    raise InputError("contact.not_merged", id=contact_id)
                heir, rest = members[0], members[1:]
                heir.merged_into_id = None
                heir.tags = builtins.list(contact.tags or ())
                heir.notes = contact.notes or ""
                heir.updated_at = now
                for member in rest:
                    member.merged_into_id = heir.id
                    member.updated_at = now
                names = self._user_names(session, [contact.id, heir.id])
                if contact.id in names:
                    self._store_user_name(session, heir.id, names[contact.id])
                group = heir.id
            contact.updated_at = now
            audit(
                session,
                at=now,
                actor=self.actor,
                action="contact.unmerged",
                entity="contact",
                entity_id=contact.id,
                group=group,
            )
            session.flush()
            return self._detail(session, contact, HISTORY_LIMIT)

    def set_tags(self, contact_id: int, tags: Iterable[str]) -> ContactDetail:
        """Replace a contact's tags (its group's); each is trimmed and lower-cased."""
        clean = normalise_tags(tags)
        return self._change(
            contact_id, "contact.tagged", lambda c: setattr(c, "tags", builtins.list(clean)), tags=builtins.list(clean)
        )

    def tag(self, contact_id: int, tag: str, *, remove: bool = False) -> ContactDetail:
        """Add one tag (or take it away) without touching the others."""
        name = normalise_tag(tag)
        with self.db.session() as session:
            current = set(self._primary(session, contact_id).tags or ())
        wanted = current - {name} if remove else current | {name}
        return self.set_tags(contact_id, wanted)

    def set_notes(self, contact_id: int, notes: str) -> ContactDetail:
        clean = normalise_notes(notes)
        return self._change(contact_id, "contact.noted", lambda c: setattr(c, "notes", clean), length=len(clean))

    def rename(self, contact_id: int, name: str | None) -> ContactDetail:
        """The user's name for a contact, kept over the network's (which sync updates); empty goes back to it."""
        raw = " ".join((name or "").split())
        if len(raw) > MAX_NAME_CHARS:
            raise InputError("contact.name_too_long", max=MAX_NAME_CHARS)
        clean = clean_name(raw)
        now = self.clock.now()
        with self.db.session(write=True) as session:
            contact = self._primary(session, contact_id)
            self._store_user_name(session, contact.id, clean or None)
            contact.updated_at = now
            audit(
                session,
                at=now,
                actor=self.actor,
                action="contact.renamed",
                entity="contact",
                entity_id=contact.id,
                name=clean or None,
            )
            session.flush()
            return self._detail(session, contact, HISTORY_LIMIT)

    def _change(
        self, contact_id: int, action: str, apply: Callable[[InboxContact], None], **detail: Any
    ) -> ContactDetail:
        now = self.clock.now()
        with self.db.session(write=True) as session:
            contact = self._primary(session, contact_id)
            apply(contact)
            contact.updated_at = now
            audit(
                session,
                at=now,
                actor=self.actor,
                action=action,
                entity="contact",
                entity_id=contact.id,
                **detail,
            )
            session.flush()
            return self._detail(session, contact, HISTORY_LIMIT)

    # -- helpers --------------------------------------------------------------------------------------------

    @staticmethod
    def _primary(session: Session, contact_id: int) -> InboxContact:
        contact = session.get(InboxContact, contact_id)
        if contact is None:
            raise NotFound("contact.not_found", id=contact_id)
        if contact.merged_into_id is None:
            return contact
        primary = session.get(InboxContact, contact.merged_into_id)
        if primary is None:  # cannot happen with foreign keys on; be safe rather than crash
            return contact
        return primary if primary.merged_into_id is None else ContactService._primary(session, primary.id)

    def _handles(self, session: Session, primary_ids: Sequence[int]) -> dict[int, tuple[ContactHandle, ...]]:
        """Every handle of each group, primary first, then by network and handle."""
        found: dict[int, builtins.list[ContactHandle]] = {}
        for chunk in _chunks(builtins.list(primary_ids)):
            members = builtins.list(
                session.scalars(
                    select(InboxContact).where(or_(InboxContact.id.in_(chunk), InboxContact.merged_into_id.in_(chunk)))
                )
            )
            stats: dict[int | None, tuple[int, datetime | None]] = {}
            for part in _chunks([m.id for m in members]):
                for cid, n, last in session.execute(
                    select(InboxItem.contact_id, func.count(InboxItem.id), func.max(InboxItem.received_at))
                    .where(InboxItem.contact_id.in_(part))
                    .group_by(InboxItem.contact_id)
                ):
                    stats[cid] = (int(n or 0), last)
            for contact in members:
                pid = _primary_id(contact)
                found.setdefault(pid, []).append(
                    ContactHandle(
                        id=contact.id,
                        channel_kind=contact.channel_kind,
                        handle=contact.handle,
                        network_name=contact.display_name or "",
                        message_count=stats.get(contact.id, (0, None))[0],
                        last_seen=stats.get(contact.id, (0, None))[1],
                        primary=contact.id == pid,
                    )
                )
        return {
            pid: tuple(sorted(hs, key=lambda h: (not h.primary, h.channel_kind, h.handle.lower())))
            for pid, hs in found.items()
        }

    def _detail(self, session: Session, primary: InboxContact, history_limit: int) -> ContactDetail:
        handles = self._handles(session, [primary.id]).get(primary.id, ())
        ids = [h.id for h in handles] or [primary.id]
        count, first, last = session.execute(
            select(func.count(InboxItem.id), func.min(InboxItem.received_at), func.max(InboxItem.received_at)).where(
                InboxItem.contact_id.in_(ids)
            )
        ).one()
        history = tuple(
            ContactMessage(
                item_id=r[0],
                channel=r[1],
                channel_kind=r[2],
                kind=r[3],
                handle=r[4],
                text=r[5] or "",
                status=r[6],
                received_at=r[7],
            )
            for r in session.execute(
                select(
                    InboxItem.id,
                    Channel.name,
                    Channel.kind,
                    InboxItem.kind,
                    InboxItem.author_handle,
                    func.substr(InboxItem.text, 1, PREVIEW_CHARS),
                    InboxItem.status,
                    InboxItem.received_at,
                )
                .join(Channel, Channel.id == InboxItem.channel_id)
                .where(InboxItem.contact_id.in_(ids))
                .order_by(InboxItem.received_at.desc(), InboxItem.id.desc())
                .limit(max(history_limit, 0))
            )
        )
        user_name = self._user_names(session, [primary.id]).get(primary.id)
        return ContactDetail(
            id=primary.id,
            name=user_name or primary.display_name or primary.handle,
            user_named=user_name is not None,
            handles=handles,
            tags=tuple(primary.tags or ()),
            notes=primary.notes or "",
            message_count=int(count or 0),
            first_seen=first,
            last_seen=last,
            history=history,
            created_at=primary.created_at,
            updated_at=primary.updated_at,
        )

    # The user's names, kept apart from ``display_name`` because sync overwrites that with the network's name.

    @staticmethod
    def _user_names(session: Session, contact_ids: Sequence[int]) -> dict[int, str]:
        found: dict[int, str] = {}
        for chunk in _chunks(builtins.list(contact_ids)):
            for cid, name in session.execute(
                select(InboxContact.id, InboxContact.user_name).where(
                    InboxContact.id.in_(chunk), InboxContact.user_name.is_not(None)
                )
            ):
                if name:
                    found[cid] = name
        return found

    @staticmethod
    def _primaries_of(session: Session, names: dict[int, str], needle: str) -> set[int]:
        """The groups of the contacts whose user-given name contains ``needle`` (already case-folded)."""
        named = [cid for cid, name in names.items() if needle in name.casefold()]
        found: set[int] = set()
        for chunk in _chunks(named):
            for cid, merged_into in session.execute(
                select(InboxContact.id, InboxContact.merged_into_id).where(InboxContact.id.in_(chunk))
            ):
                found.add(merged_into or cid)
        return found

    @staticmethod
    def _all_user_names(session: Session) -> dict[int, str]:
        rows = session.execute(select(InboxContact.id, InboxContact.user_name).where(InboxContact.user_name != ""))
        return {cid: name for cid, name in rows if name}

    @staticmethod
    def _store_user_name(session: Session, contact_id: int, name: str | None) -> None:
        session.execute(update(InboxContact).where(InboxContact.id == contact_id).values(user_name=name or None))
