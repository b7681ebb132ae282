"""The unified inbox against the reference AT Protocol network on loopback (PLC, PDS and AppView from npm
``@atproto/dev-env``, started by tests/integration/servers/bluesky_server.py), through the services as the app uses
them: we publish a post, a second account replies to it and mentions us in a post of its own, ``inbox.sync()``
shows both, an answer from the inbox sits under the right post on the network, and a second sync adds nothing.

Deletions: when a post is deleted the AppView drops its notification; ``listNotifications`` then simply no longer
lists it and gives no sign that anything was there, so an incremental sync cannot learn of it. The test shows what
the user meets instead: answering the deleted post fails clearly and the answer stays in the box.

``PUBLISHER_SKIP_SERVERS=1`` skips it. The AppView indexes asynchronously, so reads through ``app.bsky.*`` are
polled for until they show what was written.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from sqlalchemy import select

from publisher.db.models import Channel
from publisher.domain import DeliveryState
from publisher.errors import ChannelError
from publisher.services import Services, build_services
from tests.integration.servers.running import REAL_SERVERS, running

pytestmark = REAL_SERVERS

INDEX_TIMEOUT = 30.0
T = TypeVar("T")


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with running("bluesky", tmp_path_factory.mktemp("bluesky")) as server:
        yield server


@pytest.fixture()
def services(tmp_path: Path) -> Iterator[Services]:
    built = build_services(f"sqlite:///{tmp_path / 'inbox.sqlite3'}", actor="community")
    try:
        yield built
    finally:
        built.close()


def _poll(what: str, probe: Callable[[], T | None], timeout: float = INDEX_TIMEOUT) -> T:
    deadline = time.monotonic() + timeout
    while True:
        found = probe()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not there after {timeout:.0f} s")
        time.sleep(0.3)


def _xrpc(network: Any, account: Any, method: str, nsid: str, **kwargs: Any) -> dict[str, Any]:
    response = httpx.request(
        method,
        f"{network.pds_url}/xrpc/{nsid}",
        headers={"Authorization": f"Bearer {account.access_jwt}"},
        timeout=30,
        **kwargs,
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def _app_password(network: Any, account: Any) -> str:
    return str(
        _xrpc(network, account, "POST", "com.atproto.server.createAppPassword", json={"name": "Publisher"})["password"]
    )


def _create_post(network: Any, account: Any, record: dict[str, Any]) -> dict[str, Any]:
    record = {"$type": "app.bsky.feed.post", "createdAt": _now(), **record}
    body = {"repo": account.did, "collection": "app.bsky.feed.post", "record": record}
    return _xrpc(network, account, "POST", "com.atproto.repo.createRecord", json=body)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())


def _notified(network: Any, account: Any) -> set[str]:
    body = _xrpc(network, account, "GET", "app.bsky.notification.listNotifications", params={"limit": 100})
    return {n["uri"] for n in body["notifications"]}


def _visible(network: Any, account: Any, uri: str) -> bool:
    return bool(_xrpc(network, account, "GET", "app.bsky.feed.getPosts", params={"uris": uri})["posts"])


def test_replies_and_mentions_reach_the_inbox_and_answers_sit_under_the_right_post(
    network: Any, services: Services
) -> None:
    suffix = uuid.uuid4().hex[:6]
    press = network.create_account(f"press-{suffix}.test", "press-main-password")
    ada = network.create_account(f"ada-{suffix}.test", "ada-main-password")

    services.channels.add(
        "bluesky", name="Bluesky", url=network.pds_url, handle=press.handle, secret=_app_password(network, press)
    )
    with services.db.session(write=True) as session:  # the loopback network's own PLC directory
        channel = session.scalars(select(Channel).where(Channel.name == "Bluesky")).one()
        channel.settings = {**channel.settings, "plc_directory": network.plc_url}
    post = services.posts.create("Our autumn programme is out", channels=["Bluesky"], campaign="autumn")
    assert len(services.engine().run_once().published) == 1
    delivery = services.posts.get(post.id).deliveries[0]
    assert delivery.state == DeliveryState.PUBLISHED and delivery.remote_id
    ours = delivery.remote_id
    # A reply to a post the AppView has not indexed yet makes no notification.
    _poll("our post in the AppView", lambda: _visible(network, ada, ours))
    root = _xrpc(network, ada, "GET", "app.bsky.feed.getPosts", params={"uris": ours})["posts"][0]

    reply = _create_post(
        network,
        ada,
        {
            "text": "Lovely! Is there a kids day?",
            "reply": {"root": {"uri": ours, "cid": root["cid"]}, "parent": {"uri": ours, "cid": root["cid"]}},
        },
    )
    mention_text = f"@{press.handle} the ticket page example.com/tick… is broken"
    data = mention_text.encode()
    link_start = data.index(b"example.com")
    mention = _create_post(
        network,
        ada,
        {
            "text": mention_text,
            "facets": [
                {
                    "index": {"byteStart": 0, "byteEnd": len(press.handle) + 1},
                    "features": [{"$type": "app.bsky.richtext.facet#mention", "did": press.did}],
                },
                {
                    "index": {"byteStart": link_start, "byteEnd": link_start + len("example.com/tick…".encode())},
                    "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com/tickets/2026"}],
                },
            ],
        },
    )
    _poll("both notifications", lambda: {reply["uri"], mention["uri"]} <= _notified(network, press))

    (report,) = services.inbox.sync()
    assert (report.error_code, report.new, report.backfill_done) == (None, 2, True)
    rows = {r.kind: r for r in services.inbox.list()}
    assert set(rows) == {"reply", "mention"}
    assert rows["reply"].author == rows["mention"].author == f"@{ada.handle}"
    assert rows["reply"].text == "Lovely! Is there a kids day?"
    assert rows["mention"].text == mention_text
    reply_item = services.inbox.get(rows["reply"].id)
    assert (reply_item.remote_id, reply_item.in_reply_to) == (reply["uri"], ours)
    assert (reply_item.post_id, reply_item.campaign) == (post.id, "autumn")  # the conversation of our post
    mention_item = services.inbox.get(rows["mention"].id)
    assert mention_item.remote_id == mention["uri"]
    assert mention_item.html is not None and 'href="https://example.com/tickets/2026"' in mention_item.html

    sent = services.inbox.reply(rows["reply"].id, "Yes, Saturday the 5th!")
    assert sent.state == "sent" and sent.remote_id
    # On the network: our answer's record replies to Ada's post, in the thread of our post ...
    rkey = sent.remote_id.rsplit("/", 1)[1]
    record = _xrpc(
        network,
        ada,
        "GET",
        "com.atproto.repo.getRecord",
        params={"repo": press.did, "collection": "app.bsky.feed.post", "rkey": rkey},
    )["value"]
    assert record["text"] == "Yes, Saturday the 5th!"
    assert (record["reply"]["parent"]["uri"], record["reply"]["root"]["uri"]) == (reply["uri"], ours)

    # ... and the AppView shows it under Ada's reply in our post's thread.
    def answer_in_thread() -> bool:
        thread = _xrpc(network, ada, "GET", "app.bsky.feed.getPostThread", params={"uri": ours, "depth": 3})
        under = [r for r in thread["thread"].get("replies") or [] if r["post"]["uri"] == reply["uri"]]
        return bool(under) and any(r["post"]["uri"] == sent.remote_id for r in under[0].get("replies") or [])

    _poll("our answer under Ada's reply", answer_in_thread)

    again = services.inbox.sync()[0]
    assert (again.error_code, again.new, again.updated) == (None, 0, 0)
    assert len(services.inbox.ids()) == 2

    # Ada deletes her mention: the AppView drops the notification (no sign of it is left to sync) ...
    _xrpc(
        network,
        ada,
        "POST",
        "com.atproto.repo.deleteRecord",
        json={"repo": ada.did, "collection": "app.bsky.feed.post", "rkey": mention["uri"].rsplit("/", 1)[1]},
    )
    _poll("the notification gone", lambda: mention["uri"] not in _notified(network, press))
    assert services.inbox.sync()[0].error_code is None
    # ... so answering it fails clearly, and the answer is kept with the error rather than lost.
    with pytest.raises(ChannelError) as failed:
        services.inbox.reply(rows["mention"].id, "Sorry to hear that!")
    assert failed.value.code == "inbox.reply_failed" and failed.value.params["cause"] == "bluesky.post_not_found"
    (kept,) = services.inbox.get(rows["mention"].id).replies
    assert (kept.state, kept.text, kept.error_code) == ("failed", "Sorry to hear that!", "bluesky.post_not_found")
