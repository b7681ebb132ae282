"""A loopback server speaking the subset of the Mastodon API that Publisher uses, with a fault plan (test-only).

Standard library only, so it runs in a thread of the test process (:func:`serve_in_thread`) or as a process of its
own that outlives a killed runner (:func:`start_process`, or by hand)::

    python tests/engine_servers/loopback_mastodon.py --account TOKEN=username [--account …] [--latency 0.3]

The process prints ``READY <url>`` on one line once it listens, and serves until killed. Everything lives in
memory.

Endpoints (response shapes from ``channels.md`` section 1, all built by the ``*_json`` functions below):

    GET  /api/v1/accounts/verify_credentials      the token's account
    GET  /api/v2/instance                         configuration: statuses and media limits
    POST /api/v1/statuses                         form or JSON; ``Idempotency-Key`` honoured as Mastodon does:
                                                  the same key from the same account within the key lifetime
                                                  (1 h) answers the status made first, and makes none
    GET  /api/v1/statuses/:id                     one status
    GET  /api/v1/accounts/:id/statuses            newest first, ``limit`` (default 20, at most 40)
    POST /api/v2/media, GET /api/v1/media/:id     uploads (processed at once: 200)
    POST /api/v1/statuses with ``scheduled_at``   a ScheduledStatus (at least 5 min ahead of the server's clock,
                                                  else 422); the same key dedupes it too. A key that made a
                                                  scheduled status, sent without ``scheduled_at`` (or the other
                                                  way round), gets 404 as on Mastodon (PostStatusService looks
                                                  the remembered id up among the other kind)
    GET/PUT/DELETE /api/v1/scheduled_statuses/:id  read, move (``scheduled_at``), cancel

The server's clock is the real one unless a test sets it (``/__control/clock``). Scheduled statuses become
statuses (``created_at`` = their time) only when a test says time has come (``/__control/publish_due``), the
way Mastodon's scheduler publishes them a little after their time.

Unknown tokens get 401. Control endpoints (no token) drive a test:

    POST /__control/accounts    {"token": …, "username": …}             add an account
    POST /__control/faults      {"fault": …, "method": "POST", "path": "/api/v1/statuses", "token": null,
                                 "times": 1, "status": 503, "retry_after": "30", "seconds": 5.0}
    POST /__control/latency     {"seconds": 0.3}                        delay before every API answer
    POST /__control/revoke      {"token": …, "revoked": true}           the token gets 401 from now on
    GET  /__control/log         every API request: time, method, path, token, key, answer, fault
    GET  /__control/statuses    every status made, oldest first, with its account's token and key
    POST /__control/reset       forget statuses, log and faults (accounts stay)
    POST /__control/clock       {"now": ISO | null}                     the server's clock (null: the real one)
    POST /__control/publish_due {"now": ISO}                            publish the scheduled statuses due by then
    GET  /__control/scheduled   the scheduled statuses still waiting

Faults (each matches method, path prefix and optionally token; ``times`` matching requests are hit, -1 = all):

    error_before        answer ``status`` (default 503) without creating anything
    error_after         apply the request (create the status, cancel the scheduled one …), then answer ``status``
                        (default 500): it happened, the client sees an error
    timeout_after       apply it, then wait ``seconds`` (longer than the client's timeout) and close without answer
    reset_before        close the connection without an answer (TCP RST), nothing applied
    reset_after         apply it, then close the connection without an answer
    rate_limit          429 ``{"error": "Too many requests"}``; ``Retry-After: <retry_after>`` if given, and
                        Mastodon's own ``X-RateLimit-*`` headers (reset in ``seconds``) unless ``seconds`` is null
    unauthorized        401 ``{"error": "The access token was revoked"}``
    slow                wait ``seconds``, then answer normally (a slow upload or an overloaded instance)
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

KEY_LIFETIME = 3600.0  # seconds Mastodon keeps an Idempotency-Key (Redis, per account)
FAULTS = (
    "error_before",
    "error_after",
    "timeout_after",
    "reset_before",
    "reset_after",
    "rate_limit",
    "unauthorized",
    "slow",
)

# -- response shapes (channels.md section 1; Mastodon's entities/*.md) --------------------------------------------


def iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def account_json(account: Account, base: str) -> dict[str, Any]:
    return {
        "id": account.id,
        "username": account.username,
        "acct": account.username,
        "display_name": account.username.title(),
        "url": f"{base}/@{account.username}",
        "created_at": iso(account.created_at),
    }


def status_html(text: str) -> str:
    """Mastodon's plain-text formatting: paragraphs at blank lines, ``<br />`` at single line breaks, escaped."""
    paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join("<p>" + "<br />".join(html.escape(line) for line in p.split("\n")) + "</p>" for p in paragraphs)


