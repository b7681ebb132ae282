"""Brand profiles and the brand check.

A :class:`BrandProfile` holds a workspace's voice and look: per-channel signatures and hashtag sets, banned words
and required wording (e.g. a disclosure such as ``#Anzeige``), an emoji policy, a maximum of exclamation marks, a
rule against ALL-CAPS words, UTM templates and an image frame or watermark.

:func:`brand_check` checks one draft or variant (its Markdown source) and returns :class:`Problem` values: an
``error`` blocks scheduling, a ``warning`` does not. Where the remedy is mechanical a problem carries a
:class:`Fix` that :func:`apply_fix` applies to the Markdown.

Severities, and why:

- ``brand.banned_word``, ``brand.required_missing``: errors. They are the rules brands and law care about
  (a missing ad disclosure is a legal risk), so they must stop a post.
- ``brand.emoji_forbidden``: error. A profile that *forbids* emoji states a hard rule (a bank, a public
  authority); ``emoji="limit"`` is the soft variant and gives the warning ``brand.too_many_emoji``.
- ``brand.signature_missing``, ``brand.hashtags_missing``, ``brand.too_many_exclamations``, ``brand.all_caps``:
  warnings: matters of style the author may knowingly override.

Matching rules: words and phrases match case-insensitively with full case folding (``ß`` matches ``SS``), as
whole words with Unicode-aware boundaries (``Über`` is one word; ``über`` in ``übermorgen`` is not a match),
whether the text's umlauts are composed or decomposed (NFC or NFD). Runs of white space in a phrase match any
run of white space. Words inside URLs and link targets are not checked (a fix there would break the link).

Per-channel settings (``signatures``, ``hashtags``) are looked up by the channel's name, then its kind, then
``"*"``; the first key present wins, so an empty signature for ``"x"`` switches the ``"*"`` signature off there.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final, Literal, cast, get_args

import regex

from publisher.domain._brand_messages import BRAND_MESSAGES
from publisher.domain.problems import Fix, Problem, Severity
from publisher.errors import InputError

__all__ = [
    "BRAND_MESSAGES",
    "DEFAULT_CAPS_EXCEPTIONS",
    "FORMAT_VERSION",
    "BrandProfile",
    "EmojiPolicy",
    "ImageFrame",
    "WatermarkPosition",
    "apply_fix",
    "brand_check",
    "count_emoji",
    "count_exclamations",
]

FORMAT_VERSION: Final = 1

EmojiPolicy = Literal["allow", "limit", "forbid"]
WatermarkPosition = Literal["top-left", "top-right", "bottom-left", "bottom-right", "center"]
EMOJI_POLICIES: Final[tuple[str, ...]] = get_args(EmojiPolicy)
WATERMARK_POSITIONS: Final[tuple[str, ...]] = get_args(WatermarkPosition)
UTM_KEYS: Final = ("source", "medium", "campaign", "term", "content")
UTM_REQUIRED: Final = ("source", "medium", "campaign")

MAX_NAME = 200
MAX_KEY = 100
MAX_SIGNATURE = 1000
MAX_WORD = 200
MAX_LIST = 500
MAX_UTM_VALUE = 500
MAX_WATERMARK_TEXT = 200
MAX_PATH = 4096

# Acronyms that are written in capitals anyway; a profile may replace the list.
DEFAULT_CAPS_EXCEPTIONS: Final[tuple[str, ...]] = (
    "ASAP",
    "COVID",
    "DSGVO",
    "GDPR",
    "HTML",
    "HTTP",
    "HTTPS",
    "IBAN",
    "JPEG",
    "JSON",
    "NASA",
    "NATO",
    "UNESCO",
    "UNICEF",
)

_FLAGS = regex.V1 | regex.IGNORECASE  # V1 turns on full case folding: "ß" matches "SS", "STRASSE" matches "Straße"
_WORD_CHAR = regex.compile(r"\w")
_HEX_COLOUR = regex.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_HASHTAG_BODY = regex.compile(r"\w+")
_HASHTAG_LINE = regex.compile(r"(?:#\w+[ \t]*)+")

# Places in Markdown where words are not prose: URLs, autolinks, link targets, e-mail addresses, code.
_URLS = regex.compile(
    r"(?:https?://|www\.)[^\s<>\[\]]+[^\s<>\[\].,;:!?'\")]"  # bare URLs, without trailing punctuation
    r"|<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s>]+>"  # <https://…> autolinks
    r"|\]\([^)\n]*\)"  # ](target "title")
    r"|\[[^\]\n]*\]:[ \t]*\S+"  # [ref]: target
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail addresses
)
_CODE = regex.compile(r"```.*?(?:```|\Z)|~~~.*?(?:~~~|\Z)|`[^`\n]+`", regex.DOTALL)
_TAGS_AND_MENTIONS = regex.compile(r"(?<![\w#@])[#@]\w[\w.@-]*")
_CAPS_CANDIDATE = regex.compile(r"[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*")
_EXCLAMATION = regex.compile(r"!(?!\[)|！|‼|⁉")
_EXCLAMATION_RUN = regex.compile(r"[!！‼]{2,}(?!\[)|‼")
_GRAPHEME = regex.compile(r"\X")
_EMOJI_IN_CLUSTER = regex.compile(
    r"\p{Emoji_Presentation}|\p{Regional_Indicator}|\u20E3|\p{Extended_Pictographic}(?=.*\uFE0F)"
    r"|[\U0001F000-\U0001FAFF]",
    regex.DOTALL,
)
_EMOJI_CANDIDATE = regex.compile(r"\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3")


# -- the profile -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImageFrame:
    """A border and/or a watermark put on images when they are uploaded (see :func:`publisher.media.apply_frame`)."""

    border_width: int = 0  # pixels on each side
    border_color: str = "#ffffff"
    watermark_text: str | None = None
    watermark_image: str | None = None  # a path to a PNG/JPEG/GIF/WebP file
    position: WatermarkPosition = "bottom-right"
    opacity: float = 0.5  # of the watermark, 0 (invisible) to 1
    text_color: str = "#ffffff"
    scale: float = 0.25  # the watermark's width as a share of the image's width

    def __post_init__(self) -> None:
        _check_int("frame.border_width", self.border_width, 0, 1000)
        _set(self, "border_color", _colour("frame.border_color", self.border_color))
        _set(self, "text_color", _colour("frame.text_color", self.text_color))
        text = _optional_text("frame.watermark_text", self.watermark_text, MAX_WATERMARK_TEXT)
        image = _optional_text("frame.watermark_image", self.watermark_image, MAX_PATH)
        if text and image:
            raise InputError("brand.two_watermarks")
        _set(self, "watermark_text", text)
        _set(self, "watermark_image", image)
        if self.position not in WATERMARK_POSITIONS:
            raise InputError(
                "brand.bad_field", field="frame.position", expected="one of " + ", ".join(WATERMARK_POSITIONS)
            )
        _check_number("frame.opacity", self.opacity, 0.0, 1.0)
        _check_number("frame.scale", self.scale, 0.01, 1.0)

    @property
    def has_watermark(self) -> bool:
        return bool(self.watermark_text or self.watermark_image)

    def to_json(self) -> dict[str, Any]:
        return {
            "border_width": self.border_width,
            "border_color": self.border_color,
            "watermark_text": self.watermark_text,
            "watermark_image": self.watermark_image,
            "position": self.position,
            "opacity": self.opacity,
            "text_color": self.text_color,
            "scale": self.scale,
        }

    @classmethod
    def from_json(cls, data: object) -> ImageFrame:
        obj = _object("frame", data)
        _no_unknown(obj, _FRAME_FIELDS, prefix="frame.")
        kwargs: dict[str, Any] = {}
        if "border_width" in obj:
            kwargs["border_width"] = _int("frame.border_width", obj["border_width"])
        for key in ("border_color", "text_color", "position"):
            if key in obj:
                kwargs[key] = _str(f"frame.{key}", obj[key])
        for key in ("watermark_text", "watermark_image"):
            if key in obj:
                kwargs[key] = None if obj[key] is None else _str(f"frame.{key}", obj[key])
        for key in ("opacity", "scale"):
            if key in obj:
                kwargs[key] = _number(f"frame.{key}", obj[key])
        return cls(**kwargs)


_FRAME_FIELDS = frozenset(
    ("border_width", "border_color", "watermark_text", "watermark_image", "position", "opacity", "text_color", "scale")
)


@dataclass(frozen=True, slots=True)
class BrandProfile:
    """One brand's rules. A new profile with only a name checks nothing; each setting switches one rule on."""

    name: str
    signatures: dict[str, str] = field(default_factory=dict)  # channel kind (or name, or "*") -> signature
    hashtags: dict[str, tuple[str, ...]] = field(default_factory=dict)  # channel kind (or name, or "*") -> tags
    banned_words: tuple[str, ...] = ()
    required: tuple[str, ...] = ()  # wording that must appear, e.g. "#Anzeige"
    emoji: EmojiPolicy = "allow"
    max_emoji: int = 3  # used when emoji == "limit"
    max_exclamations: int | None = None
    allow_all_caps: bool = True
    all_caps_min_length: int = 4  # words with at least this many letters, all capitals, are flagged
    caps_exceptions: tuple[str, ...] = DEFAULT_CAPS_EXCEPTIONS
    utm: dict[str, str | None] = field(default_factory=dict)  # source/medium/campaign/term/content templates
    frame: ImageFrame | None = None

    def __post_init__(self) -> None:
        name = _text("name", self.name).strip()
        if not name:
            raise InputError("brand.name_required")
        if len(name) > MAX_NAME:
            raise InputError("brand.name_too_long", max=MAX_NAME)
        _set(self, "name", name)
        signatures: dict[str, str] = {}
        for key, value in _mapping("signatures", self.signatures).items():
            key = _key("signatures", key)
            signatures[key] = _limited(f"signatures.{key}", _text(f"signatures.{key}", value).strip(), MAX_SIGNATURE)
        _set(self, "signatures", dict(sorted(signatures.items())))
        hashtags: dict[str, tuple[str, ...]] = {}
        for key, tags in _mapping("hashtags", self.hashtags).items():
            key = _key("hashtags", key)
            hashtags[key] = _dedupe(_hashtag(t) for t in _texts(f"hashtags.{key}", tags))
        _set(self, "hashtags", dict(sorted(hashtags.items())))
        _set(self, "banned_words", _words("banned_words", self.banned_words))
        _set(self, "required", _words("required", self.required))
        if self.emoji not in EMOJI_POLICIES:
            raise InputError("brand.bad_field", field="emoji", expected="one of " + ", ".join(EMOJI_POLICIES))
        _check_int("max_emoji", self.max_emoji, 0, 1000)
        if self.max_exclamations is not None:
            _check_int("max_exclamations", self.max_exclamations, 0, 1000)
        if not isinstance(self.allow_all_caps, bool):
            raise InputError("brand.bad_field", field="allow_all_caps", expected="true or false")
        _check_int("all_caps_min_length", self.all_caps_min_length, 2, 50)
        _set(self, "caps_exceptions", _words("caps_exceptions", self.caps_exceptions))
        utm: dict[str, str | None] = {}
        for key, value in _mapping("utm", self.utm).items():
            if key not in UTM_KEYS:
                raise InputError("brand.unknown_field", field=f"utm.{key}")
            text = _optional_text(f"utm.{key}", value, MAX_UTM_VALUE)
            if text is not None:
                utm[key] = text
        if utm:
            missing = [k for k in UTM_REQUIRED if k not in utm]
            if missing:
                raise InputError("brand.utm_incomplete", missing=", ".join(missing))
        _set(self, "utm", {k: utm.get(k) for k in UTM_KEYS} if utm else {})
        if self.frame is not None and not isinstance(self.frame, ImageFrame):
            raise InputError("brand.bad_field", field="frame", expected="an image frame")

    # -- per-channel look-ups --------------------------------------------------------------------------

    def signature_for(self, kind: str, channel: str = "") -> str:
        """The signature for a channel ("" when none applies)."""
        return _pick(self.signatures, kind, channel) or ""

    def hashtags_for(self, kind: str, channel: str = "") -> tuple[str, ...]:
        return _pick(self.hashtags, kind, channel) or ()

    # -- JSON ------------------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """A stable JSON shape (the keys are the field names, plus ``version``)."""
        return {
            "version": FORMAT_VERSION,
            "name": self.name,
            "signatures": dict(self.signatures),
            "hashtags": {k: list(v) for k, v in self.hashtags.items()},
            "banned_words": list(self.banned_words),
            "required": list(self.required),
            "emoji": self.emoji,
            "max_emoji": self.max_emoji,
            "max_exclamations": self.max_exclamations,
            "allow_all_caps": self.allow_all_caps,
            "all_caps_min_length": self.all_caps_min_length,
            "caps_exceptions": list(self.caps_exceptions),
            "utm": dict(self.utm),
            "frame": self.frame.to_json() if self.frame is not None else None,
        }

    @classmethod
    def from_json(cls, data: object) -> BrandProfile:
        """Reads :meth:`to_json`'s shape. Missing settings take their defaults; anything else wrong raises
        :class:`InputError` (``brand.bad_json``, ``brand.unknown_field``, ``brand.bad_field``, …)."""
        obj = _object("profile", data)
        _no_unknown(obj, _PROFILE_FIELDS)
        version = obj.get("version", FORMAT_VERSION)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise InputError("brand.bad_field", field="version", expected="a whole number")
        if version > FORMAT_VERSION:
            raise InputError("brand.version_too_new", version=version, supported=FORMAT_VERSION)
        if "name" not in obj:
            raise InputError("brand.name_required")
        kwargs: dict[str, Any] = {"name": _str("name", obj["name"])}
        if "signatures" in obj:
            kwargs["signatures"] = {
                k: _str(f"signatures.{k}", v) for k, v in _object("signatures", obj["signatures"]).items()
            }
        if "hashtags" in obj:
            kwargs["hashtags"] = {
                k: tuple(_str_list(f"hashtags.{k}", v)) for k, v in _object("hashtags", obj["hashtags"]).items()
            }
        for key in ("banned_words", "required", "caps_exceptions"):
            if key in obj:
                kwargs[key] = tuple(_str_list(key, obj[key]))
        if "emoji" in obj:
            kwargs["emoji"] = _str("emoji", obj["emoji"])
        for key in ("max_emoji", "all_caps_min_length"):
            if key in obj:
                kwargs[key] = _int(key, obj[key])
        if "max_exclamations" in obj:
            value = obj["max_exclamations"]
            kwargs["max_exclamations"] = None if value is None else _int("max_exclamations", value)
        if "allow_all_caps" in obj:
            if not isinstance(obj["allow_all_caps"], bool):
                raise InputError("brand.bad_field", field="allow_all_caps", expected="true or false")
            kwargs["allow_all_caps"] = obj["allow_all_caps"]
        if "utm" in obj:
            kwargs["utm"] = {
                k: None if v is None else _str(f"utm.{k}", v) for k, v in _object("utm", obj["utm"]).items()
            }
        if obj.get("frame") is not None:
            kwargs["frame"] = ImageFrame.from_json(obj["frame"])
        return cls(**kwargs)


