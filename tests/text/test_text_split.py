"""Splitting into a thread: paragraph before sentence before word, never inside a link, mention, hashtag or
grapheme cluster, and every part (with its "1/3") within the limit."""

from __future__ import annotations

import pytest

from publisher.errors import InputError
from publisher.text import count, extract_entities, graphemes, split_thread


def words(text: str) -> list[str]:
    return text.split()


def fits(parts: list[str], kind: str, limit: int | None = None) -> bool:
    return all(count(part, kind, limit=limit).ok for part in parts)


def test_text_that_fits_is_one_part() -> None:
    assert split_thread("  Hello world.  ", "x") == ["Hello world."]
    assert split_thread("Hello world.", "x", numbering=True) == ["Hello world."]  # no "1/1"


def test_paragraphs_first() -> None:
    first = "First paragraph. " * 10  # 169 characters
    second = "Second paragraph. " * 10
    parts = split_thread(f"{first.strip()}\n\n{second.strip()}", "x")
    assert parts == [first.strip(), second.strip()]


def test_then_sentences() -> None:
    sentence = "This sentence has exactly forty-four chars. "
    text = (sentence * 10).strip()  # one paragraph, 439 characters
    parts = split_thread(text, "x")
    assert len(parts) == 2
    assert all(part.endswith("chars.") for part in parts)
    assert words(" ".join(parts)) == words(text)


def test_then_words() -> None:
    text = " ".join(["word"] * 120)  # no sentence end at all
    parts = split_thread(text, "x")
    assert [len(part) for part in parts] == [279, 279, 39]
    assert fits(parts, "x")
    assert words(" ".join(parts)) == words(text)


def test_a_short_first_paragraph_does_not_make_a_part_of_its_own() -> None:
    text = "Big news\n\n" + "A long paragraph with many words in it. " * 10
    parts = split_thread(text, "x")
    assert parts[0].startswith("Big news\n\nA long paragraph")


def test_a_heading_and_a_lead_in_stay_with_what_follows() -> None:
    intro = "Some introduction that is long enough to fill a good part of the post. " * 3
    text = f"{intro.strip()}\n\nWhat is new:\n\n• one\n• two\n• three\n\nWhy it matters\n\n" + "Because. " * 20
    parts = split_thread(text, "x")
    assert not any(part.endswith(("What is new:", "Why it matters")) for part in parts)
    assert fits(parts, "x")


@pytest.mark.parametrize("kind", ["mastodon", "bluesky", "x", "threads"])
def test_numbering_fits_in_the_limit(kind: str) -> None:
    text = "\n\n".join(f"Paragraph number {n} has a few words and ends here." for n in range(40))
    parts = split_thread(text, kind, numbering=True)
    assert len(parts) > 1
    assert fits(parts, kind)
    for number, part in enumerate(parts, 1):
        assert part.endswith(f"\n\n{number}/{len(parts)}")
    unnumbered = [part.rsplit("\n\n", 1)[0] for part in parts]
    assert words(" ".join(unnumbered)) == words(text)


def test_numbering_with_two_digits_still_fits() -> None:
    text = " ".join(["word"] * 700)
    parts = split_thread(text, "x", limit=100, numbering=True)
    assert len(parts) >= 10
    assert parts[-1].endswith(f"/{len(parts)}")
    assert fits(parts, "x", limit=100)


def test_never_inside_a_link_mention_or_hashtag() -> None:
    # No spaces, so the splitter must cut inside the "word"; never inside one of the entities.
    url = "https://example.com/" + "p" * 40
    blob = ("x" * 50 + f"({url})," + "@alice.bsky.social," + "#SolarRoof," + "y" * 30) * 3
    text = "start " + blob
    parts = split_thread(text, "bluesky", limit=100)
    assert fits(parts, "bluesky", limit=100)
    assert "".join(words(" ".join(parts))) == "".join(words(text))
    spans = [(e.start, e.end) for e in extract_entities(text)]
    assert [e.kind for e in extract_entities(text)] == ["url", "mention", "hashtag"] * 3
    position = 0
    for part in parts:
        start = text.index(part, position)
        end = start + len(part)
        for entity_start, entity_end in spans:
            assert not entity_start < start < entity_end
            assert not entity_start < end < entity_end
        position = end


def test_never_inside_a_grapheme_cluster() -> None:
    text = "👨‍👩‍👧‍👦" * 400  # one "word" of 400 clusters, 10,000 bytes
    parts = split_thread(text, "bluesky")
    assert "".join(parts) == text
    assert all(graphemes(part) * 25 == len(part.encode()) for part in parts)  # whole families only
    assert fits(parts, "bluesky")


def test_bluesky_bytes_can_decide() -> None:
    text = " ".join(["🦋🦋🦋🦋🦋🦋🦋🦋🦋🦋"] * 100)  # 1,099 graphemes, 4,099 bytes
    parts = split_thread(text, "bluesky")
    assert fits(parts, "bluesky")
    assert words(" ".join(parts)) == words(text)


def test_mastodon_counts_links_as_23_when_splitting() -> None:
    url = "https://example.com/" + "x" * 200
    text = " ".join([url] * 15)  # 3,000+ characters, but 15 * 23 + 14 = 359 as Mastodon counts
    assert split_thread(text, "mastodon") == [text]


def test_a_link_longer_than_the_limit_stays_whole() -> None:
    url = "https://example.com/" + "x" * 400
    parts = split_thread(f"Look: {url} there", "bluesky")
    assert url in parts
    assert not count(url, "bluesky").ok  # too long on its own: length_problems reports it


def test_japanese_is_cut_after_a_sentence_end() -> None:
    sentence = "これは日本語の文です。"  # 11 characters, no spaces
    text = sentence * 60
    parts = split_thread(text, "bluesky")
    assert "".join(parts) == text
    assert all(part.endswith("。") for part in parts)
    assert fits(parts, "bluesky")


def test_limit_overrides_the_default() -> None:
    text = " ".join(["word"] * 200)
    assert len(split_thread(text, "mastodon")) == 2  # 999 characters
    assert split_thread(text, "mastodon", limit=1000) == [text]


def test_only_thread_kinds() -> None:
    with pytest.raises(InputError) as caught:
        split_thread("text", "linkedin")
    assert caught.value.code == "text.no_threads"
    with pytest.raises(InputError):
        split_thread("text", "nope")


def test_empty_text_is_one_empty_part() -> None:
    assert split_thread("", "x") == [""]
    assert split_thread(" \n\t ", "bluesky", numbering=True) == [""]
