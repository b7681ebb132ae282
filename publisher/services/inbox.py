"""The unified inbox: sync from every inbox-capable channel, list and search, answer, triage.

Sync pulls pages through each connector's ``fetch_inbox`` (newest first), one write transaction per page, so an
interrupted sync keeps what it got. The first sync of a channel back-fills the last 30 days; later syncs stop at
the first page holding nothing new. Items are de-duplicated by network id per channel (an edited text updates the
row and marks it edited), grouped into conversations by their reply chain (a conversation whose root is one of our
deliveries is linked to that post and its campaign), made safe (:mod:`publisher.domain.inbox`) and scored
(:mod:`publisher.domain.sentiment`). The authors become contacts, one per handle and kind of network.

Full-text search: SQLite uses the FTS5 table ``inbox_fts`` made by migration 0004, which a sync fills with all the
rows it stored in one statement before it returns (migration 0007; an interrupted sync leaves that to the next one);
PostgreSQL its GIN index on :data:`PG_SEARCH_EXPRESSION`. On SQLite the page's statements go straight to the driver
(:mod:`publisher.services._inbox_store`).
"""

from __future__ import annotations

import builtins
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    delete,
    exists,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
    true,
    update,
)
from sqlalchemy.orm import Session

from publisher.channels.protocol import InboxConnector, capabilities_of
from publisher.channels.protocol import InboxItem as RemoteItem
from publisher.channels.registry import Registry
from publisher.clock import Clock
from publisher.db.models import (
    Channel,
    InboxConversation,
    InboxItem,
    InboxItemTag,
    InboxReply,
    InboxSyncState,
)
from publisher.db.session import Database
from publisher.domain.inbox import (
    KINDS,
    STATUSES,
    ChannelSyncReport,
    InboxDetail,
    InboxReplyInfo,
    InboxRow,
    clean_name,
    clean_text,
    sanitise_html,
)
from publisher.domain.sentiment import LABELS, analyse
from publisher.errors import ChannelError, InputError, NotFound, PublisherError
from publisher.secrets import SecretStore
from publisher.services._common import audit
from publisher.services._inbox_store import InboxStore, NewItem, index_pending, store_for
from publisher.services.channels import to_config

log = logging.getLogger(__name__)


BACKFILL_DAYS = 30
MAX_PAGES_PER_SYNC = 1000  # a guard against a network that pages forever
PREVIEW_CHARS = 300
MAX_TAG_CHARS = 100
COMMON_MATCHES = 1000  # above this many full-text matches a search reads the list newest first instead
_CHUNK = 400  # ids per IN (…) list: well below SQLite's bound-parameter limit

# Must equal the expression migration 0004 indexes, or PostgreSQL cannot use the index.
PG_SEARCH_EXPRESSION = (
    "to_tsvector('simple'::regconfig, coalesce(inbox_items.text, '') || ' ' || coalesce(inbox_items.author_name, '') "
    "|| ' ' || coalesce(inbox_items.author_handle, ''))"
)
_SEARCH_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class InboxFilter:
    """What the list shows; every field narrows it. ``query`` is full-text (all words, each as a prefix)."""

    status: str | None = None
    channel: str | None = None
    assignee: str | None = None
    tag: str | None = None
    sentiment: str | None = None
    campaign: str | None = None
    kind: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    query: str | None = None
    unread: bool | None = None


@dataclass(slots=True)
class _PageResult:
    new: int = 0
    updated: int = 0
    known: int = 0  # items that were in the database before this page
    seen: int = 0  # items on the page within the back-fill window
    oldest: datetime | None = None
    at_end: bool = False  # no further page, or this one reaches past the back-fill window


class _Normalised(NamedTuple):  # a tuple: made for every item fetched, several times cheaper than a dataclass
    remote_id: str
    kind: str
    handle: str
    name: str
    text: str
    html: str | None
    url: str | None
    received_at: datetime
    in_reply_to: str | None
    deleted: bool


def _normalise(item: RemoteItem) -> _Normalised:
    kind = item.kind if item.kind in KINDS else "mention"
    url = item.url if item.url and item.url.startswith(("https://", "http://")) and len(item.url) <= 2000 else None
    return _Normalised(
        remote_id=str(item.remote_id)[:500],
        kind=kind,
        handle=clean_name(item.author)[:500] or "?",
        name=clean_name(item.author_name),
        text=clean_text(item.text),
        html=sanitise_html(item.html),
        url=url,
        received_at=item.created_at,
        in_reply_to=str(item.in_reply_to_id)[:500] if item.in_reply_to_id else None,
        deleted=bool(item.deleted),
    )


