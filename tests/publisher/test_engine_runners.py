"""Two runners on one database publish each delivery exactly once, on a real Mastodon API (the loopback server).

* two engines in two threads, each with its own database connection pool, on one SQLite file and on a real
  PostgreSQL (tests/integration/servers/postgres_server.py; ``PUBLISHER_SKIP_SERVERS=1`` skips that one, otherwise
  a PostgreSQL that cannot start fails the test);
* two ``publisher run`` processes (the CLI) on one SQLite file, and on PostgreSQL.

"Once" is checked on the server: one status per account and text, and no create ever sent twice (no runner
crashed, so nothing may be resent, not even with the same key).
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from publisher.channels.mastodon import MastodonKind
from publisher.channels.registry import Registry
from publisher.clock import ManualClock, SystemClock
from publisher.db.models import AuditEntry, Channel, Delivery
from publisher.db.session import Database
from publisher.domain import DeliveryState
from publisher.services import Services, build_services
from publisher.services.engine import PublishingEngine
from tests.engine_servers.cli_runner import Runner, runner_env
from tests.engine_servers.loopback_mastodon import Control, ThreadServer, serve_in_thread, start_process
from tests.integration.servers.running import running

ACCOUNTS = {f"runner-token-{n}": f"runner{n}" for n in range(1, 6)}
POSTS = 8


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
def server() -> Iterator[ThreadServer]:
    running = serve_in_thread(ACCOUNTS, latency=0.05)
    yield running
    running.stop()


def populate(services: Services, url: str) -> dict[int, str]:
    """Five Mastodon channels (one per account) and POSTS posts to all of them; channel id -> token."""
    secrets = {}
    for n, token in enumerate(ACCOUNTS, start=1):
        info = services.channels.add("mastodon", name=f"Runner account {n}", url=url, secret=token)
        secrets[info.id] = token
    names = [f"Runner account {n}" for n in range(1, len(ACCOUNTS) + 1)]
    for p in range(POSTS):
        services.posts.create(f"Runner post {p + 1}: two runners, one post.", channels=names)
    return secrets


def assert_each_published_once(services: Services, server: Control, secrets: dict[int, str]) -> None:
    statuses = server.statuses()
    per_text = Counter((s["token"], s["text"]) for s in statuses)
    assert [k for k, n in per_text.items() if n > 1] == []
    creates = Counter(c["idempotency_key"] for c in server.creates())
    assert [k for k, n in creates.items() if n > 1] == []  # nothing was sent twice, not even with its key
    by_key = {(s["token"], s["text"]): s for s in statuses}
    with services.db.session() as s:
        rows = s.execute(select(Delivery, Channel).join(Channel, Channel.id == Delivery.channel_id)).all()
        assert len(rows) == POSTS * len(ACCOUNTS)
        for delivery, channel in rows:
            assert delivery.state == DeliveryState.PUBLISHED, (delivery.id, delivery.last_error_code)
            status = by_key[(secrets[channel.id], delivery.post.body)]
            assert delivery.remote_id == status["id"]
    assert len(statuses) == POSTS * len(ACCOUNTS)


def run_two_engines(services: Services, second: Database, clock: ManualClock, transport_kind: MastodonKind) -> set[str]:
    """Both engines' run_once at the same moment; returns the runner ids that claimed something."""
    registry = Registry([transport_kind])
    engines = [
        PublishingEngine(services.db, registry, services.secrets, clock, runner_id="runner-a"),
        PublishingEngine(second, registry, services.secrets, clock, runner_id="runner-b"),
    ]
    barrier = threading.Barrier(len(engines))
    errors: list[BaseException] = []

    def run(engine: PublishingEngine) -> None:
        try:
            barrier.wait()
            engine.run_once()
        except BaseException as exc:  # reported below; a thread's exception would vanish otherwise
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    with services.db.session() as s:
        return set(s.scalars(select(AuditEntry.actor).where(AuditEntry.action == "delivery.claimed")))


def test_two_engines_on_one_sqlite_file(make_services, clock, server, db_url):
    kind = MastodonKind(sleeper=lambda _: None, clock=clock)
    services = make_services(registry=Registry([kind]))
    secrets = populate(services, server.url)
    second = Database(db_url)  # as if a second process opened the same file
    try:
        claimers = run_two_engines(services, second, clock, kind)
    finally:
        second.dispose()
    assert_each_published_once(services, server, secrets)
    print(f"claimed by {sorted(claimers)}")


