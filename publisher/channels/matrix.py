"""Matrix (client-server API): one room per channel; HTML messages, images with alt text, thread replies,
reaction/thread counts and server-side scheduling through MSC4140 delayed events.

Channel fields: ``url`` is the homeserver (``https://matrix.example.org``; ``http://`` only on loopback),
``handle`` the account (``@user:server``, optional, checked by :meth:`MatrixConnector.verify`), and the room
(``!id:server`` or ``#alias:server``) arrives as the ``path`` argument of :meth:`MatrixKind.validate`, because
``ChannelKind.validate`` has no other slot for it; it is stored in the channel settings as ``"room"``. The CLI's
``--room`` option maps onto it.

Secret: an access token. ``"password:<password>"`` is accepted only by :meth:`MatrixKind.exchange_secret`, which
logs in once (``m.login.password`` as ``handle``) and returns the access token to store instead; the password is
never stored and :meth:`MatrixKind.connect` refuses it (``matrix.password_not_exchanged``), so a password never
reaches a connector and no process start creates a new device.

Idempotency: every event is sent with ``PUT …/send/m.room.message/{txnId}``; ``txnId`` is derived from the
delivery key and the part (``m1``, ``m2`` … for images, ``t`` for the text), so a resend after a crash, with
the same access token, returns the event the server already made. Facts and sources: ``channels.md`` section 10.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import httpx

from publisher.channels._fields import as_dict as _dict
from publisher.channels._http import HttpClient, normalise_service_url, parse_json_object, parse_reset
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
from publisher.errors import AuthExpired, InputError, RateLimited, Rejected, Transient

CLIENT = "/_matrix/client/v3"
DELAYED = "/_matrix/client/unstable/org.matrix.msc4140/delayed_events"
DELAY_PARAM = "org.matrix.msc4140.delay"
DELAY_CAPABILITY = "org.matrix.msc4140.delayed_events"
PAGE_SIZE = 50
REACTION_PAGES = 10
DEFAULT_RETRY_AFTER = 5.0
MAX_MESSAGE = 500
PASSWORD_PREFIX = "password:"

_USER_ID = re.compile(r"^@[^:\s]+:[^\s]+$")
# Room ids of room version 12 have no ":server" part (MSC4291); aliases always have one.
_ROOM = re.compile(r"^(![^\s]+|#[^:\s]+:[^\s]+)$")


# -- what the user entered -------------------------------------------------------------------------------------


def normalise_homeserver_url(url: str | None) -> str:
    """``https://host[:port][/prefix]`` for what a user typed (``matrix.org``, ``https://Matrix.Org/``)."""
    return normalise_service_url(url, required_code="matrix.url_required")


def normalise_user_id(handle: str | None) -> str | None:
    value = (handle or "").strip()
    if not value:
        return None
    if not _USER_ID.match(value):
        raise InputError("matrix.bad_user_id", handle=handle)
    return value


def normalise_room(room: str | None) -> str:
    value = (room or "").strip()
    if not value:
        raise InputError("matrix.room_required")
    if not _ROOM.match(value):
        raise InputError("matrix.bad_room", room=room)
    return value


def txn_id(key: str, part: str) -> str:
    """The transaction id of one event of a delivery: the same key and part always give the same id."""
    return "pub-" + hashlib.sha256(f"{key}\n{part}".encode()).hexdigest()[:40]


def matrix_to(room: str, event_id: str | None = None) -> str:
    url = "https://matrix.to/#/" + quote(room, safe="!#:@")
    return url + "/" + quote(event_id, safe="$:") if event_id else url


# -- HTTP --------------------------------------------------------------------------------------------------------


