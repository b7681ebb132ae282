"""Signing in with OAuth 2 from a desktop app: PKCE (S256), a one-shot loopback redirect listener (RFC 8252), and
Mastodon's per-instance app registration and token exchange (``channels.md`` section 1).

A Mastodon sign-in, as the UI drives it (in a worker, never on the GUI thread)::

    token = mastodon_login("https://mastodon.social", open_browser=webbrowser.open)

which listens on ``http://127.0.0.1:<random port>/cb``, registers an app with exactly that redirect URI
(Mastodon matches redirect URIs exactly), opens the authorization page, waits for the one redirect, checks
``state`` and exchanges the code with the PKCE verifier. Every HTTP call goes through :mod:`._http`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.server
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from publisher import APP_NAME
from publisher.channels._http import HttpClient, check_url
from publisher.errors import InputError, Rejected

CALLBACK_PATH = "/cb"
MASTODON_SCOPES = "read:accounts read:statuses read:notifications write:statuses write:media"
LOGIN_TIMEOUT = 300.0
DONE_PAGE = "<!doctype html><meta charset=utf-8><title>{title}</title><p>{text}</p>"


# -- PKCE (RFC 7636) ---------------------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def pkce_challenge(verifier: str) -> str:
    """The S256 code challenge of ``verifier``."""
    return _b64url(hashlib.sha256(verifier.encode("ascii")).digest())


def pkce_pair() -> tuple[str, str]:
    """A fresh ``(verifier, challenge)``: 43 unreserved characters from 32 random bytes, and its S256 hash."""
    verifier = _b64url(secrets.token_bytes(32))
    return verifier, pkce_challenge(verifier)


def new_state() -> str:
    return secrets.token_urlsafe(24)


# -- the loopback redirect listener ------------------------------------------------------------------


class _Server(http.server.HTTPServer):
    callback: dict[str, str] | None = None
    page: bytes = b""


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server
    timeout = 5.0  # a connection that never sends a request must not hold the listener

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != CALLBACK_PATH or self.server.callback is not None:
            self._answer(404, b"")
            return
        self.server.callback = {k: v[0] for k, v in parse_qs(parts.query).items() if v}
        self._answer(200, self.server.page)

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the query holds the authorization code: keep it out of logs


class LoopbackRedirect:
    """Listens on ``127.0.0.1`` at a random port for exactly one redirect to :data:`CALLBACK_PATH`, then closes.

    ``page_title``/``page_text`` are what the browser shows afterwards (the UI passes translated text).
    """

    def __init__(self, *, page_title: str = APP_NAME, page_text: str = "You can close this window.") -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.page = DONE_PAGE.format(title=page_title, text=page_text).encode("utf-8")
        self.port = int(self._server.server_address[1])
        self.redirect_uri = f"http://127.0.0.1:{self.port}{CALLBACK_PATH}"

    def wait(self, *, state: str, timeout: float = LOGIN_TIMEOUT, cancelled: threading.Event | None = None) -> str:
        """The authorization code from the one redirect; raises if it carries an error or the wrong state."""
        deadline = time.monotonic() + timeout
        try:
            while self._server.callback is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or (cancelled is not None and cancelled.is_set()):
                    raise InputError("oauth.timeout", seconds=int(timeout))
                self._server.timeout = min(remaining, 0.5)
                self._server.handle_request()
        finally:
            self.close()
        callback = self._server.callback
        if not hmac.compare_digest(callback.get("state", ""), state):
            raise InputError("oauth.state_mismatch")
        if "error" in callback:
            raise InputError("oauth.denied", error=callback["error"])
        code = callback.get("code")
        if not code:
            raise InputError("oauth.no_code")
        return code

    def close(self) -> None:
        self._server.server_close()

    def __enter__(self) -> LoopbackRedirect:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- Mastodon ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OAuthApp:
    client_id: str
    client_secret: str
    redirect_uri: str
    scopes: str


def register_mastodon_app(
    base_url: str,
    *,
    redirect_uri: str,
    scopes: str = MASTODON_SCOPES,
    website: str | None = None,
    transport: httpx.BaseTransport | None = None,
) -> OAuthApp:
    """``POST /api/v1/apps``: a client registered for exactly ``redirect_uri`` on this instance."""
    form = {"client_name": APP_NAME, "redirect_uris": redirect_uri, "scopes": scopes}
    if website:
        form["website"] = website
    app = HttpClient(base_url, transport=transport).json("POST", "/api/v1/apps", data=form)
    if not isinstance(app, dict) or not app.get("client_id") or not app.get("client_secret"):
        raise Rejected("channel.unexpected_response", endpoint="apps")
    return OAuthApp(str(app["client_id"]), str(app["client_secret"]), redirect_uri, scopes)


def mastodon_authorize_url(base_url: str, app: OAuthApp, *, state: str, code_challenge: str) -> str:
    query = urlencode(
        {
            "response_type": "code",
            "client_id": app.client_id,
            "redirect_uri": app.redirect_uri,
            "scope": app.scopes,
            "state": state,
            "code_challenge": code_challenge,
            "code_challenge_method": "S256",
        }
    )
    return f"{check_url(base_url.rstrip('/'))}/oauth/authorize?{query}"


def exchange_mastodon_code(
    base_url: str, app: OAuthApp, *, code: str, code_verifier: str, transport: httpx.BaseTransport | None = None
) -> str:
    """``POST /oauth/token``: the access token for ``code`` (Mastodon tokens do not expire; they are revoked)."""
    token = HttpClient(base_url, transport=transport).json(
        "POST",
        "/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": app.redirect_uri,
            "client_id": app.client_id,
            "client_secret": app.client_secret,
            "code_verifier": code_verifier,
            "scope": app.scopes,
        },
    )
    if not isinstance(token, dict) or not token.get("access_token"):
        raise Rejected("channel.unexpected_response", endpoint="oauth/token")
    return str(token["access_token"])


def mastodon_login(
    base_url: str,
    *,
    open_browser: Callable[[str], object],
    timeout: float = LOGIN_TIMEOUT,
    cancelled: threading.Event | None = None,
    transport: httpx.BaseTransport | None = None,
    page_title: str = APP_NAME,
    page_text: str = "You can close this window.",
) -> str:
    """The whole sign-in; returns the access token for the caller to put in the secret store."""
    check_url(base_url)
    with LoopbackRedirect(page_title=page_title, page_text=page_text) as listener:
        app = register_mastodon_app(base_url, redirect_uri=listener.redirect_uri, transport=transport)
        verifier, challenge = pkce_pair()
        state = new_state()
        open_browser(mastodon_authorize_url(base_url, app, state=state, code_challenge=challenge))
        code = listener.wait(state=state, timeout=timeout, cancelled=cancelled)
    return exchange_mastodon_code(base_url, app, code=code, code_verifier=verifier, transport=transport)
