"""Approvals, roles, comments, cancelling, moving, hand-off to networks that schedule, paused channels, fan-out."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from publisher.channels.protocol import (
    Capabilities,
    ChannelConfig,
    PublishRequest,
    PublishResult,
    VerifyResult,
)
from publisher.channels.registry import Registry
from publisher.db.models import AuditEntry, Channel, Delivery
from publisher.domain import DeliveryState, PostStatus, Role
from publisher.errors import AuthExpired, InputError, PublisherError, Rejected
from publisher.services.engine import HANDOFF_AHEAD, PublishingEngine


class Network:
    """A network that can hold posts for later, like Mastodon's scheduled statuses; the test plays its server."""

    kind = "holding"
    display_name = "Holding network"
    fields = ()
    needs_secret = False
    idempotent_publish = True
    capabilities = Capabilities(server_scheduling=True)

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.posts: dict[str, str] = {}  # remote id -> text, what the account shows
        self.held: dict[str, tuple[str, datetime]] = {}  # scheduled id -> (text, when)
        self.cancelled: list[str] = []
        self.calls: list[str] = []
        self.delay = 0.0
        self.wait_for = 0
        self.in_flight = 0
        self.most_in_flight = 0
        self.fail_with: BaseException | None = None
        self.refuse_schedule = False

    def validate(self, *, base_url, handle, path):
        return base_url, handle, {}

    def connect(self, config: ChannelConfig, secret: str | None) -> Connector:
        return Connector(self)

    def fire(self, now: datetime) -> None:
        """The server publishes what it held for now or earlier."""
        with self.lock:
            for sid, (text, when) in list(self.held.items()):
                if when <= now:
                    del self.held[sid]
                    self.posts[f"post-{len(self.posts) + 1}"] = text


class Connector:
    def __init__(self, network: Network) -> None:
        self.n = network

    def verify(self) -> VerifyResult:
        return VerifyResult(account="@us")

    def publish(self, request: PublishRequest) -> PublishResult:
        with self.n.lock:
            self.n.calls.append("publish")
            self.n.in_flight += 1
            self.n.most_in_flight = max(self.n.most_in_flight, self.n.in_flight)
        try:
            deadline = time.monotonic() + self.n.delay
            while time.monotonic() < deadline and self.n.in_flight < self.n.wait_for:
                time.sleep(0.01)  # hold the request open until that many are in flight (or the delay is over)
            if self.n.fail_with is not None:
                raise self.n.fail_with
            with self.n.lock:
                remote = f"post-{len(self.n.posts) + 1}"
                self.n.posts[remote] = request.text
            return PublishResult(remote_id=remote, remote_url=f"https://net.example/{remote}")
        finally:
            with self.n.lock:
                self.n.in_flight -= 1

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        with self.n.lock:
            for remote, text in self.n.posts.items():
                if text == request.text:
                    return PublishResult(remote_id=remote, remote_url=f"https://net.example/{remote}")
        return None

    def schedule(self, request: PublishRequest, at: datetime) -> PublishResult:
        self.n.calls.append("schedule")
        if self.n.refuse_schedule:
            raise Rejected("channel.rejected", message="no scheduling here")
        sid = f"held-{len(self.n.held) + len(self.n.cancelled) + 1}"
        self.n.held[sid] = (request.text, at)
        return PublishResult(remote_id=sid, remote_url=None)

    def cancel_scheduled(self, remote_id: str) -> None:
        self.n.calls.append("cancel")
        self.n.held.pop(remote_id)
        self.n.cancelled.append(remote_id)


@pytest.fixture
def network() -> Network:
    return Network()


@pytest.fixture
def services(make_services, network):
    services = make_services(registry=Registry([network]))
    services.channels.add("holding", name="Net")
    return services


def row(services, delivery_id: int) -> Delivery:
    with services.db.session() as s:
        found = s.get(Delivery, delivery_id)
        assert found is not None
        return found


