"""Unicode measures the networks count in: grapheme clusters, UTF-16 code units, UTF-8 bytes, emoji sequences.

Every function takes any ``str``, including one with unpaired surrogates (which cannot be encoded as UTF-8 or
UTF-16): such a code point counts as one UTF-16 unit and three UTF-8 bytes, as ``surrogatepass`` encodes it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

import regex

_GRAPHEME = regex.compile(r"\X")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

# One emoji as twemoji-parser (which X uses) finds it, written with Unicode properties instead of a list, so that
# emoji newer than any list are found too: flags (two regional indicators), subdivision flags (black flag + tags),
# keycaps ("1️⃣"), ZWJ sequences ("👩‍💻"), and single emoji: a modifier base with a skin tone, an emoji with U+FE0F,
# or an emoji shown as emoji by default (not followed by U+FE0E). Characters that are text by default (©, ™, ☺)
# count as emoji only with U+FE0F, and a lone U+FE0F counts as one, as in twemoji-parser.
_SINGLE = (
    r"(?:\p{Emoji_Modifier_Base}\p{Emoji_Modifier}"
    r"|[\p{Emoji}--[\x00-\x7f]]\ufe0f"
    r"|\p{Emoji_Presentation}(?!\ufe0e)\p{Emoji_Modifier}?)"
)
_JOINED = r"(?:[\p{Extended_Pictographic}\p{Emoji}--[\x00-\x7f]][\ufe0f\p{Emoji_Modifier}]?)"
EMOJI = regex.compile(
    r"\p{Regional_Indicator}{2}"
    r"|\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f"
    r"|[#*0-9]\ufe0f?\u20e3"
    rf"|{_JOINED}(?:\u200d{_JOINED})+"
    rf"|{_SINGLE}"
    r"|\ufe0f",
    regex.V1,
)
# Quick test: every emoji sequence holds one of these (keycaps hold U+20E3).
_MAYBE_EMOJI = re.compile(r"[\u00a9\u00ae\u203c-\U0010ffff]")


def graphemes(text: str) -> int:
    """The number of extended grapheme clusters (what a reader sees as one character)."""
    return len(text) - len(non_starters(text))


def non_starters(text: str) -> list[int]:
    """Sorted indices of the code points that continue a grapheme cluster instead of starting one.

    Two ASCII characters always fall into two clusters (except CR LF), so only the stretches around non-ASCII text
    need the (slower) grapheme segmentation.
    """
    result: list[int] = []
    if "\r\n" in text:
        start = text.find("\r\n")
        while start != -1:
            result.append(start + 1)
            start = text.find("\r\n", start + 2)
    if text.isascii():
        return result
    size = len(text)
    for run in _NON_ASCII_RUN.finditer(text):
        # One ASCII character either side: a combining mark joins the one before, a prepended mark the one after.
        lo = max(run.start() - 1, 0)
        hi = min(run.end() + 1, size)
        for cluster in _GRAPHEME.finditer(text, lo, hi):
            result.extend(range(cluster.start() + 1, cluster.end()))
    if len(result) > 1:
        result = sorted(set(result))
    return result


def cluster_starts_between(text: str, start: int, end: int, skip: Sequence[int]) -> list[int]:
    """Indices in ``(start, end)`` where a new grapheme cluster begins; ``skip`` is ``non_starters(text)``."""
    lo = bisect_left(skip, start + 1)
    hi = bisect_left(skip, end)
    inner = set(skip[lo:hi])
    return [i for i in range(start + 1, end) if i not in inner]


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units (JavaScript's ``length``; Telegram's and LinkedIn's unit)."""
    if text.isascii():
        return len(text)
    return len(text) + len(_ASTRAL.findall(text))


def utf8_length(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def surrogates(text: str) -> int:
    """How many code points of ``text`` are surrogates (which no network accepts)."""
    if text.isascii():
        return 0
    return len(_SURROGATE.findall(text))


def emoji_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every emoji sequence, in Python ``str`` indices."""
    if text.isascii() or not _MAYBE_EMOJI.search(text):
        return []
    return [m.span() for m in EMOJI.finditer(text)]
