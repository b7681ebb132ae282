"""Self-hosted WordPress (REST API, ``/wp-json/wp/v2``): posts with images, comments, comment counts, scheduling.

Auth is an Application Password sent as HTTP Basic ``user:app-password`` (core since 5.6; only on HTTPS sites or
``WP_ENVIRONMENT_TYPE=local``). The password is kept only in the request headers and never logged.

Recovery marker: core WordPress neither takes an idempotency key nor exposes arbitrary post meta, so every post's
``slug`` ends with a short hash of the delivery key (``<title-words>-<10 hex>``). :meth:`find_published` looks
that slug up (``GET /wp/v2/posts?slug=…&status=publish,future,draft,pending,private``). A resend is not
deduplicated by the server, so ``idempotent_publish`` stays False: the engine must call ``find_published`` after
an unknown outcome. Facts and sources: ``channels.md`` section 11.

Network ids: WordPress numbers posts and comments separately (post 7 and comment 7 are unrelated), while the inbox
knows one id space per channel. A post keeps its bare number (a delivery's ``remote_id``); a comment is
``comment-<number>`` (an inbox item's ``remote_id``, an answer's ``remote_id``). Every comment, an answer to another
comment included, names the post it is on as ``in_reply_to_id``: that is the conversation it belongs to.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import time
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from publisher.channels._fields import as_dict as _dict
from publisher.channels._fields import as_int as _int
from publisher.channels._fields import iso_timestamp as _timestamp
from publisher.channels._http import HttpClient, RateGuard, normalise_service_url, parse_json
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
from publisher.errors import AuthExpired, InputError, Rejected

API = "/wp-json/wp/v2"
PAGE_SIZE = 50
METRICS_BATCH = 100
# WordPress publishes a "future" post less than a minute ahead at once (wp_insert_post, by the server's clock when
# the post is created, i.e. after the uploads): keep a margin for those and for clock skew.
SCHEDULE_MIN_AHEAD = timedelta(minutes=2)
SLUG_WORDS = 60  # characters of the title kept in the slug, before the key's hash
KEY_HASH = 10
FIND_STATUSES = "publish,future,draft,pending,private"
# A file WordPress refuses (type not allowed, empty, too big for PHP) comes back as HTTP 500 with this code.
UPLOAD_REFUSED = "rest_upload_sideload_error"
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_FILENAME_JUNK = re.compile(r"[^A-Za-z0-9._-]+")
_BLOCK_END = re.compile(r"</p\s*>\s*", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
COMMENT_PREFIX = "comment-"


def normalise_site_url(url: str | None) -> str:
    """``https://host[:port][/path]`` for what a user typed (``example.com``, ``https://Example.com/blog/``)."""
    site = normalise_service_url(url, required_code="wordpress.url_required")
    for tail in ("/wp-json", "/wp-admin", "/wp-login.php"):  # a pasted API or admin address: keep the site
        if site.endswith(tail):
            return site[: -len(tail)]
    return site


def post_slug(request: PublishRequest) -> str:
    """The slug carrying the delivery's marker: title words (ASCII) and a hash of the key."""
    source = request.title or request.text
    ascii_text = unicodedata.normalize("NFKD", source).encode("ascii", "ignore").decode().lower()
    words = _SLUG_JUNK.sub("-", ascii_text).strip("-")[:SLUG_WORDS].strip("-") or "post"
    return f"{words}-{hashlib.sha256(request.key.encode()).hexdigest()[:KEY_HASH]}"


def comment_id(number: object) -> str:
    """The network id of comment ``number`` (``comment-7``): WordPress numbers comments apart from posts."""
    return f"{COMMENT_PREFIX}{number}"


def comment_number(remote_id: str) -> int | None:
    """The number of a comment id (``comment-7``, or a bare ``7`` as stored before comments had ids of their
    own); None if it is neither."""
    digits = remote_id.removeprefix(COMMENT_PREFIX)
    return int(digits) if digits.isascii() and digits.isdigit() else None


def html_to_text(content: str) -> str:
    text = _BREAK.sub("\n", content)
    text = _BLOCK_END.sub("\n\n", text)
    text = _TAG.sub("", text)
    return html.unescape(text).strip()