@pytest.fixture(scope="module")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if os.environ.get("PUBLISHER_SKIP_SERVERS") == "1":
        pytest.skip("PUBLISHER_SKIP_SERVERS=1: real servers are skipped")
    with running("postgres", tmp_path_factory.mktemp("postgres")) as server:
        yield server


@pytest.mark.slow
def test_two_engines_on_one_postgresql_database(make_services: Callable[..., Services], clock, server, postgres):
    url = postgres.create_database(f"runners_{os.getpid()}_{int(time.time())}")
    kind = MastodonKind(sleeper=lambda _: None, clock=clock)
    services = make_services(registry=Registry([kind]), url=url)
    secrets = populate(services, server.url)
    second = Database(url)
    try:
        claimers = run_two_engines(services, second, clock, kind)
    finally:
        second.dispose()
    assert_each_published_once(services, server, secrets)
    print(f"claimed by {sorted(claimers)}")


@pytest.mark.slow
@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_two_publisher_run_processes_on_one_database(tmp_path, request, database):
    if database == "sqlite":
        url = f"sqlite:///{tmp_path / 'runners.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres").create_database(f"processes_{os.getpid()}_{int(time.time())}")
    process_server = start_process(ACCOUNTS, latency=0.05)
    services = build_services(url, actor="tester")  # the real clock, as the runner processes use
    try:
        secrets = populate(services, process_server.url)
        env = runner_env(secrets)
        runners = [Runner(url, env, tmp_path / f"runner-{n}.log") for n in range(2)]
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                with services.db.session() as s:
                    left = s.scalar(select(Delivery.id).where(Delivery.state != DeliveryState.PUBLISHED).limit(1))
                    stuck = s.scalar(
                        select(Delivery.id)
                        .where(Delivery.state == DeliveryState.FAILED, Delivery.next_attempt_at.is_(None))
                        .limit(1)
                    )
                if left is None or stuck is not None:
                    break
                time.sleep(0.1)
        finally:
            codes = [r.stop() for r in runners]
        assert codes == [0, 0]
        assert_each_published_once(services, process_server, secrets)
    finally:
        services.close()
        process_server.stop()


# Regression: leases were renewed only when no delivery finished within lease/4, so with others finishing all the
# time a slow one's lease ran out in flight and a second runner sent it again. (Whether the old bug shows depends
# on how often deliveries finish; it did in every run.)
def test_a_slow_delivery_keeps_its_lease_while_others_finish_around_it(make_services, server, monkeypatch):
    monkeypatch.setenv("PUBLISHER_LEASE_SECONDS", "1")
    services = make_services(registry=Registry([MastodonKind(sleeper=lambda _: None)]))  # posts due now
    slow_token, quick_token = list(ACCOUNTS)[:2]
    services.channels.add("mastodon", name="Slow", url=server.url, secret=slow_token)
    services.channels.add("mastodon", name="Quick", url=server.url, secret=quick_token)
    [slow_delivery] = services.posts.create("The slow upload", channels=["Slow"]).deliveries
    for n in range(150):
        services.posts.create(f"Quick post {n}", channels=["Quick"])
    server.fault("slow", token=slow_token, seconds=3.0)
    server.fault("slow", token=quick_token, seconds=0.1, times=-1)
    first = PublishingEngine(services.db, services.registry, services.secrets, SystemClock(), per_host=6)
    second = PublishingEngine(services.db, services.registry, services.secrets, SystemClock())

    def late_second_runner() -> None:
        time.sleep(1.6)  # the first runner is still busy; the slow delivery is still in flight
        second.run_once()

    helper = threading.Thread(target=late_second_runner)
    helper.start()
    expired_in_flight = False
    runner = threading.Thread(target=first.run_once)
    runner.start()
    while runner.is_alive():
        with services.db.session() as s:
            row = s.get(Delivery, slow_delivery.id)
            assert row is not None
            if row.state == DeliveryState.PUBLISHING and row.lease_until < datetime.now(UTC):
                expired_in_flight = True
        time.sleep(0.05)
    runner.join()
    helper.join()

    assert len(server.creates(slow_token)) == 1  # sent once
    assert not expired_in_flight
