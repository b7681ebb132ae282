"""Contacts: the people behind inbox messages, as frozen values for the CLI and UI, and the rules for their fields.

A contact is one handle on one kind of network. The user may merge contacts across networks: the group then
shows as one contact (its *primary*) carrying every handle, the group's tags, notes and name, and the messages of
every handle. Tags are lower case, trimmed, 1 to :data:`MAX_TAG_CHARS` characters; notes hold at most
:data:`MAX_NOTES_CHARS` characters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from publisher.errors import InputError

MAX_TAG_CHARS = 100
MAX_TAGS = 50
MAX_NOTES_CHARS = 10_000
MAX_NAME_CHARS = 200


def normalise_tag(tag: str) -> str:
    """``"  VIP  Press "`` → ``"vip press"``; an empty or too long tag is an :class:`InputError`."""
    name = " ".join((tag or "").split()).lower()
    if not name or len(name) > MAX_TAG_CHARS:
        raise InputError("contact.bad_tag", tag=tag, max=MAX_TAG_CHARS)
    return name


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Each tag normalised, duplicates dropped, sorted; more than :data:`MAX_TAGS` is an :class:`InputError`."""
    result = tuple(sorted({normalise_tag(t) for t in tags}))
    if len(result) > MAX_TAGS:
        raise InputError("contact.too_many_tags", max=MAX_TAGS, count=len(result))
    return result


def normalise_notes(notes: str) -> str:
    """Notes with Unix line ends and no trailing blank space; longer than :data:`MAX_NOTES_CHARS` is refused."""
    value = (notes or "").replace("\r\n", "\n").replace("\r", "\n").rstrip()
    if len(value) > MAX_NOTES_CHARS:
        raise InputError("contact.notes_too_long", max=MAX_NOTES_CHARS, length=len(value))
    return value


def join_notes(first: str, second: str) -> str:
    """The notes of two merged contacts: both kept, the second below the first."""
    parts = [p for p in (first.strip(), second.strip()) if p]
    if len(parts) == 2 and parts[0] == parts[1]:
        return parts[0]
    return "\n\n".join(parts)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class ContactHandle:
    """One handle of a contact: who wrote on which kind of network, under which name, how often."""

    id: int  # the handle's own contact id (used to split it off a merged contact)
    channel_kind: str
    handle: str
    network_name: str  # the name the network last gave
    message_count: int
    last_seen: datetime | None
    primary: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "channel_kind": self.channel_kind,
            "handle": self.handle,
            "network_name": self.network_name,
            "messages": self.message_count,
            "last_seen": _iso(self.last_seen),
            "primary": self.primary,
        }


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One line of the contact list: a contact with all its handles (a merged group is one row)."""

    id: int
    name: str
    handles: tuple[ContactHandle, ...]
    tags: tuple[str, ...]
    message_count: int
    last_seen: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "handles": [h.to_json() for h in self.handles],
            "tags": list(self.tags),
            "messages": self.message_count,
            "last_seen": _iso(self.last_seen),
        }


@dataclass(frozen=True, slots=True)
class ContactMessage:
    """One message in a contact's history (newest first): enough to list it and open it in the inbox."""

    item_id: int
    channel: str
    channel_kind: str
    kind: str
    handle: str
    text: str  # a preview: the first characters of the plain text
    status: str
    received_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item_id,
            "channel": self.channel,
            "channel_kind": self.channel_kind,
            "kind": self.kind,
            "handle": self.handle,
            "text": self.text,
            "status": self.status,
            "received_at": self.received_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class ContactDetail:
    """A contact in full. ``name`` is the user's name for it when set (``user_named``), else the network's."""

    id: int
    name: str
    user_named: bool
    handles: tuple[ContactHandle, ...]
    tags: tuple[str, ...]
    notes: str
    message_count: int
    first_seen: datetime | None
    last_seen: datetime | None
    history: tuple[ContactMessage, ...]
    created_at: datetime
    updated_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "user_named": self.user_named,
            "handles": [h.to_json() for h in self.handles],
            "tags": list(self.tags),
            "notes": self.notes,
            "messages": self.message_count,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
            "history": [m.to_json() for m in self.history],
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }
