"""OAuth sign-in: PKCE, the one-shot loopback listener, and the Mastodon flow against a tiny loopback
authorization server that checks what a real one checks (redirect URI, client credentials, PKCE S256, state)."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from publisher.channels.oauth import (
    MASTODON_SCOPES,
    LoopbackRedirect,
    mastodon_login,
    pkce_challenge,
    pkce_pair,
)
from publisher.errors import AuthExpired, InputError


def test_pkce_matches_the_rfc_7636_example():
    assert (
        pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    )


def test_pkce_pairs_are_fresh_and_well_formed():
    (v1, c1), (v2, _) = pkce_pair(), pkce_pair()
    assert v1 != v2
    assert len(v1) == 43 and set(v1) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    assert c1 == pkce_challenge(v1) and "=" not in c1


def _visit(url: str, result: dict[str, object]) -> None:
    try:
        response = httpx.get(url, follow_redirects=True, timeout=5)
        result["status"] = response.status_code
        result["text"] = response.text
    except httpx.HTTPError as exc:  # pragma: no cover - reported by the assertions
        result["error"] = repr(exc)


def browse(url: str) -> tuple[threading.Thread, dict[str, object]]:
    """A browser following ``url`` (and its redirects) in the background."""
    result: dict[str, object] = {}
    thread = threading.Thread(target=_visit, args=(url, result), daemon=True)
    thread.start()
    return thread, result


def _refused(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def test_the_listener_takes_one_redirect_checks_state_and_closes():
    listener = LoopbackRedirect(page_text="Signed in.")
    assert listener.redirect_uri == f"http://127.0.0.1:{listener.port}/cb"
    stray, _ = browse(f"http://127.0.0.1:{listener.port}/favicon.ico")
    thread, page = browse(listener.redirect_uri + "?" + urlencode({"code": "c0de", "state": "s1"}))
    assert listener.wait(state="s1", timeout=10) == "c0de"
    thread.join(5)
    stray.join(5)
    assert page["status"] == 200 and "Signed in." in str(page["text"])
    assert _refused(listener.port)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ({"code": "c0de", "state": "forged"}, "oauth.state_mismatch"),
        ({"code": "c0de"}, "oauth.state_mismatch"),
        ({"error": "access_denied", "state": "s1"}, "oauth.denied"),
        ({"state": "s1"}, "oauth.no_code"),
    ],
)
def test_a_bad_redirect_is_refused(query, code):
    listener = LoopbackRedirect()
    thread, _ = browse(listener.redirect_uri + "?" + urlencode(query))
    with pytest.raises(InputError) as exc:
        listener.wait(state="s1", timeout=10)
    assert exc.value.code == code
    thread.join(5)
    assert _refused(listener.port)


def test_nobody_coming_back_times_out_and_closes():
    listener = LoopbackRedirect()
    with pytest.raises(InputError) as exc:
        listener.wait(state="s1", timeout=0.3)
    assert exc.value.code == "oauth.timeout"
    assert _refused(listener.port)


def test_a_cancelled_sign_in_stops_waiting():
    cancelled = threading.Event()
    cancelled.set()
    with pytest.raises(InputError):
        LoopbackRedirect().wait(state="s1", timeout=30, cancelled=cancelled)


# -- the whole Mastodon flow against a loopback authorization server -----------------------------------------


class AuthServer(http.server.ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), AuthHandler)
        self.log: list[tuple[str, str, dict[str, str]]] = []
        self.apps: dict[str, dict[str, str]] = {}
        self.codes: dict[str, dict[str, str]] = {}
        self.approve = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class AuthHandler(http.server.BaseHTTPRequestHandler):
    server: AuthServer

    def log_message(self, format, *args):
        pass

    def _json(self, status: int, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        self.server.log.append(("GET", parts.path, query))
        app = self.server.apps.get(query.get("client_id", ""))
        if parts.path != "/oauth/authorize" or app is None or query.get("redirect_uri") != app["redirect_uris"]:
            self._json(400, {"error": "invalid_request"})
            return
        back = {"state": query["state"]}
        if self.server.approve:
            code = f"code-{len(self.server.codes)}"
            self.server.codes[code] = query
            back["code"] = code
        else:
            back["error"] = "access_denied"
        self.send_response(302)
        self.send_header("Location", query["redirect_uri"] + "?" + urlencode(back))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        self.server.log.append(("POST", self.path, form))
        if self.path == "/api/v1/apps":
            client_id = f"client-{len(self.server.apps)}"
            self.server.apps[client_id] = form
            self._json(200, {"client_id": client_id, "client_secret": "s3cret", "name": form["client_name"]})
            return
        if self.path == "/oauth/token":
            grant = self.server.codes.pop(form.get("code", ""), None)
            ok = (
                grant is not None
                and form.get("client_secret") == "s3cret"
                and form.get("redirect_uri") == grant["redirect_uri"]
                and pkce_challenge(form.get("code_verifier", "")) == grant["code_challenge"]
            )
            if not ok:
                self._json(401, {"error": "invalid_grant"})
                return
            self._json(200, {"access_token": "tok-123", "token_type": "Bearer", "scope": grant["scope"]})
            return
        self._json(404, {"error": "Record not found"})


@pytest.fixture
def auth_server() -> Iterator[AuthServer]:
    server = AuthServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_mastodon_login_registers_the_exact_redirect_and_exchanges_the_code_with_pkce(auth_server):
    browsers: list[threading.Thread] = []
    token = mastodon_login(auth_server.url, open_browser=lambda url: browsers.append(browse(url)[0]), timeout=10)
    for thread in browsers:
        thread.join(5)
    assert token == "tok-123"
    (m1, p1, apps), (m2, p2, authorize), (m3, p3, exchange) = auth_server.log
    assert (m1, p1, m2, p2, m3, p3) == ("POST", "/api/v1/apps", "GET", "/oauth/authorize", "POST", "/oauth/token")
    assert apps["client_name"] == "Publisher"
    assert apps["scopes"] == MASTODON_SCOPES
    redirect = apps["redirect_uris"]
    assert redirect.startswith("http://127.0.0.1:") and redirect.endswith("/cb")
    assert authorize["code_challenge_method"] == "S256"
    assert authorize["response_type"] == "code"
    assert len(authorize["state"]) >= 32
    assert exchange["grant_type"] == "authorization_code"
    assert exchange["client_id"] == "client-0"
    assert _refused(int(urlsplit(redirect).port or 0))


def test_a_denied_mastodon_login_raises(auth_server):
    auth_server.approve = False
    with pytest.raises(InputError) as exc:
        mastodon_login(auth_server.url, open_browser=browse, timeout=10)
    assert exc.value.code == "oauth.denied"
    assert [p for _, p, _ in auth_server.log] == ["/api/v1/apps", "/oauth/authorize"]


def test_a_refused_code_exchange_is_auth_expired():
    def instance(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v1/apps":
            return httpx.Response(200, json={"client_id": "c", "client_secret": "s"})
        return httpx.Response(401, json={"error": "invalid_grant"})

    def browser(url: str) -> None:
        query = parse_qs(urlsplit(url).query)
        browse(query["redirect_uri"][0] + "?" + urlencode({"code": "x", "state": query["state"][0]}))

    with pytest.raises(AuthExpired):
        mastodon_login(
            "https://social.example", open_browser=browser, timeout=10, transport=httpx.MockTransport(instance)
        )


def test_mastodon_login_refuses_plain_http_to_a_remote_host():
    with pytest.raises(InputError) as exc:
        mastodon_login("http://social.example", open_browser=browse)
    assert exc.value.code == "channel.insecure_url"
