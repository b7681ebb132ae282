"""The Bluesky connector against a fake AT Protocol network (entryway, PLC directory, PDS with its AppView proxy)
built from the request and response shapes in channels.md section 2, asserting on every request it sends."""

from __future__ import annotations

import ast
import json
import re
import string
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

import publisher.channels
from publisher.channels.bluesky import BlueskyConnector, BlueskyKind, normalise_handle, record_key, tid
from publisher.channels.bluesky_messages import BLUESKY_MESSAGES
from publisher.channels.protocol import (
    ChannelConfig,
    InboxConnector,
    MediaItem,
    MetricsConnector,
    PublishRequest,
    SchedulingConnector,
)
from publisher.channels.registry import default_registry
from publisher.clock import ManualClock
from publisher.errors import AuthExpired, InputError, OutcomeUnknown, RateLimited, Rejected, Transient
from publisher.messages import MESSAGES

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TID = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")

# -- the documented shapes, in one place ----------------------------------------------------------------------

ENTRYWAY = "https://entry.example"  # what the user typed: resolves handles
PDS = "https://pds.example"  # the account's PDS, named by its DID document
PLC = "https://plc.directory"
WEB_HOST = "carol.example"  # a did:web account on its own domain

ALICE = {"handle": "alice.test", "did": "did:plc:alice234567abcdefghijkl"}
BOB = {"handle": "bob.test", "did": "did:plc:bob2345677abcdefghijklm"}
CAROL = {"handle": WEB_HOST, "did": f"did:web:{WEB_HOST}"}
PASSWORD = "abcd-efgh-ijkl-mnop"  # an app password


