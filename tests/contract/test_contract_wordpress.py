"""The WordPress connector against a fake site built from the documented REST shapes (``channels.md`` section 11:
``/wp-json/wp/v2`` posts, media, comments, users/me; ``{"code","message","data"}`` errors; ``X-WP-Total`` and
``X-WP-TotalPages`` paging), asserting on every request it sends."""

from __future__ import annotations

import ast
import base64
import json
import re
import string
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from connector_contract import WHEN, ConnectorContract, contract_request

import publisher.channels
from publisher.channels.messages import CHANNEL_MESSAGES
from publisher.channels.protocol import ChannelConfig, MediaItem, Metrics, PublishRequest
from publisher.channels.registry import default_registry
from publisher.channels.wordpress import WordPressKind, normalise_site_url, post_slug
from publisher.channels.wordpress_messages import WORDPRESS_MESSAGES
from publisher.clock import ManualClock
from publisher.errors import AuthExpired, InputError, OutcomeUnknown, Rejected, Transient
from publisher.messages import MESSAGES

BASE = "https://blog.example"
API = "/wp-json/wp/v2"
USER = "editor"
PASSWORD = "abcd EFGH 1234 ijkl MNOP 5678"
BASIC = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
ME = {
    "id": 3,
    "username": USER,
    "name": "Ed Itor",
    "slug": "editor",
    "roles": ["editor"],
    "capabilities": {"publish_posts": True, "upload_files": True, "moderate_comments": True},
}


def wp_error(status: int, code: str, message: str) -> httpx.Response:
    return httpx.Response(status, json={"code": code, "message": message, "data": {"status": status}})


def comment(comment_id: int, post: int = 10, parent: int = 0, author: int = 0, name: str = "Ada") -> dict[str, object]:
    return {
        "id": comment_id,
        "post": post,
        "parent": parent,
        "author": author,
        "author_name": name,
        "date": "2026-11-23T10:00:00",
        "date_gmt": "2026-11-23T09:00:00",
        "content": {"rendered": "<p>Nice &amp; clear</p>\n"},
        "link": f"{BASE}/?p={post}#comment-{comment_id}",
        "status": "approved",
    }


