"""The inbox on a real PostgreSQL (tests/integration/servers/postgres_server.py): migration 0004's dialect branch
(a GIN index on the search vector instead of SQLite's FTS5 table), sync, search, triage and replies.

``PUBLISHER_SKIP_SERVERS=1`` skips it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from publisher.channels.registry import Registry
from publisher.clock import ManualClock
from publisher.db.models import Base
from publisher.services import InboxFilter, build_services
from tests.integration.servers.running import REAL_SERVERS
from tests.publisher.inbox_fake import FakeInboxKind

pytestmark = REAL_SERVERS

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_the_inbox_on_postgresql(postgres: Any) -> None:
    url = postgres.create_database("publisher_inbox")
    network = FakeInboxKind()
    services = build_services(url, clock=ManualClock(NOW), registry=Registry([network]), actor="tester")
    try:
        with services.db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "target_metadata": Base.metadata})
            diffs = [d for d in compare_metadata(context, Base.metadata) if not _is_search_index(d)]
            assert diffs == []
            indexes = {i["name"] for i in sa.inspect(conn).get_indexes("inbox_items")}
            assert "ix_inbox_items_search" in indexes

        services.channels.add("fakeinbox", name="Fake")
        network.add("1", NOW - timedelta(hours=3), "Die Lieferung ist kaputt, nicht gut", author="@kai@x.example")
        network.add("2", NOW - timedelta(hours=2), "Great delivery, thanks!", author_name="Ada Lovelace")
        network.add("3", NOW - timedelta(hours=1), "Thanks Ada", in_reply_to_id="2")
        (report,) = services.inbox.sync()
        assert (report.new, report.error_code, report.backfill_done) == (3, None, True)
        network.add("2", NOW - timedelta(hours=2), "Great delivery, many thanks!", author_name="Ada Lovelace")
        assert services.inbox.sync()[0].updated == 1

        def texts(**filters: Any) -> list[str]:
            return [r.text for r in services.inbox.list(InboxFilter(**filters))]

        assert texts(query="lieferung") == ["Die Lieferung ist kaputt, nicht gut"]
        assert texts(query="thanks") == ["Thanks Ada", "Great delivery, many thanks!"]
        assert texts(query="lovelace") == ["Great delivery, many thanks!"]  # the author is searched too
        assert texts(sentiment="negative") == ["Die Lieferung ist kaputt, nicht gut"]
        rows = services.inbox.list()
        assert rows[0].conversation_id == rows[1].conversation_id is not None

        ids = services.inbox.ids()
        services.inbox.set_status([ids[0]], "done")
        services.inbox.tag([ids[1]], "vip")
        assert texts(status="open", tag="vip") == ["Great delivery, many thanks!"]
        assert services.inbox.unread_counts() == {"Fake": 2}
        sent = services.inbox.reply(ids[1], "Thank you!")
        assert sent.state == "sent" and network.replies == [("2", "Thank you!")]
    finally:
        services.close()


def _is_search_index(diff: Any) -> bool:
    """0004 indexes an expression on PostgreSQL (the search vector); the models cannot declare it."""
    return isinstance(diff, tuple) and diff[0] == "remove_index" and diff[1].name == "ix_inbox_items_search"
