"""Mastodon (and servers speaking its API): statuses, threads, media with alt text, mentions, metrics, scheduling.

Every status create carries an ``Idempotency-Key`` (the delivery's key; ``{key}-{n}`` for the n-th part of a
thread, n ≥ 2). Mastodon keeps those keys for an hour and answers a repeat with the status it already made, so
the engine may resend an interrupted delivery. Facts and sources: ``channels.md`` section 1.
"""

from __future__ import annotations

import hashlib
import html
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from publisher.channels._fields import as_dict as _dict
from publisher.channels._fields import as_int as _int
from publisher.channels._fields import iso_timestamp as _timestamp
from publisher.channels._http import HttpClient, RateGuard, is_loopback, parse_json
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
from publisher.errors import InputError, Rejected, Transient

API_DEFAULTS: dict[str, str] = {"statuses": "v1", "media": "v2", "instance": "v2", "notifications": "v1"}
MAX_MEDIA = 4
MEDIA_POLLS = 30
MEDIA_POLL_SECONDS = 1.0
SCHEDULE_MIN_AHEAD = timedelta(minutes=5)
KEY_LIFETIME = timedelta(hours=1)  # how long Mastodon remembers an Idempotency-Key
KEY_MARGIN = timedelta(minutes=10)  # also the allowance for the laptop's clock being off
PAGE_SIZE = 40

Sleeper = Callable[[float], None]


def normalise_instance_url(url: str | None) -> str:
    """``https://host[:port]`` for what a user typed (``mastodon.social``, ``https://Mastodon.Social/``)."""
    raw = (url or "").strip()
    if not raw:
        raise InputError("mastodon.url_required")
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        raise InputError("channel.bad_url", url=url)
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise InputError("mastodon.url_has_path", url=url)
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InputError("channel.insecure_url", url=url)
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        raise InputError("channel.bad_url", url=url) from None
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


