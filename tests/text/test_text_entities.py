"""Links, mentions and hashtags (shared by the counters, Bluesky's facets and the splitter), and the facets."""

from __future__ import annotations

from publisher.text import Entity, extract_entities, render
from publisher.text._facets import bluesky_facets


def kinds_and_values(text: str) -> list[tuple[str, str]]:
    return [(entity.kind, entity.value) for entity in extract_entities(text)]


def test_offsets_are_python_string_indices() -> None:
    text = "😀 @alice.bsky.social"
    [entity] = extract_entities(text)
    assert entity == Entity("mention", 2, 20, "alice.bsky.social")
    assert text[entity.start : entity.end] == "@alice.bsky.social"


def test_links_as_x_finds_them() -> None:
    assert kinds_and_values("a https://example.com/x?y=1#z, b") == [("url", "https://example.com/x?y=1#z")]
    assert kinds_and_values("see example.com/path.") == [("url", "example.com/path")]
    assert kinds_and_values("wiki https://en.wikipedia.org/wiki/Foo_(bar) ok") == [
        ("url", "https://en.wikipedia.org/wiki/Foo_(bar)")
    ]
    assert kinds_and_values("(https://example.com)") == [("url", "https://example.com")]
    assert kinds_and_values("version 1.2.3 and file.txt, not.a.tldzz") == []
    assert kinds_and_values("mail bob@example.com") == []


def test_mentions_local_remote_and_bluesky_handles() -> None:
    assert kinds_and_values("@alice, @bob@mastodon.social and @carol.bsky.social.") == [
        ("mention", "alice"),
        ("mention", "bob@mastodon.social"),
        ("mention", "carol.bsky.social"),
    ]
    assert kinds_and_values("@josé @a@ x@y") == []  # cut by an accent, followed by @, inside a word


def test_hashtags() -> None:
    assert kinds_and_values("#Solar #2026 #tag_1 #日本 #x#y") == [
        ("hashtag", "Solar"),
        ("hashtag", "tag_1"),
        ("hashtag", "日本"),
    ]


def test_a_link_wins_over_a_mention_or_hashtag_inside_it() -> None:
    assert kinds_and_values("https://mastodon.social/@alice/1 https://example.com/#top") == [
        ("url", "https://mastodon.social/@alice/1"),
        ("url", "https://example.com/#top"),
    ]


def test_facet_byte_ranges_cover_exactly_the_text_they_annotate() -> None:
    text = "héllo 🦋 @alice.test.bsky.social visits https://例え.jp/パス and #ünïcode!"
    facets = bluesky_facets(text)
    raw = text.encode()
    covered = [raw[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode() for f in facets]
    assert covered == ["@alice.test.bsky.social", "https://例え.jp/", "#ünïcode"]
    assert [f["features"][0]["$type"] for f in facets] == [
        "app.bsky.richtext.facet#mention",
        "app.bsky.richtext.facet#link",
        "app.bsky.richtext.facet#tag",
    ]
    assert facets[0]["features"][0] == {"$type": "app.bsky.richtext.facet#mention", "handle": "alice.test.bsky.social"}
    assert facets[2]["features"][0] == {"$type": "app.bsky.richtext.facet#tag", "tag": "ünïcode"}


def test_a_link_without_protocol_gets_https_in_its_facet() -> None:
    [facet] = bluesky_facets("go to example.com/news")
    assert facet["features"][0] == {"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com/news"}


def test_names_that_are_no_bluesky_handle_get_no_facet() -> None:
    assert bluesky_facets("@alice and @bob@mastodon.social") == []


def test_overlong_tags_get_no_facet() -> None:
    assert bluesky_facets("#" + "a" * 64) != []
    assert bluesky_facets("#" + "a" * 65) == []


def test_facets_come_with_the_bluesky_render() -> None:
    part = render("**Hi** @alice.bsky.social", "bluesky").parts[0]
    assert part.text == "Hi @alice.bsky.social"
    assert part.fields["facets"][0]["index"] == {"byteStart": 3, "byteEnd": 21}
