"""Bluesky (AT Protocol): posts with link/mention/tag facets, threads, images with alt text, notifications, replies
and metrics, signed in with an app password.

Channel fields: ``handle`` (``you.bsky.social`` or a DID) and, optionally, ``url``: a server that resolves the
handle (the user's PDS or an entryway). The account's PDS always comes from its DID document (handle → DID →
``#atproto_pds``); nothing here assumes a particular provider. Secret: an app password; the access and refresh
tokens it gives live only in memory, shared by the connectors of one :class:`BlueskyKind`. Optional channel
settings: ``plc_directory`` and ``web_app`` (see :data:`SERVICE_DEFAULTS`), ``api`` (XRPC method names replacing
:data:`API_DEFAULTS`) and ``langs`` (up to three language tags for every post).

Idempotency: every post of a delivery is created under a record key derived from the delivery (a TID made of the
planned time and a hash of the key and part number), so a resend after a crash finds the record that already
exists and returns it instead of making a second post. Facts and sources: ``channels.md`` section 2.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from publisher.channels._fields import as_dict as _dict
from publisher.channels._fields import as_int as _int
from publisher.channels._fields import iso_timestamp as _timestamp
from publisher.channels._http import (
    HttpClient,
    RateGuard,
    check_url,
    is_loopback,
    normalise_service_url,
    parse_json_object,
    parse_reset,
)
from publisher.channels._media import media_bytes
from publisher.channels.protocol import (
    Capabilities,
    ChannelConfig,
    FieldSpec,
    InboxItem,
    InboxPage,
    MediaItem,
    Metrics,
    PublishRequest,
    PublishResult,
    VerifyResult,
)
from publisher.clock import Clock, SystemClock
from publisher.errors import AuthExpired, ChannelError, InputError, OutcomeUnknown, RateLimited, Rejected, Transient

# XRPC methods and the post collection (lexicon ids); channel settings may override any of them under "api".
API_DEFAULTS: dict[str, str] = {
    "resolve_handle": "com.atproto.identity.resolveHandle",
    "create_session": "com.atproto.server.createSession",
    "refresh_session": "com.atproto.server.refreshSession",
    "create_record": "com.atproto.repo.createRecord",
    "get_record": "com.atproto.repo.getRecord",
    "upload_blob": "com.atproto.repo.uploadBlob",
    "list_notifications": "app.bsky.notification.listNotifications",
    "get_posts": "app.bsky.feed.getPosts",
    "get_profile": "app.bsky.actor.getProfile",
    "post_collection": "app.bsky.feed.post",
}
# Services outside the account's PDS; channel settings may override each under its own key.
SERVICE_DEFAULTS: dict[str, str] = {
    "plc_directory": "https://plc.directory",  # resolves did:plc identifiers
    "web_app": "https://bsky.app",  # where a post's remote_url points
}
MAX_GRAPHEMES = 300
MAX_BYTES = 3000
MAX_IMAGES = 4
MAX_IMAGE_BYTES = 2_000_000
MAX_LANGS = 3
PAGE_SIZE = 50
POSTS_PER_CALL = 25  # app.bsky.feed.getPosts takes at most 25 uris
INBOX_REASONS = ("reply", "mention", "quote")
TOKEN_ERRORS = frozenset({"bluesky.token_expired", "bluesky.token_invalid"})
MAX_MESSAGE = 500

_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
_HANDLE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")
_DID = re.compile(r"^did:[a-z]+:[a-zA-Z0-9._:%-]+$")
_AT_URI = re.compile(r"^at://(did:[a-z]+:[a-zA-Z0-9._:%-]+)/([a-zA-Z0-9.-]+)/([a-zA-Z0-9._:~-]{1,512})$")


# -- what the user entered -------------------------------------------------------------------------------------


def normalise_handle(handle: str | None) -> str:
    """``alice.bsky.social`` for ``@Alice.bsky.social``; a DID is kept as it is."""
    value = (handle or "").strip()
    if value.startswith(("@", "＠")):
        value = value[1:]
    if not value:
        raise InputError("bluesky.handle_required")
    if value.startswith("did:"):
        if not _DID.match(value):
            raise InputError("bluesky.bad_handle", handle=handle)
        return value
    value = value.lower()
    if not _HANDLE.match(value):
        raise InputError("bluesky.bad_handle", handle=handle)
    return value


# -- record keys -----------------------------------------------------------------------------------------------


def tid(timestamp_us: int, clock_id: int) -> str:
    """A TID (``app.bsky.feed.post`` record key): 53-bit microseconds << 10 | 10-bit clock id, base32-sortable."""
    value = ((timestamp_us & ((1 << 53) - 1)) << 10) | (clock_id & 0x3FF)
    chars = []
    for _ in range(13):
        chars.append(_TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def record_key(key: str, when: datetime, part: int = 1) -> str:
    """The record key of part ``part`` of the delivery ``key`` planned for ``when``: the same inputs always give
    the same key. A hash of the key moves the time by up to a second (so posts planned for the same minute do not
    meet) and picks the clock id; the parts of a thread follow each other in time order."""
    if when.tzinfo is None:
        raise InputError("time.naive", value=when.isoformat())
    base = hashlib.sha256(key.encode()).digest()
    spread = int.from_bytes(base[:8], "big") % 1_000_000
    clock_id = int.from_bytes(hashlib.sha256(f"{key}\n{part}".encode()).digest()[:2], "big") & 0x3FF
    micros = int(when.astimezone(UTC).timestamp()) * 1_000_000 + when.microsecond
    return tid(micros + spread + (part - 1), clock_id)


def parse_at_uri(uri: str) -> tuple[str, str, str]:
    """``(did, collection, rkey)`` of ``at://did/collection/rkey``; ``Rejected`` for anything else."""
    match = _AT_URI.match(uri or "")
    if not match:
        raise Rejected("bluesky.bad_remote_id", remote_id=uri)
    return match.group(1), match.group(2), match.group(3)


