"""The Mastodon connector against a fake instance built from the documented shapes (mastodon/documentation
``methods/statuses.md``, ``methods/media.md``, ``methods/notifications.md``, ``entities/*.md``), asserting on
every request it sends."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest
from PIL import Image

from publisher.channels.mastodon import MastodonKind, html_to_text
from publisher.channels.protocol import (
    ChannelConfig,
    InboxConnector,
    MediaItem,
    Metrics,
    MetricsConnector,
    PublishRequest,
    SchedulingConnector,
)
from publisher.channels.registry import default_registry
from publisher.clock import ManualClock
from publisher.errors import AuthExpired, InputError, OutcomeUnknown, RateLimited, Rejected, Transient

BASE = "https://social.example"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

ACCOUNT = {"id": "109", "username": "press", "acct": "press", "display_name": "Press Office", "url": f"{BASE}/@press"}
INSTANCE = {
    "domain": "social.example",
    "title": "Social",
    "configuration": {
        "urls": {"streaming": "wss://social.example"},
        "statuses": {"max_characters": 1000, "max_media_attachments": 4, "characters_reserved_per_url": 23},
        "media_attachments": {
            "supported_mime_types": ["image/jpeg", "image/png"],
            "description_limit": 1500,
            "image_size_limit": 16777216,
            "video_size_limit": 103809024,
        },
    },
}


def status(status_id: str, content: str = "<p>Hi</p>", **extra: object) -> dict[str, object]:
    return {
        "id": status_id,
        "uri": f"{BASE}/users/press/statuses/{status_id}",
        "url": f"{BASE}/@press/{status_id}",
        "created_at": "2026-11-23T09:00:00.000Z",
        "account": ACCOUNT,
        "content": content,
        "visibility": "public",
        "in_reply_to_id": None,
        "media_attachments": [],
        "replies_count": 0,
        "reblogs_count": 0,
        "favourites_count": 0,
        **extra,
    }


class FakeMastodon:
    """Routes requests like an instance would; ``overrides`` maps 'METHOD /path' to scripted answers."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.next_id = 1000
        self.by_key: dict[str, dict[str, object]] = {}
        self.overrides: dict[str, list[httpx.Response | Exception]] = {}
        self.statuses: list[dict[str, object]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        route = f"{request.method} {request.url.path}"
        for pattern, answers in self.overrides.items():
            if re.fullmatch(pattern, route) and answers:
                answer = answers.pop(0)
                if isinstance(answer, Exception):
                    raise answer
                return answer
        if route == "GET /api/v1/accounts/verify_credentials":
            return httpx.Response(200, json=ACCOUNT)
        if route == "GET /api/v2/instance":
            return httpx.Response(200, json=INSTANCE)
        if route == "POST /api/v1/statuses":
            key = request.headers.get("Idempotency-Key", "")
            if key in self.by_key:
                return httpx.Response(200, json=self.by_key[key])
            form = form_of(request)
            self.next_id += 1
            created = status(
                str(self.next_id),
                f"<p>{form['status'][0]}</p>",
                in_reply_to_id=form.get("in_reply_to_id", [None])[0],
            )
            if "scheduled_at" in form:
                created = {"id": str(self.next_id), "scheduled_at": form["scheduled_at"][0], "params": {}}
            self.by_key[key] = created
            self.statuses.append(created)
            return httpx.Response(200, json=created)
        if route == "POST /api/v2/media":
            return httpx.Response(200, json={"id": "77", "type": "image", "url": f"{BASE}/m/77.png"})
        if route == f"GET /api/v1/accounts/{ACCOUNT['id']}/statuses":
            return httpx.Response(200, json=list(reversed(self.statuses)))
        if match := re.fullmatch(r"GET /api/v1/statuses/(\d+)", route):
            return httpx.Response(200, json=status(match[1]))
        return httpx.Response(404, json={"error": "Record not found"})

    def sent(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and r.url.path == path]


def form_of(request: httpx.Request) -> dict[str, list[str]]:
    return parse_qs(request.content.decode(), keep_blank_values=True)


@pytest.fixture
def fake() -> FakeMastodon:
    return FakeMastodon()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def kind(fake, sleeps) -> MastodonKind:
    return MastodonKind(transport=httpx.MockTransport(fake), sleeper=sleeps.append, clock=ManualClock(NOW))


def connector(kind: MastodonKind, **settings: object):
    return kind.connect(ChannelConfig(id=1, name="Fedi", base_url=BASE, handle=None, settings=dict(settings)), "tok")


def request(text: str = "Hello **world**", key: str = "pub-1-abc", **extra: object) -> PublishRequest:
    extra.setdefault("date", NOW)
    return PublishRequest(key=key, post_id=1, title=None, text=text, channel_name="Fedi", **extra)


# -- the kind ---------------------------------------------------------------------------------------


def test_mastodon_is_a_default_kind():
    kind = default_registry().get("mastodon")
    assert kind.needs_secret and kind.idempotent_publish
    assert kind.capabilities.inbox and kind.capabilities.server_scheduling and kind.capabilities.threads
    assert [(f.name, f.required) for f in kind.fields] == [("url", True)]


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("mastodon.social", "https://mastodon.social"),
        ("https://Mastodon.Social/", "https://mastodon.social"),
        ("https://social.example:8443", "https://social.example:8443"),
        ("http://127.0.0.1:3000/", "http://127.0.0.1:3000"),
        ("http://[::1]:3000", "http://[::1]:3000"),
    ],
)
def test_the_instance_address_is_normalised(typed, normalised):
    assert MastodonKind().validate(base_url=typed, handle=None, path=None) == (normalised, None, {})


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("http://mastodon.social", "channel.insecure_url"),
        ("https://mastodon.social/@press", "mastodon.url_has_path"),
        ("https://mastodon.social/?x=1", "mastodon.url_has_path"),
        ("ftp://mastodon.social", "channel.bad_url"),
        ("https://user:pw@mastodon.social", "channel.bad_url"),
        ("", "mastodon.url_required"),
        (None, "mastodon.url_required"),
    ],
)
def test_bad_instance_addresses_are_refused(typed, code):
    with pytest.raises(InputError) as exc:
        MastodonKind().validate(base_url=typed, handle=None, path=None)
    assert exc.value.code == code


