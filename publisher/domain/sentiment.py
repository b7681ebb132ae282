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

# A word (letters, perhaps with one inner apostrophe, "don't") or a run of clause punctuation: a negation does not
# reach past one. Typographic apostrophes are made plain before the text is split, so "don’t" reads as "don't".
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|[.!?;,:]+")
_CLAUSE_CHARS = frozenset(".!?;,:")
# Each listed word's polarity (positive minus negative weight), zeros left out: one look-up per word.
_POLARITY: dict[str, int] = {
    word: polarity
    for word in sorted(POSITIVE.keys() | NEGATIVE.keys())
    if (polarity := POSITIVE.get(word, 0) - NEGATIVE.get(word, 0))
}
_LEXICON = frozenset(POSITIVE) | frozenset(NEGATIVE)
_MAX_CHARS = 20_000  # long bodies: the start says enough, and scoring stays cheap


@dataclass(frozen=True, slots=True)
class Sentiment:
    score: float  # -1 (very negative) … 1 (very positive)
    label: str  # negative | neutral | positive
    words: tuple[str, ...]  # what tipped it, e.g. ("great", "not good")


NEUTRAL = Sentiment(0.0, NEUTRAL_LABEL, ())


def analyse(text: str) -> Sentiment:
    tokens = _tokens(text[:_MAX_CHARS].lower().replace("’", "'"))
    hits = [i for i, token in enumerate(tokens) if token in _POLARITY]
    if not hits:
        return NEUTRAL  # many messages: no listed word at all, nothing more to look at
    total = 0
    words: list[str] = []
    count = len(tokens)
    for i in hits:
        token = tokens[i]
        polarity = _POLARITY[token]
        shown = token
        # The words before it in its clause, at most NEGATION_WINDOW; the last negator among them flips it.
        low = i - NEGATION_WINDOW if i > NEGATION_WINDOW else 0
        negator = None
        if not NEGATORS.isdisjoint(tokens[low:i]):  # the common case, none, is one cheap test
            low = i
            while low > 0 and i - low < NEGATION_WINDOW and tokens[low - 1][0] not in _CLAUSE_CHARS:
                low -= 1
            negator = next((tokens[j] for j in range(i - 1, low - 1, -1) if tokens[j] in NEGATORS), None)
        if negator is not None:
            polarity = -polarity
            shown = " ".join(tokens[tokens.index(negator, low) : i + 1])
        elif (
            not NEGATORS_AFTER.isdisjoint(tokens[i + 1 : i + 3])
            and (after := _negated_after(tokens, i, count)) is not None
        ):  # "gefällt mir nicht"
            polarity = -polarity
            shown = " ".join(tokens[i : after + 1])
        elif i > 0 and tokens[i - 1] in INTENSIFIERS:
            polarity *= 2
            shown = f"{tokens[i - 1]} {token}"
        total += polarity
        words.append(shown)
    if total == 0:
        return Sentiment(0.0, NEUTRAL_LABEL, tuple(words))
    score = round(total / (abs(total) + 2), 3)  # saturates: one strong word ±0.5, many words towards ±1
    return Sentiment(score, POSITIVE_LABEL if total > 0 else NEGATIVE_LABEL, tuple(words))


def _tokens(text: str) -> list[str]:
    """``_TOKEN.findall(text)``, faster: no token spans white space, and a chunk of letters only is one word."""
    tokens: list[str] = []
    for chunk in text.split():
        if chunk.isalpha():
            tokens.append(chunk)
        else:
            tokens.extend(_TOKEN.findall(chunk))
    return tokens


def _negated_after(tokens: list[str], i: int, count: int) -> int | None:
    """The index of a German negator up to two words after ``tokens[i]``, in its clause, that negates it ("gefällt
    mir nicht"), if any. A negator right before a sentiment word negates that word instead ("kaputt nicht gut")."""
    for j in range(i + 1, min(count, i + 3)):
        following = tokens[j]
        if following[0] in _CLAUSE_CHARS:
            return None
        if following in NEGATORS_AFTER:
            # Punctuation after it is no listed word either, just as the end of the text.
            return None if j + 1 < count and tokens[j + 1] in _LEXICON else j
    return None
