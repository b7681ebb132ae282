"""The review and planning commands: approve, send back, comment, move, cancel, retry, match, workspace."""

from __future__ import annotations


def _post(cli, *extra: str) -> int:
    return int(cli.ok("post", "create", "-", "--channel", "Blog", *extra, input="For review.").strip())


def test_approval_round_trip(cli, workspace):
    settings = cli.json("workspace", "set", "--approval-required", "yes", "--grace-minutes", "30")
    assert (settings["approval_required"], settings["grace_minutes"]) == (True, 30)
    assert settings["me"]["role"] == "admin"

    draft = _post(cli, "--at", "2999-02-01T09:00+01:00")
    assert cli.json("post", "show", str(draft))["status"] == "draft"  # approval required: not scheduled
    assert cli.json("post", "submit", str(draft))["status"] == "in_review"

    refused = cli.run("post", "send-back", str(draft))
    assert refused.returncode == 2 and "--comment" in refused.stderr
    assert cli.json("post", "send-back", str(draft), "--comment", "Shorter, please.")["status"] == "draft"
    cli.ok("post", "comment", str(draft), "Shortened.")
    cli.ok("post", "submit", str(draft))
    assert cli.json("post", "approve", str(draft), "--comment", "Good")["status"] == "scheduled"

    shown = cli.json("post", "show", str(draft))
    assert [(c["kind"], c["body"]) for c in shown["comments"]] == [
        ("submitted", ""),
        ("sent_back", "Shorter, please."),
        ("comment", "Shortened."),
        ("submitted", ""),
        ("approved", "Good"),
    ]
    assert shown["deliveries"][0]["state"] == "scheduled" and shown["deliveries"][0]["handed_off"] is False
    text = cli.ok("post", "show", str(draft))
    assert "sent back: Shorter, please." in text and "delivery 2, Blog (feed): scheduled" in text

    again = cli.run("post", "approve", str(draft))
    assert again.returncode == 2 and "it can be approved only when it is draft, in_review" in again.stderr


def test_move_cancel_and_retry(cli, workspace):
    post = _post(cli, "--at", "2999-03-01T09:00+01:00")
    moved = cli.json("post", "move", str(post), "--at", "2999-03-02T10:00+01:00", "--tz", "Europe/Berlin")
    assert moved["deliveries"][0]["scheduled_at"] == "2999-03-02T09:00:00+00:00"
    assert moved["deliveries"][0]["timezone"] == "Europe/Berlin"
    assert "scheduled 2999-03-02T10:00+01:00 Europe/Berlin" in cli.ok("post", "show", str(post))

    nothing = cli.run("post", "retry", str(post))
    assert nothing.returncode == 2 and "no failed or unconfirmed delivery" in nothing.stderr
    wrong = cli.run("post", "cancel", str(post), "--channel", "Nope")
    assert wrong.returncode == 2 and "does not go to 'Nope'" in wrong.stderr

    assert cli.json("post", "cancel", str(post))["status"] == "cancelled"
    again = cli.run("post", "cancel", str(post))
    assert again.returncode == 2 and "nothing left to cancel" in again.stderr
    assert cli.json("run", "--once")["published"] == []


def test_match_records_an_unconfirmed_delivery_only(cli, workspace):
    post = _post(cli, "--now")
    delivery = cli.json("post", "show", str(post))["deliveries"][0]["id"]
    refused = cli.run("post", "match", str(delivery), "https://example.org/x")
    assert refused.returncode == 2 and "Only an unconfirmed delivery" in refused.stderr
    bad = cli.run("post", "match", str(delivery), "example.org/x")
    assert bad.returncode == 2 and "is not a web address" in bad.stderr


def test_roles_are_changed_by_admins(cli, workspace):
    assert cli.json("workspace", "role", "erin", "editor") == {**cli.json("workspace", "role", "erin", "editor")}
    shown = cli.json("workspace", "show")
    assert {(u["name"], u["role"]) for u in shown["users"]} >= {("erin", "editor")}
    bad = cli.run("workspace", "role", "erin", "boss")
    assert bad.returncode == 2 and "'boss' is not a role" in bad.stderr
    grace = cli.run("workspace", "set", "--grace-minutes", "-5")
    assert grace.returncode == 2 and "grace period" in grace.stderr


def test_edit_changes_the_text_of_a_post_still_to_come(cli, workspace):
    post = _post(cli, "--at", "2999-04-01T09:00+01:00")
    edited = cli.json("post", "edit", str(post), "--title", "Better", input="Better words.")
    assert (edited["title"], edited["body"]) == ("Better", "Better words.")
    empty = cli.run("post", "edit", str(post), input="   ")
    assert empty.returncode == 2 and "empty" in empty.stderr
    assert cli.json("post", "show", str(post))["body"] == "Better words."
