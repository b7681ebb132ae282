"""The engine with the Telegram connector over a fake Bot API: Telegram has no idempotency key and a bot cannot
read its channel, so a delivery interrupted mid-send (a lost answer, or a runner that died) becomes 'unconfirmed'
and is never sent a second time."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update

from publisher.channels.feed import FeedKind
from publisher.channels.registry import Registry
from publisher.channels.telegram import TelegramKind
from publisher.db.models import Delivery
from publisher.domain import DeliveryState, PostStatus

TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-bs"
CHANNEL = {"id": -1001234567890, "type": "channel", "title": "Press news", "username": "pressnews"}


class BotApi:
    """Posts every sendMessage; ``lose_next_response`` applies it, then drops the answer."""

    def __init__(self) -> None:
        self.sends: list[httpx.Request] = []
        self.lose_next_response = False

    def __call__(self, request: httpx.Request) -> httpx.Response:
        assert request.url.path.startswith(f"/bot{TOKEN}/")
        if request.url.path.endswith("/sendMessage"):
            self.sends.append(request)
            if self.lose_next_response:
                self.lose_next_response = False
                raise httpx.ReadTimeout("the connection dropped after the request was sent", request=request)
            message = {"message_id": 100 + len(self.sends), "chat": CHANNEL, "date": 1795424400}
            return httpx.Response(200, json={"ok": True, "result": message})
        return httpx.Response(404, json={"ok": False, "error_code": 404, "description": "Not Found"})


@pytest.fixture
def bot_api() -> BotApi:
    return BotApi()


@pytest.fixture
def tg_services(make_services, bot_api):
    kind = TelegramKind(transport=httpx.MockTransport(bot_api))
    services = make_services(registry=Registry([FeedKind(), kind]))
    services.channels.add("telegram", name="TG", handle="@pressnews", secret=TOKEN)
    return services


def tg_delivery(services, delivery_id: int) -> Delivery:
    with services.db.session() as s:
        row = s.get(Delivery, delivery_id)
        assert row is not None
        return row


def test_a_telegram_post_is_published_with_its_public_link(tg_services, bot_api):
    post = tg_services.posts.create("Hello **channel**", channels=["TG"])
    [d] = post.deliveries
    assert tg_services.engine().run_once().published == [d.id]
    row = tg_delivery(tg_services, d.id)
    assert (row.state, row.remote_id, row.remote_url) == (DeliveryState.PUBLISHED, "101", "https://t.me/pressnews/101")


def test_a_lost_telegram_answer_is_unconfirmed_and_never_resent(tg_services, clock, bot_api):
    post = tg_services.posts.create("Our new library partnership", channels=["TG"])
    [d] = post.deliveries
    bot_api.lose_next_response = True
    engine = tg_services.engine()

    assert engine.run_once().unconfirmed == [d.id]
    row = tg_delivery(tg_services, d.id)
    assert (row.state, row.last_error_code, row.next_attempt_at) == (
        DeliveryState.UNCONFIRMED,
        "channel.no_response",
        None,
    )
    clock.advance(timedelta(days=1))
    assert not engine.run_once().changed
    assert len(bot_api.sends) == 1
    assert tg_services.posts.get(post.id).status == PostStatus.NEEDS_ATTENTION


def test_an_interrupted_telegram_delivery_is_unconfirmed_not_resent(tg_services, clock, bot_api):
    post = tg_services.posts.create("Hello", channels=["TG"])
    [d] = post.deliveries
    with tg_services.db.session() as s:  # what a runner that died mid-publish leaves behind
        s.execute(
            update(Delivery)
            .where(Delivery.id == d.id)
            .values(
                state=DeliveryState.PUBLISHING,
                idempotency_key="pub-1-abc",
                lease_owner="dead-runner",
                lease_until=clock.now() - timedelta(minutes=1),
                attempts=1,
            )
        )

    report = tg_services.engine().run_once()

    assert report.unconfirmed == [d.id]
    assert bot_api.sends == []  # never a blind resend
    row = tg_delivery(tg_services, d.id)
    assert (row.state, row.last_error_code) == (DeliveryState.UNCONFIRMED, "engine.interrupted")