def status_json(status: Status, base: str) -> dict[str, Any]:
    return {
        "id": status.id,
        "created_at": iso(status.created_at),
        "in_reply_to_id": status.in_reply_to_id,
        "in_reply_to_account_id": None,
        "sensitive": False,
        "spoiler_text": "",
        "visibility": status.visibility,
        "language": "en",
        "uri": f"{base}/users/{status.account.username}/statuses/{status.id}",
        "url": f"{base}/@{status.account.username}/{status.id}",
        "replies_count": 0,
        "reblogs_count": 0,
        "favourites_count": 0,
        "quotes_count": 0,
        "content": status_html(status.text),
        "reblog": None,
        "account": account_json(status.account, base),
        "media_attachments": [media_json(m, base) for m in status.media],
        "mentions": [],
        "tags": [],
        "emojis": [],
        "poll": None,
    }


def scheduled_status_json(scheduled: ScheduledStatus, base: str) -> dict[str, Any]:
    return {
        "id": scheduled.id,
        "scheduled_at": iso(scheduled.scheduled_at),
        "params": {
            "text": scheduled.text,
            "visibility": scheduled.visibility,
            "in_reply_to_id": None,
            "media_ids": [m.id for m in scheduled.media] or None,
            "idempotency": scheduled.key,
            "scheduled_at": None,
            "application_id": 1,
        },
        "media_attachments": [media_json(m, base) for m in scheduled.media],
    }


def media_json(media: Media, base: str) -> dict[str, Any]:
    return {
        "id": media.id,
        "type": "image" if media.mime_type.startswith("image/") else "unknown",
        "url": f"{base}/system/media/{media.id}/{media.filename}",
        "preview_url": f"{base}/system/media/{media.id}/small_{media.filename}",
        "description": media.description,
        "meta": {},
        "blurhash": None,
    }


def instance_json(base: str) -> dict[str, Any]:
    return {
        "domain": urlsplit(base).hostname,
        "title": "Loopback Mastodon",
        "version": "4.3.0",
        "configuration": {
            "urls": {"streaming": base.replace("http", "ws", 1)},
            "accounts": {"max_featured_tags": 10},
            "statuses": {"max_characters": 500, "max_media_attachments": 4, "characters_reserved_per_url": 23},
            "media_attachments": {
                "supported_mime_types": ["image/jpeg", "image/png", "image/gif", "image/webp"],
                "description_limit": 1500,
                "image_size_limit": 16777216,
                "image_matrix_limit": 33177600,
                "video_size_limit": 103809024,
            },
            "polls": {"max_options": 4, "max_characters_per_option": 50},
        },
    }


def error_json(message: str, description: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"error": message}
    if description:
        body["error_description"] = description
    return body


# -- state ----------------------------------------------------------------------------------------------------------


@dataclass
class Account:
    id: str
    username: str
    token: str
    created_at: datetime
    revoked: bool = False


@dataclass
class Media:
    id: str
    filename: str
    mime_type: str
    description: str | None


@dataclass
class Status:
    id: str
    account: Account
    text: str
    created_at: datetime
    key: str | None
    visibility: str = "public"
    in_reply_to_id: str | None = None
    media: list[Media] = field(default_factory=list)


@dataclass
class ScheduledStatus:
    id: str
    account: Account
    text: str
    scheduled_at: datetime
    key: str | None
    visibility: str = "public"
    media: list[Media] = field(default_factory=list)


