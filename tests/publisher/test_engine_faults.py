"""The engine against a loopback Mastodon server (tests/engine_servers/loopback_mastodon.py) that misbehaves on cue.

Each test injects one fault into the real HTTP path (5xx before or after the status is made, a timeout or a
connection reset after the server applied the create, 429 with and without ``Retry-After``, a revoked token) and
checks what a user would see: how many statuses the account has in the end, and what each delivery says
(``published`` with the status' id, ``failed`` with its next attempt or for good with the network's reason,
``unconfirmed`` with the reason). A second channel of the same post must go out regardless, and stay posted once.

Mastodon dedupes by ``Idempotency-Key``, so the engine may resend. A kind without keys (``mastodon-nokey`` below:
the same API, no key, ``idempotent_publish = False``) must never be resent blindly.

Posts due far ahead are handed to Mastodon's own scheduler (``scheduled_at``); the server publishes them when the
test says time has come, and the engine confirms them, withdraws them when cancelled and replaces them when moved,
also when the answer to a create or a withdrawal is lost.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from publisher.channels.mastodon import MastodonConnector, MastodonKind
from publisher.channels.protocol import ChannelConfig
from publisher.channels.registry import Registry
from publisher.clock import ManualClock
from publisher.db.models import Delivery
from publisher.domain import DeliveryState, PostStatus
from publisher.errors import InputError
from publisher.services.engine import CONFIRM_AFTER, LEASE, PublishingEngine
from tests.engine_servers.loopback_mastodon import ThreadServer, serve_in_thread

READ_TIMEOUT = 1.0  # the connector's own is 30 s and cannot be set from outside: see ShortTimeout
HANG = 4.0  # how long a "timeout after applying" keeps the answer back: longer than READ_TIMEOUT

ALICE, BOB = "token-alice", "token-bob"


class ShortTimeout(httpx.BaseTransport):
    """A real HTTP transport whose read timeout is ``READ_TIMEOUT`` (httpx takes the timeout per request)."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.extensions["timeout"] = {"connect": 5.0, "read": READ_TIMEOUT, "write": 5.0, "pool": 5.0}
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class NoKeyConnector(MastodonConnector):
    """Mastodon's API without ``Idempotency-Key``: a network that cannot dedupe a resend."""

    def _create_status(self, text: str, **_: Any) -> dict[str, Any]:
        status: dict[str, Any] = self.http.json("POST", self.api.path("statuses"), data={"status": text})
        return status


class NoKeyKind(MastodonKind):
    kind = "mastodon-nokey"
    display_name = "Mastodon without idempotency keys"
    idempotent_publish = False

    def connect(self, config: ChannelConfig, secret: str | None) -> NoKeyConnector:
        assert secret
        return NoKeyConnector(
            config, secret, transport=self.transport, guard=self.guard, sleeper=self.sleeper, clock=self.clock
        )


@pytest.fixture
def clock() -> ManualClock:
    # Near the real time: the server stamps statuses with the real clock and lookups compare with the post's date.
    return ManualClock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
def server() -> Iterator[ThreadServer]:
    running = serve_in_thread({ALICE: "alice", BOB: "bob"})
    yield running
    running.stop()


@pytest.fixture
def transport() -> Iterator[ShortTimeout]:
    made = ShortTimeout()
    yield made
    made.close()


@pytest.fixture
def services(make_services, clock, server, transport):
    options = {"transport": transport, "sleeper": lambda _: None, "clock": clock}
    services = make_services(registry=Registry([MastodonKind(**options), NoKeyKind(**options)]))
    services.channels.add("mastodon", name="Alice", url=server.url, secret=ALICE)
    services.channels.add("mastodon", name="Bob", url=server.url, secret=BOB)
    services.channels.add("mastodon-nokey", name="Plain", url=server.url, secret=ALICE)
    return services


def row(services, delivery_id: int) -> Delivery:
    with services.db.session() as s:
        found = s.get(Delivery, delivery_id)
        assert found is not None
        return found


