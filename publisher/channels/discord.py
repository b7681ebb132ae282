"""Discord through an incoming webhook: post-only (text and images with alt text; no inbox, metrics or scheduling).

Secret: the webhook URL (``https://discord.com/api/webhooks/<id>/<token>``, also ``discordapp.com``), created by
the user in the channel's settings. It never expires; when the webhook is deleted Discord answers 401/404 and the
channel needs a new URL (``discord.webhook_gone``). ``handle``, if set, overrides the webhook's display name.

Every message is sent with ``allowed_mentions: {"parse": []}``, so ``@everyone``, ``@here`` and role or user
mentions in a draft never ping anyone, and with ``?wait=true``, so Discord answers with the message it made.

Idempotency: webhooks take no nonce and cannot list the channel's messages (reading one needs its id), so
:meth:`DiscordConnector.find_published` answers ``None`` and the engine marks an interrupted delivery
``unconfirmed`` instead of resending it (``idempotent_publish = False``).

Facts and sources: ``channels.md`` section 9 (Execute Webhook; rate limits).
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

import httpx

from publisher.channels._http import DEFAULT_RETRY_AFTER, HttpClient, RateGuard, parse_reset
from publisher.channels._media import media_bytes
from publisher.channels.protocol import (
    Capabilities,
    ChannelConfig,
    FieldSpec,
    PublishRequest,
    PublishResult,
    VerifyResult,
)
from publisher.errors import AuthExpired, InputError, RateLimited, Rejected

API = "https://discord.com"
MAX_CHARACTERS = 2000
MAX_MEDIA = 10
MAX_USERNAME = 80

_HOSTS = frozenset({"discord.com", "discordapp.com", "www.discord.com", "www.discordapp.com"})
_WEBHOOK_PATH = re.compile(r"^/api(?:/v\d+)?/webhooks/(\d{5,25})/([A-Za-z0-9_-]{20,200})/?$")


def parse_webhook(url: str | None) -> tuple[str, str]:
    """``(webhook id, token)`` of a Discord webhook URL; ``InputError("discord.bad_webhook")`` for anything else."""
    raw = (url or "").strip()
    parts = urlsplit(raw)
    match = _WEBHOOK_PATH.fullmatch(parts.path)
    if parts.scheme != "https" or (parts.hostname or "") not in _HOSTS or parts.port or parts.username or not match:
        raise InputError("discord.bad_webhook")
    if parts.query or parts.fragment:
        raise InputError("discord.bad_webhook")
    return match[1], match[2]


def normalise_webhook(url: str | None) -> str:
    webhook_id, token = parse_webhook(url)
    return f"{API}/api/webhooks/{webhook_id}/{token}"


class DiscordHttp(HttpClient):
    """The shared client with Discord's error bodies mapped (``{"code", "message", "errors"}``; 429 ``retry_after``)."""

    def __init__(self, webhook_id: str, *, transport: httpx.BaseTransport | None, guard: RateGuard) -> None:
        super().__init__(API, transport=transport, guard=guard)
        self._guard_key = f"{self.host}:webhook:{webhook_id}"  # Discord keys limits per webhook

    def _check_status(self, method: str, response: httpx.Response) -> None:
        status = response.status_code
        if 200 <= status < 300:
            return
        try:
            body = response.json()
        except ValueError:
            body = None
        body = body if isinstance(body, dict) else {}
        if status == 429:
            raise RateLimited("channel.rate_limited", retry_after=self._retry_after(response, body))
        if status in (401, 404):
            raise AuthExpired("discord.webhook_gone")
        if status == 413:
            raise Rejected("discord.too_large")
        if status == 400:
            raise Rejected("discord.rejected", status=status, message=_discord_message(body))
        super()._check_status(method, response)

    def _retry_after(self, response: httpx.Response, body: dict[str, Any]) -> float:
        wait = body.get("retry_after")
        if isinstance(wait, int | float) and not isinstance(wait, bool):
            return max(float(wait), 0.0)
        now = self.guard.now()
        for header in ("retry-after", "x-ratelimit-reset-after", "x-ratelimit-reset"):
            seconds = parse_reset(response.headers.get(header), now)
            if seconds is not None:
                return seconds
        return DEFAULT_RETRY_AFTER