@dataclass
class Fault:
    fault: str
    method: str = "POST"
    path: str = "/api/v1/statuses"
    token: str | None = None
    times: int = 1
    status: int | None = None
    retry_after: str | None = None
    seconds: float | None = None

    def matches(self, method: str, path: str, token: str | None) -> bool:
        if self.times == 0 or method != self.method or not path.startswith(self.path):
            return False
        return self.token is None or self.token == token


class State:
    """Accounts, statuses, idempotency keys, the fault plan and the request log; one lock guards it all."""

    def __init__(self, *, latency: float = 0.0, key_lifetime: float = KEY_LIFETIME) -> None:
        self.lock = threading.RLock()
        self.stopping = threading.Event()
        self.latency = latency
        self.key_lifetime = key_lifetime
        self.accounts: dict[str, Account] = {}  # by token
        self.statuses: list[Status] = []
        self.media: dict[str, Media] = {}
        self.keys: dict[tuple[str, str], tuple[Status | ScheduledStatus, float]] = {}  # (account, key) -> (made, when)
        self.scheduled: list[ScheduledStatus] = []
        self.fixed_now: datetime | None = None
        self.faults: list[Fault] = []
        self.log: list[dict[str, Any]] = []
        self._next_id = 110_000_000_000_000_000

    def next_id(self) -> str:
        with self.lock:
            self._next_id += 1
            return str(self._next_id)

    def add_account(self, token: str, username: str) -> Account:
        with self.lock:
            found = self.accounts.get(token)
            if found is not None:
                return found
            account = Account(id=str(1000 + len(self.accounts)), username=username, token=token, created_at=now())
            self.accounts[token] = account
            return account

    def take_fault(self, method: str, path: str, token: str | None) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.matches(method, path, token):
                    if fault.times > 0:
                        fault.times -= 1
                    return fault
        return None

    def now(self) -> datetime:
        return self.fixed_now or now()

    def create_status(
        self, account: Account, fields: dict[str, list[str]], key: str | None
    ) -> tuple[Status | ScheduledStatus, bool]:
        """What this create makes: what the key made before (``False``), or a new status or scheduled one (``True``).

        Raises ``ValueError`` for a ``scheduled_at`` less than 5 minutes ahead (Mastodon answers 422), and
        ``LookupError`` when the key made the other kind (scheduled or not; Mastodon answers 404).
        """
        with self.lock:
            when = next(iter(fields.get("scheduled_at") or []), None)
            if key:
                known = self.keys.get((account.id, key))
                if known is not None and time.monotonic() - known[1] < self.key_lifetime:
                    if isinstance(known[0], ScheduledStatus) != bool(when):
                        # Mastodon looks the remembered id up among statuses or scheduled statuses, whichever this
                        # request would make, and answers 404 when it is the other kind.
                        raise LookupError("Record not found")
                    return known[0], False
            media = [self.media[m] for m in fields.get("media_ids[]", fields.get("media_ids", [])) if m in self.media]
            if when:
                at = datetime.fromisoformat(when.replace("Z", "+00:00"))
                if at - self.now() < timedelta(minutes=5):
                    raise ValueError("Validation failed: Scheduled at The scheduled date must be in the future")
                scheduled = ScheduledStatus(
                    id=self.next_id(),
                    account=account,
                    text=(fields.get("status") or [""])[0],
                    scheduled_at=at,
                    key=key,
                    visibility=(fields.get("visibility") or ["public"])[0],
                    media=media,
                )
                self.scheduled.append(scheduled)
                if key:
                    self.keys[(account.id, key)] = (scheduled, time.monotonic())
                return scheduled, True
            status = Status(
                id=self.next_id(),
                account=account,
                text=(fields.get("status") or [""])[0],
                created_at=self.now(),
                key=key,
                visibility=(fields.get("visibility") or ["public"])[0],
                in_reply_to_id=next(iter(fields.get("in_reply_to_id") or []), None),
                media=media,
            )
            self.statuses.append(status)
            if key:
                self.keys[(account.id, key)] = (status, time.monotonic())
            return status, True

    def publish_due(self, until: datetime) -> list[Status]:
        """Turn the scheduled statuses due by ``until`` into statuses (``created_at`` = their time)."""
        made = []
        with self.lock:
            for scheduled in sorted(self.scheduled, key=lambda s: s.scheduled_at):
                if scheduled.scheduled_at > until:
                    continue
                self.scheduled.remove(scheduled)
                status = Status(
                    id=self.next_id(),
                    account=scheduled.account,
                    text=scheduled.text,
                    created_at=scheduled.scheduled_at,
                    key=scheduled.key,
                    visibility=scheduled.visibility,
                    media=scheduled.media,
                )
                self.statuses.append(status)
                made.append(status)
        return made

    def dump_statuses(self, base: str) -> list[dict[str, Any]]:
        with self.lock:
            return [
                {**status_json(s, base), "text": s.text, "token": s.account.token, "idempotency_key": s.key}
                for s in self.statuses
            ]


