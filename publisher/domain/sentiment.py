"""Offline sentiment of a message, English and German, from a small lexicon (:mod:`._sentiment_words`).

Explainable on purpose: the result carries the words that tipped it, with negations shown as written
("not good", "nicht gut"). No network, no model files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from publisher.domain._sentiment_words import (
    INTENSIFIERS,
    NEGATION_WINDOW,
    NEGATIVE,
    NEGATORS,
    NEGATORS_AFTER,
    POSITIVE,
)

POSITIVE_LABEL = "positive"
NEUTRAL_LABEL = "neutral"
NEGATIVE_LABEL = "negative"
LABELS = (NEGATIVE_LABEL, NEUTRAL_LABEL, POSITIVE_LABEL)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CLAUSE_END = re.compile(r"[.!?;,:]+")  # a negation does not reach past one
_MAX_CHARS = 20_000  # long bodies: the start says enough, and scoring stays cheap


@dataclass(frozen=True, slots=True)
class Sentiment:
    score: float  # -1 (very negative) … 1 (very positive)
    label: str  # negative | neutral | positive
    words: tuple[str, ...]  # what tipped it, e.g. ("great", "not good")


NEUTRAL = Sentiment(0.0, NEUTRAL_LABEL, ())


def analyse(text: str) -> Sentiment:
    total = 0
    words: list[str] = []
    for sentence in _CLAUSE_END.split(text[:_MAX_CHARS].lower()):
        tokens = [t.replace("’", "'") for t in _WORD.findall(sentence)]
        for i, token in enumerate(tokens):
            polarity = POSITIVE.get(token, 0) - NEGATIVE.get(token, 0)
            if polarity == 0:
                continue
            shown = token
            before = tokens[max(0, i - NEGATION_WINDOW) : i]
            negator = next((t for t in reversed(before) if t in NEGATORS), None)
            if negator is not None:
                polarity = -polarity
                shown = " ".join(tokens[tokens.index(negator, max(0, i - NEGATION_WINDOW)) : i + 1])
            elif (end := _negated_after(tokens, i)) is not None:  # "gefällt mir nicht"
                polarity = -polarity
                shown = " ".join(tokens[i : end + 1])
            elif i > 0 and tokens[i - 1] in INTENSIFIERS:
                polarity *= 2
                shown = f"{tokens[i - 1]} {token}"
            total += polarity
            words.append(shown)
    if not words or total == 0:
        return Sentiment(0.0, NEUTRAL_LABEL, tuple(words))
    score = round(total / (abs(total) + 2), 3)  # saturates: one strong word ±0.5, many words towards ±1
    return Sentiment(score, POSITIVE_LABEL if total > 0 else NEGATIVE_LABEL, tuple(words))


def _negated_after(tokens: list[str], i: int) -> int | None:
    """The index of a German negator up to two words after ``tokens[i]`` that negates it ("gefällt mir nicht"),
    if any. A negator right before a sentiment word negates that word instead ("kaputt nicht gut")."""
    for j in range(i + 1, min(len(tokens), i + 3)):
        if tokens[j] in NEGATORS_AFTER:
            following = tokens[j + 1] if j + 1 < len(tokens) else ""
            if following in POSITIVE or following in NEGATIVE:
                return None
            return j
    return None