def test_a_channel_without_a_token_cannot_connect():
    with pytest.raises(InputError):
        MastodonKind().connect(ChannelConfig(1, "Fedi", BASE, None, {}), None)


def test_a_channel_stored_with_plain_http_to_a_remote_host_is_refused():
    with pytest.raises(InputError) as exc:
        MastodonKind().connect(ChannelConfig(1, "Fedi", "http://social.example", None, {}), "tok")
    assert exc.value.code == "channel.insecure_url"


# -- verify -----------------------------------------------------------------------------------------


def test_verify_reports_the_account_and_the_instance_limits(kind, fake):
    result = connector(kind).verify()
    assert result.account == "@press@social.example"
    assert result.details["max_characters"] == 1000
    assert result.details["characters_reserved_per_url"] == 23
    assert result.details["description_limit"] == 1500
    assert result.details["image_size_limit"] == 16777216
    assert result.details["supported_mime_types"] == ["image/jpeg", "image/png"]
    assert [(r.method, r.url.path) for r in fake.requests] == [
        ("GET", "/api/v1/accounts/verify_credentials"),
        ("GET", "/api/v2/instance"),
    ]
    assert all(r.headers["Authorization"] == "Bearer tok" for r in fake.requests)


def test_the_instance_api_version_comes_from_the_channel_settings(kind, fake):
    fake.overrides["GET /api/v1/instance"] = [httpx.Response(200, json={"uri": "old.example", "max_toot_chars": 5000})]
    result = connector(kind, api_versions={"instance": "v1"}).verify()
    assert result.account == "@press@old.example"
    assert result.details["max_characters"] == 5000


def test_a_revoked_token_fails_verify(kind, fake):
    fake.overrides["GET /api/v1/accounts/verify_credentials"] = [
        httpx.Response(401, json={"error": "The access token was revoked"})
    ]
    with pytest.raises(AuthExpired):
        connector(kind).verify()


