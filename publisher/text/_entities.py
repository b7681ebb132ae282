"""Links, mentions and hashtags in plain text: one extractor for counting, facets and splitting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from publisher.text._twitter import extract_urls
from publisher.text._unicode import emoji_spans


@dataclass(frozen=True, slots=True)
class Entity:
    """One link, mention or hashtag; ``start``/``end`` are Python ``str`` indices (end exclusive).

    ``value`` is the link as written (possibly without ``https://``), the mention without ``@`` (``alice``,
    ``alice@example.social`` or ``alice.bsky.social``), or the hashtag without ``#``.
    """

    kind: str  # "url" | "mention" | "hashtag"
    start: int
    end: int
    value: str


# Mentions as Mastodon writes them (Account::MENTION_RE): "@user", "@user@domain"; a Bluesky handle is a user name
# with dots ("@alice.bsky.social"). Not after a word character or one of =/@!#$%&* (twitter-text), and not followed
# by another @, a Latin accent or "://" (twitter-text's endMentionMatch; atomic, so a name is never cut short).
_LATIN_ACCENTS = "\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263\u0268\u026f"
_MENTION = re.compile(
    r"(?<![\w=/@＠!#$%&*])[@＠]((?>[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*(?:@\w+(?:[.-]+\w+)*)?))"
    rf"(?![@＠{_LATIN_ACCENTS}]|://)"
)
# Hashtags as twitter-text finds them (letters, marks, digits and a few joiners; at least one letter), with
# Unicode's current letter and digit properties instead of twitter-text's frozen lists.
_HASHTAG_CHAR = (
    r"[\p{L}\p{M}\p{Nd}_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\xb7]"
)
_HASHTAG = regex.compile(
    rf"(?:(?<=[\ufe0e\ufe0f])|(?<!{_HASHTAG_CHAR}|&))[#＃](?![\ufe0f\u20e3])"
    rf"((?>{_HASHTAG_CHAR}*[\p{{L}}\p{{M}}]{_HASHTAG_CHAR}*))(?![#＃]|://)"
)


def mention_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of every mention, before overlaps with links are removed."""
    if "@" not in text and "＠" not in text:
        return []
    return [(m.start(), m.end(), m.group(1)) for m in _MENTION.finditer(text)]


def hashtag_spans(text: str) -> list[tuple[int, int, str]]:
    if "#" not in text and "＃" not in text:
        return []
    return [(m.start(), m.end(), m.group(1)) for m in _HASHTAG.finditer(text)]


def remove_overlaps(entities: list[Entity]) -> list[Entity]:
    """Keep the earliest of overlapping entities (a link before a mention or hashtag at the same place)."""
    order = {"url": 0, "mention": 1, "hashtag": 2}
    kept: list[Entity] = []
    for entity in sorted(entities, key=lambda e: (e.start, order[e.kind])):
        if kept and entity.start < kept[-1].end:
            continue
        kept.append(entity)
    return kept


# Cached: the counters, facets and the splitter of one render ask about the same text.
@lru_cache(maxsize=16)
def urls_of(text: str, mastodon: bool = False) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of the links X finds in ``text`` (``mastodon``: the links Mastodon shortens)."""
    return tuple(extract_urls(text, mastodon=mastodon))


@lru_cache(maxsize=16)
def emoji_of(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(emoji_spans(text))


@lru_cache(maxsize=16)
def entities_of(text: str) -> tuple[Entity, ...]:
    """The entities of ``text`` (cached)."""
    found = [Entity("url", start, end, text[start:end]) for start, end in urls_of(text)]
    found += [Entity("mention", start, end, name) for start, end, name in mention_spans(text)]
    found += [Entity("hashtag", start, end, tag) for start, end, tag in hashtag_spans(text)]
    return tuple(remove_overlaps(found))


def extract_entities(text: str) -> list[Entity]:
    """Every link (as X finds them, so also ``example.com`` without ``https://``), mention and hashtag in ``text``."""
    return list(entities_of(text))
