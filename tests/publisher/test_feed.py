"""The feed channel: a folder of Markdown files plus an Atom feed, written atomically and idempotently."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from publisher.channels import feed as feed_module
from publisher.channels.feed import FEED_FILE, LOCK_FILE, MAX_ENTRIES, FeedConnector, FeedKind, atomic_write
from publisher.channels.protocol import ChannelConfig, PublishRequest
from publisher.errors import InputError, Rejected, Transient

ATOM = "{http://www.w3.org/2005/Atom}"
WHEN = datetime(2026, 12, 1, 8, 30, tzinfo=UTC)
BASE_URL = "https://www.example.org/blog"


def connector(folder: Path, *, base_url: str | None = BASE_URL, name: str = "Company blog") -> FeedConnector:
    config = ChannelConfig(id=1, name=name, base_url=base_url, handle=None, settings={"path": str(folder)})
    return FeedKind().connect(config, None)


def request(
    key: str = "pub-7-0123456789abcdef",
    *,
    title: str | None = "Spring volunteer day",
    text: str = "**Thank you** to everyone who planted trees.\n\nPhotos follow.",
    post_id: int = 7,
) -> PublishRequest:
    return PublishRequest(key=key, post_id=post_id, title=title, text=text, date=WHEN, channel_name="Company blog")


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- validating what the user entered --------------------------------------------------------------------


def test_validate_accepts_a_writable_folder_and_an_https_url(feed_dir):
    base_url, handle, settings = FeedKind().validate(base_url=BASE_URL, handle=None, path=str(feed_dir))
    assert (base_url, handle) == (BASE_URL, None)
    assert settings == {"path": str(feed_dir.resolve())}
    assert files_in(feed_dir) == []  # the write probe cleaned up after itself


@pytest.mark.parametrize("path", [None, "", "   "])
def test_validate_requires_a_folder(path):
    with pytest.raises(InputError) as caught:
        FeedKind().validate(base_url=None, handle=None, path=path)
    assert caught.value.code == "feed.path_required"


def test_validate_refuses_a_missing_folder_and_does_not_create_it(tmp_path):
    missing = tmp_path / "not-there"
    with pytest.raises(InputError) as caught:
        FeedKind().validate(base_url=None, handle=None, path=str(missing))
    assert caught.value.code == "feed.folder_missing"
    assert caught.value.params["path"] == str(missing)
    assert not missing.exists()


def test_validate_refuses_a_file(tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("hello")
    with pytest.raises(InputError) as caught:
        FeedKind().validate(base_url=None, handle=None, path=str(file))
    assert caught.value.code == "feed.not_a_folder"
    assert file.read_text() == "hello"


def test_validate_refuses_a_folder_it_may_not_write_to(unwritable_dir):
    with pytest.raises(InputError) as caught:
        FeedKind().validate(base_url=None, handle=None, path=str(unwritable_dir))
    assert caught.value.code == "feed.folder_not_writable"


def test_validate_reports_a_refused_write_as_not_writable(feed_dir, monkeypatch):
    """The same path when the operating system refuses to create a file (works as root, too)."""
    real_mkstemp = tempfile.mkstemp

    def refuse_in_feed_dir(*args, **kwargs):
        if Path(kwargs.get("dir", "")) == feed_dir:
            raise PermissionError(13, "Permission denied")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(feed_module.tempfile, "mkstemp", refuse_in_feed_dir)
    with pytest.raises(InputError) as caught:
        FeedKind().validate(base_url=None, handle=None, path=str(feed_dir))
    assert caught.value.code == "feed.folder_not_writable"


@pytest.mark.parametrize("url", ["ftp://example.org/feed", "example.org/blog", "https://", "not a url", "javascript:x"])
def test_validate_refuses_a_bad_url(feed_dir, url):
    with pytest.raises(InputError) as caught:
        FeedKind().validate(base_url=url, handle=None, path=str(feed_dir))
    assert caught.value.code == "channel.bad_url"
    assert caught.value.params["url"] == url


# -- publishing ------------------------------------------------------------------------------------------


def test_publishing_writes_a_markdown_file_and_an_atom_entry(feed_dir, feed_entries, markdown_files):
    req = request()
    result = connector(feed_dir).publish(req)

    [md] = markdown_files(feed_dir)
    assert md.name == "2026-12-01-spring-volunteer-day-89abcdef.md"
    assert result.remote_id == md.name
    assert result.remote_url == f"{BASE_URL}/{md.name}"
    front, body = md.read_text(encoding="utf-8").split("\n---\n", 1)
    assert front.startswith("---\n")
    front_lines = front.splitlines()[1:]
    assert 'title: "Spring volunteer day"' in front_lines
    assert f'id: "urn:publisher:{req.key}"' in front_lines
    assert 'channel: "Company blog"' in front_lines
    assert "publisher_post: 7" in front_lines
    assert any(line.startswith("date: ") for line in front_lines)
    assert body.strip() == req.text.strip()

    [entry] = feed_entries(feed_dir)
    assert entry.findtext(f"{ATOM}id") == f"urn:publisher:{req.key}"
    assert entry.findtext(f"{ATOM}title") == "Spring volunteer day"
    link = entry.find(f"{ATOM}link")
    assert link is not None and link.get("href") == result.remote_url
    content = entry.find(f"{ATOM}content")
    assert content is not None and content.get("type") == "html"
    assert "<strong>Thank you</strong>" in (content.text or "")
    assert entry.findtext(f"{ATOM}published")


def test_without_a_title_the_first_line_names_the_entry_and_the_file(feed_dir, feed_entries, markdown_files):
    connector(feed_dir, base_url=None).publish(request(title=None, text="# Opening hours\n\nWe open at 9."))
    [entry] = feed_entries(feed_dir)
    assert entry.findtext(f"{ATOM}title") == "Opening hours"
    [md] = markdown_files(feed_dir)
    assert "-opening-hours-" in md.name
    assert entry.find(f"{ATOM}link").get("href") == md.as_uri()  # no public URL: a file URL


def test_text_that_looks_like_markup_is_escaped_in_the_feed(feed_dir, feed_entries):
    connector(feed_dir).publish(request(title='Q&A <live> "today"', text="Fish & chips <b>"))
    [entry] = feed_entries(feed_dir)  # parses, so the XML is well formed
    assert entry.findtext(f"{ATOM}title") == 'Q&A <live> "today"'


def test_publishing_the_same_request_twice_makes_one_entry_and_one_file(feed_dir, feed_entries, markdown_files):
    first = connector(feed_dir).publish(request())
    second = connector(feed_dir).publish(request())
    assert second == first
    assert len(feed_entries(feed_dir)) == 1
    assert len(markdown_files(feed_dir)) == 1


def test_two_requests_make_two_entries_newest_first(feed_dir, entry_ids, markdown_files):
    conn = connector(feed_dir)
    conn.publish(request("pub-1-aaaaaaaaaaaa", title="Same title"))
    conn.publish(request("pub-2-bbbbbbbbbbbb", title="Same title"))
    assert entry_ids(feed_dir) == ["urn:publisher:pub-2-bbbbbbbbbbbb", "urn:publisher:pub-1-aaaaaaaaaaaa"]
    assert len(markdown_files(feed_dir)) == 2  # same title and day, still two files


def test_find_published_finds_only_what_was_published(feed_dir):
    conn = connector(feed_dir)
    assert conn.find_published(request()) is None
    result = conn.publish(request())
    assert conn.find_published(request()) == result
    assert conn.find_published(request("pub-8-ffffffffffff")) is None


@pytest.mark.parametrize(
    "content",
    [b"<feed><entry>half written", b"<?xml version='1.0'?><rss version='2.0'><channel/></rss>", b"\x00\xff garbage"],
    ids=["truncated", "not-atom", "binary"],
)
def test_a_corrupt_feed_is_rejected_and_left_as_it_is(feed_dir, markdown_files, content):
    (feed_dir / FEED_FILE).write_bytes(content)
    with pytest.raises(Rejected) as caught:
        connector(feed_dir).publish(request())
    assert caught.value.code == "feed.corrupt"
    assert caught.value.params["path"] == str(feed_dir / FEED_FILE)
    assert (feed_dir / FEED_FILE).read_bytes() == content
    assert markdown_files(feed_dir) == []


def test_the_feed_keeps_the_newest_entries_and_every_file(feed_dir, entry_ids, markdown_files):
    conn = connector(feed_dir)
    total = MAX_ENTRIES + 3
    for i in range(total):
        conn.publish(request(f"pub-{i}-{i:012x}", title=f"Post {i}"))
    ids = entry_ids(feed_dir)
    assert len(ids) == MAX_ENTRIES
    assert ids[0] == f"urn:publisher:pub-{total - 1}-{total - 1:012x}"  # newest kept, first
    assert f"urn:publisher:pub-0-{0:012x}" not in ids  # oldest dropped
    assert len(markdown_files(feed_dir)) == total


def test_publishing_leaves_no_temporary_files(feed_dir):
    conn = connector(feed_dir)
    for i in range(5):
        conn.publish(request(f"pub-{i}-{i:012x}", title=f"Post {i}"))
    names = files_in(feed_dir)
    assert [n for n in names if n not in (FEED_FILE, LOCK_FILE) and not n.endswith(".md")] == []


def test_published_files_are_readable_like_any_saved_file(feed_dir):
    """A web server or site generator running as another user must be able to read what was published."""
    result = connector(feed_dir).publish(request())
    reference = feed_dir / "reference.txt"
    reference.write_text("saved the ordinary way")
    expected = reference.stat().st_mode & 0o777
    assert (feed_dir / result.remote_id).stat().st_mode & 0o777 == expected
    assert (feed_dir / FEED_FILE).stat().st_mode & 0o777 == expected


def test_a_missing_folder_is_transient(tmp_path, feed_dir):
    conn = connector(feed_dir)
    shutil.rmtree(feed_dir)
    with pytest.raises(Transient) as caught:
        conn.publish(request())
    assert caught.value.code == "feed.folder_missing"
    assert not feed_dir.exists()  # never created behind the user's back


def test_an_unwritable_folder_is_rejected(unwritable_dir):
    with pytest.raises(Rejected) as caught:
        connector(unwritable_dir).publish(request())
    assert caught.value.code == "feed.folder_not_writable"


def test_verify_reports_the_folder(feed_dir, tmp_path):
    assert connector(feed_dir).verify().account == str(feed_dir)
    with pytest.raises(Rejected) as caught:
        connector(tmp_path / "gone").verify()
    assert caught.value.code == "feed.folder_missing"


# -- atomic_write ----------------------------------------------------------------------------------------


def test_atomic_write_replaces_the_file_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "feed.xml"
    target.write_bytes(b"old")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert files_in(tmp_path) == ["feed.xml"]


def test_a_failed_atomic_write_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "feed.xml"
    target.write_bytes(b"old")

    def no_space(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(feed_module.os, "replace", no_space)
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert files_in(tmp_path) == ["feed.xml"]


def test_a_failed_write_while_publishing_is_transient_and_leaves_no_temporary_file(feed_dir, monkeypatch):
    real_fsync = os.fsync

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(feed_module.os, "fsync", disk_full)
    with pytest.raises(Transient) as caught:
        connector(feed_dir).publish(request())
    monkeypatch.setattr(feed_module.os, "fsync", real_fsync)
    assert caught.value.code == "feed.write_failed"
    assert [n for n in files_in(feed_dir) if n != LOCK_FILE] == []


def test_posts_finishing_out_of_order_still_list_newest_first(feed_dir, entry_ids):
    """The engine publishes several posts of one feed at once; whichever finishes first, the later post leads."""
    from dataclasses import replace
    from datetime import timedelta

    conn = connector(feed_dir)
    later = replace(request("pub-2-bbbbbbbbbbbb", post_id=2, title="Later"), date=WHEN + timedelta(hours=1))
    earlier = request("pub-1-aaaaaaaaaaaa", post_id=1, title="Earlier")
    conn.publish(later)
    conn.publish(earlier)  # finished second, but meant for an hour earlier
    assert entry_ids(feed_dir) == ["urn:publisher:pub-2-bbbbbbbbbbbb", "urn:publisher:pub-1-aaaaaaaaaaaa"]
