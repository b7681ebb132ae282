"""The publishing engine, driven by a manual clock: when posts go out, what happens on failures, crashes and
concurrent runners, and what the status bar is told."""

from __future__ import annotations

import shutil
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from publisher.channels.feed import FeedKind
from publisher.channels.protocol import ChannelConfig, PublishRequest, PublishResult, VerifyResult
from publisher.channels.registry import Registry
from publisher.db.models import AuditEntry, Delivery
from publisher.db.session import Database
from publisher.domain import DeliveryState, PostStatus
from publisher.errors import InputError, NotFound, OutcomeUnknown, RateLimited, Rejected, Transient
from publisher.services.engine import HEARTBEAT_STALE, PublishingEngine

# -- a scripted channel kind -----------------------------------------------------------------------------


class ScriptedKind:
    """A network whose answers the test scripts: each publish takes the next outcome (default: success)."""

    kind = "scripted"
    display_name = "Scripted network"
    fields = ()
    needs_secret = False

    def __init__(self, *, idempotent: bool = False) -> None:
        self.idempotent_publish = idempotent
        self.outcomes: list[BaseException | None] = []
        self.published: list[PublishRequest] = []  # every publish call, whatever its outcome
        self.lookups: list[PublishRequest] = []
        self.found: PublishResult | None = None  # what find_published answers

    def validate(self, *, base_url, handle, path):
        return base_url, handle, {}

    def connect(self, config: ChannelConfig, secret: str | None) -> ScriptedConnector:
        return ScriptedConnector(self)


class ScriptedConnector:
    def __init__(self, kind: ScriptedKind) -> None:
        self.kind = kind

    def verify(self) -> VerifyResult:
        return VerifyResult(account="scripted")

    def publish(self, request: PublishRequest) -> PublishResult:
        self.kind.published.append(request)
        outcome = self.kind.outcomes.pop(0) if self.kind.outcomes else None
        if outcome is not None:
            raise outcome
        return PublishResult(remote_id=f"remote-{len(self.kind.published)}", remote_url=None)

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        self.kind.lookups.append(request)
        return self.kind.found


@pytest.fixture
def scripted() -> ScriptedKind:
    return ScriptedKind()


@pytest.fixture
def services(make_services, scripted):
    return make_services(registry=Registry([FeedKind(), scripted]))


def add_feed(services, folder: Path, name: str = "Blog") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    services.channels.add("feed", name=name, path=str(folder))


def delivery(services, delivery_id: int) -> Delivery:
    with services.db.session() as s:
        row = s.get(Delivery, delivery_id)
        assert row is not None
        return row


def only_delivery(detail) -> int:
    [d] = detail.deliveries
    return d.id


# -- when posts go out -----------------------------------------------------------------------------------


def test_a_scheduled_post_waits_for_its_time(services, clock, feed_dir, feed_entries):
    add_feed(services, feed_dir)
    post = services.posts.create("Advent calendar, door 1", channels=["Blog"], at=clock.now() + timedelta(hours=1))
    engine = services.engine()

    assert engine.run_once().published == []
    clock.advance(timedelta(minutes=59, seconds=59))
    assert engine.run_once().published == []
    assert feed_entries(feed_dir) == []
    assert services.posts.get(post.id).status == PostStatus.SCHEDULED

    clock.advance(timedelta(seconds=1))
    assert engine.run_once().published == [only_delivery(post)]
    assert len(feed_entries(feed_dir)) == 1
    detail = services.posts.get(post.id)
    assert detail.status == PostStatus.PUBLISHED
    assert detail.deliveries[0].published_at == clock.now()


def test_a_post_that_fell_due_while_the_laptop_slept_goes_out_once(services, clock, feed_dir, feed_entries):
    add_feed(services, feed_dir)
    services.posts.create("Door 2", channels=["Blog"], at=clock.now() + timedelta(minutes=5))
    engine = services.engine()
    clock.advance(timedelta(hours=1, minutes=50))  # asleep, woke within the default grace period of 2 h
    assert len(engine.run_once().published) == 1
    assert engine.run_once().published == []
    assert len(feed_entries(feed_dir)) == 1