def published_as(services, server: ThreadServer, delivery_id: int, token: str, text: str) -> None:
    """The account has exactly one status with ``text`` and the delivery points at it."""
    [status] = [s for s in server.statuses(token) if s["text"] == text]
    delivery = row(services, delivery_id)
    assert delivery.state == DeliveryState.PUBLISHED
    assert delivery.remote_id == status["id"]
    assert delivery.remote_url == status["url"]
    assert delivery.last_error_code is None


def run_when_due(services, clock: ManualClock, engine, delivery_id: int):
    """Move the clock to the delivery's next attempt and run one pass.

    The next attempt is ``next_attempt_at``; for an interrupted delivery still waiting to be looked up again
    (``publishing``), it is when its lease runs out."""
    current = row(services, delivery_id)
    if current.state == DeliveryState.PUBLISHING:
        assert current.lease_until is not None
        clock.set(current.lease_until + timedelta(seconds=1))
    else:
        assert current.next_attempt_at is not None
        clock.set(current.next_attempt_at)
    return engine.run_once()


# -- each fault on an idempotent channel (Mastodon) --------------------------------------------------------------


@pytest.mark.parametrize("fault", ["error_before", "error_after", "timeout_after", "reset_before", "reset_after"])
def test_a_fault_is_retried_later_and_ends_as_one_status(services, clock, server, fault):
    text = f"Spring fair opens ({fault})"
    post = services.posts.create(text, channels=["Alice"])
    [d] = post.deliveries
    server.fault(fault, token=ALICE, seconds=HANG)
    engine = services.engine()

    assert engine.run_once().retrying == [d.id]
    failed = row(services, d.id)
    assert failed.state == DeliveryState.FAILED
    assert failed.next_attempt_at is not None and failed.next_attempt_at > clock.now()
    expected_code = "channel.server_error" if fault.startswith("error") else "channel.no_response"
    assert failed.last_error_code == expected_code
    applied = fault.endswith("_after")
    assert len(server.statuses(ALICE)) == (1 if applied else 0)
    assert services.posts.get(post.id).status == PostStatus.FAILED  # not published yet, and it says so

    assert run_when_due(services, clock, engine, d.id).published == [d.id]
    published_as(services, server, d.id, ALICE, text)
    creates = server.creates(ALICE)
    assert len(creates) == 2
    assert {c["idempotency_key"] for c in creates} == {row(services, d.id).idempotency_key}  # resent with its key
    assert services.posts.get(post.id).status == PostStatus.PUBLISHED


def test_429_with_retry_after_waits_as_long_as_asked(services, clock, server):
    post = services.posts.create("Rate limited, politely", channels=["Alice"])
    [d] = post.deliveries
    server.fault("rate_limit", token=ALICE, retry_after="120")
    engine = services.engine()

    assert engine.run_once().retrying == [d.id]
    failed = row(services, d.id)
    assert (failed.state, failed.last_error_code) == (DeliveryState.FAILED, "channel.rate_limited")
    assert failed.next_attempt_at == clock.now() + timedelta(seconds=120)
    assert server.statuses() == []

    assert run_when_due(services, clock, engine, d.id).published == [d.id]
    published_as(services, server, d.id, ALICE, "Rate limited, politely")


def test_429_without_any_hint_waits_a_minute(services, clock, server):
    post = services.posts.create("Rate limited, bare", channels=["Alice"])
    [d] = post.deliveries
    server.fault("rate_limit", token=ALICE, seconds=None)  # no Retry-After, no X-RateLimit-* headers
    engine = services.engine()

    assert engine.run_once().retrying == [d.id]
    failed = row(services, d.id)
    assert failed.last_error_code == "channel.rate_limited"
    assert failed.next_attempt_at == clock.now() + timedelta(seconds=60)

    assert run_when_due(services, clock, engine, d.id).published == [d.id]
    published_as(services, server, d.id, ALICE, "Rate limited, bare")


