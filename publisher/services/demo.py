"""A throwaway workspace with realistic sample posts, so a newcomer sees a populated calendar and list."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from publisher.services import Services
from publisher.services.engine import PublishingEngine

ZONE = "Europe/Berlin"

# (days from today, hour, title, body, channels, campaign)
SAMPLES: list[tuple[int, int, str, str, tuple[str, ...], str | None]] = [
    (
        -12,
        9,
        "Spring volunteer day: thank you!",
        "**Thank you** to the 84 colleagues who planted 300 trees with us at the river park on Saturday.\n\n"
        "Photos and the full story are on our blog.",
        ("Company blog",),
        "Community",
    ),
    (
        -9,
        10,
        "Quarterly results at a glance",
        "Revenue grew 6 % year on year; our new service desk cut response times by half.\n\n"
        "- Revenue: EUR 41.2 m\n- Customer satisfaction: 4.6 / 5\n- New hires: 37",
        ("Company blog", "Press room"),
        "Q3 results",
    ),
    (
        -6,
        14,
        "We are hiring: three apprentices for 2027",
        "Apprenticeships in *IT systems*, *office management* and *logistics* start on 1 September 2027. "
        "Apply by 31 January.",
        ("Careers",),
        "Employer brand",
    ),
    (
        -3,
        11,
        "New opening hours over the holidays",
        "Our service desk is open 9:00-14:00 from 24 December to 1 January. Online services run as usual.",
        ("Company blog",),
        None,
    ),
    (
        -1,
        16,
        "Press release: partnership with the city library",
        "From January, library card holders borrow our e-learning courses for free.\n\n"
        "Contact for the press: press@example.org",
        ("Press room",),
        "Library partnership",
    ),
    (
        1,
        9,
        "Advent calendar, door 1",
        "Behind door 1: a look into our workshop, where 12 apprentices restore old bicycles for the winter aid.",
        ("Company blog", "Careers"),
        "Advent calendar",
    ),
    (
        2,
        9,
        "Advent calendar, door 2",
        "Door 2: our canteen's vegan stew recipe, tested on 600 colleagues.",
        ("Company blog",),
        "Advent calendar",
    ),
    (
        4,
        12,
        "Webinar: accessible documents in 30 minutes",
        "Join our accessibility team on Thursday at 12:00 (CET). Registration link follows.",
        ("Company blog", "Press room"),
        None,
    ),
    (
        8,
        10,
        "Annual report 2026 is online",
        "The annual report 2026 with the sustainability chapter is available as an accessible PDF.",
        ("Press room",),
        "Annual report",
    ),
    (
        15,
        9,
        "Winter aid: 500 bicycles handed over",
        "Together with the winter aid we hand over 500 restored bicycles on 10 December.",
        ("Company blog", "Careers", "Press room"),
        "Community",
    ),
]


def seed_demo(services: Services, folder: Path) -> None:
    """Three feed channels in ``folder``; past posts get published by a real engine pass, future ones wait."""
    for name, sub, url in (
        ("Company blog", "blog", "https://www.example.org/blog"),
        ("Press room", "press", "https://www.example.org/press"),
        ("Careers", "careers", None),
    ):
        target = folder / sub
        target.mkdir(parents=True, exist_ok=True)
        services.channels.add("feed", name=name, path=str(target), url=url)
    from publisher.domain.brand import BrandProfile

    services.brands.save(
        BrandProfile(
            name="Example Ltd",
            signatures={"*": "— Example Ltd press office"},
            hashtags={"mastodon": ("#ExampleLtd",), "bluesky": ("#ExampleLtd",)},
            banned_words=("cheap", "unbeatable", "world-class"),
            max_exclamations=1,
            utm={"source": "{kind}", "medium": "social", "campaign": "{campaign}"},
        )
    )
    tz = ZoneInfo(ZONE)
    today = services.clock.now().astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)
    for days, hour, title, body, channels, campaign in SAMPLES:
        when: datetime = today + timedelta(days=days, hours=hour)
        services.posts.create(body, channels=list(channels), title=title, campaign=campaign, at=when, tz=ZONE)
    # The past samples went out on time in the story the demo tells, however long ago that was.
    engine = PublishingEngine(
        services.db, services.registry, services.secrets, services.clock, mode="demo", grace=timedelta(days=365)
    )
    engine.run_once()
    engine.mark_stopped()
