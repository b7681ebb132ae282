"""The inbox over the real Mastodon connector, its HTTP layer swapped for a fake instance (``httpx.MockTransport``)
answering in the documented shapes (``methods/notifications.md``: newest first, ``Link: <…max_id=…>; rel="next"``).
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs

import httpx
import pytest
from sqlalchemy import text

from publisher.channels.mastodon import MastodonKind
from publisher.channels.registry import Registry
from publisher.clock import ManualClock
from publisher.db.models import Delivery, Post
from publisher.services import InboxFilter
from tests.publisher.conftest import START

BASE = "https://social.example"
PAGE = 2


class FakeInstance:
    """Mentions of @press, newest first, served ``PAGE`` at a time with a Link header; replies are recorded."""

    def __init__(self) -> None:
        self.mentions: list[dict[str, object]] = []
        self.requests: list[httpx.Request] = []
        self.posted: list[dict[str, list[str]]] = []

    def mention(self, status_id: str, minutes_ago: int, content: str, *, reply_to: str | None = None) -> None:
        fan = {"id": "7", "username": "ada", "acct": "ada@other.example", "display_name": "Ada \u202eRLO"}
        at = (START - timedelta(minutes=minutes_ago)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        note = {
            "id": f"n{status_id}",
            "type": "mention",
            "created_at": at,
            "account": fan,
            "status": {
                "id": status_id,
                "uri": f"{BASE}/users/ada/statuses/{status_id}",
                "url": f"{BASE}/@ada/{status_id}",
                "created_at": at,
                "account": fan,
                "content": content,
                "visibility": "public",
                "in_reply_to_id": reply_to,
            },
        }
        self.mentions = [m for m in self.mentions if m["status"]["id"] != status_id] + [note]
        self.mentions.sort(key=lambda m: int(m["status"]["id"]), reverse=True)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if request.method == "GET" and path == "/api/v1/notifications":
            max_id = request.url.params.get("max_id")
            older = [m for m in self.mentions if max_id is None or int(m["status"]["id"]) < int(max_id)]
            page = older[:PAGE]
            headers = {}
            if len(older) > PAGE:
                last = page[-1]["status"]["id"]
                headers["Link"] = f'<{BASE}/api/v1/notifications?max_id={last}&types%5B%5D=mention>; rel="next"'
            return httpx.Response(200, json=page, headers=headers)
        if request.method == "GET" and path.startswith("/api/v1/statuses/"):
            status_id = path.rsplit("/", 1)[1]
            found = [m["status"] for m in self.mentions if m["status"]["id"] == status_id]
            return httpx.Response(200, json=found[0]) if found else httpx.Response(404, json={"error": "not found"})
        if request.method == "POST" and path == "/api/v1/statuses":
            form = parse_qs(request.content.decode())
            self.posted.append(form)
            return httpx.Response(200, json={"id": "9001", "url": f"{BASE}/@press/9001", "content": "", "uri": "x"})
        return httpx.Response(404, json={"error": "Record not found"})

    def max_ids(self) -> list[str | None]:
        return [r.url.params.get("max_id") for r in self.requests if r.url.path == "/api/v1/notifications"]


@pytest.fixture
def instance() -> FakeInstance:
    return FakeInstance()


@pytest.fixture
def services(make_services, instance, clock):
    kind = MastodonKind(transport=httpx.MockTransport(instance), sleeper=lambda _s: None, clock=ManualClock(START))
    services = make_services(registry=Registry([kind]))
    services.channels.add("mastodon", name="Social", url=BASE, secret="token")
    with services.db.session(write=True) as session:
        channel_id = session.scalar(text("SELECT id FROM channels WHERE name = 'Social'"))
        post = Post(
            title="Launch",
            body="We launched",
            campaign="Winter",
            status="scheduled",
            created_at=START,
            updated_at=START,
        )
        session.add(post)
        session.flush()
        session.add(
            Delivery(
                post_id=post.id,
                channel_id=channel_id,
                state="published",
                remote_id="1001",
                created_at=START,
                updated_at=START,
            )
        )
    return services


def test_mastodon_mentions_over_several_link_pages_deduplicated_and_edited(services, instance, clock):
    instance.mention("2001", 50, "<p>Congrats on the launch!</p>", reply_to="1001")
    instance.mention("2002", 40, '<p>See <a href="https://x.example">this</a></p>')
    instance.mention("2003", 30, "<p>Thanks <span>@press</span></p>", reply_to="2001")
    instance.mention("2004", 20, "<p>Das ist nicht gut</p>")
    instance.mention("2005", 10, "<p>Hello?</p>")
    (report,) = services.inbox.sync()
    assert (report.new, report.pages, report.backfill_done) == (5, 3, True)
    assert instance.max_ids() == [None, "2004", "2002"]

    rows = {r.text: r for r in services.inbox.list()}
    assert set(rows) == {"Congrats on the launch!", "See this", "Thanks @press", "Das ist nicht gut", "Hello?"}
    assert rows["Das ist nicht gut"].sentiment == "negative"
    assert rows["Hello?"].author_name == "Ada RLO"  # the right-to-left override is gone
    thread = services.inbox.get(rows["Thanks @press"].id)
    assert [t.text for t in thread.thread] == ["Congrats on the launch!", "Thanks @press"]
    assert thread.campaign == "Winter"

    # Later: one new mention and an edit; the sync stops at the first page holding nothing new.
    clock.advance(timedelta(minutes=5))
    instance.requests.clear()
    instance.mention("2006", 1, "<p>Any news?</p>")
    instance.mention("2005", 10, "<p>Hello? Anyone?</p>")
    (report,) = services.inbox.sync()
    assert (report.new, report.updated) == (1, 1)
    assert instance.max_ids() == [None, "2005"]
    assert services.inbox.count() == 6
    assert [r.text for r in services.inbox.list(InboxFilter(query="anyone"))] == ["Hello? Anyone?"]


def test_a_reply_from_the_inbox_answers_the_status_in_its_thread(services, instance):
    instance.mention("2001", 5, "<p>Is it out?</p>")
    services.inbox.sync()
    sent = services.inbox.reply(services.inbox.ids()[0], "Yes!")
    (form,) = instance.posted
    assert form["in_reply_to_id"] == ["2001"]
    assert form["status"] == ["@ada@other.example Yes!"]
    assert (sent.state, sent.remote_id, sent.remote_url) == ("sent", "9001", f"{BASE}/@press/9001")