class _Borrowed(httpx.BaseTransport):
    """An injected transport, used by many short-lived clients and closed by none of them."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.inner.handle_request(request)

    def close(self) -> None:
        pass


class _MatrixHttp(HttpClient):
    """Requests to one homeserver with Matrix's error mapping.

    The shared client maps every 403 to ``AuthExpired``; Matrix answers 403 ``M_FORBIDDEN`` for "not in this
    room", which needs the user to change the channel, not to sign in again, and names its errors in ``errcode``.
    """

    def __init__(self, base_url: str, *, token: str | None, transport: httpx.BaseTransport | None) -> None:
        super().__init__(base_url, token=token, transport=transport)

    def _check_status(self, method: str, response: httpx.Response) -> None:
        if not 200 <= response.status_code < 300:
            raise self._error(response, in_room="/rooms/" in response.request.url.path)

    def json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        return parse_json_object(self.request(method, path, **kwargs), path)

    def _error(self, response: httpx.Response, *, in_room: bool) -> Exception:
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = None
        body = body if isinstance(body, dict) else {}
        errcode = str(body.get("errcode") or "")
        params: dict[str, Any] = {"host": self.host, "status": status}
        if errcode:
            params["errcode"] = errcode
        params["message"] = str(body.get("error") or response.reason_phrase)[:MAX_MESSAGE]
        if status == 429 or errcode == "M_LIMIT_EXCEEDED":
            wait: float | None = None
            if isinstance(body.get("retry_after_ms"), int | float):
                wait = max(float(body["retry_after_ms"]) / 1000.0, 0.0)
            if wait is None:
                wait = parse_reset(response.headers.get("retry-after"), time.time())
            return RateLimited("channel.rate_limited", retry_after=wait if wait is not None else DEFAULT_RETRY_AFTER)
        if status == 401 or errcode in ("M_UNKNOWN_TOKEN", "M_MISSING_TOKEN", "M_USER_LOCKED"):
            return AuthExpired("channel.auth_expired", soft_logout=bool(body.get("soft_logout")), **params)
        if errcode == "M_USER_DEACTIVATED":
            return AuthExpired("channel.auth_expired", **params)
        if status == 403 and in_room:
            return Rejected("matrix.not_in_room", **params)
        if status == 403:
            return Rejected("matrix.forbidden", **params)
        if status == 413 or errcode == "M_TOO_LARGE":
            return Rejected("matrix.too_large", **params)
        if status >= 500:
            return Transient("channel.server_error", **params)
        if 300 <= status < 400:
            return Rejected("channel.unexpected_redirect", location=response.headers.get("location", ""), **params)
        if status == 404:
            return Rejected("channel.remote_not_found", **params)
        return Rejected("matrix.rejected", **params)


# -- the connector ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Message:
    body: str
    format: str | None
    formatted_body: str | None

    def content(self) -> dict[str, Any]:
        content: dict[str, Any] = {"msgtype": "m.text", "body": self.body}
        if self.format and self.formatted_body:
            content["format"] = self.format
            content["formatted_body"] = self.formatted_body
        return content


class MatrixConnector:
    def __init__(
        self, config: ChannelConfig, token: str, *, transport: httpx.BaseTransport | None, clock: Clock
    ) -> None:
        if not config.base_url:
            raise InputError("matrix.url_required")
        self.config = config
        self.room = normalise_room(str(config.settings.get("room") or ""))
        self.http = _MatrixHttp(config.base_url, token=token, transport=transport)
        self.clock = clock
        self._room_id: str | None = self.room if self.room.startswith("!") else None
        self._user_id: str | None = None

    # -- protocol ------------------------------------------------------------------------------------------

    def verify(self) -> VerifyResult:
        whoami = self.http.json("GET", f"{CLIENT}/account/whoami")
        user_id = str(whoami.get("user_id") or "")
        if not user_id:
            raise Rejected("channel.unexpected_response", endpoint="whoami")
        if self.config.handle and self.config.handle != user_id:
            raise Rejected("matrix.wrong_account", expected=self.config.handle, actual=user_id)
        self._user_id = user_id
        room_id = self._room()
        joined = self.http.json("GET", f"{CLIENT}/joined_rooms").get("joined_rooms") or []
        if room_id not in joined:
            raise Rejected("matrix.not_in_room", room=self.room)
        delay = self._max_delay_ms()
        details: dict[str, Any] = {
            "user_id": user_id,
            "device_id": whoami.get("device_id"),
            "room_id": room_id,
            "upload_size": self._upload_size(),
            "max_delay_ms": delay,
            "server_scheduling": bool(delay),
        }
        return VerifyResult(account=user_id, details=details)

    def publish(self, request: PublishRequest) -> PublishResult:
        message = self._render(request.text, request)
        if not message.body.strip() and not request.media:
            raise Rejected("matrix.empty_message")
        room_id = self._room()
        event_id = ""
        for n, item in enumerate(request.media, start=1):
            content = self._image_content(item, request.frame)
            event_id = self._send(room_id, content, txn_id(request.key, f"m{n}"))
        if message.body.strip():
            event_id = self._send(room_id, message.content(), txn_id(request.key, "t"))
        return PublishResult(remote_id=event_id, remote_url=matrix_to(room_id, event_id))

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        """The event of ``request`` among the room's last 50: by our transaction id, else by the exact body."""
        room_id = self._room()
        me = self._me()
        message = self._render(request.text, request)
        wanted_txns = {txn_id(request.key, "t")} if message.body.strip() else set()
        if not wanted_txns and request.media:
            wanted_txns = {txn_id(request.key, f"m{len(request.media)}")}
        chunk = self.http.json(
            "GET", f"{CLIENT}/rooms/{_q(room_id)}/messages", params={"dir": "b", "limit": PAGE_SIZE}
        ).get("chunk")
        mine = [e for e in chunk or [] if isinstance(e, dict) and e.get("sender") == me]
        for event in mine:
            if (event.get("unsigned") or {}).get("transaction_id") in wanted_txns:
                return self._result(room_id, event)
        if message.body.strip():
            for event in mine:
                content = event.get("content") or {}
                if event.get("type") == "m.room.message" and _same_text(str(content.get("body") or ""), message.body):
                    return self._result(room_id, event)
        return None

    # -- optional capabilities -----------------------------------------------------------------------------

    def fetch_inbox(self, cursor: str | None = None) -> InboxPage:
        """Messages in the room from anyone but us, newest first; ``cursor`` is the server's ``end`` token.

        Edits and deletions come back under the id of the message they change, so the inbox updates its copy: a
        message shows its latest edit (``m.replace`` by the same sender, which the server bundles with the
        original) and a redacted message comes as ``deleted``. An edit or redaction whose message lies on an older
        page is resolved by fetching that message and listed at the time of the change, keeping the page newest
        first. A message that mentions the account (``m.mentions`` or its id in the text) is a ``mention``.
        """
        room_id = self._room()
        me = self._me()
        params: dict[str, Any] = {"dir": "b", "limit": PAGE_SIZE}
        if cursor:
            params["from"] = cursor
        page = self.http.json("GET", f"{CLIENT}/rooms/{_q(room_id)}/messages", params=params)
        chunk = [e for e in page.get("chunk") or [] if isinstance(e, dict)]
        on_page = {str(e.get("event_id")) for e in chunk if e.get("type") == "m.room.message"}
        items: dict[str, InboxItem] = {}
        for event in chunk:
            target = _changed_event(event)
            if target is not None:
                if target in on_page or target in items:
                    continue  # the message itself is on this page, edited or redacted
                original = self._event(room_id, target)
                if original is None:
                    continue
                item = self._inbox_item(room_id, original, me, changed_at=_timestamp(event.get("origin_server_ts")))
            elif event.get("type") == "m.room.message":
                item = self._inbox_item(room_id, event, me)
            else:
                continue
            if item is not None:
                items.setdefault(item.remote_id, item)
        end = page.get("end")
        return InboxPage(items=tuple(items.values()), next_cursor=str(end) if end and chunk else None)

    def _inbox_item(
        self, room_id: str, event: dict[str, Any], me: str, *, changed_at: datetime | None = None
    ) -> InboxItem | None:
        """``event`` (an ``m.room.message``, perhaps redacted) as the inbox sees it; None for ours and non-messages."""
        sender = event.get("sender")
        if event.get("type") != "m.room.message" or not isinstance(sender, str) or sender == me:
            return None
        event_id = str(event.get("event_id") or "")
        if not event_id:
            return None
        created_at = changed_at or _timestamp(event.get("origin_server_ts"))
        base = InboxItem(
            remote_id=event_id,
            kind="message",
            author=sender,
            author_name=sender[1:].split(":", 1)[0],
            text="",
            created_at=created_at,
            url=matrix_to(room_id, event_id),
        )
        content = event.get("content")
        unsigned = _dict(event.get("unsigned"))
        if not isinstance(content, dict) or "body" not in content or unsigned.get("redacted_because"):
            return replace(base, deleted=True)  # redacted: the content is gone
        relates = _dict(content.get("m.relates_to"))
        if relates.get("rel_type") == "m.replace":
            return None  # an edit event on its own (the bundled one is read with its original)
        reply_to = (relates.get("m.in_reply_to") or {}).get("event_id") or (
            relates.get("event_id") if relates.get("rel_type") == "m.thread" else None
        )
        shown = _latest_content(event)
        body = str(shown.get("body") or "")
        html = _html_of(shown)
        if reply_to:
            kind = "reply"
        elif _mentions(shown, me) or _mentions(content, me):
            kind = "mention"
        else:
            kind = "message"
        return replace(
            base,
            kind=kind,
            text=strip_reply_fallback(body),
            html=html,
            in_reply_to_id=str(reply_to) if reply_to else None,
        )

    def _event(self, room_id: str, event_id: str) -> dict[str, Any] | None:
        """One event of the room (with its bundled edit), or None where the server no longer shows it."""
        try:
            return self.http.json("GET", f"{CLIENT}/rooms/{_q(room_id)}/event/{_q(event_id)}")
        except Rejected as exc:
            if exc.code in ("channel.remote_not_found", "matrix.not_in_room"):
                return None
            raise

    def reply(self, to_remote_id: str, text: str) -> PublishResult:
        """Answer ``to_remote_id`` in its thread (a new thread rooted at it if it is in none)."""
        message = self._render(text, None)
        if not message.body.strip():
            raise InputError("matrix.empty_message")
        room_id = self._room()
        original = self.http.json("GET", f"{CLIENT}/rooms/{_q(room_id)}/event/{_q(to_remote_id)}")
        relates = (original.get("content") or {}).get("m.relates_to") or {}
        root = str(relates["event_id"]) if relates.get("rel_type") == "m.thread" and relates.get("event_id") else None
        content = message.content()
        content["m.relates_to"] = {
            "rel_type": "m.thread",
            "event_id": root or to_remote_id,
            "is_falling_back": root is None,
            "m.in_reply_to": {"event_id": to_remote_id},
        }
        # The same answer to the same message twice (a double click) is one event.
        event_id = self._send(room_id, content, txn_id(f"reply\n{to_remote_id}", message.body))
        return PublishResult(remote_id=event_id, remote_url=matrix_to(room_id, event_id))

    def fetch_metrics(self, remote_ids: Sequence[str]) -> dict[str, Metrics]:
        """Thread replies (server aggregation) and reactions (``m.annotation`` relations, up to 500 counted)."""
        room_id = self._room()
        metrics: dict[str, Metrics] = {}
        for remote_id in remote_ids:
            try:
                event = self.http.json("GET", f"{CLIENT}/rooms/{_q(room_id)}/event/{_q(remote_id)}")
            except Rejected as exc:
                if exc.code == "channel.remote_not_found":
                    continue
                raise
            thread = ((event.get("unsigned") or {}).get("m.relations") or {}).get("m.thread") or {}
            replies = thread.get("count") if isinstance(thread.get("count"), int) else 0
            metrics[remote_id] = Metrics(replies=replies, likes=self._reactions(room_id, remote_id))
        return metrics

    def schedule(self, request: PublishRequest, at: datetime) -> PublishResult:
        """A delayed event (MSC4140): the homeserver sends the message at ``at``; the result's id is the delay id."""
        if at.tzinfo is None:
            raise InputError("time.naive", value=at.isoformat())
        if request.media:
            raise Rejected("matrix.schedule_media", count=len(request.media))
        message = self._render(request.text, request)
        if not message.body.strip():
            raise Rejected("matrix.empty_message")
        max_delay = self._max_delay_ms()
        if not max_delay:
            raise Rejected("matrix.scheduling_unsupported", host=self.http.host)
        delay = max(int((at - self.clock.now()).total_seconds() * 1000), 0)
        if delay > max_delay:
            raise Rejected("matrix.schedule_too_far", hours=round(max_delay / 3_600_000, 1))
        room_id = self._room()
        txn = txn_id(request.key, "scheduled")
        try:
            body = self.http.json(
                "PUT",
                f"{CLIENT}/rooms/{_q(room_id)}/send/m.room.message/{txn}",
                params={DELAY_PARAM: delay},
                json_body=message.content(),
            )
        except Rejected as exc:
            if exc.params.get("errcode") == "ORG.MATRIX.MSC4140_DELAY_TOO_LARGE":
                raise Rejected("matrix.schedule_too_far", hours=round(max_delay / 3_600_000, 1)) from None
            if exc.params.get("errcode") == "M_UNRECOGNIZED":
                raise Rejected("matrix.scheduling_unsupported", host=self.http.host) from None
            raise
        delay_id = body.get("delay_id")
        if not delay_id:
            # The server ignored the delay and sent the message now: it is published, not scheduled.
            raise Rejected("matrix.schedule_ignored", event_id=str(body.get("event_id") or ""))
        return PublishResult(remote_id=str(delay_id), remote_url=None)

    def cancel_scheduled(self, remote_id: str) -> None:
        try:
            self.http.request("POST", f"{DELAYED}/{_q(remote_id)}", json_body={"action": "cancel"})
        except Rejected as exc:
            if exc.code == "channel.remote_not_found" and exc.params.get("errcode") == "M_UNRECOGNIZED":
                raise Rejected("matrix.scheduling_unsupported", host=self.http.host) from None
            if exc.code == "channel.remote_not_found":
                raise Rejected("matrix.scheduled_not_found", delay_id=remote_id) from None
            raise

    # -- helpers -------------------------------------------------------------------------------------------

    def _me(self) -> str:
        if self._user_id is None:
            user_id = self.http.json("GET", f"{CLIENT}/account/whoami").get("user_id")
            if not user_id:
                raise Rejected("channel.unexpected_response", endpoint="whoami")
            self._user_id = str(user_id)
        return self._user_id

    def _room(self) -> str:
        if self._room_id is None:
            body = self.http.json("GET", f"{CLIENT}/directory/room/{_q(self.room)}")
            room_id = body.get("room_id")
            if not room_id:
                raise Rejected("channel.unexpected_response", endpoint="directory/room")
            self._room_id = str(room_id)
        return self._room_id

    def _render(self, text: str, request: PublishRequest | None) -> _Message:
        from publisher.text import UtmTemplate, render

        template = UtmTemplate.from_mapping(request.utm) if request is not None else None
        rendered = render(
            text,
            "matrix",
            utm=template,
            campaign=request.campaign if request else "",
            channel=request.channel_name if request else self.config.name,
        )
        part = rendered.parts[0]
        return _Message(
            body=part.text,
            format=part.fields.get("format"),
            formatted_body=part.fields.get("formatted_body"),
        )

    def _send(self, room_id: str, content: dict[str, Any], txn: str) -> str:
        body = self.http.json("PUT", f"{CLIENT}/rooms/{_q(room_id)}/send/m.room.message/{txn}", json_body=content)
        event_id = body.get("event_id")
        if not event_id:
            raise Rejected("channel.unexpected_response", endpoint="send")
        return str(event_id)

    def _image_content(self, item: MediaItem, frame: dict[str, Any] | None) -> dict[str, Any]:
        data = media_bytes(item, frame, missing_code="matrix.media_missing")
        upload = self.http.json(
            "POST",
            "/_matrix/media/v3/upload",
            params={"filename": item.filename},
            content=data,
            headers={"Content-Type": item.mime_type},
        )
        uri = upload.get("content_uri")
        if not uri:
            raise Rejected("channel.unexpected_response", endpoint="media upload")
        info: dict[str, Any] = {"mimetype": item.mime_type, "size": len(data)}
        size = _image_size(data)
        if size:
            info["w"], info["h"] = size
        major = item.mime_type.split("/", 1)[0]
        msgtype = {"image": "m.image", "video": "m.video"}.get(major, "m.file")
        return {
            "msgtype": msgtype,
            "body": item.alt_text or item.filename,
            "filename": item.filename,
            "url": str(uri),
            "info": info,
        }

    def _upload_size(self) -> int | None:
        for path in ("/_matrix/client/v1/media/config", "/_matrix/media/v3/config"):
            try:
                size = self.http.json("GET", path).get("m.upload.size")
            except Rejected:
                continue
            return int(size) if isinstance(size, int) else None
        return None

    def _max_delay_ms(self) -> int:
        """The longest delay the server accepts for a delayed event; 0 where it has none (or does not say)."""
        try:
            capabilities = self.http.json("GET", f"{CLIENT}/capabilities").get("capabilities") or {}
        except Rejected:
            return 0
        value = (capabilities.get(DELAY_CAPABILITY) or {}).get("max_delay_ms")
        return int(value) if isinstance(value, int) and value > 0 else 0

    def _reactions(self, room_id: str, event_id: str) -> int:
        total = 0
        token: str | None = None
        for _ in range(REACTION_PAGES):
            params: dict[str, Any] = {"limit": PAGE_SIZE}
            if token:
                params["from"] = token
            page = self.http.json(
                "GET",
                f"/_matrix/client/v1/rooms/{_q(room_id)}/relations/{_q(event_id)}/m.annotation/m.reaction",
                params=params,
            )
            total += sum(1 for e in page.get("chunk") or [] if isinstance(e, dict))
            token = page.get("next_batch")
            if not token:
                break
        return total

    @staticmethod
    def _result(room_id: str, event: dict[str, Any]) -> PublishResult:
        event_id = str(event.get("event_id"))
        return PublishResult(remote_id=event_id, remote_url=matrix_to(room_id, event_id))