def test_429_the_mastodon_way_waits_until_the_reset_and_spares_other_accounts(services, clock, server):
    """Mastodon sends no Retry-After, only ``X-RateLimit-Reset``; the limit is per account."""
    post = services.posts.create("Rate limited, Mastodon style", channels=["Alice", "Bob"])
    alice, bob = post.deliveries
    server.fault("rate_limit", token=ALICE, seconds=90)
    engine = services.engine()

    report = engine.run_once()
    assert (report.retrying, report.published) == ([alice.id], [bob.id])
    failed = row(services, alice.id)
    assert failed.last_error_code == "channel.rate_limited"
    wait = (failed.next_attempt_at - clock.now()).total_seconds()
    assert 80 <= wait <= 91  # until the reset the server named (computed against the real clock)
    published_as(services, server, bob.id, BOB, "Rate limited, Mastodon style")
    assert server.statuses(ALICE) == []


def test_a_revoked_token_fails_for_good_with_the_networks_reason_and_spares_the_other_channel(services, clock, server):
    text = "Board meeting minutes"
    post = services.posts.create(text, channels=["Alice", "Bob"])
    alice, bob = post.deliveries
    server.revoke(ALICE)
    engine = services.engine()

    report = engine.run_once()
    assert (report.failed, report.published) == ([alice.id], [bob.id])
    failed = row(services, alice.id)
    assert (failed.state, failed.next_attempt_at) == (DeliveryState.FAILED, None)
    assert failed.last_error_code == "channel.auth_expired"
    assert failed.last_error_params["message"] == "The access token was revoked"  # the network's own words
    assert "Sign in to the channel again" in failed.last_error_message
    assert services.posts.get(post.id).status == PostStatus.PARTIALLY_PUBLISHED
    assert services.channels.statuses()["Alice"].state == "needs_sign_in"
    published_as(services, server, bob.id, BOB, text)

    clock.advance(timedelta(days=1))
    assert not engine.run_once().changed  # never retried on its own
    assert len(server.creates(ALICE)) == 1
    assert len(server.creates(BOB)) == 1


def _signed_in_again(services, server: ThreadServer, name: str, token: str) -> None:
    """The token works again and the user signs in again (which checks it and resumes the paused channel)."""
    server.revoke(token, revoked=False)
    services.channels.update_secret(name, token)


def test_retrying_one_delivery_after_a_new_sign_in_sends_only_that_one(services, clock, server):
    text = "Board meeting minutes, again"
    post = services.posts.create(text, channels=["Alice", "Bob"])
    alice, bob = post.deliveries
    server.revoke(ALICE)
    engine = services.engine()
    assert engine.run_once().failed == [alice.id]

    _signed_in_again(services, server, "Alice", ALICE)
    bob_before = row(services, bob.id)
    services.posts.retry(alice.id)
    assert engine.run_once().published == [alice.id]
    published_as(services, server, alice.id, ALICE, text)
    published_as(services, server, bob.id, BOB, text)
    assert len(server.creates(BOB)) == 1  # the other channel was not posted again
    bob_after = row(services, bob.id)
    assert (bob_after.attempts, bob_after.updated_at) == (bob_before.attempts, bob_before.updated_at)
    assert services.posts.get(post.id).status == PostStatus.PUBLISHED


def test_retrying_on_a_paused_channel_does_not_leave_the_post_stuck_silently(services, clock, server):
    post = services.posts.create("Retry too early", channels=["Alice"])
    [alice] = post.deliveries
    server.revoke(ALICE)
    engine = services.engine()
    assert engine.run_once().failed == [alice.id]

    try:
        services.posts.retry(alice.id)
    except InputError:
        return  # refusing ("sign in first") is fine too
    engine.run_once()
    assert services.channels.statuses()["Alice"].state == "needs_sign_in"  # not "unused"
    assert row(services, alice.id).state == DeliveryState.FAILED

    _signed_in_again(services, server, "Alice", ALICE)
    services.posts.retry(alice.id)
    assert engine.run_once().published == [alice.id]
    published_as(services, server, alice.id, ALICE, "Retry too early")