_PROFILE_FIELDS = frozenset(
    (
        "version",
        "name",
        "signatures",
        "hashtags",
        "banned_words",
        "required",
        "emoji",
        "max_emoji",
        "max_exclamations",
        "allow_all_caps",
        "all_caps_min_length",
        "caps_exceptions",
        "utm",
        "frame",
    )
)


# -- the check ---------------------------------------------------------------------------------------------


def brand_check(text: str, *, kind: str, profile: BrandProfile, channel: str = "") -> list[Problem]:
    """Every way ``text`` (a draft's or variant's Markdown) breaks ``profile``'s rules for a channel of ``kind``.

    Errors come first, then warnings; within each group, in the order of the rules and of the text.
    """
    prose_only = _protected(text)
    no_tags = prose_only + _spans(_TAGS_AND_MENTIONS, text)
    problems: list[Problem] = []

    for word in profile.banned_words:
        for match in _find(word, text, skip=prose_only):
            problems.append(
                Problem(
                    "brand.banned_word",
                    Severity.ERROR,
                    {"word": match.group()},
                    Fix("remove_word", {"word": word}),
                    start=match.start(),
                    end=match.end(),
                )
            )
    for wording in profile.required:
        if not _contains(wording, text):
            problems.append(
                Problem("brand.required_missing", Severity.ERROR, {"text": wording}, Fix("append", {"text": wording}))
            )
    emoji = list(_emoji_spans(text)) if profile.emoji != "allow" else []
    if profile.emoji == "forbid" and emoji:
        first = emoji[0]
        problems.append(
            Problem(
                "brand.emoji_forbidden",
                Severity.ERROR,
                {"count": len(emoji)},
                Fix("remove_emoji", {"keep": 0}),
                start=first[0],
                end=first[1],
            )
        )

    signature = profile.signature_for(kind, channel)
    if signature and not _contains(signature, text):
        problems.append(
            Problem(
                "brand.signature_missing",
                Severity.WARNING,
                {"text": signature},
                Fix("add_signature", {"text": signature}),
            )
        )
    missing_tags = [tag for tag in profile.hashtags_for(kind, channel) if not _contains(tag, text)]
    if missing_tags:
        problems.append(
            Problem(
                "brand.hashtags_missing",
                Severity.WARNING,
                {"tags": " ".join(missing_tags)},
                Fix("add_hashtags", {"tags": missing_tags}),
            )
        )
    if profile.max_exclamations is not None:
        marks = _exclamations(text, prose_only)
        if len(marks) > profile.max_exclamations:
            start, end = marks[profile.max_exclamations]
            problems.append(
                Problem(
                    "brand.too_many_exclamations",
                    Severity.WARNING,
                    {"count": len(marks), "max": profile.max_exclamations},
                    Fix("reduce_exclamations", {"max": profile.max_exclamations}),
                    start=start,
                    end=end,
                )
            )
    if not profile.allow_all_caps:
        exceptions = {e.upper() for e in profile.caps_exceptions} | _own_capitals(profile)
        for match in _CAPS_CANDIDATE.finditer(text):
            word = match.group()
            if _is_all_caps(word, profile.all_caps_min_length) and word.upper() not in exceptions:
                if _overlaps(match.start(), match.end(), no_tags):
                    continue
                problems.append(
                    Problem(
                        "brand.all_caps",
                        Severity.WARNING,
                        {"word": word},
                        Fix("lowercase_word", {"word": word}),
                        start=match.start(),
                        end=match.end(),
                    )
                )
    if profile.emoji == "limit" and len(emoji) > profile.max_emoji:
        start, end = emoji[profile.max_emoji]
        problems.append(
            Problem(
                "brand.too_many_emoji",
                Severity.WARNING,
                {"count": len(emoji), "max": profile.max_emoji},
                Fix("remove_emoji", {"keep": profile.max_emoji}),
                start=start,
                end=end,
            )
        )
    return problems