class WordPressHttp(HttpClient):
    """The shared client with Basic auth and WordPress' error bodies (``{"code", "message", "data"}``) mapped."""

    def __init__(
        self, base_url: str, user: str, password: str, *, transport: httpx.BaseTransport | None, guard: RateGuard
    ) -> None:
        super().__init__(base_url, transport=transport, guard=guard)
        credentials = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        self._client_options["headers"] = {**self._client_options["headers"], "Authorization": f"Basic {credentials}"}
        account = hashlib.sha256(f"{user}:{password}".encode()).hexdigest()[:16]
        self._guard_key = f"{self.host}:{urlsplit(self.base_url).port}:{account}"

    def _check_status(self, method: str, response: httpx.Response) -> None:
        status = response.status_code
        if status == 500 and _error_code(response) == UPLOAD_REFUSED:  # not a server fault: retrying cannot help
            message = html_to_text(str(response.json().get("message") or ""))[:500]
            raise Rejected("wordpress.rejected", status=status, code=UPLOAD_REFUSED, message=message)
        if 200 <= status < 300 or status == 429 or status >= 500 or 300 <= status < 400:
            super()._check_status(method, response)
            return
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or not body.get("code"):
            if status == 401:
                raise AuthExpired("wordpress.auth_failed", host=self.host, code="", message="")
            content_type = response.headers.get("content-type", "").split(";")[0]
            raise Rejected("channel.not_json", status=status, content_type=content_type)
        code = str(body.get("code"))[:100]
        message = html_to_text(str(body.get("message") or ""))[:500]
        if status == 401:
            raise AuthExpired("wordpress.auth_failed", host=self.host, code=code, message=message)
        if status == 403 and code.startswith(("rest_cannot_", "rest_forbidden")):
            raise Rejected("wordpress.not_allowed", code=code, message=message)
        if status == 404 and code in ("rest_post_invalid_id", "rest_comment_invalid_id", "rest_invalid_post_id"):
            raise Rejected("channel.remote_not_found", host=self.host, status=status, message=message)
        raise Rejected("wordpress.rejected", status=status, code=code, message=message)


