"""The command line as a user or a script sees it: a whole publishing round trip, the JSON shapes scripts rely
on, and bad input that exits non-zero with one line on stderr and changes nothing."""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from publisher import __version__

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(folder: Path) -> list[ET.Element]:
    path = folder / "feed.xml"
    return ET.parse(path).getroot().findall(f"{ATOM}entry") if path.exists() else []


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def assert_refused(result: subprocess.CompletedProcess[str], *, status: int) -> None:
    assert result.returncode == status, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("publisher: error: ")


def assert_unchanged(cli, workspace) -> None:
    """The database is byte for byte what it was (so every list is, too), and nothing was left half written."""
    assert cli.db_file.read_bytes() == workspace.db_bytes
    assert sorted(p.name for p in cli.db_file.parent.iterdir() if p.name.startswith(cli.db_file.name)) == [
        cli.db_file.name
    ]
    assert not Path(cli.env["PUBLISHER_DATA_DIR"]).exists()


def test_version(cli):
    result = cli.run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"publisher {__version__}"


def test_publishing_round_trip(cli):
    feed = cli.home / "site"
    feed.mkdir()
    cli.ok("channel", "add", "feed", "--name", "Blog", "--path", str(feed), "--url", "https://example.org/blog")
    post_file = cli.home / "hello.md"
    post_file.write_text("# Hello from a file\n\nFirst **post**.\n", encoding="utf-8")
    first = int(cli.ok("post", "create", str(post_file), "--channel", "Blog", "--now").strip())
    second = int(cli.ok("post", "create", "-", "--channel", "Blog", "--now", input="Straight from stdin.\n").strip())
    later = int(
        cli.ok("post", "create", "-", "--channel", "Blog", "--at", "2999-12-01T09:30+01:00", input="Later").strip()
    )

    report = cli.json("run", "--once")
    assert sorted(report["published"]) == [1, 2]
    assert report["failed"] == report["retrying"] == report["unconfirmed"] == []

    titles = [e.findtext(f"{ATOM}title") for e in entries(feed)]
    assert titles == ["Straight from stdin.", "Hello from a file"]
    markdown = sorted(feed.glob("*.md"))
    assert len(markdown) == 2
    assert any("First **post**." in p.read_text(encoding="utf-8") for p in markdown)

    # A second pass finds nothing to do and touches nothing.
    files = snapshot(feed)
    assert cli.json("run", "--once")["published"] == []
    assert snapshot(feed) == files

    shown = cli.json("post", "show", str(first))
    assert {"id", "status", "deliveries"} <= shown.keys()
    assert shown["id"] == first
    assert shown["status"] == "published"
    [delivery] = shown["deliveries"]
    assert {"channel", "state", "scheduled_at", "remote_id", "remote_url", "attempts", "error"} <= delivery.keys()
    assert delivery["channel"] == "Blog"
    assert delivery["state"] == "published"
    assert delivery["attempts"] == 1
    assert delivery["error"] is None
    assert (feed / delivery["remote_id"]).is_file()
    assert delivery["remote_url"] == f"https://example.org/blog/{delivery['remote_id']}"

    posts = cli.json("post", "list")
    assert isinstance(posts, list)
    assert [(p["id"], p["status"]) for p in posts] == [
        (later, "scheduled"),
        (second, "published"),
        (first, "published"),
    ]
    assert posts[0]["deliveries"][0]["scheduled_at"] == "2999-12-01T08:30:00+00:00"  # stored in UTC
    channels = cli.json("channel", "list")
    assert isinstance(channels, list)
    assert [c["name"] for c in channels] == ["Blog"]


