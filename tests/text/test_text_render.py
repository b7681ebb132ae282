"""Every kind's exact payload for representative drafts: what the networks receive, byte for byte."""

from __future__ import annotations

import pytest

from publisher.errors import InputError
from publisher.text import KINDS, THREAD_KINDS, Rendered, UtmTemplate, render

DRAFT = """# Big news 🎉

We launch **Solar Roof 2** today, with _half_ the weight.
See https://example.com/news_2026 or [the specs](https://example.com/specs?x=1).

- Lighter
- Cheaper: 30 % off

1. Order
2. Install

> Best roof of the year.

Thanks @alice.bsky.social & @bob@mastodon.social! `a_b` #SolarRoof
"""

PLAIN = (
    "Big news 🎉\n\n"
    "We launch Solar Roof 2 today, with half the weight.\n"
    "See https://example.com/news_2026 or the specs (https://example.com/specs?x=1).\n\n"
    "• Lighter\n• Cheaper: 30 % off\n\n"
    "1. Order\n2. Install\n\n"
    "> Best roof of the year.\n\n"
    "Thanks @alice.bsky.social & @bob@mastodon.social! a_b #SolarRoof"
)


@pytest.mark.parametrize("kind", ["mastodon", "bluesky", "x", "threads"])
def test_plain_text_kinds_drop_emphasis_keep_links_as_urls_and_lists_as_bullets(kind: str) -> None:
    rendered = render(DRAFT, kind)
    assert [part.text for part in rendered.parts] == [PLAIN]


@pytest.mark.parametrize(
    ("kind", "length", "unit"),
    [
        ("mastodon", 259, "graphemes"),  # 287 graphemes; each link counts 23 (-6, -6); "@bob@mastodon.social" as "@bob"
        ("bluesky", 287, "graphemes"),
        ("x", 278, "weighted"),  # 287 - 12 for the links, + 1 for 🎉 and + 1 for each "•" (outside X's light ranges)
        ("threads", 290, "characters"),  # 287 + 3: 🎉 counts its 4 UTF-8 bytes
    ],
)
def test_plain_text_kinds_count_in_their_unit(kind: str, length: int, unit: str) -> None:
    counted = render(DRAFT, kind).parts[0].count
    assert (counted.length, counted.unit) == (length, unit)
    assert counted.ok


def test_bluesky_also_counts_bytes_and_carries_facets() -> None:
    part = render(DRAFT, "bluesky").parts[0]
    assert (part.count.byte_length, part.count.byte_limit) == (294, 3000)  # 🎉 +3, two "•" +2 each
    assert part.fields == {
        "facets": [
            {
                "index": {"byteStart": 71, "byteEnd": 100},
                "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com/news_2026"}],
            },
            {
                "index": {"byteStart": 115, "byteEnd": 144},
                "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com/specs?x=1"}],
            },
            {
                "index": {"byteStart": 237, "byteEnd": 255},
                "features": [{"$type": "app.bsky.richtext.facet#mention", "handle": "alice.bsky.social"}],
            },
            {
                "index": {"byteStart": 284, "byteEnd": 294},
                "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "SolarRoof"}],
            },
        ]
    }


def test_linkedin_little_text_escapes_every_reserved_character() -> None:
    part = render(DRAFT, "linkedin").parts[0]
    assert part.text == (
        "Big news 🎉\n\n"
        "We launch Solar Roof 2 today, with half the weight.\n"
        "See https://example.com/news\\_2026 or the specs \\(https://example.com/specs?x=1\\).\n\n"
        "• Lighter\n• Cheaper: 30 % off\n\n"
        "1. Order\n2. Install\n\n"
        "\\> Best roof of the year.\n\n"
        "Thanks \\@alice.bsky.social & \\@bob\\@mastodon.social! a\\_b #SolarRoof"
    )
    assert (part.count.length, part.count.unit, part.count.limit) == (296, "utf16", 3000)


def test_linkedin_hashtags_stay_hashtags_unless_their_name_holds_a_reserved_character() -> None:
    text = render("#Solar and #solar_roof, (see) {x} [y] <z> |a| *b* ~c~ \\d", "linkedin").parts[0].text
    assert text == "#Solar and \\#solar\\_roof, \\(see\\) \\{x\\} \\[y\\] \\<z\\> \\|a\\| b \\~c\\~ \\\\d"


def test_telegram_html_parse_mode() -> None:
    part = render(DRAFT, "telegram").parts[0]
    assert part.text == (
        "<b>Big news 🎉</b>\n\n"
        "We launch <b>Solar Roof 2</b> today, with <i>half</i> the weight.\n"
        'See <a href="https://example.com/news_2026">https://example.com/news_2026</a> or '
        '<a href="https://example.com/specs?x=1">the specs</a>.\n\n'
        "• Lighter\n• Cheaper: 30 % off\n\n"
        "1. Order\n2. Install\n\n"
        "<blockquote>Best roof of the year.</blockquote>\n\n"
        "Thanks @alice.bsky.social &amp; @bob@mastodon.social! <code>a_b</code> #SolarRoof"
    )
    assert part.fields == {"parse_mode": "HTML"}
    # Telegram counts the text after entity parsing, in UTF-16 units: tags and entities do not count.
    assert (part.count.length, part.count.unit, part.count.limit) == (254, "utf16", 4096)