# -- small functions ------------------------------------------------------------------------------------------


def _q(value: str) -> str:
    return quote(value, safe="")


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _changed_event(event: dict[str, Any]) -> str | None:
    """The message an edit (``m.replace``) or a redaction changes; None for any other event."""
    if event.get("type") == "m.room.redaction":
        content = _dict(event.get("content"))
        target = event.get("redacts") or content.get("redacts")  # top level before room version 11, content since
        return str(target) if isinstance(target, str) and target else None
    if event.get("type") == "m.room.message":
        content = _dict(event.get("content"))
        relates = _dict(content.get("m.relates_to"))
        target = relates.get("event_id")
        if relates.get("rel_type") == "m.replace" and isinstance(target, str) and target:
            return target
    return None


def _latest_content(event: dict[str, Any]) -> dict[str, Any]:
    """What a message says now: the ``m.new_content`` of its latest edit by the same sender, else its content.

    The server bundles the latest edit in ``unsigned["m.relations"]["m.replace"]`` (client-server API, "Event
    replacements"); an edit by anyone else is ignored, as the specification requires.
    """
    content: dict[str, Any] = _dict(event.get("content"))
    unsigned = _dict(event.get("unsigned"))
    relations = _dict(unsigned.get("m.relations"))
    edit = relations.get("m.replace")
    if not isinstance(edit, dict) or edit.get("sender") != event.get("sender"):
        return content
    edit_content = _dict(edit.get("content"))
    new = edit_content.get("m.new_content")
    if isinstance(new, dict) and isinstance(new.get("body"), str):
        return new
    return content


