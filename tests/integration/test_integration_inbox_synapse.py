"""The unified inbox against a real Synapse homeserver (tests/integration/servers/synapse_server.py), through the
services as the app uses them: we publish a post, a second account answers it and mentions us, ``inbox.sync()``
shows both, an answer from the inbox lands in the right thread on the server, a second sync adds nothing, and an
edit (``m.replace``) and a redaction on the network reach the inbox.

``PUBLISHER_SKIP_SERVERS=1`` skips it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from publisher.domain import DeliveryState
from publisher.services import InboxFilter, Services, build_services
from tests.integration.servers.running import REAL_SERVERS, running
from tests.integration.synapse_client import api as _api
from tests.integration.synapse_client import register as _register

pytestmark = REAL_SERVERS


@pytest.fixture(scope="module")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running("synapse", tmp_path_factory.mktemp("synapse")) as server:
        yield server.url


def _send(url: str, token: str, room_id: str, content: dict[str, Any]) -> str:
    txn = uuid.uuid4().hex
    return str(_api(url, token, "PUT", f"/rooms/{room_id}/send/m.room.message/{txn}", json=content)["event_id"])


@pytest.fixture()
def services(tmp_path: Path) -> Iterator[Services]:
    built = build_services(f"sqlite:///{tmp_path / 'inbox.sqlite3'}", actor="community")
    try:
        yield built
    finally:
        built.close()


def test_replies_mentions_edits_and_redactions_reach_the_inbox_and_answers_land_in_the_thread(
    synapse: str, services: Services
) -> None:
    url = synapse
    suffix = uuid.uuid4().hex[:6]
    press = _register(url, f"press{suffix}")
    ada = _register(url, f"ada{suffix}")
    room_id = _api(url, press["access_token"], "POST", "/createRoom", json={"invite": [ada["user_id"]]})["room_id"]
    _api(url, ada["access_token"], "POST", f"/join/{room_id}", json={})

    services.channels.add(
        "matrix", name="Matrix news", url=url, handle=press["user_id"], path=room_id, secret=press["access_token"]
    )
    post = services.posts.create("Our **autumn** programme is out", channels=["Matrix news"], campaign="autumn")
    assert len(services.engine().run_once().published) == 1
    delivery = services.posts.get(post.id).deliveries[0]
    assert delivery.state == DeliveryState.PUBLISHED and delivery.remote_id
    our_event = delivery.remote_id

    # Ada answers our post (a rich reply, as Element sends it) and, separately, mentions us.
    reply_id = _send(
        url,
        ada["access_token"],
        room_id,
        {
            "msgtype": "m.text",
            "body": f"> <{press['user_id']}> Our autumn programme is out\n\nLovely, is there a kids day?",
            "format": "org.matrix.custom.html",
            "formatted_body": (
                "<mx-reply><blockquote>Our autumn programme is out</blockquote></mx-reply>"
                "Lovely, is there a <b>kids</b> day?<script>alert(1)</script>"
            ),
            "m.relates_to": {"m.in_reply_to": {"event_id": our_event}},
        },
    )
    mention_id = _send(
        url,
        ada["access_token"],
        room_id,
        {
            "msgtype": "m.text",
            "body": f"press{suffix}: the ticket page is broken",
            "m.mentions": {"user_ids": [press["user_id"]]},
        },
    )

    (report,) = services.inbox.sync()
    assert (report.error_code, report.new, report.backfill_done) == (None, 2, True)
    rows = {r.kind: r for r in services.inbox.list()}
    assert set(rows) == {"reply", "mention"}
    assert rows["reply"].author == rows["mention"].author == ada["user_id"]
    assert rows["reply"].text == "Lovely, is there a kids day?"  # the quoted fallback is gone
    assert rows["mention"].text == f"press{suffix}: the ticket page is broken"
    reply_detail = services.inbox.get(rows["reply"].id)
    assert reply_detail.remote_id == reply_id
    assert reply_detail.in_reply_to == our_event
    assert (reply_detail.post_id, reply_detail.campaign) == (post.id, "autumn")  # linked to our post
    assert reply_detail.html is not None and "<b>kids</b>" in reply_detail.html
    assert "script" not in reply_detail.html and "autumn programme" not in reply_detail.html
    assert services.inbox.get(rows["mention"].id).remote_id == mention_id

    # Our answer from the inbox sits in the thread of Ada's reply, as a reply to it, on the server.
    sent = services.inbox.reply(rows["reply"].id, "Yes: Saturday the 5th!")
    assert sent.state == "sent" and sent.remote_id
    event = _api(url, ada["access_token"], "GET", f"/rooms/{room_id}/event/{sent.remote_id}")
    assert event["sender"] == press["user_id"]
    assert event["content"]["body"] == "Yes: Saturday the 5th!"
    relates = event["content"]["m.relates_to"]
    assert relates["m.in_reply_to"]["event_id"] == reply_id
    assert relates["rel_type"] == "m.thread" and relates["event_id"] == reply_id

    # Nothing new: our own answer is not an inbox item, and what we have is not added twice.
    again = services.inbox.sync()[0]
    assert (again.error_code, again.new, again.updated) == (None, 0, 0)
    assert len(services.inbox.ids()) == 2

    # Ada edits her mention and redacts her reply; the inbox shows the new text and the deletion.
    _send(
        url,
        ada["access_token"],
        room_id,
        {
            "msgtype": "m.text",
            "body": "* the ticket page works again, thanks",
            "m.new_content": {
                "msgtype": "m.text",
                "body": "the ticket page works again, thanks",
                "format": "org.matrix.custom.html",
                "formatted_body": "the ticket page <i>works</i> again, thanks",
            },
            "m.relates_to": {"rel_type": "m.replace", "event_id": mention_id},
        },
    )
    txn = uuid.uuid4().hex
    _api(url, ada["access_token"], "PUT", f"/rooms/{room_id}/redact/{reply_id}/{txn}", json={"reason": "typo"})

    changed = services.inbox.sync()[0]
    assert (changed.error_code, changed.new, changed.updated) == (None, 0, 2)
    mention = services.inbox.get(rows["mention"].id)
    assert mention.full_text == "the ticket page works again, thanks"
    assert mention.row.edited and not mention.row.deleted
    assert mention.html is not None and "<i>works</i>" in mention.html
    gone = services.inbox.get(rows["reply"].id)
    assert gone.row.deleted
    assert [r.text for r in services.inbox.list(InboxFilter(query="ticket works"))] == [mention.full_text]
    assert services.inbox.sync()[0].updated == 0  # the changes are applied once


def test_an_edit_and_a_redaction_of_older_messages_are_found_on_the_first_page(
    synapse: str, services: Services
) -> None:
    """More messages than one page: the edit and the redaction are newer than a page, their messages older."""
    url = synapse
    suffix = uuid.uuid4().hex[:6]
    press = _register(url, f"press{suffix}")
    bob = _register(url, f"bob{suffix}")
    room_id = _api(url, press["access_token"], "POST", "/createRoom", json={"invite": [bob["user_id"]]})["room_id"]
    _api(url, bob["access_token"], "POST", f"/join/{room_id}", json={})
    services.channels.add(
        "matrix", name="Room", url=url, handle=press["user_id"], path=room_id, secret=press["access_token"]
    )
    first = _send(url, bob["access_token"], room_id, {"msgtype": "m.text", "body": "first question"})
    second = _send(url, bob["access_token"], room_id, {"msgtype": "m.text", "body": "second question"})
    for n in range(60):  # more than one page (50 events) lies between them and the changes
        _send(url, bob["access_token"], room_id, {"msgtype": "m.text", "body": f"chatter {n}"})
    (report,) = services.inbox.sync()
    assert (report.error_code, report.new, report.backfill_done) == (None, 62, True) and report.pages >= 2

    _send(
        url,
        bob["access_token"],
        room_id,
        {
            "msgtype": "m.text",
            "body": "* first question, rephrased",
            "m.new_content": {"msgtype": "m.text", "body": "first question, rephrased"},
            "m.relates_to": {"rel_type": "m.replace", "event_id": first},
        },
    )
    _api(url, bob["access_token"], "PUT", f"/rooms/{room_id}/redact/{second}/{uuid.uuid4().hex}", json={})
    changed = services.inbox.sync()[0]
    assert (changed.error_code, changed.new, changed.updated, changed.pages) == (None, 0, 2, 1)
    by_text = {r.text: r for r in services.inbox.list(limit=100)}
    assert by_text["first question, rephrased"].edited
    assert "first question" not in by_text
    assert [r.deleted for r in services.inbox.list(limit=100) if r.text == "second question"] == [True]
