"""The Telegram connector against a fake Bot API built from the documented shapes (core.telegram.org/bots/api:
``Update``, ``Message``, ``Chat``, ``ChatMember``, the ``{"ok": false, "error_code", "description", "parameters"}``
error body), asserting on every request it sends."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from connector_contract import WHEN, ConnectorContract, contract_request
from PIL import Image

from publisher.channels.protocol import (
    ChannelConfig,
    InboxConnector,
    MediaItem,
    MetricsConnector,
    PublishRequest,
    SchedulingConnector,
)
from publisher.channels.registry import default_registry
from publisher.channels.telegram import DEFAULT_API, TelegramKind, normalise_handle
from publisher.errors import AuthExpired, InputError, OutcomeUnknown, RateLimited, Rejected

TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-bs"
BOT = {"id": 123456789, "is_bot": True, "first_name": "Press bot", "username": "press_bot"}
CHANNEL = {"id": -1001234567890, "type": "channel", "title": "Press news", "username": "pressnews"}
GROUP = {"id": -1009876543210, "type": "supergroup", "title": "Press news chat"}


def error(status: int, description: str, **parameters: object) -> httpx.Response:
    body: dict[str, object] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return httpx.Response(status, json=body)


def ok(result: object) -> httpx.Response:
    return httpx.Response(200, json={"ok": True, "result": result})


class FakeBotApi:
    """Answers like api.telegram.org; ``overrides`` maps a method name to scripted answers."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.next_id = 40
        self.overrides: dict[str, list[httpx.Response | Exception]] = {}
        self.member_status = "administrator"
        self.updates: list[dict[str, object]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        match = re.fullmatch(r"/bot([^/]+)/(\w+)", request.url.path)
        if not match:
            return httpx.Response(404, json={"ok": False, "error_code": 404, "description": "Not Found"})
        if match[1] != TOKEN:
            return error(401, "Unauthorized")
        method = match[2]
        if self.overrides.get(method):
            answer = self.overrides[method].pop(0)
            if isinstance(answer, Exception):
                raise answer
            return answer
        if method == "getMe":
            return ok(BOT)
        if method == "getChat":
            return ok(CHANNEL)
        if method == "getChatMember":
            return ok({"status": self.member_status, "user": BOT, "can_post_messages": True})
        if method == "getUpdates":
            offset = int(request.url.params.get("offset", "0"))
            return ok([u for u in self.updates if int(str(u["update_id"])) >= offset])
        if method in ("sendMessage", "sendPhoto"):
            return ok(self.message())
        if method == "sendMediaGroup":
            media = json.loads(multipart_fields(request)["media"])
            return ok([self.message() for _ in media])
        return error(404, "Not Found")

    def message(self) -> dict[str, object]:
        self.next_id += 1
        return {"message_id": self.next_id, "chat": CHANNEL, "date": 1795424400}

    def calls(self, method: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path.endswith(f"/{method}")]


def multipart_fields(request: httpx.Request) -> dict[str, str]:
    """The non-file fields of a multipart body."""
    content_type = request.headers["content-type"]
    boundary = content_type.split("boundary=")[1].encode()
    fields = {}
    for chunk in request.content.split(b"--" + boundary):
        head, _, body = chunk.partition(b"\r\n\r\n")
        name = re.search(rb'name="([^"]+)"', head)
        if name and b"filename=" not in head:
            fields[name[1].decode()] = body.rstrip(b"\r\n").decode()
    return fields


def multipart_files(request: httpx.Request) -> list[str]:
    return [m.decode() for m in re.findall(rb'name="([^"]+)"; filename=', request.content)]


@pytest.fixture
def fake() -> FakeBotApi:
    return FakeBotApi()


@pytest.fixture
def kind(fake: FakeBotApi) -> TelegramKind:
    return TelegramKind(transport=httpx.MockTransport(fake))


def connector(kind: TelegramKind, handle: str = "@pressnews", settings: dict[str, object] | None = None):
    return kind.connect(ChannelConfig(1, "Telegram", DEFAULT_API, handle, settings or {}), TOKEN)


def request(text: str = "Hello **world**", media: tuple[MediaItem, ...] = ()) -> PublishRequest:
    return PublishRequest(key="pub-1-abc", post_id=1, title=None, text=text, date=WHEN, channel_name="TG", media=media)


def image(tmp_path: Path, name: str = "a.png", alt: str | None = "A red square") -> MediaItem:
    path = tmp_path / name
    Image.new("RGB", (8, 8), "red").save(path)
    return MediaItem(str(path), name, "image/png", "0" * 64, alt)


# -- the kind --------------------------------------------------------------------------------------------


def test_telegram_is_a_registered_non_idempotent_kind_with_inbox_and_media():
    kind = default_registry().get("telegram")
    assert kind.needs_secret and not kind.idempotent_publish
    caps = kind.capabilities
    assert (caps.inbox, caps.media, caps.metrics, caps.server_scheduling, caps.threads) == (
        True,
        True,
        False,
        False,
        False,
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("@pressnews", "@pressnews"),
        ("pressnews", "@pressnews"),
        ("https://t.me/pressnews", "@pressnews"),
        ("-1001234567890", "-1001234567890"),
    ],
)
def test_telegram_handles_are_normalised(typed, stored):
    assert normalise_handle(typed) == stored