def count_exclamations(text: str) -> int:
    """Exclamation marks in prose (not in URLs, code or the ``![`` of a Markdown image); ``‼`` counts two."""
    return len(_exclamations(text, _protected(text)))


def count_emoji(text: str) -> int:
    """Emoji as a reader sees them: a family, a flag or a skin-toned hand is one."""
    return sum(1 for _ in _emoji_spans(text))


# -- fixes -------------------------------------------------------------------------------------------------


def apply_fix(text: str, fix: Fix) -> str:
    """Applies one of the brand check's fixes to the Markdown ``text`` and returns the new text.

    Deterministic, and idempotent: applying a fix to its own result changes nothing. A fix that no longer
    applies (the word is gone, the signature is there) returns ``text`` unchanged.
    """
    handler = _FIXES.get(fix.code)
    if handler is None:
        raise InputError("brand.unknown_fix", code=fix.code)
    return handler(text, fix)


def _param(fix: Fix, name: str) -> Any:
    if name not in fix.params:
        raise InputError("brand.bad_fix", code=fix.code, param=name)
    return fix.params[name]


def _fix_remove_word(text: str, fix: Fix) -> str:
    word = str(_param(fix, "word"))
    for match in reversed(list(_find(word, text, skip=_protected(text)))):
        start, end = match.start(), match.end()
        while start > 0 and text[start - 1] in "#@":  # a banned hashtag goes with its #
            start -= 1
        before, after = text[:start], text[end:]
        line_start = before.rfind("\n") + 1
        if before.endswith((" ", "\t")) and before[line_start:].strip():
            before = before.rstrip(" \t")
            if after and after[0] not in " \t\n,.;:!?)]":
                before += " "
        elif after.startswith((" ", "\t")):
            after = after.lstrip(" \t")
        if before.endswith((",", ";", ":")) and (not after or after[0] in ".!?\n"):
            before = before[:-1]  # "gut, wirklich." loses its comma with the word
        text = before + after
    return text