def test_401_on_one_request_is_final_too(services, server):
    post = services.posts.create("Token expired mid-flight", channels=["Alice"])
    [d] = post.deliveries
    server.fault("unauthorized", token=ALICE)
    assert services.engine().run_once().failed == [d.id]
    failed = row(services, d.id)
    assert (failed.last_error_code, failed.next_attempt_at) == ("channel.auth_expired", None)
    assert server.statuses() == []


@pytest.mark.parametrize("fault", ["timeout_after", "error_before", "reset_after"])
def test_a_failing_channel_holds_back_no_other_and_its_retry_reposts_none(services, clock, server, fault):
    text = f"Library hours change ({fault})"
    post = services.posts.create(text, channels=["Alice", "Bob"])
    alice, bob = post.deliveries
    assert alice.id < bob.id  # Alice's delivery is claimed first, so Bob's comes after the failure
    server.fault(fault, token=ALICE, seconds=HANG)
    engine = services.engine()

    report = engine.run_once()
    assert (report.retrying, report.published) == ([alice.id], [bob.id])
    published_as(services, server, bob.id, BOB, text)
    assert services.posts.get(post.id).status == PostStatus.PARTIALLY_PUBLISHED

    assert run_when_due(services, clock, engine, alice.id).published == [alice.id]
    published_as(services, server, alice.id, ALICE, text)
    published_as(services, server, bob.id, BOB, text)
    assert len(server.creates(BOB)) == 1


def test_a_user_retry_of_one_failed_delivery_leaves_the_others_alone(services, clock, server):
    text = "Three channels, one bad"
    post = services.posts.create(text, channels=["Alice", "Bob"])
    alice, bob = post.deliveries
    server.fault("error_before", token=ALICE, times=-1)  # the server stays broken for Alice
    engine = services.engine()
    assert engine.run_once().retrying == [alice.id]
    services.posts.retry(alice.id)  # a user impatient with the back-off
    assert engine.run_once().retrying == [alice.id]
    assert len(server.creates(BOB)) == 1
    assert row(services, bob.id).state == DeliveryState.PUBLISHED


# -- a channel that cannot dedupe: never a blind resend ---------------------------------------------------------


@pytest.mark.parametrize("fault", ["timeout_after", "reset_after", "reset_before"])
def test_an_unknown_outcome_on_a_non_idempotent_channel_becomes_unconfirmed(services, clock, server, fault):
    text = f"No keys here ({fault})"
    post = services.posts.create(text, channels=["Plain", "Bob"])
    plain, bob = post.deliveries
    server.fault(fault, token=ALICE, seconds=HANG)
    engine = services.engine()

    report = engine.run_once()
    assert (report.unconfirmed, report.published) == ([plain.id], [bob.id])
    unsure = row(services, plain.id)
    assert (unsure.state, unsure.next_attempt_at) == (DeliveryState.UNCONFIRMED, None)
    assert unsure.last_error_code == "channel.no_response"
    assert unsure.last_error_message
    assert services.posts.get(post.id).status == PostStatus.NEEDS_ATTENTION

    clock.advance(timedelta(days=1))
    assert not engine.run_once().changed
    assert len(server.creates(ALICE)) == 1  # never resent
    assert len(server.statuses(ALICE)) == (0 if fault == "reset_before" else 1)
    published_as(services, server, bob.id, BOB, text)


def _interrupted(services, clock: ManualClock, delivery_id: int) -> None:
    """Leave the delivery as a runner killed between claim and record would: publishing, lease run out."""
    with services.db.session(write=True) as s:
        s.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id)
            .values(
                state=DeliveryState.PUBLISHING,
                idempotency_key=f"pub-{delivery_id}-dead",
                lease_owner="dead-runner",
                lease_until=clock.now() + LEASE,
                attempts=1,
            )
        )
    clock.advance(LEASE + timedelta(seconds=1))


def _post_directly(server: ThreadServer, token: str, text: str) -> dict[str, Any]:
    """What the dead runner managed to send before it died."""
    response = httpx.post(
        f"{server.url}/api/v1/statuses", data={"status": text}, headers={"Authorization": f"Bearer {token}"}
    )
    response.raise_for_status()
    status: dict[str, Any] = response.json()
    return status


