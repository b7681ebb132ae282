"""The Matrix connector against the client-server API's documented shapes (channels.md section 10), with
httpx.MockTransport: what it sends, and how each Matrix error becomes one of the engine's error classes."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from PIL import Image

from publisher.channels.matrix import MatrixConnector, MatrixKind, txn_id
from publisher.channels.matrix_messages import MATRIX_MESSAGES
from publisher.channels.protocol import ChannelConfig, MediaItem, PublishRequest
from publisher.clock import ManualClock
from publisher.errors import AuthExpired, InputError, OutcomeUnknown, RateLimited, Rejected, Transient

HS = "https://matrix.example.org"
ROOM = "!room:example.org"
ME = "@press:example.org"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
Handler = Callable[[httpx.Request], httpx.Response | None]


class Server:
    """Answers from routes (method, path prefix) and logs every request; unrouted requests answer 200 {}."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.routes: list[tuple[str, str, Handler]] = []
        self.sent: dict[str, str] = {}  # txnId -> event id, as a homeserver dedupes
        self.route("GET", "/_matrix/client/v3/account/whoami", lambda r: _ok({"user_id": ME, "device_id": "DEV"}))
        self.route("PUT", "/_matrix/client/v3/rooms/", self._send)

    def route(self, method: str, prefix: str, handler: Handler) -> None:
        self.routes.insert(0, (method, prefix, handler))

    def _send(self, request: httpx.Request) -> httpx.Response:
        txn = unquote(request.url.path).rsplit("/", 1)[1]
        if "org.matrix.msc4140.delay" in request.url.params:
            return _ok({"delay_id": "syd_" + txn[-6:]})
        event_id = self.sent.setdefault(txn, f"$ev{len(self.sent) + 1}")
        return _ok({"event_id": event_id})

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = unquote(request.url.path)
        for method, prefix, handler in self.routes:
            if request.method == method and path.startswith(prefix):
                answer = handler(request)
                if answer is not None:
                    return answer
        return _ok({})

    def sends(self) -> list[tuple[str, dict[str, Any]]]:
        return [
            (unquote(r.url.path).rsplit("/", 1)[1], json.loads(r.content))
            for r in self.requests
            if r.method == "PUT" and "/send/m.room.message/" in r.url.path
        ]