_MX_REPLY = re.compile(r"<mx-reply>.*?</mx-reply>", re.DOTALL | re.IGNORECASE)


def _html_of(content: dict[str, Any]) -> str | None:
    """The message's HTML (``org.matrix.custom.html``) without the quoted reply fallback; the inbox sanitises it."""
    if content.get("format") != "org.matrix.custom.html":
        return None
    formatted = content.get("formatted_body")
    if not isinstance(formatted, str):
        return None
    html = _MX_REPLY.sub("", formatted).strip()
    return html or None


def _mentions(content: dict[str, Any], me: str) -> bool:
    """Whether the message names ``me``: in ``m.mentions`` (intentional mentions), its text or a matrix.to link."""
    mentions = _dict(content.get("m.mentions"))
    user_ids = mentions.get("user_ids")
    if isinstance(user_ids, list) and me in user_ids:
        return True
    body = content.get("body")
    formatted = content.get("formatted_body")
    return (isinstance(body, str) and me in body) or (
        isinstance(formatted, str) and ("matrix.to/#/" + me in formatted or "matrix.to/#/" + quote(me) in formatted)
    )


def strip_reply_fallback(body: str) -> str:
    """The body without the ``> <@user> quoted`` lines older clients put in front of a reply."""
    lines = body.split("\n")
    if not lines or not lines[0].startswith("> "):
        return body
    n = 0
    while n < len(lines) and lines[n].startswith(">"):
        n += 1
    return "\n".join(lines[n:]).lstrip("\n")