def test_an_interrupted_non_idempotent_delivery_that_went_out_is_found_not_resent(services, clock, server):
    text = "Found after the crash"
    post = services.posts.create(text, channels=["Plain"])
    [d] = post.deliveries
    _post_directly(server, ALICE, text)
    _interrupted(services, clock, d.id)

    assert services.engine().run_once().published == [d.id]
    published_as(services, server, d.id, ALICE, text)
    assert len(server.creates(ALICE)) == 1  # only the dead runner's


def test_an_interrupted_non_idempotent_delivery_not_found_becomes_unconfirmed(services, clock, server):
    post = services.posts.create("Lost in the crash?", channels=["Plain"])
    [d] = post.deliveries
    _interrupted(services, clock, d.id)

    assert services.engine().run_once().unconfirmed == [d.id]
    unsure = row(services, d.id)
    assert (unsure.state, unsure.last_error_code) == (DeliveryState.UNCONFIRMED, "engine.interrupted")
    assert server.creates() == []


# Regression: a failed lookup used to turn the delivery 'failed', and its retry was then published blindly.
def test_an_interrupted_non_idempotent_delivery_whose_lookup_fails_is_never_resent_blindly(services, clock, server):
    text = "Crash, then a hiccup"
    post = services.posts.create(text, channels=["Plain"])
    [d] = post.deliveries
    _post_directly(server, ALICE, text)
    _interrupted(services, clock, d.id)
    server.fault("error_before", method="GET", path="/api/v1/accounts/", token=ALICE)  # the lookup gets a 503
    engine = services.engine()

    assert engine.run_once().retrying == [d.id]
    assert row(services, d.id).last_error_code == "channel.server_error"
    assert run_when_due(services, clock, engine, d.id).published == [d.id]  # looked up again, found
    published_as(services, server, d.id, ALICE, text)
    assert len(server.creates(ALICE)) == 1  # only the dead runner's


# Regression: a 5xx to a create was retried blindly; the server may have applied it (a proxy's 502/504).
@pytest.mark.parametrize("fault", ["error_before", "error_after"])
def test_a_5xx_on_a_non_idempotent_channel_is_retried_after_a_lookup_and_makes_one_status(
    services, clock, server, fault
):
    text = f"Half-applied create? ({fault})"
    post = services.posts.create(text, channels=["Plain"])
    [d] = post.deliveries
    server.fault(fault, token=ALICE)
    engine = services.engine()

    assert engine.run_once().retrying == [d.id]
    assert run_when_due(services, clock, engine, d.id).published == [d.id]
    published_as(services, server, d.id, ALICE, text)
    assert len(server.creates(ALICE)) == (2 if fault == "error_before" else 1)  # resent only if not found


# -- concurrency inside one runner --------------------------------------------------------------------------------


# Regression: Registry.get() was not thread-safe; workers asking for a kind while the first one imported it got
# InputError('channel.unknown_kind') and failed for good (every fresh `publisher run`'s first pass).
def test_deliveries_of_a_kind_whose_module_loads_slowly_all_go_out(services, clock, server, transport):
    def slow_import() -> MastodonKind:
        time.sleep(0.3)  # importing a connector module (httpx, the text package …) the first time
        return MastodonKind(transport=transport, sleeper=lambda _: None, clock=clock)

    names = []
    for n in range(4):
        token = f"token-{n}"
        server.add_account(token, f"user{n}")
        names.append(services.channels.add("mastodon", name=f"Account {n}", url=server.url, secret=token).name)
    post = services.posts.create("Everyone at once", channels=names)
    fresh = Registry()  # as in a runner that just started: nothing loaded yet
    fresh.register_lazy("mastodon", slow_import)

    report = PublishingEngine(services.db, fresh, services.secrets, clock).run_once()
    errors = {row(services, d.id).last_error_code for d in post.deliveries} - {None}
    assert sorted(report.published) == sorted(d.id for d in post.deliveries), errors


# -- hand-off to Mastodon's own scheduler ---------------------------------------------------------------------------


