"""Length problems with their fixes, and an English sentence for every code the text engine uses."""

from __future__ import annotations

import pytest

from publisher.domain.problems import Fix, Problem, Severity
from publisher.errors import InputError
from publisher.text import KINDS, THREAD_KINDS, Part, Rendered, count, length_problems, render, split_thread
from publisher.text.messages import TEXT_MESSAGES


def codes(problems: list[Problem]) -> list[str]:
    return [problem.code for problem in problems]


def test_a_post_that_fits_has_no_problems() -> None:
    for kind in KINDS:
        assert length_problems(render("Hello **world** https://example.com #tag", kind)) == []


@pytest.mark.parametrize("kind", sorted(THREAD_KINDS))
def test_too_long_for_a_thread_kind_suggests_a_split(kind: str) -> None:
    draft = "A sentence of some length that goes on. " * 40
    rendered = render(draft, kind)
    [problem] = length_problems(rendered)
    counted = rendered.parts[0].count
    assert problem == Problem(
        "text.too_long",
        Severity.ERROR,
        {"kind": kind, "length": counted.length, "limit": counted.limit, "unit": counted.unit, "part": 1},
        fix=Fix("split", {"parts": len(split_thread(rendered.parts[0].text, kind))}),
    )
    assert problem.blocks
    assert problem.fix is not None and problem.fix.params["parts"] == len(render(draft, kind, split=True).parts)


def test_too_long_without_threads_suggests_shortening_by_the_excess() -> None:
    [problem] = length_problems(render("a" * 2010, "discord"))
    assert problem.code == "text.too_long"
    assert problem.params == {"kind": "discord", "length": 2010, "limit": 2000, "unit": "characters", "part": 1}
    assert problem.fix == Fix("shorten", {"by": 10, "unit": "characters"})


def test_the_limit_given_to_render_is_the_one_checked() -> None:
    assert length_problems(render("a" * 600, "mastodon", limit=1000)) == []
    [problem] = length_problems(render("a" * 600, "mastodon", limit=550))
    assert (problem.params["limit"], problem.fix) == (550, Fix("split", {"parts": 2}))


def test_too_many_bytes_on_bluesky() -> None:
    rendered = render("👨‍👩‍👧‍👦" * 121, "bluesky")  # 121 graphemes, 3,025 bytes
    [problem] = length_problems(rendered)
    assert problem.code == "text.too_many_bytes"
    assert problem.params == {"kind": "bluesky", "length": 3025, "limit": 3000, "unit": "bytes", "part": 1}
    assert problem.fix == Fix("split", {"parts": 2})


def test_too_many_bytes_on_matrix() -> None:
    rendered = render("x" * 70_000, "matrix")
    [problem] = length_problems(rendered)
    assert problem.code == "text.too_many_bytes"
    assert problem.fix is not None and problem.fix.code == "shorten"
    assert problem.fix.params["by"] == rendered.parts[0].count.length - 65536


def test_each_part_of_a_split_is_checked() -> None:
    url = "https://example.com/" + "x" * 400  # longer than a Bluesky post, and not to be cut
    rendered = render(f"Intro text.\n\n{url}\n\nOutro text.", "bluesky", split=True)
    problems = length_problems(rendered)
    assert codes(problems) == ["text.too_long"]
    assert problems[0].params["part"] == [part.text for part in rendered.parts].index(url) + 1
    assert problems[0].fix == Fix("shorten", {"by": count(url, "bluesky").length - 300, "unit": "graphemes"})


@pytest.mark.parametrize("kind", KINDS)
def test_empty(kind: str) -> None:
    assert codes(length_problems(render("  \n ", kind))) == ["text.empty"]


def test_an_image_alone_is_not_empty() -> None:
    assert length_problems(render("![](https://example.com/a.png)", "wordpress")) == []


def test_invalid_unicode_counts_the_broken_characters() -> None:
    problems = length_problems(render("a\ud800b\udc00c", "x"))
    assert codes(problems) == ["text.invalid_unicode"]
    assert problems[0].params == {"kind": "x", "count": 2}
    assert problems[0].severity == Severity.ERROR


def test_a_rendered_value_built_by_hand_is_checked_too() -> None:
    part = Part("", {"facets": []}, count("", "bluesky"))
    assert codes(length_problems(Rendered("bluesky", (part,)))) == ["text.empty"]


def _every_problem() -> list[Problem]:
    drafts = ["", "a\ud800", "word " * 1000, "👨‍👩‍👧‍👦" * 121, "x" * 70_000]
    return [problem for kind in KINDS for draft in drafts for problem in length_problems(render(draft, kind))]


def test_every_problem_code_has_an_english_sentence_that_formats() -> None:
    problems = _every_problem()
    assert {problem.code for problem in problems} == {
        "text.empty",
        "text.invalid_unicode",
        "text.too_long",
        "text.too_many_bytes",
    }
    for problem in problems:
        sentence = TEXT_MESSAGES[problem.code].format(**problem.params)
        assert "{" not in sentence
        assert sentence.endswith(".")


@pytest.mark.parametrize(
    "call",
    [
        lambda: render("x", "nope"),
        lambda: count("x", "x", limit=0),
        lambda: split_thread("x", "discord"),
    ],
    ids=["unknown_kind", "bad_limit", "no_threads"],
)
def test_every_error_code_has_an_english_sentence_that_formats(call: object) -> None:
    with pytest.raises(InputError) as caught:
        call()  # type: ignore[operator]
    sentence = TEXT_MESSAGES[caught.value.code].format(**caught.value.params)
    assert "{" not in sentence


def test_messages_are_only_for_text_codes() -> None:
    assert all(code.startswith("text.") for code in TEXT_MESSAGES)