def _timestamp(value: object) -> datetime:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value / 1000, UTC)
    return datetime.fromtimestamp(0, UTC)


def _image_size(data: bytes) -> tuple[int, int] | None:
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            return int(width), int(height)
    except (UnidentifiedImageError, OSError, ValueError):
        return None


# -- the kind ----------------------------------------------------------------------------------------------------


class MatrixKind:
    kind = "matrix"
    display_name = "Matrix"
    # "path" carries the room (id or alias) until channels have a field of their own for it (CLI: --room).
    fields: tuple[FieldSpec, ...] = (
        FieldSpec("url", required=True),
        FieldSpec("handle", required=False),
        FieldSpec("path", required=True),
    )
    needs_secret = True  # an access token (see exchange_secret for a password)
    idempotent_publish = True  # txnId derived from the delivery key
    capabilities = Capabilities(inbox=True, metrics=True, server_scheduling=True, threads=False, media=True)

    def __init__(self, *, transport: httpx.BaseTransport | None = None, clock: Clock | None = None) -> None:
        self.transport = transport
        self.clock: Clock = clock or SystemClock()

    def validate(
        self, *, base_url: str | None, handle: str | None, path: str | None
    ) -> tuple[str | None, str | None, dict[str, Any]]:
        """``path`` is the room: ``!roomid:server`` or ``#alias:server``."""
        return normalise_homeserver_url(base_url), normalise_user_id(handle), {"room": normalise_room(path)}

    def exchange_secret(self, *, base_url: str, handle: str | None, secret: str) -> str:
        """The secret to store: the access token itself, or for ``password:<pw>`` the token a login returns.

        Logs in with ``m.login.password`` as ``handle`` (needed then) under the device name "Publisher".
        """
        if not secret.startswith(PASSWORD_PREFIX):
            return secret
        user = normalise_user_id(handle)
        if user is None:
            raise InputError("matrix.login_needs_handle")
        http = _MatrixHttp(normalise_homeserver_url(base_url), token=None, transport=self.transport)
        try:
            body = http.json(
                "POST",
                f"{CLIENT}/login",
                json_body={
                    "type": "m.login.password",
                    "identifier": {"type": "m.id.user", "user": user},
                    "password": secret[len(PASSWORD_PREFIX) :],
                    "initial_device_display_name": "Publisher",
                },
            )
        except (Rejected, AuthExpired) as exc:
            if exc.params.get("errcode") in ("M_FORBIDDEN", "M_UNKNOWN", "M_INVALID_USERNAME"):
                raise InputError("matrix.login_failed", user=user) from None
            raise
        token = body.get("access_token")
        if not token:
            raise Rejected("channel.unexpected_response", endpoint="login")
        return str(token)

    def connect(self, config: ChannelConfig, secret: str | None) -> MatrixConnector:
        if not secret:
            raise InputError("channel.secret_required", kind=self.kind)
        if secret.startswith(PASSWORD_PREFIX):
            raise InputError("matrix.password_not_exchanged")
        return MatrixConnector(config, secret, transport=self.transport, clock=self.clock)
