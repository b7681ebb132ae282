"""The Bluesky connector against the reference AT Protocol network on loopback (PLC, PDS and AppView from npm
``@atproto/dev-env``, started by tests/integration/servers/bluesky_server.py).

An install or start failure fails the test with the log tail; ``PUBLISHER_SKIP_SERVERS=1`` skips it instead. The
AppView indexes asynchronously, so whatever is read through ``app.bsky.*`` is polled for until it appears.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from PIL import Image

from publisher.channels.bluesky import BlueskyConnector, BlueskyKind, record_key
from publisher.channels.protocol import ChannelConfig, MediaItem, PublishRequest
from publisher.errors import AuthExpired, Rejected
from tests.integration.servers.running import REAL_SERVERS, running

pytestmark = REAL_SERVERS

INDEX_TIMEOUT = 30.0
T = TypeVar("T")


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with running("bluesky", tmp_path_factory.mktemp("bluesky")) as server:
        yield server


def _poll(what: str, probe: Callable[[], T | None], timeout: float = INDEX_TIMEOUT) -> T:
    deadline = time.monotonic() + timeout
    while True:
        found = probe()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not there after {timeout:.0f} s")
        time.sleep(0.3)


def _app_password(network: Any, account: Any) -> str:
    """An app password, made as a user makes one in Settings > Privacy and security > App passwords."""
    response = httpx.post(
        f"{network.pds_url}/xrpc/com.atproto.server.createAppPassword",
        json={"name": "Publisher"},
        headers={"Authorization": f"Bearer {account.access_jwt}"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return str(response.json()["password"])


def _connector(network: Any, kind: BlueskyKind, handle: str, secret: str) -> BlueskyConnector:
    """Add the channel as the app does: validate what the user typed, then connect with the app password."""
    base_url, handle, settings = kind.validate(base_url=network.pds_url, handle=f"@{handle}", path=None)
    settings["plc_directory"] = network.plc_url  # the loopback network's own PLC directory
    return kind.connect(ChannelConfig(1, "Bluesky", base_url, handle, settings), secret)


def _posts(network: Any, account: Any, uris: list[str]) -> dict[str, dict[str, Any]]:
    response = httpx.get(
        f"{network.pds_url}/xrpc/app.bsky.feed.getPosts",
        params=[("uris", uri) for uri in uris],
        headers={"Authorization": f"Bearer {account.access_jwt}"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return {post["uri"]: post for post in response.json()["posts"]}


def test_publish_thread_reply_inbox_and_metrics_on_the_reference_network(network: Any, tmp_path: Path) -> None:
    suffix = uuid.uuid4().hex[:6]
    alice = network.create_account(f"alice-{suffix}.test", "alice-main-password")
    bob = network.create_account(f"bob-{suffix}.test", "bob-main-password")
    kind = BlueskyKind()
    connector = _connector(network, kind, alice.handle, _app_password(network, alice))

    verified = connector.verify()
    assert verified.account == f"@{alice.handle}"
    assert verified.details["did"] == alice.did
    assert verified.details["pds"] == network.pds_url.rstrip("/")
    assert verified.details["max_characters"] == 300

    # One post with a facet of every kind and an image with alt text.
    image = tmp_path / "chart.png"
    Image.new("RGB", (40, 30), (200, 30, 30)).save(image)
    text = f"héllo 🦋 @{bob.handle} https://example.com #launch @nobody-{suffix}.test"
    request = PublishRequest(
        key=f"delivery-{suffix}",
        post_id=1,
        title=None,
        text=text,
        date=datetime.now(UTC),
        channel_name="Bluesky",
        media=(MediaItem(str(image), "chart.png", "image/png", "0" * 64, "A red chart"),),
    )
    result = connector.publish(request)
    rkey = record_key(request.key, request.date)
    assert result.remote_id == f"at://{alice.did}/app.bsky.feed.post/{rkey}"
    assert result.remote_url == f"https://bsky.app/profile/{alice.handle}/post/{rkey}"

    # A resend after a crash (same delivery) returns the post that exists; find_published sees it too.
    assert connector.publish(request) == result
    assert connector.find_published(request) == result

    post = _poll("the post in the AppView", lambda: _posts(network, alice, [result.remote_id]).get(result.remote_id))
    record = post["record"]
    assert record["text"] == text
    raw = text.encode()
    facets = {raw[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode(): f["features"][0] for f in record["facets"]}
    assert facets[f"@{bob.handle}"] == {"$type": "app.bsky.richtext.facet#mention", "did": bob.did}
    assert facets["https://example.com"]["uri"] == "https://example.com"
    assert facets["#launch"]["tag"] == "launch"
    assert f"@nobody-{suffix}.test" not in facets  # no such account: plain text
    [shown] = post["embed"]["images"]
    assert shown["alt"] == "A red chart" and shown["aspectRatio"] == {"width": 40, "height": 30}

    # A text too long for one post becomes a thread under its first post.
    long_text = "\n\n".join(f"Part of the launch notes, paragraph {n}, with enough words to fill it." for n in range(8))
    thread_request = PublishRequest(
        key=f"thread-{suffix}", post_id=2, title=None, text=long_text, date=datetime.now(UTC), channel_name="Bluesky"
    )
    thread = connector.publish(thread_request)
    root_view = _poll("the thread root", lambda: _posts(network, alice, [thread.remote_id]).get(thread.remote_id))
    replies = _poll("the thread's second part", lambda: _thread_children(network, alice, thread.remote_id))
    assert len(replies) == 1
    assert replies[0]["post"]["record"]["reply"]["root"] == {"uri": root_view["uri"], "cid": root_view["cid"]}
    assert replies[0]["post"]["uri"].endswith("/" + record_key(thread_request.key, thread_request.date, 2))

    # Bob answers the first post (once the AppView knows it); Alice sees the reply in her inbox and answers back.
    bob_connector = _connector(network, kind, bob.handle, "bob-main-password")
    bob_reply = bob_connector.reply(result.remote_id, f"Congratulations @{alice.handle}!")
    item = _poll("the reply in the inbox", lambda: _inbox_item(connector, bob_reply.remote_id))
    assert item.kind == "reply"
    assert item.author == f"@{bob.handle}"
    assert item.in_reply_to_id == result.remote_id
    assert item.text == f"Congratulations @{alice.handle}!"
    answer = connector.reply(item.remote_id, f"Thank you @{bob.handle}!")
    answer_view = _poll("the answer", lambda: _posts(network, alice, [answer.remote_id]).get(answer.remote_id))
    assert answer_view["record"]["reply"]["root"]["uri"] == result.remote_id
    assert answer_view["record"]["reply"]["parent"]["uri"] == bob_reply.remote_id
    assert answer_view["record"]["facets"][0]["features"][0]["did"] == bob.did

    # Metrics: the first post has Bob's reply.
    metrics = _poll(
        "the reply count", lambda: (m := connector.fetch_metrics([result.remote_id])) and m[result.remote_id].replies
    )
    assert metrics
    counted = connector.fetch_metrics([result.remote_id, thread.remote_id])
    assert counted[result.remote_id].replies == 1 and counted[result.remote_id].impressions is None
    assert counted[thread.remote_id].replies == 1


def _thread_children(network: Any, account: Any, uri: str) -> list[dict[str, Any]]:
    response = httpx.get(
        f"{network.pds_url}/xrpc/app.bsky.feed.getPostThread",
        params={"uri": uri, "depth": 1},
        headers={"Authorization": f"Bearer {account.access_jwt}"},
        timeout=30,
    )
    if response.status_code != 200:
        return []
    return list(response.json()["thread"].get("replies") or [])


def _inbox_item(connector: BlueskyConnector, remote_id: str) -> Any:
    return next((i for i in connector.fetch_inbox().items if i.remote_id == remote_id), None)


def test_a_wrong_app_password_and_an_unknown_handle(network: Any) -> None:
    suffix = uuid.uuid4().hex[:6]
    carol = network.create_account(f"carol-{suffix}.test", "carol-main-password")
    kind = BlueskyKind()
    with pytest.raises(AuthExpired) as error:
        _connector(network, kind, carol.handle, "aaaa-bbbb-cccc-dddd").verify()
    assert error.value.code == "bluesky.login_failed"
    with pytest.raises(Rejected) as rejected:
        _connector(network, kind, f"nobody-{suffix}.test", "aaaa-bbbb-cccc-dddd").verify()
    assert rejected.value.code == "bluesky.unknown_handle"
