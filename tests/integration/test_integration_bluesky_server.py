"""The reference AT Protocol network on loopback (tests/integration/servers/bluesky_server.py) works end to end.

What it needs: npm (any Node; Node 22 and ``@atproto/dev-env`` are installed from npm into the test cache,
``$PUBLISHER_TEST_CACHE`` or ``<system temp>/publisher-test-cache``: ~650 MB and 2–3 minutes the first time,
gcc/make/python to compile better-sqlite3), and Debian's ``postgresql`` for the AppView (installed with apt-get when
running as root). A start then takes ~10 s and ~500 MB of memory. An install or start failure fails the test with the
log tail; ``PUBLISHER_SKIP_SERVERS=1`` skips it instead.

Raw HTTP only, no project code: two accounts; A posts; the AppView indexes it (seen through the PDS, which proxies
``app.bsky.*`` to the AppView without any ``atproto-proxy`` header); B replies; A gets the reply notification.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from tests.integration.servers.running import REAL_SERVERS, running

pytestmark = REAL_SERVERS

INDEX_TIMEOUT = 30.0


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with running("bluesky", tmp_path_factory.mktemp("bluesky")) as server:
        yield server


def _xrpc(base: str, method: str, nsid: str, token: str, **kwargs: Any) -> dict[str, Any]:
    response = httpx.request(
        method, f"{base}/xrpc/{nsid}", headers={"Authorization": f"Bearer {token}"}, timeout=30, **kwargs
    )
    assert response.status_code == 200, f"{nsid}: {response.status_code} {response.text}"
    return dict(response.json())


def _poll(what: str, check: Callable[[], Any], network: Any) -> Any:
    deadline = time.monotonic() + INDEX_TIMEOUT
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}; network log tail:\n{network.log_tail()}", pytrace=False)
        time.sleep(0.3)


def _post(network: Any, account: Any, record: dict[str, Any]) -> dict[str, Any]:
    body = {"repo": account.did, "collection": "app.bsky.feed.post", "record": record}
    return _xrpc(network.pds_url, "POST", "com.atproto.repo.createRecord", account.access_jwt, json=body)


def test_post_reply_and_notification_across_pds_and_appview(network: Any) -> None:
    suffix = uuid.uuid4().hex[:6]
    alice = network.create_account(f"alice-{suffix}.test", "pw-alice")
    bob = network.create_account(f"bob-{suffix}.test", "pw-bob")
    assert alice.did.startswith("did:plc:") and bob.did.startswith("did:plc:")

    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    root = _post(network, alice, {"$type": "app.bsky.feed.post", "text": "Hello from Publisher", "createdAt": now})
    assert root["uri"].startswith(f"at://{alice.did}/app.bsky.feed.post/")

    # AppView indexing is asynchronous: a reply to a root it has not indexed yet would notify nobody.
    def indexed() -> list[dict[str, Any]]:
        posts = _xrpc(network.pds_url, "GET", "app.bsky.feed.getPosts", bob.access_jwt, params={"uris": root["uri"]})
        return list(posts["posts"])

    posts = _poll("the AppView to index the post", indexed, network)
    assert posts[0]["record"]["text"] == "Hello from Publisher"
    assert posts[0]["author"]["did"] == alice.did

    ref = {"uri": root["uri"], "cid": root["cid"]}
    reply = _post(
        network,
        bob,
        {
            "$type": "app.bsky.feed.post",
            "text": "A reply from Bob",
            "createdAt": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
            "reply": {"root": ref, "parent": ref},
        },
    )

    def notified() -> list[dict[str, Any]]:
        page = _xrpc(network.pds_url, "GET", "app.bsky.notification.listNotifications", alice.access_jwt)
        return [n for n in page["notifications"] if n["reason"] == "reply" and n["uri"] == reply["uri"]]

    notifications = _poll("the reply notification", notified, network)
    assert notifications[0]["author"]["did"] == bob.did
    assert notifications[0]["record"]["text"] == "A reply from Bob"
    assert notifications[0]["reasonSubject"] == root["uri"]
