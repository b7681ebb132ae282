"""The Discord webhook connector against a fake Discord built from the documented shapes (Execute Webhook with
``?wait=true``, ``payload_json`` + ``files[n]`` with ``attachments[].description``, the 429 body and
``X-RateLimit-*`` headers, ``{"code", "message", "errors"}`` error bodies), asserting on every request it sends."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
from connector_contract import WHEN, ConnectorContract, contract_request
from PIL import Image

from publisher.channels.discord import DiscordKind, normalise_webhook
from publisher.channels.protocol import (
    ChannelConfig,
    InboxConnector,
    MediaItem,
    MetricsConnector,
    PublishRequest,
    SchedulingConnector,
)
from publisher.channels.registry import default_registry
from publisher.errors import AuthExpired, InputError, OutcomeUnknown, RateLimited, Rejected, Transient

WEBHOOK_ID = "1180000000000000001"
WEBHOOK_TOKEN = "abcDEF123_-" + "x" * 57
WEBHOOK = f"https://discord.com/api/webhooks/{WEBHOOK_ID}/{WEBHOOK_TOKEN}"
PATH = f"/api/webhooks/{WEBHOOK_ID}/{WEBHOOK_TOKEN}"
CHANNEL_ID = "1170000000000000009"
GUILD_ID = "1160000000000000003"


class FakeDiscord:
    """Answers like discord.com for one webhook; ``overrides`` holds scripted answers for the next POSTs."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.overrides: list[httpx.Response | Exception] = []
        self.next_id = 1190000000000000000

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path != PATH:
            return httpx.Response(404, json={"message": "Unknown Webhook", "code": 10015})
        if request.method == "GET":
            return httpx.Response(
                200,
                json={"id": WEBHOOK_ID, "type": 1, "name": "Press", "channel_id": CHANNEL_ID, "guild_id": GUILD_ID},
            )
        if self.overrides:
            answer = self.overrides.pop(0)
            if isinstance(answer, Exception):
                raise answer
            return answer
        self.next_id += 1
        return httpx.Response(
            200, json={"id": str(self.next_id), "channel_id": CHANNEL_ID, "content": "…", "webhook_id": WEBHOOK_ID}
        )

    def posts(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == "POST"]


