"""Link tracking: UTM parameters added to a post's links on the way out, never twice."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

_PLACEHOLDER = re.compile(r"\{(kind|channel|campaign)\}")
_FIELDS = ("source", "medium", "campaign", "term", "content")


@dataclass(frozen=True, slots=True)
class UtmTemplate:
    """The ``utm_*`` values for a brand or campaign. A value may hold ``{kind}``, ``{channel}`` and ``{campaign}``,
    filled in per post; a value that is ``None`` or ends up empty is left out."""

    source: str | None
    medium: str | None
    campaign: str | None
    term: str | None = None
    content: str | None = None

    @classmethod
    def from_mapping(cls, values: Mapping[str, str | None]) -> UtmTemplate | None:
        """From a brand's ``utm`` settings (source/medium/campaign/term/content); None when nothing is set."""
        given = {k: v for k, v in values.items() if v}
        if not given:
            return None
        return cls(
            source=given.get("source"),
            medium=given.get("medium"),
            campaign=given.get("campaign"),
            term=given.get("term"),
            content=given.get("content"),
        )


def utm_parameters(template: UtmTemplate, *, kind: str, channel: str = "", campaign: str = "") -> list[tuple[str, str]]:
    values = {"kind": kind, "channel": channel, "campaign": campaign}
    params = []
    for name in _FIELDS:
        raw = getattr(template, name)
        if raw is None:
            continue
        value = _PLACEHOLDER.sub(lambda m: values[m.group(1)], raw).strip()
        if value:
            params.append(("utm_" + name, value))
    return params


def apply_utm(url: str, template: UtmTemplate, *, kind: str, channel: str = "", campaign: str = "") -> str:
    """``url`` with the template's ``utm_*`` parameters added to its query.

    Only ``http(s)`` links with a host are changed. A link that already has any ``utm_`` parameter is left as it is
    (so tracking is never added twice, and never mixed with the author's own). The existing query and the fragment
    are kept exactly as written.
    """
    if not url.lower().startswith(("http://", "https://")):
        return url
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. a broken IPv6 host
        return url
    if not parts.netloc:
        return url
    base, hash_mark, fragment = url.partition("#")
    path, _, query = base.partition("?")
    if any(pair.split("=", 1)[0].lower().startswith("utm_") for pair in query.split("&")):
        return url
    params = utm_parameters(template, kind=kind, channel=channel, campaign=campaign)
    if not params:
        return url
    added = "&".join(f"{name}={quote(value, safe='')}" for name, value in params)
    query = f"{query}&{added}" if query and not query.endswith("&") else query + added
    return f"{path}?{query}{hash_mark}{fragment}"
