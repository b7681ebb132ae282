"""The shared connector contract (``connector_contract.py``) run against every built-in connector."""

from __future__ import annotations

import httpx
import pytest
from connector_contract import WHEN, ConnectorContract
from test_contract_bluesky import ENTRYWAY, PASSWORD, FakeAtproto
from test_contract_mastodon import BASE, FakeMastodon

from publisher.channels.bluesky import BlueskyKind
from publisher.channels.feed import FeedKind
from publisher.channels.mastodon import MastodonKind
from publisher.channels.protocol import ChannelConfig
from publisher.clock import ManualClock


class TestFeedContract(ConnectorContract):
    @pytest.fixture
    def kind(self):
        return FeedKind()

    @pytest.fixture
    def connector(self, kind, tmp_path):
        _, _, settings = kind.validate(base_url=None, handle=None, path=str(tmp_path))
        return kind.connect(ChannelConfig(1, "Contract", None, None, settings), None)


class TestMastodonContract(ConnectorContract):
    @pytest.fixture
    def kind(self):
        return MastodonKind(
            transport=httpx.MockTransport(FakeMastodon()), sleeper=lambda _: None, clock=ManualClock(WHEN)
        )

    @pytest.fixture
    def connector(self, kind):
        return kind.connect(ChannelConfig(1, "Contract", BASE, None, {}), "tok")


class TestBlueskyContract(ConnectorContract):
    @pytest.fixture
    def kind(self):
        return BlueskyKind(transport=httpx.MockTransport(FakeAtproto()), clock=ManualClock(WHEN))

    @pytest.fixture
    def connector(self, kind):
        return kind.connect(ChannelConfig(1, "Contract", ENTRYWAY, "alice.test", {}), PASSWORD)
