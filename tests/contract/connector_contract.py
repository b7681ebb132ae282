"""The contract every connector keeps, as a base class: a connector's test module subclasses it (``TestXContract``)
and provides the ``kind`` and ``connector`` fixtures; every shared test then runs against that connector."""

from __future__ import annotations

from datetime import UTC, datetime

from publisher.channels.protocol import (
    Capabilities,
    InboxConnector,
    MetricsConnector,
    PublishRequest,
    PublishResult,
    SchedulingConnector,
)

WHEN = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def contract_request(text: str = "Contract test post", key: str = "pub-7-contract") -> PublishRequest:
    return PublishRequest(key=key, post_id=7, title="Contract", text=text, date=WHEN, channel_name="Contract")


class ConnectorContract:
    """Shared tests; subclasses define the fixtures ``kind`` (a ChannelKind) and ``connector`` (its connector)."""

    def test_the_kind_describes_itself(self, kind):
        assert kind.kind and kind.display_name
        assert isinstance(kind.capabilities, Capabilities)
        assert isinstance(kind.idempotent_publish, bool) and isinstance(kind.needs_secret, bool)

    def test_declared_capabilities_have_their_methods(self, kind, connector):
        caps = kind.capabilities
        assert isinstance(connector, InboxConnector) == caps.inbox
        assert isinstance(connector, MetricsConnector) == caps.metrics
        assert isinstance(connector, SchedulingConnector) == caps.server_scheduling

    def test_publish_returns_where_the_post_is(self, connector):
        result = connector.publish(contract_request())
        assert isinstance(result, PublishResult)
        assert result.remote_id

    def test_publishing_the_same_delivery_twice_makes_one_post(self, kind, connector):
        if not kind.idempotent_publish:
            return
        assert connector.publish(contract_request()) == connector.publish(contract_request())

    def test_a_published_post_is_found_again(self, connector):
        result = connector.publish(contract_request())
        found = connector.find_published(contract_request())
        assert found is not None and found.remote_id == result.remote_id

    def test_a_post_never_published_is_not_found(self, connector):
        connector.publish(contract_request())
        assert connector.find_published(contract_request("Something else entirely", key="pub-8-other")) is None
