"""``publisher contact …`` as a process: list and search, show with history, merge and unmerge, tags and notes,
and bad input that exits 2 with one clear line and changes nothing.

The messages come in through a real sync with a fake network (run in this process); the CLI only reads and
changes contacts, which needs no connector."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from publisher.channels.registry import Registry
from publisher.services import build_services
from tests.publisher.inbox_fake import FakeInboxKind


@pytest.fixture
def contacts(cli) -> dict[str, int]:
    network = FakeInboxKind()
    now = datetime.now(UTC)
    network.add("1", now - timedelta(minutes=30), "Thanks, this is great!", author="@ada@x.example", author_name="Ada")
    network.add("2", now - timedelta(minutes=20), "Das ist nicht gut.", author="@kai@x.example", author_name="Kai")
    network.add("3", now - timedelta(minutes=10), "Follow-up from Ada", author="@ada@x.example", author_name="Ada")
    network.add("4", now - timedelta(minutes=5), "Ada's second account", author="@ada@y.example", author_name="A.")
    services = build_services(cli.db_url, registry=Registry([network]), actor="tester")
    try:
        services.channels.add("fakeinbox", name="Fake")
        services.inbox.sync()
        return {h.handle: r.id for r in services.contacts.list() for h in r.handles}
    finally:
        services.close()


def test_list_and_search_print_every_contact_with_its_handles(cli, contacts):
    listed = cli.json("contact", "list")
    assert [(c["name"], [h["handle"] for h in c["handles"]], c["messages"]) for c in listed] == [
        ("A.", ["@ada@y.example"], 1),
        ("Ada", ["@ada@x.example"], 2),
        ("Kai", ["@kai@x.example"], 1),
    ]
    assert [c["name"] for c in cli.json("contact", "list", "--query", "KAI")] == ["Kai"]
    text = cli.ok("contact", "list")
    assert f"{contacts['@kai@x.example']}\tKai\t@kai@x.example (fakeinbox)\t1" in text
    assert cli.ok("contact", "list", "--query", "nobody").strip() == "No contacts."


def test_merge_show_and_unmerge(cli, contacts):
    ada, second = contacts["@ada@x.example"], contacts["@ada@y.example"]
    merged = cli.json("contact", "merge", str(second), str(ada))
    assert merged["id"] == ada
    assert [m["text"] for m in merged["history"]] == [
        "Ada's second account",
        "Follow-up from Ada",
        "Thanks, this is great!",
    ]
    assert [c["name"] for c in cli.json("contact", "list")] == ["Ada", "Kai"]
    shown = cli.ok("contact", "show", str(second))  # a merged handle's id shows its group
    assert shown.startswith(f"Contact {ada}: Ada")
    assert "@ada@y.example" in shown and "Messages: 3" in shown and "Follow-up from Ada" in shown
    split = cli.json("contact", "unmerge", str(second))
    assert (split["id"], split["messages"]) == (second, 1)
    assert [c["name"] for c in cli.json("contact", "list")] == ["A.", "Ada", "Kai"]


def test_tags_and_notes(cli, contacts):
    kai = str(contacts["@kai@x.example"])
    assert cli.json("contact", "tag", kai, " Press ")["tags"] == ["press"]
    cli.ok("contact", "tag", kai, "VIP")
    assert [c["name"] for c in cli.json("contact", "list", "--tag", "vip")] == ["Kai"]
    assert cli.json("contact", "tag", kai, "press", "--remove")["tags"] == ["vip"]
    cli.ok("contact", "note", kai, "-", input="Writes for the Zeitung.\nPrefers German.\n")
    shown = cli.json("contact", "show", kai)
    assert shown["notes"] == "Writes for the Zeitung.\nPrefers German."
    assert "  Prefers German." in cli.ok("contact", "show", kai)
    assert cli.json("contact", "rename", kai, "Kai (Zeitung)")["name"] == "Kai (Zeitung)"


def test_bad_input_exits_2_with_one_clear_line_and_changes_nothing(cli, contacts):
    ada = str(contacts["@ada@x.example"])
    before = cli.json("contact", "list")
    for args, says in (
        (("contact", "show", "9999"), "There is no contact 9999"),
        (("contact", "merge", ada, ada), "cannot be merged into itself"),
        (("contact", "merge", ada, "9999"), "There is no contact 9999"),
        (("contact", "unmerge", ada), "is not merged with anyone"),
        (("contact", "tag", ada, "   "), "tag needs 1 to 100 characters"),
        (("contact", "list", "--limit", "0"), "--limit must be at least 1"),
    ):
        result = cli.run(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert says in result.stderr, result.stderr
    too_long = cli.run("contact", "note", ada, "-", input="x" * 10_001)
    assert too_long.returncode == 2 and "notes are too long: 10001 characters, at most 10000" in too_long.stderr
    error = cli.run("contact", "unmerge", ada, "--json")
    assert '"code": "contact.not_merged"' in error.stdout
    assert cli.json("contact", "list") == before