def _fix_append(text: str, fix: Fix) -> str:
    wording = str(_param(fix, "text")).strip()
    if not wording or _contains(wording, text):
        return text
    single_tag = _HASHTAG_LINE.fullmatch(wording) is not None
    return _append_block(text, wording, join_hashtag_line=single_tag)


def _fix_add_signature(text: str, fix: Fix) -> str:
    signature = str(_param(fix, "text")).strip()
    if not signature or _contains(signature, text):
        return text
    return _append_block(text, signature, join_hashtag_line=False)


def _fix_add_hashtags(text: str, fix: Fix) -> str:
    tags = _param(fix, "tags")
    if isinstance(tags, str):
        tags = tags.split()
    missing = _dedupe(_hashtag(str(t)) for t in tags if not _contains(_hashtag(str(t)), text))
    if not missing:
        return text
    return _append_block(text, " ".join(missing), join_hashtag_line=True)


def _fix_reduce_exclamations(text: str, fix: Fix) -> str:
    limit = _param(fix, "max")
    if not isinstance(limit, int) or limit < 0:
        raise InputError("brand.bad_fix", code=fix.code, param="max")
    if len(_exclamations(text, _protected(text))) <= limit:
        return text
    # First runs collapse ("Wow!!!" becomes "Wow!"), then marks past the limit become full stops ("?!" loses its !).
    text = _replace_outside(_EXCLAMATION_RUN, text, _protected(text), lambda _match: "!")
    marks = _exclamations(text, _protected(text))
    for start, end in reversed(marks[limit:]):
        if text[start] == "⁉":
            replacement = "?"
        elif start > 0 and text[start - 1] in "?.!":
            replacement = ""
        else:
            replacement = "."
        text = text[:start] + replacement + text[end:]
    return text


