"""Counting a post's payload text in each network's own unit."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from publisher.errors import InputError
from publisher.text._entities import Entity, emoji_of, mention_spans, remove_overlaps, urls_of
from publisher.text._kinds import kind_info
from publisher.text._twitter import weighted_length
from publisher.text._unicode import graphemes, utf8_length, utf16_length

MASTODON_URL_LENGTH = 23  # Mastodon's characters_reserved_per_url
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class Count:
    """The length of one post's text in ``unit``, against ``limit``; a second measure in UTF-8 bytes if it has one."""

    length: int
    limit: int | None
    unit: str
    byte_length: int | None = None
    byte_limit: int | None = None

    @property
    def ok(self) -> bool:
        """Within both limits."""
        if self.limit is not None and self.length > self.limit:
            return False
        return self.byte_limit is None or self.byte_length is None or self.byte_length <= self.byte_limit


def check_limit(limit: int | None) -> None:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise InputError("text.bad_limit", limit=limit)


def count(text: str, kind: str, *, limit: int | None = None) -> Count:
    """Count ``text``, the payload of one post (what :func:`render` puts in ``Part.text``), as ``kind`` counts it.

    ``limit`` replaces the kind's default limit, e.g. a Mastodon instance's ``max_characters``.
    """
    info = kind_info(kind)
    check_limit(limit)
    chosen = info.limit if limit is None else limit
    if kind == "matrix":
        size = matrix_size(text, None)
        return Count(size, limit, info.unit, size, info.byte_limit)
    byte_length = utf8_length(text) if info.byte_limit is not None else None
    return Count(measure(text, kind), chosen, info.unit, byte_length, info.byte_limit)


@lru_cache(maxsize=64)
def measure(text: str, kind: str) -> int:
    """The length of ``text`` in ``kind``'s unit (without the byte measure); cached, as a draft's text is counted
    by the composer, the problems and the splitter alike."""
    if kind == "mastodon":
        return mastodon_length(text)
    if kind == "bluesky":
        return graphemes(text)
    if kind == "x":
        return weighted_length(text, urls_of(text), emoji_of(text))
    if kind == "threads":
        return threads_length(text)
    if kind == "linkedin":
        return utf16_length(text)
    if kind == "telegram":
        return utf16_length(telegram_visible(text))
    return len(text)


def mastodon_entities(text: str) -> list[Entity]:
    """The links and mentions Mastodon's length validator rewrites (its own link pattern, protocol required)."""
    found = [Entity("url", start, end, text[start:end]) for start, end in urls_of(text, True)]
    found += [Entity("mention", start, end, name) for start, end, name in mention_spans(text)]
    return remove_overlaps(found)


def mastodon_countable(text: str) -> str:
    """The text as Mastodon counts it: each link as 23 characters, ``@user@domain`` as ``@user``."""
    pieces: list[str] = []
    last = 0
    for entity in mastodon_entities(text):
        pieces.append(text[last : entity.start])
        if entity.kind == "url":
            pieces.append("x" * MASTODON_URL_LENGTH)
        else:
            pieces.append("@" + entity.value.split("@", 1)[0])
        last = entity.end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def mastodon_length(text: str) -> int:
    return graphemes(mastodon_countable(text))


def threads_length(text: str) -> int:
    """Characters, where an emoji counts as many as its UTF-8 bytes (Threads' rule)."""
    length = len(text)
    for start, end in emoji_of(text):
        span = text[start:end]
        length += utf8_length(span) - len(span)
    return length


def telegram_visible(payload: str) -> str:
    """The text Telegram shows for an HTML-mode payload: tags removed, entities decoded."""
    if "<" not in payload and "&" not in payload:
        return payload
    return html.unescape(_TAG.sub("", payload))


def matrix_size(body: str, formatted_body: str | None) -> int:
    """UTF-8 bytes of the event content's JSON (body and formatted_body as sent, with JSON escaping).

    Matrix limits the whole event (65,536 bytes of canonical JSON); the envelope the server adds (ids, signatures,
    hashes: some hundreds of bytes) is not counted, so stay some way under the limit.
    """
    content: dict[str, str] = {"msgtype": "m.text", "body": body}
    if formatted_body is not None:
        content.update({"format": "org.matrix.custom.html", "formatted_body": formatted_body})
    encoded = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return utf8_length(encoded)