@pytest.mark.parametrize(("typed", "code"), [("", "telegram.handle_required"), ("@a b", "telegram.bad_handle")])
def test_telegram_bad_handles_are_refused(typed, code):
    with pytest.raises(InputError) as caught:
        TelegramKind().validate(base_url=None, handle=typed, path=None)
    assert caught.value.code == code


def test_telegram_validate_defaults_the_api_host_and_refuses_plain_http():
    assert TelegramKind().validate(base_url=None, handle="@pressnews", path=None) == (DEFAULT_API, "@pressnews", {})
    assert TelegramKind().validate(base_url="http://127.0.0.1:8081/", handle="@x_news", path=None)[0] == (
        "http://127.0.0.1:8081"
    )
    with pytest.raises(InputError) as caught:
        TelegramKind().validate(base_url="http://bots.example", handle="@pressnews", path=None)
    assert caught.value.code == "channel.insecure_url"


@pytest.mark.parametrize("token", ["nope", "123:short", "123456789:AAE/../../x" + "a" * 20])
def test_telegram_malformed_tokens_are_refused_before_any_request(kind, fake, token):
    with pytest.raises(InputError) as caught:
        kind.connect(ChannelConfig(1, "TG", DEFAULT_API, "@pressnews", {}), token)
    assert caught.value.code == "telegram.bad_token"
    with pytest.raises(InputError):
        kind.exchange_secret(base_url=DEFAULT_API, handle="@pressnews", secret=token)
    assert fake.requests == []


def test_telegram_connector_has_inbox_but_no_metrics_or_scheduling(kind):
    conn = connector(kind)
    assert isinstance(conn, InboxConnector)
    assert not isinstance(conn, MetricsConnector) and not isinstance(conn, SchedulingConnector)


# -- verify ----------------------------------------------------------------------------------------------


def test_telegram_verify_reports_the_channel_and_the_bots_rights(kind, fake):
    result = connector(kind).verify()
    assert result.account == "@pressnews"
    assert result.details["is_admin"] is True and result.details["can_post_messages"] is True
    assert result.details["max_characters"] == 4096 and result.details["max_caption_characters"] == 1024
    assert result.details["chat_title"] == "Press news" and result.details["chat_type"] == "channel"
    assert [r.url.path.rsplit("/", 1)[1] for r in fake.requests] == ["getMe", "getChat", "getChatMember"]
    assert all(r.method == "GET" and r.url.path.startswith(f"/bot{TOKEN}/") for r in fake.requests)
    member = fake.calls("getChatMember")[0]
    assert member.url.params["chat_id"] == "@pressnews" and member.url.params["user_id"] == str(BOT["id"])
    assert all(TOKEN not in str(v) for r in fake.requests for v in r.headers.values())


def test_telegram_verify_says_when_the_bot_is_no_admin(kind, fake):
    fake.member_status = "member"
    assert connector(kind).verify().details["is_admin"] is False
    fake.overrides["getChatMember"] = [error(403, "Forbidden: bot is not a member of the channel chat")]
    assert connector(kind).verify().details["is_admin"] is False


# -- publish ---------------------------------------------------------------------------------------------


def test_telegram_publish_sends_html_text_and_returns_the_public_link(kind, fake):
    result = connector(kind).publish(request("Hello **world** & <friends>"))
    [sent] = fake.calls("sendMessage")
    assert sent.method == "POST" and sent.url.path == f"/bot{TOKEN}/sendMessage"
    body = json.loads(sent.content)
    assert body["chat_id"] == "@pressnews" and body["parse_mode"] == "HTML"
    assert body["text"] == "Hello <b>world</b> &amp; &lt;friends&gt;"
    assert body["link_preview_options"] == {"is_disabled": False}
    assert (result.remote_id, result.remote_url) == ("41", "https://t.me/pressnews/41")


def test_telegram_private_channels_have_no_public_link(kind, fake):
    fake.overrides["sendMessage"] = [ok({"message_id": 7, "chat": {"id": -100555, "type": "channel", "title": "X"}})]
    result = connector(kind, "-100555").publish(request())
    assert (result.remote_id, result.remote_url) == ("7", None)