def _fix_lowercase_word(text: str, fix: Fix) -> str:
    word = str(_param(fix, "word"))
    if not word:
        return text
    pattern = regex.compile(r"(?<![\w#@])" + regex.escape(word) + r"(?!\w)", regex.V1)
    skip = _protected(text)

    def lower(match: regex.Match[str]) -> str:
        low = match.group().lower()
        return low[:1].upper() + low[1:] if _starts_sentence(text, match.start()) else low

    return _replace_outside(pattern, text, skip, lower)


def _fix_remove_emoji(text: str, fix: Fix) -> str:
    keep = fix.params.get("keep", 0)
    if not isinstance(keep, int) or keep < 0:
        raise InputError("brand.bad_fix", code=fix.code, param="keep")
    spans = list(_emoji_spans(text))[keep:]
    for start, end in reversed(spans):
        before, after = text[:start], text[end:]
        if before.endswith(" ") and (not after or after[0] in " \n\t.,;:!?"):
            before = before[:-1]
        elif not before.strip() and after.startswith(" "):
            after = after[1:]
        text = before + after
    return text


_FIXES: dict[str, Callable[[str, Fix], str]] = {
    "remove_word": _fix_remove_word,
    "append": _fix_append,
    "add_signature": _fix_add_signature,
    "add_hashtags": _fix_add_hashtags,
    "reduce_exclamations": _fix_reduce_exclamations,
    "lowercase_word": _fix_lowercase_word,
    "remove_emoji": _fix_remove_emoji,
}