def test_telegram_escapes_what_html_would_take_for_markup() -> None:
    assert render("1 < 2 && 3 > 2", "telegram").parts[0].text == "1 &lt; 2 &amp;&amp; 3 &gt; 2"
    assert render("1 < 2 && 3 > 2", "telegram").parts[0].count.length == len("1 < 2 && 3 > 2")


def test_matrix_body_and_formatted_body() -> None:
    part = render(DRAFT, "matrix").parts[0]
    assert part.text == PLAIN
    assert part.fields == {
        "format": "org.matrix.custom.html",
        "formatted_body": (
            "<h1>Big news 🎉</h1>"
            "<p>We launch <strong>Solar Roof 2</strong> today, with <em>half</em> the weight.<br>"
            'See <a href="https://example.com/news_2026">https://example.com/news_2026</a> or '
            '<a href="https://example.com/specs?x=1">the specs</a>.</p>'
            "<ul><li>Lighter</li><li>Cheaper: 30 % off</li></ul>"
            "<ol><li>Order</li><li>Install</li></ol>"
            "<blockquote><p>Best roof of the year.</p></blockquote>"
            "<p>Thanks @alice.bsky.social &amp; @bob@mastodon.social! <code>a_b</code> #SolarRoof</p>"
        ),
    }
    assert (part.count.unit, part.count.limit, part.count.byte_limit) == ("bytes", None, 65536)
    assert part.count.length == part.count.byte_length == 872


def test_discord_markdown() -> None:
    part = render(DRAFT, "discord").parts[0]
    assert part.text == (
        "# Big news 🎉\n\n"
        "We launch **Solar Roof 2** today, with *half* the weight.\n"
        "See https://example.com/news_2026 or [the specs](https://example.com/specs?x=1).\n\n"
        "- Lighter\n- Cheaper: 30 % off\n\n"
        "1. Order\n2. Install\n\n"
        "> Best roof of the year.\n\n"
        "Thanks @alice.bsky.social & @bob@mastodon.social! `a_b` #SolarRoof"
    )
    assert (part.count.length, part.count.unit, part.count.limit) == (298, "characters", 2000)


def test_discord_escapes_its_markup_in_text_but_not_in_links() -> None:
    text = render("a\\*b\\* snake_case ~x~ |y| https://example.com/a_b_c", "discord").parts[0].text
    assert text == "a\\*b\\* snake\\_case \\~x\\~ \\|y\\| https://example.com/a_b_c"


def test_wordpress_is_python_markdown_html_with_extra() -> None:
    part = render(DRAFT + "\n| a | b |\n|---|---|\n| 1 | 2 |\n", "wordpress").parts[0]
    assert part.text.startswith("<h1>Big news 🎉</h1>\n<p>We launch <strong>Solar Roof 2</strong> today")
    assert "<table>" in part.text  # tables come from "extra"
    assert part.fields == {"content": part.text}
    assert (part.count.limit, part.count.unit) == (None, "characters")


def test_feed_is_the_markdown_unchanged() -> None:
    part = render(DRAFT, "feed").parts[0]
    assert part.text == DRAFT
    assert part.fields == {}
    assert part.count.limit is None


def test_hashtag_at_the_start_of_a_line_is_not_a_heading() -> None:
    assert render("#launch today\n#SolarRoof #Acme", "mastodon").parts[0].text == "#launch today\n#SolarRoof #Acme"
    assert render("# Heading\n\ntext", "telegram").parts[0].text == "<b>Heading</b>\n\ntext"


def test_numbered_list_keeps_its_numbers() -> None:
    assert render("3. three\n4. four", "x").parts[0].text == "3. three\n4. four"
    assert render("2026. What a year", "x").parts[0].text == "2026. What a year"


def test_nested_list_is_indented() -> None:
    assert render("- a\n    - b\n- c", "x").parts[0].text == "• a\n  ◦ b\n• c"
    assert render("- a\n    - b\n- c", "discord").parts[0].text == "- a\n  - b\n- c"


def test_underscores_and_stars_in_bare_links_are_not_emphasis() -> None:
    text = render("see https://example.com/a_b_c_d and https://example.com/*x*", "x").parts[0].text
    assert text == "see https://example.com/a_b_c_d and https://example.com/*x*"


def test_link_whose_label_is_its_address_appears_once() -> None:
    assert render("[example.com](https://example.com/)", "mastodon").parts[0].text == "https://example.com/"
    assert render("<https://example.com>", "mastodon").parts[0].text == "https://example.com"


