"""The Matrix connector against a real Synapse homeserver on loopback (tests/integration/servers/synapse_server.py).

Synapse is installed from PyPI into its own cached venv on first use. An install or start failure fails the test
with the log tail; ``PUBLISHER_SKIP_SERVERS=1`` skips it instead (for machines without package access).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from publisher.channels.matrix import MatrixConnector, MatrixKind
from publisher.channels.protocol import ChannelConfig, MediaItem, PublishRequest
from publisher.errors import Rejected
from tests.integration.servers.running import REAL_SERVERS, running
from tests.integration.synapse_client import api as _api
from tests.integration.synapse_client import register as _register

pytestmark = REAL_SERVERS


@pytest.fixture(scope="module")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running("synapse", tmp_path_factory.mktemp("synapse")) as server:
        yield server.url


def _room_events(url: str, token: str, room_id: str) -> list[dict[str, Any]]:
    page = _api(url, token, "GET", f"/rooms/{room_id}/messages", params={"dir": "b", "limit": 100})
    return [e for e in page["chunk"] if e["type"] == "m.room.message"]


def test_publish_reply_resend_and_schedule_on_a_real_homeserver(synapse: str, tmp_path: Path) -> None:
    url = synapse
    suffix = uuid.uuid4().hex[:6]
    alice = _register(url, f"alice{suffix}")
    bob = _register(url, f"bob{suffix}")
    room = _api(url, alice["access_token"], "POST", "/createRoom", json={"invite": [bob["user_id"]]})
    room_id = room["room_id"]
    _api(url, bob["access_token"], "POST", f"/join/{room_id}", json={})

    # Add the channel as the app does: validate what the user typed, then connect with the token.
    kind = MatrixKind()
    base_url, handle, settings = kind.validate(base_url=url, handle=alice["user_id"], path=room_id)
    config = ChannelConfig(id=1, name="Matrix news", base_url=base_url, handle=handle, settings=settings)
    # A password is exchanged for a token once; the token is what the app keeps.
    token = kind.exchange_secret(base_url=url, handle=alice["user_id"], secret=f"password:pw-alice{suffix}")
    assert token and not token.startswith("password:")
    connector = kind.connect(config, token)
    assert isinstance(connector, MatrixConnector)

    verified = connector.verify()
    assert verified.account == alice["user_id"]
    assert verified.details["room_id"] == room_id
    assert verified.details["upload_size"]
    assert verified.details["server_scheduling"] is True

    image = tmp_path / "chart.png"
    Image.new("RGB", (4, 3), (200, 30, 30)).save(image)
    request = PublishRequest(
        key=f"delivery-{suffix}",
        post_id=1,
        title=None,
        text="Launch day: **new release** is out, see https://example.org/notes",
        date=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
        channel_name="Matrix news",
        media=(MediaItem(str(image), "chart.png", "image/png", "0" * 64, "A red square chart"),),
    )
    result = connector.publish(request)
    assert result.remote_url and result.remote_id in (result.remote_url or "").replace("%24", "$")

    events = _room_events(url, alice["access_token"], room_id)
    text_event = next(e for e in events if e["event_id"] == result.remote_id)
    assert text_event["content"]["msgtype"] == "m.text"
    assert "new release" in text_event["content"]["body"]
    assert "<strong>new release</strong>" in text_event["content"]["formatted_body"]
    images = [e for e in events if e["content"].get("msgtype") == "m.image"]
    assert len(images) == 1
    assert images[0]["content"]["body"] == "A red square chart"
    assert images[0]["content"]["info"]["w"] == 4
    assert images[0]["content"]["url"].startswith("mxc://")
    assert images[0]["origin_server_ts"] <= text_event["origin_server_ts"]

    # A resend after a crash (same key, same token) gives the same event and no second message.
    again = connector.publish(request)
    assert again.remote_id == result.remote_id
    assert len(_room_events(url, alice["access_token"], room_id)) == len(events)
    found = connector.find_published(request)
    assert found is not None and found.remote_id == result.remote_id

    # Bob answers in a thread; the inbox shows it as a reply to our post.
    bob_reply = _api(
        url,
        bob["access_token"],
        "PUT",
        f"/rooms/{room_id}/send/m.room.message/bob-{suffix}",
        json={
            "msgtype": "m.text",
            "body": "Congratulations!",
            "m.relates_to": {
                "rel_type": "m.thread",
                "event_id": result.remote_id,
                "is_falling_back": True,
                "m.in_reply_to": {"event_id": result.remote_id},
            },
        },
    )
    page = connector.fetch_inbox()
    item = next(i for i in page.items if i.remote_id == bob_reply["event_id"])
    assert item.kind == "reply"
    assert item.author == bob["user_id"]
    assert item.text == "Congratulations!"
    assert item.in_reply_to_id == result.remote_id
    assert all(i.author != alice["user_id"] for i in page.items)

    # Alice answers Bob in the same thread.
    answer = connector.reply(bob_reply["event_id"], "Thank you, Bob!")
    answer_event = _api(url, alice["access_token"], "GET", f"/rooms/{room_id}/event/{answer.remote_id}")
    relates = answer_event["content"]["m.relates_to"]
    assert relates["rel_type"] == "m.thread"
    assert relates["event_id"] == result.remote_id
    assert relates["m.in_reply_to"]["event_id"] == bob_reply["event_id"]

    metrics = connector.fetch_metrics([result.remote_id])
    assert metrics[result.remote_id].replies == 2

    # Schedule a message on the server (MSC4140), see it listed, cancel it, and see it gone and never sent.
    scheduled_request = PublishRequest(
        key=f"scheduled-{suffix}",
        post_id=2,
        title=None,
        text="Scheduled announcement",
        date=datetime(2026, 11, 23, 10, 0, tzinfo=UTC),
        channel_name="Matrix news",
    )
    scheduled = connector.schedule(scheduled_request, datetime.now(UTC) + timedelta(hours=1))
    delayed_url = f"{url}/_matrix/client/unstable/org.matrix.msc4140/delayed_events"
    headers = {"Authorization": f"Bearer {token}"}
    listed = httpx.get(delayed_url, headers=headers, timeout=30).json()["delayed_events"]
    assert [d["delay_id"] for d in listed] == [scheduled.remote_id]
    connector.cancel_scheduled(scheduled.remote_id)
    assert httpx.get(delayed_url, headers=headers, timeout=30).json()["delayed_events"] == []
    with pytest.raises(Rejected) as cancelled_twice:
        connector.cancel_scheduled(scheduled.remote_id)
    assert cancelled_twice.value.code == "matrix.scheduled_not_found"

    # A short delay really is sent by the server.
    soon = connector.schedule(
        PublishRequest(
            key=f"soon-{suffix}",
            post_id=3,
            title=None,
            text="Delivered by the homeserver",
            date=datetime(2026, 11, 23, 10, 0, tzinfo=UTC),
            channel_name="Matrix news",
        ),
        datetime.now(UTC) + timedelta(seconds=1),
    )
    assert soon.remote_id
    deadline = time.monotonic() + 20
    while not any(e["content"].get("body") == "Delivered by the homeserver" for e in _room_events(url, token, room_id)):
        assert time.monotonic() < deadline, "the delayed message never arrived"
        time.sleep(0.3)
    assert not any(e["content"].get("body") == "Scheduled announcement" for e in _room_events(url, token, room_id))


def test_a_room_the_account_is_not_in_is_rejected(synapse: str) -> None:
    suffix = uuid.uuid4().hex[:6]
    owner = _register(synapse, f"owner{suffix}")
    outsider = _register(synapse, f"outsider{suffix}")
    room_id = _api(synapse, owner["access_token"], "POST", "/createRoom", json={})["room_id"]
    kind = MatrixKind()
    base_url, handle, settings = kind.validate(base_url=synapse, handle=None, path=room_id)
    connector = kind.connect(
        ChannelConfig(id=2, name="closed", base_url=base_url, handle=handle, settings=settings),
        outsider["access_token"],
    )
    with pytest.raises(Rejected) as verify_error:
        connector.verify()
    assert verify_error.value.code == "matrix.not_in_room"
    request = PublishRequest(
        key=f"outsider-{suffix}",
        post_id=9,
        title=None,
        text="hello",
        date=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
        channel_name="closed",
    )
    with pytest.raises(Rejected) as publish_error:
        connector.publish(request)
    assert publish_error.value.code == "matrix.not_in_room"