def test_options_before_the_command_are_honoured(cli, workspace):
    result = subprocess.run(
        [sys.executable, "-m", "publisher", "--db", cli.db_url, "--json", "channel", "list"],
        capture_output=True,
        text=True,
        env=cli.env,
        cwd=cli.home,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == workspace.channels
    assert not Path(cli.env["PUBLISHER_DATA_DIR"]).exists()  # the default database was not touched


# -- bad input -------------------------------------------------------------------------------------------

BAD_INPUT = {
    "unknown-kind": ["channel", "add", "mastodonn", "--name", "Social"],
    "missing-folder": ["channel", "add", "feed", "--name", "Missing", "--path", "{home}/does-not-exist"],
    "name-taken": ["channel", "add", "feed", "--name", "Blog", "--path", "{feed}"],
    "malformed-at": ["post", "create", "{home}/post.md", "--channel", "Blog", "--at", "tomorrow"],
    "naive-at": ["post", "create", "{home}/post.md", "--channel", "Blog", "--at", "2026-12-01T09:30"],
    "no-when": ["post", "create", "{home}/post.md", "--channel", "Blog"],
    "unknown-zone": ["post", "create", "{home}/post.md", "--channel", "Blog", "--now", "--tz", "Mars/Olympus"],
    "unknown-channel": ["post", "create", "{home}/post.md", "--channel", "Nope", "--now"],
    "missing-file": ["post", "create", "{home}/missing.md", "--channel", "Blog", "--now"],
    "empty-file": ["post", "create", "{home}/empty.md", "--channel", "Blog", "--now"],
    "whitespace-file": ["post", "create", "{home}/blank.md", "--channel", "Blog", "--now"],
    "binary-file": ["post", "create", "{home}/binary.md", "--channel", "Blog", "--now"],
    "no-such-post": ["post", "show", "999"],
    "unknown-option": ["post", "create", "--channel", "Blog", "--now", "--bogus-option"],
}


@pytest.mark.parametrize("args", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_refused_and_changes_nothing(cli, workspace, args):
    (cli.home / "post.md").write_text("A perfectly good post.\n", encoding="utf-8")
    (cli.home / "empty.md").write_bytes(b"")
    (cli.home / "blank.md").write_text("  \n\n\t\n", encoding="utf-8")
    (cli.home / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    files = snapshot(workspace.feed)

    result = cli.run(*[a.format(home=cli.home, feed=workspace.feed) for a in args])

    assert_refused(result, status=2)
    assert_unchanged(cli, workspace)
    assert snapshot(workspace.feed) == files


@pytest.mark.parametrize("stdin", ["", "  \n\t\n"], ids=["empty", "whitespace"])
def test_an_empty_post_on_stdin_is_refused(cli, workspace, stdin):
    result = cli.run("post", "create", "-", "--channel", "Blog", "--now", input=stdin)
    assert_refused(result, status=2)
    assert "empty" in result.stderr
    assert_unchanged(cli, workspace)


def test_a_refused_post_leaves_the_lists_as_they_were(cli, workspace):
    result = cli.run("post", "create", "-", "--channel", "Blog", "--channel", "Nope", "--now", input="Hello")
    assert_refused(result, status=2)
    assert "'Nope'" in result.stderr
    assert cli.json("post", "list") == workspace.posts
    assert cli.json("channel", "list") == workspace.channels


def _refuses_writes(path: Path) -> bool:
    try:
        (path / ".publisher-probe").write_bytes(b"")
    except OSError:
        return True
    (path / ".publisher-probe").unlink()
    return False


def test_an_unwritable_folder_is_refused(cli, workspace, tmp_path):
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        # Root ignores file modes: then use a folder the kernel refuses to write to even for root.
        candidates = [folder, Path("/sys/kernel"), Path("/sys")]
        target = next((p for p in candidates if p.is_dir() and _refuses_writes(p)), None)
        if target is None:
            pytest.skip("no folder is read-only for this user")
        result = cli.run("channel", "add", "feed", "--name", "Readonly", "--path", str(target))
    finally:
        folder.chmod(0o700)
    assert_refused(result, status=2)
    assert "may not write" in result.stderr
    assert_unchanged(cli, workspace)


def test_a_file_that_is_not_a_database_is_left_untouched(cli, tmp_path):
    notes = tmp_path / "notes.sqlite3"
    content = b"Shopping list: milk, eggs, bread.\n" * 100
    notes.write_bytes(content)
    for args in (["channel", "list"], ["run", "--once"]):
        result = cli.run(*args, db=f"sqlite:///{notes}")
        assert_refused(result, status=1)
        assert "not a Publisher database" in result.stderr
    assert notes.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("notes")) == ["notes.sqlite3"]


def test_a_database_folder_that_does_not_exist_is_refused(cli, tmp_path):
    result = cli.run("channel", "list", db=f"sqlite:///{tmp_path / 'nowhere' / 'db.sqlite3'}")
    assert_refused(result, status=1)
    assert not (tmp_path / "nowhere").exists()


def test_errors_are_also_json_for_scripts(cli, workspace):
    result = cli.run("post", "show", "999", "--json")
    assert_refused(result, status=2)
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "post.not_found"
    assert error["params"] == {"id": 999}


# -- the long-running engine -----------------------------------------------------------------------------


def test_run_publishes_and_stops_cleanly_on_sigterm(cli):
    feed = cli.home / "site"
    feed.mkdir()
    cli.ok("channel", "add", "feed", "--name", "Blog", "--path", str(feed))
    cli.ok("post", "create", "-", "--channel", "Blog", "--now", input="Published by the running engine.")
    process = subprocess.Popen(
        cli.command("run"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=cli.env,
        cwd=cli.home,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert "running" in process.stdout.readline()
        deadline = time.monotonic() + 20
        while not entries(feed) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(entries(feed)) == 1
        # The engine now sleeps for its full interval (15 s); SIGTERM must end that sleep at once.
        time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=5)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "stopped" in out
    assert err == ""
