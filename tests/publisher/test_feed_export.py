"""What a feed channel receives of a post's media and brand: files beside the posts, frames, tracked links."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image

from publisher.domain.brand import BrandProfile, ImageFrame
from publisher.media import MediaInput
from publisher.services import Services

ATOM = "{http://www.w3.org/2005/Atom}"


def _photo(tmp_path: Path) -> Path:
    path = tmp_path / "Team Photo.png"
    Image.new("RGB", (80, 60), (20, 120, 200)).save(path)
    return path


def _publish(services: Services, feed_dir: Path, **kwargs: object) -> str:
    services.channels.add("feed", name="Blog", path=str(feed_dir), url="https://example.org/news")
    services.posts.create("Read more at https://example.org/report", channels=["Blog"], title="Report", **kwargs)
    report = services.engine().run_once()
    assert len(report.published) == 1
    [md] = feed_dir.glob("*.md")
    return md.read_text(encoding="utf-8")


def test_media_go_beside_the_post_with_their_alt_text(services: Services, feed_dir: Path, tmp_path: Path) -> None:
    text = _publish(services, feed_dir, media=[MediaInput(_photo(tmp_path), "Our team at the river park")])
    [exported] = (feed_dir / "media").iterdir()
    assert exported.name.endswith("-team-photo.png")
    assert f"![Our team at the river park](media/{exported.name})" in text
    entry = ET.parse(feed_dir / "feed.xml").getroot().find(f"{ATOM}entry")
    assert entry is not None
    content = entry.findtext(f"{ATOM}content") or ""
    assert f'src="https://example.org/news/media/{exported.name}"' in content
    assert 'alt="Our team at the river park"' in content


def test_the_brand_frame_and_link_tracking_are_applied_on_the_way_out(
    services: Services, feed_dir: Path, tmp_path: Path
) -> None:
    services.brands.save(
        BrandProfile(
            name="ACME",
            utm={"source": "{kind}", "medium": "social", "campaign": "{campaign}"},
            frame=ImageFrame(border_width=5, border_color="#ff0000"),
        )
    )
    text = _publish(services, feed_dir, media=[MediaInput(_photo(tmp_path), "A photo")], brand="ACME", campaign="Q4")
    assert "https://example.org/report?utm_source=feed&utm_medium=social&utm_campaign=Q4" in text
    [exported] = (feed_dir / "media").iterdir()
    with Image.open(exported) as image:
        assert image.getpixel((0, 0))[:3] == (255, 0, 0)  # the brand's border
        assert image.getpixel((image.width // 2, image.height // 2))[:3] == (20, 120, 200)
    # the stored original is untouched
    detail = services.posts.get(1)
    assert detail.media[0].alt_text == "A photo"


def test_publishing_again_copies_nothing_twice(services: Services, feed_dir: Path, tmp_path: Path) -> None:
    _publish(services, feed_dir, media=[MediaInput(_photo(tmp_path), "A photo")])
    delivery = services.posts.get(1).deliveries[0]
    from publisher.channels.feed import FeedKind
    from publisher.channels.protocol import ChannelConfig, MediaItem, PublishRequest
    from publisher.media import MediaStore

    [asset] = services.posts.get(1).media
    store = MediaStore()
    item = MediaItem(
        path=str(store.path_of(asset.storage_path)),
        filename=asset.filename,
        mime_type=asset.mime_type,
        sha256=asset.sha256,
        alt_text=asset.alt_text,
    )
    connector = FeedKind().connect(ChannelConfig(1, "Blog", None, None, {"path": str(feed_dir)}), None)
    request = PublishRequest(
        key="another-key",
        post_id=1,
        title="Again",
        text="Again",
        date=delivery.scheduled_at,
        channel_name="Blog",
        media=(item,),
    )
    connector.publish(request)
    assert len(list((feed_dir / "media").iterdir())) == 1
    assert len(list(feed_dir.glob("*.md"))) == 2
