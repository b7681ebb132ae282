"""The unified inbox: frozen values for the CLI and UI, and the rules that make incoming content safe.

Incoming content is hostile until proven otherwise. :func:`sanitise_html` keeps a small set of harmless tags
(no scripts, no event handlers, no styles, no remote images: an image becomes a link with its alt text), drops
``javascript:`` and other non-web links, and shows every link's real target beside its label. :func:`clean_name`
removes bidirectional controls (a right-to-left override can make "moc.knab" read as "bank.com") and
:func:`cap_text` bounds the size of a body.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from typing import Any

KINDS = ("reply", "mention", "comment", "message")
STATUSES = ("open", "done")
MAX_TEXT_CHARS = 100_000  # a body longer than this is cut, with a note saying so
MAX_HTML_CHARS = 200_000  # HTML longer than this is not kept at all; the plain text stands in for it
MAX_NAME_CHARS = 200

ALLOWED_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "u", "s", "p", "br", "ul", "ol", "li", "blockquote", "code", "pre", "span"}
)
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow ugc"

# Bidirectional embeddings, overrides and isolates, plus the implicit marks. None belongs in a name; in a body
# the overrides and isolates are removed too (real right-to-left text needs none of them).
_BIDI_ALL = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BIDI_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"\s+")


def clean_name(value: str) -> str:
    """An author's handle or display name, safe to show in a list: one line, no bidi or control characters."""
    if value and value.isprintable():
        # The common case, in one pass: no bidi or control character (those are not printable), and no white space
        # but the plain space (other white space is not printable either).
        return " ".join(value.split())[:MAX_NAME_CHARS]
    value = _CONTROLS.sub("", _BIDI_ALL.sub("", value or ""))
    return _SPACES.sub(" ", value).strip()[:MAX_NAME_CHARS]


def cap_text(value: str, limit: int = MAX_TEXT_CHARS) -> str:
    if len(value) <= limit:
        return value
    return value[:limit] + f"\n\n[… shortened by Publisher: the message had {len(value):,} characters]"


def clean_text(value: str) -> str:
    """A plain-text body: no bidi overrides, no control characters but newlines and tabs, at most 100 KB."""
    if value and value.isprintable():
        return cap_text(value)  # the common case, one line of text: no bidi override, no control, no line end
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return cap_text(_CONTROLS.sub("", _BIDI_OVERRIDES.sub("", value)))


