"""The shared HTTP layer: what it sends, and how every failure becomes one of the engine's error classes."""

from __future__ import annotations

import ssl
from datetime import UTC, datetime

import httpx
import pytest

from publisher import __version__
from publisher.channels._http import HttpClient, RateGuard, check_url, parse_reset
from publisher.errors import AuthExpired, InputError, OutcomeUnknown, RateLimited, Rejected, Transient

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC).timestamp()


class Log:
    """A MockTransport handler that answers from a script and logs every request."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if self.answers else httpx.Response(200, json={})
        if isinstance(answer, Exception):
            raise answer
        return answer


def client(log: Log, *, token: str | None = "tok", guard: RateGuard | None = None) -> HttpClient:
    return HttpClient(
        "https://social.example", token=token, transport=httpx.MockTransport(log), guard=guard or RateGuard(lambda: NOW)
    )


def test_requests_carry_the_user_agent_and_the_token():
    log = Log(httpx.Response(200, json={"ok": True}))
    assert client(log).json("GET", "/api/v1/x", params={"a": "b"}) == {"ok": True}
    [request] = log.requests
    assert request.url == "https://social.example/api/v1/x?a=b"
    assert request.headers["User-Agent"] == f"Publisher/{__version__}"
    assert request.headers["Authorization"] == "Bearer tok"
    assert request.headers["Accept"] == "application/json"


def test_no_token_no_authorization_header():
    log = Log()
    client(log, token=None).request("GET", "/x")
    assert "Authorization" not in log.requests[0].headers


@pytest.mark.parametrize(
    "url",
    ["http://social.example", "http://10.0.0.5:3000", "http://127.0.0.1.nip.io", "http://[::2]"],
)
def test_plain_http_is_refused_except_on_loopback(url):
    with pytest.raises(InputError) as exc:
        HttpClient(url)
    assert exc.value.code == "channel.insecure_url"
    assert exc.value.params == {"url": url}


@pytest.mark.parametrize("url", ["http://127.0.0.1:3000", "http://127.8.9.10", "http://[::1]:80", "http://localhost"])
def test_plain_http_is_allowed_on_loopback(url):
    assert check_url(url) == url


@pytest.mark.parametrize("url", ["ftp://social.example", "social.example", "https://"])
def test_a_non_web_address_is_refused(url):
    with pytest.raises(InputError) as exc:
        check_url(url)
    assert exc.value.code == "channel.bad_url"


# -- failures before and after the request left ------------------------------------------------------------


def _raise(exc_type: type[Exception], message: str = "boom") -> Exception:
    return exc_type(message)


@pytest.mark.parametrize("exc_type", [httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout])
def test_failures_before_sending_are_transient(exc_type):
    with pytest.raises(Transient) as exc:
        client(Log(_raise(exc_type, "Name or service not known"))).request("POST", "/api/v1/statuses")
    assert exc.value.code == "channel.connect_failed"
    assert exc.value.params["host"] == "social.example"


def test_a_tls_failure_has_its_own_code():
    error = httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    error.__cause__ = ssl.SSLCertVerificationError("certificate verify failed")
    with pytest.raises(Transient) as exc:
        client(Log(error)).request("GET", "/api/v1/instance")
    assert exc.value.code == "channel.tls_error"


@pytest.mark.parametrize(
    "exc_type", [httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteTimeout]
)
def test_failures_after_sending_a_post_leave_the_outcome_unknown(exc_type):
    with pytest.raises(OutcomeUnknown) as exc:
        client(Log(_raise(exc_type, "Connection reset by peer"))).request("POST", "/api/v1/statuses")
    assert exc.value.code == "channel.no_response"
    assert exc.value.params["method"] == "POST"


def test_failures_after_sending_a_get_are_only_transient():
    with pytest.raises(Transient) as exc:
        client(Log(httpx.ReadTimeout("timed out"))).request("GET", "/api/v1/statuses/1")
    assert exc.value.code == "channel.read_failed"


def test_no_httpx_exception_escapes():
    with pytest.raises(Transient):
        client(Log(httpx.DecodingError("bad gzip"))).request("GET", "/x")


# -- HTTP statuses ----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [401, 403])
def test_401_and_403_mean_sign_in_again(status):
    answer = httpx.Response(status, json={"error": "The access token is invalid"})
    with pytest.raises(AuthExpired) as exc:
        client(Log(answer)).request("GET", "/api/v1/accounts/verify_credentials")
    assert exc.value.code == "channel.auth_expired"
    assert exc.value.params["message"] == "The access token is invalid"


def test_429_waits_as_long_as_retry_after_says():
    answer = httpx.Response(429, headers={"Retry-After": "120"}, json={"error": "Too many requests"})
    with pytest.raises(RateLimited) as exc:
        client(Log(answer)).request("POST", "/api/v1/statuses")
    assert exc.value.retry_after == 120


def test_429_falls_back_to_the_rate_limit_reset_timestamp():
    answer = httpx.Response(429, headers={"X-RateLimit-Reset": "2026-11-23T09:05:00.000Z"})
    with pytest.raises(RateLimited) as exc:
        client(Log(answer)).request("POST", "/api/v1/statuses")
    assert exc.value.retry_after == 300


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_transient(status):
    with pytest.raises(Transient) as exc:
        client(Log(httpx.Response(status, text="<html>Bad gateway</html>"))).request("GET", "/x")
    assert exc.value.code == "channel.server_error"
    assert exc.value.params == {"host": "social.example", "status": status}


def test_422_is_rejected_with_the_servers_message():
    answer = httpx.Response(422, json={"error": "Validation failed: Text can't be blank"})
    with pytest.raises(Rejected) as exc:
        client(Log(answer)).request("POST", "/api/v1/statuses")
    assert exc.value.code == "channel.rejected"
    assert exc.value.params == {
        "host": "social.example",
        "status": 422,
        "message": "Validation failed: Text can't be blank",
    }


def test_error_description_is_kept():
    answer = httpx.Response(400, json={"error": "invalid_grant", "error_description": "The code is wrong"})
    with pytest.raises(Rejected) as exc:
        client(Log(answer)).request("POST", "/oauth/token")
    assert exc.value.params["message"] == "invalid_grant - The code is wrong"


def test_404_has_its_own_code():
    with pytest.raises(Rejected) as exc:
        client(Log(httpx.Response(404, json={"error": "Record not found"}))).request("GET", "/api/v1/statuses/9")
    assert exc.value.code == "channel.remote_not_found"


def test_redirects_are_not_followed():
    answer = httpx.Response(302, headers={"Location": "https://social.example/auth/sign_in"})
    with pytest.raises(Rejected) as exc:
        client(Log(answer)).request("GET", "/api/v1/instance")
    assert exc.value.code == "channel.unexpected_redirect"
    assert exc.value.params["location"] == "https://social.example/auth/sign_in"


def test_an_html_page_where_json_was_expected_is_rejected():
    page = httpx.Response(200, text="<!DOCTYPE html><title>Sign in</title>", headers={"Content-Type": "text/html"})
    with pytest.raises(Rejected) as exc:
        client(Log(page)).json("GET", "/api/v1/instance")
    assert exc.value.code == "channel.not_json"
    assert exc.value.params == {"status": 200, "content_type": "text/html"}


# -- the rate guard ---------------------------------------------------------------------------------


def test_the_guard_stops_the_next_request_when_nothing_remains():
    now = [NOW]
    guard = RateGuard(lambda: now[0])
    spent = httpx.Response(
        200, json={}, headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2026-11-23T09:01:30Z"}
    )
    log = Log(spent)
    http = client(log, guard=guard)
    http.request("GET", "/api/v1/timelines/home")
    with pytest.raises(RateLimited) as exc:
        http.request("POST", "/api/v1/statuses")
    assert exc.value.retry_after == 90
    assert exc.value.params["source"] == "guard"
    assert len(log.requests) == 1  # the second request never left

    now[0] += 91
    http.request("POST", "/api/v1/statuses")
    assert len(log.requests) == 2


def test_the_guard_is_per_account():
    guard = RateGuard(lambda: NOW)
    spent = httpx.Response(200, json={}, headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(NOW + 60)})
    log = Log(spent)
    client(log, guard=guard, token="a").request("GET", "/x")
    client(log, guard=guard, token="b").request("GET", "/x")  # another account on the same instance
    with pytest.raises(RateLimited):
        client(log, guard=guard, token="a").request("GET", "/x")


def test_remaining_requests_let_traffic_through():
    guard = RateGuard(lambda: NOW)
    log = Log(*[httpx.Response(200, json={}, headers={"X-RateLimit-Remaining": "5"}) for _ in range(3)])
    http = client(log, guard=guard)
    for _ in range(3):
        http.request("GET", "/x")
    assert len(log.requests) == 3


@pytest.mark.parametrize(
    ("value", "wait"),
    [
        ("30", 30),
        (str(NOW + 45), 45),
        ("2026-11-23T09:02:00.000000Z", 120),
        ("Mon, 23 Nov 2026 09:00:10 GMT", 10),
        ("2026-11-23T08:00:00Z", 0),
        ("soon", None),
        (None, None),
    ],
)
def test_reset_values_in_every_documented_form(value, wait):
    assert parse_reset(value, NOW) == wait
