"""Runs the ``publisher`` command as a separate process, the way scripts and cron jobs do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass
class Cli:
    home: Path
    db_file: Path
    env: dict[str, str]

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.db_file}"

    def command(self, *args: str, db: str | None = None) -> list[str]:
        return [sys.executable, "-m", "publisher", *args, "--db", db or self.db_url]

    def run(
        self, *args: str, input: str | bytes | None = None, db: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        data = input.encode() if isinstance(input, str) else input
        result = subprocess.run(
            self.command(*args, db=db),
            input=data if data is not None else b"",
            capture_output=True,
            env=self.env,
            cwd=self.home,
            timeout=60,
            check=False,
        )
        return subprocess.CompletedProcess(
            result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
        )

    def ok(self, *args: str, input: str | bytes | None = None) -> str:
        result = self.run(*args, input=input)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def json(self, *args: str, input: str | bytes | None = None) -> Any:
        return json.loads(self.ok(*args, "--json", input=input))


def _make_cli(root: Path) -> Cli:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PUBLISHER_", "PYTHON_KEYRING"))}
    env.update(
        PUBLISHER_DATA_DIR=str(root / "data"),  # never the real user data directory
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",  # never the real keyring
        PYTHONWARNINGS="error",
        TZ="UTC",
        LC_ALL="C.UTF-8",
    )
    home = root / "work"
    home.mkdir()
    return Cli(home=home, db_file=root / "publisher.sqlite3", env=env)


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return _make_cli(tmp_path)


@dataclass
class Workspace:
    """A database with one feed channel ("Blog", in ``feed``) and one post scheduled far in the future."""

    db_bytes: bytes
    feed: Path
    channels: Any  # `channel list --json` as it was
    posts: Any  # `post list --json` as it was


@pytest.fixture(scope="module")
def workspace_template(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    cli = _make_cli(tmp_path_factory.mktemp("template"))
    feed = cli.home / "site"
    feed.mkdir()
    cli.ok("channel", "add", "feed", "--name", "Blog", "--path", str(feed), "--url", "https://example.org/blog")
    cli.ok("post", "create", "-", "--channel", "Blog", "--at", "2999-01-01T09:00+01:00", input="Far ahead.")
    return Workspace(
        db_bytes=cli.db_file.read_bytes(),
        feed=feed,
        channels=cli.json("channel", "list"),
        posts=cli.json("post", "list"),
    )


@pytest.fixture
def workspace(cli: Cli, workspace_template: Workspace) -> Workspace:
    """A fresh copy of the template database for this test (the feed folder is shared: tests must not write it)."""
    cli.db_file.write_bytes(workspace_template.db_bytes)
    return workspace_template