def test_a_login_page_instead_of_the_api_is_rejected(kind, fake):
    fake.overrides["GET /api/v1/accounts/verify_credentials"] = [
        httpx.Response(200, text="<html><form action=/auth/sign_in>", headers={"Content-Type": "text/html"})
    ]
    with pytest.raises(Rejected) as exc:
        connector(kind).verify()
    assert exc.value.code == "channel.not_json"


# -- publish ----------------------------------------------------------------------------------------


def test_publish_sends_the_rendered_text_with_the_idempotency_key(kind, fake):
    result = connector(kind).publish(request("Hello **world**"))
    [sent] = fake.sent("POST", "/api/v1/statuses")
    assert sent.headers["Idempotency-Key"] == "pub-1-abc"
    assert sent.headers["Authorization"] == "Bearer tok"
    assert form_of(sent) == {"status": ["Hello world"]}
    assert result.remote_id == "1001"
    assert result.remote_url == f"{BASE}/@press/1001"


def test_links_get_the_brands_utm_parameters(kind, fake):
    connector(kind).publish(
        request("Read https://example.com/news", utm={"source": "mastodon", "medium": "social", "campaign": None})
    )
    text = form_of(fake.sent("POST", "/api/v1/statuses")[0])["status"][0]
    assert "https://example.com/news?utm_source=mastodon&utm_medium=social" in text


def test_a_resend_with_the_same_key_makes_no_second_status(kind, fake):
    first = connector(kind).publish(request())
    again = connector(kind).publish(request())
    assert first == again
    assert len(fake.statuses) == 1
    assert [r.headers["Idempotency-Key"] for r in fake.sent("POST", "/api/v1/statuses")] == ["pub-1-abc"] * 2


def test_a_long_text_becomes_a_chained_thread(kind, fake):
    text = "\n\n".join(f"Paragraph {n}: " + "lorem ipsum " * 30 for n in range(1, 4))
    result = connector(kind).publish(request(text))
    sent = fake.sent("POST", "/api/v1/statuses")
    assert len(sent) >= 2
    assert [r.headers["Idempotency-Key"] for r in sent] == ["pub-1-abc"] + [
        f"pub-1-abc-{n}" for n in range(2, len(sent) + 1)
    ]
    forms = [form_of(r) for r in sent]
    assert "in_reply_to_id" not in forms[0]
    for n in range(1, len(forms)):
        assert forms[n]["in_reply_to_id"] == [str(1001 + n - 1)]
    assert all(len(f["status"][0]) <= 500 for f in forms)
    assert result.remote_id == "1001"


def test_the_instance_limit_from_the_settings_is_used(kind, fake):
    text = "word " * 150  # 750 characters: two parts at 500, one at 1000
    connector(kind, max_characters=1000).publish(request(text))
    assert len(fake.sent("POST", "/api/v1/statuses")) == 1


def test_an_empty_post_is_rejected_before_anything_is_sent(kind, fake):
    with pytest.raises(Rejected) as exc:
        connector(kind).publish(request("   "))
    assert exc.value.code == "mastodon.empty_status"
    assert fake.requests == []


@pytest.fixture
def image(tmp_path: Path) -> MediaItem:
    path = tmp_path / "photo.png"
    Image.new("RGB", (8, 8), "red").save(path)
    return MediaItem(path=str(path), filename="photo.png", mime_type="image/png", sha256="ab", alt_text="A red square")


def test_media_is_uploaded_with_its_alt_text_and_attached_to_the_first_part(kind, fake, image):
    connector(kind).publish(request("Look", media=(image,)))
    [upload] = fake.sent("POST", "/api/v2/media")
    assert upload.headers["Content-Type"].startswith("multipart/form-data")
    body = upload.content
    assert b'name="description"\r\n\r\nA red square' in body
    assert b'name="file"; filename="photo.png"' in body
    assert b"Content-Type: image/png" in body
    assert body.count(b"\x89PNG") == 1
    [create] = fake.sent("POST", "/api/v1/statuses")
    assert form_of(create)["media_ids[]"] == ["77"]
    assert fake.requests.index(upload) < fake.requests.index(create)