def test_a_post_missed_by_more_than_the_grace_period_waits_for_the_user(services, clock, feed_dir, feed_entries):
    add_feed(services, feed_dir)
    post = services.posts.create("Door 3", channels=["Blog"], at=clock.now() + timedelta(minutes=5))
    engine = services.engine()
    clock.advance(timedelta(hours=9))
    report = engine.run_once()
    assert report.published == [] and report.failed == [only_delivery(post)]
    assert feed_entries(feed_dir) == []
    held = services.posts.get(post.id).deliveries[0]
    assert (held.state, held.error_code, held.next_attempt_at) == (DeliveryState.FAILED, "delivery.missed", None)
    assert "no runner was running" in (held.error or "")
    assert engine.run_once().published == []  # nothing goes out on its own

    services.posts.retry_post(post.id)  # the user decides: publish it now
    assert engine.run_once().published == [only_delivery(post)]
    assert len(feed_entries(feed_dir)) == 1


def test_the_grace_period_is_a_workspace_setting(services, clock, feed_dir, feed_entries):
    add_feed(services, feed_dir)
    services.workspace.set_workflow(grace_minutes=12 * 60)
    services.posts.create("Door 4", channels=["Blog"], at=clock.now() + timedelta(minutes=5))
    clock.advance(timedelta(hours=9))
    assert len(services.engine().run_once().published) == 1


# -- one channel failing ---------------------------------------------------------------------------------


def test_a_failing_channel_does_not_repost_the_good_one(services, clock, tmp_path, feed_entries, markdown_files):
    good_dir, bad_dir = tmp_path / "good", tmp_path / "bad"
    add_feed(services, good_dir, "Good")
    add_feed(services, bad_dir, "Bad")
    post = services.posts.create("Quarterly results", channels=["Good", "Bad"])
    good_id, bad_id = (d.id for d in post.deliveries)
    shutil.rmtree(bad_dir)
    engine = services.engine()

    report = engine.run_once()
    assert report.published == [good_id]
    assert report.retrying == [bad_id]
    bad = delivery(services, bad_id)
    assert bad.state == DeliveryState.FAILED
    assert bad.last_error_code == "feed.folder_missing"
    assert bad.next_attempt_at is not None and bad.next_attempt_at > clock.now()
    assert services.posts.get(post.id).status == PostStatus.PARTIALLY_PUBLISHED

    # The engine retries on its own once the time comes; the good channel is left alone.
    assert engine.run_once().published == []
    clock.set(bad.next_attempt_at)
    report = engine.run_once()
    assert report.published == [] and report.retrying == [bad_id]
    assert delivery(services, bad_id).attempts == 2

    # The user fixes the folder and asks for a retry: only the failed channel is sent.
    bad_dir.mkdir()
    services.posts.retry(bad_id)
    assert engine.run_once().published == [bad_id]
    assert engine.run_once().published == []

    assert len(feed_entries(good_dir)) == 1 and len(markdown_files(good_dir)) == 1
    assert len(feed_entries(bad_dir)) == 1 and len(markdown_files(bad_dir)) == 1
    assert delivery(services, good_id).attempts == 1
    assert services.posts.get(post.id).status == PostStatus.PUBLISHED


def test_retry_is_refused_for_a_delivery_that_did_not_fail(services, feed_dir):
    add_feed(services, feed_dir)
    post = services.posts.create("Hello", channels=["Blog"])
    with pytest.raises(InputError) as caught:
        services.posts.retry(only_delivery(post))
    assert caught.value.code == "delivery.not_retryable"
    with pytest.raises(NotFound) as missing:
        services.posts.retry(9999)
    assert missing.value.code == "delivery.not_found"


# -- two runners on one database -------------------------------------------------------------------------


