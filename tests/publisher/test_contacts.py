"""Contacts: the people behind inbox messages, found by name or handle, merged across networks and split again,
tagged and annotated, with their conversation history; bad input changes nothing and every change is audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from publisher.channels.registry import Registry
from publisher.db.models import AuditEntry, InboxContact
from publisher.domain.contacts import MAX_NOTES_CHARS, MAX_TAG_CHARS, ContactDetail
from publisher.errors import InputError, NotFound
from publisher.services import InboxFilter, Services
from tests.publisher.conftest import START
from tests.publisher.inbox_fake import FakeInboxKind


@dataclass
class OtherInboxKind(FakeInboxKind):
    """A second network, so that one person can have handles on two kinds of network."""

    kind = "otherinbox"
    display_name = "Other inbox network"


@pytest.fixture
def mastodon() -> FakeInboxKind:
    kind = FakeInboxKind(page_size=50)
    kind.add("m1", START - timedelta(minutes=50), "First question from Ada", author="@ada@social", author_name="Ada")
    kind.add("m2", START - timedelta(minutes=10), "Ada again: thanks!", author="@ada@social", author_name="Ada")
    kind.add("m3", START - timedelta(minutes=30), "Bob says hi", author="@bob@social", author_name="Bob Builder")
    kind.add("m4", START - timedelta(minutes=5), "100% wrong_answer", author="@percent@social", author_name="P")
    return kind


@pytest.fixture
def other() -> OtherInboxKind:
    kind = OtherInboxKind(page_size=50)
    kind.add("o1", START - timedelta(minutes=20), "Ada on the other network", author="ada.bsky", author_name="A. L.")
    return kind


@pytest.fixture
def services(make_services, mastodon, other) -> Services:
    services = make_services(registry=Registry([mastodon, other]))
    services.channels.add("fakeinbox", name="Masto")
    services.channels.add("otherinbox", name="Sky")
    services.inbox.sync()
    return services


def _id(services: Services, handle: str) -> int:
    with services.db.session() as session:
        return session.scalars(select(InboxContact.id).where(InboxContact.handle == handle)).one()


def _state(services: Services) -> list[tuple[object, ...]]:
    """Everything a contact change could touch, to prove a refused change left it alone."""
    with services.db.session() as session:
        contacts = [
            (c.id, c.handle, c.display_name, c.merged_into_id, tuple(c.tags or ()), c.notes)
            for c in session.scalars(select(InboxContact).order_by(InboxContact.id))
        ]
        audits = session.scalar(select(func.count(AuditEntry.id)))
    names = [(r.id, r.name) for r in services.contacts.list()]
    return [*contacts, ("audit", audits), ("names", tuple(names))]


def _actions(services: Services) -> list[str]:
    with services.db.session() as session:
        return list(
            session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "contact").order_by(AuditEntry.id))
        )


# -- list and search -----------------------------------------------------------------------------------------


def test_every_author_is_a_contact_most_recently_heard_from_first(services):
    rows = services.contacts.list()
    assert [(r.name, [h.handle for h in r.handles], r.message_count) for r in rows] == [
        ("P", ["@percent@social"], 1),
        ("Ada", ["@ada@social"], 2),
        ("A. L.", ["ada.bsky"], 1),
        ("Bob Builder", ["@bob@social"], 1),
    ]
    assert rows[1].last_seen == START - timedelta(minutes=10)


def test_search_finds_by_name_or_handle_ignoring_case_and_takes_wildcards_literally(services):
    assert [r.name for r in services.contacts.list("BUILDER")] == ["Bob Builder"]
    assert [r.name for r in services.contacts.list("@bob@")] == ["Bob Builder"]
    assert [r.name for r in services.contacts.list("ada")] == ["Ada", "A. L."]
    assert services.contacts.list("%") == []  # no author has a % in name or handle
    assert services.contacts.list("_") == []
    assert services.contacts.list("nobody here") == []


def test_a_merged_group_is_listed_once_with_all_its_handles_and_found_by_any_of_them(services):
    services.contacts.merge(_id(services, "ada.bsky"), _id(services, "@ada@social"))
    rows = services.contacts.list()
    assert [r.name for r in rows] == ["P", "Ada", "Bob Builder"]
    ada = rows[1]
    assert ada.id == _id(services, "@ada@social")
    assert [(h.channel_kind, h.handle, h.message_count, h.primary) for h in ada.handles] == [
        ("fakeinbox", "@ada@social", 2, True),
        ("otherinbox", "ada.bsky", 1, False),
    ]
    assert ada.message_count == 3
    # found by the merged handle's own name and handle, shown as the group
    assert [r.id for r in services.contacts.list("A. L.")] == [ada.id]
    assert [r.id for r in services.contacts.list("bsky")] == [ada.id]


def test_tag_filter_shows_only_tagged_contacts(services):
    services.contacts.set_tags(_id(services, "@bob@social"), ["Press", " VIP "])
    services.contacts.tag(_id(services, "@percent@social"), "vip")
    assert [r.name for r in services.contacts.list(tag="VIP")] == ["P", "Bob Builder"]
    assert [r.name for r in services.contacts.list(tag="press")] == ["Bob Builder"]
    assert [r.name for r in services.contacts.list("bob", tag="vip")] == ["Bob Builder"]
    assert services.contacts.list(tag="pres") == []  # whole tags only
    assert services.contacts.tags() == ["press", "vip"]


def test_search_and_tags_handle_non_ascii_letters(services, mastodon):
    mastodon.add("u1", START - timedelta(minutes=1), "Grüße", author="@juergen@social", author_name="Jürgen Öztürk")
    services.inbox.sync()
    assert [r.name for r in services.contacts.list("JÜRGEN")] == ["Jürgen Öztürk"]
    assert [r.name for r in services.contacts.list("öztürk")] == ["Jürgen Öztürk"]
    services.contacts.set_tags(_id(services, "@juergen@social"), ["Überregional"])
    assert [r.name for r in services.contacts.list(tag="ÜBERREGIONAL")] == ["Jürgen Öztürk"]


def test_rows_leave_out_contacts_merged_away(services):
    ada, sky = _id(services, "@ada@social"), _id(services, "ada.bsky")
    services.contacts.merge(sky, ada)
    assert [r.id for r in services.contacts.rows([sky, ada, 987654])] == [ada]
    assert services.contacts.ids("ada") == [ada]


# -- detail and history ----------------------------------------------------------------------------------------


def test_a_contact_shows_the_history_of_every_merged_handle_newest_first(services):
    ada = _id(services, "@ada@social")
    services.contacts.merge(_id(services, "ada.bsky"), ada)
    detail = services.contacts.get(ada)
    assert [(m.channel, m.handle, m.text) for m in detail.history] == [
        ("Masto", "@ada@social", "Ada again: thanks!"),
        ("Sky", "ada.bsky", "Ada on the other network"),
        ("Masto", "@ada@social", "First question from Ada"),
    ]
    assert (detail.message_count, detail.first_seen, detail.last_seen) == (
        3,
        START - timedelta(minutes=50),
        START - timedelta(minutes=10),
    )
    first = detail.history[0]
    assert (first.kind, first.status, first.received_at) == ("mention", "open", START - timedelta(minutes=10))
    assert services.inbox.get(first.item_id).full_text == "Ada again: thanks!"  # the id opens it in the inbox
    # the merged handle's id shows the whole group
    assert services.contacts.get(_id(services, "ada.bsky")).id == ada


def test_history_follows_the_inbox_status_and_new_messages_after_sync(services, mastodon, clock):
    ada = _id(services, "@ada@social")
    newest = services.contacts.get(ada).history[0]
    services.inbox.set_status([newest.item_id], "done")
    clock.advance(timedelta(minutes=2))
    mastodon.add("m9", clock.now() - timedelta(minutes=1), "Ada, a third time", author="@ada@social")
    services.inbox.sync()
    history = services.contacts.get(ada).history
    assert [(m.text, m.status) for m in history][:2] == [("Ada, a third time", "open"), ("Ada again: thanks!", "done")]


def test_contact_for_item_gives_the_group_of_the_messages_author(services):
    ada, sky = _id(services, "@ada@social"), _id(services, "ada.bsky")
    item = next(r for r in services.inbox.list(InboxFilter(channel="Sky")))
    assert services.contacts.contact_for_item(item.id) == sky
    services.contacts.merge(sky, ada)
    assert services.contacts.contact_for_item(item.id) == ada
    with pytest.raises(NotFound) as caught:
        services.contacts.contact_for_item(999_999)
    assert caught.value.code == "inbox.item_not_found"


def test_an_unknown_contact_is_not_found(services):
    with pytest.raises(NotFound) as caught:
        services.contacts.get(424242)
    assert (caught.value.code, caught.value.params) == ("contact.not_found", {"id": 424242})
    assert "There is no contact 424242" in str(caught.value)  # the CLI's sentence


# -- merge and unmerge -----------------------------------------------------------------------------------------


def test_merge_unites_tags_and_joins_notes(services):
    ada, sky = _id(services, "@ada@social"), _id(services, "ada.bsky")
    services.contacts.set_tags(ada, ["customer"])
    services.contacts.set_notes(ada, "Prefers email.")
    services.contacts.set_tags(sky, ["VIP", "customer"])
    services.contacts.set_notes(sky, "Met at the fair.")
    merged = services.contacts.merge(sky, ada)
    assert (merged.id, merged.tags, merged.notes) == (ada, ("customer", "vip"), "Prefers email.\n\nMet at the fair.")
    assert _actions(services)[-1] == "contact.merged"


def test_merge_keeps_the_users_name_for_the_group(services):
    ada, sky, bob = _id(services, "@ada@social"), _id(services, "ada.bsky"), _id(services, "@bob@social")
    services.contacts.rename(sky, "Ada Lovelace")
    assert services.contacts.merge(sky, ada).name == "Ada Lovelace"  # the group had no name of the user's
    services.contacts.rename(bob, "Robert")
    assert services.contacts.merge(sky, bob).name == "Robert"  # the group's own name stays


def test_merging_into_a_merged_contact_goes_to_its_primary(services):
    ada, sky, bob = _id(services, "@ada@social"), _id(services, "ada.bsky"), _id(services, "@bob@social")
    services.contacts.merge(sky, ada)
    merged = services.contacts.merge(bob, sky)  # sky is merged into ada: bob joins ada's group
    assert merged.id == ada
    assert sorted(h.handle for h in merged.handles) == ["@ada@social", "@bob@social", "ada.bsky"]
    with services.db.session() as session:
        assert session.get(InboxContact, bob).merged_into_id == ada  # straight to the primary, no chain


def test_merging_a_group_moves_the_whole_group(services):
    ada, sky, bob = _id(services, "@ada@social"), _id(services, "ada.bsky"), _id(services, "@bob@social")
    services.contacts.merge(sky, ada)
    merged = services.contacts.merge(ada, bob)
    assert merged.id == bob
    assert sorted(h.handle for h in merged.handles) == ["@ada@social", "@bob@social", "ada.bsky"]
    assert [r.name for r in services.contacts.list()] == ["P", "Bob Builder"]
    assert services.contacts.get(bob).message_count == 4


@pytest.mark.parametrize("case", ["self", "own group member", "group into member"])
def test_merging_a_contact_into_itself_or_its_own_group_is_refused_and_changes_nothing(services, case):
    ada, sky = _id(services, "@ada@social"), _id(services, "ada.bsky")
    services.contacts.merge(sky, ada)
    before = _state(services)
    source, into, code = {
        "self": (ada, ada, "contact.merge_self"),
        "own group member": (sky, ada, "contact.same_group"),
        "group into member": (ada, sky, "contact.same_group"),
    }[case]
    with pytest.raises(InputError) as caught:
        services.contacts.merge(source, into)
    assert caught.value.code == code
    assert _state(services) == before


def test_merging_with_an_unknown_contact_changes_nothing(services):
    before = _state(services)
    with pytest.raises(NotFound):
        services.contacts.merge(_id(services, "@ada@social"), 99_999)
    with pytest.raises(NotFound):
        services.contacts.merge(99_999, _id(services, "@ada@social"))
    assert _state(services) == before


def test_unmerge_splits_a_handle_off_with_its_own_details_and_history(services):
    ada, sky = _id(services, "@ada@social"), _id(services, "ada.bsky")
    services.contacts.set_tags(sky, ["bluesky-only"])
    services.contacts.merge(sky, ada)
    services.contacts.set_notes(ada, "Group notes")
    split = services.contacts.unmerge(sky)
    assert (split.id, split.tags, [h.handle for h in split.handles]) == (sky, ("bluesky-only",), ["ada.bsky"])
    assert [m.text for m in split.history] == ["Ada on the other network"]
    group = services.contacts.get(ada)
    assert ([h.handle for h in group.handles], group.tags, group.notes) == (
        ["@ada@social"],
        ("bluesky-only",),  # the union made at merge time stays with the group
        "Group notes",
    )
    assert group.message_count == 2
    assert _actions(services)[-1] == "contact.unmerged"


def test_splitting_off_the_primary_hands_the_group_to_the_next_handle(services):
    ada, sky, bob = _id(services, "@ada@social"), _id(services, "ada.bsky"), _id(services, "@bob@social")
    services.contacts.merge(sky, ada)
    services.contacts.merge(bob, ada)
    services.contacts.set_tags(ada, ["vip"])
    services.contacts.rename(ada, "Ada Lovelace")
    services.contacts.unmerge(ada)
    heir = min(sky, bob)
    group = services.contacts.get(max(sky, bob))
    assert group.id == heir
    assert (sorted(h.handle for h in group.handles), group.tags, group.name) == (
        ["@bob@social", "ada.bsky"],
        ("vip",),
        "Ada Lovelace",
    )
    assert [h.handle for h in services.contacts.get(ada).handles] == ["@ada@social"]


def test_unmerging_a_contact_that_is_not_merged_is_refused(services):
    before = _state(services)
    with pytest.raises(InputError) as caught:
        services.contacts.unmerge(_id(services, "@bob@social"))
    assert caught.value.code == "contact.not_merged"
    assert _state(services) == before


# -- tags, notes, names ----------------------------------------------------------------------------------------


def test_tags_are_trimmed_lower_cased_and_unique_and_bad_ones_change_nothing(services):
    bob = _id(services, "@bob@social")
    assert services.contacts.set_tags(bob, ["  Press  Office ", "press office", "VIP"]).tags == ("press office", "vip")
    assert services.contacts.tag(bob, "vip", remove=True).tags == ("press office",)
    before = _state(services)
    for bad in (["ok", "   "], ["x" * (MAX_TAG_CHARS + 1)], [""]):
        with pytest.raises(InputError) as caught:
            services.contacts.set_tags(bob, bad)
        assert caught.value.code == "contact.bad_tag"
    with pytest.raises(InputError):
        services.contacts.tag(bob, " ")
    assert _state(services) == before
    assert services.contacts.set_tags(bob, ["x" * MAX_TAG_CHARS]).tags == ("x" * MAX_TAG_CHARS,)


def test_notes_are_kept_and_too_long_notes_change_nothing(services):
    bob = _id(services, "@bob@social")
    saved = services.contacts.set_notes(bob, "Journalist at the Daily.\r\nCall before noon.  \n")
    assert saved.notes == "Journalist at the Daily.\nCall before noon."
    assert services.contacts.get(bob).notes == saved.notes
    before = _state(services)
    with pytest.raises(InputError) as caught:
        services.contacts.set_notes(bob, "x" * (MAX_NOTES_CHARS + 1))
    assert caught.value.code == "contact.notes_too_long"
    assert _state(services) == before
    assert "at most 10000" in str(caught.value)


def test_the_users_name_for_a_contact_survives_the_next_sync(services, mastodon, clock):
    bob = _id(services, "@bob@social")
    assert services.contacts.rename(bob, "  Robert   (Daily News) ").name == "Robert (Daily News)"
    clock.advance(timedelta(minutes=2))
    mastodon.add("m10", clock.now(), "new name on the network", author="@bob@social", author_name="Bobby B.")
    services.inbox.sync()
    detail = services.contacts.get(bob)
    assert (detail.name, detail.user_named, detail.handles[0].network_name) == ("Robert (Daily News)", True, "Bobby B.")
    assert [r.id for r in services.contacts.list("robert")] == [bob]
    # an empty name goes back to the network's
    back = services.contacts.rename(bob, "")
    assert (back.name, back.user_named) == ("Bobby B.", False)


def test_a_too_long_name_changes_nothing(services):
    before = _state(services)
    with pytest.raises(InputError) as caught:
        services.contacts.rename(_id(services, "@bob@social"), "B" * 201)
    assert caught.value.code == "contact.name_too_long"
    assert _state(services) == before


def test_every_change_is_audited_with_who_did_it(services):
    ada, sky = _id(services, "@ada@social"), _id(services, "ada.bsky")
    services.contacts.set_tags(ada, ["a"])
    services.contacts.set_notes(ada, "n")
    services.contacts.rename(ada, "Ada L.")
    services.contacts.merge(sky, ada)
    services.contacts.unmerge(sky)
    assert _actions(services) == [
        "contact.tagged",
        "contact.noted",
        "contact.renamed",
        "contact.merged",
        "contact.unmerged",
    ]
    with services.db.session() as session:
        assert set(session.scalars(select(AuditEntry.actor).where(AuditEntry.entity == "contact"))) == {"tester"}


def test_detail_json_carries_what_the_cli_prints(services):
    detail: ContactDetail = services.contacts.get(_id(services, "@ada@social"))
    data = detail.to_json()
    assert data["name"] == "Ada"
    assert data["handles"][0]["handle"] == "@ada@social"
    assert [m["text"] for m in data["history"]] == ["Ada again: thanks!", "First question from Ada"]
    assert data["last_seen"] == (START - timedelta(minutes=10)).isoformat()
