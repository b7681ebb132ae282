"""Media attached to a draft, and each network's rules for them (no I/O: see :mod:`publisher.media` for files).

:data:`MEDIA_LIMITS` holds, per channel kind, what a post may carry: how many files, which types, how many bytes
and pixels, whether the network takes alt text and how long it may be. Numbers marked *channels.md* come from the
team's API notes; the others from the platforms' public documentation as of 2026-11 (cited per kind). Servers
such as Mastodon, Matrix or WordPress may be configured differently: these are the defaults.

:func:`media_problems` checks a draft's media against one kind. Every problem is an ``error`` (the network would
refuse the post, or alt text, which is required by default, is missing) except ``media.alt_not_sent``, a
``warning`` that a network without alt text will drop the one given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

from publisher.domain.problems import Fix, Problem, Severity

MiB: Final = 1024 * 1024
MB: Final = 1_000_000

PNG: Final = "image/png"
JPEG: Final = "image/jpeg"
GIF: Final = "image/gif"
WEBP: Final = "image/webp"
MP4: Final = "video/mp4"
MOV: Final = "video/quicktime"
WEBM: Final = "video/webm"

IMAGE_TYPES: Final = frozenset((PNG, JPEG, GIF, WEBP))
VIDEO_TYPES: Final = frozenset((MP4, MOV, WEBM))
ALL_TYPES: Final = IMAGE_TYPES | VIDEO_TYPES
TYPE_NAMES: Final = {PNG: "PNG", JPEG: "JPEG", GIF: "GIF", WEBP: "WebP", MP4: "MP4", MOV: "MOV", WEBM: "WebM"}

IMAGE: Final = "image"
VIDEO: Final = "video"
ANIMATED: Final = "animated"  # an animated GIF or WebP: most networks treat it like a video


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """One image or video: what inspecting the file found, plus its alt text and, once stored, where it lives."""

    mime_type: str
    size: int  # bytes
    filename: str  # the name the user attached (no folders)
    width: int | None = None
    height: int | None = None
    duration_ms: int | None = None
    animated: bool = False
    alt_text: str | None = None
    sha256: str | None = None
    storage_path: str | None = None  # relative to the data directory, once in the media store
    position: int = 0

    @property
    def category(self) -> str:
        """``image`` or ``video``."""
        return VIDEO if self.mime_type.startswith("video/") else IMAGE

    @property
    def type_name(self) -> str:
        return TYPE_NAMES.get(self.mime_type, self.mime_type)

    def with_alt(self, alt_text: str | None) -> MediaInfo:
        text = (alt_text or "").strip()
        return replace(self, alt_text=text or None)

    def to_json(self) -> dict[str, Any]:
        return {
            "filename": self.filename,
            "mime_type": self.mime_type,
            "size": self.size,
            "width": self.width,
            "height": self.height,
            "duration_ms": self.duration_ms,
            "animated": self.animated,
            "alt_text": self.alt_text,
            "sha256": self.sha256,
            "position": self.position,
        }


@dataclass(frozen=True, slots=True)
class MediaLimits:
    """What one network takes per post. ``None`` means no limit (beyond Publisher's own 200 MiB per file).

    ``max_bytes`` and ``max_pixels`` are looked up by MIME type first, then by category (``image``/``video``).
    """

    max_count: int | None
    types: frozenset[str] = ALL_TYPES
    max_bytes: Mapping[str, int] = field(default_factory=dict)
    max_total_bytes: int | None = None
    max_pixels: Mapping[str, int] = field(default_factory=dict)
    max_width: int | None = None
    max_height: int | None = None
    max_side_sum: int | None = None  # width + height
    min_width: int | None = None
    min_aspect: float | None = None  # width / height
    max_aspect: float | None = None
    max_video_ms: int | None = None
    alt_for: frozenset[str] = frozenset((IMAGE, VIDEO))  # categories the network takes alt text for
    alt_max: int | None = None  # characters
    exclusive: frozenset[str] = frozenset()  # categories that must be a post's only media (video, animated)
    media_required: bool = False
    source: str = ""

    def bytes_limit(self, info: MediaInfo) -> int | None:
        return self.max_bytes.get(info.mime_type, self.max_bytes.get(info.category))

    def pixels_limit(self, info: MediaInfo) -> int | None:
        return self.max_pixels.get(info.mime_type, self.max_pixels.get(info.category))


DEFAULT_MEDIA_LIMITS: Final = MediaLimits(max_count=None, source="no documented limits: only Publisher's own")

MEDIA_LIMITS: Final[dict[str, MediaLimits]] = {
    "mastodon": MediaLimits(
        max_count=4,
        max_bytes={IMAGE: 16 * MiB, VIDEO: 99 * MiB},
        max_pixels={IMAGE: 33_177_600, VIDEO: 8_294_400},  # 7680×4320 and 3840×2160
        alt_max=1500,
        exclusive=frozenset((VIDEO, ANIMATED)),  # a video or GIFV cannot be combined with other media
        source="channels.md (description_limit 1500); Mastodon defaults in app/models/media_attachment.rb, "
        "reported per instance in /api/v2/instance configuration.media_attachments",
    ),
    "bluesky": MediaLimits(
        max_count=4,
        types=IMAGE_TYPES | {MP4},
        max_bytes={IMAGE: 2_000_000, VIDEO: 100_000_000},
        max_video_ms=180_000,
        alt_max=2000,
        exclusive=frozenset((VIDEO,)),
        source="channels.md (4 images, 2,000,000 bytes, alt required); app.bsky.embed.video lexicon (mp4, "
        "100 MB, one video); Bluesky app (alt ≤ 2000 characters, video ≤ 3 min)",
    ),
    "x": MediaLimits(
        max_count=4,
        types=IMAGE_TYPES | {MP4, MOV},
        max_bytes={GIF: 15 * MiB, IMAGE: 5 * MiB, VIDEO: 512 * MiB},
        max_video_ms=140_000,
        alt_max=1000,
        exclusive=frozenset((VIDEO, ANIMATED)),
        source="channels.md (4 images or 1 video/GIF, alt ≤ 1000); X media best practices (5 MB images, "
        "15 MB GIF, 512 MB and 140 s video)",
    ),
    "linkedin": MediaLimits(
        max_count=20,
        types=frozenset((PNG, JPEG, GIF, MP4)),
        max_bytes={VIDEO: 500 * MB},
        max_pixels={IMAGE: 36_152_320},
        alt_max=4086,
        exclusive=frozenset((VIDEO,)),
        source="LinkedIn Images API (JPG, GIF, PNG; 36,152,320 pixels), Videos API (MP4 up to 500 MB), "
        "MultiImage API (up to 20 images), Posts API (altText up to 4086 characters)",
    ),
    "facebook": MediaLimits(
        max_count=10,
        types=frozenset((PNG, JPEG, GIF, WEBP, MP4, MOV)),
        max_bytes={IMAGE: 4 * MiB},
        exclusive=frozenset((VIDEO,)),
        source="Graph API Page photos (under 4 MB); one video per post via /{page-id}/videos; multi-photo count "
        "is not documented, 10 is a conservative choice",
    ),
    "instagram": MediaLimits(
        max_count=10,
        types=frozenset((JPEG, MP4, MOV)),
        max_bytes={IMAGE: 8 * MiB, VIDEO: 300 * MiB},
        min_width=320,
        min_aspect=4 / 5,
        max_aspect=1.91,
        alt_for=frozenset((IMAGE,)),
        media_required=True,
        source="channels.md (carousel ≤ 10, alt_text for images only); Instagram content publishing "
        "(JPEG only, 8 MB, width ≥ 320, aspect 4:5 to 1.91:1; Reels up to 300 MB)",
    ),
    "threads": MediaLimits(
        max_count=20,
        types=frozenset((PNG, JPEG, MP4, MOV)),
        max_bytes={IMAGE: 8 * MiB, VIDEO: 1024 * MiB},
        min_width=320,
        min_aspect=1 / 10,
        max_aspect=10.0,
        max_video_ms=300_000,
        alt_max=1000,
        source="channels.md (alt_text, carousels); Threads media specifications (JPEG/PNG ≤ 8 MB, width ≥ 320, "
        "aspect up to 10:1, carousels of up to 20, video ≤ 1 GB and 5 min, alt text ≤ 1000)",
    ),
    "telegram": MediaLimits(
        max_count=10,
        max_bytes={IMAGE: 10 * MB, VIDEO: 50 * MB},
        max_side_sum=10_000,
        min_aspect=1 / 20,
        max_aspect=20.0,
        alt_for=frozenset(),
        source="channels.md (media groups of 2-10, no alt text); Bot API sendPhoto (≤ 10 MB, width + height "
        "≤ 10000, ratio ≤ 20) and the 50 MB upload limit for other files",
    ),
    "discord": MediaLimits(
        max_count=10,
        max_total_bytes=10 * MiB,
        alt_max=1024,
        source="channels.md (attachments[].description = alt text); Discord: 10 attachments per message, "
        "10 MiB per message on servers without boosts, description ≤ 1024",
    ),
    "matrix": MediaLimits(
        max_count=None,
        max_bytes={IMAGE: 50 * MiB, VIDEO: 50 * MiB},
        source="channels.md (one m.image event per file); Synapse's default max_upload_size 50M "
        "(a server reports its own in m.upload.size)",
    ),
    "wordpress": MediaLimits(
        max_count=None,
        source="channels.md (media endpoint with alt_text); no limits in core, the server's upload_max_filesize",
    ),
    "feed": MediaLimits(max_count=None, source="local folder: no limits"),
}

KIND_NAMES: Final = {
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "x": "X",
    "linkedin": "LinkedIn",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "threads": "Threads",
    "telegram": "Telegram",
    "discord": "Discord",
    "matrix": "Matrix",
    "wordpress": "WordPress",
    "feed": "The feed",
}


def limits_for(kind: str) -> MediaLimits:
    """The limits of a channel kind; a kind Publisher has no notes on (a third-party connector) gets none but
    Publisher's own, and alt text is still required."""
    return MEDIA_LIMITS.get(kind, DEFAULT_MEDIA_LIMITS)


def media_problems(
    items: Sequence[MediaInfo | tuple[MediaInfo, str | None]], kind: str, *, alt_required: bool = True
) -> list[Problem]:
    """Every way ``media`` (in post order, with alt text) breaks ``kind``'s rules. Item problems carry ``index``.

    An item is a :class:`MediaInfo` with its ``alt_text``, or a pair ``(info, alt text)``.
    """
    media = [_with_alt(item) for item in items]
    limits = limits_for(kind)
    network = KIND_NAMES.get(kind, kind)
    base: dict[str, Any] = {"kind": kind, "network": network}
    problems: list[Problem] = []

    def add(code: str, severity: Severity = Severity.ERROR, fix: Fix | None = None, **params: Any) -> None:
        problems.append(Problem(code, severity, {**base, **params}, fix))

    if limits.media_required and not media:
        add("media.required")
    if limits.max_count is not None and len(media) > limits.max_count:
        add("media.too_many", count=len(media), max=limits.max_count)
    if len(media) > 1:
        for index, info in enumerate(media):
            category = ANIMATED if info.animated and ANIMATED in limits.exclusive else info.category
            if category in limits.exclusive:
                label = "animated image" if category == ANIMATED else category
                add("media.must_be_alone", index=index, filename=info.filename, category=label)
                break
    total = 0
    for index, info in enumerate(media):
        item: dict[str, Any] = {"index": index, "filename": info.filename}
        total += info.size
        if info.mime_type not in limits.types:
            allowed = ", ".join(sorted(TYPE_NAMES.get(t, t) for t in limits.types))
            add("media.type_not_allowed", **item, type=info.type_name, allowed=allowed)
        max_bytes = limits.bytes_limit(info)
        if max_bytes is not None and info.size > max_bytes:
            add(
                "media.too_big",
                **item,
                size=info.size,
                max=max_bytes,
                size_human=human_size(info.size),
                max_human=human_size(max_bytes),
            )
        problems.extend(_dimension_problems(info, limits, {**base, **item}))
        if info.duration_ms is not None and limits.max_video_ms is not None and info.duration_ms > limits.max_video_ms:
            add(
                "media.too_long_video",
                **item,
                duration_ms=info.duration_ms,
                max_ms=limits.max_video_ms,
                seconds=round(info.duration_ms / 1000),
                max_seconds=limits.max_video_ms // 1000,
            )
        alt = (info.alt_text or "").strip()
        if info.category in limits.alt_for:
            if not alt and alt_required:
                add("media.alt_missing", **item)
            elif limits.alt_max is not None and len(alt) > limits.alt_max:
                add(
                    "media.alt_too_long",
                    fix=Fix("shorten_alt", {"index": index, "max": limits.alt_max}),
                    **item,
                    length=len(alt),
                    max=limits.alt_max,
                )
        elif alt:
            add("media.alt_not_sent", Severity.WARNING, **item)
    if limits.max_total_bytes is not None and total > limits.max_total_bytes:
        add(
            "media.total_too_big",
            size=total,
            max=limits.max_total_bytes,
            size_human=human_size(total),
            max_human=human_size(limits.max_total_bytes),
        )
    return problems


def _with_alt(item: MediaInfo | tuple[MediaInfo, str | None]) -> MediaInfo:
    if isinstance(item, MediaInfo):
        return item
    info, alt = item
    return info.with_alt(alt)


def _dimension_problems(info: MediaInfo, limits: MediaLimits, params: dict[str, Any]) -> list[Problem]:
    if info.width is None or info.height is None or info.width <= 0 or info.height <= 0:
        return []
    width, height = info.width, info.height
    problems: list[Problem] = []

    def add(code: str, **more: Any) -> None:
        problems.append(Problem(code, Severity.ERROR, {**params, "width": width, "height": height, **more}))

    too_wide = limits.max_width is not None and width > limits.max_width
    too_high = limits.max_height is not None and height > limits.max_height
    too_long = limits.max_side_sum is not None and width + height > limits.max_side_sum
    if too_wide or too_high or too_long:
        if limits.max_side_sum is not None and not (too_wide or too_high):
            max_width, max_height = _fit_sum(width, height, limits.max_side_sum)
        else:
            max_width, max_height = limits.max_width or width, limits.max_height or height
        add("media.dimensions_too_large", max_width=max_width, max_height=max_height)
    max_pixels = limits.pixels_limit(info)
    if max_pixels is not None and width * height > max_pixels:
        add("media.too_many_pixels", pixels=width * height, max_pixels=max_pixels)
    if limits.min_width is not None and width < limits.min_width:
        add("media.too_small", min_width=limits.min_width)
    ratio = width / height
    # A little tolerance: 1080×1350 is exactly 4:5 but 0.8 is not exact in binary.
    if (limits.min_aspect is not None and ratio < limits.min_aspect - 1e-6) or (
        limits.max_aspect is not None and ratio > limits.max_aspect + 1e-6
    ):
        add(
            "media.bad_aspect_ratio",
            ratio=f"{ratio:.2f}",
            min_ratio=f"{limits.min_aspect:.2f}" if limits.min_aspect is not None else "0",
            max_ratio=f"{limits.max_aspect:.2f}" if limits.max_aspect is not None else "∞",
        )
    return problems


def _fit_sum(width: int, height: int, total: int) -> tuple[int, int]:
    """The largest size with the same shape whose sides add up to at most ``total``."""
    scale = total / (width + height)
    return int(width * scale), int(height * scale)


def human_size(size: int) -> str:
    """``2.5 MB``, ``980 KB``: binary units, as file managers on Windows show them."""
    if size >= MiB:
        value = f"{size / MiB:.1f}".removesuffix(".0")
        return f"{value} MB"
    if size >= 1024:
        return f"{size // 1024} KB"
    return f"{size} bytes"
