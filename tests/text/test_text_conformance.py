"""X's weighted length against twitter-text's own conformance suite, one test per case.

The suite (``validate.yml``, ``v3.json``, Apache License 2.0) is kept in ``data/twitter-text/`` as published, so the
tests run anywhere. ``WeightedTweetsCounterTest`` uses twitter-text's v2 configuration (v3 without emoji parsing),
``WeightedTweetsWithDiscountedEmojiCounterTest`` and ``UnicodeDirectionalMarkerCounterTest`` use v3, exactly as
twitter-text's own conformance runners do.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from publisher.text import count
from publisher.text._twitter import V2, V3, WeightConfig, parse_tweet, weighted_length

DATA = Path(__file__).parent / "data" / "twitter-text"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "conformance" / "twitter-text"

_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "/": "/", " ": " "}


def _unquote(scalar: str) -> str:
    """A YAML double-quoted scalar (the only kind of string the suite uses) to its text."""
    assert scalar.startswith('"') and scalar.endswith('"'), scalar[:40]

    def escape(match: re.Match[str]) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if code[0] in "xuU" and len(code) > 1 else _SIMPLE_ESCAPES[code]

    return _ESCAPE.sub(escape, scalar[1:-1])


def _value(raw: str) -> Any:
    if raw in ("true", "false"):
        return raw == "true"
    return int(raw)


def load_cases(group: str) -> list[tuple[str, str, dict[str, Any]]]:
    """``(description, text, expected)`` of every case in ``group`` of validate.yml (a tiny reader for its shape)."""
    cases: list[tuple[str, str, dict[str, Any]]] = []
    inside = False
    for line in (DATA / "validate.yml").read_text(encoding="utf-8").splitlines():
        if re.fullmatch(r"  \w+:", line):
            inside = line.strip() == f"{group}:"
            continue
        if not inside or not line.strip():
            continue
        key, _, raw = line.strip().removeprefix("- ").partition(": ")
        if line.startswith("    - description: "):
            cases.append((_unquote(raw), "", {}))
        elif key == "text":
            description, _, expected = cases[-1]
            cases[-1] = (description, _unquote(raw), expected)
        elif line.startswith("        "):
            cases[-1][2][key] = _value(raw)
    return cases


WEIGHTED = load_cases("WeightedTweetsCounterTest")
DISCOUNTED_EMOJI = load_cases("WeightedTweetsWithDiscountedEmojiCounterTest")
DIRECTIONAL = load_cases("UnicodeDirectionalMarkerCounterTest")


def _ids(cases: list[tuple[str, str, dict[str, Any]]]) -> list[str]:
    return [description for description, _, _ in cases]


def test_the_suite_was_read_whole() -> None:
    # A reader that silently dropped cases would make the parametrized tests below prove little.
    assert (len(WEIGHTED), len(DISCOUNTED_EMOJI), len(DIRECTIONAL)) == (20, 22, 2)
    for _, text, expected in WEIGHTED + DISCOUNTED_EMOJI + DIRECTIONAL:
        assert text
        assert set(expected) == {
            "weightedLength",
            "valid",
            "permillage",
            "displayRangeStart",
            "displayRangeEnd",
            "validRangeStart",
            "validRangeEnd",
        }


def _check(text: str, expected: dict[str, Any], config: WeightConfig) -> None:
    parsed = parse_tweet(text, config)
    assert {key: getattr(parsed, key) for key in expected} == expected
    assert weighted_length(text, config=config) == expected["weightedLength"]


@pytest.mark.parametrize(("description", "text", "expected"), WEIGHTED, ids=_ids(WEIGHTED))
def test_weighted_tweets_counter(description: str, text: str, expected: dict[str, Any]) -> None:
    _check(text, expected, V2)


@pytest.mark.parametrize(("description", "text", "expected"), DISCOUNTED_EMOJI, ids=_ids(DISCOUNTED_EMOJI))
def test_weighted_tweets_with_discounted_emoji_counter(description: str, text: str, expected: dict[str, Any]) -> None:
    _check(text, expected, V3)
    # What the composer shows for X is the same number.
    assert count(text, "x").length == expected["weightedLength"]
    assert count(text, "x").ok == expected["valid"]


@pytest.mark.parametrize(("description", "text", "expected"), DIRECTIONAL, ids=_ids(DIRECTIONAL))
def test_unicode_directional_marker_counter(description: str, text: str, expected: dict[str, Any]) -> None:
    _check(text, expected, V3)


def test_v3_configuration_is_the_published_one() -> None:
    published = json.loads((DATA / "v3.json").read_text(encoding="utf-8"))
    assert published == {
        "version": 3,
        "maxWeightedTweetLength": V3.max_weighted_tweet_length,
        "scale": V3.scale,
        "defaultWeight": V3.default_weight,
        "emojiParsingEnabled": V3.emoji_parsing_enabled,
        "transformedURLLength": V3.transformed_url_length,
        "ranges": [{"start": start, "end": end, "weight": weight} for start, end, weight in V3.ranges],
    }


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared conformance folder is not next to this checkout")
@pytest.mark.parametrize("name", ["validate.yml", "v3.json"])
def test_copy_matches_the_shared_suite(name: str) -> None:
    assert (DATA / name).read_bytes() == (SHARED / name).read_bytes()
