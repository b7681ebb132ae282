"""Splitting a post's plain text into a thread whose every part fits.

Parts end at the strongest boundary that still leaves the part at least half full: a paragraph (blank line), then
a line break, then a sentence end, then any space. A single word longer than a part (a very long word, a run of
Japanese or Chinese without spaces) is cut between grapheme clusters, preferably after "。", "！" or "？", never
inside a link, mention or hashtag; a link, mention or hashtag longer than a part is left whole (and too long).

The search works on estimates from prefix sums (one pass over the text per kind, so a 3,000-character draft splits
in about a millisecond). They are exact for parts that begin and end at spaces, except for X on text that is not in
NFC; every other part (and every cut inside a word) is counted exactly and shortened if the estimate was off.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate

from publisher.errors import InputError
from publisher.text._counting import MASTODON_URL_LENGTH, check_limit, count, mastodon_entities
from publisher.text._entities import emoji_of, entities_of, urls_of
from publisher.text._kinds import KINDS, THREAD_KINDS, kind_info
from publisher.text._twitter import HEAVY, V3, outside
from publisher.text._unicode import cluster_starts_between, graphemes, non_starters, utf8_length

_WORD = re.compile(r"\S+")
_NEWLINES = re.compile(r"\s*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…。！？‼⁇⁈⁉][\"'”’»)\]]*(?=\s|\Z)")
_CJK_STOPS = frozenset("。！？")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_PARAGRAPH, _LINE, _SENTENCE, _WORD_BREAK = 4, 3, 2, 1
_HEADING_LENGTH = 80
X_URL_LENGTH = V3.transformed_url_length


class _Meter:
    """Estimated length of ``text[a:b]`` in a kind's unit (and in UTF-8 bytes): per code point 1, plus deltas."""

    def __init__(self, text: str, kind: str) -> None:
        deltas: dict[int, int] = {}
        if kind in ("mastodon", "bluesky"):
            deltas = dict.fromkeys(non_starters(text), -1)
        if kind == "mastodon":
            for entity in mastodon_entities(text):
                span = text[entity.start : entity.end]
                counted = MASTODON_URL_LENGTH if entity.kind == "url" else graphemes("@" + entity.value.split("@")[0])
                _replace(deltas, entity.start, entity.end, counted - len(span))
        elif kind == "x":
            deltas = dict.fromkeys((m.start() for m in HEAVY.finditer(text)), 1)
            urls = urls_of(text)
            for start, end in urls:
                _replace(deltas, start, end, X_URL_LENGTH - (end - start))
            for start, end in outside(emoji_of(text), urls):
                _replace(deltas, start, end, 2 - (end - start))
        elif kind == "threads":
            for start, end in emoji_of(text):
                span = text[start:end]
                _replace(deltas, start, end, utf8_length(span) - len(span))
        self._positions, self._sums = _prefix(deltas)
        self._byte_positions: list[int] = []
        self._byte_sums: list[int] = [0]
        if kind_info(kind).byte_limit is not None and not text.isascii():
            extra = {m.start(): utf8_length(m.group()) - 1 for m in _NON_ASCII.finditer(text)}
            self._byte_positions, self._byte_sums = _prefix(extra)

    def length(self, start: int, end: int) -> int:
        return end - start + _between(self._positions, self._sums, start, end)

    def bytes(self, start: int, end: int) -> int:
        return end - start + _between(self._byte_positions, self._byte_sums, start, end)


def _replace(deltas: dict[int, int], start: int, end: int, delta: int) -> None:
    """Count ``[start, end)`` as one unit: drop the deltas inside, put the unit's delta at its start (the unit's
    count minus its code points, which the meter counts 1 each)."""
    for index in range(start, end):
        deltas.pop(index, None)
    deltas[start] = delta


def _prefix(deltas: dict[int, int]) -> tuple[list[int], list[int]]:
    positions = sorted(deltas)
    return positions, [0, *accumulate(deltas[p] for p in positions)]


def _between(positions: list[int], sums: list[int], start: int, end: int) -> int:
    return sums[bisect_left(positions, end)] - sums[bisect_left(positions, start)]