def test_media_still_processing_is_polled_until_ready(kind, fake, sleeps, image):
    fake.overrides["POST /api/v2/media"] = [httpx.Response(202, json={"id": "78", "type": "image", "url": None})]
    fake.overrides["GET /api/v1/media/78"] = [
        httpx.Response(206, json={"id": "78", "url": None}),
        httpx.Response(206, json={"id": "78", "url": None}),
        httpx.Response(200, json={"id": "78", "url": f"{BASE}/m/78.png"}),
    ]
    connector(kind).publish(request("Look", media=(image,)))
    assert len(fake.sent("GET", "/api/v1/media/78")) == 3
    assert len(sleeps) == 3
    assert form_of(fake.sent("POST", "/api/v1/statuses")[0])["media_ids[]"] == ["78"]


def test_media_that_never_finishes_processing_is_transient(kind, fake, sleeps, image):
    fake.overrides["POST /api/v2/media"] = [httpx.Response(202, json={"id": "79", "url": None})]
    fake.overrides["GET /api/v1/media/79"] = [httpx.Response(206, json={"id": "79", "url": None})] * 100
    with pytest.raises(Transient) as exc:
        connector(kind).publish(request("Look", media=(image,)))
    assert exc.value.code == "mastodon.media_processing"
    assert len(sleeps) == 30
    assert fake.sent("POST", "/api/v1/statuses") == []


def test_a_missing_media_file_is_rejected(kind, fake, image, tmp_path):
    Path(image.path).unlink()
    with pytest.raises(Rejected) as exc:
        connector(kind).publish(request("Look", media=(image,)))
    assert exc.value.code == "mastodon.media_missing"


@pytest.mark.parametrize(
    ("answer", "error", "code"),
    [
        (httpx.Response(401, json={"error": "The access token is invalid"}), AuthExpired, "channel.auth_expired"),
        (httpx.Response(422, json={"error": "Validation failed: Text can't be blank"}), Rejected, "channel.rejected"),
        (httpx.Response(429, headers={"Retry-After": "30"}), RateLimited, "channel.rate_limited"),
        (httpx.Response(503, text="Service Unavailable"), Transient, "channel.server_error"),
        (httpx.ReadTimeout("timed out"), OutcomeUnknown, "channel.no_response"),
        (httpx.ConnectError("Name or service not known"), Transient, "channel.connect_failed"),
    ],
)
def test_every_failure_is_classified(kind, fake, answer, error, code):
    fake.overrides["POST /api/v1/statuses"] = [answer]
    with pytest.raises(error) as exc:
        connector(kind).publish(request())
    assert exc.value.code == code


def test_the_rate_guard_holds_back_the_next_status(kind, fake):
    fake.overrides["POST /api/v1/statuses"] = [
        httpx.Response(
            200,
            json=status("5"),
            headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2099-01-01T00:00:00Z"},
        )
    ]
    connector(kind).publish(request(key="a"))
    with pytest.raises(RateLimited):
        connector(kind).publish(request(key="b"))  # a new connector of the same kind and account
    assert len(fake.sent("POST", "/api/v1/statuses")) == 1


# -- finding a post after an unknown outcome --------------------------------------------------------


def test_find_published_matches_the_rendered_text(kind, fake):
    fake.statuses = [
        status("41", "<p>Something else</p>"),
        status(
            "42",
            '<p>Hello world &amp; <a href="https://example.com/long/path" rel="nofollow noopener" target="_blank">'
            '<span class="invisible">https://</span><span class="ellipsis">example.com/long</span>'
            '<span class="invisible">/path</span></a></p>',
        ),
    ]
    found = connector(kind).find_published(request("Hello **world** & https://example.com/long/path"))
    assert found is not None and found.remote_id == "42"
    [lookup] = fake.sent("GET", "/api/v1/accounts/109/statuses")
    assert lookup.url.params["limit"] == "40"


def test_find_published_answers_none_when_nothing_matches(kind, fake):
    fake.statuses = [status("41", "<p>Something else</p>")]
    assert connector(kind).find_published(request("Hello")) is None


def test_html_to_text_keeps_paragraphs_and_line_breaks():
    assert html_to_text("<p>One<br />two</p><p>Three &lt;3</p>") == "One\ntwo\n\nThree <3"