def _append_block(text: str, block: str, *, join_hashtag_line: bool) -> str:
    """Adds ``block`` as a new paragraph at the end; hashtags join a closing line of hashtags instead."""
    trailing = "\n" if text.endswith("\n") else ""
    body = text.rstrip()
    if not body:
        return block + trailing
    last_line = body[body.rfind("\n") + 1 :]
    if join_hashtag_line and _HASHTAG_LINE.fullmatch(last_line.strip()):
        return f"{body} {block}{trailing}"
    return f"{body}\n\n{block}{trailing}"


# -- matching ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _phrase_pattern(phrase: str) -> regex.Pattern[str]:
    """A case-insensitive, whole-word pattern for ``phrase`` that matches NFC and NFD spellings alike."""
    phrase = unicodedata.normalize("NFC", phrase.strip())
    parts: list[str] = []
    previous_space = False
    for char in phrase:
        if char.isspace():
            if not previous_space:
                parts.append(r"\s+")
            previous_space = True
            continue
        previous_space = False
        decomposed = unicodedata.normalize("NFD", char)
        if decomposed == char:
            parts.append(regex.escape(char))
        else:
            parts.append(f"(?:{regex.escape(char)}|{regex.escape(decomposed)})")
    before = r"(?<!\w)" if phrase and _WORD_CHAR.match(phrase[0]) else ""
    after = r"(?!\w)" if phrase and _WORD_CHAR.match(phrase[-1]) else ""
    return regex.compile(before + "".join(parts) + after, _FLAGS)