def multipart(request: httpx.Request) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(form fields, [(field name, filename)]) of a multipart body."""
    boundary = request.headers["content-type"].split("boundary=")[1].encode()
    fields: dict[str, str] = {}
    files: list[tuple[str, str]] = []
    for chunk in request.content.split(b"--" + boundary):
        head, _, body = chunk.partition(b"\r\n\r\n")
        name = re.search(rb'name="([^"]+)"', head)
        filename = re.search(rb'filename="([^"]+)"', head)
        if name and filename:
            files.append((name[1].decode(), filename[1].decode()))
        elif name:
            fields[name[1].decode()] = body.rstrip(b"\r\n").decode()
    return fields, files


@pytest.fixture
def fake() -> FakeDiscord:
    return FakeDiscord()


@pytest.fixture
def kind(fake: FakeDiscord) -> DiscordKind:
    return DiscordKind(transport=httpx.MockTransport(fake))


def connector(kind: DiscordKind, handle: str | None = None, settings: dict[str, object] | None = None):
    return kind.connect(ChannelConfig(1, "Discord", "https://discord.com", handle, settings or {}), WEBHOOK)


def request(text: str = "Hello **world**", media: tuple[MediaItem, ...] = ()) -> PublishRequest:
    return PublishRequest(key="pub-1-abc", post_id=1, title=None, text=text, date=WHEN, channel_name="DC", media=media)


def image(tmp_path: Path, name: str = "a.png", alt: str | None = "A red square") -> MediaItem:
    path = tmp_path / name
    Image.new("RGB", (8, 8), "red").save(path)
    return MediaItem(str(path), name, "image/png", "0" * 64, alt)


# -- the kind --------------------------------------------------------------------------------------------


def test_discord_is_a_registered_post_only_kind():
    kind = default_registry().get("discord")
    assert kind.needs_secret and not kind.idempotent_publish
    caps = kind.capabilities
    assert caps.media and not (caps.inbox or caps.metrics or caps.server_scheduling or caps.threads)


def test_discord_connector_has_no_optional_methods(kind):
    conn = connector(kind)
    assert not isinstance(conn, InboxConnector | MetricsConnector | SchedulingConnector)


@pytest.mark.parametrize(
    "url",
    [
        WEBHOOK,
        f"https://discordapp.com/api/webhooks/{WEBHOOK_ID}/{WEBHOOK_TOKEN}",
        f"https://discord.com/api/v10/webhooks/{WEBHOOK_ID}/{WEBHOOK_TOKEN}/",
        f"  {WEBHOOK}  ",
    ],
)
def test_discord_webhook_urls_are_normalised(url):
    assert DiscordKind().exchange_secret(base_url="https://discord.com", handle=None, secret=url) == WEBHOOK
    assert normalise_webhook(url) == WEBHOOK


@pytest.mark.parametrize(
    "url",
    [
        f"http://discord.com/api/webhooks/{WEBHOOK_ID}/{WEBHOOK_TOKEN}",
        f"https://evil.example/api/webhooks/{WEBHOOK_ID}/{WEBHOOK_TOKEN}",
        f"https://discord.com.evil.example/api/webhooks/{WEBHOOK_ID}/{WEBHOOK_TOKEN}",
        f"https://discord.com/api/webhooks/{WEBHOOK_ID}",
        f"https://discord.com/api/webhooks/{WEBHOOK_ID}/{WEBHOOK_TOKEN}/../../users/@me",
        f"https://discord.com/api/webhooks/{WEBHOOK_ID}/{WEBHOOK_TOKEN}?thread_id=1",
        "not a url",
    ],
)
def test_discord_other_urls_are_refused(kind, fake, url):
    with pytest.raises(InputError) as caught:
        kind.exchange_secret(base_url="https://discord.com", handle=None, secret=url)
    assert caught.value.code == "discord.bad_webhook"
    with pytest.raises(InputError):
        kind.connect(ChannelConfig(1, "D", None, None, {}), url)
    assert fake.requests == []


def test_discord_validate_takes_an_optional_display_name():
    assert DiscordKind().validate(base_url=None, handle=None, path=None) == ("https://discord.com", None, {})
    assert DiscordKind().validate(base_url=None, handle=" Press Office ", path=None)[1] == "Press Office"
    for bad in ("x" * 81, "My Discord bot"):
        with pytest.raises(InputError) as caught:
            DiscordKind().validate(base_url=None, handle=bad, path=None)
        assert caught.value.code == "discord.bad_username"


def test_discord_verify_reads_the_webhook(kind, fake):
    result = connector(kind).verify()
    assert result.account == "Press"
    assert result.details["channel_id"] == CHANNEL_ID and result.details["guild_id"] == GUILD_ID
    assert result.details["max_characters"] == 2000 and result.details["post_only"] is True
    [sent] = fake.requests
    assert (sent.method, sent.url.path) == ("GET", PATH)
    assert "authorization" not in sent.headers


# -- publish ---------------------------------------------------------------------------------------------


def test_discord_publish_posts_json_that_pings_nobody_and_waits_for_the_message(kind, fake):
    result = connector(kind).publish(request("Hello **world** @everyone"))
    [sent] = fake.posts()
    assert sent.url.path == PATH and sent.url.params["wait"] == "true"
    assert sent.headers["content-type"] == "application/json"
    body = json.loads(sent.content)
    assert body == {"content": "Hello **world** @everyone", "allowed_mentions": {"parse": []}}
    assert result.remote_id == "1190000000000000001"
    assert result.remote_url is None  # no server id known: no jump link


def test_discord_the_display_name_override_and_the_jump_link(kind, fake):
    result = connector(kind, handle="Press Office", settings={"guild_id": GUILD_ID}).publish(request())
    assert json.loads(fake.posts()[0].content)["username"] == "Press Office"
    assert result.remote_url == f"https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/1190000000000000001"


def test_discord_images_go_as_files_with_their_alt_text(kind, fake, tmp_path):
    media = (image(tmp_path, "a.png", "A red square"), image(tmp_path, "b.png", None))
    connector(kind).publish(request("Two pictures", media=media))
    [sent] = fake.posts()
    assert sent.url.params["wait"] == "true"
    fields, files = multipart(sent)
    payload = json.loads(fields["payload_json"])
    assert payload["content"] == "Two pictures" and payload["allowed_mentions"] == {"parse": []}
    assert payload["attachments"] == [
        {"id": 0, "filename": "a.png", "description": "A red square"},
        {"id": 1, "filename": "b.png"},
    ]
    assert files == [("files[0]", "a.png"), ("files[1]", "b.png")]


def test_discord_refuses_what_it_cannot_send_before_sending(kind, fake, tmp_path):
    conn = connector(kind)
    cases = [
        (request("x" * 2001), "discord.too_long"),
        (request(" "), "discord.empty_message"),
        (request("x", media=tuple(image(tmp_path, f"{n}.png") for n in range(11))), "discord.too_many_media"),
        (request("x", media=(MediaItem(str(tmp_path / "gone.png"), "gone.png", "image/png", "0", None),)), None),
    ]
    codes = ["discord.too_long", "discord.empty_message", "discord.too_many_media", "discord.media_missing"]
    for (req, _), code in zip(cases, codes, strict=True):
        with pytest.raises(Rejected) as caught:
            conn.publish(req)
        assert caught.value.code == code
    assert fake.posts() == []


def test_discord_find_published_never_guesses(kind, fake):
    conn = connector(kind)
    conn.publish(request())
    assert conn.find_published(request()) is None


# -- errors ----------------------------------------------------------------------------------------------


def test_discord_429_uses_the_bodys_retry_after(kind, fake):
    fake.overrides = [
        httpx.Response(
            429,
            json={"message": "You are being rate limited.", "retry_after": 1.337, "global": False},
            headers={"Retry-After": "2", "X-RateLimit-Scope": "user", "X-RateLimit-Remaining": "0"},
        )
    ]
    with pytest.raises(RateLimited) as caught:
        connector(kind).publish(request())
    assert caught.value.retry_after == pytest.approx(1.337)


def test_discord_429_without_a_body_falls_back_to_the_headers(kind, fake):
    fake.overrides = [httpx.Response(429, text="", headers={"Retry-After": "3"})]
    with pytest.raises(RateLimited) as caught:
        connector(kind).publish(request())
    assert caught.value.retry_after == pytest.approx(3.0)


def test_discord_an_exhausted_bucket_stops_the_next_request_before_it_is_sent(fake):
    clock = [1_800_000_000.0]
    from publisher.channels._http import RateGuard

    kind = DiscordKind(transport=httpx.MockTransport(fake), guard=RateGuard(now=lambda: clock[0]))
    headers = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(clock[0] + 5), "X-RateLimit-Limit": "5"}
    fake.overrides = [httpx.Response(200, json={"id": "1", "channel_id": CHANNEL_ID}, headers=headers)]
    connector(kind).publish(request())
    with pytest.raises(RateLimited) as caught:
        connector(kind).publish(request())
    assert caught.value.retry_after == pytest.approx(5.0)
    assert len(fake.posts()) == 1


@pytest.mark.parametrize("status", [401, 404])
def test_discord_a_deleted_webhook_needs_a_new_url(kind, fake, status):
    fake.overrides = [httpx.Response(status, json={"message": "Unknown Webhook", "code": 10015})]
    with pytest.raises(AuthExpired) as caught:
        connector(kind).publish(request())
    assert caught.value.code == "discord.webhook_gone"


def test_discord_400_carries_discords_message_and_the_field_error(kind, fake):
    fake.overrides = [
        httpx.Response(
            400,
            json={
                "code": 50035,
                "message": "Invalid Form Body",
                "errors": {
                    "content": {
                        "_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 2000 or fewer in length."}]
                    }
                },
            },
        )
    ]
    with pytest.raises(Rejected) as caught:
        connector(kind).publish(request())
    assert caught.value.code == "discord.rejected"
    assert caught.value.params["message"] == "Invalid Form Body: content: Must be 2000 or fewer in length."
    assert WEBHOOK_TOKEN not in str(caught.value.params)


def test_discord_server_errors_and_lost_answers(kind, fake):
    fake.overrides = [httpx.Response(503, text="upstream"), httpx.ReadTimeout("dropped")]
    with pytest.raises(Transient):
        connector(kind).publish(request())
    with pytest.raises(OutcomeUnknown):
        connector(kind).publish(request())


# -- the shared contract ---------------------------------------------------------------------------------


class TestDiscordContract(ConnectorContract):
    @pytest.fixture
    def kind(self):
        return DiscordKind(transport=httpx.MockTransport(FakeDiscord()))

    @pytest.fixture
    def connector(self, kind):
        return kind.connect(ChannelConfig(1, "Contract", "https://discord.com", None, {}), WEBHOOK)

    def test_a_published_post_is_found_again(self, kind, connector):
        """Overridden: a webhook cannot read the channel, so the lookup answers None (the engine then marks the
        delivery unconfirmed); the kind must then not claim idempotent publishing."""
        connector.publish(contract_request())
        assert connector.find_published(contract_request()) is None
        assert kind.idempotent_publish is False
