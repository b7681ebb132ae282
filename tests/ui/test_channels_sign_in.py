"""Signing a channel in again: the new secret goes to the keyring, a wrong one is not kept, waiting posts resume."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from publisher.channels.protocol import ChannelConfig, PublishRequest, PublishResult, VerifyResult
from publisher.channels.registry import Registry
from publisher.errors import AuthExpired
from publisher.services import Services, build_services
from ui.engine_runner import EngineRunner
from ui.main_window import MainWindow
from ui.tasks import TaskRunner


class TokenKind:
    kind = "mastodon"  # stands in for a Mastodon account whose token was revoked
    display_name = "Token network"
    fields = ()
    needs_secret = True
    idempotent_publish = True

    def validate(self, *, base_url, handle, path):
        return base_url, handle, {}

    def connect(self, config: ChannelConfig, secret: str | None) -> TokenConnector:
        return TokenConnector(secret)


class TokenConnector:
    def __init__(self, secret: str | None) -> None:
        self.secret = secret

    def verify(self) -> VerifyResult:
        if self.secret != "fresh-token":
            raise AuthExpired("channel.auth_expired", message="The access token is invalid")
        return VerifyResult(account="@us@example.social")

    def publish(self, request: PublishRequest) -> PublishResult:
        if self.secret != "fresh-token":
            raise AuthExpired("channel.auth_expired", message="The access token is invalid")
        return PublishResult(remote_id="1", remote_url="https://example.social/@us/1")

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        return None


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    s = build_services(f"sqlite:///{tmp_path / 'ui.sqlite3'}", registry=Registry([TokenKind()]))
    yield s
    s.close()


@pytest.fixture
def window(qtbot: Any, services: Services, english: None) -> Iterator[MainWindow]:
    tasks = TaskRunner(inline=True)
    engine = EngineRunner(services, tasks)
    win = MainWindow(tasks, services=services, engine=engine)
    qtbot.addWidget(win)
    win.show()
    win.refresh_all()
    yield win
    engine.stop()


def test_sign_in_again_keeps_only_a_working_secret_and_resumes_the_channel(
    qtbot: Any, window: MainWindow, services: Services
) -> None:
    services.channels.add("mastodon", name="Social", secret="revoked-token")
    post = services.posts.create("Hello", channels=["Social"])
    services.engine().run_once()  # 401: the channel pauses
    view = window.channels
    window.show_view("channels")
    view.refresh()
    view.table.selectRow(0)
    assert view.status_text("Social") == "Needs sign-in again"
    assert view.sign_in_again_button.isVisible()

    view.sign_in_again("Social", "typo-token")
    assert "invalid" in view.message.text() or "Sign in" in view.message.text()
    channel_id = services.channels.get("Social").id
    assert services.secrets.get(channel_id) == "revoked-token"  # the failed attempt was not kept

    view.sign_in_again("Social", "fresh-token")
    assert view.message.text() == "'Social' works: writes to @us@example.social."
    assert services.secrets.get(channel_id) == "fresh-token"
    assert view.status_text("Social") != "Needs sign-in again"
    services.posts.retry_post(post.id)
    assert services.engine().run_once().published == [post.deliveries[0].id]
