"""Counters per kind, in each network's own unit and by its own rules."""

from __future__ import annotations

import pytest

from publisher.errors import InputError
from publisher.text import KINDS, THREAD_KINDS, Count, count, graphemes, kind_info

LONG_URL = "https://example.com/" + "a" * 80


def test_kind_facts() -> None:
    assert KINDS == (
        "mastodon",
        "bluesky",
        "x",
        "threads",
        "linkedin",
        "telegram",
        "matrix",
        "discord",
        "wordpress",
        "feed",
    )
    assert frozenset({"mastodon", "bluesky", "x", "threads"}) == THREAD_KINDS
    facts = {kind: (kind_info(kind).unit, kind_info(kind).limit, kind_info(kind).byte_limit) for kind in KINDS}
    assert facts == {
        "mastodon": ("graphemes", 500, None),
        "bluesky": ("graphemes", 300, 3000),
        "x": ("weighted", 280, None),
        "threads": ("characters", 500, None),
        "linkedin": ("utf16", 3000, None),
        "telegram": ("utf16", 4096, None),
        "matrix": ("bytes", None, 65536),
        "discord": ("characters", 2000, None),
        "wordpress": ("characters", None, None),
        "feed": ("characters", None, None),
    }
    assert all(kind_info(kind).threads == (kind in THREAD_KINDS) for kind in KINDS)


def test_unknown_kind() -> None:
    with pytest.raises(InputError) as caught:
        count("x", "fax")
    assert (caught.value.code, caught.value.params["kind"]) == ("text.unknown_kind", "fax")


def test_count_ok_checks_both_limits() -> None:
    assert Count(300, 300, "graphemes", 3000, 3000).ok
    assert not Count(301, 300, "graphemes", 10, 3000).ok
    assert not Count(10, 300, "graphemes", 3001, 3000).ok
    assert Count(10**9, None, "characters").ok


def test_graphemes_are_what_a_reader_sees_as_one_character() -> None:
    assert graphemes("") == 0
    assert graphemes("abc") == 3
    assert graphemes("e\u0301") == 1  # e + combining acute
    assert graphemes("👨‍👩‍👧‍👦") == 1  # family: four emoji joined by ZWJ
    assert graphemes("🇩🇪🇫🇷") == 2  # two flags
    assert graphemes("👍🏽") == 1  # with a skin tone
    assert graphemes("\r\n") == 1
    assert graphemes("क्षि") == 1  # Devanagari conjunct (Unicode 15.1 rule)


class TestMastodon:
    def test_every_link_counts_23(self) -> None:
        assert count(LONG_URL, "mastodon").length == 23
        assert count("see http://x.com", "mastodon").length == 4 + 23
        assert count(f"{LONG_URL} {LONG_URL}", "mastodon").length == 47

    def test_a_link_without_protocol_counts_as_written(self) -> None:
        assert count("example.com/" + "a" * 30, "mastodon").length == 42

    def test_remote_mention_counts_as_the_local_name(self) -> None:
        assert count("@alice@mastodon.social", "mastodon").length == len("@alice")
        assert count("hi @alice@a-very-long-instance-name.example.org!", "mastodon").length == len("hi @alice!")
        assert count("@alice", "mastodon").length == 6

    def test_an_email_address_is_not_a_mention(self) -> None:
        assert count("bob@example.com", "mastodon").length == len("bob@example.com")

    def test_counts_grapheme_clusters(self) -> None:
        assert count("👨‍👩‍👧‍👦" * 500, "mastodon").ok
        assert not count("👨‍👩‍👧‍👦" * 501, "mastodon").ok

    def test_instance_limit(self) -> None:
        counted = count("a" * 600, "mastodon", limit=1000)
        assert (counted.length, counted.limit, counted.ok) == (600, 1000, True)
        assert count("a" * 501, "mastodon").limit == 500


class TestBluesky:
    def test_300_graphemes_and_3000_bytes(self) -> None:
        assert count("a" * 300, "bluesky") == Count(300, 300, "graphemes", 300, 3000)
        assert not count("a" * 301, "bluesky").ok

    def test_bytes_can_run_out_first(self) -> None:
        # 300 family emoji are 300 graphemes but 7,500 bytes.
        counted = count("👨‍👩‍👧‍👦" * 120, "bluesky")
        assert (counted.length, counted.byte_length) == (120, 3000)
        assert counted.ok
        counted = count("👨‍👩‍👧‍👦" * 121, "bluesky")
        assert (counted.length, counted.byte_length, counted.ok) == (121, 3025, False)

    def test_links_count_in_full(self) -> None:
        assert count(LONG_URL, "bluesky").length == len(LONG_URL)


class TestX:
    def test_weighted(self) -> None:
        assert count("a" * 280, "x").ok
        assert not count("a" * 281, "x").ok
        assert count("日本語", "x").length == 6
        assert count(LONG_URL, "x").length == 23
        assert count("example.com", "x").length == 23  # X finds links without a protocol too
        assert count("😷", "x").length == 2
        assert count("👨‍👩‍👧‍👦", "x").length == 2

    def test_normalises_first(self) -> None:
        assert count("e\u0301", "x").length == count("é", "x").length == 1


class TestThreads:
    def test_emoji_count_their_utf8_bytes(self) -> None:
        assert count("hi 😀", "threads").length == 3 + 4
        assert count("👨‍👩‍👧‍👦", "threads").length == 25
        assert count("é", "threads").length == 1

    def test_limit(self) -> None:
        assert count("a" * 500, "threads").ok
        assert count("a" * 496 + "😀", "threads").ok
        assert not count("a" * 497 + "😀", "threads").ok


def test_linkedin_counts_utf16_units_of_the_escaped_text() -> None:
    assert count("a\\(b\\)", "linkedin").length == 6
    assert count("😀", "linkedin").length == 2


def test_telegram_counts_the_visible_text_in_utf16() -> None:
    payload = '<b>Hi</b> <a href="https://example.com/very/long/address">there</a> &amp; 😀'
    assert count(payload, "telegram").length == len("Hi there & ") + 2
    assert count("a" * 4096, "telegram").ok
    assert not count("a" * 4097, "telegram").ok


def test_discord_counts_characters() -> None:
    assert count("**a**", "discord").length == 5
    assert count("😀", "discord").length == 1
    assert not count("a" * 2001, "discord").ok


def test_matrix_counts_the_event_content_bytes() -> None:
    counted = count("hé", "matrix")
    assert counted.unit == "bytes"
    assert counted.byte_limit == 65536
    assert counted.length == counted.byte_length == len('{"msgtype":"m.text","body":"hé"}'.encode())
    assert count('"', "matrix").length == len('{"msgtype":"m.text","body":"\\""}')  # JSON escaping counts


@pytest.mark.parametrize("kind", ["wordpress", "feed"])
def test_no_limit(kind: str) -> None:
    counted = count("a" * 1_000_000, kind)
    assert (counted.length, counted.limit, counted.ok) == (1_000_000, None, True)


@pytest.mark.parametrize("kind", KINDS)
def test_empty_text_counts_zero_or_just_the_envelope(kind: str) -> None:
    counted = count("", kind)
    assert counted.length == (len('{"msgtype":"m.text","body":""}') if kind == "matrix" else 0)
