"""The WordPress connector against real WordPress on loopback (tests/integration/servers/wordpress_server.py).

The site is Debian's WordPress 6.1 files served by the WordPress Playground CLI (PHP as WebAssembly, SQLite), both
fetched into a cache on first use (``apt-get download`` + npm). An install or start failure fails the test with the
log tail; ``PUBLISHER_SKIP_SERVERS=1`` skips it instead (for machines without package access).

The other servers' tests also publish a two-part thread. WordPress has no threads (the kind says
``threads=False``): a post is one article however long, so there is nothing to chain. Replies are comments,
threaded by ``parent``, and those are tested here.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from PIL import Image

from publisher.channels import wordpress
from publisher.channels.protocol import ChannelConfig, InboxItem, MediaItem, PublishRequest
from publisher.channels.wordpress import WordPressConnector, WordPressKind, html_to_text, post_slug
from publisher.errors import AuthExpired, Rejected
from tests.integration.servers.running import REAL_SERVERS, running, script

pytestmark = REAL_SERVERS

API = "/wp-json/wp/v2"
WHEN = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@dataclass
class Site:
    url: str
    servers: ModuleType
    admin_password: str  # an application password of ``admin``

    def api(self, method: str, path: str, *, auth: tuple[str, str] | None = None, **kwargs: Any) -> httpx.Response:
        """A REST call as ``admin`` (or ``auth``; ``("", "")`` for anonymous) that must succeed."""
        if auth is None:
            auth = ("admin", self.admin_password)
        response = httpx.request(method, f"{self.url}{API}{path}", auth=auth if auth[0] else None, timeout=60, **kwargs)
        assert response.is_success, f"{method} {path}: {response.status_code} {response.text[:500]}"
        return response

    def connector(self, handle: str = "admin", password: str | None = None, **kind_options: Any) -> WordPressConnector:
        """The connector as the app makes it: validate what the user typed, then connect with the secret."""
        kind = WordPressKind(**kind_options)
        base_url, user, settings = kind.validate(base_url=f"{self.url}/wp-admin/", handle=handle, path=None)
        assert base_url == self.url
        config = ChannelConfig(id=1, name="Blog", base_url=base_url, handle=user, settings=settings)
        return kind.connect(config, password if password is not None else self.admin_password)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    servers = script("wordpress")
    with running("wordpress", tmp_path_factory.mktemp("wordpress")) as server:
        try:
            admin_password = servers.app_password(server.url)
        except servers.WordPressError as exc:
            pytest.fail(f"{exc}\n{server.log_tail()}", pytrace=False)
        yield Site(server.url, servers, admin_password)


def _request(
    key: str, text: str, *, title: str | None = "Launch day", media: tuple[MediaItem, ...] = ()
) -> PublishRequest:
    return PublishRequest(
        key=key, post_id=1, title=title, text=text, date=WHEN, channel_name="Blog", media=media, utm={}
    )


def _all_inbox(connector: WordPressConnector) -> list[list[InboxItem]]:
    pages: list[list[InboxItem]] = []
    cursor: str | None = None
    while True:
        page = connector.fetch_inbox(cursor)
        pages.append(list(page.items))
        if page.next_cursor is None:
            return pages
        assert len(pages) < 50, "the inbox never ends"
        cursor = page.next_cursor


def test_publish_with_image_comments_inbox_reply_and_metrics(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    suffix = uuid.uuid4().hex[:6]
    connector = site.connector()
    verified = connector.verify()
    assert verified.account == "admin"
    assert verified.details["username"] == "admin"
    assert verified.details["roles"] == ["administrator"]
    assert verified.details["can_publish"] and verified.details["can_upload"] and verified.details["can_moderate"]
    admin_id = verified.details["user_id"]

    # A post with Markdown text and an image with alt text.
    image = tmp_path / "chart.png"
    Image.new("RGB", (40, 30), (200, 30, 30)).save(image)
    item = MediaItem(str(image), "Chart ü.png", "image/png", "0" * 64, "A red square chart")
    request = _request(
        f"delivery-{suffix}", "Launch day: **new release** is out, see https://example.org/notes", media=(item,)
    )
    result = connector.publish(request)
    post = site.api("GET", f"/posts/{result.remote_id}", params={"context": "edit"}).json()
    assert post["status"] == "publish"
    assert post["slug"] == post_slug(request)
    assert post["title"]["raw"] == "Launch day"
    assert result.remote_url == post["link"]
    media = site.api("GET", f"/media/{post['featured_media']}", params={"context": "edit"}).json()
    assert media["alt_text"] == "A red square chart"
    assert media["mime_type"] == "image/png"
    assert media["media_details"]["width"] == 40 and media["media_details"]["height"] == 30
    assert media["source_url"].endswith(".png")
    assert httpx.get(media["source_url"], timeout=60).content == image.read_bytes()
    content = post["content"]["raw"]
    assert "<strong>new release</strong>" in content
    assert 'href="https://example.org/notes"' in content
    assert f'src="{media["source_url"]}"' in content and 'alt="A red square chart"' in content
    assert f"wp-image-{media['id']}" in content
    public = site.api("GET", f"/posts/{result.remote_id}", auth=("", "")).json()  # anyone can read it
    assert "new release" in public["content"]["rendered"]

    # A resend after an unknown outcome finds the post by its slug marker instead of posting twice.
    found = connector.find_published(request)
    assert found is not None and found.remote_id == result.remote_id

    # A post the site's editor moved back to draft is still found (and still counted), but no longer public.
    draft_request = _request(f"draft-{suffix}", "Second thoughts", title="Draft later")
    draft = connector.publish(draft_request)
    site.api("POST", f"/posts/{draft.remote_id}", json={"status": "draft"})
    assert site.api("GET", f"/posts/{draft.remote_id}", params={"context": "edit"}).json()["status"] == "draft"
    draft_found = connector.find_published(draft_request)
    assert draft_found is not None and draft_found.remote_id == draft.remote_id
    assert httpx.get(f"{site.url}{API}/posts/{draft.remote_id}", timeout=60).status_code == 401

    # A second account (a subscriber with its own application password) comments. Its first comment is held
    # for moderation, so the inbox (approved comments only) shows it once the admin approves it.
    bob = f"bob{suffix}"
    bob_password = site.servers.create_user(site.url, site.admin_password, bob, role="subscriber")
    comment = site.api(
        "POST", "/comments", auth=(bob, bob_password), json={"post": int(result.remote_id), "content": "Congrats!"}
    ).json()
    assert comment["status"] == "hold"
    assert all(i.remote_id != f"comment-{comment['id']}" for page in _all_inbox(connector) for i in page)
    site.api("POST", f"/comments/{comment['id']}", json={"status": "approved"})

    # Three more comments (guests, entered by the admin as approved) and pages of two: more than one page.
    guests = [
        site.api(
            "POST",
            "/comments",
            json={
                "post": int(result.remote_id),
                "content": f"Guest comment {n}",
                "author_name": f"Guest {n}",
                "author_email": f"guest{n}-{suffix}@example.org",
                "status": "approved",
            },
        ).json()["id"]
        for n in range(3)
    ]
    monkeypatch.setattr(wordpress, "PAGE_SIZE", 2)
    counted = site.api("GET", "/comments", params={"per_page": 2})
    total = int(counted.headers["X-WP-Total"])
    assert int(counted.headers["X-WP-TotalPages"]) == (total + 1) // 2 >= 2
    pages = _all_inbox(connector)
    assert len(pages) == (total + 1) // 2
    assert all(len(page) <= 2 for page in pages)
    items = [i for page in pages for i in page]
    ids = [i.remote_id for i in items]
    assert len(ids) == len(set(ids)) == total  # every approved comment once (none of them is the admin's)
    assert {f"comment-{n}" for n in (comment["id"], *guests)} <= set(ids)  # comments have ids of their own
    newest_first = [i.created_at for i in items]
    assert newest_first == sorted(newest_first, reverse=True)
    from_bob = next(i for i in items if i.remote_id == f"comment-{comment['id']}")
    assert from_bob.kind == "comment"
    assert from_bob.author == bob
    assert from_bob.text == "Congrats!"
    assert from_bob.in_reply_to_id == result.remote_id  # the post's bare number, as the delivery has it
    assert from_bob.url and f"comment-{comment['id']}" in from_bob.url
    assert abs(from_bob.created_at - datetime.now(UTC)) < timedelta(minutes=10)

    # The admin answers Bob: a child comment of his, approved and visible to anyone.
    answer_text = "Thank you, Bob! <3 & more"
    answer = connector.reply(from_bob.remote_id, answer_text)
    assert answer.remote_id.startswith("comment-")
    answer_number = int(answer.remote_id.removeprefix("comment-"))
    answered = site.api("GET", f"/comments/{answer_number}", params={"context": "edit"}).json()
    assert answered["parent"] == comment["id"]
    assert answered["post"] == int(result.remote_id)
    assert answered["author"] == admin_id
    assert answered["status"] == "approved"
    assert html_to_text(answered["content"]["rendered"]) == answer_text
    thread = site.api("GET", "/comments", auth=("", ""), params={"post": result.remote_id, "parent": comment["id"]})
    assert [c["id"] for c in thread.json()] == [answer_number]
    assert answer.remote_url and f"#{answer.remote_id}" in answer.remote_url
    # The admin's own answer is not in the admin's inbox.
    assert all(i.remote_id != answer.remote_id for page in _all_inbox(connector) for i in page)

    # Comment counts: Bob, three guests and the answer; the draft has none; an unknown post is left out.
    metrics = connector.fetch_metrics([result.remote_id, draft.remote_id, "999999"])
    assert set(metrics) == {result.remote_id, draft.remote_id}
    assert metrics[result.remote_id].replies == 5
    assert metrics[draft.remote_id].replies == 0


def test_schedule_cancel_and_wp_cron_publishing(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    suffix = uuid.uuid4().hex[:6]
    connector = site.connector()
    # WordPress itself publishes at once a "future" post less than a minute ahead, so the connector refuses times
    # under two minutes (a margin for uploads and clock skew); 70 s is enough here and halves the wait. This post
    # is left to WP-Cron while the rest of the test runs.
    monkeypatch.setattr(wordpress, "SCHEDULE_MIN_AHEAD", timedelta(seconds=70))
    soon_at = datetime.now(UTC).replace(microsecond=0) + wordpress.SCHEDULE_MIN_AHEAD + timedelta(seconds=2)
    soon = connector.schedule(_request(f"soon-{suffix}", "Published by WP-Cron"), soon_at)
    assert site.api("GET", f"/posts/{soon.remote_id}", params={"context": "edit"}).json()["status"] == "future"

    at = (datetime.now(UTC) + timedelta(hours=1)).replace(microsecond=0)
    request = _request(f"scheduled-{suffix}", "Scheduled announcement", title="Later")
    scheduled = connector.schedule(request, at)
    post = site.api("GET", f"/posts/{scheduled.remote_id}", params={"context": "edit"}).json()
    assert post["status"] == "future"
    assert post["date_gmt"] == at.strftime("%Y-%m-%dT%H:%M:%S")
    assert httpx.get(f"{site.url}{API}/posts/{scheduled.remote_id}", timeout=60).status_code == 401  # not yet public
    found = connector.find_published(request)
    assert found is not None and found.remote_id == scheduled.remote_id

    # Cancelling moves it to the trash; a second cancel is refused with the status it has now.
    connector.cancel_scheduled(scheduled.remote_id)
    trashed = site.api("GET", f"/posts/{scheduled.remote_id}", params={"context": "edit"}).json()
    assert trashed["status"] == "trash"
    with pytest.raises(Rejected) as twice:
        connector.cancel_scheduled(scheduled.remote_id)
    assert twice.value.code == "wordpress.not_scheduled" and twice.value.params["status"] == "trash"
    assert connector.find_published(request) is None

    # The server publishes the first post on its own when its time comes (WP-Cron, run on a site visit).
    time.sleep(max(0.0, (soon_at - datetime.now(UTC)).total_seconds()) + 1)
    deadline = time.monotonic() + 60
    while site.api("GET", f"/posts/{soon.remote_id}", params={"context": "edit"}).json()["status"] != "publish":
        assert time.monotonic() < deadline, "WP-Cron never published the scheduled post"
        httpx.get(f"{site.url}/", timeout=60)  # a visit, which spawns WP-Cron
        time.sleep(1)
    with pytest.raises(Rejected) as published:
        connector.cancel_scheduled(soon.remote_id)
    assert published.value.code == "wordpress.not_scheduled" and published.value.params["status"] == "publish"


def test_wrong_revoked_and_underpowered_credentials(site: Site) -> None:
    suffix = uuid.uuid4().hex[:6]
    with pytest.raises(AuthExpired) as wrong:
        site.connector(password="abcd EFGH 1234 ijkl MNOP 5678").verify()
    assert wrong.value.code == "wordpress.auth_failed"
    assert wrong.value.params["host"] == "127.0.0.1"
    assert "application password" in str(wrong.value)
    with pytest.raises(AuthExpired):
        site.connector(handle=f"nobody{suffix}").verify()

    # A password revoked on the site stops working at once.
    revoked = site.servers.app_password(site.url, name=f"revoked-{suffix}")
    connector = site.connector(password=revoked)
    assert connector.verify().account == "admin"
    listed = site.api("GET", "/users/me/application-passwords").json()
    uuid_of = next(p["uuid"] for p in listed if p["name"] == f"revoked-{suffix}")
    site.api("DELETE", f"/users/me/application-passwords/{uuid_of}")
    with pytest.raises(AuthExpired) as after:
        connector.verify()
    assert after.value.code == "wordpress.auth_failed"

    # A subscriber may sign in but not publish.
    reader = f"reader{suffix}"
    reader_connector = site.connector(
        handle=reader, password=site.servers.create_user(site.url, site.admin_password, reader, role="subscriber")
    )
    details = reader_connector.verify().details
    assert details["roles"] == ["subscriber"] and not details["can_publish"]
    with pytest.raises(Rejected) as refused:
        reader_connector.publish(_request(f"reader-{suffix}", "Not mine to post"))
    assert refused.value.code == "wordpress.not_allowed"
    assert refused.value.params["code"] == "rest_cannot_create"


def test_a_file_wordpress_refuses_is_rejected(site: Site, tmp_path: Path) -> None:
    suffix = uuid.uuid4().hex[:6]
    connector = site.connector()
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    fake_png = tmp_path / "photo.png"
    fake_png.write_bytes(b"this is not a PNG")
    for index, item in enumerate(
        (
            MediaItem(str(svg), "logo.svg", "image/svg+xml", "0" * 64, "Logo"),
            MediaItem(str(fake_png), "photo.png", "image/png", "0" * 64, "Photo"),
        )
    ):
        request = _request(f"refused-{index}-{suffix}", "With a file WordPress does not take", media=(item,))
        with pytest.raises(Rejected) as refused:  # HTTP 500 from WordPress, but retrying cannot help
            connector.publish(request)
        assert refused.value.code == "wordpress.rejected"
        assert refused.value.params["code"] == "rest_upload_sideload_error"
        assert "not allowed to upload this file type" in refused.value.params["message"]
        assert "not allowed to upload this file type" in str(refused.value)
        assert connector.find_published(request) is None  # no post was made