def did_document(did: str, handle: str, pds: str = PDS) -> dict[str, Any]:
    """A DID document as the PLC directory (GET /{did}) or a did:web host (/.well-known/did.json) serves it."""
    return {
        "@context": ["https://www.w3.org/ns/did/v1"],
        "id": did,
        "alsoKnownAs": [f"at://{handle}"],
        "verificationMethod": [],
        "service": [{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": pds}],
    }


def session_body(account: dict[str, str], n: int) -> dict[str, Any]:
    """com.atproto.server.createSession / refreshSession output."""
    return {
        "did": account["did"],
        "handle": account["handle"],
        "accessJwt": f"access-{n}",
        "refreshJwt": f"refresh-{n}",
    }


def xrpc_error(name: str, message: str, status: int = 400, headers: dict[str, str] | None = None) -> httpx.Response:
    """``{"error": "<Name>", "message": "..."}`` with an HTTP status, as every XRPC error looks."""
    return httpx.Response(status, json={"error": name, "message": message}, headers=headers)


EXPIRED = ("ExpiredToken", "Token has expired")
INVALID = ("InvalidToken", "Token could not be verified")
WRONG_PASSWORD = ("AuthenticationRequired", "Invalid identifier or password")
RATE_LIMITED = ("RateLimitExceeded", "Rate Limit Exceeded")
TAKEN_KEY = ("InternalServerError", "Internal Server Error")  # the reference PDS on a record key already used
TOO_LONG = (
    "InvalidRequest",
    "Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text",
)


def blob(size: int, mime: str = "image/png") -> dict[str, Any]:
    """com.atproto.repo.uploadBlob output."""
    return {"blob": {"$type": "blob", "ref": {"$link": "bafkreiblob"}, "mimeType": mime, "size": size}}


def post_view(uri: str, cid: str, author: dict[str, str], record: dict[str, Any], **counts: int) -> dict[str, Any]:
    """app.bsky.feed.defs#postView, as app.bsky.feed.getPosts returns it."""
    return {
        "uri": uri,
        "cid": cid,
        "author": {"did": author["did"], "handle": author["handle"], "displayName": author["handle"].title()},
        "record": record,
        "indexedAt": "2026-11-23T09:00:01.000Z",
        "replyCount": counts.get("replies", 0),
        "repostCount": counts.get("reposts", 0),
        "likeCount": counts.get("likes", 0),
        "quoteCount": counts.get("quotes", 0),
        "bookmarkCount": 0,
    }


def notification(reason: str, n: int, *, parent: str | None = None) -> dict[str, Any]:
    """app.bsky.notification.listNotifications#notification."""
    record: dict[str, Any] = {
        "$type": "app.bsky.feed.post",
        "text": f"{reason} {n}",
        "createdAt": "2026-11-23T10:00:00Z",
    }
    if parent:
        record["reply"] = {"root": {"uri": parent, "cid": "bafyroot"}, "parent": {"uri": parent, "cid": "bafyroot"}}
    return {
        "uri": f"at://{BOB['did']}/app.bsky.feed.post/3kbob{n:08d}",
        "cid": f"bafybob{n}",
        "author": {"did": BOB["did"], "handle": BOB["handle"], "displayName": "Bob"},
        "reason": reason,
        "record": record,
        "isRead": False,
        "indexedAt": "2026-11-23T10:00:01.000Z",
    }


class FakeAtproto:
    """Entryway, PLC directory, did:web host and PDS (with the AppView behind it) as one transport.

    ``overrides`` maps a regular expression over ``"METHOD host/path"`` to scripted answers, used first.
    """

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.overrides: list[tuple[str, list[httpx.Response | Exception]]] = []
        self.records: dict[str, dict[str, Any]] = {}  # rkey -> {"uri", "cid", "value"}
        self.sessions = 0
        self.valid_access: set[str] = set()
        self.valid_refresh: set[str] = set()
        self.handles = {a["handle"]: a["did"] for a in (ALICE, BOB, CAROL)}
        self.posts: dict[str, dict[str, Any]] = {}  # uri -> postView of other accounts' posts

    def script(self, pattern: str, *answers: httpx.Response | Exception) -> None:
        self.overrides.append((pattern, list(answers)))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        route = f"{request.method} {request.url.host}{request.url.path}"
        for pattern, answers in self.overrides:
            if re.fullmatch(pattern, route) and answers:
                answer = answers.pop(0)
                if isinstance(answer, Exception):
                    raise answer
                return answer
        host, path = request.url.host, request.url.path
        if path == "/xrpc/com.atproto.identity.resolveHandle" and host in ("entry.example", "pds.example"):
            did = self.handles.get(request.url.params.get("handle", ""))
            return (
                httpx.Response(200, json={"did": did})
                if did
                else xrpc_error("InvalidRequest", "Unable to resolve handle")
            )
        if host == "plc.directory":
            did = path.lstrip("/")
            handle = next((h for h, d in self.handles.items() if d == did), None)
            return (
                httpx.Response(200, json=did_document(did, handle))
                if handle
                else httpx.Response(404, json={"message": "DID not registered"})
            )
        if host == WEB_HOST and path == "/.well-known/did.json":
            return httpx.Response(200, json=did_document(CAROL["did"], CAROL["handle"]))
        if host == WEB_HOST and path == "/.well-known/atproto-did":
            return httpx.Response(200, text=CAROL["did"], headers={"content-type": "text/plain"})
        if host != "pds.example":
            return httpx.Response(404, text="not found")
        nsid = path.removeprefix("/xrpc/")
        if nsid == "com.atproto.server.createSession":
            body = json.loads(request.content)
            if body.get("password") != PASSWORD:
                return xrpc_error(*WRONG_PASSWORD, status=401)
            account = ALICE if body["identifier"] in (ALICE["handle"], ALICE["did"]) else CAROL
            return self._new_session(account)
        if nsid == "com.atproto.server.refreshSession":
            if self._token(request) not in self.valid_refresh:
                return xrpc_error(*EXPIRED)
            self.valid_refresh.discard(self._token(request))
            return self._new_session(ALICE)
        if self._token(request) not in self.valid_access:
            return xrpc_error(*INVALID)
        if nsid == "com.atproto.repo.uploadBlob":
            return httpx.Response(200, json=blob(len(request.content), request.headers["content-type"]))
        if nsid == "com.atproto.repo.createRecord":
            return self._create(json.loads(request.content))
        if nsid == "com.atproto.repo.getRecord":
            found = self.records.get(request.url.params["rkey"])
            if found is None:
                return xrpc_error("RecordNotFound", "Could not locate record")
            return httpx.Response(200, json=found)
        if nsid == "app.bsky.feed.getPosts":
            uris = request.url.params.get_list("uris")
            mine = {r["uri"]: post_view(r["uri"], r["cid"], ALICE, r["value"], likes=3) for r in self.records.values()}
            views = [{**mine, **self.posts}[u] for u in uris if u in {**mine, **self.posts}]
            return httpx.Response(200, json={"posts": views})
        if nsid == "app.bsky.actor.getProfile":
            return httpx.Response(
                200,
                json={
                    "did": ALICE["did"],
                    "handle": ALICE["handle"],
                    "displayName": "Alice",
                    "followersCount": 5,
                    "postsCount": 2,
                },
            )
        if nsid == "app.bsky.notification.listNotifications":
            return self._notifications(request)
        return xrpc_error("MethodNotImplemented", "Method Not Implemented", status=501)

    # -- helpers --------------------------------------------------------------------------------

    def _token(self, request: httpx.Request) -> str:
        return request.headers.get("authorization", "").removeprefix("Bearer ")

    def _new_session(self, account: dict[str, str]) -> httpx.Response:
        self.sessions += 1
        body = session_body(account, self.sessions)
        self.valid_access.add(body["accessJwt"])
        self.valid_refresh.add(body["refreshJwt"])
        return httpx.Response(200, json=body)

    def _create(self, body: dict[str, Any]) -> httpx.Response:
        rkey = body.get("rkey") or f"3lserver{len(self.records):05d}"
        if rkey in self.records:
            return xrpc_error(*TAKEN_KEY, status=500)
        if len(body["record"]["text"]) > 300:
            return xrpc_error(*TOO_LONG)
        uri = f"at://{body['repo']}/{body['collection']}/{rkey}"
        created = {"uri": uri, "cid": f"bafy{len(self.records)}", "value": body["record"]}
        self.records[rkey] = created
        return httpx.Response(
            200,
            json={
                "uri": uri,
                "cid": created["cid"],
                "commit": {"cid": "bafycommit", "rev": "3l"},
                "validationStatus": "valid",
            },
        )

    def _notifications(self, request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("cursor")
        if cursor is None:  # a reply that names the account may be notified twice: as a mention and as a reply
            mention = {
                **notification("reply", 1, parent=f"at://{ALICE['did']}/app.bsky.feed.post/3lroot"),
                "reason": "mention",
            }
            page = [
                mention,
                notification("reply", 1, parent=f"at://{ALICE['did']}/app.bsky.feed.post/3lroot"),
                notification("like", 2),
            ]
            return httpx.Response(200, json={"notifications": page, "cursor": "c-2"})
        assert cursor == "c-2"
        # or only as a mention (the reference AppView sends one notification per post)
        answer = notification("mention", 5, parent=f"at://{ALICE['did']}/app.bsky.feed.post/3lother")
        elsewhere = notification("mention", 6, parent=f"at://{BOB['did']}/app.bsky.feed.post/3kbobs")
        page = [notification("mention", 3), notification("quote", 4), answer, elsewhere]
        return httpx.Response(200, json={"notifications": page})

    def sent(self, nsid: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path == f"/xrpc/{nsid}"]

    def created(self) -> list[dict[str, Any]]:
        return [json.loads(r.content) for r in self.sent("com.atproto.repo.createRecord")]


# -- set-up -----------------------------------------------------------------------------------------------------


@pytest.fixture
def fake() -> FakeAtproto:
    return FakeAtproto()


def make_kind(fake: FakeAtproto, *, now: float | None = None) -> BlueskyKind:
    stamp = NOW.timestamp() if now is None else now
    return BlueskyKind(transport=httpx.MockTransport(fake), clock=ManualClock(NOW), now=lambda: stamp)


def connect(
    fake: FakeAtproto,
    *,
    kind: BlueskyKind | None = None,
    url: str | None = ENTRYWAY,
    handle: str = "@Alice.test",
    password: str = PASSWORD,
    settings: dict[str, Any] | None = None,
) -> BlueskyConnector:
    kind = kind or make_kind(fake)
    base_url, handle, found = kind.validate(base_url=url, handle=handle, path=None)
    return kind.connect(ChannelConfig(1, "Bluesky", base_url, handle, {**found, **(settings or {})}), password)


def request(text: str = "Hello **world**", key: str = "pub-1-3", media: tuple[MediaItem, ...] = ()) -> PublishRequest:
    return PublishRequest(key=key, post_id=1, title=None, text=text, date=NOW, channel_name="Bluesky", media=media)


def image(
    tmp_path: Path, name: str = "a.png", alt: str | None = "A sunset", size: tuple[int, int] = (40, 30)
) -> MediaItem:
    path = tmp_path / name
    Image.new("RGB", size, (200, 100, 50)).save(path)
    return MediaItem(path=str(path), filename=name, mime_type="image/png", sha256="0" * 64, alt_text=alt)


# -- the kind ---------------------------------------------------------------------------------------------------


def test_the_kind_is_registered_and_describes_itself() -> None:
    kind = default_registry().get("bluesky")
    assert isinstance(kind, BlueskyKind)
    assert kind.display_name == "Bluesky"
    assert [(f.name, f.required) for f in kind.fields] == [("url", False), ("handle", True)]
    assert kind.needs_secret and kind.idempotent_publish
    caps = kind.capabilities
    assert caps.inbox and caps.metrics and caps.threads and caps.media and not caps.server_scheduling


def test_validate_normalises_handle_and_url() -> None:
    kind = BlueskyKind()
    assert kind.validate(base_url=None, handle=" @Alice.Bsky.Social ", path=None) == (None, "alice.bsky.social", {})
    assert kind.validate(base_url="Bsky.Social/", handle="alice.bsky.social", path=None)[0] == "https://bsky.social"
    assert kind.validate(base_url="http://localhost:2583", handle="alice.test", path=None)[0] == "http://localhost:2583"
    assert normalise_handle("did:plc:abc234") == "did:plc:abc234"
    for url, handle, code in (
        (None, None, "bluesky.handle_required"),
        (None, "@", "bluesky.handle_required"),
        (None, "alice", "bluesky.bad_handle"),
        (None, "al ice.bsky.social", "bluesky.bad_handle"),
        ("http://pds.example", "alice.test", "channel.insecure_url"),
    ):
        with pytest.raises(InputError) as error:
            kind.validate(base_url=url, handle=handle, path=None)
        assert error.value.code == code


def test_connect_needs_the_app_password(fake: FakeAtproto) -> None:
    with pytest.raises(InputError) as error:
        make_kind(fake).connect(ChannelConfig(1, "B", None, "alice.test", {}), None)
    assert error.value.code == "channel.secret_required"


def test_declared_capabilities_have_their_methods(fake: FakeAtproto) -> None:
    connector = connect(fake)
    assert isinstance(connector, InboxConnector) and isinstance(connector, MetricsConnector)
    assert not isinstance(connector, SchedulingConnector)


# -- identity ---------------------------------------------------------------------------------------------------


def test_handle_to_did_to_pds_through_the_plc_directory(fake: FakeAtproto) -> None:
    result = connect(fake).verify()
    hosts = [(r.url.host, r.url.path) for r in fake.requests]
    assert hosts[0] == ("entry.example", "/xrpc/com.atproto.identity.resolveHandle")
    assert fake.requests[0].url.params["handle"] == "alice.test"
    assert hosts[1] == ("plc.directory", f"/{ALICE['did']}")
    assert hosts[2] == ("pds.example", "/xrpc/com.atproto.server.createSession")  # the PDS of the DID document
    assert all(host == "pds.example" for host, _ in hosts[2:])
    assert result.account == "@alice.test"
    assert result.details["did"] == ALICE["did"] and result.details["pds"] == PDS
    assert result.details["max_characters"] == 300 and result.details["max_media_attachments"] == 4
    assert result.details["display_name"] == "Alice"


def test_a_did_web_account_resolves_through_its_own_domain(fake: FakeAtproto) -> None:
    result = connect(fake, url=None, handle=WEB_HOST).verify()
    paths = [(r.url.host, r.url.path) for r in fake.requests]
    assert paths[:2] == [(WEB_HOST, "/.well-known/atproto-did"), (WEB_HOST, "/.well-known/did.json")]
    assert paths[2] == ("pds.example", "/xrpc/com.atproto.server.createSession")
    assert result.details["did"] == CAROL["did"]


def test_the_plc_directory_is_a_setting(fake: FakeAtproto) -> None:
    fake.script(r"GET plc\.test/.*", httpx.Response(200, json=did_document(ALICE["did"], "alice.test")))
    connect(fake, settings={"plc_directory": "https://plc.test"}).verify()
    assert any(r.url.host == "plc.test" for r in fake.requests)
    assert not any(r.url.host == "plc.directory" for r in fake.requests)


def test_an_unknown_handle_is_rejected_with_a_clear_message(fake: FakeAtproto) -> None:
    with pytest.raises(Rejected) as error:
        connect(fake, handle="nobody.test").verify()
    assert error.value.code == "bluesky.unknown_handle"
    assert "nobody.test" in str(error.value) and "entry.example" in str(error.value)


def test_a_did_document_without_a_pds_is_rejected(fake: FakeAtproto) -> None:
    document = did_document(ALICE["did"], "alice.test")
    document["service"] = []
    fake.script(r"GET plc\.directory/.*", httpx.Response(200, json=document))
    with pytest.raises(Rejected) as error:
        connect(fake).verify()
    assert error.value.code == "bluesky.no_pds"


def test_verify_tolerates_a_pds_without_an_appview(fake: FakeAtproto) -> None:
    fake.script(r"GET pds\.example/xrpc/app\.bsky\.actor\.getProfile", xrpc_error("UpstreamFailure", "no", 502))
    result = connect(fake).verify()
    assert result.account == "@alice.test" and "display_name" not in result.details


# -- sessions ---------------------------------------------------------------------------------------------------


def test_one_session_is_shared_by_the_connectors_of_a_kind(fake: FakeAtproto) -> None:
    kind = make_kind(fake)
    connect(fake, kind=kind).publish(request(key="k-1"))
    connect(fake, kind=kind).publish(request(key="k-2"))
    assert len(fake.sent("com.atproto.server.createSession")) == 1
    login = json.loads(fake.sent("com.atproto.server.createSession")[0].content)
    assert login == {"identifier": "alice.test", "password": PASSWORD}
    assert fake.sent("com.atproto.repo.createRecord")[0].headers["authorization"] == "Bearer access-1"


def test_an_expired_token_is_refreshed_once_and_the_call_repeated(fake: FakeAtproto) -> None:
    connector = connect(fake)
    connector.verify()
    fake.script(r"POST pds\.example/xrpc/com\.atproto\.repo\.createRecord", xrpc_error(*EXPIRED))
    result = connector.publish(request())
    refresh = fake.sent("com.atproto.server.refreshSession")
    assert len(refresh) == 1 and refresh[0].headers["authorization"] == "Bearer refresh-1"
    creates = fake.sent("com.atproto.repo.createRecord")
    assert [r.headers["authorization"] for r in creates] == ["Bearer access-1", "Bearer access-2"]
    assert result.remote_id.startswith(f"at://{ALICE['did']}/app.bsky.feed.post/")
    assert len(fake.sent("com.atproto.server.createSession")) == 1


def test_a_failed_refresh_signs_in_again(fake: FakeAtproto) -> None:
    connector = connect(fake)
    connector.verify()
    fake.valid_access.clear()  # the server forgot every token: 400 InvalidToken
    fake.valid_refresh.clear()
    connector.publish(request())
    assert len(fake.sent("com.atproto.server.refreshSession")) == 1
    assert len(fake.sent("com.atproto.server.createSession")) == 2
    assert len(fake.records) == 1


def test_a_token_refused_again_after_renewal_is_auth_expired(fake: FakeAtproto) -> None:
    connector = connect(fake)
    connector.verify()
    fake.script(r"GET pds\.example/xrpc/app\.bsky\.feed\.getPosts", xrpc_error(*INVALID), xrpc_error(*INVALID))
    with pytest.raises(AuthExpired) as error:
        connector.fetch_metrics([f"at://{ALICE['did']}/app.bsky.feed.post/3labc"])
    assert error.value.code == "bluesky.token_invalid"


def test_a_wrong_app_password_asks_for_a_new_one(fake: FakeAtproto) -> None:
    with pytest.raises(AuthExpired) as error:
        connect(fake, password="wrong").verify()
    assert error.value.code == "bluesky.login_failed"
    assert "app password" in str(error.value) and "Invalid identifier or password" in str(error.value)


# -- rate limits ------------------------------------------------------------------------------------------------


def test_429_becomes_rate_limited_with_the_reset_time(fake: FakeAtproto) -> None:
    reset = str(int(NOW.timestamp()) + 120)
    headers = {
        "RateLimit-Limit": "30",
        "RateLimit-Remaining": "0",
        "RateLimit-Reset": reset,
        "RateLimit-Policy": "30;w=300",
    }
    fake.script(r"POST pds\.example/xrpc/com\.atproto\.server\.createSession", xrpc_error(*RATE_LIMITED, 429, headers))
    with pytest.raises(RateLimited) as error:
        connect(fake).verify()
    assert error.value.retry_after == pytest.approx(120)


def test_ratelimit_headers_stop_requests_before_a_429(fake: FakeAtproto) -> None:
    connector = connect(fake)
    connector.verify()
    reset = str(int(NOW.timestamp()) + 300)
    spent = {
        "RateLimit-Limit": "5000",
        "RateLimit-Remaining": "0",
        "RateLimit-Reset": reset,
        "RateLimit-Policy": "5000;w=3600",
    }
    fake.script(
        r"POST pds\.example/xrpc/com\.atproto\.repo\.createRecord",
        httpx.Response(
            200, json={"uri": f"at://{ALICE['did']}/app.bsky.feed.post/3lone", "cid": "bafyone"}, headers=spent
        ),
    )
    connector.publish(request(key="k-1"))
    sent = len(fake.requests)
    with pytest.raises(RateLimited) as error:
        connector.publish(request(key="k-2"))
    assert len(fake.requests) == sent  # nothing went out
    assert error.value.retry_after == pytest.approx(300)


# -- publishing -------------------------------------------------------------------------------------------------


def test_facets_use_utf8_byte_offsets_and_mentions_carry_the_did(fake: FakeAtproto) -> None:
    text = "héllo 🦋 @alice.test https://example.com #tag @nobody.test"
    connect(fake).publish(request(text))
    [body] = fake.created()
    record = body["record"]
    assert record["$type"] == "app.bsky.feed.post" and record["text"] == text
    raw = text.encode("utf-8")
    shown = {raw[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode(): f["features"] for f in record["facets"]}
    assert shown == {
        "@alice.test": [{"$type": "app.bsky.richtext.facet#mention", "did": ALICE["did"]}],
        "https://example.com": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com"}],
        "#tag": [{"$type": "app.bsky.richtext.facet#tag", "tag": "tag"}],
    }  # @nobody.test resolves to nothing and stays plain text
    assert record["facets"][0]["index"] == {"byteStart": 12, "byteEnd": 23}
    assert body["repo"] == ALICE["did"] and body["collection"] == "app.bsky.feed.post"
    assert record["createdAt"] == "2026-11-23T09:00:00.000Z"
    assert "reply" not in record and "embed" not in record and "langs" not in record


def test_the_result_points_at_the_post(fake: FakeAtproto) -> None:
    result = connect(fake).publish(request())
    rkey = record_key("pub-1-3", NOW)
    assert result.remote_id == f"at://{ALICE['did']}/app.bsky.feed.post/{rkey}"
    assert result.remote_url == f"https://bsky.app/profile/alice.test/post/{rkey}"
    assert fake.created()[0]["record"]["text"] == "Hello world"
    other = connect(fake, settings={"web_app": "https://app.example", "langs": ["en", "de"]})
    again = other.publish(request(key="k-9"))
    assert again.remote_url is not None and again.remote_url.startswith("https://app.example/profile/alice.test/post/")
    assert fake.created()[-1]["record"]["langs"] == ["en", "de"]


def test_images_are_uploaded_raw_with_alt_text_and_aspect_ratio(fake: FakeAtproto, tmp_path: Path) -> None:
    media = (image(tmp_path, "a.png"), image(tmp_path, "b.png", alt=None, size=(10, 20)))
    connect(fake).publish(request("Look", media=media))
    uploads = fake.sent("com.atproto.repo.uploadBlob")
    assert len(uploads) == 2
    assert uploads[0].headers["content-type"] == "image/png"
    assert uploads[0].content == Path(media[0].path).read_bytes()
    [body] = fake.created()
    embed = body["record"]["embed"]
    assert embed["$type"] == "app.bsky.embed.images"
    assert embed["images"][0] == {
        "image": blob(len(uploads[0].content))["blob"],
        "alt": "A sunset",
        "aspectRatio": {"width": 40, "height": 30},
    }
    assert embed["images"][1]["alt"] == "" and embed["images"][1]["aspectRatio"] == {"width": 10, "height": 20}


def test_image_limits_are_checked_before_anything_is_sent(fake: FakeAtproto, tmp_path: Path) -> None:
    connector = connect(fake)
    five = tuple(image(tmp_path, f"{n}.png") for n in range(5))
    with pytest.raises(Rejected) as error:
        connector.publish(request(media=five))
    assert error.value.code == "bluesky.too_many_media"
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG" + b"0" * 2_000_001)
    item = MediaItem(path=str(big), filename="big.png", mime_type="image/png", sha256="0" * 64, alt_text=None)
    with pytest.raises(Rejected) as error:
        connector.publish(request(media=(item,)))
    assert error.value.code == "bluesky.image_too_large"
    video = MediaItem(path=str(big), filename="v.mp4", mime_type="video/mp4", sha256="0" * 64, alt_text=None)
    with pytest.raises(Rejected) as error:
        connector.publish(request(media=(video,)))
    assert error.value.code == "bluesky.unsupported_media"
    assert fake.sent("com.atproto.repo.uploadBlob") == [] and fake.created() == []


def test_a_long_text_becomes_a_thread_chained_with_strong_refs(fake: FakeAtproto, tmp_path: Path) -> None:
    draft = "\n\n".join(
        f"Paragraph {n} about the solar project, with a few more words to fill it up." for n in range(12)
    )
    result = connect(fake).publish(request(draft, media=(image(tmp_path),)))
    bodies = fake.created()
    assert len(bodies) > 1
    assert all(len(b["record"]["text"]) <= 300 for b in bodies)
    refs = [{"uri": r["uri"], "cid": r["cid"]} for r in sorted(fake.records.values(), key=lambda r: r["cid"])]
    assert "reply" not in bodies[0]["record"] and "embed" in bodies[0]["record"]
    for n, body in enumerate(bodies[1:], start=1):
        assert body["record"]["reply"] == {"root": refs[0], "parent": refs[n - 1]}
        assert "embed" not in body["record"]
    rkeys = [b["rkey"] for b in bodies]
    assert rkeys == [record_key("pub-1-3", NOW, n) for n in range(1, len(bodies) + 1)]
    assert rkeys == sorted(rkeys) and len(set(rkeys)) == len(rkeys)
    assert result.remote_id == refs[0]["uri"]


def test_record_keys_are_valid_tids_derived_from_the_delivery() -> None:
    first = record_key("pub-1-3", NOW)
    assert TID.match(first) and first == record_key("pub-1-3", NOW)
    assert first != record_key("pub-1-4", NOW) and first != record_key("pub-1-3", NOW, 2)
    assert record_key("pub-1-3", NOW + timedelta(minutes=1)) != first
    for key in ("a", "b", "pub-99-1", "ü🦋"):
        for part in (1, 2, 9):
            assert TID.match(record_key(key, NOW, part))
    assert (
        tid(0, 0) == "2222222222222" and tid((1 << 53) - 1, 1023) == "bzzzzzzzzzzzz"
    )  # 53 + 10 bits: the top bit stays 0
    value = 0
    for char in first:
        value = value * 32 + "234567abcdefghijklmnopqrstuvwxyz".index(char)
    micros = value >> 10
    assert 0 <= micros - int(NOW.timestamp() * 1_000_000) < 1_000_000  # the planned time, within a second


def test_a_resend_returns_the_existing_post_and_creates_no_second_one(fake: FakeAtproto) -> None:
    first = connect(fake).publish(request("Once only"))
    again = connect(fake).publish(request("Once only"))  # e.g. after a crash: same delivery, same key
    assert again == first
    assert len(fake.records) == 1
    assert len(fake.sent("com.atproto.repo.getRecord")) == 1


def test_an_existing_record_with_other_text_is_not_taken_for_ours(fake: FakeAtproto) -> None:
    connect(fake).publish(request("Once only"))
    with pytest.raises(Rejected) as error:
        connect(fake).publish(request("Edited since"))
    assert error.value.code == "bluesky.rkey_taken"
    assert len(fake.records) == 1


def test_find_published_looks_up_the_record_keys(fake: FakeAtproto) -> None:
    connector = connect(fake)
    assert connector.find_published(request()) is None
    result = connector.publish(request())
    assert connector.find_published(request()) == result
    assert connector.find_published(request("Something else", key="other")) is None


def test_content_refused_by_the_pds_is_rejected_with_its_message(fake: FakeAtproto) -> None:
    fake.script(r"POST pds\.example/xrpc/com\.atproto\.repo\.createRecord", xrpc_error(*TOO_LONG))
    with pytest.raises(Rejected) as error:
        connect(fake).publish(request())
    assert error.value.code == "bluesky.rejected"
    assert "grapheme too big" in str(error.value)


def test_an_empty_post_is_rejected(fake: FakeAtproto) -> None:
    with pytest.raises(Rejected) as error:
        connect(fake).publish(request("   "))
    assert error.value.code == "bluesky.empty_post"


# -- inbox, replies, metrics ------------------------------------------------------------------------------------


def test_notifications_are_paged_with_the_opaque_cursor(fake: FakeAtproto) -> None:
    connector = connect(fake)
    first = connector.fetch_inbox()
    listing = fake.sent("app.bsky.notification.listNotifications")[0]
    assert listing.url.params.get_list("reasons") == ["reply", "mention", "quote"]
    assert "cursor" not in listing.url.params
    [reply] = first.items  # the like is left out, the mention of the same post is the reply
    assert reply.kind == "reply" and reply.author == "@bob.test" and reply.author_name == "Bob"
    assert reply.remote_id == f"at://{BOB['did']}/app.bsky.feed.post/3kbob00000001"
    assert reply.in_reply_to_id == f"at://{ALICE['did']}/app.bsky.feed.post/3lroot"
    assert reply.text == "reply 1" and reply.created_at == datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert reply.url == "https://bsky.app/profile/bob.test/post/3kbob00000001"
    assert first.next_cursor == "c-2"
    second = connector.fetch_inbox(first.next_cursor)
    assert fake.sent("app.bsky.notification.listNotifications")[1].url.params["cursor"] == "c-2"
    assert [i.kind for i in second.items] == ["mention", "mention", "reply", "mention"]
    assert [i.in_reply_to_id for i in second.items] == [
        None,
        None,
        f"at://{ALICE['did']}/app.bsky.feed.post/3lother",
        None,
    ]
    assert second.next_cursor is None


def test_a_reply_points_at_the_thread_root_and_the_parent(fake: FakeAtproto) -> None:
    root = f"at://{ALICE['did']}/app.bsky.feed.post/3lroot"
    target = f"at://{BOB['did']}/app.bsky.feed.post/3kbobreply"
    record = {
        "$type": "app.bsky.feed.post",
        "text": "nice",
        "createdAt": "2026-11-23T10:00:00Z",
        "reply": {"root": {"uri": root, "cid": "bafyroot"}, "parent": {"uri": root, "cid": "bafyroot"}},
    }
    fake.posts[target] = post_view(target, "bafybobreply", BOB, record)
    result = connect(fake).reply(target, "Thanks @bob.test! 🦋")
    [body] = fake.created()
    assert body["record"]["reply"] == {
        "root": {"uri": root, "cid": "bafyroot"},
        "parent": {"uri": target, "cid": "bafybobreply"},
    }
    [facet] = body["record"]["facets"]
    assert facet["features"] == [{"$type": "app.bsky.richtext.facet#mention", "did": BOB["did"]}]
    assert "Thanks @bob.test! 🦋".encode()[facet["index"]["byteStart"] : facet["index"]["byteEnd"]] == b"@bob.test"
    assert result.remote_id.startswith(f"at://{ALICE['did']}/app.bsky.feed.post/")
    top = f"at://{BOB['did']}/app.bsky.feed.post/3kbobtop"
    fake.posts[top] = post_view(top, "bafytop", BOB, {"$type": "app.bsky.feed.post", "text": "hi", "createdAt": "x"})
    connect(fake).reply(top, "Hello")
    assert fake.created()[-1]["record"]["reply"] == {
        "root": {"uri": top, "cid": "bafytop"},
        "parent": {"uri": top, "cid": "bafytop"},
    }


def test_a_reply_to_something_unknown_is_rejected(fake: FakeAtproto) -> None:
    connector = connect(fake)
    with pytest.raises(Rejected) as error:
        connector.reply("12345", "hi")
    assert error.value.code == "bluesky.bad_remote_id"
    with pytest.raises(Rejected) as error:
        connector.reply(f"at://{BOB['did']}/app.bsky.feed.post/3kgone", "hi")
    assert error.value.code == "bluesky.post_not_found"
    with pytest.raises(InputError):
        connector.reply(f"at://{BOB['did']}/app.bsky.feed.post/3kgone", "  ")


def test_metrics_are_read_in_batches_of_25(fake: FakeAtproto) -> None:
    connector = connect(fake)
    mine = connector.publish(request()).remote_id
    uris = [mine] + [f"at://{ALICE['did']}/app.bsky.feed.post/3lgone{n:05d}" for n in range(29)] + ["not-an-uri"]
    metrics = connector.fetch_metrics(uris)
    calls = fake.sent("app.bsky.feed.getPosts")
    assert [len(c.url.params.get_list("uris")) for c in calls] == [25, 5]
    assert set(metrics) == {mine}
    assert metrics[mine].likes == 3 and metrics[mine].replies == 0 and metrics[mine].quotes == 0
    assert metrics[mine].impressions is None


# -- transport failures -----------------------------------------------------------------------------------------


def test_an_html_answer_is_not_json(fake: FakeAtproto) -> None:
    fake.script(
        r"POST pds\.example/xrpc/com\.atproto\.server\.createSession",
        httpx.Response(200, text="<html>Login</html>", headers={"content-type": "text/html"}),
    )
    with pytest.raises(Rejected) as error:
        connect(fake).verify()
    assert error.value.code == "channel.not_json" and error.value.params["content_type"] == "text/html"


def test_a_tls_failure_and_an_unreachable_server_are_transient(fake: FakeAtproto) -> None:
    fake.script(
        r"GET entry\.example/.*", httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    )
    with pytest.raises(Transient) as error:
        connect(fake).verify()
    assert error.value.code == "channel.tls_error"
    fake.script(r"POST pds\.example/.*", httpx.ConnectError("[Errno 111] Connection refused"))
    with pytest.raises(Transient) as error:
        connect(fake).verify()
    assert error.value.code == "channel.connect_failed" and error.value.params["host"] == "pds.example"


def test_no_answer_after_a_create_looks_for_the_record(fake: FakeAtproto) -> None:
    fake.script(r"POST pds\.example/xrpc/com\.atproto\.repo\.createRecord", httpx.ReadTimeout("timed out"))
    with pytest.raises(OutcomeUnknown):
        connect(fake).publish(request())
    assert len(fake.sent("com.atproto.repo.getRecord")) == 1


# -- messages ---------------------------------------------------------------------------------------------------


def test_every_code_raised_has_a_message_with_its_placeholders_filled() -> None:
    source = Path(publisher.channels.__file__).parent / "bluesky.py"
    raised: dict[str, set[frozenset[str]]] = {}
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            value = node.args[0].value
            if isinstance(value, str) and re.fullmatch(r"(bluesky|channel|time)\.[a-z_]+", value):
                raised.setdefault(value, set()).add(frozenset(k.arg or "**" for k in node.keywords))
    assert "bluesky.login_failed" in raised and "bluesky.unknown_handle" in raised
    assert sorted(code for code in raised if code not in MESSAGES) == []
    for code, keyword_sets in raised.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(MESSAGES[code]) if f}
        for keywords in keyword_sets:
            if "**" not in keywords:  # the XRPC error params: host, status, error, message
                assert fields <= keywords, (code, fields, keywords)
    assert all(MESSAGES[code] == text for code, text in BLUESKY_MESSAGES.items())
    assert all(code.startswith("bluesky.") for code in BLUESKY_MESSAGES)


def test_link_facets_become_links_to_their_full_target_in_the_inbox_html(fake: FakeAtproto) -> None:
    text = "héllo 🦋 see example.com/tick… & <b>now</b>\nbye"
    data = text.encode()
    start = data.index(b"example.com")
    end = start + len("example.com/tick…".encode())
    note = notification("mention", 7)
    note["record"]["text"] = text
    note["record"]["facets"] = [
        {"index": {"byteStart": 0, "byteEnd": 6}, "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "x"}]},
        {
            "index": {"byteStart": start, "byteEnd": end},
            "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com/tickets/2026"}],
        },
    ]
    plain = notification("mention", 8)
    fake._notifications = lambda request: httpx.Response(200, json={"notifications": [note, plain]})  # type: ignore[method-assign]
    first, second = connect(fake).fetch_inbox().items
    assert first.text == text  # the plain text is untouched
    assert first.html == (
        'héllo 🦋 see <a href="https://example.com/tickets/2026">example.com/tick…</a> &amp; &lt;b&gt;now&lt;/b&gt;'
        "<br>bye"
    )
    assert second.html is None  # no links: the plain text says it all


@pytest.mark.parametrize(
    "facet",
    [
        {
            "index": {"byteStart": 0, "byteEnd": 99},
            "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://a.example"}],
        },
        {
            "index": {"byteStart": 3, "byteEnd": 1},
            "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://a.example"}],
        },
        {
            "index": {"byteStart": 0, "byteEnd": 4},
            "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "javascript:alert(1)"}],
        },
        {
            "index": {"byteStart": "0", "byteEnd": 4},
            "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://a.example"}],
        },
        {"index": {"byteStart": 0, "byteEnd": 4}, "features": "nonsense"},
        "nonsense",
    ],
)
def test_broken_or_unsafe_link_facets_leave_plain_text(facet: Any) -> None:
    from publisher.channels.bluesky import facets_html

    assert facets_html("click here", [facet]) is None


def test_overlapping_link_facets_keep_the_first() -> None:
    from publisher.channels.bluesky import facets_html

    link = "app.bsky.richtext.facet#link"
    facets = [
        {"index": {"byteStart": 0, "byteEnd": 5}, "features": [{"$type": link, "uri": "https://one.example"}]},
        {"index": {"byteStart": 3, "byteEnd": 10}, "features": [{"$type": link, "uri": "https://two.example"}]},
    ]
    assert facets_html("click here", facets) == '<a href="https://one.example">click</a> here'
