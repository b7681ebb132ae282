"""The HTTP layer every network connector shares.

One :class:`HttpClient` per connector wraps an :class:`httpx.Client` (the transport is injectable, so tests swap
in :class:`httpx.MockTransport`). It refuses plain ``http://`` except on loopback, keeps TLS verification on,
and turns every httpx exception and every unwelcome HTTP status into the error tree of :mod:`publisher.errors`,
so no httpx exception ever leaves :mod:`publisher.channels`::

    before a byte was sent   connect error, DNS, connect timeout    Transient("channel.connect_failed")
                             TLS handshake / certificate           Transient("channel.tls_error")
    after the request left   read timeout, reset, protocol error   OutcomeUnknown("channel.no_response")
                             (on GET/HEAD: nothing can have changed, so Transient("channel.read_failed"))
    HTTP 401 / 403                                                 AuthExpired("channel.auth_expired")
    HTTP 429                                                       RateLimited(retry_after=Retry-After | reset)
    HTTP 5xx                                                       Transient("channel.server_error")
    HTTP 404                                                       Rejected("channel.remote_not_found")
    other 4xx                                                      Rejected("channel.rejected", message=…)
    3xx (never followed)                                           Rejected("channel.unexpected_redirect")
    not JSON where JSON was expected                               Rejected("channel.not_json")

A :class:`RateGuard` remembers ``X-RateLimit-Remaining``/``X-RateLimit-Reset`` per host and account; once the
network says nothing remains, the next request raises :class:`RateLimited` before it is sent.
"""

from __future__ import annotations

import email.utils
import functools
import hashlib
import ipaddress
import json
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from publisher import __version__
from publisher.errors import AuthExpired, InputError, OutcomeUnknown, RateLimited, Rejected, Transient

USER_AGENT = f"Publisher/{__version__}"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
DEFAULT_RETRY_AFTER = 60.0
MAX_MESSAGE = 500

Now = Callable[[], float]  # seconds since the epoch


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalise_service_url(url: str | None, *, required_code: str) -> str:
    """``https://host[:port][/path]`` for what a user typed (``example.org``, ``https://Example.org/blog/``).

    ``https://`` is assumed when no scheme is given; plain ``http://`` only for loopback; no credentials, query
    or fragment. An empty value raises ``InputError(required_code)``.
    """
    raw = (url or "").strip()
    if not raw:
        raise InputError(required_code)
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        raise InputError("channel.bad_url", url=url)
    if parts.query or parts.fragment:
        raise InputError("channel.bad_url", url=url)
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InputError("channel.insecure_url", url=url)
    try:
        port = parts.port
    except ValueError:
        raise InputError("channel.bad_url", url=url) from None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "") + parts.path.rstrip("/")


def check_url(url: str) -> str:
    """``url`` if it is ``https://`` (or ``http://`` on loopback); :class:`InputError` otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError("channel.bad_url", url=url)
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InputError("channel.insecure_url", url=url)
    return url


def parse_reset(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` or ``X-RateLimit-Reset`` value (delta, epoch, ISO or HTTP date)."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        number = float(value)
    except ValueError:
        number = None
    if number is not None:
        wait = number - now if number > 1_000_000_000 else number  # an epoch timestamp or a delta
        return max(wait, 0.0)
    when: datetime | None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(when.timestamp() - now, 0.0)


class RateGuard:
    """Remembers, per host and account, until when the network said no request remains (thread-safe)."""

    def __init__(self, now: Now = time.time) -> None:
        self.now = now
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> None:
        with self._lock:
            until = self._until.get(key)
        if until is None:
            return
        wait = until - self.now()
        if wait > 0:
            raise RateLimited("channel.rate_limited", retry_after=wait, source="guard")
        with self._lock:
            self._until.pop(key, None)

    def observe(self, key: str, headers: httpx.Headers) -> None:
        remaining = headers.get("x-ratelimit-remaining")
        if remaining is None:
            return
        try:
            left = int(float(remaining))
        except ValueError:
            return
        now = self.now()
        with self._lock:
            if left > 0:
                self._until.pop(key, None)
                return
            wait = parse_reset(headers.get("x-ratelimit-reset"), now)
            self._until[key] = now + (wait if wait is not None else DEFAULT_RETRY_AFTER)


def server_message(response: httpx.Response) -> str | None:
    """The server's own error text: Mastodon-style ``{"error": …, "error_description": …}`` or similar."""
    try:
        body = response.json()
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    parts = [str(body[k]) for k in ("error", "error_description", "message", "detail") if body.get(k)]
    return " - ".join(parts)[:MAX_MESSAGE] if parts else None


