"""``publisher run`` killed with SIGKILL at random moments while it publishes, restarted, until all is settled.

30 deliveries (10 posts x 3 of 5 Mastodon accounts) go to the loopback Mastodon server running as its own process,
so it outlives every killed runner and keeps what it received. Each round starts the CLI runner, waits until it
has begun sending, lets it run a random while longer and kills it with ``kill -9``; the next runner takes over
the interrupted deliveries once their lease runs out (``PUBLISHER_LEASE_SECONDS``, 1.5 s here). A last runner runs
until nothing is left and is stopped with SIGTERM.

Afterwards every post exists exactly once per account on the server, and every delivery says ``published`` with
that status' id (or ``unconfirmed`` with a reason). The RNG seed is printed and taken from
``PUBLISHER_CRASH_SEED`` to replay a run.
"""

from __future__ import annotations

import os
import random
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from publisher.db.models import Channel, Delivery
from publisher.domain import DeliveryState
from publisher.services import Services, build_services
from tests.engine_servers.cli_runner import Runner, runner_env
from tests.engine_servers.loopback_mastodon import ProcessServer, start_process

pytestmark = pytest.mark.slow

ACCOUNTS = {f"crash-token-{n}": f"account{n}" for n in range(1, 6)}
POSTS = 10
CHANNELS_PER_POST = 3
LATENCY = 0.3  # seconds the server takes per request: kills land while requests are in flight
LEASE_SECONDS = 1.5
MAX_KILL_ROUNDS = 8
SETTLE_TIMEOUT = 25.0
SETTLED = (DeliveryState.PUBLISHED, DeliveryState.UNCONFIRMED)


@pytest.fixture
def server() -> Iterator[ProcessServer]:
    running = start_process(ACCOUNTS, latency=LATENCY)
    yield running
    running.stop()


@pytest.fixture
def workspace(tmp_path: Path, server: ProcessServer) -> Iterator[tuple[Services, str, dict[int, str]]]:
    url = f"sqlite:///{tmp_path / 'crash.sqlite3'}"
    services = build_services(url, actor="tester")  # the real clock: the runner processes use it too
    secrets: dict[int, str] = {}
    names = []
    for n, token in enumerate(ACCOUNTS, start=1):
        info = services.channels.add("mastodon", name=f"Account {n}", url=server.url, secret=token)
        secrets[info.id] = token
        names.append(info.name)
    for p in range(POSTS):
        chosen = [names[(p + k) % len(names)] for k in range(CHANNELS_PER_POST)]
        services.posts.create(f"Crash test post {p + 1}: the library opens at {8 + p % 4} tomorrow.", channels=chosen)
    yield services, url, secrets
    services.close()


def states(services: Services) -> Counter[str]:
    with services.db.session() as s:
        return Counter(s.scalars(select(Delivery.state)))


def settled(services: Services) -> bool:
    counts = states(services)
    return sum(counts[state] for state in SETTLED) == POSTS * CHANNELS_PER_POST


def finished(services: Services) -> bool:
    """Nothing more will happen on its own: every delivery is settled or failed without a next attempt."""
    with services.db.session() as s:
        waiting = s.scalar(
            select(Delivery.id)
            .where(
                Delivery.state.not_in(SETTLED)
                & ((Delivery.state != DeliveryState.FAILED) | Delivery.next_attempt_at.is_not(None))
            )
            .limit(1)
        )
    return waiting is None


def wait_for_first_send(server: ProcessServer, before: int, runner: Runner, timeout: float = 10.0) -> bool:
    """Until the runner has sent a create (or died, or nothing is left to send)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and runner.alive():
        if len(server.creates()) > before:
            return True
        time.sleep(0.02)
    return False


def test_kill_9_at_random_moments_never_duplicates_or_loses_a_post(workspace, server, tmp_path, capsys):
    services, url, secrets = workspace
    seed = int(os.environ.get("PUBLISHER_CRASH_SEED") or random.SystemRandom().randrange(1 << 32))
    rng = random.Random(seed)
    env = runner_env(secrets, lease_seconds=LEASE_SECONDS)
    log = tmp_path / "runners.log"
    rounds: list[str] = []
    began = time.monotonic()
    kills = 0
    with capsys.disabled():
        print(f"\n[crash test] seed {seed} (replay with PUBLISHER_CRASH_SEED={seed})")

    for round_no in range(1, MAX_KILL_ROUNDS + 1):
        if finished(services):
            break
        before = len(server.creates())
        runner = Runner(url, env, log)
        sent = wait_for_first_send(server, before, runner)
        time.sleep(rng.uniform(0.0, 2 * LATENCY))
        runner.kill()
        kills += 1
        in_flight = states(services)[DeliveryState.PUBLISHING]
        rounds.append(
            f"round {round_no} (+{time.monotonic() - began:.1f} s): sent={sent}, killed with {in_flight} in flight, "
            f"states {dict(states(services))}"
        )
        if not sent:
            break  # nothing (left) to send right now: the last runner below takes it from here
        if in_flight:
            time.sleep(LEASE_SECONDS)  # the lease of the dead runner's deliveries runs out

    last = Runner(url, env, log)
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while not finished(services) and time.monotonic() < deadline and last.alive():
        time.sleep(0.1)
    last.stop()
    rounds.append(f"last runner stopped (+{time.monotonic() - began:.1f} s)")
    with capsys.disabled():
        print("[crash test] " + "\n[crash test] ".join(rounds))

    context = f"seed {seed}; {'; '.join(rounds)}; runner log:\n{log.read_text(errors='replace')[-3000:]}"
    with services.db.session() as s:
        errors = Counter(s.execute(select(Delivery.state, Delivery.last_error_code, Delivery.last_error_message)).all())
    assert settled(services), f"not settled: {dict(errors)}; {context}"

    statuses = server.statuses()
    per_text = Counter((s["token"], s["text"]) for s in statuses)
    duplicates = {k: n for k, n in per_text.items() if n > 1}
    assert not duplicates, f"posted more than once: {duplicates}; {context}"

    with services.db.session() as s:
        rows = s.execute(select(Delivery, Channel).join(Channel, Channel.id == Delivery.channel_id)).all()
        by_key = {(st["token"], st["text"]): st for st in statuses}
        published = 0
        for delivery, channel in rows:
            token = secrets[channel.id]
            text = delivery.post.body
            if delivery.state == DeliveryState.PUBLISHED:
                status = by_key.get((token, text))
                assert status is not None, f"delivery {delivery.id} says published, the server has nothing; {context}"
                assert delivery.remote_id == status["id"], context
                assert delivery.remote_url == status["url"], context
                assert status["idempotency_key"] == delivery.idempotency_key, context
                published += 1
            else:
                assert delivery.state == DeliveryState.UNCONFIRMED
                assert delivery.last_error_code and delivery.last_error_message, context
    assert len(statuses) <= len(rows)
    creates = server.creates()
    resent = sum(n - 1 for n in Counter(c["idempotency_key"] for c in creates).values())
    with capsys.disabled():
        print(
            f"[crash test] {kills} kills, {len(creates)} creates for {len(rows)} deliveries "
            f"({resent} resent with their key), {published} published, {len(rows) - published} unconfirmed"
        )