def now() -> datetime:
    return datetime.now(UTC)


# -- HTTP ---------------------------------------------------------------------------------------------------------


class _Reset(Exception):
    """Close the connection without an answer."""


class Handler(BaseHTTPRequestHandler):
    server: LoopbackServer
    protocol_version = "HTTP/1.1"
    _after_fault: Fault | None = None

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the request log is in State.log

    @property
    def state(self) -> State:
        return self.server.state

    @property
    def base(self) -> str:
        return self.server.url

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    # -- dispatch ---------------------------------------------------------------------------------------------

    def _handle(self, method: str) -> None:
        received = time.time()
        parts = urlsplit(self.path)
        path = parts.path
        query = parse_qs(parts.query)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if path.startswith("/__control/"):
            self._control(method, path, body)
            return
        auth = self.headers.get("Authorization") or ""
        token = auth[7:] if auth.startswith("Bearer ") else None
        key = self.headers.get("Idempotency-Key")
        entry: dict[str, Any] = {
            "time": received,
            "method": method,
            "path": path,
            "token": token,
            "idempotency_key": key,
            "answer": None,
            "fault": None,
            "status_id": None,
        }
        with self.state.lock:
            self.state.log.append(entry)
        if self.state.latency > 0:
            self.state.stopping.wait(self.state.latency)
        try:
            self._api(method, path, query, body, token, key, entry)
        except _Reset:
            entry["answer"] = "reset"
            self._reset()
        except (BrokenPipeError, ConnectionResetError):
            entry["answer"] = entry["answer"] or "client gone"
            self.close_connection = True

    def _api(
        self,
        method: str,
        path: str,
        query: dict[str, list[str]],
        body: bytes,
        token: str | None,
        key: str | None,
        entry: dict[str, Any],
    ) -> None:
        fault = self.state.take_fault(method, path, token)
        entry["fault"] = fault.fault if fault else None
        if fault is not None and fault.fault == "slow":
            self.state.stopping.wait(fault.seconds or 0.0)
            fault = None
        if fault is not None and fault.fault in ("error_before", "reset_before", "rate_limit", "unauthorized"):
            self._fault_before(fault, entry)
            return
        self._after_fault = fault  # error_after, reset_after, timeout_after: applied instead of the answer
        account = self.state.accounts.get(token or "")
        if account is None:
            self._send(401, error_json("The access token is invalid"), entry)
            return
        if account.revoked:
            self._send(401, error_json("The access token was revoked"), entry)
            return
        if method == "GET" and path == "/api/v1/accounts/verify_credentials":
            self._send(200, account_json(account, self.base), entry)
        elif method == "GET" and path in ("/api/v2/instance", "/api/v1/instance"):
            self._send(200, instance_json(self.base), entry)
        elif method == "POST" and path == "/api/v1/statuses":
            fields = self._fields(body)
            if not (fields.get("status") or [""])[0].strip() and not fields.get("media_ids[]"):
                self._send(422, error_json("Validation failed: Text can't be blank"), entry)
                return
            try:
                made, created = self.state.create_status(account, fields, key)
            except ValueError as exc:
                self._send(422, error_json(str(exc)), entry)
                return
            except LookupError as exc:
                self._send(404, error_json(str(exc)), entry)
                return
            entry["status_id"] = made.id
            entry["created"] = created
            if isinstance(made, ScheduledStatus):
                self._send(200, scheduled_status_json(made, self.base), entry)
            else:
                self._send(200, status_json(made, self.base), entry)
        elif path.startswith("/api/v1/scheduled_statuses/"):
            self._scheduled(method, path.rsplit("/", 1)[1], body, account, entry)
        elif method == "GET" and path.startswith("/api/v1/statuses/"):
            wanted = path.rsplit("/", 1)[1]
            with self.state.lock:
                found = next((s for s in self.state.statuses if s.id == wanted), None)
            if found is None:
                self._send(404, error_json("Record not found"), entry)
            else:
                self._send(200, status_json(found, self.base), entry)
        elif method == "GET" and path.startswith("/api/v1/accounts/") and path.endswith("/statuses"):
            account_id = path.split("/")[4]
            limit = min(int((query.get("limit") or ["20"])[0]), 40)
            with self.state.lock:
                mine = [s for s in self.state.statuses if s.account.id == account_id]
            newest = sorted(mine, key=lambda s: int(s.id), reverse=True)[:limit]
            self._send(200, [status_json(s, self.base) for s in newest], entry)
        elif method == "POST" and path == "/api/v2/media":
            media = self._media(body)
            self._send(200, media_json(media, self.base), entry)
        elif method in ("GET", "PUT") and path.startswith("/api/v1/media/"):
            found_media = self.state.media.get(path.rsplit("/", 1)[1])
            if found_media is None:
                self._send(404, error_json("Record not found"), entry)
            else:
                self._send(200, media_json(found_media, self.base), entry)
        else:
            self._send(404, error_json("Record not found"), entry)

    def _scheduled(self, method: str, wanted: str, body: bytes, account: Account, entry: dict[str, Any]) -> None:
        with self.state.lock:
            found = next((s for s in self.state.scheduled if s.id == wanted and s.account is account), None)
            if found is None:
                self._send(404, error_json("Record not found"), entry)
            elif method == "GET":
                self._send(200, scheduled_status_json(found, self.base), entry)
            elif method == "DELETE":
                self.state.scheduled.remove(found)
                self._send(200, {}, entry)
            elif method == "PUT":
                when = next(iter(self._fields(body).get("scheduled_at") or []), None)
                if when:
                    found.scheduled_at = datetime.fromisoformat(when.replace("Z", "+00:00"))
                self._send(200, scheduled_status_json(found, self.base), entry)
            else:
                self._send(405, error_json("Method not allowed"), entry)

    def _fault_before(self, fault: Fault, entry: dict[str, Any]) -> None:
        if fault.fault == "error_before":
            self._send(fault.status or 503, error_json("Service Unavailable"), entry)
        elif fault.fault == "reset_before":
            raise _Reset
        elif fault.fault == "unauthorized":
            self._send(fault.status or 401, error_json("The access token was revoked"), entry)
        else:  # rate_limit
            headers = {}
            if fault.retry_after is not None:
                headers["Retry-After"] = fault.retry_after
            if fault.seconds is not None:  # what Mastodon itself sends (rack-attack's throttled responder)
                headers["X-RateLimit-Limit"] = "300"
                headers["X-RateLimit-Remaining"] = "0"
                headers["X-RateLimit-Reset"] = iso(now() + timedelta(seconds=fault.seconds))
            self._send(fault.status or 429, error_json("Too many requests"), entry, headers=headers)

    def _fault_after(self, fault: Fault, entry: dict[str, Any]) -> None:
        if fault.fault == "error_after":
            self._send(fault.status or 500, error_json("We're sorry, but something went wrong on our end."), entry)
        elif fault.fault == "reset_after":
            raise _Reset
        elif fault.fault == "timeout_after":
            self.state.stopping.wait(fault.seconds if fault.seconds is not None else 35.0)
            entry["answer"] = "late"
            self._reset()
        else:
            self._send(500, error_json(f"fault {fault.fault} cannot happen after creating"), entry)

    # -- control ----------------------------------------------------------------------------------------------

    def _control(self, method: str, path: str, body: bytes) -> None:
        data = json.loads(body or b"{}")
        state = self.state
        answer: Any = {"ok": True}
        with state.lock:
            if path == "/__control/accounts" and method == "POST":
                account = state.add_account(data["token"], data["username"])
                answer = account_json(account, self.base)
            elif path == "/__control/faults" and method == "POST":
                if data["fault"] not in FAULTS:
                    self._send(400, error_json(f"unknown fault {data['fault']}"), None)
                    return
                state.faults.append(Fault(**data))
            elif path == "/__control/latency" and method == "POST":
                state.latency = float(data["seconds"])
            elif path == "/__control/revoke" and method == "POST":
                state.accounts[data["token"]].revoked = bool(data.get("revoked", True))
            elif path == "/__control/log":
                answer = list(state.log)
            elif path == "/__control/statuses":
                answer = state.dump_statuses(self.base)
            elif path == "/__control/clock" and method == "POST":
                state.fixed_now = datetime.fromisoformat(data["now"]) if data.get("now") else None
            elif path == "/__control/publish_due" and method == "POST":
                made = state.publish_due(datetime.fromisoformat(data["now"]) if data.get("now") else state.now())
                answer = [status_json(s, self.base) for s in made]
            elif path == "/__control/scheduled":
                answer = [
                    {**scheduled_status_json(s, self.base), "token": s.account.token, "text": s.text}
                    for s in state.scheduled
                ]
            elif path == "/__control/reset" and method == "POST":
                state.scheduled.clear()
                state.statuses.clear()
                state.keys.clear()
                state.faults.clear()
                state.log.clear()
                state.latency = 0.0
            else:
                self._send(404, error_json("no such control"), None)
                return
        self._send(200, answer, None)

    # -- helpers ----------------------------------------------------------------------------------------------

    def _fields(self, body: bytes) -> dict[str, list[str]]:
        content_type = self.headers.get("Content-Type") or ""
        if content_type.startswith("application/json"):
            raw = json.loads(body or b"{}")
            return {k: [str(x) for x in v] if isinstance(v, list) else [str(v)] for k, v in raw.items()}
        return parse_qs(body.decode("utf-8"), keep_blank_values=True)

    def _media(self, body: bytes) -> Media:
        content_type = self.headers.get("Content-Type") or ""
        message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
        filename, mime, description = "file", "application/octet-stream", None
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if name == "file":
                filename = part.get_filename() or filename
                mime = part.get_content_type()
            elif name == "description":
                payload = part.get_payload(decode=True)
                description = payload.decode("utf-8") if isinstance(payload, bytes) else None
        media = Media(id=self.state.next_id(), filename=filename, mime_type=mime, description=description)
        with self.state.lock:
            self.state.media[media.id] = media
        return media

    def _send(
        self, code: int, body: Any, entry: dict[str, Any] | None, *, headers: dict[str, str] | None = None
    ) -> None:
        after, self._after_fault = self._after_fault, None
        if after is not None and entry is not None and 200 <= code < 300:
            self._fault_after(after, entry)  # the request was applied; the client does not learn it
            return
        data = json.dumps(body).encode()
        if entry is not None:
            entry["answer"] = code
        self.send_response(code)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def _reset(self) -> None:
        """Close without an answer; SO_LINGER 0 makes the close an RST, as a crashed proxy's would be."""
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.close()


