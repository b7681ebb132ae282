"""Channels and posts as the CLI and the window use them: what is accepted, what is refused (and that a refusal
changes nothing), how a post's status is derived, and the demo workspace."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select

from publisher.db.models import AuditEntry, Channel, Delivery, Post, User
from publisher.db.session import Database
from publisher.domain import DeliveryState, PostStatus, derive_post_status
from publisher.errors import InputError, NotFound
from publisher.services import demo
from publisher.services.engine import PublishingEngine


def counts(services) -> dict[str, int]:
    with services.db.session() as s:
        return {
            model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Channel, Post, Delivery, AuditEntry, User)
        }


@pytest.fixture
def blog(services, feed_dir):
    return services.channels.add("feed", name="Blog", path=str(feed_dir), url="https://example.org/blog")


# -- channels --------------------------------------------------------------------------------------------


def test_channels_are_added_listed_and_removed(services, tmp_path):
    for name in ("Press room", "blog", "Careers"):
        folder = tmp_path / name.replace(" ", "-")
        folder.mkdir()
        info = services.channels.add("feed", name=f"  {name} ", path=str(folder))
        assert info.name == name  # surrounding blanks trimmed
        assert info.kind == "feed"
        assert info.settings == {"path": str(folder.resolve())}

    assert [c.name for c in services.channels.all()] == ["blog", "Careers", "Press room"]
    assert services.channels.get("Careers").settings["path"].endswith("Careers")

    removed = services.channels.remove("blog")
    assert removed.name == "blog"
    assert [c.name for c in services.channels.all()] == ["Careers", "Press room"]
    with pytest.raises(NotFound) as caught:
        services.channels.get("blog")
    assert caught.value.code == "channel.not_found"
    with pytest.raises(NotFound):
        services.channels.remove("blog")


def test_removing_a_channel_drops_its_pending_deliveries(services, blog):
    post = services.posts.create("Hello", channels=["Blog"], at=services.clock.now() + timedelta(days=1))
    assert services.channels.pending_count("Blog") == 1
    services.channels.remove("Blog")
    assert services.posts.get(post.id).deliveries == ()


def test_a_duplicate_channel_name_is_refused(services, blog, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    before = counts(services)
    with pytest.raises(InputError) as caught:
        services.channels.add("feed", name="Blog", path=str(other))
    assert caught.value.code == "channel.name_taken"
    assert counts(services) == before


@pytest.mark.parametrize(
    ("kind", "name", "secret", "code"),
    [
        ("mastodonn", "Blog", None, "channel.unknown_kind"),
        ("feed", "Blog", "hunter2", "channel.secret_not_used"),
        ("feed", "   ", None, "channel.name_required"),
        ("feed", "x" * 201, None, "channel.name_too_long"),
    ],
)
def test_a_refused_channel_writes_nothing(services, feed_dir, memory_keyring, kind, name, secret, code):
    before = counts(services)
    with pytest.raises(InputError) as caught:
        services.channels.add(kind, name=name, path=str(feed_dir), secret=secret)
    assert caught.value.code == code
    assert counts(services) == before
    assert memory_keyring.passwords == {}
    assert list(feed_dir.iterdir()) == []


def test_an_unknown_kind_names_the_known_ones(services):
    with pytest.raises(InputError) as caught:
        services.channels.add("mastodonn", name="Social")
    assert caught.value.params == {
        "kind": "mastodonn",
        "known": "bluesky, discord, feed, mastodon, matrix, telegram, wordpress",
    }
    assert "feed" in str(caught.value)


# -- creating posts --------------------------------------------------------------------------------------


def test_a_post_is_scheduled_on_each_channel(services, blog, tmp_path):
    press = tmp_path / "press"
    press.mkdir()
    services.channels.add("feed", name="Press", path=str(press))
    at = datetime(2026, 12, 1, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))

    post = services.posts.create(
        "Annual report is online", channels=["Press", "Blog"], title=" Annual report ", at=at, tz="Europe/Berlin"
    )

    assert post.title == "Annual report"
    assert post.status == PostStatus.SCHEDULED
    assert post.author == "tester"
    assert [d.channel for d in post.deliveries] == ["Press", "Blog"]
    for d in post.deliveries:
        assert d.state == DeliveryState.SCHEDULED
        assert d.scheduled_at == datetime(2026, 12, 1, 8, 30, tzinfo=UTC)
        assert d.scheduled_tz == "Europe/Berlin"
    assert services.posts.get(post.id) == post


def test_a_post_without_a_time_is_due_now(services, blog, clock):
    post = services.posts.create("Now!", channels=["Blog"])
    assert post.deliveries[0].scheduled_at == clock.now()
    assert services.engine_status().next_due_at == clock.now()


@pytest.mark.parametrize(
    ("body", "channels", "at", "tz", "error", "code"),
    [
        ("", ["Blog"], None, "UTC", InputError, "post.empty"),
        (" \n\t \n", ["Blog"], None, "UTC", InputError, "post.empty"),
        ("Hello", [], None, "UTC", InputError, "post.no_channel"),
        ("Hello", ["  "], None, "UTC", InputError, "post.no_channel"),
        ("Hello", ["Blog", "Blog"], None, "UTC", InputError, "post.duplicate_channel"),
        ("Hello", ["Nope"], None, "UTC", NotFound, "channel.not_found"),
        ("Hello", ["Blog", "Nope"], None, "UTC", NotFound, "channel.not_found"),
        ("Hello", ["Blog"], datetime(2026, 12, 1, 9, 30), "UTC", InputError, "time.naive"),
        ("Hello", ["Blog"], None, "Europe/Atlantis", InputError, "time.unknown_zone"),
        ("Hello", ["Blog"], None, "", InputError, "time.unknown_zone"),
        ("Hello\x00world", ["Blog"], None, "UTC", InputError, "post.binary"),
        ("x" * 100_001, ["Blog"], None, "UTC", InputError, "post.too_long"),
    ],
    ids=[
        "empty",
        "whitespace",
        "no-channel",
        "blank-channel",
        "channel-twice",
        "unknown-channel",
        "one-unknown-channel",
        "naive-time",
        "unknown-zone",
        "empty-zone",
        "nul",
        "too-long",
    ],
)
def test_a_refused_post_changes_nothing(services, blog, body, channels, at, tz, error, code):
    before = counts(services)
    with pytest.raises(error) as caught:
        services.posts.create(body, channels=channels, at=at, tz=tz)
    assert caught.value.code == code
    assert counts(services) == before
    assert services.posts.count() == 0


def test_an_unknown_channel_is_named_in_the_error(services, blog):
    with pytest.raises(NotFound) as caught:
        services.posts.create("Hello", channels=["Blog", "Nope"])
    assert caught.value.params == {"name": "Nope"}


# -- reading posts back ----------------------------------------------------------------------------------


def test_posts_are_listed_newest_first(services, blog, clock):
    ids = []
    for i in range(3):
        ids.append(services.posts.create(f"Post {i}", channels=["Blog"], at=clock.now() + timedelta(days=i)).id)
    assert services.posts.ids() == ids[::-1]
    assert [p.title for p in services.posts.page()] == ["Post 2", "Post 1", "Post 0"]
    assert [p.id for p in services.posts.page(limit=1, offset=1)] == [ids[1]]
    assert [p.id for p in services.posts.summaries([ids[0], 999, ids[2]])] == [ids[0], ids[2]]
    window = services.posts.deliveries_between(clock.now() + timedelta(hours=1), clock.now() + timedelta(days=2))
    assert [title for _, title in window] == ["Post 1"]


def test_a_post_is_deleted_unless_it_is_being_published(services, blog, clock):
    busy = services.posts.create("Busy", channels=["Blog"])
    idle = services.posts.create("Idle", channels=["Blog"], at=clock.now() + timedelta(days=1))
    with services.db.session() as s:
        s.get(Delivery, busy.deliveries[0].id).state = DeliveryState.PUBLISHING
    with pytest.raises(InputError) as caught:
        services.posts.delete(busy.id)
    assert caught.value.code == "post.busy"
    services.posts.delete(idle.id)
    assert services.posts.ids() == [busy.id]
    with pytest.raises(NotFound):
        services.posts.get(idle.id)


# -- the overall status of a post ------------------------------------------------------------------------

P, F, S, U, X, B = (
    DeliveryState.PUBLISHED,
    DeliveryState.FAILED,
    DeliveryState.SCHEDULED,
    DeliveryState.UNCONFIRMED,
    DeliveryState.CANCELLED,
    DeliveryState.PUBLISHING,
)


@pytest.mark.parametrize(
    ("workflow", "states", "expected"),
    [
        ("draft", [S, S], PostStatus.DRAFT),
        ("in_review", [P], PostStatus.IN_REVIEW),
        ("approved", [], PostStatus.APPROVED),
        ("something-new", [], PostStatus.DRAFT),
        ("scheduled", [S], PostStatus.SCHEDULED),
        ("scheduled", [S, S], PostStatus.SCHEDULED),
        ("scheduled", [P, P], PostStatus.PUBLISHED),
        ("scheduled", [P, X], PostStatus.PUBLISHED),
        ("scheduled", [X, X], PostStatus.CANCELLED),
        ("scheduled", [P, S], PostStatus.PARTIALLY_PUBLISHED),
        ("scheduled", [P, F], PostStatus.PARTIALLY_PUBLISHED),
        ("scheduled", [F, S], PostStatus.FAILED),
        ("scheduled", [F], PostStatus.FAILED),
        ("scheduled", [B, P], PostStatus.PUBLISHING),
        ("scheduled", [U, P], PostStatus.NEEDS_ATTENTION),
        ("scheduled", [U, B, F], PostStatus.NEEDS_ATTENTION),
    ],
)
def test_post_status_is_derived_from_its_deliveries(workflow, states, expected):
    assert derive_post_status(workflow, [s.value for s in states]) == expected


# -- the demo workspace ----------------------------------------------------------------------------------


def test_the_demo_has_published_and_future_posts(services, clock, tmp_path, entry_ids):
    demo.seed_demo(services, tmp_path / "demo")

    posts = services.posts.page()
    assert len(posts) == len(demo.SAMPLES)
    now = clock.now()
    past = [p for p in posts if p.scheduled_at <= now]
    future = [p for p in posts if p.scheduled_at > now]
    assert past and future
    assert {p.status for p in past} == {PostStatus.PUBLISHED}
    assert {p.status for p in future} == {PostStatus.SCHEDULED}
    assert [c.name for c in services.channels.all()] == ["Careers", "Company blog", "Press room"]
    published_to_blog = sum(1 for p in past for d in p.deliveries if d.channel == "Company blog")
    assert len(entry_ids(tmp_path / "demo" / "blog")) == published_to_blog
    assert not services.engine_status().running  # the demo's engine pass is over


# -- working next to a running engine --------------------------------------------------------------------


@contextmanager
def another_runner_writes_between_read_and_write(services, db_url, clock):
    """While a service call is between its first read and its first write, another runner (another connection,
    as a headless runner or the window's engine thread has) writes its heartbeat."""
    other_db = Database(db_url)
    other = PublishingEngine(other_db, services.registry, services.secrets, clock, runner_id="other-runner")
    done = threading.Event()
    errors: list[BaseException] = []
    threads: list[threading.Thread] = []

    def beat() -> None:
        try:
            other.beat()
        except BaseException as exc:
            errors.append(exc)
        finally:
            done.set()

    def after_first_select(conn, cursor, statement, *_args):
        if not threads and statement.lstrip().upper().startswith("SELECT"):
            threads.append(threading.Thread(target=beat))
            threads[0].start()
            done.wait(0.5)  # gives the other writer time to commit, if it is allowed to

    event.listen(services.db.engine, "after_cursor_execute", after_first_select)
    try:
        yield
    finally:
        event.remove(services.db.engine, "after_cursor_execute", after_first_select)
        for t in threads:
            t.join(timeout=30)
        other_db.dispose()
    assert threads, "the service call did not read anything"
    assert errors == []
    assert done.is_set()


def test_creating_a_post_while_another_runner_writes(services, blog, db_url, clock):
    with another_runner_writes_between_read_and_write(services, db_url, clock):
        post = services.posts.create("Hello", channels=["Blog"])
    assert services.posts.ids() == [post.id]
    assert services.engine_status().runners == 1


def test_adding_a_channel_while_another_runner_writes(services, db_url, clock, tmp_path):
    folder = tmp_path / "press"
    folder.mkdir()
    with another_runner_writes_between_read_and_write(services, db_url, clock):
        services.channels.add("feed", name="Press", path=str(folder))
    assert [c.name for c in services.channels.all()] == ["Press"]


def test_retrying_while_another_runner_writes(services, blog, db_url, clock, feed_dir):
    post = services.posts.create("Hello", channels=["Blog"])
    feed_dir.rmdir()
    services.engine().run_once()
    feed_dir.mkdir()
    with another_runner_writes_between_read_and_write(services, db_url, clock):
        services.posts.retry(post.deliveries[0].id)
    assert services.posts.get(post.id).deliveries[0].state == DeliveryState.SCHEDULED