def test_images_become_their_alt_text_and_address() -> None:
    assert render("![A roof](https://example.com/r.png)", "x").parts[0].text == "A roof (https://example.com/r.png)"


def test_code_blocks() -> None:
    draft = "```python\nprint('*hi*')\n```"
    assert render(draft, "x").parts[0].text == "print('*hi*')"
    assert render(draft, "discord").parts[0].text == "```python\nprint('*hi*')\n```"
    telegram = render(draft, "telegram").parts[0].text
    assert telegram == "<pre><code class=\"language-python\">print('*hi*')</code></pre>"


def test_a_line_break_in_a_paragraph_stays_a_line_break() -> None:
    assert render("one\ntwo", "bluesky").parts[0].text == "one\ntwo"
    assert render("one\ntwo", "matrix").parts[0].fields["formatted_body"] == "<p>one<br>two</p>"


def test_raw_html_is_reduced_to_its_text_and_scripts_are_dropped() -> None:
    assert render("a <b>bold</b> <script>alert(1)</script>move", "x").parts[0].text == "a bold move"


def test_to_json_is_the_cli_shape() -> None:
    rendered = render("Hi @alice.bsky.social", "bluesky")
    assert isinstance(rendered, Rendered)
    assert rendered.to_json() == {
        "kind": "bluesky",
        "parts": [
            {
                "text": "Hi @alice.bsky.social",
                "facets": [
                    {
                        "index": {"byteStart": 3, "byteEnd": 21},
                        "features": [{"$type": "app.bsky.richtext.facet#mention", "handle": "alice.bsky.social"}],
                    }
                ],
            }
        ],
    }


def test_split_thread_kinds_into_parts_that_fit_each_with_its_own_facets() -> None:
    draft = "\n\n".join(f"Paragraph {n} about #solar with https://example.com/{n} and more words." for n in range(12))
    rendered = render(draft, "bluesky", split=True, numbering=True)
    assert len(rendered.parts) > 1
    for number, part in enumerate(rendered.parts, 1):
        assert part.count.ok
        assert part.text.endswith(f"\n\n{number}/{len(rendered.parts)}")
        raw = part.text.encode()
        for facet in part.fields["facets"]:
            covered = raw[facet["index"]["byteStart"] : facet["index"]["byteEnd"]].decode()
            feature = facet["features"][0]
            assert covered in ("#" + feature.get("tag", ""), feature.get("uri", ""))


@pytest.mark.parametrize("kind", sorted(set(KINDS) - THREAD_KINDS))
def test_split_leaves_kinds_without_threads_in_one_part(kind: str) -> None:
    assert len(render("word " * 2000, kind, split=True).parts) == 1


def test_without_split_a_long_post_is_one_part_that_is_too_long() -> None:
    rendered = render("word " * 200, "x")
    assert len(rendered.parts) == 1
    assert not rendered.parts[0].count.ok


def test_limit_replaces_the_default() -> None:
    assert render("hello", "mastodon", limit=1000).parts[0].count.limit == 1000
    assert len(render("word " * 300, "mastodon", limit=5000, split=True).parts) == 1


def test_unknown_kind_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        render("hi", "myspace")
    assert caught.value.code == "text.unknown_kind"
    assert caught.value.params["kind"] == "myspace"
    assert "mastodon" in caught.value.params["known"]


@pytest.mark.parametrize("limit", [0, -5, True])
def test_a_limit_below_one_is_an_input_error(limit: int) -> None:
    with pytest.raises(InputError) as caught:
        render("hi", "x", limit=limit)
    assert caught.value.code == "text.bad_limit"


def test_utm_is_applied_to_every_link_on_the_way_out() -> None:
    utm = UtmTemplate(source="{kind}", medium="social", campaign="{campaign}")
    draft = "Read [this](https://example.com/a) and https://example.com/b#top but not `https://example.com/c`"
    tracked = "utm_source=x&utm_medium=social&utm_campaign=spring"
    text = render(draft, "x", utm=utm, campaign="spring").parts[0].text
    assert text == (
        f"Read this (https://example.com/a?{tracked}) and https://example.com/b?{tracked}#top "
        "but not https://example.com/c"
    )
    telegram = render(draft, "telegram", utm=utm, campaign="spring").parts[0].text
    assert (
        f'<a href="https://example.com/b?{tracked.replace("&", "&amp;").replace("=x", "=telegram")}#top">' in telegram
    )
    assert ">https://example.com/b#top</a>" in telegram  # the reader sees the address as written
    wordpress = render(draft, "wordpress", utm=utm, campaign="spring").parts[0].text
    assert 'href="https://example.com/a?utm_source=wordpress&amp;utm_medium=social' in wordpress
    feed = render(draft, "feed", utm=utm, campaign="spring").parts[0].text
    assert "(https://example.com/a?utm_source=feed&utm_medium=social&utm_campaign=spring)" in feed
    assert "`https://example.com/c`" in feed  # an address in code is not a link