def _chunks(values: Sequence[str], size: int = _CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def fts_query(query: str) -> str | None:
    """User text → an FTS5 query: every word must occur, each as a prefix. Operators in the text mean nothing."""
    words = _SEARCH_WORD.findall(query)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words[:20])


class InboxService:
    def __init__(
        self,
        db: Database,
        registry: Registry,
        secrets: SecretStore,
        clock: Clock,
        actor: str,
        *,
        backfill_days: int = BACKFILL_DAYS,
    ) -> None:
        self.db = db
        self.registry = registry
        self.secrets = secrets
        self.clock = clock
        self.actor = actor
        self.backfill_days = backfill_days

    # -- sync -----------------------------------------------------------------------------------------------

    def inbox_channels(self) -> builtins.list[str]:
        """Names of the channels whose network has an inbox."""
        with self.db.session() as session:
            rows = session.execute(select(Channel.name, Channel.kind).order_by(func.lower(Channel.name))).all()
        return [name for name, kind in rows if self._has_inbox(kind)]

    def _has_inbox(self, kind: str) -> bool:
        try:
            return capabilities_of(self.registry.get(kind)).inbox
        except PublisherError:
            return False  # a kind this installation does not know

    def sync(self, channel: str | None = None) -> builtins.list[ChannelSyncReport]:
        """Sync one channel (by name) or every inbox-capable one. A failing channel does not stop the others:
        its report carries the error. Asking for one channel that has no inbox is an input error."""
        with self.db.session() as session:
            query = select(Channel).order_by(func.lower(Channel.name))
            if channel is not None:
                query = query.where(Channel.name == channel)
            rows = list(session.scalars(query))
            for row in rows:
                session.expunge(row)
        if channel is not None:
            if not rows:
                raise NotFound("channel.not_found", name=channel)
            if not self._has_inbox(rows[0].kind):
                raise InputError("inbox.not_supported", channel=channel, kind=rows[0].kind)
        return [self._sync_channel(row) for row in rows if self._has_inbox(row.kind)]

    def _sync_channel(self, channel: Channel) -> ChannelSyncReport:
        try:
            return self._sync_pages(channel)
        finally:
            # Whatever happened, the rows stored so far become searchable before the sync returns.
            self._index_pending()

    def _index_pending(self) -> None:
        if self.db.dialect == "sqlite":
            with self.db.session(write=True) as session:
                index_pending(session)

    def _sync_pages(self, channel: Channel) -> ChannelSyncReport:
        report = ChannelSyncReport(channel=channel.name)
        now = self.clock.now()
        cutoff = now - timedelta(days=self.backfill_days)
        with self.db.session() as session:
            state = session.get(InboxSyncState, channel.id)
            saved_cursor = state.cursor if state is not None else None
            backfill_done = bool(state and state.backfill_done)
            first_sync = state is None or (not backfill_done and saved_cursor is None)
        try:
            kind = self.registry.get(channel.kind)
            secret = self.secrets.get(channel.id) if kind.needs_secret else None
            connector = cast(InboxConnector, kind.connect(to_config(channel), secret))
            # The newest pages first, until a page holds nothing new (or, the first time, the whole window).
            cursor: str | None = None
            while report.pages < MAX_PAGES_PER_SYNC:
                page = connector.fetch_inbox(cursor)
                result = self._ingest(channel, page.items, page.next_cursor, cutoff=cutoff, keep_cursor=first_sync)
                report = replace(
                    report, pages=report.pages + 1, new=report.new + result.new, updated=report.updated + result.updated
                )
                if result.at_end:
                    if first_sync:
                        backfill_done = True
                    break
                if not first_sync and result.seen and result.known == result.seen:
                    break
                cursor = page.next_cursor
            # An earlier back-fill that was cut short goes on where it stopped.
            if not backfill_done and not first_sync and saved_cursor:
                cursor = saved_cursor
                while report.pages < MAX_PAGES_PER_SYNC:
                    page = connector.fetch_inbox(cursor)
                    result = self._ingest(channel, page.items, page.next_cursor, cutoff=cutoff, keep_cursor=True)
                    report = replace(
                        report,
                        pages=report.pages + 1,
                        new=report.new + result.new,
                        updated=report.updated + result.updated,
                    )
                    if result.at_end:
                        backfill_done = True
                        break
                    cursor = page.next_cursor
        except PublisherError as exc:
            log.info("inbox sync of %s failed: %s", channel.name, exc)
            self._save_state(channel.id, error_code=exc.code)
            return replace(report, backfill_done=backfill_done, error_code=exc.code, error_params=_plain(exc.params))
        self._save_state(channel.id, synced_at=self.clock.now(), error_code=None)
        return replace(report, backfill_done=backfill_done)

    _UNSET: Any = object()

    def _save_state(
        self,
        channel_id: int,
        *,
        cursor: Any = _UNSET,
        backfill_done: bool | None = None,
        synced_at: datetime | None = None,
        error_code: Any = _UNSET,
    ) -> None:
        with self.db.session(write=True) as session:
            self._apply_state(
                session,
                channel_id,
                cursor=cursor,
                backfill_done=backfill_done,
                synced_at=synced_at,
                error_code=error_code,
            )

    def _apply_state(
        self,
        session: Session,
        channel_id: int,
        *,
        cursor: Any = _UNSET,
        backfill_done: bool | None = None,
        synced_at: datetime | None = None,
        error_code: Any = _UNSET,
    ) -> None:
        state = session.get(InboxSyncState, channel_id)
        if state is None:
            state = InboxSyncState(channel_id=channel_id, backfill_done=False)
            session.add(state)
        if cursor is not self._UNSET:
            state.cursor = cursor
        if backfill_done is not None:
            state.backfill_done = backfill_done
            if backfill_done:
                state.cursor = None
        if synced_at is not None:
            state.last_sync_at = synced_at
        if error_code is not self._UNSET:
            state.last_error_code = error_code

    def _ingest(
        self,
        channel: Channel,
        items: Sequence[RemoteItem],
        next_cursor: str | None,
        *,
        cutoff: datetime,
        keep_cursor: bool,
    ) -> _PageResult:
        """One page into the database, in one transaction (with the back-fill's cursor when ``keep_cursor``)."""
        result = _PageResult()
        if items:
            result.oldest = min(i.created_at for i in items)
        result.at_end = next_cursor is None or (result.oldest is not None and result.oldest < cutoff)
        by_id: dict[str, _Normalised] = {}
        for item in items:
            if item.created_at < cutoff:
                continue
            normal = _normalise(item)
            by_id.setdefault(normal.remote_id, normal)
        result.seen = len(by_id)
        if not by_id and not keep_cursor:
            return result
        now = self.clock.now()
        with self.db.session(write=True) as session:
            store = store_for(session, self.db.dialect)
            if by_id:
                self._ingest_rows(store, channel, builtins.list(by_id.values()), now, result)
            if keep_cursor and not store.save_cursor(channel.id, next_cursor, backfill_done=result.at_end):
                self._apply_state(session, channel.id, cursor=next_cursor, backfill_done=result.at_end)
        return result

    def _ingest_rows(
        self,
        store: InboxStore,
        channel: Channel,
        normals: builtins.list[_Normalised],
        now: datetime,
        result: _PageResult,
    ) -> None:
        channel_id = channel.id
        existing = store.known_items(channel_id, [n.remote_id for n in normals])
        result.known = len(existing)

        # Edits and deletions of items we have.
        changes: builtins.list[dict[str, Any]] = []
        for n in normals:
            old = existing.get(n.remote_id)
            if old is None:
                continue
            item_id, old_text, old_html, old_deleted = old
            if n.deleted and not old_deleted:
                changes.append({"id": item_id, "deleted": True, "updated_at": now})
            elif not n.deleted and old_deleted and n.text == old_text and n.html == old_html:
                changes.append({"id": item_id, "deleted": False, "updated_at": now})  # restored on the network
            elif not n.deleted and (n.text != old_text or n.html != old_html):
                mood = analyse(n.text)
                changes.append(
                    {
                        "id": item_id,
                        "text": n.text,
                        "html": n.html,
                        "edited": True,
                        "deleted": False,
                        "sentiment_score": mood.score,
                        "sentiment_label": mood.label,
                        "sentiment_words": list(mood.words),
                        "updated_at": now,
                    }
                )
        if changes:
            store.change_items(changes)
            result.updated = len(changes)

        fresh = sorted((n for n in normals if n.remote_id not in existing), key=lambda n: n.received_at)
        if not fresh:
            return
        contacts = self._contacts(store, channel.kind, fresh, now)
        conversations = self._conversations(store, channel_id, fresh, now)
        rows: builtins.list[NewItem] = []
        for n in fresh:
            mood = analyse(n.text)
            rows.append(
                (
                    channel_id,
                    n.remote_id,
                    n.kind,
                    n.handle,
                    n.name,
                    contacts.get(n.handle),
                    n.text,
                    n.html,
                    n.url,
                    n.received_at,
                    n.in_reply_to,
                    conversations.get(n.remote_id),
                    mood.score,
                    mood.label,
                    list(mood.words),
                    n.deleted,
                )
            )
        store.add_items(rows, now)
        result.new = len(rows)

    @staticmethod
    def _contacts(store: InboxStore, channel_kind: str, fresh: Sequence[_Normalised], now: datetime) -> dict[str, int]:
        names: dict[str, str] = {}
        for n in fresh:
            names[n.handle] = n.name or names.get(n.handle, "")
        handles = builtins.list(names)
        found = store.contacts(channel_kind, handles)
        renamed = [(found[h][0], names[h]) for h in handles if h in found and names[h] and names[h] != found[h][1]]
        if renamed:
            store.rename_contacts(renamed, now)
        missing = [h for h in handles if h not in found]
        if missing:
            store.add_contacts(channel_kind, [(h, names[h]) for h in missing], now)
            found.update(store.contacts(channel_kind, missing))
        return {h: v[0] for h, v in found.items()}

    @staticmethod
    def _conversations(
        store: InboxStore, channel_id: int, fresh: Sequence[_Normalised], now: datetime
    ) -> dict[str, int]:
        """Each new item's conversation id (keyed by its network id; absent for an item nobody answered).

        A conversation exists once someone answers: its root is the parent's root when the parent is known, else
        the parent (one of our posts, or an item not seen yet). Items come oldest first, so a reply on the same
        page finds its parent's root. An item that stands alone has no conversation until it gets a reply.
        """
        parents = sorted({n.in_reply_to for n in fresh if n.in_reply_to})
        parent_roots = store.parent_roots(channel_id, parents) if parents else {}
        root_of: dict[str, str] = {}
        last: dict[str, datetime] = {}
        for n in fresh:
            if n.in_reply_to:
                parent = n.in_reply_to
                root = root_of.get(parent) or parent_roots.get(parent) or parent
                root_of[n.remote_id] = root
                if root not in last or n.received_at > last[root]:
                    last[root] = n.received_at

        # Conversations that exist: those of the roots, and those rooted at a new item (its answers came first).
        convs = store.conversations(channel_id, sorted(set(root_of.values()) | {n.remote_id for n in fresh}))

        missing = sorted(r for r in last if r not in convs)
        if missing:
            ours = store.our_posts(channel_id, missing)
            store.add_conversations(
                [(channel_id, root, *ours.get(root, (None, None)), last[root]) for root in missing], now
            )
            convs.update(store.conversations(channel_id, missing))
            # A root we hold already (a mention that stood alone until now) joins its new conversation.
            store.join_roots(channel_id, [(root, convs[root]) for root in missing])
        touched = [(convs[root], at) for root, at in last.items() if root not in missing]
        if touched:
            store.touch_conversations(touched)

        # A reply that arrives after its own replies (back-fill goes newest first): their conversation, rooted at
        # it, joins its parent's. One statement each for all such merges on the page.
        merges: builtins.list[tuple[int, int]] = []
        for n in fresh:
            orphan = convs.get(n.remote_id)
            parent_root = root_of.get(n.remote_id)
            if parent_root is not None and orphan is not None and parent_root != n.remote_id:
                merges.append((orphan, convs[parent_root]))
                del convs[n.remote_id]
        if merges:
            store.merge_conversations(merges)
        result = {remote_id: convs[root] for remote_id, root in root_of.items()}
        for n in fresh:
            if n.remote_id not in result and n.remote_id in convs:
                result[n.remote_id] = convs[n.remote_id]
        return result

    # -- reading --------------------------------------------------------------------------------------------

    def _filtered(self, session: Session, query: Select[Any], flt: InboxFilter) -> Select[Any]:
        conditions: builtins.list[ColumnElement[bool]] = []
        if flt.status is not None:
            if flt.status not in STATUSES:
                raise InputError("inbox.bad_status", status=flt.status, known=", ".join(STATUSES))
            conditions.append(InboxItem.status == flt.status)
        if flt.channel is not None:
            channel_id = session.scalar(select(Channel.id).where(Channel.name == flt.channel))
            if channel_id is None:
                raise NotFound("channel.not_found", name=flt.channel)
            conditions.append(InboxItem.channel_id == channel_id)
        if flt.assignee is not None:
            conditions.append(InboxItem.assignee == flt.assignee if flt.assignee else InboxItem.assignee.is_(None))
        if flt.sentiment is not None:
            if flt.sentiment not in LABELS:
                raise InputError("inbox.bad_sentiment", sentiment=flt.sentiment, known=", ".join(LABELS))
            conditions.append(InboxItem.sentiment_label == flt.sentiment)
        if flt.kind is not None:
            conditions.append(InboxItem.kind == flt.kind)
        if flt.since is not None:
            conditions.append(InboxItem.received_at >= flt.since)
        if flt.until is not None:
            conditions.append(InboxItem.received_at < flt.until)
        if flt.unread is not None:
            conditions.append(InboxItem.read_at.is_(None) if flt.unread else InboxItem.read_at.is_not(None))
        if flt.tag is not None:
            conditions.append(
                exists().where(InboxItemTag.item_id == InboxItem.id, InboxItemTag.tag == flt.tag.strip().lower())
            )
        if flt.campaign is not None:
            conditions.append(
                InboxItem.conversation_id.in_(
                    select(InboxConversation.id).where(InboxConversation.campaign == flt.campaign)
                )
            )
        if flt.query is not None and flt.query.strip():
            conditions.append(self._search_condition(session, flt.query))
        return query.where(and_(*conditions)) if conditions else query

    def _search_condition(self, session: Session, query: str) -> ColumnElement[bool]:
        if self.db.dialect == "postgresql":
            return cast(
                ColumnElement[bool],
                literal_column(PG_SEARCH_EXPRESSION).op("@@")(func.plainto_tsquery(text("'simple'::regconfig"), query)),
            )
        match = fts_query(query)
        if match is None:
            return true()
        if self.db.dialect == "sqlite":
            matching = text("SELECT rowid FROM inbox_fts WHERE inbox_fts MATCH :fts").bindparams(fts=match)
            common = session.scalar(
                text("SELECT count(*) FROM (SELECT 1 FROM inbox_fts WHERE inbox_fts MATCH :fts LIMIT :cap)"),
                {"fts": match, "cap": COMMON_MATCHES + 1},
            )
            if (common or 0) > COMMON_MATCHES:
                # Many matches: walk the newest-first index and stop after a page, testing each row against the
                # matches (``+ 0`` keeps SQLite from fetching and sorting every match by id instead).
                return cast(ColumnElement[bool], (InboxItem.id + 0).in_(matching))
            return InboxItem.id.in_(matching)  # few matches: fetch them by id and sort those
        return InboxItem.text.contains(query)  # other databases: a slow but correct fallback

    def list(self, flt: InboxFilter | None = None, *, limit: int = 100, offset: int = 0) -> builtins.list[InboxRow]:
        """A page of the list, newest first."""
        flt = flt or InboxFilter()
        with self.db.session() as session:
            query = self._filtered(session, self._row_select(), flt)
            query = query.order_by(InboxItem.received_at.desc(), InboxItem.id.desc()).limit(limit).offset(offset)
            return [self._row(r) for r in session.execute(query)]

    def ids(self, flt: InboxFilter | None = None) -> builtins.list[int]:
        """Every matching id, newest first: what a lazy list model holds."""
        flt = flt or InboxFilter()
        with self.db.session() as session:
            query = self._filtered(session, select(InboxItem.id), flt)
            return list(session.scalars(query.order_by(InboxItem.received_at.desc(), InboxItem.id.desc())))

    def rows(self, ids: Sequence[int]) -> builtins.list[InboxRow]:
        """The rows for these ids, in the order given (missing ids left out): a lazy model's fetch."""
        found: dict[int, InboxRow] = {}
        with self.db.session() as session:
            for chunk in _chunks(cast(Sequence[str], ids)):
                for r in session.execute(self._row_select().where(InboxItem.id.in_(chunk))):
                    row = self._row(r)
                    found[row.id] = row
        return [found[i] for i in ids if i in found]

    def count(self, flt: InboxFilter | None = None) -> int:
        flt = flt or InboxFilter()
        with self.db.session() as session:
            return int(session.scalar(self._filtered(session, select(func.count(InboxItem.id)), flt)) or 0)

    @staticmethod
    def _row_select() -> Select[Any]:
        return select(
            InboxItem.id,
            Channel.name,
            Channel.kind,
            InboxItem.kind,
            InboxItem.author_handle,
            InboxItem.author_name,
            func.substr(InboxItem.text, 1, PREVIEW_CHARS),
            InboxItem.received_at,
            InboxItem.status,
            InboxItem.assignee,
            InboxItem.conversation_id,
            InboxItem.sentiment_label,
            InboxItem.sentiment_score,
            InboxItem.read_at,
            InboxItem.edited,
            InboxItem.deleted,
        ).join(Channel, Channel.id == InboxItem.channel_id)

    @staticmethod
    def _row(r: Any) -> InboxRow:
        return InboxRow(
            id=r[0],
            channel=r[1],
            channel_kind=r[2],
            kind=r[3],
            author=r[4],
            author_name=r[5],
            text=r[6] or "",
            received_at=r[7],
            status=r[8],
            assignee=r[9],
            conversation_id=r[10],
            sentiment=r[11],
            sentiment_score=r[12],
            unread=r[13] is None,
            edited=bool(r[14]),
            deleted=bool(r[15]),
        )

    def get(self, item_id: int) -> InboxDetail:
        """One item in full, with its conversation (the other items and our replies, oldest first)."""
        with self.db.session() as session:
            item = session.get(InboxItem, item_id)
            if item is None:
                raise NotFound("inbox.item_not_found", id=item_id)
            head = self._row(session.execute(self._row_select().where(InboxItem.id == item_id)).one())
            tags = tuple(
                session.scalars(select(InboxItemTag.tag).where(InboxItemTag.item_id == item_id).order_by("tag"))
            )
            conv = session.get(InboxConversation, item.conversation_id) if item.conversation_id else None
            if conv is not None:
                thread_query = self._row_select().where(InboxItem.conversation_id == conv.id)
                # Also our answers from before the item had a conversation (a mention that someone answered later).
                reply_query = select(InboxReply).where(
                    or_(
                        InboxReply.conversation_id == conv.id,
                        InboxReply.item_id.in_(select(InboxItem.id).where(InboxItem.conversation_id == conv.id)),
                    )
                )
            else:
                thread_query = self._row_select().where(InboxItem.id == item_id)
                reply_query = select(InboxReply).where(InboxReply.item_id == item_id)
            thread = tuple(
                self._row(r)
                for r in session.execute(thread_query.order_by(InboxItem.received_at, InboxItem.id).limit(500))
            )
            replies = tuple(_reply_info(r) for r in session.scalars(reply_query.order_by(InboxReply.id)))
            return InboxDetail(
                row=head,
                remote_id=item.remote_id,
                full_text=item.text,
                html=item.html,
                url=item.url,
                in_reply_to=item.in_reply_to_remote_id,
                sentiment_words=tuple(item.sentiment_words or ()),
                tags=tags,
                post_id=conv.post_id if conv else None,
                campaign=conv.campaign if conv else None,
                thread=thread,
                replies=replies,
            )

    def unread_counts(self) -> dict[str, int]:
        """Open, unread items per channel name (channels with none are left out)."""
        with self.db.session() as session:
            rows = session.execute(
                select(Channel.name, func.count(InboxItem.id))
                .join(Channel, Channel.id == InboxItem.channel_id)
                .where(InboxItem.status == "open", InboxItem.read_at.is_(None))
                .group_by(Channel.name)
            ).all()
        return {name: int(n) for name, n in rows}

    def campaigns(self) -> builtins.list[str]:
        """The campaigns that conversations belong to, by name: what the campaign filter offers."""
        with self.db.session() as session:
            rows = session.scalars(
                select(InboxConversation.campaign)
                .where(InboxConversation.campaign.is_not(None))
                .distinct()
                .order_by(InboxConversation.campaign)
            )
            return [c for c in rows if c]

    def latest_id(self) -> int:
        """The newest item's id (0 when the inbox is empty): where :meth:`arrivals` starts counting."""
        with self.db.session() as session:
            return _newest_id(session)

    def arrivals(
        self, after_id: int, kinds: Sequence[str] = ("mention",), *, limit: int = 5
    ) -> tuple[int, int, builtins.list[InboxRow]]:
        """Items of these kinds that arrived after ``after_id`` (synced by this app, ``publisher run`` or a
        teammate): the newest id seen, how many there are, and the newest ``limit`` of them. Items already done
        or deleted are not news."""
        with self.db.session() as session:
            newest = _newest_id(session)
            if newest <= after_id or not kinds:
                return max(newest, after_id), 0, []
            fresh = and_(
                InboxItem.id > after_id,
                InboxItem.kind.in_(list(kinds)),
                InboxItem.status == "open",
                InboxItem.deleted.is_(False),
            )
            count = int(session.scalar(select(func.count(InboxItem.id)).where(fresh)) or 0)
            rows = [
                self._row(r)
                for r in session.execute(self._row_select().where(fresh).order_by(InboxItem.id.desc()).limit(limit))
            ]
        return newest, count, rows

    # -- triage ---------------------------------------------------------------------------------------------

    def _update_items(self, ids: Sequence[int], action: str, **values: Any) -> builtins.list[int]:
        if not ids:
            return []
        now = self.clock.now()
        with self.db.session(write=True) as session:
            found = [
                i
                for chunk in _chunks(cast(Sequence[str], ids))
                for i in session.scalars(select(InboxItem.id).where(InboxItem.id.in_(chunk)))
            ]
            missing = sorted(set(ids) - set(found))
            if missing:
                raise NotFound("inbox.item_not_found", id=missing[0])
            session.execute(update(InboxItem).where(InboxItem.id.in_(found)).values(updated_at=now, **values))
            audit(
                session,
                at=now,
                actor=self.actor,
                action=action,
                entity="inbox_item",
                entity_id=found[0],
                ids=sorted(found),
                **{k: v for k, v in values.items() if k in ("status", "assignee")},
            )
        return sorted(found)

    def set_status(self, ids: Sequence[int], status: str) -> builtins.list[int]:
        if status not in STATUSES:
            raise InputError("inbox.bad_status", status=status, known=", ".join(STATUSES))
        values: dict[str, Any] = {"status": status}
        if status == "done":
            values["read_at"] = func.coalesce(InboxItem.read_at, self.clock.now())
        return self._update_items(ids, f"inbox.{status}", **values)

    def assign(self, ids: Sequence[int], assignee: str | None) -> builtins.list[int]:
        assignee = (assignee or "").strip() or None
        if assignee is not None and len(assignee) > 200:
            raise InputError("inbox.bad_assignee", max=200)
        return self._update_items(ids, "inbox.assigned", assignee=assignee)

    def mark_read(self, ids: Sequence[int], *, read: bool = True) -> builtins.list[int]:
        return self._update_items(
            ids, "inbox.read" if read else "inbox.unread", read_at=self.clock.now() if read else None
        )

    def tag(self, ids: Sequence[int], tag: str, *, remove: bool = False) -> builtins.list[int]:
        name = " ".join(tag.split()).lower()
        if not name or len(name) > MAX_TAG_CHARS:
            raise InputError("inbox.bad_tag", max=MAX_TAG_CHARS)
        now = self.clock.now()
        with self.db.session(write=True) as session:
            found = set(session.scalars(select(InboxItem.id).where(InboxItem.id.in_(list(ids)))))
            missing = sorted(set(ids) - found)
            if missing:
                raise NotFound("inbox.item_not_found", id=missing[0])
            have = set(
                session.scalars(
                    select(InboxItemTag.item_id).where(InboxItemTag.tag == name, InboxItemTag.item_id.in_(found))
                )
            )
            if remove:
                if have:
                    session.execute(
                        delete(InboxItemTag).where(InboxItemTag.tag == name, InboxItemTag.item_id.in_(have))
                    )
            elif found - have:
                session.execute(insert(InboxItemTag), [{"item_id": i, "tag": name} for i in sorted(found - have)])
            audit(
                session,
                at=now,
                actor=self.actor,
                action="inbox.untagged" if remove else "inbox.tagged",
                entity="inbox_item",
                entity_id=min(found) if found else None,
                ids=sorted(found),
                tag=name,
            )
        return sorted(found)

    # -- answering ------------------------------------------------------------------------------------------

    def reply(self, item_id: int, text_: str) -> InboxReplyInfo:
        """Answer an item on its network, as a reply in its thread; recorded in the conversation.

        The reply is written down (``sending``) before it goes out. If the network refuses or cannot be reached
        it stays as a ``failed`` draft with the error, and ``inbox.reply_failed`` is raised: it is never lost.
        """
        body = (text_ or "").strip()
        if not body:
            raise InputError("inbox.reply_empty")
        now = self.clock.now()
        with self.db.session(write=True) as session:
            item = session.get(InboxItem, item_id)
            if item is None:
                raise NotFound("inbox.item_not_found", id=item_id)
            channel = session.get(Channel, item.channel_id)
            assert channel is not None
            session.expunge(channel)
            remote_id = item.remote_id
            draft = InboxReply(
                item_id=item.id,
                conversation_id=item.conversation_id,
                author=self.actor,
                text=body,
                state="sending",
                created_at=now,
            )
            session.add(draft)
            session.flush()
            reply_id = draft.id
        try:
            kind = self.registry.get(channel.kind)
            if not capabilities_of(kind).inbox:
                raise InputError("inbox.not_supported", channel=channel.name, kind=channel.kind)
            secret = self.secrets.get(channel.id) if kind.needs_secret else None
            connector = cast(InboxConnector, kind.connect(to_config(channel), secret))
            result = connector.reply(remote_id, body)
        except PublisherError as exc:
            with self.db.session(write=True) as session:
                session.execute(
                    update(InboxReply)
                    .where(InboxReply.id == reply_id)
                    .values(state="failed", error_code=exc.code, error_params=_plain(exc.params))
                )
                audit(
                    session,
                    at=self.clock.now(),
                    actor=self.actor,
                    action="inbox.reply_failed",
                    entity="inbox_item",
                    entity_id=item_id,
                    reply=reply_id,
                    code=exc.code,
                )
            raise ChannelError(
                "inbox.reply_failed", id=item_id, reply=reply_id, reason=str(exc), cause=exc.code
            ) from exc
        sent_at = self.clock.now()
        with self.db.session(write=True) as session:
            session.execute(
                update(InboxReply)
                .where(InboxReply.id == reply_id)
                .values(state="sent", remote_id=result.remote_id, remote_url=result.remote_url, sent_at=sent_at)
            )
            session.execute(
                update(InboxItem)
                .where(InboxItem.id == item_id)
                .values(read_at=func.coalesce(InboxItem.read_at, sent_at), updated_at=sent_at)
            )
            if item.conversation_id is not None:
                session.execute(
                    update(InboxConversation)
                    .where(InboxConversation.id == item.conversation_id)
                    .values(last_activity_at=sent_at)
                )
            audit(
                session,
                at=sent_at,
                actor=self.actor,
                action="inbox.replied",
                entity="inbox_item",
                entity_id=item_id,
                reply=reply_id,
                remote_id=result.remote_id,
            )
            row = session.get(InboxReply, reply_id)
            assert row is not None
            return _reply_info(row)


def _newest_id(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(InboxItem.id), 0))) or 0)


def _reply_info(r: InboxReply) -> InboxReplyInfo:
    return InboxReplyInfo(
        id=r.id,
        item_id=r.item_id,
        author=r.author,
        text=r.text,
        state=r.state,
        remote_id=r.remote_id,
        remote_url=r.remote_url,
        error_code=r.error_code,
        error_params=dict(r.error_params or {}),
        created_at=r.created_at,
        sent_at=r.sent_at,
    )


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, str | int | float | bool | None) else str(v) for k, v in params.items()}