def test_two_runners_publish_every_delivery_exactly_once(services, clock, db_url, tmp_path, entry_ids):
    folders = [tmp_path / "blog", tmp_path / "press"]
    for i, folder in enumerate(folders):
        add_feed(services, folder, f"Channel {i}")
    posts = 25
    for i in range(posts):
        services.posts.create(f"Post number {i}", channels=["Channel 0", "Channel 1"])
    second_db = Database(db_url)  # as if a second process opened the same file
    try:
        engines = [
            PublishingEngine(services.db, services.registry, services.secrets, clock, runner_id="runner-a"),
            PublishingEngine(second_db, services.registry, services.secrets, clock, runner_id="runner-b"),
        ]
        reports: dict[str, list[int]] = {}
        errors: list[BaseException] = []
        barrier = threading.Barrier(len(engines))

        def run(engine: PublishingEngine) -> None:
            try:
                barrier.wait()
                reports[engine.runner_id] = engine.run_once().published
            except BaseException as exc:  # reported below; a thread's exception would vanish otherwise
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(e,)) for e in engines]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert not any(t.is_alive() for t in threads)
        assert errors == []
    finally:
        second_db.dispose()

    a, b = reports["runner-a"], reports["runner-b"]
    assert set(a).isdisjoint(b)
    assert len(a) + len(b) == 2 * posts
    for folder in folders:
        ids = entry_ids(folder)
        assert len(ids) == posts
        assert len(set(ids)) == posts
    with services.db.session() as s:
        rows = list(s.scalars(select(Delivery)))
    assert {r.state for r in rows} == {DeliveryState.PUBLISHED}
    assert {r.attempts for r in rows} == {1}


# -- crash recovery --------------------------------------------------------------------------------------


def interrupt(services, delivery_id: int, *, key: str, lease_until) -> None:
    """Puts a delivery in the state a runner that died mid-publish leaves behind."""
    with services.db.session() as s:
        s.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id)
            .values(
                state=DeliveryState.PUBLISHING,
                idempotency_key=key,
                lease_owner="dead-runner",
                lease_until=lease_until,
                attempts=1,
            )
        )


def request_for(services, post, channel: str, key: str) -> PublishRequest:
    d = post.deliveries[0]
    return PublishRequest(
        key=key, post_id=post.id, title=post.title, text=post.body, date=d.scheduled_at, channel_name=channel
    )


def test_an_interrupted_feed_delivery_is_recovered_without_a_second_entry(
    services, clock, feed_dir, feed_entries, markdown_files
):
    add_feed(services, feed_dir)
    post = services.posts.create("Press release", channels=["Blog"], title="Library partnership")
    delivery_id = only_delivery(post)
    key = f"pub-{delivery_id}-deadbeefdeadbeef"
    # The dead runner got as far as writing the entry, but not as far as recording it.
    config = ChannelConfig(id=1, name="Blog", base_url=None, handle=None, settings={"path": str(feed_dir)})
    written = FeedKind().connect(config, None).publish(request_for(services, post, "Blog", key))
    interrupt(services, delivery_id, key=key, lease_until=clock.now() - timedelta(seconds=1))

    report = services.engine().run_once()

    assert report.published == [delivery_id]
    row = delivery(services, delivery_id)
    assert row.state == DeliveryState.PUBLISHED
    assert row.idempotency_key == key
    assert row.remote_id == written.remote_id
    assert row.attempts == 1
    assert len(feed_entries(feed_dir)) == 1
    assert len(markdown_files(feed_dir)) == 1


def test_a_live_lease_is_not_taken_over(services, clock, feed_dir, feed_entries):
    add_feed(services, feed_dir)
    post = services.posts.create("Hello", channels=["Blog"])
    delivery_id = only_delivery(post)
    interrupt(services, delivery_id, key="pub-x-1", lease_until=clock.now() + timedelta(seconds=30))

    assert services.engine().run_once().published == []
    assert delivery(services, delivery_id).state == DeliveryState.PUBLISHING
    assert feed_entries(feed_dir) == []