def actions(services) -> list[tuple[str, str]]:
    with services.db.session() as s:
        return [(a.actor, a.action) for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def as_user(make_services, services, name: str):
    """The same workspace as another person."""
    other = make_services(registry=services.registry)
    other.posts.actor = other.workspace.actor = name
    return other


# -- approvals -------------------------------------------------------------------------------------------------


def test_with_approval_required_a_new_post_is_a_draft_and_nothing_goes_out(services, clock, network):
    services.workspace.set_workflow(approval_required=True)
    post = services.posts.create("Launch day", channels=["Net"])
    assert post.status == PostStatus.DRAFT and post.deliveries[0].state == DeliveryState.DRAFT
    assert not services.engine().run_once().changed
    assert network.posts == {}


def test_an_author_submits_an_editor_sends_back_then_approves_and_it_publishes(make_services, services, clock, network):
    services.workspace.set_workflow(approval_required=True)
    services.workspace.set_role("erin", "editor")
    services.workspace.set_role("alex", "author")
    alex = as_user(make_services, services, "alex")
    erin = as_user(make_services, services, "erin")

    post = alex.posts.create("Launch day!!!", channels=["Net"], submit=True)
    assert post.status == PostStatus.IN_REVIEW
    with pytest.raises(PublisherError) as refused:
        alex.posts.approve(post.id)
    assert refused.value.code == "workflow.forbidden"
    assert "alex is author and may not approve posts" in str(refused.value)

    with pytest.raises(InputError, match="Write a comment"):
        erin.posts.send_back(post.id, "  ")
    back = erin.posts.send_back(post.id, "One exclamation mark is enough.")
    assert back.status == PostStatus.DRAFT
    alex.posts.comment(post.id, "Fixed, thanks.")
    alex.posts.submit(post.id)
    approved = erin.posts.approve(post.id, "Good to go")
    assert approved.status == PostStatus.SCHEDULED
    assert approved.deliveries[0].state == DeliveryState.SCHEDULED

    thread = [(c.author, c.kind, c.body) for c in services.posts.comments(post.id)]
    assert thread == [
        ("alex", "submitted", ""),
        ("erin", "sent_back", "One exclamation mark is enough."),
        ("alex", "comment", "Fixed, thanks."),
        ("alex", "submitted", ""),
        ("erin", "approved", "Good to go"),
    ]
    assert len(services.engine().run_once().published) == 1
    who_did_what = actions(services)
    assert ("erin", "post.approved") in who_did_what and ("erin", "post.sent_back") in who_did_what


def test_nothing_unapproved_is_published_whatever_the_client(make_services, services, clock, network):
    services.workspace.set_workflow(approval_required=True)
    services.workspace.set_role("alex", "author")
    alex = as_user(make_services, services, "alex")
    with pytest.raises(PublisherError, match="may not approve"):
        alex.posts.create("Sneaky", channels=["Net"], approve=True)
    post = alex.posts.create("Draft", channels=["Net"])
    # A client that writes the delivery state directly still cannot get it out: the post is not approved.
    with services.db.session(write=True) as s:
        d = s.get(Delivery, post.deliveries[0].id)
        d.state, d.next_attempt_at = DeliveryState.SCHEDULED, clock.now()
    assert services.engine().run_once().published == []
    with pytest.raises(InputError, match="not approved"):
        with services.db.session(write=True) as s:
            s.get(Delivery, post.deliveries[0].id).state = DeliveryState.FAILED
        services.posts.retry(post.deliveries[0].id)


def test_roles_only_admins_change_them_and_the_last_admin_stays(make_services, services):
    assert services.workspace.me().role == Role.ADMIN  # the first person in a workspace
    services.workspace.set_role("erin", "editor")
    erin = as_user(make_services, services, "erin")
    with pytest.raises(PublisherError, match="may not change roles"):
        erin.workspace.set_role("erin", "admin")
    with pytest.raises(InputError, match="last admin"):
        services.workspace.set_role("tester", "author")
    with pytest.raises(InputError, match="not a role"):
        services.workspace.set_role("erin", "boss")
    assert [(u.name, u.role) for u in services.workspace.users()] == [("erin", Role.EDITOR), ("tester", Role.ADMIN)]


# -- cancel, move, retry one channel -----------------------------------------------------------------------------


def test_cancel_and_move_touch_only_what_has_not_gone_out(services, clock, network):
    services.channels.add("holding", name="Net 2")
    post = services.posts.create("Hello", channels=["Net", "Net 2"], at=clock.now() + timedelta(minutes=2))
    cancelled = services.posts.cancel(post.id, channel="Net 2")
    assert [d.state for d in cancelled.deliveries] == [DeliveryState.SCHEDULED, DeliveryState.CANCELLED]
    later = clock.now() + timedelta(minutes=3)
    moved = services.posts.reschedule(post.id, later, "Europe/Berlin")
    assert moved.deliveries[0].scheduled_at == later and moved.deliveries[0].scheduled_tz == "Europe/Berlin"
    clock.advance(timedelta(minutes=2, seconds=30))
    assert services.engine().run_once().published == []
    clock.advance(timedelta(minutes=1))
    assert len(services.engine().run_once().published) == 1
    assert list(network.posts.values()) == ["Hello"]
    with pytest.raises(InputError, match="nothing left to cancel"):
        services.posts.cancel(post.id)
    with pytest.raises(InputError, match="nothing left to move"):
        services.posts.reschedule(post.id, later)


def test_retry_acts_on_the_named_channel_alone(services, clock, network):
    services.channels.add("holding", name="Net 2")
    post = services.posts.create("Hello", channels=["Net", "Net 2"])
    network.fail_with = Rejected("channel.rejected", message="nope")
    services.engine().run_once()
    network.fail_with = None
    [again] = services.posts.retry_post(post.id, channel="Net 2")
    assert again.channel == "Net 2"
    assert row(services, post.deliveries[0].id).state == DeliveryState.FAILED


# -- hand-off --------------------------------------------------------------------------------------------------


def test_a_post_due_later_is_handed_to_the_network_and_confirmed_after_it_went_out(services, clock, network):
    at = clock.now() + timedelta(hours=3)
    post = services.posts.create("Held", channels=["Net"], at=at)
    report = services.engine().run_once()
    assert report.handed_off == [post.deliveries[0].id] and report.published == []
    held = services.posts.get(post.id).deliveries[0]
    assert held.handed_off and held.state == DeliveryState.SCHEDULED
    assert list(network.held.values()) == [("Held", at)]

    # The laptop is off at the time; the network publishes it anyway. Back on, Publisher finds and records it.
    clock.set(at + timedelta(hours=1))
    network.fire(clock.now())
    report = services.engine().run_once()
    assert report.published == [post.deliveries[0].id] and report.failed == []  # not "missed": it went out
    done = services.posts.get(post.id).deliveries[0]
    assert (done.state, done.remote_id, done.handed_off) == (DeliveryState.PUBLISHED, "post-1", False)
    assert network.calls.count("publish") == 0  # never sent a second time from here


def test_moving_a_handed_off_post_replaces_the_networks_copy(services, clock, network):
    at = clock.now() + timedelta(hours=3)
    post = services.posts.create("Held", channels=["Net"], at=at)
    services.engine().run_once()
    later = at + timedelta(days=1)
    services.posts.reschedule(post.id, later)
    services.engine().run_once()
    assert network.cancelled == ["held-1"]
    assert list(network.held.values()) == [("Held", later)]
    assert services.posts.get(post.id).deliveries[0].handoff_at == later


def test_moving_a_handed_off_post_to_now_withdraws_it_and_publishes_once(services, clock, network):
    post = services.posts.create("Held", channels=["Net"], at=clock.now() + timedelta(hours=3))
    services.engine().run_once()
    services.posts.reschedule(post.id, clock.now())
    assert len(services.engine().run_once().published) == 1
    assert network.held == {} and list(network.posts.values()) == ["Held"]


def test_cancelling_a_handed_off_post_cancels_it_on_the_network(services, clock, network):
    post = services.posts.create("Held", channels=["Net"], at=clock.now() + timedelta(hours=3))
    services.engine().run_once()
    services.posts.cancel(post.id)
    services.engine().run_once()
    assert network.held == {} and network.cancelled == ["held-1"]
    assert not services.posts.get(post.id).deliveries[0].handed_off
    clock.advance(timedelta(hours=4))
    network.fire(clock.now())
    assert network.posts == {}


def test_a_network_that_refuses_to_hold_the_post_gets_it_on_time_from_here(services, clock, network):
    network.refuse_schedule = True
    at = clock.now() + timedelta(hours=1)
    post = services.posts.create("Mine", channels=["Net"], at=at)
    engine = services.engine()
    assert engine.run_once().handed_off == []
    assert engine.run_once().handed_off == []
    assert network.calls.count("schedule") == 1  # asked once, not every pass
    clock.set(at)
    assert engine.run_once().published == [post.deliveries[0].id]


def test_posts_due_soon_are_not_handed_off(services, clock, network):
    services.posts.create("Soon", channels=["Net"], at=clock.now() + HANDOFF_AHEAD - timedelta(seconds=1))
    assert services.engine().run_once().handed_off == []
    assert network.calls == []


# -- paused channels and concurrency ------------------------------------------------------------------------


def test_an_expired_sign_in_pauses_the_channel_until_it_is_checked_again(services, clock, network):
    first = services.posts.create("One", channels=["Net"])
    second = services.posts.create("Two", channels=["Net"], at=clock.now() + timedelta(minutes=1))
    network.fail_with = AuthExpired("channel.auth_expired", message="token revoked")
    services.engine().run_once()
    assert row(services, first.deliveries[0].id).last_error_code == "channel.auth_expired"
    assert services.channels.statuses()["Net"].state == "needs_sign_in"
    network.fail_with = None
    clock.advance(timedelta(minutes=2))
    assert services.engine().run_once().published == []  # the second post waits instead of failing too
    assert row(services, second.deliveries[0].id).state == DeliveryState.SCHEDULED
    services.channels.verify("Net")  # signed in again
    assert services.engine().run_once().published == [second.deliveries[0].id]
    with services.db.session() as s:
        assert "paused" not in s.scalar(select(Channel.settings).where(Channel.name == "Net"))


def test_one_post_to_many_channels_is_sent_concurrently(services, clock, network):
    names = [f"Net {i}" for i in range(2, 11)]
    for name in names:
        services.channels.add("holding", name=name)
    network.delay, network.wait_for = 10.0, 10  # a slow server: each answer waits until all ten are in flight
    services.posts.create("Everywhere", channels=["Net", *names])
    assert len(services.engine().run_once().published) == 10
    assert network.most_in_flight == 10


def test_the_number_of_concurrent_sends_to_one_server_is_bounded(make_services, services, clock, network):
    for i in range(2, 9):
        services.channels.add("holding", name=f"Net {i}")
    network.delay, network.wait_for = 1.0, 8  # would wait for all eight; the bound lets only three in at once
    services.posts.create("Everywhere", channels=["Net", *[f"Net {i}" for i in range(2, 9)]])
    engine = PublishingEngine(services.db, services.registry, services.secrets, clock, per_host=3)
    assert len(engine.run_once().published) == 8
    assert network.most_in_flight == 3


# -- daylight saving -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone_name", "local", "utc"),
    [
        ("Europe/Berlin", datetime(2026, 10, 25, 2, 30), datetime(2026, 10, 25, 0, 30)),  # fold: the first 02:30
        ("Europe/Berlin", datetime(2026, 3, 29, 2, 30), datetime(2026, 3, 29, 1, 30)),  # gap: 03:30 summer time
        ("America/New_York", datetime(2026, 11, 1, 1, 30), datetime(2026, 11, 1, 5, 30)),  # fold: EDT's 01:30
        ("America/New_York", datetime(2026, 3, 8, 2, 30), datetime(2026, 3, 8, 7, 30)),  # gap: 03:30 EDT
    ],
)
def test_a_post_at_a_daylight_saving_change_goes_out_once_at_the_meant_instant(
    services, clock, network, zone_name, local, utc
):
    from zoneinfo import ZoneInfo

    from publisher.domain.recurrence import wall_to_utc

    zone = ZoneInfo(zone_name)
    at = wall_to_utc(local.date(), local.time(), zone)
    assert at == utc.replace(tzinfo=UTC)
    network.refuse_schedule = True  # Publisher itself sends it at the time
    clock.set(at - timedelta(hours=2))
    post = services.posts.create("On the change", channels=["Net"], at=at, tz=zone_name)
    engine = services.engine()
    clock.set(at - timedelta(seconds=1))
    assert engine.run_once().published == []
    clock.set(at)
    assert engine.run_once().published == [post.deliveries[0].id]
    clock.advance(timedelta(hours=1))  # the repeated hour of a fold does not send it again
    assert engine.run_once().published == []
    assert list(network.posts.values()) == ["On the change"]