class FakeWordPress:
    """Routes requests like a WordPress site would; ``overrides`` maps 'METHOD /path' to scripted answers."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.overrides: dict[str, list[httpx.Response | Exception]] = {}
        self.posts: list[dict[str, object]] = []
        self.moderator = True  # may list comments of any status (the trash)
        self.next_id = 100
        self.comments = [comment(i, author=ME["id"] if i == 5 else 0) for i in range(1, 8)]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        route = f"{request.method} {request.url.path}"
        for pattern, answers in self.overrides.items():
            if re.fullmatch(pattern, route) and answers:
                answer = answers.pop(0)
                if isinstance(answer, Exception):
                    raise answer
                return answer
        if request.headers.get("authorization") != BASIC:
            return wp_error(401, "rest_not_logged_in", "You are not currently logged in.")
        query = request.url.params
        if route == f"GET {API}/users/me":
            return httpx.Response(200, json=ME)
        if route == f"POST {API}/media":
            self.next_id += 1
            return httpx.Response(201, json={"id": self.next_id, "source_url": f"{BASE}/uploads/{self.next_id}.png"})
        if match := re.fullmatch(rf"POST {API}/media/(\d+)", route):
            return httpx.Response(200, json={"id": int(match[1]), "alt_text": json.loads(request.content)["alt_text"]})
        if route == f"POST {API}/posts":
            body = json.loads(request.content)
            self.next_id += 1
            post = {"id": self.next_id, "link": f"{BASE}/{body['slug']}/", **body}
            self.posts.append(post)
            return httpx.Response(201, json=post)
        if route == f"GET {API}/posts":
            statuses = query.get("status", "publish").split(",")
            found = [p for p in self.posts if p["status"] in statuses]
            if "slug" in query:
                found = [p for p in found if p["slug"] == query["slug"]]
            if "include" in query:
                found = [p for p in found if str(p["id"]) in query["include"].split(",")]
            return httpx.Response(200, json=found)
        if match := re.fullmatch(rf"(GET|DELETE) {API}/posts/(\d+)", route):
            for post in self.posts:
                if post["id"] == int(match[2]):
                    if request.method == "DELETE":
                        post["status"] = "trash"
                    return httpx.Response(200, json=post)
            return wp_error(404, "rest_post_invalid_id", "Invalid post ID.")
        if route == f"GET {API}/comments":
            per_page = int(query.get("per_page", "10"))
            status = query.get("status", "approve")
            if status != "approve" and not self.moderator:
                return wp_error(403, "rest_forbidden_param", "Query parameter not permitted: status")
            found = [c for c in self.comments if c["status"] == ("approved" if status == "approve" else status)]
            if "post" in query:
                found = [c for c in found if str(c["post"]) == query["post"]]
            if "after" in query:  # local dates, both ends exclusive as in WordPress
                found = [c for c in found if str(c["date"]) > query["after"]]
            if "before" in query:
                found = [c for c in found if str(c["date"]) < query["before"]]
            page = int(query.get("page", "1"))
            pages = max(1, -(-len(found) // per_page))
            headers = {"X-WP-Total": str(len(found)), "X-WP-TotalPages": str(pages)}
            return httpx.Response(200, json=found[(page - 1) * per_page : page * per_page], headers=headers)
        if match := re.fullmatch(rf"GET {API}/comments/(\d+)", route):
            return httpx.Response(200, json=comment(int(match[1]), post=42))
        if route == f"POST {API}/comments":
            body = json.loads(request.content)
            return httpx.Response(201, json={**comment(900, post=body["post"], parent=body["parent"], author=3)})
        return wp_error(404, "rest_no_route", "No route was found matching the URL and request method.")

    def sent(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and r.url.path == path]


@pytest.fixture
def site() -> FakeWordPress:
    return FakeWordPress()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(WHEN)


def make(site: FakeWordPress, clock: ManualClock, base: str = BASE):
    kind = WordPressKind(transport=httpx.MockTransport(site), clock=clock)
    return kind.connect(ChannelConfig(1, "Blog", base, USER, {}), PASSWORD)


@pytest.fixture
def wp(site, clock):
    return make(site, clock)


def png(tmp_path: Path, name: str = "pic.png") -> Path:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\nfake")
    return path


# -- the kind -------------------------------------------------------------------------------------


def test_the_kind_is_registered_and_describes_its_fields():
    kind = default_registry().get("wordpress")
    assert isinstance(kind, WordPressKind)
    assert [(f.name, f.required) for f in kind.fields] == [("url", True), ("handle", True)]
    assert kind.needs_secret and not kind.idempotent_publish
    caps = kind.capabilities
    assert caps.inbox and caps.metrics and caps.server_scheduling and caps.media and not caps.threads


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("blog.example", "https://blog.example"),
        ("https://Blog.Example/", "https://blog.example"),
        ("https://example.org/blog/", "https://example.org/blog"),
        ("https://example.org/blog/wp-json/", "https://example.org/blog"),
        ("https://example.org/wp-admin", "https://example.org"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
    ],
)
def test_the_site_address_is_normalised(typed, expected):
    assert normalise_site_url(typed) == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "wordpress.url_required"),
        ("http://blog.example", "channel.insecure_url"),
        ("https://blog.example/?p=1", "channel.bad_url"),
        ("https://user:pw@blog.example", "channel.bad_url"),
        ("ftp://blog.example", "channel.bad_url"),
    ],
)
def test_bad_site_addresses_are_refused(typed, code):
    with pytest.raises(InputError) as caught:
        normalise_site_url(typed)
    assert caught.value.code == code


def test_validate_needs_a_user_name_and_connect_a_password():
    kind = WordPressKind()
    assert kind.validate(base_url="blog.example", handle=" editor ", path=None) == (
        "https://blog.example",
        "editor",
        {},
    )
    with pytest.raises(InputError) as caught:
        kind.validate(base_url="blog.example", handle=" ", path=None)
    assert caught.value.code == "wordpress.handle_required"
    with pytest.raises(InputError) as caught:
        kind.connect(ChannelConfig(1, "Blog", BASE, USER, {}), None)
    assert caught.value.code == "channel.secret_required"


def test_the_password_is_never_in_the_connector_repr(wp):
    assert PASSWORD not in repr(wp) and PASSWORD not in repr(vars(wp))


# -- verify and publish ---------------------------------------------------------------------------


def test_verify_reads_the_user_with_basic_auth(wp, site):
    result = wp.verify()
    assert result.account == "Ed Itor"
    assert result.details["user_id"] == 3 and result.details["roles"] == ["editor"]
    assert result.details["can_publish"] and result.details["can_upload"]
    (request,) = site.sent("GET", f"{API}/users/me")
    assert request.url.params["context"] == "edit"
    assert request.headers["authorization"] == BASIC


def test_a_site_in_a_subfolder_is_addressed_under_it(site, clock):
    with pytest.raises(Rejected):  # the fake site lives at the root, so it has no such route
        make(site, clock, "https://example.org/blog").verify()
    assert site.requests[0].url.path == f"/blog{API}/users/me"


def test_publish_renders_markdown_to_html_with_a_slug_marker(wp, site):
    request = PublishRequest(
        key="pub-7-abc",
        post_id=7,
        title="Hello, Wörld!",
        text="Read **this**: https://example.org/x",
        date=WHEN,
        channel_name="Blog",
        campaign="launch",
        utm={"source": "{channel}", "medium": "blog", "campaign": "{campaign}"},
    )
    result = wp.publish(request)
    (sent,) = site.sent("POST", f"{API}/posts")
    body = json.loads(sent.content)
    assert sent.headers["authorization"] == BASIC
    assert sent.headers["content-type"] == "application/json"
    assert body["title"] == "Hello, Wörld!" and body["status"] == "publish"
    assert "<strong>this</strong>" in body["content"]
    assert "utm_medium=blog" in body["content"] and "utm_campaign=launch" in body["content"]
    assert re.fullmatch(r"hello-world-[0-9a-f]{10}", body["slug"]) and body["slug"] == post_slug(request)
    assert "featured_media" not in body and "date_gmt" not in body
    assert result.remote_id == str(site.posts[0]["id"]) and result.remote_url == f"{BASE}/{body['slug']}/"


def test_the_slug_depends_on_the_key_and_survives_titles_without_letters():
    one = contract_request(key="pub-1")
    assert post_slug(one) != post_slug(contract_request(key="pub-2"))
    assert post_slug(one) == post_slug(contract_request(key="pub-1"))
    untitled = PublishRequest(key="k", post_id=1, title=None, text="😀 ✨", date=WHEN, channel_name="Blog")
    assert re.fullmatch(r"post-[0-9a-f]{10}", post_slug(untitled))


def test_images_are_uploaded_with_alt_text_featured_and_inserted(wp, site, tmp_path):
    media = (
        MediaItem(str(png(tmp_path)), "Zoë photo.png", "image/png", "0" * 64, 'A "cat" <3'),
        MediaItem(str(png(tmp_path, "b.jpg")), "b.jpg", "image/jpeg", "1" * 64, None),
    )
    request = PublishRequest(key="k", post_id=1, title="T", text="Text", date=WHEN, channel_name="Blog", media=media)
    wp.publish(request)
    uploads = site.sent("POST", f"{API}/media")
    assert [u.headers["content-type"] for u in uploads] == ["image/png", "image/jpeg"]
    assert uploads[0].headers["content-disposition"] == 'attachment; filename="Zoe-photo.png"'
    assert uploads[1].headers["content-disposition"] == 'attachment; filename="b.jpg"'
    assert uploads[0].content == b"\x89PNG\r\n\x1a\nfake" and uploads[0].headers["authorization"] == BASIC
    first = site.sent("POST", f"{API}/media/101")
    assert len(first) == 1 and json.loads(first[0].content) == {"alt_text": 'A "cat" <3'}
    assert site.sent("POST", f"{API}/media/102") == []  # no alt text, no update
    body = json.loads(site.sent("POST", f"{API}/posts")[0].content)
    assert body["featured_media"] == 101
    assert f'<img src="{BASE}/uploads/101.png" alt="A &quot;cat&quot; &lt;3" class="wp-image-101"/>' in body["content"]
    assert 'alt="" class="wp-image-102"' in body["content"]
    assert site.requests[-1].url.path == f"{API}/posts"  # the post goes out after every upload


def test_a_missing_media_file_is_refused_before_anything_is_sent(wp, site, tmp_path):
    item = MediaItem(str(tmp_path / "gone.png"), "gone.png", "image/png", "0" * 64, None)
    request = PublishRequest(key="k", post_id=1, title="T", text="x", date=WHEN, channel_name="Blog", media=(item,))
    with pytest.raises(Rejected) as caught:
        wp.publish(request)
    assert caught.value.code == "wordpress.media_missing" and site.requests == []


def test_an_empty_post_is_refused(wp, site):
    with pytest.raises(Rejected) as caught:
        wp.publish(contract_request("   "))
    assert caught.value.code == "wordpress.empty_post" and site.requests == []


def test_find_published_looks_the_slug_up_among_all_statuses(wp, site):
    result = wp.publish(contract_request())
    assert wp.find_published(contract_request()) == result
    (lookup,) = site.sent("GET", f"{API}/posts")
    assert lookup.url.params["slug"] == post_slug(contract_request())
    assert lookup.url.params["status"] == "publish,future,draft,pending,private"
    assert lookup.url.params["context"] == "edit"


# -- scheduling -----------------------------------------------------------------------------------


def test_schedule_creates_a_future_post_with_date_gmt(wp, site):
    at = datetime(2026, 11, 24, 11, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    result = wp.schedule(contract_request(), at)
    body = json.loads(site.sent("POST", f"{API}/posts")[0].content)
    assert body["status"] == "future" and body["date_gmt"] == "2026-11-24T10:30:00"
    assert wp.find_published(contract_request()) == result


def test_schedule_refuses_naive_and_past_times(wp, site):
    with pytest.raises(InputError) as caught:
        wp.schedule(contract_request(), datetime(2026, 12, 1, 9, 0))
    assert caught.value.code == "time.naive"
    with pytest.raises(InputError) as caught:
        wp.schedule(contract_request(), WHEN - timedelta(minutes=5))
    assert caught.value.code == "wordpress.schedule_too_soon"
    assert site.requests == []


def test_cancel_scheduled_trashes_a_future_post(wp, site):
    result = wp.schedule(contract_request(), WHEN + timedelta(days=1))
    wp.cancel_scheduled(result.remote_id)
    (delete,) = site.sent("DELETE", f"{API}/posts/{result.remote_id}")
    assert "force" not in delete.url.params  # to the trash, recoverable
    assert site.posts[0]["status"] == "trash"


def test_cancel_scheduled_refuses_a_post_already_published(wp, site):
    result = wp.publish(contract_request())
    with pytest.raises(Rejected) as caught:
        wp.cancel_scheduled(result.remote_id)
    assert caught.value.code == "wordpress.not_scheduled" and caught.value.params["status"] == "publish"
    assert site.sent("DELETE", f"{API}/posts/{result.remote_id}") == []


# -- inbox, replies, metrics ----------------------------------------------------------------------


def test_the_inbox_pages_through_comments_with_x_wp_totalpages(wp, site):
    site.comments = [comment(i, author=3 if i == 2 else 0, parent=1 if i == 3 else 0) for i in range(1, 121)]
    first = wp.fetch_inbox()
    request, trash = site.sent("GET", f"{API}/comments")
    assert dict(request.url.params) == {"per_page": "50", "page": "1", "orderby": "date", "order": "desc"}
    assert trash.url.params["status"] == "trash"
    assert first.next_cursor == "2@2026-11-23T10:00:00"  # the next page, and the date the trash window ends
    assert [i.remote_id for i in first.items][:3] == ["comment-1", "comment-3", "comment-4"]  # 2 is the account's
    item = first.items[1]
    assert item.kind == "reply" and item.author_name == "Ada" and item.text == "Nice & clear"
    assert item.html is not None and "Nice" in item.html  # content.rendered, for the inbox to sanitise
    # An answer to comment 1 is in the conversation of the post both are on (post 10, a bare number).
    assert item.in_reply_to_id == "10" and item.created_at == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert first.items[0].kind == "comment"
    assert wp.fetch_inbox("2").next_cursor == "3@2026-11-23T10:00:00"  # a cursor of an earlier version
    last = wp.fetch_inbox("3@2026-11-23T10:00:00")
    assert last.next_cursor is None and len(last.items) == 20
    assert len(site.sent("GET", f"{API}/users/me")) == 1  # the account's id is asked once


def test_a_bad_inbox_cursor_is_refused(wp):
    for cursor in ("abc", "0", "2@yesterday", "@2026-11-23T10:00:00"):
        with pytest.raises(InputError) as caught:
            wp.fetch_inbox(cursor)
        assert caught.value.code == "wordpress.bad_cursor"


def _dated(comment_id: int, hour: int, status: str = "approved", author: int = 0) -> dict[str, object]:
    return {
        **comment(comment_id, author=author),
        "date": f"2026-11-23T{hour:02d}:00:00",
        "date_gmt": f"2026-11-23T{hour - 1:02d}:00:00",
        "status": status,
        "content": {"rendered": f"<p>comment {comment_id}</p>"},
    }


def test_trashed_comments_come_as_deleted_on_the_page_whose_dates_they_fall_in(wp, site, monkeypatch):
    monkeypatch.setattr("publisher.channels.wordpress.PAGE_SIZE", 2)
    approved = [_dated(n, 20 - n) for n in range(1, 6)]  # 19:00, 18:00 … 15:00, newest first
    trashed = [
        _dated(50, 19, "trash"),  # newer than page 1's oldest (18:00): page 1
        _dated(51, 17, "trash"),  # between 18:00 and page 2's oldest (16:00): page 2
        _dated(52, 16, "trash", author=ME["id"]),  # the account's own: never listed
        _dated(53, 9, "trash"),  # older than everything: the last page
    ]
    site.comments = approved + trashed
    pages = []
    cursor = None
    while True:
        page = wp.fetch_inbox(cursor)
        pages.append([(i.remote_id, i.deleted) for i in page.items])
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert pages == [
        [("comment-1", False), ("comment-50", True), ("comment-2", False)],
        [("comment-3", False), ("comment-51", True), ("comment-4", False)],
        [("comment-5", False), ("comment-53", True)],
    ]
    windows = [dict(r.url.params) for r in site.sent("GET", f"{API}/comments") if r.url.params.get("status")]
    assert [(w.get("after"), w.get("before")) for w in windows] == [
        ("2026-11-23T17:59:59", None),
        ("2026-11-23T15:59:59", "2026-11-23T18:00:01"),
        (None, "2026-11-23T16:00:01"),
    ]
    assert all(w["context"] == "edit" for w in windows)
    deleted = next(i for i in wp.fetch_inbox().items if i.remote_id == "comment-50")
    assert deleted.text == "comment 50" and deleted.kind == "comment"


def test_an_account_that_may_not_list_the_trash_gets_approved_comments_only(wp, site):
    site.moderator = False
    site.comments = [_dated(1, 10), _dated(2, 9, "trash")]
    assert [i.remote_id for i in wp.fetch_inbox().items] == ["comment-1"]
    assert [i.remote_id for i in wp.fetch_inbox().items] == ["comment-1"]
    asked = [r for r in site.sent("GET", f"{API}/comments") if r.url.params.get("status")]
    assert len(asked) == 1  # WordPress said no once: the connector does not ask again


def test_an_edited_comment_comes_back_with_its_new_text_under_its_id(wp, site):
    site.comments = [_dated(1, 10)]
    before = wp.fetch_inbox().items[0]
    site.comments[0]["content"] = {"rendered": "<p>comment 1, <em>corrected</em></p>"}
    after = wp.fetch_inbox().items[0]
    assert (before.remote_id, before.text) == ("comment-1", "comment 1")
    assert (after.remote_id, after.text, after.created_at) == ("comment-1", "comment 1, corrected", before.created_at)
    assert after.html == "<p>comment 1, <em>corrected</em></p>"


def test_reply_answers_a_comment_on_its_post(wp, site):
    result = wp.reply("comment-7", "Thanks <b>a lot</b> ")
    assert [r.url.path for r in site.requests] == [f"{API}/comments/7", f"{API}/comments"]
    body = json.loads(site.sent("POST", f"{API}/comments")[0].content)
    assert body == {"post": 42, "parent": 7, "content": "Thanks &lt;b&gt;a lot&lt;/b&gt;"}
    assert result.remote_id == "comment-900" and result.remote_url  # the answer is a comment, named as one


def test_reply_still_takes_a_bare_comment_number_stored_by_an_earlier_version(wp, site):
    result = wp.reply("7", "Thanks")
    (created,) = site.sent("POST", f"{API}/comments")
    assert json.loads(created.content)["parent"] == 7
    assert result.remote_id == "comment-900"


def test_reply_refuses_bad_ids_and_empty_text(wp, site):
    cases = [(bad, "hi", "wordpress.bad_remote_id") for bad in ("x1", "comment-", "comment-x7", "post-7", "comment-٣")]
    for remote_id, text, code in [*cases, ("comment-7", " ", "wordpress.empty_reply")]:
        with pytest.raises(InputError) as caught:
            wp.reply(remote_id, text)
        assert caught.value.code == code
    assert site.requests == []


def test_a_comment_numbered_like_a_post_is_not_taken_for_it(wp, site):
    """WordPress numbers posts and comments apart: comment 10 on post 42 and a comment on post 10 stay two things."""
    site.comments = [comment(11, post=10), comment(10, post=42), comment(12, post=10, parent=11)]
    items = {i.remote_id: i for i in wp.fetch_inbox().items}
    assert {r: (i.kind, i.in_reply_to_id) for r, i in items.items()} == {
        "comment-11": ("comment", "10"),  # on post 10: our delivery's remote_id if we published it
        "comment-10": ("comment", "42"),
        "comment-12": ("reply", "10"),  # an answer to comment 11 is in the conversation of post 10 as well
    }


def test_metrics_count_comments_and_leave_out_deleted_posts(wp, site):
    kept = wp.publish(contract_request()).remote_id
    site.comments = [comment(i, post=int(kept)) for i in range(1, 4)] + [comment(9, post=1)]
    metrics = wp.fetch_metrics([kept, "99999", "not-a-number"])
    assert metrics == {kept: Metrics(replies=3)}
    lookup = site.sent("GET", f"{API}/posts")[0]
    assert lookup.url.params["include"] == f"{kept},99999"
    counts = site.sent("GET", f"{API}/comments")
    assert [dict(c.url.params) for c in counts] == [{"post": kept, "per_page": "1"}]


# -- errors ---------------------------------------------------------------------------------------


def answer(site: FakeWordPress, route: str, *responses: httpx.Response | Exception) -> None:
    site.overrides[route] = list(responses)


@pytest.mark.parametrize("code", ["rest_not_logged_in", "incorrect_password", "invalid_username"])
def test_401_is_auth_expired(wp, site, code):
    answer(site, f"GET {API}/users/me", wp_error(401, code, "<strong>Error:</strong> The password is incorrect."))
    with pytest.raises(AuthExpired) as caught:
        wp.verify()
    assert caught.value.code == "wordpress.auth_failed"
    assert caught.value.params["code"] == code and caught.value.params["message"] == "Error: The password is incorrect."


def test_a_wrong_password_reaches_the_site_as_basic_auth_and_fails(site, clock):
    kind = WordPressKind(transport=httpx.MockTransport(site), clock=clock)
    with pytest.raises(AuthExpired) as caught:
        kind.connect(ChannelConfig(1, "Blog", BASE, USER, {}), "wrong").verify()
    assert caught.value.params["code"] == "rest_not_logged_in"


def test_403_cannot_create_is_not_allowed(wp, site):
    answer(
        site, f"POST {API}/posts", wp_error(403, "rest_cannot_create", "Sorry, you are not allowed to create posts.")
    )
    with pytest.raises(Rejected) as caught:
        wp.publish(contract_request())
    assert caught.value.code == "wordpress.not_allowed"
    assert caught.value.params == {
        "code": "rest_cannot_create",
        "message": "Sorry, you are not allowed to create posts.",
    }


def test_other_json_errors_are_rejected_with_the_message(wp, site):
    answer(site, f"POST {API}/posts", wp_error(400, "rest_invalid_param", "Invalid parameter(s): status"))
    with pytest.raises(Rejected) as caught:
        wp.publish(contract_request())
    assert caught.value.code == "wordpress.rejected"
    assert caught.value.params == {
        "status": 400,
        "code": "rest_invalid_param",
        "message": "Invalid parameter(s): status",
    }


def test_an_unknown_post_is_remote_not_found(wp, site):
    with pytest.raises(Rejected) as caught:
        wp.cancel_scheduled("12345")
    assert caught.value.code == "channel.remote_not_found"


@pytest.mark.parametrize("status", [200, 403, 404])
def test_html_instead_of_json_is_not_json(wp, site, status):
    page = httpx.Response(status, text="<html><body>Log in</body></html>", headers={"Content-Type": "text/html"})
    answer(site, f"GET {API}/users/me", page)
    with pytest.raises(Rejected) as caught:
        wp.verify()
    assert caught.value.code == "channel.not_json" and caught.value.params["content_type"] == "text/html"


def test_401_without_json_is_still_auth_expired(wp, site):
    answer(site, f"GET {API}/users/me", httpx.Response(401, text="Unauthorized"))
    with pytest.raises(AuthExpired):
        wp.verify()


def test_5xx_is_transient_and_a_lost_answer_is_unknown(wp, site):
    answer(site, f"GET {API}/users/me", httpx.Response(503, text="busy"))
    with pytest.raises(Transient) as caught:
        wp.verify()
    assert caught.value.code == "channel.server_error"
    answer(site, f"POST {API}/posts", httpx.ReadTimeout("slow"))
    with pytest.raises(OutcomeUnknown):
        wp.publish(contract_request())


def test_a_lost_upload_answer_is_unknown(wp, site, tmp_path):
    answer(site, f"POST {API}/media", httpx.ReadTimeout("slow"))
    item = MediaItem(str(png(tmp_path)), "a.png", "image/png", "0" * 64, None)
    request = PublishRequest(key="k", post_id=1, title="T", text="x", date=WHEN, channel_name="Blog", media=(item,))
    with pytest.raises(OutcomeUnknown):
        wp.publish(request)
    answer(site, f"POST {API}/media", httpx.ConnectError("down"))
    with pytest.raises(Transient):
        wp.publish(request)


# -- messages -------------------------------------------------------------------------------------

CODE = re.compile(r"^(channel|wordpress|time)\.[a-z_]+$")


def raised_codes() -> dict[str, set[frozenset[str]]]:
    found: dict[str, set[frozenset[str]]] = {}
    source = (Path(publisher.channels.__file__).parent / "wordpress.py").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            value = node.args[0].value
            if isinstance(value, str) and CODE.match(value):
                found.setdefault(value, set()).add(frozenset(k.arg for k in node.keywords if k.arg))
        if isinstance(node, ast.Call):
            for keyword in node.keywords:  # codes handed to the shared media_bytes(), which raises them itself
                if keyword.arg == "missing_code" and isinstance(keyword.value, ast.Constant):
                    found.setdefault(keyword.value.value, set()).add(frozenset({"filename", "path"}))
    return found


def test_every_code_has_a_message_and_its_placeholders_are_filled():
    raised = raised_codes()
    assert "wordpress.auth_failed" in raised and "channel.not_json" in raised
    known = {**MESSAGES, **CHANNEL_MESSAGES, **WORDPRESS_MESSAGES}
    assert sorted(c for c in raised if c not in known) == []
    for code, keyword_sets in raised.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(known[code]) if f}
        for keywords in keyword_sets:
            assert fields <= keywords, (code, fields, keywords)
    assert sorted(c for c in WORDPRESS_MESSAGES if c not in raised) == []


def test_wordpress_messages_are_new_simple_and_import_nothing():
    assert set(WORDPRESS_MESSAGES) & set(CHANNEL_MESSAGES) == set()
    assert all(MESSAGES.get(code, text) == text for code, text in WORDPRESS_MESSAGES.items())  # merged unchanged
    assert all(code.startswith("wordpress.") for code in WORDPRESS_MESSAGES)
    for code, text in WORDPRESS_MESSAGES.items():
        fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
        assert all(re.fullmatch(r"[a-z_]+", f) for f in fields), code
    probe = "import sys, publisher.channels.wordpress_messages; print(sorted(k for k in sys.modules if 'httpx' in k))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- the shared contract --------------------------------------------------------------------------


class TestWordPressContract(ConnectorContract):
    @pytest.fixture
    def kind(self):
        return WordPressKind(transport=httpx.MockTransport(FakeWordPress()), clock=ManualClock(WHEN))

    @pytest.fixture
    def connector(self, kind):
        return kind.connect(ChannelConfig(1, "Contract", BASE, USER, {}), PASSWORD)