class WordPressConnector:
    def __init__(
        self,
        config: ChannelConfig,
        password: str,
        *,
        transport: httpx.BaseTransport | None,
        guard: RateGuard,
        clock: Clock,
    ) -> None:
        if not config.base_url:
            raise InputError("wordpress.url_required")
        if not config.handle:
            raise InputError("wordpress.handle_required")
        self.config = config
        self.http = WordPressHttp(config.base_url, config.handle, password, transport=transport, guard=guard)
        self.clock = clock
        self._me: int | None = None
        self._trash_readable = True  # until WordPress says the account may not list the trash

    # -- protocol -------------------------------------------------------------------------------

    def verify(self) -> VerifyResult:
        user = self._user()
        capabilities = _dict(user.get("capabilities"))
        details: dict[str, Any] = {
            "user_id": user["id"],
            "username": user.get("username") or user.get("slug"),
            "roles": list(user.get("roles") or []),
            "can_publish": bool(capabilities.get("publish_posts")),
            "can_upload": bool(capabilities.get("upload_files")),
            "can_moderate": bool(capabilities.get("moderate_comments")),
        }
        return VerifyResult(account=str(user.get("name") or user.get("username") or user["id"]), details=details)

    def publish(self, request: PublishRequest) -> PublishResult:
        return self._create(request, {"status": "publish"})

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        """The post whose slug carries ``request``'s key (published, scheduled or draft); None if there is none."""
        posts = self.http.json(
            "GET",
            f"{API}/posts",
            params={"slug": post_slug(request), "status": FIND_STATUSES, "context": "edit", "per_page": 1},
        )
        for post in posts if isinstance(posts, list) else []:
            if isinstance(post, dict) and "id" in post:
                return PublishResult(remote_id=str(post["id"]), remote_url=post.get("link"))
        return None

    # -- optional capabilities ------------------------------------------------------------------

    def fetch_inbox(self, cursor: str | None = None) -> InboxPage:
        """Approved comments, newest first, without the account's own; the cursor is the next page number.

        An edited comment comes back with its new text under its id (the inbox marks it edited) when its page is
        read. Comments moved to the trash in the span of dates this page covers come back as ``deleted``, where
        the account may moderate comments (listing the trash needs that); WordPress orders comments by the date
        they were written and keeps no date of an edit or of trashing, so a change to a comment older than the
        pages a sync reads is not seen then. A comment deleted for good leaves no trace to find.

        The cursor is ``"<page>"`` or ``"<page>@<local date>"``: the next page and the local date of the oldest
        comment read so far, which bounds the next page's trash window.
        """
        page, newer_than = _parse_cursor(cursor)
        me = self._my_id()
        params = {"per_page": PAGE_SIZE, "page": page, "orderby": "date", "order": "desc"}
        response = self.http.request("GET", f"{API}/comments", params=params)
        body = parse_json(response)
        comments = [c for c in body if isinstance(c, dict) and "id" in c] if isinstance(body, list) else []
        items = [self._comment_item(c) for c in comments if c.get("author") != me]
        total = _header_int(response, "x-wp-totalpages")
        last = total is None or page >= total
        oldest = min((str(c.get("date") or "") for c in comments if c.get("date")), default=None)
        if comments or last:
            # The trash between this page's oldest comment and the previous page's (all older on the last page).
            window_start = None if last else oldest
            known = {i.remote_id for i in items}
            for trashed in self._trashed(after=window_start, before=newer_than):
                item = self._comment_item(trashed, deleted=True)
                if trashed.get("author") != me and item.remote_id not in known:
                    items.append(item)
            items.sort(key=lambda i: i.created_at, reverse=True)
        next_cursor = None if last else f"{page + 1}@{oldest}" if oldest else str(page + 1)
        return InboxPage(items=tuple(items), next_cursor=next_cursor)

    def _comment_item(self, comment: dict[str, Any], *, deleted: bool = False) -> InboxItem:
        parent = _int(comment.get("parent")) or 0
        post = _int(comment.get("post")) or 0
        name = str(comment.get("author_name") or "")
        rendered = str(_dict(comment.get("content")).get("rendered") or "")
        return InboxItem(
            remote_id=comment_id(comment["id"]),
            kind="reply" if parent else "comment",
            author=name,
            author_name=name,
            text=html_to_text(rendered),
            html=rendered or None,  # sanitised by the inbox
            created_at=_timestamp(comment.get("date_gmt") or comment.get("date")),
            url=comment.get("link"),
            in_reply_to_id=str(post) if post else None,  # the post, an answer to a comment included
            deleted=deleted,
        )

    def _trashed(self, *, after: str | None, before: str | None) -> list[dict[str, Any]]:
        """Trashed comments written in the window (local dates, widened by a second: both ends are exclusive in
        WordPress); none where the account may not list the trash."""
        if not self._trash_readable:
            return []
        params: dict[str, Any] = {
            "status": "trash",
            "context": "edit",
            "per_page": PAGE_SIZE,
            "orderby": "date",
            "order": "desc",
        }
        for name, value, shift in (("after", after, -1), ("before", before, 1)):
            moved = _shift_local(value, shift) if value else None
            if moved:
                params[name] = moved
        try:
            body = self.http.json("GET", f"{API}/comments", params=params)
        except Rejected as exc:
            if exc.code != "wordpress.not_allowed":
                raise
            self._trash_readable = False  # not a moderator: approved comments only
            return []
        return [c for c in body if isinstance(c, dict) and "id" in c] if isinstance(body, list) else []

    def reply(self, to_remote_id: str, text: str) -> PublishResult:
        """Answer comment ``to_remote_id`` (``comment-7``; a bare ``7`` is read as a comment too) with a child
        comment on its post; the answer's id is ``comment-<number>``."""
        number = comment_number(to_remote_id)
        if number is None:
            raise InputError("wordpress.bad_remote_id", remote_id=to_remote_id)
        if not text.strip():
            raise InputError("wordpress.empty_reply")
        original = self.http.json("GET", f"{API}/comments/{number}")
        post = _int(_dict(original).get("post"))
        if not post:
            raise Rejected("channel.unexpected_response", endpoint="comments")
        body = {"post": post, "parent": number, "content": html.escape(text.strip(), quote=False)}
        created = self.http.json("POST", f"{API}/comments", json_body=body)
        if not isinstance(created, dict) or "id" not in created:
            raise Rejected("channel.unexpected_response", endpoint="comments")
        return PublishResult(remote_id=comment_id(created["id"]), remote_url=created.get("link"))

    def fetch_metrics(self, remote_ids: Sequence[str]) -> dict[str, Metrics]:
        """Comment counts (core WordPress counts nothing else). Posts deleted or trashed are left out."""
        wanted = [r for r in dict.fromkeys(remote_ids) if r.isdigit()]
        existing: set[str] = set()
        for start in range(0, len(wanted), METRICS_BATCH):
            batch = wanted[start : start + METRICS_BATCH]
            params = {
                "include": ",".join(batch),
                "status": FIND_STATUSES,
                "per_page": METRICS_BATCH,
                "_fields": "id",
                "context": "edit",
            }
            posts = self.http.json("GET", f"{API}/posts", params=params)
            existing.update(str(p["id"]) for p in posts if isinstance(p, dict) and "id" in p)
        metrics: dict[str, Metrics] = {}
        for remote_id in wanted:
            if remote_id not in existing:
                continue
            response = self.http.request("GET", f"{API}/comments", params={"post": remote_id, "per_page": 1})
            metrics[remote_id] = Metrics(replies=_header_int(response, "x-wp-total"))
        return metrics

    def schedule(self, request: PublishRequest, at: datetime) -> PublishResult:
        if at.tzinfo is None:
            raise InputError("time.naive", value=at.isoformat())
        if at - self.clock.now() < SCHEDULE_MIN_AHEAD:
            raise InputError("wordpress.schedule_too_soon", at=at.isoformat())
        return self._create(request, {"status": "future", "date_gmt": at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")})

    def cancel_scheduled(self, remote_id: str) -> None:
        """Move the scheduled post to the trash (recoverable there); refused once WP-Cron has published it."""
        if not remote_id.isdigit():
            raise InputError("wordpress.bad_remote_id", remote_id=remote_id)
        post = _dict(self.http.json("GET", f"{API}/posts/{remote_id}", params={"context": "edit"}))
        status = str(post.get("status") or "")
        if status != "future":
            raise Rejected("wordpress.not_scheduled", remote_id=remote_id, status=status)
        self.http.request("DELETE", f"{API}/posts/{remote_id}")

    # -- helpers --------------------------------------------------------------------------------

    def _user(self) -> dict[str, Any]:
        user = self.http.json("GET", f"{API}/users/me", params={"context": "edit"})
        if not isinstance(user, dict) or "id" not in user:
            raise Rejected("channel.unexpected_response", endpoint="users/me")
        self._me = _int(user.get("id"))
        return user

    def _my_id(self) -> int | None:
        if self._me is None:
            self._user()
        return self._me

    def _create(self, request: PublishRequest, extra: dict[str, Any]) -> PublishResult:
        content = self._content(request)
        if not content.strip() and not request.media:
            raise Rejected("wordpress.empty_post")
        uploaded = [self._upload(item, request.frame) for item in request.media]
        figures = "".join(_figure(media, item) for media, item in zip(uploaded, request.media, strict=True))
        body: dict[str, Any] = {
            "title": request.title or "",
            "content": content + figures,
            "slug": post_slug(request),
            **extra,
        }
        if uploaded:
            body["featured_media"] = uploaded[0]["id"]
        post = self.http.json("POST", f"{API}/posts", json_body=body)
        if not isinstance(post, dict) or "id" not in post:
            raise Rejected("channel.unexpected_response", endpoint="posts")
        return PublishResult(remote_id=str(post["id"]), remote_url=post.get("link"))

    def _content(self, request: PublishRequest) -> str:
        from publisher.text import UtmTemplate, render

        template = UtmTemplate.from_mapping(request.utm)
        rendered = render(
            request.text, "wordpress", utm=template, campaign=request.campaign, channel=request.channel_name
        )
        return "".join(part.text for part in rendered.parts)

    def _upload(self, item: MediaItem, frame: dict[str, Any] | None) -> dict[str, Any]:
        content = media_bytes(item, frame, missing_code="wordpress.media_missing")
        headers = {
            "Content-Type": item.mime_type,
            "Content-Disposition": f'attachment; filename="{_safe_filename(item.filename)}"',
        }
        media = parse_json(self.http.request("POST", f"{API}/media", content=content, headers=headers))
        if not isinstance(media, dict) or "id" not in media:
            raise Rejected("channel.unexpected_response", endpoint="media")
        if item.alt_text:
            updated = self.http.json("POST", f"{API}/media/{media['id']}", json_body={"alt_text": item.alt_text})
            media = {**media, **_dict(updated)}
        return media


def _figure(media: dict[str, Any], item: MediaItem) -> str:
    src = html.escape(str(media.get("source_url") or ""))
    alt = html.escape(item.alt_text or "")
    media_id = html.escape(str(media["id"]))
    return f'\n<figure class="wp-block-image"><img src="{src}" alt="{alt}" class="wp-image-{media_id}"/></figure>'


def _safe_filename(name: str) -> str:
    """An ASCII file name for the ``Content-Disposition`` header (WordPress names the attachment after it)."""
    stem, dot, suffix = Path(name).name.rpartition(".")
    if not dot:
        stem, suffix = suffix, ""
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = _FILENAME_JUNK.sub("-", ascii_stem).strip("-.") or "image"
    suffix = _FILENAME_JUNK.sub("", suffix)
    return f"{stem}.{suffix}" if suffix else stem


def _parse_cursor(cursor: str | None) -> tuple[int, str | None]:
    """``(page, local date bound)`` of an inbox cursor (``"3"`` or ``"3@2026-11-23T09:00:00"``)."""
    if cursor is None:
        return 1, None
    page, _, bound = cursor.partition("@")
    if not page.isdigit() or int(page) < 1 or (bound and _shift_local(bound, 0) is None):
        raise InputError("wordpress.bad_cursor", cursor=cursor)
    return int(page), bound or None


def _shift_local(value: str, seconds: int) -> str | None:
    """A WordPress local date (``2026-11-23T09:00:00``) moved by ``seconds``; None if it is not one."""
    try:
        moved = datetime.fromisoformat(value) + timedelta(seconds=seconds)
    except ValueError:
        return None
    return moved.replace(tzinfo=None).isoformat(timespec="seconds")


def _error_code(response: httpx.Response) -> str | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return str(body.get("code")) if isinstance(body, dict) else None


def _header_int(response: httpx.Response, name: str) -> int | None:
    value = response.headers.get(name, "").strip()
    return int(value) if value.isdigit() else None


class WordPressKind:
    kind = "wordpress"
    display_name = "WordPress"
    fields: tuple[FieldSpec, ...] = (FieldSpec("url", required=True), FieldSpec("handle", required=True))
    needs_secret = True  # an Application Password
    idempotent_publish = False  # no server-side key; find_published() finds the post by its slug marker
    capabilities = Capabilities(inbox=True, metrics=True, server_scheduling=True, threads=False, media=True)

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Clock | None = None,
        guard: RateGuard | None = None,
    ) -> None:
        self.transport = transport
        self.clock: Clock = clock or SystemClock()
        self.guard = guard or RateGuard(time.time)

    def validate(
        self, *, base_url: str | None, handle: str | None, path: str | None
    ) -> tuple[str | None, str | None, dict[str, Any]]:
        user = (handle or "").strip()
        if not user:
            raise InputError("wordpress.handle_required")
        return normalise_site_url(base_url), user, {}

    def connect(self, config: ChannelConfig, secret: str | None) -> WordPressConnector:
        if not secret or not secret.strip():
            raise InputError("channel.secret_required", kind=self.kind)
        return WordPressConnector(config, secret.strip(), transport=self.transport, guard=self.guard, clock=self.clock)
