"""The static text facts of each channel kind: unit, limits, threads."""

from __future__ import annotations

from dataclasses import dataclass

from publisher.errors import InputError

KINDS: tuple[str, ...] = (
    "mastodon",
    "bluesky",
    "x",
    "threads",
    "linkedin",
    "telegram",
    "matrix",
    "discord",
    "wordpress",
    "feed",
)
THREAD_KINDS: frozenset[str] = frozenset({"mastodon", "bluesky", "x", "threads"})


@dataclass(frozen=True, slots=True)
class KindInfo:
    """How one kind counts text.

    ``unit`` is what ``limit`` is counted in: ``graphemes`` (extended grapheme clusters), ``weighted`` (X's weighted
    length), ``characters`` (code points), ``bytes`` (UTF-8) or ``utf16`` (UTF-16 code units). ``byte_limit`` is a
    second limit in UTF-8 bytes that applies as well.
    """

    kind: str
    unit: str
    limit: int | None
    byte_limit: int | None
    threads: bool


_INFO: dict[str, KindInfo] = {
    info.kind: info
    for info in (
        # Grapheme clusters; every link counts 23, "@user@domain" counts as "@user". 500 unless the instance says
        # otherwise (/api/v2/instance configuration.statuses.max_characters): pass it as ``limit``.
        KindInfo("mastodon", "graphemes", 500, None, True),
        KindInfo("bluesky", "graphemes", 300, 3000, True),
        KindInfo("x", "weighted", 280, None, True),
        # 500 characters, where an emoji counts as many as its UTF-8 bytes.
        KindInfo("threads", "characters", 500, None, True),
        # About 3000 characters of "little" text, escapes included; LinkedIn's servers count in UTF-16 units (Java),
        # which is never less than characters.
        KindInfo("linkedin", "utf16", 3000, None, False),
        # 4096 characters of the visible text (after entity parsing), in UTF-16 code units.
        KindInfo("telegram", "utf16", 4096, None, False),
        # No character limit; the whole event may be 65,536 bytes. We count the JSON of body and formatted_body.
        KindInfo("matrix", "bytes", None, 65536, False),
        KindInfo("discord", "characters", 2000, None, False),
        KindInfo("wordpress", "characters", None, None, False),
        KindInfo("feed", "characters", None, None, False),
    )
}


def kind_info(kind: str) -> KindInfo:
    """The facts for ``kind``; an unknown kind is an :class:`~publisher.errors.InputError`."""
    try:
        return _INFO[kind]
    except (KeyError, TypeError):
        raise InputError("text.unknown_kind", kind=kind, known=", ".join(KINDS)) from None