def test_a_third_party_kind_the_text_engine_does_not_know_is_checked_like_a_feed(services, network):
    """The "holding" kind comes from outside (like an entry-point connector): composing for it must work."""
    from publisher.compose import text_kind_of

    assert text_kind_of("holding") == "feed"
    [target] = services.compose.targets(channels=["Net"])
    [result] = services.compose.check("A post for a network the text engine has never heard of.", [target])
    assert result.ok and result.limit is None


# -- editing -----------------------------------------------------------------------------------------------------


def test_editing_a_handed_off_post_replaces_the_networks_copy_with_the_new_text(services, clock, network):
    at = clock.now() + timedelta(hours=3)
    post = services.posts.create("Old text", channels=["Net"], at=at)
    services.engine().run_once()
    assert list(network.held.values()) == [("Old text", at)]
    edited = services.posts.edit(post.id, "New text", title="News")
    assert (edited.body, edited.title) == ("New text", "News")
    services.engine().run_once()
    assert network.cancelled == ["held-1"]
    assert list(network.held.values()) == [("New text", at)]
    assert [c.kind for c in services.posts.comments(post.id)] == ["edited"]


def test_an_authors_edit_of_an_approved_post_needs_approval_again(make_services, services, clock, network):
    services.workspace.set_workflow(approval_required=True)
    services.workspace.set_role("alex", "author")
    post = services.posts.create("Approved text", channels=["Net"], at=clock.now() + timedelta(minutes=2), approve=True)
    alex = as_user(make_services, services, "alex")
    assert alex.posts.edit(post.id, "Sneaky change").status == PostStatus.DRAFT
    clock.advance(timedelta(minutes=3))
    assert services.engine().run_once().published == []  # not what the editor approved: nothing goes out
    assert services.posts.edit(post.id, "Editor's fix").status == PostStatus.DRAFT  # stays a draft until approved
    services.posts.approve(post.id)
    assert len(services.engine().run_once().published) == 1
    assert list(network.posts.values()) == ["Editor's fix"]


def test_a_post_that_went_out_everywhere_is_not_edited(services, clock, network):
    post = services.posts.create("Out", channels=["Net"])
    services.engine().run_once()
    with pytest.raises(InputError, match="gone out everywhere"):
        services.posts.edit(post.id, "Changed")
    with pytest.raises(InputError, match="empty"):
        services.posts.edit(post.id, "  ")
    assert services.posts.get(post.id).body == "Out"