# -- inbox, replies, metrics ------------------------------------------------------------------------


def mention(notification_id: str, status_id: str) -> dict[str, object]:
    fan = {"id": "7", "username": "ada", "acct": "ada@other.example", "display_name": "Ada"}
    return {
        "id": notification_id,
        "type": "mention",
        "created_at": "2026-11-23T08:00:00.000Z",
        "account": fan,
        "status": status(
            status_id,
            "<p>@press thanks!</p>",
            account=fan,
            in_reply_to_id="1001",
            created_at="2026-11-23T08:00:00.000Z",
        ),
    }


def test_the_inbox_pages_through_mentions_by_the_link_header(kind, fake):
    link = (
        f'<{BASE}/api/v1/notifications?max_id=33&types%5B%5D=mention>; rel="next", '
        f'<{BASE}/api/v1/notifications?min_id=35>; rel="prev"'
    )
    fake.overrides["GET /api/v1/notifications"] = [
        httpx.Response(200, json=[mention("35", "500"), mention("34", "499")], headers={"Link": link}),
        httpx.Response(200, json=[mention("33", "498")]),
    ]
    inbox = connector(kind)
    assert isinstance(inbox, InboxConnector) and isinstance(inbox, MetricsConnector)
    assert isinstance(inbox, SchedulingConnector)
    page = inbox.fetch_inbox()
    assert [i.remote_id for i in page.items] == ["500", "499"]
    item = page.items[0]
    assert (item.kind, item.author, item.author_name, item.text) == (
        "mention",
        "@ada@other.example",
        "Ada",
        "@press thanks!",
    )
    assert item.created_at == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    assert item.in_reply_to_id == "1001"
    assert item.html is not None and "thanks!" in item.html  # the status' own HTML, for the inbox to sanitise
    assert page.next_cursor == "33"

    last = inbox.fetch_inbox(page.next_cursor)
    assert last.next_cursor is None
    first, second = fake.sent("GET", "/api/v1/notifications")
    assert first.url.params.get_list("types[]") == ["mention"]
    assert first.url.params["limit"] == "40"
    assert "max_id" not in first.url.params
    assert second.url.params["max_id"] == "33"


def test_a_reply_mentions_the_author_and_keeps_a_private_audience(kind, fake):
    fake.overrides[r"GET /api/v1/statuses/500"] = [
        httpx.Response(200, json=status("500", account={"id": "7", "acct": "ada@other.example"}, visibility="private"))
    ]
    result = connector(kind).reply("500", "You are welcome")
    [sent] = fake.sent("POST", "/api/v1/statuses")
    assert form_of(sent) == {
        "status": ["@ada@other.example You are welcome"],
        "in_reply_to_id": ["500"],
        "visibility": ["private"],
    }
    assert sent.headers["Idempotency-Key"].startswith("reply-")
    assert result.remote_id == "1001"


def test_metrics_come_from_the_status_counters_and_skip_deleted_posts(kind, fake):
    fake.overrides[r"GET /api/v1/statuses/1"] = [
        httpx.Response(200, json=status("1", replies_count=3, reblogs_count=5, favourites_count=8, quotes_count=1))
    ]
    fake.overrides[r"GET /api/v1/statuses/2"] = [httpx.Response(404, json={"error": "Record not found"})]
    assert connector(kind).fetch_metrics(["1", "2"]) == {"1": Metrics(replies=3, reposts=5, likes=8, quotes=1)}


# -- server-side scheduling -------------------------------------------------------------------------


def test_schedule_sends_scheduled_at_and_returns_the_scheduled_status(kind, fake):
    result = connector(kind).schedule(request(), NOW + timedelta(hours=2))
    [sent] = fake.sent("POST", "/api/v1/statuses")
    assert form_of(sent)["scheduled_at"] == ["2026-11-23T11:00:00.000Z"]
    assert sent.headers["Idempotency-Key"] == "pub-1-abc"
    assert result.remote_id == "1001" and result.remote_url is None


