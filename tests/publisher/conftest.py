"""Fixtures for the core tests: no Qt, no network, no real keyring, no real user data directory."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from publisher.channels.registry import Registry
from publisher.clock import ManualClock
from publisher.services import Services, build_services

ATOM = "{http://www.w3.org/2005/Atom}"
START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'publisher.sqlite3'}"


@pytest.fixture
def make_services(db_url: str, clock: ManualClock) -> Iterator[Callable[..., Services]]:
    """Builds services on the test's database (closed at the end), optionally with another channel registry."""
    made: list[Services] = []

    def make(*, registry: Registry | None = None, url: str | None = None) -> Services:
        services = build_services(url or db_url, clock=clock, registry=registry, actor="tester")
        made.append(services)
        return services

    yield make
    for services in made:
        services.close()


@pytest.fixture
def services(make_services: Callable[..., Services]) -> Services:
    return make_services()


@pytest.fixture
def feed_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "feed"
    folder.mkdir()
    return folder


def _entries(folder: Path) -> list[ET.Element]:
    path = folder / "feed.xml"
    if not path.exists():
        return []
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


@pytest.fixture
def feed_entries() -> Callable[[Path], list[ET.Element]]:
    """The Atom entries in ``folder/feed.xml``, in file order (newest first); none when there is no feed yet."""
    return _entries


@pytest.fixture
def entry_ids() -> Callable[[Path], list[str]]:
    return lambda folder: [e.findtext(f"{ATOM}id") or "" for e in _entries(folder)]


@pytest.fixture
def markdown_files() -> Callable[[Path], list[Path]]:
    return lambda folder: sorted(folder.glob("*.md"))


@pytest.fixture
def unwritable_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder this process really may not write to.

    As a normal user that is a folder with mode 0o500. Root ignores modes, so there it is a sysfs folder (which
    refuses new files even to root); where neither works the test is skipped rather than passing vacuously.
    """
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if not _can_create_file(folder):
            yield folder
            return
        for candidate in (Path("/sys/kernel"), Path("/sys")):
            if candidate.is_dir() and not _can_create_file(candidate):
                yield candidate
                return
        pytest.skip("no folder is read-only for this user (running as root without sysfs)")
    finally:
        folder.chmod(0o700)


def _can_create_file(folder: Path) -> bool:
    probe = folder / f".probe-{os.getpid()}"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True
