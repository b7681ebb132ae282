"""The engine with the Mastodon connector over a fake transport: resends after a crash reuse the delivery's
Idempotency-Key (so the instance makes one status), and a revoked token fails the delivery without retries."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update

from publisher.channels.feed import FeedKind
from publisher.channels.mastodon import MastodonKind
from publisher.channels.registry import Registry
from publisher.db.models import Delivery
from publisher.domain import DeliveryState, PostStatus

BASE = "https://social.example"
ACCOUNT = {"id": "109", "username": "press", "acct": "press"}


class Instance:
    """Dedupes by Idempotency-Key like Mastodon; ``lose_next_response`` applies a create, then drops the answer."""

    def __init__(self) -> None:
        self.creates: list[httpx.Request] = []
        self.by_key: dict[str, dict[str, object]] = {}
        self.lose_next_response = False
        self.revoked = False
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.revoked:
            return httpx.Response(401, json={"error": "The access token was revoked"})
        if request.method == "POST" and request.url.path == "/api/v1/statuses":
            self.creates.append(request)
            key = request.headers["Idempotency-Key"]
            if key not in self.by_key:
                status_id = str(100 + len(self.by_key))
                self.by_key[key] = {"id": status_id, "url": f"{BASE}/@press/{status_id}", "content": "<p>x</p>"}
            if self.lose_next_response:
                self.lose_next_response = False
                raise httpx.ReadTimeout("the connection dropped after the request was sent", request=request)
            return httpx.Response(200, json=self.by_key[key])
        if request.url.path == "/api/v1/accounts/verify_credentials":
            return httpx.Response(200, json=ACCOUNT)
        return httpx.Response(404, json={"error": "Record not found"})


@pytest.fixture
def instance() -> Instance:
    return Instance()


@pytest.fixture
def services(make_services, instance, clock):
    kind = MastodonKind(transport=httpx.MockTransport(instance), sleeper=lambda _: None, clock=clock)
    services = make_services(registry=Registry([FeedKind(), kind]))
    services.channels.add("mastodon", name="Fedi", url=BASE, secret="token-1")
    return services


def delivery(services, delivery_id: int) -> Delivery:
    with services.db.session() as s:
        row = s.get(Delivery, delivery_id)
        assert row is not None
        return row


def test_a_lost_response_is_resent_with_the_same_key_and_makes_one_status(services, clock, instance):
    post = services.posts.create("Our new library partnership", channels=["Fedi"])
    [d] = post.deliveries
    instance.lose_next_response = True
    engine = services.engine()

    assert engine.run_once().retrying == [d.id]
    assert delivery(services, d.id).last_error_code == "channel.no_response"
    clock.set(delivery(services, d.id).next_attempt_at)
    assert engine.run_once().published == [d.id]

    keys = [r.headers["Idempotency-Key"] for r in instance.creates]
    assert keys == [delivery(services, d.id).idempotency_key] * 2
    assert len(instance.by_key) == 1
    assert all(r.headers["Authorization"] == "Bearer token-1" for r in instance.creates)
    assert delivery(services, d.id).remote_id == "100"


def test_a_delivery_interrupted_by_a_crash_is_resent_with_its_key(services, clock, instance):
    post = services.posts.create("Door 3", channels=["Fedi"], at=clock.now() + timedelta(minutes=10))
    [d] = post.deliveries
    key = f"pub-{d.id}-deadbeef"
    instance.by_key[key] = {"id": "42", "url": f"{BASE}/@press/42"}  # the dead runner's post did go out
    with services.db.session() as s:
        s.execute(
            update(Delivery)
            .where(Delivery.id == d.id)
            .values(
                state=DeliveryState.PUBLISHING,
                idempotency_key=key,
                lease_owner="dead-runner",
                lease_until=clock.now() + timedelta(minutes=11),
                attempts=1,
            )
        )
    clock.advance(timedelta(minutes=12))

    assert services.engine().run_once().published == [d.id]
    assert [r.headers["Idempotency-Key"] for r in instance.creates] == [key]
    row = delivery(services, d.id)
    assert (row.state, row.remote_id, row.attempts) == (DeliveryState.PUBLISHED, "42", 1)
    assert len(instance.by_key) == 1


def test_a_revoked_token_fails_the_delivery_without_a_retry(services, clock, instance):
    post = services.posts.create("Hello", channels=["Fedi"])
    [d] = post.deliveries
    instance.revoked = True
    engine = services.engine()

    assert engine.run_once().failed == [d.id]
    row = delivery(services, d.id)
    assert row.state == DeliveryState.FAILED
    assert row.next_attempt_at is None
    assert row.last_error_code == "channel.auth_expired"
    clock.advance(timedelta(days=2))
    assert not engine.run_once().changed
    assert [(r.method, r.url.path) for r in instance.requests] == [("POST", "/api/v1/statuses")]  # never retried
    assert services.posts.get(post.id).status == PostStatus.FAILED