@pytest.mark.parametrize("ahead", [timedelta(minutes=4, seconds=59), timedelta(0), timedelta(minutes=-5)])
def test_schedule_needs_five_minutes_ahead(kind, fake, ahead):
    with pytest.raises(InputError) as exc:
        connector(kind).schedule(request(), NOW + ahead)
    assert exc.value.code == "mastodon.schedule_too_soon"
    assert fake.requests == []


def test_a_thread_cannot_be_scheduled_on_the_server(kind, fake):
    with pytest.raises(InputError) as exc:
        connector(kind).schedule(request("lorem ipsum " * 100), NOW + timedelta(hours=1))
    assert exc.value.code == "mastodon.schedule_thread"


def test_cancel_scheduled_deletes_it(kind, fake):
    fake.overrides["DELETE /api/v1/scheduled_statuses/9"] = [httpx.Response(200, json={})]
    connector(kind).cancel_scheduled("9")
    assert [(r.method, r.url.path) for r in fake.requests] == [("DELETE", "/api/v1/scheduled_statuses/9")]


def test_a_resend_after_the_key_may_have_expired_looks_before_posting(kind, fake):
    late = request("Hello **world**", date=NOW - timedelta(hours=3))
    fake.statuses = [status("42", "<p>Hello world</p>", created_at="2026-11-23T06:05:00.000Z")]
    found = connector(kind).publish(late)
    assert found.remote_id == "42"
    assert fake.sent("POST", "/api/v1/statuses") == []


def test_a_late_first_attempt_still_posts(kind, fake):
    late = request("Hello **world**", date=NOW - timedelta(hours=9))  # the laptop slept through the time
    fake.statuses = [status("41", "<p>Hello world</p>", created_at="2026-11-22T09:00:00.000Z")]  # yesterday's
    result = connector(kind).publish(late)
    assert result.remote_id == "1001"
    assert len(fake.sent("GET", "/api/v1/accounts/109/statuses")) == 1
    assert len(fake.sent("POST", "/api/v1/statuses")) == 1


def test_a_recent_publish_trusts_the_idempotency_key_alone(kind, fake):
    connector(kind).publish(request(date=NOW - timedelta(minutes=30)))
    assert fake.sent("GET", "/api/v1/accounts/109/statuses") == []


def test_a_remote_mention_is_matched_as_mastodon_shows_it(kind, fake):
    fake.statuses = [
        status(
            "43",
            '<p>Thanks <span class="h-card"><a href="https://other.example/@ada" class="u-url mention">'
            "@<span>ada</span></a></span>!</p>",
        )
    ]
    found = connector(kind).find_published(request("Thanks @ada@other.example!"))
    assert found is not None and found.remote_id == "43"


def test_too_many_attachments_are_rejected_before_uploading(kind, fake, image):
    with pytest.raises(Rejected) as exc:
        connector(kind).publish(request("Look", media=(image,) * 5))
    assert exc.value.code == "mastodon.too_many_media"
    assert exc.value.params == {"count": 5, "max": 4}
    assert fake.requests == []


def test_the_brands_frame_is_applied_to_uploaded_images(kind, fake, image):
    import io

    connector(kind).publish(request("Look", media=(image,), frame={"border_width": 3, "border_color": "#00ff00"}))
    [upload] = fake.sent("POST", "/api/v2/media")
    start = upload.content.index(b"\x89PNG")
    with Image.open(io.BytesIO(upload.content[start:])) as framed:
        assert framed.size == (14, 14)
        assert framed.convert("RGB").getpixel((0, 0)) == (0, 255, 0)
    with Image.open(image.path) as stored:
        assert stored.size == (8, 8)  # the stored file is untouched


def test_verify_survives_an_instance_with_odd_configuration(kind, fake):
    fake.overrides["GET /api/v2/instance"] = [
        httpx.Response(
            200, json={"domain": "odd.example", "configuration": {"statuses": "none", "media_attachments": 3}}
        )
    ]
    result = connector(kind, api_versions={"instance": "../../admin", "media": "v1"}).verify()
    assert result.details["max_characters"] == 500
    assert result.details["description_limit"] == 1500
    assert [r.url.path for r in fake.requests][-1] == "/api/v2/instance"
