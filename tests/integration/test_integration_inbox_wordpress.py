"""The unified inbox against real WordPress on loopback (tests/integration/servers/wordpress_server.py), through the
services as the app uses them: we publish a post, a second account comments on it (and on a post the app did not
publish), guests fill more than one page, ``inbox.sync()`` pages through them all, an answer from the inbox becomes a
child comment on the server, a second sync adds nothing, and a comment the admin edits or moves to the trash shows
as edited or deleted after the next sync.

WordPress has no mentions: comments (and answers to comments) are what people say to a site. Each commenter here is
a separate account, as WordPress refuses a second comment from one account within 15 s (``comment_flood``).
``PUBLISHER_SKIP_SERVERS=1`` skips it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from publisher.channels import wordpress
from publisher.domain import DeliveryState
from publisher.services import InboxFilter, Services, build_services
from tests.integration.servers.running import REAL_SERVERS, running, script

pytestmark = REAL_SERVERS

API = "/wp-json/wp/v2"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    servers = script("wordpress")
    with running("wordpress", tmp_path_factory.mktemp("wordpress")) as server:
        try:
            admin_password = servers.app_password(server.url)
        except servers.WordPressError as exc:
            pytest.fail(f"{exc}\n{server.log_tail()}", pytrace=False)
        yield server.url, admin_password


@pytest.fixture()
def services(tmp_path: Path) -> Iterator[Services]:
    built = build_services(f"sqlite:///{tmp_path / 'inbox.sqlite3'}", actor="community")
    try:
        yield built
    finally:
        built.close()


def _api(url: str, auth: tuple[str, str], method: str, path: str, **kwargs: Any) -> Any:
    response = httpx.request(method, f"{url}{API}{path}", auth=auth, timeout=60, **kwargs)
    assert response.is_success, f"{method} {path}: {response.status_code} {response.text[:500]}"
    return response.json()


def test_comments_page_through_sync_and_answers_edits_and_trash_reach_the_site_and_the_inbox(
    site: tuple[str, str], services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, admin_password = site
    admin = ("admin", admin_password)
    suffix = uuid.uuid4().hex[:6]
    services.channels.add("wordpress", name="Blog", url=url, handle="admin", secret=admin_password)
    post = services.posts.create("Our autumn programme is out", title="Autumn", channels=["Blog"], campaign="autumn")
    assert len(services.engine().run_once().published) == 1
    delivery = services.posts.get(post.id).deliveries[0]
    assert delivery.state == DeliveryState.PUBLISHED and delivery.remote_id
    ours = int(delivery.remote_id)

    # Bob, a subscriber with his own application password, comments on our post; his first comment waits for
    # moderation until the admin approves it.
    bob, dave = f"bob{suffix}", f"dave{suffix}"
    bob_auth = (bob, script("wordpress").create_user(url, admin_password, bob, role="subscriber"))
    dave_auth = (dave, script("wordpress").create_user(url, admin_password, dave, role="subscriber"))
    on_ours = _api(url, bob_auth, "POST", "/comments", json={"post": ours, "content": "Is there a <b>kids</b> day?"})
    _api(url, admin, "POST", f"/comments/{on_ours['id']}", json={"status": "approved"})
    guests = [
        _api(
            url,
            admin,
            "POST",
            "/comments",
            json={
                "post": ours,
                "content": f"Guest comment {n}",
                "author_name": f"Guest {n}",
                "author_email": f"guest{n}-{suffix}@example.org",
                "status": "approved",
            },
        )["id"]
        for n in range(6)
    ]

    # Bob's and six guests', plus the comment every new WordPress site has: three pages of three.
    total = int(httpx.get(f"{url}{API}/comments", params={"per_page": 1}, timeout=60).headers["X-WP-Total"])
    assert total == 8
    monkeypatch.setattr(wordpress, "PAGE_SIZE", 3)
    (report,) = services.inbox.sync()
    assert (report.error_code, report.new, report.backfill_done, report.pages) == (None, 8, True, 3)
    rows = services.inbox.list(limit=100)
    assert len(rows) == 8 and {r.kind for r in rows} == {"comment"}
    by_text = {r.text: r for r in rows}
    bobs = by_text["Is there a kids day?"]
    assert bobs.author == bob
    detail = services.inbox.get(bobs.id)
    assert (detail.remote_id, detail.in_reply_to) == (f"comment-{on_ours['id']}", str(ours))
    assert (detail.post_id, detail.campaign) == (post.id, "autumn")  # linked to our post
    assert detail.html is not None and "<b>kids</b>" in detail.html
    welcome = next(r for r in rows if r.author == "A WordPress Commenter")  # on "Hello world!", not ours
    assert services.inbox.get(welcome.id).post_id is None
    assert {r.text for r in rows if r.conversation_id == bobs.conversation_id} == {
        "Is there a kids day?",
        *(f"Guest comment {n}" for n in range(6)),
    }

    # The answer from the inbox is a child comment of Bob's on our post, approved, by the admin.
    sent = services.inbox.reply(bobs.id, "Yes: Saturday the 5th!")
    assert sent.state == "sent" and sent.remote_id and sent.remote_id.startswith("comment-")
    sent_number = int(sent.remote_id.removeprefix("comment-"))
    answer = _api(url, admin, "GET", f"/comments/{sent_number}", params={"context": "edit"})
    assert (answer["parent"], answer["post"], answer["status"]) == (on_ours["id"], ours, "approved")
    assert answer["content"]["raw"] == "Yes: Saturday the 5th!"
    children = _api(url, ("", ""), "GET", "/comments", params={"post": ours, "parent": on_ours["id"]})
    assert [c["id"] for c in children] == [sent_number]

    again = services.inbox.sync()[0]
    assert (again.error_code, again.new, again.updated) == (None, 0, 0)  # our own answer is not an inbox item

    # Dave answers in the thread: a reply, in the conversation of our post.
    in_thread = _api(
        url,
        dave_auth,
        "POST",
        "/comments",
        json={"post": ours, "parent": sent_number, "content": "Great, thanks!"},
    )
    if in_thread["status"] != "approved":
        _api(url, admin, "POST", f"/comments/{in_thread['id']}", json={"status": "approved"})
    # The admin corrects the newest guest comment and moves another to the trash.
    _api(url, admin, "POST", f"/comments/{guests[-1]}", json={"content": "Guest comment 5, corrected"})
    _api(url, admin, "DELETE", f"/comments/{guests[-2]}")  # no force: to the trash

    changed = services.inbox.sync()[0]
    assert (changed.error_code, changed.new, changed.updated) == (None, 1, 2)
    rows = {r.text: r for r in services.inbox.list(limit=100)}
    answer_row = rows["Great, thanks!"]
    assert answer_row.kind == "reply" and answer_row.conversation_id == bobs.conversation_id
    assert rows["Guest comment 5, corrected"].edited and "Guest comment 5" not in rows
    assert rows["Guest comment 4"].deleted and not rows["Guest comment 3"].deleted
    assert [r.text for r in services.inbox.list(InboxFilter(query="corrected"))] == ["Guest comment 5, corrected"]
    assert services.inbox.sync()[0].updated == 0


def test_a_comment_on_a_post_whose_number_is_also_a_comments_stays_out_of_our_posts_conversation(
    site: tuple[str, str], services: Services
) -> None:
    url, admin_password = site
    admin = ("admin", admin_password)
    services.channels.add("wordpress", name="Blog", url=url, handle="admin", secret=admin_password)
    post = services.posts.create("Winter programme", title="Winter", channels=["Blog"], campaign="winter")
    assert len(services.engine().run_once().published) == 1
    ours = int(services.posts.get(post.id).deliveries[0].remote_id or 0)
    # Another post and guest comments on ours until a guest comment has the other post's number.
    for _ in range(50):
        other = _api(url, admin, "POST", "/posts", json={"title": "Not from the app", "status": "publish"})["id"]
        newest = 0
        while newest < other:
            body = {
                "post": ours,
                "content": f"Guest {uuid.uuid4().hex[:8]}",  # WordPress refuses a duplicate
                "author_name": "Guest",
                "author_email": "guest@example.org",
                "status": "approved",
            }
            newest = _api(url, admin, "POST", "/comments", json=body)["id"]
        twin = _api(url, admin, "GET", f"/comments/{other}", params={"context": "edit"})
        if (twin["post"], twin["author"], twin["status"]) == (ours, 0, "approved"):
            break
    else:
        pytest.fail("no guest comment got the other post's number")
    assert services.inbox.sync()[0].error_code is None  # the guest comments are in the inbox
    body = {
        "post": other,
        "content": "About the other post",
        "author_name": "Eve",
        "author_email": "eve@example.org",
        "status": "approved",
    }
    _api(url, admin, "POST", "/comments", json=body)
    assert services.inbox.sync()[0].error_code is None
    details = [services.inbox.get(r.id) for r in services.inbox.list(limit=500)]
    on_ours = [d for d in details if d.in_reply_to == str(ours)]
    assert on_ours and all(d.post_id == post.id for d in on_ours)  # the comments on our post belong to it ...
    eve = next(d for d in details if d.full_text == "About the other post")
    assert eve.post_id is None  # ... and a comment on another post does not