def _ok(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def connector(server: Server, *, room: str = ROOM) -> MatrixConnector:
    kind = MatrixKind(transport=httpx.MockTransport(server), clock=ManualClock(NOW))
    base_url, handle, settings = kind.validate(base_url=HS, handle=ME, path=room)
    return kind.connect(ChannelConfig(1, "Matrix", base_url, handle, settings), "tok-123")


def request(text: str = "Hello **world**", key: str = "k-1", media: tuple[MediaItem, ...] = ()) -> PublishRequest:
    return PublishRequest(key=key, post_id=1, title=None, text=text, date=NOW, channel_name="Matrix", media=media)


def test_validate_normalises_and_keeps_the_room() -> None:
    kind = MatrixKind()
    assert kind.validate(base_url="Matrix.Example.org/", handle=ME, path="#news:example.org") == (
        HS,
        ME,
        {"room": "#news:example.org"},
    )
    assert kind.validate(base_url="http://127.0.0.1:8008", handle=None, path="!abc")[2] == {"room": "!abc"}
    for bad in (
        {"base_url": None, "handle": None, "path": ROOM},
        {"base_url": "http://matrix.example.org", "handle": None, "path": ROOM},
        {"base_url": HS, "handle": "press", "path": ROOM},
        {"base_url": HS, "handle": None, "path": None},
        {"base_url": HS, "handle": None, "path": "#nohost"},
    ):
        with pytest.raises(InputError):
            kind.validate(**bad)


def test_connect_needs_a_token_not_a_password() -> None:
    config = ChannelConfig(1, "Matrix", HS, ME, {"room": ROOM})
    with pytest.raises(InputError) as error:
        MatrixKind().connect(config, "password:secret")
    assert error.value.code == "matrix.password_not_exchanged"
    with pytest.raises(InputError):
        MatrixKind().connect(config, None)


def test_exchange_secret_logs_in_once_and_returns_the_token() -> None:
    server = Server()
    server.route("POST", "/_matrix/client/v3/login", lambda r: _ok({"access_token": "new-token", "user_id": ME}))
    kind = MatrixKind(transport=httpx.MockTransport(server))
    assert kind.exchange_secret(base_url=HS, handle=ME, secret="plain-token") == "plain-token"
    assert kind.exchange_secret(base_url=HS, handle=ME, secret="password:s3cret") == "new-token"
    login = json.loads(server.requests[-1].content)
    assert login["type"] == "m.login.password"
    assert login["identifier"] == {"type": "m.id.user", "user": ME}
    assert login["password"] == "s3cret"
    assert "authorization" not in server.requests[-1].headers
    server.route("POST", "/_matrix/client/v3/login", lambda r: _ok({"errcode": "M_FORBIDDEN", "error": "no"}, 403))
    with pytest.raises(InputError) as error:
        kind.exchange_secret(base_url=HS, handle=ME, secret="password:wrong")
    assert error.value.code == "matrix.login_failed"


def test_verify_reads_account_membership_and_limits() -> None:
    server = Server()
    server.route("GET", "/_matrix/client/v3/joined_rooms", lambda r: _ok({"joined_rooms": [ROOM]}))
    server.route("GET", "/_matrix/client/v1/media/config", lambda r: _ok({"errcode": "M_UNRECOGNIZED"}, 404))
    server.route("GET", "/_matrix/media/v3/config", lambda r: _ok({"m.upload.size": 50_000_000}))
    server.route(
        "GET",
        "/_matrix/client/v3/capabilities",
        lambda r: _ok({"capabilities": {"org.matrix.msc4140.delayed_events": {"max_delay_ms": 86_400_000}}}),
    )
    result = connector(server).verify()
    assert result.account == ME
    assert result.details["room_id"] == ROOM
    assert result.details["upload_size"] == 50_000_000
    assert result.details["server_scheduling"] is True
    assert all(r.headers["authorization"] == "Bearer tok-123" for r in server.requests)

    server.route("GET", "/_matrix/client/v3/joined_rooms", lambda r: _ok({"joined_rooms": []}))
    with pytest.raises(Rejected) as error:
        connector(server).verify()
    assert error.value.code == "matrix.not_in_room"


def test_publish_sends_html_text_with_a_stable_txn_id() -> None:
    server = Server()
    first = connector(server).publish(request())
    again = connector(server).publish(request())  # a resend after a crash, from a new connector
    assert first == again
    assert first.remote_id == "$ev1"
    assert first.remote_url == "https://matrix.to/#/!room:example.org/$ev1"
    (txn1, content), (txn2, _) = server.sends()
    assert txn1 == txn2 == txn_id("k-1", "t")
    send = next(r for r in server.requests if r.method == "PUT")
    assert send.url.raw_path.startswith(b"/_matrix/client/v3/rooms/%21room%3Aexample.org/send/m.room.message/")
    assert send.headers["authorization"] == "Bearer tok-123"
    assert content["msgtype"] == "m.text"
    assert content["body"] == "Hello world"
    assert content["format"] == "org.matrix.custom.html"
    assert "<strong>world</strong>" in content["formatted_body"]
    assert txn_id("k-2", "t") != txn1


def test_publish_resolves_an_alias_first() -> None:
    server = Server()
    server.route("GET", "/_matrix/client/v3/directory/room/", lambda r: _ok({"room_id": "!resolved:example.org"}))
    result = connector(server, room="#news:example.org").publish(request())
    assert server.requests[0].url.raw_path == b"/_matrix/client/v3/directory/room/%23news%3Aexample.org"
    assert "!resolved:example.org" in (result.remote_url or "")


def test_images_are_uploaded_then_sent_with_alt_text_before_the_text(tmp_path: Path) -> None:
    image = tmp_path / "chart.png"
    Image.new("RGB", (6, 5), "red").save(image)
    media = (MediaItem(str(image), "chart.png", "image/png", "0" * 64, "Sales doubled"),)
    server = Server()
    server.route("POST", "/_matrix/media/v3/upload", lambda r: _ok({"content_uri": "mxc://example.org/abc"}))
    result = connector(server).publish(request(media=media))
    upload = next(r for r in server.requests if r.method == "POST")
    assert upload.url.params["filename"] == "chart.png"
    assert upload.headers["content-type"] == "image/png"
    assert upload.content == image.read_bytes()
    (image_txn, image_content), (text_txn, _) = server.sends()
    assert server.requests.index(upload) < next(i for i, r in enumerate(server.requests) if r.method == "PUT")
    assert image_txn == txn_id("k-1", "m1") and text_txn == txn_id("k-1", "t")
    assert image_content == {
        "msgtype": "m.image",
        "body": "Sales doubled",
        "filename": "chart.png",
        "url": "mxc://example.org/abc",
        "info": {"mimetype": "image/png", "size": image.stat().st_size, "w": 6, "h": 5},
    }
    assert result.remote_id == "$ev2"


def test_an_empty_message_is_rejected_before_sending() -> None:
    server = Server()
    with pytest.raises(Rejected) as error:
        connector(server).publish(request(text="   "))
    assert error.value.code == "matrix.empty_message"
    assert server.sends() == []


def test_find_published_matches_our_txn_id_then_the_body() -> None:
    server = Server()
    events = [
        {
            "type": "m.room.message",
            "sender": "@other:example.org",
            "event_id": "$x",
            "content": {"body": "Hello world"},
        },
        {"type": "m.room.message", "sender": ME, "event_id": "$mine", "content": {"body": "Hello  world"}},
    ]
    server.route("GET", "/_matrix/client/v3/rooms/", lambda r: _ok({"chunk": events, "end": "t1"}))
    found = connector(server).find_published(request())
    assert found is not None and found.remote_id == "$mine"
    messages = next(r for r in server.requests if r.url.path.endswith("/messages"))
    assert messages.url.params["dir"] == "b" and messages.url.params["limit"] == "50"

    events[1]["content"] = {"body": "edited by hand"}
    events[1]["unsigned"] = {"transaction_id": txn_id("k-1", "t")}
    found = connector(server).find_published(request())
    assert found is not None and found.remote_id == "$mine"
    events[1]["unsigned"] = {}
    assert connector(server).find_published(request()) is None


def test_fetch_inbox_lists_others_messages_and_pages_with_end_tokens() -> None:
    server = Server()
    thread_reply = {
        "type": "m.room.message",
        "sender": "@ada:example.org",
        "event_id": "$r1",
        "origin_server_ts": 1_763_888_400_000,
        "content": {
            "body": "> <@press:example.org> Hello\n\nNice!",
            "m.relates_to": {"rel_type": "m.thread", "event_id": "$root", "m.in_reply_to": {"event_id": "$root"}},
        },
    }
    own = {"type": "m.room.message", "sender": ME, "event_id": "$own", "content": {"body": "ours"}}
    member = {"type": "m.room.member", "sender": "@bob:example.org", "event_id": "$m", "content": {}}

    def messages(r: httpx.Request) -> httpx.Response:
        if r.url.params.get("from") == "t1":
            return _ok({"chunk": [], "start": "t1"})
        return _ok({"chunk": [thread_reply, own, member], "start": "t0", "end": "t1"})

    server.route("GET", "/_matrix/client/v3/rooms/", messages)
    page = connector(server).fetch_inbox()
    assert [i.remote_id for i in page.items] == ["$r1"]
    item = page.items[0]
    assert (item.kind, item.author, item.author_name, item.text) == ("reply", "@ada:example.org", "ada", "Nice!")
    assert item.in_reply_to_id == "$root"
    assert item.created_at == datetime.fromtimestamp(1_763_888_400, UTC)
    assert page.next_cursor == "t1"
    assert connector(server).fetch_inbox("t1").next_cursor is None


def test_reply_goes_into_the_thread_of_the_message() -> None:
    server = Server()
    in_thread = {"content": {"body": "hi", "m.relates_to": {"rel_type": "m.thread", "event_id": "$root"}}}
    server.route("GET", "/_matrix/client/v3/rooms/", lambda r: _ok(in_thread))
    connector(server).reply("$r1", "Thanks **Ada**")
    (_, content) = server.sends()[0]
    assert content["m.relates_to"] == {
        "rel_type": "m.thread",
        "event_id": "$root",
        "is_falling_back": False,
        "m.in_reply_to": {"event_id": "$r1"},
    }
    assert content["body"] == "Thanks Ada"

    server.route("GET", "/_matrix/client/v3/rooms/", lambda r: _ok({"content": {"body": "top level"}}))
    connector(server).reply("$top", "Welcome")
    assert server.sends()[-1][1]["m.relates_to"]["event_id"] == "$top"
    assert server.sends()[-1][1]["m.relates_to"]["is_falling_back"] is True


def test_fetch_metrics_counts_thread_replies_and_reactions() -> None:
    server = Server()

    def room_get(r: httpx.Request) -> httpx.Response:
        if "/event/" in r.url.path and unquote(r.url.path).endswith("$gone"):
            return _ok({"errcode": "M_NOT_FOUND", "error": "Event not found"}, 404)
        return _ok({"unsigned": {"m.relations": {"m.thread": {"count": 3}}}})

    def relations(r: httpx.Request) -> httpx.Response:
        if r.url.params.get("from") == "p2":
            return _ok({"chunk": [{"type": "m.reaction"}]})
        return _ok({"chunk": [{"type": "m.reaction"}, {"type": "m.reaction"}], "next_batch": "p2"})

    server.route("GET", "/_matrix/client/v3/rooms/", room_get)
    server.route("GET", "/_matrix/client/v1/rooms/", relations)
    metrics = connector(server).fetch_metrics(["$ev", "$gone"])
    assert list(metrics) == ["$ev"]
    assert (metrics["$ev"].replies, metrics["$ev"].likes, metrics["$ev"].impressions) == (3, 3, None)


def _delay_capability(max_ms: int) -> Handler:
    return lambda r: _ok({"capabilities": {"org.matrix.msc4140.delayed_events": {"max_delay_ms": max_ms}}})


def test_schedule_sends_a_delayed_event_and_cancel_cancels_it() -> None:
    server = Server()
    server.route("GET", "/_matrix/client/v3/capabilities", _delay_capability(86_400_000))
    result = connector(server).schedule(request(), NOW + timedelta(hours=2))
    put = next(r for r in server.requests if r.method == "PUT")
    assert put.url.params["org.matrix.msc4140.delay"] == str(2 * 3600 * 1000)
    assert unquote(put.url.path).endswith(txn_id("k-1", "scheduled"))
    assert result.remote_id.startswith("syd_") and result.remote_url is None

    connector(server).cancel_scheduled(result.remote_id)
    cancel = server.requests[-1]
    assert cancel.method == "POST"
    assert cancel.url.path == f"/_matrix/client/unstable/org.matrix.msc4140/delayed_events/{result.remote_id}"
    assert json.loads(cancel.content) == {"action": "cancel"}


def test_schedule_is_rejected_clearly_where_the_server_cannot() -> None:
    server = Server()
    server.route("GET", "/_matrix/client/v3/capabilities", lambda r: _ok({"capabilities": {}}))
    with pytest.raises(Rejected) as error:
        connector(server).schedule(request(), NOW + timedelta(hours=2))
    assert error.value.code == "matrix.scheduling_unsupported"
    assert server.sends() == []

    server.route("GET", "/_matrix/client/v3/capabilities", _delay_capability(3_600_000))
    with pytest.raises(Rejected) as error:
        connector(server).schedule(request(), NOW + timedelta(hours=2))
    assert error.value.code == "matrix.schedule_too_far"

    server.route(
        "POST",
        "/_matrix/client/unstable/org.matrix.msc4140/",
        lambda r: _ok({"errcode": "M_UNRECOGNIZED", "error": "Unrecognized request"}, 404),
    )
    with pytest.raises(Rejected) as error:
        connector(server).cancel_scheduled("syd_1")
    assert error.value.code == "matrix.scheduling_unsupported"
    server.route(
        "POST",
        "/_matrix/client/unstable/org.matrix.msc4140/",
        lambda r: _ok({"errcode": "M_NOT_FOUND", "error": "Delayed event not found"}, 404),
    )
    with pytest.raises(Rejected) as error:
        connector(server).cancel_scheduled("syd_1")
    assert error.value.code == "matrix.scheduled_not_found"


@pytest.mark.parametrize(
    ("answer", "error_type", "code"),
    [
        (_ok({"errcode": "M_UNKNOWN_TOKEN", "error": "Invalid token", "soft_logout": True}, 401), AuthExpired, None),
        (_ok({"errcode": "M_FORBIDDEN", "error": "User not in room"}, 403), Rejected, "matrix.not_in_room"),
        (_ok({"errcode": "M_TOO_LARGE", "error": "too big"}, 413), Rejected, "matrix.too_large"),
        (_ok({"errcode": "M_UNKNOWN", "error": "boom"}, 502), Transient, "channel.server_error"),
        (_ok({"errcode": "M_BAD_JSON", "error": "bad"}, 400), Rejected, "matrix.rejected"),
    ],
)
def test_matrix_errors_map_to_the_engine_classes(answer: httpx.Response, error_type: type, code: str | None) -> None:
    server = Server()
    server.route("PUT", "/_matrix/client/v3/rooms/", lambda r: answer)
    with pytest.raises(error_type) as error:
        connector(server).publish(request())
    if code:
        assert error.value.code == code
    assert error.value.code in MATRIX_MESSAGES or error.value.code.startswith("channel.")


def test_rate_limits_use_retry_after_ms() -> None:
    server = Server()
    limited = {"errcode": "M_LIMIT_EXCEEDED", "error": "Too Many Requests", "retry_after_ms": 5875}
    server.route("PUT", "/_matrix/client/v3/rooms/", lambda r: _ok(limited, 429, {"Retry-After": "6"}))
    with pytest.raises(RateLimited) as error:
        connector(server).publish(request())
    assert error.value.retry_after == pytest.approx(5.875)
    server.route(
        "PUT", "/_matrix/client/v3/rooms/", lambda r: _ok({"errcode": "M_LIMIT_EXCEEDED"}, 429, {"Retry-After": "6"})
    )
    with pytest.raises(RateLimited) as error:
        connector(server).publish(request())
    assert error.value.retry_after == pytest.approx(6)


def test_network_failures_are_transient_before_sending_and_unknown_after() -> None:
    def refuse(r: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=r)

    def drop(r: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("no answer", request=r)

    kind = MatrixKind(transport=httpx.MockTransport(refuse))
    config = ChannelConfig(1, "Matrix", HS, ME, {"room": ROOM})
    with pytest.raises(Transient):
        kind.connect(config, "tok").publish(request())
    kind = MatrixKind(transport=httpx.MockTransport(drop))
    with pytest.raises(OutcomeUnknown):
        kind.connect(config, "tok").publish(request())
    with pytest.raises(Transient):
        kind.connect(config, "tok").fetch_inbox()


def test_every_matrix_code_has_a_message() -> None:
    source = Path(__file__).parents[2].joinpath("publisher", "channels", "matrix.py").read_text()
    import re

    codes = set(re.findall(r'"(matrix\.[a-z_]+)"', source))
    assert codes and codes <= set(MATRIX_MESSAGES)


def _message(
    event_id: str, body: str, *, sender: str = "@ada:example.org", ts: int = 1_763_888_400_000, **content: Any
) -> dict[str, Any]:
    return {
        "type": "m.room.message",
        "sender": sender,
        "event_id": event_id,
        "origin_server_ts": ts,
        "content": {"msgtype": "m.text", "body": body, **content},
    }


def _serve_messages(
    server: Server, chunk: list[dict[str, Any]], events: dict[str, dict[str, Any]] | None = None
) -> None:
    def answer(r: httpx.Request) -> httpx.Response | None:
        path = unquote(r.url.path)
        if path.endswith("/messages"):
            return _ok({"chunk": chunk, "start": "t0"})
        if "/event/" in path:
            wanted = path.rsplit("/event/", 1)[1]
            if events and wanted in events:
                return _ok(events[wanted])
            return _ok({"errcode": "M_NOT_FOUND", "error": "Event not found"}, status=404)
        return None

    server.route("GET", "/_matrix/client/v3/rooms/", answer)


def test_fetch_inbox_keeps_the_html_without_the_reply_fallback_and_marks_mentions() -> None:
    server = Server()
    reply = _message(
        "$r1",
        "> <@press:example.org> Hello\n\nSee <this>",
        format="org.matrix.custom.html",
        formatted_body="<mx-reply><blockquote>Hello</blockquote></mx-reply>See <a href='https://x.example'>this</a>",
        **{"m.relates_to": {"m.in_reply_to": {"event_id": "$ours"}}},
    )
    named = _message("$m1", "press: help", **{"m.mentions": {"user_ids": [ME]}})
    linked = _message(
        "$m2",
        "Press Office, help",
        format="org.matrix.custom.html",
        formatted_body='<a href="https://matrix.to/#/@press:example.org">Press Office</a>, help',
    )
    plain = _message("$p1", "just chatting", format="text/plain", formatted_body="<b>not html</b>")
    _serve_messages(server, [reply, named, linked, plain])
    items = {i.remote_id: i for i in connector(server).fetch_inbox().items}
    assert items["$r1"].kind == "reply" and items["$r1"].in_reply_to_id == "$ours"
    assert items["$r1"].text == "See <this>"
    assert items["$r1"].html == "See <a href='https://x.example'>this</a>"  # the inbox sanitises it
    assert (items["$m1"].kind, items["$m2"].kind, items["$p1"].kind) == ("mention", "mention", "message")
    assert items["$m1"].html is None and items["$p1"].html is None


def test_fetch_inbox_shows_the_latest_edit_by_the_same_sender_and_skips_the_edit_event() -> None:
    server = Server()
    edit = _message(
        "$e1",
        "* fixed",
        ts=1_763_888_500_000,
        **{
            "m.new_content": {
                "msgtype": "m.text",
                "body": "fixed",
                "format": "org.matrix.custom.html",
                "formatted_body": "<i>fixed</i>",
            },
            "m.relates_to": {"rel_type": "m.replace", "event_id": "$o1"},
        },
    )
    original = _message("$o1", "tpyo")
    original["unsigned"] = {"m.relations": {"m.replace": {**edit, "content": edit["content"]}}}
    forged = _message("$o2", "mine")
    forged["unsigned"] = {"m.relations": {"m.replace": {**edit, "sender": "@mallory:example.org"}}}
    _serve_messages(server, [edit, original, forged])
    page = connector(server).fetch_inbox()
    items = {i.remote_id: i for i in page.items}
    assert list(items) == ["$o1", "$o2"]  # the edit event is not an item of its own
    assert (items["$o1"].text, items["$o1"].html) == ("fixed", "<i>fixed</i>")
    assert items["$o1"].created_at == datetime.fromtimestamp(1_763_888_400, UTC)  # the message's own time
    assert items["$o2"].text == "mine"  # an edit by someone else is ignored
    assert not any(r.method == "GET" and "/event/" in r.url.path for r in server.requests)


def test_fetch_inbox_resolves_edits_and_redactions_of_messages_on_older_pages() -> None:
    server = Server()
    edit = _message(
        "$e1",
        "* better",
        ts=1_763_888_900_000,
        **{
            "m.new_content": {"msgtype": "m.text", "body": "better"},
            "m.relates_to": {"rel_type": "m.replace", "event_id": "$old"},
        },
    )
    old = _message("$old", "worse", ts=1_763_000_000_000, **{"m.relates_to": {"m.in_reply_to": {"event_id": "$p"}}})
    old["unsigned"] = {"m.relations": {"m.replace": edit}}
    redaction = {
        "type": "m.room.redaction",
        "sender": "@ada:example.org",
        "event_id": "$x1",
        "origin_server_ts": 1_763_888_800_000,
        "content": {"redacts": "$gone"},  # room version 11: the target is in the content
    }
    legacy = {**redaction, "event_id": "$x2", "content": {}, "redacts": "$gone2"}
    gone = {
        "type": "m.room.message",
        "sender": "@ada:example.org",
        "event_id": "$gone",
        "content": {},
        "origin_server_ts": 1_763_000_000_000,
        "unsigned": {"redacted_because": redaction},
    }
    ours_gone = {**gone, "event_id": "$gone2", "sender": ME}
    unknown = {**redaction, "event_id": "$x3", "content": {"redacts": "$never"}}
    _serve_messages(server, [edit, redaction, legacy, unknown], {"$old": old, "$gone": gone, "$gone2": ours_gone})
    items = {i.remote_id: i for i in connector(server).fetch_inbox().items}
    assert list(items) == ["$old", "$gone"]  # ours and the one the server no longer shows are left out
    assert (items["$old"].text, items["$old"].kind, items["$old"].in_reply_to_id) == ("better", "reply", "$p")
    assert items["$old"].created_at == datetime.fromtimestamp(1_763_888_900, UTC)  # when it changed: newest first
    assert items["$gone"].deleted and items["$gone"].author == "@ada:example.org" and items["$gone"].text == ""


def test_a_redacted_message_on_the_page_is_listed_as_deleted_once() -> None:
    server = Server()
    redaction = {
        "type": "m.room.redaction",
        "sender": "@mod:example.org",
        "event_id": "$x",
        "redacts": "$m",
        "origin_server_ts": 1_763_888_800_000,
        "content": {},
    }
    redacted = {
        "type": "m.room.message",
        "sender": "@ada:example.org",
        "event_id": "$m",
        "content": {},
        "origin_server_ts": 1_763_888_400_000,
        "unsigned": {"redacted_because": redaction},
    }
    _serve_messages(server, [redaction, redacted])
    (item,) = connector(server).fetch_inbox().items
    assert (item.remote_id, item.deleted, item.author) == ("$m", True, "@ada:example.org")
    assert item.created_at == datetime.fromtimestamp(1_763_888_400, UTC)