def _discord_message(body: dict[str, Any]) -> str:
    """Discord's ``message``, plus the first nested field error (``content: Must be 2000 or fewer in length.``)."""
    message = str(body.get("message") or "")
    stack: list[tuple[str, Any]] = [("", body.get("errors"))]
    while stack:
        where, node = stack.pop(0)
        if not isinstance(node, dict):
            continue
        errors = node.get("_errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            return f"{message}: {where or 'request'}: {errors[0].get('message') or ''}"[:500]
        stack.extend((f"{where}.{key}" if where else str(key), value) for key, value in node.items())
    return message[:500]


class DiscordConnector:
    def __init__(
        self, config: ChannelConfig, webhook: str, *, transport: httpx.BaseTransport | None, guard: RateGuard
    ) -> None:
        self.config = config
        webhook_id, token = parse_webhook(webhook)
        self.path = f"/api/webhooks/{webhook_id}/{token}"
        self.http = DiscordHttp(webhook_id, transport=transport, guard=guard)

    def verify(self) -> VerifyResult:
        """The webhook (``GET`` on its URL needs no other credential): its name, channel and server."""
        webhook = self.http.json("GET", self.path, headers={"Accept": "application/json"})
        if not isinstance(webhook, dict) or "id" not in webhook:
            raise Rejected("channel.unexpected_response", endpoint="webhook")
        details: dict[str, Any] = {
            "webhook_id": str(webhook["id"]),
            "channel_id": str(webhook.get("channel_id") or ""),
            "guild_id": str(webhook.get("guild_id") or ""),
            "max_characters": MAX_CHARACTERS,
            "max_media_attachments": MAX_MEDIA,
            "post_only": True,
        }
        return VerifyResult(account=self.config.handle or str(webhook.get("name") or webhook["id"]), details=details)

    def publish(self, request: PublishRequest) -> PublishResult:
        from publisher.text import UtmTemplate, render

        template = UtmTemplate.from_mapping(request.utm)
        part = render(
            request.text, "discord", utm=template, campaign=request.campaign, channel=request.channel_name
        ).parts[0]
        content = part.text
        if part.count.length > MAX_CHARACTERS:
            raise Rejected("discord.too_long", length=part.count.length, max=MAX_CHARACTERS)
        if len(request.media) > MAX_MEDIA:
            raise Rejected("discord.too_many_media", count=len(request.media), max=MAX_MEDIA)
        if not content.strip() and not request.media:
            raise Rejected("discord.empty_message")
        payload: dict[str, Any] = {"content": content, "allowed_mentions": {"parse": []}}
        if self.config.handle:
            payload["username"] = self.config.handle
        params = {"wait": "true"}
        if request.media:
            attachments: list[dict[str, Any]] = []
            files: list[tuple[str, tuple[str, bytes, str]]] = []
            for n, item in enumerate(request.media):
                attachment: dict[str, Any] = {"id": n, "filename": item.filename}
                if item.alt_text:
                    attachment["description"] = item.alt_text  # the alt text
                attachments.append(attachment)
                files.append(
                    (
                        f"files[{n}]",
                        (
                            item.filename,
                            media_bytes(item, request.frame, missing_code="discord.media_missing"),
                            item.mime_type,
                        ),
                    )
                )
            payload["attachments"] = attachments
            message = self.http.json(
                "POST", self.path, params=params, data={"payload_json": json.dumps(payload)}, files=files
            )
        else:
            message = self.http.json("POST", self.path, params=params, json_body=payload)
        if not isinstance(message, dict) or "id" not in message:
            raise Rejected("channel.unexpected_response", endpoint="execute webhook")
        guild = message.get("guild_id") or self.config.settings.get("guild_id")
        channel = message.get("channel_id")
        url = f"https://discord.com/channels/{guild}/{channel}/{message['id']}" if guild and channel else None
        return PublishResult(remote_id=str(message["id"]), remote_url=url)

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        """Always ``None``: a webhook cannot list the channel's messages."""
        return None


class DiscordKind:
    kind = "discord"
    display_name = "Discord"
    fields: tuple[FieldSpec, ...] = (FieldSpec("handle", required=False),)  # a display name for the posts
    needs_secret = True  # the webhook URL
    idempotent_publish = False  # webhooks take no nonce and cannot read: find_published cannot look posts up
    capabilities = Capabilities(media=True)  # post-only

    def __init__(self, *, transport: httpx.BaseTransport | None = None, guard: RateGuard | None = None) -> None:
        self.transport = transport
        self.guard = guard or RateGuard()

    def validate(
        self, *, base_url: str | None, handle: str | None, path: str | None
    ) -> tuple[str | None, str | None, dict[str, Any]]:
        """``handle``: an optional name the posts appear under (1-80 characters, not containing "discord")."""
        name = (handle or "").strip() or None
        if name is not None and (len(name) > MAX_USERNAME or "discord" in name.lower()):
            raise InputError("discord.bad_username", handle=name, max=MAX_USERNAME)
        # The API host is fixed; returning it lets the channel service hand the webhook URL to exchange_secret.
        return API, name, {}

    def exchange_secret(self, *, base_url: str, handle: str | None, secret: str) -> str:
        """The webhook URL to store, checked and normalised when the channel is added."""
        return normalise_webhook(secret)

    def connect(self, config: ChannelConfig, secret: str | None) -> DiscordConnector:
        if not secret:
            raise InputError("channel.secret_required", kind=self.kind)
        return DiscordConnector(config, secret, transport=self.transport, guard=self.guard)