def _handed_off(services, clock: ManualClock, server: ThreadServer, text: str, ahead: timedelta = timedelta(hours=1)):
    """A post to Alice due ``ahead``, handed to the server's scheduler by one pass; (post, delivery, due time)."""
    server.set_clock(clock.now())
    at = clock.now() + ahead
    post = services.posts.create(text, channels=["Alice"], at=at)
    [d] = post.deliveries
    return post, d, at


def test_a_handed_off_post_goes_out_on_the_server_and_is_confirmed(services, clock, server):
    _, d, at = _handed_off(services, clock, server, "Handed to the instance")
    engine = services.engine()
    assert engine.run_once().handed_off == [d.id]
    [scheduled] = server.scheduled(ALICE)
    held = row(services, d.id)
    assert (held.state, held.handoff_id) == (DeliveryState.SCHEDULED, scheduled["id"])
    assert server.statuses() == []

    server.publish_due(at)  # the laptop is closed; the instance publishes at the time
    clock.set(at + CONFIRM_AFTER)
    assert engine.run_once().published == [d.id]
    published_as(services, server, d.id, ALICE, "Handed to the instance")
    assert len(server.creates(ALICE)) == 1  # only the scheduling create


def test_a_hand_off_whose_answer_is_lost_is_handed_off_again_with_its_key_once(services, clock, server):
    _, d, at = _handed_off(services, clock, server, "Handed off, answer lost")
    server.fault("timeout_after", token=ALICE, seconds=HANG)
    engine = services.engine()
    engine.run_once()
    assert len(server.scheduled(ALICE)) == 1  # the instance has it, Publisher does not know
    engine.run_once()
    [scheduled] = server.scheduled(ALICE)
    assert row(services, d.id).handoff_id == scheduled["id"]
    assert {c["idempotency_key"] for c in server.creates(ALICE)} == {row(services, d.id).idempotency_key}

    server.publish_due(at)
    clock.set(at + CONFIRM_AFTER)
    assert engine.run_once().published == [d.id]
    published_as(services, server, d.id, ALICE, "Handed off, answer lost")


def test_cancelling_a_handed_off_post_withdraws_the_servers_copy(services, clock, server):
    post, d, at = _handed_off(services, clock, server, "Cancelled after hand-off")
    engine = services.engine()
    assert engine.run_once().handed_off == [d.id]
    services.posts.cancel(post.id)
    engine.run_once()
    assert server.scheduled(ALICE) == []
    server.publish_due(at)
    assert server.statuses() == []
    assert row(services, d.id).state == DeliveryState.CANCELLED


def test_moving_a_handed_off_post_leaves_one_copy_at_the_new_time(services, clock, server):
    post, d, at = _handed_off(services, clock, server, "Moved after hand-off")
    engine = services.engine()
    assert engine.run_once().handed_off == [d.id]
    later = at + timedelta(hours=2)
    services.posts.reschedule(post.id, later)
    engine.run_once()
    engine.run_once()
    [scheduled] = server.scheduled(ALICE)
    assert datetime.fromisoformat(scheduled["scheduled_at"].replace("Z", "+00:00")) == later
    assert row(services, d.id).handoff_id == scheduled["id"]

    server.publish_due(later)
    clock.set(later + CONFIRM_AFTER)
    assert engine.run_once().published == [d.id]
    published_as(services, server, d.id, ALICE, "Moved after hand-off")


# Regression: the retried DELETE's 404 was taken for 'went out at the old time'; the moved post never went out.
def test_moving_a_handed_off_post_when_the_cancel_answer_is_lost_still_leaves_one_copy(services, clock, server):
    """The instance cancelled the old copy but the answer was lost; asked again it says 404 (it is gone)."""
    post, d, at = _handed_off(services, clock, server, "Moved, cancel answer lost")
    engine = services.engine()
    assert engine.run_once().handed_off == [d.id]
    later = at + timedelta(hours=2)
    services.posts.reschedule(post.id, later)
    server.fault("timeout_after", method="DELETE", path="/api/v1/scheduled_statuses/", token=ALICE, seconds=HANG)
    engine.run_once()
    assert server.scheduled(ALICE) == []  # the old copy is gone
    engine.run_once()
    engine.run_once()

    server.publish_due(later)
    clock.set(later + CONFIRM_AFTER)
    engine.run_once()
    published_as(services, server, d.id, ALICE, "Moved, cancel answer lost")