class HttpClient:
    """One network's HTTP session: base URL, bearer token, error mapping and rate guard."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        guard: RateGuard | None = None,
    ) -> None:
        self.base_url = check_url(base_url.rstrip("/"))
        self.host = urlsplit(self.base_url).hostname or ""
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        account = hashlib.sha256((token or "").encode()).hexdigest()[:16]
        self._guard_key = f"{self.host}:{urlsplit(self.base_url).port}:{account}"
        self.guard = guard if guard is not None else RateGuard()
        # A client per request: connectors have no lifetime to close a pool at, and a leaked socket is worse
        # than a TLS handshake per call. An injected transport is borrowed, never closed.
        self._client_options: dict[str, Any] = {
            "base_url": self.base_url,
            "headers": headers,
            "transport": _Borrowed(transport) if transport is not None else None,
            "timeout": timeout,
            "verify": tls_context(),
            "follow_redirects": False,
        }

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Any = None,
        data: Mapping[str, Any] | None = None,
        files: Any = None,
        json_body: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """Send one request (a form, files, JSON or a raw ``content`` body); return the 2xx response or raise a
        :class:`publisher.errors.ChannelError`."""
        method = method.upper()
        if path.startswith(("http://", "https://")):
            check_url(path)
        self.guard.check(self._guard_key)
        try:
            with httpx.Client(**self._client_options) as client:
                response = client.request(
                    method,
                    path,
                    params=params,
                    data=data,
                    files=files,
                    json=json_body,
                    content=content,
                    headers=headers,
                )
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
            raise self._map_exception(method, exc) from None
        self.guard.observe(self._guard_key, self._rate_headers(response))
        self._check_status(method, response)
        return response

    def _rate_headers(self, response: httpx.Response) -> httpx.Headers:
        """The response's rate-limit headers under the ``X-RateLimit-*`` names :class:`RateGuard` reads; a
        network that names them otherwise overrides this."""
        return response.headers

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        """:meth:`request`, then the body as JSON (``Rejected("channel.not_json")`` if it is not)."""
        response = self.request(method, path, **kwargs)
        return parse_json(response)

    # -- mapping --------------------------------------------------------------------------------

    def _map_exception(self, method: str, exc: Exception) -> Transient | OutcomeUnknown | Rejected:
        host = self.host
        if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
            if _is_tls(exc):
                return Transient("channel.tls_error", host=host, reason=str(exc)[:MAX_MESSAGE])
            return Transient("channel.connect_failed", host=host, reason=type(exc).__name__)
        if isinstance(exc, httpx.PoolTimeout):
            return Transient("channel.connect_failed", host=host, reason=type(exc).__name__)
        if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
            return Rejected("channel.bad_url", url=self.base_url)
        if isinstance(exc, httpx.TransportError):  # read/write timeout, reset, protocol error: the request left
            if method in SAFE_METHODS:
                return Transient("channel.read_failed", host=host, reason=type(exc).__name__)
            return OutcomeUnknown("channel.no_response", host=host, method=method, reason=type(exc).__name__)
        return Transient("channel.http_error", host=host, reason=type(exc).__name__)

    def _check_status(self, method: str, response: httpx.Response) -> None:
        status = response.status_code
        if 200 <= status < 300:
            return
        message = server_message(response)
        params: dict[str, Any] = {"host": self.host, "status": status}
        if message:
            params["message"] = message
        if status in (401, 403):
            raise AuthExpired("channel.auth_expired", **params)
        if status == 429:
            now = self.guard.now()
            wait = parse_reset(response.headers.get("retry-after"), now)
            if wait is None:
                wait = parse_reset(response.headers.get("x-ratelimit-reset"), now)
            raise RateLimited("channel.rate_limited", retry_after=wait if wait is not None else DEFAULT_RETRY_AFTER)
        if status >= 500:
            raise Transient("channel.server_error", **params)
        if 300 <= status < 400:
            raise Rejected("channel.unexpected_redirect", location=response.headers.get("location", ""), **params)
        if status == 404:
            raise Rejected("channel.remote_not_found", **params)
        raise Rejected("channel.rejected", **params)


class _Borrowed(httpx.BaseTransport):
    """A transport the caller owns: used by many short-lived clients, closed by none of them."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.inner.handle_request(request)

    def close(self) -> None:
        pass


@functools.cache
def tls_context() -> ssl.SSLContext:
    """One verifying TLS context for every request. Building one loads the CA bundle (~30 ms of CPU), which a
    client per request would pay each time, one after another even when sends run in parallel."""
    import certifi  # httpx's own CA bundle, so verification trusts exactly what httpx would

    return ssl.create_default_context(cafile=certifi.where())


def parse_json(response: httpx.Response) -> Any:
    content_type = response.headers.get("content-type", "")
    try:
        return json.loads(response.content)
    except ValueError:
        raise Rejected(
            "channel.not_json", status=response.status_code, content_type=content_type.split(";")[0]
        ) from None


def parse_json_object(response: httpx.Response, endpoint: str) -> dict[str, Any]:
    """:func:`parse_json` for APIs that always answer an object; anything else is an unexpected response."""
    body = parse_json(response)
    if not isinstance(body, dict):
        raise Rejected("channel.unexpected_response", endpoint=endpoint)
    return body


def _is_tls(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLError | ssl.CertificateError):
            return True
        current = current.__cause__ or current.__context__
    text = str(exc).upper()
    return "SSL" in text or "CERTIFICATE" in text or "TLS" in text
