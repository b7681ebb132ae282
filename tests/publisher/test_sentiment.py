"""Offline sentiment, English and German, with the words that tipped it."""

from __future__ import annotations

import pytest

from publisher.domain.sentiment import analyse


@pytest.mark.parametrize(
    ("text", "label", "words"),
    [
        ("This is great, thanks!", "positive", ("great", "thanks")),
        ("Not good at all.", "negative", ("not good",)),
        ("I don't like the new update", "negative", ("don't like",)),
        ("The app is very slow and keeps crashing. Terrible!", "negative", ("very slow", "terrible")),
        ("Not bad, actually", "positive", ("not bad",)),
        ("When does the shop open?", "neutral", ()),
        ("Das ist wirklich toll, danke!", "positive", ("wirklich toll", "danke")),
        ("Das ist nicht gut.", "negative", ("nicht gut",)),
        ("Kein guter Service", "negative", ("kein guter",)),
        ("Das gefällt mir nicht", "negative", ("gefällt mir nicht",)),
        ("Ich bin enttäuscht, die Lieferung ist kaputt", "negative", ("enttäuscht", "kaputt")),
        ("Wann öffnet der Laden?", "neutral", ()),
    ],
)
def test_sentiment_with_the_words_that_tipped_it(text, label, words):
    result = analyse(text)
    assert (result.label, result.words) == (label, words)
    assert -1 < result.score < 1
    assert (result.score > 0) == (label == "positive") and (result.score < 0) == (label == "negative")


def test_a_negation_does_not_reach_into_the_next_sentence():
    assert analyse("Not today. Great work!").words == ("great",)


def test_balanced_words_are_neutral_but_still_explained():
    result = analyse("good but bad")
    assert (result.label, result.words) == ("neutral", ("good", "bad"))


def test_a_negator_belongs_to_the_word_after_it_not_to_the_one_before():
    assert analyse("Die Lieferung ist kaputt, nicht gut").words == ("kaputt", "nicht gut")
    assert analyse("Die Lieferung kam kaputt nicht gut an").label == "negative"


@pytest.mark.parametrize(
    ("text", "label", "words"),
    [
        ("I don’t like it", "negative", ("don't like",)),  # a typographic apostrophe reads as a plain one
        ("Great,not bad!", "positive", ("great", "not bad")),  # punctuation without a space still ends a clause
        ("Not today.Great", "positive", ("great",)),
        ("10/10 super service, 2nd time", "positive", ("super",)),  # digits are no words
        ("SEHR GUT!!!", "positive", ("sehr gut",)),
        ("Schön", "positive", ("schön",)),
        ("", "neutral", ()),
    ],
)
def test_words_are_found_whatever_the_spacing_case_and_apostrophes(text, label, words):
    result = analyse(text)
    assert (result.label, result.words) == (label, words)
