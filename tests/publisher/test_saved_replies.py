"""Saved replies: the team's canned answers with placeholders, checked when saved and filled in per message;
and the inbox's arrivals (what desktop notifications announce) and campaign list."""

from __future__ import annotations

from datetime import timedelta

import pytest

from publisher.channels.registry import Registry
from publisher.errors import InputError, NotFound
from tests.publisher.conftest import START
from tests.publisher.inbox_fake import FakeInboxKind


@pytest.fixture
def network() -> FakeInboxKind:
    return FakeInboxKind()


@pytest.fixture
def services(make_services, network):
    services = make_services(registry=Registry([network]))
    services.channels.add("fakeinbox", name="Support")
    network.add("1", START - timedelta(minutes=5), "Where is my order?", author="@ada@x.example", author_name="Ada L.")
    network.add("2", START - timedelta(minutes=4), "hi", author="@anon@x.example", author_name="")
    services.inbox.sync()
    return services


def _item(services, text: str) -> int:
    return next(r.id for r in services.inbox.list() if r.text == text)


def test_placeholders_are_filled_from_the_message_being_answered(services):
    services.saved_replies.add("Order delay", "Hi {first_name}, sorry! — {me} from {channel} (for {name}, {handle})")
    item = _item(services, "Where is my order?")
    assert services.saved_replies.render("order delay", item) == (
        "Hi Ada, sorry! — tester from Support (for Ada L., @ada@x.example)"
    )
    # No display name: the handle stands in for it.
    assert services.saved_replies.render("Order delay", _item(services, "hi")).startswith("Hi @anon@x.example,")


def test_literal_braces_survive_and_list_is_by_title(services):
    services.saved_replies.add("zeta", "Use {{code}} please, {name}")
    services.saved_replies.add("Alpha", "Thanks!")
    assert [r.title for r in services.saved_replies.list()] == ["Alpha", "zeta"]
    assert services.saved_replies.render("zeta", _item(services, "Where is my order?")) == "Use {code} please, Ada L."


@pytest.mark.parametrize(
    ("title", "body", "code"),
    [
        ("", "text", "saved_reply.title_empty"),
        ("x" * 201, "text", "saved_reply.title_too_long"),
        ("Empty", "   ", "saved_reply.body_empty"),
        ("Typo", "Hi {nmae}", "saved_reply.unknown_placeholder"),
        ("Format", "Hi {name!r}", "saved_reply.unknown_placeholder"),
        ("Braces", "Hi {name", "saved_reply.bad_braces"),
        ("Single", "a } b", "saved_reply.bad_braces"),
    ],
)
def test_bad_saved_replies_are_refused_and_nothing_is_saved(services, title, body, code):
    with pytest.raises(InputError) as caught:
        services.saved_replies.add(title, body)
    assert caught.value.code == code
    assert services.saved_replies.list() == []


def test_titles_are_unique_and_update_and_remove_work(services):
    first = services.saved_replies.add("Thanks", "Thank you, {name}!")
    with pytest.raises(InputError) as caught:
        services.saved_replies.add("Thanks", "again")
    assert caught.value.code == "saved_reply.title_taken"
    other = services.saved_replies.add("Other", "x")
    with pytest.raises(InputError) as caught:
        services.saved_replies.update(other.id, title="THANKS")  # titles differ in more than case
    assert caught.value.code == "saved_reply.title_taken"
    assert services.saved_replies.get(other.id).title == "Other"
    changed = services.saved_replies.update("thanks", body="Danke, {first_name}!")
    assert (changed.id, changed.body) == (first.id, "Danke, {first_name}!")
    with pytest.raises(InputError):
        services.saved_replies.update("Thanks", body="{bad}")
    assert services.saved_replies.get(first.id).body == "Danke, {first_name}!"
    services.saved_replies.remove("Thanks")
    with pytest.raises(NotFound):
        services.saved_replies.get("Thanks")
    with pytest.raises(NotFound):
        services.saved_replies.render("Other", 99999)


def test_arrivals_report_new_mentions_once(services, network, clock):
    start = services.inbox.latest_id()
    assert services.inbox.arrivals(start) == (start, 0, [])
    clock.advance(timedelta(minutes=5))
    network.add("3", clock.now() - timedelta(minutes=1), "@us you rock", author="@kai@x.example")
    network.add("4", clock.now() - timedelta(seconds=30), "a reply", author="@kai@x.example", in_reply_to_id="1")
    services.inbox.sync()
    newest, count, rows = services.inbox.arrivals(start)
    assert (count, [r.text for r in rows]) == (1, ["@us you rock"])
    _, both, rows = services.inbox.arrivals(start, ("mention", "reply"))
    assert both == 2 and [r.text for r in rows] == ["a reply", "@us you rock"]
    assert services.inbox.arrivals(newest) == (newest, 0, [])
    # Done already (by a teammate): no news.
    services.inbox.set_status([rows[1].id], "done")
    assert services.inbox.arrivals(start)[1] == 0
