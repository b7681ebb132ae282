"""Starting one of these server scripts for a test: a failed install or start fails the test with the log tail;
``PUBLISHER_SKIP_SERVERS=1`` (documented in the README) skips such tests instead."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REAL_SERVERS = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("PUBLISHER_SKIP_SERVERS") == "1", reason="PUBLISHER_SKIP_SERVERS=1: real servers are skipped"
    ),
]


def script(name: str) -> ModuleType:
    """The server script ``<name>_server.py`` of this folder, as a module."""
    return importlib.import_module(f"tests.integration.servers.{name}_server")


@contextmanager
def running(name: str, folder: Path, **options: Any) -> Iterator[Any]:
    """Install if needed, start, yield the running server, stop it afterwards."""
    try:
        server = script(name).start(folder, **options)
    except RuntimeError as exc:  # each script's own error: install or start failed, with the log's tail
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        server.stop()