class _Splitter:
    def __init__(self, text: str, kind: str, budget: int, byte_budget: int | None) -> None:
        self.text = text
        self.kind = kind
        self.budget = budget
        self.byte_budget = byte_budget
        self.meter = _Meter(text, kind)
        # The estimate is exact for a part between spaces (links, mentions, emoji and clusters never span one), except
        # where X normalises to NFC. A part that starts inside a word after a cut is counted exactly, always.
        self.exact = kind != "x" or unicodedata.is_normalized("NFC", text)
        self.cuts: set[int] = set()
        self.non_starters = non_starters(text)
        atoms = [list(match.span()) for match in _WORD.finditer(text)]
        continuing = frozenset(self.non_starters)
        if continuing:  # whitespace followed by a combining mark is one cluster: no break there
            merged: list[list[int]] = []
            for atom in atoms:
                if merged and atom[0] in continuing:
                    merged[-1][1] = atom[1]
                else:
                    merged.append(atom)
            atoms = merged
        self.atoms = atoms
        self.levels = self._levels()
        spans = [(e.start, e.end) for e in entities_of(text)]
        if kind == "mastodon":
            spans += [(e.start, e.end) for e in mastodon_entities(text)]
        self.entities = sorted(spans)
        self.entity_starts = [entity_start for entity_start, _ in self.entities]

    def _levels(self) -> list[int]:
        """The strength of the boundary after each atom but the last (most are plain spaces: found in bulk)."""
        text, atoms = self.text, self.atoms
        ends = {atom[1]: k for k, atom in enumerate(atoms[:-1])}
        levels = [_WORD_BREAK] * (len(atoms) - 1)
        for match in _SENTENCE_END.finditer(text):
            k = ends.get(match.end())
            if k is not None:
                levels[k] = _SENTENCE
        for match in _NEWLINES.finditer(text):
            k = ends.get(match.start())
            if k is not None:
                levels[k] = self._line_level(atoms[k], match.group().count("\n"), levels[k] == _SENTENCE)
        return levels

    def _line_level(self, atom: list[int], newlines: int, sentence_end: bool) -> int:
        """A line break or blank line after ``atom``; a line that leads into what follows stays with it: "What is
        new:" before a list, or a heading (a short one-line paragraph without a full stop, like "Why it matters")."""
        text = self.text
        end = atom[1]
        if text[end - 1] == ":":
            return _WORD_BREAK
        line_start = text.rfind("\n", 0, end) + 1
        if newlines >= 2 and not sentence_end and end - line_start <= _HEADING_LENGTH:
            before = line_start - 2  # the line is a paragraph of its own if a blank line (or nothing) precedes it
            while before >= 0 and text[before] in " \t":
                before -= 1
            if before < 0 or text[before] == "\n":
                return _WORD_BREAK
        return _PARAGRAPH if newlines >= 2 else _LINE

    def estimate_fits(self, start: int, end: int) -> bool:
        if self.meter.length(start, end) > self.budget:
            return False
        return self.byte_budget is None or self.meter.bytes(start, end) <= self.byte_budget

    def fits(self, start: int, end: int) -> bool:
        counted = count(self.text[start:end], self.kind, limit=self.budget)
        if counted.length > self.budget:
            return False
        return self.byte_budget is None or (counted.byte_length or 0) <= self.byte_budget

    def parts(self) -> list[str]:
        atoms = self.atoms
        parts: list[str] = []
        i = 0
        while i < len(atoms):
            start = atoms[i][0]
            # The most atoms that fit by the estimate (it only grows with more atoms).
            lo, hi = i, len(atoms)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if self.estimate_fits(start, atoms[mid - 1][1]):
                    lo = mid
                else:
                    hi = mid - 1
            end_atom = lo
            while end_atom > i:
                chosen = self._choose(i, end_atom)
                if (self.exact and start not in self.cuts) or self.fits(start, atoms[chosen - 1][1]):
                    parts.append(self.text[start : atoms[chosen - 1][1]])
                    i = chosen
                    break
                end_atom = chosen - 1  # the estimate was off: try an earlier boundary
            else:
                parts.append(self._cut(i))
        return parts

    def _choose(self, i: int, last: int) -> int:
        """Where to end a part of atoms ``i..last-1`` at the latest: the strongest boundary leaving it half full
        (the latest of equals), or if none does, the strongest of all."""
        if last == len(self.atoms):
            return last
        start = self.atoms[i][0]
        lo, hi = i + 1, last + 1  # the first end that fills half the budget (the estimate grows with the end)
        while lo < hi:
            mid = (lo + hi) // 2
            if 2 * self.meter.length(start, self.atoms[mid - 1][1]) >= self.budget:
                hi = mid
            else:
                lo = mid + 1
        first = lo if lo <= last else i + 1
        levels = self.levels
        return max(range(first, last + 1), key=lambda k: (levels[k - 1], k))

    def _cut(self, i: int) -> str:
        """The longest head of atom ``i`` that fits, cut between grapheme clusters outside entities; the atom keeps
        the rest."""
        start, end = self.atoms[i]
        # Look at a window that surely holds the cut: doubled until the estimate no longer fits at its end.
        window = min(end, start + 2 * self.budget + 8)
        while window < end and self.estimate_fits(start, window):
            window = min(end, start + 2 * (window - start))
        first = bisect_left(self.entity_starts, start)
        last = bisect_left(self.entity_starts, window)
        inside = self.entities[first:last]
        boundaries = [
            b for b in cluster_starts_between(self.text, start, window, self.non_starters) if not _within(b, inside)
        ]
        lo, hi = 0, len(boundaries)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.estimate_fits(start, boundaries[mid]):
                lo = mid + 1
            else:
                hi = mid
        cut = None
        for index in range(lo - 1, -1, -1):
            if self.fits(start, boundaries[index]):
                cut = index
                break
        if cut is not None:
            for index in range(cut, -1, -1):  # prefer the end of a sentence, if the part stays half full
                boundary = boundaries[index]
                if 2 * self.meter.length(start, boundary) < self.budget:
                    break
                if self.text[boundary - 1] in _CJK_STOPS:
                    cut = index
                    break
            position = boundaries[cut]
        else:  # not even one cluster or entity fits: take it anyway, the part will be too long
            whole = [entity_end for entity_start, entity_end in inside if entity_start == start]
            position = max(whole) if whole else (boundaries[0] if boundaries else window)
        self.atoms[i][0] = position
        self.cuts.add(position)
        if position >= end:
            del self.atoms[i]
            if i < len(self.levels):
                del self.levels[i]
            elif self.levels:
                self.levels.pop()
        return self.text[start:position]


