"""Contacts on a real PostgreSQL (tests/integration/servers/postgres_server.py): search (LIKE with literal
wildcards), the tag filter over the JSON column, ordering by last message, merge, rename and unmerge.

``PUBLISHER_SKIP_SERVERS=1`` skips it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from publisher.channels.registry import Registry
from publisher.clock import ManualClock
from publisher.errors import InputError
from publisher.services import build_services
from tests.integration.servers.running import REAL_SERVERS
from tests.publisher.inbox_fake import FakeInboxKind

pytestmark = REAL_SERVERS

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_contacts_on_postgresql(postgres: Any) -> None:
    url = postgres.create_database("publisher_contacts")
    network = FakeInboxKind(page_size=50)
    network.add("1", NOW - timedelta(hours=3), "Invoice?", author="@ada@x.example", author_name="Ada")
    network.add("2", NOW - timedelta(hours=2), "Great!", author="@bob@x.example", author_name="Bob")
    network.add("3", NOW - timedelta(hours=1), "Ada again", author="@ada_2@y.example", author_name="Ada Zwei")
    services = build_services(url, clock=ManualClock(NOW), registry=Registry([network]), actor="tester")
    try:
        services.channels.add("fakeinbox", name="Fake")
        services.inbox.sync()
        assert [r.name for r in services.contacts.list()] == ["Ada Zwei", "Bob", "Ada"]
        assert [r.name for r in services.contacts.list("ADA")] == ["Ada Zwei", "Ada"]
        assert [r.name for r in services.contacts.list("a_2")] == ["Ada Zwei"]  # _ is no wildcard
        assert services.contacts.list("%") == []
        ids = {h.handle: r.id for r in services.contacts.list() for h in r.handles}
        ada, second, bob = ids["@ada@x.example"], ids["@ada_2@y.example"], ids["@bob@x.example"]

        services.contacts.set_tags(bob, ["Presse", "vip"])
        services.contacts.set_tags(ada, ["Überraschung"])
        assert [r.name for r in services.contacts.list(tag="vip")] == ["Bob"]
        assert [r.name for r in services.contacts.list(tag="überraschung")] == ["Ada"]  # non-ASCII in JSON text

        merged = services.contacts.merge(second, ada)
        assert [m.text for m in merged.history] == ["Ada again", "Invoice?"]
        assert [r.name for r in services.contacts.list()] == ["Ada", "Bob"]
        with pytest.raises(InputError):
            services.contacts.merge(ada, second)
        assert services.contacts.rename(ada, "Ada Lovelace").name == "Ada Lovelace"
        assert [r.id for r in services.contacts.list("lovelace")] == [ada]
        split = services.contacts.unmerge(second)
        assert [m.text for m in split.history] == ["Ada again"]
        assert services.contacts.get(ada).message_count == 1
    finally:
        services.close()