def sanitise_html(value: str | None) -> str | None:
    """Safe HTML for the conversation pane, or None when there is none (or too much to be worth keeping)."""
    if not value or not value.strip() or len(value) > MAX_HTML_CHARS:
        return None
    import nh3  # loaded with the first HTML to clean: the window's views need this module's types, not nh3

    first = nh3.clean(
        value,
        tags=set(ALLOWED_TAGS | {"img"}),
        clean_content_tags={"script", "style", "template", "noscript", "iframe", "object", "svg", "math"},
        attributes={"a": {"href"}, "img": {"src", "alt"}},
        url_schemes=set(LINK_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
    rebuilt = _LinkRewriter.rewrite(first)
    safe = nh3.clean(
        rebuilt,
        tags=set(ALLOWED_TAGS),
        attributes={"a": {"href"}},
        url_schemes=set(LINK_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )
    safe = _BIDI_OVERRIDES.sub("", safe)
    return safe if safe.strip() else None


class _LinkRewriter(HTMLParser):
    """Images become links ("[image: alt]") that load nothing; a link whose label is not its address shows the
    address after it; links nh3 stripped of their target (``javascript:``) become plain text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.links: list[tuple[str | None, list[str]]] = []  # open <a>: target, label text so far

    @classmethod
    def rewrite(cls, fragment: str) -> str:
        parser = cls()
        parser.feed(fragment)
        parser.close()
        while parser.links:
            parser.handle_endtag("a")
        return "".join(parser.out)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "img":
            alt = clean_name(values.get("alt") or "") or "image"
            src = values.get("src") or ""
            label = html_lib.escape(f"[image: {alt}]")
            if src.startswith(("http://", "https://")):
                self.out.append(f'<a href="{html_lib.escape(src)}">{label}</a> ({html_lib.escape(src)})')
            else:
                self.out.append(label)
            return
        if tag == "a":
            href = values.get("href")
            self.links.append((href, []))
            if href:
                self.out.append(f'<a href="{html_lib.escape(href)}">')
            return
        self.out.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "img":
            return
        if tag == "a":
            if not self.links:
                return
            href, label = self.links.pop()
            if href:
                self.out.append("</a>")
                shown = "".join(label).strip()
                if shown.rstrip("/") != href.rstrip("/") and shown.removeprefix("mailto:") != href.removeprefix(
                    "mailto:"
                ):
                    self.out.append(f" ({html_lib.escape(href)})")
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        for _href, label in self.links:
            label.append(data)
        self.out.append(html_lib.escape(data, quote=False))


# -- values handed to the CLI and the UI ------------------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class InboxRow:
    """One line of the message list: what a list view needs and nothing more."""

    id: int
    channel: str
    channel_kind: str
    kind: str
    author: str  # handle
    author_name: str
    text: str  # the first 300 characters of the plain text
    received_at: datetime
    status: str
    assignee: str | None
    conversation_id: int | None
    sentiment: str
    sentiment_score: float
    unread: bool
    edited: bool
    deleted: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "channel": self.channel,
            "channel_kind": self.channel_kind,
            "kind": self.kind,
            "author": self.author,
            "author_name": self.author_name,
            "text": self.text,
            "received_at": self.received_at.isoformat(),
            "status": self.status,
            "assignee": self.assignee,
            "conversation": self.conversation_id,
            "sentiment": self.sentiment,
            "sentiment_score": self.sentiment_score,
            "unread": self.unread,
            "edited": self.edited,
            "deleted": self.deleted,
        }


@dataclass(frozen=True, slots=True)
class InboxReplyInfo:
    """Our answer in a conversation; ``failed`` ones keep their text and error until sent again."""

    id: int
    item_id: int
    author: str
    text: str
    state: str  # sent | failed
    remote_id: str | None
    remote_url: str | None
    error_code: str | None
    error_params: dict[str, Any]
    created_at: datetime
    sent_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "item": self.item_id,
            "author": self.author,
            "text": self.text,
            "state": self.state,
            "remote_id": self.remote_id,
            "remote_url": self.remote_url,
            "error": {"code": self.error_code, "params": self.error_params} if self.error_code else None,
            "created_at": self.created_at.isoformat(),
            "sent_at": _iso(self.sent_at),
        }


@dataclass(frozen=True, slots=True)
class InboxDetail:
    """One item in full, with its conversation: the other items and our replies, oldest first."""

    row: InboxRow
    remote_id: str
    full_text: str
    html: str | None
    url: str | None
    in_reply_to: str | None
    sentiment_words: tuple[str, ...]
    tags: tuple[str, ...]
    post_id: int | None
    campaign: str | None
    thread: tuple[InboxRow, ...] = ()
    replies: tuple[InboxReplyInfo, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {
            **self.row.to_json(),
            "text": self.full_text,
            "remote_id": self.remote_id,
            "html": self.html,
            "url": self.url,
            "in_reply_to": self.in_reply_to,
            "sentiment_words": list(self.sentiment_words),
            "tags": list(self.tags),
            "post": self.post_id,
            "campaign": self.campaign,
            "thread": [r.to_json() for r in self.thread],
            "replies": [r.to_json() for r in self.replies],
        }


@dataclass(frozen=True, slots=True)
class ChannelSyncReport:
    channel: str
    new: int = 0
    updated: int = 0
    pages: int = 0
    backfill_done: bool = False
    error_code: str | None = None
    error_params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "channel": self.channel,
            "new": self.new,
            "updated": self.updated,
            "pages": self.pages,
            "backfill_done": self.backfill_done,
            "error": {"code": self.error_code, "params": self.error_params} if self.error_code else None,
        }