_BLOCK_END = re.compile(r"</p\s*>\s*", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def html_to_text(content: str) -> str:
    """The plain text of a status' HTML ``content`` (paragraphs as blank lines; hidden link parts kept)."""
    text = _BREAK.sub("\n", content)
    text = _BLOCK_END.sub("\n\n", text)
    text = _TAG.sub("", text)
    return html.unescape(text).strip()


_REMOTE_MENTION = re.compile(r"(?<![\w@])@(\w+)@[\w.-]+\w")


def _same_text(shown: str, sent: str) -> bool:
    """Whether a status' shown text is what was sent (Mastodon shows ``@user@domain`` as ``@user``)."""

    def norm(text: str) -> str:
        return " ".join(_REMOTE_MENTION.sub(r"@\1", text).split())

    return norm(shown) == norm(sent)


@dataclass(frozen=True, slots=True)
class _Api:
    versions: dict[str, str]

    def path(self, endpoint: str, rest: str = "") -> str:
        return f"/api/{self.versions.get(endpoint, 'v1')}/{endpoint}{rest}"


class MastodonConnector:
    def __init__(
        self,
        config: ChannelConfig,
        token: str,
        *,
        transport: httpx.BaseTransport | None,
        guard: RateGuard,
        sleeper: Sleeper,
        clock: Clock,
    ) -> None:
        if not config.base_url:
            raise InputError("mastodon.url_required")
        self.config = config
        self.http = HttpClient(config.base_url, token=token, transport=transport, guard=guard)
        versions = dict(API_DEFAULTS)
        versions.update({str(k): v for k, v in _dict(config.settings.get("api_versions")).items() if v in ("v1", "v2")})
        self.api = _Api(versions)
        self.sleep = sleeper
        self.clock = clock

    # -- protocol -------------------------------------------------------------------------------

    def verify(self) -> VerifyResult:
        account = self._account()
        instance = self.http.json("GET", self.api.path("instance"))
        if not isinstance(instance, dict):
            raise Rejected("channel.unexpected_response", endpoint="instance")
        config = _dict(instance.get("configuration"))
        statuses = _dict(config.get("statuses"))
        media = _dict(config.get("media_attachments"))
        domain = instance.get("domain") or instance.get("uri") or self.http.host
        domain = urlsplit(domain).hostname or domain if "://" in str(domain) else domain
        details: dict[str, Any] = {
            "account_id": str(account["id"]),
            "max_characters": _int(statuses.get("max_characters")) or _int(instance.get("max_toot_chars")) or 500,
            "characters_reserved_per_url": _int(statuses.get("characters_reserved_per_url")) or 23,
            "max_media_attachments": _int(statuses.get("max_media_attachments")) or MAX_MEDIA,
            "description_limit": _int(media.get("description_limit")) or 1500,
            "image_size_limit": _int(media.get("image_size_limit")),
            "video_size_limit": _int(media.get("video_size_limit")),
            "supported_mime_types": list(media.get("supported_mime_types") or []),
        }
        return VerifyResult(account=f"@{account.get('username') or account.get('acct')}@{domain}", details=details)

    def publish(self, request: PublishRequest) -> PublishResult:
        parts = self._parts(request)
        if self.clock.now() - request.date > KEY_LIFETIME - KEY_MARGIN:
            # A resend after the instance may have forgotten the key (the laptop slept): look before posting.
            found = self._find(request, parts[0])
            if found is not None:
                return found
        media_ids = [self._upload(item, request.frame) for item in request.media]
        first: dict[str, Any] | None = None
        previous: str | None = None
        for n, text in enumerate(parts, start=1):
            status = self._create_status(
                text,
                key=request.key if n == 1 else f"{request.key}-{n}",
                in_reply_to_id=previous,
                media_ids=media_ids if n == 1 else [],
            )
            previous = str(status["id"])
            first = first or status
        assert first is not None
        return PublishResult(remote_id=str(first["id"]), remote_url=first.get("url") or first.get("uri"))

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        """The account's status (among its newest 40) made for ``request``: same text, not older than its date."""
        return self._find(request, self._parts(request)[0])

    # -- optional capabilities ------------------------------------------------------------------

    def fetch_inbox(self, cursor: str | None = None) -> InboxPage:
        params: list[tuple[str, str | int]] = [("types[]", "mention"), ("limit", PAGE_SIZE)]
        if cursor:
            params.append(("max_id", cursor))
        response = self.http.request("GET", self.api.path("notifications"), params=params)
        body = parse_json(response)
        items = []
        for note in body if isinstance(body, list) else []:
            status = note.get("status")
            if not isinstance(status, dict):
                continue
            account = note.get("account") or status.get("account") or {}
            items.append(
                InboxItem(
                    remote_id=str(status["id"]),
                    kind="mention",
                    author="@" + str(account.get("acct") or account.get("username") or ""),
                    author_name=str(account.get("display_name") or account.get("username") or ""),
                    text=html_to_text(str(status.get("content") or "")),
                    html=str(status.get("content") or "") or None,  # the inbox sanitises it
                    created_at=_timestamp(status.get("created_at") or note.get("created_at")),
                    url=status.get("url") or status.get("uri"),
                    in_reply_to_id=str(status["in_reply_to_id"]) if status.get("in_reply_to_id") else None,
                )
            )
        return InboxPage(items=tuple(items), next_cursor=_next_max_id(response))

    def reply(self, to_remote_id: str, text: str) -> PublishResult:
        if not text.strip():
            raise InputError("mastodon.empty_status")
        original = self.http.json("GET", f"/api/v1/statuses/{to_remote_id}")
        acct = str((original.get("account") or {}).get("acct") or "")
        mention = f"@{acct}" if acct else ""
        if mention and mention.lower() not in text.lower():
            text = f"{mention} {text}"
        key = "reply-" + hashlib.sha256(f"{to_remote_id}\n{text}".encode()).hexdigest()[:32]
        # A reply keeps the original's audience: an answer to a private mention must not become public.
        visibility = original.get("visibility") if original.get("visibility") in ("private", "direct") else None
        status = self._create_status(text, key=key, in_reply_to_id=to_remote_id, media_ids=[], visibility=visibility)
        return PublishResult(remote_id=str(status["id"]), remote_url=status.get("url") or status.get("uri"))

    def fetch_metrics(self, remote_ids: Sequence[str]) -> dict[str, Metrics]:
        metrics: dict[str, Metrics] = {}
        for remote_id in remote_ids:
            try:
                status = self.http.json("GET", f"/api/v1/statuses/{remote_id}")
            except Rejected as exc:
                if exc.code == "channel.remote_not_found":
                    continue  # deleted on the network
                raise
            metrics[remote_id] = Metrics(
                replies=_int(status.get("replies_count")),
                reposts=_int(status.get("reblogs_count")),
                likes=_int(status.get("favourites_count")),
                quotes=_int(status.get("quotes_count")),
            )
        return metrics

    def schedule(self, request: PublishRequest, at: datetime) -> PublishResult:
        if at.tzinfo is None:
            raise InputError("time.naive", value=at.isoformat())
        if at - self.clock.now() < SCHEDULE_MIN_AHEAD:
            raise InputError("mastodon.schedule_too_soon", minutes=int(SCHEDULE_MIN_AHEAD.total_seconds() // 60))
        parts = self._parts(request)
        if len(parts) > 1:
            raise InputError("mastodon.schedule_thread", parts=len(parts))
        media_ids = [self._upload(item, request.frame) for item in request.media]
        scheduled = self._create_status(
            parts[0],
            key=request.key,
            in_reply_to_id=None,
            media_ids=media_ids,
            scheduled_at=at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        )
        return PublishResult(remote_id=str(scheduled["id"]), remote_url=None)

    def cancel_scheduled(self, remote_id: str) -> None:
        self.http.request("DELETE", f"/api/v1/scheduled_statuses/{remote_id}")

    # -- helpers --------------------------------------------------------------------------------

    def _account(self) -> dict[str, Any]:
        account = self.http.json("GET", "/api/v1/accounts/verify_credentials")
        if not isinstance(account, dict) or "id" not in account:
            raise Rejected("channel.unexpected_response", endpoint="verify_credentials")
        return account

    def _find(self, request: PublishRequest, wanted: str) -> PublishResult | None:
        account = self._account()
        statuses = self.http.json(
            "GET", f"/api/v1/accounts/{account['id']}/statuses", params={"limit": PAGE_SIZE, "exclude_reblogs": "true"}
        )
        since = request.date - KEY_MARGIN
        for status in statuses if isinstance(statuses, list) else []:
            if _timestamp(status.get("created_at")) < since:
                continue
            if _same_text(html_to_text(str(status.get("content") or "")), wanted):
                return PublishResult(remote_id=str(status["id"]), remote_url=status.get("url") or status.get("uri"))
        return None

    def _parts(self, request: PublishRequest) -> list[str]:
        from publisher.text import UtmTemplate, render

        template = UtmTemplate.from_mapping(request.utm)
        limit = self.config.settings.get("max_characters")
        rendered = render(
            request.text,
            "mastodon",
            split=True,
            utm=template,
            campaign=request.campaign,
            channel=request.channel_name,
            limit=int(limit) if isinstance(limit, int) and limit > 0 else None,
        )
        most = self.config.settings.get("max_media_attachments")
        most = most if isinstance(most, int) and most > 0 else MAX_MEDIA
        if len(request.media) > most:
            raise Rejected("mastodon.too_many_media", count=len(request.media), max=most)
        parts = [part.text for part in rendered.parts if part.text.strip()]
        if not parts:
            if not request.media:
                raise Rejected("mastodon.empty_status")
            parts = [""]
        return parts

    def _create_status(
        self,
        text: str,
        *,
        key: str,
        in_reply_to_id: str | None,
        media_ids: list[str],
        visibility: str | None = None,
        scheduled_at: str | None = None,
    ) -> dict[str, Any]:
        data: dict[str, Any] = {"status": text}
        if in_reply_to_id:
            data["in_reply_to_id"] = in_reply_to_id
        if media_ids:
            data["media_ids[]"] = media_ids
        visibility = visibility or self.config.settings.get("visibility")
        if visibility:
            data["visibility"] = visibility
        if scheduled_at:
            data["scheduled_at"] = scheduled_at
        status = self.http.json("POST", self.api.path("statuses"), data=data, headers={"Idempotency-Key": key})
        if not isinstance(status, dict) or "id" not in status:
            raise Rejected("channel.unexpected_response", endpoint="statuses")
        return status

    def _upload(self, item: MediaItem, frame: dict[str, Any] | None) -> str:
        content = media_bytes(item, frame, missing_code="mastodon.media_missing")
        data = {"description": item.alt_text} if item.alt_text else {}
        response = self.http.request(
            "POST", self.api.path("media"), data=data, files={"file": (item.filename, content, item.mime_type)}
        )
        media = parse_json(response)
        media_id = str(media["id"])
        polls = 0
        while response.status_code in (202, 206):  # 202 from the upload, 206 from the poll: still processing
            if polls >= MEDIA_POLLS:
                raise Transient("mastodon.media_processing", filename=item.filename)
            polls += 1
            self.sleep(MEDIA_POLL_SECONDS)
            response = self.http.request("GET", f"/api/v1/media/{media_id}")
            media = parse_json(response)
        return media_id


def _next_max_id(response: httpx.Response) -> str | None:
    url = response.links.get("next", {}).get("url")
    if not url:
        return None
    values = parse_qs(urlsplit(url).query).get("max_id")
    return values[0] if values else None


class MastodonKind:
    kind = "mastodon"
    display_name = "Mastodon"
    fields: tuple[FieldSpec, ...] = (FieldSpec("url", required=True),)
    needs_secret = True  # the access token
    idempotent_publish = True  # Idempotency-Key on every status create
    capabilities = Capabilities(inbox=True, metrics=True, server_scheduling=True, threads=True, media=True)

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        sleeper: Sleeper = time.sleep,
        clock: Clock | None = None,
        guard: RateGuard | None = None,
    ) -> None:
        self.transport = transport
        self.sleeper = sleeper
        self.clock: Clock = clock or SystemClock()
        self.guard = guard or RateGuard()  # shared by every connector of this kind: limits are per account

    def validate(
        self, *, base_url: str | None, handle: str | None, path: str | None
    ) -> tuple[str | None, str | None, dict[str, Any]]:
        return normalise_instance_url(base_url), handle or None, {}

    def connect(self, config: ChannelConfig, secret: str | None) -> MastodonConnector:
        if not secret:
            raise InputError("channel.secret_required", kind=self.kind)
        return MastodonConnector(
            config, secret, transport=self.transport, guard=self.guard, sleeper=self.sleeper, clock=self.clock
        )
