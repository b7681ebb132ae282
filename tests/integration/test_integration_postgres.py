"""A real PostgreSQL cluster on loopback (tests/integration/servers/postgres_server.py) answers through SQLAlchemy.

Needs Debian's ``postgresql`` package (installed with apt-get when running as root, else install it yourself) and
the ``psycopg`` driver (in the ``dev`` extra). A start failure fails the test with the log tail;
``PUBLISHER_SKIP_SERVERS=1`` skips it instead.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from tests.integration.servers.running import REAL_SERVERS

pytestmark = REAL_SERVERS


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
