"""Media files: sniffed by content (never by name), refused with a clear code when they are not media, too large,
empty or damaged; each network's limits; the content-addressed store; and the brand's frame drawn on images."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest
from PIL import Image

from publisher.domain.brand import ImageFrame
from publisher.domain.problems import Problem, Severity
from publisher.errors import ConfigError, InputError
from publisher.media import (
    MAX_MEDIA_BYTES,
    MEDIA_LIMITS,
    MEDIA_MESSAGES,
    MediaInfo,
    MediaStore,
    apply_frame,
    inspect_media,
    limits_for,
    media_problems,
)
from publisher.messages import MESSAGES


def describe_problem(problem: Problem) -> str:
    """The English sentence for a problem, as the CLI shows it."""
    return MESSAGES[problem.code].format(**problem.params)


RED = (200, 0, 0)


def make_image(path: Path, fmt: str, size: tuple[int, int] = (40, 30), colour=RED, **save) -> Path:
    Image.new("RGB", size, colour).save(path, fmt, **save)
    return path


def box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(body), kind) + body


def mp4_bytes(*, brand=b"isom", width=1920, height=1080, duration=12_345, timescale=1000, rotated=False, mdat_first=0):
    """A minimal but well-formed ISO media file: ftyp, optional mdat, moov(mvhd, trak(tkhd))."""
    mvhd = struct.pack(">B3xIIII", 0, 0, 0, timescale, duration) + bytes(80)
    identity = (0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
    turned = (0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000)
    tkhd = (
        struct.pack(">B3xIII4xI8x8x", 0, 0, 0, 1, duration)
        + struct.pack(">9i", *(turned if rotated else identity))
        + struct.pack(">II", width << 16, height << 16)
    )
    moov = box(b"moov", box(b"mvhd", mvhd) + box(b"trak", box(b"tkhd", tkhd)))
    ftyp = box(b"ftyp", brand + b"\x00\x00\x02\x00" + brand + b"mp41")
    mdat = box(b"mdat", bytes(mdat_first)) if mdat_first else b""
    return ftyp + mdat + moov


def info(mime="image/png", *, size=1000, width=800, height=600, alt="A red square", **more) -> MediaInfo:
    return MediaInfo(
        mime_type=mime, size=size, filename=f"f.{mime.split('/')[1]}", width=width, height=height, alt_text=alt, **more
    )


# -- sniffing ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "mime"),
    [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("GIF", "image/gif"), ("WEBP", "image/webp")],
)
def test_images_are_recognised_with_their_size(tmp_path, fmt, mime):
    path = make_image(tmp_path / "picture", fmt, size=(64, 48))
    found = inspect_media(path)
    assert found.mime_type == mime
    assert (found.width, found.height) == (64, 48)
    assert found.size == path.stat().st_size
    assert found.filename == "picture"
    assert found.category == "image"
    assert not found.animated


def test_the_name_does_not_decide_the_type(tmp_path):
    png_named_jpg = make_image(tmp_path / "photo.jpg", "PNG")
    assert inspect_media(png_named_jpg).mime_type == "image/png"


def test_a_text_file_named_png_is_refused(tmp_path):
    fake = tmp_path / "logo.png"
    fake.write_text("This is not an image, just some notes.\n")
    with pytest.raises(InputError) as caught:
        inspect_media(fake)
    assert caught.value.code == "media.not_media"
    assert caught.value.params == {"path": str(fake)}
    assert "not an image or a video" in str(caught.value)


def test_a_file_over_the_cap_is_refused_without_being_read(tmp_path, monkeypatch):
    huge = tmp_path / "holiday.mp4"
    with huge.open("wb") as f:
        f.write(mp4_bytes())
        f.truncate(201 * 1024 * 1024)  # sparse: takes no disk space
    opened: list[Path] = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    with pytest.raises(InputError) as caught:
        inspect_media(huge)
    assert caught.value.code == "media.too_large"
    assert caught.value.params["size"] == 201 * 1024 * 1024
    assert caught.value.params["max"] == MAX_MEDIA_BYTES == 200 * 1024 * 1024
    assert str(caught.value) == (
        f"The file {huge} is 201 MB; Publisher takes files up to 200 MB. Make it smaller first "
        "(e.g. export the video at a lower bit rate)."
    )
    assert opened == []


@pytest.mark.parametrize(
    ("content", "code", "params"),
    [
        (b"", "media.empty", {}),
        (b"\x89PNG\r\n\x1a\n" + os.urandom(200), "media.corrupt", {"type": "PNG"}),
        (b"\xff\xd8\xff" + b"\x00" * 10, "media.corrupt", {"type": "JPEG"}),
        (b"GIF89a\x01", "media.corrupt", {"type": "GIF"}),
        (box(b"ftyp", b"heic\x00\x00\x00\x00mif1heic") + bytes(64), "media.unsupported_type", {"type": "HEIC image"}),
        (box(b"ftyp", b"avif\x00\x00\x00\x00mif1avif") + bytes(64), "media.unsupported_type", {"type": "AVIF image"}),
        (box(b"ftyp", b"M4A \x00\x00\x00\x00M4A mp42") + bytes(64), "media.unsupported_type", {"type": "M4A audio"}),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x82\x88matroska" + bytes(64), "media.unsupported_type", {"type": "Matroska video"}),
        (b"%PDF-1.7\n" + bytes(100), "media.not_media", {}),
        (b"PK\x03\x04" + bytes(100), "media.not_media", {}),
    ],
    ids=["empty", "png-garbage", "jpeg-garbage", "gif-truncated", "heic", "avif", "m4a", "mkv", "pdf", "zip"],
)
def test_files_that_are_not_usable_media_are_refused_with_a_clear_code(tmp_path, content, code, params):
    path = tmp_path / "upload.png"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        inspect_media(path)
    assert caught.value.code == code
    assert caught.value.params == {"path": str(path), **params}
    assert code in MESSAGES and "{" not in str(caught.value)


def test_missing_files_and_folders_are_refused(tmp_path):
    with pytest.raises(InputError) as caught:
        inspect_media(tmp_path / "nope.png")
    assert caught.value.code == "media.missing"
    with pytest.raises(InputError) as caught:
        inspect_media(tmp_path)
    assert caught.value.code == "media.not_a_file"


def test_an_unreadable_file_is_refused(tmp_path):
    path = make_image(tmp_path / "secret.png", "PNG")
    path.chmod(0)
    try:
        try:
            path.read_bytes()
        except PermissionError:
            pass
        else:
            pytest.skip("this user can read any file (root)")
        with pytest.raises(InputError) as caught:
            inspect_media(path)
        assert caught.value.code == "media.unreadable"
    finally:
        path.chmod(0o600)


def test_animated_gifs_are_marked(tmp_path):
    frames = [Image.new("RGB", (20, 10), c) for c in (RED, (0, 200, 0))]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    found = inspect_media(path)
    assert found.mime_type == "image/gif" and found.animated


def test_a_rotated_jpeg_reports_the_size_it_is_shown_at(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise when shown
    path = make_image(tmp_path / "phone.jpg", "JPEG", size=(60, 20), exif=exif)
    found = inspect_media(path)
    assert (found.width, found.height) == (20, 60)


def test_videos_are_recognised_by_their_container(tmp_path):
    mp4 = tmp_path / "clip.bin"
    mp4.write_bytes(mp4_bytes())
    found = inspect_media(mp4)
    assert found.mime_type == "video/mp4" and found.category == "video"
    assert (found.width, found.height, found.duration_ms) == (1920, 1080, 12_345)

    mov = tmp_path / "clip.mov"
    mov.write_bytes(mp4_bytes(brand=b"qt  ", width=640, height=480, duration=90_000, timescale=600))
    found = inspect_media(mov)
    assert (found.mime_type, found.width, found.height, found.duration_ms) == ("video/quicktime", 640, 480, 150_000)

    old_mov = tmp_path / "old.mov"
    old_mov.write_bytes(box(b"wide", b"") + box(b"mdat", bytes(32)))
    assert inspect_media(old_mov).mime_type == "video/quicktime"

    webm = tmp_path / "clip.webm"
    webm.write_bytes(b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + bytes(64))
    found = inspect_media(webm)
    assert found.mime_type == "video/webm" and found.width is None  # EBML is not parsed


def test_a_phone_video_reports_its_upright_size_and_moov_after_mdat_is_found(tmp_path):
    path = tmp_path / "portrait.mp4"
    path.write_bytes(mp4_bytes(width=1920, height=1080, rotated=True, mdat_first=100_000))
    found = inspect_media(path)
    assert (found.width, found.height) == (1080, 1920)


def test_a_video_without_an_index_is_accepted_with_unknown_size(tmp_path):
    path = tmp_path / "broken.mp4"
    path.write_bytes(box(b"ftyp", b"isom\x00\x00\x00\x00isom") + b"\x00\x00\x00\x04junk")
    found = inspect_media(path)
    assert found.mime_type == "video/mp4" and (found.width, found.height, found.duration_ms) == (None, None, None)


# -- each network's limits ---------------------------------------------------------------------------------


def test_every_kind_in_the_channel_notes_has_limits_and_a_source():
    assert set(MEDIA_LIMITS) == {
        "mastodon", "bluesky", "x", "linkedin", "facebook", "instagram", "threads", "telegram", "discord", "matrix",
        "wordpress", "feed",
    }  # fmt: skip
    assert all(limits.source for limits in MEDIA_LIMITS.values())
    assert MEDIA_LIMITS["mastodon"].alt_max == 1500
    assert MEDIA_LIMITS["bluesky"].alt_max == 2000
    assert MEDIA_LIMITS["bluesky"].max_bytes["image"] == 2_000_000
    assert MEDIA_LIMITS["x"].alt_max == 1000
    assert MEDIA_LIMITS["telegram"].alt_for == frozenset()


def test_good_media_have_no_problems_anywhere_they_fit():
    jpeg = info("image/jpeg", size=500_000, width=1080, height=1080)
    for kind in MEDIA_LIMITS:
        assert not any(p.blocks for p in media_problems([jpeg], kind)), kind


def test_too_many_files():
    [problem] = media_problems([info()] * 5, "bluesky")
    assert (problem.code, problem.severity) == ("media.too_many", Severity.ERROR)
    assert problem.params == {"kind": "bluesky", "network": "Bluesky", "count": 5, "max": 4}
    assert describe_problem(problem) == "5 media files; Bluesky takes at most 4 per post."
    assert media_problems([info()] * 4, "bluesky") == []
    assert media_problems([info()] * 30, "wordpress") == []


def test_a_file_too_big_for_the_network():
    [problem] = media_problems([info(size=3_000_000)], "bluesky")
    assert problem.code == "media.too_big"
    assert problem.params["size"] == 3_000_000 and problem.params["max"] == 2_000_000
    assert problem.params["index"] == 0 and problem.params["filename"] == "f.png"
    assert describe_problem(problem) == "f.png is 2.9 MB; Bluesky takes at most 1.9 MB for this type."
    assert media_problems([info(size=2_000_000)], "bluesky") == []
    # X: GIFs may be bigger than other images
    assert media_problems([info("image/gif", size=10 * 1024 * 1024)], "x") == []
    assert [p.code for p in media_problems([info("image/png", size=10 * 1024 * 1024)], "x")] == ["media.too_big"]


def test_a_type_the_network_does_not_take():
    [problem] = media_problems([info("image/png")], "instagram")
    assert problem.code == "media.type_not_allowed"
    assert problem.params["type"] == "PNG" and problem.params["allowed"] == "JPEG, MOV, MP4"
    assert [p.code for p in media_problems([info("video/webm", width=None, height=None)], "x")] == [
        "media.type_not_allowed"
    ]


def test_videos_and_animations_that_must_be_alone():
    video = info("video/mp4", size=5_000_000, width=1280, height=720, duration_ms=10_000)
    gif = info("image/gif", animated=True)
    [problem] = media_problems([info(), video], "x")
    assert problem.code == "media.must_be_alone"
    assert problem.params["index"] == 1 and problem.params["category"] == "video"
    [problem] = media_problems([gif, info()], "mastodon")
    assert problem.params["category"] == "animated image"
    assert media_problems([gif, info()], "bluesky") == []  # Bluesky shows a GIF as a still image
    assert media_problems([video.with_alt(None), info("image/jpeg", alt=None)], "telegram") == []  # albums mix
    assert media_problems([video], "x") == []


def test_dimensions_aspect_and_duration():
    assert [p.code for p in media_problems([info("image/jpeg", width=200, height=200)], "instagram")] == [
        "media.too_small"
    ]
    [problem] = media_problems([info("image/jpeg", width=3000, height=1000)], "instagram")
    assert problem.code == "media.bad_aspect_ratio" and problem.params["ratio"] == "3.00"
    assert media_problems([info("image/jpeg", width=1080, height=1350)], "instagram") == []  # exactly 4:5
    [problem] = media_problems([info(width=9000, height=5000, alt=None)], "telegram")
    assert problem.code == "media.dimensions_too_large"
    assert problem.params["max_width"] + problem.params["max_height"] <= 10_000
    [problem] = media_problems([info(width=10_000, height=10_000)], "mastodon")
    assert problem.code == "media.too_many_pixels" and problem.params["max_pixels"] == 33_177_600
    long_video = info("video/mp4", size=1_000_000, width=1280, height=720, duration_ms=200_000)
    [problem] = media_problems([long_video], "x")
    assert problem.code == "media.too_long_video" and problem.params["max_seconds"] == 140
    assert media_problems([long_video], "mastodon") == []


def test_alt_text_is_required_by_default_and_limited_per_network():
    [problem] = media_problems([info(alt=None)], "mastodon")
    assert (problem.code, problem.severity) == ("media.alt_missing", Severity.ERROR)
    assert describe_problem(problem) == "f.png has no alt text. Describe the image for people who cannot see it."
    assert [p.code for p in media_problems([info(alt="   ")], "feed")] == ["media.alt_missing"]
    assert [p.code for p in media_problems([info(alt=None)], "some-plugin-kind")] == ["media.alt_missing"]
    assert media_problems([info(alt=None)], "mastodon", alt_required=False) == []

    [problem] = media_problems([info(alt="x" * 1501)], "mastodon")
    assert problem.code == "media.alt_too_long"
    assert problem.params["length"] == 1501 and problem.params["max"] == 1500
    assert problem.fix is not None and problem.fix.code == "shorten_alt"
    assert media_problems([info(alt="x" * 1500)], "mastodon") == []
    assert media_problems([info(alt="x" * 1500)], "bluesky") == []
    assert [p.code for p in media_problems([info(alt="x" * 1001)], "x")] == ["media.alt_too_long"]


def test_networks_without_alt_text_warn_that_it_is_dropped():
    assert media_problems([info(alt=None)], "telegram") == []
    [problem] = media_problems([info()], "telegram")
    assert (problem.code, problem.severity) == ("media.alt_not_sent", Severity.WARNING)
    video = info("video/mp4", size=1_000_000, width=1280, height=720, alt=None)
    assert media_problems([video], "instagram") == []  # Instagram takes alt text for images only


def test_the_total_size_per_message():
    three = [info(size=4 * 1024 * 1024)] * 3
    [problem] = media_problems(three, "discord")
    assert problem.code == "media.total_too_big" and problem.params["max_human"] == "10 MB"


def test_instagram_needs_media():
    [problem] = media_problems([], "instagram")
    assert problem.code == "media.required"
    assert media_problems([], "mastodon") == []


def test_pairs_of_info_and_alt_text_are_accepted():
    bare = info(alt=None)
    assert media_problems([(bare, "A red square")], "mastodon") == []
    assert [p.code for p in media_problems([(bare, "")], "mastodon")] == ["media.alt_missing"]


def test_unknown_kinds_get_publishers_own_limits():
    assert limits_for("myspace").max_count is None
    assert media_problems([info()] * 50, "myspace") == []


def test_every_media_message_formats_with_the_params_its_code_gets():
    for code, template in MEDIA_MESSAGES.items():
        assert MESSAGES[code] == template
    sample = {
        "path": "a.png", "reason": "denied", "size": 1, "max": 2, "size_human": "1 MB", "max_human": "2 MB",
        "type": "PNG", "max_pixels": 10, "filename": "a.png", "kind": "x", "network": "X", "count": 5,
        "category": "video", "allowed": "JPEG", "width": 1, "height": 2, "max_width": 3, "max_height": 4,
        "pixels": 5, "min_width": 6, "ratio": "1.00", "min_ratio": "0.80", "max_ratio": "1.91", "seconds": 3,
        "max_seconds": 2, "length": 9, "index": 0,
    }  # fmt: skip
    for template in MEDIA_MESSAGES.values():
        assert "{" not in template.format(**sample)


# -- the store ----------------------------------------------------------------------------------------------


def test_the_store_keeps_each_content_once(tmp_path):
    store = MediaStore(tmp_path / "data")
    first = make_image(tmp_path / "a.png", "PNG")
    copy = tmp_path / "same-bytes-other-name.png"
    copy.write_bytes(first.read_bytes())

    stored = store.put(first)
    assert stored.created and stored.size == first.stat().st_size
    assert stored.storage_path == f"media/{stored.sha256[:2]}/{stored.sha256}"
    assert store.path_of(stored.storage_path).read_bytes() == first.read_bytes()
    assert store.exists(stored.sha256)

    again = store.put(copy)
    assert (again.sha256, again.storage_path, again.created) == (stored.sha256, stored.storage_path, False)
    files = [p for p in (tmp_path / "data" / "media").rglob("*") if p.is_file()]
    assert files == [store.path_of(stored.storage_path)]  # one file, no temporary left behind

    store.discard(again)  # did not create it: keeps it
    assert store.exists(stored.sha256)
    store.discard(stored)
    assert not store.exists(stored.sha256)


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "media/../../x/y", "other/ab/abc", "media/ab"])
def test_the_store_refuses_paths_outside_its_folder(tmp_path, path):
    with pytest.raises(InputError) as caught:
        MediaStore(tmp_path).path_of(path)
    assert caught.value.code == "media.bad_storage_path"


def test_the_store_defaults_to_the_data_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("PUBLISHER_DATA_DIR", str(tmp_path / "elsewhere"))
    assert MediaStore().root == tmp_path / "elsewhere" / "media"


def test_a_store_that_cannot_be_written_says_so(unwritable_dir, tmp_path):
    source = make_image(tmp_path / "a.png", "PNG")
    with pytest.raises(ConfigError) as caught:
        MediaStore(unwritable_dir).put(source)
    assert caught.value.code == "media.store_failed"


# -- the frame -------------------------------------------------------------------------------------------------


def test_a_border_surrounds_the_image(tmp_path):
    src = make_image(tmp_path / "in.png", "PNG", size=(40, 30))
    out = tmp_path / "out.png"
    written = apply_frame(src, ImageFrame(border_width=5, border_color="#00ff00"), out)
    assert (written.mime_type, written.width, written.height) == ("image/png", 50, 40)
    with Image.open(out) as image:
        image.load()
        assert image.size == (50, 40)
        for xy in [(0, 0), (49, 39), (4, 20), (25, 4), (45, 35)]:
            assert image.getpixel(xy)[:3] == (0, 255, 0), xy
        assert image.getpixel((5, 5))[:3] == RED
        assert image.getpixel((25, 20))[:3] == RED
    assert src.read_bytes() == (tmp_path / "in.png").read_bytes()


def test_a_text_watermark_lands_in_its_corner(tmp_path):
    src = make_image(tmp_path / "in.jpg", "JPEG", size=(400, 300), colour=(0, 0, 0))
    out = tmp_path / "out.jpg"
    frame = ImageFrame(
        border_width=10,
        border_color="#ffffff",
        watermark_text="ACME",
        opacity=1.0,
        scale=0.3,
        position="bottom-right",
        text_color="#ffff00",
    )
    written = apply_frame(src, frame, out)
    assert (written.mime_type, written.width, written.height) == ("image/jpeg", 420, 320)
    with Image.open(out) as image:
        image = image.convert("RGB")
        bright = [(x, y) for x in range(10, 410, 2) for y in range(10, 310, 2) if sum(image.getpixel((x, y))) > 300]
    assert bright, "the watermark was not drawn"
    assert all(x > 210 and y > 160 for x, y in bright)  # all in the bottom-right quarter of the picture


def test_an_image_watermark_with_opacity(tmp_path):
    src = make_image(tmp_path / "in.webp", "WEBP", size=(200, 100), colour=(0, 0, 0), lossless=True)
    logo = make_image(tmp_path / "logo.png", "PNG", size=(50, 50), colour=(255, 255, 255))
    out = tmp_path / "out.webp"
    frame = ImageFrame(watermark_image=str(logo), opacity=0.5, scale=0.5, position="top-left")
    written = apply_frame(src, frame, out)
    assert (written.mime_type, written.width, written.height) == ("image/webp", 200, 100)
    with Image.open(out) as image:
        image = image.convert("RGB")
        r, g, b = image.getpixel((30, 30))
        assert 100 <= r <= 160 and r == g == b  # half-transparent white on black
        assert image.getpixel((190, 90)) == (0, 0, 0)


def test_a_missing_watermark_image_is_a_clear_error(tmp_path):
    src = make_image(tmp_path / "in.png", "PNG")
    with pytest.raises(InputError) as caught:
        apply_frame(src, ImageFrame(watermark_image=str(tmp_path / "gone.png")), tmp_path / "out.png")
    assert caught.value.code == "brand.watermark_missing"
    assert not (tmp_path / "out.png").exists()


def test_animations_and_videos_are_copied_unchanged(tmp_path):
    frames = [Image.new("RGB", (20, 10), c) for c in (RED, (0, 200, 0))]
    gif = tmp_path / "anim.gif"
    frames[0].save(gif, save_all=True, append_images=frames[1:])
    out = tmp_path / "out.gif"
    written = apply_frame(gif, ImageFrame(border_width=3), out)
    assert out.read_bytes() == gif.read_bytes() and written.animated


def test_a_gif_gets_its_frame_and_stays_a_gif(tmp_path):
    src = make_image(tmp_path / "in.gif", "GIF", size=(30, 30))
    written = apply_frame(src, ImageFrame(border_width=2, border_color="#0000ff"), tmp_path / "out.gif")
    assert (written.mime_type, written.width, written.height) == ("image/gif", 34, 34)
    with Image.open(tmp_path / "out.gif") as image:
        assert image.convert("RGB").getpixel((0, 0)) == (0, 0, 255)


def test_a_source_that_vanished_before_storing_is_an_input_error(tmp_path):
    store = MediaStore(tmp_path / "data")
    with pytest.raises(InputError) as caught:
        store.put(tmp_path / "gone.png")
    assert caught.value.code == "media.missing"
    assert not store.root.exists()
