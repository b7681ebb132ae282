"""Fixtures shared by the real-server tests of this folder."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.integration.servers.running import running


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One throwaway PostgreSQL cluster for every test here that needs one (each makes its own database)."""
    with running("postgres", tmp_path_factory.mktemp("postgres")) as server:
        yield server