class LoopbackServer(ThreadingHTTPServer):
    daemon_threads = True
    # Several runners x 10 concurrent sends connect at once; the default backlog (5) would refuse some.
    request_queue_size = 128
    block_on_close = False  # a handler sleeping through a timeout fault must not hold up stop()

    def __init__(self, state: State, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), Handler)
        self.state = state

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that went away mid-answer is part of the tests

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"


# -- running it -----------------------------------------------------------------------------------------------------


class Control:
    """The control API of a running server (in this process or another), over HTTP."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")

    def _call(self, method: str, path: str, data: Any = None) -> Any:
        body = json.dumps(data).encode() if data is not None else None
        request = urllib.request.Request(f"{self.url}/__control/{path}", data=body, method=method)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def add_account(self, token: str, username: str) -> dict[str, Any]:
        answer: dict[str, Any] = self._call("POST", "accounts", {"token": token, "username": username})
        return answer

    def fault(self, fault: str, **options: Any) -> None:
        self._call("POST", "faults", {"fault": fault, **options})

    def latency(self, seconds: float) -> None:
        self._call("POST", "latency", {"seconds": seconds})

    def revoke(self, token: str, revoked: bool = True) -> None:
        self._call("POST", "revoke", {"token": token, "revoked": revoked})

    def log(self) -> list[dict[str, Any]]:
        answer: list[dict[str, Any]] = self._call("GET", "log")
        return answer

    def statuses(self, token: str | None = None) -> list[dict[str, Any]]:
        every: list[dict[str, Any]] = self._call("GET", "statuses")
        return [s for s in every if token is None or s["token"] == token]

    def creates(self, token: str | None = None) -> list[dict[str, Any]]:
        """Every ``POST /api/v1/statuses`` the server received (whatever it answered)."""
        return [
            e
            for e in self.log()
            if e["method"] == "POST" and e["path"] == "/api/v1/statuses" and (token is None or e["token"] == token)
        ]

    def reset(self) -> None:
        self._call("POST", "reset", {})

    def set_clock(self, when: datetime | None) -> None:
        self._call("POST", "clock", {"now": when.isoformat() if when else None})

    def publish_due(self, until: datetime) -> list[dict[str, Any]]:
        """Let the server's scheduler publish what is due by ``until``; the statuses made."""
        made: list[dict[str, Any]] = self._call("POST", "publish_due", {"now": until.isoformat()})
        return made

    def scheduled(self, token: str | None = None) -> list[dict[str, Any]]:
        every: list[dict[str, Any]] = self._call("GET", "scheduled")
        return [s for s in every if token is None or s["token"] == token]

    def wait_ready(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.log()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)