def _within(index: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < index < end for start, end in spans)


def split_thread(text: str, kind: str, *, limit: int | None = None, numbering: bool = False) -> list[str]:
    """Split already-rendered plain text into parts of a thread that each fit ``kind``'s limit (or ``limit``).

    Text that fits stays one part. With ``numbering`` each part ends in a blank line and "1/3"; the numbers count
    against the limit. Whitespace at the ends of each part is dropped; everything else is kept, in order.
    """
    info = kind_info(kind)
    if not info.threads:
        raise InputError("text.no_threads", kind=kind, known=", ".join(k for k in KINDS if k in THREAD_KINDS))
    check_limit(limit)
    return list(_split(text, kind, info.limit if limit is None else limit, numbering))


@lru_cache(maxsize=8)
def _split(text: str, kind: str, limit: int, numbering: bool) -> tuple[str, ...]:
    """Cached: the composer asks how many parts a draft needs (the problems' fix), then may split it."""
    text = text.strip()
    if count(text, kind, limit=limit).ok:
        return (text,)
    byte_limit = kind_info(kind).byte_limit
    digits = 1
    while True:
        budget, byte_budget = limit, byte_limit
        if numbering:  # room for the widest number, e.g. "\n\n99/99"
            reserve = count("\n\n" + "9" * digits + "/" + "9" * digits, kind)
            budget = max(limit - reserve.length, 1)
            if byte_budget is not None:
                byte_budget = max(byte_budget - (reserve.byte_length or 0), 1)
        parts = _Splitter(text, kind, budget, byte_budget).parts()
        if not numbering or len(parts) < 10**digits:
            break
        digits += 1
    if numbering and len(parts) > 1:
        parts = [f"{part}\n\n{number}/{len(parts)}" for number, part in enumerate(parts, 1)]
    return tuple(parts)
