"""A real PostgreSQL cluster on loopback (tests/integration/servers/postgres_server.py) answers through SQLAlchemy.

Needs Debian's ``postgresql`` package (installed with apt-get when running as root, else install it yourself) and
the ``psycopg`` driver (in the ``dev`` extra). A start failure fails the test with the log tail;
``PUBLISHER_SKIP_SERVERS=1`` skips it instead.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import sqlalchemy as sa

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("PUBLISHER_SKIP_SERVERS") == "1", reason="PUBLISHER_SKIP_SERVERS=1: real servers are skipped"
    ),
]


def _server_module() -> ModuleType:
    path = Path(__file__).with_name("servers") / "postgres_server.py"
    spec = importlib.util.spec_from_file_location("publisher_test_postgres_server", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    servers = _server_module()
    try:
        server = servers.start(tmp_path_factory.mktemp("postgres"))
    except servers.PostgresError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


def test_select_one_through_sqlalchemy(postgres: Any) -> None:
    assert postgres.url.startswith("postgresql+psycopg://pg@127.0.0.1:")
    assert postgres.plain_url.startswith("postgresql://pg@127.0.0.1:")
    engine = sa.create_engine(postgres.url)
    try:
        with engine.connect() as connection:
            assert connection.execute(sa.text("select 1")).scalar() == 1
    finally:
        engine.dispose()


def test_create_database_gives_a_separate_database(postgres: Any) -> None:
    url = postgres.create_database("publisher_runner_a")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            assert connection.execute(sa.text("select current_database()")).scalar() == "publisher_runner_a"
    finally:
        engine.dispose()
