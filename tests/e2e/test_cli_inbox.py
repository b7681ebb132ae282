"""``publisher inbox …`` as a process: list (with filters and search), show, done, reply, sync.

The items are put in by the core with a fake network (the process does not know that network's kind, which is
what a reply to a channel whose connector is gone looks like: it fails clearly and the reply is kept)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from publisher.channels.registry import Registry
from publisher.services import build_services
from tests.publisher.inbox_fake import FakeInboxKind


@pytest.fixture
def inbox(cli):
    network = FakeInboxKind()
    now = datetime.now(UTC)
    network.add("1", now - timedelta(minutes=30), "Thanks, this is great!", author="@ada@x.example")
    network.add("2", now - timedelta(minutes=20), "Das ist nicht gut.", author="@kai@x.example", author_name="Kai")
    network.add("3", now - timedelta(minutes=10), "Follow-up", author="@ada@x.example", in_reply_to_id="2")
    services = build_services(cli.db_url, registry=Registry([network]), actor="tester")
    try:
        services.channels.add("fakeinbox", name="Fake")
        services.inbox.sync()
        ids = services.inbox.ids()
    finally:
        services.close()
    return ids  # newest first


def test_list_prints_json_objects_with_the_documented_fields(cli, inbox):
    items = cli.json("inbox", "list")
    assert [i["id"] for i in items] == inbox
    for key in ("id", "channel", "kind", "author", "text", "received_at", "status", "conversation", "sentiment"):
        assert key in items[0]
    assert [(i["text"], i["sentiment"]) for i in items] == [
        ("Follow-up", "neutral"),
        ("Das ist nicht gut.", "negative"),
        ("Thanks, this is great!", "positive"),
    ]
    assert items[0]["conversation"] == items[1]["conversation"] != items[2]["conversation"]
    assert [i["text"] for i in cli.json("inbox", "list", "--query", "gut")] == ["Das ist nicht gut."]
    assert cli.json("inbox", "list", "--channel", "Fake", "--status", "done") == []
    assert "Thanks, this is great!" in cli.ok("inbox", "list")


def test_show_and_done(cli, inbox):
    shown = cli.json("inbox", "show", str(inbox[0]))
    assert [t["text"] for t in shown["thread"]] == ["Das ist nicht gut.", "Follow-up"]
    text = cli.ok("inbox", "show", str(inbox[1]))
    assert "From: Kai @kai@x.example" in text and "Sentiment: negative (nicht gut)" in text
    assert cli.json("inbox", "done", str(inbox[1]), str(inbox[2])) == {"done": sorted(inbox[1:])}
    assert [i["id"] for i in cli.json("inbox", "list", "--status", "open")] == [inbox[0]]
    assert [i["id"] for i in cli.json("inbox", "list", "--status", "done")] == inbox[1:]


def test_bad_input_exits_2_with_one_line(cli, inbox):
    for args in (
        ("inbox", "show", "999"),
        ("inbox", "list", "--status", "closed"),
        ("inbox", "list", "--channel", "X"),
    ):
        result = cli.run(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1
    empty = cli.run("inbox", "reply", str(inbox[0]), "-", input="  \n")
    assert empty.returncode == 2 and "reply is empty" in empty.stderr


def test_a_reply_that_cannot_be_sent_fails_clearly_and_is_kept(cli, inbox):
    result = cli.run("inbox", "reply", str(inbox[0]), "-", input="We are on it.")
    assert result.returncode == 1
    assert "kept as failed reply" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    (reply,) = cli.json("inbox", "show", str(inbox[0]))["replies"]
    assert (reply["text"], reply["state"]) == ("We are on it.", "failed")
    assert "[failed]" in cli.ok("inbox", "show", str(inbox[0]))


def test_sync_without_inbox_channels_says_so(cli):
    assert cli.ok("inbox", "sync").strip() == "No channel with an inbox."
    assert cli.json("inbox", "sync") == []


def test_saved_replies_and_sending_one_with_its_placeholders_filled(cli, inbox):
    assert cli.ok("inbox", "saved-list").strip() == "No saved replies."
    saved = cli.json("inbox", "saved-add", "Sorry", "-", input="Hi {first_name}, we are sorry. {me}")
    assert saved["title"] == "Sorry"
    typo = cli.run("inbox", "saved-add", "Typo", "-", input="Hi {nmae}")
    assert typo.returncode == 2 and "{nmae}" in typo.stderr and "{name}" in typo.stderr
    assert [r["title"] for r in cli.json("inbox", "saved-list")] == ["Sorry"]
    cli.ok("inbox", "saved-add", "--replace", "Sorry", "-", input="Hallo {name}, das tut uns leid.")
    # The fake network's connector is not known to the process, so the reply fails and is kept: with the text
    # the saved reply gave it.
    result = cli.run("inbox", "reply", str(inbox[1]), "--saved", "sorry")
    assert result.returncode == 1
    (reply,) = cli.json("inbox", "show", str(inbox[1]))["replies"]
    assert reply["text"] == "Hallo Kai, das tut uns leid."
    assert cli.run("inbox", "reply", str(inbox[1]), "--saved", "Nope").returncode == 2
    cli.ok("inbox", "saved-remove", "Sorry")
    assert cli.json("inbox", "saved-list") == []


def test_assign_and_list_by_kind_and_dates(cli, inbox):
    assert cli.json("inbox", "assign", str(inbox[0]), "--to", "jonas") == {"assigned": [inbox[0]], "assignee": "jonas"}
    assert [i["id"] for i in cli.json("inbox", "list", "--assignee", "jonas")] == [inbox[0]]
    cli.ok("inbox", "assign", str(inbox[0]), "--nobody")
    assert cli.json("inbox", "list", "--assignee", "jonas") == []
    assert [i["id"] for i in cli.json("inbox", "list", "--kind", "reply")] == [inbox[0]]
    today = datetime.now(UTC).astimezone().date()
    assert len(cli.json("inbox", "list", "--since", (today - timedelta(days=1)).isoformat())) == 3
    assert cli.json("inbox", "list", "--until", (today - timedelta(days=2)).isoformat()) == []
    bad = cli.run("inbox", "list", "--since", "yesterday")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
