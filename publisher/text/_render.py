"""Markdown draft to each kind's payload: the text field, the network's extra fields and the count."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from publisher.text._counting import Count, check_limit, count, matrix_size
from publisher.text._facets import bluesky_facets
from publisher.text._kinds import THREAD_KINDS, kind_info
from publisher.text._markdown import Node, parse
from publisher.text._split import split_thread
from publisher.text._twitter import extract_urls
from publisher.text._utm import UtmTemplate, apply_utm
from publisher.text._writers import (
    DiscordWriter,
    LinkRewriter,
    MatrixHtmlWriter,
    TelegramWriter,
    Writer,
    little_text,
)

_HREF = re.compile(r"""(<a\s[^>]*?\bhref\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class Part:
    """One post: ``text`` is the exact text field sent; ``fields`` the network's other text fields."""

    text: str
    fields: dict[str, Any]
    count: Count


@dataclass(frozen=True, slots=True)
class Rendered:
    kind: str
    parts: tuple[Part, ...]

    def to_json(self) -> dict[str, Any]:
        """``{"kind": ..., "parts": [{"text": ..., **fields}]}`` (the shape of ``publisher render --json``)."""
        return {"kind": self.kind, "parts": [{"text": part.text, **part.fields} for part in self.parts]}


# A render is identified by the draft and how its links are tracked; the same key renders the same text.
_UtmKey = tuple[UtmTemplate, str, str, str] | None


def _rewriter(utm: _UtmKey) -> LinkRewriter | None:
    if utm is None:
        return None
    template, kind, channel, campaign = utm
    return lambda url: apply_utm(url, template, kind=kind, channel=channel, campaign=campaign)


@lru_cache(maxsize=8)
def _plain(markdown: str, utm: _UtmKey) -> str:
    """The plain text shared by Mastodon, Bluesky, X, Threads, LinkedIn and Matrix ``body``."""
    return Writer(_rewriter(utm)).write(parse(markdown).root)


def _hrefs(node: Node) -> set[str]:
    found: set[str] = set()
    stack: list[Node | str] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Node):
            if current.tag == "a" and "href" in current.attrs:
                found.add(current.attrs["href"].strip())
            stack.extend(current.children)
    return found


def _tracked_markdown(markdown: str, rewrite: LinkRewriter) -> str:
    """The Markdown source with tracking added to the links it makes (not to addresses in code)."""
    targets = _hrefs(parse(markdown).root)
    if not targets:
        return markdown
    pieces: list[str] = []
    last = 0
    for start, end in extract_urls(markdown):
        url = markdown[start:end]
        if url in targets:
            pieces += [markdown[last:start], rewrite(url)]
            last = end
    return "".join(pieces) + markdown[last:] if pieces else markdown


def _tracked_html(markup: str, rewrite: LinkRewriter) -> str:
    def replace(match: re.Match[str]) -> str:
        url = html.unescape(match.group(3))
        return match.group(1) + match.group(2) + html.escape(rewrite(url)) + match.group(2)

    return _HREF.sub(replace, markup)


def render(
    markdown: str,
    kind: str,
    *,
    split: bool = False,
    numbering: bool = False,
    limit: int | None = None,
    utm: UtmTemplate | None = None,
    channel: str = "",
    campaign: str = "",
) -> Rendered:
    """The draft ``markdown`` as ``kind``'s payload.

    With ``split`` (thread kinds only) the text becomes as many parts as it needs, each within the limit
    (``numbering``: "1/3" at the end of each, counted). Otherwise it is one part, even if too long (see
    :func:`~publisher.text.length_problems`). ``limit`` replaces the kind's default (e.g. a Mastodon instance's).
    ``utm`` adds tracking to every ``http(s)`` link; ``channel`` and ``campaign`` fill its placeholders.
    """
    info = kind_info(kind)
    check_limit(limit)
    key: _UtmKey = (utm, kind, channel, campaign) if utm is not None else None
    rewrite = _rewriter(key)
    if kind == "feed":
        text = _tracked_markdown(markdown, rewrite) if rewrite else markdown
        return _one(kind, text, {}, count(text, kind, limit=limit))
    if kind == "wordpress":
        document = parse(markdown)
        content = _tracked_html(document.html, rewrite) if rewrite else document.html
        return _one(kind, content, {"content": content}, count(content, kind, limit=limit))
    if kind == "telegram":
        text = TelegramWriter(rewrite).write(parse(markdown).root)
        return _one(kind, text, {"parse_mode": "HTML"}, count(text, kind, limit=limit))
    if kind == "discord":
        text = DiscordWriter(rewrite).write(parse(markdown).root)
        return _one(kind, text, {}, count(text, kind, limit=limit))
    plain = _plain(markdown, key)
    if kind == "matrix":
        formatted = MatrixHtmlWriter(rewrite).write(parse(markdown).root)
        size = matrix_size(plain, formatted)
        fields = {"format": "org.matrix.custom.html", "formatted_body": formatted}
        return _one(kind, plain, fields, Count(size, limit, info.unit, size, info.byte_limit))
    if kind == "linkedin":
        text = little_text(plain)
        return _one(kind, text, {}, count(text, kind, limit=limit))
    assert kind in THREAD_KINDS
    texts = split_thread(plain, kind, limit=limit, numbering=numbering) if split else [plain]
    parts = []
    for text in texts:
        extra: dict[str, Any] = {"facets": bluesky_facets(text)} if kind == "bluesky" else {}
        parts.append(Part(text, extra, count(text, kind, limit=limit)))
    return Rendered(kind, tuple(parts))


def _one(kind: str, text: str, fields: dict[str, Any], counted: Count) -> Rendered:
    return Rendered(kind, (Part(text, fields, counted),))