@pytest.mark.parametrize("found", [False, True])
def test_an_interrupted_delivery_on_a_non_idempotent_network_is_looked_up_not_resent(services, clock, scripted, found):
    services.channels.add("scripted", name="Network")
    post = services.posts.create("Hello", channels=["Network"])
    delivery_id = only_delivery(post)
    interrupt(services, delivery_id, key="pub-1-abc", lease_until=clock.now() - timedelta(minutes=1))
    scripted.found = PublishResult(remote_id="remote-42", remote_url="https://network.example/42") if found else None

    report = services.engine().run_once()

    assert scripted.published == []  # never a blind resend
    assert [r.key for r in scripted.lookups] == ["pub-1-abc"]
    row = delivery(services, delivery_id)
    if found:
        assert report.published == [delivery_id]
        assert (row.state, row.remote_id) == (DeliveryState.PUBLISHED, "remote-42")
    else:
        assert report.unconfirmed == [delivery_id]
        assert row.state == DeliveryState.UNCONFIRMED
        assert row.last_error_code == "engine.interrupted"
        assert services.posts.get(post.id).status == PostStatus.NEEDS_ATTENTION


# -- classified failures ---------------------------------------------------------------------------------


def test_an_unknown_outcome_is_unconfirmed_and_never_resent(services, clock, scripted):
    services.channels.add("scripted", name="Network")
    post = services.posts.create("Hello", channels=["Network"])
    delivery_id = only_delivery(post)
    scripted.outcomes = [OutcomeUnknown("fake.timeout_after_send")]
    engine = services.engine()

    report = engine.run_once()
    assert report.unconfirmed == [delivery_id]
    row = delivery(services, delivery_id)
    assert row.state == DeliveryState.UNCONFIRMED
    assert row.next_attempt_at is None
    assert row.last_error_code == "fake.timeout_after_send"

    clock.advance(timedelta(days=1))
    assert not engine.run_once().changed
    assert len(scripted.published) == 1
    assert services.engine_status().unconfirmed == 1
    assert services.posts.get(post.id).status == PostStatus.NEEDS_ATTENTION

    # Only the user can decide to send again, and that is a new attempt with a new key.
    services.posts.retry(delivery_id)
    assert engine.run_once().published == [delivery_id]
    assert len(scripted.published) == 2
    assert scripted.published[1].key != scripted.published[0].key


def test_an_unknown_outcome_on_an_idempotent_network_is_resent_with_the_same_key(make_services, clock):
    network = ScriptedKind(idempotent=True)
    services = make_services(registry=Registry([network]))
    services.channels.add("scripted", name="Network")
    post = services.posts.create("Hello", channels=["Network"])
    network.outcomes = [OutcomeUnknown()]
    engine = services.engine()

    assert engine.run_once().retrying == [only_delivery(post)]
    clock.set(delivery(services, only_delivery(post)).next_attempt_at)
    assert engine.run_once().published == [only_delivery(post)]
    assert [r.key for r in network.published] == [network.published[0].key] * 2


def test_a_rejected_post_fails_without_a_retry(services, clock, scripted):
    services.channels.add("scripted", name="Network")
    post = services.posts.create("Hello", channels=["Network"])
    scripted.outcomes = [Rejected("fake.too_long", max=10)]
    engine = services.engine()

    assert engine.run_once().failed == [only_delivery(post)]
    row = delivery(services, only_delivery(post))
    assert row.state == DeliveryState.FAILED
    assert row.next_attempt_at is None
    assert row.last_error_code == "fake.too_long"
    assert row.last_error_params == {"max": 10}
    clock.advance(timedelta(days=7))
    assert not engine.run_once().changed
    assert len(scripted.published) == 1
    status = services.engine_status()
    assert status.failed == 1
    assert status.next_due_at is None
    assert services.posts.get(post.id).status == PostStatus.FAILED


