"""Link tracking: UTM parameters added once, keeping what the link had."""

from __future__ import annotations

import pytest

from publisher.text import UtmTemplate, apply_utm, render

TEMPLATE = UtmTemplate(source="{kind}", medium="social", campaign="{campaign}", content="{channel}")


def tagged(url: str, *, kind: str = "mastodon", channel: str = "Press room", campaign: str = "launch") -> str:
    return apply_utm(url, TEMPLATE, kind=kind, channel=channel, campaign=campaign)


def test_adds_the_parameters_with_placeholders_filled() -> None:
    assert tagged("https://example.com/a") == (
        "https://example.com/a?utm_source=mastodon&utm_medium=social&utm_campaign=launch&utm_content=Press%20room"
    )


def test_keeps_an_existing_query_and_the_fragment() -> None:
    assert tagged("https://example.com/a?page=2&q=x%20y#section") == (
        "https://example.com/a?page=2&q=x%20y&utm_source=mastodon&utm_medium=social&utm_campaign=launch"
        "&utm_content=Press%20room#section"
    )
    assert tagged("https://example.com/?#") == (
        "https://example.com/?utm_source=mastodon&utm_medium=social&utm_campaign=launch&utm_content=Press%20room#"
    )


def test_never_twice() -> None:
    once = tagged("https://example.com/a")
    assert tagged(once) == once
    assert tagged(once, kind="x") == once


def test_leaves_links_that_already_track_alone() -> None:
    assert tagged("https://example.com/?utm_source=newsletter") == "https://example.com/?utm_source=newsletter"
    assert tagged("https://example.com/?UTM_Medium=mail&x=1") == "https://example.com/?UTM_Medium=mail&x=1"


@pytest.mark.parametrize(
    "url", ["mailto:press@example.com", "ftp://example.com/f", "example.com/a", "https://", "http://[::1", "#top", ""]
)
def test_only_http_links_with_a_host(url: str) -> None:
    assert tagged(url) == url


def test_empty_values_are_left_out() -> None:
    template = UtmTemplate(source="acme", medium=None, campaign="{campaign}", term="  ")
    assert apply_utm("http://example.com", template, kind="x") == "http://example.com?utm_source=acme"
    assert apply_utm("http://example.com", UtmTemplate(None, None, None), kind="x") == "http://example.com"


def test_values_are_encoded_and_unknown_braces_kept() -> None:
    template = UtmTemplate(source="a&b=c", medium="{other}", campaign="Frühling 2026")
    assert apply_utm("https://example.com", template, kind="x") == (
        "https://example.com?utm_source=a%26b%3Dc&utm_medium=%7Bother%7D&utm_campaign=Fr%C3%BChling%202026"
    )


def test_render_tracks_each_link_once_even_when_rendered_again() -> None:
    utm = UtmTemplate(source="{kind}", medium="social", campaign="launch")
    first = render("https://example.com/a", "mastodon", utm=utm).parts[0].text
    again = render(first, "mastodon", utm=utm).parts[0].text
    assert first == again == "https://example.com/a?utm_source=mastodon&utm_medium=social&utm_campaign=launch"


def test_render_tracks_per_kind() -> None:
    utm = UtmTemplate(source="{kind}", medium="social", campaign="launch")
    assert "utm_source=bluesky" in render("https://example.com", "bluesky", utm=utm).parts[0].text
    facets = render("https://example.com", "bluesky", utm=utm).parts[0].fields["facets"]
    assert facets[0]["features"][0]["uri"].endswith("utm_source=bluesky&utm_medium=social&utm_campaign=launch")