class ThreadServer(Control):
    """A server on a thread of this process; :meth:`stop` wakes every sleeping handler and closes it."""

    def __init__(self, server: LoopbackServer, thread: threading.Thread) -> None:
        super().__init__(server.url)
        self.server = server
        self.state = server.state
        self.thread = thread

    def stop(self) -> None:
        self.state.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


def serve_in_thread(accounts: dict[str, str] | None = None, *, latency: float = 0.0) -> ThreadServer:
    """Start a server on a free loopback port; ``accounts`` maps token -> username."""
    state = State(latency=latency)
    for token, username in (accounts or {}).items():
        state.add_account(token, username)
    server = LoopbackServer(state)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return ThreadServer(server, thread)


class ProcessServer(Control):
    """A server in a process of its own: it outlives whatever the test kills. :meth:`stop` ends it."""

    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        super().__init__(url)
        self.process = process

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


def start_process(accounts: dict[str, str] | None = None, *, latency: float = 0.0) -> ProcessServer:
    """Start this file as a server process (``sys.executable``), wait for its ``READY`` line."""
    command = [sys.executable, str(Path(__file__).resolve()), "--latency", str(latency)]
    for token, username in (accounts or {}).items():
        command += ["--account", f"{token}={username}"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if not line.startswith("READY "):
        process.kill()
        process.wait()
        process.stdout.close()
        raise RuntimeError(f"the loopback Mastodon server did not start (exit {process.poll()}): {line!r}")
    server = ProcessServer(process, line.split(" ", 1)[1])
    server.wait_ready()
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Loopback Mastodon API server for tests.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--account", action="append", default=[], metavar="TOKEN=USERNAME")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before every API answer")
    parser.add_argument("--key-lifetime", type=float, default=KEY_LIFETIME, help="seconds a key is remembered")
    args = parser.parse_args(argv)
    state = State(latency=args.latency, key_lifetime=args.key_lifetime)
    for item in args.account:
        token, _, username = item.partition("=")
        state.add_account(token, username or f"user{len(state.accounts) + 1}")
    server = LoopbackServer(state, args.port)
    print(f"READY {server.url}", flush=True)
    try:
        server.serve_forever(poll_interval=0.05)
    except KeyboardInterrupt:
        pass
    finally:
        state.stopping.set()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
