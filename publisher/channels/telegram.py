"""Telegram channels through the Bot API: text (HTML parse mode), photos and albums, discussion comments, replies.

Secret: the bot token from @BotFather (``123456:ABC…``); it never expires and goes only into the URL path
(``/bot<token>/<method>``, as the Bot API requires), never into an error's parameters. The bot must be an admin of
the channel with the right to post. ``handle`` is the channel: ``@channelname`` or its numeric id (``-100…``).

Idempotency: the Bot API has none, and a bot can neither read a channel's history nor receive updates about its
own messages, so :meth:`TelegramConnector.find_published` cannot look a post up and answers ``None``. The engine
then marks an interrupted delivery ``unconfirmed`` and never resends it blindly (``idempotent_publish = False``).

Metrics: bots are not shown view counts; only anonymous reaction counts arrive, as ``message_reaction_count``
updates, delayed and mixed into the same ``getUpdates`` stream as the inbox (reading them would acknowledge inbox
updates). So the kind declares no metrics capability and has no ``fetch_metrics``.

Facts and sources: ``channels.md`` section 8 (core.telegram.org/bots/api).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from typing import Any

import httpx

from publisher.channels._fields import as_dict as _dict
from publisher.channels._http import HttpClient, RateGuard, check_url, parse_json
from publisher.channels._media import media_bytes
from publisher.channels.protocol import (
    Capabilities,
    ChannelConfig,
    FieldSpec,
    InboxItem,
    InboxPage,
    PublishRequest,
    PublishResult,
    VerifyResult,
)
from publisher.errors import AuthExpired, InputError, RateLimited, Rejected, Transient

DEFAULT_API = "https://api.telegram.org"
MAX_CHARACTERS = 4096  # a message's text after entity parsing
MAX_CAPTION = 1024  # a photo's or album's caption
MAX_MEDIA = 10  # sendMediaGroup takes 2-10 items
PAGE_SIZE = 100  # getUpdates limit
ALLOWED_UPDATES = ("channel_post", "message")

_TOKEN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{20,100}$")
_USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")
_CHAT_ID = re.compile(r"^-?\d{1,20}$")
_LINK = re.compile(r"^(?:https?://)?(?:t\.me|telegram\.me)/([A-Za-z0-9_]+)/?$", re.IGNORECASE)
_NOT_ADMIN = ("not a member", "kicked", "not enough rights", "administrator", "have no rights", "need admin")


def normalise_handle(handle: str | None) -> str:
    """``@channelname`` (also from ``channelname`` or ``https://t.me/channelname``) or a numeric chat id."""
    raw = (handle or "").strip()
    if not raw:
        raise InputError("telegram.handle_required")
    if _CHAT_ID.fullmatch(raw):
        return raw
    if match := _LINK.fullmatch(raw):
        raw = match[1]
    name = raw.removeprefix("@")
    if not _USERNAME.fullmatch(name):
        raise InputError("telegram.bad_handle", handle=handle)
    return "@" + name


def check_token(token: str | None) -> str:
    """The bot token, stripped, if it has the ``<bot id>:<secret>`` shape (it goes into a URL path)."""
    value = (token or "").strip()
    if not _TOKEN.fullmatch(value):
        raise InputError("telegram.bad_token")
    return value


class TelegramHttp(HttpClient):
    """The shared client with the Bot API's error body mapped: ``{"ok": false, "error_code", "description"}``."""

    def __init__(self, base_url: str, token: str, *, transport: httpx.BaseTransport | None, guard: RateGuard) -> None:
        super().__init__(base_url, transport=transport, guard=guard)
        self._prefix = f"/bot{token}"
        bot_id = token.split(":", 1)[0]  # the public part: enough to key the rate guard per bot
        self._guard_key = f"{self.host}:bot{hashlib.sha256(bot_id.encode()).hexdigest()[:16]}"
        self.chat = ""

    def call(self, method: str, *, read: bool = False, **kwargs: Any) -> Any:
        """Call a Bot API method; its ``result``. ``read``: a GET (a lost answer cannot have changed anything)."""
        response = self.request("GET" if read else "POST", f"{self._prefix}/{method}", **kwargs)
        body = parse_json(response)
        if not isinstance(body, dict) or body.get("ok") is not True or "result" not in body:
            self._raise(response.status_code, body if isinstance(body, dict) else {})
        return body["result"]

    def _check_status(self, method: str, response: httpx.Response) -> None:
        if 200 <= response.status_code < 300:
            return
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            super()._check_status(method, response)
            return
        self._raise(response.status_code, body)

    def _raise(self, status: int, body: dict[str, Any]) -> None:
        error_code = body.get("error_code")
        code = error_code if isinstance(error_code, int) else status
        description = str(body.get("description") or "")[:500]
        parameters = _dict(body.get("parameters"))
        lowered = description.lower()
        if code == 429:
            wait = parameters.get("retry_after")
            retry_after = float(wait) if isinstance(wait, int | float) and not isinstance(wait, bool) else 60.0
            raise RateLimited("channel.rate_limited", retry_after=retry_after)
        if code in (401, 404):  # 404: a malformed or unknown token ("Not Found" for the whole /bot<token>/ path)
            raise AuthExpired("telegram.token_revoked", message=description)
        if "chat not found" in lowered:
            raise Rejected("telegram.chat_not_found", chat=self.chat)
        if code == 403 or (code == 400 and any(hint in lowered for hint in _NOT_ADMIN)):
            raise Rejected("telegram.not_admin", chat=self.chat, message=description)
        if "migrate_to_chat_id" in parameters:
            raise Rejected("telegram.chat_migrated", chat=self.chat, new_id=str(parameters["migrate_to_chat_id"]))
        if code >= 500:
            raise Transient("channel.server_error", host=self.host, status=code)
        raise Rejected("telegram.rejected", status=code, message=description or str(body.get("message") or ""))


class TelegramConnector:
    def __init__(
        self, config: ChannelConfig, token: str, *, transport: httpx.BaseTransport | None, guard: RateGuard
    ) -> None:
        self.config = config
        self.chat = normalise_handle(config.handle)
        self.http = TelegramHttp(config.base_url or DEFAULT_API, token, transport=transport, guard=guard)
        self.http.chat = self.chat
        self._bot: dict[str, Any] | None = None

    # -- protocol -------------------------------------------------------------------------------

    def verify(self) -> VerifyResult:
        bot = self._me()
        chat = self.http.call("getChat", read=True, params={"chat_id": self.chat})
        if not isinstance(chat, dict) or "id" not in chat:
            raise Rejected("channel.unexpected_response", endpoint="getChat")
        try:
            member = self.http.call("getChatMember", read=True, params={"chat_id": self.chat, "user_id": bot["id"]})
        except Rejected as exc:
            if exc.code != "telegram.not_admin":
                raise
            member = {}
        status = str(member.get("status") or "") if isinstance(member, dict) else ""
        is_admin = status in ("administrator", "creator")
        can_post = is_admin and (status == "creator" or member.get("can_post_messages") is not False)
        details: dict[str, Any] = {
            "bot_id": str(bot["id"]),
            "bot_username": str(bot.get("username") or ""),
            "chat_id": str(chat["id"]),
            "chat_title": str(chat.get("title") or ""),
            "chat_type": str(chat.get("type") or ""),
            "chat_username": str(chat.get("username") or ""),
            "is_admin": is_admin,
            "can_post_messages": bool(can_post),
            "max_characters": MAX_CHARACTERS,
            "max_caption_characters": MAX_CAPTION,
            "max_media_attachments": MAX_MEDIA,
        }
        account = f"@{chat['username']}" if chat.get("username") else str(chat.get("title") or chat["id"])
        return VerifyResult(account=account, details=details)

    def publish(self, request: PublishRequest) -> PublishResult:
        text, length = self._render(request.text, request)
        if length > MAX_CHARACTERS:
            raise Rejected("telegram.too_long", length=length, max=MAX_CHARACTERS)
        media = list(request.media)
        if len(media) > MAX_MEDIA:
            raise Rejected("telegram.too_many_media", count=len(media), max=MAX_MEDIA)
        for item in media:
            if not item.mime_type.startswith("image/"):
                raise Rejected("telegram.unsupported_media", filename=item.filename, mime_type=item.mime_type)
        if not media:
            if not text.strip():
                raise Rejected("telegram.empty_message")
            return self._result(self._send_message(text))
        caption = text if text.strip() and length <= MAX_CAPTION else ""
        files = [
            (item.filename, media_bytes(item, request.frame, missing_code="telegram.media_missing"), item.mime_type)
            for item in media
        ]
        if len(files) == 1:
            data: dict[str, Any] = {"chat_id": self.chat}
            if caption:
                data.update(caption=caption, parse_mode="HTML")
            first = self.http.call("sendPhoto", data=data, files={"photo": files[0]})
        else:
            items: list[dict[str, Any]] = []
            for n in range(len(files)):
                entry: dict[str, Any] = {"type": "photo", "media": f"attach://photo{n}"}
                if n == 0 and caption:
                    entry.update(caption=caption, parse_mode="HTML")
                items.append(entry)
            album = self.http.call(
                "sendMediaGroup",
                data={"chat_id": self.chat, "media": json.dumps(items)},
                files={f"photo{n}": f for n, f in enumerate(files)},
            )
            first = album[0] if isinstance(album, list) and album else album
        if caption or not text.strip():
            return self._result(first)
        return self._result(self._send_message(text))  # too long for a caption: the photos, then the text

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        """Always ``None``: a bot cannot read its channel's history, nor get updates about its own posts."""
        return None

    # -- inbox ----------------------------------------------------------------------------------

    def fetch_inbox(self, cursor: str | None = None) -> InboxPage:
        """New channel posts and discussion comments not sent by this bot, oldest first.

        ``cursor`` is a ``getUpdates`` offset; passing it acknowledges every earlier update (Telegram then
        forgets them). The next cursor is the last update's id + 1, or ``None`` when no update came.
        """
        bot_id = self._me()["id"]
        params: dict[str, Any] = {"limit": PAGE_SIZE, "timeout": 0, "allowed_updates": json.dumps(ALLOWED_UPDATES)}
        if cursor:
            params["offset"] = cursor
        updates = self.http.call("getUpdates", read=True, params=params)
        items: list[InboxItem] = []
        last: int | None = None
        for update in updates if isinstance(updates, list) else []:
            if isinstance(update.get("update_id"), int):
                last = update["update_id"] if last is None else max(last, update["update_id"])
            if isinstance(update.get("channel_post"), dict):
                item = self._inbox_item(update["channel_post"], "message", bot_id)
            elif isinstance(update.get("message"), dict):
                item = self._inbox_item(update["message"], "comment", bot_id)
            else:
                item = None
            if item is not None:
                items.append(item)
        return InboxPage(items=tuple(items), next_cursor=str(last + 1) if last is not None else None)

    def reply(self, to_remote_id: str, text: str) -> PublishResult:
        """Answer a message: ``to_remote_id`` is ``<chat id>:<message id>`` (an inbox item) or a channel post id."""
        chat, _, message_id = to_remote_id.rpartition(":")
        if not message_id.isdigit():
            raise InputError("telegram.bad_message_id", remote_id=to_remote_id)
        rendered, _ = self._render(text, None)
        if not rendered.strip():
            raise InputError("telegram.empty_message")
        message = self._send_message(rendered, chat=chat or self.chat, reply_to=int(message_id))
        return self._result(message)

    # -- helpers --------------------------------------------------------------------------------

    def _me(self) -> dict[str, Any]:
        if self._bot is None:
            bot = self.http.call("getMe", read=True)
            if not isinstance(bot, dict) or "id" not in bot:
                raise Rejected("channel.unexpected_response", endpoint="getMe")
            self._bot = bot
        return self._bot

    def _render(self, markdown: str, request: PublishRequest | None) -> tuple[str, int]:
        from publisher.text import UtmTemplate, render

        template = UtmTemplate.from_mapping(request.utm) if request is not None else None
        rendered = render(
            markdown,
            "telegram",
            utm=template,
            campaign=request.campaign if request else "",
            channel=request.channel_name if request else "",
        )
        part = rendered.parts[0]
        return part.text, part.count.length

    def _send_message(self, text: str, *, chat: str | None = None, reply_to: int | None = None) -> Any:
        body: dict[str, Any] = {
            "chat_id": chat or self.chat,
            "text": text,
            "parse_mode": "HTML",
            "link_preview_options": {"is_disabled": bool(self.config.settings.get("disable_link_preview"))},
        }
        if reply_to is not None:
            body["reply_parameters"] = {"message_id": reply_to}
        return self.http.call("sendMessage", json_body=body)

    def _result(self, message: Any) -> PublishResult:
        if not isinstance(message, dict) or "message_id" not in message:
            raise Rejected("channel.unexpected_response", endpoint="sendMessage")
        chat = _dict(message.get("chat"))
        username = chat.get("username") or (self.chat[1:] if self.chat.startswith("@") else None)
        message_id = str(message["message_id"])
        url = f"https://t.me/{username}/{message_id}" if username else None
        return PublishResult(remote_id=message_id, remote_url=url)

    def _inbox_item(self, message: dict[str, Any], kind: str, bot_id: object) -> InboxItem | None:
        sender = _dict(message.get("from"))
        if sender.get("id") == bot_id or message.get("is_automatic_forward"):
            return None  # our own message, or our channel post mirrored into the discussion group
        chat = _dict(message.get("chat"))
        sender_chat = _dict(message.get("sender_chat"))
        if kind == "message" and self.chat not in (str(chat.get("id")), f"@{chat.get('username')}"):
            return None  # a post in another channel the bot administers
        text = message.get("text") or message.get("caption") or ""
        if sender:
            author = f"@{sender['username']}" if sender.get("username") else str(sender.get("id") or "")
            name = " ".join(str(sender.get(k) or "") for k in ("first_name", "last_name")).strip()
        else:
            author = f"@{sender_chat['username']}" if sender_chat.get("username") else str(sender_chat.get("id") or "")
            name = str(sender_chat.get("title") or message.get("author_signature") or "")
        in_reply_to: str | None = None
        original = _dict(message.get("reply_to_message"))
        if original:
            origin = _dict(original.get("forward_origin"))
            forwarded = origin.get("message_id") or original.get("forward_from_message_id")
            in_reply_to = str(forwarded) if forwarded else f"{chat.get('id')}:{original.get('message_id')}"
        username = chat.get("username")
        message_id = message.get("message_id")
        return InboxItem(
            remote_id=f"{chat.get('id')}:{message_id}",
            kind=kind,
            author=author,
            author_name=name or author,
            text=str(text),
            created_at=datetime.fromtimestamp(int(message.get("date") or 0), UTC),
            url=f"https://t.me/{username}/{message_id}" if username else None,
            in_reply_to_id=in_reply_to,
        )


class TelegramKind:
    kind = "telegram"
    display_name = "Telegram"
    fields: tuple[FieldSpec, ...] = (FieldSpec("handle", required=True), FieldSpec("url", required=False))
    needs_secret = True  # the bot token
    idempotent_publish = False  # the Bot API has no idempotency key and find_published cannot look posts up
    capabilities = Capabilities(inbox=True, media=True)

    def __init__(self, *, transport: httpx.BaseTransport | None = None, guard: RateGuard | None = None) -> None:
        self.transport = transport
        self.guard = guard or RateGuard()  # shared by every connector of this kind

    def validate(
        self, *, base_url: str | None, handle: str | None, path: str | None
    ) -> tuple[str | None, str | None, dict[str, Any]]:
        """``handle``: the channel. ``base_url``: another Bot API server (tests, a local ``telegram-bot-api``)."""
        api = check_url((base_url or "").strip().rstrip("/")) if (base_url or "").strip() else DEFAULT_API
        return api, normalise_handle(handle), {}

    def exchange_secret(self, *, base_url: str, handle: str | None, secret: str) -> str:
        """The token to store, checked for its shape when the channel is added."""
        return check_token(secret)

    def connect(self, config: ChannelConfig, secret: str | None) -> TelegramConnector:
        if not secret:
            raise InputError("channel.secret_required", kind=self.kind)
        return TelegramConnector(config, check_token(secret), transport=self.transport, guard=self.guard)