def test_a_handed_off_post_the_server_never_published_becomes_unconfirmed(services, clock, server):
    _, d, at = _handed_off(services, clock, server, "Never seen")
    engine = services.engine()
    assert engine.run_once().handed_off == [d.id]
    server.reset()  # the instance lost it (restored from a backup, say)
    clock.set(at + CONFIRM_AFTER)
    for _ in range(60):
        engine.run_once()
        state = row(services, d.id)
        if state.state != DeliveryState.SCHEDULED or state.next_attempt_at is None:
            break
        clock.set(state.next_attempt_at)
    unsure = row(services, d.id)
    assert (unsure.state, unsure.last_error_code) == (DeliveryState.UNCONFIRMED, "engine.handoff_not_seen")
    assert server.statuses() == []  # Publisher did not post it itself behind the user's back


@pytest.mark.parametrize(
    "fault",
    [
        "reset_before",  # regression: an unknown outcome of the DELETE was taken for "gone", the copy went out
        "timeout_after",
    ],
)
def test_cancelling_when_the_withdrawal_answer_is_lost_still_leaves_no_copy(services, clock, server, fault):
    post, d, at = _handed_off(services, clock, server, f"Cancelled, withdrawal lost ({fault})")
    engine = services.engine()
    assert engine.run_once().handed_off == [d.id]
    services.posts.cancel(post.id)
    server.fault(fault, method="DELETE", path="/api/v1/scheduled_statuses/", token=ALICE, seconds=HANG)
    engine.run_once()
    engine.run_once()
    server.publish_due(at)
    assert server.statuses() == []  # a cancelled post must not appear
    assert row(services, d.id).state == DeliveryState.CANCELLED


def test_a_handed_off_post_is_confirmed_after_the_machine_was_off_for_a_day(services, clock, server):
    _, d, at = _handed_off(services, clock, server, "Out while the laptop slept")
    engine = services.engine()
    assert engine.run_once().handed_off == [d.id]
    server.publish_due(at)
    clock.set(at + timedelta(days=1))
    assert engine.run_once().published == [d.id]
    published_as(services, server, d.id, ALICE, "Out while the laptop slept")


def test_a_runner_killed_while_handing_off_neither_publishes_early_nor_fails_the_post(services, clock, server):
    """The dead runner's scheduling create reached the instance; its answer was never recorded."""
    _, d, at = _handed_off(services, clock, server, "Killed while handing off")
    key = f"pub-{d.id}-dead"
    response = httpx.post(
        f"{server.url}/api/v1/statuses",
        data={"status": "Killed while handing off", "scheduled_at": at.isoformat()},
        headers={"Authorization": f"Bearer {ALICE}", "Idempotency-Key": key},
    )
    response.raise_for_status()
    scheduled_id = response.json()["id"]
    with services.db.session(write=True) as s:
        s.execute(
            update(Delivery)
            .where(Delivery.id == d.id)
            .values(
                state=DeliveryState.PUBLISHING,
                idempotency_key=key,
                lease_owner="dead-runner",
                lease_until=clock.now() + LEASE,
                attempts=1,
            )
        )
    clock.advance(LEASE + timedelta(seconds=1))
    engine = services.engine()
    engine.run_once()
    engine.run_once()

    assert server.statuses() == []  # nothing went out early
    current = row(services, d.id)
    assert current.state == DeliveryState.SCHEDULED, (current.state, current.last_error_code)
    assert [s["id"] for s in server.scheduled(ALICE)] == [current.handoff_id] == [scheduled_id]

    server.publish_due(at)
    clock.set(at + CONFIRM_AFTER)
    assert engine.run_once().published == [d.id]
    published_as(services, server, d.id, ALICE, "Killed while handing off")