def test_telegram_one_image_goes_with_the_text_as_caption(kind, fake, tmp_path):
    result = connector(kind).publish(request("Look", media=(image(tmp_path),)))
    [sent] = fake.calls("sendPhoto")
    assert sent.method == "POST" and sent.headers["content-type"].startswith("multipart/form-data")
    fields = multipart_fields(sent)
    assert fields == {"chat_id": "@pressnews", "caption": "Look", "parse_mode": "HTML"}
    assert multipart_files(sent) == ["photo"]
    assert fake.calls("sendMessage") == []
    assert result.remote_id == "41"


def test_telegram_a_text_too_long_for_a_caption_follows_the_photo(kind, fake, tmp_path):
    text = "word " * 300  # 1500 visible characters: over 1024
    result = connector(kind).publish(request(text, media=(image(tmp_path),)))
    assert "caption" not in multipart_fields(fake.calls("sendPhoto")[0])
    [message] = fake.calls("sendMessage")
    assert json.loads(message.content)["text"] == text.strip()
    assert result.remote_id == "42"  # the message carrying the text


def test_telegram_several_images_become_an_album_with_the_caption_on_the_first(kind, fake, tmp_path):
    media = (image(tmp_path, "a.png"), image(tmp_path, "b.png"), image(tmp_path, "c.png"))
    result = connector(kind).publish(request("Our *album*", media=media))
    [sent] = fake.calls("sendMediaGroup")
    fields = multipart_fields(sent)
    assert fields["chat_id"] == "@pressnews"
    assert json.loads(fields["media"]) == [
        {"type": "photo", "media": "attach://photo0", "caption": "Our <i>album</i>", "parse_mode": "HTML"},
        {"type": "photo", "media": "attach://photo1"},
        {"type": "photo", "media": "attach://photo2"},
    ]
    assert multipart_files(sent) == ["photo0", "photo1", "photo2"]
    assert result.remote_id == "41"


def test_telegram_refuses_what_it_cannot_send_before_sending(kind, fake, tmp_path):
    conn = connector(kind)
    cases = [
        (request("x" * 4097), "telegram.too_long"),
        (request("  "), "telegram.empty_message"),
        (request("x", media=tuple(image(tmp_path, f"{n}.png") for n in range(11))), "telegram.too_many_media"),
        (request("x", media=(MediaItem(str(tmp_path / "v.mp4"), "v.mp4", "video/mp4", "0", None),)), None),
        (request("x", media=(MediaItem(str(tmp_path / "gone.png"), "gone.png", "image/png", "0", None),)), None),
    ]
    codes = ["telegram.too_long", "telegram.empty_message", "telegram.too_many_media"]
    codes += ["telegram.unsupported_media", "telegram.media_missing"]
    for (req, _), code in zip(cases, codes, strict=True):
        with pytest.raises(Rejected) as caught:
            conn.publish(req)
        assert caught.value.code == code
    assert [r for r in fake.requests if "/send" in r.url.path] == []


def test_telegram_find_published_never_guesses(kind, fake):
    conn = connector(kind)
    conn.publish(request())
    assert conn.find_published(request()) is None


# -- errors ----------------------------------------------------------------------------------------------


def test_telegram_429_is_rate_limited_for_retry_after_seconds(kind, fake):
    fake.overrides["sendMessage"] = [error(429, "Too Many Requests: retry after 17", retry_after=17)]
    with pytest.raises(RateLimited) as caught:
        connector(kind).publish(request())
    assert caught.value.retry_after == 17


@pytest.mark.parametrize(
    ("answer", "error_type", "code"),
    [
        (error(401, "Unauthorized"), AuthExpired, "telegram.token_revoked"),
        (error(404, "Not Found"), AuthExpired, "telegram.token_revoked"),
        (error(400, "Bad Request: chat not found"), Rejected, "telegram.chat_not_found"),
        (error(403, "Forbidden: bot is not a member of the channel chat"), Rejected, "telegram.not_admin"),
        (error(403, "Forbidden: bot was kicked from the channel chat"), Rejected, "telegram.not_admin"),
        (
            error(400, "Bad Request: not enough rights to send text messages to the chat"),
            Rejected,
            "telegram.not_admin",
        ),
        (
            error(400, "Bad Request: group chat was upgraded", migrate_to_chat_id=-1001),
            Rejected,
            "telegram.chat_migrated",
        ),
        (error(400, "Bad Request: can't parse entities"), Rejected, "telegram.rejected"),
        (httpx.Response(502, text="Bad Gateway"), Exception, "channel.server_error"),
    ],
)
def test_telegram_errors_are_mapped_from_the_json_body(kind, fake, answer, error_type, code):
    fake.overrides["sendMessage"] = [answer]
    with pytest.raises(error_type) as caught:
        connector(kind).publish(request())
    assert caught.value.code == code
    assert TOKEN not in str(caught.value.params) and TOKEN not in str(caught.value)


