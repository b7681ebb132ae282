"""Bad input is never a crash: empty drafts, only whitespace, invalid Markdown, a megabyte, unpaired surrogates."""

from __future__ import annotations

import time

import pytest

from publisher.text import KINDS, THREAD_KINDS, count, length_problems, render, split_thread

INVALID_MARKDOWN = [
    "```\nunclosed fence",
    "[link](",
    "[link](https://example.com",
    "**bold",
    "<div",
    "<div><span>",
    "</p></div>",
    "&#xZZZ; &#99999999; &#0; &nosuchentity;",
    "![](",
    "[^missing] [^1]: \n",
    "<!-- unclosed comment",
    "*a **b* c**",
    "\\",
    "a\x00b\x02c\x03d\x1b",
    "# \n##\n######## x",
    "> > > >\n>",
    "| a |\n|---|\n| b | c | d |",
    "- \n- [ ]\n1.\n2)",
    "    indented code\n\ttab",
    "<script>alert(1)</script><style>p{}</style>",
    "[a]: https://example.com\n\n[a] [b][a] [c][]",
    "http:// https:// https://[::1 http://-.com",
]


@pytest.mark.parametrize("draft", ["", " ", "\n\n\t  \n", "\u200b", "<!-- -->", "&nbsp;"])
@pytest.mark.parametrize("kind", KINDS)
def test_empty_and_blank_drafts(draft: str, kind: str) -> None:
    rendered = render(draft, kind, split=True, numbering=True)
    assert len(rendered.parts) == 1
    problems = length_problems(rendered)
    if not draft.strip() or draft == "<!-- -->":
        assert "text.empty" in [problem.code for problem in problems]
        assert all(problem.blocks for problem in problems)


@pytest.mark.parametrize("draft", INVALID_MARKDOWN)
@pytest.mark.parametrize("kind", KINDS)
def test_invalid_markdown_is_just_text(draft: str, kind: str) -> None:
    rendered = render(draft, kind, split=kind in THREAD_KINDS)
    length_problems(rendered)
    assert rendered.to_json()["kind"] == kind


def test_invalid_markdown_keeps_its_words() -> None:
    assert render("**bold [link]( and `code", "x").parts[0].text == "**bold [link]( and `code"
    assert render("```\nunclosed fence", "x").parts[0].text == "```\nunclosed fence"


@pytest.mark.parametrize(
    "draft",
    [
        ">" * 1000 + " deep",
        "".join("    " * depth + "- x\n" for depth in range(100)),
        "<div>" * 5000 + "x",
        "<b>" * 5000 + "x",
        "[" * 20000,
        "*a* " * 20000,
        "`" * 5000,
        "_" * 20000,
    ],
    ids=["quotes", "lists", "divs", "bold", "brackets", "emphasis", "backticks", "underscores"],
)
def test_deep_or_dense_markup_stays_fast(draft: str) -> None:
    start = time.perf_counter()
    for kind in KINDS:
        length_problems(render(draft, kind))
    assert time.perf_counter() - start < 20  # generous: the point is "no hang", not a benchmark


UNPAIRED = "Hello \ud800 world **\udfff** https://example.com/\ud83d #tag\udc00 @alice.bsky.social"


@pytest.mark.parametrize("kind", KINDS)
def test_unpaired_surrogates_are_reported_not_raised(kind: str) -> None:
    rendered = render(UNPAIRED, kind, split=kind in THREAD_KINDS, numbering=True)
    problems = {problem.code: problem for problem in length_problems(rendered)}
    assert problems["text.invalid_unicode"].blocks
    assert problems["text.invalid_unicode"].params["count"] >= 3
    assert count(rendered.parts[0].text, kind).length > 0
    rendered.to_json()


def test_surrogates_alone() -> None:
    for kind in THREAD_KINDS:
        assert split_thread("\ud800" * 700, kind) != []
    assert count("\ud800", "bluesky").byte_length == 3  # as "surrogatepass" encodes it


MEGABYTE_DRAFT = (
    "# Heading\n\nA paragraph with **bold**, a [link](https://example.com/a) and https://example.org/b, "
    "@alice.bsky.social, #tag and 🎉. Another sentence here.\n\n- a list item\n- another one\n\n"
)


@pytest.mark.slow
def test_a_megabyte_draft_renders_for_every_kind() -> None:
    draft = MEGABYTE_DRAFT * (1_000_000 // len(MEGABYTE_DRAFT) + 1)
    assert len(draft) >= 1_000_000
    for kind in KINDS:
        rendered = render(draft, kind)
        assert rendered.parts[0].text
        problems = length_problems(rendered)
        if kind in THREAD_KINDS:
            [too_long] = [problem for problem in problems if problem.code == "text.too_long"]
            assert too_long.fix is not None and too_long.fix.code == "split"
            assert too_long.fix.params["parts"] > 1000


@pytest.mark.slow
@pytest.mark.parametrize(
    "draft",
    ["x" * 1_000_000, "[" * 1_000_000, "*a* " * 250_000, "👨‍👩‍👧‍👦" * 40_000, "これは文です。" * 150_000],
    ids=["one-word", "brackets", "emphasis", "emoji", "japanese"],
)
def test_a_megabyte_of_one_thing(draft: str) -> None:
    for kind in ("x", "bluesky", "telegram", "matrix"):
        assert render(draft, kind).parts[0].text
    parts = split_thread(draft, "bluesky")
    assert all(count(part, "bluesky").ok for part in parts)