# -- HTTP --------------------------------------------------------------------------------------------------------


def _xrpc_error(response: httpx.Response) -> tuple[str, str]:
    try:
        body = response.json()
    except ValueError:
        body = None
    body = body if isinstance(body, dict) else {}
    return str(body.get("error") or ""), str(body.get("message") or response.reason_phrase or "")[:MAX_MESSAGE]


class _Xrpc(HttpClient):
    """XRPC calls to one server, with atproto's error names and ``RateLimit-*`` headers.

    The shared client maps every 400 to ``Rejected``; atproto answers 400 ``ExpiredToken``/``InvalidToken`` for
    tokens, which must become ``AuthExpired`` (so the session is renewed), and it names its rate-limit headers
    without the ``X-`` prefix. Tokens change during a session, so they travel per request, not per client.
    """

    def __init__(self, base_url: str, *, account: str, transport: httpx.BaseTransport | None, guard: RateGuard) -> None:
        super().__init__(base_url, transport=transport, guard=guard)
        self._guard_key += ":" + hashlib.sha256(account.encode()).hexdigest()[:16]

    def call(
        self,
        method: str,
        nsid: str,
        *,
        token: str | None = None,
        params: Any = None,
        json_body: Any = None,
        content: bytes | None = None,
        content_type: str | None = None,
    ) -> httpx.Response:
        headers: dict[str, str] = {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if content_type:
            headers["Content-Type"] = content_type
        return self.request(
            method, f"/xrpc/{nsid}", params=params, json_body=json_body, content=content, headers=headers
        )

    def _rate_headers(self, response: httpx.Response) -> httpx.Headers:
        return _x_ratelimit_headers(response.headers)

    def call_json(self, method: str, nsid: str, **kwargs: Any) -> dict[str, Any]:
        return parse_json_object(self.call(method, nsid, **kwargs), nsid)

    def _check_status(self, method: str, response: httpx.Response) -> None:
        status = response.status_code
        if 200 <= status < 300:
            return
        error, message = _xrpc_error(response)
        params: dict[str, Any] = {"host": self.host, "status": status, "error": error, "message": message}
        if status == 429 or error == "RateLimitExceeded":
            now = self.guard.now()
            wait = parse_reset(response.headers.get("retry-after"), now)
            if wait is None:
                wait = parse_reset(response.headers.get("ratelimit-reset"), now)
            raise RateLimited("channel.rate_limited", retry_after=wait if wait is not None else 60.0)
        if error == "ExpiredToken":
            raise AuthExpired("bluesky.token_expired", **params)
        if error == "InvalidToken":
            raise AuthExpired("bluesky.token_invalid", **params)
        if status in (401, 403):
            raise AuthExpired("channel.auth_expired", **params)
        if status >= 500:
            raise Transient("channel.server_error", **params)
        if 300 <= status < 400:
            raise Rejected("channel.unexpected_redirect", location=response.headers.get("location", ""), **params)
        if status == 404 or error in ("RecordNotFound", "NotFound"):
            raise Rejected("channel.remote_not_found", **params)
        raise Rejected("bluesky.rejected", **params)


def _x_ratelimit_headers(headers: httpx.Headers) -> httpx.Headers:
    """atproto's ``RateLimit-Remaining``/``RateLimit-Reset`` under the names :class:`RateGuard` reads."""
    found = {}
    for name in ("remaining", "reset"):
        value = headers.get(f"ratelimit-{name}") or headers.get(f"x-ratelimit-{name}")
        if value is not None:
            found[f"x-ratelimit-{name}"] = value
    return httpx.Headers(found)


# -- identity and sessions -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Identity:
    did: str
    pds: str


@dataclass(frozen=True, slots=True)
class Session:
    did: str
    handle: str
    access: str
    refresh: str


class _State:
    """What the connectors of one kind share: resolved identities and signed-in sessions (in memory only)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.identities: dict[tuple[str, str, str], Identity] = {}
        self.sessions: dict[tuple[str, str, str], Session] = {}


@dataclass(frozen=True, slots=True)
class _Ref:
    uri: str
    cid: str

    def json(self) -> dict[str, str]:
        return {"uri": self.uri, "cid": self.cid}


class BlueskyConnector:
    def __init__(
        self,
        config: ChannelConfig,
        password: str,
        *,
        transport: httpx.BaseTransport | None,
        guard: RateGuard,
        clock: Clock,
        state: _State,
    ) -> None:
        if not config.handle:
            raise InputError("bluesky.handle_required")
        self.config = config
        self.handle = config.handle
        self.password = password
        self.transport = transport
        self.guard = guard
        self.clock = clock
        self.state = state
        settings = config.settings
        self.api = dict(API_DEFAULTS)
        overrides = settings.get("api")
        if isinstance(overrides, dict):
            self.api.update({str(k): v for k, v in overrides.items() if isinstance(v, str) and v})
        self.services = dict(SERVICE_DEFAULTS)
        self.services.update({k: settings[k] for k in SERVICE_DEFAULTS if isinstance(settings.get(k), str)})
        self._secret_key = hashlib.sha256(password.encode()).hexdigest()
        self._pds_client: _Xrpc | None = None

    # -- protocol -------------------------------------------------------------------------------

    def verify(self) -> VerifyResult:
        session = self._session()
        identity = self._identity()
        details: dict[str, Any] = {
            "did": session.did,
            "handle": session.handle,
            "pds": identity.pds,
            "max_characters": MAX_GRAPHEMES,
            "max_bytes": MAX_BYTES,
            "max_media_attachments": MAX_IMAGES,
            "image_size_limit": MAX_IMAGE_BYTES,
            "server_scheduling": False,
        }
        try:
            profile = self._call_json("GET", "get_profile", params={"actor": session.did})
        except (Transient, Rejected):
            profile = {}  # a PDS without an AppView answers 502; the account itself is fine
        if profile:
            details["display_name"] = str(profile.get("displayName") or "")
            for key, name in (("followersCount", "followers"), ("postsCount", "posts")):
                if isinstance(profile.get(key), int):
                    details[name] = profile[key]
        return VerifyResult(account=f"@{self._shown_handle(session)}", details=details)

    def publish(self, request: PublishRequest) -> PublishResult:
        parts = self._parts(request)
        images = self._images(request)  # checked before anything is sent
        session = self._session()
        embed = self._embed([(item, self._upload(item, content)) for item, content in images]) if images else None
        root: _Ref | None = None
        parent: _Ref | None = None
        for n, (text, facets) in enumerate(parts, start=1):
            record: dict[str, Any] = {"$type": "app.bsky.feed.post", "text": text, "createdAt": self._now()}
            if facets:
                record["facets"] = facets
            if root is not None and parent is not None:
                record["reply"] = {"root": root.json(), "parent": parent.json()}
            if n == 1 and embed is not None:
                record["embed"] = embed
            langs = self._langs()
            if langs:
                record["langs"] = langs
            ref = self._create(record, rkey=record_key(request.key, request.date, n), session=session)
            root = root or ref
            parent = ref
        assert root is not None
        return self._result(root.uri)

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        """The post made for ``request``, looked up by its record keys; ``None`` unless every part of it exists
        with the text it would have now (``publish`` completes a thread that was cut short)."""
        parts = self._parts(request)
        session = self._session()
        first: str | None = None
        for n, (text, _) in enumerate(parts, start=1):
            found = self._get_record(session.did, record_key(request.key, request.date, n))
            if found is None or _record_text(found) != text:
                return None
            first = first or str(found.get("uri") or "")
        return self._result(first) if first else None

    # -- optional capabilities ------------------------------------------------------------------

    def fetch_inbox(self, cursor: str | None = None) -> InboxPage:
        params: list[tuple[str, str | int]] = [("limit", PAGE_SIZE)]
        params += [("reasons", reason) for reason in INBOX_REASONS]
        if cursor:
            params.append(("cursor", cursor))
        body = self._call_json("GET", "list_notifications", params=params)
        notifications = body.get("notifications")
        # A reply that also names the account may come as a mention only (the reference AppView sends one
        # notification per post) or twice: it is a reply whenever it answers one of the account's posts.
        ours = f"at://{self._identity().did}/"
        items: dict[str, InboxItem] = {}
        for note in notifications if isinstance(notifications, list) else []:
            if not isinstance(note, dict) or note.get("reason") not in INBOX_REASONS:
                continue
            record = _dict(note.get("record"))
            author = _dict(note.get("author"))
            handle = str(author.get("handle") or author.get("did") or "")
            uri = str(note.get("uri") or "")
            parent = _dict(_dict(record.get("reply")).get("parent")).get("uri")
            is_reply = isinstance(parent, str) and (note.get("reason") == "reply" or parent.startswith(ours))
            if uri in items and not is_reply:
                continue
            items[uri] = InboxItem(
                remote_id=uri,
                kind="reply" if is_reply else "mention",
                author="@" + handle,
                author_name=str(author.get("displayName") or handle),
                text=str(record.get("text") or ""),
                html=facets_html(str(record.get("text") or ""), record.get("facets")),
                created_at=_timestamp(record.get("createdAt") or note.get("indexedAt")),
                url=self._post_url(handle, uri),
                in_reply_to_id=str(parent) if is_reply else None,
            )
        next_cursor = body.get("cursor")
        more = isinstance(next_cursor, str) and next_cursor and notifications
        return InboxPage(items=tuple(items.values()), next_cursor=str(next_cursor) if more else None)

    def reply(self, to_remote_id: str, text: str) -> PublishResult:
        parse_at_uri(to_remote_id)
        text = text.strip()
        if not text:
            raise InputError("bluesky.empty_reply")
        from publisher.text import bluesky_facets, count

        counted = count(text, "bluesky")
        if not counted.ok:
            raise Rejected("bluesky.reply_too_long", length=counted.length, max=MAX_GRAPHEMES, max_bytes=MAX_BYTES)
        session = self._session()
        posts = self._posts([to_remote_id])
        target = posts.get(to_remote_id)
        if target is None:
            raise Rejected("bluesky.post_not_found", uri=to_remote_id)
        parent = _Ref(str(target.get("uri")), str(target.get("cid")))
        root_json = _dict(_dict(_dict(target.get("record")).get("reply")).get("root"))
        root = _Ref(str(root_json["uri"]), str(root_json["cid"])) if root_json.get("cid") else parent
        record: dict[str, Any] = {
            "$type": "app.bsky.feed.post",
            "text": text,
            "createdAt": self._now(),
            "reply": {"root": root.json(), "parent": parent.json()},
        }
        facets = self._resolve_mentions(bluesky_facets(text))
        if facets:
            record["facets"] = facets
        langs = self._langs()
        if langs:
            record["langs"] = langs
        body = self._call_json(
            "POST",
            "create_record",
            json_body={"repo": session.did, "collection": self.api["post_collection"], "record": record},
        )
        return self._result(str(body.get("uri") or ""))

    def fetch_metrics(self, remote_ids: Sequence[str]) -> dict[str, Metrics]:
        uris = [uri for uri in dict.fromkeys(remote_ids) if _AT_URI.match(uri)]
        metrics: dict[str, Metrics] = {}
        for start in range(0, len(uris), POSTS_PER_CALL):
            for uri, post in self._posts(uris[start : start + POSTS_PER_CALL]).items():
                metrics[uri] = Metrics(
                    replies=_int(post.get("replyCount")),
                    reposts=_int(post.get("repostCount")),
                    likes=_int(post.get("likeCount")),
                    quotes=_int(post.get("quoteCount")),
                )
        return metrics

    # -- identity and sessions ------------------------------------------------------------------

    def _identity(self) -> Identity:
        key = (self.config.base_url or "", self.handle, self.services["plc_directory"])
        with self.state.lock:
            known = self.state.identities.get(key)
        if known is not None:
            return known
        did = self.handle if self.handle.startswith("did:") else self._resolve_handle(self.handle)
        identity = Identity(did=did, pds=self._pds_of(did))
        with self.state.lock:
            self.state.identities[key] = identity
        return identity

    def _resolve_handle(self, handle: str) -> str:
        base_url = self.config.base_url
        if base_url:
            xrpc = _Xrpc(base_url, account="", transport=self.transport, guard=self.guard)
            server = xrpc.host
            try:
                body = xrpc.call_json("GET", self.api["resolve_handle"], params={"handle": handle})
            except Rejected as exc:
                if exc.code in ("bluesky.rejected", "channel.remote_not_found"):
                    raise Rejected("bluesky.unknown_handle", handle=handle, server=server) from None
                raise
            did = body.get("did")
        else:  # the handle's own web server: https://<handle>/.well-known/atproto-did
            server = handle
            web = HttpClient(f"https://{handle}", transport=self.transport, guard=self.guard)
            try:
                response = web.request("GET", "/.well-known/atproto-did", headers={"Accept": "text/plain"})
            except Rejected:
                raise Rejected("bluesky.unknown_handle", handle=handle, server=server) from None
            did = response.text.strip()
        if not isinstance(did, str) or not _DID.match(did):
            raise Rejected("bluesky.unknown_handle", handle=handle, server=server)
        return did

    def _pds_of(self, did: str) -> str:
        if did.startswith("did:plc:"):
            client = HttpClient(self.services["plc_directory"], transport=self.transport, guard=self.guard)
            path = "/" + quote(did, safe=":")
        elif did.startswith("did:web:"):
            host = did.removeprefix("did:web:")
            if ":" in host:  # did:web with a path is not allowed for atproto accounts
                raise Rejected("bluesky.bad_did", did=did, handle=self.handle)
            host = host.replace("%3A", ":").replace("%3a", ":")
            scheme = "http" if is_loopback(urlsplit(f"http://{host}").hostname) else "https"
            client = HttpClient(f"{scheme}://{host}", transport=self.transport, guard=self.guard)
            path = "/.well-known/did.json"
        else:
            raise Rejected("bluesky.bad_did", did=did, handle=self.handle)
        try:
            document = client.json("GET", path)
        except Rejected as exc:
            if exc.code == "channel.remote_not_found":
                raise Rejected("bluesky.no_pds", did=did) from None
            raise
        for service in _dict(document).get("service") or []:
            if not isinstance(service, dict):
                continue
            if str(service.get("id") or "").endswith("#atproto_pds") and isinstance(
                service.get("serviceEndpoint"), str
            ):
                try:
                    return check_url(str(service["serviceEndpoint"]).rstrip("/"))
                except InputError:
                    break
        raise Rejected("bluesky.no_pds", did=did)

    def _pds(self) -> _Xrpc:
        if self._pds_client is None:
            identity = self._identity()
            self._pds_client = _Xrpc(identity.pds, account=identity.did, transport=self.transport, guard=self.guard)
        return self._pds_client

    def _session_key(self) -> tuple[str, str, str]:
        return (self._identity().pds, self._identity().did, self._secret_key)

    def _session(self) -> Session:
        key = self._session_key()
        with self.state.lock:
            session = self.state.sessions.get(key)
        return session if session is not None else self._login()

    def _store(self, body: dict[str, Any], previous: Session | None = None) -> Session:
        access, refresh = body.get("accessJwt"), body.get("refreshJwt")
        if not isinstance(access, str) or not isinstance(refresh, str):
            raise Rejected("channel.unexpected_response", endpoint="session")
        did = str(body.get("did") or (previous.did if previous else self._identity().did))
        handle = str(body.get("handle") or (previous.handle if previous else self.handle))
        session = Session(did=did, handle=handle, access=access, refresh=refresh)
        key = self._session_key()
        with self.state.lock:
            self.state.sessions[key] = session
        return session

    def _login(self) -> Session:
        identifier = self.handle if not self.handle.startswith("did:") else self._identity().did
        try:
            body = self._pds().call_json(
                "POST", self.api["create_session"], json_body={"identifier": identifier, "password": self.password}
            )
        except AuthExpired as exc:
            key = self._session_key()
            with self.state.lock:
                self.state.sessions.pop(key, None)
            raise AuthExpired(
                "bluesky.login_failed", handle=self.handle, message=exc.params.get("message", "")
            ) from None
        return self._store(body)

    def _renew(self, session: Session) -> Session:
        """A new access token: refresh once with the refresh token; if that fails, sign in again."""
        try:
            body = self._pds().call_json("POST", self.api["refresh_session"], token=session.refresh)
        except (AuthExpired, Rejected):
            return self._login()
        return self._store(body, session)

    def _call(self, method: str, endpoint: str, **kwargs: Any) -> httpx.Response:
        session = self._session()
        try:
            return self._pds().call(method, self.api[endpoint], token=session.access, **kwargs)
        except AuthExpired as exc:
            if exc.code not in TOKEN_ERRORS:
                raise
        session = self._renew(session)  # nothing was applied: the server refused the token before acting
        return self._pds().call(method, self.api[endpoint], token=session.access, **kwargs)

    def _call_json(self, method: str, endpoint: str, **kwargs: Any) -> dict[str, Any]:
        response = self._call(method, endpoint, **kwargs)
        try:
            body = response.json()
        except ValueError:
            raise Rejected(
                "channel.not_json",
                status=response.status_code,
                content_type=response.headers.get("content-type", "").split(";")[0],
            ) from None
        if not isinstance(body, dict):
            raise Rejected("channel.unexpected_response", endpoint=self.api[endpoint])
        return body

    # -- posts ----------------------------------------------------------------------------------

    def _parts(self, request: PublishRequest) -> list[tuple[str, list[dict[str, Any]]]]:
        """The thread's parts as ``(text, facets)``; mention facets carry DIDs (unresolved mentions stay text)."""
        from publisher.text import UtmTemplate, render

        rendered = render(
            request.text,
            "bluesky",
            split=True,
            utm=UtmTemplate.from_mapping(request.utm),
            campaign=request.campaign,
            channel=request.channel_name,
        )
        parts = [(part.text, list(part.fields.get("facets") or [])) for part in rendered.parts if part.text.strip()]
        if not parts:
            if not request.media:
                raise Rejected("bluesky.empty_post")
            parts = [("", [])]
        if len(request.media) > MAX_IMAGES:
            raise Rejected("bluesky.too_many_media", count=len(request.media), max=MAX_IMAGES)
        handles: dict[str, str | None] = {}
        return [(text, self._resolve_mentions(facets, handles)) for text, facets in parts]

    def _resolve_mentions(
        self, facets: list[dict[str, Any]], known: dict[str, str | None] | None = None
    ) -> list[dict[str, Any]]:
        known = {} if known is None else known
        resolved = []
        for facet in facets:
            features = []
            for feature in facet.get("features") or []:
                handle = feature.get("handle") if isinstance(feature, dict) else None
                if not handle:
                    features.append(feature)
                    continue
                if handle not in known:
                    known[handle] = self._mention_did(str(handle))
                did = known[handle]
                if did:
                    features.append({"$type": "app.bsky.richtext.facet#mention", "did": did})
            if features:
                resolved.append({"index": facet["index"], "features": features})
        return resolved

    def _mention_did(self, handle: str) -> str | None:
        try:
            body = self._pds().call_json("GET", self.api["resolve_handle"], params={"handle": handle})
        except Rejected:
            return None  # an unknown handle stays plain text
        did = body.get("did")
        return did if isinstance(did, str) and _DID.match(did) else None

    def _images(self, request: PublishRequest) -> list[tuple[MediaItem, bytes]]:
        images = []
        for item in request.media:
            if not item.mime_type.startswith("image/"):
                raise Rejected("bluesky.unsupported_media", filename=item.filename, mime_type=item.mime_type)
            content = media_bytes(item, request.frame, missing_code="bluesky.media_missing")
            if len(content) > MAX_IMAGE_BYTES:
                raise Rejected(
                    "bluesky.image_too_large", filename=item.filename, size=len(content), max=MAX_IMAGE_BYTES
                )
            images.append((item, content))
        return images

    def _upload(self, item: MediaItem, content: bytes) -> dict[str, Any]:
        body = self._call_json("POST", "upload_blob", content=content, content_type=item.mime_type)
        blob = body.get("blob")
        if not isinstance(blob, dict):
            raise Rejected("channel.unexpected_response", endpoint=self.api["upload_blob"])
        image: dict[str, Any] = {"image": blob, "alt": item.alt_text or ""}
        ratio = _aspect_ratio(content)
        if ratio is not None:
            image["aspectRatio"] = {"width": ratio[0], "height": ratio[1]}
        return image

    @staticmethod
    def _embed(images: list[tuple[MediaItem, dict[str, Any]]]) -> dict[str, Any]:
        return {"$type": "app.bsky.embed.images", "images": [image for _, image in images]}

    def _create(self, record: dict[str, Any], *, rkey: str, session: Session) -> _Ref:
        """Create the record under ``rkey``; if it exists already (a resend), the one that exists."""
        body = {"repo": session.did, "collection": self.api["post_collection"], "rkey": rkey, "record": record}
        try:
            created = self._call_json("POST", "create_record", json_body=body)
        except (Rejected, Transient, OutcomeUnknown) as exc:
            if isinstance(exc, Rejected) and exc.code != "bluesky.rejected":
                raise
            # The reference PDS answers a taken record key with 500 (others with 400): look before failing.
            try:
                found = self._get_record(session.did, rkey)
            except ChannelError:
                found = None
            if found is None:
                raise exc from None
            if _record_text(found) != record["text"]:
                raise Rejected("bluesky.rkey_taken", rkey=rkey) from None
            created = found
        uri, cid = created.get("uri"), created.get("cid")
        if not isinstance(uri, str) or not isinstance(cid, str):
            raise Rejected("channel.unexpected_response", endpoint=self.api["create_record"])
        return _Ref(uri, cid)

    def _get_record(self, did: str, rkey: str) -> dict[str, Any] | None:
        params = {"repo": did, "collection": self.api["post_collection"], "rkey": rkey}
        try:
            return self._call_json("GET", "get_record", params=params)
        except Rejected as exc:
            if exc.code == "channel.remote_not_found" or (
                exc.code == "bluesky.rejected" and "not found" in str(exc.params.get("message", "")).lower()
            ):
                return None
            raise

    def _posts(self, uris: Sequence[str]) -> dict[str, dict[str, Any]]:
        if not uris:
            return {}
        body = self._call_json("GET", "get_posts", params=[("uris", uri) for uri in uris])
        posts = body.get("posts")
        return {str(post["uri"]): post for post in (posts if isinstance(posts, list) else []) if _dict(post).get("uri")}

    # -- small helpers --------------------------------------------------------------------------

    def _langs(self) -> list[str]:
        langs = self.config.settings.get("langs")
        if not isinstance(langs, list):
            return []
        return [str(lang) for lang in langs if isinstance(lang, str) and lang][:MAX_LANGS]

    def _now(self) -> str:
        now = self.clock.now().astimezone(UTC)
        return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"

    def _shown_handle(self, session: Session) -> str:
        if session.handle and session.handle != "handle.invalid":
            return session.handle
        return self.handle

    def _post_url(self, handle: str, uri: str) -> str | None:
        match = _AT_URI.match(uri)
        if not match or not handle:
            return None
        return f"{self.services['web_app'].rstrip('/')}/profile/{handle}/post/{match.group(3)}"

    def _result(self, uri: str) -> PublishResult:
        if not _AT_URI.match(uri):
            raise Rejected("channel.unexpected_response", endpoint=self.api["create_record"])
        session = self._session()
        return PublishResult(remote_id=uri, remote_url=self._post_url(self._shown_handle(session), uri))


def facets_html(text: str, facets: object) -> str | None:
    """The post as HTML with its link facets as links, or None when it has none (the plain text says it all).

    A link facet may show a shortened label (``example.com/ti…``) for its full ``uri``; the HTML keeps both, so
    the inbox can show the real target. Offsets are UTF-8 byte offsets, start inclusive, end exclusive; facets
    out of range, overlapping an earlier one or pointing anywhere but http(s) are left as plain text. The text
    is escaped here and the inbox sanitises the result again.
    """
    data = text.encode("utf-8")
    spans: list[tuple[int, int, str]] = []
    for facet in facets if isinstance(facets, list) else []:
        index = _dict(_dict(facet).get("index"))
        start, end = _int(index.get("byteStart")), _int(index.get("byteEnd"))
        if start is None or end is None or not 0 <= start < end <= len(data):
            continue
        for feature in _dict(facet).get("features") or []:
            feature = _dict(feature)
            uri = feature.get("uri")
            if feature.get("$type") == "app.bsky.richtext.facet#link" and isinstance(uri, str):
                if uri.lower().startswith(("https://", "http://")):
                    spans.append((start, end, uri))
                break
    if not spans:
        return None
    out: list[str] = []
    position = 0
    for start, end, uri in sorted(spans):
        if start < position:
            continue  # overlaps the previous link
        out.append(_escape(data[position:start]))
        out.append(f'<a href="{html.escape(uri, quote=True)}">{_escape(data[start:end])}</a>')
        position = end
    out.append(_escape(data[position:]))
    return "".join(out)


def _escape(part: bytes) -> str:
    return html.escape(part.decode("utf-8", errors="replace"), quote=False).replace("\n", "<br>")


def _record_text(found: dict[str, Any]) -> str | None:
    text = _dict(found.get("value")).get("text")
    return text if isinstance(text, str) else None


def _aspect_ratio(content: bytes) -> tuple[int, int] | None:
    try:
        from PIL import Image

        with Image.open(io.BytesIO(content)) as image:
            width, height = image.size
    except Exception:  # an image Pillow cannot read just goes without its aspect ratio
        return None
    return (width, height) if width > 0 and height > 0 else None


class BlueskyKind:
    kind = "bluesky"
    display_name = "Bluesky"
    fields: tuple[FieldSpec, ...] = (FieldSpec("url", required=False), FieldSpec("handle", required=True))
    needs_secret = True  # an app password
    idempotent_publish = True  # record keys derived from the delivery
    capabilities = Capabilities(inbox=True, metrics=True, server_scheduling=False, threads=True, media=True)

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Clock | None = None,
        guard: RateGuard | None = None,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.transport = transport
        self.clock: Clock = clock or SystemClock()
        self.guard = guard or RateGuard(now)  # shared by every connector of this kind: limits are per account
        self._state = _State()

    def validate(
        self, *, base_url: str | None, handle: str | None, path: str | None
    ) -> tuple[str | None, str | None, dict[str, Any]]:
        url = normalise_service_url(base_url, required_code="channel.bad_url") if (base_url or "").strip() else None
        return url, normalise_handle(handle), {}

    def connect(self, config: ChannelConfig, secret: str | None) -> BlueskyConnector:
        if not secret:
            raise InputError("channel.secret_required", kind=self.kind)
        config = replace(config, handle=normalise_handle(config.handle))
        return BlueskyConnector(
            config, secret, transport=self.transport, guard=self.guard, clock=self.clock, state=self._state
        )
