"""Posts with media: files are checked against every chosen network before anything is written, stored once by
content, and saved with the post in one transaction; one bad file means no post, no rows and no files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from publisher.db.models import AuditEntry, Channel, Delivery, MediaAsset, Post, Variant
from publisher.errors import InputError, NotFound
from publisher.media import MediaInput, MediaStore
from publisher.services.posts import PostService


def image(path: Path, fmt: str = "PNG", size: tuple[int, int] = (40, 30), colour=(200, 0, 0)) -> Path:
    Image.new("RGB", size, colour).save(path, fmt)
    return path


def counts(services) -> dict[str, int]:
    with services.db.session() as s:
        return {
            model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Post, Delivery, Variant, MediaAsset, AuditEntry)
        }


def media_files(services) -> list[Path]:
    root = services.posts.media_store.root
    return sorted(p for p in root.rglob("*")) if root.exists() else []


def add_channel(services, name: str, kind: str) -> None:
    """A channel of a network kind this build has no connector for yet: the row is all ``create`` reads."""
    with services.db.session() as s:
        s.add(Channel(kind=kind, name=name, settings={}, created_at=services.clock.now()))


@pytest.fixture
def blog(services, feed_dir):
    return services.channels.add("feed", name="Blog", path=str(feed_dir))


def test_a_post_with_media_stores_each_file_once_and_keeps_the_order(services, blog, tmp_path):
    red = image(tmp_path / "red.png")
    blue = image(tmp_path / "blue.jpg", "JPEG", size=(64, 48), colour=(0, 0, 200))
    red_again = tmp_path / "copy-of-red.png"
    red_again.write_bytes(red.read_bytes())

    post = services.posts.create(
        "Our new office",
        channels=["Blog"],
        media=[
            MediaInput(red, "A red square"),
            MediaInput(blue, "  A blue rectangle  "),
            MediaInput(red_again, "The red square again"),
        ],
    )

    assert [m.filename for m in post.media] == ["red.png", "blue.jpg", "copy-of-red.png"]
    assert [m.position for m in post.media] == [0, 1, 2]
    assert [m.alt_text for m in post.media] == ["A red square", "A blue rectangle", "The red square again"]
    assert [(m.mime_type, m.width, m.height) for m in post.media] == [
        ("image/png", 40, 30),
        ("image/jpeg", 64, 48),
        ("image/png", 40, 30),
    ]
    assert post.media[0].sha256 == post.media[2].sha256 != post.media[1].sha256
    store = services.posts.media_store
    files = [p for p in media_files(services) if p.is_file()]
    assert len(files) == 2  # the same bytes are stored once
    for m in post.media:
        assert m.storage_path == f"media/{m.sha256[:2]}/{m.sha256}"
        assert store.path_of(m.storage_path).is_file()
    assert store.path_of(post.media[1].storage_path).read_bytes() == blue.read_bytes()

    assert services.posts.get(post.id).media == post.media
    shown = post.to_json()["media"]
    assert shown[1] == {
        "filename": "blue.jpg",
        "mime_type": "image/jpeg",
        "size": blue.stat().st_size,
        "width": 64,
        "height": 48,
        "duration_ms": None,
        "animated": False,
        "alt_text": "A blue rectangle",
        "sha256": post.media[1].sha256,
        "position": 1,
    }
    with services.db.session() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "post.created"))
        assert entry.detail["media"] == [m.sha256 for m in post.media]


def test_the_original_files_may_go_away_after_saving(services, blog, tmp_path):
    picture = image(tmp_path / "red.png")
    post = services.posts.create("Hello", channels=["Blog"], media=[MediaInput(picture, "Red")])
    picture.unlink()
    assert services.posts.media_store.path_of(post.media[0].storage_path).is_file()


@pytest.mark.parametrize(
    ("make_bad", "code"),
    [
        (
            lambda tmp: (tmp / "notes.png").write_text("not an image") and MediaInput(tmp / "notes.png", "x"),
            "media.not_media",
        ),
        (lambda tmp: MediaInput(tmp / "missing.png", "x"), "media.missing"),
        (lambda tmp: MediaInput(image(tmp / "no-alt.png"), None), "media.alt_missing"),
        (lambda tmp: MediaInput(image(tmp / "blank-alt.png"), "   "), "media.alt_missing"),
        (lambda tmp: MediaInput(image(tmp / "huge-alt.png"), "x" * 5001), "media.alt_too_long_to_store"),
    ],
    ids=["not-an-image", "missing", "no-alt", "blank-alt", "alt-too-long"],
)
def test_one_bad_file_means_nothing_is_written(services, blog, tmp_path, make_bad, code):
    good = image(tmp_path / "good.png")
    before = (counts(services), media_files(services))
    with pytest.raises(InputError) as caught:
        services.posts.create("Hello", channels=["Blog"], media=[MediaInput(good, "A red square"), make_bad(tmp_path)])
    assert caught.value.code == code
    assert "{" not in str(caught.value)
    assert (counts(services), media_files(services)) == before
    assert not services.posts.media_store.root.exists()  # not even the folder


def test_a_200_mb_file_is_refused_and_nothing_is_written(services, blog, tmp_path):
    good = image(tmp_path / "good.png")
    huge = tmp_path / "film.mp4"
    with huge.open("wb") as f:
        f.truncate(201 * 1024 * 1024)
    before = (counts(services), media_files(services))
    with pytest.raises(InputError) as caught:
        services.posts.create("Hello", channels=["Blog"], media=[MediaInput(good, "ok"), MediaInput(huge, "A film")])
    assert caught.value.code == "media.too_large"
    assert (counts(services), media_files(services)) == before


def test_media_a_chosen_network_refuses_stop_the_whole_post(services, blog, tmp_path):
    add_channel(services, "Sky", "bluesky")
    pictures = [MediaInput(image(tmp_path / f"{i}.png"), f"Picture {i}") for i in range(5)]
    before = (counts(services), media_files(services))
    with pytest.raises(InputError) as caught:
        services.posts.create("Five pictures", channels=["Blog", "Sky"], media=pictures)
    assert caught.value.code == "media.too_many"
    assert caught.value.params == {"kind": "bluesky", "network": "Bluesky", "count": 5, "max": 4, "channel": "Sky"}
    assert str(caught.value) == "5 media files; Bluesky takes at most 4 per post."
    assert (counts(services), media_files(services)) == before

    post = services.posts.create("Five pictures", channels=["Blog"], media=pictures)  # the feed takes them
    assert len(post.media) == 5


def test_a_warning_does_not_stop_a_post(services, tmp_path):
    add_channel(services, "Announcements", "telegram")
    post = services.posts.create(
        "Hello", channels=["Announcements"], media=[MediaInput(image(tmp_path / "a.png"), "Alt text Telegram drops")]
    )
    assert post.media[0].alt_text == "Alt text Telegram drops"


def test_unknown_channels_are_still_reported_before_media_are_stored(services, blog, tmp_path):
    with pytest.raises(NotFound):
        services.posts.create("Hi", channels=["Blog", "Nope"], media=[MediaInput(image(tmp_path / "a.png"), "A")])
    assert media_files(services) == []


def test_files_stored_for_a_post_that_then_fails_are_removed_again(services, blog, tmp_path, monkeypatch):
    def broken_insert(self, session, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(PostService, "_insert", broken_insert)
    with pytest.raises(RuntimeError):
        services.posts.create("Hi", channels=["Blog"], media=[MediaInput(image(tmp_path / "a.png"), "A")])
    assert [p for p in media_files(services) if p.is_file()] == []
    assert services.posts.count() == 0


def test_a_file_already_in_the_store_is_kept_when_a_later_post_fails(services, blog, tmp_path, monkeypatch):
    picture = image(tmp_path / "a.png")
    first = services.posts.create("First", channels=["Blog"], media=[MediaInput(picture, "A")])
    monkeypatch.setattr(PostService, "_insert", lambda self, session, **kw: (_ for _ in ()).throw(RuntimeError()))
    with pytest.raises(RuntimeError):
        services.posts.create("Second", channels=["Blog"], media=[MediaInput(picture, "A")])
    assert services.posts.media_store.path_of(first.media[0].storage_path).is_file()


def test_too_many_files_for_any_post(services, blog, tmp_path):
    picture = image(tmp_path / "a.png")
    with pytest.raises(InputError) as caught:
        services.posts.create("Hi", channels=["Blog"], media=[MediaInput(picture, "A")] * 21)
    assert caught.value.code == "media.too_many_files"


def test_posts_without_media_are_unchanged(services, blog):
    post = services.posts.create("Hello", channels=["Blog"])
    assert post.media == () and post.brand is None
    assert post.to_json()["media"] == [] and post.to_json()["brand"] is None


def test_variants_are_saved_for_their_channels(services, tmp_path):
    for name in ("Blog", "News"):
        (tmp_path / name).mkdir()
        services.channels.add("feed", name=name, path=str(tmp_path / name))
    post = services.posts.create("Body", channels=["Blog", "News"], variants={"News": "News text", "Blog": "  "})
    with services.db.session() as s:
        rows = s.execute(select(Channel.name, Variant.body).join(Channel, Channel.id == Variant.channel_id)).all()
    assert rows == [("News", "News text")]  # a blank variant means: use the body
    assert post.id


def test_a_variant_for_a_channel_not_chosen_is_refused(services, blog):
    with pytest.raises(InputError) as caught:
        services.posts.create("Body", channels=["Blog"], variants={"Elsewhere": "text"})
    assert caught.value.code == "post.variant_not_selected"
    assert str(caught.value) == "There is a variant for 'Elsewhere', but the post does not go there."
    assert services.posts.count() == 0


def test_the_store_follows_the_data_directory(services):
    assert isinstance(services.posts.media_store, MediaStore)
    assert services.posts.media_store.root.parent.name.startswith("data")
