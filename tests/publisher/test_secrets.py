"""Secrets live only in the keyring; without a usable keyring, adding a channel that needs one fails cleanly."""

from __future__ import annotations

import keyring.backends.fail
import keyring.backends.null
import keyring.core
import keyring.errors
import pytest
from sqlalchemy import func, select

from publisher.channels.feed import FeedKind
from publisher.channels.protocol import ChannelConfig, PublishRequest, PublishResult, VerifyResult
from publisher.channels.registry import Registry
from publisher.db.models import AuditEntry, Channel
from publisher.errors import InputError, SecretsUnavailable
from publisher.secrets import SERVICE, SecretStore


class TokenKind:
    """A network that needs a token; its connector remembers the token it was given."""

    kind = "token"
    display_name = "Token network"
    fields = ()
    needs_secret = True
    idempotent_publish = True

    def __init__(self) -> None:
        self.secrets_seen: list[str | None] = []

    def validate(self, *, base_url, handle, path):
        return base_url, handle, {}

    def connect(self, config: ChannelConfig, secret: str | None) -> TokenConnector:
        self.secrets_seen.append(secret)
        return TokenConnector()


class TokenConnector:
    def verify(self) -> VerifyResult:
        return VerifyResult(account="@someone")

    def publish(self, request: PublishRequest) -> PublishResult:
        return PublishResult(remote_id="1", remote_url=None)

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        return None


@pytest.fixture
def token_kind() -> TokenKind:
    return TokenKind()


@pytest.fixture
def services(make_services, token_kind):
    return make_services(registry=Registry([FeedKind(), token_kind]))


def use_backend(monkeypatch, backend) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)


def channel_rows(services) -> int:
    with services.db.session() as s:
        return s.scalar(select(func.count(Channel.id))) or 0


def audit_rows(services) -> int:
    with services.db.session() as s:
        return s.scalar(select(func.count(AuditEntry.id))) or 0


# -- the store -------------------------------------------------------------------------------------------


def test_secrets_are_set_read_and_deleted(memory_keyring):
    store = SecretStore()
    assert store.status().usable
    assert store.get(7) is None
    store.set(7, "s3cret")
    assert store.get(7) == "s3cret"
    assert memory_keyring.passwords == {(SERVICE, "channel:7"): "s3cret"}
    store.set(7, "rotated")
    assert store.get(7) == "rotated"
    store.delete(7)
    assert store.get(7) is None
    store.delete(7)  # deleting what is not there is fine
    assert memory_keyring.passwords == {}


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring, keyring.backends.null.Keyring])
def test_without_a_usable_keyring_the_error_says_how_to_fix_it(monkeypatch, backend):
    use_backend(monkeypatch, backend())
    store = SecretStore()
    assert not store.status().usable
    with pytest.raises(SecretsUnavailable) as caught:
        store.require()
    message = str(caught.value)
    assert "PYTHON_KEYRING_BACKEND" in message
    assert backend.__module__ in message  # names what it found
    with pytest.raises(SecretsUnavailable):
        store.set(1, "s3cret")


def test_a_keyring_that_fails_on_read_is_reported_not_crashed(monkeypatch):
    use_backend(monkeypatch, keyring.backends.fail.Keyring())
    with pytest.raises(SecretsUnavailable):
        SecretStore().get(1)
    with pytest.raises(SecretsUnavailable):
        SecretStore().delete(1)


# -- channels that need a secret -------------------------------------------------------------------------


def test_a_channel_secret_goes_to_the_keyring_and_back_to_the_connector(services, token_kind, memory_keyring):
    info = services.channels.add("token", name="Social", secret="tok-123")
    assert memory_keyring.passwords == {(SERVICE, f"channel:{info.id}"): "tok-123"}
    assert "tok-123" not in repr(services.channels.all())  # never stored with the channel

    assert services.channels.verify("Social").account == "@someone"
    assert token_kind.secrets_seen == ["tok-123"]

    services.channels.remove("Social")
    assert memory_keyring.passwords == {}


def test_a_channel_that_needs_a_secret_is_refused_without_one(services, memory_keyring):
    with pytest.raises(InputError) as caught:
        services.channels.add("token", name="Social")
    assert caught.value.code == "channel.secret_required"
    assert channel_rows(services) == 0


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring, keyring.backends.null.Keyring])
def test_without_a_keyring_adding_a_channel_with_a_secret_writes_nothing(services, monkeypatch, backend):
    use_backend(monkeypatch, backend())
    with pytest.raises(SecretsUnavailable) as caught:
        services.channels.add("token", name="Social", secret="tok-123")
    assert "PYTHON_KEYRING_BACKEND" in str(caught.value)
    assert channel_rows(services) == 0
    assert audit_rows(services) == 0


def test_a_keyring_that_refuses_the_write_leaves_no_channel(services, monkeypatch, memory_keyring):
    def locked(service, username, password):
        raise keyring.errors.PasswordSetError("the keyring is locked")

    monkeypatch.setattr(memory_keyring, "set_password", locked)
    with pytest.raises(SecretsUnavailable):
        services.channels.add("token", name="Social", secret="tok-123")
    assert channel_rows(services) == 0
    assert audit_rows(services) == 0


def test_feed_channels_work_without_any_keyring(services, monkeypatch, feed_dir):
    use_backend(monkeypatch, keyring.backends.fail.Keyring())
    services.channels.add("feed", name="Blog", path=str(feed_dir))
    services.posts.create("Hello", channels=["Blog"])
    assert services.engine().run_once().published
    services.channels.remove("Blog")
