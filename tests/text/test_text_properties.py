"""Properties over any text (hypothesis): counters and renderers never raise; every facet's byte range decodes to
the text it annotates; splitting keeps every word in order and every part fits; the fast counters agree with the
reference ones."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publisher.text import (
    KINDS,
    THREAD_KINDS,
    UtmTemplate,
    apply_utm,
    count,
    extract_entities,
    graphemes,
    length_problems,
    render,
    split_thread,
)
from publisher.text._facets import bluesky_facets
from publisher.text._twitter import parse_tweet, weighted_length

SETTINGS = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# Any code point, unpaired surrogates included.
ANY_CHAR = st.characters(exclude_categories=())
# Pieces that exercise Markdown, links, mentions, hashtags, emoji and scripts without spaces.
PIECES = st.sampled_from(
    [
        "**bold**",
        "_em_",
        "`code`",
        "# ",
        "- ",
        "1. ",
        "> ",
        "```\n",
        "[a](https://example.com/x)",
        "<b>",
        "</b>",
        "<div>",
        "&amp;",
        "&#xD800;",
        "\\",
        "|",
        "---",
        "![i](http://e.com/i.png)",
        "[^1]",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "https://example.com/a_b?c=d#e",
        "example.com",
        "@alice",
        "@bob@mastodon.social",
        "@carol.bsky.social",
        "#tag",
        "#日本",
        "👨‍👩‍👧‍👦",
        "🇩🇪",
        "1️⃣",
        "e\u0301",
        "\u200d",
        "\ufe0f",
        "これは文です。",
        "ש",
        "\u202e",
    ]
)
DRAFTS = st.lists(st.one_of(PIECES, st.text(ANY_CHAR, max_size=8), st.just(" ")), max_size=40).map("".join)
# Plain text as the renderers produce it: words of any characters between spaces and line breaks.
WORD = st.one_of(PIECES.filter(lambda p: not p.isspace()), st.text(ANY_CHAR, min_size=1, max_size=12))
SEPARATOR = st.sampled_from([" ", " ", " ", "\n", "\n\n", ". ", "! ", ": \n"])
PLAIN = st.lists(st.tuples(WORD, SEPARATOR), max_size=60).map(lambda pairs: "".join(w + s for w, s in pairs))


@SETTINGS
@given(DRAFTS, st.sampled_from(KINDS), st.booleans())
def test_renderers_and_counters_never_raise(draft: str, kind: str, split: bool) -> None:
    utm = UtmTemplate(source="{kind}", medium="social", campaign="c")
    rendered = render(draft, kind, split=split, numbering=split, utm=utm)
    assert rendered.parts
    for part in rendered.parts:
        assert part.count.length >= 0
        assert count(part.text, kind).length >= 0
    problems = length_problems(rendered)
    assert all(problem.code.startswith("text.") for problem in problems)
    rendered.to_json()


@SETTINGS
@given(st.text(ANY_CHAR, max_size=200), st.sampled_from(KINDS))
def test_counting_any_text_never_raises(text: str, kind: str) -> None:
    counted = count(text, kind)
    assert counted.length >= 0
    assert (counted.byte_length is None) == (kind not in ("bluesky", "matrix"))


@SETTINGS
@given(PLAIN)
def test_every_facet_decodes_to_the_text_it_annotates(text: str) -> None:
    raw = text.encode("utf-8", "surrogatepass")
    entities = {(e.start, e.end) for e in extract_entities(text)}
    for facet in bluesky_facets(text):
        start, end = facet["index"]["byteStart"], facet["index"]["byteEnd"]
        before = raw[:start].decode("utf-8", "surrogatepass")
        covered = raw[start:end].decode("utf-8", "surrogatepass")
        assert (len(before), len(before) + len(covered)) in entities
        feature = facet["features"][0]
        if "uri" in feature:
            assert feature["uri"].endswith(covered.split("://")[-1])
        elif "handle" in feature:
            assert covered[1:] == feature["handle"]
        else:
            assert covered[1:] == feature["tag"]


def _unnumbered(part: str) -> str:
    head, _, tail = part.rpartition("\n\n")
    return head if head and regex.fullmatch(r"\d+/\d+", tail) else part


def _unsplittable(part: str, kind: str, limit: int) -> bool:
    """A part may only be too long if it is one piece that cannot be cut: one link, mention or hashtag, or one
    grapheme cluster (a letter with a thousand accents)."""
    text = _unnumbered(part)
    entities = extract_entities(text)
    return (len(entities) == 1 and (entities[0].start, entities[0].end) == (0, len(text))) or graphemes(text) == 1


@SETTINGS
@given(PLAIN, st.sampled_from(sorted(THREAD_KINDS)), st.integers(min_value=20, max_value=300), st.booleans())
def test_splitting_keeps_every_word_in_order_and_every_part_fits(
    text: str, kind: str, limit: int, numbering: bool
) -> None:
    parts = split_thread(text, kind, limit=limit, numbering=numbering)
    assert parts
    unnumbered = [_unnumbered(part) for part in parts] if len(parts) > 1 and numbering else parts
    # Nothing lost, nothing added, nothing reordered: the same characters apart from whitespace between parts.
    assert "".join("".join(part.split()) for part in unnumbered) == "".join(text.split())
    for part in parts:
        assert part == part.strip() or not part.strip()
        assert count(part, kind, limit=limit).ok or _unsplittable(part, kind, limit), part
    if numbering and len(parts) > 1:
        assert [part.rpartition("\n")[2] for part in parts] == [f"{n}/{len(parts)}" for n in range(1, len(parts) + 1)]


@SETTINGS
@given(PLAIN, st.sampled_from(sorted(THREAD_KINDS)))
def test_words_that_fit_are_never_cut(text: str, kind: str) -> None:
    parts = split_thread(text, kind, limit=60)
    if all(count(word, kind, limit=60).ok for word in text.split()):
        assert [w for part in parts for w in part.split()] == text.split()


@SETTINGS
@given(st.text(ANY_CHAR, max_size=300))
def test_fast_weighted_length_agrees_with_the_reference(text: str) -> None:
    assert weighted_length(text) == parse_tweet(text).weightedLength


@SETTINGS
@given(st.text(ANY_CHAR, max_size=100))
def test_graphemes_agree_with_plain_segmentation(text: str) -> None:
    assert graphemes(text) == len(regex.findall(r"\X", text))


@SETTINGS
@given(st.text(max_size=60), st.sampled_from(KINDS))
def test_tracking_is_never_added_twice(suffix: str, kind: str) -> None:
    template = UtmTemplate(source="{kind}", medium="social", campaign="spring")
    url = "https://example.com/" + suffix
    once = apply_utm(url, template, kind=kind)
    assert apply_utm(once, template, kind=kind) == once
    assert once.count("utm_source=") <= 1