def test_rate_limited_waits_as_long_as_the_network_asks(services, clock, scripted):
    services.channels.add("scripted", name="Network")
    post = services.posts.create("Hello", channels=["Network"])
    scripted.outcomes = [RateLimited(retry_after=120)]
    engine = services.engine()
    start = clock.now()

    assert engine.run_once().retrying == [only_delivery(post)]
    row = delivery(services, only_delivery(post))
    assert row.next_attempt_at == start + timedelta(seconds=120)
    assert services.engine_status().next_due_at == start + timedelta(seconds=120)

    clock.advance(timedelta(seconds=119))
    assert not engine.run_once().changed
    clock.advance(timedelta(seconds=1))
    assert engine.run_once().published == [only_delivery(post)]
    assert len(scripted.published) == 2


def test_transient_failures_back_off_and_eventually_stop(services, clock, scripted):
    services.channels.add("scripted", name="Network")
    post = services.posts.create("Hello", channels=["Network"])
    scripted.outcomes = [Transient() for _ in range(20)]
    engine = services.engine()
    waits = []
    for _ in range(20):
        before = clock.now()
        engine.run_once()
        row = delivery(services, only_delivery(post))
        if row.next_attempt_at is None:
            break
        waits.append(row.next_attempt_at - before)
        clock.set(row.next_attempt_at)
    assert row.state == DeliveryState.FAILED and row.next_attempt_at is None  # gave up: needs the user
    assert 1 < len(scripted.published) < 20
    assert all(w >= timedelta(seconds=5) for w in waits)
    assert max(waits) <= timedelta(hours=1)


def test_a_crashing_connector_fails_its_delivery_and_the_runner_goes_on(services, clock, scripted, feed_dir):
    add_feed(services, feed_dir)
    services.channels.add("scripted", name="Network")
    broken = services.posts.create("First", channels=["Network"])
    fine = services.posts.create("Second", channels=["Blog"])
    scripted.outcomes = [RuntimeError("bug in a plug-in")]

    report = services.engine().run_once()

    assert report.failed == [only_delivery(broken)]
    assert report.published == [only_delivery(fine)]
    assert delivery(services, only_delivery(broken)).last_error_code == "engine.internal"


# -- what the status bar shows ---------------------------------------------------------------------------


def test_engine_status_follows_the_heartbeat(services, clock):
    assert not services.engine_status().running
    engine = services.engine()
    engine.beat()
    status = services.engine_status()
    assert status.running and status.runners == 1
    assert status.last_run_at is None

    clock.advance(HEARTBEAT_STALE - timedelta(seconds=1))
    assert services.engine_status().running
    clock.advance(timedelta(seconds=2))  # 46 s without a beat: the runner is presumed dead
    assert not services.engine_status().running

    engine.run_once()
    status = services.engine_status()
    assert status.running and status.last_run_at == clock.now()

    engine.mark_stopped()
    assert not services.engine_status().running


def test_a_window_sees_a_runner_in_another_process(services, clock, db_url):
    other_db = Database(db_url)
    try:
        PublishingEngine(other_db, services.registry, services.secrets, clock, runner_id="headless").beat()
    finally:
        other_db.dispose()
    status = services.engine_status()
    assert status.running and status.runners == 1


# -- audit log -------------------------------------------------------------------------------------------


def test_every_transition_is_in_the_audit_log(services, clock, feed_dir):
    add_feed(services, feed_dir)
    post = services.posts.create("Hello", channels=["Blog"])
    delivery_id = only_delivery(post)
    engine = services.engine()
    engine.run_once()

    with services.db.session() as s:
        rows = list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    actions = [(r.action, r.entity, r.entity_id) for r in rows]
    assert ("post.created", "post", post.id) in actions
    delivery_actions = [(r.action, r.actor) for r in rows if r.entity == "delivery" and r.entity_id == delivery_id]
    assert delivery_actions == [("delivery.claimed", engine.runner_id), ("delivery.published", engine.runner_id)]
    claimed = next(r for r in rows if r.action == "delivery.claimed")
    assert claimed.detail["key"] == delivery(services, delivery_id).idempotency_key
    assert claimed.at == clock.now()