def test_telegram_rejected_carries_telegrams_description(kind, fake):
    fake.overrides["sendMessage"] = [error(400, "Bad Request: can't parse entities")]
    with pytest.raises(Rejected) as caught:
        connector(kind).publish(request())
    assert caught.value.params["message"] == "Bad Request: can't parse entities"
    assert caught.value.params["status"] == 400


def test_telegram_a_lost_answer_to_a_send_is_an_unknown_outcome(kind, fake):
    fake.overrides["sendMessage"] = [httpx.ReadTimeout("dropped")]
    with pytest.raises(OutcomeUnknown):
        connector(kind).publish(request())


# -- inbox and replies -----------------------------------------------------------------------------------


def test_telegram_inbox_reads_updates_with_an_offset_cursor_and_skips_the_bots_own(kind, fake):
    fake.updates = [
        {
            "update_id": 500,
            "channel_post": {
                "message_id": 45,
                "chat": CHANNEL,
                "sender_chat": CHANNEL,
                "author_signature": "Ada",
                "date": 1795424400,
                "text": "Posted by a human admin",
            },
        },
        {
            "update_id": 501,
            "message": {
                "message_id": 9,
                "chat": GROUP,
                "sender_chat": CHANNEL,
                "is_automatic_forward": True,
                "date": 1795424401,
                "text": "Our post, mirrored",
            },
        },
        {
            "update_id": 502,
            "message": {
                "message_id": 10,
                "chat": GROUP,
                "from": {"id": 77, "is_bot": False, "first_name": "Grace", "last_name": "H", "username": "grace"},
                "date": 1795424402,
                "text": "Great news!",
                "reply_to_message": {
                    "message_id": 9,
                    "chat": GROUP,
                    "is_automatic_forward": True,
                    "forward_origin": {"type": "channel", "chat": CHANNEL, "message_id": 41, "date": 1795424400},
                },
            },
        },
        {"update_id": 503, "message": {"message_id": 11, "chat": GROUP, "from": BOT, "date": 1, "text": "mine"}},
    ]
    page = connector(kind).fetch_inbox()
    [call] = fake.calls("getUpdates")
    assert call.method == "GET" and "offset" not in call.url.params
    assert json.loads(call.url.params["allowed_updates"]) == ["channel_post", "message"]
    assert call.url.params["limit"] == "100"
    assert page.next_cursor == "504"
    human, comment = page.items
    assert (human.kind, human.remote_id, human.author_name, human.text) == (
        "message",
        "-1001234567890:45",
        "Press news",
        "Posted by a human admin",
    )
    assert human.url == "https://t.me/pressnews/45"
    assert (comment.kind, comment.remote_id, comment.author, comment.author_name) == (
        "comment",
        "-1009876543210:10",
        "@grace",
        "Grace H",
    )
    assert comment.in_reply_to_id == "41"
    assert comment.created_at == datetime.fromtimestamp(1795424402, UTC)

    again = connector(kind).fetch_inbox(page.next_cursor)
    assert fake.calls("getUpdates")[-1].url.params["offset"] == "504"
    assert again.items == () and again.next_cursor is None


def test_telegram_reply_answers_in_the_items_chat(kind, fake):
    result = connector(kind).reply("-1009876543210:10", "Thank **you**")
    [sent] = fake.calls("sendMessage")
    body = json.loads(sent.content)
    assert body["chat_id"] == "-1009876543210"
    assert body["reply_parameters"] == {"message_id": 10}
    assert body["text"] == "Thank <b>you</b>" and body["parse_mode"] == "HTML"
    assert result.remote_id == "41"


def test_telegram_reply_to_a_bare_id_answers_in_the_channel(kind, fake):
    connector(kind).reply("41", "Update: fixed")
    body = json.loads(fake.calls("sendMessage")[0].content)
    assert body["chat_id"] == "@pressnews" and body["reply_parameters"] == {"message_id": 41}


# -- the shared contract ---------------------------------------------------------------------------------


class TestTelegramContract(ConnectorContract):
    @pytest.fixture
    def kind(self):
        return TelegramKind(transport=httpx.MockTransport(FakeBotApi()))

    @pytest.fixture
    def connector(self, kind):
        return kind.connect(ChannelConfig(1, "Contract", DEFAULT_API, "@pressnews", {}), TOKEN)

    def test_a_published_post_is_found_again(self, kind, connector):
        """Overridden: a bot cannot read its channel, so the lookup answers None (the engine then marks the
        delivery unconfirmed); the kind must then not claim idempotent publishing."""
        connector.publish(contract_request())
        assert connector.find_published(contract_request()) is None
        assert kind.idempotent_publish is False
