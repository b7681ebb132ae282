"""Bluesky rich-text facets (app.bsky.richtext.facet) for the links, mentions and hashtags of a post's text."""

from __future__ import annotations

from typing import Any

from publisher.text._entities import entities_of
from publisher.text._unicode import graphemes, utf8_length

_MAX_TAG_GRAPHEMES = 64
_MAX_TAG_BYTES = 640


def bluesky_facets(text: str) -> list[dict[str, Any]]:
    """One facet per link, mention and hashtag, with UTF-8 byte offsets (start inclusive, end exclusive).

    A link written without ``https://`` gets it in ``uri``. A mention facet carries the ``handle`` (e.g.
    ``alice.bsky.social``); the connector resolves it to a DID when it publishes. Names that are no Bluesky handle
    (``@alice``, ``@alice@mastodon.social``) and tags over 64 graphemes or 640 bytes get no facet.
    """
    facets: list[dict[str, Any]] = []
    position = 0  # str index up to which ``offset`` counts the bytes
    offset = 0
    for entity in entities_of(text):
        feature: dict[str, str]
        if entity.kind == "url":
            uri = entity.value
            if not uri.lower().startswith(("http://", "https://")):
                uri = "https://" + uri
            feature = {"$type": "app.bsky.richtext.facet#link", "uri": uri}
        elif entity.kind == "mention":
            if "@" in entity.value or "." not in entity.value:
                continue
            feature = {"$type": "app.bsky.richtext.facet#mention", "handle": entity.value}
        else:
            if graphemes(entity.value) > _MAX_TAG_GRAPHEMES or utf8_length(entity.value) > _MAX_TAG_BYTES:
                continue
            feature = {"$type": "app.bsky.richtext.facet#tag", "tag": entity.value}
        offset += utf8_length(text[position : entity.start])
        start = offset
        offset += utf8_length(text[entity.start : entity.end])
        position = entity.end
        facets.append({"index": {"byteStart": start, "byteEnd": offset}, "features": [feature]})
    return facets