def _find(phrase: str, text: str, *, skip: list[tuple[int, int]]) -> Iterator[regex.Match[str]]:
    if not phrase.strip():
        return
    for match in _phrase_pattern(phrase).finditer(text):
        if not _overlaps(match.start(), match.end(), skip):
            yield match


def _contains(phrase: str, text: str) -> bool:
    return _phrase_pattern(phrase).search(text) is not None


def _spans(pattern: regex.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _protected(text: str) -> list[tuple[int, int]]:
    return sorted(_spans(_URLS, text) + _spans(_CODE, text))


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _replace_outside(
    pattern: regex.Pattern[str],
    text: str,
    skip: list[tuple[int, int]],
    replacement: Callable[[regex.Match[str]], str],
) -> str:
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        if _overlaps(match.start(), match.end(), skip):
            continue
        out.append(text[last : match.start()])
        out.append(replacement(match))
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def _exclamations(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One (start, end) per exclamation mark; ``‼`` yields two entries for the same character."""
    marks: list[tuple[int, int]] = []
    for match in _EXCLAMATION.finditer(text):
        if _overlaps(match.start(), match.end(), skip):
            continue
        marks.append(match.span())
        if match.group() == "‼":
            marks.append(match.span())
    return marks


def _emoji_spans(text: str) -> Iterator[tuple[int, int]]:
    """Grapheme clusters that show as emoji: emoji-presentation pictographs, text-default ones followed by
    VS16 (``❤️`` but not ``™`` or ``©``), flags, keycaps, and anything in the supplementary emoji planes."""
    if _EMOJI_CANDIDATE.search(text) is None:
        return
    for cluster in _GRAPHEME.finditer(text):
        if _EMOJI_IN_CLUSTER.search(cluster.group()):
            yield cluster.span()


def _own_capitals(profile: BrandProfile) -> set[str]:
    """Words the profile itself writes in capitals (a brand name in its signature, a hashtag, required wording):
    the check does not flag them, and its fix would otherwise lower-case the signature it just added."""
    own = [*profile.signatures.values(), *profile.required]
    own += [tag for tags in profile.hashtags.values() for tag in tags]
    return {
        m.group().upper()
        for text in own
        for m in _CAPS_CANDIDATE.finditer(text)
        if _is_all_caps(m.group(), profile.all_caps_min_length)
    }


def _is_all_caps(word: str, min_letters: int) -> bool:
    letters = [c for c in word if c.isalpha()]
    if len(letters) < min_letters:
        return False
    # "ß" has no capital in common use, so "STRAßE" counts as written in capitals.
    return all(c.isupper() or c == "ß" for c in letters) and any(c.isupper() for c in letters)


def _starts_sentence(text: str, index: int) -> bool:
    i = index - 1
    while i >= 0 and text[i] in " \t*_#>\"'„“”«»(":
        i -= 1
    return i < 0 or text[i] in "\n.!?…"


# -- validation helpers ------------------------------------------------------------------------------------


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


def _pick(mapping: Mapping[str, Any], kind: str, channel: str) -> Any:
    for key in (channel, kind, "*"):
        if key and key in mapping:
            return mapping[key]
    return None


def _object(field: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        if field == "profile":
            raise InputError("brand.bad_json", expected="a JSON object")
        raise InputError("brand.bad_field", field=field, expected="a mapping")
    return cast(dict[str, Any], value)


def _mapping(field: str, value: object) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InputError("brand.bad_field", field=field, expected="a mapping")
    return cast(Mapping[str, Any], value)


def _no_unknown(obj: Mapping[str, Any], known: frozenset[str], prefix: str = "") -> None:
    for key in obj:
        if key not in known:
            raise InputError("brand.unknown_field", field=prefix + key)


def _str(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise InputError("brand.bad_field", field=field, expected="text")
    return value


_text = _str


def _str_list(field: str, value: object) -> list[str]:
    if not isinstance(value, list | tuple):
        raise InputError("brand.bad_field", field=field, expected="a list of texts")
    return [_str(field, v) for v in value]


def _texts(field: str, value: object) -> list[str]:
    if isinstance(value, str):  # a bare string would otherwise be taken letter by letter
        raise InputError("brand.bad_field", field=field, expected="a list of texts")
    return _str_list(field, value)


def _int(field: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InputError("brand.bad_field", field=field, expected="a whole number")
    return value


def _number(field: str, value: object) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise InputError("brand.bad_field", field=field, expected="a number")
    return float(value)


def _check_int(field: str, value: object, low: int, high: int) -> None:
    number = _int(field, value)
    if not low <= number <= high:
        raise InputError("brand.out_of_range", field=field, min=low, max=high, value=number)


def _check_number(field: str, value: object, low: float, high: float) -> None:
    number = _number(field, value)
    if not low <= number <= high:
        raise InputError("brand.out_of_range", field=field, min=low, max=high, value=number)


def _limited(field: str, value: str, limit: int) -> str:
    if len(value) > limit:
        raise InputError("brand.too_long", field=field, max=limit)
    return value


def _optional_text(field: str, value: object, limit: int) -> str | None:
    if value is None:
        return None
    text = _str(field, value).strip()
    return _limited(field, text, limit) if text else None


def _key(field: str, key: object) -> str:
    text = _str(f"{field} key", key).strip()
    if not text:
        raise InputError("brand.bad_field", field=field, expected="a channel kind, a channel name or *")
    return _limited(f"{field} key", text, MAX_KEY)


def _colour(field: str, value: object) -> str:
    text = _str(field, value).strip()
    if not _HEX_COLOUR.fullmatch(text):
        raise InputError("brand.bad_colour", field=field, value=text)
    if len(text) == 4:
        text = "#" + "".join(c * 2 for c in text[1:])
    return text.lower()


def _hashtag(tag: str) -> str:
    body = tag.strip().removeprefix("#")
    if not _HASHTAG_BODY.fullmatch(body) or len(body) > MAX_WORD:
        raise InputError("brand.bad_hashtag", tag=tag)
    return "#" + body


def _dedupe(values: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    result: list[str] = []
    for value in values:
        folded = unicodedata.normalize("NFC", value).casefold()
        if folded not in seen:
            seen.add(folded)
            result.append(value)
    return tuple(result)


def _words(field: str, values: object) -> tuple[str, ...]:
    words: list[str] = []
    items = _texts(field, values)
    if len(items) > MAX_LIST:
        raise InputError("brand.too_long", field=field, max=MAX_LIST)
    for value in items:
        word = value.strip()
        if not word:
            raise InputError("brand.bad_field", field=field, expected="words that are not empty")
        words.append(_limited(field, word, MAX_WORD))
    return _dedupe(words)
