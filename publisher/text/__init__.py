"""The text engine: one Markdown draft to every kind's exact payload, counted in each network's own unit.

No Qt here. The public API::

    KINDS, THREAD_KINDS, KindInfo, kind_info(kind)
    render(markdown, kind, *, split, numbering, limit, utm, channel, campaign) -> Rendered(kind, parts: (Part, ...))
    count(text, kind, *, limit) -> Count          # the payload text of one post
    split_thread(text, kind, *, limit, numbering) -> [str]
    extract_entities(text) -> [Entity]            # links, mentions, hashtags (str offsets)
    bluesky_facets(text) -> [dict]                # Bluesky rich-text facets (UTF-8 byte offsets; mentions by handle)
    graphemes(text) -> int
    UtmTemplate, apply_utm(url, template, *, kind, channel, campaign)
    length_problems(rendered) -> [Problem]        # messages: publisher.text.messages.TEXT_MESSAGES

An unknown kind raises ``InputError("text.unknown_kind")``. Nothing else raises on any text: empty, whitespace only,
invalid Markdown, a megabyte, unpaired surrogates (reported by :func:`length_problems`, never a crash).
"""

from __future__ import annotations

from publisher.text._counting import Count, count
from publisher.text._entities import Entity, extract_entities
from publisher.text._facets import bluesky_facets
from publisher.text._kinds import KINDS, THREAD_KINDS, KindInfo, kind_info
from publisher.text._problems import length_problems
from publisher.text._render import Part, Rendered, render
from publisher.text._split import split_thread
from publisher.text._unicode import graphemes
from publisher.text._utm import UtmTemplate, apply_utm

__all__ = [
    "KINDS",
    "THREAD_KINDS",
    "Count",
    "Entity",
    "KindInfo",
    "Part",
    "Rendered",
    "UtmTemplate",
    "apply_utm",
    "bluesky_facets",
    "count",
    "extract_entities",
    "graphemes",
    "kind_info",
    "length_problems",
    "render",
    "split_thread",
]
