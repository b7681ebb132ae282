"""Saved replies: the team's canned answers, with placeholders filled in from the message being answered.

A body may use ``{name}`` (the author's display name, or their handle when they have none), ``{first_name}``
(its first word), ``{handle}``, ``{channel}`` and ``{me}`` (the person answering). ``{{`` and ``}}`` are literal
braces. Anything else in braces is refused when the reply is saved, so a typo never reaches a customer.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from publisher.errors import InputError

PLACEHOLDERS = ("name", "first_name", "handle", "channel", "me")
MAX_TITLE_CHARS = 200
MAX_BODY_CHARS = 10_000


@dataclass(frozen=True, slots=True)
class SavedReplyInfo:
    id: int
    title: str
    body: str
    created_by: str
    updated_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "created_by": self.created_by,
            "updated_at": self.updated_at.isoformat(),
        }


def check_template(body: str) -> None:
    """Refuse a body whose braces do not parse or that names a placeholder we cannot fill."""
    try:
        fields = [name for _literal, name, _spec, _conv in string.Formatter().parse(body) if name is not None]
    except ValueError as exc:
        raise InputError("saved_reply.bad_braces", detail=str(exc), known=_known()) from exc
    for name in fields:
        if name not in PLACEHOLDERS:
            raise InputError("saved_reply.unknown_placeholder", placeholder="{" + name + "}", known=_known())
    for _literal, field_name, spec, conv in string.Formatter().parse(body):
        if field_name is not None and (spec or conv):
            raise InputError("saved_reply.unknown_placeholder", placeholder="{" + field_name + "…}", known=_known())


def fill(body: str, *, name: str, handle: str, channel: str, me: str) -> str:
    """The body with its placeholders filled in (``body`` must pass :func:`check_template`)."""
    shown = name.strip() or handle.strip()
    values = {
        "name": shown,
        "first_name": shown.split()[0] if shown.split() else shown,
        "handle": handle,
        "channel": channel,
        "me": me,
    }
    return body.format_map(values)


def _known() -> str:
    return ", ".join("{" + p + "}" for p in PLACEHOLDERS)
